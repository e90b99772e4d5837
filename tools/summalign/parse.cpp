#include <unistd.h>

#include <algorithm>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "streaming.hpp"
#include "detail/mapped_file.hpp"
#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "summalign/stream.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

void register_parse(CLI::App& app, Action& action, std::string& message_language) {
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
    cmd->callback([options, &action, &message_language] {
        action = [options, &message_language]() -> int {
            const Messages messages = messages_for(message_language);
            const std::vector<std::string> files = expand_inputs(options->files);
            if (std::count(files.begin(), files.end(), "-") > 1) throw UsageError("standard input (-) can be read only once");
            if (files.size() > 1 && options->format == "source")
                throw UsageError("--format source prints the text of one file; give one FILE");
            const unsigned threads = thread_count(options->threads, messages);
            Output output(options->output);
            // Nothing written on standard output can be taken back: every named file is
            // checked first (a few MB at a time, so this costs a second read, not memory; a
            // PDF among several is extracted).
            if (output.to_stdout())
                for (const std::string& file : files)
                    if (file != "-" && !check_text_file(file) && files.size() > 1) read_input(file);
            const Format format = options->format == "source" ? Format::json : parse_format(options->format);
            const bool combined = files.size() > 1 && format == Format::json;
            const Parser parser;
            std::ostream& out = output.stream();
            DocumentWriter writer(out, format);
            if (combined) writer.begin_documents();
            for (std::size_t f = 0; f < files.size(); ++f) {
                // Text, named or on standard input, is read and parsed in windows of
                // named_file_window bytes (bounded memory; a text up to one window is parsed
                // whole); a PDF is read whole.
                std::optional<Input> input;
                std::optional<StreamedFile> named;
                std::string head;
                int fd = STDIN_FILENO;
                if (files[f] == "-") {
                    head = detail::read_head(STDIN_FILENO, 5, "-");
                    if (head.starts_with("%PDF-")) input.emplace(read_input_rest(std::move(head), STDIN_FILENO, "-"));
                } else {
                    named.emplace(files[f]);
                    if (named->is_pdf()) input.emplace(read_input(files[f]));
                    else head = named->take_head(), fd = named->fd();
                }
                if (options->format == "source") {
                    // The text the offsets index: a text file's own bytes (checked as read), a
                    // PDF's extracted text.
                    if (input) {
                        out << input->source.bytes;
                    } else {
                        std::size_t copied = 0;
                        copy_checked_text(fd, files[f], std::move(head), [&](std::string_view bytes) {
                            out << bytes;
                            copied += bytes.size();
                            output.check();
                        });
                    }
                    break;
                }
                Document document;
                document.source_name = files[f];
                if (input) {
                    document = parser.parse(DocumentLayout(input->source), threads);
                    attach_pages(document, *input);
                    writer.begin(document);
                    for (std::size_t i = 0; i < document.articles.size(); ++i) writer.add(document.articles[i], i);
                    writer.end(document);
                } else {
                    writer.begin(document);
                    const auto source = descriptor_source(fd, files[f], std::move(head));
                    parse_stream(
                        parser, *source,
                        [&](std::vector<Article>&& articles, std::size_t first, const StreamWindow&) {
                            for (std::size_t i = 0; i < articles.size(); ++i) writer.add(articles[i], first + i);
                            output.check();
                        },
                        StreamOptions{threads, named_file_window,
                                      [&](std::vector<Repair>&& repairs) { writer.add_repairs(repairs); }});
                    writer.end(document);
                }
                output.check();
            }
            if (combined) writer.end_documents();
            output.commit();
            finish_now(0);
        };
    });
}

}  // namespace summalign::cli
