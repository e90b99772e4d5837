#pragma once
// Stage 0: bytes in, checked UTF-8 out, and the standoff text type every later stage uses.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace summalign {

// The user's input exactly as read: `bytes` is valid UTF-8 (checked), never modified.
// Every offset the library reports is a byte offset into `bytes`.
struct SourceText {
    std::string name;   // file name as given, "-" for standard input
    std::string bytes;
};

// Checks that `bytes` is UTF-8 without NUL bytes; throws Error naming `name` and the
// byte offset of the first bad sequence (also recognises UTF-16 byte-order marks).
SourceText make_source(std::string bytes, std::string name);

// Reads a file ("-" = standard input) and checks it as make_source does. Throws Error
// for a missing file, a directory, or unreadable/invalid input.
SourceText read_source(const std::string& path);

// A string whose every byte remembers the source byte it came from, so repaired text
// (joined lines, removed hyphens, normalised characters) can cite exact source spans.
// Invariant: origin.size() == text.size(); origin is non-decreasing except where a
// repair moved text (a lifted figure caption), which the repair records.
class MappedText {
public:
    MappedText() = default;

    // Appends source bytes [start, end) of `source` verbatim.
    void append_source(std::string_view source, std::size_t start, std::size_t end);
    // Appends text produced by a repair (e.g. a space joining two lines, an NFC
    // composed character) attributed to source byte `at`.
    void append_synthetic(std::string_view text, std::size_t at);
    void append(const MappedText& other);

    const std::string& text() const noexcept { return text_; }
    std::size_t size() const noexcept { return text_.size(); }
    bool empty() const noexcept { return text_.empty(); }
    // Source byte of text byte `i` (i < size()).
    std::size_t origin(std::size_t i) const { return origin_.at(i); }
    // Half-open source span covered by text bytes [begin, end): [origin(begin), origin(end-1)+1).
    std::size_t source_start(std::size_t begin) const;
    std::size_t source_end(std::size_t end) const;
    MappedText slice(std::size_t begin, std::size_t end) const;
    // Removes leading/trailing ASCII and Unicode white space.
    MappedText trimmed() const;

private:
    std::string text_;
    std::vector<std::size_t> origin_;
};

// NFC normalisation, with no-break spaces turned into spaces and soft hyphens removed.
std::string normalize_nfc(std::string_view utf8);

}  // namespace summalign
