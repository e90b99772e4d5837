// bench_check: what the Checker costs on a document that is already parsed and aligned:
// building it (Hunspell en_US + en_GB + da_DK and the medical lists), checking every
// article with an empty suggestion cache (cold: a fresh Checker), and checking again
// (warm: Hunspell's suggestions for the same words are cached). CPU time of this process,
// which is steadier than wall time on a shared machine; medians of --runs runs.
//
//   ./build/bench_check [--file corpus/ugeskr-2003-165-stamceller.txt] [--runs 5]
#include <ctime>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/check.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"
#include "bench_util.hpp"

namespace {

using summalign::bench::median;

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    std::string file = "corpus/ugeskr-2003-165-stamceller.txt";
    std::size_t runs = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view name = argv[i];
        if (name == "--file") file = argv[i + 1];
        else if (name == "--runs") runs = std::max<std::size_t>(1, std::stoul(argv[i + 1]));
        else {
            std::cerr << "usage: bench_check [--file FILE] [--runs N]\n";
            return 2;
        }
    }
    try {
        using namespace summalign;
        const SourceText source = read_source(file);
        bench::warn_missing_lexicon_sources();
        const Aligner aligner;
        const AlignedDocument aligned = aligner.align(aligner.parser().parse(source));
        std::vector<double> construct, cold, warm;
        std::size_t findings = 0;
        for (std::size_t r = 0; r < runs; ++r) {
            const double start = cpu_ms();
            const Checker checker(aligner.lexicon());
            construct.push_back(cpu_ms() - start);
            for (int pass = 0; pass < 2; ++pass) {
                const double pass_start = cpu_ms();
                findings = 0;
                for (std::size_t a = 0; a < aligned.articles.size(); ++a)
                    findings += checker.check(aligned.document.articles[a], aligned.articles[a].alignment, source.bytes).size();
                (pass == 0 ? cold : warm).push_back(cpu_ms() - pass_start);
            }
        }
        std::printf("%s: %zu articles, %zu findings; CPU ms, median of %zu runs: construct %.0f, check cold %.0f, warm %.0f\n",
                    file.c_str(), aligned.articles.size(), findings, runs, median(construct), median(cold), median(warm));
    } catch (const std::exception& e) {
        std::cerr << "bench_check: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
