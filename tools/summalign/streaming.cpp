#include "streaming.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>

#include "commands.hpp"
#include "detail/mapped_file.hpp"
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

std::vector<std::string> expand_inputs(const std::vector<std::string>& arguments) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string& argument : arguments) {
        std::error_code error;
        if (argument == "-" || !fs::is_directory(argument, error)) {
            files.push_back(argument);  // read_source reports a missing or unreadable file
            continue;
        }
        for (const fs::path& file : files_under(argument, {".txt", ".pdf"}, "directory has no .txt files and no .pdf files"))
            files.push_back(file.string());
    }
    return files;
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
    head_ = detail::read_head(fd_, 1024, "-");
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
        make_source_at(window.substr(0, usable), name, base);
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
