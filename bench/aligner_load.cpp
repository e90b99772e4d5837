// Building an Aligner: wall time and peak resident memory, with the Hunspell dictionaries
// loaded once for the parser and the checker (`shared`: Aligner(options, threads), which
// gives the checker the parser's dictionaries) against loading them twice (`separate`: a
// default Parser, then a Checker that loads its own, as an Aligner did before the two shared
// them). Each load runs in a fresh process of its own (peak memory is per process), the two
// ways taking turns, so that both meet the same machine load; medians over --runs.
//
//   bench_aligner_load [--runs N] [--threads 1,2]
//
// Prints per thread count and way the median seconds and peak RSS (MiB), and the ratios.
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "bench_util.hpp"
#include "summalign/check.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/similarity.hpp"

using namespace summalign;

namespace {

using summalign::bench::median;

// One load in this process; prints "seconds peak_mib".
int child(const std::string& way, unsigned threads) {
    const LexiconOptions options;
    const auto start = std::chrono::steady_clock::now();
    if (way == "shared") {
        const Aligner aligner(options, threads);
        const double seconds = bench::seconds_since(start);
        std::printf("%.4f %.2f\n", seconds, bench::peak_rss_mib());
    } else {
        const Parser parser;
        const Lexicon lexicon(options);
        const SentenceScorer scorer(lexicon);
        const Checker checker(lexicon, threads, Messages{});
        const double seconds = bench::seconds_since(start);
        std::printf("%.4f %.2f\n", seconds, bench::peak_rss_mib());
    }
    return 0;
}

std::pair<double, double> run_child(const std::string& self, const std::string& way, std::size_t threads) {
    const std::string command = self + " --child " + way + " --child-threads " + std::to_string(threads);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot run " + command);
    double seconds = 0, mib = 0;
    const int read = std::fscanf(pipe, "%lf %lf", &seconds, &mib);
    if (pclose(pipe) != 0 || read != 2) throw std::runtime_error("failed: " + command);
    return {seconds, mib};
}

}  // namespace

int main(int argc, char** argv) {
    const bench::Arguments args(argc, argv);
    const std::string way = args.text("--child", "");
    if (!way.empty()) return child(way, static_cast<unsigned>(args.number("--child-threads", 1)));
    const std::size_t runs = args.number("--runs", 5);
    const std::string self = "/proc/" + std::to_string(::getpid()) + "/exe";
    for (const std::size_t threads : args.numbers("--threads", "1,2")) {
        std::map<std::string, std::vector<double>> seconds, mib;
        for (std::size_t r = 0; r < runs; ++r)
            for (const std::string w : {"separate", "shared"}) {
                const auto [s, m] = run_child(self, w, threads);
                seconds[w].push_back(s);
                mib[w].push_back(m);
            }
        for (const std::string w : {"separate", "shared"})
            fmt::print("threads {} {:9}: load {:.3f} s, peak RSS {:.1f} MiB (medians of {})\n", threads, w, median(seconds[w]),
                       median(mib[w]), runs);
        fmt::print("threads {} shared/separate: time {:.3f}, memory {:.3f}\n", threads,
                   median(seconds["shared"]) / median(seconds["separate"]), median(mib["shared"]) / median(mib["separate"]));
    }
    return 0;
}
