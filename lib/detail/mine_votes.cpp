#include "detail/mine_votes.hpp"

#include <algorithm>
#include <bit>
#include <functional>

namespace summalign::detail {

std::vector<std::uint64_t> line_bits(std::span<const std::uint32_t> lines, std::size_t english_lines) {
    std::vector<std::uint64_t> bits((english_lines + 63) / 64, 0);
    for (const auto e : lines) bits[e >> 6] |= std::uint64_t{1} << (e & 63);
    return bits;
}

namespace {

// A key whose ascending order is the descending order of `votes` (no NaN): the float's bits
// turned into an unsigned integer of the same order, then reversed; -0 is made +0 first,
// since the two are equal votes.
std::uint64_t descending_votes(float votes) {
    const auto bits = std::bit_cast<std::uint32_t>(votes + 0.0f);
    const std::uint32_t ascending = bits & 0x80000000u ? ~bits : bits | 0x80000000u;
    return ~ascending;
}

}  // namespace

VoteTally::VoteTally(std::size_t english_lines) : tally_(english_lines), open_((english_lines + 63) / 64, 0) {}

std::vector<VotedLine> VoteTally::best(std::span<const VoteList> lists, std::size_t wanted, std::uint32_t tie,
                                       bool exact_votes, bool bound) {
    // Heaviest word first (then by number), each word's lists together.
    order_.assign(lists.begin(), lists.end());
    std::sort(order_.begin(), order_.end(), [](const VoteList& a, const VoteList& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        if (a.word != b.word) return a.word < b.word;
        return a.lines.size() < b.lines.size();
    });
    // Weight of the words not yet counted, after each word (in double: an upper bound that
    // float rounding of a line's sum must not cross; the margins below cover the rest).
    auto& rest = rest_;
    rest.clear();
    for (std::size_t i = 0; i < order_.size();) {
        std::size_t j = i;
        while (j < order_.size() && order_[j].word == order_[i].word && order_[j].weight == order_[i].weight) ++j;
        rest.push_back(order_[i].weight);
        // A negative weight would let a line's votes fall: no bound holds then.
        if (order_[i].weight < 0.0f) bound = false;
        i = j;
    }
    for (std::size_t g = rest.size(); g-- > 0;) rest[g] = (g + 1 < rest.size() ? rest[g + 1] : 0.0) + rest[g];
    // rest[g] is now the weight of words g and later; shift to "after g".
    for (std::size_t g = 0; g < rest.size(); ++g) rest[g] = g + 1 < rest.size() ? rest[g + 1] : 0.0;

    constexpr double kSlack = 1e-4;  // relative: far above float rounding, far below any word's weight
    double counted = 0.0;            // weight of the words counted so far: no line has more votes
    bool closed = false;             // only the lines in open_lines_ can still be among the best
    bool sorted = false;             // open_lines_ ascending (sorted when first searched)
    open_lines_.clear();
    std::uint32_t group = 0;
    for (std::size_t i = 0; i < order_.size(); ++group) {
        const std::uint32_t stamp = group + 1;
        const float weight = order_[i].weight;
        std::size_t j = i;
        while (j < order_.size() && order_[j].word == order_[i].word && order_[j].weight == weight) ++j;
        for (std::size_t l = i; l < j; ++l) {
            const std::uint32_t* list = order_[l].lines.data();
            const std::size_t size = order_[l].lines.size();
            auto vote = [&](std::uint32_t e) {
                auto& entry = tally_[e];
                if (entry.stamp == stamp) return;  // one vote per word
                if (entry.stamp == 0) touched_.push_back(e);
                entry.stamp = stamp;
                entry.votes += weight;
            };
            if (!closed) {
                // The lines of a posting list are spread over the whole tally: each is asked
                // for a few entries ahead, so that the cache misses overlap.
                constexpr std::size_t kAhead = 16;
                for (std::size_t k = 0; k < size; ++k) {
                    if (k + kAhead < size) __builtin_prefetch(&tally_[list[k + kAhead]]);
                    vote(list[k]);
                }
            } else if (!order_[l].bits.empty()) {
                // A list kept as bits: the open lines among its entries are the bits it
                // shares with open_, a word at a time; when the open lines are few, each is
                // looked up instead. Either way the cost does not grow with the list.
                const std::uint64_t* bits = order_[l].bits.data();
                const std::size_t words = std::min(order_[l].bits.size(), open_.size());
                std::size_t found = 0;
                hits_.resize(open_lines_.size());
                std::uint32_t* hits = hits_.data();
                if (open_lines_.size() * 8 < words) {
                    for (const auto e : open_lines_) {
                        hits[found] = e;
                        found += (e >> 6) < words && (bits[e >> 6] >> (e & 63) & 1);
                    }
                } else {
                    const std::uint64_t* open = open_.data();
                    for (std::size_t w = 0; w < words; ++w) {
                        for (std::uint64_t both = bits[w] & open[w]; both != 0; both &= both - 1)
                            hits[found++] = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(std::countr_zero(both)));
                    }
                }
                for (std::size_t k = 0; k < found; ++k) vote(hits_[k]);
            } else if (open_lines_.size() * 16 < size) {
                // Few open lines in a long list: each is sought from where the last was found.
                if (!sorted) {
                    std::sort(open_lines_.begin(), open_lines_.end());
                    sorted = true;
                }
                std::size_t at = 0;
                for (const auto e : open_lines_) {
                    std::size_t step = 1;
                    while (at + step < size && list[at + step] < e) {
                        at += step;
                        step *= 2;
                    }
                    at = static_cast<std::size_t>(std::lower_bound(list + at, list + std::min(size, at + step + 1), e) - list);
                    if (at == size) break;
                    if (list[at] == e) vote(e);
                }
            } else {
                // Whether a line is open is as good as random (a few hundred of the list's
                // thousand lines): a branch per entry was mispredicted about as often as not.
                // The open ones are gathered without a branch (each entry is written, the
                // count advances only for an open line), then voted for.
                hits_.resize(size);
                std::uint32_t* hits = hits_.data();
                std::size_t found = 0;
                for (std::size_t k = 0; k < size; ++k) {
                    const std::uint32_t e = list[k];
                    hits[found] = e;
                    found += open_[e >> 6] >> (e & 63) & 1;
                }
                for (std::size_t k = 0; k < found; ++k) vote(hits[k]);
            }
        }
        i = j;
        counted += weight;
        const double after = rest[group];
        if (!bound || after <= 0.0 || wanted == 0) continue;
        if (!closed) {
            // While the words counted weigh no more than those still to count, no line can
            // have more votes than a line not met yet may still get.
            if (touched_.size() < wanted || counted * (1.0 + kSlack) <= after) continue;
            // Can a line not met yet still reach the `wanted`-th best? Counting first is
            // cheaper than finding that line's votes, and usually says no.
            const double above = after * (1.0 + kSlack);
            // The count stops at `wanted`: past it the answer is known, and the touched
            // lines are read in no order (a cache miss each).
            std::size_t beyond = 0;
            for (std::size_t k = 0; k < touched_.size() && beyond < wanted; ++k)
                beyond += tally_[touched_[k]].votes > above;
            if (beyond < wanted) continue;
            closed = true;
            open_lines_ = touched_;
            for (auto e : open_lines_) open_[e >> 6] |= std::uint64_t{1} << (e & 63);
        }
        // Votes only grow, so the `wanted`-th best so far bounds the final one from below,
        // and a line that cannot reach it even with every word still to count is out.
        if (open_lines_.size() > wanted) {
            // The open lines' votes are read first, in a loop of their own (a cache miss
            // each, which then overlap), and kept beside the lines for the filter. The
            // `wanted`-th best comes from a min-heap of the best so far: among near-copies
            // most lines tie at or below it and cost one compare each, where nth_element's
            // partitions moved the ties back and forth.
            const std::size_t open_count = open_lines_.size();
            std::uint32_t* open_lines = open_lines_.data();
            votes_.resize(open_count);
            float* votes = votes_.data();
            const Entry* tally = tally_.data();
            for (std::size_t k = 0; k < open_count; ++k) votes[k] = tally[open_lines[k]].votes;
            heap_.assign(votes, votes + wanted);
            std::make_heap(heap_.begin(), heap_.end(), std::greater<>());
            for (std::size_t k = wanted; k < open_count; ++k) {
                if (votes[k] <= heap_.front()) continue;
                std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
                heap_.back() = votes[k];
                std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
            }
            const double reachable = static_cast<double>(heap_.front()) * (1.0 - kSlack) - after * (1.0 + kSlack);
            // Which lines drop out is as good as random: each line is written to both ends
            // without a branch, and only the dropped lines' bits are cleared (a third of them).
            hits_.resize(open_count);
            std::uint32_t* dropped_lines = hits_.data();
            std::size_t kept = 0, dropped = 0;
            for (std::size_t k = 0; k < open_count; ++k) {
                const std::uint32_t e = open_lines[k];
                const bool keep = votes[k] >= reachable;
                open_lines[kept] = e;
                dropped_lines[dropped] = e;
                kept += keep;
                dropped += !keep;
            }
            std::uint64_t* open = open_.data();
            for (std::size_t k = 0; k < dropped; ++k) open[dropped_lines[k] >> 6] &= ~(std::uint64_t{1} << (dropped_lines[k] & 63));
            open_lines_.resize(kept);
        }
        // Exactly `wanted` lines left: they are the answer, whatever the rest adds to them.
        if (!exact_votes && open_lines_.size() <= wanted) break;
    }

    std::vector<VotedLine> out;
    if (closed) {
        for (auto e : open_lines_) out.push_back({e, tally_[e].votes});
    } else {
        out.reserve(touched_.size());
        for (auto e : touched_) out.push_back({e, tally_[e].votes});
    }
    for (auto e : touched_) {
        tally_[e] = {};
        open_[e >> 6] = 0;
    }
    touched_.clear();
    if (out.size() > wanted) {
        // Each line's votes and tie rank are put into one integer, so that a comparison is
        // one compare where it was the votes' and then the ranks': among near-copies most
        // compares meet equal votes.
        ranked_.clear();
        for (const auto& line : out) ranked_.push_back({descending_votes(line.votes) << 32 | tie_rank(line.line, tie), line.line, line.votes});
        std::nth_element(ranked_.begin(), ranked_.begin() + static_cast<std::ptrdiff_t>(wanted), ranked_.end(),
                         [](const Ranked& a, const Ranked& b) { return a.order < b.order || (a.order == b.order && a.line < b.line); });
        out.resize(wanted);
        for (std::size_t k = 0; k < wanted; ++k) out[k] = {ranked_[k].line, ranked_[k].votes};
    }
    return out;
}

}  // namespace summalign::detail
