// What `summalign align` and `check` write across formats and inputs: TSV's source column,
// several files in one JSON document or one TMX, findings on TMX units (and --skip-flagged),
// --compact, the HTML report's numbering, check over directories and --fail-on, and a named
// file aligned window by window.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using summalign::test::cli_built;
using summalign::test::read_file;
using summalign::test::TempDir;
using Run = summalign::test::CliRun;

namespace {

const std::string seed = summalign::test::seed_path().string();

Run run_cli(const std::string& arguments, const TempDir& dir) { return summalign::test::run_cli(arguments, dir.path(), 600); }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    return fields;
}

// Every key named `key` anywhere in `value`.
std::size_t count_key(const json& value, const std::string& key) {
    std::size_t count = 0;
    if (value.is_object())
        for (const auto& [name, item] : value.items()) count += (name == key) + count_key(item, key);
    if (value.is_array())
        for (const auto& item : value) count += count_key(item, key);
    return count;
}

void erase_key(json& value, const std::string& key) {
    if (value.is_object()) {
        value.erase(key);
        for (auto& item : value) erase_key(item, key);
    }
    if (value.is_array())
        for (auto& item : value) erase_key(item, key);
}

// A second input: the seed under another name, so two documents can be told apart.
fs::path copy_of_seed(const TempDir& dir, const std::string& name) {
    const fs::path copy = dir.path() / name;
    fs::copy_file(seed, copy, fs::copy_options::overwrite_existing);
    return copy;
}

}  // namespace

TEST_CASE("TSV names each row's source, also across several files", "[cli][tsv]") {
    if (!cli_built()) return;
    TempDir dir;
    const fs::path second = copy_of_seed(dir, "second.txt");
    const Run run = run_cli("align --format tsv " + seed + " " + second.string(), dir);
    REQUIRE(run.exit_code == 0);
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() > 2);
    CHECK(lines[0] == "source\tarticle\tkind\tda\ten\tscore\tda_ids\ten_ids");
    std::size_t from_seed = 0, from_second = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto fields = split_tabs(lines[i]);
        REQUIRE(fields.size() == 8);
        from_seed += fields[0] == seed;
        from_second += fields[0] == second.string();
    }
    CHECK(from_seed > 0);
    CHECK(from_seed == from_second);
    CHECK(from_seed + from_second == lines.size() - 1);
}

TEST_CASE("several files make one JSON document whose entries are the files' documents", "[cli][json]") {
    if (!cli_built()) return;
    TempDir dir;
    const fs::path second = copy_of_seed(dir, "second.txt");
    const Run first_alone = run_cli("align " + seed, dir);
    const Run second_alone = run_cli("align " + second.string(), dir);
    const Run both = run_cli("align " + seed + " " + second.string(), dir);
    REQUIRE(both.exit_code == 0);
    const json combined = json::parse(both.out);
    REQUIRE(combined.size() == 1);
    REQUIRE(combined["documents"].size() == 2);
    CHECK(combined["documents"][0] == json::parse(first_alone.out));
    CHECK(combined["documents"][1] == json::parse(second_alone.out));
    // A directory is its files, in path order.
    fs::create_directories(dir.path() / "archive");
    fs::copy_file(seed, dir.path() / "archive" / "a.txt");
    fs::copy_file(seed, dir.path() / "archive" / "b.txt");
    const Run archive = run_cli("parse " + (dir.path() / "archive").string(), dir);
    REQUIRE(archive.exit_code == 0);
    const json parsed = json::parse(archive.out);
    REQUIRE(parsed["documents"].size() == 2);
    CHECK(parsed["documents"][1]["source"] == (dir.path() / "archive" / "b.txt").string());
}

TEST_CASE("TMX: one memory for several files, findings on their units, --skip-flagged", "[cli][tmx]") {
    if (!cli_built()) return;
    TempDir dir;
    const fs::path second = copy_of_seed(dir, "second.txt");
    const Run single = run_cli("align --format tmx " + seed, dir);
    const Run both = run_cli("align --format tmx " + seed + " " + second.string(), dir);
    REQUIRE(single.exit_code == 0);
    REQUIRE(both.exit_code == 0);
    pugi::xml_document one, two;
    REQUIRE(one.load_string(single.out.c_str()));
    REQUIRE(two.load_string(both.out.c_str()));
    const auto units_one = one.select_nodes("/tmx/body/tu");
    const auto units_two = two.select_nodes("/tmx/body/tu");
    REQUIRE(units_one.size() > 0);
    CHECK(units_two.size() == 2 * units_one.size());
    std::set<std::string> ids;
    for (const auto& unit : units_two) {
        ids.insert(unit.node().attribute("tuid").value());
        const auto source = unit.node().select_node("prop[@type='x-source']");
        REQUIRE(source);
        const std::string name = source.node().text().get();
        CHECK((name == seed || name == second.string()));
    }
    CHECK(ids.size() == units_two.size());  // tuids stay unique across the files

    // The findings the checker reports are on the units whose sentences they concern: each
    // x-finding is "kind: message" of a finding `check` reports for this file.
    const Run check = run_cli("check " + seed, dir);
    REQUIRE(check.exit_code == 0);
    std::set<std::string> reported;
    for (const json& finding : json::parse(check.out))
        reported.insert(finding["kind"].get<std::string>() + ": " + finding["message"].get<std::string>());
    std::size_t flagged = 0;
    for (const auto& unit : units_one) {
        const auto findings = unit.node().select_nodes("prop[@type='x-finding']");
        flagged += findings.empty() ? 0 : 1;
        for (const auto& finding : findings) CHECK(reported.count(finding.node().text().get()) == 1);
    }
    CHECK(flagged > 0);  // the seed's Summary has a misspelling in an aligned sentence ('chondroyctes')
    const Run skipped = run_cli("align --format tmx --skip-flagged " + seed, dir);
    REQUIRE(skipped.exit_code == 0);
    pugi::xml_document kept;
    REQUIRE(kept.load_string(skipped.out.c_str()));
    CHECK(kept.select_nodes("/tmx/body/tu").size() == units_one.size() - flagged);
    CHECK(kept.select_nodes("//prop[@type='x-finding']").empty());
}

TEST_CASE("several files make one HTML page, a part per file, with ids kept apart", "[cli][html]") {
    if (!cli_built()) return;
    TempDir dir;
    const fs::path second = copy_of_seed(dir, "second.txt");
    const Run single = run_cli("align --format html " + seed, dir);
    const Run both = run_cli("align --format html " + seed + " " + second.string(), dir);
    REQUIRE(single.exit_code == 0);
    REQUIRE(both.exit_code == 0);
    auto count = [](const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    CHECK(count(both.out, "<!DOCTYPE html>") == 1);
    CHECK(count(both.out, "id=\"report-status\"") == 1);
    CHECK(count(both.out, "<section class=\"article\"") == 2 * count(single.out, "<section class=\"article\""));
    CHECK(count(both.out, "<main>") == count(both.out, "</main>"));
    // Every id once on the page, every in-page link and curve end pointing at one.
    const std::regex id_attribute(R"re( id="([^"]+)")re");
    std::set<std::string> ids;
    std::size_t id_count = 0;
    for (std::sregex_iterator it(both.out.begin(), both.out.end(), id_attribute), end; it != end; ++it, ++id_count)
        ids.insert((*it)[1].str());
    CHECK(ids.size() == id_count);
    CHECK(ids.count("d0-a1-title") == 1);
    CHECK(ids.count("d1-a1-title") == 1);
    const std::regex link(R"re(href="#([^"]+)"|data-(?:from|to)="([^"]+)")re");
    std::size_t links = 0;
    for (std::sregex_iterator it(both.out.begin(), both.out.end(), link), end; it != end; ++it) {
        std::string targets = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
        for (std::size_t start = 0; start <= targets.size();) {
            const std::size_t space = std::min(targets.find(' ', start), targets.size());
            const std::string target = targets.substr(start, space - start);
            if (!target.empty()) {
                INFO(target);
                CHECK(ids.count(target) == 1);
                ++links;
            }
            start = space + 1;
        }
    }
    CHECK(links > 10);
}

TEST_CASE("compact: --compact leaves out word matches and repairs, nothing else", "[cli][json]") {
    if (!cli_built()) return;
    TempDir dir;
    const Run full = run_cli("align " + seed, dir);
    const Run compact = run_cli("align --compact " + seed, dir);
    REQUIRE(full.exit_code == 0);
    REQUIRE(compact.exit_code == 0);
    json expected = json::parse(full.out);
    const json got = json::parse(compact.out);
    REQUIRE(count_key(expected, "matches") > 0);
    CHECK(count_key(got, "matches") == 0);
    CHECK_FALSE(got.contains("repairs"));
    expected.erase("repairs");
    erase_key(expected, "matches");
    CHECK(got == expected);
    CHECK(compact.out.size() < full.out.size() / 2);
    const Run lines = run_cli("align --format jsonl --compact " + seed, dir);
    CHECK(count_key(json::parse(lines_of(lines.out).at(1)), "matches") == 0);
}

TEST_CASE("the HTML report numbers articles as JSON does and names findings for reading", "[cli][html]") {
    if (!cli_built()) return;
    TempDir dir;
    const Run html = run_cli("align --format html " + seed, dir);
    const Run aligned = run_cli("align " + seed, dir);
    REQUIRE(html.exit_code == 0);
    const json document = json::parse(aligned.out);
    for (const json& article : document["articles"]) {
        const std::string index = std::to_string(article["index"].get<std::size_t>());
        CHECK(html.out.find("<tr><td>" + index + "</td><td><a href=\"#article-" + index + "\">") != std::string::npos);
        for (const json& finding : article["alignment"]["findings"]) {
            std::string readable = finding["kind"].get<std::string>();
            std::replace(readable.begin(), readable.end(), '_', ' ');
            CHECK(html.out.find("<span class=\"badge\">" + readable + " \u00b7 ") != std::string::npos);
        }
    }
    CHECK(html.out.find("<span class=\"badge\">missing_") == std::string::npos);
}

TEST_CASE("check takes directories, -o, and --fail-on KIND,... exits 1 on such a finding", "[cli][check]") {
    if (!cli_built()) return;
    TempDir dir;
    fs::create_directories(dir.path() / "in");
    fs::copy_file(seed, dir.path() / "in" / "a.txt");
    const Run by_name = run_cli("check " + (dir.path() / "in" / "a.txt").string(), dir);
    const Run by_directory = run_cli("check " + (dir.path() / "in").string(), dir);
    REQUIRE(by_name.exit_code == 0);
    CHECK(by_directory.exit_code == 0);
    CHECK(by_directory.out == by_name.out);
    std::set<std::string> kinds;
    for (const json& finding : json::parse(by_name.out)) kinds.insert(finding["kind"].get<std::string>());
    REQUIRE(kinds.count("misspelling") == 1);
    REQUIRE(kinds.count("abbreviation_mismatch") == 0);

    const Run failing = run_cli("check --fail-on abbreviation_mismatch,misspelling " + seed, dir);
    CHECK(failing.exit_code == 1);
    CHECK(failing.out == run_cli("check " + seed, dir).out);  // the report is complete all the same
    const Run passing = run_cli("check --fail-on abbreviation_mismatch " + seed, dir);
    CHECK(passing.exit_code == 0);
    const fs::path report = dir.path() / "report.txt";
    const Run to_file = run_cli("check --format text --fail-on misspelling -o " + report.string() + " " + seed, dir);
    CHECK(to_file.exit_code == 1);
    CHECK(to_file.out.empty());
    CHECK(read_file(report).find(": misspelling: ") != std::string::npos);
}

TEST_CASE("a named file longer than one window gives the same articles in jsonl as in json", "[cli][stream][slow]") {
    if (!cli_built()) return;
    TempDir dir;
    // Over 2 MiB (named_file_window): aligned in three windows, by jsonl as by json (the
    // comparison with the file read whole is tests/test_cli_streams.cpp's).
    const std::string article = read_file(seed);
    std::string big;
    while (big.size() < 5'000'000) big += article + "\n";
    const fs::path input = dir.write("big.txt", big);
    const Run windowed = run_cli("align --format jsonl " + input.string(), dir);
    const Run whole = run_cli("align --compact " + input.string(), dir);
    REQUIRE(windowed.exit_code == 0);
    REQUIRE(whole.exit_code == 0);
    const auto lines = lines_of(windowed.out);
    const json document = json::parse(whole.out);
    REQUIRE(lines.size() == document["articles"].size());
    REQUIRE(lines.size() > 500);
    std::size_t differing = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        json line = json::parse(lines[i]);
        CHECK(line["source"] == input.string());
        line.erase("source");
        erase_key(line, "matches");
        differing += line != document["articles"][i];
    }
    CHECK(differing == 0);
}
