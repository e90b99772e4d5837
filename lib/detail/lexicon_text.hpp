#pragma once
// Text helpers shared by the lexicon loaders and the IBM Model 1 trainer: one way to turn a
// word or term into a lookup key, and one tokeniser, so that training and lookup agree.
#include <string>
#include <string_view>
#include <vector>

namespace summalign::detail {

// The form every lexicon key and target is stored in: NFC, lower-cased (Danish rules),
// Unicode hyphens (U+2010, U+2011) as '-', runs of white space as one space, trimmed.
std::string lexicon_key(std::string_view text);

// True when `text` is already in lexicon_key form as far as a cheap byte scan can tell
// (ASCII without upper case or irregular spaces); false means "run lexicon_key".
bool is_plain_key(std::string_view text) noexcept;

// Lower-cased words of `text` by ICU word boundaries; numbers, punctuation and symbols
// are dropped, words containing a letter are kept (so "CD-ROM" gives "cd", "rom").
std::vector<std::string> word_tokens(std::string_view text);

}  // namespace summalign::detail
