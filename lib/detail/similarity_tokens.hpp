#pragma once
// What SentenceScorer::prepare finds in each word of a sentence (PreparedSentence::tokens):
// the keys, links and anchors that score() compares, private to the library. The public
// PreparedSentence holds them by value so that a prepared sentence stays a plain value
// (copyable, movable, one allocation for all its tokens).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/similarity.hpp"

namespace summalign::detail {

struct PreparedToken {
    std::string surface;  // as written
    std::string lower;    // case-folded
    std::string stem;     // Snowball stem of `lower`
    bool is_number = false;
    bool is_abbreviation = false;  // MSC, SCT, HLA
    bool is_citation = false;      // [13]
    bool is_name = false;          // capitalised word that is not a common word
    bool is_inflected = false;     // found in the lexicon only under a lemma candidate
    bool is_compound = false;      // found in the lexicon only as parts of a compound
    bool may_start_term = false;   // a multi-word lexicon entry may begin with this word
    // How much the token counts: rare content words weigh ~1, function words
    // little, numbers/abbreviations/names more (see docs/similarity.md).
    float weight = 1.0f;
    // Spelling skeleton for cognate matching (empty when the token is too short).
    std::string cognate;
    // Keys (hashes) that identify this token itself: its Snowball stem in its own
    // language and the stem of the dictionary form it was found under.
    std::vector<std::uint64_t> own_keys;
    // Keys of the stems of its possible translations in the other language,
    // each with the reason and how much the link is trusted.
    struct Link {
        std::uint64_t key = 0;
        MatchKind kind = MatchKind::dictionary;
        float strength = 1.0f;
    };
    std::vector<Link> links;
    // Anchors that need no lexicon (number, abbreviation, citation, name, identical
    // spelling, and a cognate prefix used only to find candidates): they match the
    // same key on the other side.
    std::vector<Link> anchors;
    // A Danish word made of two or more words the lexicon knows ("afsnit|s|typografier"),
    // whether or not it knows the whole word: each part's own key and links. Claim
    // support asks of each part whether it has a partner (a compound whose head matches
    // but whose modifier differs: "Tegntypografier" for "Paragraph Styles"); score()
    // does not read them.
    struct Part {
        std::uint64_t key = 0;
        std::vector<Link> links;
    };
    std::vector<Part> parts;
    // A Danish-side word the lexicon has no Danish translation or parts for but knows as an
    // English word ("Channels" in a sentence a Danish page left in English). Claim support
    // reads it; score() does not.
    bool english_word = false;
};

// What the library reads of a SentenceScorer's word analyses without preparing a sentence.
class ScorerWords {
public:
    // The first own key (the stem) of each token of `text` that has one, in text order,
    // repeats included: what prepare(text, lang).tokens[k].own_keys.front() gives, without
    // copying each word's analysis out of the memo, finding the phrases or building the
    // key index (mine's document frequencies read nothing else).
    static std::vector<std::uint64_t> stems(const SentenceScorer& scorer, std::string_view text, Lang lang);
};

}  // namespace summalign::detail
