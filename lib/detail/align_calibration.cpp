#include "detail/align_calibration.hpp"

#include <cmath>

namespace summalign::detail {

double Calibration::probability(double raw) const noexcept {
    return 1.0 / (1.0 + std::exp(-(slope * raw + intercept)));
}

Calibration default_calibration() noexcept {
    // Provisional until fitted on LibreOffice help (docs/scoring.md).
    return {12.0, -4.0};
}

double default_support_threshold() noexcept { return 0.5; }

}  // namespace summalign::detail
