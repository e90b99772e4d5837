// align-text and mine throughput at scale, and the default lexicon's load time.
//
//   build/bench_text_throughput [--base 1000] [--scales 1,4,16] [--runs 3] [--threads 1,2]
//                               [--source help|tatoeba] [--tatoeba tests/data/tatoeba/tatoeba-dan-eng.dev.tsv]
//
// Text: LibreOffice's translated help paragraphs (tens of thousands of distinct Danish and
// English paragraphs; installed by scripts/deps.sh), or Tatoeba's 500 pairs repeated when
// the help is absent or --source tatoeba is given (repetition makes mine's candidate lists
// unrealistically long: prefer the help).
//
// align-text: the first N Danish paragraphs against their English translations with every
// 20th English paragraph left out (so the ladder has omissions to find): prepare every
// segment, then align_ladder, as `summalign align-text` does. Figure: segments (n + m) per
// second, cold (a new SentenceScorer, empty word memos) and warm (median of --runs on one
// scorer), with prepare and ladder CPU time apart.
// mine: the same N Danish paragraphs against the N English ones in shuffled order.
// Figure: Danish lines mined (output pairs) per second, per thread count.
// Prints one JSON object per measurement, one per line.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "bench_corpus.hpp"
#include "bench_util.hpp"
#include "summalign/align.hpp"
#include "summalign/lexicon.hpp"
#include "train/train.hpp"
#include "summalign/similarity.hpp"

int main(int argc, char** argv) try {
    using namespace summalign;
    using namespace summalign::bench;
    const Arguments args(argc, argv);
    const std::size_t base = args.number("--base", 1000);
    const std::size_t runs = args.number("--runs", 3);
    const auto scales = args.numbers("--scales", "1,4,16");
    const auto thread_counts = args.numbers("--threads", "1,2");
    std::string source_name = args.text("--source", "help");

    // Lexicon load: the default components (FreeDict, glossary, learned table).
    std::optional<Lexicon> lexicon;
    const Timing load = median_timing(runs, [&] { lexicon.emplace(); });
    std::cout << nlohmann::json{{"bench", "lexicon_load"}, {"runs", runs}, {"load_ms_median", load.wall * 1e3},
                                {"load_cpu_ms_median", load.cpu * 1e3},
                                {"entries", lexicon->entry_count()}}
                     .dump()
              << std::endl;
    const SentenceScorer scorer(*lexicon);

    std::vector<ParallelText> pairs;
    if (source_name == "help")
        pairs = read_libreoffice_help("/usr/share/libreoffice/help/da", "/usr/share/libreoffice/help/en-US");
    if (pairs.empty()) {
        source_name = "tatoeba";
        const auto tatoeba = read_parallel_tsv(args.text("--tatoeba", "tests/data/tatoeba/tatoeba-dan-eng.dev.tsv"));
        const std::size_t wanted = base * scales.back();
        for (std::size_t i = 0; i < wanted && !tatoeba.empty(); ++i) pairs.push_back(tatoeba[i % tatoeba.size()]);
    }

    for (std::size_t scale : scales) {
        const std::size_t n = std::min(base * scale, pairs.size());
        std::vector<std::string> danish, english;
        for (std::size_t i = 0; i < n; ++i) {
            danish.push_back(pairs[i].danish);
            if (i % 20 != 19) english.push_back(pairs[i].english);
        }

        // One align-text run: prepare every segment, then the ladder; CPU and wall of each part.
        std::size_t beads = 0;
        struct Parts {
            Timing prepare, ladder;
        };
        auto align_text_once = [&](const SentenceScorer& with) {
            Parts parts;
            std::vector<PreparedSentence> prepared_danish, prepared_english;
            parts.prepare = median_timing(1, [&] {
                prepared_danish.reserve(danish.size());
                prepared_english.reserve(english.size());
                for (const auto& line : danish) prepared_danish.push_back(with.prepare(line, Lang::da));
                for (const auto& line : english) prepared_english.push_back(with.prepare(line, Lang::en));
            });
            parts.ladder = median_timing(1, [&] { beads = align_ladder(with, prepared_danish, prepared_english).size(); });
            return parts;
        };
        // Cold: a new scorer, whose word memos are empty (what `summalign align-text` pays:
        // one process, one text). Warm: the median of `runs` more runs on the shared scorer.
        const Parts cold = align_text_once(SentenceScorer(*lexicon));
        std::vector<Parts> warm_runs;
        for (std::size_t r = 0; r < runs; ++r) warm_runs.push_back(align_text_once(scorer));
        auto median_of = [&](auto field) {
            std::vector<double> values;
            for (const auto& parts : warm_runs) values.push_back(field(parts));
            std::sort(values.begin(), values.end());
            return values.empty() ? 0.0 : values[values.size() / 2];
        };
        const double warm_wall = median_of([](const Parts& p) { return p.prepare.wall + p.ladder.wall; });
        const double warm_cpu = median_of([](const Parts& p) { return p.prepare.cpu + p.ladder.cpu; });
        const auto segments = static_cast<double>(danish.size() + english.size());
        std::cout << nlohmann::json{{"bench", "align_text"}, {"source", source_name}, {"scale", scale},
                                    {"danish", danish.size()}, {"english", english.size()}, {"beads", beads},
                                    {"cold_prepare_seconds", cold.prepare.wall}, {"cold_prepare_cpu_seconds", cold.prepare.cpu},
                                    {"cold_ladder_seconds", cold.ladder.wall}, {"cold_ladder_cpu_seconds", cold.ladder.cpu},
                                    {"cold_segments_per_cpu_s", segments / (cold.prepare.cpu + cold.ladder.cpu)},
                                    {"seconds_median", warm_wall}, {"cpu_seconds_median", warm_cpu},
                                    {"prepare_cpu_seconds_median", median_of([](const Parts& p) { return p.prepare.cpu; })},
                                    {"ladder_cpu_seconds_median", median_of([](const Parts& p) { return p.ladder.cpu; })},
                                    {"segments_per_s", segments / warm_wall},
                                    {"segments_per_cpu_s", segments / warm_cpu}}
                         .dump()
                  << std::endl;

        // mine: every English translation present, in an order that hides the answer.
        std::vector<std::string> shuffled;
        for (std::size_t i = 0; i < n; ++i) shuffled.push_back(pairs[i].english);
        summalign::bench::detail::Random random(7);
        for (std::size_t i = shuffled.size(); i > 1; --i) std::swap(shuffled[i - 1], shuffled[random.next() % i]);
        for (std::size_t threads : thread_counts) {
            MineOptions options;
            options.threads = static_cast<unsigned>(threads);
            const Timing mine_time = median_timing(runs, [&] { mine(scorer, danish, shuffled, options); });
            std::cout << nlohmann::json{{"bench", "mine"}, {"source", source_name}, {"scale", scale}, {"threads", threads},
                                        {"danish", danish.size()}, {"english", shuffled.size()},
                                        {"seconds_median", mine_time.wall}, {"cpu_seconds_median", mine_time.cpu},
                                        {"pairs_per_s", static_cast<double>(danish.size()) / mine_time.wall}}
                             .dump()
                      << std::endl;
        }
    }
    std::cout << nlohmann::json{{"bench", "text_throughput"}, {"peak_rss_mib", peak_rss_mib()}}.dump() << std::endl;
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_text_throughput: " << e.what() << '\n';
    return 1;
}
