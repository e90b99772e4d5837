#pragma once
// From the scorer's raw similarity to a number a user can read (docs/scoring.md).
//
// The raw SentenceScorer score is a weighted word coverage in [0, 1]; its scale depends on
// the lexicon. The aligner reports instead the probability that a bead is a translation,
// P(translation | raw) = 1 / (1 + exp(-(slope * raw + intercept))), a logistic fit on
// held-out LibreOffice help paragraphs: true par_id pairs against random pairs of the same
// pages, in equal numbers (so the prior is 1:1 and 0.5 means "as likely as not").
// Refit with `bench_docalign_libreoffice --calibrate` when the scorer or lexicon changes.
namespace summalign::detail {

struct Calibration {
    double slope = 0.0;
    double intercept = 0.0;
    double probability(double raw) const noexcept;
};

// The fitted values (see the command above and docs/scoring.md).
Calibration default_calibration() noexcept;

// Claim support: a Danish body sentence supports an English Summary sentence when the
// calibrated score of the pair reaches this value. Chosen from the distribution of the best
// score of an English sentence against N unrelated Danish sentences (docs/scoring.md).
double default_support_threshold() noexcept;

}  // namespace summalign::detail
