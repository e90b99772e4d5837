#pragma once
// Liang's hyphenation patterns, read by libhyphen: Debian's hyphen-da and hyphen-en-us and
// plain TeX's US English patterns, completed at build time (cmake/hyphenation.cmake) into the
// data files hyph_da_DK.dic, hyph_en_US.dic and hyph_en_US_tex.dic. TeX (babel's Danish: the
// same patterns; its English: plain TeX's) and groff (plain TeX's US English ones) break
// words only where such patterns allow; a line-end hyphen at a point that no pattern set
// allows was not put there by a typesetter (docs/layout.md, section 2, rule 6a).
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

namespace summalign::detail {

// The data file names of the pattern sets, Danish first; plain TeX's US English patterns
// (what TeX's English and groff break by) beside LibreOffice's, which refuse some of them.
inline constexpr std::string_view danish_patterns_file = "hyph_da_DK.dic";
inline constexpr std::string_view english_patterns_file = "hyph_en_US.dic";
inline constexpr std::string_view tex_english_patterns_file = "hyph_en_US_tex.dic";

class HyphenationPatterns {
public:
    // Loads each of `files` that exists and libhyphen can read; others are left out (empty()
    // says whether any was loaded).
    explicit HyphenationPatterns(const std::vector<std::filesystem::path>& files);
    ~HyphenationPatterns();
    HyphenationPatterns(const HyphenationPatterns&) = delete;
    HyphenationPatterns& operator=(const HyphenationPatterns&) = delete;

    bool empty() const noexcept;
    // Whether some pattern set allows a break in the lower-case UTF-8 `word` after its first
    // `left` code points; nothing when no set is loaded or a set cannot spell the word
    // (a letter outside its encoding, a digit or a sign: no pattern speaks of those).
    std::optional<bool> allows_break(std::string_view word, std::size_t left) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign::detail
