// Measures how long the default Lexicon (FreeDict + glossary + learned table) takes to
// load, and the memory it adds; prints lookups of any words given.
//
//   bench_lexicon_load [--runs N] [--learned FILE] [--da WORD]... [--en WORD]...
//
// Output (stderr): one JSON object with the median, minimum and maximum load time over N
// runs (each run constructs a fresh Lexicon), the resident memory before and after, the
// entry count, and the mean time of one da_to_en lookup over a fixed word list (hits and
// misses, some needing ICU normalisation); stdout: one line per requested lookup.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "summalign/lexicon.hpp"

namespace {

// Resident set size in KiB from /proc/self/status (Linux).
long resident_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
    return -1;
}

void print_lookup(const char* direction, const std::string& word, const std::vector<summalign::Translation>& translations) {
    std::cout << direction << ' ' << word << ':';
    for (const auto& t : translations) std::cout << ' ' << t.target << " (" << summalign::to_string(t.source) << ' ' << t.probability << ')';
    std::cout << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 11;
    summalign::LexiconOptions options;
    std::vector<std::string> danish;
    std::vector<std::string> english;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--learned" && i + 1 < argc) {
            options.learned_file = argv[++i];
        } else if (arg == "--da" && i + 1 < argc) {
            danish.emplace_back(argv[++i]);
        } else if (arg == "--en" && i + 1 < argc) {
            english.emplace_back(argv[++i]);
        } else {
            std::cerr << "usage: bench_lexicon_load [--runs N] [--learned FILE] [--da WORD]... [--en WORD]...\n";
            return 2;
        }
    }
    const long rss_before = resident_kib();
    std::vector<double> milliseconds;
    std::size_t entries = 0;
    long rss_loaded = 0;
    for (int run = 0; run < runs; ++run) {
        const auto start = std::chrono::steady_clock::now();
        const summalign::Lexicon lexicon(options);
        const auto end = std::chrono::steady_clock::now();
        milliseconds.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        entries = lexicon.entry_count();
        rss_loaded = resident_kib();
        if (run + 1 == runs) {
            for (const auto& word : danish) print_lookup("da", word, lexicon.da_to_en(word));
            for (const auto& word : english) print_lookup("en", word, lexicon.en_to_da(word));
        }
    }
    // Lookup cost on the last lexicon built: a fixed mix of words, repeated.
    const summalign::Lexicon lexicon(options);
    const std::vector<std::string> sample{"hus", "knoglemarv", "stamceller", "og", "behandling", "Patienter", "gem", "tabel",
                                          "ukendtord", "blod", "hjerte", "undersøgelse", "celle", "være", "mappe", "klik"};
    constexpr int lookup_rounds = 20000;
    std::size_t found = 0;
    const auto lookups_start = std::chrono::steady_clock::now();
    for (int round = 0; round < lookup_rounds; ++round)
        for (const auto& word : sample) found += lexicon.da_to_en(word).size();
    const auto lookups_end = std::chrono::steady_clock::now();
    const double lookup_ns = std::chrono::duration<double, std::nano>(lookups_end - lookups_start).count() /
                             static_cast<double>(lookup_rounds * sample.size());

    std::sort(milliseconds.begin(), milliseconds.end());
    nlohmann::json report = {{"runs", runs},
                             {"load_ms_median", milliseconds[milliseconds.size() / 2]},
                             {"load_ms_min", milliseconds.front()},
                             {"load_ms_max", milliseconds.back()},
                             {"entries", entries},
                             {"rss_kib_before", rss_before},
                             {"rss_kib_with_lexicon", rss_loaded},
                             {"lookup_ns_mean", lookup_ns},
                             {"lookup_translations", found}};
    std::cerr << report.dump() << '\n';
    return 0;
}
