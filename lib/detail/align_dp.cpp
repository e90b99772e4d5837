#include "detail/align_dp.hpp"
#include "summalign/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace summalign::detail {
namespace {

constexpr double kUnreachable = -std::numeric_limits<double>::infinity();

// Makes a band usable: clamps to the lattice, makes both bounds non-decreasing, and makes
// consecutive rows overlap so that every node is reachable with 1-0 and 0-1 steps.
void repair_band(Band& band, std::size_t n, std::size_t m) {
    band.lo.resize(n + 1, 0);
    band.hi.resize(n + 1, m);
    band.lo.front() = 0;
    band.hi.back() = m;
    for (std::size_t i = 0; i <= n; ++i) {
        band.hi[i] = std::min(band.hi[i], m);
        band.lo[i] = std::min(band.lo[i], band.hi[i]);
        if (i > 0) {
            band.lo[i] = std::max(band.lo[i], band.lo[i - 1]);
            band.hi[i] = std::max(band.hi[i], band.hi[i - 1]);
        }
    }
    band.lo.back() = std::min(band.lo.back(), m);
    // Non-decreasing from the end as well, so that lowering lo[n] did not break order.
    for (std::size_t i = n; i-- > 0;) band.lo[i] = std::min(band.lo[i], band.lo[i + 1]);
    for (std::size_t i = 1; i <= n; ++i)
        if (band.lo[i] > band.hi[i - 1]) band.hi[i - 1] = band.lo[i];
}

}  // namespace

std::size_t Band::cells() const {
    std::size_t total = 0;
    for (std::size_t i = 0; i < lo.size(); ++i) total += hi[i] - lo[i] + 1;
    return total;
}

Band full_band(std::size_t n, std::size_t m) {
    Band band{std::vector<std::size_t>(n + 1, 0), std::vector<std::size_t>(n + 1, m)};
    return band;
}

Band diagonal_band(std::size_t n, std::size_t m, std::size_t radius) {
    Band band;
    band.lo.resize(n + 1);
    band.hi.resize(n + 1);
    for (std::size_t i = 0; i <= n; ++i) {
        const double centre = n == 0 ? 0.0 : static_cast<double>(i) * static_cast<double>(m) / static_cast<double>(n);
        const auto c = static_cast<std::size_t>(std::llround(centre));
        band.lo[i] = c > radius ? c - radius : 0;
        band.hi[i] = c + radius;
    }
    repair_band(band, n, m);
    return band;
}

Band band_around_path(const std::vector<PathBead>& path, std::size_t n, std::size_t m, std::size_t radius) {
    // First the English range each Danish row touches on the path, then widened by
    // `radius` in both directions (rows within `radius` share their ranges).
    std::vector<std::size_t> path_lo(n + 1, m), path_hi(n + 1, 0);
    auto touch = [&](std::size_t i, std::size_t j) {
        path_lo[i] = std::min(path_lo[i], j);
        path_hi[i] = std::max(path_hi[i], j);
    };
    touch(0, 0);
    for (const PathBead& bead : path) {
        touch(bead.da_begin, bead.en_begin);
        // Intermediate nodes of a 2-x bead are on the path's route too.
        for (std::size_t a = 0; a <= bead.shape.da; ++a)
            for (std::size_t b = 0; b <= bead.shape.en; ++b) touch(bead.da_begin + a, bead.en_begin + b);
    }
    touch(n, m);
    Band band;
    band.lo.assign(n + 1, m);
    band.hi.assign(n + 1, 0);
    for (std::size_t i = 0; i <= n; ++i) {
        if (path_lo[i] > path_hi[i]) continue;  // row not on the path (cannot happen for a full path)
        const std::size_t first = i > radius ? i - radius : 0;
        const std::size_t last = std::min(n, i + radius);
        const std::size_t lo = path_lo[i] > radius ? path_lo[i] - radius : 0;
        const std::size_t hi = path_hi[i] + radius;
        for (std::size_t r = first; r <= last; ++r) {
            band.lo[r] = std::min(band.lo[r], lo);
            band.hi[r] = std::max(band.hi[r], hi);
        }
    }
    repair_band(band, n, m);
    return band;
}

bool path_near_band_edge(const std::vector<PathBead>& path, const Band& band, std::size_t m, std::size_t margin) {
    for (const PathBead& bead : path) {
        const std::size_t i = bead.da_begin, j = bead.en_begin;
        if (band.lo[i] > 0 && j < band.lo[i] + margin) return true;
        if (band.hi[i] < m && j + margin > band.hi[i]) return true;
    }
    return false;
}

std::vector<PathBead> best_ladder(std::size_t n, std::size_t m, const BeadGain& gain, const Band& input_band,
                                  std::span<const BeadShape> shapes, const BeadGain* bound, const BeadGain* tighter) {
    Band band = input_band;
    repair_band(band, n, m);
    // score[i][j - lo[i]]: best total gain of a path from (0, 0) to node (i, j).
    std::vector<std::vector<double>> score(n + 1);
    std::vector<std::vector<std::uint8_t>> from(n + 1);  // index into `shapes`, 255 = none
    for (std::size_t i = 0; i <= n; ++i) {
        score[i].assign(band.hi[i] - band.lo[i] + 1, kUnreachable);
        from[i].assign(band.hi[i] - band.lo[i] + 1, 255);
    }
    score[0][0] = 0.0;
    auto in_band = [&](std::size_t i, std::size_t j) { return j >= band.lo[i] && j <= band.hi[i]; };
    for (std::size_t i = 0; i <= n; ++i) {
        for (std::size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
            if (i == 0 && j == 0) continue;
            double best = kUnreachable;
            std::uint8_t best_shape = 255;
            // With a bound: the best the omissions reach (their gains are cheap); a bead that
            // cannot reach it, or what an earlier shape reached, loses to it whatever it scores.
            double floor = kUnreachable;
            if (bound)
                for (const BeadShape shape : shapes) {
                    if ((shape.da != 0 && shape.en != 0) || shape.da > i || shape.en > j) continue;
                    const std::size_t pi = i - shape.da, pj = j - shape.en;
                    if (!in_band(pi, pj) || score[pi][pj - band.lo[pi]] == kUnreachable) continue;
                    floor = std::max(floor, score[pi][pj - band.lo[pi]] + gain(pi, pj, shape));
                }
            for (std::size_t s = 0; s < shapes.size(); ++s) {
                const BeadShape shape = shapes[s];
                if (shape.da > i || shape.en > j) continue;
                const std::size_t pi = i - shape.da, pj = j - shape.en;
                if (!in_band(pi, pj)) continue;
                const double before = score[pi][pj - band.lo[pi]];
                if (before == kUnreachable) continue;
                if (bound && shape.da != 0 && shape.en != 0) {
                    const double to_beat = std::max(floor, best);
                    if (before + (*bound)(pi, pj, shape) < to_beat) continue;
                    if (tighter && before + (*tighter)(pi, pj, shape) < to_beat) continue;
                }
                const double total = before + gain(pi, pj, shape);
                if (total > best) {
                    best = total;
                    best_shape = static_cast<std::uint8_t>(s);
                }
            }
            score[i][j - band.lo[i]] = best;
            from[i][j - band.lo[i]] = best_shape;
        }
    }
    if (from[n][m - band.lo[n]] == 255 && (n > 0 || m > 0))
        throw Error("best_ladder: the end of the lattice is unreachable with these bead shapes");
    std::vector<PathBead> path;
    std::size_t i = n, j = m;
    while (i > 0 || j > 0) {
        const BeadShape shape = shapes[from[i][j - band.lo[i]]];
        const std::size_t pi = i - shape.da, pj = j - shape.en;
        path.push_back({pi, pj, shape, score[i][j - band.lo[i]] - score[pi][pj - band.lo[pi]]});
        i = pi;
        j = pj;
    }
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace summalign::detail
