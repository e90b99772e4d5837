// A named text file longer than one window (2 MiB, default_stream_window, summalign/stream.hpp) is read, parsed
// and aligned window by window by every subcommand and format: the output equals the library's
// for the file read whole, memory stays bounded, an error found late leaves no cut output; and
// -o onto a file with hard links keeps the links.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/stat.h>

#include <fstream>
#include <thread>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using summalign::test::cli_built;
using summalign::test::first_difference;
using summalign::test::read_file;
using summalign::test::TempDir;
using Run = summalign::test::CliRun;

namespace {

const std::string seed = summalign::test::seed_path().string();

Run run_cli(const std::string& arguments, const TempDir& dir, int timeout = 900) { return summalign::test::run_cli(arguments, dir.path(), timeout); }

// Copies of the seed (each followed by a blank line) up to at least `bytes`.
std::string seed_copies(std::size_t bytes) {
    const std::string article = read_file(seed);
    std::string text;
    while (text.size() < bytes) text += article + "\n";
    return text;
}

// 1-based line and column (in characters) of byte `offset` of `text`, counted directly.
std::string line_and_column(const std::string& text, std::size_t offset) {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;  // a UTF-8 continuation byte does not start a character
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

// Names in `dir` other than `keep` (a temporary file left behind would show here).
std::vector<std::string> other_files(const fs::path& dir, const std::vector<std::string>& keep) {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (std::find(keep.begin(), keep.end(), name) == keep.end()) found.push_back(name);
    }
    return found;
}

}  // namespace

TEST_CASE("streams: a file of three windows gives, in every format, what the library gives for the file read whole",
          "[cli][stream][slow]") {
    if (!cli_built()) return;
    TempDir dir;
    const std::string text = seed_copies(5'000'000);  // over 2 MiB: three windows
    const fs::path input = dir.write("big.txt", text);
    const std::string name = input.string();

    // The reference: the whole file parsed, aligned and written at once by the library.
    const summalign::Aligner aligner;
    summalign::AlignedDocument whole = aligner.align(summalign::read_source(name), 2);
    REQUIRE(whole.document.articles.size() > 500);
    REQUIRE_FALSE(whole.document.repairs.empty());
    std::ostringstream parsed_json, aligned_json, aligned_html;
    summalign::write_document(parsed_json, summalign::Format::json, whole.document, {});
    summalign::write_document(aligned_json, summalign::Format::json, whole);
    summalign::write_document(aligned_html, summalign::Format::html, whole);

    const Run parse = run_cli("parse -j 2 " + name, dir);
    INFO("stderr of the command: " << parse.err);
    REQUIRE(parse.exit_code == 0);
    CHECK(first_difference(parse.out, parsed_json.str()) == "");

    const Run align = run_cli("align --lang en -j 2 " + name, dir);
    INFO("stderr of the command: " << align.err);
    REQUIRE(align.exit_code == 0);
    CHECK(first_difference(align.out, aligned_json.str()) == "");

    const Run html = run_cli("align --lang en --format html -j 2 " + name, dir);
    INFO("stderr of the command: " << html.err);
    REQUIRE(html.exit_code == 0);
    CHECK(first_difference(html.out, aligned_html.str()) == "");

    // check: the findings of every article in order, and in the text format each at the line
    // and column of its start in the whole file (the second window's lines count on).
    const Run check = run_cli("check --lang en -j 2 " + name, dir);
    INFO("stderr of the command: " << check.err);
    REQUIRE(check.exit_code == 0);
    const json findings = json::parse(check.out);
    std::vector<std::string> expected_lines;
    std::size_t expected = 0;
    for (std::size_t a = 0; a < whole.articles.size(); ++a)
        for (const summalign::Finding& finding : whole.articles[a].findings) {
            REQUIRE(expected < findings.size());
            const json& got = findings[expected++];
            CHECK(got["article"] == a);
            CHECK(got["kind"] == std::string(to_string(finding.kind)));
            CHECK(got["start"] == finding.span.start);
            CHECK(got["end"] == finding.span.end);
            CHECK(got["message"] == finding.message);
            expected_lines.push_back(name + ":" + line_and_column(text, finding.span.start) + ": " +
                                     std::string(to_string(finding.kind)) + ": " + finding.message);
        }
    CHECK(expected == findings.size());
    REQUIRE(findings.size() > 500);  // findings in both windows
    CHECK(findings.back()["start"].get<std::size_t>() > (std::size_t{4} << 20));  // in the last window

    const Run lines = run_cli("check --lang en --format text -j 2 " + name, dir);
    INFO("stderr of the command: " << lines.err);
    REQUIRE(lines.exit_code == 0);
    std::string expected_text;
    for (const std::string& line : expected_lines) expected_text += line + "\n";
    CHECK(first_difference(lines.out, expected_text) == "");
}

TEST_CASE("streams: parse of a 24 MB named file holds a few windows, not the file", "[cli][stream]") {
    if (!cli_built()) return;
    TempDir dir;
    // The command's peak RSS, first on 3 MB (two windows), then on 24 MB (reading the file
    // whole took ~20 times its size: 223 MB for 9 MB), as /usr/bin/time reports it: time
    // forks the command itself, so neither this process's size (a fork counts it until the
    // exec) nor the children of earlier test cases (RUSAGE_CHILDREN keeps the largest) count.
    const auto peak_kb_of = [&dir](const std::string& arguments) {
        const fs::path peak = dir.path() / "peak";
        const std::string command = "env LC_ALL=C.UTF-8 timeout 900 /usr/bin/time -f %M -o '" + peak.string() + "' '" SUMMALIGN_CLI_PATH "' " +
                                    arguments + " >/dev/null 2>'" + (dir.path() / "stderr").string() + "' </dev/null";
        REQUIRE(std::system(command.c_str()) == 0);
        return std::stol(read_file(peak));
    };
    const fs::path small = dir.write("small.txt", seed_copies(3'000'000));
    const long small_peak_kb = peak_kb_of("parse -o " + (dir.path() / "small.json").string() + " " + small.string());
    const fs::path input = dir.write("large.txt", seed_copies(24'000'000));
    const fs::path output = dir.path() / "parsed.json";
    const long peak_kb = peak_kb_of("parse -o " + output.string() + " " + input.string());
    INFO("peak RSS " << peak_kb << " KB (3 MB input: " << small_peak_kb << " KB)");
#if !defined(__SANITIZE_ADDRESS__)
    // Under AddressSanitizer the quarantine (up to 256 MB, filled by the allocations so far) and
    // the shadow memory say nothing about the command: the memory checks hold without it.
    // Eight times the input costs less than twice the memory: windows, not the file.
    CHECK(peak_kb < 2 * small_peak_kb);
    CHECK(peak_kb < 150 * 1024);  // the bound of issue 16
#else
    (void)small_peak_kb;
#endif
    const json parsed = json::parse(read_file(output));
    CHECK(parsed["articles"].size() > 2500);
    CHECK(parsed["repairs"].size() > parsed["articles"].size());
}

TEST_CASE("streams: invalid UTF-8 late in a large file leaves no output at all", "[cli][stream][output]") {
    if (!cli_built()) return;
    TempDir dir;
    std::string text = seed_copies(5'000'000);
    const std::size_t bad = text.size();
    text += "Et ugyldigt tegn: \xff\n";
    const fs::path input = dir.write("bad.txt", text);
    const std::string at = "byte " + std::to_string(bad + std::string("Et ugyldigt tegn: ").size());

    // Standard output: every named file is checked before the first byte is written.
    for (const std::string command : {"align", "align --format html", "check", "parse"}) {
        INFO(command);
        const Run run = run_cli(command + " " + input.string(), dir);
        CHECK(run.exit_code == 1);
        CHECK(run.out.empty());
        CHECK(run.err.find(input.string() + ": " + at) != std::string::npos);
    }
    // -o: the first window is written to the temporary file before the error is found; the
    // target keeps its old content and no temporary file stays.
    const fs::path target = dir.write("parsed.json", "old\n");
    const Run run = run_cli("parse -o " + target.string() + " " + input.string(), dir);
    CHECK(run.exit_code == 1);
    CHECK(run.err.find(at) != std::string::npos);
    CHECK(read_file(target) == "old\n");
    CHECK(other_files(dir.path(), {"bad.txt", "parsed.json", "stdout", "stderr"}).empty());
}

TEST_CASE("output: -o onto a file with hard links writes it in place, so every name has the output", "[cli][output]") {
    if (!cli_built()) return;
    TempDir dir;
    const Run printed = run_cli("segment " + seed, dir);
    REQUIRE(printed.exit_code == 0);
    const fs::path target = dir.write("out.txt", "old\n");
    const fs::path other = dir.path() / "other-name.txt";
    fs::create_hard_link(target, other);
    struct stat before {};
    REQUIRE(::stat(target.c_str(), &before) == 0);

    REQUIRE(run_cli("segment -o " + target.string() + " " + seed, dir).exit_code == 0);
    struct stat after {};
    REQUIRE(::stat(target.c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    CHECK(after.st_nlink == 2);
    CHECK(read_file(target) == printed.out);
    CHECK(read_file(other) == printed.out);

    // A run that fails leaves both names as they were, and no temporary file.
    const Run failed = run_cli("segment -o " + target.string() + " " + (dir.path() / "missing.txt").string(), dir);
    CHECK(failed.exit_code == 1);
    CHECK(read_file(other) == printed.out);
    CHECK(other_files(dir.path(), {"out.txt", "other-name.txt", "stdout", "stderr"}).empty());
}

TEST_CASE("streams: a named pipe given by name is read once, by every subcommand reading text", "[cli][stream]") {
    if (!cli_built()) return;
    TempDir dir;
    const fs::path fifo = dir.path() / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    for (const std::string command : {"align", "check --format text", "parse"}) {
        INFO(command);
        const Run from_file = run_cli(command + " " + seed, dir);
        REQUIRE(from_file.exit_code == 0);
        // The writer opens the pipe once: a command that read it twice would hang (timeout).
        std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << read_file(seed); });
        const Run from_pipe = run_cli(command + " " + fifo.string(), dir, 120);
        writer.join();
        CHECK(from_pipe.exit_code == 0);
        // The same output but for the input's name.
        std::string expected = from_file.out;
        for (std::size_t at; (at = expected.find(seed)) != std::string::npos;) expected.replace(at, seed.size(), fifo.string());
        CHECK(first_difference(from_pipe.out, expected) == "");
    }
}
