#pragma once
// Anchors for long texts: pairs of segments that are certainly translations of each other,
// found without the ladder, so that a long text can be cut into short stretches that the
// ladder aligns one at a time (align_texts). Cost and memory linear in the number of
// segments: an inverted index over the English segments' keys (as `mine` uses) proposes a
// few English segments per Danish one, near where the text has got to; the full scorer
// decides among them.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "detail/align_dp.hpp"
#include "summalign/similarity.hpp"

namespace summalign::detail {

// Which English segments have each key (own stem, anchor or translation): built one
// segment at a time, so that the caller need not keep the prepared segments.
class AnchorIndex {
public:
    void add_english(const PreparedSentence& english);  // the next English segment
    std::size_t english_count() const noexcept { return english_count_; }

    // The `count` English segments in [window_begin, window_end) with the most votes from
    // `danish`, best first (ties to the lower index). A token's vote for a segment is its
    // weight times the rarity (inverse document frequency among the English segments) of
    // its rarest key that the segment has, once per token and segment; keys held by more
    // than `max_postings` segments are skipped.
    std::vector<std::uint32_t> candidates(const PreparedSentence& danish, std::size_t count, std::size_t max_postings,
                                          std::size_t window_begin = 0,
                                          std::size_t window_end = std::numeric_limits<std::size_t>::max());

private:
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings_;
    std::size_t english_count_ = 0;
    // Scratch for candidates(), one entry per English segment.
    std::vector<float> votes_;
    std::vector<std::uint32_t> stamp_;
    std::vector<std::uint32_t> touched_;
    std::vector<const std::vector<std::uint32_t>*> lists_;
    std::uint32_t round_ = 0;
};

// The best and second-best score a segment got against the other side's segments.
struct BestScores {
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::uint32_t best = kNone;
    double best_score = -std::numeric_limits<double>::infinity();
    double second_score = -std::numeric_limits<double>::infinity();
    void offer(std::uint32_t other, double score);
};

// The anchors as pairs (Danish index, English index): a pair is kept when each is the
// other's best, its score is at least `min_score` and beats the runner-up on both sides by
// `min_margin`; then the longest chain increasing on both sides (anchors never cross).
std::vector<std::pair<std::size_t, std::size_t>> select_anchors(std::span<const BestScores> danish,
                                                                std::span<const BestScores> english, double min_score,
                                                                double min_margin);

// The first step of select_anchors on part of the texts: the mutual best pairs (i, j) that
// clear both bounds, with Danish i in [danish_begin, danish_end) and English j >= english_begin.
std::vector<std::pair<std::size_t, std::size_t>> mutual_best_pairs(std::span<const BestScores> danish,
                                                                   std::span<const BestScores> english, double min_score,
                                                                   double min_margin, std::size_t danish_begin,
                                                                   std::size_t danish_end, std::size_t english_begin);

// The second step: the longest chain of `pairs` (in Danish order, one per Danish index)
// increasing on both sides.
std::vector<std::pair<std::size_t, std::size_t>> longest_chain(std::span<const std::pair<std::size_t, std::size_t>> pairs);

// Lattice nodes that a correct alignment passes through, for cutting: (i + 1, j + 1) for
// each two consecutive anchors (i, j), (i + 1, j + 1) (Danish i and i + 1 belong to
// different beads unless they form a 2-2 bead with English j and j + 1). Always starts
// with (0, 0) and ends with (n, m); strictly increasing on both sides.
std::vector<std::pair<std::size_t, std::size_t>> cut_nodes(std::span<const std::pair<std::size_t, std::size_t>> anchors,
                                                           std::size_t n, std::size_t m);

// The band a stretch's ladder searches: around the straight lines between consecutive
// `points` (lattice nodes, the first (0, 0), the last (n, m), increasing on both sides:
// the corners of the anchors inside the stretch). Between two points Δi rows and Δj
// columns apart it has half-width kBandRadius + |Δi - Δj| + min(Δi, Δj) / 4, at most
// kMaxBandRadius: the path is a staircase that strays from the line by |Δi - Δj| when the
// surplus is omitted in one piece, and by a share of the shorter side when omissions on
// both sides come in turn. The half-width reaches past the points too: an anchor is a
// pair the scores found certain, not the bead the ladder must take (a sentence that
// recurs nearby can be a slightly better partner than the translation's neighbour).
inline constexpr std::size_t kBandRadius = 3;
// ... the greatest half-width: the memory of a stretch's search stays bounded even where
// the anchors are far apart.
inline constexpr std::size_t kMaxBandRadius = 200;
Band band_along(const std::vector<std::pair<std::size_t, std::size_t>>& points);

}  // namespace summalign::detail
