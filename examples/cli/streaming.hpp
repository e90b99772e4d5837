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
    AlignerLoading(const LexiconOptions& lexicon, unsigned threads);
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
using StreamSink = std::function<void(std::size_t index, const Article& article, AlignedArticle&& aligned)>;
// Reads file descriptor `fd` (named `name` in errors) to its end; returns the number of articles.
// `head`: bytes of the stream already read from `fd` (read_head), taken as its beginning.
std::size_t align_stream(const Aligner& aligner, int fd, const std::string& name, unsigned threads, std::string head,
                         const StreamSink& sink);

// Reads from `fd` until `count` bytes or the end of input: enough to tell a PDF ("%PDF-")
// from text on a pipe.
std::string read_head(int fd, std::size_t count);
// The rest of `fd` after `head`, as read_input() takes a file: a PDF is extracted.
Input read_input_rest(std::string head, int fd, const std::string& name);

// Moves every source offset of `article` and of its findings `delta` bytes on (a window of
// a stream parsed on its own has offsets relative to the window).
void shift_offsets(Article& article, std::vector<Finding>& findings, std::size_t delta);

}  // namespace summalign::cli
