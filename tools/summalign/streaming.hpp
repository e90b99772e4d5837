#pragma once
// What lets `summalign align` (and `check`) run over a whole archive in bounded memory and
// compose with streaming jobs: dictionaries loaded while the input is read, articles aligned
// in parallel but handed over in order, output files that appear only once complete, and
// journal text read from a pipe article by article.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/check.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "summalign/pipeline.hpp"

namespace summalign::cli {

// The Aligner of a command, loaded (~0.3 s: the dictionaries) on a thread of its own while
// the command reads and lays out its first file. The parser is made first and handed over
// at once, so the first file can be parsed while the checker's dictionaries still load.
// Whatever it loaded lives as long as it does (a command ends with finish_now(), which
// skips freeing it).
class AlignerLoading {
public:
    AlignerLoading(const LexiconOptions& lexicon, unsigned threads, const Messages& messages = {});
    AlignerLoading(const AlignerLoading&) = delete;
    AlignerLoading& operator=(const AlignerLoading&) = delete;

    // Each waits until what it returns is made; rethrows what failed to load.
    const Parser& parser();
    const Aligner& aligner();

private:
    std::promise<std::shared_ptr<const Parser>> parser_made_;
    std::shared_future<std::shared_ptr<const Parser>> parser_ = parser_made_.get_future().share();
    std::future<Aligner> aligner_made_;
    std::optional<Aligner> aligner_;
};

// An aligned article and, when align_in_order was given a renderer, its output bytes.
struct FinishedArticle {
    AlignedArticle aligned;
    std::string rendered;
};
// Called on the calling thread, in article order, with each article as soon as it and all
// before it are aligned; the article is dropped afterwards.
using ArticleSink = std::function<void(std::size_t index, FinishedArticle&& finished)>;
// Called on the thread that aligned the article, several at once: turning articles into
// output bytes (DocumentWriter::render) is then shared by the workers too.
using ArticleRenderer = std::function<std::string(std::size_t index, const AlignedArticle& aligned)>;

// Aligns and checks `articles` (parsed from `source`) on up to `threads` threads, renders
// each with `render` (if given) and hands them to `sink` in order. At most 32 articles
// per thread wait for the sink, so memory does not grow with the number of articles. The
// results are those of Aligner::align.
void align_in_order(const Aligner& aligner, const std::vector<Article>& articles, std::string_view source,
                    unsigned threads, const ArticleSink& sink, const ArticleRenderer& render = nullptr);

// The input files named on the command line: a directory stands for the *.txt and *.pdf
// files under it (recursively, sorted by path); "-" and files are kept as given, in order.
std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments);

// How journal text arriving on a stream is cut into articles: the parser finds article
// starts (a header: title lines, a kind label such as OVERSIGTSARTIKEL, the authors), and
// an article is complete once the next article's header has arrived or the input ends.
// The text read so far, from the start of the first incomplete article, is re-parsed as
// more complete lines arrive; each complete article is aligned and handed to `sink` at
// once. Offsets are those of the whole stream, indices count articles from 0 over the
// whole stream. Layout statistics (line width, word counts for de-hyphenation, running
// heads) come from the text held at the time, about two articles, not from the whole
// input, so a result can differ in detail from aligning the same text as one file.
// The text an article handed over by a stream was parsed from: its offsets minus `base`
// index `bytes`; `lines_before` counts the line breaks of the stream before `base` (for line
// numbers in the whole stream).
struct StreamWindow {
    std::string_view bytes;
    std::size_t base = 0;
    std::size_t lines_before = 0;
};
using StreamSink =
    std::function<void(std::size_t index, const Article& article, AlignedArticle&& aligned, const StreamWindow& window)>;
// The layout repairs of the text handed over with a window's articles, in stream order, with
// stream offsets (together, every repair of the stream once).
using RepairSink = std::function<void(std::vector<Repair>&& repairs)>;
// Reads file descriptor `fd` (named `name` in errors) to its end; returns the number of articles.
// `head`: bytes of the stream already read from `fd` (read_head), taken as its beginning.
// `min_window`: text is parsed only once this many bytes are held (or the input ends), so
// that layout statistics come from at least that much text; 0 parses as soon as the writer
// pauses (standard input). An input no longer than `min_window` is parsed whole, exactly as
// a file read at once.
std::size_t align_stream(const Aligner& aligner, int fd, const std::string& name, unsigned threads, std::string head,
                         const StreamSink& sink, std::size_t min_window = 0, const RepairSink& repairs = nullptr);

// The same without aligning (summalign parse): `sink` gets each window's complete articles,
// in order, with offsets of the whole stream; `first_index` is the first one's index in it.
using ParsedSink = std::function<void(std::vector<Article>&& articles, std::size_t first_index, const StreamWindow& window)>;
std::size_t parse_stream(const Parser& parser, int fd, const std::string& name, unsigned threads, std::string head,
                         const ParsedSink& sink, std::size_t min_window = 0, const RepairSink& repairs = nullptr);

// A named text file is read, parsed and aligned window by window (align_stream, parse_stream)
// once it is longer than this: a window of 2 MiB (~250 articles) costs ~30 MB above the
// command's ~104 MB of dictionaries (4 MiB windows took a 200 MB file to 160 MB with json, a
// 2 MiB one takes 9 MB to 133 MB where 4 MiB took 157 MB; reading it whole took 1.77 GB); a
// file up to this size is parsed whole, as before.
inline constexpr std::size_t named_file_window = std::size_t{2} << 20;

// A named input file opened for align_stream: its descriptor and first bytes, or nothing when
// it is a PDF (poppler needs it whole: read_input). Throws Error as read_source does for a
// missing file or a directory. Closes the descriptor when destroyed.
class StreamedFile {
public:
    explicit StreamedFile(const std::string& path);
    ~StreamedFile();
    StreamedFile(const StreamedFile&) = delete;
    StreamedFile& operator=(const StreamedFile&) = delete;
    bool is_pdf() const noexcept { return pdf_; }
    int fd() const noexcept { return fd_; }
    std::size_t size() const noexcept { return size_; }  // in bytes, as the file was when opened
    std::string take_head() { return std::move(head_); }

private:
    int fd_ = -1;
    bool pdf_ = false;
    std::size_t size_ = 0;
    std::string head_;
};

// Checks that the text file `path` is what make_source accepts (UTF-8, no NUL, no UTF-16),
// reading it a few MB at a time; throws the same Error (file and byte offset) make_source
// would for the whole file. Returns false, having checked nothing, for a PDF; true, having read
// nothing, for a named pipe or device (it cannot be read twice; it is checked as it is read).
bool check_text_file(const std::string& path);

// Reads text from `fd` (after `head`, its first bytes) to its end a few MB at a time, checks
// each piece as check_text_file does and hands it to `sink` (if any) once checked.
void copy_checked_text(int fd, const std::string& name, std::string head, const std::function<void(std::string_view)>& sink);

// Reads from `fd` until `count` bytes or the end of input: enough to tell a PDF ("%PDF-")
// from text on a pipe.
std::string read_head(int fd, std::size_t count);
// The rest of `fd` after `head`, as read_input() takes a file: a PDF is extracted.
Input read_input_rest(std::string head, int fd, const std::string& name);

// Moves every source offset of `article` and of its findings `delta` bytes on (a window of
// a stream parsed on its own has offsets relative to the window).
void shift_offsets(Article& article, std::vector<Finding>& findings, std::size_t delta);

}  // namespace summalign::cli
