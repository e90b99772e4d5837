#pragma once
// Stage 0: bytes in, checked UTF-8 out, and the standoff text type every later stage uses.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "summalign/error.hpp"
#include "summalign/types.hpp"

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
// Invariant: origin(i) is defined for every i < size(); origins are non-decreasing except
// where a repair moved text (a lifted figure caption), which the repair records.
//
// The mapping is stored as runs rather than one offset per byte: a run of text copied
// verbatim from the source needs only where it starts, and so does a run of synthetic text
// (all its bytes share one origin). A line or paragraph has a handful of runs, so the
// mapping costs a few dozen bytes instead of eight per text byte.
class MappedText {
public:
    MappedText() = default;

    // Appends source bytes [start, end) of `source` verbatim.
    void append_source(std::string_view source, std::size_t start, std::size_t end);
    // Appends text produced by a repair (e.g. a space joining two lines, an NFC
    // composed character) attributed to source byte `at`.
    void append_synthetic(std::string_view text, std::size_t at);
    void append(const MappedText& other);
    // Appends bytes [begin, end) of `other` with their origins (end is clamped to other.size()):
    // other.slice(begin, end) without the copy.
    void append(const MappedText& other, std::size_t begin, std::size_t end);

    const std::string& text() const noexcept { return text_; }
    std::size_t size() const noexcept { return text_.size(); }
    bool empty() const noexcept { return text_.empty(); }
    // Source byte of text byte `i`; throws Error unless i < size().
    std::size_t origin(std::size_t i) const;
    // Half-open source span covered by text bytes [begin, end): [origin(begin), origin(end-1)+1).
    std::size_t source_start(std::size_t begin) const;
    std::size_t source_end(std::size_t end) const;
    // [source_start(begin), source_end(end)), or, where text was read out of source order
    // (two columns one after the other), the smallest source span that holds every byte.
    SourceSpan source_hull(std::size_t begin, std::size_t end) const;
    MappedText slice(std::size_t begin, std::size_t end) const;
    // Removes leading/trailing ASCII and Unicode white space.
    MappedText trimmed() const;

private:
    // Text bytes [text_begin, next run's text_begin or size()) come from the source bytes
    // starting at source_begin, one for one when `verbatim`; all from source_begin otherwise.
    struct Run {
        std::size_t text_begin = 0;
        std::size_t source_begin = 0;
        bool verbatim = true;
    };
    // Appends a run starting at the current end of text_ (call before appending its bytes),
    // or extends the last run when it already maps the new bytes the same way.
    void add_run(std::size_t source_begin, bool verbatim);
    // The run that holds text byte i (i < size()).
    std::vector<Run>::const_iterator run_at(std::size_t i) const;

    std::string text_;
    std::vector<Run> runs_;  // sorted by text_begin; the first starts at 0 unless text_ is empty
};

// NFC normalisation, with no-break spaces turned into spaces and soft hyphens removed.
std::string normalize_nfc(std::string_view utf8);

}  // namespace summalign
