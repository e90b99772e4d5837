// Stage 1: line-level repairs (normalisation, running heads, captions) and paragraph joining.
#include "summalign/layout.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "detail/layout_lines.hpp"
#include "detail/layout_repair.hpp"
#include "detail/utf8.hpp"

namespace summalign {

std::string_view to_string(Repair::Kind kind) noexcept {
    switch (kind) {
        case Repair::Kind::line_break_hyphen_removed: return "line_break_hyphen_removed";
        case Repair::Kind::line_break_hyphen_kept: return "line_break_hyphen_kept";
        case Repair::Kind::lines_joined: return "lines_joined";
        case Repair::Kind::running_head_dropped: return "running_head_dropped";
        case Repair::Kind::page_number_dropped: return "page_number_dropped";
        case Repair::Kind::caption_lifted: return "caption_lifted";
        case Repair::Kind::label_split: return "label_split";
        case Repair::Kind::normalized: return "normalized";
    }
    return "unknown";
}

}  // namespace summalign

namespace summalign::detail {

bool SourceLine::blank() const { return trim(text.text()).empty(); }

namespace {

// Text put back at a byte of a line or a joined paragraph (a dropped hyphen), mapped to the
// source byte it stands before.
struct Insertion {
    std::size_t at;
    std::string_view text;
};

// `text` with each insertion in place (given in any order).
MappedText with_insertions(const MappedText& text, std::vector<Insertion> insertions) {
    std::sort(insertions.begin(), insertions.end(), [](const Insertion& a, const Insertion& b) { return a.at < b.at; });
    MappedText restored;
    std::size_t from = 0;
    for (const Insertion& insertion : insertions) {
        restored.append(text, from, insertion.at);
        restored.append_synthetic(insertion.text, text.origin(insertion.at));
        from = insertion.at;
    }
    restored.append(text, from, text.size());
    return restored;
}

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

bool ends_in_soft_hyphen(std::string_view raw_line) {
    const std::string_view t = trim(raw_line);
    return t.size() >= 2 && t.substr(t.size() - 2) == "\xC2\xAD";
}

// Normalises one physical line and files it: dropped (running head, page number), split
// (a caption lifted out of it) or kept as it is.
void add_line(const std::string& source, std::size_t start, std::size_t end, std::size_t number, LayoutResult& result) {
    SourceLine line;
    line.start = start;
    line.end = end;
    line.number = number;
    line.ends_in_soft_hyphen = ends_in_soft_hyphen(std::string_view(source).substr(start, end - start));
    for (std::size_t i = start; i < end && (source[i] == ' ' || source[i] == '\f'); ++i) line.indent += source[i] == ' ';
    std::vector<Repair> normalisations;
    append_normalized(source, start, end, line.text, normalisations);

    const std::string_view text = line.text.text();
    line.width = code_points(trim(text));
    LineKind kind = classify_line(text);
    // A number on the line after one ending in a number and a hyphen ("2004;166: 503-" |
    // "8") ends a range the line broke, not a page.
    if (kind == LineKind::page_number && !result.lines.empty() && result.lines.back().number + 1 == number) {
        const std::string_view before = trim(result.lines.back().text.text());
        if (before.size() >= 2 && before.back() == '-' && is_ascii_digit(static_cast<unsigned char>(before[before.size() - 2])))
            kind = LineKind::text;
    }
    switch (kind) {
        case LineKind::running_head:
            result.repairs.push_back({Repair::Kind::running_head_dropped, start, end, std::string(trim(text))});
            return;
        case LineKind::page_number:
            result.repairs.push_back({Repair::Kind::page_number_dropped, start, end, std::string(trim(text))});
            return;
        case LineKind::text: break;
    }
    // The repairs filed since the line before: a dropped running head or page number among
    // them is a page break before this line.
    const std::size_t previous_end = result.lines.empty() ? 0 : result.lines.back().end;
    for (auto repair = result.repairs.rbegin(); repair != result.repairs.rend() && repair->span.start >= previous_end; ++repair)
        line.after_page_break = line.after_page_break || repair->kind == Repair::Kind::running_head_dropped ||
                                repair->kind == Repair::Kind::page_number_dropped;
    result.repairs.insert(result.repairs.end(), normalisations.begin(), normalisations.end());

    if (const auto caption = find_caption(text)) {
        LiftedCaption lifted;
        lifted.label = caption->label;
        SourceLine part = line;
        part.text = line.text.slice(caption->text_begin, line.text.size()).trimmed();
        lifted.line = result.lines.size();
        result.repairs.push_back({Repair::Kind::caption_lifted, line.text.source_start(caption->begin), end,
                                  caption->label + ". " + part.text.text()});
        lifted.lines.push_back(std::move(part));
        result.captions.push_back(std::move(lifted));
        line.text = line.text.slice(0, caption->begin);
        line.ends_in_soft_hyphen = false;
        if (line.blank()) {  // the line held nothing but the caption, which may go on below
            result.captions.back().open = !ends_with_sentence_end(result.captions.back().lines.front().text.text());
            result.captions.back().own_lines = true;
            return;
        }
    }
    result.lines.push_back(std::move(line));
}

// A caption set as a paragraph of its own wraps over lines like any other: the lines after
// a caption that filled its line, up to the one that ends its sentence (three at most, none
// after a blank line, except the one a column or page break set inside it), belong to it
// and leave the running text.
void extend_open_captions(LayoutResult& result) {
    std::vector<bool> absorbed(result.lines.size(), false);
    bool any = false;
    for (LiftedCaption& caption : result.captions) {
        if (!caption.open) continue;
        std::size_t first = caption.line;
        // A caption cut by a column or page break goes on in lower case after the break's blank.
        if (first + 1 < result.lines.size() && result.lines[first].blank() && !result.lines[first + 1].blank() &&
            is_lower(first_code_point(trim(result.lines[first + 1].text.text()))))
            ++first;
        for (std::size_t k = first; k < result.lines.size() && k < first + 3; ++k) {
            const SourceLine& line = result.lines[k];
            if (line.blank() || absorbed[k]) break;
            caption.lines.push_back(line);
            absorbed[k] = any = true;
            if (ends_with_sentence_end(trim(line.text.text()))) break;
        }
        caption.open = false;
    }
    if (!any) return;
    std::vector<std::size_t> new_index(result.lines.size() + 1, 0);
    std::vector<SourceLine> kept;
    kept.reserve(result.lines.size());
    for (std::size_t k = 0; k < result.lines.size(); ++k) {
        new_index[k] = kept.size();
        if (!absorbed[k]) kept.push_back(std::move(result.lines[k]));
    }
    new_index[result.lines.size()] = kept.size();
    for (LiftedCaption& caption : result.captions) caption.line = new_index[std::min(caption.line, result.lines.size())];
    result.lines = std::move(kept);
}

// The upper quartile of `widths` (reordered): the column, since the lines that end
// paragraphs, headings and titles are shorter. `widths` must not be empty.
std::size_t upper_quartile(std::vector<std::size_t>& widths) {
    const auto quartile = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() * 3 / 4);
    std::nth_element(widths.begin(), quartile, widths.end());
    return *quartile;
}

// Which join point (1, 2, ...) of a line an extraction joined from printed lines that ended
// in a hyphen lies about `chars` code points into it, or 0: a printed line fills 0.9-1.0 of
// `column`, so the k-th lies at 0.9 k - 0.06 to k + 0.08 columns (printed lines vary, and
// their sum the more the more lines). Only the first k whose upper bound is not passed can
// fit: the lower bounds grow with k.
std::size_t join_point_near(std::size_t chars, std::size_t column) {
    const std::size_t scaled = chars * 100, step = 100 * column;
    const std::size_t k = scaled > 8 * column ? std::max<std::size_t>(1, (scaled - 8 * column + step - 1) / step) : 1;
    return scaled + 6 * column >= 90 * k * column ? k : 0;
}

// pdftotext's default reading order sometimes moves a block of a column elsewhere on the
// page or to the page before (a column's last lines, the start of the next column): a
// paragraph then stops mid-sentence at a line that fills the column, before a blank line
// and a new capitalised block, and its rest stands alone, starting in lower case after a
// block that ended its sentence. Each such broken paragraph takes the nearest such rest
// (within `window` lines, either way) back: the rest's lines move after it, their source
// offsets kept (spans become the smallest span holding the sentence's bytes). The join is
// a `lines_joined` repair that says so. Text without blank lines has no blocks to move.
void reattach_moved_blocks(LayoutResult& result) {
    constexpr std::size_t window = 160;
    std::vector<SourceLine>& lines = result.lines;
    struct Block {
        std::size_t first = 0, last = 0;  // line indices, inclusive
    };
    std::vector<Block> blocks;
    std::vector<std::size_t> widths;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        if (lines[k].blank()) continue;
        widths.push_back(lines[k].width);
        if (!blocks.empty() && blocks.back().last + 1 == k) blocks.back().last = k;
        else blocks.push_back({k, k});
    }
    if (blocks.size() < 3 || widths.size() < 8) return;
    const std::size_t column = upper_quartile(widths);
    // A full line of the column, measured without the lines over one and a half times the
    // median, which the extraction joined from several printed lines: in `pdftotext`'s
    // default mode a fifth of the lines can be such, and they raise the quartile past every
    // full line of the column.
    const auto median = widths.begin() + static_cast<std::ptrdiff_t>(widths.size() / 2);
    std::nth_element(widths.begin(), median, widths.end());
    const std::size_t joined_above = *median * 3 / 2;
    const std::size_t text_lines = widths.size();
    // Such an extraction also moves a column's last lines past the next article's header.
    const bool joins_lines = std::erase_if(widths, [&](std::size_t width) { return width > joined_above; }) * 20 > text_lines;
    const std::size_t full_line = std::min(column, upper_quartile(widths));
    const auto text_of = [&](std::size_t k) { return trim(lines[k].text.text()); };
    const auto dangling = [&](std::size_t b) {
        // A line that fills the column: not a paragraph's last (short), nor several lines the
        // extraction joined (longer than a column: its end says nothing), nor an address.
        const std::string_view last = text_of(blocks[b].last);
        const std::size_t width = lines[blocks[b].last].width;
        if (width * 10 < full_line * 9 || width * 10 > column * 13 || ends_with_sentence_end(last)) return false;
        const std::size_t space = last.rfind(' ');
        if (last.substr(space == std::string_view::npos ? 0 : space).find('@') != std::string_view::npos) return false;
        const char32_t end = last_code_point(last);
        if (!(is_lower(end) || end == ',' || (is_hyphen(end) && !word_before_final_hyphen(last).empty()))) return false;
        // The next block opening in lower case is the rest already: the paragraph rules join it.
        return b + 1 == blocks.size() || !is_lower(first_code_point(text_of(blocks[b + 1].first)));
    };
    // A rest follows a block that ended its sentence, or a heading or title (one or two short
    // lines: the extraction put the rest under the next article's title; or a heading that
    // closes a longer block, whose text the extraction put elsewhere), or, in an extraction
    // that joins lines, an article's whole header.
    const auto orphan = [&](std::size_t b) {
        // The text's first block may well start in lower case: the file begins mid-article.
        if (b == 0 || !is_lower(first_code_point(text_of(blocks[b].first)))) return false;
        const std::string_view before = text_of(blocks[b - 1].last);
        const char32_t end = last_code_point(before);
        if (ends_with_sentence_end(before)) return true;
        if (lines[blocks[b - 1].last].width * 10 >= column * 9 || end == ',' || is_hyphen(end)) return false;
        // A heading that ends a longer block (the line above it ends a sentence, it opens
        // with a capital) is the block's end as well: the extraction put the rest after it.
        const std::size_t lines_before = blocks[b - 1].last - blocks[b - 1].first;
        if (lines_before < 2 || (is_upper(first_code_point(before)) && ends_with_sentence_end(text_of(blocks[b - 1].last - 1))))
            return true;
        // An article's header (title, kind, authors): a few short lines, none ending a sentence.
        if (!joins_lines || lines_before > 4) return false;
        for (std::size_t k = blocks[b - 1].first; k <= blocks[b - 1].last; ++k)
            if (lines[k].width * 10 >= full_line * 9 || ends_with_sentence_end(text_of(k))) return false;
        return true;
    };
    std::vector<char> is_orphan(blocks.size(), 0), is_dangling(blocks.size(), 0);
    bool candidates = false;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        is_orphan[b] = orphan(b);
        candidates = candidates || is_orphan[b];
    }
    if (!candidates) return;
    for (std::size_t b = 0; b < blocks.size(); ++b) is_dangling[b] = dangling(b);
    // Which rest goes with which broken paragraph: the words say it where they can. A word
    // broken at the paragraph's end ("commands ne-") goes on in a rest whose first word
    // completes it ("eded to extend", making "needed", which the text writes elsewhere),
    // rather than in one opening with a word the text writes elsewhere ("på ikonet Klon"),
    // which is left to a paragraph ending in a whole word ("filter. Klik"). The pairs that
    // fit best are made first, the nearest among equals.
    struct Pair {
        std::size_t dangling = 0, rest = 0, distance = 0;
        int fit = 1;  // 2 the words fit, 1 nothing says, 0 they do not
    };
    std::vector<Pair> pairs;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        if (!is_dangling[b]) continue;
        for (std::size_t o = b; o-- > 0 && blocks[b].first - blocks[o].last <= window;)
            if (is_orphan[o]) pairs.push_back({b, o, blocks[b].first - blocks[o].last});
        for (std::size_t o = b + 1; o < blocks.size() && blocks[o].first - blocks[b].last <= window; ++o)
            if (is_orphan[o]) pairs.push_back({b, o, blocks[o].first - blocks[b].last});
    }
    if (pairs.empty()) return;
    const auto broken_part = [&](std::size_t b) {
        const std::string_view part = word_before_final_hyphen(text_of(blocks[b].last));
        const std::size_t inner = part.find_last_of('-');
        return inner == std::string_view::npos ? part : part.substr(inner + 1);
    };
    const auto rest_word = [&](std::size_t o) { return to_lower(leading_word(text_of(blocks[o].first))); };
    const auto joined_word = [&](const Pair& pair) { return to_lower(broken_part(pair.dangling)) + rest_word(pair.rest); };
    // The words decide only where a paragraph broken inside a word has a choice of rests.
    std::vector<std::size_t> rests_within_reach(blocks.size(), 0);
    for (const Pair& pair : pairs) ++rests_within_reach[pair.dangling];
    const bool choice = std::any_of(pairs.begin(), pairs.end(), [&](const Pair& pair) {
        return rests_within_reach[pair.dangling] > 1 && !broken_part(pair.dangling).empty();
    });
    if (choice) {
        // How often the text writes each word in question, counted in one pass over the lines.
        std::unordered_map<std::string, std::size_t> seen;
        for (const Pair& pair : pairs) {
            seen.emplace(rest_word(pair.rest), 0);
            if (!broken_part(pair.dangling).empty()) seen.emplace(joined_word(pair), 0);
        }
        std::string lower;
        for (const SourceLine& line : lines)
            for_each_word(line.text.text(), [&](std::string_view word) {
                to_lower(word, lower);
                if (const auto found = seen.find(lower); found != seen.end()) ++found->second;
            });
        for (Pair& pair : pairs) {
            if (broken_part(pair.dangling).empty()) continue;
            // The rest's own first word counts once where it stands.
            const bool own_word = seen[rest_word(pair.rest)] > 1;
            if (seen[joined_word(pair)] > 0) pair.fit = 2;
            else if (own_word) pair.fit = 0;
        }
    }
    // The best-fitting, then nearest, pairs first, each paragraph and rest taken once.
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& left, const Pair& right) {
        if (left.fit != right.fit) return left.fit > right.fit;
        if (left.distance != right.distance) return left.distance < right.distance;
        return left.dangling < right.dangling;
    });
    std::vector<std::size_t> rest_of(blocks.size(), blocks.size());  // dangling block -> its rest
    std::vector<bool> moved(blocks.size(), false);
    bool any = false;
    for (const Pair& pair : pairs) {
        if (rest_of[pair.dangling] != blocks.size() || moved[pair.rest] || rest_of[pair.rest] != blocks.size()) continue;
        rest_of[pair.dangling] = pair.rest;
        moved[pair.rest] = any = true;
    }
    if (!any) return;
    std::vector<std::size_t> new_index(lines.size(), 0);
    std::vector<SourceLine> ordered;
    ordered.reserve(lines.size());
    std::vector<MovedBlockJoin> joins;
    const auto take = [&](std::size_t k) {
        new_index[k] = ordered.size();
        ordered.push_back(std::move(lines[k]));
    };
    std::size_t b = 0;
    for (std::size_t k = 0; k < lines.size(); ++k) {
        while (b < blocks.size() && blocks[b].last < k) ++b;
        const bool in_block = b < blocks.size() && blocks[b].first <= k;
        if (in_block && moved[b]) continue;
        take(k);
        if (in_block && k == blocks[b].last && rest_of[b] != blocks.size()) {
            const Block& rest = blocks[rest_of[b]];
            const MovedBlockJoin join{new_index[k], lines[rest.first].number, std::min(lines[k].end, lines[rest.first].start),
                                      std::max(lines[k].end, lines[rest.first].start)};
            result.repairs.push_back({Repair::Kind::lines_joined, join.start, join.end,
                                      "paragraph goes on at line " + std::to_string(join.block_line_number) +
                                          " (the extraction moved that block)"});
            joins.push_back(join);
            for (std::size_t r = rest.first; r <= rest.last; ++r) take(r);
        }
    }
    for (LiftedCaption& caption : result.captions)
        if (caption.line < new_index.size()) caption.line = new_index[caption.line];
    // Joins made before (restore_torn_words) follow their lines; all stay in line order.
    for (MovedBlockJoin& join : result.moved_block_joins) join.paragraph_end = new_index[join.paragraph_end];
    result.moved_block_joins.insert(result.moved_block_joins.end(), joins.begin(), joins.end());
    std::stable_sort(result.moved_block_joins.begin(), result.moved_block_joins.end(),
                     [](const MovedBlockJoin& left, const MovedBlockJoin& right) { return left.paragraph_end < right.paragraph_end; });
    lines = std::move(ordered);
}

// The widths of the lines that hold text.
std::vector<std::size_t> text_line_widths(const std::vector<SourceLine>& lines) {
    std::vector<std::size_t> widths;
    for (const SourceLine& line : lines)
        if (!line.blank()) widths.push_back(line.width);
    return widths;
}


// pdftotext's default mode can tear the words of a justified line with wide spaces out of
// their paragraph: the line stays short, not ending its sentence, with the next line going
// on in lower case, and its missing words follow the paragraph one per block ("værdier",
// "tilbage", "til"). Where a block is followed by such one-word lower-case blocks and has
// exactly one line that they fill up to the column, they move after that line, in their
// order, as a `lines_joined` repair and a moved block join the journal notes.
void restore_torn_words(LayoutResult& result) {
    std::vector<SourceLine>& lines = result.lines;
    const auto text_of = [&](std::size_t k) { return trim(lines[k].text.text()); };
    const auto lone_word = [&](std::size_t k) {
        if (lines[k].blank() || (k > 0 && !lines[k - 1].blank()) || (k + 1 < lines.size() && !lines[k + 1].blank())) return false;
        const std::string_view t = text_of(k);
        std::size_t i = 0;
        while (i < t.size()) {
            std::size_t n = 0;
            const char32_t c = code_point_at(t, i, n);
            // pdfminer tears out a few words together (`findes i`).
            if (!is_lower(c) && (c != ' ' || t[i - 1] == ' ')) return false;
            i += n;
        }
        return !t.empty();
    };
    // Most texts have no such word: one pass finds out before any other work.
    bool lone = false;
    for (std::size_t k = 0; k < lines.size() && !lone; ++k) lone = lines[k].width > 0 && lines[k].width < 20 && lone_word(k);
    if (!lone) return;
    std::vector<std::size_t> widths = text_line_widths(lines);
    if (widths.size() < 8) return;
    const std::size_t column = upper_quartile(widths);
    std::vector<std::size_t> order;  // new line order, as indices into `lines`
    order.reserve(lines.size());
    std::vector<std::pair<std::size_t, std::size_t>> joins;  // (position in order of the short line, first word line)
    std::size_t k = 0;
    bool any = false;
    while (k < lines.size()) {
        // A block [first, last] of two or more lines.
        if (lines[k].blank()) {
            order.push_back(k++);
            continue;
        }
        const std::size_t first = k;
        while (k < lines.size() && !lines[k].blank()) ++k;
        const std::size_t last = k - 1;
        std::vector<std::size_t> words;
        std::size_t w = k, words_width = 0;
        while (w < lines.size()) {
            std::size_t next = w;
            while (next < lines.size() && lines[next].blank()) ++next;
            if (next == w || next == lines.size() || !lone_word(next)) break;
            words.push_back(next);
            words_width += lines[next].width + 1;
            w = next + 1;
        }
        std::size_t target = lines.size();
        if (!words.empty() && last > first) {
            for (std::size_t j = first; j < last; ++j) {
                const std::string_view t = text_of(j);
                const std::size_t filled = lines[j].width + words_width;
                if (ends_with_sentence_end(t) || !is_lower(first_code_point(text_of(j + 1))) || !word_before_final_hyphen(t).empty())
                    continue;
                // The line is clearly short (a justified line inside a paragraph fills the
                // column) and the words fill it up to about the column (wide spaces are lost).
                if (lines[j].width * 10 > column * 8 || filled * 100 < column * 70 || filled * 100 > column * 110) continue;
                if (target != lines.size()) {  // two lines the words could fill: no guess
                    target = lines.size();
                    break;
                }
                target = j;
            }
        }
        for (std::size_t j = first; j <= last; ++j) {
            order.push_back(j);
            if (j != target) continue;
            joins.push_back({order.size() - 1, words.front()});
            for (const std::size_t word : words) order.push_back(word);
        }
        if (target == lines.size()) continue;
        any = true;
        // The word lines are taken; the blank lines between them stay where they were.
        for (std::size_t b = k; b < w; ++b)
            if (lines[b].blank()) order.push_back(b);
        k = w;
    }
    if (!any) return;
    std::vector<std::size_t> new_index(lines.size(), 0);
    std::vector<SourceLine> ordered;
    ordered.reserve(lines.size());
    for (const std::size_t old : order) {
        new_index[old] = ordered.size();
        ordered.push_back(std::move(lines[old]));
    }
    for (const auto& [position, word_line] : joins) {
        const SourceLine& line = ordered[position];
        const SourceLine& word = ordered[new_index[word_line]];
        const MovedBlockJoin join{position, word.number, std::min(line.end, word.start), std::max(line.end, word.start)};
        result.repairs.push_back({Repair::Kind::lines_joined, join.start, join.end,
                                  "line goes on with the words at line " + std::to_string(join.block_line_number) +
                                      " (the extraction set them apart)"});
        result.moved_block_joins.push_back(join);
    }
    for (LiftedCaption& caption : result.captions)
        if (caption.line < new_index.size()) caption.line = new_index[caption.line];
    lines = std::move(ordered);
}

// pdftotext's default mode joins a word broken at a line end into one line and drops the
// hyphen, also a real one (`E-|mail` -> `Email`, `Hansen-|Lund` -> `HansenLund`); the joined
// line is then over a column long. Where the extraction evidently joins lines (one line in
// twenty over one and a half columns), a word of such a line that the document writes
// elsewhere, in the same case, with one inner hyphen after a capitalised first part, and
// nowhere without it in a line of one column, gets the hyphen back, as a `normalized` repair.
// So does a word of such a line made of capitals and a lower-case rest (`SMTPserver`,
// `XMLfiler`) whose capitals the document writes as a word of their own or before a hyphen
// (`SMTP`, `XML-fil`): Danish and English join an abbreviation to a word with a hyphen. Its
// rest is a word of three letters or more, not an inflection of the abbreviation (`PC'ens`
// is also written `PCens`) nor an enzyme's `-ase` (`ATPase`); a conjunction rest (`ASCIIeller`) was a suspended compound
// (`ASCII- eller`). A product name in capitals and a capitalised word (`VBASupport`) has no
// capitals the document writes alone, and one written so in a line of one column is left.
// Any other word of a joined line, or pair (`muninnode`, `debianedu-config`), that lacks one
// hyphen of a word the document writes elsewhere (`munin-node`, `debian-edu-config`, in the
// same case) gets it back where that hyphen's place lies at a join point, unless a line of
// one column writes it so too.
void restore_joined_hyphens(LayoutResult& result) {
    std::vector<SourceLine>& lines = result.lines;
    std::vector<std::size_t> widths = text_line_widths(lines);
    if (widths.size() < 8) return;
    const std::size_t column = upper_quartile(widths);
    std::size_t long_lines = 0;
    for (const std::size_t w : widths) long_lines += w * 2 > column * 3;
    if (long_lines * 20 <= widths.size()) return;
    // An extraction that joins a word broken at a line end leaves none standing so (its long
    // lines are those joins); one that keeps them as printed (`Me-` | `dicin`: the PDF path,
    // which sets a justified line's successor on it) did not make its long lines so, and
    // dropped no hyphen in them. More than one line in a hundred ending so tells it.
    std::size_t broken_at_end = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        broken_at_end += !word_before_final_hyphen(lines[i].text.text()).empty() &&
                         is_lower(first_code_point(trim(lines[i + 1].text.text())));
    if (broken_at_end * 100 > widths.size()) return;
    const auto joined = [&](const SourceLine& line) { return line.width * 100 > column * 112; };
    for (SourceLine& line : lines) line.joined_by_extraction = joined(line);
    // Words of letters, and pairs of them joined by one hyphen ("E-mail", "Winther-Aagaard").
    struct Word {
        std::size_t begin, end, hyphen;  // hyphen: byte offset of the inner hyphen, or npos
    };
    // ASCII bytes are told without decoding (this reads every line of such a text).
    const auto letter_at = [](std::string_view t, std::size_t k, std::size_t& n) {
        const auto byte = static_cast<unsigned char>(t[k]);
        if (byte < 0x80) {
            n = 1;
            return (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
        }
        return is_letter(code_point_at(t, k, n));
    };
    const auto letters_end = [&](std::string_view t, std::size_t k) {
        while (k < t.size()) {
            std::size_t n = 0;
            if (!letter_at(t, k, n)) break;
            k += n;
        }
        return k;
    };
    const auto words_of = [&](std::string_view t, std::vector<Word>& out) {
        out.clear();
        std::size_t i = 0;
        while (i < t.size()) {
            std::size_t n = 0;
            if (!letter_at(t, i, n)) {
                i += n;
                continue;
            }
            const std::size_t end = letters_end(t, i);
            std::size_t m = 0;
            if (end + 1 < t.size() && t[end] == '-' && letter_at(t, end + 1, m)) {
                const std::size_t second = letters_end(t, end + 1);
                // "DK-2100-x" or "a-b-c": a chain, no pair.
                if (second < t.size() && t[second] == '-') {
                    i = second + 1;
                    continue;
                }
                out.push_back({i, second, end});
                i = second;
                continue;
            }
            out.push_back({i, end, std::string_view::npos});
            i = end;
        }
    };
    std::unordered_map<std::string, std::size_t> hyphened;  // the letters, as written -> length of the first part
    // Every word of two to five parts of letters joined by single hyphens (`munin-node`,
    // `sitesummary-update-munin`), as written, under its letters: a join point can drop any
    // of its hyphens.
    std::unordered_map<std::string, std::vector<std::string>> hyphened_runs;
    const auto collect_runs = [&](std::string_view t) {
        for (std::size_t i = 0; i < t.size();) {
            std::size_t n = 0;
            if (!letter_at(t, i, n)) {
                i += n;
                continue;
            }
            std::size_t end = letters_end(t, i), hyphens = 0;
            while (end + 1 < t.size() && t[end] == '-' && letter_at(t, end + 1, n)) {
                end = letters_end(t, end + 1);
                ++hyphens;
            }
            if (hyphens >= 1 && hyphens <= 4) {
                const std::string_view run = t.substr(i, end - i);
                std::string letters;
                for (const char c : run)
                    if (c != '-') letters += c;
                std::vector<std::string>& forms = hyphened_runs[letters];
                if (std::find(forms.begin(), forms.end(), run) == forms.end()) forms.emplace_back(run);
            }
            i = end;
        }
    };
    std::vector<Word> words;
    std::string key;
    // The hyphened words first: only lines with a hyphen need reading for them.
    for (const SourceLine& line : lines) {
        const std::string_view t = line.text.text();
        if (t.find('-') == std::string_view::npos) continue;
        collect_runs(t);
        words_of(t, words);
        for (const Word& w : words) {
            // A capitalised first part (a name, an abbreviation: `E-mail`, `Hansen-Lund`): a
            // compound of common words is written either way (`design-tilstand`).
            if (w.hyphen == std::string_view::npos || !is_upper(first_code_point(t.substr(w.begin)))) continue;
            key.assign(t.substr(w.begin, w.hyphen - w.begin));
            const std::size_t first = key.size();
            key += t.substr(w.hyphen + 1, w.end - w.hyphen - 1);
            hyphened.emplace(key, first);
        }
    }
    const auto capitals_end = [](std::string_view t, std::size_t k, std::size_t end) {
        while (k < end) {
            std::size_t n = 0;
            if (!is_upper(code_point_at(t, k, n))) break;
            k += n;
        }
        return k;
    };
    // A word shaped as an abbreviation joined to a lower-case rest: where the capitals end, or 0.
    static constexpr std::array<std::string_view, 9> inflections = {"en", "et", "er", "ens", "ets", "ers", "erne", "ernes", "s"};
    const auto abbreviation_shape = [&](std::string_view word) -> std::size_t {
        const std::size_t cut = capitals_end(word, 0, word.size());
        if (cut == word.size() || code_points(word.substr(0, cut)) < 2) return 0;
        for (std::size_t k = cut, n = 0; k < word.size(); k += n)
            if (!is_lower(code_point_at(word, k, n))) return 0;
        const std::string_view rest = word.substr(cut);
        // An enzyme's suffix is no word of its own (`ATPase`, `DNasen`).
        if (code_points(rest) < 3 || std::find(inflections.begin(), inflections.end(), rest) != inflections.end() ||
            rest.starts_with("ase"))
            return 0;
        return cut;
    };
    // A line joined at a broken word is the broken line and the next line's start: over a
    // column by at least the word's rest. An abbreviation-shaped word is evidence enough of its
    // own to look for it in any line over the column (`… åbner PDFfilen.`, a paragraph's short
    // last line joined to the one before it); a word the document writes hyphened elsewhere
    // only in a line over 1.12 columns (a justified line can run a little over the quartile).
    const auto over_column = [&](const SourceLine& line) { return static_cast<double>(line.width) > static_cast<double>(column); };
    // Where a word or pair of a joined line lacks one hyphen of a word the document writes
    // elsewhere, at a join point (`aptlistchanges` beside `apt-listchanges`,
    // `sitesummary-updatemunin` beside `sitesummary-update-munin`): the byte of `t` the hyphen
    // goes back at, or npos. `chars`: the code points of `t` before the word. Only the join
    // points lost hyphens, so the place rules out the word written closed elsewhere in the
    // line; two places that fit leave it.
    std::string word_letters;
    const auto hyphen_at_join = [&](std::string_view t, const Word& w, std::size_t chars) {
        const std::string_view word = t.substr(w.begin, w.end - w.begin);
        word_letters.assign(word);
        if (w.hyphen != std::string_view::npos) word_letters.erase(w.hyphen - w.begin, 1);
        const auto found = hyphened_runs.find(word_letters);
        if (found == hyphened_runs.end()) return std::string_view::npos;
        std::size_t at = std::string_view::npos;
        for (const std::string_view form : found->second) {
            if (form.size() != word.size() + 1) continue;
            for (std::size_t j = form.find('-'); j != std::string_view::npos; j = form.find('-', j + 1)) {
                if (form.substr(0, j) != word.substr(0, j) || form.substr(j + 1) != word.substr(j) ||
                    join_point_near(chars + code_points(word.substr(0, j)), column) == 0)
                    continue;
                if (at != std::string_view::npos && at != w.begin + j) return std::string_view::npos;
                at = w.begin + j;
            }
        }
        return at;
    };
    // The candidates written so, without the hyphen, in a line of one column: few, if any.
    std::unordered_map<std::string, bool> plain_in_column;  // lower-cased candidate -> written so in a line of one column
    std::vector<std::string> shaped;                         // abbreviation-shaped words, their evidence yet to be found
    for (const SourceLine& line : lines) {
        if (!over_column(line)) continue;
        const bool joined_line = joined(line);
        const std::string_view t = line.text.text();
        words_of(t, words);
        std::size_t chars = 0, counted = 0;  // code points of `t` before byte `counted`
        for (const Word& w : words) {
            chars += code_points(t.substr(counted, w.begin - counted));
            counted = w.begin;
            key.assign(t.substr(w.begin, w.end - w.begin));
            const bool closed = w.hyphen == std::string_view::npos;
            const bool written_hyphened = closed && joined_line && hyphened.contains(key);
            if (closed && !written_hyphened && abbreviation_shape(key) > 0) shaped.push_back(key);
            if (written_hyphened || (joined_line && hyphen_at_join(t, w, chars) != std::string_view::npos))
                plain_in_column.emplace(to_lower(key), false);
        }
    }
    // What the document writes as a word of its own, read in one pass and only where a line
    // over the column holds an abbreviation-shaped word: words of capitals, also before a
    // hyphen (`SMTP`, `XML-fil`), and lower-case words, also after one (`filen` of `PDF-filen`).
    std::unordered_set<std::string> written_alone;
    if (!shaped.empty())
        for (const SourceLine& line : lines) {
            const std::string_view t = line.text.text();
            words_of(t, words);
            for (const Word& w : words) {
                const std::size_t first_end = w.hyphen != std::string_view::npos ? w.hyphen : w.end;
                const std::string_view first = t.substr(w.begin, first_end - w.begin);
                // Letters only: without lower case it is capitals, without upper case lower case.
                if (!has_lowercase(first) || !has_uppercase(first)) written_alone.emplace(first);
                if (w.hyphen == std::string_view::npos) continue;
                const std::string_view second = t.substr(w.hyphen + 1, w.end - w.hyphen - 1);
                if (!has_uppercase(second)) written_alone.emplace(second);
            }
        }
    // An abbreviation joined to a lower-case rest, where the document writes its capitals, or
    // its rest of four letters or more, as a word of its own (`GIFbilleder` beside `billeder`):
    // where the capitals end, or 0. Danish and English write such a compound with a hyphen.
    const auto abbreviation_cut = [&](std::string_view word) -> std::size_t {
        const std::size_t cut = abbreviation_shape(word);
        if (cut == 0) return 0;
        const std::string_view rest = word.substr(cut);
        return written_alone.contains(std::string(word.substr(0, cut))) ||
                       (code_points(rest) >= 4 && written_alone.contains(std::string(rest)))
                   ? cut
                   : 0;
    };
    for (const std::string& word : shaped)
        if (abbreviation_cut(word) > 0) plain_in_column.emplace(to_lower(word), false);
    if (plain_in_column.empty()) return;
    // Whether a line of one column writes one of them (any case).
    std::size_t shortest = std::string::npos, longest = 0;
    std::array<bool, 256> first_byte{};  // first bytes of the candidates, either case (ASCII)
    for (const auto& [letters, seen] : plain_in_column) {
        const auto lead = static_cast<unsigned char>(letters.front());
        first_byte[lead] = first_byte[static_cast<unsigned char>(std::toupper(lead))] = true;
        shortest = std::min(shortest, letters.size());
        longest = std::max(longest, letters.size());
    }
    for (const SourceLine& line : lines) {
        if (joined(line)) continue;
        const bool candidate_line = over_column(line);
        const std::string_view t = line.text.text();
        words_of(t, words);
        for (const Word& w : words) {
            const std::size_t size = w.end - w.begin;
            if (size < shortest || size > longest || !first_byte[static_cast<unsigned char>(t[w.begin])]) continue;
            // An abbreviation-shaped word in a line over the column is a candidate, no evidence.
            if (candidate_line && abbreviation_shape(t.substr(w.begin, size)) > 0) continue;
            to_lower(t.substr(w.begin, size), key);
            if (const auto found = plain_in_column.find(key); found != plain_in_column.end()) found->second = true;
        }
    }
    for (SourceLine& line : lines) {
        if (!over_column(line)) continue;
        const bool joined_line = joined(line);
        const std::string_view t = line.text.text();
        words_of(t, words);
        struct Restored {
            std::size_t cut;  // where the hyphen goes back
            const Word* word;
            bool abbreviation;  // after capitals the document writes alone
            bool suspended;     // before a conjunction: "- "
        };
        std::vector<Restored> at;
        std::size_t chars = 0, counted = 0;  // code points of `t` before byte `counted`
        for (const Word& w : words) {
            chars += code_points(t.substr(counted, w.begin - counted));
            counted = w.begin;
            key.assign(t.substr(w.begin, w.end - w.begin));
            std::size_t cut = 0;
            bool abbreviation = false;
            if (w.hyphen == std::string_view::npos) {
                const auto found = joined_line ? hyphened.find(key) : hyphened.end();
                cut = found != hyphened.end() ? found->second : abbreviation_cut(key);
                abbreviation = found == hyphened.end();
            }
            if (cut == 0 && joined_line)
                if (const std::size_t place = hyphen_at_join(t, w, chars); place != std::string_view::npos) {
                    cut = place - w.begin;
                    abbreviation = false;
                }
            if (cut == 0 || plain_in_column.at(to_lower(key))) continue;
            at.push_back({w.begin + cut, &w, abbreviation, abbreviation && is_suspending_conjunction(key.substr(cut))});
        }
        if (at.empty()) continue;
        std::vector<Insertion> insertions;
        for (const auto& [cut, w, abbreviation, suspended] : at) {
            insertions.push_back({cut, suspended ? "- " : "-"});
            result.repairs.push_back({Repair::Kind::normalized, line.text.source_hull(w->begin, w->end),
                                      "hyphen restored: " + std::string(t.substr(w->begin, cut - w->begin)) +
                                          (suspended ? "- " : "-") + std::string(t.substr(cut, w->end - cut)) +
                                          " (the extraction joined the lines and dropped it; the document writes " +
                                          (abbreviation ? std::string(t.substr(w->begin, cut - w->begin)) + " alone)"
                                                        : std::string("it so elsewhere)"))});
        }
        line.text = with_insertions(line.text, std::move(insertions));
    }
}

// pdftotext's default mode joins a line that ends in a hyphen to the next and drops the
// hyphen, also a menu path's separator set last on its line (`Vælg Formater -` | `Ramme og
// objekt - Egenskaber`): the joined line reads `Formater Ramme og objekt - Egenskaber`. Only
// lines that ended in a hyphen are joined, so every join point of such a line is a dropped
// hyphen, and it lies where a printed line ended: about a whole number of columns from the
// line's start (a printed line fills 0.9-1.0 of the upper quartile of the widths). A space
// there between two capitalised words, in a sentence that separates menu items with ` - `
// within four words of it, or whose second word the document writes right after a ` - `
// elsewhere (a path of one separator), gets its separator back, as a `normalized` repair. Not after a
// sentence's first word (its verb: `Vælg Vis - Typografier`), not where two such spaces fall
// near one join point (the text cannot tell which was the break), not where a kept ` - `
// ends near the same join point (the extraction kept that dash), and not where the document
// writes the first word before, or the second after, another capitalised word: an item's name
// of two words (`LibreOffice Writer` beside `LibreOffice Calc`, `Formula Object` beside `OLE
// Object`).
void restore_dropped_separators(LayoutResult& result) {
    std::vector<SourceLine>& lines = result.lines;
    const auto joined = [](const SourceLine& line) { return line.joined_by_extraction; };
    if (std::none_of(lines.begin(), lines.end(), joined)) return;
    std::vector<std::size_t> widths = text_line_widths(lines);
    const std::size_t column = upper_quartile(widths);
    if (column == 0) return;
    const auto near_join = [&](std::size_t chars) { return join_point_near(chars, column); };
    // The words (runs between single spaces) of a line, as byte ranges.
    using Words = std::vector<std::pair<std::size_t, std::size_t>>;
    const auto words_of = [](std::string_view t, Words& words) {
        words.clear();
        for (std::size_t i = 0; i < t.size();) {
            const std::size_t end = std::min(t.find(' ', i), t.size());
            if (end > i) words.emplace_back(i, end);
            i = end + 1;
        }
    };
    struct Gap {
        std::size_t line, begin, space, end;  // the two words: [begin, space) and (space, end)
        std::size_t join = 0;                 // the join point the space lies at
    };
    std::vector<Gap> gaps, unproven;  // unproven: no separator near, the evidence yet to be read
    std::vector<std::pair<std::size_t, std::size_t>> near_joins;  // (line, join point) of the others, in order
    Words words;
    for (std::size_t index = 0; index < lines.size(); ++index) {
        if (!lines[index].joined_by_extraction) continue;
        const std::string_view t = lines[index].text.text();
        const bool has_separator = t.find(" - ") != std::string_view::npos;
        words_of(t, words);
        const auto word = [&](std::size_t w) {
            return t.substr(words[w].first, words[w].second - words[w].first);
        };
        // A separator within four words of the gap after word w, with no sentence end between.
        const auto separator_near = [&](std::size_t w) {
            for (std::size_t d = 0; d < 4; ++d) {
                if (w >= d + 1 && word(w - d - 1) == "-") return true;
                if (w >= d + 1 && ends_with_sentence_end(word(w - d - 1))) break;
            }
            for (std::size_t d = 0; d < 4 && w + 2 + d < words.size(); ++d) {
                if (ends_with_sentence_end(word(w + 1 + d))) break;
                if (word(w + 2 + d) == "-") return true;
            }
            return false;
        };
        // Join points a kept separator explains: an extraction that keeps the dash where it
        // joins ("Language Settings -" | "Languages") dropped none there. In increasing order,
        // as the dashes' positions are.
        std::vector<std::size_t> kept_joins;
        for (std::size_t w = 1, chars = 0, counted = 0; w + 1 < words.size(); ++w) {
            if (word(w) != "-") continue;
            chars += code_points(t.substr(counted, words[w].second - counted));
            counted = words[w].second;
            if (const std::size_t k = near_join(chars); k != 0) kept_joins.push_back(k);
        }
        std::size_t chars = 0, counted = 0;  // code points up to byte `counted`
        std::size_t last_join = 0;
        bool last_ambiguous = false;
        for (std::size_t w = 1; w + 1 < words.size(); ++w) {
            const std::string_view before = word(w), after = word(w + 1);
            if (before == "-" || after == "-" || !is_upper(first_code_point(after)) ||
                !is_upper(first_code_point(before)) || ends_with_sentence_end(word(w - 1)))
                continue;
            std::size_t last = before.size() - 1, n = 0;
            while (last > 0 && (static_cast<unsigned char>(before[last]) & 0xC0) == 0x80) --last;
            if (!is_letter(code_point_at(before, last, n))) continue;
            chars += code_points(t.substr(counted, words[w].second - counted));
            counted = words[w].second;
            const std::size_t k = near_join(chars);
            if (k == 0 || std::binary_search(kept_joins.begin(), kept_joins.end(), k)) continue;
            const Gap gap{index, words[w].first, words[w].second, words[w + 1].second, k};
            // Without a separator near, the second word must be a path's item elsewhere.
            if (!has_separator || !separator_near(w)) {
                unproven.push_back(gap);
                continue;
            }
            near_joins.emplace_back(index, k);
            if (k == last_join) {  // two gaps at one join point: neither is taken
                if (!last_ambiguous) gaps.pop_back();
                last_ambiguous = true;
                continue;
            }
            last_join = k;
            last_ambiguous = false;
            gaps.push_back(gap);
        }
    }
    // A gap with no separator near is a path of one separator (`vælg Formater - Celler`) only
    // where the document writes its second word right after a ` - ` elsewhere: an item a path
    // names. Another gap at the same join point leaves it (the text cannot tell which was the break).
    if (!unproven.empty()) {
        // An item as a path names it, without the punctuation of the sentence around it.
        const auto trim_item = [](std::string_view word) {
            while (!word.empty() && std::string_view(".,;:!?)").find(word.back()) != std::string_view::npos)
                word.remove_suffix(1);
            return word;
        };
        std::unordered_set<std::string_view> items;  // the unproven gaps' second words, letters and all
        const auto second_of = [&](const Gap& gap) {
            return trim_item(std::string_view(lines[gap.line].text.text()).substr(gap.space + 1, gap.end - gap.space - 1));
        };
        for (const Gap& gap : unproven) items.insert(second_of(gap));
        std::unordered_set<std::string_view> named;
        for (const SourceLine& line : lines) {
            const std::string_view t = line.text.text();
            for (std::size_t at = t.find(" - "); at != std::string_view::npos; at = t.find(" - ", at + 1)) {
                const std::size_t begin = at + 3, end = std::min(t.find(' ', begin), t.size());
                if (const std::string_view item = trim_item(t.substr(begin, end - begin)); items.contains(item))
                    named.insert(item);
            }
        }
        const auto same_join = [](const Gap& a, const Gap& b) { return a.line == b.line && a.join == b.join; };
        for (std::size_t g = 0; g < unproven.size(); ++g) {
            const Gap& gap = unproven[g];
            const bool alone = (g == 0 || !same_join(unproven[g - 1], gap)) &&
                               (g + 1 == unproven.size() || !same_join(unproven[g + 1], gap)) &&
                               !std::binary_search(near_joins.begin(), near_joins.end(), std::pair{gap.line, gap.join});
            if (alone && named.contains(second_of(gap))) gaps.push_back(gap);
        }
        // The insertions go line by line, in order.
        std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) {
            return std::tie(a.line, a.begin) < std::tie(b.line, b.begin);
        });
    }
    if (gaps.empty()) return;
    // The words each gap's first word is written before, and its second word after, where
    // both are capitalised and the first does not open a sentence: a word that heads a name
    // of several words elsewhere (`LibreOffice Calc` beside `LibreOffice Writer`), or ends
    // one (`OLE Object` beside `Formula Object`), is no proof of a break.
    using Neighbours = std::unordered_map<std::string_view, std::unordered_set<std::string_view>>;
    Neighbours after_first, before_second;
    for (const Gap& gap : gaps) {
        const std::string_view t = lines[gap.line].text.text();
        after_first.try_emplace(t.substr(gap.begin, gap.space - gap.begin));
        before_second.try_emplace(t.substr(gap.space + 1, gap.end - gap.space - 1));
    }
    for (const SourceLine& line : lines) {
        const std::string_view t = line.text.text();
        words_of(t, words);
        const auto word = [&](std::size_t w) {
            return t.substr(words[w].first, words[w].second - words[w].first);
        };
        // Two different neighbours are enough to tell.
        const auto note = [](Neighbours& neighbours, std::string_view key, std::string_view other) {
            const auto found = neighbours.find(key);
            if (found != neighbours.end() && found->second.size() < 2) found->second.insert(other);
        };
        for (std::size_t w = 1; w + 1 < words.size(); ++w) {
            const std::string_view first = word(w), second = word(w + 1);
            if (!is_upper(first_code_point(first)) || !is_upper(first_code_point(second)) ||
                ends_with_sentence_end(word(w - 1)))
                continue;
            note(after_first, first, second);
            note(before_second, second, first);
        }
    }
    // Decided for every gap before any line changes: the maps view the lines' text.
    const auto one_name = [&](const Gap& gap) {
        const std::string_view t = lines[gap.line].text.text();
        return after_first.at(t.substr(gap.begin, gap.space - gap.begin)).size() > 1 ||
               before_second.at(t.substr(gap.space + 1, gap.end - gap.space - 1)).size() > 1;
    };
    std::erase_if(gaps, one_name);
    std::vector<Insertion> insertions;
    for (std::size_t g = 0; g < gaps.size();) {
        SourceLine& line = lines[gaps[g].line];
        const std::string_view t = line.text.text();
        insertions.clear();
        for (; g < gaps.size() && &lines[gaps[g].line] == &line; ++g) {
            const Gap& gap = gaps[g];
            const std::string_view first = t.substr(gap.begin, gap.space - gap.begin);
            const std::string_view second = t.substr(gap.space + 1, gap.end - gap.space - 1);
            insertions.push_back({gap.space + 1, "- "});
            result.repairs.push_back({Repair::Kind::normalized, line.text.source_hull(gap.begin, gap.end),
                                      "menu separator restored: " + std::string(first) + " - " +
                                          std::string(second) +
                                          " (the extraction joined the lines and dropped it)"});
        }
        if (!insertions.empty()) line.text = with_insertions(line.text, insertions);
    }
}

}  // namespace

LayoutResult repair_layout(const SourceText& source) {
    LayoutResult result;
    const std::string& s = source.bytes;
    std::size_t pos = 0;
    if (std::string_view(s).substr(0, byte_order_mark.size()) == byte_order_mark) {
        result.repairs.push_back({Repair::Kind::normalized, 0, byte_order_mark.size(), "byte-order mark removed"});
        pos = byte_order_mark.size();
    }
    // The physical lines, then page by page (a form feed starts a page) in reading order:
    // a page printed as two columns side by side is read column by column.
    std::vector<detail::LineRange> page;
    // One line per line feed at most: reserving them up front spares the vector's doubling,
    // which copies every line and can leave room for twice as many as needed.
    result.lines.reserve(static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')) + 1);
    auto add_page = [&] {
        for (const detail::LineRange& line : column_order(s, page)) add_line(s, line.start, line.end, line.number, result);
        page.clear();
    };
    std::size_t number = 0;
    while (pos < s.size()) {
        ++number;
        // A plain loop: find_first_of with a set of two calls memchr on the set for every byte.
        std::size_t line_end = pos;
        while (line_end < s.size() && s[line_end] != '\n' && s[line_end] != '\r') ++line_end;
        std::size_t next = line_end;
        if (line_end < s.size()) {
            if (s[line_end] == '\r') {
                const bool crlf = line_end + 1 < s.size() && s[line_end + 1] == '\n';
                next = line_end + (crlf ? 2 : 1);
                result.repairs.push_back({Repair::Kind::normalized, line_end, next, crlf ? "CRLF line end" : "CR line end"});
            } else {
                next = line_end + 1;
            }
        }
        if (pos < line_end && s[pos] == '\f') add_page();
        page.push_back({pos, line_end, number});
        pos = next;
    }
    add_page();
    close_kerning_spaces(result);
    extend_open_captions(result);
    restore_joined_hyphens(result);
    restore_dropped_separators(result);
    restore_torn_words(result);
    reattach_moved_blocks(result);
    for (const LiftedCaption& caption : result.captions)
        if (caption.own_lines && caption.line < result.lines.size()) result.lines[caption.line].after_caption = true;
    return result;
}

namespace {

// pdftotext's default mode joins a word broken at a line end and drops its hyphen, also the
// hyphen of a suspended compound: "decimal-" | "og tusindskilletegn" becomes "decimalog
// tusindskilletegn". A lower-case word ending in "og" or "eller" before a lower-case word,
// that no dictionary knows, even as a compound, while its part before the ending is a
// dictionary word of three letters or more that makes a word with the next word's head (or
// the next word itself: "decimalskilletegn" of "tusindskilletegn"), gets its hyphen and space
// back ("decimal- og"), as a `normalized` repair. "syslog er" stays: "sysl" is a word, but
// no "syslr" or "syslser"; so does a word the document writes twice or more.
MappedText restore_suspended_compounds(MappedText text, const Dehyphenator& dehyphenator, const DocumentWords& words,
                                       std::vector<Repair>& repairs) {
    if (!dehyphenator.has_dictionaries()) return text;
    const std::string& t = text.text();
    std::vector<Insertion> cuts;  // "- " where a conjunction glued to its compound's first part begins
    for (const std::string_view conjunction : {std::string_view("og"), std::string_view("eller")}) {
        for (std::size_t at = t.find(conjunction); at != std::string::npos; at = t.find(conjunction, at + 1)) {
            const std::size_t end = at + conjunction.size();
            if (end + 1 >= t.size() || t[end] != ' ' || !is_lower(first_code_point(std::string_view(t).substr(end + 1)))) continue;
            std::size_t begin = at;
            while (begin > 0) {
                std::size_t n = 0;
                if (!is_letter(code_point_before(t, begin, n))) break;
                begin -= n;
            }
            const std::string_view stem = std::string_view(t).substr(begin, at - begin);
            if (code_points(stem) < 3 || !is_lower(first_code_point(stem)) || (begin > 0 && t[begin - 1] == '-')) continue;
            // A word the document writes more than once is a word ("syslog"), not a joined break.
            const std::string_view glued = std::string_view(t).substr(begin, end - begin);
            if (dehyphenator.knows(glued) || words.count(glued) > 1 || !dehyphenator.is_dictionary_word(stem)) continue;
            // The compound the first part is suspended from: the next word, or its head.
            const std::string_view next = leading_word(std::string_view(t).substr(end + 1));
            bool completes = false;
            for (std::size_t k = 0; k < next.size() && !completes;) {
                const std::string_view head = next.substr(k);
                if (code_points(head) < 3) break;
                completes = dehyphenator.knows(std::string(stem) + std::string(head));
                std::size_t n = 0;
                code_point_at(next, k, n);
                k += n;
            }
            if (!completes) continue;
            cuts.push_back({at, "- "});
            repairs.push_back({Repair::Kind::normalized, text.source_start(begin), text.source_end(end),
                               "suspended compound: " + std::string(stem) + "- " + std::string(conjunction)});
        }
    }
    if (cuts.empty()) return text;
    return with_insertions(text, std::move(cuts));
}

// pdftotext's default mode also drops the hyphen after a name or foreign word heading a
// Danish compound when the compound was broken at it: "Skolelinux-|installationsprogrammet"
// becomes "Skolelinuxinstallationsprogrammet". In text from lines the extraction joined
// (`ranges` of `text`), such a word gets its hyphen back where Dehyphenator::joined_name_cut
// finds the name, as a `normalized` repair. A word inside an address, a path or a chain of
// hyphenated parts is left as it stands.
MappedText restore_joined_names(MappedText text, const std::vector<std::pair<std::size_t, std::size_t>>& ranges,
                                const Dehyphenator& dehyphenator, const DocumentWords& words, std::vector<Repair>& repairs) {
    if (ranges.empty() || !dehyphenator.has_dictionaries()) return text;
    const std::string& t = text.text();
    const auto glue = [](char32_t c) { return c == '-' || c == '/' || c == '@' || c == '_' || c == '.' || c == '\\'; };
    std::vector<Insertion> cuts;  // where a hyphen goes back
    for (const auto& [from, to] : ranges) {
        std::size_t i = from;
        while (i < to) {
            std::size_t n = 0;
            if (!is_word_char(code_point_at(t, i, n))) {
                i += n;
                continue;
            }
            std::size_t end = i;
            while (end < t.size()) {
                std::size_t m = 0;
                if (!is_word_char(code_point_at(t, end, m))) break;
                end += m;
            }
            std::size_t m = 0;
            const bool glued_before = i > 0 && glue(code_point_before(t, i, m));
            const bool glued_after = end < t.size() && glue(code_point_at(t, end, m)) &&
                                     !(t[end] == '.' && (end + 1 == t.size() || !is_word_char(code_point_at(t, end + 1, m))));
            if (!glued_before && !glued_after) {
                const std::string_view word = std::string_view(t).substr(i, end - i);
                if (const std::size_t cut = dehyphenator.joined_name_cut(word, words); cut > 0) {
                    // A conjunction after the name: a suspended compound ("TimeSerial- eller").
                    const bool suspended = is_suspending_conjunction(word.substr(cut));
                    cuts.push_back({i + cut, suspended ? "- " : "-"});
                    repairs.push_back({Repair::Kind::normalized, text.source_start(i), text.source_end(end),
                                       "hyphen restored: " + std::string(word.substr(0, cut)) + (suspended ? "- " : "-") +
                                           std::string(word.substr(cut)) +
                                           " (the extraction joined the lines and dropped it; the document writes " +
                                           std::string(word.substr(0, cut)) + " alone)"});
                }
            }
            i = end;
        }
    }
    if (cuts.empty()) return text;
    return with_insertions(text, std::move(cuts));
}

// The word before a line's final hyphen when it ends in a closing bracket: "(hvor)" of
// "… en (hvor)-", "værdi(er)" of "værdi(er)-"; empty otherwise.
std::string_view bracketed_word_before_final_hyphen(std::string_view line) {
    std::size_t n = 0;
    if (!is_hyphen(code_point_before(line, line.size(), n))) return {};
    const std::size_t end = line.size() - n;
    if (end < 3 || line[end - 1] != ')') return {};
    const std::size_t space = line.find_last_of(' ', end - 1);
    const std::string_view word = line.substr(space == std::string_view::npos ? 0 : space + 1);
    const std::string_view part = word.substr(0, word.size() - n);
    if (part.find('(') == std::string_view::npos) return {};
    std::size_t letters = 0;
    for (std::size_t i = 0; i < part.size(); i += n)
        if (is_word_char(code_point_at(part, i, n))) ++letters;
    return letters > 0 ? part : std::string_view{};
}

}  // namespace

MappedText join_lines(const std::vector<const SourceLine*>& lines, const Dehyphenator& dehyphenator,
                      const DocumentWords& document_words, std::vector<Repair>& repairs) {
    std::vector<const SourceLine*> content;
    for (const SourceLine* line : lines)
        if (!line->blank()) content.push_back(line);
    MappedText out;
    std::vector<std::pair<std::size_t, std::size_t>> joined_by_extraction;  // byte ranges of `out`
    for (std::size_t k = 0; k < content.size(); ++k) {
        const SourceLine& line = *content[k];
        // The line without surrounding white space: bytes [begin, begin + text.size()) of
        // line.text, appended from there rather than copied out first.
        const std::string_view text = trim(line.text.text());
        const std::size_t begin = static_cast<std::size_t>(text.data() - line.text.text().data());
        const auto append_line = [&](std::size_t length) {
            const std::size_t from = out.size();
            out.append(line.text, begin, begin + length);
            if (line.joined_by_extraction) joined_by_extraction.emplace_back(from, out.size());
        };
        if (k + 1 == content.size()) {
            append_line(text.size());
            break;
        }
        const SourceLine& next = *content[k + 1];
        const std::string_view next_text = trim(next.text.text());
        if (line.ends_in_soft_hyphen) {
            append_line(text.size());
            repairs.push_back({Repair::Kind::line_break_hyphen_removed, std::min(line.end, next.start), std::max(line.end, next.start),
                               "soft hyphen at line end: " + std::string(leading_word(next_text))});
            continue;
        }
        if (line.kerning_spaces) {
            if (const std::string_view part = kerned_word_before_hyphen(text, next_text, dehyphenator, document_words);
                !part.empty()) {
                const std::size_t space_at = line.text.origin(begin + text.size() - 2);
                append_line(text.size() - 2);
                repairs.push_back({Repair::Kind::normalized,
                                   {space_at, space_at + 1},
                                   "space the extraction set between kerned glyphs removed"});
                repairs.push_back({Repair::Kind::line_break_hyphen_removed, std::min(space_at + 1, next.start),
                                   std::max(space_at + 1, next.start), std::string(part) + std::string(leading_word(next_text))});
                continue;
            }
        }
        const std::string_view before = word_before_final_hyphen(text);
        // "(hvor)-|sætning", "værdi(er)-|listen": a bracketed word part heads a compound;
        // the hyphen joins it to the word on the next line, as one within a line does.
        if (const std::string_view bracketed = bracketed_word_before_final_hyphen(text);
            before.empty() && !bracketed.empty() && is_lower(first_code_point(next_text))) {
            std::size_t hyphen_length = 0;
            code_point_before(text, text.size(), hyphen_length);
            const std::size_t hyphen_at = line.text.origin(begin + text.size() - hyphen_length);
            append_line(text.size());
            repairs.push_back({Repair::Kind::line_break_hyphen_kept, std::min(hyphen_at, next.start), std::max(hyphen_at, next.start),
                               std::string(bracketed) + "-" + std::string(leading_word(next_text))});
            continue;
        }
        if (before.empty()) {
            append_line(text.size());
            out.append_synthetic(" ", line.end);
            repairs.push_back({Repair::Kind::lines_joined, std::min(line.end, next.start), std::max(line.end, next.start), {}});
            continue;
        }
        std::size_t hyphen_length = 0;
        code_point_before(text, text.size(), hyphen_length);
        const std::size_t hyphen_at = line.text.origin(begin + text.size() - hyphen_length);
        const std::string tail(leading_word(next_text));
        // The paragraph's text before the broken word: on this line, or else the lines before.
        std::string_view preceding = text.substr(0, static_cast<std::size_t>(before.data() - text.data()));
        if (preceding.empty()) preceding = out.text();
        switch (dehyphenator.decide(before, next_text, document_words, preceding)) {
            case HyphenDecision::join:
                append_line(text.size() - hyphen_length);
                repairs.push_back({Repair::Kind::line_break_hyphen_removed, std::min(hyphen_at, next.start), std::max(hyphen_at, next.start),
                                   std::string(before) + tail});
                break;
            case HyphenDecision::keep:
                append_line(text.size());
                repairs.push_back({Repair::Kind::line_break_hyphen_kept, std::min(hyphen_at, next.start), std::max(hyphen_at, next.start),
                                   std::string(before) + "-" + tail});
                break;
            case HyphenDecision::keep_with_space:
                append_line(text.size());
                out.append_synthetic(" ", line.end);
                repairs.push_back({Repair::Kind::line_break_hyphen_kept, std::min(hyphen_at, next.start), std::max(hyphen_at, next.start),
                                   std::string(before) + "- " + tail});
                break;
        }
    }
    out = restore_joined_names(std::move(out), joined_by_extraction, dehyphenator, document_words, repairs);
    if (!content.empty() && content.front()->kerning_spaces)
        out = close_split_words(std::move(out), dehyphenator, document_words, repairs);
    return restore_suspended_compounds(std::move(out), dehyphenator, document_words, repairs);
}

}  // namespace summalign::detail
