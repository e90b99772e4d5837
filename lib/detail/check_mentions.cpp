#include "detail/check_mentions.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace summalign::detail {

namespace {

// Cardinal number words worth comparing. "en/et" and "one" are left out: they are far
// more often the article "a" (da) or a pronoun (en) than a count.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> danish_numbers{{
    {"to", "2"}, {"tre", "3"}, {"fire", "4"}, {"fem", "5"}, {"seks", "6"}, {"syv", "7"}, {"otte", "8"},
    {"ni", "9"}, {"ti", "10"}, {"elleve", "11"}, {"tolv", "12"}, {"tyve", "20"}, {"hundrede", "100"}, {"tusind", "1000"}}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> english_numbers{{
    {"two", "2"}, {"three", "3"}, {"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"},
    {"nine", "9"}, {"ten", "10"}, {"eleven", "11"}, {"twelve", "12"}, {"twenty", "20"}, {"hundred", "100"}, {"thousand", "1000"}}};

// d{1,3}(S ddd)+ : digits grouped in thousands with separator S.
bool is_grouped(std::string_view text, char separator) {
    const auto first = text.find(separator);
    if (first == std::string_view::npos || first == 0 || first > 3) return false;
    for (std::size_t i = 0; i < first; ++i)
        if (!is_ascii_digit(text[i])) return false;
    std::size_t i = first;
    while (i < text.size()) {
        if (text[i] != separator || i + 4 > text.size()) return false;
        for (std::size_t k = 1; k <= 3; ++k)
            if (!is_ascii_digit(text[i + k])) return false;
        i += 4;
    }
    return true;
}

bool is_small_roman_numeral(std::string_view word) {
    static constexpr std::array<std::string_view, 20> numerals{"II",  "III", "IV",  "VI",  "VII",  "VIII", "IX",
                                                               "XI",  "XII", "XIII", "XIV", "XV",  "XVI", "XVII",
                                                               "XVIII", "XIX", "XX", "XXI", "XXII", "XXX"};
    return std::find(numerals.begin(), numerals.end(), word) != numerals.end();
}

bool is_year(std::string_view key) {
    if (key.size() != 4 || !std::all_of(key.begin(), key.end(), is_ascii_digit)) return false;
    const int year = std::stoi(std::string(key));
    return year >= 1800 && year <= 2099;
}

bool adjacent(const CheckWord& left, const CheckWord& right) { return left.end == right.begin; }

// For each word, whether it lies inside [...] (citation marks) or inside a parenthesised
// group that reads like a citation: (Horwitz et al, 2002), (Smith 1999).
struct CitationContext {
    std::vector<bool> in_brackets;
    std::vector<bool> in_citation_parentheses;
};

CitationContext citation_context(const std::vector<CheckWord>& words) {
    CitationContext context{std::vector<bool>(words.size(), false), std::vector<bool>(words.size(), false)};
    int depth = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (words[i].text == "[") ++depth;
        context.in_brackets[i] = depth > 0;
        if (words[i].text == "]" && depth > 0) --depth;
    }
    for (std::size_t open = 0; open < words.size(); ++open) {
        if (words[open].text != "(") continue;
        std::size_t close = open + 1;
        while (close < words.size() && words[close].text != ")" && words[close].text != "(") ++close;
        if (close >= words.size() || words[close].text != ")") continue;
        bool et_al = false, capitalised = false;
        for (std::size_t k = open + 1; k < close; ++k) {
            if (words[k].text == "al" && k > open + 1 && words[k - 1].text == "et") et_al = true;
            if (words[k].is_letters && starts_upper(words[k].text)) capitalised = true;
        }
        if (et_al || capitalised)
            for (std::size_t k = open; k <= close; ++k) context.in_citation_parentheses[k] = true;
    }
    return context;
}

}  // namespace

std::string number_key(std::string_view text, Lang lang) {
    if (text.empty() || !is_ascii_digit(text.front()) || !is_ascii_digit(text.back())) return {};
    for (char c : text)
        if (!is_ascii_digit(c) && c != '.' && c != ',') return {};
    const char thousands = lang == Lang::da ? '.' : ',';
    const char decimal = lang == Lang::da ? ',' : '.';
    std::string key;
    if (is_grouped(text, thousands)) {
        for (char c : text)
            if (c != thousands) key.push_back(c);
        return key;
    }
    for (char c : text) key.push_back(c == decimal ? '.' : c);
    return key;
}

std::string abbreviation_key(std::string_view word) {
    if (count_upper(word) < 2) return {};
    std::string_view base = word;
    if (base.back() == 's') base.remove_suffix(1);  // English plural: MSCs
    // Only capitals and digits remain (Unicode capitals too: ÆØÅ).
    if (count_upper(base) + static_cast<std::size_t>(std::count_if(base.begin(), base.end(), is_ascii_digit)) != code_points(base))
        return {};
    if (is_small_roman_numeral(base)) return {};
    return std::string(base);
}

std::vector<Mention> find_numbers(std::string_view /*sentence*/, const std::vector<CheckWord>& words, Lang lang) {
    std::vector<Mention> mentions;
    const CitationContext context = citation_context(words);
    const auto& number_words = lang == Lang::da ? danish_numbers : english_numbers;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const CheckWord& word = words[i];
        if (context.in_brackets[i]) continue;
        if (word.is_letters) {
            const std::string lower = to_lower(word.text);
            for (const auto& [spelled, value] : number_words)
                if (lower == spelled) mentions.push_back({word.text, std::string(value), word.begin, word.end, true});
            continue;
        }
        std::string key = number_key(word.text, lang);
        if (key.empty()) continue;
        if (context.in_citation_parentheses[i] && is_year(key)) continue;
        // Identifiers: IL-3, Stro-1, faktor IX-gen; a number glued to letters is a name.
        if (i >= 1 && adjacent(words[i - 1], word) && words[i - 1].is_letters) continue;
        if (i >= 2 && words[i - 1].text == "-" && adjacent(words[i - 1], word) && adjacent(words[i - 2], words[i - 1]) &&
            words[i - 2].is_letters)
            continue;
        if (i + 1 < words.size() && adjacent(word, words[i + 1]) && words[i + 1].is_letters) continue;
        // Danish ordinals: "3. generation".
        if (lang == Lang::da && i + 2 < words.size() && words[i + 1].text == "." && adjacent(word, words[i + 1]) &&
            words[i + 2].is_letters && !starts_upper(words[i + 2].text))
            continue;
        mentions.push_back({word.text, std::move(key), word.begin, word.end, false});
    }
    return mentions;
}

std::vector<Mention> find_abbreviations(std::string_view /*sentence*/, const std::vector<CheckWord>& words) {
    std::vector<Mention> mentions;
    const CitationContext context = citation_context(words);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const CheckWord& word = words[i];
        if (!word.is_letters || context.in_brackets[i]) continue;
        std::string key = abbreviation_key(word.text);
        if (key.empty()) continue;
        mentions.push_back({word.text, std::move(key), word.begin, word.end, false});
    }
    return mentions;
}

}  // namespace summalign::detail
