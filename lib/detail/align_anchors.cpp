#include "detail/align_anchors.hpp"
#include "detail/similarity_tokens.hpp"

#include <algorithm>
#include <cmath>

namespace summalign::detail {
namespace {

// Every key a token can be found by: its own stems, its anchors (numbers, names, cognate
// prefixes, ...) and its translations, as the candidate index of `mine` uses them.
template <typename Visit>
void for_each_key(const PreparedToken& token, Visit&& visit) {
    for (auto key : token.own_keys) visit(key);
    for (const auto& anchor : token.anchors) visit(anchor.key);
    for (const auto& link : token.links) visit(link.key);
}

}  // namespace

void AnchorIndex::add_english(const PreparedSentence& english) {
    const auto e = static_cast<std::uint32_t>(english_count_++);
    for (const auto& token : english.tokens)
        for_each_key(token, [&](std::uint64_t key) {
            auto& list = postings_[key];
            if (list.empty() || list.back() != e) list.push_back(e);
        });
}

std::vector<std::uint32_t> AnchorIndex::candidates(const PreparedSentence& danish, std::size_t count,
                                                   std::size_t max_postings, std::size_t window_begin,
                                                   std::size_t window_end) {
    // Grown, not refilled: segments are added between calls, and the entries in use are
    // back to zero after each call.
    votes_.resize(english_count_, 0.0f);
    stamp_.resize(english_count_, 0);
    const double segments = static_cast<double>(english_count_) + 1.0;
    for (const auto& token : danish.tokens) {
        if (!(token.weight > 0.0f)) continue;
        lists_.clear();
        for_each_key(token, [&](std::uint64_t key) {
            const auto found = postings_.find(key);
            if (found != postings_.end() && found->second.size() <= max_postings) lists_.push_back(&found->second);
        });
        // Rarest key first, so that the first hit on a segment is the one that counts.
        std::sort(lists_.begin(), lists_.end(), [](const auto* a, const auto* b) { return a->size() < b->size(); });
        ++round_;
        for (const auto* list : lists_) {
            const auto weight = static_cast<float>(token.weight * std::log(segments / static_cast<double>(list->size())));
            auto first = list->begin();
            if (window_begin > 0) first = std::lower_bound(list->begin(), list->end(), window_begin);
            for (auto it = first; it != list->end() && *it < window_end; ++it) {
                const std::uint32_t e = *it;
                if (stamp_[e] == round_) continue;
                stamp_[e] = round_;
                if (votes_[e] == 0.0f) touched_.push_back(e);
                votes_[e] += weight;
            }
        }
    }
    std::vector<std::pair<float, std::uint32_t>> ranked;
    ranked.reserve(touched_.size());
    for (const std::uint32_t e : touched_) {
        ranked.emplace_back(-votes_[e], e);
        votes_[e] = 0.0f;
    }
    touched_.clear();
    const std::size_t kept = std::min(count, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept), ranked.end());
    std::vector<std::uint32_t> out;
    out.reserve(kept);
    for (std::size_t k = 0; k < kept; ++k) out.push_back(ranked[k].second);
    return out;
}

void BestScores::offer(std::uint32_t other, double score) {
    if (score > best_score || (score == best_score && other < best)) {
        second_score = best_score;
        best_score = score;
        best = other;
    } else {
        second_score = std::max(second_score, score);
    }
}

std::vector<std::pair<std::size_t, std::size_t>> mutual_best_pairs(std::span<const BestScores> danish,
                                                                   std::span<const BestScores> english, double min_score,
                                                                   double min_margin, std::size_t danish_begin,
                                                                   std::size_t danish_end, std::size_t english_begin) {
    auto confident = [&](const BestScores& s) {
        return s.best != BestScores::kNone && s.best_score >= min_score && s.best_score - s.second_score >= min_margin;
    };
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t i = danish_begin; i < std::min(danish_end, danish.size()); ++i) {
        const auto& d = danish[i];
        if (!confident(d) || d.best >= english.size() || d.best < english_begin) continue;
        const auto& e = english[d.best];
        if (e.best != i || !confident(e)) continue;
        pairs.emplace_back(i, d.best);
    }
    return pairs;
}

std::vector<std::pair<std::size_t, std::size_t>> longest_chain(std::span<const std::pair<std::size_t, std::size_t>> pairs) {
    // Patience sorting on the English index (one pair per Danish index, in Danish order).
    std::vector<std::size_t> tail;                              // pair index ending a chain of each length
    std::vector<std::size_t> previous(pairs.size(), SIZE_MAX);  // chain links
    for (std::size_t c = 0; c < pairs.size(); ++c) {
        const auto j = pairs[c].second;
        const auto at = std::lower_bound(tail.begin(), tail.end(), j,
                                         [&](std::size_t t, std::size_t value) { return pairs[t].second < value; });
        if (at != tail.begin()) previous[c] = *(at - 1);
        if (at == tail.end()) tail.push_back(c);
        else *at = c;
    }
    std::vector<std::pair<std::size_t, std::size_t>> chain;
    for (std::size_t c = tail.empty() ? SIZE_MAX : tail.back(); c != SIZE_MAX; c = previous[c]) chain.push_back(pairs[c]);
    std::reverse(chain.begin(), chain.end());
    return chain;
}

std::vector<std::pair<std::size_t, std::size_t>> select_anchors(std::span<const BestScores> danish,
                                                                std::span<const BestScores> english, double min_score,
                                                                double min_margin) {
    return longest_chain(mutual_best_pairs(danish, english, min_score, min_margin, 0, danish.size(), 0));
}

std::vector<std::pair<std::size_t, std::size_t>> cut_nodes(std::span<const std::pair<std::size_t, std::size_t>> anchors,
                                                           std::size_t n, std::size_t m) {
    std::vector<std::pair<std::size_t, std::size_t>> cuts{{0, 0}};
    for (std::size_t k = 1; k < anchors.size(); ++k) {
        const auto [i, j] = anchors[k - 1];
        const auto [i2, j2] = anchors[k];
        if (i2 != i + 1 || j2 != j + 1) continue;
        if (i2 >= n || j2 >= m) continue;
        if (i2 > cuts.back().first && j2 > cuts.back().second) cuts.emplace_back(i2, j2);
    }
    cuts.emplace_back(n, m);
    return cuts;
}

Band band_along(const std::vector<std::pair<std::size_t, std::size_t>>& points) {
    const std::size_t n = points.back().first, m = points.back().second;
    Band band;
    band.lo.assign(n + 1, m);
    band.hi.assign(n + 1, 0);
    for (std::size_t k = 1; k < points.size(); ++k) {
        // Plain names, not structured bindings: clang before 16 cannot capture a binding in
        // the lambda below (the fuzzing build uses clang).
        const std::size_t i0 = points[k - 1].first, j0 = points[k - 1].second;
        const std::size_t i1 = points[k].first, j1 = points[k].second;
        const std::size_t di = i1 - i0, dj = j1 - j0;
        const std::size_t radius =
            std::min(kMaxBandRadius, kBandRadius + (di > dj ? di - dj : dj - di) + std::min(di, dj) / 4);
        // Row i spans the line from where it meets row i to where it meets row i + 1 (a
        // steep line crosses many columns in one row), widened by the radius on both sides,
        // past the two points as well.
        auto line_at = [&](std::size_t i) {
            if (i <= i0) return j0;
            if (i >= i1) return j1;
            const double along = static_cast<double>(i - i0) / static_cast<double>(di);
            return j0 + static_cast<std::size_t>(along * static_cast<double>(dj) + 0.5);
        };
        for (std::size_t i = i0; i <= i1; ++i) {
            const std::size_t from = line_at(i), to = line_at(i + 1);
            const std::size_t lo = from > radius ? from - radius : 0;
            const std::size_t hi = std::min(m, to + radius);
            band.lo[i] = std::min(band.lo[i], lo);
            band.hi[i] = std::max(band.hi[i], hi);
        }
    }
    return band;
}

}  // namespace summalign::detail
