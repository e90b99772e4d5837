#include "detail/check_words.hpp"
#include "summalign/error.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

namespace summalign::detail {

namespace {

// Calls f(code_point) for each code point of valid UTF-8 (invalid bytes give negative values).
template <typename F>
void for_each_code_point(std::string_view utf8, F&& f) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        f(c);
    }
}

std::u32string to_u32(std::string_view utf8) {
    std::u32string out;
    for_each_code_point(utf8, [&](UChar32 c) { out.push_back(static_cast<char32_t>(c)); });
    return out;
}

}  // namespace

// Undoes the spelling conventions that make Danish and English cognates look different
// (Greek/Latin ch, c, ph, th; Danish æ/ø/å and doubled consonants; English ae/oe).
std::u32string cognate_key(std::string_view word) {
    const std::u32string lower = to_u32(to_lower(word));
    std::u32string out;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const char32_t c = lower[i];
        const char32_t next = i + 1 < lower.size() ? lower[i + 1] : U'\0';
        char32_t mapped = c;
        if ((c == U'c' || c == U'p' || c == U't') && next == U'h') {
            mapped = c == U'c' ? U'k' : c == U'p' ? U'f' : U't';
            ++i;
        } else if ((c == U'a' || c == U'o') && next == U'e') {
            mapped = U'e';
            ++i;
        } else if (c == U'c' || c == U'q') {
            mapped = U'k';
        } else if (c == U'z') {
            mapped = U's';
        } else if (c == U'æ') {
            mapped = U'e';
        } else if (c == U'ø') {
            mapped = U'o';
        } else if (c == U'å') {
            mapped = U'a';
        } else if (c == U'y') {
            mapped = U'i';
        }
        if (!out.empty() && out.back() == mapped) continue;  // doubled letters
        out.push_back(mapped);
    }
    return out;
}

struct WordSplitter::Impl {
    // Never used directly: BreakIterator is not thread-safe, so split() works on a clone.
    std::unique_ptr<icu::BreakIterator> prototype;
};

WordSplitter::WordSplitter() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !impl_->prototype)
        throw Error(std::string("ICU word iterator: ") + u_errorName(status));
}
WordSplitter::~WordSplitter() = default;
WordSplitter::WordSplitter(WordSplitter&&) noexcept = default;
WordSplitter& WordSplitter::operator=(WordSplitter&&) noexcept = default;

std::vector<CheckWord> WordSplitter::split(std::string_view sentence) const {
    std::vector<CheckWord> words;
    if (sentence.empty()) return words;
    std::unique_ptr<icu::BreakIterator> it(impl_->prototype->clone());
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, sentence.data(), static_cast<int64_t>(sentence.size()), &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU utext: ") + u_errorName(status));
    it->setText(text, status);
    if (U_FAILURE(status)) {
        utext_close(text);
        throw Error(std::string("ICU setText: ") + u_errorName(status));
    }
    // With a UTF-8 UText the iterator's positions are byte offsets.
    auto previous = static_cast<std::size_t>(it->first());
    for (int32_t position = it->next(); position != icu::BreakIterator::DONE; position = it->next()) {
        const auto begin = previous, end = static_cast<std::size_t>(position);
        previous = end;
        const int32_t status_tag = it->getRuleStatus();
        const std::string_view token = sentence.substr(begin, end - begin);
        bool all_space = true;
        for_each_code_point(token, [&](UChar32 c) { all_space = all_space && u_isUWhiteSpace(c); });
        if (all_space) continue;
        CheckWord word;
        word.text = std::string(token);
        word.begin = begin;
        word.end = end;
        word.is_number = status_tag >= UBRK_WORD_NUMBER && status_tag < UBRK_WORD_NUMBER_LIMIT;
        word.is_letters = status_tag >= UBRK_WORD_LETTER && status_tag < UBRK_WORD_IDEO_LIMIT;
        words.push_back(std::move(word));
    }
    utext_close(text);
    return words;
}

std::size_t count_upper(std::string_view utf8) {
    std::size_t count = 0;
    for_each_code_point(utf8, [&](UChar32 c) { count += (c >= 0 && u_isupper(c)) ? 1 : 0; });
    return count;
}

std::size_t count_letters(std::string_view utf8) {
    std::size_t count = 0;
    for_each_code_point(utf8, [&](UChar32 c) { count += (c >= 0 && u_isalpha(c)) ? 1 : 0; });
    return count;
}

bool starts_upper(std::string_view utf8) {
    if (utf8.empty()) return false;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(utf8.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    return edit_distance(to_u32(a), to_u32(b), limit);
}

double cognate_similarity(std::string_view danish, std::string_view english) {
    return cognate_similarity_of_keys(cognate_key(danish), cognate_key(english));
}

double cognate_similarity_of_keys(std::u32string_view a, std::u32string_view b) {
    const std::size_t longer = std::max(a.size(), b.size());
    if (longer == 0) return 0.0;
    return 1.0 - static_cast<double>(edit_distance(a, b)) / static_cast<double>(longer);
}

double cognate_similarity_at_least(std::u32string_view a, std::u32string_view b, double floor) {
    const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
    if (longer == 0) return 0.0;
    const auto similarity_at = [longer](std::size_t distance) {
        return 1.0 - static_cast<double>(distance) / static_cast<double>(longer);
    };
    if (similarity_at(longer - shorter) < floor) return 0.0;
    // The largest distance that still reaches `floor` (computed as the similarity itself is,
    // so that rounding cannot tell the two apart); beyond it the edit distance can stop.
    std::size_t allowed = longer - shorter;
    while (allowed < longer && similarity_at(allowed + 1) >= floor) ++allowed;
    const std::size_t distance = edit_distance(a, b, allowed);
    return distance <= allowed ? similarity_at(distance) : 0.0;
}

double spelling_similarity(std::string_view a, std::string_view b) {
    const auto x = to_u32(to_lower(a)), y = to_u32(to_lower(b));
    const std::size_t longer = std::max(x.size(), y.size());
    if (longer == 0) return 0.0;
    return 1.0 - static_cast<double>(edit_distance(x, y)) / static_cast<double>(longer);
}

}  // namespace summalign::detail

namespace summalign::detail {

namespace {

bool is_vowel(char32_t c) {
    return std::u32string_view(U"aeiouyæøåéèáàäöü").find(c) != std::u32string_view::npos;
}

// Neighbouring keys on a Nordic QWERTY keyboard (each row shifted half a key to the right of
// the one above it).
bool keyboard_neighbours(char32_t a, char32_t b) {
    static constexpr std::u32string_view rows[] = {U"qwertyuiopå", U"asdfghjklæø", U"zxcvbnm"};
    for (std::size_t r = 0; r < 3; ++r) {
        const auto i = rows[r].find(a);
        if (i == std::u32string_view::npos) continue;
        if ((i > 0 && rows[r][i - 1] == b) || (i + 1 < rows[r].size() && rows[r][i + 1] == b)) return true;
        if (r > 0) {  // above: the same index and the next
            if ((i < rows[r - 1].size() && rows[r - 1][i] == b) || (i + 1 < rows[r - 1].size() && rows[r - 1][i + 1] == b)) return true;
        }
        if (r + 1 < 3) {  // below: the same index and the one before
            if ((i < rows[r + 1].size() && rows[r + 1][i] == b) || (i > 0 && i - 1 < rows[r + 1].size() && rows[r + 1][i - 1] == b))
                return true;
        }
        return false;
    }
    return false;
}

bool sound_alike(char32_t a, char32_t b) {
    static constexpr std::pair<char32_t, char32_t> pairs[] = {{U'c', U'k'}, {U'c', U's'}, {U's', U'z'}, {U'v', U'w'}, {U'g', U'j'},
                                                              {U'd', U't'}, {U'b', U'p'}, {U'g', U'k'}, {U'f', U'v'}, {U'q', U'k'},
                                                              {U'x', U's'}, {U'm', U'n'}};
    for (const auto& [x, y] : pairs)
        if ((a == x && b == y) || (a == y && b == x)) return true;
    return false;
}

double substitution_cost(char32_t typed, char32_t meant) {
    if (typed == meant) return 0.0;
    if (is_vowel(typed) && is_vowel(meant)) return 0.6;
    if (keyboard_neighbours(typed, meant)) return 0.6;
    if (sound_alike(typed, meant)) return 0.7;
    return 1.0;
}

}  // namespace

double typo_cost(std::string_view typo_utf8, std::string_view candidate_utf8) {
    const std::u32string t = to_u32(typo_utf8), c = to_u32(candidate_utf8);
    const std::size_t n = t.size(), m = c.size();
    std::vector<double> d((n + 1) * (m + 1), 0.0);
    auto at = [&](std::size_t i, std::size_t j) -> double& { return d[i * (m + 1) + j]; };
    // at(i, j): cost of typing c[0, j) as t[0, i).
    for (std::size_t i = 1; i <= n; ++i) at(i, 0) = at(i - 1, 0) + 1.0;
    for (std::size_t j = 1; j <= m; ++j) at(0, j) = at(0, j - 1) + 0.9;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            // t[i-1] typed although not meant: a doubled letter when it repeats its neighbour
            // and that neighbour stands for the meant letter beside it (thenn is then with its
            // n doubled, not the with two letters added: only one of a pair is the extra one).
            const bool doubled =
                (i >= 2 && t[i - 2] == t[i - 1] && j >= 1 && c[j - 1] == t[i - 1]) ||
                (i < n && t[i] == t[i - 1] && j < m && c[j] == t[i - 1]);
            const double insert = doubled ? 0.4 : 1.0;
            // c[j-1] meant but not typed: an undoubled letter when c doubles it and the other
            // letter of the pair is typed.
            const bool undoubled =
                (j >= 2 && c[j - 2] == c[j - 1] && i >= 1 && t[i - 1] == c[j - 1]) ||
                (j < m && c[j] == c[j - 1] && i < n && t[i] == c[j - 1]);
            const double drop = undoubled ? 0.4 : 0.9;
            double best = std::min({at(i - 1, j) + insert, at(i, j - 1) + drop, at(i - 1, j - 1) + substitution_cost(t[i - 1], c[j - 1])});
            if (i >= 2 && j >= 2 && t[i - 1] == c[j - 2] && t[i - 2] == c[j - 1] && t[i - 1] != t[i - 2])
                best = std::min(best, at(i - 2, j - 2) + 0.6);
            at(i, j) = best;
        }
    }
    // The first letter is seldom mistyped (a reader and a writer both see it best): an edit
    // there is less likely than the same edit inside the word.
    const double first_letter = n > 0 && m > 0 && t[0] != c[0] ? 0.5 : 0.0;
    return at(n, m) + first_letter;
}

bool has_vowel(std::string_view word) {
    for (const char32_t c : to_u32(to_lower(word)))
        if (is_vowel(c)) return true;
    return false;
}

std::string capitalise_first(std::string_view word) {
    if (word.empty()) return {};
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(word.size()), c);
    if (c < 0) return std::string(word);
    uint8_t buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, u_toupper(c), error);
    if (error) return std::string(word);
    return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length)) + std::string(word.substr(static_cast<std::size_t>(i)));
}

namespace {

// Opening and closing marks around a token: brackets, quotes and, at its end, punctuation.
constexpr std::string_view path_openers[] = {"(", "[", "{", "<", "\"", "'", "“", "‘", "«", "»", "„"};
constexpr std::string_view path_closers[] = {")", "]", "}", ">", "\"", "'", "”", "’", "«", "»", ".", ",", ";", ":", "!", "?"};

std::string_view strip_marks(std::string_view token) {
    for (bool changed = true; changed && !token.empty();) {
        changed = false;
        for (const std::string_view m : path_openers)
            if (token.starts_with(m)) {
                token.remove_prefix(m.size());
                changed = true;
            }
        for (const std::string_view m : path_closers)
            if (token.ends_with(m)) {
                token.remove_suffix(m.size());
                changed = true;
            }
    }
    return token;
}

bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// name.ext: an extension of one to five lower-case letters or digits after a name.
bool has_file_extension(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size() || name.size() - dot - 1 > 5) return false;
    for (const char c : name.substr(dot + 1))
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

}  // namespace

bool is_path_like(std::string_view token) {
    token = strip_marks(token);
    if (token.size() < 2) return false;
    // Something after the root: a letter, digit, dot or underscore ("/" alone, "./" alone are not paths).
    auto named = [](std::string_view rest) {
        return !rest.empty() && (is_ascii_alnum(rest.front()) || rest.front() == '.' || rest.front() == '_' || rest.front() == '$' ||
                                 static_cast<unsigned char>(rest.front()) >= 0x80);
    };
    for (const std::string_view root : {"/", "~/", "./", "../", "$HOME/", "${HOME}/"})
        if (token.starts_with(root) && named(token.substr(root.size()))) return true;
    if (token.size() > 3 && is_ascii_alnum(token[0]) && token[1] == ':' && (token[2] == '\\' || token[2] == '/') && named(token.substr(3)))
        return true;
    std::size_t slashes = 0;
    for (std::size_t k = 0; k < token.size(); ++k) {
        if (token[k] != '/' && token[k] != '\\') continue;
        // A separator between two names (not "/ " nor "//" nor at an end).
        if (k == 0 || k + 1 == token.size() || !named(token.substr(k + 1))) return false;
        if (token[k] == '\\') return true;
        ++slashes;
    }
    if (slashes >= 2) return true;
    return slashes == 1 && has_file_extension(token.substr(token.find('/') + 1));
}

bool is_code_like(std::string_view token) {
    token = strip_marks(token);
    // Marks prose does not glue to words; a star only when something follows it (a
    // footnote star ends a word: ord*).
    const std::size_t mark = token.find_first_of("\\^{}[]<>=|_$#~*");
    if (mark == std::string_view::npos) return false;
    if (token[mark] == '*' && mark + 1 == token.size()) return false;
    return std::any_of(token.begin(), token.end(), [](char c) { return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80; });
}

std::vector<bool> code_words(std::string_view text, const std::vector<CheckWord>& words) {
    return words_in_tokens(text, words, [](std::string_view token) { return is_code_like(token); });
}

std::vector<bool> words_in_tokens(std::string_view text, const std::vector<CheckWord>& words, bool (*is_token)(std::string_view)) {
    std::vector<bool> inside(words.size(), false);
    // A byte of a multi-byte character is no space.
    auto space = [](char c) { return static_cast<unsigned char>(c) < 0x80 && is_space(static_cast<char32_t>(c)); };
    std::size_t first_word = 0;  // words before it begin before the current token
    std::size_t token_begin = 0;
    while (token_begin < text.size()) {
        while (token_begin < text.size() && space(text[token_begin])) ++token_begin;
        std::size_t token_end = token_begin;
        while (token_end < text.size() && !space(text[token_end])) ++token_end;
        while (first_word < words.size() && words[first_word].begin < token_begin) ++first_word;
        if (is_token(text.substr(token_begin, token_end - token_begin)))
            for (std::size_t k = first_word; k < words.size() && words[k].begin < token_end; ++k)
                if (words[k].end <= token_end) inside[k] = true;
        token_begin = token_end;
    }
    return inside;
}

std::vector<bool> path_words(std::string_view text, const std::vector<CheckWord>& words) {
    return words_in_tokens(text, words, [](std::string_view token) {
        return token.find_first_of("/\\") != std::string_view::npos && is_path_like(token);
    });
}

std::vector<std::string> code_names(std::string_view text, const std::vector<CheckWord>& words) {
    std::vector<std::string> names;
    auto add = [&](std::string_view letters) {
        if (code_points(letters) >= 3 && count_letters(letters) == code_points(letters)) names.push_back(to_lower(letters));
    };
    // A byte of a multi-byte character counts as a letter: the marks and digits are ASCII.
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80; };
    const auto in_code = code_words(text, words), in_path = path_words(text, words);
    for (std::size_t i = 0; i < words.size(); ++i) {
        // A word may hold marks ICU keeps inside it (speakup.synth) and digits (exim4).
        const std::string_view w = words[i].text;
        for (std::size_t begin = 0; begin < w.size();) {
            if (!letter(w[begin])) {
                ++begin;
                continue;
            }
            std::size_t end = begin;
            while (end < w.size() && letter(w[end])) ++end;
            if (in_code[i] || in_path[i] || (end < w.size() && w[end] >= '0' && w[end] <= '9')) add(w.substr(begin, end - begin));
            begin = end;
        }
    }
    // Hyphen-joined runs (partman-lvm, partman-ext3): glued word, hyphen, word, ...
    for (std::size_t i = 0; i < words.size();) {
        std::size_t end = i + 1;
        while (end + 1 < words.size() && words[end].text == "-" && words[end - 1].end == words[end].begin &&
               words[end].end == words[end + 1].begin && (words[end + 1].is_letters || words[end + 1].is_number))
            end += 2;
        if (end > i + 1) {
            // A lower-case part with a digit glued to its letters (ext3) or without a vowel
            // (lvm); not a number (COVID-19-patienter) nor an abbreviation (DHCP-klienter).
            bool code = false;
            for (std::size_t k = i; k < end; k += 2) {
                const std::string_view part = words[k].text;
                if (count_upper(part) > 0 || count_letters(part) == 0) continue;
                code = code || has_digit(part) || !has_vowel(part);
            }
            if (code)
                for (std::size_t k = i; k < end; k += 2)
                    if (words[k].is_letters) add(words[k].text);
        }
        i = end;
    }
    return names;
}

std::vector<std::string> apostrophe_inflected_names(const std::vector<CheckWord>& words) {
    static constexpr std::string_view endings[] = {"en", "et", "er", "erne", "ene", "ens", "ets", "ernes", "e", "ne"};
    std::vector<std::string> names;
    for (const CheckWord& w : words) {
        if (!w.is_letters) continue;
        const std::string_view text = w.text;
        for (const std::string_view apostrophe : {std::string_view("’"), std::string_view("'")}) {
            const std::size_t at = text.find(apostrophe);
            if (at == std::string_view::npos) continue;
            const std::string_view stem = text.substr(0, at), ending = text.substr(at + apostrophe.size());
            if (std::ranges::find(endings, ending) == std::end(endings)) continue;
            if (code_points(stem) >= 3 && count_letters(stem) == code_points(stem)) names.push_back(to_lower(stem));
        }
    }
    return names;
}

bool is_bracketed_ending(const std::vector<CheckWord>& words, std::size_t i) {
    if (i < 2 || i + 1 >= words.size()) return false;
    const CheckWord &stem = words[i - 2], &open = words[i - 1], &ending = words[i], &close = words[i + 1];
    if (open.text != "(" || close.text != ")" || !stem.is_letters || !ending.is_letters) return false;
    if (stem.end != open.begin || open.end != ending.begin || ending.end != close.begin) return false;
    // An ending: up to five letters (knap(perne)), no capital unless the stem is written in capitals too (MAPPE(RNE)).
    const std::size_t letters = count_letters(ending.text);
    if (letters == 0 || letters != code_points(ending.text) || letters > 5 || code_points(stem.text) < 2) return false;
    return count_upper(ending.text) == 0 || count_upper(stem.text) == count_letters(stem.text);
}

}  // namespace summalign::detail
