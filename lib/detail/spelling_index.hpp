#pragma once
// The spelling candidate index ("spelling-index.bin"): every word form Hunspell accepts for
// da_DK and for en_US + en_GB (each dictionary word with the suffixes its flags allow, as
// Hunspell's own suffix_suggest expands them, plus the team's medical lists), as one
// open-addressing table of word fingerprints per language, memory-mapped and probed in place.
// Suggestions are the index's words within an edit or two of a misspelling
// (check_spelling.cpp): a few hundred probes instead of Hunspell's suggest(), which costs
// 60-160 ms for a Danish word.
//
// The table keeps a 32-bit fingerprint of each word's 64-bit hash, not its bytes: the
// probes of one misspelling land all over the table, and a table of 4-byte slots at three
// quarters full (about 9.6 MB for both languages) is what becomes resident, where slots
// with offsets into the words' bytes made about 34 MB resident after ~70 articles. The
// price is a false "yes" for a non-word whose hash matches a fingerprint in its probe run:
// about 8.5 slots are compared per absent word, so about 2e-9 per lookup (and a suggestion
// is confirmed by Hunspell before it is used).
//
// Layout (integers little-endian, offsets from the start of the file):
//   header   magic "SUMMASPL", u32 version (2), u32 language count (2), u64 file size,
//            u64 dictionary fingerprint,
//            2 x { u64 slots offset, u64 slot count (< 2^32), u64 word count }
//            (language 0 = Danish, 1 = English)
//   slots    per slot a u32: 0 = empty, else 1 + (hash mod 0xFFFFFFFE) of a word (never
//            0xFFFFFFFF); a word is in its home slot ((hash >> 32) * count) >> 32 or after
//            it (linear probing, wrapping around)
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "detail/mapped_file.hpp"
#include "summalign/segment.hpp"

namespace summalign::detail {

inline constexpr std::string_view spelling_index_magic = "SUMMASPL";
inline constexpr std::uint32_t spelling_index_version = 2;
inline constexpr std::string_view spelling_index_file_name = "spelling-index.bin";

// A fingerprint of the Hunspell dictionaries an index was built from (the sizes of the .dic
// and .aff files of da_DK, en_US and en_GB where find_hunspell_dictionary finds them in
// `dictionary_dirs`, 0 for one not found; not their times, which a
// reinstall of the same package changes): a reader ignores an index built from other
// dictionaries than the ones it checks with. A new dictionary of the same sizes goes unseen.
std::uint64_t dictionary_fingerprint(const std::vector<std::filesystem::path>& dictionary_dirs);

// Serialises the word forms of each language (duplicates are dropped).
std::string encode_spelling_index(const std::vector<std::string>& danish, const std::vector<std::string>& english,
                                  std::uint64_t fingerprint);
// Writes encode_spelling_index(...) through a temporary file and a rename.
void write_spelling_index(const std::filesystem::path& path, const std::vector<std::string>& danish,
                          const std::vector<std::string>& english, std::uint64_t fingerprint);

// A validated read-only view of an index file; a bad file throws Error naming the file and
// the byte offset of the first bad field. Move-only; const use is thread-safe.
class MappedSpellingIndex {
public:
    explicit MappedSpellingIndex(const std::filesystem::path& path);
    // Over bytes the caller keeps alive (tests, fuzzing).
    MappedSpellingIndex(std::string_view bytes, std::string name);
    MappedSpellingIndex(MappedSpellingIndex&& other) noexcept = default;
    MappedSpellingIndex& operator=(MappedSpellingIndex&& other) noexcept = default;
    MappedSpellingIndex(const MappedSpellingIndex&) = delete;
    MappedSpellingIndex& operator=(const MappedSpellingIndex&) = delete;

    // Whether `word` (exact bytes) is a form of the language (see above for the odds of a
    // false yes).
    bool contains(Lang lang, std::string_view word) const noexcept;

    // The word hash fed in pieces: the state after a word's first letters serves every
    // string that begins with them (the variants one edit from a word share all but a
    // letter or two, and hashing each whole costs as much as its probe).
    class Hasher {
    public:
        void feed(std::string_view bytes) noexcept {
            for (const char c : bytes) {
                state_ ^= static_cast<unsigned char>(c);
                state_ *= 1099511628211ull;
            }
            fed_ += bytes.size();
        }
        std::size_t bytes_fed() const noexcept { return fed_; }

    private:
        friend class MappedSpellingIndex;
        std::uint64_t state_ = 1469598103934665603ull;
        std::size_t fed_ = 0;
    };
    // contains() of the bytes fed to `hasher`.
    bool contains(Lang lang, const Hasher& hasher) const noexcept;
    std::size_t word_count(Lang lang) const noexcept;
    std::uint64_t fingerprint() const noexcept { return fingerprint_; }
    std::size_t size_bytes() const noexcept { return bytes_.size(); }

private:
    struct Table {
        std::size_t slots_offset = 0;
        std::size_t slot_count = 0;
        std::size_t word_count = 0;
    };
    void validate(const std::string& name);
    bool contains_hash(Lang lang, std::uint64_t hash) const noexcept;

    MappedFile file_;  // empty when bytes_ belongs to the caller
    std::string_view bytes_;
    std::uint64_t fingerprint_ = 0;
    Table tables_[2];
};

}  // namespace summalign::detail
