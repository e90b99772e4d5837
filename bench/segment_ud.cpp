// Danish sentence segmentation on the UD Danish-DDT development set: boundary F1 of ICU
// alone and of summalign's Segmenter, plus speed (median of several runs).
//
//   bench_segment_ud [CONLLU] [--runs N] [--errors]
//
// CONLLU defaults to tests/data/ud-danish-ddt/da_ddt-ud-dev.conllu in the source tree.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "train/segment_eval.hpp"
#include "detail/segment_icu.hpp"
#include "summalign/segment.hpp"

namespace {

using summalign::SourceSpan;
using summalign::detail::BoundaryScore;

std::string one_line(std::string_view s) {
    std::string out(s);
    std::replace(out.begin(), out.end(), '\n', '|');
    return out;
}

// Prints each wrong boundary with some context: `+` marks a boundary found but not in the gold
// standard, `-` a gold boundary that was missed.
void print_errors(const summalign::detail::GoldText& gold, const std::vector<SourceSpan>& spans) {
    std::set<std::size_t> gold_ends(gold.sentence_ends.begin(), gold.sentence_ends.end());
    std::set<std::size_t> found;
    for (const auto& s : spans) found.insert(s.end);
    auto context = [&](std::size_t at) {
        const std::size_t from = at >= 60 ? at - 60 : 0;
        return one_line(std::string_view(gold.text).substr(from, at - from)) + " ‖ " +
               one_line(std::string_view(gold.text).substr(at, 50));
    };
    for (auto e : found)
        if (!gold_ends.count(e) && e != gold.text.size()) std::cout << "+ " << context(e) << '\n';
    for (auto e : gold_ends)
        if (!found.count(e) && e != gold.text.size()) std::cout << "- " << context(e) << '\n';
}

template <typename Split>
double median_seconds(int runs, Split&& split) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        split();
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void report(const char* name, const BoundaryScore& score, double seconds, std::size_t bytes) {
    std::printf("%-22s P %.4f  R %.4f  F1 %.4f  (tp %zu fp %zu fn %zu)  %.1f ms, %.1f MB/s\n", name,
                score.precision(), score.recall(), score.f1(), score.true_positives, score.false_positives,
                score.false_negatives, seconds * 1e3, static_cast<double>(bytes) / seconds / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
    // CMake compiles this file by its absolute path, so __FILE__ locates the source tree.
    std::string path = (std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / "data" / "ud-danish-ddt" /
                        "da_ddt-ud-dev.conllu")
                           .string();
    int runs = 5;
    bool show_errors = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--errors") == 0) show_errors = true;
        else if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else path = argv[i];
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::cerr << "bench_segment_ud: cannot open " << path << '\n';
        return 1;
    }
    std::ostringstream content;
    content << in.rdbuf();
    const auto gold = summalign::detail::build_running_text(content.str());
    std::printf("%s: %zu gold sentences, %zu bytes of running text\n", path.c_str(), gold.sentence_ends.size(),
                gold.text.size());

    const summalign::detail::IcuSentenceRules icu(summalign::Lang::da);
    std::vector<SourceSpan> icu_spans;
    const double icu_seconds =
        median_seconds(runs, [&] { icu_spans = summalign::detail::spans_between(gold.text, icu.breaks(gold.text)); });
    const auto icu_score = summalign::detail::score_boundaries(gold.sentence_ends, icu_spans, gold.text.size());

    const summalign::Segmenter segmenter(summalign::Lang::da);
    std::vector<SourceSpan> spans;
    const double seconds = median_seconds(runs, [&] { spans = segmenter.split(gold.text); });
    const auto score = summalign::detail::score_boundaries(gold.sentence_ends, spans, gold.text.size());

    report("ICU alone (da)", icu_score, icu_seconds, gold.text.size());
    report("Segmenter (auto)", score, seconds, gold.text.size());
    // The other line-break policies, for the record: the built text puts headlines on lines
    // of their own, so "sentence" suits it too, while "space" loses every headline end.
    for (const auto& [name, policy] : {std::pair{"Segmenter (sentence)", summalign::LineBreaks::end_sentence},
                                       std::pair{"Segmenter (space)", summalign::LineBreaks::join}}) {
        std::vector<SourceSpan> policy_spans;
        const double policy_seconds = median_seconds(runs, [&, line_breaks = policy] { policy_spans = segmenter.split(gold.text, {line_breaks}); });
        report(name, summalign::detail::score_boundaries(gold.sentence_ends, policy_spans, gold.text.size()),
               policy_seconds, gold.text.size());
    }
    if (show_errors) {
        std::cout << "\nICU alone:\n";
        print_errors(gold, icu_spans);
        std::cout << "\nSegmenter:\n";
        print_errors(gold, spans);
    }
    return 0;
}
