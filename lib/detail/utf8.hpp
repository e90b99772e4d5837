#pragma once
// The project's UTF-8 text layer, used by every stage: code points, character classes, case,
// trimming (ICU underneath).
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>

namespace summalign::detail {

// Most of the text is ASCII, and these helpers run once or more per character of the
// input: each handles ASCII inline (a few comparisons) and leaves everything else to ICU
// in the out-of-line *_non_ascii functions. tests/test_parse_fast_paths.cpp checks that both
// paths agree on every ASCII code point.

char32_t code_point_at_non_ascii(std::string_view s, std::size_t i, std::size_t& length);
char32_t code_point_before_non_ascii(std::string_view s, std::size_t end, std::size_t& length);
bool is_letter_non_ascii(char32_t c);
bool is_upper_non_ascii(char32_t c);
bool is_lower_non_ascii(char32_t c);
bool is_digit_non_ascii(char32_t c);
bool is_space_non_ascii(char32_t c);
bool is_word_char_non_ascii(char32_t c);

// Decodes the code point starting at byte `i` of valid UTF-8 `s`; sets `length` to its
// byte length. Returns U+FFFD (length 1) for a malformed sequence.
inline char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& length) {
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
        length = 1;
        return byte;
    }
    return code_point_at_non_ascii(s, i, length);
}
// The code point that ends at byte `end` (exclusive), with its byte length; 0 when end == 0.
inline char32_t code_point_before(std::string_view s, std::size_t end, std::size_t& length) {
    if (end > 0 && static_cast<unsigned char>(s[end - 1]) < 0x80) {
        length = 1;
        return static_cast<unsigned char>(s[end - 1]);
    }
    return code_point_before_non_ascii(s, end, length);
}

inline bool is_ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char32_t c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

inline bool is_letter(char32_t c) { return c < 0x80 ? is_ascii_upper(c) || is_ascii_lower(c) : is_letter_non_ascii(c); }
// Upper or title case.
inline bool is_upper(char32_t c) { return c < 0x80 ? is_ascii_upper(c) : is_upper_non_ascii(c); }
inline bool is_lower(char32_t c) { return c < 0x80 ? is_ascii_lower(c) : is_lower_non_ascii(c); }
inline bool is_digit(char32_t c) { return c < 0x80 ? is_ascii_digit(c) : is_digit_non_ascii(c); }
// ASCII white space (space, tab, line feed, vertical tab, form feed, carriage return) or
// Unicode White_Space.
inline bool is_space(char32_t c) { return c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') : is_space_non_ascii(c); }
// Letters, digits and combining marks: what a word is made of.
inline bool is_word_char(char32_t c) {
    return c < 0x80 ? is_ascii_upper(c) || is_ascii_lower(c) || is_ascii_digit(c) : is_word_char_non_ascii(c);
}
// ASCII hyphen-minus or U+2010 HYPHEN (not the en/em dashes used as punctuation).
inline bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010; }

std::string to_lower(std::string_view utf8);
// The same into `out` (replacing its content), reusing its buffer.
void to_lower(std::string_view utf8, std::string& out);
std::size_t code_points(std::string_view utf8);
bool has_lowercase(std::string_view utf8);
bool has_uppercase(std::string_view utf8);
bool has_digit(std::string_view utf8);
char32_t first_code_point(std::string_view utf8);
char32_t last_code_point(std::string_view utf8);

std::string_view trim_non_ascii(std::string_view s);
// Without leading/trailing ASCII or Unicode white space.
inline std::string_view trim(std::string_view s) {
    // Most lines begin and end with a visible ASCII character: nothing to trim.
    const auto visible_ascii = [](char c) { return c > ' ' && static_cast<unsigned char>(c) < 0x80; };
    if (!s.empty() && visible_ascii(s.front()) && visible_ascii(s.back())) return s;
    return trim_non_ascii(s);
}
// Without leading/trailing ASCII white space only (space, tab, line feed, vertical tab, form
// feed, carriage return): for the data files (dictd, TSV and .dict dictionaries, the abbreviation
// lists), whose fields are separated by ASCII blanks, so that anything else at a field's end
// (a no-break space) stays part of the entry as the file wrote it.
std::string_view trim_ascii(std::string_view s);

// Levenshtein distance of two code-point strings, and of two byte strings. Past `limit` the
// computation stops as soon as the distance is certain to exceed it (every entry of a row of
// the table is above it) and returns some value above `limit`; within it, the exact distance.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b,
                          std::size_t limit = std::numeric_limits<std::size_t>::max());
std::size_t byte_edit_distance(std::string_view a, std::string_view b,
                               std::size_t limit = std::numeric_limits<std::size_t>::max());

// The leading word of `s`: letters, digits, marks and inner hyphens ("MSC-biologien"), no
// trailing hyphen.
std::string_view leading_word(std::string_view s);

// Calls `visit` with each word of `text` (as leading_word reads it), in order.
template <typename Visit>
void for_each_word(std::string_view text, Visit&& visit) {
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 0;
        if (!is_word_char(code_point_at(text, i, n))) {
            i += n;
            continue;
        }
        const std::string_view word = leading_word(text.substr(i));
        visit(word);
        i += word.size() > n ? word.size() : n;
    }
}

// The word a line ends with when it ends in a hyphen ("genmanipu-" -> "genmanipu",
// "IL-3-" -> "IL-3"); empty when the line does not end in a word followed by a hyphen.
std::string_view word_before_final_hyphen(std::string_view line);

// Whether `text` ends a sentence: . ! ? possibly followed by closing brackets or quotes.
bool ends_with_sentence_end(std::string_view text);

}  // namespace summalign::detail
