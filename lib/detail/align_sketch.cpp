#include "detail/align_sketch.hpp"
#include "detail/similarity_keys.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <tuple>
#include <utility>

namespace summalign::detail {

SentenceSketch sketch_of(const PreparedSentence& sentence) {
    SentenceSketch sketch;
    sketch.bytes = sentence.text.size();
    const auto key_index = detail::key_index(sentence);
    sketch.own_index.assign(key_index.begin(), key_index.end());
    sketch.own.reserve(key_index.size());
    for (const auto& [key, token] : key_index) sketch.own.push_back(key);
    // The key index is sorted by key; only a sentence built by hand may not be.
    if (!std::is_sorted(sketch.own.begin(), sketch.own.end()))
        std::sort(sketch.own.begin(), sketch.own.end());
    sketch.own.erase(std::unique(sketch.own.begin(), sketch.own.end()), sketch.own.end());
    std::size_t reach_size = 0;
    for (const auto& token : sentence.tokens) reach_size += token.links.size() + token.anchors.size();
    sketch.reach.reserve(reach_size);
    sketch.weights.reserve(sentence.tokens.size());
    sketch.capacity.reserve(sentence.tokens.size());
    for (std::uint32_t i = 0; i < sentence.tokens.size(); ++i) {
        const auto& token = sentence.tokens[i];
        for (const auto& link : token.links) sketch.reach.emplace_back(link.key, i);
        for (const auto& anchor : token.anchors)
            if (anchor.kind != MatchKind::cognate) sketch.reach.emplace_back(anchor.key, i);
        sketch.weights.push_back(token.weight);
        sketch.capacity.push_back(token.is_compound ? 2 : 1);
        sketch.total_weight += token.weight;
    }
    std::sort(sketch.reach.begin(), sketch.reach.end());
    sketch.reach.erase(std::unique(sketch.reach.begin(), sketch.reach.end()), sketch.reach.end());
    for (const auto& entry : sketch.reach) {
        const auto [first, second] = reach_filter_bits(entry.first);
        sketch.reach_filter[first >> 6] |= std::uint64_t{1} << (first & 63u);
        sketch.reach_filter[second >> 6] |= std::uint64_t{1} << (second & 63u);
    }
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
            if (!might_reach(from, key)) continue;
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

// The weight of the tokens of `sketch` flagged in `flags` (one entry per token), as a share
// of its total; callers decide what a sketch without weight counts as.
double flagged_share(const SentenceSketch& sketch, std::span<const char> flags) {
    double weight = 0.0;
    for (std::size_t t = 0; t < flags.size(); ++t)
        if (flags[t]) weight += sketch.weights[t];
    return weight / sketch.total_weight;
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
    mark_claim_tokens_covered(claim, evidence, covered);
    return covered;
}

void mark_claim_tokens_covered(const SentenceSketch& claim, const SentenceSketch& evidence, std::span<char> covered) {
    // Both walks go through a short sorted list (own keys: one or two per token) and search
    // a long one (reach: every translation of every token) from where the last search
    // ended: the keys only grow.
    // Claim tokens whose translations occur in the evidence.
    auto reach = claim.reach.begin();
    for (std::uint64_t key : evidence.own) {
        if (!might_reach(claim, key)) continue;
        reach = std::lower_bound(reach, claim.reach.end(), std::make_pair(key, std::uint32_t{0}));
        for (; reach != claim.reach.end() && reach->first == key; ++reach) covered[reach->second] = 1;
    }
    // Claim tokens that are translations of evidence tokens.
    auto evidence_reach = evidence.reach.begin();
    for (const auto& [key, token] : claim.own_index) {
        if (!might_reach(evidence, key)) continue;
        evidence_reach = std::lower_bound(evidence_reach, evidence.reach.end(), std::make_pair(key, std::uint32_t{0}));
        if (evidence_reach != evidence.reach.end() && evidence_reach->first == key) covered[token] = 1;
    }
}

double claim_coverage(const SentenceSketch& claim, const SentenceSketch& evidence) {
    if (claim.total_weight <= 0.0) return 0.0;
    return flagged_share(claim, claim_tokens_covered(claim, evidence));
}

double part_coverage(const SentenceSketch& part, std::span<const SentenceSketch> other) {
    if (part.total_weight <= 0.0) return 1.0;  // nothing to account for
    std::vector<char> any(part.weights.size(), 0);
    for (const auto& sentence : other) mark_claim_tokens_covered(part, sentence, any);
    return flagged_share(part, any);
}

namespace {

// Links between the tokens of `a` and those of `b` (either direction), as (a token, b token).
std::vector<std::pair<std::uint32_t, std::uint32_t>> links_between(const SentenceSketch& a, const SentenceSketch& b) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    auto join = [&edges](const auto& reach, const auto& own, bool reach_is_a) {
        auto r = reach.begin();
        auto o = own.begin();
        while (r != reach.end() && o != own.end()) {
            if (r->first < o->first) ++r;
            else if (o->first < r->first) ++o;
            else {
                const std::uint64_t key = r->first;
                auto r_end = r, o_end = o;
                while (r_end != reach.end() && r_end->first == key) ++r_end;
                while (o_end != own.end() && o_end->first == key) ++o_end;
                for (auto x = r; x != r_end; ++x)
                    for (auto y = o; y != o_end; ++y)
                        edges.emplace_back(reach_is_a ? x->second : y->second, reach_is_a ? y->second : x->second);
                r = r_end;
                o = o_end;
            }
        }
    };
    join(a.reach, b.own_index, true);
    join(b.reach, a.own_index, false);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    return edges;
}

// Weight of the tokens that have a link but no partner in a maximum one-to-one matching
// (a left token may take up to its capacity partners). Kuhn's augmenting paths: the
// token sets are sentence-sized.
double unmatched_linked_weight(const SentenceSketch& left, const std::vector<float>& right_weights,
                               const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
    const std::size_t nl = left.weights.size(), nr = right_weights.size();
    // The left partners of right token r: adjacency[adjacency_start[r] .. adjacency_start[r + 1]),
    // in the order of `edges`.
    std::vector<std::uint32_t> adjacency_start(nr + 1, 0), adjacency(edges.size());
    std::vector<char> left_linked(nl, 0);
    for (const auto& [l, r] : edges) ++adjacency_start[r + 1], left_linked[l] = 1;
    for (std::size_t r = 0; r < nr; ++r) adjacency_start[r + 1] += adjacency_start[r];
    {
        std::vector<std::uint32_t> filled(adjacency_start.begin(), adjacency_start.end() - 1);
        for (const auto& [l, r] : edges) adjacency[filled[r]++] = l;
    }
    auto partners = [&](std::uint32_t r) {
        return std::span<const std::uint32_t>(adjacency.data() + adjacency_start[r], adjacency_start[r + 1] - adjacency_start[r]);
    };
    // Slots: each left token repeated `capacity` times.
    std::vector<std::uint32_t> first_slot(nl + 1, 0);
    for (std::size_t l = 0; l < nl; ++l) first_slot[l + 1] = first_slot[l] + left.capacity[l];
    std::vector<int> slot_owner(first_slot[nl], -1);
    std::vector<char> visited;
    auto augment = [&](auto& self, std::uint32_t r) -> bool {
        for (std::uint32_t l : partners(r)) {
            if (visited[l]) continue;
            visited[l] = 1;
            for (std::uint32_t s = first_slot[l]; s < first_slot[l + 1]; ++s)
                if (slot_owner[s] < 0 || self(self, static_cast<std::uint32_t>(slot_owner[s]))) {
                    slot_owner[s] = static_cast<int>(r);
                    return true;
                }
        }
        return false;
    };
    // Heavier right tokens first, so that the matching keeps the content words.
    std::vector<std::uint32_t> order(nr);
    for (std::uint32_t r = 0; r < nr; ++r) order[r] = r;
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return right_weights[x] > right_weights[y]; });
    double lost = 0.0;
    for (std::uint32_t r : order) {
        if (partners(r).empty()) continue;
        visited.assign(nl, 0);
        if (!augment(augment, r)) lost += right_weights[r];
    }
    for (std::size_t l = 0; l < nl; ++l) {
        if (!left_linked[l]) continue;
        bool used = false;
        for (std::uint32_t s = first_slot[l]; s < first_slot[l + 1]; ++s) used |= slot_owner[s] >= 0;
        if (!used) lost += left.weights[l];
    }
    return lost;
}

}  // namespace

MergePart merge_part(const SentenceSketch& single, const SentenceSketch& part) {
    MergePart out;
    out.links = links_between(single, part);
    const MergePart* by_single[] = {&out};
    out.coverage = part_coverage_from(part, by_single);
    out.unmatched = unmatched_linked_weight(single, part.weights, out.links);
    return out;
}

double part_coverage_from(const SentenceSketch& part, std::span<const MergePart* const> by_other) {
    if (part.total_weight <= 0.0) return 1.0;  // nothing to account for
    // A part's token is accounted for when it has any link to the other side (the same test
    // as claim_tokens_covered, read off the links already at hand).
    std::vector<char> any(part.weights.size(), 0);
    for (const MergePart* other : by_other)
        for (const auto& [l, r] : other->links) any[r] = 1;
    return flagged_share(part, any);
}

namespace {

// A merge is two sentences in a row translated by one: the single side renders the first
// part, then the second. Cut the single side's tokens at the point that accounts for the
// most part weight (the first part by tokens before the cut, the second by tokens from it
// on) and return each part's coverage there. A short part whose only partner sits inside
// the other part's translation (an omitted heading "Macro" before "Choose the macro ...",
// whose one word recurs in "Vælg den makro ...") is then left uncovered.
std::pair<double, double> ordered_coverages(const SentenceSketch& single, const SentenceSketch& first,
                                            const MergePart& first_part, const SentenceSketch& second,
                                            const MergePart& second_part) {
    const std::size_t n = single.weights.size();
    constexpr std::uint32_t kNone = UINT32_MAX;
    // Per part token: its first (first part) or last (second part) partner in `single`.
    std::vector<std::uint32_t> earliest(first.weights.size(), kNone), latest(second.weights.size(), kNone);
    for (const auto& [l, r] : first_part.links) earliest[r] = std::min(earliest[r], l);
    for (const auto& [l, r] : second_part.links) latest[r] = latest[r] == kNone ? l : std::max(latest[r], l);
    // gained[s]: first-part weight covered once the cut passes token s - 1;
    // lost[s]: second-part weight no longer covered once the cut passes token s - 1.
    std::vector<double> gained(n + 1, 0.0), lost(n + 1, 0.0);
    for (std::size_t r = 0; r < earliest.size(); ++r)
        if (earliest[r] != kNone) gained[earliest[r] + 1] += first.weights[r];
    for (std::size_t r = 0; r < latest.size(); ++r)
        if (latest[r] != kNone) lost[latest[r] + 1] += second.weights[r];
    double first_covered = 0.0, second_covered = 0.0;
    for (std::size_t r = 0; r < latest.size(); ++r)
        if (latest[r] != kNone) second_covered += second.weights[r];
    double best_first = first_covered, best_second = second_covered;
    for (std::size_t s = 1; s <= n; ++s) {
        first_covered += gained[s], second_covered -= lost[s];
        // Ties keep the earlier cut, so the result does not depend on anything but the tokens.
        if (first_covered + second_covered > best_first + best_second + 1e-9)
            best_first = first_covered, best_second = second_covered;
    }
    auto share = [](double covered, const SentenceSketch& part) { return part.total_weight > 0.0 ? covered / part.total_weight : 1.0; };
    return {share(best_first, first), share(best_second, second)};
}

}  // namespace

MergeCheck check_merge(const SentenceSketch& single, const SentenceSketch& first, const MergePart& first_part,
                       const SentenceSketch& second, const MergePart& second_part) {
    MergeCheck check;
    std::tie(check.first_coverage, check.second_coverage) = ordered_coverages(single, first, first_part, second, second_part);
    const double alone = first_part.unmatched + second_part.unmatched;
    std::vector<float> both_weights = first.weights;
    both_weights.insert(both_weights.end(), second.weights.begin(), second.weights.end());
    auto both_links = first_part.links;
    const auto offset = static_cast<std::uint32_t>(first.weights.size());
    for (const auto& [l, r] : second_part.links) both_links.emplace_back(l, r + offset);
    check.shared_loss = std::max(0.0, unmatched_linked_weight(single, both_weights, both_links) - alone);
    return check;
}

MergeCheck check_merge(const SentenceSketch& single, const SentenceSketch& first, const SentenceSketch& second) {
    return check_merge(single, first, merge_part(single, first), second, merge_part(single, second));
}

double shared_link_loss(const SentenceSketch& single, const SentenceSketch& first, const SentenceSketch& second) {
    return check_merge(single, first, second).shared_loss;
}

}  // namespace summalign::detail
