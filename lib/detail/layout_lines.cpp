#include "detail/layout_lines.hpp"
#include "summalign/error.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include "detail/utf8.hpp"

namespace summalign::detail {

namespace {

const icu::Normalizer2& nfc_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) throw Error("ICU NFC normaliser unavailable");
    return *nfc;
}

bool is_no_break_space(char32_t c) { return c == 0x00A0 || c == 0x202F || c == 0x2007; }
constexpr char32_t soft_hyphen = 0x00AD;
constexpr char32_t zero_width_no_break_space = 0xFEFF;

// The Latin typographic ligatures (U+FB00-U+FB06) a PDF font may map a glyph to: NFC keeps
// them, so "ﬁndes" would be a different word from "findes". Their compatibility
// decomposition, spelt out.
std::string_view ligature_letters(char32_t c) {
    switch (c) {
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        case 0xFB05: return "st";  // long s + t
        case 0xFB06: return "st";
        default: return {};
    }
}

}  // namespace

void append_normalized(std::string_view source, std::size_t start, std::size_t end, MappedText& out,
                       std::vector<Repair>& repairs) {
    const icu::Normalizer2& nfc = nfc_instance();
    // Most lines have no tab, form feed or run of spaces: they take the plain ASCII loop.
    const std::string_view line = source.substr(start, end - start);
    const bool plain = line.find("  ") == std::string_view::npos && line.find_first_of("\t\f\v") == std::string_view::npos;
    std::size_t verbatim = start;  // start of the pending run copied unchanged
    std::size_t i = start;
    auto flush = [&](std::size_t upto) {
        if (upto > verbatim) out.append_source(source, verbatim, upto);
    };
    while (i < end) {
        // ASCII is NFC and starts a normalisation segment unless a combining mark follows:
        // take whole ASCII runs but leave their last character to the segment logic below
        // when a non-ASCII character comes next.
        if (static_cast<unsigned char>(source[i]) < 0x80) {
            std::size_t j = i;
            const auto other_space = [](char c) { return c == '\t' || c == '\f' || c == '\v'; };
            if (plain) {
                while (j < end && static_cast<unsigned char>(source[j]) < 0x80) ++j;
            } else {
                while (j < end && static_cast<unsigned char>(source[j]) < 0x80 && !other_space(source[j]) &&
                       !(source[j] == ' ' && j + 1 < end && (source[j + 1] == ' ' || other_space(source[j + 1]))))
                    ++j;
            }
            if (!plain && j < end && (other_space(source[j]) || source[j] == ' ')) {
                // A tab, a form feed (a page break) or a run of spaces (layout extraction
                // pads columns and justified lines with them): one space, mapped to the
                // run's first byte.
                std::size_t k = j;
                while (k < end && (source[k] == ' ' || other_space(source[k]))) ++k;
                flush(j);
                out.append_synthetic(" ", j);
                if (k - j > 1 || source[j] != ' ')
                    repairs.push_back({Repair::Kind::normalized, j, k, k - j > 1 ? "white space run -> space" : "tab or form feed -> space"});
                verbatim = i = k;
                continue;
            }
            if (j == end) break;
            i = std::max(i, j - 1);
        }
        // One normalisation segment: a character with a boundary before it, plus every
        // following character without one.
        std::size_t n = 0;
        const char32_t first = code_point_at(source, i, n);
        std::size_t segment_end = i + n;
        while (segment_end < end) {
            std::size_t m = 0;
            const char32_t next = code_point_at(source, segment_end, m);
            if (nfc.hasBoundaryBefore(static_cast<UChar32>(next))) break;
            segment_end += m;
        }
        const bool single = segment_end == i + n;
        if (single && (first == soft_hyphen || first == zero_width_no_break_space)) {
            flush(i);
            repairs.push_back({Repair::Kind::normalized, i, segment_end,
                               first == soft_hyphen ? "soft hyphen removed" : "zero-width no-break space removed"});
            verbatim = segment_end;
        } else if (single && !ligature_letters(first).empty()) {
            flush(i);
            const std::string_view letters = ligature_letters(first);
            out.append_synthetic(letters.substr(0, letters.size() - 1), i);
            out.append_synthetic(letters.substr(letters.size() - 1), segment_end - 1);
            repairs.push_back({Repair::Kind::normalized, i, segment_end, "ligature -> " + std::string(letters)});
            verbatim = segment_end;
        } else if (single && is_no_break_space(first)) {
            flush(i);
            out.append_synthetic(" ", i);
            repairs.push_back({Repair::Kind::normalized, i, segment_end, "no-break space -> space"});
            verbatim = segment_end;
        } else if (!single || first >= 0x80) {
            const std::string_view segment = source.substr(i, segment_end - i);
            UErrorCode status = U_ZERO_ERROR;
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())));
            if (!nfc.isNormalized(u, status) && U_SUCCESS(status)) {
                std::string normalized;
                nfc.normalize(u, status).toUTF8String(normalized);
                if (U_SUCCESS(status) && normalized != segment) {
                    flush(i);
                    if (!normalized.empty()) {
                        out.append_synthetic(std::string_view(normalized).substr(0, normalized.size() - 1), i);
                        out.append_synthetic(std::string_view(normalized).substr(normalized.size() - 1), segment_end - 1);
                    }
                    repairs.push_back({Repair::Kind::normalized, i, segment_end, "NFC: " + normalized});
                    verbatim = segment_end;
                }
            }
        }
        i = segment_end;
    }
    flush(end);
}

LineKind classify_line(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.empty()) return LineKind::text;
    // "4853", or "- 4853 -" / "-2-" as some typesetters print it.
    std::string_view number = t;
    if (number.size() >= 3 && number.front() == '-' && number.back() == '-') number = trim(number.substr(1, number.size() - 2));
    bool all_digits = !number.empty() && number.size() <= 5;
    for (const char ch : number) all_digits = all_digits && ch >= '0' && ch <= '9';
    if (all_digits) return LineKind::page_number;
    if (t.size() > 120 || has_lowercase(t) || !has_digit(t)) return LineKind::text;
    // Count capitalised words of three or more letters (abbreviations such as "AC133+
    // (CD34)" are shorter).
    std::size_t upper_words = 0, run = 0;
    for (std::size_t i = 0; i <= t.size();) {
        std::size_t n = 1;
        const char32_t c = i < t.size() ? code_point_at(t, i, n) : U' ';
        if (is_letter(c)) {
            ++run;
        } else {
            if (run >= 3) ++upper_words;
            run = 0;
        }
        i += n;
    }
    return upper_words >= 2 ? LineKind::running_head : LineKind::text;
}

std::optional<CaptionMatch> find_caption(std::string_view line) {
    static constexpr std::array<std::string_view, 5> labels = {"Figure", "Figur", "Fig.", "Tabel", "Table"};
    for (std::size_t p = 0; p < line.size(); ++p) {
        if (line[p] != 'F' && line[p] != 'T') continue;
        if (p > 0 && line[p - 1] != ' ' && line[p - 1] != '\t') continue;
        for (const std::string_view label : labels) {
            if (line.substr(p, label.size()) != label) continue;
            std::size_t i = p + label.size();
            std::size_t spaces = 0;
            while (i < line.size() && line[i] == ' ') ++i, ++spaces;
            if (spaces == 0) break;
            const std::size_t number_begin = i;
            while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - number_begin < 3) ++i;
            if (i == number_begin) break;
            if (i < line.size() && line[i] >= 'a' && line[i] <= 'z') ++i;  // "Fig. 2b."
            const std::size_t label_end = i;
            if (i >= line.size() || line[i] != '.') break;
            ++i;
            std::size_t gap = 0;
            while (i < line.size() && line[i] == ' ') ++i, ++gap;
            if (gap == 0 || i >= line.size()) break;
            std::size_t n = 0;
            const char32_t c = code_point_at(line, i, n);
            if (!is_upper(c)) break;
            std::string name(label);
            name += ' ';
            name += std::string(line.substr(number_begin, label_end - number_begin));
            return CaptionMatch{p, i, name};
        }
    }
    return std::nullopt;
}

namespace {

// Calls visit(column, byte, code point) for each code point of the line after leading
// form feeds, counting columns in code points as `pdftotext -layout` pads them.
template <typename Visit>
void for_each_column(std::string_view line, Visit&& visit) {
    std::size_t i = 0, column = 0;
    while (i < line.size() && line[i] == '\f') ++i;
    while (i < line.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(line, i, n);
        if (!visit(column, i, c)) return;
        i += n;
        ++column;
    }
}

// A page whose right column holds a line or two only (the document's last page, where an
// address ran over from the left column's foot) has too few gapped lines for the gutter
// test. Such a line is still told by where its text sits: its left part ends at the edge
// where the page's other lines end (a justified column: nine in ten of them end by there),
// and after a gap its words start beyond that edge, outside the page's only column. They
// are the right column's and are read after the left column, at the page's end. Every other
// gapped line leaves the page alone (a heading set deep, a table row, a right part that does
// not start beyond the edge), but for a single word after a gap (a running head's page
// number), which stays in place.
std::vector<LineRange> lone_right_lines(std::string_view source, const std::vector<LineRange>& page) {
    struct Candidate {
        std::size_t index = 0, cut = 0, left_end = 0, right_begin = 0;
    };
    std::vector<std::size_t> extents;  // of the lines without a gap inside
    std::vector<Candidate> candidates;
    for (std::size_t k = 0; k < page.size(); ++k) {
        std::size_t last_visible = 0, gap_begin = 0, gap_byte = 0, gaps = 0;
        bool any_visible = false, single_space_after = false;
        Candidate c{k};
        for_each_column(source.substr(page[k].start, page[k].end - page[k].start), [&](std::size_t column, std::size_t byte, char32_t ch) {
            if (is_space(ch)) {
                if (column == last_visible) gap_begin = column, gap_byte = byte;
                return true;
            }
            if (any_visible && column >= last_visible + 2) {
                ++gaps;
                c.cut = gap_byte, c.left_end = gap_begin, c.right_begin = column;
                single_space_after = false;
            } else if (any_visible && gaps > 0 && column == last_visible + 1) {
                single_space_after = true;
            }
            any_visible = true;
            last_visible = column + 1;
            return true;
        });
        if (!any_visible) continue;
        const std::string_view raw = source.substr(page[k].start, page[k].end - page[k].start);
        const std::size_t indent = raw.find_first_not_of(" \f");
        if (gaps == 0 && indent < 16) extents.push_back(last_visible);
        else if (gaps == 1 && indent < 16 && single_space_after && c.right_begin >= c.left_end + 3) candidates.push_back(c);
        else if (gaps != 1 || indent >= 16) return page;  // a gapped line of another form: no one-column page
        // else a single word after the gap: a running head's page number, left in place
    }
    if (candidates.empty() || extents.size() < 5) return page;
    const auto at = extents.begin() + static_cast<std::ptrdiff_t>(extents.size() * 9 / 10);
    std::nth_element(extents.begin(), at, extents.end());
    const std::size_t edge = *at;
    std::vector<bool> split(page.size(), false);
    std::vector<std::size_t> cut(page.size(), 0);
    for (const Candidate& c : candidates) {
        if (c.left_end * 5 < edge * 4 || c.left_end > edge + 1 || c.right_begin < edge + 2) return page;
        split[c.index] = true, cut[c.index] = c.cut;
    }
    std::vector<LineRange> ordered, right;
    for (std::size_t k = 0; k < page.size(); ++k) {
        if (!split[k]) {
            ordered.push_back(page[k]);
            continue;
        }
        ordered.push_back({page[k].start, page[k].start + cut[k], page[k].number});
        right.push_back({page[k].start + cut[k], page[k].end, page[k].number});
    }
    ordered.insert(ordered.end(), right.begin(), right.end());
    return ordered;
}

}  // namespace

std::vector<LineRange> column_order(std::string_view source, const std::vector<LineRange>& page) {
    // A cheap test first: side-by-side columns leave a wide gap inside many lines.
    // Where the columns' lines do not share rows (different font sizes, a title in one
    // column), a right-column line stands alone after a deep indent instead.
    const auto is_gapped = [&](const LineRange& line) {
        const std::string_view raw = source.substr(line.start, line.end - line.start);
        const std::string_view t = trim(raw);
        const std::size_t indent = static_cast<std::size_t>(t.data() - raw.data());
        return !t.empty() && (t.find("  ") != std::string_view::npos || indent >= 16);
    };
    std::size_t nonblank = 0, gapped = 0;
    for (const LineRange& line : page) {
        if (trim(source.substr(line.start, line.end - line.start)).empty()) continue;
        ++nonblank;
        if (is_gapped(line)) ++gapped;
    }
    // Fewer gapped lines: a page whose right column ends early (the document's last page) or
    // starts late. Such a page must pass the stricter test below (a clean gutter).
    if (nonblank < 6 || gapped < 3 || gapped * 16 < nonblank) {
        if (nonblank < 6 || gapped == 0 || page.size() > 400) return page;
        return lone_right_lines(source, page);
    }
    const bool few_gapped = gapped * 3 < nonblank;
    // A printed page holds a few hundred lines at most: a longer "page" is a text without form
    // feeds, where a few gapped lines say nothing (and the full test would read all of it).
    if (few_gapped && page.size() > 400) return page;

    constexpr std::size_t max_columns = 1000;
    std::vector<std::size_t> occupied;  // per column: lines with a visible character there
    std::vector<std::size_t> extents;   // per non-blank line: its last visible column + 1
    std::vector<std::size_t> gapped_extents;  // the same for the gapped lines
    for (const LineRange& line : page) {
        std::size_t extent = 0;
        for_each_column(source.substr(line.start, line.end - line.start), [&](std::size_t column, std::size_t, char32_t c) {
            if (column >= max_columns) return false;
            if (!is_space(c)) {
                if (occupied.size() <= column) occupied.resize(column + 1, 0);
                ++occupied[column];
                extent = column + 1;
            }
            return true;
        });
        if (extent > 0) extents.push_back(extent);
        if (extent > 0 && is_gapped(line)) gapped_extents.push_back(extent);
    }
    // Lines whose text starts beyond max_columns count as text above but leave no extent.
    if (extents.empty()) return page;
    // The page's width: a few overlong lines (a Summary the extraction left on one line)
    // must not move the middle half, so the 90th percentile of where lines end; where the
    // right column holds a few lines only, the same of the gapped lines.
    const auto percentile90 = [](std::vector<std::size_t>& v) -> std::size_t {
        if (v.empty()) return 0;
        const auto at = v.begin() + static_cast<std::ptrdiff_t>(v.size() * 9 / 10);
        std::nth_element(v.begin(), at, v.end());
        return *at;
    };
    const std::size_t width = std::min(std::max(percentile90(extents), percentile90(gapped_extents)), occupied.size());
    const std::size_t lo = width / 4, hi = width * 3 / 4;
    if (hi <= lo + 1) return page;
    std::size_t best = lo;
    for (std::size_t x = lo; x < hi; ++x)
        if (occupied[x] < occupied[best]) best = x;
    if (occupied[best] * 10 > nonblank) return page;
    // The band: the columns around it as empty, but for a line or two of smaller type (a
    // caption runs on past the left column's edge), which the cut below handles.
    const std::size_t band_limit = occupied[best] + std::max<std::size_t>(1, nonblank / 50);
    std::size_t gutter_begin = best, gutter_end = best + 1;
    while (gutter_begin > lo && occupied[gutter_begin - 1] <= band_limit) --gutter_begin;
    while (gutter_end < hi && occupied[gutter_end] <= band_limit) ++gutter_end;

    // Where each line has text: left of the gutter, right of it, across it.
    struct Split {
        bool left = false, right = false, across = false;
        std::size_t cut = 0;  // byte offset (in the line) of the gutter's first column
        std::size_t left_end = 0;  // last visible column + 1 before the gutter
        std::size_t left_begin = 0, right_begin = 0;  // first visible column of each side
    };
    std::vector<Split> splits(page.size());
    std::size_t both = 0, left_lines = 0, right_lines = 0;
    // A line in smaller type (a caption) holds more characters per inch, so -layout prints
    // it past the gutter's columns. It still leaves two or more spaces between the columns,
    // near the gutter (within this many columns), or ends before the right column's text.
    constexpr std::size_t near_gutter = 8;
    for (std::size_t k = 0; k < page.size(); ++k) {
        const std::string_view line = source.substr(page[k].start, page[k].end - page[k].start);
        Split& split = splits[k];
        split.cut = line.size();
        std::size_t left_end = 0, right_begin = 0;  // last visible column + 1 before the gutter; first one after
        std::size_t last_visible = 0;                // last visible column + 1
        std::size_t gap_begin = 0, gap_byte = 0;     // the current run of spaces: first column, its byte
        std::size_t best_gap_distance = near_gutter + 1, best_gap_byte = 0;
        bool any_visible = false;
        for_each_column(line, [&](std::size_t column, std::size_t byte, char32_t c) {
            if (column == gutter_begin) split.cut = byte;
            if (is_space(c)) {
                if (column == last_visible) gap_begin = column, gap_byte = byte;
                return true;
            }
            // A run of two or more spaces between visible characters: its distance from the band.
            if (any_visible && column >= last_visible + 2) {
                const std::size_t distance = column <= gutter_begin ? gutter_begin - column
                                             : gap_begin >= gutter_end ? gap_begin - gutter_end + 1
                                                                       : 0;
                if (distance < best_gap_distance) best_gap_distance = distance, best_gap_byte = gap_byte;
            }
            any_visible = true;
            last_visible = column + 1;
            if (column < gutter_begin) {
                if (!split.left) split.left_begin = column;
                split.left = true;
                left_end = column + 1;
            } else {
                if (column >= gutter_end) split.right = true;
                else split.across = true;
                if (right_begin == 0) right_begin = column;
            }
            return true;
        });
        split.right_begin = right_begin;
        if (split.across) {
            if (best_gap_distance <= near_gutter) {
                // Cut at the gap: the left column's line ran into the gutter, or the right's.
                split.across = false;
                split.cut = best_gap_byte;
                split.left = split.right = true;
                left_end = gutter_begin;
            } else if (split.left && !split.right) {
                split.across = false;  // a left-column line that ends in the gutter
                split.cut = line.size();
                left_end = gutter_begin;
            } else if (!split.left && split.right) {
                split.across = false;  // a right-column line that starts in the gutter
            }
        } else if (split.left && right_begin > 0 && right_begin - left_end < 2) {
            // Words one space apart run across the gutter ("En titel over begge spalter"):
            // columns are two spaces apart at least.
            split.across = true;
        }
        split.left_end = left_end;
        if (split.left && split.right && !split.across) ++both;
        if (split.left && !split.across) ++left_lines;
        if (split.right && !split.across) ++right_lines;
    }
    // Text on both sides of the gutter on many lines, and on the same line on some. Columns
    // whose baselines are offset by half a line share no row (pdftotext gives each its own),
    // and a column may hold a few lines only: then a clean gutter is the evidence instead:
    // a band that no line touches, between a left column of running text (a third of its
    // lines reach four fifths of its width: -layout pads proportional type, so a justified edge is ragged by a few columns; a table's left cells seldom
    // do) and text right of it on several lines.
    std::size_t edge = 0, at_edge = 0;
    for (const Split& split : splits)
        if (split.left && !split.across) edge = std::max(edge, split.left_end);
    for (const Split& split : splits)
        if (split.left && !split.across && split.left_end * 5 >= edge * 4) ++at_edge;
    const bool clean = occupied[best] == 0 && gutter_end - gutter_begin >= 2 && left_lines * 4 >= nonblank &&
                       at_edge * 3 >= left_lines && right_lines >= 3 && right_lines * 16 >= nonblank;
    if (few_gapped && !clean) return page;
    if (!clean && (both * 10 < nonblank || left_lines * 4 < nonblank || right_lines * 4 < nonblank)) return page;

    std::vector<LineRange> ordered;
    ordered.reserve(page.size() * 2);
    std::vector<LineRange> right;
    LineRange last_left, last_right;  // the last half with text in each column
    const auto ends_a_sentence = [&](const LineRange& r) {
        std::string_view t = trim(source.substr(r.start, r.end - r.start));
        while (!t.empty() && (t.back() == ')' || t.back() == ']' || t.back() == '"')) t.remove_suffix(1);
        return !t.empty() && (t.back() == '.' || t.back() == '!' || t.back() == '?');
    };
    // Whether the page marks paragraphs by a first-line indent rather than by space: lines of
    // a column set in 2 to 6 columns from its edge (where most of its lines begin) after a
    // line of it that ends a sentence.
    const auto usual_begin = [&](bool left_side) {
        std::vector<std::size_t> count;
        for (const Split& split : splits) {
            if (split.across || !(left_side ? split.left : split.right)) continue;
            const std::size_t begin = left_side ? split.left_begin : split.right_begin;
            if (begin >= max_columns) continue;
            if (count.size() <= begin) count.resize(begin + 1, 0);
            ++count[begin];
        }
        return static_cast<std::size_t>(std::max_element(count.begin(), count.end()) - count.begin());
    };
    const std::size_t left_edge = usual_begin(true), right_edge = usual_begin(false);
    std::size_t indented_starts = 0;
    {
        LineRange previous_left, previous_right;
        const auto indented = [](std::size_t begin, std::size_t column_edge) { return begin >= column_edge + 2 && begin <= column_edge + 6; };
        for (std::size_t k = 0; k < page.size(); ++k) {
            const Split& split = splits[k];
            if (split.across) {
                previous_left = previous_right = LineRange{};
                continue;
            }
            const LineRange left_half{page[k].start, page[k].start + split.cut, page[k].number};
            const LineRange right_half{page[k].start + split.cut, page[k].end, page[k].number};
            if (split.left) {
                indented_starts += ends_a_sentence(previous_left) && indented(split.left_begin, left_edge);
                previous_left = left_half;
            }
            if (split.right) {
                indented_starts += ends_a_sentence(previous_right) && indented(split.right_begin, right_edge);
                previous_right = right_half;
            }
        }
    }
    const bool indented_paragraphs = indented_starts >= 2;
    auto flush = [&] {
        ordered.insert(ordered.end(), right.begin(), right.end());
        right.clear();
    };
    for (std::size_t k = 0; k < page.size(); ++k) {
        const LineRange& line = page[k];
        const Split& split = splits[k];
        if (split.across) {
            flush();
            ordered.push_back(line);
            continue;
        }
        // A row blank on both sides is a blank line in both columns. A half that is blank
        // while the other has text is no line: the columns' baselines need not share rows,
        // so the row may exist only for the other column (it holds nothing but spaces).
        // Such a half is kept only after a line that ends a sentence, where it may be a
        // paragraph break; after a heading or mid-sentence it is dropped. Where the columns'
        // baselines are offset by half a line, their rows alternate (this column's text, the
        // other's, this column's, the other's), and on a page whose paragraphs begin with an
        // indent the blank half between two of a column's lines in such a run is only the
        // other's row: dropped too, also at the run's end, where the next row holds both
        // columns (the baselines come to meet). Where space marks the paragraphs, a paragraph's space can
        // hide in the alternation, so it stays. A run of one row each way is no such evidence
        // (a heading of the other column with space around it stands beside a paragraph break
        // as well).
        const auto interleaved = [&](bool left_column) {
            if (!indented_paragraphs) return false;
            const auto alone = [&](std::size_t row, bool side) {  // text on `side` only
                if (row >= page.size() || splits[row].across) return false;
                const Split& s = splits[row];
                return side ? s.left && !s.right : s.right && !s.left;
            };
            if (k == 0 || !alone(k - 1, left_column)) return false;
            if (alone(k + 1, left_column)) return (k >= 2 && alone(k - 2, !left_column)) || alone(k + 2, !left_column);
            // The alternation ends at this row (the next holds text of both columns, their
            // baselines now shared): the rows before must show it, two of each column.
            const bool next_has_text = k + 1 < page.size() && !splits[k + 1].across && (left_column ? splits[k + 1].left : splits[k + 1].right);
            return next_has_text && k >= 3 && alone(k - 2, !left_column) && alone(k - 3, left_column);
        };
        const LineRange left_half{line.start, line.start + split.cut, line.number};
        const LineRange right_half{line.start + split.cut, line.end, line.number};
        if (split.left || !split.right || (ends_a_sentence(last_left) && !interleaved(true))) ordered.push_back(left_half);
        if (split.right || !split.left || (ends_a_sentence(last_right) && !interleaved(false))) right.push_back(right_half);
        if (split.left) last_left = left_half;
        if (split.right) last_right = right_half;
    }
    flush();
    return ordered;
}

}  // namespace summalign::detail
