#include "streaming.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <exception>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "summalign/error.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

AlignerLoading::AlignerLoading(const LexiconOptions& lexicon, unsigned threads, const Messages& messages) {
    aligner_made_ = std::async(std::launch::async, [this, lexicon, threads, messages] {
        std::shared_ptr<const Parser> made;
        try {
            made = std::make_shared<const Parser>();
        } catch (...) {
            parser_made_.set_exception(std::current_exception());
            throw;
        }
        parser_made_.set_value(made);
        return Aligner(std::move(made), lexicon, threads, messages);
    });
}

const Parser& AlignerLoading::parser() { return *parser_.get(); }

const Aligner& AlignerLoading::aligner() {
    if (!aligner_) aligner_.emplace(aligner_made_.get());
    return *aligner_;
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

std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string& argument : arguments) {
        std::error_code error;
        if (argument == "-" || !fs::is_directory(argument, error)) {
            files.push_back(argument);  // read_source reports a missing or unreadable file
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(argument, error), end; !error && it != end; it.increment(error)) {
            if (it->is_regular_file(error) && (it->path().extension() == ".txt" || it->path().extension() == ".pdf"))
                found.push_back(it->path().string());
        }
        if (error) throw Error(argument, std::nullopt, "cannot list directory: " + error.message());
        if (found.empty()) throw Error(argument, std::nullopt, "directory has no .txt files and no .pdf files");
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

namespace {

void shift(std::size_t& offset, std::size_t delta) { offset += delta; }

void shift(Sentence& sentence, std::size_t delta) {
    shift(sentence.start, delta);
    shift(sentence.end, delta);
}

void shift(std::optional<Sentence>& sentence, std::size_t delta) {
    if (sentence) shift(*sentence, delta);
}

void shift(std::vector<Sentence>& sentences, std::size_t delta) {
    for (Sentence& sentence : sentences) shift(sentence, delta);
}

// make_source() for a window of a stream: an error names the offset in the whole stream.
SourceText window_source(std::string bytes, const std::string& name, std::size_t base) {
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

}  // namespace

void shift_offsets(Article& article, std::vector<Finding>& findings, std::size_t delta) {
    if (delta == 0) return;
    shift(article.title, delta);
    shift(article.subtitle, delta);
    shift(article.resume, delta);
    for (Section& section : article.sections) {
        shift(section.heading, delta);
        shift(section.sentences, delta);
    }
    for (Figure& figure : article.figures) shift(figure.caption, delta);
    if (article.summary) {
        shift(article.summary->title, delta);
        shift(article.summary->sentences, delta);
        shift(article.summary->start, delta);
        shift(article.summary->end, delta);
    }
    shift(article.correspondence, delta);
    for (StructureNote& note : article.structure_notes) {
        shift(note.start, delta);
        shift(note.end, delta);
    }
    shift(article.start, delta);
    shift(article.end, delta);
    for (Finding& finding : findings) {
        shift(finding.start, delta);
        shift(finding.end, delta);
        shift(finding.sentence_start, delta);
        shift(finding.sentence_end, delta);
    }
}

std::string read_head(int fd, std::size_t count) {
    std::string head;
    char buffer[64];
    while (head.size() < count) {
        const ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, count - head.size()));
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error("-", head.size(), std::string("cannot read: ") + std::strerror(errno));
        }
        if (got == 0) break;
        head.append(buffer, static_cast<std::size_t>(got));
    }
    return head;
}

Input read_input_rest(std::string head, int fd, const std::string& name) {
    std::string bytes = std::move(head);
    std::vector<char> chunk(1 << 16);
    for (;;) {
        const ssize_t got = ::read(fd, chunk.data(), chunk.size());
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(name, bytes.size(), std::string("cannot read: ") + std::strerror(errno));
        }
        if (got == 0) break;
        bytes.append(chunk.data(), static_cast<std::size_t>(got));
    }
    if (!is_pdf(bytes)) return Input{make_source(std::move(bytes), name), {}, {}};
    PdfText pdf = extract_pdf(bytes, name);
    return Input{std::move(pdf.source), std::move(pdf.page_starts), std::move(pdf.repairs)};
}

namespace {

// parse_stream, with the articles handed over in the offsets of their window.
std::size_t parse_windows(const Parser& parser, int fd, const std::string& name, unsigned threads, std::string head,
                          const ParsedSink& sink, std::size_t min_window, const RepairSink& repairs) {
    std::string window = std::move(head);  // the input from the first incomplete article on
    std::size_t base = 0;      // stream offset of window[0]
    std::size_t lines_before = 0;  // line breaks before window[0]
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
        const SourceText source = window_source(window.substr(0, usable), name, base);
        Document document = parser.parse(DocumentLayout(source), threads);
        std::size_t complete = document.articles.size();
        if (!at_end) complete = complete > 0 ? complete - 1 : 0;  // the last one may still grow
        if (complete == 0 && !at_end) return;
        const std::size_t cut = at_end ? usable : document.articles[complete].start;
        // An incomplete article starts after the complete ones; were it not so, cutting
        // there would hand the same article over twice.
        if (!at_end && cut <= document.articles[complete - 1].start) return;
        if (repairs) {
            // The repairs of the text handed over; those after the cut are found again with
            // the rest of their article.
            std::vector<Repair> handed;
            for (Repair& repair : document.repairs) {
                if (!at_end && repair.start >= cut) continue;
                repair.start += base;
                repair.end += base;
                handed.push_back(std::move(repair));
            }
            if (!handed.empty()) repairs(std::move(handed));
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
        const ssize_t got = ::read(fd, chunk.data(), chunk.size());
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(name, base + window.size(), std::string("cannot read: ") + std::strerror(errno));
        }
        if (got == 0) {
            at_end = true;
            break;
        }
        window.append(chunk.data(), static_cast<std::size_t>(got));
        if (window.size() < min_window) continue;
        // Parse when the writer pauses (nothing more to read right now), so an article is
        // handed over as soon as the next one begins; while data keeps coming, parse only
        // when the window has doubled. A pause re-parses only once the window has grown by
        // an eighth since the last parse, so that a writer pausing after every chunk of one
        // huge article still costs O(input) in all, not O(input²).
        pollfd pending{fd, POLLIN, 0};
        const bool more_waiting = ::poll(&pending, 1, 0) > 0 && (pending.revents & POLLIN) != 0;
        const std::size_t growth = window.size() - std::min(window.size(), parsed_size);
        if (more_waiting && window.size() < 2 * parsed_size + chunk.size()) continue;
        if (!more_waiting && growth < parsed_size / 8) continue;
        process();
    }
    process();
    return emitted;
}

}  // namespace

std::size_t parse_stream(const Parser& parser, int fd, const std::string& name, unsigned threads, std::string head,
                         const ParsedSink& sink, std::size_t min_window, const RepairSink& repairs) {
    return parse_windows(
        parser, fd, name, threads, std::move(head),
        [&](std::vector<Article>&& finished, std::size_t first, const StreamWindow& window) {
            std::vector<Finding> none;
            for (Article& article : finished) shift_offsets(article, none, window.base);
            sink(std::move(finished), first, window);
        },
        min_window, repairs);
}

std::size_t align_stream(const Aligner& aligner, int fd, const std::string& name, unsigned threads, std::string head,
                         const StreamSink& sink, std::size_t min_window, const RepairSink& repairs) {
    return parse_windows(
        aligner.parser(), fd, name, threads, std::move(head),
        [&](std::vector<Article>&& finished, std::size_t first, const StreamWindow& window) {
            // Aligned in the window's offsets (the source it was parsed from), handed over in
            // the stream's.
            align_in_order(aligner, finished, window.bytes, threads, [&](std::size_t i, FinishedArticle&& done) {
                shift_offsets(finished[i], done.aligned.findings, window.base);
                sink(first + i, finished[i], std::move(done.aligned), window);
            });
        },
        min_window, repairs);
}

StreamedFile::StreamedFile(const std::string& path) {
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!std::filesystem::exists(status)) throw Error(path, std::nullopt, "no such file");
    if (std::filesystem::is_directory(status)) throw Error(path, std::nullopt, "is a directory, not a text file");
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw Error(path, std::nullopt, std::string("cannot open: ") + std::strerror(errno));
    struct stat file_status {};
    if (::fstat(fd_, &file_status) == 0 && S_ISREG(file_status.st_mode)) size_ = static_cast<std::size_t>(file_status.st_size);
    else size_ = std::numeric_limits<std::size_t>::max();  // a pipe or device: no size to go by
    // %PDF- may follow up to 1,024 bytes of junk (is_pdf).
    head_ = read_head(fd_, 1024);
    pdf_ = summalign::is_pdf(head_);
}

StreamedFile::~StreamedFile() {
    if (fd_ >= 0) ::close(fd_);
}

void copy_checked_text(int fd, const std::string& name, std::string head, const std::function<void(std::string_view)>& sink) {
    std::string window = std::move(head);
    std::size_t base = 0;
    std::vector<char> chunk(1 << 16);
    bool at_end = false;
    while (!at_end) {
        const ssize_t got = ::read(fd, chunk.data(), chunk.size());
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(name, base + window.size(), std::string("cannot read: ") + std::strerror(errno));
        }
        at_end = got == 0;
        window.append(chunk.data(), static_cast<std::size_t>(got));
        if (!at_end && window.size() < named_file_window) continue;
        // Whole lines only, so that no UTF-8 sequence is cut (a line break is never inside one).
        const std::size_t usable = at_end ? window.size() : window.rfind('\n') + 1;  // npos + 1 == 0
        if (usable == 0) continue;
        window_source(window.substr(0, usable), name, base);
        if (sink) sink(std::string_view(window).substr(0, usable));
        window.erase(0, usable);
        base += usable;
    }
}

bool check_text_file(const std::string& path) {
    // A named pipe or a device cannot be read twice: reading it here would leave nothing (or
    // a writer that has gone: a hang) for the run itself. It is checked as it is read.
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!error && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status))
        return true;
    StreamedFile file(path);
    if (file.is_pdf()) return false;
    copy_checked_text(file.fd(), path, file.take_head(), nullptr);
    return true;
}

}  // namespace summalign::cli
