// Document alignment on real parallel text: LibreOffice help pages (Danish and English),
// paragraphs paired by their par_id/hd_id attributes, each page perturbed with a fixed seed
// (8% Danish omissions, 8% English omissions, 10% 1-2 merges, 10% 2-1 merges), then
// aligned with align_ladder; strict bead F1 against the known alignment.
//
// Only held-out pages (detail::is_heldout_page, never used to train the learned lexicon).
// Those are split in two by the next decimal digit of the same hash: "dev" pages fit the
// score calibration and the ladder's parameters (--calibrate), "test" pages give the figure.
//
//   bench_docalign_libreoffice [--pages test|dev|all] [--calibrate] [--long N] [--runs R] [--learned FILE]
//                              [--omission-prior P] [--merge-prior P] [--two-two-prior P]
//                              [--shared-word-penalty W] [--uncovered-part-penalty W] [--errors]
#include <algorithm>
#include <chrono>
#include <sys/resource.h>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "detail/align_calibration.hpp"
#include "detail/align_ladder.hpp"
#include "train/heldout.hpp"
#include "train/lexicon_corpus.hpp"
#include "summalign/align.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "libreoffice_pages.hpp"

namespace fs = std::filesystem;
using namespace summalign;
using namespace summalign::bench;

namespace {

std::vector<PreparedSentence> prepare_all(const SentenceScorer& scorer, const std::vector<std::string>& texts, Lang lang) {
    std::vector<PreparedSentence> out;
    out.reserve(texts.size());
    for (const auto& text : texts) out.push_back(scorer.prepare(text, lang));
    return out;
}

// Logistic regression (Newton's method); each row of `x` ends with a constant 1.
std::vector<double> fit_logistic(const std::vector<std::vector<double>>& x, const std::vector<int>& y) {
    const std::size_t d = x.front().size();
    std::vector<double> w(d, 0.0);
    for (int iteration = 0; iteration < 100; ++iteration) {
        std::vector<double> g(d, 0.0);
        std::vector<std::vector<double>> h(d, std::vector<double>(d, 0.0));
        for (std::size_t k = 0; k < x.size(); ++k) {
            double z = 0;
            for (std::size_t a = 0; a < d; ++a) z += w[a] * x[k][a];
            const double p = 1.0 / (1.0 + std::exp(-z)), v = p * (1 - p);
            for (std::size_t a = 0; a < d; ++a) {
                g[a] += (y[k] - p) * x[k][a];
                for (std::size_t b = 0; b < d; ++b) h[a][b] += v * x[k][a] * x[k][b];
            }
        }
        for (std::size_t a = 0; a < d; ++a) h[a][a] += 1e-9;
        // Solve h * step = g by Gaussian elimination.
        std::vector<double> step = g;
        for (std::size_t c = 0; c < d; ++c) {
            std::size_t pivot = c;
            for (std::size_t r = c + 1; r < d; ++r)
                if (std::abs(h[r][c]) > std::abs(h[pivot][c])) pivot = r;
            std::swap(h[c], h[pivot]);
            std::swap(step[c], step[pivot]);
            for (std::size_t r = 0; r < d; ++r) {
                if (r == c) continue;
                const double f = h[r][c] / h[c][c];
                for (std::size_t k = c; k < d; ++k) h[r][k] -= f * h[c][k];
                step[r] -= f * step[c];
            }
        }
        double change = 0;
        for (std::size_t a = 0; a < d; ++a) {
            w[a] += step[a] / h[a][a];
            change += std::abs(step[a] / h[a][a]);
        }
        if (change < 1e-9) break;
    }
    return w;
}

// CPU seconds of this process so far (user + system): the machine is shared, wall time is not enough.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double quantile(std::vector<double> values, double q) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, static_cast<std::size_t>(q * static_cast<double>(values.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    std::string subset = "test";
    bool calibrate = false;
    bool show_errors = false;
    std::size_t long_segments = 2000;
    int runs = 3;
    LadderOptions options;
    LexiconOptions lexicon_options;
    for (int k = 1; k < argc; ++k) {
        const std::string arg = argv[k];
        if (arg == "--pages" && k + 1 < argc) subset = argv[++k];
        else if (arg == "--calibrate") calibrate = true;
        else if (arg == "--errors") show_errors = true;
        else if (arg == "--long" && k + 1 < argc) long_segments = std::stoul(argv[++k]);
        else if (arg == "--runs" && k + 1 < argc) runs = std::stoi(argv[++k]);
        else if (arg == "--learned" && k + 1 < argc) lexicon_options.learned_file = argv[++k];
        else if (arg == "--omission-prior" && k + 1 < argc) options.omission_prior = std::stod(argv[++k]);
        else if (arg == "--merge-prior" && k + 1 < argc) options.merge_prior = std::stod(argv[++k]);
        else if (arg == "--two-two-prior" && k + 1 < argc) options.two_two_prior = std::stod(argv[++k]);
        else if (arg == "--shared-word-penalty" && k + 1 < argc) options.shared_word_penalty = std::stod(argv[++k]);
        else if (arg == "--uncovered-part-penalty" && k + 1 < argc) options.uncovered_part_penalty = std::stod(argv[++k]);
        else {
            std::fprintf(stderr, "usage: %s [--pages test|dev|all] [--calibrate] [--long N] [--runs R]\n", argv[0]);
            return 2;
        }
    }
    const auto pages = load_pages(subset, 5);
    if (pages.empty()) {
        std::fprintf(stderr, "no LibreOffice help pages under %s\n", kHelp.c_str());
        return 1;
    }
    const Lexicon lexicon(lexicon_options);
    const SentenceScorer scorer(lexicon);
    std::size_t unit_count = 0;
    for (const auto& page : pages) unit_count += page.units.size();
    fmt::print("pages: {} ({} held-out), translated paragraphs: {}, lexicon entries: {}\n", pages.size(), subset,
               unit_count, lexicon.entry_count());

    if (calibrate) {
        // True pairs against random pairs of the same page, equal numbers (prior 1:1).
        std::mt19937 random(7);
        std::vector<double> raw;
        std::vector<int> label;
        std::vector<double> negatives, positives, deltas;
        std::vector<std::size_t> bytes_da, bytes_en;
        for (const auto& page : pages) {
            std::vector<std::string> da, en;
            for (const auto& [d, e] : page.units) da.push_back(d), en.push_back(e);
            const auto pd = prepare_all(scorer, da, Lang::da), pe = prepare_all(scorer, en, Lang::en);
            std::uniform_int_distribution<std::size_t> pick(0, pd.size() - 1);
            for (std::size_t k = 0; k < pd.size(); ++k) {
                const double s = scorer.score(pd[k], pe[k]).score;
                raw.push_back(s), label.push_back(1), positives.push_back(s);
                deltas.push_back(detail::Calibration::length_delta(da[k].size(), en[k].size()));
                bytes_da.push_back(da[k].size()), bytes_en.push_back(en[k].size());
                std::size_t other = pick(random);
                if (other == k) other = (k + 1) % pd.size();
                const double t = scorer.score(pd[k], pe[other]).score;
                raw.push_back(t), label.push_back(0), negatives.push_back(t);
                deltas.push_back(detail::Calibration::length_delta(da[k].size(), en[other].size()));
                bytes_da.push_back(da[k].size()), bytes_en.push_back(en[other].size());
            }
        }
        double mean_delta = 0;
        for (std::size_t k = 0; k < deltas.size(); ++k) mean_delta += label[k] ? deltas[k] : 0.0;
        mean_delta /= static_cast<double>(positives.size());
        std::vector<std::vector<double>> features;
        for (std::size_t k = 0; k < raw.size(); ++k)
            features.push_back({raw[k], (deltas[k] - mean_delta) * (deltas[k] - mean_delta), raw[k] == 0.0 ? 1.0 : 0.0, 1.0,
                                (1.0 - raw[k]) * detail::Calibration::length_size(bytes_da[k], bytes_en[k])});
        {  // default_calibration's form (the articles' ladders): without the size term
            std::vector<std::vector<double>> plain;
            for (const auto& f : features) plain.push_back({f[0], f[1], f[2], f[3]});
            const auto v = fit_logistic(plain, label);
            fmt::print("calibration without the size term: raw_weight {:.3f} length_weight {:.3f} length_mean {:.4f} "
                       "no_match {:.3f} intercept {:.3f}\n",
                       v[0], v[1], mean_delta, v[2], v[3]);
        }
        const auto w = fit_logistic(features, label);
        fmt::print("calibration: raw_weight {:.3f} length_weight {:.3f} length_mean {:.4f} no_match {:.3f} intercept {:.3f} "
                   "uncovered_length {:.3f}\n",
                   w[0], w[1], mean_delta, w[2], w[3], w[4]);
        detail::Calibration fitted{w[0], w[1], mean_delta, w[2], w[3], w[4]};
        // How well calibrated: mean predicted probability against the observed rate, by bins.
        std::vector<double> predicted_sum(10, 0.0), observed(10, 0.0), count(10, 0.0);
        for (std::size_t k = 0; k < raw.size(); ++k) {
            const double z = fitted.log_odds(raw[k], bytes_da[k], bytes_en[k]);
            const double p = detail::logistic(z);
            const auto bin = std::min<std::size_t>(9, static_cast<std::size_t>(p * 10));
            predicted_sum[bin] += p, observed[bin] += label[k], count[bin] += 1;
        }
        for (std::size_t bin = 0; bin < 10; ++bin)
            if (count[bin] > 0)
                fmt::print("  predicted {:.2f}-{:.2f}: n {:5.0f} mean predicted {:.3f} observed {:.3f}\n",
                           static_cast<double>(bin) / 10.0, static_cast<double>(bin + 1) / 10.0, count[bin],
                           predicted_sum[bin] / count[bin], observed[bin] / count[bin]);
        for (double q : {0.05, 0.1, 0.25, 0.5, 0.75, 0.9})
            fmt::print("  positives q{:.2f} raw {:.3f}\n", q, quantile(positives, q));
        for (double q : {0.5, 0.9, 0.95, 0.99, 0.999})
            fmt::print("  negatives q{:.3f} raw {:.3f}\n", q, quantile(negatives, q));
        return 0;
    }

    // Strict bead F1 per page, pooled over all beads.
    Counts total;
    std::map<std::string, Counts> by_shape;
    for (const auto& page : pages) {
        const Perturbed p = perturb(page, 2026);
        const auto da = prepare_all(scorer, p.da, Lang::da), en = prepare_all(scorer, p.en, Lang::en);
        const auto beads = align_ladder(scorer, da, en, options);
        const Counts c = score_beads(beads, p.gold);
        total.correct += c.correct, total.found += c.found, total.gold += c.gold;
        auto shape = [](std::size_t a, std::size_t b) { return fmt::format("{}-{}", a, b); };
        std::set<GoldBead> found;
        for (const auto& b : beads) found.insert({b.da, b.en});
        for (const auto& g : p.gold) {
            auto& s = by_shape[shape(g.da.size(), g.en.size())];
            ++s.gold;
            s.correct += found.contains(g);
        }
        std::set<GoldBead> truth(p.gold.begin(), p.gold.end());
        for (const auto& b : beads) ++by_shape[shape(b.da.size(), b.en.size())].found;
        if (show_errors) {
            // Each wrong bead found, with the gold beads it overlaps: what the aligner confused.
            auto clip = [](const std::string& text) { return text.size() > 70 ? text.substr(0, 70) + "..." : text; };
            auto describe = [&](const std::vector<std::size_t>& da_side, const std::vector<std::size_t>& en_side, double score) {
                fmt::print("    {}-{} da{} en{} p={:.2f}\n", da_side.size(), en_side.size(), fmt::join(da_side, ","),
                           fmt::join(en_side, ","), score);
                for (auto k : da_side) fmt::print("      da {}: {}\n", k, clip(p.da[k]));
                for (auto k : en_side) fmt::print("      en {}: {}\n", k, clip(p.en[k]));
            };
            for (const auto& b : beads) {
                if (truth.contains({b.da, b.en})) continue;
                fmt::print("{} wrong bead:\n", page.path);
                describe(b.da, b.en, b.score);
                for (const auto& g : p.gold) {
                    bool overlaps = false;
                    for (auto k : g.da) overlaps |= std::find(b.da.begin(), b.da.end(), k) != b.da.end();
                    for (auto k : g.en) overlaps |= std::find(b.en.begin(), b.en.end(), k) != b.en.end();
                    if (overlaps) {
                        fmt::print("  gold:\n");
                        describe(g.da, g.en, 0.0);
                    }
                }
            }
        }
    }
    const double precision = double(total.correct) / double(total.found), recall = double(total.correct) / double(total.gold);
    fmt::print("strict bead F1 {:.4f} (precision {:.4f}, recall {:.4f}; {} gold beads)\n", total.f1(), precision, recall,
               total.gold);
    for (const auto& [shape, c] : by_shape)
        fmt::print("  {}: gold {} found {} correct {} precision {:.3f} recall {:.3f}\n", shape, c.gold, c.found, c.correct,
                   c.found ? double(c.correct) / double(c.found) : 0.0, c.gold ? double(c.correct) / double(c.gold) : 0.0);

    // Speed: one long document made of consecutive pages, perturbed, >= long_segments per side.
    if (long_segments > 0) {
        Page joined{"joined", {}};
        const auto all_pages = load_pages("all", 1);
        for (const auto& page : all_pages) {
            for (const auto& unit : page.units) joined.units.push_back(unit);
            if (joined.units.size() >= long_segments * 115 / 100) break;
        }
        const Perturbed p = perturb(joined, 2026);
        const auto t0 = std::chrono::steady_clock::now();
        const auto da = prepare_all(scorer, p.da, Lang::da), en = prepare_all(scorer, p.en, Lang::en);
        const auto t1 = std::chrono::steady_clock::now();
        std::vector<double> seconds, cpu;
        Counts c;
        for (int r = 0; r < runs; ++r) {
            const auto s0 = std::chrono::steady_clock::now();
            const double c0 = cpu_seconds();
            const auto beads = align_ladder(scorer, da, en, options);
            cpu.push_back(cpu_seconds() - c0);
            seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count());
            c = score_beads(beads, p.gold);
        }
        std::sort(seconds.begin(), seconds.end());
        std::sort(cpu.begin(), cpu.end());
        fmt::print("long document: {} Danish x {} English segments; prepare {:.3f} s; align median {:.3f} s wall, {:.3f} s CPU "
                   "over {} runs; F1 {:.4f}\n",
                   da.size(), en.size(), std::chrono::duration<double>(t1 - t0).count(), seconds[seconds.size() / 2],
                   cpu[cpu.size() / 2], runs, c.f1());
    }
    return 0;
}
