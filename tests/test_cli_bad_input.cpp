// Bad input through the command line: every case ends in valid JSON or a one-line error
// on stderr with nothing on stdout and a non-zero exit — never a crash or a hang.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::test::cli_built;
using summalign::test::read_file;
using Run = summalign::test::CliRun;

namespace {

// One scratch folder for the whole run, removed when the test program ends.
const fs::path& scratch_dir() {
    static const summalign::test::TempDir dir;
    return dir.path();
}

Run run_cli(const std::string& args) { return summalign::test::run_cli(args, scratch_dir(), 120); }

fs::path write_input(const std::string& name, const std::string& bytes) {
    const auto path = scratch_dir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

// The contract: valid JSON on success, or exactly one line on stderr naming the file,
// nothing on stdout and a non-zero exit code. 124 (timeout) and >= 128 (signal) are failures.
void require_clean_outcome(const Run& run, const std::string& file_name) {
    INFO("exit " << run.exit_code << "\nstderr: " << run.err.substr(0, 500));
    REQUIRE(run.exit_code != 124);
    REQUIRE(run.exit_code < 128);
    if (run.exit_code == 0) {
        REQUIRE_NOTHROW(nlohmann::json::parse(run.out));
        const auto document = nlohmann::json::parse(run.out);
        REQUIRE(document.contains("articles"));
        REQUIRE(document["articles"].is_array());
    } else {
        REQUIRE(run.out.empty());
        REQUIRE(!run.err.empty());
        REQUIRE(run.err.find('\n') == run.err.size() - 1);
        REQUIRE(run.err.find(file_name) != std::string::npos);
    }
}

void require_error(const Run& run, const std::string& file_name, const std::string& mention) {
    INFO("exit " << run.exit_code << "\nstderr: " << run.err);
    require_clean_outcome(run, file_name);
    REQUIRE(run.exit_code != 0);
    REQUIRE(run.err.find(mention) != std::string::npos);
}

}  // namespace

TEST_CASE("parse: empty and whitespace-only input give a document with no articles", "[cli][bad-input]") {
    if (!cli_built()) return;
    for (const std::string& content : {std::string(), std::string(" \n\t\r\n  \n")}) {
        const auto path = write_input("blank.txt", content);
        const Run run = run_cli("parse '" + path.string() + "'");
        require_clean_outcome(run, path.filename().string());
        REQUIRE(run.exit_code == 0);
        REQUIRE(nlohmann::json::parse(run.out)["articles"].empty());
    }
}

TEST_CASE("parse: undecodable input is refused with the byte offset", "[cli][bad-input]") {
    if (!cli_built()) return;
    SECTION("Latin-1") {
        const auto path = write_input("latin1.txt", "Resum\xe9\nKnoglemarv og bl\xf8" "de celler.\n");
        require_error(run_cli("parse '" + path.string() + "'"), "latin1.txt", "byte 5");
    }
    SECTION("UTF-16 with byte-order mark") {
        const auto path = write_input("utf16.txt", std::string("\xff\xfeR\0e\0s\0", 8));
        require_error(run_cli("parse '" + path.string() + "'"), "utf16.txt", "UTF-16");
    }
    SECTION("NUL bytes") {
        const auto path = write_input("nul.txt", std::string("Resum\xc3\xa9\nabc\0def\n", 15));
        require_error(run_cli("parse '" + path.string() + "'"), "nul.txt", "byte 11");
    }
    SECTION("binary") {
        std::string bytes;
        for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
        const auto path = write_input("binary.bin", bytes);
        require_error(run_cli("parse '" + path.string() + "'"), "binary.bin", "byte");
    }
}

TEST_CASE("parse: missing file and directory are one-line errors", "[cli][bad-input]") {
    if (!cli_built()) return;
    const auto missing = scratch_dir() / "does-not-exist.txt";
    require_error(run_cli("parse '" + missing.string() + "'"), "does-not-exist.txt", "no such file");
    const auto directory = scratch_dir() / "a-directory";
    fs::create_directories(directory);
    require_error(run_cli("parse '" + directory.string() + "'"), "a-directory", "directory");
}

TEST_CASE("parse: large and pathological inputs finish with valid JSON", "[cli][bad-input][slow]") {
    if (!cli_built()) return;
    SECTION("a 20 MB file made of the seed repeated") {
        const std::string seed = read_file(summalign::test::seed_path());
        REQUIRE(!seed.empty());
        std::string big;
        while (big.size() < 20'000'000) big += seed + "\n";
        const auto path = write_input("big.txt", big);
        const Run run = run_cli("parse '" + path.string() + "'");
        require_clean_outcome(run, "big.txt");
        REQUIRE(run.exit_code == 0);
        REQUIRE(nlohmann::json::parse(run.out)["articles"].size() >= 1000);
    }
    SECTION("one 5 MB line") {
        std::string line;
        while (line.size() < 5'000'000) line += "knoglemarv stamceller behandling ";
        const auto path = write_input("long-line.txt", line + "\n");
        const Run run = run_cli("parse '" + path.string() + "'");
        require_clean_outcome(run, "long-line.txt");
        REQUIRE(run.exit_code == 0);
    }
    SECTION("200,000 open brackets") {
        const auto path = write_input("brackets.txt", std::string(200'000, '(') + "\n" + std::string(200'000, '[') + "\n");
        const Run run = run_cli("parse '" + path.string() + "'");
        require_clean_outcome(run, "brackets.txt");
        REQUIRE(run.exit_code == 0);
    }
}

TEST_CASE("segment and align-text refuse bad input the same way", "[cli][bad-input]") {
    if (!cli_built()) return;
    const auto latin1 = write_input("latin1-seg.txt", "K\xf8" "benhavn.\n");
    require_error(run_cli("segment --lang da '" + latin1.string() + "'"), "latin1-seg.txt", "byte 1");
    const auto good = write_input("good.txt", "Hej.\n");
    require_error(run_cli("align-text '" + latin1.string() + "' '" + good.string() + "'"), "latin1-seg.txt", "byte 1");
}

TEST_CASE("every command that scores sentences takes the same lexicon flags", "[cli][lexicon]") {
    if (!cli_built()) return;
    const auto seed = summalign::test::seed_path();
    const auto danish = write_input("flags.da.txt", "Hunden sover.\nJeg drikker kaffe.\n");
    const auto english = write_input("flags.en.txt", "I drink coffee.\nThe dog sleeps.\n");
    const auto user = write_input("flags.tsv", "kaffe\tcoffee\n");
    const std::string flags = " --no-freedict --no-glossary --no-learned -d '" + user.string() + "' --dict '" + user.string() +
                              "' --dictionary '" + user.string() + "' ";
    const std::string texts = " '" + danish.string() + "' '" + english.string() + "'";
    for (const std::string& command : {"align" + flags + "'" + seed.string() + "'", "check" + flags + "'" + seed.string() + "'",
                                      "mine" + flags + texts, "align-text" + flags + texts}) {
        INFO(command);
        const Run run = run_cli(command);
        INFO("stderr: " << run.err);
        CHECK(run.exit_code == 0);
        CHECK_FALSE(run.out.empty());
    }
    // The user dictionary alone still pairs the coffee lines: 1 -> 0.
    const Run mined = run_cli("mine" + flags + texts);
    CHECK(mined.out.find("1\t0\t") != std::string::npos);
}

TEST_CASE("a missing dictionary file is a one-line error naming it, for every command", "[cli][bad-input][lexicon]") {
    if (!cli_built()) return;
    const auto seed = summalign::test::seed_path();
    const auto danish = write_input("missing-dict.da.txt", "Hunden sover.\n");
    const auto english = write_input("missing-dict.en.txt", "The dog sleeps.\n");
    const std::string missing = (scratch_dir() / "no-such-dictionary.tsv").string();
    const std::string texts = " '" + danish.string() + "' '" + english.string() + "'";
    for (const std::string& command : {"align -d '" + missing + "' '" + seed.string() + "'",
                                      "check --dict '" + missing + "' '" + seed.string() + "'",
                                      "mine --dictionary '" + missing + "'" + texts, "align-text -d '" + missing + "'" + texts}) {
        INFO(command);
        require_error(run_cli(command), "no-such-dictionary.tsv", "does not exist");
    }
}
