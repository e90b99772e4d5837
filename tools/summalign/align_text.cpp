// summalign align-text DA_FILE EN_FILE (or DA_DIR EN_DIR): the ladder alignment of two texts, one segment per line.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "lexicon_arguments.hpp"
#include "text_input.hpp"
#include "detail/export_tsv.hpp"
#include "summalign/align.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {
namespace {

std::string join_ids(const std::vector<std::size_t>& ids) {
    std::string out;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (k > 0) out += ',';
        out += std::to_string(ids[k]);
    }
    return out;
}

struct AlignTextArguments {
    std::string danish_file;
    std::string english_file;
    LadderOptions ladder;
    bool evidence = false;
    std::string output;
    unsigned threads = 1;
    LexiconArguments lexicon;
};

}  // namespace

void register_align_text(CLI::App& app, Action& action, std::string& message_language) {
    auto arguments = std::make_shared<AlignTextArguments>();
    auto* command = app.add_subcommand(
        "align-text", "Align two texts (one segment per line) into beads: 1-1, 1-2, 2-1, 2-2 and omissions");
    command->add_option("DA_FILE", arguments->danish_file, "Danish text, one segment per line ('-' for standard input), or a directory of *.txt files")
        ->required();
    command->add_option("EN_FILE", arguments->english_file, "English text, one segment per line ('-' for standard input), or a directory of *.txt files")
        ->required();
    command->add_option("--omission-prior", arguments->ladder.omission_prior,
                        "Probability of a 1-0 (and of a 0-1) bead; 0 = default (docs/scoring.md)");
    command->add_option("--merge-prior", arguments->ladder.merge_prior,
                        "Probability of a 1-2 (and of a 2-1) bead; 0 = default");
    command->add_option("--band", arguments->ladder.band, "First half-width of the search band; 0 = from the lengths");
    command->add_option("--shared-word-penalty", arguments->ladder.shared_word_penalty,
                        "Log-odds a 1-2/2-1 bead pays per unit of word weight its two parts compete for (default 1; 0 = off)");
    command->add_option("--uncovered-part-penalty", arguments->ladder.uncovered_part_penalty,
                        "Log-odds a merge pays per unit its least-covered part falls below 0.35 coverage (default 4; 0 = off)");
    arguments->lexicon.add_to(*command);
    add_output_option(*command, arguments->output);
    add_threads_option(*command, arguments->threads, "two or more: a second thread aligns the stretches between cuts while the anchor search goes on (same output for any count)");
    command->add_flag("--evidence", arguments->evidence, "Append a fourth column: the word pairs behind each score");
    command->footer(
        "Output: one bead per line, DA_IDS<TAB>EN_IDS<TAB>SCORE. Ids are 0-based line numbers, comma-separated\n"
        "(\"3,4\" for two lines merged); one side is empty for a line left without counterpart. SCORE is the\n"
        "probability (0-1) that the two sides are translations of each other; 0 for an omission (docs/scoring.md).\n"
        "Two directories: the *.txt files under each are paired by their path relative to it, in path order,\n"
        "and every line starts with that path: SOURCE<TAB>DA_IDS<TAB>EN_IDS<TAB>SCORE. A file without a\n"
        "partner is an error, reported before anything is written.\n"
        "Example:\n"
        "  printf 'Hunden sover.\\nKatten spiser. Den er sulten.\\n' > da.txt\n"
        "  printf 'The dog sleeps.\\nThe cat eats.\\nIt is hungry.\\n' > en.txt\n"
        "  summalign align-text da.txt en.txt      # 0<TAB>0<TAB>0.9…  then  1<TAB>1,2<TAB>0.9…");
    command->callback([arguments, &action, &message_language] {
        action = [arguments, &message_language] {
            const Messages messages = messages_for(message_language);
            if (arguments->danish_file == "-" && arguments->english_file == "-")
                throw Error("-", std::nullopt, "only one of DA_FILE and EN_FILE can be standard input");
            arguments->ladder.with_matches = arguments->evidence;  // the word pairs cost a second score per bead
            arguments->ladder.threads = thread_count(arguments->threads, messages);  // warns about a count beyond the cores, like every command
            const std::vector<TextPair> pairs = pair_text_inputs(arguments->danish_file, arguments->english_file);
            std::optional<Lexicon> lexicon;
            std::optional<SentenceScorer> scorer;
            std::string out;
            for (const TextPair& pair : pairs) {
                const auto danish_lines = read_segments(pair.danish, "align-text");
                const auto english_lines = read_segments(pair.english, "align-text");
                if (!scorer) {
                    lexicon.emplace(arguments->lexicon.options_warning_of_missing(messages));
                    scorer.emplace(*lexicon);
                }
                const auto beads = align_texts(*scorer, danish_lines, english_lines, arguments->ladder);
                // Two directories: each line starts with its pair's path, as align --format tsv names its source.
                const std::string source = pair.source.empty() ? "" : detail::tsv_escape(pair.source) + '\t';
                for (const auto& bead : beads) {
                    out += source;
                    out += fmt::format("{}\t{}\t{:.4f}", join_ids(bead.da), join_ids(bead.en), bead.score);
                    if (arguments->evidence) {
                        out += '\t';
                        for (std::size_t k = 0; k < bead.matches.size(); ++k) {
                            const auto& match = bead.matches[k];
                            out += fmt::format("{}{}={}({})", k ? " " : "", match.da, match.en, to_string(match.kind));
                        }
                    }
                    out += '\n';
                }
            }
            emit(arguments->output, out);
            return 0;
        };
    });
}

}  // namespace summalign::cli
