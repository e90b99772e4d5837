// summalign align-text beside hunalign on the same long document, in one run.
//
// The document: the held-out LibreOffice help pages (bench/libreoffice_pages.hpp) joined
// until there are 1.25 x --segments paragraphs (or all of them: about 4,500 a side after
// the perturbation), perturbed as in
// bench_docalign_libreoffice (8% + 8% omissions, 10% + 10% merges, fixed seed). Both
// aligners run as separate processes, interleaved (summalign, hunalign, summalign, ...),
// --runs times; each child's CPU time (user + system) and peak resident memory come from
// wait4(). Figures: medians, hunalign's CPU time over summalign's (the throughput ratio),
// strict bead F1 and omission recall of both against the known alignment.
//
// hunalign (LGPL) is NOT part of summalign and is never linked into it: it is built from
// ../shared/anchors/hunalign-2fbcbc9, which only the project's development machines have,
// by `cmake --build build --target hunalign_anchor`. Without it this program says so and
// exits 0 after measuring summalign alone. hunalign reads tokenised lower-case text and a
// dictionary "ENGLISH @ DANISH" made here from Debian's FreeDict dan-eng and eng-dan.
//
// --startup: also the wall time of `summalign align-text` on a 3-line pair (median).
// --scale N: also align-text and mine on N x N lines (the pages repeated; one run each).
// --baseline PATH: also another summalign build's align-text, interleaved (before/after).
// The work directory keeps da.txt, en.txt, gold.tsv (the known beads: Danish<TAB>English line
// numbers, 0-based, comma-separated, empty for an omission) and the outputs; --keep keeps it.
//
//   build/bench_hunalign_compare [--segments 4000] [--runs 5] [--summalign build/summalign]
//                                [--hunalign build/hunalign/src/hunalign/hunalign] [--work DIR]
//                                [--startup] [--scale 100000] [--baseline OTHER/summalign] [--keep]
//                                [--pages all|dev|test] [--seed 2026]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>

#include "bench_util.hpp"
#include "detail/dictd.hpp"
#include "libreoffice_pages.hpp"

namespace fs = std::filesystem;
using namespace summalign;
using namespace summalign::bench;

namespace {

struct ChildRun {
    double cpu = 0.0;   // user + system seconds
    double wall = 0.0;  // seconds
    double peak_mib = 0.0;
    int status = 0;
};

// Runs `argv` with standard output into `out_path`; standard error inherited, or into
// /dev/null when `quiet` (hunalign reports its progress there).
ChildRun run_child(const std::vector<std::string>& argv, const fs::path& out_path, bool quiet = false) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || dup2(fd, 1) < 0) _exit(126);
        // In the output's directory: hunalign writes a translate.txt where it runs.
        if (chdir(out_path.parent_path().c_str()) != 0) _exit(126);
        if (quiet) {
            const int null = open("/dev/null", O_WRONLY);
            if (null < 0 || dup2(null, 2) < 0) _exit(126);
        }
        execv(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(pid, &status, 0, &usage) < 0) throw std::runtime_error("wait4 failed");
    ChildRun run;
    run.wall = seconds_since(start);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    run.cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    run.peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    run.status = status;
    return run;
}

// Peak memory comes from wait4()'s ru_maxrss, which Linux carries over from the process
// that forked the child (its high-water mark at fork and exec). So children are started by
// a small runner process forked at the very start, before this program has loaded the
// pages, and their figures come back over a pipe.
class Runner {
public:
    Runner() {
        int requests[2], replies[2];
        if (pipe(requests) != 0 || pipe(replies) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            close(requests[1]);
            close(replies[0]);
            serve(requests[0], replies[1]);
            _exit(0);
        }
        close(requests[0]);
        close(replies[1]);
        to_runner_ = requests[1];
        from_runner_ = replies[0];
    }
    ~Runner() {
        close(to_runner_);
        close(from_runner_);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    Runner(const Runner&) = delete;
    Runner& operator=(const Runner&) = delete;

    ChildRun run(const std::vector<std::string>& argv, const fs::path& out_path, bool quiet = false) {
        std::vector<std::string> request{out_path.string(), quiet ? "q" : ""};
        request.insert(request.end(), argv.begin(), argv.end());
        write_strings(to_runner_, request);
        ChildRun run;
        read_exact(from_runner_, &run, sizeof run);
        if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0)
            throw std::runtime_error(fmt::format("{} failed (status {})", argv[0], run.status));
        return run;
    }

private:
    static void write_exact(int fd, const void* data, std::size_t size) {
        const auto* bytes = static_cast<const char*>(data);
        while (size > 0) {
            const ssize_t written = write(fd, bytes, size);
            if (written <= 0) throw std::runtime_error("pipe write failed");
            bytes += written;
            size -= static_cast<std::size_t>(written);
        }
    }
    static bool read_exact(int fd, void* data, std::size_t size) {
        auto* bytes = static_cast<char*>(data);
        while (size > 0) {
            const ssize_t got = read(fd, bytes, size);
            if (got <= 0) return false;
            bytes += got;
            size -= static_cast<std::size_t>(got);
        }
        return true;
    }
    static void write_strings(int fd, const std::vector<std::string>& strings) {
        const auto count = static_cast<std::uint32_t>(strings.size());
        write_exact(fd, &count, sizeof count);
        for (const auto& text : strings) {
            const auto size = static_cast<std::uint32_t>(text.size());
            write_exact(fd, &size, sizeof size);
            write_exact(fd, text.data(), text.size());
        }
    }
    static void serve(int requests, int replies) {
        for (;;) {
            std::uint32_t count = 0;
            if (!read_exact(requests, &count, sizeof count)) return;
            std::vector<std::string> strings(count);
            for (auto& text : strings) {
                std::uint32_t size = 0;
                if (!read_exact(requests, &size, sizeof size)) return;
                text.resize(size);
                if (!read_exact(requests, text.data(), size)) return;
            }
            ChildRun run;
            try {
                run = run_child({strings.begin() + 2, strings.end()}, strings[0], strings[1] == "q");
            } catch (const std::exception&) {
                run.status = -1;
            }
            write_exact(replies, &run, sizeof run);
        }
    }

    pid_t pid_ = -1;
    int to_runner_ = -1;
    int from_runner_ = -1;
};

void write_lines(const fs::path& path, const std::vector<std::string>& lines) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& line : lines) out << line << '\n';
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// hunalign's input: words separated by spaces, punctuation split off, lower case (ASCII
// and the Danish capitals Æ Ø Å), so that its dictionary lookups can match.
std::string tokenise(std::string_view text) {
    std::string lowered;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const auto c = static_cast<unsigned char>(text[k]);
        if (c == 0xC3 && k + 1 < text.size()) {
            const auto d = static_cast<unsigned char>(text[k + 1]);
            lowered += static_cast<char>(c);
            lowered += static_cast<char>(d == 0x86 || d == 0x98 || d == 0x85 ? d + 0x20 : d);
            ++k;
        } else {
            lowered += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
        }
    }
    std::string out;
    auto space = [&] {
        if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for (char ch : lowered) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80 && !std::isalnum(c) && c != '-' && c != '\'') {
            space();
            if (!std::isspace(c)) {
                out += ch;
                out += ' ';
            }
        } else {
            out += ch;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// FreeDict both ways as hunalign's "ENGLISH @ DANISH" lines.
std::size_t write_dictionary(const fs::path& path) {
    std::set<std::pair<std::string, std::string>> pairs;  // (English, Danish)
    const fs::path dir = "/usr/share/dictd";
    for (const bool danish_head : {true, false}) {
        const std::string stem = danish_head ? "freedict-dan-eng" : "freedict-eng-dan";
        if (!fs::exists(dir / (stem + ".index"))) continue;
        for (const auto& entry : detail::read_dictd(dir / (stem + ".index"), dir / (stem + ".dict.dz"))) {
            const std::string head = tokenise(entry.headword);
            for (const auto& translation : entry.translations) {
                const std::string other = tokenise(translation);
                if (head.empty() || other.empty()) continue;
                if (danish_head) pairs.emplace(other, head);
                else pairs.emplace(head, other);
            }
        }
    }
    std::ofstream out(path, std::ios::binary);
    for (const auto& [english, danish] : pairs) out << english << " @ " << danish << '\n';
    return pairs.size();
}

std::vector<std::size_t> parse_ids(const std::string& field) {
    std::vector<std::size_t> ids;
    std::stringstream in(field);
    std::string item;
    while (std::getline(in, item, ','))
        if (!item.empty()) ids.push_back(std::stoul(item));
    return ids;
}

// `summalign align-text` output: DA_IDS<TAB>EN_IDS<TAB>SCORE per bead.
std::vector<GoldBead> read_summalign(const fs::path& path) {
    std::vector<GoldBead> beads;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const auto a = line.find('\t'), b = line.find('\t', a + 1);
        if (a == std::string::npos || b == std::string::npos) continue;
        beads.push_back({parse_ids(line.substr(0, a)), parse_ids(line.substr(a + 1, b - a - 1))});
    }
    return beads;
}

// hunalign's ladder: rungs SRC<TAB>TRG<TAB>SCORE; consecutive rungs delimit the beads.
std::vector<GoldBead> read_hunalign(const fs::path& path) {
    std::vector<std::pair<std::size_t, std::size_t>> rungs;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::size_t i = 0, j = 0;
        if (fields >> i >> j) rungs.emplace_back(i, j);
    }
    std::vector<GoldBead> beads;
    for (std::size_t k = 1; k < rungs.size(); ++k) {
        GoldBead bead;
        for (std::size_t i = rungs[k - 1].first; i < rungs[k].first; ++i) bead.da.push_back(i);
        for (std::size_t j = rungs[k - 1].second; j < rungs[k].second; ++j) bead.en.push_back(j);
        if (!bead.da.empty() || !bead.en.empty()) beads.push_back(std::move(bead));
    }
    return beads;
}

struct Accuracy {
    double f1 = 0.0;
    double omission_recall = 0.0;
};

Accuracy accuracy(const std::vector<GoldBead>& found, const std::vector<GoldBead>& gold) {
    const std::set<GoldBead> truth(gold.begin(), gold.end()), got(found.begin(), found.end());
    std::size_t correct = 0, omissions = 0, omissions_found = 0;
    for (const auto& bead : found) correct += truth.contains(bead);
    for (const auto& bead : gold)
        if (bead.da.empty() || bead.en.empty()) ++omissions, omissions_found += got.contains(bead);
    const Counts counts{correct, found.size(), gold.size()};
    return {counts.f1(), omissions ? static_cast<double>(omissions_found) / static_cast<double>(omissions) : 0.0};
}

Perturbed joined_document(std::size_t segments, std::size_t repeat_to = 0, const std::string& subset = "all",
                          unsigned seed = 2026) {
    Page joined{"joined", {}};
    const auto pages = load_pages(subset, 1);
    const std::size_t wanted = std::max(segments, repeat_to) * 125 / 100;
    for (std::size_t round = 0; joined.units.size() < wanted && !pages.empty(); ++round) {
        for (const auto& page : pages) {
            for (const auto& unit : page.units) joined.units.push_back(unit);
            if (joined.units.size() >= wanted) break;
        }
        if (repeat_to == 0) break;
    }
    return perturb(joined, seed);
}

}  // namespace

int main(int argc, char** argv) try {
    Runner runner;  // first, while this process is small
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    const Arguments args(argc, argv);
    const std::size_t segments = args.number("--segments", 4000);
    const std::size_t runs = args.number("--runs", 5);
    const fs::path self = fs::canonical("/proc/self/exe").parent_path();
    const fs::path summalign = args.text("--summalign", (self / "summalign").string());
    const fs::path hunalign = args.text("--hunalign", (self / "hunalign/src/hunalign/hunalign").string());
    const fs::path work =
        fs::absolute(args.text("--work", (fs::temp_directory_path() / fmt::format("hunalign-compare-{}", getpid())).string()));
    const bool startup = args.flag("--startup");
    const std::size_t scale = args.number("--scale", 0);
    if (!fs::exists(summalign)) {
        std::fprintf(stderr, "bench_hunalign_compare: %s not found (build the summalign target)\n", summalign.c_str());
        return 1;
    }
    const bool with_hunalign = fs::exists(hunalign);
    if (!with_hunalign)
        std::fprintf(stderr,
                     "bench_hunalign_compare: %s not found: hunalign is built only from ../shared/anchors/hunalign-2fbcbc9 "
                     "(cmake --build build --target hunalign_anchor); measuring summalign alone\n",
                     hunalign.c_str());
    fs::create_directories(work);

    // Other documents for accuracy checks: only the dev or test half of the pages, another
    // perturbation seed.
    const Perturbed doc = joined_document(segments, 0, args.text("--pages", "all"),
                                          static_cast<unsigned>(args.number("--seed", 2026)));
    if (doc.da.empty()) {
        std::fprintf(stderr, "bench_hunalign_compare: no LibreOffice help pages under %s\n", kHelp.c_str());
        return 1;
    }
    write_lines(work / "da.txt", doc.da);
    write_lines(work / "en.txt", doc.en);
    {  // the known alignment (for reading a document's errors, for `mine`'s P@1 on the 1-1 beads)
        std::vector<std::string> gold;
        for (const auto& bead : doc.gold) gold.push_back(fmt::format("{}\t{}", fmt::join(bead.da, ","), fmt::join(bead.en, ",")));
        write_lines(work / "gold.tsv", gold);
    }
    std::size_t dictionary_entries = 0;
    if (with_hunalign) {
        std::vector<std::string> da_tok, en_tok;
        for (const auto& s : doc.da) da_tok.push_back(tokenise(s));
        for (const auto& s : doc.en) en_tok.push_back(tokenise(s));
        write_lines(work / "da.tok", da_tok);
        write_lines(work / "en.tok", en_tok);
        dictionary_entries = write_dictionary(work / "freedict.dic");
    }
    fmt::print("document: {} Danish x {} English segments, {} gold beads; work directory {}\n", doc.da.size(), doc.en.size(),
               doc.gold.size(), work.string());
    if (with_hunalign) fmt::print("hunalign dictionary: {} FreeDict pairs\n", dictionary_entries);

    const std::vector<std::string> summalign_command = {summalign.string(), "align-text", (work / "da.txt").string(),
                                                        (work / "en.txt").string()};
    const std::vector<std::string> hunalign_command = {hunalign.string(), "-utf", (work / "freedict.dic").string(),
                                                       (work / "da.tok").string(), (work / "en.tok").string()};
    const std::string baseline = args.text("--baseline", "");
    std::vector<double> s_cpu, s_wall, s_mem, h_cpu, h_wall, h_mem, ratio, b_cpu, b_mem, b_ratio;
    for (std::size_t r = 0; r < runs; ++r) {
        const ChildRun s = runner.run(summalign_command, work / "summalign.out");
        s_cpu.push_back(s.cpu), s_wall.push_back(s.wall), s_mem.push_back(s.peak_mib);
        if (!baseline.empty()) {
            auto command = summalign_command;
            command.front() = baseline;
            const ChildRun b = runner.run(command, work / "baseline.out");
            b_cpu.push_back(b.cpu), b_mem.push_back(b.peak_mib), b_ratio.push_back(b.cpu / s.cpu);
        }
        if (with_hunalign) {
            const ChildRun h = runner.run(hunalign_command, work / "hunalign.out", true);
            h_cpu.push_back(h.cpu), h_wall.push_back(h.wall), h_mem.push_back(h.peak_mib);
            ratio.push_back(h.cpu / s.cpu);
        }
    }
    const Accuracy sa = accuracy(read_summalign(work / "summalign.out"), doc.gold);
    fmt::print("summalign align-text: CPU {:.3f} s, wall {:.3f} s, peak {:.1f} MiB, strict bead F1 {:.4f}, omission recall {:.3f}\n",
               median(s_cpu), median(s_wall), median(s_mem), sa.f1, sa.omission_recall);
    if (with_hunalign) {
        const Accuracy ha = accuracy(read_hunalign(work / "hunalign.out"), doc.gold);
        fmt::print("hunalign -utf + FreeDict: CPU {:.3f} s, wall {:.3f} s, peak {:.1f} MiB, strict bead F1 {:.4f}, omission recall {:.3f}\n",
                   median(h_cpu), median(h_wall), median(h_mem), ha.f1, ha.omission_recall);
        fmt::print("hunalign CPU / summalign CPU: median {:.2f} over {} interleaved runs; peak memory summalign / hunalign {:.2f}\n",
                   median(ratio), runs, median(s_mem) / median(h_mem));
    }

    if (!baseline.empty()) {
        const Accuracy ba = accuracy(read_summalign(work / "baseline.out"), doc.gold);
        fmt::print("baseline {} align-text: CPU {:.3f} s, peak {:.1f} MiB, strict bead F1 {:.4f}, omission recall {:.3f}; "
                   "baseline CPU / summalign CPU: median {:.2f}\n",
                   baseline, median(b_cpu), median(b_mem), ba.f1, ba.omission_recall, median(b_ratio));
    }

    if (startup) {
        write_lines(work / "small.da.txt", {"Hunden sover.", "Katten spiser. Den er sulten.", "Tak."});
        write_lines(work / "small.en.txt", {"The dog sleeps.", "The cat eats.", "It is hungry.", "Thanks."});
        std::vector<double> wall, cpu, mem;
        for (std::size_t r = 0; r < std::max<std::size_t>(runs, 5); ++r) {
            const ChildRun s = runner.run({summalign.string(), "align-text", (work / "small.da.txt").string(),
                                          (work / "small.en.txt").string()},
                                         work / "small.out");
            wall.push_back(s.wall), cpu.push_back(s.cpu), mem.push_back(s.peak_mib);
        }
        fmt::print("startup: align-text on 3 x 4 lines: wall {:.1f} ms, CPU {:.1f} ms, peak {:.1f} MiB (median of {})\n",
                   median(wall) * 1e3, median(cpu) * 1e3, median(mem), wall.size());
    }

    if (scale > 0) {
        const Perturbed big = joined_document(scale, scale);
        std::vector<std::string> da(big.da.begin(), big.da.begin() + static_cast<std::ptrdiff_t>(std::min(scale, big.da.size())));
        std::vector<std::string> en(big.en.begin(), big.en.begin() + static_cast<std::ptrdiff_t>(std::min(scale, big.en.size())));
        write_lines(work / "big.da.txt", da);
        write_lines(work / "big.en.txt", en);
        const ChildRun a = runner.run({summalign.string(), "align-text", (work / "big.da.txt").string(), (work / "big.en.txt").string()},
                                     work / "big.align.out");
        fmt::print("scale: align-text {} x {} lines: CPU {:.2f} s, wall {:.2f} s, peak {:.1f} MiB\n", da.size(), en.size(), a.cpu,
                   a.wall, a.peak_mib);
        const ChildRun m = runner.run({summalign.string(), "mine", "-j", "2", (work / "big.da.txt").string(),
                                      (work / "big.en.txt").string()},
                                     work / "big.mine.out");
        fmt::print("scale: mine -j 2 {} x {} lines: CPU {:.2f} s, wall {:.2f} s, peak {:.1f} MiB\n", da.size(), en.size(), m.cpu,
                   m.wall, m.peak_mib);
    }
    if (!args.flag("--keep")) fs::remove_all(work);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_hunalign_compare: " << e.what() << '\n';
    return 1;
}
