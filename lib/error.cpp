#include "summalign/error.hpp"

#include <fmt/format.h>

namespace summalign {
namespace {
std::string describe(const std::string& file, const std::optional<std::size_t>& offset, const std::string& what) {
    if (offset) return fmt::format("{}: byte {}: {}", file, *offset, what);
    return fmt::format("{}: {}", file, what);
}
}  // namespace

Error::Error(const std::string& what) : std::runtime_error(what) {}

Error::Error(std::string file, std::optional<std::size_t> offset, const std::string& what)
    : std::runtime_error(describe(file, offset, what)), file_(std::move(file)), offset_(offset) {}

}  // namespace summalign
