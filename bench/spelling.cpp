// bench_spelling: how well and how fast the Checker finds and fixes misspellings, on the
// spelling development set (bench/devset/inject_typos.py over bench/devset/make_articles.py):
//
//   flagged             share of the injected typos reported as misspellings
//   right first         share whose suggestion is the original word
//   Hunspell first      share whose original is Hunspell's own first suggestion (en_US, then
//                       en_GB; da_DK), for comparison
//   false flags         misspellings reported in the clean articles, per 1,000 checked words;
//                       with --source-slips FILE (lines "da word" / "en word": words
//                       misspelt in the help texts themselves, found by reading the clean
//                       articles' flags), those are counted apart as found slips of the source
//   ms per article      Checker::check of the typo'd articles with a fresh Checker (no kept
//                       suggestions: every typo is new to it), wall time, 1 and 2 threads;
//                       and again with the same Checker (everything kept: the floor)
//   extra memory        resident memory added by building the Checker and checking, and
//                       the resident pages of the memory-mapped candidate index
//   numbers/abbrev.     number_mismatch / abbreviation_mismatch findings in the clean
//                       articles (parallel translations: each is a false alarm) and in the
//                       typo'd ones; with numbers changed (inject_typos.py --numbers), how
//                       many the checker finds and the precision of its number findings;
//                       the same for abbreviations (--abbreviations)
//
//   ./build/bench_spelling --clean DIR --typos DIR [--runs 3] [--list] [--source-slips FILE]
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <atomic>
#include <ctime>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "detail/check_words.hpp"
#include "summalign/check.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"
#include "bench_util.hpp"

namespace {

using summalign::bench::median;

using namespace summalign;

// Resident memory of this process in MB (VmRSS).
double rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

// Resident memory of the largest mapping of a file whose name contains `name`
// (/proc/self/smaps), MB. The Aligner's own Checker maps the index too.
double mapped_rss_mb(std::string_view name) {
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    double kb = 0.0, largest = 0.0;
    while (std::getline(smaps, line)) {
        if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && line.find('-') < line.find(' ')) {
            inside = line.find(name) != std::string::npos;
            kb = 0.0;
            continue;
        }
        if (inside && line.rfind("Rss:", 0) == 0) {
            kb += std::stod(line.substr(4));
            largest = std::max(largest, kb);
        }
    }
    return largest / 1024.0;
}

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
// CPU time of every thread of the process (the checking threads: nothing else runs then).
double process_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}
// The machine's 1-minute load average (/proc/loadavg): how busy the cores were meanwhile.
std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one.empty() ? "?" : one;
}

struct Loaded {
    std::string name;
    SourceText source;
    AlignedDocument aligned;
};

std::vector<Loaded> load(const std::string& dir, const std::vector<std::string>& names, const Aligner& aligner) {
    std::vector<Loaded> out;
    for (const auto& name : names) {
        Loaded l{name, read_source(dir + "/" + name), {}};
        l.aligned = aligner.align(aligner.parser().parse(l.source));
        out.push_back(std::move(l));
    }
    return out;
}

// Findings of every article of every file, checked by `threads` threads with `checker`;
// returns wall milliseconds.
double check_all(const Checker& checker, const std::vector<Loaded>& files, unsigned threads, std::vector<std::vector<Finding>>& out) {
    std::vector<std::pair<std::size_t, std::size_t>> jobs;
    for (std::size_t f = 0; f < files.size(); ++f)
        for (std::size_t a = 0; a < files[f].aligned.articles.size(); ++a) jobs.emplace_back(f, a);
    out.assign(jobs.size(), {});
    std::atomic<std::size_t> next{0};
    const auto start = std::chrono::steady_clock::now();
    auto work = [&] {
        for (std::size_t j; (j = next++) < jobs.size();) {
            const auto& [f, a] = jobs[j];
            const auto& doc = files[f].aligned;
            out[j] = checker.check(doc.document.articles[a], doc.articles[a].alignment, files[f].source.bytes);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

std::size_t count_words(const std::vector<Loaded>& files) {
    const detail::WordSplitter splitter;
    std::size_t words = 0;
    auto add = [&](const Sentence& s) {
        for (const auto& w : splitter.split(s.text)) words += w.is_letters;
    };
    for (const auto& f : files)
        for (const auto& article : f.aligned.document.articles) {
            if (article.title) add(*article.title);
            if (article.subtitle) add(*article.subtitle);
            for (const auto& s : article.resume) add(s);
            for (const auto& section : article.sections) {
                if (section.heading) add(*section.heading);
                for (const auto& s : section.sentences) add(s);
            }
            for (const auto& fig : article.figures) add(fig.caption);
            if (article.summary) {
                if (article.summary->title) add(*article.summary->title);
                for (const auto& s : article.summary->sentences) add(s);
            }
        }
    return words;
}

std::string lower(const std::string& s) { return detail::to_lower(s); }

}  // namespace

int main(int argc, char** argv) {
    std::string clean_dir, typo_dir, slips_file;
    std::size_t runs = 3;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view name = argv[i];
        if (name == "--list") list = true;
        else if (i + 1 < argc && name == "--clean") clean_dir = argv[++i];
        else if (i + 1 < argc && name == "--typos") typo_dir = argv[++i];
        else if (i + 1 < argc && name == "--source-slips") slips_file = argv[++i];
        else if (i + 1 < argc && name == "--runs") runs = std::max<std::size_t>(1, std::stoul(argv[++i]));
        else {
            std::cerr << "usage: bench_spelling --clean DIR --typos DIR [--runs N] [--list] [--source-slips FILE]\n";
            return 2;
        }
    }
    if (clean_dir.empty() || typo_dir.empty()) {
        std::cerr << "usage: bench_spelling --clean DIR --typos DIR [--runs N] [--list] [--source-slips FILE]\n";
        return 2;
    }
    try {
        struct Typo {
            std::string article, lang, original, typo, kind;
        };
        std::vector<Typo> typos;
        std::vector<std::string> names;
        {
            std::ifstream in(typo_dir + "/typos.jsonl");
            if (!in) throw std::runtime_error(typo_dir + "/typos.jsonl: cannot read");
            std::string line;
            while (std::getline(in, line)) {
                if (line.empty()) continue;
                const auto j = nlohmann::json::parse(line);
                typos.push_back({j.at("article"), j.at("lang"), j.at("original"), j.at("typo"), j.at("kind")});
                if (names.empty() || names.back() != typos.back().article) names.push_back(typos.back().article);
            }
        }
        bench::warn_missing_lexicon_sources();
        const Aligner aligner;
        const auto typo_files = load(typo_dir, names, aligner);
        const auto clean_files = load(clean_dir, names, aligner);
        std::size_t articles = 0;
        for (const auto& f : typo_files) articles += f.aligned.articles.size();

        // Speed and memory: a fresh Checker per run and thread count.
        std::map<unsigned, std::vector<double>> ms_per_article;
        std::vector<double> warm_ms, cpu_ms, cpu_ms_two, speedup;
        std::vector<std::string> loads;
        std::vector<double> extra_mb, index_mb;
        std::vector<std::vector<Finding>> typo_findings;
        for (std::size_t r = 0; r < runs; ++r)
            for (unsigned threads : {1u, 2u}) {
                const double before = rss_mb();
                const Checker checker(aligner.lexicon(), threads);
                std::vector<std::vector<Finding>> found;
                loads.push_back(load_average());
                const double cpu_start = thread_cpu_ms(), process_cpu_start = process_cpu_ms();
                const double ms = check_all(checker, typo_files, threads, found);
                if (threads == 1) cpu_ms.push_back((thread_cpu_ms() - cpu_start) / static_cast<double>(articles));
                if (threads == 2) {
                    cpu_ms_two.push_back((process_cpu_ms() - process_cpu_start) / static_cast<double>(articles));
                    // Two threads against one, both of this run (the load changes between runs).
                    speedup.push_back(ms_per_article[1].back() / (ms / static_cast<double>(articles)));
                }
                ms_per_article[threads].push_back(ms / static_cast<double>(articles));
                if (threads == 1) {
                    std::vector<std::vector<Finding>> again;
                    warm_ms.push_back(check_all(checker, typo_files, 1, again) / static_cast<double>(articles));
                    extra_mb.push_back(rss_mb() - before);
                    index_mb.push_back(mapped_rss_mb("spelling-index.bin"));
                    typo_findings = std::move(found);
                }
            }

        // Quality, from the 1-thread run.
        std::map<std::string, std::vector<const Finding*>> by_article;  // article file -> misspellings
        std::map<std::string, std::size_t> mention_findings_typo;
        std::map<std::string, std::vector<const Finding*>> numbers_by_article, abbreviations_by_article;
        {
            std::size_t j = 0;
            for (const auto& f : typo_files)
                for (std::size_t a = 0; a < f.aligned.articles.size(); ++a, ++j)
                    for (const auto& finding : typo_findings[j]) {
                        if (finding.kind == Finding::Kind::misspelling) by_article[f.name].push_back(&finding);
                        if (finding.kind == Finding::Kind::number_mismatch) numbers_by_article[f.name].push_back(&finding);
                        if (finding.kind == Finding::Kind::abbreviation_mismatch) abbreviations_by_article[f.name].push_back(&finding);
                        if (finding.kind == Finding::Kind::number_mismatch || finding.kind == Finding::Kind::abbreviation_mismatch)
                            ++mention_findings_typo[std::string(to_string(finding.kind))];
                    }
        }
        // Changed numbers (inject_typos.py --numbers): a number finding is right when it names
        // the changed number (English) or the original it no longer matches (Danish).
        // Changed abbreviations (--abbreviations) likewise.
        struct MentionTally {
            std::size_t changed = 0, found = 0, findings = 0, right = 0;
        };
        auto tally_mentions = [&](const std::string& kind, std::map<std::string, std::vector<const Finding*>>& findings_of_kind) {
            MentionTally m;
            for (const auto& [article_key, found] : findings_of_kind)
                for (const Finding* f : found) {
                    ++m.findings;
                    // Named again: Clang 14 lets no lambda capture a structured binding.
                    m.right += std::any_of(typos.begin(), typos.end(), [&, &article = article_key](const Typo& t) {
                        return t.kind == kind && t.article == article &&
                               ((f->lang == Lang::en && f->word == t.typo) || (f->lang == Lang::da && f->word == t.original));
                    });
                }
            for (const auto& t : typos) {
                if (t.kind != kind) continue;
                ++m.changed;
                const auto& found = findings_of_kind[t.article];
                m.found += std::any_of(found.begin(), found.end(), [&](const Finding* f) { return f->lang == Lang::en && f->word == t.typo; });
            }
            return m;
        };
        const MentionTally number_tally = tally_mentions("number", numbers_by_article);
        const MentionTally abbreviation_tally = tally_mentions("abbreviation", abbreviations_by_article);
        const std::size_t numbers_changed = number_tally.changed;
        Hunspell en_us("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");
        Hunspell en_gb("/usr/share/hunspell/en_GB.aff", "/usr/share/hunspell/en_GB.dic");
        Hunspell da("/usr/share/hunspell/da_DK.aff", "/usr/share/hunspell/da_DK.dic");
        struct Tally {
            std::size_t n = 0, flagged = 0, right = 0, hunspell_right = 0;
            double hunspell_ms = 0;
        };
        std::map<std::string, Tally> tally;
        for (const auto& t : typos) {
            if (t.kind == "number" || t.kind == "abbreviation") continue;
            Tally& k = tally[t.lang];
            ++k.n;
            const Finding* hit = nullptr;
            for (const Finding* f : by_article[t.article])
                if (f->word == t.typo && std::string(to_string(f->lang)) == t.lang) hit = f;
            k.flagged += hit != nullptr;
            const bool right = hit && lower(hit->suggestion) == lower(t.original);
            k.right += right;
            const auto start = std::chrono::steady_clock::now();
            std::vector<std::string> own = t.lang == "da" ? da.suggest(t.typo) : en_us.suggest(t.typo);
            if (t.lang == "en" && own.empty()) own = en_gb.suggest(t.typo);
            k.hunspell_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            k.hunspell_right += !own.empty() && lower(own.front()) == lower(t.original);
            if (list)
                std::cerr << t.lang << ' ' << t.kind << ' ' << t.original << " -> " << t.typo << ": "
                          << (hit ? (right ? "right" : "flagged, suggested " + hit->suggestion) : std::string("MISSED"))
                          << " | hunspell " << (own.empty() ? std::string("-") : own.front()) << '\n';
        }

        // Clean text: false flags.
        const Checker clean_checker(aligner.lexicon(), 1);
        std::vector<std::vector<Finding>> clean_findings;
        check_all(clean_checker, clean_files, 1, clean_findings);
        // Words misspelt in the source texts themselves ("lang word" per line, # comments).
        std::set<std::pair<std::string, std::string>> source_slips;
        if (!slips_file.empty()) {
            std::ifstream in(slips_file);
            if (!in) throw std::runtime_error(slips_file + ": cannot read");
            std::string line;
            while (std::getline(in, line)) {
                if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
                std::istringstream fields(line);
                std::string lang, word;
                if (fields >> lang >> word) source_slips.emplace(lang, word);
            }
        }
        std::size_t false_flags = 0, slips_found = 0;
        std::map<std::string, std::size_t> mention_findings_clean;
        for (const auto& fs : clean_findings)
            for (const auto& f : fs) {
                if (f.kind == Finding::Kind::misspelling) {
                    const bool slip = source_slips.count({std::string(to_string(f.lang)), f.word}) > 0;
                    (slip ? slips_found : false_flags) += 1;
                    if (list)
                        std::cerr << "clean: " << to_string(f.lang) << ' ' << f.word << " -> " << f.suggestion
                                  << (slip ? " (slip of the source)" : "") << '\n';
                }
                if (f.kind == Finding::Kind::number_mismatch || f.kind == Finding::Kind::abbreviation_mismatch)
                    ++mention_findings_clean[std::string(to_string(f.kind))];
            }
        const std::size_t clean_words = count_words(clean_files);

        std::printf("%zu articles (%s), %zu typos, %zu changed numbers, %zu changed abbreviations; medians of %zu runs\n", articles,
                    typo_dir.c_str(), typos.size() - numbers_changed - abbreviation_tally.changed, numbers_changed,
                    abbreviation_tally.changed, runs);
        for (const auto& [lang, k] : tally)
            std::printf("  %s: flagged %.3f, right first suggestion %.3f, Hunspell's own first suggestion %.3f (%.0f ms a word)\n",
                        lang.c_str(), double(k.flagged) / double(k.n), double(k.right) / double(k.n), double(k.hunspell_right) / double(k.n),
                        k.hunspell_ms / double(k.n));
        std::printf("  clean text: %zu false flags in %zu words = %.2f per 1,000 words", false_flags, clean_words,
                    1000.0 * double(false_flags) / double(std::max<std::size_t>(clean_words, 1)));
        if (!slips_file.empty()) std::printf(" (and %zu flags of words the source misspells, listed in %s)", slips_found, slips_file.c_str());
        std::printf("\n");
        std::printf("  check, ms per article (fresh Checker, wall): 1 thread %.2f (CPU %.2f), 2 threads %.2f (CPU of both %.2f); again with the same Checker %.2f\n",
                    median(ms_per_article[1]), median(cpu_ms), median(ms_per_article[2]), median(cpu_ms_two), median(warm_ms));
        std::string load_list;
        for (const auto& l : loads) load_list += (load_list.empty() ? "" : " ") + l;
        std::printf("  two threads against one, wall, same run: %.2fx (runs:", median(speedup));
        for (const double x : speedup) std::printf(" %.2f", x);
        std::printf("); load average before each check: %s\n", load_list.c_str());
        // The first run's: later Checkers reuse the memory earlier ones gave back.
        std::printf("  extra resident memory of the first Checker after checking (1 thread): %.1f MB, of which the candidate index %.1f MB\n",
                    extra_mb.front(), index_mb.front());
        std::printf("  number_mismatch / abbreviation_mismatch: clean %zu / %zu (all false: translations), typo'd %zu / %zu\n",
                    mention_findings_clean["number_mismatch"], mention_findings_clean["abbreviation_mismatch"],
                    mention_findings_typo["number_mismatch"], mention_findings_typo["abbreviation_mismatch"]);
        auto print_mentions = [](const char* what, const MentionTally& m) {
            if (m.changed > 0)
                std::printf("  changed %ss: %zu of %zu found; %s findings right %zu of %zu (precision %.2f)\n", what, m.found, m.changed,
                            what, m.right, m.findings, double(m.right) / double(std::max<std::size_t>(m.findings, 1)));
        };
        print_mentions("number", number_tally);
        print_mentions("abbreviation", abbreviation_tally);
    } catch (const std::exception& e) {
        std::cerr << "bench_spelling: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
