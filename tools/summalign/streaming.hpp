#pragma once
// What the commands add to the library's streaming (summalign/stream.hpp) to run over a whole
// archive: dictionaries loaded while the input is read, the inputs a command line names, and
// named files checked before anything is written.
#include <cstddef>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/stream.hpp"

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

// The input files named on the command line: a directory stands for the *.txt and *.pdf
// files under it (recursively, sorted by path); "-" and files are kept as given, in order.
std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments);

// A named text file is read, parsed and aligned window by window (align_stream, parse_stream)
// once it is longer than this: a window of 2 MiB (~250 articles) costs ~30 MB above the
// command's ~104 MB of dictionaries (4 MiB windows took a 200 MB file to 160 MB with json, a
// 2 MiB one takes 9 MB to 133 MB where 4 MiB took 157 MB; reading it whole took 1.77 GB); a
// file up to this size is parsed whole, as before.
inline constexpr std::size_t named_file_window = default_stream_window;

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

// The rest of `fd` after `head`, as read_input() takes a file: a PDF is extracted.
Input read_input_rest(std::string head, int fd, const std::string& name);

}  // namespace summalign::cli
