#pragma once
// The compact binary lexicon file ("lexicon-learned.bin"): both directions' headwords in
// sorted tables over one string pool, memory-mapped and searched in place, so loading
// costs one mmap and one validation pass instead of parsing.
//
// Layout (all integers little-endian, offsets from the start of the file):
//   header      magic "SUMMALEX", u32 version (1), u32 reserved (0), u64 file size,
//               u64 strings offset, u64 strings size,
//               2 × { u64 heads offset, u64 head count, u64 translations offset,
//                     u64 translation count }   (direction 0 = da→en, 1 = en→da),
//               u32 source mask (bit 1<<Source of every source the file holds), u32 reserved,
//               u64 FreeDict fingerprint, u64 glossary fingerprint (source_fingerprint of
//               the files the bundled entries came from, so a reader can tell they are current)
//   heads       per headword: u32 key offset, u32 key length (into strings),
//               u32 first translation, u32 translation count; sorted by key bytes
//   translations u32 target offset, u32 target length, f32 probability, u32 source
//   strings     UTF-8 bytes, each distinct string stored once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "detail/lexicon_tables.hpp"
#include "detail/mapped_file.hpp"
#include "summalign/lexicon.hpp"

namespace summalign::detail {

inline constexpr std::string_view lexicon_binary_magic = "SUMMALEX";
inline constexpr std::uint32_t lexicon_binary_version = 1;

enum class Direction { da_to_en = 0, en_to_da = 1 };

constexpr std::uint32_t source_bit(Translation::Source source) noexcept { return 1u << static_cast<unsigned>(source); }

// Which sources a file holds, and fingerprints of the files FreeDict and glossary entries
// were read from.
struct BundleInfo {
    std::uint32_t source_mask = 0;
    std::uint64_t freedict_fingerprint = 0;
    std::uint64_t glossary_fingerprint = 0;
};

// Serialises the tables of one or more sources. Each source's list for a headword is
// kept as it is (best first), one after the other, so that a reader that leaves a
// source out sees exactly what the other sources alone would give; readers merge a
// target that several sources list (see merge_translation).
std::string encode_lexicon_binary(const std::vector<const BilingualTables*>& sources, const BundleInfo& bundle);

// Writes encode_lexicon_binary(...) to `path` through a temporary file and a rename, so a
// reader never sees a half-written file.
void write_lexicon_binary(const std::filesystem::path& path, const std::vector<const BilingualTables*>& sources, const BundleInfo& bundle);

// A validated, read-only view of a lexicon file. Every offset and count is checked when
// the file is opened, so lookups need no further checks; a bad file throws Error with the
// file name and the byte offset of the first bad field. Move-only; const use is thread-safe.
class MappedLexicon {
public:
    // Maps and validates `path`.
    explicit MappedLexicon(const std::filesystem::path& path);
    // Validates bytes that the caller keeps alive (for tests and fuzzing); `name` is used
    // in error messages.
    MappedLexicon(std::string_view bytes, std::string name);
    MappedLexicon(MappedLexicon&& other) noexcept = default;
    MappedLexicon& operator=(MappedLexicon&& other) noexcept = default;
    MappedLexicon(const MappedLexicon&) = delete;
    MappedLexicon& operator=(const MappedLexicon&) = delete;

    // Translations of `key` (lexicon-key form) from the sources in `source_mask`, best
    // first as written; empty if absent.
    std::vector<Translation> lookup(Direction direction, std::string_view key, std::uint32_t source_mask = ~0u) const;
    bool contains(Direction direction, std::string_view key, std::uint32_t source_mask = ~0u) const;
    // Whether some key begins with `prefix`, from any source.
    bool has_prefix(Direction direction, std::string_view prefix) const;
    const BundleInfo& bundle() const noexcept { return bundle_; }
    std::size_t headword_count(Direction direction) const noexcept;
    // Translations stored for `direction` from the sources in `source_mask`.
    std::size_t translation_count(Direction direction, std::uint32_t source_mask = ~0u) const noexcept;
    std::size_t size_bytes() const noexcept { return bytes_.size(); }

private:
    struct Table {
        std::size_t heads_offset = 0;
        std::size_t head_count = 0;
        std::size_t translations_offset = 0;
        std::size_t translation_count = 0;
    };
    void validate(const std::string& name);
    std::string_view key_at(const Table& table, std::size_t head) const;
    // Index of the first head whose key is not below `key` (head_count when none).
    std::size_t first_not_below(const Table& table, std::string_view key) const;
    // Index of the head whose key is `key`, or head_count when absent.
    std::size_t find(const Table& table, std::string_view key) const;
    // Slot of `key` in a table's hash index: its hash, masked.
    static std::size_t slot_of(std::string_view key, std::size_t mask) noexcept;

    MappedFile file_;  // empty when bytes_ belongs to the caller
    std::string_view bytes_;
    std::size_t strings_offset_ = 0;
    std::size_t strings_size_ = 0;
    Table tables_[2];
    // Per direction, an open-addressing hash index of the heads (head + 1; 0 = empty slot),
    // built during validation: an exact lookup (most of them, from every word a sentence
    // has) probes a slot or two instead of a binary search over the heads' strings.
    std::vector<std::uint32_t> slots_[2];
    BundleInfo bundle_;
};

}  // namespace summalign::detail
