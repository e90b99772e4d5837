#pragma once
// Line-level layout repairs, exposed for the unit tests: normalisation with exact byte
// mapping, running head / page number recognition and figure caption detection.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/layout.hpp"
#include "summalign/text.hpp"

namespace summalign::detail {

// Appends source bytes [start, end) of `source` to `out`, NFC-normalised, with no-break
// spaces turned into spaces and soft hyphens removed. Unchanged runs keep their exact
// origins; a changed normalisation segment maps its bytes to the segment's first source
// byte and its last byte to the segment's last source byte, so spans stay exact. Each
// change is recorded in `repairs`.
void append_normalized(std::string_view source, std::size_t start, std::size_t end, MappedText& out,
                       std::vector<Repair>& repairs);

enum class LineKind { text, running_head, page_number };

// Recognises what extraction leaves between lines at page breaks:
// - a page number: a bare number of 1 to 5 digits;
// - a running head: a short line (at most 120 bytes) with no lower-case letter that holds
//   at least two words of three or more capital letters and a digit, e.g. "UGESKR LÆGER 165/50 · 8. DECEMBER 2003",
//   possibly with the page number glued to either end.
// `line` is the normalised line.
LineKind classify_line(std::string_view line);

// A figure or table caption inside a line: "Fig. 1. Mulig ..." (label, a number, a full
// stop and a capitalised caption). In-text references such as "(Fig. 1)" do not match.
struct CaptionMatch {
    std::size_t begin = 0;          // byte where the label starts
    std::size_t text_begin = 0;     // byte where the caption text starts (after "Fig. 1. ")
    std::string label;              // "Fig. 1"
};
std::optional<CaptionMatch> find_caption(std::string_view line);

// One physical line of the source: bytes [start, end) without the line end.
struct LineRange {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t number = 0;  // 1-based line number
};

// The reading order of one page's lines (the lines between two form feeds). A page that
// `pdftotext -layout` printed as two columns side by side has a gutter: a band of
// character columns in its middle half that (almost) no line has a visible character in,
// with text on both sides of it on many lines. Such a page is cut at the gutter: each run
// of lines between lines that cross it (a title across both columns, a centred page
// number) gives its left halves, then its right halves; a line that crosses stays whole.
// A half that holds only spaces while the other half of its row has text is left out
// unless its column's last line ends a sentence (the columns' baselines need not share
// rows, so such a row may exist only for the other column), and then not where the two
// columns' rows alternate (baselines half a line apart) on a page whose paragraphs begin
// with an indent.
// Any other page comes back unchanged. Linear in the page's size.
std::vector<LineRange> column_order(std::string_view source, const std::vector<LineRange>& page);

}  // namespace summalign::detail
