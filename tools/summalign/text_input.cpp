#include "text_input.hpp"

#include <fstream>
#include <optional>

#include "summalign/error.hpp"
#include "summalign/pdf.hpp"

namespace summalign::cli {

namespace {

[[noreturn]] void refuse_pdf(const std::string& path, std::string_view command) {
    throw Error(path, std::nullopt,
                "this is a PDF, and " + std::string(command) +
                    " reads plain text; extract it first, e.g. summalign parse --format source '" + path + "' > text.txt");
}

}  // namespace

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
