// The command line's edges, the same for every subcommand: usage errors (exit 2), write
// errors (a full disk, a closed stdout), -o and what it replaces (or must not), signals,
// thread counts, and nothing written before the dictionaries and inputs have been checked.
#include <catch2/catch.hpp>

#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.hpp"

extern char** environ;

namespace fs = std::filesystem;
using summalign::test::cli_built;
using summalign::test::read_file;
using summalign::test::TempDir;
using Run = summalign::test::CliRun;

namespace {

const std::string seed = summalign::test::seed_path().string();

Run run_cli(const std::string& arguments, const TempDir& dir) { return summalign::test::run_cli(arguments, dir.path(), 300); }

// Runs `shell_command` (which runs the CLI with its own redirections); returns the exit code.
int shell(const std::string& shell_command) {
    const int status = std::system(("timeout 300 sh -c '" + shell_command + "'").c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Each subcommand with arguments that make it print something, given the scratch directory.
struct Command {
    std::string name;
    std::string arguments;
};
std::vector<Command> every_command(const TempDir& dir) {
    const auto da = dir.write("lines.da.txt", "Hunden sover.\nJeg drikker kaffe.\n");
    const auto en = dir.write("lines.en.txt", "I drink coffee.\nThe dog sleeps.\n");
    const std::string texts = " " + da.string() + " " + en.string();
    return {{"parse", "parse " + seed},           {"segment", "segment " + seed},
            {"check", "check " + seed},           {"align", "align " + seed},
            {"align-text", "align-text" + texts}, {"mine", "mine" + texts}};
}

bool one_line(const std::string& text) { return !text.empty() && text.find('\n') == text.size() - 1; }

}  // namespace

TEST_CASE("usage errors exit 2 with a message that names the mistake", "[cli][usage]") {
    if (!cli_built()) return;
    TempDir dir;
    const Run unknown = run_cli("frobnicate", dir);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("unknown subcommand 'frobnicate'") != std::string::npos);
    CHECK(unknown.err.find("align") != std::string::npos);  // lists what there is
    CHECK(one_line(unknown.err));
    for (const std::string& arguments : std::vector<std::string>{"align --threads many " + seed, "align --format xml " + seed,
                                                                 "align", "check --fail-on typo " + seed,
                                                                 "parse --no-such-flag " + seed, ""}) {
        INFO(arguments);
        const Run run = run_cli(arguments, dir);
        CHECK(run.exit_code == 2);
        CHECK(run.out.empty());
        CHECK(one_line(run.err));
    }
    // Standard input named twice is a usage error too, found before anything is read.
    const Run twice = run_cli("align --format jsonl - - ", dir);
    CHECK(twice.exit_code == 2);
    CHECK(twice.err.find("standard input") != std::string::npos);
    CHECK(run_cli("--help", dir).exit_code == 0);
    CHECK(run_cli("align --help", dir).exit_code == 0);
}

TEST_CASE("a write error is a one-line error and a non-zero exit for every subcommand", "[cli][output]") {
    if (!cli_built()) return;
    TempDir dir;
    const std::string err = (dir.path() / "err").string();
    for (const Command& command : every_command(dir)) {
        INFO(command.arguments);
        if (fs::exists("/dev/full")) {
            const int full = shell("\"" SUMMALIGN_CLI_PATH "\" " + command.arguments + " > /dev/full 2> " + err);
            CHECK(full == 1);
            const std::string message = read_file(err);
            CHECK(one_line(message));
            CHECK(message.find("cannot write to standard output: No space left on device") != std::string::npos);
        }
        const int closed = shell("\"" SUMMALIGN_CLI_PATH "\" " + command.arguments + " >&- 2> " + err);
        CHECK(closed == 1);
        CHECK(one_line(read_file(err)));
        CHECK(read_file(err).find("cannot write to standard output") != std::string::npos);
    }
}

TEST_CASE("nothing is written before the dictionaries have loaded", "[cli][output]") {
    if (!cli_built()) return;
    TempDir dir;
    const auto no_tab = dir.write("no-tab.tsv", "hund dog\n");
    for (const std::string format : {"json", "jsonl", "tsv", "tmx", "html"}) {
        INFO(format);
        const Run run = run_cli("align --format " + format + " -d " + no_tab.string() + " " + seed, dir);
        CHECK(run.exit_code == 1);
        CHECK(run.out.empty());
        CHECK(run.err.find("no-tab.tsv") != std::string::npos);
        CHECK(one_line(run.err));
    }
    const Run check = run_cli("check -d " + no_tab.string() + " " + seed, dir);
    CHECK(check.exit_code == 1);
    CHECK(check.out.empty());
}

TEST_CASE("every subcommand takes -o and writes there what it would print", "[cli][output]") {
    if (!cli_built()) return;
    TempDir dir;
    for (const Command& command : every_command(dir)) {
        INFO(command.arguments);
        const Run printed = run_cli(command.arguments, dir);
        REQUIRE(printed.exit_code == 0);
        const fs::path target = dir.path() / (command.name + ".out");
        const Run written = run_cli(command.name + " -o " + target.string() + command.arguments.substr(command.name.size()), dir);
        CHECK(written.exit_code == 0);
        CHECK(written.out.empty());
        CHECK(read_file(target) == printed.out);
    }
}

TEST_CASE("output: -o keeps a file's permissions, follows a symlink, and writes into a FIFO or a device in place", "[cli][output]") {
    if (!cli_built()) return;
    TempDir dir;
    const Run printed = run_cli("segment " + seed, dir);
    REQUIRE(printed.exit_code == 0);
    REQUIRE_FALSE(printed.out.empty());

    SECTION("a 0600 file stays 0600") {
        const fs::path target = dir.write("private.txt", "old\n");
        fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
        REQUIRE(run_cli("segment -o " + target.string() + " " + seed, dir).exit_code == 0);
        CHECK(read_file(target) == printed.out);
        CHECK((fs::status(target).permissions() & fs::perms::all) == (fs::perms::owner_read | fs::perms::owner_write));
    }
    SECTION("a symlink stays a link and its target gets the output") {
        const fs::path target = dir.write("real.txt", "old\n");
        fs::create_directories(dir.path() / "links");
        const fs::path link = dir.path() / "links" / "link.txt";
        fs::create_symlink("../real.txt", link);  // relative to the link's directory
        REQUIRE(run_cli("segment -o " + link.string() + " " + seed, dir).exit_code == 0);
        CHECK(fs::is_symlink(link));
        CHECK(read_file(target) == printed.out);
        for (const auto& entry : fs::directory_iterator(dir.path() / "links")) CHECK(entry.path() == link);
    }
    SECTION("a FIFO is written into, not replaced") {
        const fs::path fifo = dir.path() / "fifo";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        std::string received;
        std::thread reader([&] { received = read_file(fifo); });
        const Run run = run_cli("segment -o " + fifo.string() + " " + seed, dir);
        reader.join();
        CHECK(run.exit_code == 0);
        CHECK(received == printed.out);
        CHECK(fs::is_fifo(fs::symlink_status(fifo)));
    }
    SECTION("a character device (a /dev/null of our own) stays a device") {
        const fs::path device = dir.path() / "null";
        if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
            // Without the right to make device nodes, the system's /dev/null itself.
            REQUIRE(fs::is_character_file(fs::symlink_status("/dev/null")));
            REQUIRE(run_cli("segment -o /dev/null " + seed, dir).exit_code == 0);
            CHECK(fs::is_character_file(fs::symlink_status("/dev/null")));
            return;
        }
        REQUIRE(run_cli("segment -o " + device.string() + " " + seed, dir).exit_code == 0);
        CHECK(fs::is_character_file(fs::symlink_status(device)));
    }
    SECTION("a directory is refused") {
        const Run run = run_cli("segment -o " + dir.path().string() + " " + seed, dir);
        CHECK(run.exit_code == 1);
        CHECK(run.err.find("is a directory") != std::string::npos);
    }
}

TEST_CASE("SIGTERM and SIGINT remove the temporary file of -o", "[cli][output][signal]") {
    if (!cli_built()) return;
    TempDir dir;
    // Enough articles that the run is still going when the signal comes.
    const std::string article = read_file(seed);
    std::string big;
    while (big.size() < 3'000'000) big += article + "\n";
    const fs::path input = dir.write("big.txt", big);
    fs::create_directories(dir.path() / "out");
    const fs::path target = dir.path() / "out" / "aligned.tmx";
    for (int signal_number : {SIGTERM, SIGINT}) {
        INFO("signal " << signal_number);
        pid_t pid = 0;
        std::vector<std::string> strings{SUMMALIGN_CLI_PATH, "align", "--format", "tmx", "-o", target.string(), input.string()};
        std::vector<char*> argv;
        for (auto& s : strings) argv.push_back(s.data());
        argv.push_back(nullptr);
        // A child of a test runner may start with SIGINT ignored; the command keeps an ignored
        // signal ignored, so reset it for the child as a shell in the foreground does.
        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        sigset_t defaults;
        sigemptyset(&defaults);
        sigaddset(&defaults, SIGINT);
        sigaddset(&defaults, SIGTERM);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
        REQUIRE(posix_spawn(&pid, argv[0], nullptr, &attributes, argv.data(), environ) == 0);
        posix_spawnattr_destroy(&attributes);
        // Wait until the temporary file exists, then interrupt.
        bool seen = false;
        for (int i = 0; i < 3000 && !seen; ++i) {
            for (const auto& entry : fs::directory_iterator(dir.path() / "out"))
                seen = seen || entry.path().filename().string().find(".tmp-") != std::string::npos;
            if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        CHECK(seen);
        ::kill(pid, signal_number);
        int status = 0;
        ::waitpid(pid, &status, 0);
        CHECK(WIFSIGNALED(status));
        if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == signal_number);
        CHECK(fs::is_empty(dir.path() / "out"));
    }
}

TEST_CASE("a command that finds no learned lexicon or glossary says so, once per source, and still aligns", "[cli][data]") {
    if (!cli_built()) return;
    TempDir dir;
    // A copy outside the build tree looks for its data beside itself (share/summalign) and
    // in the configured prefix, where a clean machine has none.
    fs::create_directories(dir.path() / "bin");
    const fs::path copy = dir.path() / "bin" / "summalign";
    fs::copy_file(SUMMALIGN_CLI_PATH, copy);
    const auto da = dir.write("lines.da.txt", "Hunden sover.\nJeg drikker kaffe.\n");
    const auto en = dir.write("lines.en.txt", "I drink coffee.\nThe dog sleeps.\n");
    const auto run = [&](const std::string& flags) {
        Run result;
        const fs::path out = dir.path() / "out", err = dir.path() / "err";
        result.exit_code = shell("env -u SUMMALIGN_DATA_DIR LC_ALL=C.UTF-8 " + copy.string() + " align-text " + flags + " " + da.string() +
                                 " " + en.string() + " >" + out.string() + " 2>" + err.string());
        result.out = read_file(out);
        result.err = read_file(err);
        return result;
    };
    const Run bare = run("");
    CHECK(bare.exit_code == 0);
    CHECK(!bare.out.empty());
    CHECK(bare.err.find("warning: no learned lexicon") != std::string::npos);
    CHECK(bare.err.find("lexicon-learned.bin") != std::string::npos);
    CHECK(bare.err.find("warning: no glossary lexicon") != std::string::npos);
    CHECK(std::count(bare.err.begin(), bare.err.end(), '\n') == 2);
    // Asked not to use them: nothing to say.
    const Run without = run("--no-learned --no-glossary");
    CHECK(without.exit_code == 0);
    CHECK(without.err.empty());
}

TEST_CASE("threads: -j/--threads 0 is one per core, more than the cores is cut with a warning, output unchanged", "[cli][threads]") {
    if (!cli_built()) return;
    TempDir dir;
    for (const std::string command : {"align --format jsonl", "check", "parse"}) {
        INFO(command);
        const Run one = run_cli(command + " -j 1 " + seed, dir);
        REQUIRE(one.exit_code == 0);
        const Run per_core = run_cli(command + " --threads 0 " + seed, dir);
        CHECK(per_core.exit_code == 0);
        CHECK(per_core.out == one.out);
        CHECK(per_core.err.empty());
        const Run many = run_cli(command + " --threads 4096 " + seed, dir);
        CHECK(many.exit_code == 0);
        CHECK(many.out == one.out);
        CHECK(many.err.find("warning: --threads 4096 is more than the") != std::string::npos);
        CHECK(one_line(many.err));
    }
    for (const std::string& command : std::vector<std::string>{"segment -j 2 " + seed, "mine -j 0 " + seed + " " + seed}) {
        INFO(command);
        CHECK(run_cli(command, dir).exit_code == 0);
    }
}

TEST_CASE("a PDF given to a plain-text command is named as a PDF, with what to do", "[cli][usage]") {
    if (!cli_built()) return;
    TempDir dir;
    // A PDF's first line and its binary comment (not UTF-8), as PDF writers start files.
    const auto binary_pdf = dir.write("binary.pdf", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n");
    const auto ascii_pdf = dir.write("ascii.pdf", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
    const auto text = dir.write("text.txt", "Hunden sover.\n");
    for (const auto& pdf : {binary_pdf, ascii_pdf}) {
        for (const std::string& command : std::vector<std::string>{"segment " + pdf.string(),
                                                                   "align-text " + pdf.string() + " " + text.string(),
                                                                   "mine " + text.string() + " " + pdf.string()}) {
            INFO(command);
            const Run run = run_cli(command, dir);
            CHECK(run.exit_code == 1);
            CHECK(run.out.empty());
            CHECK(run.err.find("this is a PDF") != std::string::npos);
            CHECK(run.err.find("parse --format source") != std::string::npos);
            CHECK(run.err.find("iconv") == std::string::npos);
            CHECK(one_line(run.err));
        }
    }
}

TEST_CASE("align-text and mine take two directories: their *.txt files paired by relative path", "[cli][dirs]") {
    if (!cli_built()) return;
    TempDir dir;
    for (const char* side : {"da", "en", "da/sub", "en/sub"}) fs::create_directories(dir.path() / side);
    dir.write("da/a.txt", "Hunden sover.\nKatten spiser. Den er sulten.\n");
    dir.write("en/a.txt", "The dog sleeps.\nThe cat eats.\nIt is hungry.\n");
    dir.write("da/sub/b.txt", "Jeg drikker kaffe.\nHunden sover.\n");
    dir.write("en/sub/b.txt", "The dog sleeps.\nI drink coffee.\n");
    dir.write("da/notes.md", "not a text input\n");  // only *.txt files are paired
    const std::string da = (dir.path() / "da").string(), en = (dir.path() / "en").string();
    for (const std::string command : {"align-text", "mine"}) {
        INFO(command);
        // What each pair gives on its own, every line with the pair's relative path in front.
        std::string expected;
        for (const std::string name : {"a.txt", "sub/b.txt"}) {
            const Run alone = run_cli(command + " " + da + "/" + name + " " + en + "/" + name, dir);
            REQUIRE(alone.exit_code == 0);
            REQUIRE(!alone.out.empty());
            std::istringstream lines(alone.out);
            for (std::string line; std::getline(lines, line);) expected += name + "\t" + line + "\n";
        }
        const Run both = run_cli(command + " " + da + " " + en, dir);
        CHECK(both.exit_code == 0);
        CHECK(both.err.empty());
        CHECK(both.out == expected);
        // -o and -j as in two-file mode.
        const auto out = dir.path() / "out.tsv";
        const Run to_file = run_cli(command + " -j 2 -o " + out.string() + " " + da + " " + en, dir);
        CHECK(to_file.exit_code == 0);
        CHECK(to_file.out.empty());
        CHECK(read_file(out) == expected);
        fs::remove(out);
    }

    // A file without a partner: one line naming it, exit 1, nothing written (not even -o's file).
    dir.write("en/sub/c.txt", "Only in English.\n");
    const auto out = dir.path() / "unpaired.tsv";
    for (const std::string command : {"align-text", "mine"}) {
        INFO(command);
        const Run unpaired = run_cli(command + " " + da + " " + en, dir);
        CHECK(unpaired.exit_code == 1);
        CHECK(unpaired.out.empty());
        CHECK(one_line(unpaired.err));
        CHECK(unpaired.err.find((fs::path(en) / "sub" / "c.txt").string()) != std::string::npos);
        const Run unpaired_o = run_cli(command + " -o " + out.string() + " " + da + " " + en, dir);
        CHECK(unpaired_o.exit_code == 1);
        CHECK(!fs::exists(out));
        // A directory beside a file is a usage error that names the directory.
        const Run mixed = run_cli(command + " " + da + " " + en + "/a.txt", dir);
        CHECK(mixed.exit_code == 2);
        CHECK(mixed.out.empty());
        CHECK(one_line(mixed.err));
        CHECK(mixed.err.find(da) != std::string::npos);
    }
}
