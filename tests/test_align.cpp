// The ladder DP on synthetic similarity matrices: a known true alignment, noisy similarities,
// and the aligner must give the true beads back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "detail/align_calibration.hpp"
#include "detail/align_dp.hpp"
#include "detail/align_ladder.hpp"

using namespace summalign::detail;

namespace {

using BeadKey = std::tuple<std::size_t, std::size_t, int, int>;  // da_begin, en_begin, da count, en count

// A bead is the set of sentences it joins: an omission is the same bead wherever it
// stands in a run of omissions, so its position on the other side is not part of it.
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
BeadKey key_of(std::size_t da_begin, std::size_t en_begin, int da, int en) {
    return {da == 0 ? kNone : da_begin, en == 0 ? kNone : en_begin, da, en};
}
BeadKey key_of(const PathBead& bead) { return key_of(bead.da_begin, bead.en_begin, bead.shape.da, bead.shape.en); }

struct Synthetic {
    std::size_t n = 0, m = 0;
    std::vector<BeadKey> truth;
    std::vector<int> da_group, en_group;  // which true bead each sentence belongs to
};

// A random true alignment: mostly 1-1, with the given rates of omissions and merges.
Synthetic make_synthetic(std::size_t beads, double omission_rate, double merge_rate, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Synthetic s;
    for (std::size_t b = 0; b < beads; ++b) {
        const double u = uniform(random);
        int a = 1, e = 1;
        if (u < omission_rate / 2) a = 1, e = 0;
        else if (u < omission_rate) a = 0, e = 1;
        else if (u < omission_rate + merge_rate / 3) a = 1, e = 2;
        else if (u < omission_rate + 2 * merge_rate / 3) a = 2, e = 1;
        else if (u < omission_rate + merge_rate) a = 2, e = 2;
        s.truth.push_back(key_of(s.n, s.m, a, e));
        for (int k = 0; k < a; ++k) s.da_group.push_back(static_cast<int>(b));
        for (int k = 0; k < e; ++k) s.en_group.push_back(static_cast<int>(b));
        s.n += a;
        s.m += e;
    }
    return s;
}

// Log-odds of a candidate bead: high when it is a true bead, middling when all its
// sentences lie in one true bead (a part of a merge), low otherwise; plus noise that
// is a fixed function of the bead, as a real scorer's would be.
BeadSimilarity synthetic_similarity(const Synthetic& s, unsigned seed) {
    std::set<BeadKey> truth(s.truth.begin(), s.truth.end());
    return [&s, truth, seed](std::size_t i, std::size_t j, BeadShape shape) {
        std::seed_seq sequence{seed, static_cast<unsigned>(i), static_cast<unsigned>(j),
                               static_cast<unsigned>(shape.da * 3 + shape.en)};
        std::mt19937 random(sequence);
        std::uniform_real_distribution<double> noise(-1.0, 1.0);
        if (truth.contains(key_of(i, j, shape.da, shape.en))) return 8.0 + noise(random);
        std::set<int> groups;
        for (std::size_t k = 0; k < shape.da; ++k) groups.insert(s.da_group[i + k]);
        for (std::size_t k = 0; k < shape.en; ++k) groups.insert(s.en_group[j + k]);
        if (groups.size() == 1) return 1.0 + noise(random);
        return -12.0 + noise(random);
    };
}

std::vector<BeadKey> keys(const std::vector<PathBead>& path) {
    std::vector<BeadKey> out;
    for (const PathBead& bead : path) out.push_back(key_of(bead));
    return out;
}

void require_covers_everything_once(const std::vector<PathBead>& path, std::size_t n, std::size_t m) {
    std::size_t i = 0, j = 0;
    for (const PathBead& bead : path) {
        REQUIRE(bead.da_begin == i);
        REQUIRE(bead.en_begin == j);
        REQUIRE(bead.shape.da + bead.shape.en > 0);
        i += bead.shape.da;
        j += bead.shape.en;
    }
    REQUIRE(i == n);
    REQUIRE(j == m);
}

}  // namespace

TEST_CASE("empty sides give only omissions") {
    const BeadSimilarity never = [](std::size_t, std::size_t, BeadShape) -> double {
        FAIL("no translation bead can exist when one side is empty");
        return 0.0;
    };
    CHECK(align_sequences(0, 0, never).empty());
    const auto only_english = align_sequences(0, 3, never);
    REQUIRE(only_english.size() == 3);
    for (const auto& bead : only_english) CHECK((bead.shape == BeadShape{0, 1}));
    const auto only_danish = align_sequences(2, 0, never);
    REQUIRE(only_danish.size() == 2);
    for (const auto& bead : only_danish) CHECK((bead.shape == BeadShape{1, 0}));
}

TEST_CASE("a merge, a split and an omission are recovered in a short text") {
    // da 0 | 1 2 | 3 | 4      en 0 | 1 | 2 3 | (none) | 4
    Synthetic s;
    s.truth = {key_of(0, 0, 1, 1), key_of(1, 1, 2, 1), key_of(3, 2, 1, 2), key_of(4, 4, 1, 0), key_of(5, 4, 1, 1)};
    s.da_group = {0, 1, 1, 2, 3, 4};
    s.en_group = {0, 1, 2, 2, 4};
    s.n = 6;
    s.m = 5;
    const auto path = align_sequences(s.n, s.m, synthetic_similarity(s, 7));
    require_covers_everything_once(path, s.n, s.m);
    CHECK(keys(path) == s.truth);
}

TEST_CASE("unrelated sentences are left unaligned rather than forced together") {
    const BeadSimilarity unrelated = [](std::size_t, std::size_t, BeadShape) { return -20.0; };
    const auto path = align_sequences(3, 3, unrelated);
    require_covers_everything_once(path, 3, 3);
    for (const auto& bead : path) CHECK((bead.shape.da == 0 || bead.shape.en == 0));
}

TEST_CASE("the band follows a long text with omissions and merges") {
    const Synthetic s = make_synthetic(2000, 0.16, 0.2, 42);
    LadderStatistics statistics;
    LadderParameters parameters;  // the priors the text was generated with
    parameters.priors.omission = 0.08;
    parameters.priors.merge = 0.2 / 3;
    parameters.priors.two_two = 0.2 / 3;
    const auto path = align_sequences(s.n, s.m, synthetic_similarity(s, 3), parameters, &statistics);
    require_covers_everything_once(path, s.n, s.m);
    const auto found = keys(path);
    const std::set<BeadKey> truth(s.truth.begin(), s.truth.end());
    const auto correct = std::count_if(found.begin(), found.end(), [&](const BeadKey& k) { return truth.contains(k); });
    // Not 1.0: a Danish and an English omission side by side look like one unrelated 1-1
    // bead, and with noise the model sometimes prefers that (about 1% of beads here).
    CHECK(static_cast<double>(correct) / static_cast<double>(s.truth.size()) > 0.98);
    CHECK(static_cast<double>(correct) / static_cast<double>(found.size()) > 0.98);
    // Near-linear: far fewer similarities than the n x m of a full search.
    CHECK(statistics.similarity_calls < s.n * s.m / 10);
}

TEST_CASE("the band widens when the texts drift far from the diagonal") {
    // 300 Danish sentences without counterpart at the start, then 500 1-1 beads.
    Synthetic s;
    for (std::size_t i = 0; i < 300; ++i) {
        s.truth.push_back(key_of(i, 0, 1, 0));
        s.da_group.push_back(static_cast<int>(i));
    }
    for (std::size_t k = 0; k < 500; ++k) {
        s.truth.emplace_back(300 + k, k, 1, 1);
        s.da_group.push_back(static_cast<int>(300 + k));
        s.en_group.push_back(static_cast<int>(300 + k));
    }
    s.n = 800;
    s.m = 500;
    LadderStatistics statistics;
    const auto path = align_sequences(s.n, s.m, synthetic_similarity(s, 11), {}, &statistics);
    require_covers_everything_once(path, s.n, s.m);
    CHECK(keys(path) == s.truth);
    CHECK(statistics.passes > 2);  // at least one widening before the refinement
}

TEST_CASE("band construction keeps the lattice corners and overlapping rows") {
    for (auto [n, m] : std::vector<std::pair<std::size_t, std::size_t>>{{10, 3}, {3, 10}, {100, 100}, {1, 50}}) {
        const Band band = diagonal_band(n, m, 1);
        REQUIRE(band.lo.size() == n + 1);
        CHECK(band.lo.front() == 0);
        CHECK(band.hi.back() == m);
        for (std::size_t i = 1; i <= n; ++i) {
            CHECK(band.lo[i] >= band.lo[i - 1]);
            CHECK(band.hi[i] >= band.hi[i - 1]);
            CHECK(band.lo[i] <= band.hi[i - 1]);
        }
        // Omissions alone must reach the end through any band.
        const auto path = best_ladder(n, m, [](std::size_t, std::size_t, BeadShape) { return 0.0; }, band, kSimpleShapes);
        require_covers_everything_once(path, n, m);
    }
}

TEST_CASE("an upper bound of the bead gains spares scoring and leaves the path as it was") {
    std::mt19937 random(20240611);
    std::uniform_real_distribution<double> value(-8.0, 4.0), slack(0.0, 3.0);
    for (int round = 0; round < 20; ++round) {
        const std::size_t n = 5 + random() % 20, m = 5 + random() % 20;
        // Fixed gains and bounds per bead, made up front so that both searches see the same.
        std::map<std::tuple<std::size_t, std::size_t, int>, std::pair<double, double>> beads;
        for (std::size_t i = 0; i <= n; ++i)
            for (std::size_t j = 0; j <= m; ++j)
                for (int s = 0; s < 6; ++s) {
                    const double gain = value(random);
                    beads[{i, j, s}] = {gain, gain + slack(random)};
                }
        auto shape_id = [](BeadShape shape) {
            return static_cast<int>(std::find(std::begin(kAllShapes), std::end(kAllShapes), shape) - std::begin(kAllShapes));
        };
        std::size_t full_calls = 0, bounded_calls = 0;
        std::size_t* calls = &full_calls;
        const BeadGain gain = [&](std::size_t i, std::size_t j, BeadShape shape) {
            if (shape.da != 0 && shape.en != 0) ++*calls;
            return beads.at({i, j, shape_id(shape)}).first;
        };
        const BeadGain bound = [&](std::size_t i, std::size_t j, BeadShape shape) {
            return beads.at({i, j, shape_id(shape)}).second;
        };
        const Band band = full_band(n, m);
        const auto plain = best_ladder(n, m, gain, band, kAllShapes);
        calls = &bounded_calls;
        const auto bounded = best_ladder(n, m, gain, band, kAllShapes, &bound);
        REQUIRE(plain.size() == bounded.size());
        for (std::size_t k = 0; k < plain.size(); ++k) {
            CHECK(plain[k].da_begin == bounded[k].da_begin);
            CHECK(plain[k].en_begin == bounded[k].en_begin);
            CHECK(plain[k].shape == bounded[k].shape);
        }
        CHECK(bounded_calls < full_calls);
    }
}

TEST_CASE("a tighter second bound spares the gains of more beads and leaves the path as it was") {
    std::mt19937 random(20240612);
    std::uniform_real_distribution<double> value(-8.0, 4.0), slack(0.0, 3.0), part(0.0, 1.0);
    for (int round = 0; round < 20; ++round) {
        const std::size_t n = 5 + random() % 20, m = 5 + random() % 20;
        // Per bead: the gain, a loose bound above it, and a tighter one between the two (as
        // a score before a penalty that only lowers it lies between the gain and the bound).
        struct Values {
            double gain, tighter, loose;
        };
        std::map<std::tuple<std::size_t, std::size_t, int>, Values> beads;
        for (std::size_t i = 0; i <= n; ++i)
            for (std::size_t j = 0; j <= m; ++j)
                for (int s = 0; s < 6; ++s) {
                    const double gain = value(random), loose = gain + slack(random);
                    beads[{i, j, s}] = {gain, gain + part(random) * (loose - gain), loose};
                }
        auto shape_id = [](BeadShape shape) {
            return static_cast<int>(std::find(std::begin(kAllShapes), std::end(kAllShapes), shape) - std::begin(kAllShapes));
        };
        std::size_t loose_calls = 0, tighter_calls = 0;
        std::size_t* calls = &loose_calls;
        const BeadGain gain = [&](std::size_t i, std::size_t j, BeadShape shape) {
            if (shape.da != 0 && shape.en != 0) ++*calls;
            return beads.at({i, j, shape_id(shape)}).gain;
        };
        const BeadGain loose = [&](std::size_t i, std::size_t j, BeadShape shape) { return beads.at({i, j, shape_id(shape)}).loose; };
        const BeadGain tighter = [&](std::size_t i, std::size_t j, BeadShape shape) {
            return beads.at({i, j, shape_id(shape)}).tighter;
        };
        const Band band = full_band(n, m);
        const auto plain = best_ladder(n, m, gain, band, kAllShapes);
        const auto with_loose = best_ladder(n, m, gain, band, kAllShapes, &loose);
        calls = &tighter_calls;
        const auto with_both = best_ladder(n, m, gain, band, kAllShapes, &loose, &tighter);
        REQUIRE(plain.size() == with_both.size());
        REQUIRE(with_loose.size() == with_both.size());
        for (std::size_t k = 0; k < plain.size(); ++k) {
            CHECK(plain[k].da_begin == with_both[k].da_begin);
            CHECK(plain[k].en_begin == with_both[k].en_begin);
            CHECK(plain[k].shape == with_both[k].shape);
        }
        CHECK(tighter_calls < loose_calls);
    }
}

TEST_CASE("align_texts' calibration counts the same uncovered share more against a long bead than a short one") {
    const Calibration calibration = text_calibration();
    // Equal lengths on both sides, so the length-ratio term is the same for all of them.
    for (const double raw : {0.1, 0.25, 0.5, 0.8}) {
        CHECK(calibration.log_odds(raw, 300, 300) < calibration.log_odds(raw, 100, 100));
        CHECK(calibration.log_odds(raw, 100, 100) < calibration.log_odds(raw, 12, 12));
    }
    // Full coverage leaves nothing uncovered: the length of the bead does not count then.
    CHECK(calibration.log_odds(1.0, 300, 300) == Approx(calibration.log_odds(1.0, 12, 12)));
}

TEST_CASE("best_log_odds bounds the calibrated log-odds of every coverage") {
    for (const Calibration& calibration : {default_calibration(), text_calibration()})
        for (const std::size_t da : {0u, 3u, 12u, 60u, 400u, 5000u})
            for (const std::size_t en : {0u, 5u, 30u, 200u, 3000u})
                for (int k = 0; k <= 100; ++k)
                    CHECK(calibration.log_odds(k / 100.0, da, en) <= calibration.best_log_odds(da, en) + 1e-12);
}

TEST_CASE("a weakly covered pair of long sentences between two omissions' places is left as two omissions") {
    // da 0 | 1 | 2, en 0 | 1 | 2: sentences 0 and 2 are sure pairs; Danish 1 and English 1
    // share a quarter of their words. Long sentences (200 bytes a side) that cover each
    // other that little are two omissions; short ones (15 bytes: headings without
    // dictionary words) keep the 1-1 bead. (align_texts' calibration.)
    const Calibration calibration = text_calibration();
    for (const std::size_t bytes : {std::size_t{200}, std::size_t{15}}) {
        const BeadSimilarity similarity = [&](std::size_t i, std::size_t j, BeadShape shape) {
            if (shape == BeadShape{1, 1} && i == j) return i == 1 ? calibration.log_odds(0.25, bytes, bytes) : 8.0;
            return -20.0;
        };
        const auto path = align_sequences(3, 3, similarity);
        require_covers_everything_once(path, 3, 3);
        const bool middle_one_to_one = std::any_of(path.begin(), path.end(), [](const PathBead& bead) {
            return bead.shape == BeadShape{1, 1} && bead.da_begin == 1 && bead.en_begin == 1;
        });
        CHECK(middle_one_to_one == (bytes == 15));
    }
}
