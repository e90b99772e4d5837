// eval and learn-lexicon take files and directories, -o and -j like every other subcommand.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::test::cli_built;
using summalign::test::read_file;
using summalign::test::TempDir;
using Run = summalign::test::CliRun;

namespace {

Run run_cli(const std::string& arguments, const TempDir& dir) { return summalign::test::run_cli(arguments, dir.path(), 300); }

// The first group of `pattern` in `report`.
std::string field(const std::string& report, const std::string& pattern) {
    std::smatch match;
    if (!std::regex_search(report, match, std::regex(pattern))) return "(not found: " + pattern + ")";
    return match[1];
}

std::string doubled(const std::string& number) { return std::to_string(2 * std::stoul(number)); }

}  // namespace

TEST_CASE("eval: a directory of gold files is scored as one, -o and -j as elsewhere", "[cli][eval]") {
    if (!cli_built()) return;
    TempDir dir;
    nlohmann::json gold = nlohmann::json::parse(read_file(summalign::test::seed_gold_path("alignment")));
    gold["source"] = summalign::test::seed_path().string();  // the gold names it relative to the project
    fs::create_directories(dir.path() / "gold" / "more");
    const fs::path one = dir.path() / "gold" / "a.alignment.json";
    std::ofstream(one) << gold.dump();
    std::ofstream(dir.path() / "gold" / "more" / "b.alignment.json") << gold.dump();
    std::ofstream(dir.path() / "gold" / "notes.json") << "not a gold file";  // not *.alignment.json: not read

    const Run single = run_cli("eval " + one.string(), dir);
    REQUIRE(single.exit_code == 0);
    const Run both = run_cli("eval -j 2 " + (dir.path() / "gold").string(), dir);
    REQUIRE(both.exit_code == 0);
    // The same gold twice: every count doubles, every ratio stays.
    const std::string beads = R"(recall [0-9.]+, ([0-9]+) gold beads)";
    const std::string titles = R"(title pairs found\t[0-9]+/([0-9]+))";
    const std::string claims = R"(claim precision@1\t[0-9.]+\t\([0-9]+/([0-9]+) supported)";
    const std::string f1 = R"(ladder strict bead F1\t([0-9.]+))";
    CHECK(field(both.out, beads) == doubled(field(single.out, beads)));
    CHECK(field(both.out, titles) == doubled(field(single.out, titles)));
    CHECK(field(both.out, claims) == doubled(field(single.out, claims)));
    CHECK(field(both.out, f1) == field(single.out, f1));

    const fs::path report = dir.path() / "scores.txt";
    const Run to_file = run_cli("eval -o " + report.string() + " " + (dir.path() / "gold").string(), dir);
    CHECK(to_file.exit_code == 0);
    CHECK(to_file.out.empty());
    CHECK(read_file(report) == both.out);

    // FILE names one document: with several gold files it is a usage error.
    const Run ambiguous = run_cli("eval " + (dir.path() / "gold").string() + " " + summalign::test::seed_path().string(), dir);
    CHECK(ambiguous.exit_code == 2);
    CHECK(ambiguous.err.find("one gold file") != std::string::npos);
}

TEST_CASE("learn-lexicon: parallel text files and directories of them, with or without --tsv", "[cli][learn]") {
    if (!cli_built()) return;
    TempDir dir;
    fs::create_directories(dir.path() / "pairs" / "sub");
    dir.write("pairs/a.tsv", "Hunden sover.\tThe dog sleeps.\nHunden drikker kaffe.\tThe dog drinks coffee.\n");
    dir.write("pairs/sub/b.tsv", "Katten sover.\tThe cat sleeps.\nKatten drikker vand.\tThe cat drinks water.\n");
    dir.write("pairs/readme.txt", "not a .tsv file: not read\n");

    const fs::path by_name = dir.path() / "by-name.bin", by_directory = dir.path() / "by-directory.bin";
    const Run named = run_cli("learn-lexicon --min-count 1 -o " + by_name.string() + " --tsv " +
                                  (dir.path() / "pairs" / "a.tsv").string() + " --tsv " +
                                  (dir.path() / "pairs" / "sub" / "b.tsv").string(),
                              dir);
    REQUIRE(named.exit_code == 0);
    const Run directory =
        run_cli("learn-lexicon --min-count 1 -j 2 -o " + by_directory.string() + " " + (dir.path() / "pairs").string(), dir);
    REQUIRE(directory.exit_code == 0);
    CHECK(directory.out.find(" 4 segments read") != std::string::npos);
    CHECK(read_file(by_directory) == read_file(by_name));

    fs::create_directories(dir.path() / "none");
    const Run none = run_cli("learn-lexicon -o " + (dir.path() / "y.bin").string() + " " + (dir.path() / "none").string(), dir);
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("no .tsv files") != std::string::npos);
}
