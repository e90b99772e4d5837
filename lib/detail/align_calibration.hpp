#pragma once
// From the scorer's raw similarity to a number a user can read (docs/scoring.md).
//
// The raw SentenceScorer score is a weighted word coverage in [0, 1]; its scale depends on
// the lexicon. The aligner turns it, with the length ratio of the two sides, into the
// log-odds that the two sides are translations of each other:
//   log-odds = raw_weight * raw + length_weight * (delta - length_mean)^2
//              + no_match * [raw == 0] + intercept,
//   delta = log((danish bytes + 10) / (english bytes + 10)),
// a logistic regression on held-out LibreOffice help paragraphs: true par_id pairs against
// random pairs of the same pages, in equal numbers (prior 1:1, so probability 0.5 means
// "as likely a translation as not"). A Gaussian length model for both classes makes the
// length term quadratic, as in Gale & Church. Refit with
// `bench_docalign_libreoffice --pages dev --calibrate` when the scorer or lexicon changes.
#include <cstddef>

namespace summalign::detail {

struct Calibration {
    double raw_weight = 0.0;
    double length_weight = 0.0;  // negative: the further from the usual ratio, the less likely
    double length_mean = 0.0;
    double no_match = 0.0;  // added when raw == 0: no word matched at all, a case of its own
    double intercept = 0.0;
    // Times the uncovered share (1 - raw) and the log of the bead's mean length (bytes + 10)
    // over 60: negative, so the same uncovered share counts more against a long bead.
    double uncovered_length = 0.0;

    static double length_delta(std::size_t danish_bytes, std::size_t english_bytes) noexcept;
    double log_odds(double raw, std::size_t danish_bytes, std::size_t english_bytes) const noexcept;
    double probability(double raw, std::size_t danish_bytes, std::size_t english_bytes) const noexcept;
    // The most log_odds can give for any raw in [0, 1] (the sides' lengths alone).
    double best_log_odds(std::size_t danish_bytes, std::size_t english_bytes) const noexcept;
    static double length_size(std::size_t danish_bytes, std::size_t english_bytes) noexcept;
};

double logistic(double log_odds) noexcept;

// The fitted values (see the command above and docs/scoring.md): without the size term, for
// the articles' ladders (Resumé/Summary, titles: medical sentences, whose translations have
// fewer words linked than the help paragraphs the fit saw), and with it, for align_texts.
Calibration default_calibration() noexcept;
Calibration text_calibration() noexcept;

// Claim support: a Danish body sentence (or two adjacent ones) supports an English Summary
// sentence when its support probability (detail/claim_support.hpp) reaches this value.
double default_support_threshold() noexcept;

}  // namespace summalign::detail
