#include "text_input.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"

#include "summalign/error.hpp"
#include "summalign/pdf.hpp"

namespace summalign::cli {

namespace {

[[noreturn]] void refuse_pdf(const std::string& path, std::string_view command) {
    throw Error(path, std::nullopt,
                "this is a PDF, and " + std::string(command) +
                    " reads plain text; extract it first, e.g. summalign parse --format source '" + path + "' > text.txt");
}

// The *.txt files under `directory`, by their path relative to it ('/'-separated).
std::map<std::string, std::string> text_files_under(const std::string& directory) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> found;
    for (const fs::path& file : files_under(directory, {".txt"}, "directory has no .txt files"))
        found.emplace(file.lexically_relative(directory).generic_string(), file.string());
    return found;
}

}  // namespace

std::vector<TextPair> pair_text_inputs(const std::string& danish, const std::string& english) {
    std::error_code error;
    const bool danish_directory = danish != "-" && std::filesystem::is_directory(danish, error);
    const bool english_directory = english != "-" && std::filesystem::is_directory(english, error);
    if (!danish_directory && !english_directory) return {TextPair{"", danish, english}};
    if (!danish_directory || !english_directory)
        throw UsageError(fmt::format("{} is a directory and {} is not: give two files or two directories",
                                     danish_directory ? danish : english, danish_directory ? english : danish));
    const auto danish_files = text_files_under(danish);
    const auto english_files = text_files_under(english);
    std::vector<TextPair> pairs;
    auto d = danish_files.begin();
    auto e = english_files.begin();
    while (d != danish_files.end() || e != english_files.end()) {
        // The first file in path order without a partner in the other directory.
        if (e == english_files.end() || (d != danish_files.end() && d->first < e->first))
            throw Error(d->second, std::nullopt, "has no file of the same relative path in the other directory");
        if (d == danish_files.end() || e->first < d->first)
            throw Error(e->second, std::nullopt, "has no file of the same relative path in the other directory");
        pairs.push_back(TextPair{d->first, d->second, e->second});
        ++d;
        ++e;
    }
    return pairs;
}

SourceText read_plain_text(const std::string& path, std::string_view command) {
    std::optional<SourceText> source;
    try {
        source.emplace(read_source(path));
    } catch (const Error&) {
        if (path != "-") {
            // The file failed as text: its first bytes say whether it is a PDF.
            std::ifstream in(path, std::ios::binary);
            std::string head(1024, '\0');
            in.read(head.data(), static_cast<std::streamsize>(head.size()));
            head.resize(static_cast<std::size_t>(in.gcount()));
            if (is_pdf(head)) refuse_pdf(path, command);
        }
        throw;
    }
    // A PDF can also be valid UTF-8 (all of it ASCII): PDF syntax is no text either.
    if (is_pdf(std::string_view(source->bytes).substr(0, 1024))) refuse_pdf(path, command);
    return std::move(*source);
}

std::vector<std::string> read_segments(const std::string& path, std::string_view command) {
    const SourceText source = read_plain_text(path, command);
    std::vector<std::string> lines;
    const std::string& bytes = source.bytes;
    std::size_t start = 0;
    while (start < bytes.size()) {
        auto end = bytes.find('\n', start);
        if (end == std::string::npos) end = bytes.size();
        std::string line = bytes.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

}  // namespace summalign::cli
