#pragma once
// Word-level helpers for the sentence similarity model: tokenising, Snowball stemming,
// Danish lemma candidates and compound splitting, cognate skeletons, function-word lists.
// Private to the library (tests may include it).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/utf8.hpp"

struct sb_stemmer;

namespace summalign::detail {

// A word or number as it appears in running text.
struct RawToken {
    std::string surface;
    bool is_number = false;    // 12, 3,5, 1.000, 45%
    bool is_citation = false;  // [13] or [2, 5]
};

// Splits running text into words (letters and digits, with internal apostrophes kept
// for English contractions), numbers and citation marks; punctuation is dropped and
// hyphens separate words (MSC-behandling -> MSC, behandling).
std::vector<RawToken> tokenize(std::string_view text);

// Unicode lower-casing (ICU, root locale): the text layer's (utf8.hpp).

// True for a word of two or more letters written in capitals, possibly with digits
// (MSC, SCT, HLA, CD34, mRNA is not).
bool looks_like_abbreviation(std::string_view surface);
// The abbreviation a token stands for, or "" when it is none: MSC, MSCs -> MSC (English
// plural), MSC'er / SCT'en -> MSC / SCT (Danish endings after an apostrophe).
std::string abbreviation_of(std::string_view surface);
// True when the first letter is upper case and the rest is not all upper case.
bool is_capitalised(std::string_view surface);

// Numbers written the Danish or English way compare equal: "3,5" and "3.5" become
// "3.5", "1.000" and "1,000" become "1.000"; a trailing % is kept.
std::string normalise_number(std::string_view surface);

// One Snowball stemmer ("danish" or "english"). Not thread-safe: make one per call site.
class Stemmer {
public:
    explicit Stemmer(const char* language);
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;
    std::string stem(std::string_view lower) const;

private:
    sb_stemmer* stemmer_;
};

// Lookup forms for an inflected Danish word, most specific first (the word itself,
// then the word with inflectional endings removed, with and without a final -e, and
// with a doubled final consonant undoubled): huset -> hus, spiste -> spise, hatten -> hat.
std::vector<std::string> danish_lemma_candidates(std::string_view lower);
// The same for English: houses -> house, stopped -> stop, studies -> study.
std::vector<std::string> english_lemma_candidates(std::string_view lower);
// The same candidates in the same order (repeats not removed, forms of one letter left out), each passed to `found` until
// it returns true: for lookups that want the first known form, without building the list.
// True when `found` did.
bool find_danish_lemma_candidate(std::string_view lower, const std::function<bool(std::string_view)>& found);
bool find_english_lemma_candidate(std::string_view lower, const std::function<bool(std::string_view)>& found);

// English contractions to full words: "don't" -> {"do", "not"}, "i'm" -> {"i", "am"}.
// Returns an empty vector for a word that is not a contraction.
std::vector<std::string> expand_english_contraction(std::string_view lower);

// Splits a Danish compound into parts that `known` accepts (each at least 3 letters),
// allowing a linking -s- or -e- between parts: knoglemarvspunktur -> {knoglemarv, punktur}.
// Prefers the fewest parts, then the longest final part (the head). Empty when no split.
std::vector<std::string> split_compound(std::string_view lower,
                                        const std::function<bool(std::string_view)>& known,
                                        int max_parts = 3);

// Spelling skeleton that maps Danish and English spellings of a shared (Latin/Greek)
// word to the same string: kronisk/chronic -> kronik, terapi/therapy -> terapi,
// universitet/university -> universiti, operere/operate -> operat.
// One of two cognate normalisers, on purpose: this one has rules per language (endings such
// as -isk/-ical, -ering/-ation) and must map both spellings to the same bytes, because the
// scorer hashes a prefix of it into candidate keys and compares skeletons byte by byte;
// check_words.hpp's cognate_key applies one set of rules to both words for the checker's
// graded look-alike measure. Each is part of what its stage was calibrated with (the
// similarity weights, docs/similarity.md; the checker's thresholds, docs/check.md): one
// normaliser for both would change scores and findings.
std::string cognate_skeleton(std::string_view lower, bool danish);

// 1 - Levenshtein distance / length of the longer string, over bytes of the skeletons, when
// that is at least `floor`, else 0 (floor 0: always the value). Stops as soon as the distance
// must exceed what `floor` allows: most pairs a scorer tries are far apart.
double edit_similarity_at_least(std::string_view a, std::string_view b, double floor);

// The strength of a cognate link between a Danish and an English word's cognate skeletons
// (first letters equal, lengths within three, edit similarity at least 0.72, scaled by 0.9),
// or 0 when they are not close enough: the scorer's, also for claim support's extra links.
float cognate_strength(std::string_view danish, std::string_view english);

// Closed-class and very frequent words; they weigh little in the score.
bool is_function_word(std::string_view lower, bool danish);
// Words spelt the same in both languages that mean something else (Danish "gift" is
// married, "by" is town): they never count as identical-spelling matches.
bool is_false_friend(std::string_view lower);

// 64-bit FNV-1a of `ns` + '|' + `text`: keys in different namespaces never collide in practice.
std::uint64_t key_of(char ns, std::string_view text);

}  // namespace summalign::detail
