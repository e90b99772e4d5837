#pragma once
// Plain-text inputs of the commands that take text rather than journal articles (segment,
// align-text, mine): one place that reads them, so they fail alike.
#include <string>
#include <string_view>
#include <vector>

#include "summalign/text.hpp"

namespace summalign::cli {

// read_source(path), except that a PDF is refused with what to do instead (its bytes are not
// text: without this the UTF-8 check would suggest converting them with iconv).
// `command`: the command's name, for the message.
SourceText read_plain_text(const std::string& path, std::string_view command);

// The lines of a plain-text input, one segment each; a final newline does not make an extra
// empty line, and a CR before the LF is dropped.
std::vector<std::string> read_segments(const std::string& path, std::string_view command);

// One Danish text and its English counterpart, as align-text and mine take them.
struct TextPair {
    std::string source;  // the path relative to both directories; "" when two files were given
    std::string danish;
    std::string english;
};

// The pairs two arguments name: two files (or '-') are one pair with no source; two
// directories pair the *.txt files under each (recursively) by their path relative to it,
// in path order. A file without a partner, an empty directory or an unreadable one throws
// Error naming it; a directory beside a file (or '-') throws UsageError. Nothing is read.
std::vector<TextPair> pair_text_inputs(const std::string& danish, const std::string& english);

}  // namespace summalign::cli
