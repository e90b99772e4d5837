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

}  // namespace summalign::cli
