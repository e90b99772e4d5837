#pragma once
// Where a command's output goes: standard output, or the file named by -o. Every command
// writes through this, so a write error (a full disk, a closed standard output) ends every
// command the same way: a one-line error and exit status 1, never exit 0 with cut output.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <streambuf>
#include <vector>
#include <ostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace summalign::cli {

// Adds `-o,--output FILE` to `command`, storing the name in `path` ("" or "-": standard output).
void add_output_option(CLI::App& command, std::string& path);

// An ostream over a file descriptor that writes with write(2) and keeps the errno of the
// first failed write, so that a write error can be reported with its cause (stdio's buffered
// stdout loses it by the time the error is noticed).
class DescriptorBuffer : public std::streambuf {
public:
    explicit DescriptorBuffer(int fd);
    ~DescriptorBuffer() override;
    int error() const noexcept { return error_; }  // 0 while every write succeeded

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;
    int sync() override;

private:
    bool write_all(const char* data, std::size_t count);
    int fd_;
    int error_ = 0;
    std::vector<char> buffer_;
};

// The output of one command run.
//  - standard output ("" or "-"): written as it comes (64 KB at a time); a write error is
//    detected at the latest by commit(), and check() may be called between pieces to stop early.
//  - a regular file, or a name that does not exist yet: written to a temporary file in the same
//    directory and renamed over the target by commit(), so a failed or interrupted run never
//    leaves a half-written file; the new file keeps the old one's permission bits (and owner,
//    where the process may set it).
//    A regular file with several names (hard links) is not renamed over, which would split it
//    from its other names: commit() copies the complete temporary file into it in place (a
//    failure before then leaves it as it was; a write error during that copy can leave it cut
//    and is reported).
//  - a symbolic link: the file it points to is written as above (the link stays a link).
//  - a device, FIFO or socket (/dev/null, /dev/stdout, a named pipe): written straight into it,
//    as it cannot be replaced by renaming (and must not be).
// Destroyed without commit(), the temporary file is removed; SIGINT, SIGTERM and SIGHUP remove
// it too (the handler only unlinks a path prepared before the signal could arrive).
class Output {
public:
    explicit Output(const std::string& path);
    ~Output();
    Output(const Output&) = delete;
    Output& operator=(const Output&) = delete;

    std::ostream& stream() { return *stream_; }
    bool to_stdout() const noexcept { return to_stdout_; }
    // Throws Error naming the output if a write has failed so far.
    void check();
    // Flushes, checks and (for a temporary file) renames; throws Error on failure.
    void commit();

private:
    std::string name_;                // as given, for messages
    std::filesystem::path target_;    // what the temporary file replaces (symlinks resolved)
    std::filesystem::path temporary_; // empty unless writing through a temporary file
    std::ofstream file_;
    std::unique_ptr<DescriptorBuffer> stdout_buffer_;
    std::unique_ptr<std::ostream> stdout_stream_;
    std::ostream* stream_ = nullptr;
    bool to_stdout_ = false;
    bool committed_ = false;
    bool copy_into_target_ = false;  // the target has hard links: copied into, not renamed over
    void copy_temporary_into_target();
};

// Writes `text`, the complete output of a command, to `path` as Output does, and commits it.
void write_output(const std::string& path, std::string_view text);

// Flushes standard output and throws Error ("-: cannot write to standard output: …") if any
// write to it has failed (full disk, closed descriptor). main() calls it after every command.
void check_stdout();

}  // namespace summalign::cli
