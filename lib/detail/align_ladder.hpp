#pragma once
// The ladder aligner on top of the DP: turns bead similarities into gains and chooses the
// band (full for short texts; for long texts a cheap 1-1 pass in a widening diagonal band,
// then all bead shapes in a narrow band around that first path, as hunalign does).
#include <cstddef>
#include <functional>
#include <vector>

#include "detail/align_dp.hpp"

namespace summalign::detail {

// Similarity in [0, 1] of the bead at (da_begin, en_begin) with `shape` (never an omission).
using BeadSimilarity = std::function<double(std::size_t da_begin, std::size_t en_begin, BeadShape shape)>;

struct LadderParameters {
    // A 1-1 bead is preferred to leaving both sentences unaligned when its similarity
    // exceeds this value (each bead gains (sentences in it) x (similarity - threshold)).
    double threshold = 0.15;
    // Subtracted from the gain of every 1-2, 2-1 and 2-2 bead: a merge must earn its place.
    double merge_penalty = 0.10;
    // Lattices with at most this many nodes are searched whole.
    std::size_t full_search_cells = 40000;
    // First half-width of the diagonal band for long texts (0 = from the lengths).
    std::size_t band = 0;
    // Half-width of the second band around the first path.
    std::size_t refine_radius = 3;
};

struct LadderStatistics {
    std::size_t similarity_calls = 0;  // distinct bead similarities computed
    std::size_t passes = 0;            // DP runs (band widenings included)
    std::size_t cells = 0;             // lattice nodes visited over all passes
};

std::vector<PathBead> align_sequences(std::size_t n, std::size_t m, const BeadSimilarity& similarity,
                                      const LadderParameters& parameters = {}, LadderStatistics* statistics = nullptr);

}  // namespace summalign::detail
