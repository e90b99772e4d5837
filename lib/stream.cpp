// Journal text read as a stream: windows of articles parsed, aligned in parallel and handed
// over in order with the offsets of the whole stream (stream.hpp).
#include "summalign/stream.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <filesystem>
#include <istream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "detail/article_spans.hpp"
#include "detail/mapped_file.hpp"
#include "summalign/error.hpp"
#include "summalign/pdf.hpp"
#include "summalign/pipeline.hpp"

namespace summalign {

ByteSource::ByteSource(std::string name, std::string head) : name_(std::move(name)), head_(std::move(head)) {}

ByteSource::~ByteSource() = default;

namespace {

class IstreamSource final : public ByteSource {
public:
    IstreamSource(std::istream& in, std::string name) : ByteSource(std::move(name)), in_(in) {}

    std::size_t read(char* buffer, std::size_t size) override {
        if (size == 0 || in_.eof()) return 0;
        in_.read(buffer, static_cast<std::streamsize>(size));
        const auto got = static_cast<std::size_t>(in_.gcount());
        if (in_.bad()) throw Error(name(), offset_, "cannot read");
        offset_ += got;
        return got;
    }

private:
    std::istream& in_;
    std::size_t offset_ = 0;
};

class DescriptorSource : public ByteSource {
public:
    // `head_size`: head.size(), the offset the first read() starts at.
    DescriptorSource(int fd, std::string name, std::string head, std::size_t head_size)
        : ByteSource(std::move(name), std::move(head)), fd_(fd), offset_(head_size) {}

    std::size_t read(char* buffer, std::size_t size) override {
        for (;;) {
            const ssize_t got = ::read(fd_, buffer, size);
            if (got < 0) {
                if (errno == EINTR) continue;
                throw Error(name(), offset_, std::string("cannot read: ") + std::strerror(errno));
            }
            offset_ += static_cast<std::size_t>(got);
            return static_cast<std::size_t>(got);
        }
    }

    bool more_waiting() override {
        pollfd pending{fd_, POLLIN, 0};
        return ::poll(&pending, 1, 0) > 0 && (pending.revents & POLLIN) != 0;
    }

protected:
    int fd_;

private:
    std::size_t offset_;
};

class FileSource final : public DescriptorSource {
public:
    FileSource(int fd, std::string path, std::string head, std::size_t head_size)
        : DescriptorSource(fd, std::move(path), std::move(head), head_size) {}
    ~FileSource() override { ::close(fd_); }
};

}  // namespace

std::unique_ptr<ByteSource> istream_source(std::istream& in, std::string name) {
    return std::make_unique<IstreamSource>(in, std::move(name));
}

std::unique_ptr<ByteSource> descriptor_source(int fd, std::string name, std::string head) {
    const std::size_t head_size = head.size();
    return std::make_unique<DescriptorSource>(fd, std::move(name), std::move(head), head_size);
}

std::unique_ptr<ByteSource> file_source(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) throw Error(path, std::nullopt, "no such file");
    if (std::filesystem::is_directory(status)) throw Error(path, std::nullopt, "is a directory, not a text file");
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(path, std::nullopt, std::string("cannot open: ") + std::strerror(errno));
    std::string head;
    try {
        // %PDF- may follow up to 1,024 bytes of junk (is_pdf).
        head = detail::read_head(fd, 1024, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (is_pdf(head)) {
        ::close(fd);
        throw Error(path, std::nullopt, "is a PDF, not text: read_input reads it whole");
    }
    const std::size_t head_size = head.size();
    return std::make_unique<FileSource>(fd, path, std::move(head), head_size);
}

SourceText make_source_at(std::string bytes, const std::string& name, std::size_t base) {
    try {
        return make_source(std::move(bytes), name);
    } catch (const Error& e) {
        if (!e.offset() || base == 0) throw;
        const std::string prefix = fmt::format("{}: byte {}: ", e.file(), *e.offset());
        std::string message = e.what();
        if (message.starts_with(prefix)) message.erase(0, prefix.size());
        throw Error(e.file(), *e.offset() + base, message);
    }
}

void align_in_order(const Aligner& aligner, const std::vector<Article>& articles, std::string_view source,
                    unsigned threads, const ArticleSink& sink, const ArticleRenderer& render) {
    const std::size_t count = articles.size();
    const unsigned workers = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1)));
    auto finish = [&](std::size_t index) {
        FinishedArticle finished{aligner.align_article(articles[index], source), {}};
        if (render) finished.rendered = render(index, finished.aligned);
        return finished;
    };
    if (workers == 1) {
        for (std::size_t i = 0; i < count; ++i) sink(i, finish(i));
        return;
    }
    // Workers take the next article unless it is too far ahead of the one the sink waits
    // for; finished articles wait in `done` until their turn. The window is wide because one
    // article can take a hundred times longer than the next (the first use of a word
    // Hunspell must find suggestions for: ~0.15 s), and the other workers should keep going
    // meanwhile; 32 rendered articles per worker are a few MB.
    const std::size_t lookahead = 32 * static_cast<std::size_t>(workers);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0, handed = 0;
    bool stop = false;
    std::exception_ptr failure;
    std::map<std::size_t, FinishedArticle> done;

    auto work = [&] {
        for (;;) {
            std::size_t index;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return stop || next >= count || next < handed + lookahead; });
                if (stop || next >= count) return;
                index = next++;
            }
            try {
                FinishedArticle finished = finish(index);
                std::lock_guard lock(mutex);
                done.emplace(index, std::move(finished));
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
            changed.notify_all();
        }
    };
    std::vector<std::jthread> pool;
    auto stop_pool = [&] {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        pool.clear();  // joins
    };
    for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work);
    try {
        while (handed < count) {
            FinishedArticle finished;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return failure || done.contains(handed); });
                if (failure) break;
                auto node = done.extract(handed);
                finished = std::move(node.mapped());
            }
            sink(handed, std::move(finished));
            {
                std::lock_guard lock(mutex);
                ++handed;
            }
            changed.notify_all();
        }
    } catch (...) {
        stop_pool();
        throw;
    }
    stop_pool();
    if (failure) std::rethrow_exception(failure);
}

namespace {

// Moves every source offset of `article` and of its findings `delta` bytes on (a window of a
// stream parsed on its own has offsets relative to the window).
void shift_offsets(Article& article, std::vector<Finding>& findings, std::size_t delta) {
    if (delta == 0) return;
    const auto shift = [delta](SourceSpan& span) {
        span.start += delta;
        span.end += delta;
    };
    detail::for_each_span(article, [&](Sentence& sentence) { shift(sentence.span); }, shift);
    for (Finding& finding : findings) {
        shift(finding.span);
        shift(finding.sentence_span);
    }
}

// parse_stream, with the articles handed over in the offsets of their window.
std::size_t parse_windows(const Parser& parser, ByteSource& input, const ParsedSink& sink, const StreamOptions& options) {
    const std::string& name = input.name();
    std::string window = input.take_head();  // the input from the first incomplete article on
    std::size_t base = 0;                    // stream offset of window[0]
    std::size_t lines_before = 0;            // line breaks before window[0]
    std::size_t parsed_size = 0;
    std::size_t emitted = 0;
    bool at_end = false;
    std::vector<char> chunk(1 << 16);

    // Parses the complete lines held, hands over every article known to be complete and
    // drops the text before the first incomplete one.
    auto process = [&] {
        const std::size_t usable = at_end ? window.size() : window.rfind('\n') + 1;  // npos + 1 == 0
        if (usable == 0) return;
        parsed_size = usable;
        const SourceText source = make_source_at(window.substr(0, usable), name, base);
        Document document = parser.parse(DocumentLayout(source), options.threads);
        std::size_t complete = document.articles.size();
        if (!at_end) complete = complete > 0 ? complete - 1 : 0;  // the last one may still grow
        if (complete == 0 && !at_end) return;
        const std::size_t cut = at_end ? usable : document.articles[complete].span.start;
        // An incomplete article starts after the complete ones; were it not so, cutting
        // there would hand the same article over twice.
        if (!at_end && cut <= document.articles[complete - 1].span.start) return;
        if (options.repairs) {
            // The repairs of the text handed over; those after the cut are found again with
            // the rest of their article.
            std::vector<Repair> handed;
            for (Repair& repair : document.repairs) {
                if (!at_end && repair.span.start >= cut) continue;
                repair.span.start += base;
                repair.span.end += base;
                handed.push_back(std::move(repair));
            }
            if (!handed.empty()) options.repairs(std::move(handed));
        }
        if (complete > 0) {
            std::vector<Article> finished(std::make_move_iterator(document.articles.begin()),
                                          std::make_move_iterator(document.articles.begin() + static_cast<std::ptrdiff_t>(complete)));
            const StreamWindow held{source.bytes, base, lines_before};
            const std::size_t first = emitted;
            emitted += finished.size();
            sink(std::move(finished), first, held);
        }
        lines_before += static_cast<std::size_t>(std::count(window.begin(), window.begin() + static_cast<std::ptrdiff_t>(cut), '\n'));
        window.erase(0, cut);
        base += cut;
        parsed_size = 0;
    };

    while (!at_end) {
        const std::size_t got = input.read(chunk.data(), chunk.size());
        if (got == 0) {
            at_end = true;
            break;
        }
        window.append(chunk.data(), got);
        if (window.size() < options.min_window) continue;
        // Parse when the writer pauses (nothing more to read right now), so an article is
        // handed over as soon as the next one begins; while data keeps coming, parse only
        // when the window has doubled. A pause re-parses only once the window has grown by
        // an eighth since the last parse, so that a writer pausing after every chunk of one
        // huge article still costs O(input) in all, not O(input²).
        const bool more_waiting = input.more_waiting();
        const std::size_t growth = window.size() - std::min(window.size(), parsed_size);
        if (more_waiting && window.size() < 2 * parsed_size + chunk.size()) continue;
        if (!more_waiting && growth < parsed_size / 8) continue;
        process();
    }
    process();
    return emitted;
}

}  // namespace

std::size_t parse_stream(const Parser& parser, ByteSource& source, const ParsedSink& sink, const StreamOptions& options) {
    return parse_windows(
        parser, source,
        [&](std::vector<Article>&& finished, std::size_t first, const StreamWindow& window) {
            std::vector<Finding> none;
            for (Article& article : finished) shift_offsets(article, none, window.base);
            sink(std::move(finished), first, window);
        },
        options);
}

std::size_t align_stream(const Aligner& aligner, ByteSource& source, const StreamSink& sink, const StreamOptions& options) {
    return parse_windows(
        aligner.parser(), source,
        [&](std::vector<Article>&& finished, std::size_t first, const StreamWindow& window) {
            // Aligned in the window's offsets (the source it was parsed from), handed over in
            // the stream's; each Resumé's guessed end settled first, as Aligner::align does.
            for (Article& article : finished) settle_resume_end(aligner.scorer(), article, window.bytes);
            align_in_order(aligner, finished, window.bytes, options.threads, [&](std::size_t i, FinishedArticle&& done) {
                shift_offsets(finished[i], done.aligned.findings, window.base);
                sink(first + i, finished[i], std::move(done.aligned), window);
            });
        },
        options);
}

}  // namespace summalign
