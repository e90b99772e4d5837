#include "train/lexicon_ibm1.hpp"

#include <unordered_map>

namespace summalign::detail {

std::vector<Ibm1Entry> train_ibm1(const std::vector<IdPair>& corpus, int iterations) {
    // Every (source, target) pair that co-occurs gets a dense index; each sentence pair
    // is then stored as the indices of its links, target position by target position, so
    // that an EM iteration is two passes over flat arrays.
    std::unordered_map<std::uint64_t, std::uint32_t> pair_index;
    std::vector<std::uint32_t> pair_source;
    std::vector<std::uint32_t> pair_target;
    std::vector<std::uint32_t> links;
    std::vector<std::size_t> sentence_start;  // into links; one row per target word
    std::vector<std::uint32_t> row_width;     // per sentence: source length + 1 (NULL)
    std::uint32_t max_source = 0;
    std::size_t total_links = 0;
    for (const auto& sentence : corpus) total_links += sentence.target.size() * (sentence.source.size() + 1);
    links.reserve(total_links);
    pair_index.reserve(total_links / 4);  // distinct pairs are a fraction of all links; avoids rehashing
    for (const auto& sentence : corpus) {
        sentence_start.push_back(links.size());
        row_width.push_back(static_cast<std::uint32_t>(sentence.source.size() + 1));
        for (std::uint32_t f : sentence.target) {
            for (std::size_t i = 0; i <= sentence.source.size(); ++i) {
                const std::uint32_t e = i == 0 ? 0 : sentence.source[i - 1];
                if (e > max_source) max_source = e;
                const std::uint64_t key = (static_cast<std::uint64_t>(e) << 32) | f;
                auto [it, inserted] = pair_index.try_emplace(key, static_cast<std::uint32_t>(pair_source.size()));
                if (inserted) {
                    pair_source.push_back(e);
                    pair_target.push_back(f);
                }
                links.push_back(it->second);
            }
        }
    }
    sentence_start.push_back(links.size());
    pair_index = {};

    std::vector<float> t(pair_source.size(), 1.0f);  // uniform: only ratios matter
    std::vector<float> counts(pair_source.size());
    std::vector<double> totals(static_cast<std::size_t>(max_source) + 1);
    for (int iteration = 0; iteration < iterations; ++iteration) {
        std::fill(counts.begin(), counts.end(), 0.0f);
        std::fill(totals.begin(), totals.end(), 0.0);
        for (std::size_t s = 0; s + 1 < sentence_start.size(); ++s) {
            const std::size_t width = row_width[s];
            for (std::size_t row = sentence_start[s]; row < sentence_start[s + 1]; row += width) {
                double denominator = 0.0;
                for (std::size_t k = row; k < row + width; ++k) denominator += t[links[k]];
                if (denominator <= 0.0) continue;
                for (std::size_t k = row; k < row + width; ++k) {
                    const auto fraction = static_cast<float>(t[links[k]] / denominator);
                    counts[links[k]] += fraction;
                }
            }
        }
        for (std::size_t p = 0; p < counts.size(); ++p) totals[pair_source[p]] += counts[p];
        for (std::size_t p = 0; p < counts.size(); ++p) {
            const double total = totals[pair_source[p]];
            t[p] = total > 0.0 ? static_cast<float>(counts[p] / total) : 0.0f;
        }
    }

    std::vector<Ibm1Entry> entries(pair_source.size());
    for (std::size_t p = 0; p < entries.size(); ++p) entries[p] = Ibm1Entry{pair_source[p], pair_target[p], t[p]};
    return entries;
}

}  // namespace summalign::detail
