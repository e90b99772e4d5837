#include "train/segment_eval.hpp"

#include <algorithm>
#include <set>

namespace summalign::detail {

namespace {

bool ends_like_sentence(std::string_view sentence) {
    static constexpr std::string_view closers[] = {".", "!", "?", "\"", ")", "\xC2\xBB" /* » */};
    return std::any_of(std::begin(closers), std::end(closers),
                       [&](std::string_view c) { return sentence.ends_with(c); });
}

}  // namespace

GoldText build_running_text(std::string_view conllu) {
    static constexpr std::string_view marker = "# text = ";
    GoldText gold;
    std::string_view pending_separator;
    std::size_t pos = 0;
    while (pos < conllu.size()) {
        std::size_t eol = conllu.find('\n', pos);
        if (eol == std::string_view::npos) eol = conllu.size();
        std::string_view line = conllu.substr(pos, eol - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = eol + 1;
        if (!line.starts_with(marker)) continue;
        std::string_view sentence = line.substr(marker.size());
        while (!sentence.empty() && sentence.back() == ' ') sentence.remove_suffix(1);
        if (sentence.empty()) continue;
        gold.text += pending_separator;
        gold.text += sentence;
        gold.sentence_ends.push_back(gold.text.size());
        pending_separator = ends_like_sentence(sentence) ? " " : "\n";
    }
    return gold;
}

double BoundaryScore::precision() const noexcept {
    const auto predicted = true_positives + false_positives;
    return predicted == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(predicted);
}
double BoundaryScore::recall() const noexcept {
    const auto gold = true_positives + false_negatives;
    return gold == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(gold);
}
double BoundaryScore::f1() const noexcept {
    const double p = precision(), r = recall();
    return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

BoundaryScore score_boundaries(const std::vector<std::size_t>& gold_ends, const std::vector<SourceSpan>& predicted,
                               std::size_t text_size) {
    std::set<std::size_t> gold(gold_ends.begin(), gold_ends.end());
    std::set<std::size_t> found;
    for (const auto& span : predicted) found.insert(span.end);
    gold.erase(text_size);
    found.erase(text_size);
    BoundaryScore score;
    for (auto end : found) (gold.count(end) ? score.true_positives : score.false_positives)++;
    for (auto end : gold) if (!found.count(end)) score.false_negatives++;
    return score;
}

}  // namespace summalign::detail
