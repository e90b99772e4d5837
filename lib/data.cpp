#include "summalign/data.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "summalign/error.hpp"

namespace summalign {
namespace {

namespace fs = std::filesystem;

// The file a function of this library was loaded from: the shared library, or the program
// (or Python module) the static library was linked into.
std::optional<fs::path> library_file() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<const void*>(&find_data_file), &info) == 0 || info.dli_fname == nullptr ||
        *info.dli_fname == '\0')
        return std::nullopt;
    std::error_code ec;
    auto path = fs::canonical(info.dli_fname, ec);  // dladdr may give the program's name as it was started
    if (ec) return std::nullopt;
    return path;
}

std::optional<fs::path> program_file() {
    std::error_code ec;
    auto path = fs::canonical("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    return path;
}

bool inside(const fs::path& file, const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical_dir = fs::weakly_canonical(dir, ec);
    if (ec) return false;
    const auto mismatch = std::mismatch(canonical_dir.begin(), canonical_dir.end(), file.begin(), file.end());
    return mismatch.first == canonical_dir.end();
}

// Where to look, first to last (data.hpp says why in this order).
std::vector<fs::path> data_directories() {
    std::vector<fs::path> dirs;
    if (const char* dir = std::getenv("SUMMALIGN_DATA_DIR"); dir && *dir) dirs.emplace_back(dir);

    std::vector<fs::path> binaries;
    if (auto file = library_file()) binaries.push_back(*file);
    if (auto file = program_file(); file && (binaries.empty() || *file != binaries.front())) binaries.push_back(*file);

    // Programs of the build tree read the data being developed: generated files in the build
    // tree, the rest in the source tree. So does a program whose location is unknown.
    bool in_build_tree = binaries.empty();
    for (const auto& binary : binaries) in_build_tree = in_build_tree || inside(binary, SUMMALIGN_BUILD_DIR);
    if (in_build_tree) {
        dirs.emplace_back(SUMMALIGN_BUILD_DATA_DIR);
        dirs.emplace_back(SUMMALIGN_SOURCE_DATA_DIR);
    } else {
        // An installed copy: share/summalign of the prefix it was installed into, wherever
        // that is now (the relative paths come from the installed layout, install.cmake).
        for (const auto& binary : binaries) {
            std::string_view relative = SUMMALIGN_RELATIVE_DATA_DIRS;
            while (!relative.empty()) {
                const auto colon = relative.find(':');
                dirs.push_back((binary.parent_path() / relative.substr(0, colon)).lexically_normal());
                relative = colon == std::string_view::npos ? std::string_view{} : relative.substr(colon + 1);
            }
        }
    }
    dirs.emplace_back(SUMMALIGN_INSTALL_DATA_DIR);
    return dirs;
}

}  // namespace

std::filesystem::path find_data_file(const std::string& name) {
    const auto dirs = data_directories();
    for (const auto& dir : dirs) {
        std::error_code ec;
        auto path = dir / name;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    std::string looked;
    for (const auto& dir : dirs) {
        if (!looked.empty()) looked += ", ";
        looked += dir.string();
    }
    throw Error(name, std::nullopt, "data file not found (looked in " + looked + "; set SUMMALIGN_DATA_DIR to its folder)");
}

std::string read_data_file(const std::string& name) {
    const auto path = find_data_file(name);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), std::nullopt, "cannot open data file");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace summalign
