#include "summalign/data.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "summalign/error.hpp"

namespace summalign {

std::filesystem::path find_data_file(const std::string& name) {
    std::vector<std::filesystem::path> candidates;
    if (const char* dir = std::getenv("SUMMALIGN_DATA_DIR"); dir && *dir) candidates.emplace_back(dir);
    candidates.emplace_back(SUMMALIGN_BUILD_DATA_DIR);
    candidates.emplace_back(SUMMALIGN_SOURCE_DATA_DIR);
    candidates.emplace_back(SUMMALIGN_INSTALL_DATA_DIR);
    for (const auto& dir : candidates) {
        std::error_code ec;
        auto path = dir / name;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    throw Error(name, std::nullopt,
                "data file not found (looked in $SUMMALIGN_DATA_DIR, " SUMMALIGN_BUILD_DATA_DIR ", " SUMMALIGN_SOURCE_DATA_DIR
                ", " SUMMALIGN_INSTALL_DATA_DIR ")");
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
