#include "detail/pdf_layout.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "detail/journal_fields.hpp"
#include "detail/layout_repair.hpp"
#include "detail/utf8.hpp"

namespace summalign::detail {

bool bold_font(std::string_view name) {
    // "Medi" and "Demi" are the URW fonts' weights above regular (NimbusRomNo9L-Medi is
    // Times Bold); "Semibold" and "Medium" faces are set for headings and labels too.
    static constexpr std::array<std::string_view, 8> marks = {"Bold", "bold", "BOLD", "Black", "Heavy",
                                                              "Semibold", "Medi", "Demi"};
    return std::any_of(marks.begin(), marks.end(), [&](std::string_view m) { return name.find(m) != std::string_view::npos; });
}

namespace {

bool finite(double v) { return std::isfinite(v); }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// A first byte of UTF-8 that is an ASCII lower-case letter or a multi-byte letter we treat
// as lower case when it is one of the Danish lower-case letters; enough for the layout
// decisions below (a sentence continuing, a hyphen to join).
bool starts_lower(std::string_view s) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c >= 'a' && c <= 'z') return true;
    // æ ø å é ü ö ä (U+00DF-U+00FF are lower case in Latin-1 Supplement).
    if (c == 0xC3 && s.size() > 1) return static_cast<unsigned char>(s[1]) >= 0x9F;
    return false;
}

bool has_lower(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (starts_lower(s.substr(i))) return true;
    return false;
}

// Ends a sentence: ".", "?" or "!", possibly followed by a closing quote or bracket.
bool ends_sentence(std::string_view s) {
    while (!s.empty()) {
        const char c = s.back();
        if (c == ')' || c == ']' || c == '"' || c == '\'') {
            s.remove_suffix(1);
            continue;
        }
        if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xBB") {  // »
            s.remove_suffix(2);
            continue;
        }
        if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) {
            s.remove_suffix(3);
            continue;
        }
        return c == '.' || c == '?' || c == '!';
    }
    return false;
}

// "4853", "- 12 -", "– 3 –", "iv": a page number standing alone.
bool bare_page_number(std::string_view s) {
    std::string core;
    for (char c : s) {
        if (c == ' ' || c == '-') continue;
        core += c;
    }
    // En and em dashes around the number.
    for (std::string_view dash : {std::string_view("\xE2\x80\x93"), std::string_view("\xE2\x80\x94")}) {
        for (std::size_t at; (at = core.find(dash)) != std::string::npos;) core.erase(at, dash.size());
    }
    if (core.empty() || core.size() > 5) return false;
    if (std::all_of(core.begin(), core.end(), is_ascii_digit)) return true;
    return std::all_of(core.begin(), core.end(), [](char c) { return std::string_view("ivxlc").find(c) != std::string_view::npos; });
}

std::string masked(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (is_ascii_digit(c)) c = '#';
    return out;
}

bool caption_label(std::string_view first, std::string_view second) {
    static constexpr std::string_view labels[] = {"Fig.", "Fig", "Figur", "Figure", "Tabel", "Table", "Tab."};
    if (std::find(std::begin(labels), std::end(labels), first) == std::end(labels)) return false;
    return !second.empty() && is_ascii_digit(second[0]);
}

// A hyphen ends `text` after a lower-case letter, which may take several bytes ("områ-").
bool lower_before_final_hyphen(std::string_view text) {
    if (text.size() < 2 || text.back() != '-') return false;
    std::size_t length = 0;
    return is_lower(code_point_before(text, text.size() - 1, length));
}

// Whether the first letter of `s` is a capital or a digit (a sentence or a heading may start there).
bool starts_upper_or_digit(std::string_view s) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s[0]);
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    // Æ Ø Å É and the other capitals of Latin-1 Supplement (U+00C0-U+00DE).
    return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 && static_cast<unsigned char>(s[1]) <= 0x9E;
}

// Whether the last character of `text` is a letter (any character outside ASCII counts as
// one: æ, ø, å, é are the usual ones at a line end).
bool ends_in_letter(std::string_view text) {
    if (text.empty()) return false;
    const auto c = static_cast<unsigned char>(text.back());
    return c >= 0x80 || std::isalpha(c) != 0;
}

// Whether `text` ends in a hyphen glued to its word ("Netgroup-", "LTSP-"), which the next
// line's word goes on without a space. A hyphen standing alone ("administration -") is a
// dash: the next line's word is a word of its own.
bool ends_in_word_hyphen(std::string_view text) {
    return text.size() >= 2 && text.back() == '-' && text[text.size() - 2] != ' ';
}

// A heading as wide as the column reads to the text rules as a line of running text. Written
// as two lines, broken before a lower-case word near its middle, it is the short, wrapped
// heading those rules know. Returns `text` unchanged when it is short or has no such break.
std::string wrap_long_heading(const std::string& text, double column_chars) {
    const double length = static_cast<double>(code_points(text));
    if (column_chars <= 0 || length < 0.7 * column_chars) return text;
    std::size_t best = std::string::npos;
    double best_distance = 0;
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
        if (text[i] != ' ' || !starts_lower(std::string_view(text).substr(i + 1))) continue;
        const double distance = std::abs(static_cast<double>(code_points(std::string_view(text).substr(0, i))) - length / 2);
        if (best == std::string::npos || distance < best_distance) best = i, best_distance = distance;
    }
    if (best == std::string::npos) return text;
    std::string wrapped = text;
    wrapped[best] = '\n';
    return wrapped;
}

// A menu separator " - " (or an en dash) followed by a capitalised item at `at` in `text`:
// the byte after the separator, else npos.
std::size_t menu_separator_end(std::string_view text, std::size_t at) {
    for (std::string_view dash : {std::string_view("- "), std::string_view("\xE2\x80\x93 ")})
        if (text.substr(at, dash.size()) == dash && starts_upper_or_digit(text.substr(at + dash.size())) &&
            !is_ascii_digit(text[at + dash.size()]))
            return at + dash.size();
    return std::string_view::npos;
}

// Whether `next` goes on with a menu path that `line` holds: `next` starts with a separator
// and a capitalised item, and `line` ends in a capitalised item or has a separator already.
bool menu_path_continues(std::string_view line, std::string_view next) {
    if (menu_separator_end(next, 0) == std::string_view::npos) return false;
    const std::size_t last_space = line.rfind(' ');
    const std::string_view last_word = last_space == std::string_view::npos ? line : line.substr(last_space + 1);
    if (starts_upper_or_digit(last_word) && !is_ascii_digit(last_word.front())) return true;
    for (std::size_t at = line.find(' '); at != std::string_view::npos; at = line.find(' ', at + 1))
        if (menu_separator_end(line, at + 1) != std::string_view::npos) return true;
    return false;
}

bool opens_field(std::string_view line) {
    return resume_label_length(line) > 0 || summary_label_length(line) > 0 || correspondence_label_length(line) > 0;
}

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

}  // namespace

// Words on one baseline of the page, sorted left to right (both columns at once, before
// the gutters are known).
struct TextBuilder::Line {
    std::vector<Word> words;
    double ref_y0 = 0, ref_y1 = 0;  // the first word's box: what later words must overlap
};

// A line's words in one column (or the whole line when it spans the columns).
struct TextBuilder::Fragment {
    const Word* begin = nullptr;
    const Word* end = nullptr;
    double x0 = 0, x1 = 0, top = 0, bottom = 0;
    double size = 0;  // the font size of most of its characters
    bool bold = false;  // every word bold
    int column = -1;    // -1: spans the columns
    std::string text;

    std::size_t count() const { return static_cast<std::size_t>(end - begin); }
};

namespace {

// Whether a word box and the next one are set apart by a space. poppler marks a space after
// a glyph of a smaller font (a Greek letter from the math font, "β -celler") by that font's
// size; a hyphen set closer than a sixth of the text's em is part of the word either way.
bool space_between(const Word& before, const Word& after) {
    const double gap = after.x0 - before.x1;
    const double em = std::max(before.size, after.size);
    const bool hyphen_joint = after.text.starts_with('-') || before.text.ends_with('-');
    if (hyphen_joint && gap < em / 6) return false;
    return before.space_after || gap > 0.12 * after.size;
}

std::string words_text(const Word* begin, const Word* end) {
    std::string text;
    for (const Word* w = begin; w != end; ++w) {
        if (w != begin && space_between(*(w - 1), *w)) text += ' ';
        text += w->text;
    }
    return text;
}

}  // namespace

double TextBuilder::body_size() const {
    std::size_t best = 0;
    for (std::size_t i = 1; i < size_chars_.size(); ++i)
        if (size_chars_[i] > size_chars_[best]) best = i;
    return size_chars_.empty() || size_chars_[best] == 0 ? 10.0 : static_cast<double>(best) / 2.0;
}

void TextBuilder::emit_line(const std::string& text, bool blank_before) {
    // A line opening a field (Resumé, Summary, Korrespondance, in any type) is never
    // written onto the line before: the parser finds the field by its label at a line start.
    if (join_next_ && opens_field(text)) join_next_ = false;
    if (!text_.empty()) text_ += blank_before || blank_next_ ? "\n\n" : (join_next_ ? " " : "\n");
    join_next_ = blank_next_ = false;
    text_ += text;
}

// Running heads, footers and page numbers: the first and last lines of the page when they
// stand in the top or bottom eighth, apart from the text, in type no larger than the body
// (or up to 1.3 times it when not bold), and read as a head: a bare number (a page number), or text with a digit, without lower
// case, or seen before on another page (digits aside). They become repairs, never text.
void TextBuilder::drop_margins(std::vector<Line>& lines, double height, double body) {
    auto pieces_of = [&](const Line& line) {
        std::vector<std::string> pieces;
        const Word* start = line.words.data();
        for (std::size_t i = 1; i <= line.words.size(); ++i) {
            const bool cut = i == line.words.size() || line.words[i].x0 - line.words[i - 1].x1 > 1.5 * body;
            if (!cut) continue;
            pieces.push_back(words_text(start, line.words.data() + i));
            if (i < line.words.size()) start = line.words.data() + i;
        }
        return pieces;
    };
    auto line_size = [](const Line& line) {
        double size = 0;
        for (const Word& w : line.words) size = std::max(size, w.size);
        return size;
    };
    auto top_of = [](const Line& line) {
        double top = line.words.front().y0;
        for (const Word& w : line.words) top = std::min(top, w.y0);
        return top;
    };
    auto bottom_of = [](const Line& line) {
        double bottom = line.words.front().y1;
        for (const Word& w : line.words) bottom = std::max(bottom, w.y1);
        return bottom;
    };
    // Returns whether `line` is a margin line, and records it.
    auto take = [&](const Line& line, std::size_t at, std::vector<Repair>& into) {
        // A head may be set a size above the body (TeX sets it in the class's normal size
        // over a smaller body), but not in bold: a larger bold line at a page's top is a
        // heading or a title.
        const double size = line_size(line);
        const bool bold = std::any_of(line.words.begin(), line.words.end(), [](const Word& w) { return w.bold; });
        if (size > 1.05 * body && (size > 1.3 * body || bold)) return false;
        const std::vector<std::string> pieces = pieces_of(line);
        std::vector<Repair> found;
        for (const std::string& piece : pieces) {
            if (bare_page_number(piece)) {
                found.push_back({Repair::Kind::page_number_dropped, at, at, fmt::format("{} (page {})", piece, page_)});
                continue;
            }
            const bool digit = std::any_of(piece.begin(), piece.end(), [](char c) { return is_ascii_digit(c); });
            if (!digit && has_lower(piece) && !heads_seen_.contains(masked(piece))) return false;
            found.push_back({Repair::Kind::running_head_dropped, at, at, fmt::format("{} (page {})", piece, page_)});
        }
        for (const std::string& piece : pieces)
            if (!bare_page_number(piece) && heads_seen_.size() < 256) heads_seen_.insert(masked(piece));
        into.insert(into.end(), found.begin(), found.end());
        return true;
    };
    const double gap_needed = 0.8 * body;
    // Top: at most two lines (a head and a line under it, e.g. a date). The second line
    // belongs to the head when it is nearer the head than the body below it: set close
    // under the head, it need not stand apart from it, only from the body.
    auto gap_after = [&](std::size_t k) { return top_of(lines[k + 1]) - bottom_of(lines[k]); };
    const bool two_line_head = lines.size() >= 3 && bottom_of(lines[1]) <= height / 8 && gap_after(1) >= gap_needed &&
                               gap_after(0) < gap_after(1);
    for (int n = 0; n < 2 && lines.size() >= 2; ++n) {
        const Line& line = lines.front();
        if (bottom_of(line) > height / 8) break;
        // After the first line is taken, `line` is the second of the page as it came.
        if (n == 0 ? gap_after(0) < gap_needed && !two_line_head : !two_line_head) break;
        if (!take(line, text_.size(), repairs_)) break;
        lines.erase(lines.begin());
    }
    std::vector<Repair> footers;
    for (int n = 0; n < 2 && lines.size() >= 2; ++n) {
        const Line& line = lines.back();
        if (top_of(line) < height * 7 / 8 || top_of(line) - bottom_of(lines[lines.size() - 2]) < gap_needed) break;
        // The offset is fixed once the page's text is written (see add_page).
        if (!take(line, 0, footers)) break;
        lines.pop_back();
    }
    footer_pending_.insert(footer_pending_.end(), footers.begin(), footers.end());
}

// The gaps between columns: x ranges that many lines leave open between two words (a gap of
// more than 1.5 × the body size) and that hardly any word covers. Two columns whose baselines
// are offset by about half a line (a title at the top of one column shifts its lines) share
// no line; then the page is cut into horizontal slices of half the body size, each holding
// the words its middle passes through, and the slices are counted instead of lines. A page
// with too few lines to tell keeps the previous page's gutters when no word crosses them.
std::vector<std::pair<double, double>> TextBuilder::find_gutters(const std::vector<Line>& lines, double width,
                                                                 double body) const {
    const auto bins = static_cast<std::size_t>(finite(width) ? std::clamp(width, 1.0, 20000.0) : 20000.0) + 1;
    auto bin = [&](double x) { return static_cast<std::size_t>(std::clamp(x, 0.0, static_cast<double>(bins - 1))); };
    double text_left = static_cast<double>(bins), text_right = 0;
    for (const Line& line : lines)
        for (const Word& w : line.words) text_left = std::min(text_left, w.x0), text_right = std::max(text_right, w.x1);
    // Each row: words sorted left to right.
    auto gutters_of = [&](const std::vector<std::vector<const Word*>>& rows) {
        std::vector<int> cover(bins, 0), votes(bins, 0);
        for (const auto& row : rows) {
            for (std::size_t i = 0; i < row.size(); ++i) {
                const Word& w = *row[i];
                for (std::size_t b = bin(w.x0); b < bin(w.x1); ++b) ++cover[b];
                if (i == 0) continue;
                const Word& before = *row[i - 1];
                if (w.x0 - before.x1 < 1.5 * body) continue;
                for (std::size_t b = bin(before.x1); b < bin(w.x0); ++b) ++votes[b];
            }
        }
        struct Candidate {
            double s, e;
            int votes;
        };
        std::vector<Candidate> candidates;
        for (std::size_t b = 0; b < bins;) {
            if (!(votes[b] >= 2 && cover[b] * 4 <= votes[b])) {
                ++b;
                continue;
            }
            std::size_t e = b;
            int most = 0;
            for (; e < bins && votes[e] >= 2 && cover[e] * 4 <= votes[e]; ++e) most = std::max(most, votes[e]);
            candidates.push_back({static_cast<double>(b), static_cast<double>(e), most});
            b = e;
        }
        // A column is at least 12 × the body size wide: words that stand at the same place on
        // every line (a table, a list of numbers) leave open ranges too, but narrow ones. The
        // strongest candidates (most lines, widest) are taken first.
        std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
            return a.votes * (a.e - a.s) > b.votes * (b.e - b.s);
        });
        // A page has a handful of columns; the strongest 16 candidates are plenty, and a page of
        // scattered words cannot make this quadratic.
        if (candidates.size() > 16) candidates.resize(16);
        std::vector<std::pair<double, double>> gutters;
        const double min_column = 12 * body;
        for (const Candidate& c : candidates) {
            std::vector<std::pair<double, double>> trial = gutters;
            trial.emplace_back(c.s, c.e);
            std::sort(trial.begin(), trial.end());
            bool wide = true;
            double from = text_left;
            for (const auto& [s, e] : trial) {
                wide = wide && s - from >= min_column;
                from = e;
            }
            wide = wide && text_right - from >= min_column;
            if (wide) gutters = std::move(trial);
        }
        return gutters;
    };
    std::vector<std::vector<const Word*>> rows;
    rows.reserve(lines.size());
    for (const Line& line : lines) {
        auto& row = rows.emplace_back();
        for (const Word& w : line.words) row.push_back(&w);
    }
    std::vector<std::pair<double, double>> gutters = gutters_of(rows);
    if (gutters.empty() && body > 0) {
        // Slices of half the body size; a word goes into each slice whose middle it covers.
        std::vector<std::pair<std::size_t, const Word*>> placed;
        const double slice = 0.5 * body;
        for (const Line& line : lines)
            for (const Word& w : line.words) {
                // A tall box (a rule, an image's label) says nothing; a word off the page neither.
                if (!(w.y1 - w.y0 < 4 * body) || w.y0 < 0 || w.y1 > 1e6) continue;
                const auto first = static_cast<std::size_t>(std::max(0.0, std::ceil(w.y0 / slice - 0.5)));
                for (std::size_t k = first; (static_cast<double>(k) + 0.5) * slice <= w.y1; ++k) placed.emplace_back(k, &w);
            }
        std::sort(placed.begin(), placed.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second->x0 < b.second->x0;
        });
        rows.clear();
        for (std::size_t i = 0; i < placed.size(); ++i) {
            if (i == 0 || placed[i].first != placed[i - 1].first) rows.emplace_back();
            rows.back().push_back(placed[i].second);
        }
        gutters = gutters_of(rows);
    }
    if (!gutters.empty()) return gutters;
    // Too few lines on this page: the last page's gutters, if text lies on both sides and
    // at most two words cross them.
    std::vector<std::pair<double, double>> kept;
    for (const auto& [s, e] : last_gutters_) {
        int crossing = 0;
        bool left = false, right = false;
        for (const Line& line : lines)
            for (const Word& w : line.words) {
                if (w.x0 < e && w.x1 > s) ++crossing;
                left = left || w.x1 <= s;
                right = right || w.x0 >= e;
            }
        if (crossing <= 2 && left && right) kept.emplace_back(s, e);
    }
    return kept;
}

void TextBuilder::add_page(PageWords page) {
    ++page_;
    page_starts_.push_back(text_.empty() ? 0 : text_.size() + 1);  // after the line end written before the next line
    std::vector<Word> upright, rotated;
    for (Word& w : page.words) {
        if (!finite(w.x0) || !finite(w.x1) || !finite(w.y0) || !finite(w.y1) || !finite(w.size)) {
            w.x0 = w.x1 = w.y0 = w.y1 = 0;
            w.size = 1;
        }
        if (w.x1 < w.x0) std::swap(w.x0, w.x1);
        if (w.y1 < w.y0) std::swap(w.y0, w.y1);
        (w.upright ? upright : rotated).push_back(std::move(w));
    }
    if (!upright.empty() || !rotated.empty()) has_text_ = true;
    for (const Word& w : upright) {
        const auto half_points = static_cast<std::size_t>(std::clamp(std::lround(w.size * 2), 0L, 400L));
        if (size_chars_.size() <= half_points) size_chars_.resize(half_points + 1, 0);
        size_chars_[half_points] += static_cast<double>(w.text.size());
    }
    const double body = body_size();

    // Lines: words in order of their vertical middle; a word joins a recent line whose first
    // word it overlaps by half the smaller height (so a superscript stays on its line, and
    // the two columns' lines, which need not share baselines, may share a Line: they are
    // separated at the gutter below). Words of unusual height (a glyph from a symbol font
    // with a tall box, a small superscript) are placed afterwards, on the line they overlap
    // most, once every line of ordinary words exists: placed in turn, a tall box could start
    // a line of its own or join the other column's line above.
    std::sort(upright.begin(), upright.end(), [](const Word& a, const Word& b) {
        const double ma = a.y0 + a.y1, mb = b.y0 + b.y1;
        return ma != mb ? ma < mb : a.x0 < b.x0;
    });
    std::vector<double> heights;
    heights.reserve(upright.size());
    for (const Word& w : upright) heights.push_back(w.y1 - w.y0);
    const double usual_height = median(heights);
    auto usual = [&](const Word& w) {
        const double h = w.y1 - w.y0;
        return h >= 0.6 * usual_height && h <= 1.3 * usual_height;
    };
    auto overlap_with = [](const Word& w, const Line& line) {
        const double overlap = std::min(w.y1, line.ref_y1) - std::max(w.y0, line.ref_y0);
        const double needed = 0.5 * std::min(w.y1 - w.y0, line.ref_y1 - line.ref_y0);
        return overlap >= needed ? overlap : -1.0;
    };
    // Words of one printed line share its baseline (their boxes' bottoms differ by the
    // fonts' descents, a fraction of a point); the other column's line may overlap by half a
    // line where its baselines are offset by half a line ("SUMMARY" in bold beside it, the
    // italic names after it not). So a word joins a line only on the baseline of the line's
    // word nearest to it across the page (among the last 16 placed: the words of one printed
    // line are placed one after another), not of its first word, which may be the other
    // column's: a caption's words beside a line offset by a third would otherwise split by
    // their fonts. Smaller type (a superscript) is placed by overlap alone.
    auto on_baseline_of = [](const Word& w, const Line& line) {
        if (w.size < 0.85 * line.words.front().size) return true;
        const Word* nearest = nullptr;
        double nearest_gap = 0;
        const std::size_t from = line.words.size() > 16 ? line.words.size() - 16 : 0;
        for (std::size_t k = from; k < line.words.size(); ++k) {
            const Word& o = line.words[k];
            const double gap = std::max(0.0, std::max(o.x0, w.x0) - std::min(o.x1, w.x1));
            if (!nearest || gap < nearest_gap) nearest = &o, nearest_gap = gap;
        }
        return std::abs(w.y1 - nearest->y1) < 0.3 * (nearest->y1 - nearest->y0);
    };
    std::vector<Line> lines;
    std::vector<Word> unusual;
    auto start_line = [&](Word&& w) {
        Line& line = lines.emplace_back();
        line.ref_y0 = w.y0;
        line.ref_y1 = w.y1;
        line.words.push_back(std::move(w));
    };
    for (Word& w : upright) {
        if (!usual(w)) {
            unusual.push_back(std::move(w));
            continue;
        }
        Line* best = nullptr;
        double best_overlap = 0;
        for (std::size_t k = lines.size(), seen = 0; k-- > 0 && seen < 8; ++seen) {
            const double overlap = overlap_with(w, lines[k]);
            if (overlap > best_overlap && on_baseline_of(w, lines[k])) best = &lines[k], best_overlap = overlap;
        }
        if (best) best->words.push_back(std::move(w));
        else start_line(std::move(w));
    }
    // The lines of ordinary words were started in order of their first word's middle, so
    // the ones a word can overlap are found by binary search; at most 64 are tried, and of
    // the lines unusual words started only the last 8, so that a page of odd boxes stays
    // O(n log n).
    const std::size_t usual_lines = lines.size();
    double tallest = 0;
    for (const Line& line : lines) tallest = std::max(tallest, line.ref_y1 - line.ref_y0);
    auto middle_of = [](const Line& line) { return (line.ref_y0 + line.ref_y1) / 2; };
    std::vector<std::size_t> ordinary_words(usual_lines);
    for (std::size_t k = 0; k < usual_lines; ++k) {
        std::stable_sort(lines[k].words.begin(), lines[k].words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
        ordinary_words[k] = lines[k].words.size();
    }
    for (Word& w : unusual) {
        Line* best = nullptr;
        double best_overlap = 0;
        // A word of other type belongs to a line of ordinary words only where it stands among
        // them (a superscript, a symbol in a sentence): no further from one of its words than
        // the gap that separates columns. A title in larger type beside the other column's
        // body lines overlaps them too, by two of its lines at once, and would be split
        // between them.
        auto near = [&](std::size_t k) {
            const auto first = lines[k].words.begin();
            const auto last = first + static_cast<std::ptrdiff_t>(ordinary_words[k]);
            // The ordinary words are sorted by x0 and hardly overlap: the few that start
            // before the end of the reach are the only candidates.
            auto it = std::lower_bound(first, last, w.x1 + 1.5 * body, [](const Word& o, double x) { return o.x0 < x; });
            for (int tried = 0; it != first && tried < 4; ++tried)
                if ((--it)->x1 > w.x0 - 1.5 * body) return true;
            return false;
        };
        auto consider = [&](std::size_t k) {
            const bool ordinary = k < usual_lines;
            const double overlap = overlap_with(w, lines[k]);
            if (overlap > best_overlap && (!ordinary || near(k))) best = &lines[k], best_overlap = overlap;
        };
        const double from = w.y0 - tallest / 2;
        auto k = static_cast<std::size_t>(
            std::lower_bound(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(usual_lines), from,
                             [&](const Line& line, double y) { return middle_of(line) < y; }) -
            lines.begin());
        for (std::size_t tried = 0; k < usual_lines && tried < 64 && middle_of(lines[k]) <= w.y1 + tallest / 2; ++k, ++tried)
            consider(k);
        for (std::size_t j = lines.size(), seen = 0; j-- > usual_lines && seen < 8; ++seen) consider(j);
        if (best) best->words.push_back(std::move(w));
        else start_line(std::move(w));
    }
    // The ordinary lines are sorted already; only those that took unusual words, and the
    // lines unusual words started, need it.
    for (std::size_t k = 0; k < lines.size(); ++k)
        if (k >= usual_lines || lines[k].words.size() != ordinary_words[k])
            std::stable_sort(lines[k].words.begin(), lines[k].words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.ref_y0 < b.ref_y0; });

    drop_margins(lines, page.height, body);
    const auto gutters = find_gutters(lines, page.width, body);
    last_gutters_ = gutters;

    // Fragments: each line cut at the gutters it does not cross.
    std::vector<Fragment> fragments;
    std::vector<std::size_t> line_of;  // fragment -> line index
    auto make = [&](const Word* b, const Word* e, int column) {
        Fragment f;
        f.begin = b;
        f.end = e;
        f.column = column;
        f.x0 = b->x0;
        f.x1 = (e - 1)->x1;
        f.top = b->y0;
        f.bottom = b->y1;
        f.bold = true;
        std::vector<std::pair<double, std::size_t>> sizes;
        bool any_letters = false;
        for (const Word* w = b; w != e; ++w) {
            f.top = std::min(f.top, w->y0);
            f.bottom = std::max(f.bottom, w->y1);
            f.x1 = std::max(f.x1, w->x1);
            // Punctuation alone says nothing about the weight of a line.
            const bool letters = std::any_of(w->text.begin(), w->text.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
            });
            if (letters) {
                any_letters = true;
                f.bold = f.bold && w->bold;
            }
            auto it = std::find_if(sizes.begin(), sizes.end(), [&](const auto& s) { return std::abs(s.first - w->size) < 0.25; });
            if (it == sizes.end()) sizes.emplace_back(w->size, w->text.size());
            else it->second += w->text.size();
        }
        f.bold = f.bold && any_letters;
        f.size = std::max_element(sizes.begin(), sizes.end(), [](const auto& a, const auto& c) { return a.second < c.second; })->first;
        f.text = words_text(b, e);
        fragments.push_back(std::move(f));
    };
    for (std::size_t l = 0; l < lines.size(); ++l) {
        const std::vector<Word>& words = lines[l].words;
        const Word* data = words.data();
        bool spans = false;
        for (const auto& [s, e] : gutters) {
            const double middle = (s + e) / 2;
            for (std::size_t i = 0; i < words.size() && !spans; ++i) {
                if (words[i].x0 < middle && words[i].x1 > middle) spans = true;
                if (i > 0 && words[i - 1].x1 <= middle && words[i].x0 >= middle && words[i].x0 - words[i - 1].x1 < 1.5 * body)
                    spans = true;
            }
        }
        if (spans || gutters.empty()) {
            make(data, data + words.size(), gutters.empty() ? 0 : -1);
            line_of.push_back(l);
            continue;
        }
        std::size_t start = 0;
        int column = 0;
        for (std::size_t i = 0; i <= words.size(); ++i) {
            int c = 0;
            if (i < words.size())
                for (const auto& [s, e] : gutters) c += words[i].x0 >= (s + e) / 2 ? 1 : 0;
            if (i == words.size() || c != column) {
                if (i > start) {
                    make(data + start, data + i, column);
                    line_of.push_back(l);
                }
                start = i;
                column = c;
            }
        }
    }

    // Reading order: a line crossing the gutters stands alone; between such lines, each
    // column from top to bottom, left column first.
    std::vector<const Fragment*> run;
    auto flush = [&](std::size_t begin, std::size_t end) {
        int max_column = 0;
        for (std::size_t i = begin; i < end; ++i) max_column = std::max(max_column, fragments[i].column);
        for (int c = 0; c <= max_column; ++c) {
            run.clear();
            for (std::size_t i = begin; i < end; ++i)
                if (fragments[i].column == c) run.push_back(&fragments[i]);
            if (!run.empty()) emit_run(run, body);
        }
    };
    std::size_t zone = 0;
    for (std::size_t i = 0; i <= fragments.size(); ++i) {
        if (i < fragments.size() && fragments[i].column >= 0) continue;
        flush(zone, i);
        // Consecutive spanning lines are one run, as a column is.
        std::size_t j = i;
        while (j < fragments.size() && fragments[j].column < 0) ++j;
        if (j > i) {
            run.clear();
            for (std::size_t k = i; k < j; ++k) run.push_back(&fragments[k]);
            emit_run(run, body);
        }
        zone = j;
        i = j == i ? i : j - 1;
    }

    // Rotated text (a margin note, a table's side label) after the page's text, as its own
    // paragraph, so that nothing of the text layer is lost.
    if (!rotated.empty()) {
        emit_line(words_text(rotated.data(), rotated.data() + rotated.size()), true);
        last_heading_ = false;
        last_ended_paragraph_ = true;
    }
    for (Repair& footer : footer_pending_) {
        footer.span.start = footer.span.end = text_.size();
        repairs_.push_back(std::move(footer));
    }
    footer_pending_.clear();
}

// Writes the lines of one column (or of a group of spanning lines) with paragraph breaks
// as blank lines, headings and run-in labels on lines of their own, captions on one line.
void TextBuilder::emit_run(const std::vector<const Fragment*>& run, double body) {
    double left = run.front()->x0, right = run.front()->x1;
    for (const Fragment* f : run) {
        left = std::min(left, f->x0);
        right = std::max(right, f->x1);
    }
    std::vector<double> pitches;
    for (std::size_t i = 1; i < run.size(); ++i) {
        const double p = run[i]->bottom - run[i - 1]->bottom;
        if (p > 0 && std::abs(run[i]->size - body) < 0.3 && std::abs(run[i - 1]->size - body) < 0.3) pitches.push_back(p);
    }
    if (pitches.size() >= 3) pitch_ = median(pitches);
    double pitch = pitch_ > 0 ? pitch_ : 1.2 * body;
    // A short column (a few lines under a figure, the end of an article) has too few lines
    // for its own median, but its lines still show its spacing: the closest two of them are
    // no further apart than its paragraph's lines. Set tighter than the lines measured
    // before (a smaller leading on this page), it is that spacing a paragraph break is
    // measured against; a wider one (the only two lines a paragraph break apart) is not.
    if (!pitches.empty() && pitches.size() < 3) pitch = std::min(pitch, *std::min_element(pitches.begin(), pitches.end()));
    std::size_t full = 0, full_long = 0, long_lines = 0;
    for (std::size_t i = 0; i + 1 < run.size(); ++i) {
        const bool at_edge = run[i]->x1 >= right - 0.6 * body;
        if (at_edge) ++full;
        if (run[i]->x1 - run[i]->x0 < 0.5 * (right - left)) continue;
        ++long_lines;
        if (at_edge) ++full_long;
    }
    // Justified, for where a paragraph ends: most lines end at the right edge. A column of
    // many short lines (labels, a structured Resumé's parts) counts as ragged, where any
    // short line ending a sentence may end its paragraph.
    const bool justified = run.size() >= 4 && static_cast<double>(full) >= 0.6 * static_cast<double>(run.size() - 1);
    // Justified, for what a full line is: most of the long lines (over half the column)
    // end at the right edge; ragged-right lines end anywhere in the last word's width.
    const bool justified_long = long_lines >= 3 && static_cast<double>(full_long) >= 0.6 * static_cast<double>(long_lines);
    // The column in characters, as the text rules measure it: the upper quartile of the
    // body lines' lengths.
    double column_chars = 0;
    {
        std::vector<double> lengths;
        for (const Fragment* f : run)
            if (std::abs(f->size - body) < 0.3) lengths.push_back(static_cast<double>(code_points(f->text)));
        if (lengths.size() >= 4) {
            const auto quartile = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 3 / 4);
            std::nth_element(lengths.begin(), quartile, lengths.end());
            column_chars = *quartile;
        }
    }

    auto larger = [&](const Fragment& f) { return f.size >= 1.12 * body && f.text.size() <= 200; };
    auto bold_line = [&](const Fragment& f) { return f.bold && f.text.size() <= 200; };
    auto short_line = [&](const Fragment& f) { return !justified || f.x1 < right - 1.5 * body; };
    auto indented = [&](const Fragment& f) { return f.x0 - left >= 0.4 * body && f.x0 - left <= 3 * body; };
    // Whether there is more space above fragment i (i > 0) than between the lines of a paragraph.
    auto gap_before = [&](std::size_t i) {
        const Fragment& f = *run[i];
        const Fragment& before = *run[i - 1];
        return f.bottom - before.bottom > 1.25 * std::max(pitch, 1.1 * std::max(f.size, before.size));
    };
    // Whether fragment i starts a paragraph, judged from the line before it in this run.
    auto starts_paragraph = [&](std::size_t i) {
        const Fragment& f = *run[i];
        if (i == 0) return indented(f) || last_ended_paragraph_;
        const Fragment& before = *run[i - 1];
        // Space above or a first-line indent. A short line ending a sentence is not enough
        // within a column: lines broken by hand (a title in the Summary, its citation) look
        // the same.
        return gap_before(i) || (indented(f) && !indented(before));
    };

    // What a caption decided about the line after it: it continues the paragraph the
    // caption interrupted, or it starts a new one.
    enum class Next { judge, continues, starts } next_line = Next::judge;
    // The line before was a caption ending its paragraph: a bold line here stands apart.
    bool heading_may_follow = false;
    const double full_line_before = full_line_pending_;
    full_line_pending_ = 0;
    for (std::size_t i = 0; i < run.size(); ++i) {
        const Fragment& f = *run[i];
        const bool paragraph = next_line == Next::judge ? starts_paragraph(i) : next_line == Next::starts;
        next_line = Next::judge;
        const bool after_caption = heading_may_follow;
        heading_may_follow = false;
        // The previous column ended in a full line of few characters (see below): a line
        // that goes on with its paragraph here, in its type, is written on it.
        if (i == 0 && full_line_before > 0 && !paragraph && !f.begin->bold && !larger(f) &&
            std::abs(f.size - full_line_before) < 0.3 && starts_upper_or_digit(f.text) &&
            !(f.count() >= 2 && caption_label(f.begin->text, (f.begin + 1)->text)))
            join_next_ = true;
        // A figure or table caption: its lines (same type size, up to a paragraph break or
        // a short line ending a sentence) on one line of their own.
        // It starts a paragraph, or is set apart by its type: a bold label or smaller type
        // than the body (a caption set close under the text it follows).
        const bool set_apart = paragraph || f.begin->bold || f.size < body - 0.3;
        if (set_apart && f.count() >= 2 && caption_label(f.begin->text, (f.begin + 1)->text)) {
            std::vector<std::string> parts;  // the caption's lines ended by a broken word
            std::string caption = f.text;
            std::size_t j = i + 1;
            bool closed = short_line(f) && ends_sentence(f.text) && j < run.size() && std::abs(run[j]->size - f.size) < 0.3 &&
                          starts_paragraph(j);
            for (; j < run.size() && !closed; ++j) {
                const Fragment& next = *run[j];
                if (std::abs(next.size - f.size) >= 0.3 || starts_paragraph(j)) break;
                // A field's label ends it: a caption whose last line is full goes on into
                // nothing set in the same type after it ("Korrespondance: …" under a figure
                // at the article's end).
                if (opens_field(next.text)) break;
                // A bold line under a caption that is not bold itself is the heading after
                // the figure, set close under it, not the caption's last line.
                if (bold_line(next) && !f.bold) break;
                // A word broken at the line end ("UP-" | "DATE", "MR-" | "skanning"): the caption
                // goes on on a line of its own there, and the parser decides the hyphen as it
                // does the running text's (the caption's lines join as a paragraph's). The
                // parser takes three lines after a caption's first at most; past them the
                // hyphen stays, closed up.
                constexpr std::size_t kCaptionLinesAfterFirst = 3;
                const bool broken_word = ends_in_word_hyphen(caption) && is_letter(first_code_point(next.text));
                if (broken_word && parts.size() < kCaptionLinesAfterFirst) {
                    parts.push_back(std::move(caption));
                    caption = next.text;
                } else {
                    if (!broken_word) caption += ' ';
                    caption += next.text;
                }
                closed = short_line(next) && ends_sentence(next.text);
            }
            // Within a paragraph that runs on past the figure, the caption line sits between
            // its lines (the parser lifts it out); otherwise it is a paragraph of its own.
            const bool runs_on = !last_ended_paragraph_ && !last_heading_ && j < run.size() && starts_lower(run[j]->text);
            parts.push_back(std::move(caption));
            for (std::size_t p = 0; p < parts.size(); ++p) emit_line(parts[p], p == 0 && !runs_on);
            last_heading_ = false;
            if (!runs_on) last_ended_paragraph_ = true;
            next_line = runs_on ? Next::continues : Next::starts;
            heading_may_follow = !runs_on;
            i = j - 1;
            continue;
        }
        // A heading: larger type than the body (a title), or a bold line that stands apart:
        // space above it, the top of a column, or under another heading line. A bold line
        // within a paragraph (an English title inside the Summary) is text.
        if (larger(f) || (bold_line(f) && (last_heading_ || i == 0 || gap_before(i) || after_caption))) {
            // A title set over several lines in one type is written on one line, so that
            // the parser sees one title line; a hyphen at a break stays (typesetters do not
            // hyphenate titles; "Dokumentsammenlignings-|indstillinger" broke at a real one).
            std::string text = f.text;
            const std::size_t first_line = i;
            std::vector<std::size_t> word_breaks;  // after a hyphen between lower-case letters
            if (larger(f))
                while (i + 1 < run.size() && larger(*run[i + 1]) && std::abs(run[i + 1]->size - f.size) < 0.3 &&
                       run[i + 1]->bold == f.bold && !gap_before(i + 1)) {
                    const std::string& next = run[++i]->text;
                    const std::string_view head = word_before_final_hyphen(text);
                    if (!ends_in_word_hyphen(text) || is_suspending_conjunction(leading_word(next))) text += ' ';
                    else if (starts_lower(next) && !head.empty() && starts_lower(head.substr(head.size() - 1)))
                        word_breaks.push_back(text.size());
                    text += next;
                }
            // Several lines of larger type followed by running text are a section heading the
            // column wrapped (a title is followed by its subtitle or its bold rubric). A word
            // it broke keeps its line break, so that the parser's line-end hyphen rules, with
            // the document's words and the dictionaries, tell the typesetter's hyphen
            // ("regenera-|tiv medicin") from a real one, and a blank line under it sets it
            // apart as a heading whatever its lines' lengths; one wider than the column
            // without such a break is wrapped again as the text rules read headings. A line
            // under it in type above the body, though below the title's, is a subtitle, not
            // running text: the title stays one line ("Yderligere information om" | "Debian
            // Edu-tilpasninger" over an 11 pt subtitle on a 10 pt body).
            const bool wrapped_heading = larger(f) && i > first_line && i + 1 < run.size() && !larger(*run[i + 1]) &&
                                         !run[i + 1]->begin->bold && run[i + 1]->size < 1.05 * body;
            const bool keeps_breaks = wrapped_heading && !word_breaks.empty();
            if (keeps_breaks)
                for (auto at = word_breaks.rbegin(); at != word_breaks.rend(); ++at) text.insert(*at, 1, '\n');
            else if (wrapped_heading && static_cast<double>(code_points(text)) > column_chars)
                text = wrap_long_heading(text, column_chars);
            // A bold heading the column wrapped is read whole too ("For at oprette en" |
            // "afsnitstypografi for kapitelover-" | "skrifter"), a hyphen between lower-case
            // letters at a break being the typesetter's, then wrapped as the text rules read
            // headings.
            if (!larger(f)) {
                while (i + 1 < run.size() && bold_line(*run[i + 1]) && !larger(*run[i + 1]) &&
                       std::abs(run[i + 1]->size - f.size) < 0.3 && !gap_before(i + 1) && !indented(*run[i + 1])) {
                    const std::string& next = run[++i]->text;
                    const bool suspended = is_suspending_conjunction(leading_word(next));
                    const bool broken = !suspended && lower_before_final_hyphen(text) && starts_lower(next);
                    if (broken) text.pop_back();
                    else if (suspended || !ends_in_word_hyphen(text)) text += ' ';
                    text += next;
                }
                text = wrap_long_heading(text, column_chars);
            }
            emit_line(text, !last_heading_);
            blank_next_ = keeps_breaks;
            last_heading_ = true;
            last_ended_paragraph_ = true;
            continue;
        }
        // A bold run-in label opening a paragraph ("OVERSIGTSARTIKEL Moustapha ...",
        // "Resumé Mesenkymale ...", "Summary Carsten ..."): on a line of its own.
        // The label is taken as opening a paragraph after a short line too: with neither
        // space nor indent between paragraphs, the bold label is what marks the start.
        const bool opens = paragraph || last_heading_ || i == 0 || short_line(*run[i - 1]);
        const Word* label_end = f.begin;
        while (label_end != f.end && label_end->bold) ++label_end;
        const auto label_words = static_cast<std::size_t>(label_end - f.begin);
        if (opens && label_words > 0 && label_words <= 4 && label_end != f.end) {
            emit_line(words_text(f.begin, label_end), !last_heading_);
            emit_line(words_text(label_end, f.end), false);
        } else {
            emit_line(f.text, paragraph && !last_heading_);
            // A line that fills a justified column is no heading and ends no paragraph, though
            // long words can leave it few characters ("Du kan konstruere figurer ved at anvende
            // kommandoen" | "Figurer- Flet, ..."). Where the text rules could read it as a
            // heading (fewer characters than most full lines, a capitalised line after it),
            // the next line is written on it.
            // In a column whose long lines are justified though many short lines (labels,
            // a structured Resumé's parts) stand between them, only a line the text rules
            // could take for a heading's last line: it ends in a word, not a sentence end, a
            // comma or a broken word, and holds a comma only if clearly shorter than the column.
            const double chars = static_cast<double>(code_points(f.text));
            const bool full_line = f.x1 >= right - 0.6 * body && column_chars > 0 && chars < column_chars && !f.text.empty();
            const bool full_few = full_line && ((justified && f.text.back() != '-') ||
                                                (justified_long && ends_in_letter(f.text) &&
                                                 (f.text.find(',') == std::string::npos || chars < 0.8 * column_chars)));
            // The last line of a column: the next column's first line decides (below).
            if (full_few && i + 1 == run.size()) full_line_pending_ = f.size;
            if (full_few && i + 1 < run.size() && !run[i + 1]->begin->bold && std::abs(run[i + 1]->size - f.size) < 0.3 && starts_upper_or_digit(run[i + 1]->text) &&
                !starts_paragraph(i + 1) &&
                !(run[i + 1]->count() >= 2 && caption_label(run[i + 1]->begin->text, (run[i + 1]->begin + 1)->text)))
                join_next_ = true;
            // A menu path the column broke before a separator ("Vælg Formater - Ramme og
            // objekt" | "- Egenskaber"): the line starting with the dash would read as a list
            // item. A full line that ends in no sentence end and holds the path already (a
            // capitalised last word or a " - Capital" separator) goes on with it.
            if (i + 1 < run.size() && f.x1 >= right - 0.6 * body && !f.text.empty() && !ends_sentence(f.text) &&
                f.text.back() != '-' && !run[i + 1]->begin->bold && std::abs(run[i + 1]->size - f.size) < 0.3 &&
                menu_path_continues(f.text, run[i + 1]->text) && !starts_paragraph(i + 1))
                join_next_ = true;
        }
        last_heading_ = false;
        // The column's last line ending a sentence: in a column whose long lines are
        // justified, every line but a paragraph's last is stretched to the right edge
        // itself, so one that stops short of it, though by less than a short line does
        // (a Resumé whose last line nearly fills the column), ends its paragraph: the next
        // column's first line, which carries no indent or space at a column top, starts one.
        const bool stops_short = i + 1 == run.size() && justified_long && f.x1 < right - 0.15 * body;
        // And one that reaches that edge was stretched to it, so its paragraph goes on in the
        // next column, even where headings and labels leave too many short lines for the
        // column to count as justified (a Resumé at the foot of a title's column).
        const bool stretched = i + 1 == run.size() && justified_long && !stops_short;
        last_ended_paragraph_ = (short_line(f) || stops_short) && !stretched && ends_sentence(f.text);
    }
}

BuiltText TextBuilder::finish() && {
    if (!text_.empty()) text_ += '\n';
    // A page without text starts where the next page's text does.
    for (std::size_t p = page_starts_.size(); p-- > 0;) {
        page_starts_[p] = std::min(page_starts_[p], text_.size());
        if (p + 1 < page_starts_.size()) page_starts_[p] = std::min(page_starts_[p], page_starts_[p + 1]);
    }
    std::stable_sort(repairs_.begin(), repairs_.end(), [](const Repair& a, const Repair& b) { return a.span.start < b.span.start; });
    return BuiltText{std::move(text_), std::move(page_starts_), std::move(repairs_), has_text_};
}

}  // namespace summalign::detail
