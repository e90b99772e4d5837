#pragma once
// The ladder aligner on top of the DP: turns bead similarities into gains and chooses the
// band (full for short texts; for long texts a cheap 1-1 pass in a widening diagonal band,
// then all bead shapes in a narrow band around that first path, as hunalign does).
#include <cstddef>
#include <functional>
#include <vector>

#include "detail/align_dp.hpp"

namespace summalign::detail {

// Evidence that the two sides of the bead at (da_begin, en_begin) with `shape` (never an
// omission) are translations of each other: the log-likelihood ratio
// log P(texts | translation) / P(texts | unrelated), i.e. the log-odds at a 1:1 prior.
using BeadSimilarity = std::function<double(std::size_t da_begin, std::size_t en_begin, BeadShape shape)>;

// How often translators drop, split and merge sentences; a 1-1 bead has the remaining
// probability. The path maximises the sum over beads of log P(shape) + evidence (omissions
// have no evidence term): the generative model of Gale & Church (1993) with a lexical
// likelihood ratio in place of theirs on lengths alone. Gale & Church's own priors
// (omissions 0.0099 together, merges 0.089, 2-2 0.011) come from literary-style parallel
// text; summaries and help pages drop and merge more, and these defaults were chosen on
// the held-out "dev" LibreOffice pages (docs/scoring.md) with the merge tests of
// lib/align.cpp in place, which these priors need.
struct ShapePriors {
    double omission = 0.12;  // each of 1-0 and 0-1
    double merge = 0.12;     // each of 1-2 and 2-1
    double two_two = 0.001;
    double of(BeadShape shape) const;
};

struct LadderParameters {
    ShapePriors priors;
    // Lattices with at most this many nodes are searched whole.
    std::size_t full_search_cells = 40000;
    // First half-width of the diagonal band for long texts (0 = from the lengths).
    std::size_t band = 0;
    // Half-width of the second band around the first path.
    std::size_t refine_radius = 1;
    // When set, the one band searched (all bead shapes, no first pass): a caller that
    // already knows where the path runs (align_texts, from its anchors).
    const Band* fixed_band = nullptr;
    // When set, an upper bound of the similarity of any bead, cheap to compute (e.g. from
    // the lengths alone): beads that cannot be on the best path are then not scored.
    const BeadSimilarity* similarity_bound = nullptr;
    // When set with similarity_bound, a tighter upper bound of the similarity, dearer than
    // that one but cheaper than the similarity itself (the score before penalties that
    // only lower it): tested only for the beads similarity_bound lets through.
    const BeadSimilarity* similarity_tighter_bound = nullptr;
};

struct LadderStatistics {
    std::size_t similarity_calls = 0;  // distinct bead similarities computed
    std::size_t passes = 0;            // DP runs (band widenings included)
    std::size_t cells = 0;             // lattice nodes visited over all passes
};

// `coarse`, when given, stands in for `similarity` in the first pass over long texts (1-1
// beads only): it should be much cheaper and only roughly right.
std::vector<PathBead> align_sequences(std::size_t n, std::size_t m, const BeadSimilarity& similarity,
                                      const LadderParameters& parameters = {}, LadderStatistics* statistics = nullptr,
                                      const BeadSimilarity* coarse = nullptr);

// align_ladder (summalign/align.hpp) searching only `band` (n + 1 rows for n Danish
// sentences): for long texts whose path is known to run inside it. `dense`: the lattice is
// short, and its beads are scored as a whole search's (the same scores, a different cost:
// similarity_keys.hpp, BeadScorer); otherwise as a long band's, where a bead whose sketch
// coverage is hopeless takes the sketch's value instead of a full score. `sorted` (taken;
// read only when `dense`): the sentences' links sorted already (similarity_keys.hpp).
struct SortedLinks;
}  // namespace summalign::detail

#include "summalign/align.hpp"

namespace summalign::detail {
std::vector<Bead> align_ladder_in_band(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                                       std::span<const PreparedSentence> english, const LadderOptions& options,
                                       const Band& band, bool dense = false, SortedLinks* sorted = nullptr);
// align_ladder over the whole lattice as align_texts runs it on short texts. Both this and
// align_ladder_in_band rate beads with text_calibration() (align_calibration.hpp: the
// uncovered share counts more against a long bead), align_ladder with default_calibration().
std::vector<Bead> align_text_ladder(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                                    std::span<const PreparedSentence> english, const LadderOptions& options);
}  // namespace summalign::detail
