#include "detail/hyphenation_patterns.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <string>

#include "detail/utf8.hpp"

namespace summalign::detail {

namespace {

struct DictionaryDeleter {
    void operator()(HyphenDict* dictionary) const { hnj_hyphen_free(dictionary); }
};

// The word in the set's encoding: UTF-8 as it is, ISO 8859-1 letter by letter; nothing
// where the encoding has no such letter.
std::optional<std::string> encode(const HyphenDict& dictionary, std::string_view word) {
    if (dictionary.utf8) return std::string(word);
    if (std::string_view(dictionary.cset) != "ISO8859-1") return std::nullopt;
    std::string out;
    for (std::size_t i = 0, n = 0; i < word.size(); i += n) {
        const char32_t c = code_point_at(word, i, n);
        if (c > 0xFF) return std::nullopt;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

}  // namespace

struct HyphenationPatterns::Impl {
    std::vector<std::unique_ptr<HyphenDict, DictionaryDeleter>> sets;
    // libhyphen keeps no state between calls, but says nothing of threads: one at a time.
    mutable std::mutex mutex;
};

HyphenationPatterns::HyphenationPatterns(const std::vector<std::filesystem::path>& files)
    : impl_(std::make_unique<Impl>()) {
    for (const auto& file : files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) continue;
        if (HyphenDict* loaded = hnj_hyphen_load(file.c_str())) impl_->sets.emplace_back(loaded);
    }
}

HyphenationPatterns::~HyphenationPatterns() = default;

bool HyphenationPatterns::empty() const noexcept { return impl_->sets.empty(); }

std::optional<bool> HyphenationPatterns::allows_break(std::string_view word, std::size_t left) const {
    if (impl_->sets.empty() || left == 0) return std::nullopt;
    for (std::size_t i = 0, n = 0; i < word.size(); i += n)
        if (!is_letter(code_point_at(word, i, n))) return std::nullopt;
    std::lock_guard lock(impl_->mutex);
    for (const auto& set : impl_->sets) {
        const auto encoded = encode(*set, word);
        if (!encoded) return std::nullopt;
        const int size = static_cast<int>(encoded->size());
        std::string hyphens(encoded->size() + 5, '\0');
        std::string marked(encoded->size() * 2 + 5, '\0');
        char** rep = nullptr;
        int* pos = nullptr;
        int* cut = nullptr;
        // The smallest distances from the word's ends the set allows (its own LEFTHYPHENMIN
        // and RIGHTHYPHENMIN, where it has them, still hold).
        hnj_hyphen_hyphenate3(set.get(), encoded->c_str(), size, hyphens.data(), marked.data(), &rep, &pos, &cut,
                              1, 1, 1, 1);
        if (rep) {
            for (int k = 0; k < size; ++k) std::free(rep[k]);
            std::free(rep);
        }
        std::free(pos);
        std::free(cut);
        // The marked word has "=" at each break: count the letters before each.
        std::size_t letters = 0;
        for (const char c : std::string_view(marked.c_str())) {
            if (c == '=') {
                if (letters == left) return true;
                continue;
            }
            // A UTF-8 set counts code points: continuation bytes are no letters of their own.
            if (!set->utf8 || (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++letters;
        }
    }
    return false;
}

}  // namespace summalign::detail
