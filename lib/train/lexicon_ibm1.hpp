#pragma once
// IBM Model 1 (Brown et al. 1993): word translation probabilities t(target | source)
// estimated by EM from sentence pairs, with an empty "NULL" source word that absorbs
// target words with no counterpart.
#include <cstdint>
#include <vector>

namespace summalign::detail {

// Word ids per side; id 0 is reserved for NULL and must not appear in the input.
struct IdPair {
    std::vector<std::uint32_t> source;
    std::vector<std::uint32_t> target;
};

struct Ibm1Entry {
    std::uint32_t source = 0;  // 0 = NULL
    std::uint32_t target = 0;
    float probability = 0.0f;  // t(target | source)
};

// Runs `iterations` EM iterations over `corpus` (starting from uniform t) and returns
// every co-occurring (source, target) pair with its t, NULL pairs included.
std::vector<Ibm1Entry> train_ibm1(const std::vector<IdPair>& corpus, int iterations);

}  // namespace summalign::detail
