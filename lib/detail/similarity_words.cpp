#include "detail/similarity_words.hpp"
#include "detail/utf8.hpp"
#include "summalign/error.hpp"

#include <libstemmer.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <stdexcept>
#include <unordered_set>

namespace summalign::detail {
namespace {

// Decodes the code point at `i` (advancing `i`); invalid bytes decode as U+FFFD.
UChar32 next_code_point(std::string_view text, std::size_t& i) {
    UChar32 c = 0;
    const auto length = static_cast<int32_t>(text.size());
    auto at = static_cast<int32_t>(i);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"
    U8_NEXT(text.data(), at, length, c);
#pragma GCC diagnostic pop
    i = static_cast<std::size_t>(at);
    return c < 0 ? 0xFFFD : c;
}

// Letters, digits and non-spacing marks. Unlike detail::is_word_char (utf8.hpp), a combining
// spacing mark ends a token here. ASCII is classed inline, as utf8.hpp's helpers do (ICU's
// classes of the ASCII range are the same; its lookups cost a property trie each).
bool is_word_char(UChar32 c) {
    if (c < 0x80) return is_letter(static_cast<char32_t>(c)) || is_digit(static_cast<char32_t>(c));
    return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
}
bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Replaces every occurrence of `from` in `s` by `to`.
void replace_all(std::string& s, std::string_view from, std::string_view to) {
    std::size_t pos = 0;
    while ((pos = s.find(from, pos)) != std::string::npos) {
        s.replace(pos, from.size(), to);
        pos += to.size();
    }
}

bool replace_suffix(std::string& s, std::string_view from, std::string_view to) {
    if (s.size() <= from.size() + 2 || !ends_with(s, from)) return false;
    s.replace(s.size() - from.size(), from.size(), to);
    return true;
}

}  // namespace

std::vector<RawToken> tokenize(std::string_view text) {
    std::vector<RawToken> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const UChar32 c = next_code_point(text, i);
        if (c == '[') {
            // Citation mark: [13], [2, 5], [3-7]
            std::size_t j = i;
            bool has_digit = false;
            while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ',' ||
                                       text[j] == ' ' || text[j] == '-')) {
                has_digit |= std::isdigit(static_cast<unsigned char>(text[j])) != 0;
                ++j;
            }
            if (has_digit && j < text.size() && text[j] == ']') {
                std::string digits;
                for (std::size_t k = i; k < j; ++k)
                    if (text[k] != ' ') digits += text[k];
                tokens.push_back({"[" + digits + "]", false, true});
                i = j + 1;
            }
            continue;
        }
        if (is_digit(static_cast<char32_t>(c))) {
            std::size_t end = i;
            while (end < text.size()) {
                std::size_t next = end;
                const UChar32 d = next_code_point(text, next);
                if (is_digit(static_cast<char32_t>(d))) {
                    end = next;
                } else if ((d == '.' || d == ',') && next < text.size() &&
                           std::isdigit(static_cast<unsigned char>(text[next]))) {
                    end = next;
                } else {
                    break;
                }
            }
            // A number glued to letters (CD34, 5q) is a word, not a number.
            std::size_t after = end;
            if (after < text.size()) {
                std::size_t probe = after;
                if (is_letter(static_cast<char32_t>(next_code_point(text, probe)))) {
                    while (after < text.size()) {
                        std::size_t next = after;
                        if (!is_word_char(next_code_point(text, next))) break;
                        after = next;
                    }
                    tokens.push_back({std::string(text.substr(start, after - start)), false, false});
                    i = after;
                    continue;
                }
            }
            if (end < text.size() && text[end] == '%') ++end;
            tokens.push_back({std::string(text.substr(start, end - start)), true, false});
            i = end;
            continue;
        }
        if (!is_word_char(c)) continue;
        std::size_t end = i;
        while (end < text.size()) {
            // An ASCII letter or digit continues the word without being decoded and classed
            // (what is_word_char says of it).
            if (const char32_t byte = static_cast<unsigned char>(text[end]);
                byte < 0x80 && (is_ascii_upper(byte) || is_ascii_lower(byte) || is_ascii_digit(byte))) {
                ++end;
                continue;
            }
            std::size_t next = end;
            const UChar32 d = next_code_point(text, next);
            if (is_word_char(d)) {
                end = next;
            } else if (is_apostrophe(d) && next < text.size()) {
                std::size_t after = next;
                if (!is_letter(static_cast<char32_t>(next_code_point(text, after)))) break;
                end = next;
            } else {
                break;
            }
        }
        std::string word(text.substr(start, end - start));
        replace_all(word, "\u2019", "'");
        tokens.push_back({std::move(word), false, false});
        i = end;
    }
    return tokens;
}

bool looks_like_abbreviation(std::string_view surface) {
    int upper = 0;
    int lower = 0;
    std::size_t i = 0;
    while (i < surface.size()) {
        const UChar32 c = next_code_point(surface, i);
        if (u_isupper(c)) ++upper;
        else if (u_islower(c)) ++lower;
    }
    return upper >= 2 && lower == 0;
}

std::string abbreviation_of(std::string_view surface) {
    if (const auto apostrophe = surface.find('\''); apostrophe != std::string_view::npos)
        surface = surface.substr(0, apostrophe);
    if (surface.size() >= 3 && surface.back() == 's' && looks_like_abbreviation(surface.substr(0, surface.size() - 1)))
        surface.remove_suffix(1);
    return looks_like_abbreviation(surface) ? std::string(surface) : std::string();
}

bool is_capitalised(std::string_view surface) {
    std::size_t i = 0;
    if (surface.empty() || !u_isupper(next_code_point(surface, i))) return false;
    return !looks_like_abbreviation(surface);
}

std::string normalise_number(std::string_view surface) {
    std::string out;
    out.reserve(surface.size());
    for (char c : surface) out += (c == ',') ? '.' : c;
    return out;
}

Stemmer::Stemmer(const char* language) : stemmer_(sb_stemmer_new(language, "UTF_8")) {
    if (!stemmer_) throw Error(std::string("no Snowball stemmer for ") + language);
}
Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::stem(std::string_view lower) const {
    const auto* result = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lower.data()),
                                         static_cast<int>(lower.size()));
    if (!result) return std::string(lower);
    return std::string(reinterpret_cast<const char*>(result), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

namespace {
void add_unique(std::vector<std::string>& out, std::string s) {
    if (s.size() >= 2 && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

// "hatt" -> "hat" (hatten), "stopp" -> "stop" (stopped); empty when the base ends in no
// doubled consonant.
std::string_view undoubled(std::string_view base) {
    if (base.size() >= 3 && base[base.size() - 1] == base[base.size() - 2] && !is_vowel(base.back()))
        return base.substr(0, base.size() - 1);
    return {};
}
}  // namespace

bool find_danish_lemma_candidate(std::string_view lower, const std::function<bool(std::string_view)>& found) {
    auto offer = [&](std::string_view candidate) { return candidate.size() >= 2 && found(candidate); };  // no 1-letter forms
    if (offer(lower)) return true;
    // Longest endings first: the definite plural before the plural, etc.
    static constexpr std::array<std::string_view, 27> endings = {
        "ernes", "enes", "erne", "ende", "ene", "ede", "ens", "ers", "ets", "est", "ere", "este", "este",
        "en",    "er",   "et",   "es",   "te", "de",  "ne",  "re",  "e",   "s",   "t",   "r",    "n", "st"};
    std::string candidate;  // one buffer for every candidate: most words are looked up, not kept
    for (auto ending : endings) {
        // The last letter first: it rules out most endings without a comparison call.
        if (lower.size() < ending.size() + 2 || lower.back() != ending.back() || !ends_with(lower, ending)) continue;
        const std::string_view base = lower.substr(0, lower.size() - ending.size());
        if (offer(base)) return true;
        candidate.assign(base).push_back('e');
        if (offer(candidate)) return true;
        if (const std::string_view single = undoubled(base); !single.empty()) {
            if (offer(single)) return true;
            candidate.assign(single).push_back('e');
            if (offer(candidate)) return true;
        }
    }
    return false;
}

bool find_english_lemma_candidate(std::string_view lower, const std::function<bool(std::string_view)>& found) {
    auto offer = [&](std::string_view candidate) { return candidate.size() >= 2 && found(candidate); };  // no 1-letter forms
    if (offer(lower)) return true;
    std::string candidate;
    auto strip = [&](std::string_view ending, std::initializer_list<std::string_view> replacements) {
        if (lower.size() < ending.size() + 2 || lower.back() != ending.back() || !ends_with(lower, ending)) return false;
        const std::string_view base = lower.substr(0, lower.size() - ending.size());
        for (auto r : replacements) {
            candidate.assign(base).append(r);
            if (offer(candidate)) return true;
        }
        const std::string_view single = undoubled(base);
        return !single.empty() && offer(single);
    };
    return strip("ies", {"y"}) || strip("ied", {"y"}) || strip("es", {"", "e"}) || strip("s", {""}) ||
           strip("ed", {"", "e"}) || strip("ing", {"", "e"}) || strip("er", {"", "e"}) || strip("est", {"", "e"}) ||
           strip("ly", {""});
}

std::vector<std::string> danish_lemma_candidates(std::string_view lower) {
    std::vector<std::string> out;
    find_danish_lemma_candidate(lower, [&](std::string_view c) { return add_unique(out, std::string(c)), false; });
    return out;
}

std::vector<std::string> english_lemma_candidates(std::string_view lower) {
    std::vector<std::string> out;
    find_english_lemma_candidate(lower, [&](std::string_view c) { return add_unique(out, std::string(c)), false; });
    return out;
}

std::vector<std::string> expand_english_contraction(std::string_view lower) {
    static const std::array<std::pair<std::string_view, std::vector<std::string>>, 6> whole = {{
        {"can't", {"can", "not"}},
        {"won't", {"will", "not"}},
        {"shan't", {"shall", "not"}},
        {"cannot", {"can", "not"}},
        {"ain't", {"is", "not"}},
        {"let's", {"let", "us"}},
    }};
    for (const auto& [word, parts] : whole)
        if (lower == word) return parts;
    const auto apostrophe = lower.find('\'');
    if (apostrophe == std::string_view::npos) return {};
    const std::string head(lower.substr(0, apostrophe));
    const std::string_view tail = lower.substr(apostrophe + 1);
    if (tail == "t" && ends_with(head, "n")) return {head.substr(0, head.size() - 1), "not"};
    if (tail == "m") return {head, "am"};
    if (tail == "re") return {head, "are"};
    if (tail == "ll") return {head, "will"};
    if (tail == "ve") return {head, "have"};
    if (tail == "d") return {head, "would"};
    if (tail == "s") return {head};  // possessive or "is": the head carries the meaning
    return {head};
}

std::vector<std::string> split_compound(std::string_view lower, const std::function<bool(std::string_view)>& known,
                                        int max_parts) {
    constexpr std::size_t min_part = 3;
    if (max_parts < 2 || lower.size() < 2 * min_part) return {};
    std::vector<std::string> best;
    // Longest first part first: "knoglemarvs|punktur" is found before "knogle|marvspunktur".
    for (std::size_t cut = lower.size() - min_part; cut >= min_part; --cut) {
        const std::string_view first = lower.substr(0, cut);
        if (!known(first)) continue;
        std::string_view rest = lower.substr(cut);
        std::vector<std::string_view> rests = {rest};
        if (rest.size() > min_part && (rest.front() == 's' || rest.front() == 'e')) rests.push_back(rest.substr(1));
        for (auto tail : rests) {
            if (tail.size() < min_part) continue;
            std::vector<std::string> parts;
            if (known(tail)) {
                parts = {std::string(first), std::string(tail)};
            } else if (max_parts > 2) {
                auto sub = split_compound(tail, known, max_parts - 1);
                if (sub.empty()) continue;
                parts.emplace_back(first);
                parts.insert(parts.end(), sub.begin(), sub.end());
            } else {
                continue;
            }
            if (best.empty() || parts.size() < best.size() ||
                (parts.size() == best.size() && parts.back().size() > best.back().size()))
                best = std::move(parts);
        }
        // The first acceptable split with two parts is as good as it gets for a given
        // length of the first part; continuing finds shorter first parts (longer heads).
    }
    return best;
}

std::string cognate_skeleton(std::string_view lower, bool danish) {
    std::string s(lower);
    if (danish) {
        replace_all(s, "aa", "a");
        replace_all(s, "æ", "e");
        replace_all(s, "ø", "o");
        replace_all(s, "å", "a");
        replace_all(s, "é", "e");
        // Danish endings and their English counterparts.
        replace_suffix(s, "isere", "is") || replace_suffix(s, "ering", "ation") || replace_suffix(s, "itet", "iti") ||
            replace_suffix(s, "isk", "ik") || replace_suffix(s, "iske", "ik") || replace_suffix(s, "ere", "at") ||
            replace_suffix(s, "ose", "osis") || replace_suffix(s, "ikel", "icle") || replace_suffix(s, "ens", "ence");
    } else {
        replace_all(s, "ae", "e");
        replace_all(s, "oe", "e");
        replace_all(s, "th", "t");
        replace_all(s, "ph", "f");
        replace_all(s, "ch", "k");
        replace_all(s, "ck", "k");
        replace_all(s, "qu", "kv");
        replace_suffix(s, "ize", "is") || replace_suffix(s, "ise", "is") || replace_suffix(s, "ical", "ik") ||
            replace_suffix(s, "ate", "at") || replace_suffix(s, "ated", "at") || replace_suffix(s, "ation", "ation");
    }
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case 'c': c = 'k'; break;
            case 'q': c = 'k'; break;
            case 'z': c = 's'; break;
            case 'y': c = 'i'; break;
            case 'w': c = 'v'; break;
            case 'x':
                out += 'k';
                c = 's';
                break;
            default: break;
        }
        if (!out.empty() && out.back() == c) continue;  // doubled letters
        out += c;
    }
    if (out.size() > 4 && out.back() == 'e') out.pop_back();
    if (out.size() > 4 && out.back() == 'a' && !danish) out.pop_back();  // leukaemia ~ leukæmi
    return out;
}

double edit_similarity_at_least(std::string_view a, std::string_view b, double floor) {
    if (a.empty() && b.empty()) return 1.0 >= floor ? 1.0 : 0.0;
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    const std::size_t longer = std::max(n, m);
    // The value and the largest distance that reaches `floor` use the same arithmetic, so that
    // rounding cannot tell them apart.
    const auto similarity_at = [longer](std::size_t distance) {
        return 1.0 - static_cast<double>(distance) / static_cast<double>(longer);
    };
    const std::size_t length_gap = longer - std::min(n, m);
    if (similarity_at(length_gap) < floor) return 0.0;
    std::size_t allowed = length_gap;
    while (allowed < longer && similarity_at(allowed + 1) >= floor) ++allowed;
    const std::size_t distance = byte_edit_distance(a, b, allowed);
    return distance <= allowed ? similarity_at(distance) : 0.0;
}

bool is_function_word(std::string_view lower, bool danish) {
    static const std::unordered_set<std::string_view> danish_words = {
        "og", "i", "at", "det", "en", "den", "til", "er", "som", "på", "de", "med", "af", "for", "ikke", "der",
        "var", "et", "har", "om", "nu", "over", "da", "fra", "ud", "op", "hvor", "eller", "hvad", "skal",
        "her", "vil", "blev", "kunne", "ind", "når", "være", "dog", "noget", "ville", "jo", "efter", "ned",
        "skulle", "denne", "end", "dette", "også", "under", "have", "meget", "mod", "disse", "hvis", "nogle",
        "hos", "blive", "bliver", "ad", "været", "sådan", "så", "kan", "hvilken", "hvilke", "men", "man",
        "ja", "nej", "jo", "vel", "lige", "bare", "få", "hvordan", "hvorfor", "hvornår", "hvem", "mellem",
        "uden", "sig", "sin", "sit", "sine", "selv", "alle", "alt", "andre", "anden", "andet", "hver", "hvert",
        "må", "måtte", "bør", "kun", "mere", "mest", "meget", "før", "igen", "ved", "gennem", "omkring",
        "havde", "fordi", "idet", "mens", "siden", "hen", "tit", "ofte", "vist", "nok", "ganske", "allerede"};
    static const std::unordered_set<std::string_view> english_words = {
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from",
        "as", "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does",
        "did", "not", "no", "this", "that", "these", "those", "there", "here", "what", "which", "who",
        "whom", "whose", "when", "where", "why", "how", "if", "then", "than", "so", "too", "very", "can",
        "could", "will", "would", "shall", "should", "may", "might", "must", "all", "any", "some", "each",
        "every", "both", "either", "neither", "just", "also", "only", "up", "out", "about", "into", "over",
        "after", "before", "again", "more", "most", "such", "own", "same", "other", "s", "t", "it", "its",
        "yes", "between", "through", "around", "without", "because", "while", "since", "already", "often",
        "quite", "get", "got", "much", "many"};
    return danish ? danish_words.count(lower) > 0 : english_words.count(lower) > 0;
}

bool is_false_friend(std::string_view lower) {
    static const std::unordered_set<std::string_view> words = {
        "by",   "for",  "bad",  "fart", "gift", "barn", "kind", "mine", "sin",  "bare", "her",  "man",
        "time", "tag",  "den",  "dem",  "hold", "rat",  "rate", "slut", "fast", "art",
        "is",   "hun",  "so",   "to",   "og",   "i",    "at",   "a",    "en",   "han",  "sent", "after",
        "still", "dag", "far",  "lige", "fire", "hund", "mund", "brand", "hest", "bog",  "hel",  "ham",
        "stol", "send", "vist", "lever", "kok", "mod",  "spring", "stand", "glas", "us",  "hen",  "tid",
        "fire", "seng", "under", "over", "men", "de",   "se",   "et",   "ser",  "dø",   "do",   "did"};
    return words.count(lower) > 0;
}

std::uint64_t key_of(char ns, std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    auto mix = [&hash](unsigned char c) {
        hash ^= c;
        hash *= 1099511628211ull;
    };
    mix(static_cast<unsigned char>(ns));
    mix('|');
    for (char c : text) mix(static_cast<unsigned char>(c));
    return hash;
}

}  // namespace summalign::detail
