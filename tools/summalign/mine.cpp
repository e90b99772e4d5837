// summalign mine DA_FILE EN_FILE: for each Danish line the best English line.
#include <fmt/format.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "lexicon_arguments.hpp"
#include "text_input.hpp"
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
    std::size_t candidates = 40;
    bool no_margin = false;
    LexiconArguments lexicon;
};

}  // namespace

void register_mine(CLI::App& app, Action& action, std::string& message_language) {
    auto arguments = std::make_shared<MineArguments>();
    auto* command = app.add_subcommand("mine", "For each Danish line, the English line that is most likely its translation");
    command->add_option("DA_FILE", arguments->danish_file, "Danish text, one segment per line ('-' for standard input)")
        ->required();
    command->add_option("EN_FILE", arguments->english_file, "English text, one segment per line ('-' for standard input)")
        ->required();
    add_threads_option(*command, arguments->threads, "Worker threads");
    add_output_option(*command, arguments->output);
    command->add_option("--candidates", arguments->candidates, "English lines scored in full per Danish line")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    arguments->lexicon.add_to(*command);
    command->add_flag("--no-margin", arguments->no_margin, "Rank by raw score instead of margin over each line's typical score");
    command->footer(
        "Output: one line per Danish line, DA_INDEX<TAB>BEST_EN_INDEX<TAB>SCORE (0-based; '-' when EN_FILE is empty).\n"
        "Example:\n"
        "  summalign mine resume.da.txt summary.en.txt\n"
        "  printf 'Hunden sover.\\nJeg drikker kaffe.\\n' > da.txt; printf 'I drink coffee.\\nThe dog sleeps.\\n' > en.txt\n"
        "  summalign mine da.txt en.txt     # 0<TAB>1<TAB>...  1<TAB>0<TAB>...");
    command->callback([arguments, &action, &message_language] {
        action = [arguments, &message_language] {
            const Messages messages = messages_for(message_language);
            const auto danish = read_segments(arguments->danish_file, "mine");
            const auto english = read_segments(arguments->english_file, "mine");
            const Lexicon lexicon(arguments->lexicon.options());
            const SentenceScorer scorer(lexicon);
            MineOptions options;
            options.threads = thread_count(arguments->threads, messages, danish.size());
            options.candidates = arguments->candidates;
            options.margin = !arguments->no_margin;
            const auto pairs = mine(scorer, danish, english, options);
            std::string out;
            out.reserve(pairs.size() * 16);
            for (const auto& pair : pairs) {
                if (pair.en_index == std::numeric_limits<std::size_t>::max())
                    out += fmt::format("{}\t-\t0.0000\n", pair.da_index);
                else
                    out += fmt::format("{}\t{}\t{:.4f}\n", pair.da_index, pair.en_index, pair.score);
            }
            emit(arguments->output, out);
            return 0;
        };
    });
}

}  // namespace summalign::cli
