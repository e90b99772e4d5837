#pragma once
// Journal text read as a stream (a pipe, a file larger than memory should hold, an archive
// concatenated): articles parsed window by window in bounded memory, aligned on several
// threads and handed over in order, every offset one of the whole stream.
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/aligned.hpp"
#include "summalign/journal.hpp"
#include "summalign/layout.hpp"
#include "summalign/text.hpp"

namespace summalign {

class Aligner;
class Parser;

// Where a stream's bytes come from. A source is read once, front to back, on one thread.
class ByteSource {
public:
    virtual ~ByteSource();
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    // The name errors give (a path, "-" for standard input).
    const std::string& name() const noexcept { return name_; }
    // The stream's first bytes when the source read them before the stream began (to tell a
    // PDF from text), handed out once; read() continues after them.
    std::string take_head() { return std::move(head_); }
    // Reads at most `size` bytes into `buffer` and returns how many; 0 only at the end of
    // the input. Throws Error (the name, the offset in the stream) when reading fails.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    // Whether more bytes can be read right now without waiting. A source that cannot tell
    // says true; a pipe whose writer has paused says false, and what arrived so far is then
    // parsed at once (an article is handed over as soon as the next one has begun).
    virtual bool more_waiting() { return true; }

protected:
    explicit ByteSource(std::string name, std::string head = {});

private:
    std::string name_;
    std::string head_;
};

// Reads `in` (kept by the caller, and alive as long as the source).
std::unique_ptr<ByteSource> istream_source(std::istream& in, std::string name);
// Reads file descriptor `fd` (left open); `head`: bytes already read from it, which the
// stream begins with.
std::unique_ptr<ByteSource> descriptor_source(int fd, std::string name, std::string head = {});
// Opens the text file `path` (closed with the source). Throws Error for a missing file, a
// directory or a PDF (read_input reads a PDF, whole: poppler needs random access).
std::unique_ptr<ByteSource> file_source(const std::string& path);

// Text is parsed once this many bytes are held (or the input ends): 2 MiB, about 250
// articles, ~30 MB of memory above the dictionaries'.
inline constexpr std::size_t default_stream_window = std::size_t{2} << 20;

// The layout repairs of the text handed over with a window's articles, in stream order, with
// stream offsets (together, every repair of the stream once).
using RepairSink = std::function<void(std::vector<Repair>&& repairs)>;

struct StreamOptions {
    unsigned threads = 1;  // threads parsing and aligning at once; results do not depend on it
    // Text is parsed only once this many bytes are held (or the input ends), so that layout
    // statistics (line width, word counts for de-hyphenation, running heads) come from at
    // least that much text. 0 parses whenever the source has nothing more waiting, so that a
    // pipe's articles are handed over as they arrive. An input shorter than this is parsed
    // whole, exactly as Parser::parse parses it.
    std::size_t min_window = default_stream_window;
    RepairSink repairs;  // given the layout repairs, if set
};

// The text the articles handed over with it were parsed from: their offsets minus `base`
// index `bytes` (valid during the call); `lines_before` counts the stream's line breaks
// before `base` (for line numbers in the whole stream).
struct StreamWindow {
    std::string_view bytes;
    std::size_t base = 0;
    std::size_t lines_before = 0;
};

// Called on the calling thread, in article order; `index` counts articles from 0 over the
// whole stream; the article's and its findings' offsets are the stream's.
using StreamSink =
    std::function<void(std::size_t index, const Article& article, AlignedArticle&& aligned, const StreamWindow& window)>;
// Called on the calling thread with each window's complete articles, in order;
// `first_index` is the first one's index in the stream.
using ParsedSink = std::function<void(std::vector<Article>&& articles, std::size_t first_index, const StreamWindow& window)>;

// Reads `source` to its end, cuts it into articles and aligns and checks each (as
// Aligner::align_article with its window's bytes); returns the number of articles. The
// parser finds article starts (title lines, a kind label such as OVERSIGTSARTIKEL, the
// authors): an article is complete once the next one's header has arrived or the input
// ends. The text from the first incomplete article on is parsed again as more arrives, so
// memory follows the window, not the input. Layout statistics come from the text held at
// the time, so a result can differ in detail from parsing the whole input at once.
std::size_t align_stream(const Aligner& aligner, ByteSource& source, const StreamSink& sink, const StreamOptions& options = {});
// The same without aligning (summalign parse).
std::size_t parse_stream(const Parser& parser, ByteSource& source, const ParsedSink& sink, const StreamOptions& options = {});

// An aligned article and, when align_in_order was given a renderer, its output bytes.
struct FinishedArticle {
    AlignedArticle aligned;
    std::string rendered;
};
// Called on the calling thread, in article order, with each article as soon as it and all
// before it are aligned; the article is dropped afterwards.
using ArticleSink = std::function<void(std::size_t index, FinishedArticle&& finished)>;
// Called on the thread that aligned the article, several at once (e.g. DocumentWriter::render),
// so that making output bytes is shared by the workers too.
using ArticleRenderer = std::function<std::string(std::size_t index, const AlignedArticle& aligned)>;

// Aligns and checks `articles` (parsed from `source`) on up to `threads` threads, renders
// each with `render` (if given) and hands them to `sink` in order. At most 32 articles per
// thread wait for the sink, so memory does not grow with the number of articles. The results
// are those of Aligner::align_article, whatever `threads`. What the sink or an alignment
// throws stops the workers and is rethrown.
void align_in_order(const Aligner& aligner, const std::vector<Article>& articles, std::string_view source,
                    unsigned threads, const ArticleSink& sink, const ArticleRenderer& render = nullptr);

// make_source() for the part of a stream starting at byte `base`: a bad byte's Error names
// its offset in the whole stream.
SourceText make_source_at(std::string bytes, const std::string& name, std::size_t base);

}  // namespace summalign
