// Parse throughput at corpus scale: how many megabytes of extracted journal text one core
// turns into articles per second (layout repair + article structure + segmentation).
//
//   build/bench_parse_throughput [--copies 500] [--runs 5] [--seed-file corpus/...txt]
//
// The corpus is the seed re-laid out --copies times (bench_corpus.hpp), built in memory so
// that disk speed is not measured. MB = 10^6 bytes. Prints one JSON object.
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "bench_corpus.hpp"
#include "bench_util.hpp"
#include "summalign/journal.hpp"
#include "summalign/text.hpp"

int main(int argc, char** argv) try {
    using namespace summalign;
    using namespace summalign::bench;
    const Arguments args(argc, argv);
    CorpusOptions corpus_options;
    corpus_options.copies = args.number("--copies", 500);
    const std::size_t runs = args.number("--runs", 5);

    const std::string corpus = make_bench_corpus(read_file(args.text("--seed-file", kSeedFile)), corpus_options);
    const SourceText source = make_source(corpus, "bench-corpus");

    std::optional<Parser> parser;
    const Timing parser_load = median_timing(1, [&] { parser.emplace(); });

    std::size_t articles = 0, sentences = 0;
    const Timing parse_time = median_timing(runs, [&] {
        const Document document = parser->parse(source);
        articles = document.articles.size();
        sentences = 0;
        for (const auto& article : document.articles) {
            sentences += article.resume.size();
            for (const auto& section : article.sections) sentences += section.sentences.size();
            if (article.summary) sentences += article.summary->sentences.size();
        }
    });
    const double megabytes = static_cast<double>(source.bytes.size()) / 1e6;
    nlohmann::json result = {
        {"bench", "parse_throughput"},
        {"copies", corpus_options.copies},
        {"bytes", source.bytes.size()},
        {"articles", articles},
        {"sentences", sentences},
        {"runs", runs},
        {"parser_load_ms", parser_load.wall * 1e3},
        {"parse_seconds_median", parse_time.wall},
        {"parse_cpu_seconds_median", parse_time.cpu},
        {"parse_mb_per_s", megabytes / parse_time.wall},
        {"parse_mb_per_cpu_s", megabytes / parse_time.cpu},
        {"articles_per_s", static_cast<double>(articles) / parse_time.wall},
        {"peak_rss_mib", peak_rss_mib()},
    };
    std::cout << result.dump() << '\n';
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_parse_throughput: " << e.what() << '\n';
    return 1;
}
