// align_texts on one thread and with LadderOptions::threads = 2 (the stretches aligned on
// a second thread while the anchor search goes on), interleaved in one process: median
// wall and CPU time of each, and whether the beads are the same.
//
//   build/bench_align_texts_threads DA_FILE EN_FILE [--runs 3]
//
// The files hold one segment per line, as `summalign align-text` reads them (e.g. the
// pair bench_hunalign_compare --keep leaves in its work directory: da.txt, en.txt, or
// big.da.txt, big.en.txt with --scale).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "summalign/align.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"

using namespace summalign;

namespace {

using summalign::bench::median;

std::vector<std::string> read_lines(const char* path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool same(const std::vector<Bead>& a, const std::vector<Bead>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (a[k].da != b[k].da || a[k].en != b[k].en || a[k].score != b[k].score) return false;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s DA_FILE EN_FILE [--runs N]\n", argv[0]);
        return 2;
    }
    std::size_t runs = 3;
    for (int i = 3; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--runs") runs = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    const auto danish = read_lines(argv[1]);
    const auto english = read_lines(argv[2]);
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    std::vector<double> wall[2], cpu[2];
    std::vector<Bead> first[2];
    bool identical = true;
    for (std::size_t r = 0; r < runs; ++r)
        for (unsigned t = 0; t < 2; ++t) {
            LadderOptions options;
            options.threads = t + 1;
            const double cpu_start = bench::process_cpu_seconds();
            const auto start = std::chrono::steady_clock::now();
            auto beads = align_texts(scorer, danish, english, options);
            wall[t].push_back(bench::seconds_since(start));
            cpu[t].push_back(bench::process_cpu_seconds() - cpu_start);
            if (r == 0) first[t] = std::move(beads);
            else identical = identical && same(beads, first[t]);
        }
    identical = identical && same(first[0], first[1]);
    std::printf("%zu x %zu segments, %zu beads, medians of %zu interleaved runs (the scorer's word memos warm after the first)\n",
                danish.size(), english.size(), first[0].size(), runs);
    for (unsigned t = 0; t < 2; ++t)
        std::printf("threads %u: wall %.3f s, CPU %.3f s\n", t + 1, median(wall[t]), median(cpu[t]));
    std::printf("wall 1 thread / 2 threads: %.2f; same beads: %s\n", median(wall[0]) / median(wall[1]), identical ? "yes" : "NO");
    return identical ? 0 : 1;
}
