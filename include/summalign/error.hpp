#pragma once
// The one error type at the API edge: what went wrong, in which file, and where.
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace summalign {

class Error : public std::runtime_error {
public:
    // `file` is the name the user gave (or "-" for standard input); `offset` the byte
    // offset in that input where the problem is, when there is one.
    Error(std::string file, std::optional<std::size_t> offset, const std::string& what);

    const std::string& file() const noexcept { return file_; }
    const std::optional<std::size_t>& offset() const noexcept { return offset_; }

private:
    std::string file_;
    std::optional<std::size_t> offset_;
};

}  // namespace summalign
