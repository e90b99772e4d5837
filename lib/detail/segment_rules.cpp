#include "detail/segment_rules.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>

#include "detail/utf8.hpp"

namespace summalign::detail {

namespace {

// No abbreviation, initial or citation is longer than this; longer tokens are ordinary
// words, which keeps every look-around bounded.
constexpr std::size_t max_token_bytes = 64;
constexpr std::size_t max_bracket_bytes = 200;

// A character of the text: its code point and byte range. Past either end of the text the
// value is `none`, which no character class contains.
constexpr char32_t none = 0x110000;

struct CodePoint {
    char32_t value = none;
    std::size_t begin = 0;  // byte offset of its first byte
    std::size_t end = 0;    // byte offset just past it
};

CodePoint at(std::string_view text, std::size_t i) {
    if (i >= text.size()) return {};
    std::size_t length = 0;
    const char32_t value = code_point_at(text, i, length);
    return {value, i, i + length};
}

CodePoint before(std::string_view text, std::size_t i) {
    if (i == 0 || i > text.size()) return {};
    std::size_t length = 0;
    const char32_t value = code_point_before(text, i, length);
    return {value, i - length, i};
}


bool is_newline(char32_t c) { return c == '\n' || c == '\r'; }
bool is_quote(char32_t c) {
    const auto type = u_charType(static_cast<UChar32>(c));
    return c == '"' || c == '\'' || type == U_INITIAL_PUNCTUATION || type == U_FINAL_PUNCTUATION;
}
bool is_open_bracket(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_START_PUNCTUATION; }
bool is_close_bracket(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_END_PUNCTUATION; }
// What may stand around a sentence: quotes either way round (Danish »…« and "…") and brackets.
bool is_opener(char32_t c) { return is_open_bracket(c) || is_quote(c); }
bool is_closer(char32_t c) { return is_close_bracket(c) || is_quote(c); }
bool is_terminal(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */; }
bool is_dash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014; }

std::size_t skip_spaces(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        const auto cp = at(text, i);
        if (!is_space(cp.value)) break;
        i = cp.end;
    }
    return i;
}

std::size_t skip_spaces_back(std::string_view text, std::size_t i) {
    while (i > 0) {
        const auto cp = before(text, i);
        if (!is_space(cp.value)) break;
        i = cp.begin;
    }
    return i;
}

// Start of the white-space-delimited token that ends at `end`; `end - max_token_bytes - 1`
// or less when the token is too long to be anything special (callers then see a long token).
std::size_t token_start(std::string_view text, std::size_t end) {
    std::size_t i = end;
    while (i > 0 && end - i <= max_token_bytes) {
        const auto cp = before(text, i);
        if (is_space(cp.value)) break;
        i = cp.begin;
    }
    return i;
}

// The token before a candidate sentence end, split into what matters for the decision.
struct LastToken {
    std::string_view core;      // without leading quotes/brackets and trailing closers
    std::string_view previous;  // the token before it (for "et al."), same trimming at the front
    char32_t terminal = none;   // '.', '!', '?', '…' or none when the token has none
    bool closed = false;        // quotes or brackets follow the terminal punctuation
    bool starts_sentence = false;  // the token before it ends a sentence or there is none
    // A command-line option: a hyphen glued to a letter ("-f.", "-P.", "--all."). Its letter
    // is neither an initial nor an abbreviation ("f." for "for"): "Brug netop én af -b, -c
    // eller -f. Hver LISTE …" is two sentences.
    bool option = false;
};

std::string_view strip_openers(std::string_view token) {
    while (!token.empty()) {
        const auto cp = at(token, 0);
        if (!is_opener(cp.value) && !is_dash(cp.value)) break;
        token.remove_prefix(cp.end);
    }
    return token;
}

LastToken last_token(std::string_view text, std::size_t end) {
    LastToken token;
    const std::size_t start = token_start(text, end);
    if (end - start > max_token_bytes) return token;
    std::string_view word = text.substr(start, end - start);
    while (!word.empty()) {
        const auto cp = before(word, word.size());
        if (!is_closer(cp.value)) break;
        token.closed = true;
        word.remove_suffix(word.size() - cp.begin);
    }
    if (!word.empty()) {
        const auto cp = before(word, word.size());
        if (is_terminal(cp.value)) token.terminal = cp.value;
    }
    token.core = strip_openers(word);
    if (!word.empty() && word.front() == '-' && token.core.size() < word.size() &&
        word[word.size() - token.core.size() - 1] == '-' && !token.core.empty()) {
        const char first = token.core.front();
        token.option = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
    }
    const std::size_t previous_end = skip_spaces_back(text, start);
    if (previous_end == 0) {
        token.starts_sentence = true;
        return token;
    }
    const std::size_t previous_start = token_start(text, previous_end);
    const auto last = before(text, previous_end);
    token.starts_sentence = is_terminal(last.value) || is_closer(last.value) || is_newline(at(text, previous_end).value);
    if (previous_end - previous_start <= max_token_bytes)
        token.previous = strip_openers(text.substr(previous_start, previous_end - previous_start));
    return token;
}

// The start of the text after a candidate break.
struct NextWord {
    char32_t first = none;   // the very first character
    char32_t letter = none;  // first character after opening quotes and brackets
    std::string_view word;   // the letters from there on (for the sentence-starter list)
};

NextWord next_word(std::string_view text, std::size_t start) {
    NextWord next;
    std::size_t i = skip_spaces(text, start);
    next.first = at(text, i).value;
    for (int skipped = 0; skipped < 8 && i < text.size(); ++skipped) {
        const auto cp = at(text, i);
        if (!is_opener(cp.value)) break;
        i = cp.end;
    }
    next.letter = at(text, i).value;
    std::size_t end = i;
    while (end < text.size() && end - i <= max_token_bytes) {
        const auto cp = at(text, end);
        if (!is_letter(cp.value)) break;
        end = cp.end;
    }
    next.word = text.substr(i, end - i);
    return next;
}

// ".", "...", "?!": punctuation only, no word before it.
bool only_terminals(std::string_view core) {
    for (std::size_t i = 0; i < core.size();) {
        const auto cp = at(core, i);
        if (!is_terminal(cp.value)) return false;
        i = cp.end;
    }
    return true;
}

// "H.", "H.L.", "K.J.": capitals each followed by a period.
bool is_initials(std::string_view core) {
    std::size_t i = 0;
    bool any = false;
    while (i < core.size()) {
        const auto cp = at(core, i);
        if (!is_upper(cp.value) || cp.end >= core.size() || core[cp.end] != '.') return false;
        i = cp.end + 1;
        any = true;
    }
    return any;
}

// "IV", "xii": numbers figures and tables as well as digits do.
bool is_roman_numeral(std::string_view word) {
    if (word.empty() || word.size() > 6) return false;
    return std::all_of(word.begin(), word.end(), [](char c) { return std::string_view("IVXLivxl").find(c) != std::string_view::npos; });
}

// "a.m.b.a.", "cand.med.", "dr.phil.": at least two groups of lower-case letters, each
// followed by a period. Such dotted groups are abbreviations, whether or not listed.
bool is_dotted_lowercase(std::string_view core) {
    std::size_t i = 0, groups = 0;
    while (i < core.size()) {
        std::size_t letters = 0;
        while (i < core.size()) {
            const auto cp = at(core, i);
            if (!is_lower(cp.value)) break;
            i = cp.end;
            ++letters;
        }
        if (letters == 0 || letters > 5 || i >= core.size() || core[i] != '.') return false;
        ++i;
        ++groups;
    }
    return groups >= 2;
}

// "irc.gnome.org.", "dadlnet.dk.": a dotted group that ends in a top-level domain is a host
// name at the end of a sentence, not an abbreviation such as "cand.med.".
bool is_domain_name(std::string_view core) {
    if (core.size() < 2 || core.back() != '.') return false;
    const std::string_view name = core.substr(0, core.size() - 1);
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot < 2) return false;
    static constexpr std::string_view domains[] = {"com", "org", "net", "edu", "gov", "int", "info", "io",
                                                   "dk",  "de",  "uk",  "eu",  "se",  "no",  "fi"};
    const std::string_view last = name.substr(dot + 1);
    return std::find(std::begin(domains), std::end(domains), last) != std::end(domains);
}

// "3.", "12.": a number with a period, in Danish usually an ordinal ("den 3. maj").
bool is_numbered(std::string_view core) {
    if (core.size() < 2 || core.size() > 4 || core.back() != '.') return false;
    return std::all_of(core.begin(), core.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

class Rules {
public:
    Rules(std::string_view text, const AbbreviationList& abbreviations) : text_(text), abbreviations_(abbreviations) {}

    // Whether a sentence that ends at byte `end` (its last character) is really over,
    // given that the next one would start at `next`.
    bool ends_sentence(std::size_t end, std::size_t next) const {
        const LastToken token = last_token(text_, end);
        const NextWord following = next_word(text_, next);
        if (end == next && (only_terminals(token.core) || !is_upper(following.first))) {
            // No white space at the break: "the extension .HTML", "\Q...\E". Only a word glued
            // to a capitalised next sentence ("i 2003.Det", layout damage) ends one there.
            return false;
        }
        if (token.terminal == '!' || token.terminal == '?' || token.terminal == 0x2026) {
            // Danish dialogue: "- Skyd den! foreslår et barn" continues after the exclamation.
            return !is_lower(following.first);
        }
        if (token.terminal != '.' || token.closed) return true;
        const std::string_view core = token.core;
        if (token.option) return !(is_lower(following.letter) || is_digit(following.letter));
        const AbbreviationKind* kind = token.previous.empty() ? nullptr : abbreviations_.find(token.previous, core);
        if (!kind) kind = abbreviations_.find(core);
        if (kind) {
            switch (*kind) {
                case AbbreviationKind::never_final: return false;
                case AbbreviationKind::label:
                    // "Fig. 1", "tab. 2" go on; before a capitalised word ("the Footnote
                    // tab. Material and methods") the label is the sentence's last word.
                    return is_upper(following.letter) && following.word.size() > 1 && !is_roman_numeral(following.word);
                case AbbreviationKind::may_be_final:
                    return !(is_lower(following.letter) || is_digit(following.letter));
            }
        }
        if (is_initials(core)) {
            // "Moustapha S. Kassem", "H.L. Hansen": a name goes on. Before a word that starts
            // sentences ("... vitamin C. Det ...") or anything but a capital, it ends.
            if (!is_upper(following.letter)) return !is_lower(following.letter);
            return abbreviations_.is_sentence_starter(following.word);
        }
        if (is_dotted_lowercase(core)) return is_domain_name(core) && is_upper(following.letter);
        if (is_numbered(core)) {
            // "2. - Jeg ville nok ...": a number opening a sentence numbers it.
            if (token.starts_sentence && !abbreviations_.find(token.previous)) return false;
            // "Fig. 1. Stamcellers differentiering" is one caption; "den 1. 2. og 3. maj" one date.
            if (is_digit(following.first)) return false;
            const AbbreviationKind* label = abbreviations_.find(token.previous);
            if (label && *label == AbbreviationKind::label && label_starts_sentence(end, core.size())) return false;
        }
        return true;
    }

private:
    // Whether the label before the number that ends at `end` is the first word of its sentence.
    bool label_starts_sentence(std::size_t end, std::size_t number_bytes) const {
        const std::size_t number_start = end - number_bytes;
        const std::size_t label_end = skip_spaces_back(text_, number_start);
        return last_token(text_, label_end).starts_sentence;
    }

    std::string_view text_;
    const AbbreviationList& abbreviations_;
};

// A citation bracket such as [13], [14-16], [3, 7]: digits, separators and spaces only.
// Returns the byte just past the closing bracket, or 0 when `open` starts none.
std::size_t citation_end(std::string_view text, std::size_t open) {
    const auto first = at(text, open);
    if (first.value != '[' && first.value != '(') return 0;
    const char32_t close = first.value == U'[' ? U']' : U')';
    bool digits = false;
    for (std::size_t i = first.end; i < text.size() && i - open <= 40;) {
        const auto cp = at(text, i);
        if (cp.value == close) return digits ? cp.end : 0;
        if (is_digit(cp.value)) digits = true;
        else if (!(cp.value == ',' || cp.value == ';' || cp.value == ' ' || is_dash(cp.value))) return 0;
        i = cp.end;
    }
    return 0;
}

// Past the punctuation that stays with a sentence after a citation: "[13]." or "[13])".
std::size_t after_trailing_punctuation(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        const auto cp = at(text, i);
        if (!(is_terminal(cp.value) || is_closer(cp.value))) break;
        i = cp.end;
    }
    return i;
}

// How the lines of a text are laid out, for LineBreaks::automatic.
struct LineLayout {
    bool wrapped = false;       // hard-wrapped prose: most lines fill about the same width
    std::size_t width = 0;      // the wrap width (90th percentile of line lengths)
};

// Line lengths are counted in code points; blank lines are left out. A text is taken as
// hard-wrapped when it has at least three lines, the wrap width is at most 200 characters
// and at least half of the lines reach 60% of it. Otherwise each line is a paragraph or a
// headline, as in one-paragraph-per-line files.
LineLayout line_layout(std::string_view text) {
    std::vector<std::size_t> lengths;
    std::size_t length = 0;
    for (const char c : text) {
        if (c == '\n') {
            if (length > 0) lengths.push_back(length);
            length = 0;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && c != '\r') {
            ++length;
        }
    }
    if (length > 0) lengths.push_back(length);
    LineLayout layout;
    if (lengths.size() < 3) return layout;
    std::vector<std::size_t> sorted = lengths;
    const auto rank = sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() * 9 / 10);
    std::nth_element(sorted.begin(), rank, sorted.end());
    layout.width = *rank;
    const auto full = std::count_if(lengths.begin(), lengths.end(), [&](std::size_t n) { return n * 10 >= layout.width * 6; });
    layout.wrapped = layout.width <= 200 && static_cast<std::size_t>(full) * 2 >= lengths.size();
    return layout;
}

// Bytes of the white-space-delimited token starting at `start` (at most max_token_bytes + 1).
std::size_t token_bytes(std::string_view text, std::size_t start) {
    std::size_t i = start;
    while (i < text.size() && i - start <= max_token_bytes) {
        const auto cp = at(text, i);
        if (is_space(cp.value)) break;
        i = cp.end;
    }
    return i - start;
}

}  // namespace

std::string line_breaks_as_spaces(std::string_view text) {
    std::string out(text);
    std::replace(out.begin(), out.end(), '\n', ' ');
    std::replace(out.begin(), out.end(), '\r', ' ');
    return out;
}

std::vector<std::size_t> refine_breaks(std::string_view text, const std::vector<std::size_t>& icu_breaks,
                                       const AbbreviationList& abbreviations, LineBreaks line_breaks) {
    const Rules rules(text, abbreviations);
    std::vector<std::size_t> breaks;
    breaks.reserve(icu_breaks.size());

    for (const std::size_t icu_break : icu_breaks) {
        std::size_t next = icu_break;
        std::size_t end = skip_spaces_back(text, next);
        // ICU starts a sentence inside "vist.[13] Andre": the bracket belongs before the break.
        if (end == next && end > 0 && is_open_bracket(before(text, end).value)) {
            next = before(text, end).begin;
            end = skip_spaces_back(text, next);
        }
        // A citation after the sentence end stays with it: "vist. [13] Andre", "vist.[13] Andre".
        if (const std::size_t citation = citation_end(text, next)) {
            const std::size_t after = after_trailing_punctuation(text, citation);
            const auto following = next_word(text, after);
            if (after >= text.size() || following.first == none || is_upper(following.letter)) {
                if (after < text.size()) breaks.push_back(skip_spaces(text, after));
                continue;
            }
        }
        if (rules.ends_sentence(end, next)) breaks.push_back(next);
    }

    // What ICU does not split: "hjem. - Nu danser jeg", "hjem. 28 mennesker", "(Lørdag aften) Ryger".
    const LineLayout layout = line_breaks == LineBreaks::automatic ? line_layout(text) : LineLayout{};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto cp = at(text, i);
        if (cp.value == '\n') {
            const std::size_t line_end = skip_spaces_back(text, i);
            const std::size_t next = skip_spaces(text, cp.end);
            const bool paragraph_break = std::count(text.begin() + static_cast<std::ptrdiff_t>(line_end),
                                                    text.begin() + static_cast<std::ptrdiff_t>(next), '\n') >= 2;
            const auto last = before(text, line_end);
            const bool punctuated = is_terminal(last.value) || is_closer(last.value);
            bool is_break = paragraph_break || line_breaks == LineBreaks::end_sentence;
            if (!is_break && line_breaks == LineBreaks::automatic && !punctuated && line_end > line_start) {
                // A line without sentence punctuation followed by one that does not start in
                // lower case: a headline or byline. In hard-wrapped prose only when the line
                // was not cut by the wrapping, i.e. the next word would have fitted on it.
                const bool continues = is_lower(next_word(text, next).first);
                bool short_line = true;
                if (layout.wrapped) {
                    const std::size_t next_token_end = std::min(text.size(), next + token_bytes(text, next));
                    const std::size_t needed = code_points(text.substr(line_start, line_end - line_start)) + 1 +
                                               code_points(text.substr(next, next_token_end - next));
                    // Character counts only approximate widths in proportional type: keep a 10% margin.
                    short_line = needed * 10 <= layout.width * 9;
                }
                is_break = !continues && short_line;
            }
            if (is_break && next < text.size() && line_end > 0) breaks.push_back(next);
            // Lines are measured from their first non-blank character.
            line_start = next;
            i = next > cp.end ? next : cp.end;
            continue;
        }
        if (is_terminal(cp.value)) {
            std::size_t after = after_trailing_punctuation(text, cp.end);
            const std::size_t next = skip_spaces(text, after);
            if (next > after && next < text.size()) {
                const auto start = at(text, next);
                const auto second = at(text, start.end);
                const bool dialogue = is_dash(start.value) && is_space(second.value);
                const bool number = cp.value == '.' && is_digit(start.value);
                if ((dialogue || number) && rules.ends_sentence(after, next)) breaks.push_back(next);
            }
            i = after > cp.end ? after : cp.end;
            continue;
        }
        i = cp.end;
    }

    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());

    // A sentence that is all in brackets ends with them: "(Lørdag aften) Ryger vi ud".
    std::vector<std::size_t> bracketed;
    for (const std::size_t start : breaks) {
        if (at(text, start).value != '(') continue;
        for (std::size_t i = start + 1; i < text.size() && i - start <= max_bracket_bytes;) {
            const auto cp = at(text, i);
            if (cp.value == '(' || cp.value == '\n') break;
            if (cp.value == ')') {
                const std::size_t next = skip_spaces(text, cp.end);
                if (next > cp.end && is_upper(at(text, next).value)) bracketed.push_back(next);
                break;
            }
            i = cp.end;
        }
    }
    if (!bracketed.empty()) {
        breaks.insert(breaks.end(), bracketed.begin(), bracketed.end());
        std::sort(breaks.begin(), breaks.end());
        breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    }
    return breaks;
}

}  // namespace summalign::detail
