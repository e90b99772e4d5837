// The documentation against what the command does: docs/schema.md's key tables against the
// keys (and their order) of real output, and every example in the subcommands' --help run as
// written, with the output lines a help text shows found in what the command prints.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::test::cli_built;
using summalign::test::read_file;
using summalign::test::TempDir;
using Json = nlohmann::ordered_json;

namespace {

const std::string seed = summalign::test::seed_path().string();

// The keys of each table in schema.md, by the name of the heading above it ("### Match (why
// …)" -> "Match"), in table order; a cell may name several keys: `da_text`, `en_text`.
std::map<std::string, std::vector<std::string>> schema_tables() {
    std::map<std::string, std::vector<std::string>> tables;
    std::istringstream in(read_file(summalign::test::source_dir() / "docs" / "schema.md"));
    std::string heading;
    bool in_table = false;
    const std::regex key(R"(`([a-z_]+)`)");
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("#")) {
            const auto name_start = line.find_first_not_of("# ");
            heading = line.substr(name_start, line.find(' ', name_start) - name_start);
            in_table = false;
            continue;
        }
        if (!line.starts_with("| ")) {
            in_table = false;
            continue;
        }
        if (line.starts_with("| key") || line.starts_with("| ---")) {
            in_table = true;
            continue;
        }
        if (!in_table) continue;
        const std::string cell = line.substr(2, line.find(" |", 2) - 2);
        for (std::sregex_iterator it(cell.begin(), cell.end(), key), end; it != end; ++it)
            tables[heading].push_back((*it)[1].str());
    }
    return tables;
}

std::vector<std::string> keys_of(const Json& object) {
    std::vector<std::string> keys;
    for (const auto& item : object.items()) keys.push_back(item.key());
    return keys;
}

// Records the keys of the first non-empty object seen for each name.
struct Seen {
    std::map<std::string, std::vector<std::string>> keys;
    void add(const std::string& name, const Json& object) {
        if (object.is_object() && !keys.contains(name)) keys[name] = keys_of(object);
    }
    void add_each(const std::string& name, const Json& list) {
        for (const Json& object : list) add(name, object);
    }
};

}  // namespace

TEST_CASE("docs/schema.md lists the keys of real output, in their order", "[cli][docs]") {
    if (!cli_built()) return;
    TempDir dir;
    const auto aligned = summalign::test::run_cli("align " + seed, dir.path());
    const auto checked = summalign::test::run_cli("check " + seed, dir.path());
    REQUIRE(aligned.exit_code == 0);
    REQUIRE(checked.exit_code == 0);
    const Json document = Json::parse(aligned.out);
    Seen seen;
    seen.add("Document", document);
    seen.add_each("Repair", document["repairs"]);
    for (const Json& article : document["articles"]) {
        // Text input: no page keys (they are documented as PDF-only).
        seen.add("Article", article);
        for (const Json& section : article["sections"]) {
            seen.add("Section", section);
            seen.add_each("Sentence", section["sentences"]);
        }
        seen.add_each("Figure", article["figures"]);
        seen.add_each("Part", article["resume_parts"]);
        seen.add_each("StructureNote", article["structure_notes"]);
        if (!article["summary"].is_null()) {
            seen.add("Summary", article["summary"]);
            seen.add("Citation", article["summary"]["citation"]);
        }
        const Json& alignment = article["alignment"];
        seen.add("Alignment", alignment);
        seen.add("TitlePair", alignment["title"]);
        seen.add_each("Bead", alignment["resume_summary"]);
        seen.add_each("Support", alignment["support"]);
        seen.add_each("Finding", alignment["findings"]);
        for (const Json& list : {alignment["resume_summary"], alignment["support"]})
            for (const Json& item : list) {
                for (const Json& evidence : item.value("evidence", Json::array())) {
                    seen.add("Evidence", evidence);
                    seen.add_each("Match", evidence["matches"]);
                }
                seen.add_each("Match", item.value("matches", Json::array()));
            }
    }
    seen.add_each("CheckFinding", Json::parse(checked.out));

    const auto tables = schema_tables();
    // What the seed shows must include every main object; Part and StructureNote appear only
    // for structured Resumés and odd layouts, which the seed has none of.
    for (const char* name : {"Document", "Article", "Section", "Figure", "Summary", "Citation", "Alignment", "TitlePair",
                             "Bead", "Support", "Evidence", "Match", "Finding", "Repair", "CheckFinding"}) {
        INFO(name);
        CHECK(seen.keys.contains(name));
        CHECK(tables.contains(name));
    }
    for (const auto& [name, keys] : seen.keys) {
        if (name == "Sentence") {
            CHECK(keys == std::vector<std::string>{"text", "start", "end"});  // documented inline
            continue;
        }
        INFO("schema.md table " << name);
        REQUIRE(tables.contains(name));
        CHECK(keys == tables.at(name));
    }
}

TEST_CASE("every --help example runs as written, and prints the lines the help shows", "[cli][docs]") {
    if (!cli_built()) return;
    TempDir dir;
    // The examples name project files (corpus/…) and files they make themselves (da.txt).
    fs::create_directory_symlink(summalign::test::source_dir() / "corpus", dir.path() / "corpus");
    std::size_t ran = 0, expected_lines = 0;
    for (const std::string command : {"parse", "segment", "align", "align-text", "mine", "check", "eval"}) {
        const auto help = summalign::test::run_cli(command + " --help", dir.path());
        REQUIRE(help.exit_code == 0);
        std::istringstream in(help.out);
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        std::string setup;  // printf lines before a command, run with it
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string line = lines[i];
            if (!line.starts_with("  ") || line.starts_with("   ")) continue;
            line = line.substr(2);
            if (line.starts_with("printf ") && line.find("| summalign") == std::string::npos) {
                setup += line + "\n";
                continue;
            }
            if (!line.starts_with("summalign ") && !line.starts_with("printf ") && !line.starts_with("cat ") &&
                !line.starts_with("pdftotext "))
                continue;
            // Drop the comment; run only what needs no file the example assumes the user has.
            std::string run = line.substr(0, line.find("  #"));
            bool runnable = true;
            for (const std::string_view missing : {"article.pdf", "archive/", "summary.txt", "resume.da.txt", "pairs.tsv",
                                               "/usr/share/libreoffice", "learn-lexicon"})
                runnable = runnable && run.find(missing) == std::string::npos;
            if (!runnable) {
                setup.clear();
                continue;
            }
            run = std::regex_replace(run, std::regex(R"((^|\| )summalign )"), "$1'" SUMMALIGN_CLI_PATH "' ");
            std::ofstream(dir.path() / "example.sh") << "set -e\ncd '" << dir.path().string() << "'\n"
                                                     << setup << run << " > example.out 2> example.err\n";
            INFO(command << " --help example: " << line);
            const int status = std::system(("timeout 300 sh '" + (dir.path() / "example.sh").string() + "'").c_str());
            // --fail-on exits 1 on the seed's findings, as the example means it to.
            CHECK(WEXITSTATUS(status) == (run.find("--fail-on") != std::string::npos ? 1 : 0));
            ++ran;
            const std::string printed = read_file(dir.path() / "example.out");
            // Lines indented under the command are what it prints (abridged, so each is looked for).
            for (std::size_t k = i + 1; k < lines.size() && lines[k].starts_with("      "); ++k) {
                const std::string shown = lines[k].substr(6);
                INFO("shown: " << shown);
                CHECK(printed.find(shown) != std::string::npos);
                ++expected_lines;
            }
            setup.clear();
        }
    }
    CHECK(ran >= 10);
    CHECK(expected_lines >= 1);
}

TEST_CASE("the commands in the README and the command-line docs run from a fresh clone", "[cli][docs]") {
    if (!cli_built()) return;
    TempDir dir;
    // What a clone has (corpus/), and the archive the pipeline examples name (a directory of
    // journal text, made here).
    fs::create_directory_symlink(summalign::test::source_dir() / "corpus", dir.path() / "corpus");
    fs::create_directories(dir.path() / "archive" / "2003");
    fs::copy_file(seed, dir.path() / "archive" / "2003" / "stamceller.txt");
    std::size_t ran = 0;
    for (const char* name : {"README.md", "docs/formats.md", "docs/check.md", "docs/schema.md"}) {
        std::istringstream in(read_file(summalign::test::source_dir() / name));
        bool in_shell = false;
        for (std::string line; std::getline(in, line);) {
            if (line.starts_with("```")) {
                in_shell = line == "```sh";
                continue;
            }
            if (!in_shell || line.find("summalign ") == std::string::npos) continue;
            // A PDF of the user's own is not in a clone (tests/test_pdf.cpp typesets its own).
            if (line.find(".pdf") != std::string::npos) continue;
            // A trailing comment would swallow the redirection below.
            std::string run = line.substr(0, line.find("  #"));
            run = std::regex_replace(run, std::regex(R"((^|\| )(build/)?summalign )"), "$1'" SUMMALIGN_CLI_PATH "' ");
            std::ofstream(dir.path() / "doc.sh") << "set -eo pipefail\ncd '" << dir.path().string() << "'\n"
                                                 << run << " > doc.out 2> doc.err\n";
            const int status = std::system(("timeout 300 bash '" + (dir.path() / "doc.sh").string() + "'").c_str());
            INFO(name << ": " << line << "\nstderr: " << read_file(dir.path() / "doc.err"));
            CHECK(status == 0);
            ++ran;
        }
    }
    CHECK(ran >= 10);
}
