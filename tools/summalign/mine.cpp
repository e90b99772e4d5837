// summalign mine DA_FILE EN_FILE (or DA_DIR EN_DIR): for each Danish line the best English line.
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "lexicon_arguments.hpp"
#include "text_input.hpp"
#include "detail/export_tsv.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {
namespace {

struct MineArguments {
    std::string danish_file;
    std::string english_file;
    unsigned threads = 1;
    std::string output;
    std::size_t candidates = MineOptions{}.candidates;
    std::size_t full_scores = MineOptions{}.full_scores;
    std::size_t vote_budget = MineOptions{}.vote_budget;
    bool no_margin = false;
    bool many_to_one = false;
    LexiconArguments lexicon;
};

}  // namespace

void register_mine(CLI::App& app, Action& action, std::string& message_language) {
    auto arguments = std::make_shared<MineArguments>();
    auto* command = app.add_subcommand("mine", "For each Danish line, the English line that is most likely its translation");
    command->add_option("DA_FILE", arguments->danish_file, "Danish text, one segment per line ('-' for standard input), or a directory of *.txt files")
        ->required();
    command->add_option("EN_FILE", arguments->english_file, "English text, one segment per line ('-' for standard input), or a directory of *.txt files")
        ->required();
    add_threads_option(*command, arguments->threads, "Worker threads");
    add_output_option(*command, arguments->output);
    command->add_option("--candidates", arguments->candidates, "English lines proposed per Danish line by the candidate index")
        ->capture_default_str()
        ->check(number_in_range(1, 100000, true));
    command->add_option("--full-scores", arguments->full_scores,
                        "of the proposed lines, how many are scored in full (the likeliest by an estimate); 0 = all")
        ->capture_default_str()
        ->check(number_in_range(0, 100000, true));
    command->add_option("--vote-budget", arguments->vote_budget,
                        "posting-list entries visited per Danish line before common words are skipped")
        ->capture_default_str()
        ->check(number_in_range(0, 1e9, true));
    arguments->lexicon.add_to(*command);
    command->add_flag("--no-margin", arguments->no_margin, "Rank by raw score instead of margin over each line's typical score");
    command->add_flag("--many-to-one", arguments->many_to_one,
                      "Let several Danish lines pick the same English line (by default a line goes to the best-scoring one)");
    command->footer(
        "Output: one line per Danish line, DA_INDEX<TAB>BEST_EN_INDEX<TAB>SCORE (0-based; '-' when EN_FILE is empty).\n"
        "Two directories: the *.txt files under each are paired by their path relative to it, in path order,\n"
        "and every line starts with that path: SOURCE<TAB>DA_INDEX<TAB>BEST_EN_INDEX<TAB>SCORE. A file without\n"
        "a partner is an error, reported before anything is written.\n"
        "Example:\n"
        "  summalign mine resume.da.txt summary.en.txt\n"
        "  printf 'Hunden sover.\\nJeg drikker kaffe.\\n' > da.txt; printf 'I drink coffee.\\nThe dog sleeps.\\n' > en.txt\n"
        "  summalign mine da.txt en.txt     # 0<TAB>1<TAB>...  1<TAB>0<TAB>...");
    command->callback([arguments, &action, &message_language] {
        action = [arguments, &message_language] {
            const Messages messages = messages_for(message_language);
            const std::vector<TextPair> text_pairs = pair_text_inputs(arguments->danish_file, arguments->english_file);
            std::optional<Lexicon> lexicon;
            std::optional<SentenceScorer> scorer;
            std::optional<unsigned> threads;
            std::string out;
            for (const TextPair& text_pair : text_pairs) {
                const auto danish = read_segments(text_pair.danish, "mine");
                const auto english = read_segments(text_pair.english, "mine");
                if (!scorer) {
                    lexicon.emplace(arguments->lexicon.options_warning_of_missing(messages));
                    scorer.emplace(*lexicon);
                    threads = thread_count(arguments->threads, messages);  // warns once
                }
                MineOptions options;
                options.threads = static_cast<unsigned>(std::clamp<std::size_t>(*threads, 1, std::max<std::size_t>(danish.size(), 1)));
                options.candidates = arguments->candidates;
                options.full_scores = arguments->full_scores;
                options.vote_budget = arguments->vote_budget;
                options.margin = !arguments->no_margin;
                options.one_to_one = !arguments->many_to_one;
                options.english_name = text_pair.english;
                const auto pairs = mine(*scorer, danish, english, options);
                // Two directories: each line starts with its pair's path, as align --format tsv names its source.
                const std::string source = text_pair.source.empty() ? "" : detail::tsv_escape(text_pair.source) + '\t';
                if (out.empty()) out.reserve(pairs.size() * (16 + source.size()));
                for (const auto& pair : pairs) {
                    out += source;
                    if (pair.en_index == std::numeric_limits<std::size_t>::max())
                        out += fmt::format("{}\t-\t0.0000\n", pair.da_index);
                    else
                        out += fmt::format("{}\t{}\t{:.4f}\n", pair.da_index, pair.en_index, pair.score);
                }
            }
            emit(arguments->output, out);
            return 0;
        };
    });
}

}  // namespace summalign::cli
