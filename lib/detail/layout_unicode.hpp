#pragma once
// Small UTF-8 helpers shared by the layout and journal stages (ICU underneath).
#include <cstddef>
#include <string>
#include <string_view>

namespace summalign::layout_detail {

// Decodes the code point starting at byte `i` of valid UTF-8 `s`; sets `length` to its
// byte length. Returns U+FFFD (length 1) for a malformed sequence.
char32_t code_point_at(std::string_view s, std::size_t i, std::size_t& length);
// The code point that ends at byte `end` (exclusive), with its byte length; 0 when end == 0.
char32_t code_point_before(std::string_view s, std::size_t end, std::size_t& length);

bool is_letter(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_digit(char32_t c);
bool is_space(char32_t c);
// Letters, digits and combining marks: what a word is made of.
bool is_word_char(char32_t c);
// ASCII hyphen-minus or U+2010 HYPHEN (not the en/em dashes used as punctuation).
bool is_hyphen(char32_t c);

std::string to_lower(std::string_view utf8);
std::size_t code_points(std::string_view utf8);
bool has_lowercase(std::string_view utf8);
bool has_uppercase(std::string_view utf8);
bool has_digit(std::string_view utf8);
char32_t first_code_point(std::string_view utf8);
char32_t last_code_point(std::string_view utf8);

// Without leading/trailing ASCII or Unicode white space.
std::string_view trim(std::string_view s);
// The leading word of `s`: letters, digits, marks and inner hyphens ("MSC-biologien"), no
// trailing hyphen.
std::string_view leading_word(std::string_view s);

// The word a line ends with when it ends in a hyphen ("genmanipu-" -> "genmanipu",
// "IL-3-" -> "IL-3"); empty when the line does not end in a word followed by a hyphen.
std::string_view word_before_final_hyphen(std::string_view line);

}  // namespace summalign::layout_detail
