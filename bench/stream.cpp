// The library's streaming (summalign/stream.hpp) against reading the text whole.
//
//   build/bench_stream [--copies 300] [--runs 3] [--window 2097152] [--mode both|whole|stream]
//                      [--align-copies 0] [--threads 2]
//
// The corpus is the seed re-laid out --copies times (bench_corpus.hpp), built in memory.
// Parsing: Parser::parse of the whole text and parse_stream over an std::istream of it in
// windows of --window bytes, run alternately (--mode both), medians of --runs; the article
// counts of both are reported. Peak memory is the process's, so it says something about one
// way only when run alone (--mode whole or --mode stream); --mode stream writes the corpus to
// a temporary file, drops it from memory and streams the file (file_source). --align-copies N > 0 also times
// align_stream of the first N copies with 1 and with --threads threads, alternately. Prints
// one JSON object.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bench_corpus.hpp"
#include "bench_util.hpp"
#include "summalign/journal.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/stream.hpp"
#include "summalign/text.hpp"

int main(int argc, char** argv) try {
    using namespace summalign;
    using namespace summalign::bench;
    const Arguments args(argc, argv);
    CorpusOptions corpus_options;
    corpus_options.copies = args.number("--copies", 300);
    const std::size_t runs = args.number("--runs", 3);
    const std::size_t window = args.number("--window", default_stream_window);
    const std::string mode = args.text("--mode", "both");
    const std::size_t align_copies = args.number("--align-copies", 0);
    const auto threads = static_cast<unsigned>(args.number("--threads", 2));
    const std::string seed = read_file(args.text("--seed-file", kSeedFile));
    std::string corpus = make_bench_corpus(seed, corpus_options);
    const std::size_t corpus_bytes = corpus.size();
    // --mode stream: the corpus only on disk, as a stream too large to hold would be.
    const std::filesystem::path corpus_file =
        std::filesystem::temp_directory_path() / ("bench_stream_" + std::to_string(::getpid()) + ".txt");
    if (mode == "stream") {
        std::ofstream(corpus_file, std::ios::binary) << corpus;
        std::string().swap(corpus);
    }

    const Parser parser;
    std::vector<double> whole_times, stream_times;
    std::size_t whole_articles = 0, stream_articles = 0, windows = 0;
    for (std::size_t run = 0; run < runs; ++run) {
        if (mode != "stream") {
            const auto start = std::chrono::steady_clock::now();
            const Document document = parser.parse(make_source(corpus, "bench-corpus"));
            whole_articles = document.articles.size();
            whole_times.push_back(seconds_since(start));
        }
        if (mode != "whole") {
            const auto start = std::chrono::steady_clock::now();
            std::istringstream in(corpus);
            const auto source = mode == "stream" ? file_source(corpus_file.string()) : istream_source(in, "bench-corpus");
            StreamOptions options;
            options.min_window = window;
            windows = 0;
            stream_articles = parse_stream(
                parser, *source, [&](std::vector<Article>&&, std::size_t, const StreamWindow&) { ++windows; }, options);
            stream_times.push_back(seconds_since(start));
        }
    }
    const auto median = [](std::vector<double> values) {
        if (values.empty()) return 0.0;
        std::sort(values.begin(), values.end());
        const std::size_t n = values.size();
        return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    };
    if (mode == "stream") std::filesystem::remove(corpus_file);
    const double megabytes = static_cast<double>(corpus_bytes) / 1e6;
    nlohmann::json result = {{"bench", "stream"}, {"copies", corpus_options.copies}, {"bytes", corpus_bytes},
                             {"runs", runs},      {"window", window},                 {"mode", mode}};
    if (mode != "stream") {
        result["whole_articles"] = whole_articles;
        result["whole_parse_seconds_median"] = median(whole_times);
        result["whole_parse_mb_per_s"] = megabytes / median(whole_times);
    }
    if (mode != "whole") {
        result["stream_articles"] = stream_articles;
        result["stream_windows"] = windows;
        result["stream_parse_seconds_median"] = median(stream_times);
        result["stream_parse_mb_per_s"] = megabytes / median(stream_times);
    }
    if (mode == "both") result["stream_over_whole_time"] = median(stream_times) / median(whole_times);

    if (align_copies > 0) {
        CorpusOptions small = corpus_options;
        small.copies = align_copies;
        const std::string text = make_bench_corpus(seed, small);
        const Aligner aligner({}, threads);
        std::vector<double> one, many;
        std::size_t aligned = 0;
        for (std::size_t run = 0; run < runs; ++run) {
            for (unsigned t : {1u, threads}) {
                const auto start = std::chrono::steady_clock::now();
                std::istringstream in(text);
                const auto source = istream_source(in, "bench-corpus");
                StreamOptions options;
                options.threads = t;
                options.min_window = window;
                aligned = align_stream(
                    aligner, *source, [](std::size_t, const Article&, AlignedArticle&&, const StreamWindow&) {}, options);
                (t == 1 ? one : many).push_back(seconds_since(start));
            }
        }
        result["align_copies"] = align_copies;
        result["align_articles"] = aligned;
        result["align_threads"] = threads;
        result["align_seconds_median_1_thread"] = median(one);
        result["align_seconds_median_n_threads"] = median(many);
        result["align_speedup"] = median(one) / median(many);
    }
    result["peak_rss_mib"] = peak_rss_mib();
    std::cout << result.dump() << '\n';
    return 0;
} catch (const std::exception& error) {
    std::cerr << "bench_stream: " << error.what() << '\n';
    return 1;
}
