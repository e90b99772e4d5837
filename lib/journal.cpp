// Stage 2: the repaired lines split into articles and their fields.
#include "summalign/journal.hpp"

#include <algorithm>
#include <cmath>
#include <array>
#include <bit>
#include <cctype>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "detail/api_edge.hpp"
#include "detail/hunspell_dictionary.hpp"
#include "detail/journal_fields.hpp"
#include "detail/layout_repair.hpp"
#include "detail/parallel.hpp"
#include "detail/utf8.hpp"

namespace summalign {

using namespace detail;

struct Parser::Impl {
    Segmenter danish{Lang::da};
    Segmenter english{Lang::en};
    std::shared_ptr<DictionaryShelf> dictionaries;
    Dehyphenator dehyphenator;

    Impl(std::vector<std::filesystem::path> hunspell_dirs, unsigned threads)
        : dictionaries(std::make_shared<DictionaryShelf>(std::move(hunspell_dirs))),
          dehyphenator(*dictionaries, std::max(threads, 1u)) {}
};

Parser::Parser() : Parser(LexiconOptions{}) {}
Parser::Parser(const LexiconOptions& options, unsigned threads)
    : impl_(std::make_unique<Impl>(options.hunspell_dirs, threads)) {}
Parser::~Parser() = default;
Parser::Parser(Parser&&) noexcept = default;
Parser& Parser::operator=(Parser&&) noexcept = default;

const std::shared_ptr<DictionaryShelf>& Parser::dictionaries() const noexcept { return impl_->dictionaries; }

const Segmenter& Parser::segmenter(Lang lang) const { return lang == Lang::da ? impl_->danish : impl_->english; }

namespace {

using Lines = std::vector<SourceLine>;
using Block = std::vector<const SourceLine*>;

// What one parse() call works with.
struct Context {
    const Lines& lines;
    const Dehyphenator& dehyphenator;
    const DocumentWords& words;
    const Segmenter& danish;
    const Segmenter& english;
    std::vector<Repair>& repairs;
    double width;  // typical line length (code points): the column width
    double join_limit;  // a line longer than this many columns is lines joined (join_limit_of)
    bool blank_paragraphs;  // blank lines separate paragraphs (uses_blank_paragraphs)
    bool room_test;  // line lengths are the only evidence of a paragraph's end (see ends_paragraph)
    bool printed_lines;  // the lines stand as printed, in their order (keeps_printed_lines)

    MappedText join(const Block& block) const { return join_lines(block, dehyphenator, words, repairs); }
};

std::string_view line_text(const SourceLine& line) { return trim(line.text.text()); }

// Bytes [begin, end) of `text` as a Sentence with their source span.
Sentence sentence_at(const MappedText& text, std::size_t begin, std::size_t end) {
    return Sentence{text.text().substr(begin, end - begin), text.source_hull(begin, end)};
}

Sentence whole_sentence(const MappedText& text) {
    const MappedText t = text.trimmed();
    return sentence_at(t, 0, t.size());
}

std::string_view last_word(std::string_view text);

// Whether `word` is a common word rather than a name: the document writes it in lower case
// somewhere, or the dictionary has it in lower case.
bool common_word(const Context& context, std::string_view word) {
    if (word.empty() || !has_lowercase(word)) return false;
    return context.words.occurs_lowercase(word) || context.dehyphenator.is_dictionary_word(to_lower(word));
}

// The segmenter takes a capital letter with a full stop before a capitalised word for an
// initial ("Moustapha S. Kassem"). Between two common words it is a one-letter word ending
// a sentence ("... den angivne Placering X. Udgangspunktet vender ..."): a first name and a
// surname are not both words the document or the dictionary writes in lower case.
std::vector<SourceSpan> split_sentences(const Context& context, const Segmenter& segmenter, std::string_view text) {
    std::vector<SourceSpan> spans = segmenter.split(text);
    std::vector<SourceSpan> out;
    out.reserve(spans.size());
    for (const SourceSpan& span : spans) {
        std::size_t begin = span.start;
        for (std::size_t i = span.start + 1; i + 4 < span.end; ++i) {
            // " X. W": a capital alone before ". " and a capital.
            if (text[i] != '.' || text[i + 1] != ' ' || text[i - 1] < 'A' || text[i - 1] > 'Z') continue;
            if (i < 2 || text[i - 2] != ' ' || i - 2 <= begin) continue;
            const std::string_view next = leading_word(text.substr(i + 2, span.end - i - 2));
            if (next.size() < 2 || !is_upper(first_code_point(next))) continue;
            const std::string_view before = last_word(text.substr(begin, i - 2 - begin));
            if (before.size() < 3 || !common_word(context, before) || !common_word(context, next)) continue;
            out.push_back({begin, i + 1});
            begin = i + 2;
        }
        out.push_back({begin, span.end});
    }
    return out;
}

std::vector<Sentence> sentences_of(const Context& context, const MappedText& text, const Segmenter& segmenter) {
    std::vector<Sentence> sentences;
    for (const SourceSpan& span : split_sentences(context, segmenter, text.text()))
        sentences.push_back(sentence_at(text, span.start, span.end));
    return sentences;
}


enum class Field { text, resume, summary, correspondence, references, end_note };
Field field_of(const SourceLine& line) {
    const std::string_view text = line.text.text();
    if (is_resume_label(text)) return Field::resume;
    if (starts_summary(text)) return Field::summary;
    if (correspondence_label_length(text) > 0) return Field::correspondence;
    if (references_label_length(text) > 0) return Field::references;
    std::string label;
    if (end_note_label_length(text, label) > 0) return Field::end_note;
    return Field::text;
}

// What the last physical line of `line_width` code points held: an extraction that joins a
// word broken at a line end into one line (`pdftotext` without -layout or -raw) makes a line
// of a full column plus the next; a line longer than `join_limit` columns is taken to be
// such a join (see join_limit_of).
double last_part(std::size_t line_width, double width, double join_limit) {
    double length = static_cast<double>(line_width);
    while (length > join_limit * width) length -= width;
    return length;
}

// A blank line separates paragraphs unless the text evidently runs on across it, as it
// does at a page or column break: a word broken by a hyphen, or a sentence that has not
// ended continuing in lower case, or, where the text keeps the printed lines
// (`printed_lines`, see keeps_printed_lines), a full line ending in a letter before a
// capitalised word ("… skolenetværk. Projektet" | | "Skolelinux blev grundlagt …"): a
// paragraph, heading or title does not end so. Where a dropped running head or page number
// marks the blank as a page break (`page_break`), any extraction goes on with
// the page's text there: in running text (`block_field`: not a correspondence, reference
// or end-note field, which ends in an address without a full stop), a full line ending in
// a letter or a spaced dash (`Formater -`) goes on in a capitalised line that is body text
// too (full, or ending a sentence), not a title or heading. A labelled field or a
// structured abstract's part ("Konklusion: …") opens a paragraph even after a broken word
// (a fragment the extraction set apart, `GTK-`, is no part of its label).
bool continues_across_blank(const SourceLine& previous, const SourceLine& next, Field block_field, bool page_break,
                            double width, double join_limit, bool printed_lines) {
    const std::string_view before = line_text(previous);
    if (previous.ends_in_soft_hyphen || !word_before_final_hyphen(before).empty()) {
        std::string label;
        return field_of(next) == Field::text && part_label_length(line_text(next), label) == 0;
    }
    const char32_t last = last_code_point(before);
    if (ends_with_sentence_end(before) || last == ':') return false;
    const char32_t first = first_code_point(line_text(next));
    if (is_lower(first)) return true;
    if (!is_upper(first)) return false;
    const auto fills_column = [&](double length) { return length >= 0.9 * width && length <= 1.1 * width; };
    // Text that keeps the printed lines joins none: a line is one printed line.
    if (printed_lines) return is_letter(last) && fills_column(static_cast<double>(previous.width));
    const auto full = [&](const SourceLine& line) { return fills_column(last_part(line.width, width, join_limit)); };
    const bool running_text = block_field == Field::text || block_field == Field::resume || block_field == Field::summary;
    if (!running_text || !page_break || field_of(next) != Field::text) return false;
    const bool open_end = (is_letter(last) && full(previous)) || before.ends_with(" -");
    return open_end && (full(next) || ends_with_sentence_end(line_text(next)));
}

// Over how many columns a line is taken to be lines joined. Lines of one column vary by a
// tenth or so, and 1.3 columns is safe for every extraction; where many lines are over one
// and a half columns long (one in twenty), the extraction evidently joins lines, and a line
// 1.12 columns long is two as well (its last part, the paragraph's end, is short).
double join_limit_of(const Lines& lines, double width) {
    std::size_t text = 0, long_lines = 0;
    for (const SourceLine& line : lines) {
        if (line.blank()) continue;
        ++text;
        long_lines += static_cast<double>(line.width) > 1.5 * width;
    }
    return long_lines * 20 > text ? 1.12 : 1.3;
}

std::string_view first_word(std::string_view text);  // below

// Whether the text keeps the printed lines as they are, in their order: no lines joined
// (pdftotext's default mode joins a line broken inside a word to the next and reorders
// blocks), and words broken at line ends standing as printed ("Me-" | "dicin"), at least
// three of them, so that a short text that shows neither is not taken for such an extraction.
bool keeps_printed_lines(const Lines& lines, double join_limit) {
    if (join_limit < 1.3) return false;
    std::size_t broken = 0;
    for (std::size_t i = 0; i + 1 < lines.size() && broken < 3; ++i)
        broken += !lines[i].blank() && !word_before_final_hyphen(line_text(lines[i])).empty() &&
                  is_lower(first_code_point(line_text(lines[i + 1])));
    return broken >= 3;
}

// Whether `previous` is the last line of a paragraph although no blank line follows (as in
// `pdftotext -raw` or a layout without paragraph spacing): it ends a sentence, it is clearly
// shorter than the column (justified lines fill it; a paragraph's last line rarely does) or
// short enough to have held the next line's first word, and the next line starts a sentence.
bool ends_paragraph(const SourceLine& previous, const SourceLine& next, double width, double join_limit = 1.3,
                    bool room_test = false) {
    if (!ends_with_sentence_end(line_text(previous))) return false;
    const char32_t c = first_code_point(line_text(next));
    if (!(is_upper(c) || is_digit(c) || is_opening_quote(c))) return false;
    // The next line indented further starts a paragraph (as `pdftotext -layout` keeps it).
    if (next.indent >= previous.indent + 2) return true;
    // Some extractions join a word broken at a line end into one line: what counts is the last.
    const double last = last_part(previous.width, width, join_limit);
    if (last < 0.8 * width) return true;
    // A typesetter breaks a paragraph's line only where the next word does not fit: where the
    // next line's first word would have fitted after this one, with a margin for
    // proportional type (the column counts code points), this line ended its paragraph. Only
    // where nothing else marks paragraphs (`room_test`): an extraction that joins lines says
    // too little of the printed line, and where indents mark them they are the better evidence.
    if (!room_test) return false;
    return last + 1.0 + static_cast<double>(code_points(first_word(line_text(next)))) < 0.95 * width;
}

// A float (a figure and its caption) set at a column's top stands between the column's last
// line and the rest of its paragraph, with space around it: across a lifted caption a
// sentence that filled its line without ending runs on into a line that does not start with
// a capital ("Afsnit" | caption | "2, “Fælles funktioner”."). A short line before the caption
// is a heading or a paragraph's end, and a capital may start a heading, so both break.
bool continues_past_caption(const SourceLine& previous, const SourceLine& next, double width, double join_limit) {
    const std::string_view before = line_text(previous);
    if (ends_with_sentence_end(before) || last_code_point(before) == ':') return false;
    if (last_part(previous.width, width, join_limit) < 0.8 * width) return false;
    const char32_t first = first_code_point(line_text(next));
    return !is_upper(first) && !is_opening_quote(first);
}

// Whether `line` (one of `lines`) is a word of a justified line that the extraction parted
// into one word per line at its wide gaps (mutool: "Kør" | "SELECT" | "(udvælg)" | …): one
// of three or more one-word lines in a row. A justified line is no paragraph's last, so
// none of its words ends a paragraph or opens a heading.
bool in_torn_line(const Lines& lines, const SourceLine& line) {
    const auto one_word = [&](std::size_t i) {
        const std::string_view t = line_text(lines[i]);
        return !t.empty() && t.find(' ') == std::string_view::npos;
    };
    const auto index = static_cast<std::size_t>(&line - lines.data());
    if (index >= lines.size() || !one_word(index)) return false;
    // An extraction that keeps each piece's gap after it ("Startdato " | "er " | … | "sit")
    // shows where a printed line went on: a one-word line without one, before such a piece and
    // after no such piece, ended its own printed line ("Syntaks", a heading above the torn
    // line). Where no line or every line ends in a space, this says nothing.
    const auto gap_after = [&](std::size_t i) {
        const std::string_view t = lines[i].text.text();
        return !t.empty() && (t.back() == ' ' || t.back() == '\t');
    };
    if (!gap_after(index) && index + 1 < lines.size() && one_word(index + 1) && gap_after(index + 1) &&
        (index == 0 || !gap_after(index - 1)))
        return false;
    std::size_t begin = index, end = index + 1;
    while (begin > 0 && end - begin < 3 && one_word(begin - 1)) --begin;
    while (end < lines.size() && end - begin < 3 && one_word(end)) ++end;
    return end - begin >= 3;
}

// Lines [begin, end) as blocks (paragraphs): a blank line ends one unless the text evidently
// runs on across it, a short line that ends a sentence ends one, and a labelled line
// (Resumé, Summary, Korrespondance) always opens one. Appends to `guessed` for each block
// whether it ended at such a short line, not at a blank line or a label.
std::vector<Block> blocks_of(const Context& context, std::size_t begin, std::size_t end, std::vector<bool>& guessed) {
    const Lines& lines = context.lines;
    std::vector<Block> blocks;
    Block current;
    bool blank_since_last = false;
    bool caption_since_last = false;
    bool page_break_since_last = false;
    for (std::size_t i = begin; i < end; ++i) {
        const SourceLine& line = lines[i];
        caption_since_last = caption_since_last || line.after_caption;
        page_break_since_last = page_break_since_last || line.after_page_break;
        if (line.blank()) {
            blank_since_last = true;
            continue;
        }
        bool guess = false;
        bool breaks = false;
        if (!current.empty()) {
            if (field_of(line) != Field::text) breaks = true;
            else if (blank_since_last)
                breaks = !continues_across_blank(*current.back(), line, field_of(*current.front()), page_break_since_last,
                                                 context.width, context.join_limit, context.printed_lines) &&
                         !(caption_since_last && continues_past_caption(*current.back(), line, context.width, context.join_limit));
            else
                breaks = guess = !context.blank_paragraphs &&
                                 ends_paragraph(*current.back(), line, context.width, context.join_limit, context.room_test) &&
                                 !in_torn_line(context.lines, *current.back());
        }
        if (breaks) {
            blocks.push_back(std::move(current)), current.clear();
            guessed.push_back(guess);
        }
        current.push_back(&line);
        blank_since_last = caption_since_last = page_break_since_last = false;
    }
    if (!current.empty()) {
        blocks.push_back(std::move(current));
        guessed.push_back(false);
    }
    return blocks;
}

// Whether the source marks paragraphs with blank lines: most lines that look like a
// paragraph's last (short, ending a sentence, before a line that starts one) have a blank
// line after them. Then a short line without one is taken to be inside a paragraph (a
// Resumé may have two); otherwise (`pdftotext -raw`, a layout without paragraph spacing)
// such a line ends its paragraph.
bool uses_blank_paragraphs(const Lines& lines, double width, double join_limit) {
    std::size_t blank_after = 0, direct = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        if (lines[i].blank()) continue;
        std::size_t j = i + 1;
        while (j < lines.size() && lines[j].blank()) ++j;
        // A labelled line opens its field either way: no evidence.
        if (j == lines.size() || field_of(lines[j]) != Field::text || !ends_paragraph(lines[i], lines[j], width, join_limit)) continue;
        (j > i + 1 ? blank_after : direct) += 1;
    }
    // On a tie (a short text, one article of a stream) blank lines keep their usual meaning.
    return blank_after > 0 && blank_after >= direct;
}

// Whether indents mark the paragraphs (as `pdftotext -layout` keeps a first-line indent): lines
// that start a sentence indented further than a line before them that ends one.
bool uses_indented_paragraphs(const Lines& lines) {
    std::size_t indented = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        const SourceLine& line = lines[i];
        const SourceLine& next = lines[i + 1];
        if (line.blank() || next.blank() || !ends_with_sentence_end(line_text(line))) continue;
        indented += next.indent >= line.indent + 2 && is_upper(first_code_point(line_text(next)));
    }
    return indented >= 2;
}

// The column width: the upper quartile of line lengths, since the lines that end
// paragraphs, headings and titles are shorter than the column.
double typical_width(const Lines& lines) {
    std::vector<std::size_t> lengths;
    for (const SourceLine& line : lines)
        if (!line.blank()) lengths.push_back(line.width);
    if (lengths.empty()) return 60.0;
    const auto upper_quartile = [](std::vector<std::size_t>& values) {
        auto quartile = values.begin() + static_cast<std::ptrdiff_t>(values.size() * 3 / 4);
        std::nth_element(values.begin(), quartile, values.end());
        return static_cast<double>(*quartile);
    };
    const double quartile = upper_quartile(lengths);
    // An extraction that joins a word broken at a line end into one line (about twice the
    // column) can fill the upper quartile with such lines: then it lies well above the
    // median of the fuller lines, and the quartile of the lines up to 1.3 times that
    // median is the column.
    std::vector<std::size_t> full;
    for (const std::size_t n : lengths)
        if (static_cast<double>(n) >= 0.5 * quartile) full.push_back(n);
    auto median = full.begin() + static_cast<std::ptrdiff_t>(full.size() / 2);
    std::nth_element(full.begin(), median, full.end());
    const double limit = 1.3 * static_cast<double>(*median);
    if (quartile <= limit) return quartile;
    lengths.erase(std::remove_if(lengths.begin(), lengths.end(), [&](std::size_t n) { return static_cast<double>(n) > limit; }),
                  lengths.end());
    return upper_quartile(lengths);
}

// The first word of `text` after opening quotes and brackets.
std::string_view first_word(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(text, i, n);
        if (is_word_char(c)) break;
        i += n;
    }
    return leading_word(text.substr(i));
}

std::string_view last_word(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0) {
        std::size_t n = 0;
        if (is_word_char(code_point_before(text, end, n))) break;
        end -= n;
    }
    std::size_t begin = end;
    while (begin > 0) {
        std::size_t n = 0;
        if (!is_word_char(code_point_before(text, begin, n))) break;
        begin -= n;
    }
    return text.substr(begin, end - begin);
}

// The bytes of a section number that opens a heading line, with its final dot and the space
// after it ("10. ", "9.2. ", "D.4.3. "), or 0: numbers of one to three digits or a single
// capital letter, joined by dots, at least one of them digits. Its dot ends no sentence.
std::size_t section_number_length(std::string_view text) {
    std::size_t i = 0;
    bool digits = false;
    for (int level = 0; level < 6; ++level) {
        std::size_t n = 0;
        while (i + n < text.size() && n < 4 && is_ascii_digit(static_cast<unsigned char>(text[i + n]))) ++n;
        if (n == 0 && i < text.size() && is_ascii_upper(static_cast<unsigned char>(text[i]))) n = 1;
        else if (n == 0 || n > 3) return 0;
        else digits = true;
        i += n;
        if (i >= text.size() || text[i] != '.') return 0;
        ++i;
        if (i < text.size() && text[i] == ' ') return digits ? i + 1 : 0;
    }
    return 0;
}

bool has_inner_sentence_end(std::string_view text) {
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if ((text[i] != '.' && text[i] != '!' && text[i] != '?') || text[i + 1] != ' ') continue;
        std::size_t n = 0;
        if (is_upper(code_point_at(text, i + 2, n))) return true;
    }
    return false;
}

// A line that opens with a bracket or with punctuation carries on the text before it: in
// "…patienter med cerebrale infarkter\n[19]. I en rottemodel…" the "[19]." ends the sentence
// above, and in "…multipotente adult progenitor celler\n(MAPC), findes i…" the abbreviation
// belongs to it, so the lines above are no heading.
bool continues_previous_line(std::string_view line) {
    if (line.empty()) return false;
    switch (line.front()) {
        case '[': case '(': case ')': case ',': case '.': case ';': case ':': return true;
        default: return false;
    }
}

// Whether `line` opens with a sentence of one word ("Basic. De følgende ..."): the segmenter
// decides, so an abbreviation ("Fx. ...") or a numbered step ("1. Vælg ...") is no such sentence.
bool opens_with_one_word_sentence(const Context& context, std::string_view line) {
    if (!is_upper(first_code_point(line))) return false;
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos || !ends_with_sentence_end(line.substr(0, space))) return false;
    const std::vector<SourceSpan> spans = context.danish.split(line);
    return spans.size() > 1 && line.substr(spans.front().start, spans.front().end - spans.front().start).find(' ') == std::string_view::npos;
}

// How many lines (1 to 3) starting at block[j] form a section heading, or 0. A heading is
// short, does not end a sentence, is followed in the same block by text that starts a
// sentence, and is either clearly shorter than the column or followed by a capitalised
// common word (a sentence start rather than a name running on).
std::size_t heading_length(const Context& context, const Block& block, std::size_t j) {
    if (!is_upper(first_code_point(line_text(*block[j]))) && !is_digit(first_code_point(line_text(*block[j])))) return 0;
    std::size_t total = 0;
    std::ptrdiff_t open_brackets = 0;
    for (std::size_t k = 1; k <= 3 && j + k < block.size(); ++k) {
        const SourceLine& last = *block[j + k - 1];
        const std::string_view text = line_text(last);
        total += text.size() + 1;
        // A numbered heading's number ("D.4.3. Installation af mål") ends no sentence.
        const std::size_t number = k == 1 ? section_number_length(text) : 0;
        if (total > 160 || ends_with_sentence_end(text) || has_inner_sentence_end(text.substr(number))) return 0;
        open_brackets += std::count(text.begin(), text.end(), '(') - std::count(text.begin(), text.end(), ')');
        const double length = static_cast<double>(code_points(text));
        // Body text breaks a word only where a line is full. A line clearly shorter than the
        // column that ends in a broken word is a heading set in larger type, wrapped inside
        // the word: "Klinisk anvendelse af MSC: regenera-" | "tiv medicin".
        if (last.ends_in_soft_hyphen || !word_before_final_hyphen(text).empty()) {
            if (length < 0.7 * context.width) continue;
            // A heading in bold or in the body's size wraps nearer the column's edge. Then the
            // word's rest is a short last line that ends no sentence, before a line that
            // opens one: a paragraph of running text ends in a sentence end, and a justified
            // line is full.
            if (length < 0.9 * context.width && j + k + 1 < block.size()) {
                const std::string_view rest = line_text(*block[j + k]);
                if (static_cast<double>(code_points(rest)) < 0.5 * context.width && !ends_with_sentence_end(rest) &&
                    is_upper(first_code_point(line_text(*block[j + k + 1]))))
                    continue;
            }
            return 0;
        }
        const char32_t end_mark = last_code_point(text);
        if (end_mark == ',' || end_mark == ';' || end_mark == ':') continue;  // a heading may wrap after these
        // A bracket still open goes on on the next line: "Genveje (tilgængelighed i
        // LibreOffice" | "Math)".
        if (open_brackets > 0 && line_text(*block[j + k]).find(')') != std::string_view::npos) continue;
        const std::string_view next = line_text(*block[j + k]);
        if (continues_previous_line(next)) return 0;
        if (k == 1 && in_torn_line(context.lines, *block[j])) return 0;
        const std::string_view next_word = first_word(next);
        const char32_t next_first = first_code_point(next_word);
        if (!is_upper(next_first) && !is_digit(next_first)) continue;  // the heading may go on
        // A line ending in a function word runs on into the next ("… set i" | "Danmark …"),
        // unless it stands apart: a short line that opens a block where blank lines mark the
        // paragraphs ("Ton over" above its text) is a heading, as no paragraph starts so.
        // Without blank lines, a short line after a sentence end above a full line: a
        // sentence that starts on a line ends on it when the line is short ("Naviger med"
        // | "I Standard-tilstand ændres visningen af …").
        const bool short_line = k == 1 && length < 0.5 * context.width;
        const bool apart = short_line && (context.blank_paragraphs
                                              ? j == 0
                                              : static_cast<double>(code_points(next)) >= 0.8 * context.width);
        if (is_closed_class_word(to_lower(last_word(text))) && !apart) return 0;
        // A heading ends in a word, not a dash ("vælg Formater - Side -").
        if (end_mark == '-' || end_mark == 0x2013 || end_mark == 0x2014) return 0;
        // A single word that ends a sentence after it is that sentence's end ("... markerer du
        // afkrydsningsfeltet" | "Låst."), not a paragraph under a heading.
        if (ends_with_sentence_end(next) && next.find(' ') == std::string_view::npos) return 0;
        // An extraction that joins lines (pdftotext's default mode joins a line broken at a
        // hyphen to the one after it) puts that one-word end before the next sentence on one
        // line ("... i LibreOffice" | "Basic. De følgende ..."): still the sentence's end.
        if (opens_with_one_word_sentence(context, next)) return 0;
        if (length < 0.8 * context.width) return k;
        // As wide as the column: a comma marks a sentence running on more than a heading.
        if (text.find(',') != std::string_view::npos) return 0;
        const bool sentence_start = has_lowercase(next_word) &&
                                    (context.words.occurs_lowercase(next_word) ||
                                     context.dehyphenator.is_dictionary_word(to_lower(next_word)));
        return length < 0.95 * context.width && sentence_start ? k : 0;
    }
    return 0;
}

// Whether a block of one to three lines that stands apart (blank lines around it where blank
// lines mark paragraphs, the next block starting a sentence) is a section heading: a heading
// set with space before and after it, as a layout with paragraph spacing sets it. It reads as
// one: capitalised, no sentence end in it, its last line clearly shorter than the column (a
// paragraph broken off by a column or page end stops at a full line), not ending in a
// punctuation mark, a dash, a broken word or a function word.
bool heading_apart(const Context& context, const Block& block) {
    if (block.empty() || block.size() > 3) return false;
    const char32_t first = first_code_point(line_text(*block.front()));
    if (!is_upper(first) && !is_digit(first)) return false;
    std::size_t total = 0;
    for (const SourceLine* line : block) {
        const std::string_view text = line_text(*line);
        total += text.size() + 1;
        const std::size_t number = line == block.front() ? section_number_length(text) : 0;
        if (ends_with_sentence_end(text) || has_inner_sentence_end(text.substr(number))) return false;
        // A word broken before the last line: a heading in larger type the column wrapped
        // (the block stands apart and ends short); on the last line, a paragraph broken off.
        if ((line->ends_in_soft_hyphen || !word_before_final_hyphen(text).empty()) && line == block.back()) return false;
    }
    const std::string_view last = line_text(*block.back());
    const char32_t end_mark = last_code_point(last);
    if (total > 160 || (!is_word_char(end_mark) && end_mark != ')')) return false;
    if (static_cast<double>(code_points(last)) >= 0.8 * context.width) return false;
    // A line that ends in a function word runs on into the next, unless it is a command's
    // label alone on its line: one to three words ("Ton over", "Sorter efter", "Naviger med"),
    // where a sentence broken off is longer ("Der er flere studier i gang om").
    const bool label = block.size() == 1 && std::count(last.begin(), last.end(), ' ') <= 2;
    return label || !is_closed_class_word(to_lower(last_word(last)));
}

// Whether a blank line stands right before `line` (one of `lines`).
bool blank_before(const Lines& lines, const SourceLine& line) {
    const auto index = static_cast<std::size_t>(&line - lines.data());
    return index > 0 && lines[index - 1].blank();
}

// The rank of the English part label that opens `text` (a structured Summary's part), or -1.
int english_part_rank(std::string_view text) {
    std::string label;
    return part_label_length(text, label) > 0 && !is_danish_part_label(label) ? part_label_rank(label) : -1;
}

// Whether a block opens with a structured abstract's part label, also where the extraction
// tore the label's line into one line per word (mutool on a justified line: "Materiale og" |
// "metoder:" | "Specificerer" | ...). Lines are joined only while the text is shorter than the
// longest label, so only a label of several words can be found across them.
bool opens_with_part_label(const Block& block, std::string& label) {
    std::string opening(line_text(*block.front()));
    if (part_label_length(opening, label) > 0) return true;
    for (std::size_t j = 1; j < block.size() && opening.size() < longest_part_label_bytes; ++j) {
        opening += ' ';
        opening += line_text(*block[j]);
        if (part_label_length(opening, label) > 0) return true;
    }
    return false;
}

// Body blocks into sections: headings open sections, other lines form paragraphs. `apart`:
// the block stands apart (see heading_apart).
void add_body_block(const Context& context, const Block& block, std::vector<Section>& sections, bool apart = false) {
    if (apart && heading_apart(context, block)) {
        Section section;
        section.heading = whole_sentence(context.join(block));
        sections.push_back(std::move(section));
        return;
    }
    Block paragraph;
    auto flush = [&] {
        if (paragraph.empty()) return;
        if (sections.empty()) sections.emplace_back();
        auto sentences = sentences_of(context, context.join(paragraph), context.danish);
        auto& target = sections.back().sentences;
        target.insert(target.end(), std::make_move_iterator(sentences.begin()), std::make_move_iterator(sentences.end()));
        paragraph.clear();
    };
    for (std::size_t j = 0; j < block.size(); ++j) {
        if (j == 0 || ends_with_sentence_end(line_text(*block[j - 1]))) {
            if (const std::size_t k = heading_length(context, block, j); k > 0) {
                flush();
                Section section;
                section.heading = whole_sentence(context.join(Block(block.begin() + static_cast<std::ptrdiff_t>(j),
                                                                    block.begin() + static_cast<std::ptrdiff_t>(j + k))));
                sections.push_back(std::move(section));
                j += k - 1;
                continue;
            }
        }
        paragraph.push_back(block[j]);
    }
    flush();
}

// A reference list's lines as entries, one per numbered line ("1. Thomas ED, …") and the
// lines its text wraps onto; a list without numbers is one entry.
void add_references(const Context& context, const Block& lines, std::vector<Sentence>& references) {
    Block entry;
    auto finish = [&] {
        if (entry.empty()) return;
        const MappedText joined = context.join(entry).trimmed();
        if (!joined.text().empty()) references.push_back(whole_sentence(joined));
        entry.clear();
    };
    for (const SourceLine* line : lines) {
        if (starts_reference_entry(line_text(*line))) finish();
        entry.push_back(line);
    }
    finish();
}

// Sentences of a Resumé or Summary text appended to `sentences`. A sentence that opens
// with a part label ("Resultater:", "Conclusion:") starts a labelled part of the field and
// loses the label.
void add_field_sentences(const Context& context, const MappedText& text, const Segmenter& segmenter,
                         std::vector<Sentence>& sentences, std::vector<FieldPart>& parts) {
    std::string label;
    for (const SourceSpan& span : split_sentences(context, segmenter, text.text())) {
        std::size_t begin = span.start;
        if (const std::size_t skip = part_label_length(text.text().substr(span.start, span.end - span.start), label); skip > 0) {
            parts.push_back(FieldPart{label, sentences.size(), sentences.size()});
            begin += skip;
        }
        if (begin >= span.end) continue;  // a label alone
        sentences.push_back(sentence_at(text, begin, span.end));
        if (!parts.empty()) parts.back().end = sentences.size();
    }
}

// A label glued to the next word, e.g. `SummaryCarsten`: the repair spans the two bytes
// around the seam, as a hull since the text may have been read out of source order.
Repair label_split_at(const MappedText& text, std::size_t begin, std::size_t end, std::string detail) {
    return {Repair::Kind::label_split, text.source_hull(begin, end), std::move(detail)};
}

Summary parse_summary(const Context& context, const Block& block) {
    const MappedText joined = context.join(block).trimmed();
    const std::string_view text = joined.text();
    const std::size_t label_length = std::max<std::size_t>(summary_label_length(text), 1);  // "Summary", "SUMMARY"
    if (text.size() > label_length && is_letter(first_code_point(text.substr(label_length))))
        context.repairs.push_back(label_split_at(joined, 0, label_length + 1,
                                                 std::string(text.substr(0, label_length)) + " | " +
                                                     std::string(leading_word(text.substr(label_length)))));
    const MappedText rest = joined.slice(label_length, joined.size());
    const std::string_view body = rest.text();
    const SummaryHead head = parse_summary_head(body);

    Summary summary;
    // A hull, not the first and last byte's origins: a Summary may hold a block the layout
    // stage moved back from earlier in the source.
    summary.span = joined.source_hull(0, joined.size());
    summary.authors = split_authors(body.substr(head.authors_begin, head.authors_end - head.authors_begin));
    if (head.title_end > head.title_begin) summary.title = whole_sentence(rest.slice(head.title_begin, head.title_end));
    summary.citation = head.citation;
    if (head.citation && head.citation_begin == head.title_end && head.title_end > head.title_begin)
        context.repairs.push_back(label_split_at(rest, head.title_end - 1, head.title_end + 1, "title | journal"));
    if (head.citation && head.abstract_begin == head.citation_end && head.abstract_begin < body.size())
        context.repairs.push_back(label_split_at(rest, head.citation_end - 1, head.citation_end + 1, "pages | abstract"));
    add_field_sentences(context, rest.slice(head.abstract_begin, std::max(head.abstract_begin, head.abstract_end)).trimmed(),
                        context.english, summary.sentences, summary.parts);
    return summary;
}

// Whether a Summary's lines are complete: their last line is a citation of its own, after the
// English abstract (`… in the table.` | `Ugeskr Læger 2004;166: 432-6`). English text the
// extraction put after it belongs elsewhere. Read from the lines as printed (no joining, so
// no repairs), and only where an interrupted Summary meets English text again.
bool summary_closed(const Block& block) {
    if (block.size() < 2) return false;
    const std::string_view last = trim(line_text(*block.back()));
    const SummaryHead tail = parse_summary_head(last);
    if (!tail.citation || tail.authors_end != tail.authors_begin || tail.citation_begin != 0) return false;
    std::size_t after = tail.citation_end;
    while (after < last.size() && (last[after] == ' ' || last[after] == '.')) ++after;
    if (after != last.size()) return false;
    std::string text;
    for (std::size_t k = 0; k + 1 < block.size(); ++k) {
        if (!text.empty()) text += ' ';
        text += trim(line_text(*block[k]));
    }
    const std::string_view body = std::string_view(text).substr(std::min(summary_label_length(text), text.size()));
    const SummaryHead head = parse_summary_head(body);
    return !head.citation && head.abstract_end > head.abstract_begin;
}

// Whether the block `next` carries on an address that ends with `last`: after a comma or a
// broken word, in lower case, or with the e-mail address, also where its label ("E-mail:")
// stands on a line of its own above it (an extraction that parts a justified line's words).
bool continues_address(const SourceLine& last, const Block& next) {
    const std::string_view before = line_text(last);
    const std::string_view after = line_text(*next.front());
    const char32_t end = last_code_point(before);
    const bool address_below_label =
        last_code_point(after) == ':' && next.size() > 1 && line_text(*next[1]).find('@') != std::string_view::npos;
    return end == ',' || end == '-' || last.ends_in_soft_hyphen || is_lower(first_code_point(after)) ||
           after.find('@') != std::string_view::npos || address_below_label;
}

LanguageVotes block_language(const Block& block) {
    LanguageVotes votes;
    for (const SourceLine* line : block) votes.add(language_votes(line_text(*line)));
    return votes;
}

std::size_t block_start(const Block& block) { return block.front()->start; }
std::size_t block_end(const Block& block) { return block.back()->end; }

// Whether a caption was lifted from right after `line` (one of `lines`): the blank line that
// follows such a caption ends the caption's paragraph, which says nothing of where the text
// before it ends (pdftotext's default order sets a figure after the lines its column holds
// above it, a Resumé's block running on into the body among them).
bool caption_follows(const Lines& lines, const SourceLine& line) {
    // A line cut after a run-in label is a copy, not one of `lines`.
    const std::less<const SourceLine*> before;
    if (lines.empty() || before(&line, lines.data()) || !before(&line, lines.data() + lines.size())) return false;
    const auto next = static_cast<std::size_t>(&line - lines.data()) + 1;
    return next < lines.size() && lines[next].after_caption;
}

// Where no blank line ends the Resumé (none mark paragraphs, or only an indent does) and its
// last line happens to fill the column, it runs on into the body. The Summary translates it,
// which gives two kinds of evidence of where it ends:
// * the count: a plain Resumé with more than two sentences over the Summary's count ran on;
//   it is cut at the shortest line that ends a sentence and leaves it within two of the
//   Summary's count;
// * the length: a translation is about as long as its source (Danish and English text of
//   the same content differ by a few per cent; the log of the ratio has a spread of about
//   0.17 between whole Resumés and Summaries), so a Resumé over 20% longer than the Summary,
//   with a line-end sentence end before which it is within 10% of it, ran on to there. Not
//   where a blank line or an indented line follows the Resumé: that end is the source's own.
// The rest goes to the body. A structured Resumé is cut in its last part. A structure note
// says so.
void end_runaway_resume(const Context& context, std::size_t begin, std::size_t end, Article& article) {
    if (!article.summary) return;
    const std::size_t english = article.summary->sentences.size();
    const std::size_t danish = article.resume.size();
    if (english == 0 || danish < 2) return;
    std::size_t summary_length = 0;
    for (const Sentence& sentence : article.summary->sentences) summary_length += code_points(sentence.text);
    std::vector<std::size_t> prefix_length(danish + 1, 0);
    for (std::size_t k = 0; k < danish; ++k) prefix_length[k + 1] = prefix_length[k] + code_points(article.resume[k].text);
    const auto length_ratio = [&](std::size_t keep) {
        return std::log(static_cast<double>(prefix_length[keep]) / static_cast<double>(summary_length));
    };
    const bool too_many = danish > english + 2;
    const bool too_long = summary_length > 0 && length_ratio(danish) > std::log(1.2);
    if (!too_many && !too_long) return;
    // A structured Resumé's last part runs on: the cut keeps a sentence of it.
    const std::size_t least = article.resume_parts.empty() ? 1 : article.resume_parts.back().begin + 1;
    // The sentence ends at a line end, with how much of the column that line fills.
    struct LineEnd {
        std::size_t keep;  // sentences kept before the cut
        double fill;
    };
    std::vector<LineEnd> line_ends;
    // A blank line or an indented line after the Resumé marks its end in the source; not the
    // blank after a caption lifted from there (caption_follows).
    bool marked_end = false;
    for (std::size_t k = begin; k < end; ++k) {
        const SourceLine& line = context.lines[k];
        const std::string_view text = line.text.text();
        const std::string_view visible = trim(text);
        if (visible.empty()) continue;
        const std::size_t last_byte = static_cast<std::size_t>(visible.data() - text.data()) + visible.size() - 1;
        const std::size_t line_end = line.text.origin(last_byte) + 1;
        if (line_end == article.resume.back().span.end && k + 1 < end) {
            const SourceLine& next = context.lines[k + 1];
            marked_end = (trim(next.text.text()).empty() && !next.after_caption) || next.indent >= line.indent + 2;
        }
        for (std::size_t keep = least; keep < danish; ++keep)
            // A line an extraction joined at a broken word is over a column long: its part
            // after the first column's worth is what the last line held (as ends_paragraph).
            if (article.resume[keep - 1].span.end == line_end)
                line_ends.push_back(LineEnd{keep, last_part(line.width, context.width, context.join_limit) / context.width});
    }
    std::size_t best = 0;
    std::string evidence;
    if (too_many) {
        double best_fill = 0.97;  // a line as wide as the column is no paragraph's last
        // Where every line that could end it fills the column (a Resumé whose last line happens
        // to be full), the count is the only evidence left: the sentence end nearest the
        // Summary's count, of those, the shortest line.
        std::size_t full_best = 0, full_distance = 0;
        double full_fill = 0.0;
        for (const LineEnd& candidate : line_ends) {
            if (candidate.keep + 2 < english || candidate.keep > english + 2) continue;
            if (candidate.fill < best_fill) best = candidate.keep, best_fill = candidate.fill;
            const std::size_t distance = candidate.keep > english ? candidate.keep - english : english - candidate.keep;
            if (full_best == 0 || distance < full_distance || (distance == full_distance && candidate.fill < full_fill))
                full_best = candidate.keep, full_distance = distance, full_fill = candidate.fill;
        }
        evidence = "the shortest line that ends a sentence there";
        // A Summary leaves sentences out and joins others, so a Resumé a few sentences longer may
        // be whole; one over twice the Summary's length and two has run on.
        if (best == 0 && danish > 2 * english + 2) {
            best = full_best;
            evidence = "the line-end sentence end nearest that count (every such line fills the column)";
        }
    }
    if (best == 0 && too_long && !marked_end) {
        double best_distance = std::log(1.1);
        for (const LineEnd& candidate : line_ends) {
            // A full line is a weaker end than a short one: it must fit the length better.
            const double distance = std::abs(length_ratio(candidate.keep)) + (candidate.fill >= 0.97 ? 0.1 : 0.0);
            if (distance < best_distance) best = candidate.keep, best_distance = distance;
        }
        evidence = "the line-end sentence end where the Resumé is about as long as the Summary";
    }
    if (best == 0) return;
    article.resume_end_guessed = true;
    move_resume_end_to_body(article, best,
                            "no blank line or short line ends the Resumé: it is taken to end after its sentence " +
                                std::to_string(best) + " (the Summary has " + std::to_string(english) + "), at " + evidence +
                                "; the " + std::to_string(danish - best) + " sentences after it are body text");
}

// An author list as a key that ignores what extractions change: case, spaces, full stops
// and hyphens (`pdftotext` joins `Hansen-|Lund` at a line end to `HansenLund`).
std::string author_key(const std::vector<std::string>& authors) {
    std::string key;
    for (const std::string& name : authors) {
        for (const char c : name) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80 || std::isalnum(u)) key += static_cast<char>(std::tolower(u));
        }
        key += '|';
    }
    return key;
}

// The articles of a document by their author lists, so that a Summary the extraction put
// inside another article (pdftotext's default order moves blocks across a page) finds its
// own: the Summary names the authors of its article.
struct SummaryOwners {
    std::vector<std::string> keys;  // author_key of each article's header authors ("" without a header)
    std::vector<std::vector<std::string>> names;  // author_key of each author, per article
    static constexpr std::size_t reach = 3;  // articles either way

    // The correspondence address names one of its article's authors first ("Korrespondance:
    // Pernille Gregersen-Lund, Onkologisk Afdeling, ..."): the article other than `self`,
    // the nearest within `reach`, with that author, when `self` has no such author.
    std::size_t addressee_owner(std::size_t self, std::string_view correspondence) const {
        const std::string key = author_key({std::string(correspondence.substr(0, std::min(correspondence.find(','), correspondence.size())))});
        const auto has = [&](std::size_t a) { return std::find(names[a].begin(), names[a].end(), key) != names[a].end(); };
        if (names[self].empty() || has(self)) return self;
        for (std::size_t d = 1; d <= reach; ++d) {
            if (self >= d && has(self - d)) return self - d;
            if (self + d < names.size() && has(self + d)) return self + d;
        }
        return self;
    }

    // The article other than `self` whose authors the Summary names, the nearest within
    // `reach`; `self` when they are self's or nobody's.
    std::size_t owner(std::size_t self, const std::vector<std::string>& authors) const {
        const std::string key = author_key(authors);
        if (authors.empty() || key == keys[self]) return self;
        for (std::size_t d = 1; d <= reach; ++d) {
            if (self >= d && keys[self - d] == key) return self - d;
            if (self + d < keys.size() && keys[self + d] == key) return self + d;
        }
        return self;
    }
};

// A Summary found inside another article than the one whose authors it names.
struct MovedSummary {
    std::size_t owner = 0;  // the article it is taken to belong to
    Summary summary;
    Block block;            // its lines, to keep it as body text if the owner has its own
};

// The same for a correspondence address.
struct MovedAddress {
    std::size_t owner = 0;
    Sentence correspondence;
    Block block;
};

struct MovedFields {
    std::vector<MovedSummary> summaries;
    std::vector<MovedAddress> addresses;
};

// One article's fields from the blocks of lines [begin, end) after its header. A Summary that
// names another article's authors goes to `moved` (for article `self` of `owners`).
// `lead`: lines read before them, as the article's first blocks (those the extraction put
// between its title and its rubric).
void parse_fields(const Context& context, std::size_t begin, std::size_t end, Article& article, const SummaryOwners& owners,
                  std::size_t self, MovedFields& moved, std::pair<std::size_t, std::size_t> lead = {0, 0}) {
    std::vector<bool> guessed;
    std::vector<Block> blocks = blocks_of(context, lead.first, lead.second, guessed);
    for (Block& block : blocks_of(context, begin, end, guessed))
        blocks.push_back(std::move(block));
    // Copies of lines that open with a run-in label, cut after it; reserved so that the
    // blocks can point into it.
    std::vector<SourceLine> cut_lines;
    cut_lines.reserve(blocks.size());
    auto note = [&](std::string message, std::size_t start, std::size_t stop) {
        article.structure_notes.push_back(StructureNote{std::move(message), start, stop});
    };
    // Whether the article's English Summary, in the blocks after block `b`, is a structured one
    // (a line within its first blocks opens with an English part label). The answer holds for
    // every block before that Summary, so the blocks are searched once, not once per question.
    std::size_t next_summary = 0;  // the Summary block found last (blocks.size(): none after it)
    bool next_summary_structured = false;
    auto structured_summary_ahead = [&](std::size_t b) {
        if (next_summary > b) return next_summary_structured;
        constexpr std::size_t kSummaryBlocks = 3;
        next_summary = b + 1;
        while (next_summary < blocks.size() && field_of(*blocks[next_summary].front()) != Field::summary) ++next_summary;
        next_summary_structured = false;
        for (std::size_t m = next_summary; m < std::min(blocks.size(), next_summary + kSummaryBlocks) && !next_summary_structured; ++m)
            for (const SourceLine* line : blocks[m])
                if (english_part_rank(line_text(*line)) >= 0) next_summary_structured = true;
        return next_summary_structured;
    };
    enum class State { body, resume_label, resume, summary, correspondence, references } state = State::body;
    Block correspondence_block;
    auto flush_correspondence = [&] {
        if (correspondence_block.empty()) return;
        const MappedText joined = context.join(correspondence_block).trimmed();
        const std::size_t label = correspondence_label_length(joined.text());
        Sentence correspondence = whole_sentence(joined.slice(label, joined.size()));
        if (const std::size_t owner = owners.addressee_owner(self, correspondence.text); owner != self) {
            moved.addresses.push_back(MovedAddress{owner, std::move(correspondence), correspondence_block});
        } else if (!article.correspondence) {
            article.correspondence = std::move(correspondence);
        } else {
            note("a second Korrespondance line in one article: kept as body text", block_start(correspondence_block),
                 block_end(correspondence_block));
            add_body_block(context, correspondence_block, article.sections);
        }
        correspondence_block.clear();
    };
    Block references_block;  // the list's lines, a run-in label cut off
    auto flush_references = [&] {
        add_references(context, references_block, article.references);
        references_block.clear();
    };
    // A copy of a line that opens with a run-in label, cut after it (null when nothing follows).
    auto text_after_label = [&](const SourceLine& first, std::size_t text_begin) -> const SourceLine* {
        if (text_begin >= first.text.size() || trim(first.text.text().substr(text_begin)).empty()) return nullptr;
        SourceLine cut = first;
        cut.text = first.text.slice(text_begin, first.text.size());
        cut_lines.push_back(std::move(cut));
        return &cut_lines.back();
    };
    bool resume_seen = false;
    bool resume_end_guessed = false;    // no mark of the source's own ends the Resumé
    bool resume_ends_short_line = false;  // it ended at a short line (a note says so)
    const SourceLine* resume_last_line = nullptr;
    std::optional<Block> unlabelled_first_block;  // the Resumé's only block so far, with no part label
    bool resume_opened_unlabelled = false;        // a lone Resumé label, then text with no part label
    Block summary_block;
    // The ranks of the English part labels among summary_block's first `lines` lines, read as
    // the block grows (one bit per rank), so that no question reads its lines again.
    struct SummaryPartRanks {
        std::size_t lines = 0;
        unsigned ranks = 0;
    } summary_part_ranks;
    auto add_resume = [&](const Block& lines, std::size_t b) {
        // Without blank lines a plain Resumé's block can run on past the body's first heading
        // (its last line filled the column): the heading and what follows are the body's.
        // Only a heading of one line under half the column: a longer line without a sentence
        // end is as often a sentence going on to a capitalised label. A structured Resumé's
        // part labels are no headings.
        std::size_t cut = lines.size();
        std::string label;
        const bool structured = !article.resume_parts.empty() || std::any_of(lines.begin(), lines.end(), [&](const SourceLine* line) {
            return part_label_length(line_text(*line), label) > 0;
        });
        if (!context.blank_paragraphs && !structured)
            for (std::size_t j = 1; j < lines.size() && cut == lines.size(); ++j) {
                const std::string_view text = line_text(*lines[j]);
                if (ends_with_sentence_end(line_text(*lines[j - 1])) &&
                    static_cast<double>(code_points(text)) < 0.5 * context.width && heading_length(context, lines, j) == 1)
                    cut = j;
            }
        const Block resume_lines(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(cut));
        add_field_sentences(context, context.join(resume_lines), context.danish, article.resume, article.resume_parts);
        state = State::resume;
        // The end is a guess where a short line ended the block, and also where the blank
        // line after it ends a caption lifted from below it, or, in text that keeps the
        // printed lines and sets each block the extractor found apart (mutool), such a block:
        // the Resumé's block holds the body's first paragraph where no space parts them on
        // the page. Only the short line's guess gets a structure note.
        resume_ends_short_line = guessed[b];
        resume_end_guessed = guessed[b] || caption_follows(context.lines, *resume_lines.back()) ||
                             (context.printed_lines && !context.blank_paragraphs);
        resume_last_line = resume_lines.back();
        if (cut == lines.size()) return;
        // The heading bounds the Resumé; whether it ended earlier is still a guess.
        article.resume_end_guessed = true;
        note("no blank line ends the Resumé: it is taken to end before the heading at line " + std::to_string(lines[cut]->number),
             lines[cut]->start, block_end(lines));
        add_body_block(context, Block(lines.begin() + static_cast<std::ptrdiff_t>(cut), lines.end()), article.sections);
        state = State::body;
    };
    bool summary_interrupted = false;  // Danish text came after the Summary's block
    // A structured Resumé's next part among a structured Summary's parts: the extraction
    // interleaved the two abstracts' parts, and the Summary has reached the same part, with no
    // part between that the Resumé lacks (take_back_resume_parts reads such parts later, from
    // the body's sections, in order).
    auto interleaved_resume_part = [&](const Block& block, std::string& label) {
        if (article.resume_parts.empty() || summary_block.empty() || article.summary || !opens_with_part_label(block, label) ||
            !is_danish_part_label(label))
            return false;
        const int next_rank = part_label_rank(label);
        const int last_rank = part_label_rank(article.resume_parts.back().label);
        if (last_rank < 0 || next_rank <= last_rank) return false;
        for (; summary_part_ranks.lines < summary_block.size(); ++summary_part_ranks.lines)
            if (const int rank = english_part_rank(line_text(*summary_block[summary_part_ranks.lines])); rank >= 0)
                summary_part_ranks.ranks |= 1u << rank;
        // The Summary's first part after the Resumé's last is the one this label names.
        const unsigned later = summary_part_ranks.ranks >> (last_rank + 1);
        return later != 0 && std::countr_zero(later) + last_rank + 1 == next_rank;
    };
    auto add_interleaved_resume_part = [&](const Block& block, std::size_t b, const std::string& label) {
        note("the structured Resumé's part \"" + label +
                 "\" among the Summary's parts: taken as the Resumé's (the extraction interleaved the two abstracts)",
             block_start(block), block_end(block));
        add_resume(block, b);
        // English text after it goes on with the Summary.
        summary_interrupted = true;
        state = State::body;
    };
    bool resume_interrupted = false;   // body text came after a structured Resumé's part
    auto flush_summary = [&] {
        if (summary_block.empty()) return;
        Summary summary = parse_summary(context, summary_block);
        if (const std::size_t owner = owners.owner(self, summary.authors); owner != self) {
            moved.summaries.push_back(MovedSummary{owner, std::move(summary), summary_block});
        } else if (!article.summary) {
            article.summary = std::move(summary);
        } else {
            note("a second Summary in one article: the first is taken as the Summary, this one is kept as body text",
                 block_start(summary_block), block_end(summary_block));
            add_body_block(context, summary_block, article.sections);
        }
        summary_block.clear();
        summary_part_ranks = {};
        summary_interrupted = false;
    };
    // A Summary, address or reference list ends where the next of them (or an end note) begins.
    auto close_end_fields = [&] {
        flush_summary();
        flush_correspondence();
        flush_references();
    };
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const Block& block = blocks[b];
        switch (field_of(*block.front())) {
            case Field::resume: {
                if (resume_seen) {
                    note("a second Resumé in one article: the first is taken as the Resumé, this one is kept as body text",
                         block_start(block), block_end(block));
                    add_body_block(context, block, article.sections);
                    state = State::body;
                    continue;
                }
                resume_seen = true;
                const SourceLine& first = *block.front();
                Block rest;
                // A run-in label ("Resumé Mesenkymale ...").
                const SourceLine* cut = text_after_label(first, resume_label_length(first.text.text()));
                if (cut) rest.push_back(cut);
                rest.insert(rest.end(), block.begin() + 1, block.end());
                if (rest.empty()) {
                    state = State::resume_label;
                    continue;
                }
                add_resume(rest, b);
                resume_opened_unlabelled = !cut && article.resume_parts.empty();
                continue;
            }
            case Field::summary:
                // A second one is parsed as well: it may name another article's authors.
                flush_summary();  // leaves summary_block and summary_part_ranks empty
                summary_block = block;
                state = State::summary;
                continue;
            case Field::correspondence: {
                close_end_fields();
                // A second one is read as well: it may name another article's author.
                correspondence_block = block;
                state = State::correspondence;
                continue;
            }
            case Field::references: {
                close_end_fields();
                const SourceLine& first = *block.front();
                if (const SourceLine* cut = text_after_label(first, references_label_length(first.text.text())))
                    references_block.push_back(cut);
                references_block.insert(references_block.end(), block.begin() + 1, block.end());
                state = State::references;
                continue;
            }
            case Field::end_note: {
                close_end_fields();
                // The block is the labelled line and the lines its text wraps onto (the next
                // label opens a block of its own).
                const MappedText joined = context.join(block).trimmed();
                EndNote end_note;
                const std::size_t text_begin = end_note_label_length(joined.text(), end_note.label);
                end_note.text = whole_sentence(joined.slice(text_begin, joined.size()));
                article.end_notes.push_back(std::move(end_note));
                state = State::body;
                continue;
            }
            case Field::text: break;
        }
        std::string label;
        switch (state) {
            case State::resume_label:
                add_resume(block, b);
                if (article.resume_parts.empty()) unlabelled_first_block = block;
                resume_opened_unlabelled = article.resume_parts.empty();
                continue;
            case State::resume:
                // A structured Resumé opens with its first part. A block without a label
                // between the Resumé label and that part is one the extraction moved there
                // (another column's text): it is read as body text.
                if (unlabelled_first_block && article.resume_parts.empty() && opens_with_part_label(block, label) &&
                    part_label_rank(label) == 0) {
                    note("the block between the Resumé label and its first part \"" + label +
                             "\" has no label: it is taken as body text the extraction moved there",
                         block_start(*unlabelled_first_block), block_end(*unlabelled_first_block));
                    article.resume.clear();
                    add_body_block(context, *std::exchange(unlabelled_first_block, std::nullopt), article.sections);
                    add_resume(block, b);
                    continue;
                }
                unlabelled_first_block.reset();
                // A structured Resumé goes on with its next labelled part.
                if (!article.resume_parts.empty() && opens_with_part_label(block, label)) {
                    add_resume(block, b);
                    continue;
                }
                // A part label with no text yet ended a column or page: the part's text is the
                // next block, wherever the extraction set it apart, unless that is English or
                // opens with a heading (the body's, or another column's).
                if (!article.resume_parts.empty() && article.resume_parts.back().begin == article.resume_parts.back().end &&
                    !block_language(block).english_text() && heading_length(context, block, 0) == 0) {
                    note("the structured Resumé's part \"" + article.resume_parts.back().label +
                             "\" had no text before a blank line: the next block is taken as its text",
                         block_start(block), block_end(block));
                    add_resume(block, b);
                    continue;
                }
                // Where blank lines part no paragraphs, one that a page break leaves (a
                // running head or page number dropped) marks no end either.
                if (resume_end_guessed || (!context.blank_paragraphs && block.front()->after_page_break)) {
                    // An indented first line after it is the source's own mark of the end.
                    article.resume_end_guessed = block.front()->indent < resume_last_line->indent + 2;
                }
                if (resume_ends_short_line) {
                    note("no blank line ends the Resumé: it is taken to end at line " + std::to_string(resume_last_line->number) +
                             ", a short line that ends a sentence; the text after it is body text",
                         block_start(block), block_end(block));
                }
                resume_interrupted = !article.resume_parts.empty();
                state = State::body;
                break;
            case State::correspondence:
                // The address goes on: after a broken word or a comma, in lower case, or
                // with the e-mail address on a line of its own.
                if (continues_address(*correspondence_block.back(), block)) {
                    correspondence_block.insert(correspondence_block.end(), block.begin(), block.end());
                    continue;
                }
                flush_correspondence();
                state = State::body;
                break;
            case State::references:
                // The list goes on over blank lines (a page break, spacing between entries):
                // with its next entry, or with text that is no Danish running text.
                if (starts_reference_entry(line_text(*block.front())) || !block_language(block).danish_text()) {
                    references_block.insert(references_block.end(), block.begin(), block.end());
                    continue;
                }
                flush_references();
                note("Danish running text after the reference list: taken as body text", block_start(block), block_end(block));
                state = State::body;
                break;
            case State::summary:
                // Text after the Summary up to the next field continues it (a citation on a
                // line of its own, a structured Summary's next part), unless it is Danish
                // running text: the body, or another column's text the extraction put there.
                // A Summary whose own citation line closed it after the abstract is complete:
                // text after it that is not English running text (a title, a heading the
                // extraction put there) is not its, unless it opens with a structured
                // Summary's part label ("Introduction:" over a sentence too short to vote).
                if (interleaved_resume_part(block, label)) {
                    add_interleaved_resume_part(block, b, label);
                    continue;
                }
                if (const LanguageVotes votes = block_language(block); !votes.danish_text()) {
                    if (votes.english_text() || !summary_closed(summary_block) ||
                        opens_with_part_label(block, label)) {
                        summary_block.insert(summary_block.end(), block.begin(), block.end());
                        continue;
                    }
                    flush_summary();
                    state = State::body;
                    break;
                }
                note("Danish text after the English Summary: taken as body text, the Summary ends at line " +
                         std::to_string(summary_block.back()->number),
                     block_start(block), block_end(block));
                summary_interrupted = true;
                state = State::body;
                break;
            case State::body:
                // A structured Resumé's first part after body text, where the text after a lone
                // Resumé label had none: the extraction put another column's paragraphs between
                // the label and the part. A body that opens with an "Introduktion" heading after
                // a plain Resumé is told apart by the Summary ahead, whose parts are labelled.
                if (resume_opened_unlabelled && !article.resume.empty() && article.resume_parts.empty() && summary_block.empty() &&
                    !article.summary && opens_with_part_label(block, label) && is_danish_part_label(label) &&
                    part_label_rank(label) == 0 && structured_summary_ahead(b)) {
                    resume_opened_unlabelled = false;
                    move_resume_end_to_body(article, 0,
                                            "the structured Resumé's first part \"" + label +
                                                "\" comes after body text: the text after the Resumé label is taken as body "
                                                "text the extraction moved there");
                    add_resume(block, b);
                    continue;
                }
                // A structured Resumé's next part after body text: the extraction put another
                // column's blocks between its parts. Before any Summary, a Danish part label later
                // in the abstract's order than the Resumé's last part, while that is no conclusion
                // (a Resumé that has concluded is whole, and a body section "Resultater" after
                // it is the body's).
                if (resume_interrupted && summary_block.empty() && !article.summary &&
                    opens_with_part_label(block, label) && is_danish_part_label(label)) {
                    const int next_rank = part_label_rank(label);
                    const int last_rank = part_label_rank(article.resume_parts.back().label);
                    if (last_rank >= 0 && last_rank < 4 && next_rank > last_rank) {
                        note("the structured Resumé's part \"" + label +
                                 "\" after body text: taken as the Resumé's (the extraction put the text between its parts)",
                             block_start(block), block_end(block));
                        add_resume(block, b);
                        continue;
                    }
                }
                if (summary_interrupted && interleaved_resume_part(block, label)) {
                    add_interleaved_resume_part(block, b, label);
                    continue;
                }
                // English running text after Danish text that interrupted the Summary goes on
                // with the Summary: the extraction interleaved two columns' blocks. So does a
                // structured Summary's next part, over a sentence too short to vote.
                if (summary_interrupted && !summary_closed(summary_block) &&
                    (block_language(block).english_text() || (opens_with_part_label(block, label) && !is_danish_part_label(label)))) {
                    note("English text after Danish text that interrupted the Summary: taken as the Summary's continuation",
                         block_start(block), block_end(block));
                    summary_block.insert(summary_block.end(), block.begin(), block.end());
                    summary_interrupted = false;
                    state = State::summary;  // what follows it (a citation on its own line) goes on with it
                    continue;
                }
                break;
        }
        // A block that stands apart before a block that starts a sentence may be a heading.
        // Where blank lines do not mark paragraphs, a block stands apart only with a blank line
        // on both sides, and only in text whose lines are the printed ones (no lines joined):
        // a layout-reading extractor (mutool) sets blank lines around the text blocks it
        // finds, a heading among them. pdftotext's default mode, which joins lines, also sets
        // blank lines around blocks its reading order moved, fragments as often as headings.
        const bool blank_marks_blocks = context.blank_paragraphs ||
                                        (context.printed_lines && blank_before(context.lines, *block.front()));
        const bool apart = blank_marks_blocks && b + 1 < blocks.size() && !guessed[b] && [&] {
            const SourceLine& next = *blocks[b + 1].front();
            const char32_t first = first_code_point(line_text(next));
            return field_of(next) == Field::text && (is_upper(first) || is_digit(first));
        }();
        add_body_block(context, block, article.sections, apart);
    }
    flush_summary();
    flush_correspondence();
    flush_references();
    end_runaway_resume(context, begin, end, article);
}

// An article header: title lines, then a line with the kind label and the authors.
struct Header {
    std::size_t title_begin = 0;  // first title line (== anchor when there is no title)
    std::size_t title_end = 0;    // after the last title line (== anchor unless blocks stand between)
    std::size_t subtitle_begin = 0;  // a subtitle parted from its title: its lines [subtitle_begin,
    std::size_t subtitle_end = 0;    // subtitle_end) on the rubric, the blocks between read before it
    std::size_t lead_end = 0;     // the lines [title_end, lead_end) are read as the article's first blocks
    // A title stacked with others at the document's start, away from this (title-less) rubric.
    std::optional<std::pair<std::size_t, std::size_t>> stacked_title;
    std::size_t stacked = 0;      // on the first rubric: how many titles of later ones stood above its own
    std::size_t anchor = 0;       // the line with the kind label
    std::size_t fields_begin = 0; // first line after the author list
    std::string kind;
    std::size_t rest_begin = 0;   // byte offset of the authors in the anchor line's text

    // The title the extraction parted from its subtitle: the lines `title`, the subtitle's
    // [subtitle_from, subtitle_to), and the blocks between read as the article's first.
    void part_title(std::pair<std::size_t, std::size_t> title, std::size_t subtitle_from, std::size_t subtitle_to) {
        title_begin = title.first;
        title_end = title.second;
        subtitle_begin = subtitle_from;
        subtitle_end = subtitle_to;
        lead_end = subtitle_from;
    }
};

// Whether every word of `text` is capitalised (or a name particle, an initial or '&'):
// the rest of a name list wrapped after a name ("Hans Erik" | "Johnsen & Ole Olsen").
bool all_capitalised(std::string_view text) {
    static constexpr std::array<std::string_view, 8> particles = {"og", "and", "van", "von", "de", "af", "la", "le"};
    bool any = false;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(text, i, n);
        if (!is_letter(c)) {
            i += n;
            continue;
        }
        const std::string_view word = leading_word(text.substr(i));
        const std::size_t length = std::max<std::size_t>(word.size(), n);
        if (!is_upper(c) && std::find(particles.begin(), particles.end(), word) == particles.end()) return false;
        any = true;
        i += length;
    }
    // A full stop ends a sentence, unless it follows an initial ("Pernille B.").
    return any && (!ends_with_sentence_end(text) || code_points(last_word(text)) == 1);
}

// Whether a line, whatever its first letter's case, can be part of a title: it is no field
// and holds no finished sentence, and none of an address's commas and digits
// (`Kirurgisk afdeling, Rigshospi-` | `talet, DK-2100 …` is the correspondence above a title).
bool title_line_text(const SourceLine& line) {
    const std::string_view t = line_text(line);
    return !line.blank() && field_of(line) == Field::text && t.find_first_of(",@;0123456789") == std::string_view::npos &&
           t.find(". ") == std::string_view::npos;
}

// Whether a line ending in a broken word can be a title's line: title_line_text, opening
// with a capital.
bool can_be_title_line(const SourceLine& line) { return title_line_text(line) && is_upper(first_code_point(line_text(line))); }

// Whether `text` opens with a dash and a space ("– nøglen til …"), as a subtitle that goes on
// from its title does; a list item or a sentence does not open so in a title's place.
bool opens_with_dash(std::string_view text) {
    std::size_t n = 0;
    const char32_t first = code_point_at(text, 0, n);
    return (first == 0x2013 || first == 0x2014) && n < text.size() && text[n] == ' ';
}

// Whether the lines [begin, end) are all blank (also where there are none).
bool all_blank(const Lines& lines, std::size_t begin, std::size_t end) {
    return std::all_of(lines.begin() + static_cast<std::ptrdiff_t>(begin), lines.begin() + static_cast<std::ptrdiff_t>(end),
                       [](const SourceLine& line) { return line.blank(); });
}

// The lines [begin, end) of the block of text that ends just before `end` (blank lines
// before it skipped), not reaching above `lower_bound`; begin == end when there is none.
std::pair<std::size_t, std::size_t> block_above(const Lines& lines, std::size_t lower_bound, std::size_t end) {
    while (end > lower_bound && lines[end - 1].blank()) --end;
    std::size_t begin = end;
    while (begin > lower_bound && !lines[begin - 1].blank()) --begin;
    return {begin, end};
}

// Whether the lines [begin, end) are a block that reads as a title: one or two lines after a
// blank line (or `lower_bound`), capitalised (a second line may carry the first on in lower
// case: "Flyt rektangulære og elliptiske" | "markeringer"), no field, no finished sentence,
// no address.
bool title_like_block(const Lines& lines, std::size_t lower_bound, std::size_t begin, std::size_t end) {
    if (begin == end || end - begin > 2 || (begin > lower_bound && !lines[begin - 1].blank())) return false;
    for (std::size_t k = begin; k < end; ++k) {
        const std::string_view t = line_text(lines[k]);
        const char32_t first = first_code_point(t);
        const bool cased = is_upper(first) || (k > begin && is_lower(first));  // a second line may carry the first on
        if (!cased || !title_line_text(lines[k]) || ends_with_sentence_end(t) || !word_before_final_hyphen(t).empty()) return false;
        const char32_t last = last_code_point(t);
        if (last == ':' || last == 0x2013 || last == 0x2014) return false;
    }
    return true;
}

// Whether the lines [begin, end) read as a title that a blank line parts from its subtitle
// in an extraction that keeps the printed lines: one to three lines after a blank line (or
// `lower_bound`), the first capitalised, the others carrying it on in either case, no field,
// no sentence end, no address, citation or running head, no word broken at its end. A title
// may hold a number ("Debian Edu 12"), so digits are allowed here.
bool stacked_title_block(const Lines& lines, std::size_t lower_bound, std::size_t begin, std::size_t end) {
    if (begin == end || end - begin > 3 || (begin > lower_bound && !lines[begin - 1].blank())) return false;
    for (std::size_t k = begin; k < end; ++k) {
        const std::string_view t = line_text(lines[k]);
        if (field_of(lines[k]) != Field::text || ends_with_sentence_end(t) || t.find(". ") != std::string_view::npos ||
            t.find_first_of("@;/") != std::string_view::npos || t.find("·") != std::string_view::npos || !has_lowercase(t))
            return false;
        if (k == begin ? !is_upper(first_code_point(t)) : !is_word_char(first_code_point(t))) return false;
        const char32_t last = last_code_point(t);
        if (last == ':' || last == ',' || last == 0x2013 || last == 0x2014) return false;
    }
    return word_before_final_hyphen(line_text(lines[end - 1])).empty();
}

// `pdftotext`'s default reading order can put a block or two of the page (a sentence's
// broken-off end, a Summary, a heading's text) between an article's title and its rubric,
// so that nothing title-like stands above the rubric. Then the title is the nearest block
// above those (at most two blocks of at most four lines each) that reads as one: one or
// two lines after a blank line, capitalised, no field, no finished sentence, no address.
// Returns its lines, or nothing.
// `longest`: the most lines a block passed over may have; above a subtitle (longest over 4)
// the nearest block may be the title too.
std::optional<std::pair<std::size_t, std::size_t>> title_apart(const Lines& lines, std::size_t lower_bound, std::size_t anchor,
                                                               std::size_t longest = 4) {
    const auto title_like = [&](std::size_t begin, std::size_t end) { return title_like_block(lines, lower_bound, begin, end); };
    std::size_t end = anchor;
    if (longest > 4) {
        // A subtitle's title may also stand right above it, set apart by the extraction.
        const auto title = block_above(lines, lower_bound, end);
        if (title_like(title.first, title.second)) return title;
    }
    for (std::size_t skipped = 0; skipped < 2; ++skipped) {
        const auto [begin, stop] = block_above(lines, lower_bound, end);
        if (begin == stop || stop - begin > longest) return std::nullopt;
        const auto title = block_above(lines, lower_bound, begin);
        if (title_like(title.first, title.second)) return title;
        end = begin;
    }
    return std::nullopt;
}

// A figure the typesetter floated to the top of a page or column can fall between an
// article's title, left at the foot of the column before, and its subtitle on the rubric;
// the caption is lifted out, and the blank lines around it part the two. Where blank lines
// with a lifted caption among them (or the caption right above `subtitle`) stand between a
// one-line block that reads as a title and the one line on the rubric, that block is the
// title. Without the caption such a block is as often a heading the extraction moved
// ("Sideskift" above a rubric's title), so the blank lines alone say nothing.
std::optional<std::pair<std::size_t, std::size_t>> title_above_lifted_caption(const Lines& lines, std::size_t lower_bound,
                                                                               std::size_t subtitle) {
    bool lifted = lines[subtitle].after_caption;
    std::size_t end = subtitle;
    while (end > lower_bound && lines[end - 1].blank()) {
        lifted = lifted || lines[end - 1].after_caption;
        --end;
    }
    if (!lifted || end == subtitle) return std::nullopt;
    const auto [begin, stop] = block_above(lines, lower_bound, end);
    if (stop - begin != 1 || !title_like_block(lines, lower_bound, begin, stop)) return std::nullopt;
    return std::pair{begin, stop};
}

// Whether the block of text above `begin` holds a correspondence field: the last field of
// the article before, which ends there.
bool after_correspondence(const Lines& lines, std::size_t lower_bound, std::size_t begin) {
    const auto [above, end] = block_above(lines, lower_bound, begin);
    for (std::size_t k = above; k < end; ++k)
        if (field_of(lines[k]) == Field::correspondence) return true;
    return false;
}

void give_stacked_titles(const Lines& lines, std::vector<Header>& headers);
bool title_line_runs_on(std::string_view line);

// `printed_lines`: the text keeps the printed lines in their order (keeps_printed_lines); an
// extraction that joins lines (pdftotext's default mode) reorders blocks too.
std::vector<Header> find_headers(const Lines& lines, bool printed_lines) {
    std::vector<Header> headers;
    std::vector<std::pair<std::size_t, std::size_t>> parted;  // a header given the title block above its one line, and that line
    std::size_t lower_bound = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view raw = lines[i].text.text();
        const std::string_view text = trim(raw);
        const auto label = split_kind_label(text);
        if (!label) continue;
        if (field_of(lines[i]) != Field::text) continue;  // "RESUMÉ", "SUMMARY" are no rubric
        std::string part;
        if (part_label_length(text, part) > 0) continue;  // nor is "KONKLUSION"
        Header header;
        header.anchor = i;
        header.kind = label->label;
        header.rest_begin = static_cast<std::size_t>(text.data() - raw.data()) + label->rest_begin;
        // The authors: on the label line, or on the next line when the label stands alone.
        std::size_t last_author_line = i;
        if (label->rest_begin >= text.size()) {
            std::size_t j = i + 1;
            while (j < lines.size() && lines[j].blank()) ++j;
            if (j == lines.size() || !looks_like_names(line_text(lines[j]))) continue;
            last_author_line = j;
        }
        // The author list may wrap (after a comma or inside a name) onto lines that read as
        // names, up to the blank line or the next field.
        for (std::size_t extra = 0; extra < 3 && last_author_line + 1 < lines.size(); ++extra) {
            const SourceLine& current = lines[last_author_line];
            const std::string_view current_text = last_author_line == i ? text.substr(label->rest_begin) : line_text(current);
            // No name ends in an initial ("Signe E." | "Kjær"): the list goes on past a blank
            // line an extraction put inside it (-layout, where the column beside it sets its
            // lines between this column's).
            const std::string_view last = last_word(current_text);
            const bool ends_in_initial =
                code_points(last) == 1 && is_upper(first_code_point(last)) && trim(current_text).ends_with('.');
            std::size_t next_line = last_author_line + 1;
            if (ends_in_initial && lines[next_line].blank() && next_line + 1 < lines.size()) ++next_line;
            const SourceLine& next = lines[next_line];
            if (next.blank() || field_of(next) != Field::text || !looks_like_names(line_text(next))) break;
            // A list wraps after a separator or inside a name; a list that ends at its
            // line end is followed by text, which can read like names too.
            const char32_t end = last_code_point(current_text);
            if (end != ',' && end != '&' && end != '-' && !current.ends_in_soft_hyphen && last != "og" && last != "and" &&
                !ends_in_initial && first_code_point(line_text(next)) != '&' && !all_capitalised(line_text(next)))
                break;
            last_author_line = next_line;
        }
        header.fields_begin = last_author_line + 1;
        // Title lines: up to three lines just above the label, after a blank line, a
        // Summary or Korrespondance line or a finished paragraph.
        std::size_t title_end = i;
        while (title_end > lower_bound && lines[title_end - 1].blank()) --title_end;
        std::size_t title_begin = title_end;
        // Three lines at most, or four where a title and a subtitle both wrapped: two pairs of
        // a capitalised line and a line carrying it on in lower case ("Automatisk oprydning af" |
        // "tilbageværende processer" | "Automatisk nedlukning af maskiner om" | "natten").
        const auto two_wrapped_lines = [&](std::size_t k) {
            return title_end - k == 3 && k > lower_bound && is_upper(first_code_point(line_text(lines[k - 1]))) &&
                   is_lower(first_code_point(line_text(lines[k]))) && is_upper(first_code_point(line_text(lines[k + 1]))) &&
                   is_lower(first_code_point(line_text(lines[k + 2])));
        };
        while (title_begin > lower_bound && (title_end - title_begin < 3 || two_wrapped_lines(title_begin))) {
            const SourceLine& above = lines[title_begin - 1];
            const std::string_view t = line_text(above);
            // A line ending in a broken word belongs to the text above the title, unless the
            // title line below it carries the word on in lower case ("Dokumentsammenlignings-" |
            // "indstillinger").
            const bool broken = !word_before_final_hyphen(t).empty();
            const bool title_continues =
                title_begin < title_end && is_lower(first_code_point(line_text(lines[title_begin])));
            // Nor is an e-mail address or a citation ("Ugeskr Læger 2003;165: 4852-4855")
            // closing the Summary above.
            const std::size_t semicolon = t.find(';');
            const bool citation = semicolon != std::string_view::npos && semicolon >= 4 && is_digit(static_cast<unsigned char>(t[semicolon - 1]));
            if (above.blank() || field_of(above) != Field::text || last_code_point(t) == '.' || (broken && !title_continues) ||
                t.find('@') != std::string_view::npos || citation)
                break;
            // A line that carries on a broken word above it in lower case ends the field
            // before (an address): it is no title. Unless the broken line can open or carry a
            // title itself (a subtitle wrapped at a real hyphen: "Ændre … / Netgroup-" |
            // "håndtering"), with room for both in the three title lines.
            if (title_begin - 1 > lower_bound && is_lower(first_code_point(t))) {
                const SourceLine& before = lines[title_begin - 2];
                if (before.ends_in_soft_hyphen || !word_before_final_hyphen(line_text(before)).empty()) {
                    if (title_end - (title_begin - 2) > 3 || !can_be_title_line(before)) break;
                }
            }
            --title_begin;
        }
        // A title starts with a capital; a line in lower case only continues the title line above it.
        while (title_begin < title_end && (lines[title_begin].blank() || is_lower(first_code_point(line_text(lines[title_begin])))))
            ++title_begin;
        // The document's first title, parted from its subtitle by a blank row (-layout gives
        // a larger type's line a row of space): a block of one or two title-like lines with
        // nothing but blank lines above it is the title's start, where the subtitle stands
        // right on the rubric. Where a blank line parts the subtitle from the rubric too, the
        // blank lines tell nothing (an extraction that sets every block apart, and can stack
        // two articles' titles at the document's start).
        if (headers.empty() && title_end - title_begin == 1 && title_end == i) {
            const auto [begin, end] = block_above(lines, lower_bound, title_begin);
            bool first_text = begin < end && end - begin <= 2 && all_blank(lines, lower_bound, begin);
            for (std::size_t k = begin; first_text && k < end; ++k) {
                const std::string_view t = line_text(lines[k]);
                first_text = can_be_title_line(lines[k]) && !ends_with_sentence_end(t) && word_before_final_hyphen(t).empty() &&
                             last_code_point(t) != ':';
            }
            if (first_text) title_begin = begin;
        }
        header.title_begin = title_begin == title_end ? i : title_begin;
        header.title_end = i;
        header.lead_end = i;
        if (title_begin == title_end) {
            if (const auto apart = title_apart(lines, lower_bound, title_end)) {
                header.title_begin = apart->first;
                header.title_end = apart->second;
            }
        } else if (title_end - title_begin == 1 && opens_with_dash(line_text(lines[title_begin]))) {
            // A line that opens with a dash goes on from a title ("– nøglen til regenerativ
            // medicin?"): alone above the rubric it is a subtitle the extraction parted from
            // its title. That evidence lets the title stand further off than title_apart's
            // four-line blocks, past up to two blocks of the page of any length.
            if (const auto apart = title_apart(lines, lower_bound, title_begin, lines.size()))
                header.part_title(*apart, title_begin, title_end);
        } else if (const auto floated = title_end - title_begin == 1 && title_end == i
                                            ? title_above_lifted_caption(lines, lower_bound, title_begin)
                                            : std::nullopt) {
            header.part_title(*floated, title_begin, title_end);
        } else if (title_end - title_begin == 1 && title_end == i) {
            // A title set in larger type than its subtitle: pdftotext's default mode parts the
            // two by a blank line, so that one line stands right on the rubric under a
            // wrapped title ("Hvor finder jeg yderligere" | "information", blank,
            // "Installationsscenarier for hovedserveren", rubric). The block is the title, the
            // line its subtitle (fill_header reads them so, the block's last line not running on).
            // The block is two lines, the second carrying the first on as fill_header reads a
            // title (a title the column wrapped). A block of one line is as often a section
            // heading of the article before that the default order moved down to the next
            // header (`Sideskift`, blank, `Detaljer`, rubric); a block of a title and a
            // subtitle is another article's header the extraction moved.
            const auto [begin, end] = block_above(lines, lower_bound, title_begin);
            bool title = end < title_begin && end - begin == 2 && (begin == lower_bound || lines[begin - 1].blank());
            for (std::size_t k = begin; title && k < end; ++k) {
                const std::string_view t = line_text(lines[k]);
                const bool carried = k > begin && (is_lower(first_code_point(t)) || continues_previous_line(t) ||
                                                   title_line_runs_on(line_text(lines[k - 1])));
                const bool broken = !word_before_final_hyphen(t).empty();
                const char32_t last = last_code_point(t);
                title = title_line_text(lines[k]) && (k == begin ? is_upper(first_code_point(t)) : carried) &&
                        !ends_with_sentence_end(t) && (!broken || (k + 1 < end && is_lower(first_code_point(line_text(lines[k + 1]))))) &&
                        last != ':' && last != 0x2013 && last != 0x2014;
            }
            if (title && !title_line_runs_on(line_text(lines[end - 1]))) {
                parted.emplace_back(headers.size(), header.title_begin);
                header.title_begin = begin;
            } else if (const auto apart = title_apart(lines, lower_bound, title_begin)) {
                // The default order can also set a paragraph of the page between the two. Where
                // the block that reads as a title opens the text or follows the article before
                // it to its end (its correspondence), and what parts it from the line on the
                // rubric is running text (no field: another article's correspondence parts two
                // headers), it is the title.
                const bool opens_text = headers.empty() && all_blank(lines, lower_bound, apart->first);
                bool text_between = true;
                for (std::size_t k = apart->second; text_between && k < title_begin; ++k)
                    text_between = field_of(lines[k]) == Field::text;
                if (text_between && (opens_text || after_correspondence(lines, lower_bound, apart->first)))
                    header.part_title(*apart, title_begin, title_end);
            }
        } else if (title_begin < title_end && title_end < i && title_end - title_begin <= 2 && printed_lines) {
            // An extraction that keeps the printed lines in their order and sets each block of
            // text apart (mutool) parts a title from its subtitle as it parts the subtitle from
            // the rubric: two title-like blocks stacked right above the rubric are the title
            // and its subtitle. Body text does not end in a block that reads as a title.
            const auto above = block_above(lines, lower_bound, title_begin);
            if (stacked_title_block(lines, lower_bound, above.first, above.second))
                header.part_title(above, title_begin, title_end);
        }
        headers.push_back(header);
        lower_bound = header.fields_begin;
        i = header.fields_begin - 1;
    }
    // The default order also moves a title down onto the rubric before its own: where the
    // next rubric has no title above it, the block may be that rubric's, and the line on
    // the rubric is taken alone, as before.
    for (const auto& [h, own] : parted)
        if (h + 1 < headers.size() && headers[h + 1].title_begin == headers[h + 1].title_end) headers[h].title_begin = own;
    give_stacked_titles(lines, headers);
    return headers;
}

// Whether a title line ends in a word no title ends with, so that the title was wrapped
// ("Eksportér billede som" | "HEIF/HEIC"): an article, a conjunction, a relative pronoun
// or "at", and the prepositions that take an object and are seldom a verb's particle ("om"
// as in "Yderligere information om", "of", "with", "from", "about"). Other prepositions and
// particles are left out, since a label ends in one ("Grupperet efter", "Sort by", "Go to",
// "Slå af"); so is a word in quotes or brackets (a name: kommandoen “Om”).
// A line ending in a slash, "&" or "+" pairs its last word with the next line's first
// ("Ændre eksisterende maskiner /" | "Netgroup-håndtering"); one ending in a colon or in
// "how to" has the rest to come ("Rullelisteguide:" | "Tabeludvalg", "How to" | "Contribute").
bool title_line_runs_on(std::string_view line) {
    if (line.empty()) return false;
    if (const char32_t end = last_code_point(line); end == '/' || end == '&' || end == '+' || end == ':') return true;
    if (!is_word_char(last_code_point(line))) return false;
    if (const std::string lower = to_lower(line); lower == "how to" || lower.ends_with(" how to")) return true;
    static constexpr std::array<std::string_view, 16> endless = {
        "og", "eller", "samt", "som", "at", "en", "et", "den", "det", "de", "the", "a", "an", "and", "or", "of"};
    // In lower case only: "Om" is also the name of a dialog (About).
    static constexpr std::array<std::string_view, 4> prepositions = {"om", "with", "from", "about"};
    const std::string_view written = last_word(line);
    const std::string word = to_lower(written);
    return std::find(endless.begin(), endless.end(), word) != endless.end() ||
           (word == written && std::find(prepositions.begin(), prepositions.end(), word) != prepositions.end());
}

// `pdftotext`'s default order can print the titles of a page's articles one after another
// at the document's start, before the first rubric, so that later rubrics have none. Where
// the first rubric's title has only title-like blocks above it (each one or two lines set
// apart, nothing else up to the document's start), and as many rubrics after it have no
// title, the topmost block is the first rubric's title and the others, its own included,
// go to those rubrics in order. Titles set side by side with their subtitles under them are
// read row by row: with twice as many blocks as those articles, the upper half holds the
// titles in order and the lower half their subtitles (a subtitle may open with a dash).
void give_stacked_titles(const Lines& lines, std::vector<Header>& headers) {
    if (headers.empty()) return;
    Header& first = headers.front();
    if (first.title_begin >= first.title_end || first.title_end != first.anchor || first.subtitle_begin < first.subtitle_end) return;
    const auto dash_block = [&](std::pair<std::size_t, std::size_t> block) {
        return block.second - block.first == 1 && opens_with_dash(line_text(lines[block.first]));
    };
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first.title_begin, first.title_end}};
    for (;;) {
        const auto [begin, end] = block_above(lines, 0, stack.back().first);
        if (begin == end) break;  // nothing but blank lines up to the document's start
        if (end - begin > 2 || stack.size() > 3) return;
        // A block that opens with a dash may be a subtitle; below, it is refused as a title.
        const bool dashed = dash_block({begin, end});
        for (std::size_t k = begin; !dashed && k < end; ++k) {
            const std::string_view t = line_text(lines[k]);
            // A colon ends no title, but a title wraps after one ("Rullelisteguide:" | "Tabeludvalg").
            if (!can_be_title_line(lines[k]) || ends_with_sentence_end(t) || !word_before_final_hyphen(t).empty() ||
                (last_code_point(t) == ':' && k + 1 == end))
                return;
        }
        stack.emplace_back(begin, end);
    }
    std::reverse(stack.begin(), stack.end());  // top to bottom
    std::size_t titleless = 0;  // rubrics right after the first that have no title
    while (titleless + 1 < headers.size() && headers[titleless + 1].title_begin == headers[titleless + 1].title_end &&
           !headers[titleless + 1].stacked_title)
        ++titleless;
    const bool with_subtitles = titleless > 0 && stack.size() == 2 * (titleless + 1);
    const std::size_t articles = with_subtitles ? titleless + 1 : stack.size();
    if (articles < 2 || articles - 1 > titleless) return;
    for (std::size_t b = 0; b < articles; ++b)
        if (dash_block(stack[b])) return;
    first.title_begin = stack[0].first;
    first.title_end = stack[0].second;
    first.lead_end = first.title_end;  // the stacked titles are no text of the first article
    first.stacked = articles - 1;
    for (std::size_t h = 0; h < articles; ++h) {
        if (h > 0) headers[h].stacked_title = stack[h];
        if (with_subtitles) std::tie(headers[h].subtitle_begin, headers[h].subtitle_end) = stack[articles + h];
    }
}

// Whether `line` is a name in quotes and nothing else (“Marker”, "Om"): what a title
// wrapped before ("Introduktion til menuen" | “Marker”); no subtitle is a bare name.
bool is_quoted_name(std::string_view line) {
    if (line.empty() || !is_opening_quote(first_code_point(line))) return false;
    const char32_t last = last_code_point(line);
    const bool closed = last == '"' || last == '\'' || last == 0x201D || last == 0x2019 || last == 0xBB || last == 0xAB;
    return closed && std::count(line.begin(), line.end(), ' ') < 3;
}

void fill_header(const Context& context, const Header& header, Article& article) {
    const Lines& lines = context.lines;
    article.kind = header.kind;
    // Title: the first title line and any line continuing it in lower case, with a bracket
    // or punctuation (continues_previous_line: "Sådan sættes shutdown-at-night" |
    // "(nedlukning om natten) op"), a quoted name alone (is_quoted_name), or after a line no
    // title ends with (title_line_runs_on); subtitle: the rest.
    const auto [title_begin, title_end] = header.stacked_title.value_or(std::pair{header.title_begin, header.title_end});
    if (title_begin < title_end) {
        Block title, subtitle;
        for (std::size_t i = title_begin; i < title_end; ++i) {
            if (lines[i].blank()) continue;
            const bool continues =
                title.empty() || (subtitle.empty() && (is_lower(first_code_point(line_text(lines[i]))) ||
                                                        continues_previous_line(line_text(lines[i])) ||
                                                        is_quoted_name(line_text(lines[i])) ||
                                                        title_line_runs_on(line_text(*title.back()))));
            (continues ? title : subtitle).push_back(&lines[i]);
        }
        for (std::size_t i = header.subtitle_begin; i < header.subtitle_end; ++i) subtitle.push_back(&lines[i]);
        article.title = whole_sentence(context.join(title));
        if (!subtitle.empty()) article.subtitle = whole_sentence(context.join(subtitle));
    }
    // Authors: the rest of the label line and the lines the list wraps onto, joined as
    // running text (a name may be hyphenated at the line end).
    const SourceLine& anchor = lines[header.anchor];
    SourceLine rest = anchor;
    rest.text = anchor.text.slice(header.rest_begin, anchor.text.size());
    Block author_lines{&rest};
    for (std::size_t i = header.anchor + 1; i < header.fields_begin; ++i)
        if (!lines[i].blank()) author_lines.push_back(&lines[i]);
    const std::string authors = context.join(author_lines).text();
    if (header.rest_begin > 0 && header.rest_begin < anchor.text.size() && anchor.text.text()[header.rest_begin - 1] != ' ')
        context.repairs.push_back(label_split_at(anchor.text, header.rest_begin - 1, header.rest_begin + 1,
                                                 header.kind + " | " + std::string(leading_word(authors))));
    article.authors = split_authors(authors);
}

// A Summary or correspondence address found inside another article goes to the article whose
// authors it names, when that one has none of its own; otherwise it stays where it was found
// (as the field, if that article has none, else as body text). Both articles get a
// structure note.
// "article 6 (Datatabel)": counted from 1 in the source, with its title when it has one.
std::string article_name(const std::vector<Article>& articles, std::size_t index) {
    std::string name = "article " + std::to_string(index + 1);
    if (articles[index].title) name += " (" + articles[index].title->text + ")";
    return name;
}

template <typename ContextOf>
void place_moved_fields(std::vector<MovedFields>& moved, std::vector<Article>& articles, const ContextOf& context_of) {
    for (std::size_t a = 0; a < moved.size(); ++a) {
        for (MovedSummary& m : moved[a].summaries) {
            Article& owner = articles[m.owner];
            const SourceSpan span = m.summary.span;
            if (!owner.summary) {
                articles[a].structure_notes.push_back(StructureNote{
                    "a Summary inside this article names the authors of " + article_name(articles, m.owner) +
                        ": taken as that article's Summary (the extraction moved it)",
                    span});
                owner.structure_notes.push_back(StructureNote{
                    "this article's Summary stands inside " + article_name(articles, a) +
                        " (the extraction moved it): taken as this article's, whose authors it names",
                    span});
                owner.summary = std::move(m.summary);
            } else if (!articles[a].summary) {
                articles[a].structure_notes.push_back(StructureNote{
                    "the Summary names the authors of " + article_name(articles, m.owner) +
                        ", which has one already: taken as this article's",
                    span});
                articles[a].summary = std::move(m.summary);
            } else {
                articles[a].structure_notes.push_back(StructureNote{
                    "a Summary inside this article names the authors of " + article_name(articles, m.owner) +
                        ", which has one already: kept as body text",
                    span});
                add_body_block(context_of(a), m.block, articles[a].sections);
            }
        }
        for (MovedAddress& m : moved[a].addresses) {
            Article& owner = articles[m.owner];
            const SourceSpan span = m.correspondence.span;
            if (!owner.correspondence) {
                articles[a].structure_notes.push_back(StructureNote{
                    "the correspondence address inside this article names an author of " + article_name(articles, m.owner) +
                        ": taken as that article's (the extraction moved it)",
                    span});
                owner.structure_notes.push_back(StructureNote{
                    "this article's correspondence address stands inside " + article_name(articles, a) +
                        " (the extraction moved it): taken as this article's, whose author it names",
                    span});
                owner.correspondence = std::move(m.correspondence);
            } else if (!articles[a].correspondence) {
                articles[a].structure_notes.push_back(StructureNote{
                    "the correspondence address names an author of " + article_name(articles, m.owner) +
                        ", which has one already: taken as this article's",
                    span});
                articles[a].correspondence = std::move(m.correspondence);
            } else {
                articles[a].structure_notes.push_back(StructureNote{
                    "a second Korrespondance line in one article, naming an author of " + article_name(articles, m.owner) +
                        ", which has one already: kept as body text",
                    span});
                add_body_block(context_of(a), m.block, articles[a].sections);
            }
        }
    }
}

// The non-blank line that holds source byte `offset`, or null. Only asked for the few
// sentences of a moved run: a linear search.
const SourceLine* line_holding(const Lines& lines, std::size_t offset) {
    for (const SourceLine& line : lines)
        if (!line.blank() && line.start <= offset && offset < line.end) return &line;
    return nullptr;
}

// Whether source byte `offset` opens a line that comes after a blank line.
bool opens_paragraph_after_blank(const Lines& lines, std::size_t offset) {
    const SourceLine* line = line_holding(lines, offset);
    if (!line) return false;
    const std::string_view text = line->text.text();
    return line->text.origin(text.find_first_not_of(" \t")) == offset && blank_before(lines, *line);
}

// Whether source byte `end` - 1 ends a line whose last printed part is short (under nine
// tenths of the column): a paragraph's last line.
bool ends_short_line(const Lines& lines, std::size_t end, double width, double join_limit) {
    const SourceLine* line = end > 0 ? line_holding(lines, end - 1) : nullptr;
    if (!line) return false;
    const std::string_view text = line->text.text();
    return line->text.origin(text.find_last_not_of(" \t")) + 1 == end && last_part(line->width, width, join_limit) < 0.9 * width;
}

// The rank of a section's heading that is a Danish part label and nothing else ("Resultater",
// "Materiale og metoder:"), with `label` set to it; -1 for any other section.
int part_rank_of_heading(const Section& section, std::string& label) {
    if (!section.heading) return -1;
    const std::string_view heading = section.heading->text;
    if (part_label_length(heading, label) != heading.size() || !is_danish_part_label(label)) return -1;
    return part_label_rank(label);
}

// The first of the last run of `sections` headed by exactly the Danish part labels of ranks
// `missing`, in that order; none without such a run.
std::optional<std::size_t> part_run(const std::vector<Section>& sections, const std::vector<int>& missing) {
    std::optional<std::size_t> run;
    std::string label;
    for (std::size_t s = 0; s + missing.size() <= sections.size(); ++s) {
        bool matches = true;
        for (std::size_t k = 0; k < missing.size() && matches; ++k) matches = part_rank_of_heading(sections[s + k], label) == missing[k];
        if (matches) run = s;
    }
    return run;
}

// pdftotext's default reading order can part a structured Resumé's later parts from its
// label: they read as sections headed "Materiale og metoder", "Resultater", "Konklusion",
// at the start of the article's own body after a block of other text, or before its header
// inside the article before it (the column the Resumé goes on in is read first). The
// Summary says which parts the Resumé lacks: the last run of sections headed by exactly
// those Danish labels, in that order, in the article's body or else in the one before, is
// taken back as the Resumé's parts, if each is no longer than twice its Summary part and two
// (a body's sections headed so are long). Where the Resumé's last part has no text (its
// label closed a column), the paragraph before a run in the article before, after a blank
// line, is its text; where the Resumé has no part at all, its text is another column's
// block set after its label, which goes to the body. The run's last part ends at its first
// short line that ends a sentence; the column's text after it opens the article's body
// (stays in place in its own body). That end is still a guess for settle_resume_end.
void take_back_resume_parts(std::vector<Article>& articles, const Lines& lines, double width, double join_limit) {
    for (std::size_t a = 0; a < articles.size(); ++a) {
        Article& article = articles[a];
        if (!article.summary || article.summary->parts.size() <= article.resume_parts.size()) continue;
        const int last_rank = article.resume_parts.empty() ? -1 : part_label_rank(article.resume_parts.back().label);
        if (!article.resume_parts.empty() && last_rank < 0) continue;
        std::vector<int> missing;                   // the ranks of the Summary's parts after the Resumé's last
        std::vector<std::size_t> summary_sentences;  // and their sentence counts
        for (const FieldPart& part : article.summary->parts)
            if (const int rank = part_label_rank(part.label); rank > last_rank)
                missing.push_back(rank), summary_sentences.push_back(part.end - part.begin);
        if (missing.empty()) continue;
        Article* holder = &article;
        std::optional<std::size_t> run = part_run(article.sections, missing);
        // In its own body the run opens the body, after no more than the text before the first
        // heading: one further on is another article's, which the extraction moved there.
        if (run && *run > (article.sections.front().heading ? 0u : 1u)) run.reset();
        if (!run && a > 0) holder = &articles[a - 1], run = part_run(holder->sections, missing);
        if (!run) continue;
        const bool own = holder == &article;
        auto& sections = holder->sections;
        const std::size_t first = *run, last = first + missing.size();
        // The last part ends at its paragraph's short last line.
        const auto& last_sentences = sections[last - 1].sentences;
        std::size_t last_keep = last_sentences.size();
        for (std::size_t k = 0; k + 1 < last_sentences.size() && last_keep == last_sentences.size(); ++k)
            if (ends_short_line(lines, last_sentences[k].span.end, width, join_limit)) last_keep = k + 1;
        bool fits = true;
        for (std::size_t k = 0; k < missing.size() && fits; ++k)
            fits = (k + 1 == missing.size() ? last_keep : sections[first + k].sentences.size()) <= 2 * summary_sentences[k] + 2;
        if (!fits) continue;
        // The empty last part's text: the paragraph that ends the section before a run in the
        // article before.
        std::size_t lead_from = 0, lead_count = 0;
        if (!own && !article.resume_parts.empty() && article.resume_parts.back().begin == article.resume_parts.back().end &&
            first > 0) {
            const auto& previous = sections[first - 1].sentences;
            for (std::size_t k = previous.size(); k-- > 0;)
                if (opens_paragraph_after_blank(lines, previous[k].span.start)) {
                    lead_from = k, lead_count = previous.size() - k;
                    break;
                }
        }
        const std::size_t moved_begin = lead_count ? sections[first - 1].sentences[lead_from].span.start : sections[first].heading->span.start;
        const SourceSpan span{moved_begin, last_keep == 0 ? sections[last - 1].heading->span.end : last_sentences[last_keep - 1].span.end};
        std::vector<Sentence> resume_before;  // a Resumé without parts: another column's block
        if (article.resume_parts.empty()) resume_before = std::exchange(article.resume, {});
        if (lead_count) {
            auto& previous = sections[first - 1].sentences;
            const auto from = previous.begin() + static_cast<std::ptrdiff_t>(lead_from);
            article.resume.insert(article.resume.end(), std::make_move_iterator(from), std::make_move_iterator(previous.end()));
            previous.erase(from, previous.end());
            article.resume_parts.back().end = article.resume.size();
        }
        std::string labels, label;
        for (std::size_t s = first; s < last; ++s) {
            auto& moved = sections[s].sentences;
            const std::size_t count = s + 1 == last ? last_keep : moved.size();
            part_rank_of_heading(sections[s], label);
            labels += (labels.empty() ? "\"" : ", \"") + label + "\"";
            article.resume_parts.push_back(FieldPart{label, article.resume.size(), article.resume.size() + count});
            article.resume.insert(article.resume.end(), std::make_move_iterator(moved.begin()),
                                  std::make_move_iterator(moved.begin() + static_cast<std::ptrdiff_t>(count)));
            moved.erase(moved.begin(), moved.begin() + static_cast<std::ptrdiff_t>(count));
        }
        // The last part's column goes on: in place in the article's own body, at the front of
        // its body from the article before.
        std::vector<Sentence> body_opening = std::move(sections[last - 1].sentences);
        sections.erase(sections.begin() + static_cast<std::ptrdiff_t>(first), sections.begin() + static_cast<std::ptrdiff_t>(last));
        if (own && !body_opening.empty()) {
            sections.insert(sections.begin() + static_cast<std::ptrdiff_t>(first), Section{std::nullopt, std::move(body_opening)});
            body_opening.clear();
        }
        if (first > 0 && first - 1 < sections.size() && sections[first - 1].sentences.empty() && !sections[first - 1].heading)
            sections.erase(sections.begin() + static_cast<std::ptrdiff_t>(first - 1));
        body_opening.insert(body_opening.begin(), std::make_move_iterator(resume_before.begin()),
                            std::make_move_iterator(resume_before.end()));
        if (!body_opening.empty()) {
            if (article.sections.empty() || article.sections.front().heading) article.sections.insert(article.sections.begin(), Section{});
            auto& opening = article.sections.front().sentences;
            opening.insert(opening.begin(), std::make_move_iterator(body_opening.begin()), std::make_move_iterator(body_opening.end()));
        }
        article.resume_end_guessed = true;
        std::string message = "the structured Resumé's parts " + labels + ", which its Summary has, stand " +
                              (own ? std::string("in its body after other text") : "inside " + article_name(articles, a - 1) + ", before this article's header") +
                              " (the extraction moved them): taken as this article's";
        if (lead_count)
            message += ", with the paragraph before them as the text of \"" +
                       article.resume_parts[article.resume_parts.size() - missing.size() - 1].label + "\"";
        if (!resume_before.empty())
            message += "; the text between the Resumé's label and its first part is taken as body text";
        article.structure_notes.push_back(StructureNote{std::move(message), span});
        if (!own)
            holder->structure_notes.push_back(StructureNote{"sections headed " + labels + " are the structured Resumé's parts of " +
                                                                article_name(articles, a) +
                                                                ", whose Summary has them (the extraction moved them here): taken as that article's",
                                                            span});
    }
}

// The header's author list and the Summary's name the same people; an extraction that joins
// a line-end hyphen (`Hansen-|Lund` -> `HansenLund`) spoils one of them. Extractions remove
// hyphens and never add them, so the spelling with the hyphen is kept in both.
void reconcile_author_spellings(Article& article, std::vector<Repair>& repairs) {
    if (!article.summary || article.summary->authors.size() != article.authors.size()) return;
    for (std::size_t i = 0; i < article.authors.size(); ++i) {
        std::string& head = article.authors[i];
        std::string& summary = article.summary->authors[i];
        if (head == summary || author_key({head}) != author_key({summary})) continue;
        const auto hyphens = [](const std::string& name) { return std::count(name.begin(), name.end(), '-'); };
        std::string& spoilt = hyphens(head) > hyphens(summary) ? summary : head;
        const std::string& kept = &spoilt == &summary ? head : summary;
        if (hyphens(spoilt) == hyphens(kept)) continue;
        repairs.push_back({Repair::Kind::normalized, article.span,
                           "author name " + spoilt + " spelt " + kept + " as the article's other author list has it"});
        spoilt = kept;
    }
}

// pdftotext's default mode joins a line broken at a hyphen and drops the hyphen, also a
// double surname's (`Schmidt-|Vestergaard` -> `SchmidtVestergaard`); where both author lists
// broke at the same place, neither has it. A name word whose capital inside follows a
// capitalised part of three letters or more that is no name prefix (`MacKenzie`,
// `VanDyke`) is such a surname: the hyphen comes back, as a `normalized` repair.
void restore_double_surnames(Article& article, std::vector<Repair>& repairs) {
    static constexpr std::array<std::string_view, 10> prefixes = {"Mac", "Van", "Von", "Vander", "Fitz", "Del", "Dal", "Della", "Ten", "Ter"};
    const auto restore = [&](std::string& name) {
        std::size_t word_start = 0;
        for (std::size_t i = 0; i < name.size();) {
            std::size_t n = 0;
            const char32_t c = code_point_at(name, i, n);
            if (!is_letter(c)) {
                word_start = i + n;
                i += n;
                continue;
            }
            if (is_upper(c) && i > word_start) {
                const std::string_view head(name.data() + word_start, i - word_start);
                std::size_t m = 0;
                const bool lower_after = i + n < name.size() && is_lower(code_point_at(name, i + n, m));
                if (lower_after && code_points(head) >= 3 && is_upper(first_code_point(head)) && !has_uppercase(head.substr(1)) &&
                    std::find(prefixes.begin(), prefixes.end(), head) == prefixes.end()) {
                    const std::string before = name;
                    name.insert(i, "-");
                    repairs.push_back({Repair::Kind::normalized, article.span,
                                       "author name " + before + " written " + name + ": a double surname whose hyphen the extraction dropped"});
                    word_start = i + 1;
                    i += 1 + n;
                    continue;
                }
            }
            i += n;
        }
    };
    for (std::string& name : article.authors) restore(name);
    if (article.summary)
        for (std::string& name : article.summary->authors) restore(name);
}

// The article's span holds all of its lines' bytes. Lines are in reading order, not source
// order: a block the layout stage moved back (reattach_moved_blocks) may come from earlier
// in the source than the article's first line, so the bounds are the extremes, not the ends.
void set_span(const Lines& lines, std::size_t begin, std::size_t end, Article& article) {
    bool any = false;
    for (std::size_t k = begin; k < end; ++k) {
        if (lines[k].blank()) continue;
        article.span.start = any ? std::min(article.span.start, lines[k].start) : lines[k].start;
        article.span.end = any ? std::max(article.span.end, lines[k].end) : lines[k].end;
        any = true;
    }
}


// The lower-cased words of four letters or more in `text`, added to `words`.
void add_content_words(std::string_view text, std::unordered_set<std::string>& words) {
    std::string lower;
    for_each_word(text, [&](std::string_view word) {
        if (code_points(word) < 4) return;
        to_lower(word, lower);
        words.insert(lower);
    });
}

// How many of the caption's content words the article's Resumé and body write.
std::size_t shared_words(const Figure& figure, const std::unordered_set<std::string>& article_words) {
    std::unordered_set<std::string> caption_words;
    add_content_words(figure.caption.text, caption_words);
    return static_cast<std::size_t>(std::count_if(caption_words.begin(), caption_words.end(),
                                                  [&](const std::string& word) { return article_words.contains(word); }));
}

// A typesetter sets a figure where it fits (LaTeX floats it to the next column's or page's
// top, or to the top of the column its text starts in), so a caption can stand in the
// neighbouring article's text. Articles number their figures, so an article holding two
// captions of one label ("Fig. 1" twice) holds a neighbour's: the one whose words the
// neighbour without that label writes more than the article itself goes there, with a note in both.
void place_floated_captions(std::vector<Article>& articles) {
    std::vector<std::unordered_set<std::string>> words;  // made when first needed
    const auto words_of = [&](std::size_t a) -> const std::unordered_set<std::string>& {
        if (words.empty()) {
            words.resize(articles.size());
            for (std::size_t k = 0; k < articles.size(); ++k) {
                for (const Sentence& s : articles[k].resume) add_content_words(s.text, words[k]);
                for (const Section& section : articles[k].sections)
                    for (const Sentence& s : section.sentences) add_content_words(s.text, words[k]);
            }
        }
        return words[a];
    };
    // The labels of each article, made when first needed and kept up to date as captions move:
    // one look-up per question, however many figures an article holds.
    std::vector<std::optional<std::unordered_set<std::string>>> labels(articles.size());
    const auto labels_of = [&](std::size_t k) -> std::unordered_set<std::string>& {
        if (!labels[k]) {
            labels[k].emplace();
            for (const Figure& figure : articles[k].figures) labels[k]->insert(figure.label);
        }
        return *labels[k];
    };
    const auto has_label = [&](std::size_t k, const std::string& label) { return labels_of(k).contains(label); };
    for (std::size_t a = 0; a < articles.size(); ++a) {
        std::vector<Figure>& figures = articles[a].figures;
        // The figures of each label, the labels in the order they first appear.
        std::vector<std::string> order;
        std::unordered_map<std::string, std::vector<std::size_t>> of_label;
        for (std::size_t j = 0; j < figures.size(); ++j) {
            const auto [entry, added] = of_label.try_emplace(figures[j].label);
            if (added) order.push_back(figures[j].label);
            entry->second.push_back(j);
        }
        std::vector<bool> leaves(figures.size(), false);
        std::vector<std::size_t> received;  // neighbours given a caption
        for (const std::string& label : order) {
            std::vector<std::size_t>& same = of_label[label];
            // After a move the label may still stand twice, and the other neighbour may lack it.
            while (same.size() >= 2) {
                // The neighbour without that label whose words a caption shares most, against
                // the article's own words.
                std::size_t best_figure = 0, best_target = a;
                long best_gain = 0;
                for (const std::size_t target : {a + 1, a == 0 ? articles.size() : a - 1}) {
                    if (target >= articles.size() || has_label(target, label)) continue;
                    for (const std::size_t j : same) {
                        const long gain = static_cast<long>(shared_words(figures[j], words_of(target))) -
                                          static_cast<long>(shared_words(figures[j], words_of(a)));
                        if (gain > best_gain) best_gain = gain, best_figure = j, best_target = target;
                    }
                }
                // No word says whose it is: where only one neighbour lacks the label, the
                // caption nearer to it goes there (a float leaves its article's text in the
                // direction of the article it belongs to).
                std::string reason = "shares more of its words";
                if (best_target == a) {
                    const bool next_lacks = a + 1 < articles.size() && !has_label(a + 1, label);
                    const bool previous_lacks = a > 0 && !has_label(a - 1, label);
                    if (next_lacks != previous_lacks) {
                        best_target = next_lacks ? a + 1 : a - 1;
                        best_figure = next_lacks ? same.back() : same.front();
                        reason = "is the nearer one to it";
                    }
                }
                if (best_target == a) break;
                const std::string note = "a second caption '" + label + "' in " +
                                         (articles[a].title ? "article '" + articles[a].title->text + "'" : std::string("one article")) +
                                         " is taken as " +
                                         (articles[best_target].title ? "article '" + articles[best_target].title->text + "'"
                                                                      : std::string("the neighbouring article")) +
                                         "'s, which has none; the caption " + reason + " (the typesetting floated the figure)";
                articles[a].structure_notes.push_back(StructureNote{note, figures[best_figure].caption.span});
                articles[best_target].structure_notes.push_back(StructureNote{note, figures[best_figure].caption.span});
                articles[best_target].figures.push_back(figures[best_figure]);
                labels_of(best_target).insert(label);
                received.push_back(best_target);
                leaves[best_figure] = true;
                same.erase(std::find(same.begin(), same.end(), best_figure));
            }
        }
        std::vector<Figure> staying;
        staying.reserve(figures.size());
        for (std::size_t j = 0; j < figures.size(); ++j)
            if (!leaves[j]) staying.push_back(std::move(figures[j]));
        figures = std::move(staying);
        // A moved caption takes its place among the target's captions by where it stands.
        std::sort(received.begin(), received.end());
        received.erase(std::unique(received.begin(), received.end()), received.end());
        for (const std::size_t k : received)
            std::stable_sort(articles[k].figures.begin(), articles[k].figures.end(),
                             [](const Figure& x, const Figure& y) { return x.caption.span.start < y.caption.span.start; });
    }
}

}  // namespace

struct DocumentLayout::Impl {
    std::string source_name;
    LayoutResult layout;
    DocumentWords words;
    // What the lines say of the extraction, measured once for the headers and the fields.
    double width;       // typical_width
    double join_limit;  // join_limit_of
    bool printed_lines; // keeps_printed_lines
    std::vector<Header> headers;

    std::shared_ptr<const std::string> source_bytes;  // kept for the document, when handed over

    explicit Impl(const SourceText& source)
        : source_name(source.name), layout(repair_layout(source)), words(layout.lines, layout.captions), width(typical_width(layout.lines)),
          join_limit(join_limit_of(layout.lines, width)), printed_lines(keeps_printed_lines(layout.lines, join_limit)),
          headers(find_headers(layout.lines, printed_lines)) {}
};

DocumentLayout::DocumentLayout(const SourceText& source)
    : impl_(detail::at_api_edge("DocumentLayout", [&] { return std::make_unique<Impl>(source); })) {}
DocumentLayout::DocumentLayout(SourceText&& source) : DocumentLayout(static_cast<const SourceText&>(source)) {
    impl_->source_bytes = std::make_shared<const std::string>(std::move(source.bytes));
}
DocumentLayout::~DocumentLayout() = default;
DocumentLayout::DocumentLayout(DocumentLayout&&) noexcept = default;
DocumentLayout& DocumentLayout::operator=(DocumentLayout&&) noexcept = default;

Document Parser::parse(const SourceText& source) const { return parse(SourceText(source)); }

Document Parser::parse(SourceText&& source) const { return parse(DocumentLayout(std::move(source))); }

Document Parser::parse(DocumentLayout prepared, unsigned threads) const {
    return detail::at_api_edge("Parser::parse", [&] { return parse_layout(std::move(prepared), threads); });
}

Document Parser::parse_layout(DocumentLayout prepared, unsigned threads) const {
    DocumentLayout::Impl& layout = *prepared.impl_;
    Document document;
    document.source_name = std::move(layout.source_name);
    document.source = std::move(layout.source_bytes);
    document.repairs = std::move(layout.layout.repairs);
    const Lines& lines = layout.layout.lines;

    const bool has_text = std::any_of(lines.begin(), lines.end(), [](const SourceLine& l) { return !l.blank(); });
    if (!has_text && layout.layout.captions.empty()) return document;

    struct Range {
        std::size_t begin, end;  // lines of the article
        const Header* header;    // null: the source begins inside this article
    };
    std::vector<Range> ranges;
    const std::vector<Header>& headers = layout.headers;
    const std::size_t first_title = headers.empty() ? lines.size() : headers.front().title_begin;
    const bool text_before_first = std::any_of(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(first_title),
                                               [](const SourceLine& l) { return !l.blank(); });
    // The source begins inside an article (or has no article structure at all).
    if (text_before_first || (headers.empty() && !layout.layout.captions.empty())) ranges.push_back({0, first_title, nullptr});
    for (std::size_t h = 0; h < headers.size(); ++h)
        ranges.push_back({headers[h].title_begin, h + 1 < headers.size() ? headers[h + 1].title_begin : lines.size(), &headers[h]});

    // The articles are independent once the layout is known: each is parsed on its own
    // (on up to `threads` threads) with the repairs it makes kept apart, and those are
    // appended in article order, as parsing the articles in turn would.
    document.articles.resize(ranges.size());
    std::vector<std::vector<Repair>> article_repairs(ranges.size());
    const double width = layout.width;
    const double join_limit = layout.join_limit;
    const bool blank_paragraphs = uses_blank_paragraphs(lines, width, join_limit);
    const bool room_test = join_limit >= 1.3 && !uses_indented_paragraphs(lines);
    const bool printed_lines = layout.printed_lines;
    const auto context_of = [&](std::size_t a) {
        return Context{lines, impl_->dehyphenator, layout.words, impl_->danish, impl_->english, article_repairs[a], width, join_limit, blank_paragraphs, room_test,
                       printed_lines};
    };
    // Headers first (cheap): every article's authors are known before any Summary is placed.
    SummaryOwners owners;
    owners.keys.resize(ranges.size());
    owners.names.resize(ranges.size());
    for (std::size_t a = 0; a < ranges.size(); ++a) {
        if (!ranges[a].header) continue;
        fill_header(context_of(a), *ranges[a].header, document.articles[a]);
        if (!document.articles[a].authors.empty()) owners.keys[a] = author_key(document.articles[a].authors);
        for (const std::string& name : document.articles[a].authors) owners.names[a].push_back(author_key({name}));
    }
    std::vector<MovedFields> moved_fields(ranges.size());
    detail::parallel_for(ranges.size(), threads, [&](std::size_t a) {
        const Context context = context_of(a);
        const Range& range = ranges[a];
        Article& article = document.articles[a];
        if (range.header) {
            const Header& header = *range.header;
            parse_fields(context, header.fields_begin, range.end, article, owners, a, moved_fields[a], {header.title_end, header.lead_end});
            if (header.stacked > 0) {
                article.structure_notes.push_back(StructureNote{
                    "the titles of the next " + std::to_string(header.stacked) + " rubric(s), which have none above them, stand stacked above this one's at line " +
                        std::to_string(lines[header.title_begin].number) +
                        (header.subtitle_begin < header.subtitle_end
                             ? ", their subtitles below them in the same order: each title and subtitle is taken as its rubric's, in order"
                             : ": each is taken as its rubric's title, in order"),
                    lines[header.title_begin].start, lines[header.anchor].end});
            } else if (header.stacked_title) {
                article.structure_notes.push_back(StructureNote{
                    "the rubric at line " + std::to_string(lines[header.anchor].number) +
                        " has no title above it: its title is taken to be the one stacked at the document's start, at line " +
                        std::to_string(lines[header.stacked_title->first].number),
                    lines[header.stacked_title->first].start, lines[header.stacked_title->second - 1].end});
            } else if (header.title_end < header.anchor) {
                const std::size_t start = std::min(lines[header.title_begin].start, lines[header.anchor].start);
                const std::size_t stop = std::max(lines[header.title_end - 1].end, lines[header.anchor].end);
                article.structure_notes.push_back(StructureNote{
                    "the rubric at line " + std::to_string(lines[header.anchor].number) +
                        (header.subtitle_begin < header.subtitle_end ? " has only a subtitle above it" : " has no title above it") +
                        ": the title is taken to be the one at line " +
                        std::to_string(lines[header.title_begin].number) +
                        ", and the text between them as this article's (the extraction moved blocks between them)",
                    start, stop});
            }
        } else {
            article.truncated_start = true;
            parse_fields(context, range.begin, range.end, article, owners, a, moved_fields[a]);
        }
        set_span(lines, range.begin, range.end, article);
    });
    // Only the last article can be cut off by the end of the source; one before it without a
    // Summary lacks it. So does the last one when its text holds a Summary or the
    // correspondence address the journal prints at an article's end (its own or, before the
    // moves below, one the extraction put there: the source goes on past it).
    if (!ranges.empty()) {
        Article& last = document.articles.back();
        last.truncated_end = !last.summary && !last.correspondence && last.references.empty() && last.end_notes.empty() &&
                             moved_fields.back().summaries.empty() && moved_fields.back().addresses.empty();
        // An article with a rubric but neither Resumé nor Summary is of a kind printed without
        // them (a LEDER): nothing is missing when its text ends a sentence. One of a kind with
        // a Resumé cut off later keeps its Resumé, and so still reads as cut off.
        if (last.truncated_end && last.kind && last.resume.empty() && !last.sections.empty() &&
            !last.sections.back().sentences.empty() && ends_with_sentence_end(last.sections.back().sentences.back().text)) {
            last.truncated_end = false;
            const Sentence& end_sentence = last.sections.back().sentences.back();
            last.structure_notes.push_back(StructureNote{
                "the source ends after a finished sentence of an article without Resumé and Summary: taken as "
                "complete (a kind printed without them), not cut off",
                end_sentence.span});
        }
    }
    place_moved_fields(moved_fields, document.articles, context_of);
    take_back_resume_parts(document.articles, lines, width, join_limit);
    for (Article& article : document.articles) {
        reconcile_author_spellings(article, document.repairs);
        restore_double_surnames(article, document.repairs);
    }
    for (const auto& repairs : article_repairs) document.repairs.insert(document.repairs.end(), repairs.begin(), repairs.end());

    // A block the layout stage moved back to the paragraph it ends (reattach_moved_blocks) is
    // a guess: the article that holds the paragraph gets a structure note.
    if (!ranges.empty()) {
        std::size_t a = 0;
        for (const MovedBlockJoin& join : layout.layout.moved_block_joins) {
            while (a + 1 < ranges.size() && join.paragraph_end >= ranges[a + 1].begin) ++a;
            if (join.paragraph_end < ranges[a].begin) continue;
            document.articles[a].structure_notes.push_back(StructureNote{
                "the paragraph that stops mid-sentence at line " + std::to_string(lines[join.paragraph_end].number) +
                    " is taken to go on with the block at line " + std::to_string(join.block_line_number) +
                    " (the extraction moved that block)",
                join.start, join.end});
        }
    }

    for (const LiftedCaption& caption : layout.layout.captions) {
        std::size_t owner = 0;
        for (std::size_t a = 0; a < ranges.size(); ++a)
            if (ranges[a].begin <= caption.line) owner = a;
        Block caption_lines;
        for (const SourceLine& line : caption.lines) caption_lines.push_back(&line);
        document.articles[owner].figures.push_back(
            Figure{caption.label, whole_sentence(join_lines(caption_lines, impl_->dehyphenator, layout.words, document.repairs))});
    }
    place_floated_captions(document.articles);
    std::stable_sort(document.repairs.begin(), document.repairs.end(),
                     [](const Repair& a, const Repair& b) { return a.span.start < b.span.start; });
    return document;
}

}  // namespace summalign
