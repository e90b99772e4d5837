// Writes the benchmark corpus (see bench_corpus.hpp) to a file, for measuring the CLI:
//   bench_make_corpus --copies 400 --out build-x/bench-corpus/corpus-400.txt [--seed 2003] [--verbatim]
//                     [--typo-percent P]   (P% of body paragraphs get a new misspelling per copy)
// scripts/make-bench-corpus.sh builds the standard sizes. Never commit the output.
#include <fstream>
#include <iostream>

#include "bench_corpus.hpp"
#include "bench_util.hpp"

int main(int argc, char** argv) try {
    using namespace summalign::bench;
    const Arguments args(argc, argv);
    CorpusOptions options;
    options.copies = args.number("--copies", 1);
    options.seed = args.number("--seed", options.seed);
    options.relayout = !args.flag("--verbatim");
    options.typo_percent = static_cast<unsigned>(args.number("--typo-percent", 0));
    const std::string out_path = args.text("--out", "");
    if (out_path.empty()) throw std::runtime_error("usage: bench_make_corpus --copies N --out FILE [--seed S] [--verbatim] [--typo-percent P] [--seed-file SEED]");
    const std::string corpus = make_bench_corpus(read_file(args.text("--seed-file", kSeedFile)), options);
    std::ofstream out(out_path, std::ios::binary);
    out << corpus;
    if (!out) throw std::runtime_error("cannot write " + out_path);
    std::cout << out_path << ": " << corpus.size() << " bytes, " << options.copies << " copies of the seed\n";
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_make_corpus: " << e.what() << '\n';
    return 1;
}
