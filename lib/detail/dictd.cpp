#include "detail/dictd.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <fstream>
#include <limits>
#include <stdexcept>

#include "detail/messages_format.hpp"
#include "summalign/error.hpp"
#include "detail/utf8.hpp"

namespace summalign::detail {
namespace {

int dictd_digit(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Removes [..] and (..) groups, nested or not; an unclosed group runs to the end.
std::string strip_groups(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    int depth = 0;
    for (char c : text) {
        if (c == '[' || c == '(') {
            ++depth;
        } else if ((c == ']' || c == ')') && depth > 0) {
            --depth;
        } else if (depth == 0) {
            out.push_back(c);
        }
    }
    return out;
}

std::size_t word_count(std::string_view term) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : term) {
        const bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// "1. accent, stress" → "accent, stress"
std::string_view drop_sense_number(std::string_view line) {
    std::size_t digits = 0;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits < line.size() && line[digits] == '.') return trim_ascii(line.substr(digits + 1));
    return line;
}

}  // namespace

std::uint64_t decode_dictd_number(std::string_view digits) {
    if (digits.empty()) throw std::invalid_argument("empty number");
    std::uint64_t value = 0;
    for (char c : digits) {
        const int digit = dictd_digit(c);
        if (digit < 0) throw std::invalid_argument(error_text("'{}' is not a dictd base64 digit", c));
        if (value > (std::numeric_limits<std::uint64_t>::max() >> 6)) throw std::invalid_argument("number too large");
        value = value * 64 + static_cast<std::uint64_t>(digit);
    }
    return value;
}

std::string parse_freedict_headword(std::string_view line) {
    line = trim_ascii(line);
    // The pronunciation starts at " /" and the part of speech at " <"; the headword is
    // what comes before the first of them.
    std::size_t end = line.size();
    for (std::string_view marker : {std::string_view(" /"), std::string_view(" <")}) {
        if (auto at = line.find(marker); at != std::string_view::npos && at < end) end = at;
    }
    return std::string(trim_ascii(line.substr(0, end)));
}

std::vector<std::string> parse_freedict_senses(std::string_view body, std::size_t max_words) {
    std::vector<std::string> terms;
    const std::string cleaned = strip_groups(body);
    std::string_view rest = cleaned;
    while (!rest.empty()) {
        const auto newline = rest.find('\n');
        std::string_view line = drop_sense_number(trim_ascii(rest.substr(0, newline)));
        rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
        while (!line.empty()) {
            const auto separator = line.find_first_of(",;");
            std::string_view term = trim_ascii(line.substr(0, separator));
            line = separator == std::string_view::npos ? std::string_view() : line.substr(separator + 1);
            while (!term.empty() && (term.back() == '?' || term.back() == '!' || term.back() == '.')) term.remove_suffix(1);
            term = trim_ascii(term);
            if (term.empty() || word_count(term) > max_words) continue;
            terms.emplace_back(term);
        }
    }
    return terms;
}

std::string read_gzip_file(const std::filesystem::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) throw Error(path.string(), std::nullopt, "cannot open compressed file");
    std::string content;
    char buffer[1 << 16];
    for (;;) {
        const int got = gzread(file, buffer, sizeof buffer);
        if (got < 0) {
            int code = 0;
            const std::string message = gzerror(file, &code);
            const auto at = content.size();
            gzclose(file);
            throw Error(path.string(), at, "cannot decompress: " + message);
        }
        if (got == 0) break;
        content.append(buffer, static_cast<std::size_t>(got));
    }
    gzclose(file);
    return content;
}

std::vector<DictdEntry> read_dictd(const std::filesystem::path& index, const std::filesystem::path& dict) {
    std::ifstream in(index, std::ios::binary);
    if (!in) throw Error(index.string(), std::nullopt, "cannot open dictd index");
    const std::string data = read_gzip_file(dict);

    std::vector<DictdEntry> entries;
    std::string line;
    std::size_t line_number = 0;
    std::size_t line_offset = 0;
    while (std::getline(in, line)) {
        ++line_number;
        const std::size_t this_offset = line_offset;
        line_offset += line.size() + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const auto fail = [&](const std::string& why) {
            return Error(index.string(), this_offset, fmt::format("line {}: {}", line_number, why));
        };
        const auto tab1 = line.find('\t');
        const auto tab2 = tab1 == std::string::npos ? std::string::npos : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos) throw fail(error_text("expected WORD<TAB>OFFSET<TAB>LENGTH"));
        const std::string_view view(line);
        const std::string_view word = view.substr(0, tab1);
        if (word.starts_with("00database") || word.starts_with("00-database")) continue;
        std::string_view length_digits = view.substr(tab2 + 1);
        // Some indexes carry a fourth column (the original headword); ignore it.
        if (auto tab3 = length_digits.find('\t'); tab3 != std::string_view::npos) length_digits = length_digits.substr(0, tab3);
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
        try {
            offset = decode_dictd_number(view.substr(tab1 + 1, tab2 - tab1 - 1));
            length = decode_dictd_number(length_digits);
        } catch (const std::invalid_argument& e) {
            throw fail(e.what());
        }
        if (offset > data.size() || length > data.size() - offset)
            throw fail(error_text("entry [{}, +{}) lies outside {} ({} bytes)", offset, length, dict.filename().string(), data.size()));

        const std::string_view entry = std::string_view(data).substr(offset, length);
        const auto newline = entry.find('\n');
        DictdEntry parsed;
        parsed.headword = parse_freedict_headword(entry.substr(0, newline));
        if (parsed.headword.empty()) parsed.headword = std::string(word);
        if (newline != std::string_view::npos) parsed.translations = parse_freedict_senses(entry.substr(newline + 1));
        if (!parsed.translations.empty()) entries.push_back(std::move(parsed));
    }
    return entries;
}

}  // namespace summalign::detail
