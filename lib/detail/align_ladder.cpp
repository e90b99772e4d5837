#include "detail/align_ladder.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace summalign::detail {
namespace {

// Caches similarities so that a bead scored in one pass is not scored again in the next.
class CachedSimilarity {
public:
    CachedSimilarity(const BeadSimilarity& similarity, LadderStatistics& statistics)
        : similarity_(similarity), statistics_(statistics) {}

    double operator()(std::size_t i, std::size_t j, BeadShape shape) {
        const std::uint64_t key = (static_cast<std::uint64_t>(i) << 34) ^ (static_cast<std::uint64_t>(j) << 4) ^
                                  static_cast<std::uint64_t>(shape.da * 3 + shape.en);
        auto [it, inserted] = cache_.try_emplace(key, 0.0);
        if (inserted) {
            it->second = similarity_(i, j, shape);
            ++statistics_.similarity_calls;
        }
        return it->second;
    }

private:
    const BeadSimilarity& similarity_;
    LadderStatistics& statistics_;
    std::unordered_map<std::uint64_t, double> cache_;
};

}  // namespace

double ShapePriors::of(BeadShape shape) const {
    if (shape.da == 0 || shape.en == 0) return omission;
    if (shape.da == 1 && shape.en == 1) return std::max(1e-6, 1.0 - 2 * omission - 2 * merge - two_two);
    if (shape.da == 2 && shape.en == 2) return two_two;
    return merge;
}

std::vector<PathBead> align_sequences(std::size_t n, std::size_t m, const BeadSimilarity& similarity,
                                      const LadderParameters& parameters, LadderStatistics* statistics,
                                      const BeadSimilarity* coarse) {
    LadderStatistics local;
    LadderStatistics& stats = statistics ? *statistics : local;
    if (n == 0 && m == 0) return {};
    CachedSimilarity cached(similarity, stats);
    double log_prior[3][3] = {};
    for (std::uint8_t a = 0; a <= 2; ++a)
        for (std::uint8_t b = 0; b <= 2; ++b) log_prior[a][b] = std::log(parameters.priors.of({a, b}));
    const BeadGain gain = [&](std::size_t i, std::size_t j, BeadShape shape) -> double {
        const double prior = log_prior[shape.da][shape.en];
        if (shape.da == 0 || shape.en == 0) return prior;
        return prior + cached(i, j, shape);
    };
    BeadGain gain_bound, gain_tighter_bound;
    if (parameters.similarity_bound) {
        gain_bound = [&](std::size_t i, std::size_t j, BeadShape shape) -> double {
            return log_prior[shape.da][shape.en] + (*parameters.similarity_bound)(i, j, shape);
        };
        if (parameters.similarity_tighter_bound) {
            gain_tighter_bound = [&](std::size_t i, std::size_t j, BeadShape shape) -> double {
                return log_prior[shape.da][shape.en] + (*parameters.similarity_tighter_bound)(i, j, shape);
            };
        }
    }
    auto run = [&](const Band& band, std::span<const BeadShape> shapes, const BeadGain& with = {}) {
        ++stats.passes;
        stats.cells += band.cells();
        // The bound is of the full similarity, not of a coarse stand-in.
        const bool bounded = !with && gain_bound;
        return best_ladder(n, m, with ? with : gain, band, shapes, bounded ? &gain_bound : nullptr,
                           bounded && gain_tighter_bound ? &gain_tighter_bound : nullptr);
    };
    BeadGain coarse_gain;
    if (coarse) {
        coarse_gain = [&](std::size_t i, std::size_t j, BeadShape shape) -> double {
            const double prior = log_prior[shape.da][shape.en];
            if (shape.da == 0 || shape.en == 0) return prior;
            return prior + (*coarse)(i, j, shape);
        };
    }

    if (parameters.fixed_band) return run(*parameters.fixed_band, kAllShapes);
    if ((n + 1) * (m + 1) <= parameters.full_search_cells) return run(full_band(n, m), kAllShapes);

    // Pass 1: 1-1 beads and omissions only, in a diagonal band that doubles until the
    // path keeps away from its edges (or the band covers the lattice).
    const std::size_t longer = std::max(n, m);
    std::size_t radius = parameters.band != 0
                             ? parameters.band
                             : std::max<std::size_t>(16, static_cast<std::size_t>(std::sqrt(static_cast<double>(longer)) / 2));
    std::vector<PathBead> path;
    for (;;) {
        const Band band = diagonal_band(n, m, radius);
        path = run(band, kSimpleShapes, coarse_gain);
        if (radius >= longer || !path_near_band_edge(path, band, m, std::max<std::size_t>(2, radius / 4))) break;
        radius += radius / 2;
    }
    // Pass 2: every bead shape, close to the first path.
    return run(band_around_path(path, n, m, parameters.refine_radius), kAllShapes);
}

}  // namespace summalign::detail
