#include "output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <random>

#include <fmt/format.h>

#include "detail/messages_format.hpp"
#include "summalign/error.hpp"

namespace summalign::cli {
namespace fs = std::filesystem;

namespace {

// The one piece of process-wide mutable state in the command: a signal handler can reach
// nothing else. It holds the temporary file of the command's single Output, copied in
// before `armed` is set, so the handler only reads a finished C string and calls unlink(),
// which is async-signal-safe.
char pending_temporary[4096];
volatile std::sig_atomic_t pending_armed = 0;

extern "C" void remove_temporary_and_end(int signal_number) {
    if (pending_armed) ::unlink(pending_temporary);
    // Die of the same signal, so the parent sees what happened (exit status 128 + n).
    ::signal(signal_number, SIG_DFL);
    ::raise(signal_number);
}

void arm_signal_cleanup(const fs::path& temporary) {
    const std::string& path = temporary.native();
    if (path.size() >= sizeof pending_temporary) return;  // such a path could not be opened anyway
    pending_armed = 0;
    std::memcpy(pending_temporary, path.c_str(), path.size() + 1);
    struct sigaction action {};
    action.sa_handler = remove_temporary_and_end;
    sigemptyset(&action.sa_mask);
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous {};
        // A signal the caller chose to ignore (nohup, a shell's background job) stays ignored.
        if (::sigaction(signal_number, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
        ::sigaction(signal_number, &action, nullptr);
    }
    pending_armed = 1;
}

void disarm_signal_cleanup() { pending_armed = 0; }

// The file a chain of symbolic links ends at (which need not exist yet).
fs::path follow_links(const std::string& name) {
    fs::path path = name;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code error;
        const fs::file_status status = fs::symlink_status(path, error);
        if (error || !fs::is_symlink(status)) return path;
        const fs::path link = fs::read_symlink(path, error);
        if (error) throw Error(name, std::nullopt, "cannot read symbolic link: " + error.message());
        path = link.is_absolute() ? link : path.parent_path() / link;
    }
    throw Error(name, std::nullopt, "too many levels of symbolic links");
}

[[noreturn]] void stdout_failed(int error_number) {
    std::string message = "cannot write to standard output";
    if (error_number != 0) message += std::string(": ") + detail::system_reason(error_number);
    throw Error("-", std::nullopt, message);
}

}  // namespace

DescriptorBuffer::DescriptorBuffer(int fd) : fd_(fd), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

DescriptorBuffer::~DescriptorBuffer() { sync(); }

bool DescriptorBuffer::write_all(const char* data, std::size_t count) {
    if (error_ != 0) return false;
    while (count > 0) {
        const ssize_t written = ::write(fd_, data, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            return false;
        }
        data += written;
        count -= static_cast<std::size_t>(written);
    }
    return true;
}

int DescriptorBuffer::sync() {
    const bool ok = write_all(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return ok ? 0 : -1;
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
    if (sync() != 0) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

std::streamsize DescriptorBuffer::xsputn(const char* data, std::streamsize count) {
    // Large pieces (a whole rendered article) go straight through, without a copy.
    if (count >= epptr() - pptr()) {
        if (sync() != 0 || !write_all(data, static_cast<std::size_t>(count))) return 0;
        return count;
    }
    std::memcpy(pptr(), data, static_cast<std::size_t>(count));
    pbump(static_cast<int>(count));
    return count;
}

void add_output_option(CLI::App& command, std::string& path) {
    command.add_option("-o,--output", path,
                       "write to FILE instead of standard output (a regular file is replaced only once complete)");
}

Output::Output(const std::string& path) : name_(path) {
    if (path.empty() || path == "-") {
        to_stdout_ = true;
        std::cout.flush();
        stdout_buffer_ = std::make_unique<DescriptorBuffer>(STDOUT_FILENO);
        stdout_stream_ = std::make_unique<std::ostream>(stdout_buffer_.get());
        stream_ = stdout_stream_.get();
        return;
    }
    target_ = follow_links(path);
    std::error_code error;
    const fs::file_status status = fs::status(target_, error);
    const bool exists = !error && fs::exists(status);
    if (exists && fs::is_directory(status)) throw Error(path, std::nullopt, "is a directory, not a file");
    if (exists && !fs::is_regular_file(status)) {
        // A device, FIFO or socket: renaming a file over it would replace the node itself.
        file_.open(target_, std::ios::binary | std::ios::out);
        if (!file_) throw Error(path, std::nullopt, "cannot open for writing: " + detail::system_reason(errno));
        stream_ = &file_;
        return;
    }
    // A name no other run uses at the same moment: the process id and a random number.
    std::random_device random;
    temporary_ = target_;
    temporary_ += fmt::format(".tmp-{}-{:08x}", ::getpid(), random());
    // Armed before the file exists: a signal between its creation and the arming would leave
    // it behind. Removing a name not yet created does no harm (it is this process's own).
    arm_signal_cleanup(temporary_);
    const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int error_number = errno;
        disarm_signal_cleanup();
        throw Error(path, std::nullopt, fmt::format("cannot create {}: {}", temporary_.string(), detail::system_reason(error_number)));
    }
    struct stat old {};
    if (exists && ::stat(target_.c_str(), &old) == 0) {
        // A file with other names (hard links): renaming over one name would split it from
        // the others, so the complete output is copied into it at commit() instead.
        copy_into_target_ = old.st_nlink > 1;
        // The replacement keeps what the user set on the file: a 0600 file stays 0600.
        if (::fchown(fd, old.st_uid, old.st_gid) != 0) {
            // Only root may give a file away; an ordinary user's file is theirs anyway.
        }
        ::fchmod(fd, old.st_mode & 07777);
    }
    ::close(fd);
    file_.open(temporary_, std::ios::binary | std::ios::out | std::ios::trunc);
    if (!file_) {
        const int error_number = errno;
        std::error_code ignored;
        fs::remove(temporary_, ignored);
        disarm_signal_cleanup();
        throw Error(path, std::nullopt, fmt::format("cannot open {}: {}", temporary_.string(), detail::system_reason(error_number)));
    }
    stream_ = &file_;
}

Output::~Output() {
    if (committed_ || temporary_.empty()) return;
    file_.close();
    std::error_code ignored;
    fs::remove(temporary_, ignored);
    disarm_signal_cleanup();
}

void Output::check() {
    if (to_stdout_) {
        stdout_stream_->flush();
        if (stdout_buffer_->error() != 0 || !*stdout_stream_) stdout_failed(stdout_buffer_->error());
        return;
    }
    if (!file_) throw Error(name_, std::nullopt, "cannot write: " + detail::system_reason(errno));
}

void Output::commit() {
    if (to_stdout_) {
        check();
        committed_ = true;
        return;
    }
    errno = 0;
    file_.flush();
    file_.close();
    if (!file_) {
        const std::string reason = errno != 0 ? detail::system_reason(errno) : "write failed";
        throw Error(name_, std::nullopt, "cannot write: " + reason);
    }
    if (!temporary_.empty() && copy_into_target_) {
        copy_temporary_into_target();
        std::error_code ignored;
        fs::remove(temporary_, ignored);
        disarm_signal_cleanup();
    } else if (!temporary_.empty()) {
        std::error_code error;
        fs::rename(temporary_, target_, error);
        if (error) throw Error(name_, std::nullopt, "cannot rename " + temporary_.string() + ": " + error.message());
        // Disarmed only now: a signal before the rename still removes the temporary file,
        // one after it finds nothing left to remove.
        disarm_signal_cleanup();
    }
    committed_ = true;
}

void Output::copy_temporary_into_target() {
    const auto fail = [&](const std::string& what) {
        throw Error(name_, std::nullopt, fmt::format("{}: {}", what, detail::system_reason(errno)));
    };
    const int from = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
    if (from < 0) fail("cannot read " + temporary_.string());
    const int to = ::open(target_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (to < 0) {
        ::close(from);
        fail("cannot open for writing");
    }
    std::vector<char> chunk(1 << 16);
    for (;;) {
        const ssize_t got = ::read(from, chunk.data(), chunk.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            ::close(from);
            ::close(to);
            fail("cannot read " + temporary_.string());
        }
        if (got == 0) break;
        for (ssize_t done = 0; done < got;) {
            const ssize_t put = ::write(to, chunk.data() + done, static_cast<std::size_t>(got - done));
            if (put < 0 && errno == EINTR) continue;
            if (put < 0) {
                ::close(from);
                ::close(to);
                fail("cannot write");
            }
            done += put;
        }
    }
    ::close(from);
    if (::close(to) != 0) fail("cannot write");
}

void write_output(const std::string& path, std::string_view text) {
    Output output(path);
    output.stream().write(text.data(), static_cast<std::streamsize>(text.size()));
    output.commit();
}

void check_stdout() {
    std::cout.flush();
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) stdout_failed(errno);
}

}  // namespace summalign::cli
