// Replays every input the fuzzers ever crashed on (tests/fuzz/regressions/<target>/) and
// every seed input (tests/fuzz/corpus/<target>/) through the same entry points the
// libFuzzer programs use, in the normal build: a fixed bug stays fixed without clang.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/entry_points.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;

using summalign::test::read_file;

namespace {

std::vector<fs::path> inputs_in(const fs::path& directory) {
    std::vector<fs::path> files;
    if (!fs::is_directory(directory)) return files;
    for (const auto& entry : fs::directory_iterator(directory))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

void replay(const std::string& kind) {
    const fs::path root = fs::path(SUMMALIGN_TEST_SOURCE_DIR) / "tests" / "fuzz" / kind;
    std::size_t replayed = 0;
    for (const auto target : summalign::fuzz::kTargets) {
        for (const auto& file : inputs_in(root / std::string(target))) {
            INFO("target " << target << ", input " << file.string());
            const std::string bytes = read_file(file);
            REQUIRE_NOTHROW(summalign::fuzz::run_target(target, bytes));
            ++replayed;
        }
    }
    // The seed corpora are committed, so finding none means the test looks in the wrong place.
    if (kind == "corpus") REQUIRE(replayed > 0);
}

}  // namespace

TEST_CASE("fuzz seed inputs run cleanly through every entry point", "[fuzz]") {
    replay("corpus");
}

TEST_CASE("inputs that once crashed a fuzzer now run cleanly", "[fuzz]") {
    replay("regressions");
}

TEST_CASE("a broken invariant is reported, not ignored", "[fuzz]") {
    // The entry points must be able to fail: a check that can never fire proves nothing.
    REQUIRE_THROWS_AS(summalign::fuzz::expect(false, "deliberately broken"), summalign::fuzz::InvariantViolation);
    REQUIRE_THROWS_AS(summalign::fuzz::run_target("no-such-target", ""), std::invalid_argument);
    summalign::fuzz::expect_span(0, 3, 3, "inside");
    REQUIRE_THROWS_AS(summalign::fuzz::expect_span(2, 4, 3, "outside"), summalign::fuzz::InvariantViolation);
}
