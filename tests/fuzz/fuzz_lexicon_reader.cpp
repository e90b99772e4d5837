// libFuzzer target "lexicon_reader": see entry_points.hpp for what one input means and what is checked.
// Build with -DSUMMALIGN_FUZZ=ON (clang); run with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "entry_points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    summalign::fuzz::lexicon_reader_one(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
