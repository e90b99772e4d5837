// bench_spelling_instructions: the spelling check's cost in instructions, which unlike CPU
// time does not depend on what else the machine runs. Checks every article of a typo'd
// spelling set (bench/devset/inject_typos.py's DIR, its articles named in DIR/typos.jsonl)
// once with a fresh Checker on one thread, inside check_everything(), the function to
// count under callgrind:
//
//   valgrind --tool=callgrind --toggle-collect='*check_everything*' ./build/bench_spelling_instructions DIR
//
// Prints the articles, the findings and the CPU time of the checking thread per article.
#include <ctime>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "summalign/check.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"

namespace {

using namespace summalign;

// Not inlined, so that callgrind can be told to count only this call.
__attribute__((noinline)) std::size_t check_everything(const Checker& checker,
                                                       const std::vector<std::pair<SourceText, AlignedDocument>>& documents) {
    std::size_t findings = 0;
    for (const auto& [source, aligned] : documents)
        for (std::size_t a = 0; a < aligned.articles.size(); ++a)
            findings += checker.check(aligned.document.articles[a], aligned.articles[a].alignment, source.bytes).size();
    return findings;
}

double thread_cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bench_spelling_instructions DIR (a typo'd set of bench/devset/inject_typos.py)\n";
        return 2;
    }
    const std::string dir = argv[1];
    std::vector<std::string> names;
    std::ifstream typos(dir + "/typos.jsonl");
    if (!typos) {
        std::cerr << dir << "/typos.jsonl: cannot be read\n";
        return 1;
    }
    for (std::string line; std::getline(typos, line);) {
        if (line.empty()) continue;
        const std::string article = nlohmann::json::parse(line).at("article");
        if (names.empty() || names.back() != article) names.push_back(article);
    }
    const Aligner aligner;
    std::vector<std::pair<SourceText, AlignedDocument>> documents;
    std::size_t articles = 0;
    for (const auto& name : names) {
        auto source = read_source(dir + "/" + name);
        auto aligned = aligner.align(aligner.parser().parse(source));
        articles += aligned.articles.size();
        documents.emplace_back(std::move(source), std::move(aligned));
    }
    const Checker checker(aligner.lexicon(), 1);
    const double start = thread_cpu_ms();
    const std::size_t findings = check_everything(checker, documents);
    const double cpu = thread_cpu_ms() - start;
    std::cout << articles << " articles, " << findings << " findings, " << (articles ? cpu / static_cast<double>(articles) : 0.0)
              << " ms CPU per article\n";
}
