#pragma once
// The small types every stage shares: the two languages and a byte range of a text. A header
// of their own, so that a stage that names a language needs none of the others.
#include <cstddef>
#include <string_view>

namespace summalign {

enum class Lang { da, en };
std::string_view to_string(Lang lang) noexcept;
Lang parse_lang(std::string_view code);  // "da" or "en"; throws Error otherwise

// A half-open byte range [start, end): of the source for what the parser, the layout repair
// and the checker report (a sentence, an article, a repair, a finding), of the text it was
// given for what Segmenter::split returns. Named as the JSON keys that carry it (docs/schema.md).
struct SourceSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t size() const noexcept { return end - start; }
    bool empty() const noexcept { return end == start; }
    friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

}  // namespace summalign
