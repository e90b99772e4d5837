#pragma once
// The ladder dynamic program, independent of how beads are scored: a monotone path
// through the (Danish, English) lattice made of 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1 steps,
// maximising the sum of bead gains. Restricted to a band of lattice nodes so that long
// texts cost O(n * band) rather than O(n * m).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace summalign::detail {

struct BeadShape {
    std::uint8_t da = 0;  // sentences taken from the Danish side (0, 1 or 2)
    std::uint8_t en = 0;
    friend bool operator==(const BeadShape&, const BeadShape&) = default;
};

// Shapes the ladder may use, in the order the DP tries them (ties go to the first).
inline constexpr BeadShape kAllShapes[] = {{1, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 0}, {0, 1}};
inline constexpr BeadShape kSimpleShapes[] = {{1, 1}, {1, 0}, {0, 1}};

// Gain of a bead that covers Danish [da_begin, da_begin + shape.da) and English
// [en_begin, en_begin + shape.en). Higher is better; the DP maximises the sum.
using BeadGain = std::function<double(std::size_t da_begin, std::size_t en_begin, BeadShape shape)>;

struct PathBead {
    std::size_t da_begin = 0;
    std::size_t en_begin = 0;
    BeadShape shape;
    double gain = 0.0;
};

// The lattice nodes the DP may visit: for Danish position i (0..n) the English positions
// [lo[i], hi[i]] (inclusive). Both vectors have n + 1 entries, are non-decreasing, and
// contain (0, 0) and (n, m).
struct Band {
    std::vector<std::size_t> lo;
    std::vector<std::size_t> hi;
    std::size_t cells() const;
};

// The band of half-width `radius` around the straight line from (0, 0) to (n, m).
Band diagonal_band(std::size_t n, std::size_t m, std::size_t radius);
// The band of half-width `radius` (in English positions and Danish rows) around `path`.
Band band_around_path(const std::vector<PathBead>& path, std::size_t n, std::size_t m, std::size_t radius);
// The whole lattice.
Band full_band(std::size_t n, std::size_t m);

// True when some node of `path` lies within `margin` of a band edge that is not also an
// edge of the lattice: the best path may have been cut off, and a wider band is needed.
bool path_near_band_edge(const std::vector<PathBead>& path, const Band& band, std::size_t m, std::size_t margin);

// The best path from (0, 0) to (n, m) within `band` using `shapes`. Beads in order.
// Always succeeds when `shapes` contains 1-0 and 0-1 (every node of a valid band is reachable).
// `bound`, when given, is an upper bound of `gain` for beads that take sentences from both
// sides, cheap to compute: a bead whose bound cannot beat what the node already has (from
// an omission, or an earlier shape) is not scored. The path is the same as without it.
// `tighter`, when given with `bound`, is a second upper bound of `gain`, tested only for
// the beads that `bound` lets through: dearer than `bound` but cheaper than `gain` (e.g. a
// score before penalties that only lower it), so the costly rest is done only for beads
// that can still win. Same path again.
std::vector<PathBead> best_ladder(std::size_t n, std::size_t m, const BeadGain& gain, const Band& band,
                                  std::span<const BeadShape> shapes, const BeadGain* bound = nullptr,
                                  const BeadGain* tighter = nullptr);

}  // namespace summalign::detail
