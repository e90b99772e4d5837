#pragma once
// Which LibreOffice help pages are held out of lexicon training so that alignment can be
// evaluated on text the learned lexicon has never seen.
//
// Rule: a page is held out when the 64-bit FNV-1a hash of its path relative to the
// language directory, with '/' separators (e.g. "text/shared/optionen/01020000.html",
// the same for .../help/da/ and .../help/en-US/), is 0 modulo 10. About one page in ten.
// Trainers (learn-lexicon) must skip held-out pages; benchmarks evaluate only on them.
#include <cstdint>
#include <string_view>

namespace summalign::detail {

constexpr std::uint64_t fnv1a64(std::string_view bytes) noexcept {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash;
}

constexpr bool is_heldout_page(std::string_view relative_path) noexcept {
    // Tolerate a leading "./" or "/" so that callers need not normalise.
    while (!relative_path.empty() && (relative_path.front() == '/' || relative_path.starts_with("./")))
        relative_path.remove_prefix(relative_path.front() == '/' ? 1 : 2);
    return fnv1a64(relative_path) % 10 == 0;
}

}  // namespace summalign::detail
