#include "detail/align_sketch.hpp"

#include <algorithm>
#include <array>

namespace summalign::detail {

SentenceSketch sketch_of(const PreparedSentence& sentence) {
    SentenceSketch sketch;
    sketch.bytes = sentence.text.size();
    sketch.own_index = sentence.key_index;
    for (const auto& [key, token] : sentence.key_index) sketch.own.push_back(key);
    std::sort(sketch.own.begin(), sketch.own.end());
    sketch.own.erase(std::unique(sketch.own.begin(), sketch.own.end()), sketch.own.end());
    for (std::uint32_t i = 0; i < sentence.tokens.size(); ++i) {
        const auto& token = sentence.tokens[i];
        for (const auto& link : token.links) sketch.reach.emplace_back(link.key, i);
        for (const auto& anchor : token.anchors)
            if (anchor.kind != MatchKind::cognate) sketch.reach.emplace_back(anchor.key, i);
        sketch.weights.push_back(token.weight);
        sketch.total_weight += token.weight;
    }
    std::sort(sketch.reach.begin(), sketch.reach.end());
    sketch.reach.erase(std::unique(sketch.reach.begin(), sketch.reach.end()), sketch.reach.end());
    return sketch;
}

namespace {

// Weight of the tokens of `from` that reach some key of any sentence in `to`. The own-key
// lists are short (tens), the reach lists long (hundreds): search the former in the latter.
double covered_weight(const SentenceSketch& from, std::span<const SentenceSketch* const> to) {
    constexpr std::size_t kSmall = 256;
    std::array<bool, kSmall> small{};
    std::vector<bool> large;
    const bool use_small = from.weights.size() <= kSmall;
    if (!use_small) large.assign(from.weights.size(), false);
    double covered = 0.0;
    for (const SentenceSketch* target : to) {
        auto cursor = from.reach.begin();
        for (std::uint64_t key : target->own) {
            cursor = std::lower_bound(cursor, from.reach.end(), std::make_pair(key, std::uint32_t{0}));
            if (cursor == from.reach.end()) break;
            for (auto it = cursor; it != from.reach.end() && it->first == key; ++it) {
                const std::uint32_t token = it->second;
                const bool seen = use_small ? small[token] : static_cast<bool>(large[token]);
                if (seen) continue;
                if (use_small) small[token] = true;
                else large[token] = true;
                covered += from.weights[token];
            }
        }
    }
    return covered;
}

}  // namespace

double sketch_coverage(std::span<const SentenceSketch* const> danish, std::span<const SentenceSketch* const> english) {
    double total = 0.0, covered = 0.0;
    for (const auto* d : danish) {
        total += d->total_weight;
        covered += covered_weight(*d, english);
    }
    for (const auto* e : english) {
        total += e->total_weight;
        covered += covered_weight(*e, danish);
    }
    return total > 0.0 ? covered / total : 0.0;
}

std::vector<char> claim_tokens_covered(const SentenceSketch& claim, const SentenceSketch& evidence) {
    std::vector<char> covered(claim.weights.size(), 0);
    // Claim tokens whose translations occur in the evidence.
    for (std::uint64_t key : evidence.own) {
        auto it = std::lower_bound(claim.reach.begin(), claim.reach.end(), std::make_pair(key, std::uint32_t{0}));
        for (; it != claim.reach.end() && it->first == key; ++it) covered[it->second] = 1;
    }
    // Claim tokens that are translations of evidence tokens.
    for (const auto& [key, token] : evidence.reach) {
        auto it = std::lower_bound(claim.own_index.begin(), claim.own_index.end(), std::make_pair(key, std::uint32_t{0}));
        for (; it != claim.own_index.end() && it->first == key; ++it) covered[it->second] = 1;
    }
    return covered;
}

double claim_coverage(const SentenceSketch& claim, const SentenceSketch& evidence) {
    if (claim.total_weight <= 0.0) return 0.0;
    const std::vector<char> covered = claim_tokens_covered(claim, evidence);
    double weight = 0.0;
    for (std::size_t t = 0; t < covered.size(); ++t)
        if (covered[t]) weight += claim.weights[t];
    return weight / claim.total_weight;
}

}  // namespace summalign::detail
