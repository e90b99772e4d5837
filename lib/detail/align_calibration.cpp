#include "detail/align_calibration.hpp"

#include <algorithm>
#include <cmath>

namespace summalign::detail {

double logistic(double log_odds) noexcept { return 1.0 / (1.0 + std::exp(-log_odds)); }

double Calibration::length_delta(std::size_t danish_bytes, std::size_t english_bytes) noexcept {
    return std::log((static_cast<double>(danish_bytes) + 10.0) / (static_cast<double>(english_bytes) + 10.0));
}

double Calibration::length_size(std::size_t danish_bytes, std::size_t english_bytes) noexcept {
    return std::log((static_cast<double>(danish_bytes + english_bytes)) / 2.0 + 10.0) - std::log(60.0);
}

double Calibration::log_odds(double raw, std::size_t danish_bytes, std::size_t english_bytes) const noexcept {
    const double d = length_delta(danish_bytes, english_bytes) - length_mean;
    return raw_weight * raw + length_weight * d * d + (raw == 0.0 ? no_match : 0.0) + intercept +
           uncovered_length * (1.0 - raw) * length_size(danish_bytes, english_bytes);
}

double Calibration::best_log_odds(std::size_t danish_bytes, std::size_t english_bytes) const noexcept {
    // Linear in raw between 0 and 1, plus the no-match term at 0: one of the ends.
    return std::max(log_odds(1.0, danish_bytes, english_bytes), log_odds(0.0, danish_bytes, english_bytes));
}

double Calibration::probability(double raw, std::size_t danish_bytes, std::size_t english_bytes) const noexcept {
    return logistic(log_odds(raw, danish_bytes, english_bytes));
}

Calibration default_calibration() noexcept {
    // Provisional until fitted on LibreOffice help (docs/scoring.md).
    return {12.649, -1.511, 0.0579, 3.381, -6.400, 0.0};
}

Calibration text_calibration() noexcept {
    // The same pairs, with the uncovered share times the bead's size (docs/scoring.md).
    return {14.400, -1.083, 0.0579, 0.634, -7.780, -3.969};
}

double default_support_threshold() noexcept {
    // The support score is a probability (detail::SupportModel, calibrated per claim at even
    // prior): a claim is supported when its best evidence is more likely than not.
    return 0.5;
}

}  // namespace summalign::detail
