// Precision@1 of `mine` on a Danish<TAB>English file: for each Danish line, is its own
// English line the one mine picks among all English lines? Components of the lexicon
// and of word matching can be switched off to measure what each contributes.
//
//   bench_mine_tatoeba [FILE] [--no-freedict] [--no-glossary] [--no-learned]
//                      [--no-cognates] [--no-compounds] [--no-anchors] [--no-margin] [--many-to-one] [--no-corpus-weights]
//                      [--runs N] [--threads N] [--candidates N] [--scale LINES]
// FILE defaults to tests/data/tatoeba/tatoeba-dan-eng.dev.tsv in the source tree.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"

int main(int argc, char** argv) {
    using namespace summalign;
    // This file is <repo>/bench/mine_tatoeba.cpp; the pairs are in <repo>/tests/data.
    std::string path =
        (std::filesystem::path(__FILE__).parent_path().parent_path() / "tests" / "data" / "tatoeba" / "tatoeba-dan-eng.dev.tsv")
            .string();
    LexiconOptions lexicon_options;
    ScorerOptions scorer_options;
    MineOptions mine_options;
    int runs = 3;
    std::size_t scale = 0;  // > 0: repeat the pairs (with a copy number appended) up to this many lines
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-freedict") lexicon_options.use_freedict = false;
        else if (arg == "--no-glossary") lexicon_options.use_glossary = false;
        else if (arg == "--no-learned") lexicon_options.use_learned = false;
        else if (arg == "--no-cognates") scorer_options.use_cognates = false;
        else if (arg == "--no-compounds") scorer_options.use_compounds = false;
        else if (arg == "--no-anchors") scorer_options.use_anchors = false;
        else if (arg == "--no-margin") mine_options.margin = false;
        else if (arg == "--many-to-one") mine_options.one_to_one = false;
        else if (arg == "--no-corpus-weights") mine_options.corpus_weights = false;
        else if (arg == "--scale" && i + 1 < argc) scale = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
        else if (arg == "--runs" && i + 1 < argc) runs = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--threads" && i + 1 < argc) mine_options.threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (arg == "--candidates" && i + 1 < argc) mine_options.candidates = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
        else if (arg == "--full-scores" && i + 1 < argc) mine_options.full_scores = static_cast<std::size_t>(std::max(0, std::atoi(argv[++i])));
        else if (!arg.empty() && arg[0] != '-') path = arg;
        else {
            std::cerr << "unknown argument: " << arg << '\n';
            return 2;
        }
    }
    std::ifstream in(path);
    if (!in) {
        std::cerr << "cannot read " << path << '\n';
        return 1;
    }
    std::vector<std::string> danish;
    std::vector<std::string> english;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        danish.push_back(line.substr(0, tab));
        english.push_back(line.substr(tab + 1));
    }

    const std::size_t originals = danish.size();
    if (scale > originals && originals > 0) {
        for (std::size_t copy = 1; danish.size() < scale; ++copy) {
            for (std::size_t i = 0; i < originals && danish.size() < scale; ++i) {
                danish.push_back(danish[i] + " " + std::to_string(copy));
                english.push_back(english[i] + " " + std::to_string(copy));
            }
        }
    }

    std::vector<double> load_ms;
    std::vector<double> mine_ms;
    double precision = 0.0;
    for (int run = 0; run < runs; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        const Lexicon lexicon(lexicon_options);
        const SentenceScorer scorer(lexicon, scorer_options);
        const auto t1 = std::chrono::steady_clock::now();
        const auto pairs = mine(scorer, danish, english, mine_options);
        const auto t2 = std::chrono::steady_clock::now();
        std::size_t correct = 0;
        // With repeated pairs any copy of the right sentence counts as found.
        for (const auto& pair : pairs) correct += pair.en_index % originals == pair.da_index % originals;
        precision = danish.empty() ? 0.0 : static_cast<double>(correct) / static_cast<double>(danish.size());
        load_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        mine_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
        if (run == 0) std::printf("lexicon entries: %zu\n", lexicon.entry_count());
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("pairs: %zu\nprecision@1: %.3f\nlexicon load ms (median of %d): %.1f\nmine ms (median of %d): %.1f\n",
                danish.size(), precision, runs, median(load_ms), runs, median(mine_ms));
    return 0;
}
