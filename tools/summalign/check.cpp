// summalign check: the findings of the whole pipeline (parse -> align -> check), as JSON
// or as compiler-style lines that editors can jump to.
#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <memory>
#include <sstream>

#include "commands.hpp"
#include "detail/messages_format.hpp"
#include "lexicon_arguments.hpp"
#include "streaming.hpp"
#include "detail/mapped_file.hpp"
#include "summalign/check.hpp"
#include "summalign/pdf.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/stream.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

namespace {

// 1-based line and column (in characters) of byte `offset` in `bytes`.
struct Position {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Line starts are found once per file so that many findings stay cheap.
class LineIndex {
public:
    explicit LineIndex(std::string_view bytes) : bytes_(bytes) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < bytes.size(); ++i)
            if (bytes[i] == '\n') starts_.push_back(i + 1);
    }

    Position position(std::size_t offset) const {
        offset = std::min(offset, bytes_.size());
        const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
        const std::size_t line = static_cast<std::size_t>(next - starts_.begin());
        const std::size_t line_start = starts_[line - 1];
        // Count characters, not bytes: a column after "Resumé" must not count é twice.
        std::size_t column = 1;
        const auto* s = reinterpret_cast<const uint8_t*>(bytes_.data());
        auto i = static_cast<int32_t>(line_start);
        while (static_cast<std::size_t>(i) < offset) {
            U8_FWD_1(s, i, static_cast<int32_t>(offset));
            ++column;
        }
        return {line, column};
    }

private:
    std::string_view bytes_;
    std::vector<std::size_t> starts_;
};

}  // namespace

void register_check(CLI::App& app, Action& action, std::string& message_language) {
    auto* cmd = app.add_subcommand("check", "Report misspellings, number and abbreviation mismatches, unsupported claims and missing parts");
    cmd->footer(
        "Examples:\n"
        "  summalign check corpus/ugeskr-2003-165-stamceller.txt > findings.json\n"
        "  summalign check --format text corpus/ugeskr-2003-165-stamceller.txt\n"
        "      corpus/ugeskr-2003-165-stamceller.txt:11:59: misspelling: 'steum' is not in the English dictionaries; did you mean 'stem'?\n"
        "\n"
        "JSON: an array of {\"file\", \"article\", \"kind\", \"lang\", \"text\", \"word\", \"message\", \"suggestion\", \"start\", \"end\"};\n"
        "start/end are byte offsets into FILE, article the 0-based index of the article in it.\n"
        "Text: one line per finding, FILE:LINE:COLUMN: KIND: MESSAGE (column counted in characters);\n"
        "for a PDF FILE:page N: KIND: MESSAGE, and JSON findings get \"page\" (offsets are then into\n"
        "the text extracted from the PDF, as summalign parse shows it).\n"
        "A directory stands for the *.txt and *.pdf files under it, in path order.\n"
        "Findings are not errors: the exit status is 0 whenever the input could be read, unless\n"
        "--fail-on names kinds: then it is 1 when a finding of one of them was reported (the output\n"
        "is complete either way), e.g. to fail a CI step:\n"
        "  summalign check --fail-on misspelling,number_mismatch --format text corpus/");
    struct Options {
        std::vector<std::string> files;
        std::string format = "json";
        std::string output;
        unsigned threads = 1;
        std::vector<std::string> fail_on;
        LexiconArguments lexicon;
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("FILE", options->files,
                    "a PDF (recognised by its %PDF- header), UTF-8 journal text, or a directory of them; - for standard input")
        ->required();
    cmd->add_option("--format", options->format, "json (default) or text")->check(CLI::IsMember({"json", "text"}));
    add_output_option(*cmd, options->output);
    add_threads_option(*cmd, options->threads, "articles checked in parallel");
    std::vector<std::string> kinds;
    for (auto kind : {Finding::Kind::misspelling, Finding::Kind::number_mismatch, Finding::Kind::abbreviation_mismatch,
                      Finding::Kind::unsupported_claim, Finding::Kind::missing_summary, Finding::Kind::missing_resume,
                      Finding::Kind::suspect_structure})
        kinds.emplace_back(to_string(kind));
    cmd->add_option("--fail-on", options->fail_on, "exit 1 when a finding of one of these kinds (comma-separated) is reported")
        ->delimiter(',')
        ->check(CLI::IsMember(kinds));
    options->lexicon.add_to(*cmd);
    add_message_language_option(*cmd, message_language);
    cmd->callback([options, &action, &message_language] {
        action = [options, &message_language]() -> int {
            const Messages messages = messages_for(message_language);
            const std::vector<std::string> files = expand_inputs(options->files);
            if (std::count(files.begin(), files.end(), "-") > 1) throw UsageError("standard input (-) can be read only once");
            const unsigned threads = thread_count(options->threads, messages);
            Output output(options->output);
            // On standard output nothing can be taken back: every named file is checked to be
            // readable UTF-8 first (a few MB at a time: a second read, not memory). With -o
            // the output appears only once complete anyway.
            if (output.to_stdout())
                for (const std::string& file : files)
                    if (file != "-" && !check_text_file(file) && files.size() > 1) read_input(file);  // a PDF: extracted
            bool failing = false;
            // The dictionaries load while the first file is read and laid out.
            AlignerLoading loading(options->lexicon.options_warning_of_missing(messages), threads, messages);
            const bool as_text = options->format == "text";
            std::ostream& out = output.stream();
            std::size_t reported = 0;
            // One finding: a line of text, or an element of the JSON array (written as
            // nlohmann's dump(2) writes the whole array, one element at a time). `at` gives its
            // line and column, or its page (> 0) for a PDF.
            auto report = [&](const std::string& name, std::size_t a, const Finding& f, std::size_t page,
                              const std::function<Position()>& at) {
                const std::string_view kind = to_string(f.kind);
                failing = failing || std::find(options->fail_on.begin(), options->fail_on.end(), kind) != options->fail_on.end();
                if (as_text) {
                    // A PDF has no lines the user could go to: its page instead.
                    if (page > 0) {
                        out << name << ':' << detail::format_message(messages, "page {}", page);
                    } else {
                        const Position position = at();
                        out << name << ':' << position.line << ':' << position.column;
                    }
                    out << ": " << kind << ": " << f.message << '\n';
                } else {
                    // Keys in the order docs/schema.md gives (file, article, then the Finding's).
                    nlohmann::ordered_json object = {{"file", name},
                                                     {"article", a},
                                                     {"kind", kind},
                                                     {"lang", to_string(f.lang)},
                                                     {"text", f.text},
                                                     {"word", f.word},
                                                     {"message", f.message},
                                                     {"suggestion", f.suggestion},
                                                     {"start", f.span.start},
                                                     {"end", f.span.end}};
                    if (page > 0) object["page"] = page;
                    std::string element = object.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
                    out << (reported == 0 ? "[\n  " : ",\n  ");
                    for (char c : element) {
                        out << c;
                        if (c == '\n') out << "  ";
                    }
                }
                ++reported;
            };
            for (const auto& file : files) {
                // Text, named or on standard input, is checked window by window (bounded
                // memory, as `align` reads it); a PDF is read whole.
                std::optional<Input> input;
                std::optional<StreamedFile> named;
                std::string head;
                int fd = STDIN_FILENO;
                if (file == "-") {
                    head = detail::read_head(STDIN_FILENO, 5, "-");
                    if (head.starts_with("%PDF-")) input.emplace(read_input_rest(std::move(head), STDIN_FILENO, "-"));
                } else {
                    named.emplace(file);
                    if (named->is_pdf()) input.emplace(read_input(file));
                    else head = named->take_head(), fd = named->fd();
                }
                if (!input) {
                    const Aligner& aligner = loading.aligner();
                    // Line starts of the window the articles come from, found once per window.
                    // A window is known by its stream offset: the next window's text may be
                    // allocated where the last one's was, so its address says nothing.
                    std::optional<std::size_t> indexed_base;
                    std::optional<LineIndex> lines;
                    const auto source = descriptor_source(fd, file, std::move(head));
                    align_stream(
                        aligner, *source,
                        [&](std::size_t a, const Article&, AlignedArticle&& aligned, const StreamWindow& window) {
                            if (indexed_base != window.base) {
                                lines.emplace(window.bytes);
                                indexed_base = window.base;
                            }
                            for (const Finding& f : aligned.findings)
                                report(file, a, f, 0, [&] {
                                    Position at = lines->position(f.span.start - window.base);
                                    at.line += window.lines_before;
                                    return at;
                                });
                            output.check();
                        },
                        StreamOptions{threads, named_file_window, nullptr});
                    continue;
                }
                const SourceText& source = input->source;
                DocumentLayout layout(source);
                Document document = loading.parser().parse(std::move(layout), threads);
                attach_pages(document, *input);
                for (Article& article : document.articles)
                    settle_resume_end(loading.aligner().scorer(), article, source.bytes);
                const LineIndex lines(source.bytes);
                // With the source, findings get exact word spans in it.
                align_in_order(loading.aligner(), document.articles, source.bytes, threads,
                               [&](std::size_t a, FinishedArticle&& finished) {
                                   for (const Finding& f : finished.aligned.findings)
                                       report(source.name, a, f, page_of(input->page_starts, f.span.start),
                                              [&] { return lines.position(f.span.start); });
                                   output.check();
                               });
            }
            if (!as_text) out << (reported == 0 ? "[]\n" : "\n]\n");
            output.commit();
            finish_now(failing ? 1 : 0);
        };
    });
}

}  // namespace summalign::cli
