#include "detail/utf8.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <vector>

namespace summalign::detail {

char32_t code_point_at_non_ascii(std::string_view s, std::size_t i, std::size_t& length) {
    const auto* data = reinterpret_cast<const uint8_t*>(s.data());
    int32_t at = static_cast<int32_t>(i);
    const auto size = static_cast<int32_t>(std::min<std::size_t>(s.size(), i + 4));
    UChar32 c;
    U8_NEXT(data, at, size, c);
    length = static_cast<std::size_t>(at) - i;
    if (c < 0) {
        length = 1;
        return 0xFFFD;
    }
    return static_cast<char32_t>(c);
}

char32_t code_point_before_non_ascii(std::string_view s, std::size_t end, std::size_t& length) {
    length = 0;
    if (end == 0) return 0;
    std::size_t begin = end - 1;
    while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
    std::size_t n = 0;
    const char32_t c = code_point_at(s, begin, n);
    if (begin + n != end) {
        length = 1;
        return 0xFFFD;
    }
    length = n;
    return c;
}

// The ICU paths also accept ASCII (the tests compare them with the inline fast paths).
bool is_letter_non_ascii(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_upper_non_ascii(char32_t c) { return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c)); }
bool is_lower_non_ascii(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool is_digit_non_ascii(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool is_space_non_ascii(char32_t c) {
    return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || u_isUWhiteSpace(static_cast<UChar32>(c));
}
bool is_word_char_non_ascii(char32_t c) {
    const auto category = u_charType(static_cast<UChar32>(c));
    return u_isalnum(static_cast<UChar32>(c)) || category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK;
}

std::string to_lower(std::string_view utf8) {
    std::string out;
    to_lower(utf8, out);
    return out;
}

void to_lower(std::string_view utf8, std::string& out) {
    // Lowered in place when every character is ASCII or a lower-case letter ("første"):
    // ICU's full lower-case mapping leaves a lower-case letter as it is (test_parse_fast_paths
    // checks this for every code point). Anything else hands the whole word to ICU, whose
    // mapping can depend on the context (Greek final sigma).
    out.assign(utf8);
    bool simple = true;
    for (std::size_t i = 0; i < out.size() && simple;) {
        const auto byte = static_cast<unsigned char>(out[i]);
        if (byte < 0x80) {
            if (byte >= 'A' && byte <= 'Z') out[i] = static_cast<char>(byte - 'A' + 'a');
            ++i;
            continue;
        }
        std::size_t length = 0;
        simple = is_lower_non_ascii(code_point_at_non_ascii(out, i, length));
        i += length;
    }
    if (simple) return;
    out.clear();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    u.toLower(icu::Locale::getRoot());
    u.toUTF8String(out);
}

std::size_t code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (const char ch : utf8) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

namespace {
template <class Predicate>
bool any_code_point(std::string_view s, Predicate predicate) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, i, n);
        if (predicate(c)) return true;
        i += n;
    }
    return false;
}
}  // namespace

bool has_lowercase(std::string_view utf8) { return any_code_point(utf8, is_lower); }
bool has_uppercase(std::string_view utf8) { return any_code_point(utf8, is_upper); }
bool has_digit(std::string_view utf8) { return any_code_point(utf8, is_digit); }

char32_t first_code_point(std::string_view utf8) {
    if (utf8.empty()) return 0;
    std::size_t n = 0;
    return code_point_at(utf8, 0, n);
}

char32_t last_code_point(std::string_view utf8) {
    std::size_t n = 0;
    return code_point_before(utf8, utf8.size(), n);
}

std::string_view trim_non_ascii(std::string_view s) {
    std::size_t begin = 0, end = s.size();
    while (begin < end) {
        std::size_t n = 0;
        if (!is_space(code_point_at(s, begin, n))) break;
        begin += n;
    }
    while (end > begin) {
        std::size_t n = 0;
        if (!is_space(code_point_before(s, end, n))) break;
        end -= n;
    }
    return s.substr(begin, end - begin);
}

std::string_view trim_ascii(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    return s;
}

namespace {
template <class Char>
std::size_t bounded_levenshtein(std::basic_string_view<Char> a, std::basic_string_view<Char> b, std::size_t limit) {
    const std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (length_gap > limit) return length_gap;
    // One row of the table; on the stack for words of ordinary length (the checker runs this
    // for every suggestion against every word of an article, the scorer for cognate pairs).
    std::array<std::size_t, 64> small{};
    std::vector<std::size_t> large;
    std::size_t* row = small.data();
    if (b.size() + 1 > small.size()) {
        large.resize(b.size() + 1);
        row = large.data();
    }
    // Only the band of cells within `limit` of the diagonal can hold a distance within it, so
    // a bounded distance of two long words costs their length times the limit, not their
    // product; the cells outside the band count as `limit + 1`.
    const std::size_t band = std::min(limit, std::max(a.size(), b.size()));
    const std::size_t outside = band + 1;
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j <= band ? j : outside;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        const std::size_t first = i > band ? i - band : 1;
        const std::size_t last = std::min(b.size(), i + band);
        std::size_t diagonal = row[first - 1];
        row[first - 1] = first == 1 ? i : outside;
        std::size_t row_minimum = row[first - 1];
        for (std::size_t j = first; j <= last; ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
            row_minimum = std::min(row_minimum, row[j]);
        }
        // No later row has a smaller entry.
        if (row_minimum > limit) return row_minimum;
    }
    return row[b.size()];
}
}  // namespace

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
    return bounded_levenshtein(a, b, limit);
}
std::size_t byte_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    return bounded_levenshtein(a, b, limit);
}

std::string_view leading_word(std::string_view s) {
    std::size_t end = 0;
    while (end < s.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(s, end, n);
        if (is_word_char(c)) {
            end += n;
            continue;
        }
        // An inner hyphen belongs to the word when a word character follows it.
        if (is_hyphen(c) && end > 0 && end + n < s.size()) {
            std::size_t m = 0;
            if (is_word_char(code_point_at(s, end + n, m))) {
                end += n;
                continue;
            }
        }
        break;
    }
    return s.substr(0, end);
}

// The word a line ends with when it ends in a hyphen ("genmanipu-" -> "genmanipu",
// "IL-3-" -> "IL-3"); empty when the line does not end in a word followed by a hyphen.
std::string_view word_before_final_hyphen(std::string_view line) {
    line = trim(line);
    std::size_t n = 0;
    if (!is_hyphen(code_point_before(line, line.size(), n))) return {};
    std::size_t end = line.size() - n, begin = end;
    while (begin > 0) {
        std::size_t m = 0;
        const char32_t c = code_point_before(line, begin, m);
        if (is_word_char(c) || (is_hyphen(c) && begin - m > 0)) {
            begin -= m;
            continue;
        }
        break;
    }
    while (begin < end) {  // no leading hyphen ("-fornyelse")
        std::size_t m = 0;
        if (!is_hyphen(code_point_at(line, begin, m))) break;
        begin += m;
    }
    return line.substr(begin, end - begin);
}

bool ends_with_sentence_end(std::string_view text) {
    text = trim(text);
    while (!text.empty()) {
        std::size_t n = 0;
        const char32_t c = code_point_before(text, text.size(), n);
        if (c == ')' || c == ']' || c == 0xBB || c == '"' || c == 0x201D || c == 0x2019) {
            text.remove_suffix(n);
            continue;
        }
        return c == '.' || c == '!' || c == '?';
    }
    return false;
}

}  // namespace summalign::detail
