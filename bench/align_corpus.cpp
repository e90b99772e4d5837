// Align throughput at corpus scale: articles per second through Aligner::align (align +
// check, the part `summalign align --threads N` runs after parsing), and the whole
// parse -> align -> JSON flow, for each thread count, with peak memory.
//
//   build/bench_align_corpus [--copies 500] [--runs 3] [--threads 1,2] [--seed-file ...]
//
// Prints one JSON object; the load of the expensive objects (parser, lexicon, scorer,
// checker) is reported separately from the per-article cost.
#include <iostream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bench_corpus.hpp"
#include "bench_util.hpp"
#include "summalign/export.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"

int main(int argc, char** argv) try {
    using namespace summalign;
    using namespace summalign::bench;
    const Arguments args(argc, argv);
    CorpusOptions corpus_options;
    corpus_options.copies = args.number("--copies", 500);
    const std::size_t runs = args.number("--runs", 3);
    std::vector<unsigned> thread_counts;
    {
        std::istringstream list(args.text("--threads", "1,2"));
        for (std::string item; std::getline(list, item, ',');) thread_counts.push_back(static_cast<unsigned>(std::stoul(item)));
    }

    const SourceText source =
        make_source(make_bench_corpus(read_file(args.text("--seed-file", kSeedFile)), corpus_options), "bench-corpus");

    std::optional<Aligner> aligner;
    const double load = median_seconds(1, [&] { aligner.emplace(); });
    Document parsed;
    const double parse = median_seconds(1, [&] { parsed = aligner->parser().parse(source); });
    const std::size_t articles = parsed.articles.size();

    nlohmann::json per_thread = nlohmann::json::array();
    for (unsigned threads : thread_counts) {
        const double align = median_seconds(runs, [&] { aligner->align(parsed, threads); });
        std::size_t json_bytes = 0;
        const double end_to_end = median_seconds(runs, [&] {
            AlignedDocument aligned = aligner->align(aligner->parser().parse(source), threads);
            std::ostringstream out;
            write_document(out, Format::json, aligned);
            json_bytes = out.str().size();
        });
        per_thread.push_back({{"threads", threads},
                              {"align_seconds_median", align},
                              {"align_articles_per_s", static_cast<double>(articles) / align},
                              {"parse_align_json_seconds_median", end_to_end},
                              {"json_bytes", json_bytes}});
    }
    nlohmann::json result = {
        {"bench", "align_corpus"},
        {"copies", corpus_options.copies},
        {"bytes", source.bytes.size()},
        {"articles", articles},
        {"runs", runs},
        {"aligner_load_ms", load * 1e3},
        {"parse_seconds", parse},
        {"by_threads", per_thread},
        {"peak_rss_mib", peak_rss_mib()},
    };
    std::cout << result.dump() << '\n';
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_align_corpus: " << e.what() << '\n';
    return 1;
}
