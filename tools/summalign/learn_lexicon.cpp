#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "commands.hpp"
#include "detail/messages_format.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"
#include "train/train.hpp"

namespace summalign::cli {
namespace {

// The files `arguments` name: each file as given, each directory's *.tsv files (recursively,
// in path order).
std::vector<std::string> tsv_files(const std::vector<std::string>& arguments) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string& argument : arguments) {
        std::error_code error;
        if (!fs::is_directory(argument, error)) {
            files.push_back(argument);
            continue;
        }
        for (const fs::path& file : files_under(argument, {".tsv"}, "directory has no .tsv files")) files.push_back(file.string());
    }
    return files;
}

}  // namespace

void register_learn_lexicon(CLI::App& app, Action& action, std::string& message_language) {
    auto* cmd = app.add_subcommand("learn-lexicon", "Learn word translation probabilities (IBM Model 1) from parallel text");
    cmd->footer(
        "Reads Danish-English parallel text, trains IBM Model 1 in both directions, keeps the\n"
        "word pairs both directions agree on (unless --union), and writes the binary lexicon\n"
        "file the library memory-maps (LexiconOptions::learned_file; the build writes the\n"
        "default one to build/data/lexicon-learned.bin). Prints a one-line summary.\n"
        "\n"
        "Examples:\n"
        "  summalign learn-lexicon --libreoffice-help /usr/share/libreoffice/help/da \\\n"
        "      /usr/share/libreoffice/help/en-US --bundle-freedict /usr/share/dictd \\\n"
        "      --bundle-glossary data/glossary-da-en.tsv -o lexicon-learned.bin\n"
        "  summalign learn-lexicon --tsv pairs.tsv -o mine.bin   # lines: danish<TAB>english\n"
        "  summalign learn-lexicon -o mine.bin pairs/            # every *.tsv under pairs/\n"
        "\n"
        "Parallel text files may also be given without --tsv; a directory stands for the *.tsv files\n"
        "under it (recursively, in path order). -j is accepted like every command's; training runs on\n"
        "one thread.");
    struct Options {
        std::vector<std::string> help_roots;
        std::vector<std::string> tsv_files;
        std::string output;
        LearnOptions learn;
        bool union_of_directions = false;
        unsigned threads = 1;
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("--libreoffice-help", options->help_roots, "Danish and English LibreOffice help roots, paragraphs paired by id")
        ->expected(2);
    cmd->add_option("--tsv,TSV", options->tsv_files,
                    "Parallel text file(s), danish<TAB>english per line, or directories of *.tsv files")
        ->check(CLI::ExistingPath);
    add_threads_option(*cmd, options->threads, "accepted like every command's; training runs on one thread");
    cmd->add_option("-o,--output", options->output, "Lexicon file to write")->required();
    cmd->add_option("--iterations", options->learn.iterations, "EM iterations per direction")->capture_default_str()->check(number_in_range(1, 100, true));
    cmd->add_option("--min-probability", options->learn.min_probability, "Prune translation probabilities below this")
        ->capture_default_str()
        ->check(number_in_range(0, 1, false));
    cmd->add_option("--max-translations", options->learn.max_translations, "Translations kept per word and direction")
        ->capture_default_str()
        ->check(number_in_range(1, 1000000, true));
    cmd->add_option("--min-count", options->learn.min_count, "Words seen fewer times are not learned")
        ->capture_default_str()
        ->check(number_in_range(0, 1e9, true));
    cmd->add_option("--max-words", options->learn.max_words, "Skip segments with more words than this")->capture_default_str();
    cmd->add_flag("--union", options->union_of_directions, "Keep pairs either direction keeps (default: both must)");
    cmd->add_option("--bundle-freedict", options->learn.bundle_freedict_dir,
                    "Also store FreeDict (dictd databases in DIR) in the file, so loading needs no parsing")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--bundle-glossary", options->learn.bundle_glossary_file, "Also store this glossary (danish<TAB>english) in the file")
        ->check(CLI::ExistingFile);
    cmd->callback([options, &action, &message_language] {
        action = [options, &message_language] {
            const Messages messages = messages_for(message_language);
            const auto started = std::chrono::steady_clock::now();
            std::vector<ParallelText> corpus;
            if (options->help_roots.size() == 2) {
                corpus = read_libreoffice_help(options->help_roots[0], options->help_roots[1]);
                if (corpus.empty())
                    throw Error(options->help_roots[0], std::nullopt, "no paragraph pairs found (are the LibreOffice help packages installed?)");
            }
            thread_count(options->threads, messages);  // warns about a count beyond the cores, like every command
            for (const auto& file : tsv_files(options->tsv_files)) {
                auto more = read_parallel_tsv(file);
                corpus.insert(corpus.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
            }
            if (corpus.empty()) throw Error(options->output, std::nullopt, "no parallel text given (use --libreoffice-help or --tsv)");
            const auto read = std::chrono::steady_clock::now();
            LearnOptions learn = options->learn;
            learn.intersect = !options->union_of_directions;
            const LearnSummary summary = learn_lexicon(corpus, options->output, learn);
            const auto done = std::chrono::steady_clock::now();
            const auto seconds = [](auto from, auto to) { return std::chrono::duration<double>(to - from).count(); };
            emit("", detail::format_message(messages,
                "{}: {} segments read, {} used; vocabulary da {} en {}; learned pairs da->en {} en->da {}; bundled pairs {}; {} bytes; "
                "reading {:.1f} s, training {:.1f} s",
                options->output, summary.segments_read, summary.segments_used, summary.danish_vocabulary, summary.english_vocabulary,
                summary.da_to_en_pairs, summary.en_to_da_pairs, summary.bundled_pairs, summary.file_bytes, seconds(started, read), seconds(read, done)) + "\n");
            return 0;
        };
    });
}

}  // namespace summalign::cli
