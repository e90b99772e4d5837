#pragma once
// The small types every stage shares: the two languages and a byte range of a text. A header
// of their own, so that a stage that names a language needs none of the others.
#include <cstddef>
#include <string_view>

namespace summalign {

enum class Lang { da, en };
std::string_view to_string(Lang lang) noexcept;
Lang parse_lang(std::string_view code);  // "da" or "en"; throws Error otherwise

// A half-open byte range [begin, end) within the text that was segmented.
struct ByteSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

}  // namespace summalign
