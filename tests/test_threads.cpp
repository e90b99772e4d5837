// The number of threads must never change the result: `summalign align --threads N` and
// Aligner::align(document, N) give byte-identical output for any N, on an input with
// many articles (the seed re-laid out several times, as the benchmarks use it).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <stdexcept>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench_corpus.hpp"
#include "detail/parallel.hpp"
#include "summalign/export.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;

using summalign::test::read_file;
using summalign::test::run_cli;
using Run = summalign::test::CliRun;

namespace {

// Four layouts of the seed: about eight articles, so that two threads interleave.
std::string multi_article_input() {
    const std::string seed = read_file(summalign::test::seed_path());
    REQUIRE(!seed.empty());
    summalign::bench::CorpusOptions options;
    options.copies = 4;
    return summalign::bench::make_bench_corpus(seed, options);
}

// multi_article_input() as corpus-x4.txt in the test's scratch folder; returns the file's path.
fs::path corpus_in_scratch(const summalign::test::TempDir& scratch) {
    return scratch.write("corpus-x4.txt", multi_article_input());
}

std::string as_json(const summalign::AlignedDocument& aligned) {
    std::ostringstream out;
    summalign::write_document(out, summalign::Format::json, aligned);
    return out.str();
}

}  // namespace

TEST_CASE("detail::parallel_for runs every item once, numbers its workers, and rethrows a failure", "[threads]") {
    for (const unsigned threads : {1u, 3u}) {
        INFO("threads " << threads);
        std::vector<std::atomic<int>> runs(200);
        std::vector<unsigned> worker_of(runs.size());
        summalign::detail::parallel_for(runs.size(), threads, [&](std::size_t i, unsigned worker) {
            ++runs[i];
            worker_of[i] = worker;
        });
        for (std::size_t i = 0; i < runs.size(); ++i) {
            CHECK(runs[i] == 1);
            CHECK(worker_of[i] < threads);
        }
        std::atomic<int> plain{0};
        summalign::detail::parallel_for(10, threads, [&](std::size_t) { ++plain; });
        CHECK(plain == 10);
        CHECK_THROWS_AS(summalign::detail::parallel_for(50, threads,
                                                        [](std::size_t i) {
                                                            if (i == 7) throw std::runtime_error("item 7");
                                                        }),
                        std::runtime_error);
    }
}

TEST_CASE("Aligner::align gives the same document for 1, 2 and 5 threads", "[threads]") {
    const summalign::Aligner aligner;
    const summalign::Document parsed = aligner.parser().parse(summalign::make_source(multi_article_input(), "corpus-x4"));
    // The comparison only means something when there is work to share out.
    REQUIRE(parsed.articles.size() >= 4);

    const auto one = aligner.align(summalign::Document(parsed), 1);
    std::size_t beads = 0;
    for (const auto& article : one.articles) beads += article.alignment.resume_summary.size();
    REQUIRE(beads > 0);

    const std::string expected = as_json(one);
    for (unsigned threads : {2u, 5u}) {
        INFO("threads " << threads);
        const auto many = aligner.align(summalign::Document(parsed), threads);
        REQUIRE(many.articles.size() == one.articles.size());
        CHECK(as_json(many) == expected);
    }
}

TEST_CASE("an Aligner with a da_DK copy per thread finds the same misspellings as one with one copy", "[threads]") {
    // Each copy of the seed gets new misspelled Danish words, so that two threads ask Hunspell
    // for suggestions for different words at once (from two da_DK copies) and for the same
    // word at once (the first copy of each word waits for the other thread's answer).
    const std::string seed = read_file(summalign::test::seed_path());
    REQUIRE(!seed.empty());
    summalign::bench::CorpusOptions options;
    options.copies = 3;
    options.typo_percent = 40;
    const summalign::SourceText source = summalign::make_source(summalign::bench::make_bench_corpus(seed, options), "typos");

    const summalign::Aligner single;
    const auto one = single.align(source, 1);
    std::size_t misspellings = 0;
    for (const auto& article : one.articles)
        for (const auto& finding : article.findings) misspellings += finding.kind == summalign::Finding::Kind::misspelling;
    REQUIRE(misspellings > 10);  // the seed's own four in each copy and the new ones

    const summalign::Aligner pooled(summalign::LexiconOptions{}, 2);
    CHECK(as_json(pooled.align(source, 2)) == as_json(one));
}

TEST_CASE("an Aligner around a shared parser aligns as one that made its own, while the parser parses meanwhile", "[threads]") {
    // As `summalign align` does: the parser is made first and parses the input on this thread
    // while another thread builds the rest of the Aligner (the checker's dictionaries).
    const summalign::SourceText source = summalign::make_source(multi_article_input(), "corpus-x4");
    auto parser = std::make_shared<const summalign::Parser>();
    auto building = std::async(std::launch::async, [parser] { return summalign::Aligner(parser, summalign::LexiconOptions{}, 2); });
    const summalign::Document parsed = parser->parse(summalign::DocumentLayout(source), 2);
    const summalign::Aligner shared = building.get();
    CHECK(&shared.parser() == parser.get());

    const summalign::Aligner own;
    // The document did not keep the source (a DocumentLayout of an lvalue): it is passed, as the command does.
    CHECK_FALSE(parsed.source);
    const summalign::AlignedDocument from_layout{parsed, shared.align_articles(parsed, source.bytes, 2)};
    CHECK(as_json(from_layout) == as_json(own.align(own.parser().parse(source), 1)));
    CHECK_THROWS_AS(summalign::Aligner(std::shared_ptr<const summalign::Parser>{}), summalign::Error);
}

TEST_CASE("summalign align --threads 1 and --threads 2 print byte-identical JSON, JSONL and TSV", "[threads][cli]") {
    if (!fs::exists(SUMMALIGN_CLI_PATH)) {
        WARN("skipped: the summalign CLI is not built at " SUMMALIGN_CLI_PATH);
        return;
    }
    const summalign::test::TempDir scratch_dir;
    const auto input = corpus_in_scratch(scratch_dir);
    const auto& scratch = scratch_dir.path();

    // With several threads the workers render the articles (and a thread of its own the
    // JSON closing); the bytes must be those the library writes for the whole document.
    const summalign::Aligner aligner;
    const summalign::AlignedDocument aligned = aligner.align(summalign::read_source(input.string()));
    REQUIRE(aligned.articles.size() >= 4);
    for (const summalign::Format format : {summalign::Format::json, summalign::Format::jsonl, summalign::Format::tsv}) {
        const std::string name(summalign::to_string(format));
        INFO("format " << name);
        std::ostringstream expected;
        summalign::write_document(expected, format, aligned);
        for (const int threads : {1, 2, 3}) {
            INFO("threads " << threads);
            const Run run = run_cli("align --format " + name + " --threads " + std::to_string(threads) + " '" + input.string() + "'", scratch);
            INFO("stderr: " << run.err.substr(0, 500));
            REQUIRE(run.exit_code == 0);
            CHECK(run.out == expected.str());
        }
    }
}

TEST_CASE("summalign check --threads 1, 2 and 3 print the findings Aligner::align finds, in the same order", "[threads][cli]") {
    if (!fs::exists(SUMMALIGN_CLI_PATH)) {
        WARN("skipped: the summalign CLI is not built at " SUMMALIGN_CLI_PATH);
        return;
    }
    const summalign::test::TempDir scratch_dir;
    const auto input = corpus_in_scratch(scratch_dir);
    const auto& scratch = scratch_dir.path();

    // (article, kind, message, start, end) of every finding, from the library.
    const summalign::Aligner aligner;
    const summalign::AlignedDocument aligned = aligner.align(summalign::read_source(input.string()));
    nlohmann::json expected = nlohmann::json::array();
    for (std::size_t a = 0; a < aligned.articles.size(); ++a)
        for (const auto& f : aligned.articles[a].findings)
            expected.push_back({a, summalign::to_string(f.kind), f.message, f.span.start, f.span.end});
    REQUIRE(expected.size() > 4);  // each copy of the seed has its misspellings
    for (const int threads : {1, 2, 3}) {
        INFO("threads " << threads);
        const Run run = run_cli("check --threads " + std::to_string(threads) + " '" + input.string() + "'", scratch);
        INFO("stderr: " << run.err.substr(0, 500));
        REQUIRE(run.exit_code == 0);
        nlohmann::json found = nlohmann::json::array();
        for (const auto& f : nlohmann::json::parse(run.out)) found.push_back({f["article"], f["kind"], f["message"], f["start"], f["end"]});
        CHECK(found == expected);
    }
}
