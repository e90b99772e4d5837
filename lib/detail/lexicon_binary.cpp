#include "detail/lexicon_binary.hpp"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

#include "detail/mapped_file.hpp"
#include "detail/messages_format.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {
namespace {

constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8 + 8 + 2 * 4 * 8 + 4 + 4 + 8 + 8;
constexpr std::size_t kBundleAt = 40 + 2 * 4 * 8;
constexpr std::size_t kHeadSize = 16;
constexpr std::size_t kTranslationSize = 16;

void put_u32(std::string& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void put_u64(std::string& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}
void set_u64(std::string& out, std::size_t at, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) out[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

std::uint32_t get_u32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}
std::uint64_t get_u64(std::string_view bytes, std::size_t at) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

bool is_valid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

std::uint32_t checked_u32(std::size_t value) {
    if (value > 0xFFFFFFFFu) throw std::length_error("lexicon too large for the binary format");
    return static_cast<std::uint32_t>(value);
}

// Appends each distinct string once; returns its offset in the pool.
class StringPool {
public:
    std::uint32_t intern(const std::string& text) {
        auto [it, inserted] = offsets_.try_emplace(text, 0);
        if (inserted) {
            it->second = checked_u32(pool_.size());
            pool_ += text;
        }
        return it->second;
    }
    const std::string& bytes() const { return pool_; }

private:
    std::string pool_;
    std::unordered_map<std::string, std::uint32_t> offsets_;
};

}  // namespace

std::string encode_lexicon_binary(const std::vector<const BilingualTables*>& sources, const BundleInfo& bundle) {
    StringPool pool;
    std::string heads[2];
    std::string translations[2];
    std::size_t head_counts[2] = {0, 0};
    std::size_t translation_counts[2] = {0, 0};
    for (int d = 0; d < 2; ++d) {
        // Sorted by key bytes so the reader can binary-search with std::string_view's order.
        std::map<std::string_view, std::vector<const std::vector<Translation>*>> by_key;
        for (const auto* source : sources) {
            const TermTable& table = d == 0 ? source->da_to_en : source->en_to_da;
            for (const auto& [key, list] : table.entries)
                if (!list.empty()) by_key[key].push_back(&list);
        }
        for (const auto& [key, lists] : by_key) {
            put_u32(heads[d], pool.intern(std::string(key)));
            put_u32(heads[d], checked_u32(key.size()));
            put_u32(heads[d], checked_u32(translation_counts[d]));
            std::size_t count = 0;
            for (const auto* list : lists) {
                std::vector<Translation> best_first = *list;
                sort_best_first(best_first);
                for (const auto& translation : best_first) {
                    put_u32(translations[d], pool.intern(translation.target));
                    put_u32(translations[d], checked_u32(translation.target.size()));
                    put_u32(translations[d], std::bit_cast<std::uint32_t>(translation.probability));
                    put_u32(translations[d], static_cast<std::uint32_t>(translation.source));
                    ++translation_counts[d];
                    ++count;
                }
            }
            put_u32(heads[d], checked_u32(count));
            ++head_counts[d];
        }
    }

    std::string out;
    out.append(lexicon_binary_magic);
    put_u32(out, lexicon_binary_version);
    put_u32(out, 0);
    const std::size_t file_size_at = out.size();
    put_u64(out, 0);
    const std::size_t strings_at = out.size();
    put_u64(out, 0);
    put_u64(out, 0);
    const std::size_t tables_at = out.size();
    for (int i = 0; i < 8; ++i) put_u64(out, 0);
    put_u32(out, bundle.source_mask);
    put_u32(out, 0);
    put_u64(out, bundle.freedict_fingerprint);
    put_u64(out, bundle.glossary_fingerprint);
    for (int d = 0; d < 2; ++d) {
        set_u64(out, tables_at + d * 32 + 0, out.size());
        set_u64(out, tables_at + d * 32 + 8, head_counts[d]);
        out += heads[d];
        set_u64(out, tables_at + d * 32 + 16, out.size());
        set_u64(out, tables_at + d * 32 + 24, translation_counts[d]);
        out += translations[d];
    }
    set_u64(out, strings_at, out.size());
    set_u64(out, strings_at + 8, pool.bytes().size());
    out += pool.bytes();
    set_u64(out, file_size_at, out.size());
    return out;
}

void write_lexicon_binary(const std::filesystem::path& path, const std::vector<const BilingualTables*>& sources, const BundleInfo& bundle) {
    write_file_atomically(path, encode_lexicon_binary(sources, bundle), "lexicon file");
}

MappedLexicon::MappedLexicon(const std::filesystem::path& path) : file_(path, "lexicon file"), bytes_(file_.bytes()) {
    validate(path.string());
}

MappedLexicon::MappedLexicon(std::string_view bytes, std::string name) : bytes_(bytes) { validate(name); }

void MappedLexicon::validate(const std::string& name) {
    const std::size_t size = bytes_.size();
    const auto fail = [&](std::size_t at, const std::string& why) { return Error(name, at, why); };
    if (size < kHeaderSize) {
        if (size >= lexicon_binary_magic.size() && bytes_.substr(0, lexicon_binary_magic.size()) != lexicon_binary_magic)
            throw fail(0, error_text("not a summalign lexicon file (wrong magic)"));
        throw fail(size, error_text("truncated lexicon file: {} bytes, the header alone needs {}", size, kHeaderSize));
    }
    if (bytes_.substr(0, lexicon_binary_magic.size()) != lexicon_binary_magic) throw fail(0, error_text("not a summalign lexicon file (wrong magic)"));
    if (const auto version = get_u32(bytes_, 8); version != lexicon_binary_version)
        throw fail(8, error_text("unsupported lexicon file version {} (this build reads {})", version, lexicon_binary_version));
    if (const auto declared = get_u64(bytes_, 16); declared != size)
        throw fail(16, error_text("file is {} bytes but its header says {} (truncated or padded)", size, declared));

    // [offset, offset + count × record) must lie inside the file; written to avoid overflow.
    const auto check_range = [&](std::size_t field_at, std::uint64_t offset, std::uint64_t count, std::size_t record, const char* what) {
        if (offset > size || count > (size - offset) / record)
            throw fail(field_at, error_text("{} [{}, +{}×{}) lies outside the {}-byte file", what, offset, count, record, size));
    };
    const std::uint64_t strings_offset = get_u64(bytes_, 24);
    const std::uint64_t strings_size = get_u64(bytes_, 32);
    check_range(24, strings_offset, strings_size, 1, "string pool");
    strings_offset_ = static_cast<std::size_t>(strings_offset);
    strings_size_ = static_cast<std::size_t>(strings_size);

    // Every string a lookup can return must be inside the pool and valid UTF-8.
    const auto check_string = [&](std::size_t field_at, std::uint32_t offset, std::uint32_t length) {
        if (offset > strings_size_ || length > strings_size_ - offset)
            throw fail(field_at, error_text("string [{}, +{}) lies outside the {}-byte string pool", offset, length, strings_size_));
        if (!is_valid_utf8(bytes_.substr(strings_offset_ + offset, length)))
            throw fail(strings_offset_ + offset, error_text("string is not valid UTF-8"));
    };

    bundle_.source_mask = get_u32(bytes_, kBundleAt);
    bundle_.freedict_fingerprint = get_u64(bytes_, kBundleAt + 8);
    bundle_.glossary_fingerprint = get_u64(bytes_, kBundleAt + 16);
    constexpr std::uint32_t known_sources = source_bit(Translation::Source::freedict) | source_bit(Translation::Source::glossary) |
                                            source_bit(Translation::Source::learned) | source_bit(Translation::Source::user);
    if ((bundle_.source_mask & ~known_sources) != 0) throw fail(kBundleAt, error_text("unknown source in the source mask"));

    for (int d = 0; d < 2; ++d) {
        const std::size_t at = 40 + d * 32;
        Table table;
        const auto heads_offset = get_u64(bytes_, at);
        const auto head_count = get_u64(bytes_, at + 8);
        const auto translations_offset = get_u64(bytes_, at + 16);
        const auto translation_count = get_u64(bytes_, at + 24);
        check_range(at, heads_offset, head_count, kHeadSize, "headword table");
        check_range(at + 16, translations_offset, translation_count, kTranslationSize, "translation table");
        table.heads_offset = static_cast<std::size_t>(heads_offset);
        table.head_count = static_cast<std::size_t>(head_count);
        table.translations_offset = static_cast<std::size_t>(translations_offset);
        table.translation_count = static_cast<std::size_t>(translation_count);

        // The hash index: a power of two at least twice the heads, so probes stay short.
        if (table.head_count >= std::numeric_limits<std::uint32_t>::max())
            throw fail(at + 8, error_text("{} headwords are more than this build indexes", table.head_count));
        std::size_t slot_count = 16;
        while (slot_count < 2 * table.head_count) slot_count *= 2;
        auto& slots = slots_[d];
        slots.assign(slot_count, 0);
        const std::size_t mask = slot_count - 1;

        std::string_view previous_key;
        for (std::size_t h = 0; h < table.head_count; ++h) {
            const std::size_t record = table.heads_offset + h * kHeadSize;
            const auto key_offset = get_u32(bytes_, record);
            const auto key_length = get_u32(bytes_, record + 4);
            const auto first = get_u32(bytes_, record + 8);
            const auto count = get_u32(bytes_, record + 12);
            check_string(record, key_offset, key_length);
            const std::string_view key = bytes_.substr(strings_offset_ + key_offset, key_length);
            if (key.empty()) throw fail(record, error_text("empty headword"));
            if (h > 0 && !(previous_key < key)) throw fail(record, error_text("headwords are not in strictly increasing order"));
            previous_key = key;
            std::size_t slot = slot_of(key, mask);
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = static_cast<std::uint32_t>(h + 1);
            if (first > table.translation_count || count > table.translation_count - first)
                throw fail(record + 8, error_text("translations [{}, +{}) lie outside the table of {}", first, count, table.translation_count));
        }
        for (std::size_t t = 0; t < table.translation_count; ++t) {
            const std::size_t record = table.translations_offset + t * kTranslationSize;
            check_string(record, get_u32(bytes_, record), get_u32(bytes_, record + 4));
            const float probability = std::bit_cast<float>(get_u32(bytes_, record + 8));
            if (!(probability >= 0.0f && probability <= 1.0f)) throw fail(record + 8, error_text("probability outside [0, 1]"));
            const auto source = get_u32(bytes_, record + 12);
            if (source > static_cast<std::uint32_t>(Translation::Source::user) ||
                (bundle_.source_mask & source_bit(static_cast<Translation::Source>(source))) == 0)
                throw fail(record + 12, error_text("source {} is not in the file's source mask", source));
        }
        tables_[d] = table;
    }
}

std::string_view MappedLexicon::key_at(const Table& table, std::size_t head) const {
    const std::size_t record = table.heads_offset + head * kHeadSize;
    return bytes_.substr(strings_offset_ + get_u32(bytes_, record), get_u32(bytes_, record + 4));
}

std::size_t MappedLexicon::first_not_below(const Table& table, std::string_view key) const {
    std::size_t low = 0;
    std::size_t high = table.head_count;
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (key_at(table, middle) < key)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

std::size_t MappedLexicon::slot_of(std::string_view key, std::size_t mask) noexcept {
    return std::hash<std::string_view>{}(key) & mask;
}

std::size_t MappedLexicon::find(const Table& table, std::string_view key) const {
    const auto& slots = slots_[&table - tables_];
    const std::size_t mask = slots.size() - 1;
    for (std::size_t slot = slot_of(key, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
        const std::size_t head = slots[slot] - 1;
        if (key_at(table, head) == key) return head;
    }
    return table.head_count;
}

std::vector<Translation> MappedLexicon::lookup(Direction direction, std::string_view key, std::uint32_t source_mask) const {
    const Table& table = tables_[static_cast<int>(direction)];
    const std::size_t head = find(table, key);
    std::vector<Translation> translations;
    if (head == table.head_count) return translations;
    const std::size_t record = table.heads_offset + head * kHeadSize;
    const std::size_t first = get_u32(bytes_, record + 8);
    const std::size_t count = get_u32(bytes_, record + 12);
    translations.reserve(count);
    for (std::size_t t = first; t < first + count; ++t) {
        const std::size_t at = table.translations_offset + t * kTranslationSize;
        const auto source = static_cast<Translation::Source>(get_u32(bytes_, at + 12));
        if ((source_mask & source_bit(source)) == 0) continue;
        Translation translation;
        translation.target = std::string(bytes_.substr(strings_offset_ + get_u32(bytes_, at), get_u32(bytes_, at + 4)));
        translation.probability = std::bit_cast<float>(get_u32(bytes_, at + 8));
        translation.source = source;
        translations.push_back(std::move(translation));
    }
    return translations;
}

bool MappedLexicon::has_prefix(Direction direction, std::string_view prefix) const {
    const Table& table = tables_[static_cast<int>(direction)];
    const std::size_t head = first_not_below(table, prefix);  // keys are sorted: one beginning with prefix comes first
    return head < table.head_count && key_at(table, head).starts_with(prefix);
}

bool MappedLexicon::contains(Direction direction, std::string_view key, std::uint32_t source_mask) const {
    const Table& table = tables_[static_cast<int>(direction)];
    const std::size_t head = find(table, key);
    if (head == table.head_count) return false;
    if ((source_mask & bundle_.source_mask) == bundle_.source_mask) return true;
    const std::size_t record = table.heads_offset + head * kHeadSize;
    const std::size_t first = get_u32(bytes_, record + 8);
    const std::size_t count = get_u32(bytes_, record + 12);
    for (std::size_t t = first; t < first + count; ++t) {
        const auto source = static_cast<Translation::Source>(get_u32(bytes_, table.translations_offset + t * kTranslationSize + 12));
        if ((source_mask & source_bit(source)) != 0) return true;
    }
    return false;
}

std::size_t MappedLexicon::headword_count(Direction direction) const noexcept { return tables_[static_cast<int>(direction)].head_count; }

std::size_t MappedLexicon::translation_count(Direction direction, std::uint32_t source_mask) const noexcept {
    const Table& table = tables_[static_cast<int>(direction)];
    if ((source_mask & bundle_.source_mask) == bundle_.source_mask) return table.translation_count;
    std::size_t count = 0;
    for (std::size_t t = 0; t < table.translation_count; ++t) {
        const auto source = static_cast<Translation::Source>(get_u32(bytes_, table.translations_offset + t * kTranslationSize + 12));
        if ((source_mask & source_bit(source)) != 0) ++count;
    }
    return count;
}

}  // namespace summalign::detail
