// `summalign align` as pipelines use it: JSONL streamed from standard input article by
// article, output files that appear only when complete, directories as inputs, and
// progress kept off stderr unless it is a terminal.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "summalign/journal.hpp"
#include "summalign/text.hpp"
#include "test_util.hpp"

extern char** environ;

namespace fs = std::filesystem;
using nlohmann::json;

using summalign::test::cli_built;
using summalign::test::read_file;
using summalign::test::run_cli;
using Run = summalign::test::CliRun;

namespace {

const fs::path seed_path = summalign::test::seed_path();

// Generous: the CLI loads the lexicon and Hunspell first, and the machine may be loaded.
constexpr auto time_limit = std::chrono::seconds(300);

// A fresh folder per test under one scratch folder that is removed when the test program ends.
fs::path scratch_dir(const std::string& name) {
    static const summalign::test::TempDir root;
    auto dir = root.path() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<json> json_lines(const std::string& text) {
    std::vector<json> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
    return lines;
}

// The CLI with pipes on stdin and stdout, so a test can write part of the input and read
// what comes back before closing stdin.
class PipedCli {
public:
    explicit PipedCli(const std::vector<std::string>& args) {
        int to_child[2], from_child[2];
        REQUIRE(::pipe(to_child) == 0);
        REQUIRE(::pipe(from_child) == 0);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, to_child[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, from_child[1], STDOUT_FILENO);
        for (int fd : {to_child[0], to_child[1], from_child[0], from_child[1]}) posix_spawn_file_actions_addclose(&actions, fd);
        std::vector<std::string> argv_strings{SUMMALIGN_CLI_PATH};
        argv_strings.insert(argv_strings.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& s : argv_strings) argv.push_back(s.data());
        argv.push_back(nullptr);
        const int spawned = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(to_child[0]);
        ::close(from_child[1]);
        in_ = to_child[1];
        out_ = from_child[0];
        REQUIRE(spawned == 0);
    }
    ~PipedCli() {
        close_input();
        if (out_ >= 0) ::close(out_);
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);  // no-op once it has exited and been waited for
            ::waitpid(pid_, nullptr, 0);
        }
    }

    void write(std::string_view bytes) {
        while (!bytes.empty()) {
            const ssize_t n = ::write(in_, bytes.data(), bytes.size());
            REQUIRE(n > 0);
            bytes.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    void close_input() {
        if (in_ >= 0) ::close(in_);
        in_ = -1;
    }
    // The next line of output, or nothing if none arrives before the deadline (or at EOF).
    std::optional<std::string> read_line(std::chrono::steady_clock::time_point deadline) {
        for (;;) {
            if (const auto newline = buffer_.find('\n'); newline != std::string::npos) {
                std::string line = buffer_.substr(0, newline);
                buffer_.erase(0, newline + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            pollfd ready{out_, POLLIN, 0};
            if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
            char chunk[65536];
            const ssize_t n = ::read(out_, chunk, sizeof chunk);
            if (n <= 0) return std::nullopt;
            buffer_.append(chunk, static_cast<std::size_t>(n));
        }
    }
    int wait() {
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    pid_t pid_ = -1;
    int in_ = -1;
    int out_ = -1;
    std::string buffer_;
};

}  // namespace

TEST_CASE("align --format jsonl - writes each article's line while stdin is still open", "[cli][stream]") {
    if (!cli_built()) return;
    ::signal(SIGPIPE, SIG_IGN);  // a crashed child must fail the test, not kill it
    const summalign::SourceText seed = summalign::read_source(seed_path.string());
    const summalign::Document parsed = summalign::Parser().parse(seed);
    REQUIRE(parsed.articles.size() == 3);
    const std::size_t third_start = parsed.articles[2].span.start;
    REQUIRE(third_start > parsed.articles[1].span.start);

    PipedCli cli({"align", "--format", "jsonl", "-"});
    // The first two articles: the first is complete (the second has begun), the second is
    // not yet (the third might continue it), and stdin stays open.
    cli.write(std::string_view(seed.bytes).substr(0, third_start));
    const auto deadline = std::chrono::steady_clock::now() + time_limit;
    const std::optional<std::string> first = cli.read_line(deadline);
    REQUIRE(first.has_value());  // a CLI that waits for the end of input fails here
    const json first_article = json::parse(*first);
    CHECK(first_article["index"] == 0);
    CHECK(first_article["source"] == "-");
    CHECK(first_article["end"].get<std::size_t>() <= parsed.articles[1].span.start);

    cli.write(std::string_view(seed.bytes).substr(third_start));
    cli.close_input();
    std::vector<json> streamed{first_article};
    while (const auto line = cli.read_line(std::chrono::steady_clock::now() + time_limit)) streamed.push_back(json::parse(*line));
    REQUIRE(cli.wait() == 0);

    // The same articles as aligning the file by name: same spans (offsets in the whole
    // stream), titles, Resumé and Summary sentences and beads.
    const Run by_name = run_cli("align --format jsonl '" + seed_path.string() + "'", scratch_dir("by-name"));
    REQUIRE(by_name.exit_code == 0);
    const std::vector<json> expected = json_lines(by_name.out);
    REQUIRE(streamed.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("article " << i);
        CHECK(streamed[i]["index"] == i);
        for (const char* key : {"start", "end", "title", "subtitle", "resume", "summary"}) {
            INFO("key " << key);
            CHECK(streamed[i][key] == expected[i][key]);
        }
        CHECK(streamed[i]["alignment"]["resume_summary"] == expected[i]["alignment"]["resume_summary"]);
    }
}

TEST_CASE("align reads concatenated documents on stdin as one stream of articles", "[cli][stream]") {
    if (!cli_built()) return;
    const auto dir = scratch_dir("concatenated");
    const std::string seed = read_file(seed_path);
    std::ofstream(dir / "twice.txt", std::ios::binary) << seed << seed;
    const std::string command = "timeout 300 '" SUMMALIGN_CLI_PATH "' align --format jsonl - < '" + (dir / "twice.txt").string() +
                                "' > '" + (dir / "out").string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    const std::vector<json> lines = json_lines(read_file(dir / "out"));
    // The seed starts inside an article and ends inside one: the two halves meet as one
    // article at the seam, so 3 + 3 - 1.
    REQUIRE(lines.size() == 5);
    for (std::size_t i = 0; i < lines.size(); ++i) CHECK(lines[i]["index"] == i);
    CHECK(lines[3]["title"] == lines[1]["title"]);
    CHECK(lines[3]["start"].get<std::size_t>() == lines[1]["start"].get<std::size_t>() + seed.size());
}

TEST_CASE("align -o writes the file only when complete and never leaves a partial one", "[cli][output]") {
    if (!cli_built()) return;
    const auto dir = scratch_dir("output");
    const Run to_stdout = run_cli("align --format tsv '" + seed_path.string() + "'", dir);
    REQUIRE(to_stdout.exit_code == 0);

    const fs::path target = dir / "pairs.tsv";
    const Run to_file = run_cli("align --format tsv -o '" + target.string() + "' '" + seed_path.string() + "'", dir);
    REQUIRE(to_file.exit_code == 0);
    CHECK(to_file.out.empty());
    CHECK(read_file(target) == to_stdout.out);

    // A bad second input: the run fails, the existing file is untouched, no temporary is left.
    const fs::path bad = dir / "latin1.txt";
    std::ofstream(bad, std::ios::binary) << "Resum\xe9 p\xe5 dansk\n";
    const Run failed = run_cli("align --format tsv -o '" + target.string() + "' '" + seed_path.string() + "' '" + bad.string() + "'", dir);
    CHECK(failed.exit_code != 0);
    CHECK(failed.err.find("latin1.txt") != std::string::npos);
    CHECK(read_file(target) == to_stdout.out);
    const fs::path fresh = dir / "fresh.tsv";
    const Run failed_fresh = run_cli("align --format tsv -o '" + fresh.string() + "' '" + seed_path.string() + "' '" + bad.string() + "'", dir);
    CHECK(failed_fresh.exit_code != 0);
    CHECK_FALSE(fs::exists(fresh));
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        INFO(entry.path().string());
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
        ++entries;
    }
    CHECK(entries == 4);  // stdout, stderr, pairs.tsv, latin1.txt
}

TEST_CASE("align with several inputs writes nothing on stdout when one is unusable", "[cli][output]") {
    if (!cli_built()) return;
    const auto dir = scratch_dir("several");
    const fs::path bad = dir / "latin1.txt";
    std::ofstream(bad, std::ios::binary) << "Resum\xe9 p\xe5 dansk\n";
    const Run run = run_cli("align --format jsonl '" + seed_path.string() + "' '" + bad.string() + "'", dir);
    CHECK(run.exit_code != 0);
    CHECK(run.out.empty());
    CHECK(run.err.find("latin1.txt") != std::string::npos);
}

TEST_CASE("align takes a directory as its *.txt files, and shows no progress when stderr is not a terminal", "[cli][output]") {
    if (!cli_built()) return;
    const auto dir = scratch_dir("directory");
    fs::create_directories(dir / "in" / "sub");
    fs::copy_file(seed_path, dir / "in" / "a.txt");
    fs::copy_file(seed_path, dir / "in" / "sub" / "b.txt");
    std::ofstream(dir / "in" / "notes.md") << "not journal text\n";
    const Run by_directory = run_cli("align --format jsonl --threads 2 '" + (dir / "in").string() + "'", dir);
    REQUIRE(by_directory.exit_code == 0);
    CHECK(by_directory.err.empty());  // several files, two threads, stderr a file: no progress line
    const Run by_files = run_cli("align --format jsonl '" + (dir / "in" / "a.txt").string() + "' '" +
                                     (dir / "in" / "sub" / "b.txt").string() + "'",
                                 dir);
    REQUIRE(by_files.exit_code == 0);
    CHECK(by_directory.out == by_files.out);
    CHECK(json_lines(by_directory.out).size() == 6);

    fs::create_directories(dir / "empty");
    const Run empty = run_cli("align --format jsonl '" + (dir / "empty").string() + "'", dir);
    CHECK(empty.exit_code != 0);
    CHECK(empty.out.empty());
    CHECK(empty.err.find("no .txt files") != std::string::npos);
}
