#include <unistd.h>

#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "summalign/export.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

void register_align(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("align", "Parse, align and check journal text: Resumé with Summary, titles, claim support");
    cmd->footer(
        "Examples:\n"
        "  summalign align corpus/ugeskr-2003-165-stamceller.txt > aligned.json\n"
        "  summalign align --format html corpus/ugeskr-2003-165-stamceller.txt > report.html\n"
        "  summalign align --format tmx corpus/*.txt > memory.tmx   # one TMX per file: use one file\n"
        "  summalign align --format jsonl --threads 2 archive/*.txt > aligned.jsonl");
    struct Options {
        std::vector<std::string> files;
        std::string format = "json";
        unsigned threads = 1;
        std::vector<std::string> dictionaries;
        std::string da_language = "da-DK";
        std::string en_language = "en-GB";
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("FILE", options->files, "UTF-8 journal text; - for standard input; several files need --format jsonl or tsv")
        ->required();
    cmd->add_option("--format", options->format, "json (default), jsonl, tsv, tmx or html")
        ->check(CLI::IsMember({"json", "jsonl", "tsv", "tmx", "html"}));
    cmd->add_option("--threads", options->threads, "articles aligned in parallel (output is the same for any value)")
        ->check(CLI::Range(1u, 256u));
    cmd->add_option("--dict", options->dictionaries, "extra dictionary: hunalign .dict (english @ danish) or TSV (danish<TAB>english)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--tmx-da-lang", options->da_language, "xml:lang of the Danish side in TMX (default da-DK)");
    cmd->add_option("--tmx-en-lang", options->en_language, "xml:lang of the English side in TMX (default en-GB)");
    cmd->callback([options, &action] {
        action = [options] {
            const Format format = parse_format(options->format);
            if (options->files.size() > 1 && format != Format::jsonl && format != Format::tsv)
                throw std::invalid_argument("several input files need --format jsonl or tsv (json, tmx and html describe one file)");
            LexiconOptions lexicon_options;
            for (const auto& dictionary : options->dictionaries) lexicon_options.user_dictionaries.emplace_back(dictionary);
            const Aligner aligner(lexicon_options);
            ExportOptions export_options;
            export_options.da_language = options->da_language;
            export_options.en_language = options->en_language;
            const bool show_progress = options->files.size() > 1 && isatty(STDERR_FILENO);
            // Every file is read and aligned before anything is written, so an error in the
            // last file never leaves half the output behind.
            std::ostringstream out;
            for (std::size_t i = 0; i < options->files.size(); ++i) {
                if (show_progress) std::cerr << "\r[" << i + 1 << '/' << options->files.size() << "] " << options->files[i] << "\033[K" << std::flush;
                const SourceText source = read_source(options->files[i]);
                AlignedDocument aligned = aligner.align(source, options->threads);
                write_document(out, format, aligned.document, aligned.articles, export_options);
            }
            if (show_progress) std::cerr << '\n';
            emit(out.str());
            return 0;
        };
    });
}

}  // namespace summalign::cli
