#include "detail/spelling_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_set>
#include <utility>

#include "detail/hunspell_dictionary.hpp"
#include "detail/mapped_file.hpp"
#include "detail/messages_format.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

namespace {

constexpr std::size_t header_size = 8 + 4 + 4 + 8 + 8 + 2 * 24;
constexpr std::size_t slot_size = 4;
constexpr std::uint32_t empty_slot = 0;

// MurmurHash3's fmix64 over an FNV-1a state.
std::uint64_t finish_hash(std::uint64_t h) noexcept {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

// FNV-1a, then a 64-bit finaliser (MurmurHash3's fmix64) so that the high half, which picks
// the home slot, mixes every byte as well as the low half, which makes the fingerprint.
// MappedSpellingIndex::Hasher computes the same FNV-1a state in pieces.
std::uint64_t word_hash(std::string_view bytes) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return finish_hash(h);
}
// 1 .. 0xFFFFFFFE: 0 marks an empty slot, and 0xFFFFFFFF (a slot of a damaged file filled
// with 0xFF bytes) matches no word.
std::uint32_t slot_fingerprint(std::uint64_t hash) noexcept {
    return static_cast<std::uint32_t>((hash & 0xFFFFFFFFull) % 0xFFFFFFFEull) + 1;
}
std::size_t home_slot(std::uint64_t hash, std::size_t slot_count) noexcept {
    return static_cast<std::size_t>(((hash >> 32) * static_cast<std::uint64_t>(slot_count)) >> 32);
}

void put32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put64(std::string& out, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void set32(std::string& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}
// Read for every slot a probe compares (about two million a long article set): on a
// little-endian machine the file's byte order is the machine's, and one load does it.
std::uint32_t get32(std::string_view bytes, std::size_t at) noexcept {
    std::uint32_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&v, bytes.data() + at, sizeof v);
    } else {
        for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    }
    return v;
}
std::uint64_t get64(std::string_view bytes, std::size_t at) noexcept {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}

std::size_t lang_index(Lang lang) noexcept { return lang == Lang::da ? 0 : 1; }

}  // namespace

std::uint64_t dictionary_fingerprint(const std::vector<std::filesystem::path>& dictionary_dirs) {
    std::uint64_t h = 1469598103934665603ull;
    for (const char* name : {"da_DK", "en_US", "en_GB"}) {
        const auto dic = find_hunspell_dictionary(dictionary_dirs, name);
        for (const char* extension : {".dic", ".aff"}) {
            std::error_code ec;
            const auto size = dic ? std::filesystem::file_size(std::filesystem::path(*dic).replace_extension(extension), ec) : 0;
            const std::uint64_t value = !dic || ec ? 0 : static_cast<std::uint64_t>(size);
            for (int i = 0; i < 8; ++i) {
                h ^= (value >> (8 * i)) & 0xFF;
                h *= 1099511628211ull;
            }
        }
    }
    return h;
}

std::string encode_spelling_index(const std::vector<std::string>& danish, const std::vector<std::string>& english,
                                  std::uint64_t fingerprint) {
    std::vector<std::uint64_t> hashes[2];
    for (int l = 0; l < 2; ++l) {
        std::unordered_set<std::string_view> seen;
        for (const auto& w : l == 0 ? danish : english)
            if (!w.empty() && seen.insert(w).second) hashes[l].push_back(word_hash(w));
    }
    std::size_t slot_counts[2];
    for (int l = 0; l < 2; ++l) {
        // Three quarters full: linear probing then compares ~8.5 slots for an absent word.
        slot_counts[l] = std::max<std::size_t>(hashes[l].size() + hashes[l].size() / 3 + 1, 16);
        if (slot_counts[l] > 0xFFFFFFFFull) throw Error("spelling index", std::nullopt, "too many words");
    }
    const std::size_t slots0 = header_size, slots1 = slots0 + slot_counts[0] * slot_size,
                      total = slots1 + slot_counts[1] * slot_size;

    std::string out;
    out.reserve(total);
    out += spelling_index_magic;
    put32(out, spelling_index_version);
    put32(out, 2);
    put64(out, total);
    put64(out, fingerprint);
    const std::size_t slot_offsets[2] = {slots0, slots1};
    for (int l = 0; l < 2; ++l) {
        put64(out, slot_offsets[l]);
        put64(out, slot_counts[l]);
        put64(out, hashes[l].size());
    }
    for (int l = 0; l < 2; ++l) {
        const std::size_t base = out.size(), count = slot_counts[l];
        out.append(count * slot_size, '\0');
        for (const std::uint64_t hash : hashes[l]) {
            std::size_t slot = home_slot(hash, count);
            while (get32(out, base + slot * slot_size) != empty_slot) slot = slot + 1 == count ? 0 : slot + 1;
            set32(out, base + slot * slot_size, slot_fingerprint(hash));
        }
    }
    return out;
}

void write_spelling_index(const std::filesystem::path& path, const std::vector<std::string>& danish,
                          const std::vector<std::string>& english, std::uint64_t fingerprint) {
    write_file_atomically(path, encode_spelling_index(danish, english, fingerprint), "spelling index file");
}

// Probes land on random slots: without Access::random the kernel reads ahead around every
// probed page, and a few hundred probes an article make most of the file resident.
MappedSpellingIndex::MappedSpellingIndex(const std::filesystem::path& path)
    : file_(path, "spelling index", MappedFile::Access::random), bytes_(file_.bytes()) {
    validate(path.string());
}

MappedSpellingIndex::MappedSpellingIndex(std::string_view bytes, std::string name) : bytes_(bytes) { validate(name); }

void MappedSpellingIndex::validate(const std::string& name) {
    auto bad = [&](std::size_t offset, std::string_view what) { throw Error(name, offset, error_text("bad spelling index: {}", what)); };
    if (bytes_.size() < header_size) bad(0, error_text("shorter than its header"));
    if (bytes_.substr(0, 8) != spelling_index_magic) bad(0, error_text("not a spelling index (wrong magic)"));
    if (get32(bytes_, 8) != spelling_index_version) bad(8, error_text("unsupported version (rebuild it with summalign_spelling_index)"));
    if (get32(bytes_, 12) != 2) bad(12, error_text("language count is not 2"));
    if (get64(bytes_, 16) != bytes_.size()) bad(16, error_text("file size does not match (truncated?)"));
    fingerprint_ = get64(bytes_, 24);
    for (std::size_t l = 0; l < 2; ++l) {
        const std::size_t at = 32 + l * 24;
        const std::uint64_t offset = get64(bytes_, at), count = get64(bytes_, at + 8), words = get64(bytes_, at + 16);
        if (count == 0 || count > 0xFFFFFFFFull) bad(at + 8, error_text("slot count is 0 or not below 2^32"));
        if (offset > bytes_.size() || count > (bytes_.size() - offset) / slot_size) bad(at, error_text("slots outside the file"));
        if (words >= count) bad(at + 16, error_text("more words than free slots allow"));
        tables_[l] = Table{static_cast<std::size_t>(offset), static_cast<std::size_t>(count), static_cast<std::size_t>(words)};
        // The slots themselves are not read here: that would make the whole table resident
        // for a handful of lookups per article. Any slot value is safe to probe.
    }
}

bool MappedSpellingIndex::contains(Lang lang, std::string_view word) const noexcept {
    if (word.empty()) return false;
    return contains_hash(lang, word_hash(word));
}

bool MappedSpellingIndex::contains(Lang lang, const Hasher& hasher) const noexcept {
    if (hasher.fed_ == 0) return false;
    return contains_hash(lang, finish_hash(hasher.state_));
}

bool MappedSpellingIndex::contains_hash(Lang lang, std::uint64_t hash) const noexcept {
    const Table& table = tables_[lang_index(lang)];
    const std::uint32_t wanted = slot_fingerprint(hash);
    const std::size_t count = table.slot_count;
    // The table has empty slots (validated: fewer words than slots), so a probe ends; the
    // probe count bounds it even in a damaged file.
    std::size_t slot = home_slot(hash, count);
    for (std::size_t probes = 0; probes < count; ++probes) {
        const std::uint32_t value = get32(bytes_, table.slots_offset + slot * slot_size);
        if (value == wanted) return true;
        if (value == empty_slot) return false;
        slot = slot + 1 == count ? 0 : slot + 1;
    }
    return false;
}

std::size_t MappedSpellingIndex::word_count(Lang lang) const noexcept { return tables_[lang_index(lang)].word_count; }

}  // namespace summalign::detail
