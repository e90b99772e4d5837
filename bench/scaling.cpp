// Is the cost linear in the input? Parses and aligns the benchmark corpus at 1x, 4x and
// 16x a base size and reports time per megabyte and per article at each scale: linear
// cost shows as constant figures down the column.
//
//   build/bench_scaling [--base-copies 125] [--scales 1,4,16] [--runs 3] [--threads 1]
//
// Prints one JSON object per scale, one per line. Peak memory is per process and only
// grows, so it is measured by separate runs of bench_align_corpus --copies N instead.
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "bench_corpus.hpp"
#include "bench_util.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"

int main(int argc, char** argv) try {
    using namespace summalign;
    using namespace summalign::bench;
    const Arguments args(argc, argv);
    const std::size_t base_copies = args.number("--base-copies", 125);
    const std::size_t runs = args.number("--runs", 3);
    const auto threads = static_cast<unsigned>(args.number("--threads", 1));
    const std::vector<std::size_t> scales = args.numbers("--scales", "1,4,16");
    const std::string seed = read_file(args.text("--seed-file", kSeedFile));
    const Aligner aligner;

    for (std::size_t scale : scales) {
        CorpusOptions corpus_options;
        corpus_options.copies = base_copies * scale;
        const SourceText source = make_source(make_bench_corpus(seed, corpus_options), "bench-corpus");
        Document parsed;
        const Timing parse = median_timing(runs, [&] { parsed = aligner.parser().parse(source); });
        const Timing align = median_timing(runs, [&] { aligner.align_articles(parsed, threads); });
        const double megabytes = static_cast<double>(source.bytes.size()) / 1e6;
        const auto articles = static_cast<double>(parsed.articles.size());
        const nlohmann::json result = {
            {"bench", "scaling"},
            {"scale", scale},
            {"copies", corpus_options.copies},
            {"bytes", source.bytes.size()},
            {"articles", parsed.articles.size()},
            {"threads", threads},
            {"parse_seconds_median", parse.wall},
            {"parse_cpu_ms_per_mb", parse.cpu * 1e3 / megabytes},
            {"align_seconds_median", align.wall},
            {"align_cpu_ms_per_article", articles > 0 ? align.cpu * 1e3 / articles : 0.0},
        };
        std::cout << result.dump() << std::endl;
    }
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_scaling: " << e.what() << '\n';
    return 1;
}
