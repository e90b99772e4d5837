#pragma once
// The rules summalign adds to ICU's sentence breaks: abbreviations, initials, ordinals,
// figure labels, citation brackets, Danish dialogue dashes and line breaks. Every rule
// looks at a bounded window around a candidate break, so the whole pass is linear.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detail/segment_abbreviations.hpp"
#include "summalign/segment.hpp"

namespace summalign::detail {

// `text` with every CR and LF replaced by a space (same length, so offsets agree): ICU
// treats each line break as a sentence end, but here line breaks are decided separately.
std::string line_breaks_as_spaces(std::string_view text);

// The final sentence starts (byte offsets, sorted, inside (0, text.size())) given the breaks
// ICU found in line_breaks_as_spaces(text).
std::vector<std::size_t> refine_breaks(std::string_view text, const std::vector<std::size_t>& icu_breaks,
                                       const AbbreviationList& abbreviations, LineBreaks line_breaks);

}  // namespace summalign::detail
