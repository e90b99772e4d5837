// Align throughput at corpus scale: articles per second through Aligner::align (align +
// check, the part `summalign align --threads N` runs after parsing), and the whole
// parse -> align -> JSON flow, for each thread count, with peak memory.
//
//   build/bench_align_corpus [--copies 500] [--runs 3] [--threads 1,2] [--cold-articles 2] [--seed-file ...]
//
// Prints one JSON object; the load of the expensive objects (parser, lexicon, scorer,
// checker) is reported separately from the per-article cost.
#include <algorithm>
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
    for (std::size_t count : args.numbers("--threads", "1,2")) thread_counts.push_back(static_cast<unsigned>(count));

    const SourceText source =
        make_source(make_bench_corpus(read_file(args.text("--seed-file", kSeedFile)), corpus_options), "bench-corpus");

    std::optional<Aligner> aligner;
    const Timing load = median_timing(1, [&] { aligner.emplace(); });
    Document parsed;
    const Timing parse = median_timing(1, [&] { parsed = aligner->parser().parse(source); });
    const std::size_t articles = parsed.articles.size();

    // Cold caches: the first copy of the seed on the fresh Aligner, before anything else has
    // run. The scorer's word memo and the checker's Hunspell memos are empty, as they are for
    // the first article of a real archive; every later copy repeats the same words, so the
    // medians below (warm) flatter the scorer and checker more than a real archive would.
    std::vector<ArticleAlignment> alignments(articles);
    const std::size_t cold_articles = std::min<std::size_t>(articles, args.number("--cold-articles", 2));
    const Timing cold_align = median_timing(1, [&] {
        for (std::size_t i = 0; i < cold_articles; ++i) alignments[i] = align_article_parts(aligner->scorer(), parsed.articles[i]);
    });
    const Timing cold_check = median_timing(1, [&] {
        for (std::size_t i = 0; i < cold_articles; ++i) aligner->checker().check(parsed.articles[i], alignments[i], source.bytes);
    });

    // Where the time goes, one thread: the alignment proper (title, ladder, claim support)
    // and the checker (spelling, numbers, abbreviations, unsupported claims) separately.
    const Timing stage_align = median_timing(runs, [&] {
        for (std::size_t i = 0; i < articles; ++i) alignments[i] = align_article_parts(aligner->scorer(), parsed.articles[i]);
    });
    std::size_t findings = 0;
    const Timing stage_check = median_timing(runs, [&] {
        findings = 0;
        for (std::size_t i = 0; i < articles; ++i)
            findings += aligner->checker().check(parsed.articles[i], alignments[i], source.bytes).size();
    });

    nlohmann::json per_thread = nlohmann::json::array();
    for (unsigned threads : thread_counts) {
        const Timing align = median_timing(runs, [&] { aligner->align_articles(parsed, threads); });
        std::size_t json_bytes = 0;
        const Timing end_to_end = median_timing(runs, [&] {
            AlignedDocument aligned = aligner->align(aligner->parser().parse(source), threads);
            std::ostringstream out;
            write_document(out, Format::json, aligned);
            json_bytes = out.str().size();
        });
        per_thread.push_back({{"threads", threads},
                              {"align_seconds_median", align.wall},
                              {"align_cpu_seconds_median", align.cpu},
                              {"align_articles_per_s", static_cast<double>(articles) / align.wall},
                              {"parse_align_json_seconds_median", end_to_end.wall},
                              {"parse_align_json_cpu_seconds_median", end_to_end.cpu},
                              {"json_bytes", json_bytes}});
    }
    nlohmann::json result = {
        {"bench", "align_corpus"},
        {"copies", corpus_options.copies},
        {"bytes", source.bytes.size()},
        {"articles", articles},
        {"runs", runs},
        {"aligner_load_ms", load.wall * 1e3},
        {"aligner_load_cpu_ms", load.cpu * 1e3},
        {"parse_seconds", parse.wall},
        {"parse_cpu_seconds", parse.cpu},
        {"cold_articles", cold_articles},
        {"cold_align_cpu_ms_per_article", cold_align.cpu * 1e3 / static_cast<double>(std::max<std::size_t>(cold_articles, 1))},
        {"cold_check_cpu_ms_per_article", cold_check.cpu * 1e3 / static_cast<double>(std::max<std::size_t>(cold_articles, 1))},
        {"stage_align_cpu_ms_per_article", stage_align.cpu * 1e3 / static_cast<double>(std::max<std::size_t>(articles, 1))},
        {"stage_check_cpu_ms_per_article", stage_check.cpu * 1e3 / static_cast<double>(std::max<std::size_t>(articles, 1))},
        {"findings", findings},
        {"by_threads", per_thread},
        {"peak_rss_mib", peak_rss_mib()},
    };
    std::cout << result.dump() << '\n';
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_align_corpus: " << e.what() << '\n';
    return 1;
}
