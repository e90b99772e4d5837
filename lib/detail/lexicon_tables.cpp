#include "detail/lexicon_tables.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "detail/dictd.hpp"
#include "detail/lexicon_text.hpp"
#include "summalign/error.hpp"
#include "detail/utf8.hpp"

namespace summalign::detail {
namespace {

std::string read_text_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(path.string(), std::nullopt, "is a directory, not a dictionary file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), std::nullopt, "cannot open dictionary file");
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw Error(path.string(), std::nullopt, "cannot read dictionary file");
    return content.str();
}

// Calls `handle(line, line_number, byte_offset)` for every line that is not blank or a
// '#' comment.
template <typename Handler>
void for_each_content_line(const std::string& content, Handler handle) {
    std::size_t offset = 0;
    std::size_t line_number = 0;
    // A UTF-8 byte-order mark is tolerated at the start of the file.
    if (content.starts_with("\xEF\xBB\xBF")) offset = 3;
    while (offset < content.size()) {
        ++line_number;
        auto end = content.find('\n', offset);
        if (end == std::string::npos) end = content.size();
        std::string_view line(content.data() + offset, end - offset);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view content_part = trim_ascii(line);
        if (!content_part.empty() && content_part.front() != '#') handle(line, line_number, offset);
        offset = end + 1;
    }
}

}  // namespace

int source_rank(Translation::Source source) noexcept {
    switch (source) {
        case Translation::Source::user: return 0;
        case Translation::Source::glossary: return 1;
        case Translation::Source::freedict: return 2;
        case Translation::Source::learned: return 3;
    }
    return 4;
}

void sort_best_first(std::vector<Translation>& translations) {
    std::stable_sort(translations.begin(), translations.end(), [](const Translation& a, const Translation& b) {
        if (a.probability != b.probability) return a.probability > b.probability;
        return source_rank(a.source) < source_rank(b.source);
    });
}

void merge_translation(std::vector<Translation>& translations, Translation candidate) {
    for (auto& existing : translations) {
        if (existing.target != candidate.target) continue;
        existing.probability = std::max(existing.probability, candidate.probability);
        if (source_rank(candidate.source) < source_rank(existing.source)) existing.source = candidate.source;
        return;
    }
    translations.push_back(std::move(candidate));
}

void TermTable::add(const std::string& key, Translation translation) {
    merge_translation(entries[key], std::move(translation));
}

std::size_t TermTable::pair_count() const noexcept {
    std::size_t count = 0;
    for (const auto& [key, translations] : entries) count += translations.size();
    return count;
}

void BilingualTables::add_pair(std::string_view danish, std::string_view english, float probability, Translation::Source source) {
    std::string da = lexicon_key(danish);
    std::string en = lexicon_key(english);
    if (da.empty() || en.empty()) return;
    da_to_en.add(da, Translation{en, probability, source});
    en_to_da.add(en, Translation{std::move(da), probability, source});
}

void BilingualTables::finish() {
    for (auto& [key, translations] : da_to_en.entries) sort_best_first(translations);
    for (auto& [key, translations] : en_to_da.entries) sort_best_first(translations);
}

int load_freedict(BilingualTables& tables, const std::filesystem::path& dictd_dir) {
    int loaded = 0;
    for (const bool danish_first : {true, false}) {
        const std::string stem = danish_first ? "freedict-dan-eng" : "freedict-eng-dan";
        const auto index = dictd_dir / (stem + ".index");
        const auto dict = dictd_dir / (stem + ".dict.dz");
        std::error_code ec;
        if (!std::filesystem::is_regular_file(index, ec) || !std::filesystem::is_regular_file(dict, ec)) continue;
        for (const auto& entry : read_dictd(index, dict)) {
            for (const auto& translation : entry.translations) {
                // A dictionary pair is certain; how good a match it is in context is the
                // scorer's business.
                if (danish_first)
                    tables.add_pair(entry.headword, translation, 1.0f, Translation::Source::freedict);
                else
                    tables.add_pair(translation, entry.headword, 1.0f, Translation::Source::freedict);
            }
        }
        ++loaded;
    }
    return loaded;
}

void load_tsv_dictionary(BilingualTables& tables, const std::filesystem::path& path, Translation::Source source) {
    const std::string content = read_text_file(path);
    for_each_content_line(content, [&](std::string_view line, std::size_t line_number, std::size_t offset) {
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos)
            throw Error(path.string(), offset, fmt::format("line {}: expected danish<TAB>english, found no tab", line_number));
        const auto danish = trim_ascii(line.substr(0, tab));
        auto english = line.substr(tab + 1);
        // Extra columns (a note, a source) are allowed and ignored.
        if (auto second_tab = english.find('\t'); second_tab != std::string_view::npos) english = english.substr(0, second_tab);
        english = trim_ascii(english);
        if (danish.empty() || english.empty())
            throw Error(path.string(), offset, fmt::format("line {}: empty {} side", line_number, danish.empty() ? "Danish" : "English"));
        tables.add_pair(danish, english, 1.0f, source);
    });
}

void load_hunalign_dictionary(BilingualTables& tables, const std::filesystem::path& path, Translation::Source source) {
    const std::string content = read_text_file(path);
    for_each_content_line(content, [&](std::string_view line, std::size_t line_number, std::size_t offset) {
        const auto at = line.find(" @ ");
        if (at == std::string_view::npos)
            throw Error(path.string(), offset, fmt::format("line {}: expected 'english @ danish', found no ' @ '", line_number));
        const auto english = trim_ascii(line.substr(0, at));
        const auto danish = trim_ascii(line.substr(at + 3));
        if (danish.empty() || english.empty())
            throw Error(path.string(), offset, fmt::format("line {}: empty {} side", line_number, danish.empty() ? "Danish" : "English"));
        tables.add_pair(danish, english, 1.0f, source);
    });
}

std::uint64_t files_fingerprint(const std::vector<std::filesystem::path>& files) {
    uLong crc = crc32(0L, Z_NULL, 0);
    std::uint64_t total = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            // An absent file still changes the fingerprint, and differently from an empty one.
            crc = crc32(crc, reinterpret_cast<const Bytef*>("\0absent"), 7);
            continue;
        }
        char buffer[1 << 16];
        while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
            crc = crc32(crc, reinterpret_cast<const Bytef*>(buffer), static_cast<uInt>(in.gcount()));
            total += static_cast<std::uint64_t>(in.gcount());
        }
    }
    return (total << 32) ^ static_cast<std::uint64_t>(crc);
}

std::vector<std::filesystem::path> freedict_files(const std::filesystem::path& dictd_dir) {
    return {dictd_dir / "freedict-dan-eng.index", dictd_dir / "freedict-dan-eng.dict.dz", dictd_dir / "freedict-eng-dan.index",
            dictd_dir / "freedict-eng-dan.dict.dz"};
}

void load_user_dictionary(BilingualTables& tables, const std::filesystem::path& path) {
    if (path.extension() == ".dict")
        load_hunalign_dictionary(tables, path, Translation::Source::user);
    else
        load_tsv_dictionary(tables, path, Translation::Source::user);
}

}  // namespace summalign::detail
