#pragma once
// The spelling candidate index ("spelling-index.bin"): every word form Hunspell accepts for
// da_DK and for en_US + en_GB (each dictionary word with the suffixes its flags allow, as
// Hunspell's own suffix_suggest expands them, plus the team's medical lists), in one
// open-addressing hash table per language, memory-mapped and probed in place. Suggestions
// are the index's words within an edit or two of a misspelling (check_spelling.cpp): a few
// hundred probes instead of Hunspell's suggest(), which costs 60-160 ms for a Danish word.
//
// Layout (integers little-endian, offsets from the start of the file):
//   header   magic "SUMMASPL", u32 version (1), u32 language count (2), u64 file size,
//            u64 strings offset, u64 strings size, u64 dictionary fingerprint,
//            2 × { u64 slots offset, u64 slot count (a power of two), u64 word count }
//            (language 0 = Danish, 1 = English)
//   slots    per slot: u32 offset into strings, u32 byte length (0 = empty slot);
//            a word is in slot fnv1a(word) & (count - 1) or after it (linear probing)
//   strings  UTF-8 bytes of the words
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
inline constexpr std::uint32_t spelling_index_version = 1;
inline constexpr std::string_view spelling_index_file_name = "spelling-index.bin";

// A fingerprint of the Hunspell dictionaries an index was built from (the sizes of the .dic
// and .aff files of da_DK, en_US and en_GB in `dictionary_dir`; not their times, which a
// reinstall of the same package changes): a reader ignores an index built from other
// dictionaries than the ones it checks with. A new dictionary of the same sizes goes unseen.
std::uint64_t dictionary_fingerprint(const std::filesystem::path& dictionary_dir);

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

    // Whether `word` (exact bytes) is a form of the language.
    bool contains(Lang lang, std::string_view word) const noexcept;
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

    MappedFile file_;  // empty when bytes_ belongs to the caller
    std::string_view bytes_;
    std::size_t strings_offset_ = 0;
    std::size_t strings_size_ = 0;
    std::uint64_t fingerprint_ = 0;
    Table tables_[2];
};

}  // namespace summalign::detail
