#pragma once
// The word links behind SentenceScorer::score, per token: for claim support, which needs to
// know *which* words matched (a name or number of the claim left without a partner counts
// against support), not only the weighted share (docs/scoring.md, "Claim support").
#include <span>
#include <vector>

#include "detail/similarity_tokens.hpp"
#include "summalign/similarity.hpp"

namespace summalign::detail {

struct TokenLinks {
    // Strength of each token's strongest link (0: none), in token order; Danish tokens of
    // all `danish` sentences in sequence.
    std::vector<float> da, en;
    double score = 0.0;  // SentenceScorer::score(danish, english).score
};

// The same links as SentenceScorer::score (lexicon, anchors, then cognates), found key by
// key: time near linear in the tokens however often a word repeats on both sides.
TokenLinks token_links(std::span<const PreparedSentence* const> danish, const PreparedSentence& english);

// The same, found pair by pair as SentenceScorer::score finds them (each link of each token
// against the other side's tokens with its key, then the cognates token by token): time
// grows with the square of a word's repeats. The reference token_links must equal (tests).
TokenLinks token_links_pair_by_pair(std::span<const PreparedSentence* const> danish, const PreparedSentence& english);

}  // namespace summalign::detail
