#include "detail/spelling_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_set>
#include <utility>

#include "detail/mapped_file.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

namespace {

constexpr std::size_t header_size = 8 + 4 + 4 + 8 + 8 + 8 + 8 + 2 * 24;
constexpr std::size_t slot_size = 8;

std::uint64_t fnv1a(std::string_view bytes) noexcept {
    std::uint64_t h = 1469598103934665603ull;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
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
std::uint32_t get32(std::string_view bytes, std::size_t at) noexcept {
    std::uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}
std::uint64_t get64(std::string_view bytes, std::size_t at) noexcept {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
    return v;
}

std::size_t lang_index(Lang lang) noexcept { return lang == Lang::da ? 0 : 1; }

}  // namespace

std::uint64_t dictionary_fingerprint(const std::filesystem::path& dictionary_dir) {
    std::uint64_t h = 1469598103934665603ull;
    for (const char* name : {"da_DK.dic", "da_DK.aff", "en_US.dic", "en_US.aff", "en_GB.dic", "en_GB.aff"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(dictionary_dir / name, ec);
        const std::uint64_t value = ec ? 0 : static_cast<std::uint64_t>(size);
        for (int i = 0; i < 8; ++i) {
            h ^= (value >> (8 * i)) & 0xFF;
            h *= 1099511628211ull;
        }
    }
    return h;
}

std::string encode_spelling_index(const std::vector<std::string>& danish, const std::vector<std::string>& english,
                                  std::uint64_t fingerprint) {
    std::vector<std::string> words[2];
    for (int l = 0; l < 2; ++l) {
        std::unordered_set<std::string_view> seen;
        for (const auto& w : l == 0 ? danish : english)
            if (!w.empty() && w.size() < (1u << 16) && seen.insert(w).second) words[l].push_back(w);
    }
    // Strings first in memory order after the slots; offsets are relative to the strings block.
    std::string strings;
    std::vector<std::uint32_t> offsets[2];
    for (int l = 0; l < 2; ++l)
        for (const auto& w : words[l]) {
            offsets[l].push_back(static_cast<std::uint32_t>(strings.size()));
            strings += w;
        }
    if (strings.size() > 0xFFFFFFFFull) throw Error("spelling index", std::nullopt, "too many words");
    std::size_t slot_counts[2];
    for (int l = 0; l < 2; ++l) slot_counts[l] = std::bit_ceil(std::max<std::size_t>(2 * words[l].size(), 16));
    const std::size_t slots0 = header_size, slots1 = slots0 + slot_counts[0] * slot_size,
                      strings_offset = slots1 + slot_counts[1] * slot_size, total = strings_offset + strings.size();

    std::string out;
    out.reserve(total);
    out += spelling_index_magic;
    put32(out, spelling_index_version);
    put32(out, 2);
    put64(out, total);
    put64(out, strings_offset);
    put64(out, strings.size());
    put64(out, fingerprint);
    const std::size_t slot_offsets[2] = {slots0, slots1};
    for (int l = 0; l < 2; ++l) {
        put64(out, slot_offsets[l]);
        put64(out, slot_counts[l]);
        put64(out, words[l].size());
    }
    for (int l = 0; l < 2; ++l) {
        const std::size_t base = out.size();
        out.append(slot_counts[l] * slot_size, '\0');
        const std::size_t mask = slot_counts[l] - 1;
        for (std::size_t k = 0; k < words[l].size(); ++k) {
            std::size_t slot = static_cast<std::size_t>(fnv1a(words[l][k])) & mask;
            while (get32(out, base + slot * slot_size + 4) != 0) slot = (slot + 1) & mask;
            set32(out, base + slot * slot_size, offsets[l][k]);
            set32(out, base + slot * slot_size + 4, static_cast<std::uint32_t>(words[l][k].size()));
        }
    }
    out += strings;
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
    auto bad = [&](std::size_t offset, std::string_view what) { throw Error(name, offset, fmt::format("bad spelling index: {}", what)); };
    if (bytes_.size() < header_size) bad(0, "shorter than its header");
    if (bytes_.substr(0, 8) != spelling_index_magic) bad(0, "not a spelling index (wrong magic)");
    if (get32(bytes_, 8) != spelling_index_version) bad(8, "unsupported version");
    if (get32(bytes_, 12) != 2) bad(12, "language count is not 2");
    if (get64(bytes_, 16) != bytes_.size()) bad(16, "file size does not match (truncated?)");
    const std::uint64_t strings_offset = get64(bytes_, 24), strings_size = get64(bytes_, 32);
    if (strings_offset > bytes_.size() || strings_size > bytes_.size() - strings_offset) bad(24, "strings outside the file");
    strings_offset_ = static_cast<std::size_t>(strings_offset);
    strings_size_ = static_cast<std::size_t>(strings_size);
    fingerprint_ = get64(bytes_, 40);
    for (std::size_t l = 0; l < 2; ++l) {
        const std::size_t at = 48 + l * 24;
        const std::uint64_t offset = get64(bytes_, at), count = get64(bytes_, at + 8), words = get64(bytes_, at + 16);
        if (count == 0 || !std::has_single_bit(count)) bad(at + 8, "slot count is not a power of two");
        if (offset > bytes_.size() || count > (bytes_.size() - offset) / slot_size) bad(at, "slots outside the file");
        if (words >= count) bad(at + 16, "more words than free slots allow");
        tables_[l] = Table{static_cast<std::size_t>(offset), static_cast<std::size_t>(count), static_cast<std::size_t>(words)};
        // The slots themselves are checked when probed (contains()): reading them all here
        // would make the whole table resident for a handful of lookups per article.
    }
}

bool MappedSpellingIndex::contains(Lang lang, std::string_view word) const noexcept {
    const Table& table = tables_[lang_index(lang)];
    if (table.slot_count == 0 || word.empty()) return false;
    const std::size_t mask = table.slot_count - 1;
    // The table has free slots (validated: fewer words than slots), so a probe ends; the
    // probe count bounds it even in a damaged file.
    for (std::size_t slot = static_cast<std::size_t>(fnv1a(word)) & mask, probes = 0; probes < table.slot_count;
         slot = (slot + 1) & mask, ++probes) {
        const std::size_t at = table.slots_offset + slot * slot_size;
        const std::uint32_t length = get32(bytes_, at + 4);
        if (length == 0) return false;
        if (length != word.size()) continue;
        const std::uint32_t offset = get32(bytes_, at);
        if (offset > strings_size_ || length > strings_size_ - offset) return false;  // a damaged slot answers no
        if (bytes_.substr(strings_offset_ + offset, length) == word) return true;
    }
    return false;
}

std::size_t MappedSpellingIndex::word_count(Lang lang) const noexcept { return tables_[lang_index(lang)].word_count; }

}  // namespace summalign::detail
