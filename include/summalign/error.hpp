#pragma once
// The one error type at the API edge: what went wrong, in which file, and where.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace summalign {

// Every function of the public API reports failure with Error (or std::bad_alloc when
// memory runs out): bad input, a missing data file, a wrong argument (an unknown format or
// language name), a call out of order (DocumentWriter), and failures of the libraries
// underneath (ICU, ...) alike.
class Error : public std::runtime_error {
public:
    // An error tied to no input file (a wrong argument, a call out of order): what() is `what`.
    explicit Error(const std::string& what);
    // `file` is the name the user gave (or "-" for standard input); `offset` the byte
    // offset in that input where the problem is, when there is one. what() is
    // "FILE: byte OFFSET: WHAT" or "FILE: WHAT".
    Error(std::string file, std::optional<std::size_t> offset, const std::string& what);

    const std::string& file() const noexcept { return file_; }  // empty for an error tied to no file
    const std::optional<std::size_t>& offset() const noexcept { return offset_; }

private:
    std::string file_;
    std::optional<std::size_t> offset_;
};

}  // namespace summalign
