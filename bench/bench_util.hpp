#pragma once
// Small helpers the bench programs share: wall-clock timing, medians, peak memory,
// reading the seed, and "--name value" arguments (the programs take a handful of numbers;
// the CLI, not these, is the user-facing interface).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstddef>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/lexicon.hpp"

namespace summalign::bench {

// A bench measured without a default lexicon source (a build tree that made only bench
// targets has no learned table) gives other figures; say so before they are taken for real.
inline void warn_missing_lexicon_sources(const LexiconOptions& options = {}) {
    for (const MissingLexiconSource& missing : missing_lexicon_sources(options))
        std::fprintf(stderr, "warning: no %s lexicon, so the figures are not the shipped setup's (%s)\n",
                     std::string(to_string(missing.source)).c_str(), missing.what.c_str());
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The median of `values` (the mean of the middle two for an even count); 0 for none.
inline double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0.0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Runs `work` `runs` times and returns the median wall time in seconds.
template <class Work>
double median_seconds(std::size_t runs, Work&& work) {
    std::vector<double> times;
    for (std::size_t i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(seconds_since(start));
    }
    return median(std::move(times));
}

// CPU time this process has used so far (all threads), in seconds. On a shared machine
// CPU time is steadier than wall time, so single-threaded figures report both.
inline double process_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct Timing {
    double wall = 0.0;  // median wall seconds
    double cpu = 0.0;   // median process CPU seconds
};

// Runs `work` `runs` times; medians of wall and CPU time.
template <class Work>
Timing median_timing(std::size_t runs, Work&& work) {
    std::vector<double> walls, cpus;
    for (std::size_t i = 0; i < runs; ++i) {
        const double cpu_start = process_cpu_seconds();
        const auto start = std::chrono::steady_clock::now();
        work();
        walls.push_back(seconds_since(start));
        cpus.push_back(process_cpu_seconds() - cpu_start);
    }
    const auto median = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        const std::size_t n = values.size();
        return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    };
    return {median(walls), median(cpus)};
}

// Peak resident set size of this process so far, in MiB.
inline double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports KiB
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + " (run the bench from the repository root or pass --seed-file)");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "--name value" pairs; a bare "--name" is a flag.
class Arguments {
public:
    Arguments(int argc, char** argv) : args_(argv + 1, argv + argc) {}
    std::string text(std::string_view name, std::string fallback) const {
        for (std::size_t i = 0; i + 1 < args_.size(); ++i)
            if (args_[i] == name) return args_[i + 1];
        return fallback;
    }
    std::size_t number(std::string_view name, std::size_t fallback) const {
        const std::string value = text(name, "");
        return value.empty() ? fallback : static_cast<std::size_t>(std::stoull(value));
    }
    // "--threads 1,2" -> {1, 2}.
    std::vector<std::size_t> numbers(std::string_view name, std::string fallback) const {
        std::vector<std::size_t> out;
        std::istringstream list(text(name, std::move(fallback)));
        for (std::string item; std::getline(list, item, ',');) out.push_back(static_cast<std::size_t>(std::stoull(item)));
        return out;
    }
    bool flag(std::string_view name) const { return std::find(args_.begin(), args_.end(), name) != args_.end(); }

private:
    std::vector<std::string> args_;
};

inline constexpr const char* kSeedFile = "corpus/ugeskr-2003-165-stamceller.txt";

}  // namespace summalign::bench
