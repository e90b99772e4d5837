#include <sstream>

#include "cli/commands.hpp"
#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

void register_parse(CLI::App& app, Action& action) {
    auto* cmd = app.add_subcommand("parse", "Parse journal text into articles (JSON, without alignment)");
    cmd->footer(
        "Example:\n"
        "  summalign parse corpus/ugeskr-2003-165-stamceller.txt > parsed.json\n"
        "  pdftotext -enc UTF-8 article.pdf - | summalign parse -");
    struct Options {
        std::string file;
        std::string format = "json";
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("FILE", options->file, "UTF-8 text as PDF extraction gives it; - for standard input")->required();
    cmd->add_option("--format", options->format, "json (default) or jsonl (one article per line)")
        ->check(CLI::IsMember({"json", "jsonl"}));
    cmd->callback([options, &action] {
        action = [options]() -> int {
            const SourceText source = read_source(options->file);
            const Parser parser;
            const Document document = parser.parse(source);
            std::ostringstream out;
            write_document(out, parse_format(options->format), document, {});
            emit(out.str());
            finish_now(0);
        };
    });
}

}  // namespace summalign::cli
