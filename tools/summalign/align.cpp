#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "detail/messages_format.hpp"
#include "lexicon_arguments.hpp"
#include "streaming.hpp"
#include "detail/mapped_file.hpp"
#include "summalign/error.hpp"
#include "summalign/export.hpp"
#include "summalign/pdf.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/stream.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {
namespace {

// "[2/40] archive/2003-49.txt: article 12/31" on one self-overwriting stderr line, at most
// ten times a second, and only when stderr is a terminal (never in logs or pipes).
class Progress {
public:
    Progress(bool enabled, std::size_t files, const Messages& messages) : enabled_(enabled), files_(files), messages_(messages) {}
    ~Progress() {
        if (shown_) std::cerr << "\r\033[K" << std::flush;
    }
    void file(std::size_t index, const std::string& name) {
        file_ = index;
        name_ = name;
        show(0, std::nullopt, true);
    }
    void article(std::size_t done, std::optional<std::size_t> total) { show(done, total, false); }

private:
    void show(std::size_t done, std::optional<std::size_t> total, bool force) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (!force && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        shown_ = true;
        std::cerr << "\r[" << file_ + 1 << '/' << files_ << "] " << name_;
        if (total && done > 0) std::cerr << ": " << detail::format_message(messages_, "article {}/{}", done, *total);
        else if (done > 0) std::cerr << ": " << detail::format_message(messages_, "article {}", done);
        std::cerr << "\033[K" << std::flush;
    }

    bool enabled_;
    std::size_t files_;
    const Messages& messages_;
    std::size_t file_ = 0;
    std::string name_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point last_{};
};

struct AlignOptions {
    std::vector<std::string> files;
    std::string format = "json";
    std::string output;
    unsigned threads = 1;
    bool compact = false;
    bool skip_flagged = false;
    LexiconArguments lexicon;
    std::string da_language = "da-DK";
    std::string en_language = "en-GB";
    Messages messages;  // --lang: findings' messages and the HTML report's labels
};

// The last file's document, kept by the caller until finish_now() ends the process: freeing
// a document of 1,000 articles takes ~0.02 s.
struct KeptToExit {
    std::optional<Document> document;
};

// Aligns `files` (already expanded) and writes them in `format` to `output`, with what
// `loading` delivers (each waited for only once it is needed). Nothing is written before the
// dictionaries have loaded: a bad dictionary fails the run with empty output.
void align_files(AlignerLoading& loading, const AlignOptions& options, const std::vector<std::string>& files,
                 Format format, unsigned threads, Output& output, KeptToExit& kept) {
    auto aligner = [&]() -> const Aligner& { return loading.aligner(); };
    const bool per_article_format = format == Format::jsonl || format == Format::tsv;
    // Several files make one json document ({"documents": [...]}), one translation memory or
    // one html page.
    const bool combined = files.size() > 1 && (format == Format::json || format == Format::tmx || format == Format::html);
    ExportOptions export_options;
    export_options.da_language = options.da_language;
    export_options.en_language = options.en_language;
    export_options.include_matches = !options.compact;
    export_options.include_repairs = !options.compact;
    export_options.skip_flagged = options.skip_flagged;
    export_options.messages = options.messages;

    std::ostream& out = output.stream();
    DocumentWriter writer(out, format, export_options);
    bool started = false;
    auto begin = [&](const Document& document) {
        if (!started) {
            aligner();  // rethrows what failed to load, before the first byte is written
            if (combined) writer.begin_documents();
            started = true;
        }
        writer.begin(document);
    };
    Progress progress(isatty(STDERR_FILENO) != 0, files.size(), options.messages);
    // A JSONL line is flushed as soon as it is written, for the job downstream.
    const bool flush_each = format == Format::jsonl;
    auto written = [&] {
        if (flush_each) out.flush();
        output.check();  // a full disk stops the run at the article it hit, not at the end
    };

    for (std::size_t f = 0; f < files.size(); ++f) {
        progress.file(f, files[f]);
        std::optional<Input> input;
        // Every format reads text article by article, in bounded memory: standard input as it
        // arrives (jsonl and tsv hand each article on at once; json, tmx and html, which are
        // complete only at the end anyway, take it in windows like a named file), and a named
        // text file in windows of named_file_window bytes. A PDF is read whole (poppler needs
        // random access to it).
        auto stream_articles = [&](int fd, std::string head, std::size_t min_window) {
            Document stream;
            stream.source_name = files[f];
            const Aligner& loaded = aligner();
            begin(stream);
            const auto source = descriptor_source(fd, files[f], std::move(head));
            align_stream(
                loaded, *source,
                [&](std::size_t index, const Article& article, AlignedArticle&& aligned, const StreamWindow&) {
                    writer.add(article, index, aligned);
                    written();
                    progress.article(index + 1, std::nullopt);
                },
                StreamOptions{threads, min_window, [&](std::vector<Repair>&& repairs) { writer.add_repairs(repairs); }});
            writer.end(stream);
        };
        if (files[f] == "-") {
            std::string head = detail::read_head(STDIN_FILENO, 5, "-");
            if (head.starts_with("%PDF-")) {
                input.emplace(read_input_rest(std::move(head), STDIN_FILENO, "-"));
            } else {
                stream_articles(STDIN_FILENO, std::move(head), per_article_format ? 0 : named_file_window);
                continue;
            }
        } else {
            StreamedFile file(files[f]);
            // json and html take a file of up to one window whole, as before: its articles'
            // output is then made on the worker threads (render) and its parsing overlaps
            // the dictionaries' loading. Beyond that, memory matters more.
            const bool whole = !per_article_format && format != Format::tmx && file.size() <= named_file_window;
            if (!file.is_pdf() && !whole) {
                stream_articles(file.fd(), file.take_head(), named_file_window);
                continue;
            }
        }
        if (!input) input.emplace(read_input(files[f]));
        const SourceText& source = input->source;
        DocumentLayout layout(source);  // needs no dictionaries: made while they may still load
        kept.document.reset();  // the previous file's, before the next is parsed
        Document& parsed = kept.document.emplace(loading.parser().parse(std::move(layout), threads));
        attach_pages(parsed, *input);
        // Each Resumé's guessed end settled by the Summary (waiting for the aligner to load).
        for (Article& article : parsed.articles) settle_resume_end(aligner().scorer(), article, source.bytes);
        const Document& document = parsed;
        begin(document);
        // What follows the articles (json: the document's layout repairs, ~0.2 s for a large
        // document) is made meanwhile on a thread of its own.
        std::future<std::string> closing = std::async(std::launch::async, [&] { return writer.render_end(document); });
        ArticleRenderer render;
        if (writer.renders_articles())
            render = [&](std::size_t index, const AlignedArticle& aligned) {
                return writer.render(document.articles[index], index, aligned);
            };
        align_in_order(
            aligner(), document.articles, source.bytes, threads,
            [&](std::size_t index, FinishedArticle&& finished) {
                if (render) writer.add_rendered(finished.rendered);
                else writer.add(document.articles[index], index, finished.aligned);
                written();
                progress.article(index + 1, document.articles.size());
            },
            render);
        writer.end(document, closing.get());
    }
    if (combined) writer.end_documents();
    output.commit();
}

}  // namespace

void register_align(CLI::App& app, Action& action, std::string& message_language) {
    auto* cmd = app.add_subcommand("align", "Parse, align and check journal text: Resumé with Summary, titles, claim support");
    cmd->footer(
        "Examples:\n"
        "  summalign align corpus/ugeskr-2003-165-stamceller.txt > aligned.json\n"
        "  summalign align --format html -o report.html article.pdf\n"
        "  summalign align --format html -o report.html corpus/ugeskr-2003-165-stamceller.txt\n"
        "  summalign align --format tmx -o memory.tmx archive/   # one translation memory for an archive\n"
        "  summalign align --format jsonl --threads 2 archive/ > aligned.jsonl\n"
        "  cat archive/*.txt | summalign align --format jsonl - | jq .title\n"
        "\n"
        "A PDF (recognised by its %PDF- header, not its name) is read through its text layer:\n"
        "columns in order, running heads and page numbers left out, every sentence with its page.\n"
        "A directory stands for the *.txt and *.pdf files under it, in path order.\n"
        "Several files: jsonl and tsv are one stream (each line names its source); json is one\n"
        "{\"documents\": [...]} object; tmx one translation memory whose units name their source;\n"
        "html one page with a part per file.\n"
        "With -o a regular file is written to a temporary file beside it, renamed over it when\n"
        "complete (keeping its permissions), so a failed run leaves no half-written file. On\n"
        "standard output json, jsonl and tsv are written article by article as they are aligned\n"
        "(input and dictionaries are read and checked first).\n"
        "Streaming (FILE '-' with jsonl or tsv): standard input is read as it arrives; the\n"
        "parser finds where articles start (title, kind label such as OVERSIGTSARTIKEL,\n"
        "authors), an article is complete when the next one starts or the input ends, and its\n"
        "line is written and flushed at once. Concatenated documents are one stream of\n"
        "articles; offsets count from the start of the stream, \"index\" from its first article.\n"
        "Progress goes to stderr only when stderr is a terminal.");
    auto options = std::make_shared<AlignOptions>();
    cmd->add_option("FILE", options->files,
                    "a PDF, UTF-8 journal text, or a directory of *.txt and *.pdf files; - for standard input")
        ->required();
    cmd->add_option("--format", options->format, "json (default), jsonl, tsv, tmx or html")
        ->check(CLI::IsMember({"json", "jsonl", "tsv", "tmx", "html"}));
    add_output_option(*cmd, options->output);
    add_threads_option(*cmd, options->threads, "articles aligned in parallel");
    cmd->add_flag("--compact", options->compact, "json, jsonl: leave out the word matches behind every score and the layout repairs");
    cmd->add_flag("--skip-flagged", options->skip_flagged, "tmx: leave out units whose sentences have findings");
    options->lexicon.add_to(*cmd);
    cmd->add_option("--tmx-da-lang", options->da_language, "xml:lang of the Danish side in TMX (default da-DK)");
    cmd->add_option("--tmx-en-lang", options->en_language, "xml:lang of the English side in TMX (default en-GB)");
    add_message_language_option(*cmd, message_language);
    cmd->callback([options, &action, &message_language] {
        action = [options, &message_language]() -> int {
            options->messages = messages_for(message_language);
            const Messages& messages = options->messages;
            const Format format = parse_format(options->format);
            const std::vector<std::string> files = expand_inputs(options->files);
            if (std::count(files.begin(), files.end(), "-") > 1) throw UsageError("standard input (-) can be read only once");
            const unsigned threads = thread_count(options->threads, messages);
            Output output(options->output);
            const bool to_stdout = output.to_stdout();
            // On standard output nothing can be taken back: check that every named file is
            // readable UTF-8 before writing anything (a few MB at a time, so this costs a
            // second read, not memory). A single PDF is extracted before anything is written;
            // one among several is extracted here too.
            if (to_stdout)
                for (const std::string& file : files)
                    if (file != "-" && !check_text_file(file) && files.size() > 1) read_input(file);

            // The dictionaries load on their own thread while the first file is read and its
            // layout repaired, which needs none of them.
            AlignerLoading loading(options->lexicon.options_warning_of_missing(options->messages), threads, options->messages);
            KeptToExit kept;
            align_files(loading, *options, files, format, threads, output, kept);
            finish_now(0);
        };
    });
}

}  // namespace summalign::cli
