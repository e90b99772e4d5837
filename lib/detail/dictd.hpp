#pragma once
// Reader for dictd databases (a .index file plus a gzip/dictzip-compressed .dict.dz), the
// format Debian's FreeDict packages install under /usr/share/dictd.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace summalign::detail {

struct DictdEntry {
    std::string headword;                   // as the entry writes it (case and hyphens kept)
    std::vector<std::string> translations;  // clean translation terms, in the entry's order
};

// Decodes dictd's base64 numbers ("nW" → offset); throws std::invalid_argument on a
// character outside the alphabet or an overflowing value.
std::uint64_t decode_dictd_number(std::string_view digits);

// Splits the body of a FreeDict entry (everything after the headword line) into
// translation terms: sense numbers ("1. "), [notes] and (explanations) removed, split at
// commas and semicolons, trailing ?!. dropped, terms of more than `max_words` words dropped.
std::vector<std::string> parse_freedict_senses(std::string_view body, std::size_t max_words = 4);

// The headword of a FreeDict headword line "Addis Ababa /ˈaðʔis ˈab?ɑbˌa/ <n>".
std::string parse_freedict_headword(std::string_view line);

// Reads every entry of the database `index` (its .dict.dz beside it, same stem). The
// 00database* meta entries are skipped. Throws Error naming the file and line (index) or
// byte offset (dict) when a file is unreadable or malformed.
std::vector<DictdEntry> read_dictd(const std::filesystem::path& index, const std::filesystem::path& dict);

// Reads a whole gzip (or dictzip) file.
std::string read_gzip_file(const std::filesystem::path& path);

}  // namespace summalign::detail
