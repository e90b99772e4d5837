#include "summalign/version.hpp"

namespace summalign {

// Compiled into the library, so a program sees the version it runs with, which may differ
// from the headers it was built with (a newer shared library).
std::string_view version() noexcept { return SUMMALIGN_VERSION_STRING; }

}  // namespace summalign
