// Small helpers the test programs share: reading a file whole, the seed document's path, a
// scratch directory of one's own, and the message of a summalign::Error.
#pragma once

#include <unistd.h>

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

}  // namespace summalign::test
