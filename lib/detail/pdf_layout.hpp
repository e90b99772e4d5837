#pragma once
// The geometry half of PDF input, apart from poppler so that it can be tested with words
// placed by hand: words with boxes and fonts in, page by page; text with page offsets and
// the repairs for what was left out, out. See docs/layout.md, "PDF input".
#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/layout.hpp"

namespace summalign::detail {

// One word as poppler gives it; coordinates in points, y growing downwards.
struct Word {
    std::string text;  // UTF-8, without control characters
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double size = 0;   // font size in points
    bool bold = false;
    bool space_after = false;
    bool upright = true;  // not rotated
};

// Whether a font name says bold: "Times-Bold", "ABCDEF+Arial,Bold", "Helvetica-Black", and
// the URW names TeX and Ghostscript embed for their Times and Bookman ("NimbusRomNo9L-Medi",
// "URWBookmanL-DemiLigh").
bool bold_font(std::string_view name);

struct PageWords {
    double width = 0, height = 0;
    std::vector<Word> words;
};

struct BuiltText {
    std::string text;
    std::vector<std::size_t> page_starts;
    std::vector<Repair> repairs;
    bool has_text = false;  // some page had a word
};

// Writes the pages in turn. Keeps only what later pages need from earlier ones (the font
// sizes seen, the column gutters of the last page, the running heads seen), never a page.
class TextBuilder {
public:
    void add_page(PageWords page);
    BuiltText finish() &&;

    struct Line;
    struct Fragment;

private:
    double body_size() const;
    void drop_margins(std::vector<Line>& lines, double height, double body);
    std::vector<std::pair<double, double>> find_gutters(const std::vector<Line>& lines, double width, double body) const;
    void emit_run(const std::vector<const Fragment*>& run, double body);
    void emit_line(const std::string& text, bool blank_before);

    std::string text_;
    std::vector<std::size_t> page_starts_;
    std::vector<Repair> repairs_;
    std::vector<Repair> footer_pending_;  // this page's footers, placed after its text
    std::vector<double> size_chars_;  // characters set in each font size, by half points
    std::vector<std::pair<double, double>> last_gutters_;
    std::set<std::string> heads_seen_;  // running heads with digits masked
    double pitch_ = 0;                   // baseline distance of body lines, once seen
    bool has_text_ = false;
    bool last_heading_ = false;          // the last line written was a heading or label
    bool last_ended_paragraph_ = true;   // ... ended its paragraph (short and a sentence end)
    bool join_next_ = false;             // the next line goes on the last one, after a space
    bool blank_next_ = false;            // a blank line before the next line (after a heading kept apart)
    double full_line_pending_ = 0;       // the last column ended in a full line of few characters, in this type size
    std::size_t page_ = 0;
};

}  // namespace summalign::detail
