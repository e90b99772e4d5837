#pragma once
// A cheap stand-in for SentenceScorer::score, used for the coarse first pass over long
// texts and to skip hopeless beads in the second: which tokens of one side have some
// translation (or anchor) among the tokens of the other, ignoring link strengths and
// cognates. Exact set intersections over sorted keys; no allocation per pair.
#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "summalign/similarity.hpp"

namespace summalign::detail {

struct SentenceSketch {
    std::vector<std::uint64_t> own;  // keys that identify this sentence's tokens, sorted, unique
    std::vector<std::pair<std::uint64_t, std::uint32_t>> own_index;  // (own key, token index), sorted
    // (key of a translation or anchor, token index), sorted: what this sentence can reach.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> reach;
    // Two of 4,096 bits per key of `reach` (a Bloom filter): most keys looked up in `reach`
    // are absent, and this says so without a search. might_reach() tests it.
    std::array<std::uint64_t, 64> reach_filter{};
    std::vector<float> weights;  // per token
    std::vector<std::uint8_t> capacity;  // per token: how many words of the other side it may stand for
    double total_weight = 0.0;
    std::size_t bytes = 0;
};

SentenceSketch sketch_of(const PreparedSentence& sentence);

// The two reach_filter bits of a key, from different bits of it (keys are FNV-1a hashes,
// so all their bits are mixed).
inline std::pair<std::size_t, std::size_t> reach_filter_bits(std::uint64_t key) { return {key & 4095u, (key >> 12) & 4095u}; }

// False when `key` is certainly not among sketch.reach's keys.
inline bool might_reach(const SentenceSketch& sketch, std::uint64_t key) {
    const auto [first, second] = reach_filter_bits(key);
    return (sketch.reach_filter[first >> 6] >> (first & 63u) & 1u) != 0 &&
           (sketch.reach_filter[second >> 6] >> (second & 63u) & 1u) != 0;
}

// Word coverage of the concatenation of `danish` with that of `english`, both directions,
// in [0, 1]: the same idea as the scorer's raw score.
double sketch_coverage(std::span<const SentenceSketch* const> danish, std::span<const SentenceSketch* const> english);

// Share of the weight of `claim`'s tokens that `evidence` accounts for: a claim token
// counts when one of its translations or anchors occurs in `evidence`, or when a token of
// `evidence` has it among its translations. One direction only: the evidence may say more.
double claim_coverage(const SentenceSketch& claim, const SentenceSketch& evidence);
// The same per claim token: 1 when `evidence` accounts for it.
std::vector<char> claim_tokens_covered(const SentenceSketch& claim, const SentenceSketch& evidence);
// The same into `covered` (one entry per claim token, all 0 on entry), for callers that
// compare a claim with many sentences and keep one buffer.
void mark_claim_tokens_covered(const SentenceSketch& claim, const SentenceSketch& evidence, std::span<char> covered);

// Share of the weight of `part` whose tokens have a translation or anchor in any of `other`
// (one direction): how much of one sentence of a merge the other side accounts for.
double part_coverage(const SentenceSketch& part, std::span<const SentenceSketch> other);

// A merge bead joins `single` with `first` + `second`. When a word of `single` is the
// only translation of a word in `first` AND of a word in `second` (an omitted heading
// "Print" next to "Prints the current document", both explained by the one "Udskriver"),
// the merge explains less than its parts did separately. Returns that loss: the weight of
// linked words left without a partner in a one-to-one matching of `single` with both
// parts, minus the same for each part alone (compound words may stand for two words).
// Zero when the parts draw on different words of `single`, as in a true merge.
double shared_link_loss(const SentenceSketch& single, const SentenceSketch& first, const SentenceSketch& second);

// Both merge tests of a 1-2/2-1 bead at once (they share the token links): the loss above,
// and each part's coverage by `single` (as part_coverage).
struct MergeCheck {
    double shared_loss = 0.0;
    double first_coverage = 0.0;
    double second_coverage = 0.0;
};
MergeCheck check_merge(const SentenceSketch& single, const SentenceSketch& first, const SentenceSketch& second);

// What check_merge needs of one (single, part) pair alone. A ladder search tries every
// merge bead near the diagonal, and each pair of sentences belongs to several of them, so
// it keeps these per pair and merges with the overload below (same results).
struct MergePart {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> links;  // (single token, part token), sorted
    double coverage = 0.0;   // of the part by `single`
    double unmatched = 0.0;  // linked weight left without a partner in a one-to-one matching
};
MergePart merge_part(const SentenceSketch& single, const SentenceSketch& part);
// part_coverage(part, other), read off the merge_part(o, part) of each sentence o of `other`.
double part_coverage_from(const SentenceSketch& part, std::span<const MergePart* const> by_other);
MergeCheck check_merge(const SentenceSketch& single, const SentenceSketch& first, const MergePart& first_part,
                       const SentenceSketch& second, const MergePart& second_part);

}  // namespace summalign::detail
