// The merge tests of the ladder (lib/detail/align_sketch): on hand-built prepared sentences
// whose links are known, so the expected losses follow from the definitions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "detail/align_sketch.hpp"
#include "detail/similarity_keys.hpp"

using namespace summalign;
using namespace summalign::detail;

namespace {

struct Word {
    std::uint64_t key;                 // the word's own key
    std::vector<std::uint64_t> links;  // keys of its translations
    float weight = 1.0f;
};

// A prepared sentence with the given words, built the way SentenceScorer::prepare lays
// them out (own keys indexed, translations in links).
PreparedSentence sentence_of(Lang lang, const std::vector<Word>& words) {
    PreparedSentence sentence;
    sentence.lang = lang;
    for (std::uint32_t i = 0; i < words.size(); ++i) {
        detail::PreparedToken token;
        token.surface = token.lower = token.stem = "w" + std::to_string(words[i].key);
        token.weight = words[i].weight;
        token.own_keys = {words[i].key};
        for (auto key : words[i].links) token.links.push_back({key, MatchKind::dictionary, 1.0f});
        sentence.tokens.push_back(token);
        sentence.text += token.surface + " ";
    }
    summalign::detail::index_keys(sentence);
    return sentence;
}

// Danish "udskriver" (1) <-> English "print(s)" (101); "dokument" (2) <-> "document" (102);
// "gemmer" (3) <-> "save(s)" (103).
const Word udskriver{1, {101}}, dokument{2, {102}}, gemmer{3, {103}};
const Word print{101, {1}}, document{102, {2}}, save{103, {3}};
// "vælg" (4) <-> "select" (104), weighed as a content word; "makro" (5) <-> "macro" (105).
const Word vaelg{4, {104}, 2.0f}, makro{5, {105}};
const Word select_word{104, {4}, 2.0f}, macro{105, {5}};

}  // namespace

TEST_CASE("an omitted heading glued to its paragraph competes for the paragraph's word") {
    // "Udskriver dokument" against "Print" + "Prints document": one udskriver for two prints.
    const auto single = sketch_of(sentence_of(Lang::da, {udskriver, dokument}));
    const auto heading = sketch_of(sentence_of(Lang::en, {print}));
    const auto paragraph = sketch_of(sentence_of(Lang::en, {print, document}));
    // Each part alone is fully matched; together one "print" has no partner left.
    CHECK(shared_link_loss(single, heading, paragraph) == Approx(1.0));
}

TEST_CASE("a true merge draws on different words and loses nothing") {
    // "Udskriver. Udskriver dokument" (the heading kept in the Danish merge) against the same
    // two English parts: every print has its own udskriver.
    const auto single = sketch_of(sentence_of(Lang::da, {udskriver, udskriver, dokument}));
    const auto heading = sketch_of(sentence_of(Lang::en, {print}));
    const auto paragraph = sketch_of(sentence_of(Lang::en, {print, document}));
    CHECK(shared_link_loss(single, heading, paragraph) == Approx(0.0));
    // Parts about different things do not compete either.
    const auto single2 = sketch_of(sentence_of(Lang::da, {gemmer, dokument}));
    const auto first = sketch_of(sentence_of(Lang::en, {save}));
    const auto second = sketch_of(sentence_of(Lang::en, {document}));
    CHECK(shared_link_loss(single2, first, second) == Approx(0.0));
}

TEST_CASE("a merge's parts are covered in order: the first part by the start of the single side") {
    // "Macro" + "Select macro document macro" against "Vælg makro dokument makro": every
    // macro has its makro, so no word is left without a partner; but the heading's only
    // partners come after "vælg", the paragraph's first word, so the heading is not
    // rendered before the paragraph, as a merge's first part would be.
    const auto heading = sketch_of(sentence_of(Lang::en, {macro}));
    const auto paragraph = sketch_of(sentence_of(Lang::en, {select_word, macro, document, macro}));
    const auto glued = sketch_of(sentence_of(Lang::da, {vaelg, makro, dokument, makro}));
    const MergeCheck check = check_merge(glued, heading, paragraph);
    CHECK(check.shared_loss == Approx(0.0));
    CHECK(merge_part(glued, heading).coverage == Approx(1.0));  // in any order it would be covered
    CHECK(check.first_coverage == Approx(0.0));
    CHECK(check.second_coverage == Approx(1.0));
    // The heading translated in front: both parts covered, each by its own stretch.
    const auto merged = sketch_of(sentence_of(Lang::da, {makro, vaelg, makro, dokument, makro}));
    const MergeCheck kept = check_merge(merged, heading, paragraph);
    CHECK(kept.first_coverage == Approx(1.0));
    CHECK(kept.second_coverage == Approx(1.0));
    // A short second part is covered by the end of the single side in the same way.
    const MergeCheck trailing = check_merge(sketch_of(sentence_of(Lang::da, {vaelg, makro, dokument, makro, gemmer})),
                                            paragraph, sketch_of(sentence_of(Lang::en, {save})));
    CHECK(trailing.first_coverage == Approx(1.0));
    CHECK(trailing.second_coverage == Approx(1.0));
}

TEST_CASE("the loss counts word weight, and a compound word may stand for two words") {
    Word heavy_print = print;
    heavy_print.weight = 2.5f;
    const auto single = sketch_of(sentence_of(Lang::da, {udskriver}));
    const auto first = sketch_of(sentence_of(Lang::en, {heavy_print}));
    const auto second = sketch_of(sentence_of(Lang::en, {heavy_print}));
    CHECK(shared_link_loss(single, first, second) == Approx(2.5));

    auto compound = sentence_of(Lang::da, {udskriver});
    compound.tokens[0].is_compound = true;
    CHECK(shared_link_loss(sketch_of(compound), first, second) == Approx(0.0));
}

TEST_CASE("part coverage is the weight share of a part that the other side accounts for") {
    const auto part = sketch_of(sentence_of(Lang::en, {print, document, Word{104, {}, 2.0f}}));
    const std::vector<SentenceSketch> danish{sketch_of(sentence_of(Lang::da, {udskriver})),
                                             sketch_of(sentence_of(Lang::da, {dokument}))};
    CHECK(part_coverage(part, danish) == Approx(2.0 / 4.0));
    CHECK(part_coverage(part, std::span(danish).first(1)) == Approx(1.0 / 4.0));
    CHECK(part_coverage(part, {}) == Approx(0.0));
}

TEST_CASE("the reach filter never hides a key, so claim and merge-part coverage equal a direct count") {
    // Long sentences (hundreds of reach keys fill the filter) with random keys, some shared.
    // Keys spread over all 64 bits as real (hashed) keys are, drawn from 3,000 words.
    std::mt19937_64 random(20261129);
    auto random_key = [&] { return (random() % 3000 + 1) * 0x9E3779B97F4A7C15ull; };
    auto random_sentence = [&](Lang lang, std::size_t words) {
        std::vector<Word> list;
        for (std::size_t i = 0; i < words; ++i) {
            Word word{random_key(), {}};
            for (int k = 0; k < 12; ++k) word.links.push_back(random_key());
            list.push_back(word);
        }
        return sentence_of(lang, list);
    };
    for (int round = 0; round < 20; ++round) {
        const PreparedSentence claim = random_sentence(Lang::en, 30), evidence = random_sentence(Lang::da, 40);
        const SentenceSketch claim_sketch = sketch_of(claim), evidence_sketch = sketch_of(evidence);
        for (const auto& [key, token] : evidence_sketch.reach) REQUIRE(might_reach(evidence_sketch, key));

        std::vector<char> expected(claim.tokens.size(), 0);
        for (std::size_t t = 0; t < claim.tokens.size(); ++t) {
            const auto& token = claim.tokens[t];
            for (const auto& other : evidence.tokens) {
                for (const auto& link : token.links)
                    if (std::count(other.own_keys.begin(), other.own_keys.end(), link.key)) expected[t] = 1;
                for (const auto& link : other.links)
                    if (std::count(token.own_keys.begin(), token.own_keys.end(), link.key)) expected[t] = 1;
            }
        }
        CHECK(claim_tokens_covered(claim_sketch, evidence_sketch) == expected);
        // The merge test's coverage of a part is the same share, read off its links.
        CHECK(merge_part(evidence_sketch, claim_sketch).coverage ==
              Approx(part_coverage(claim_sketch, std::span(&evidence_sketch, 1))));
        // And by two sentences, from their merge parts: exactly the same value.
        const std::vector<SentenceSketch> two{evidence_sketch, sketch_of(random_sentence(Lang::da, 25))};
        const MergePart first = merge_part(two[0], claim_sketch), second = merge_part(two[1], claim_sketch);
        const MergePart* by_two[] = {&first, &second};
        CHECK(part_coverage_from(claim_sketch, by_two) == part_coverage(claim_sketch, two));
    }
}
