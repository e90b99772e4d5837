#include "detail/segment_abbreviations.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "summalign/data.hpp"
#include "summalign/error.hpp"
#include "detail/utf8.hpp"

namespace summalign::detail {

namespace {

// `word` with its first character in lower case ("F.eks." -> "f.eks.", "Æ." -> "æ."),
// or an empty string when the first character is not an upper-case letter.
std::string lower_first(std::string_view word) {
    if (word.empty()) return {};
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(word.data()), i, static_cast<int32_t>(word.size()), c);
    if (c < 0 || !u_isupper(c)) return {};
    const UChar32 lower = u_tolower(c);
    std::string out;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, lower, error);
    if (error) return {};
    out.append(buffer, static_cast<std::size_t>(length));
    out.append(word.substr(static_cast<std::size_t>(i)));
    return out;
}

}  // namespace

AbbreviationList AbbreviationList::parse(std::string_view content, const std::string& name) {
    AbbreviationList list;
    std::size_t pos = 0;
    while (pos < content.size()) {
        const std::size_t line_start = pos;
        std::size_t eol = content.find('\n', pos);
        if (eol == std::string_view::npos) eol = content.size();
        std::string_view line = content.substr(pos, eol - pos);
        pos = eol + 1;
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        line = trim_ascii(line);
        if (line.empty()) continue;
        // The tag is the last blank-separated field when it is one of the known tags;
        // otherwise the whole line is the entry (so "et al." stays one entry).
        std::string_view entry = line, tag;
        if (const auto blank = line.find_last_of(" \t"); blank != std::string_view::npos) {
            const auto last = line.substr(blank + 1);
            if (last == "final" || last == "label" || last == "starter") {
                tag = last;
                entry = trim_ascii(line.substr(0, blank));
            } else if (last.back() != '.') {
                throw Error(name, line_start, "unknown tag '" + std::string(last) + "' (expected final, label or starter)");
            }
        }
        if (tag == "starter") {
            list.starters_.emplace(entry);
            continue;
        }
        const AbbreviationKind kind = tag == "final"   ? AbbreviationKind::may_be_final
                                      : tag == "label" ? AbbreviationKind::label
                                                       : AbbreviationKind::never_final;
        list.entries_[std::string(entry)] = kind;
    }
    return list;
}

AbbreviationList AbbreviationList::load(Lang lang) {
    const std::string name = "abbreviations-" + std::string(to_string(lang)) + ".txt";
    return parse(read_data_file(name), name);
}

const AbbreviationKind* AbbreviationList::find_exact(std::string_view key) const {
    const auto it = entries_.find(std::string(key));
    return it == entries_.end() ? nullptr : &it->second;
}

const AbbreviationKind* AbbreviationList::find(std::string_view token) const {
    if (const auto* kind = find_exact(token)) return kind;
    const std::string lowered = lower_first(token);
    return lowered.empty() ? nullptr : find_exact(lowered);
}

const AbbreviationKind* AbbreviationList::find(std::string_view previous, std::string_view token) const {
    std::string phrase;
    phrase.reserve(previous.size() + 1 + token.size());
    phrase.append(previous).append(" ").append(token);
    return find(phrase);
}

bool AbbreviationList::is_sentence_starter(std::string_view word) const {
    return starters_.count(std::string(word)) > 0;
}

}  // namespace summalign::detail
