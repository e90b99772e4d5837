#include <algorithm>
#include <sstream>

#include "commands.hpp"
#include "streaming.hpp"
#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

void register_parse(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("parse", "Parse journal text into articles (JSON, without alignment)");
    cmd->footer(
        "Examples:\n"
        "  summalign parse corpus/ugeskr-2003-165-stamceller.txt > parsed.json\n"
        "  summalign parse article.pdf > parsed.json   # a PDF is read directly (its text layer)\n"
        "  pdftotext -enc UTF-8 article.pdf - | summalign parse -\n"
        "  summalign parse --format jsonl -o parsed.jsonl corpus/\n"
        "\n"
        "A directory stands for the *.txt and *.pdf files under it, in path order. Several files:\n"
        "jsonl is one stream (each line names its source), json one {\"documents\": [...]} object.");
    struct Options {
        std::vector<std::string> files;
        std::string format = "json";
        std::string output;
        unsigned threads = 1;
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("FILE", options->files,
                    "a PDF (recognised by its %PDF- header), UTF-8 text as PDF extraction gives it, or a directory of them; "
                    "- for standard input")
        ->required();
    cmd->add_option("--format", options->format,
                    "json (default), jsonl (one article per line) or source (the text the offsets index: for a PDF, its extracted text)")
        ->check(CLI::IsMember({"json", "jsonl", "source"}));
    add_output_option(*cmd, options->output);
    add_threads_option(*cmd, options->threads, "articles parsed in parallel");
    cmd->callback([options, &action] {
        action = [options]() -> int {
            const std::vector<std::string> files = expand_inputs(options->files);
            if (std::count(files.begin(), files.end(), "-") > 1) throw UsageError("standard input (-) can be read only once");
            if (files.size() > 1 && options->format == "source")
                throw UsageError("--format source prints the text of one file; give one FILE");
            const unsigned threads = thread_count(options->threads);
            Output output(options->output);
            // Nothing written on standard output can be taken back: every file is read and
            // checked first (one at a time, so this costs a second read, not memory).
            if (output.to_stdout() && files.size() > 1)
                for (const std::string& file : files)
                    if (file != "-") read_input(file);
            const bool combined = files.size() > 1 && options->format == "json";
            const Parser parser;
            std::ostream& out = output.stream();
            if (combined) out << "{\"documents\": [\n";  // as DocumentWriter::begin_documents writes it
            for (std::size_t f = 0; f < files.size(); ++f) {
                const Input input = read_input(files[f]);
                if (options->format == "source") {
                    out << input.source.bytes;
                    break;
                }
                Document document = parser.parse(DocumentLayout(input.source), threads);
                attach_pages(document, input);
                if (combined && f > 0) out << ',';
                write_document(out, parse_format(options->format), document, {});
                output.check();
            }
            if (combined) out << "]}\n";
            output.commit();
            finish_now(0);
        };
    });
}

}  // namespace summalign::cli
