// Small helpers the test programs share: reading a file whole, the seed document's path, a
// scratch directory of one's own, the message of a summalign::Error, and running the CLI.
// Include after <catch2/catch.hpp>.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "summalign/error.hpp"

namespace summalign::test {

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

inline std::filesystem::path source_dir() { return SUMMALIGN_TEST_SOURCE_DIR; }

// Empty when `got` equals `expected`; otherwise where they first differ, with the line and a
// little text of each around it. Outputs of megabytes are compared with this, so that a
// failure reports the place instead of printing both outputs whole.
inline std::string first_difference(const std::string& got, const std::string& expected) {
    if (got == expected) return {};
    std::size_t at = 0;
    while (at < got.size() && at < expected.size() && got[at] == expected[at]) ++at;
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(expected.begin(), expected.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    const std::size_t from = at > 160 ? at - 160 : 0;
    auto around = [&](const std::string& text) { return from < text.size() ? text.substr(from, 320) : std::string("(ended)"); };
    return "sizes " + std::to_string(got.size()) + " and " + std::to_string(expected.size()) + "; first difference at byte " +
           std::to_string(at) + " (line " + std::to_string(line) + ")\n--- got:\n" + around(got) + "\n--- expected:\n" +
           around(expected);
}

inline std::filesystem::path seed_path() { return source_dir() / "corpus" / "ugeskr-2003-165-stamceller.txt"; }

// The hand-written gold for the seed: kind is "structure" or "alignment".
inline std::filesystem::path seed_gold_path(const std::string& kind) {
    return source_dir() / "corpus" / "gold" / ("ugeskr-2003-165-stamceller." + kind + ".json");
}

// CTest runs the test cases of one program as separate processes in parallel, so a scratch
// directory is named after the process and a counter, never shared.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = std::filesystem::temp_directory_path() /
                ("summalign-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::filesystem::path write(const std::string& name, const std::string& content) const {
        std::ofstream(path_ / name, std::ios::binary) << content;
        return path_ / name;
    }

private:
    std::filesystem::path path_;
};

// The message of the summalign::Error that `action` throws, or a text saying it threw none.
inline std::string error_message(const std::function<void()>& action) {
    try {
        action();
    } catch (const summalign::Error& e) {
        return e.what();
    }
    return "(no summalign::Error thrown)";
}

// True when the summalign CLI is built; otherwise the test says it is skipped.
inline bool cli_built() {
    if (std::filesystem::exists(SUMMALIGN_CLI_PATH)) return true;
    WARN("skipped: the summalign CLI is not built at " SUMMALIGN_CLI_PATH);
    return false;
}

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs the CLI with `arguments` (quoted for the shell by the caller) under `timeout` with stdin
// from /dev/null, so that a hang fails the test instead of blocking it; stdout and stderr pass
// through files in `scratch`. The messages' language is set (English, the C locale), so that
// the tester's own locale (LANG=da_DK.UTF-8) never changes what a test sees; a test of the
// language the environment chooses sets it itself.
inline CliRun run_cli(const std::string& arguments, const std::filesystem::path& scratch, int timeout_seconds = 300) {
    const auto out = scratch / "stdout", err = scratch / "stderr";
    const std::string command = "env -u LANGUAGE -u LC_MESSAGES LC_ALL=C.UTF-8 LANG=C.UTF-8 timeout " + std::to_string(timeout_seconds) +
                                " '" SUMMALIGN_CLI_PATH "' " + arguments +
                                " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int status = std::system(command.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = read_file(out);
    run.err = read_file(err);
    return run;
}

}  // namespace summalign::test
