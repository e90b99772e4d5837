#include <sstream>

#include "cli/commands.hpp"
#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

void register_parse(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("parse", "Parse journal text into articles (JSON, without alignment)");
    cmd->footer(
        "Example:\n"
        "  summalign parse corpus/ugeskr-2003-165-stamceller.txt > parsed.json\n"
        "  summalign parse article.pdf > parsed.json   # a PDF is read directly (its text layer)\n"
        "  pdftotext -enc UTF-8 article.pdf - | summalign parse -");
    struct Options {
        std::string file;
        std::string format = "json";
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("FILE", options->file, "a PDF (recognised by its %PDF- header), or UTF-8 text as PDF extraction gives it; - for standard input")->required();
    cmd->add_option("--format", options->format,
                    "json (default), jsonl (one article per line) or source (the text the offsets index: for a PDF, its extracted text)")
        ->check(CLI::IsMember({"json", "jsonl", "source"}));
    cmd->callback([options, &action] {
        action = [options]() -> int {
            const Input input = read_input(options->file);
            if (options->format == "source") {
                emit(input.source.bytes);
                finish_now(0);
            }
            const Parser parser;
            Document document = parser.parse(input.source);
            attach_pages(document, input);
            std::ostringstream out;
            write_document(out, parse_format(options->format), document, {});
            emit(out.str());
            finish_now(0);
        };
    });
}

}  // namespace summalign::cli
