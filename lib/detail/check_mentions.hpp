#pragma once
// Numbers and abbreviations mentioned in a sentence, in a form that can be compared across
// Danish and English: 2,5 (da) = 2.5 (en), 1.000 (da) = 1,000 (en), tre = three = 3,
// MSCs = MSC. Citation marks ([13], [14-16]), years in parenthesised citations and
// identifiers (IL-3, CD105, Stro-1) are not numbers.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "detail/check_words.hpp"
#include "summalign/segment.hpp"

namespace summalign::detail {

struct Mention {
    std::string text;      // as written
    std::string key;       // compared across languages: "2.5", "3", "MSC"
    std::size_t begin = 0;  // byte span in the sentence
    std::size_t end = 0;
    bool spelled = false;  // a number written as a word (tre, three)
};

// `words` is WordSplitter::split(sentence).
std::vector<Mention> find_numbers(std::string_view sentence, const std::vector<CheckWord>& words, Lang lang);
std::vector<Mention> find_abbreviations(std::string_view sentence, const std::vector<CheckWord>& words);

// The key of a number written with `lang`'s separators, or empty when `text` is not one.
std::string number_key(std::string_view text, Lang lang);
// The abbreviation `word` stands for without an English plural s (MSCs -> MSC), or empty
// when `word` is not an abbreviation (fewer than two capitals, a Roman numeral, lower case).
std::string abbreviation_key(std::string_view word);

}  // namespace summalign::detail
