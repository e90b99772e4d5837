#pragma once
// The abbreviation lists in data/abbreviations-{da,en}.txt: which tokens ending in a period
// are not sentence ends. ICU's sentence rules know none of them.
//
// File format: one entry per line, `#` starts a comment, blank lines are ignored. An entry
// is a token, optionally followed by white space and a tag:
//   f.eks.            never ends a sentence ("f.eks. Danmark" is one sentence)
//   osv.    final     may end a sentence: a break before an uppercase word is kept
//   fig.    label     numbers a figure or table: "Fig. 1. Caption text" is one sentence
//   Det     starter   not an abbreviation: a word that typically starts a sentence, so
//                     an initial before it ("... vitamin C. Det ...") does end one
// An entry may be two tokens ("et al."). Entries written in lower case also match with a
// capital first letter ("F.eks.", "Dr."); entries with capitals match exactly ("No.").
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "summalign/segment.hpp"

namespace summalign::detail {

enum class AbbreviationKind {
    never_final,  // never the last word of a sentence
    may_be_final, // ends a sentence when the next word is capitalised
    label,        // "Fig.", "Tab.": labels a number that is not a sentence end either
};

class AbbreviationList {
public:
    AbbreviationList() = default;
    // Parses the file format above; `name` is used in error messages. Throws Error on an
    // unknown tag, naming the byte offset of the line.
    static AbbreviationList parse(std::string_view content, const std::string& name);
    // Loads data/abbreviations-<lang>.txt through find_data_file.
    static AbbreviationList load(Lang lang);

    // The kind of `token` (e.g. "f.eks.", "Dr.") or of the two-token phrase
    // "`previous` `token`" (e.g. "et al."); nullptr when it is not listed.
    const AbbreviationKind* find(std::string_view token) const;
    const AbbreviationKind* find(std::string_view previous, std::string_view token) const;
    bool is_sentence_starter(std::string_view word) const;
    std::size_t size() const noexcept { return entries_.size(); }

private:
    const AbbreviationKind* find_exact(std::string_view key) const;
    std::unordered_map<std::string, AbbreviationKind> entries_;
    std::unordered_set<std::string> starters_;
};

}  // namespace summalign::detail
