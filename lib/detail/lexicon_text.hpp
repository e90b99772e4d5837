#pragma once
// Text helpers shared by the lexicon loaders and the IBM Model 1 trainer: one way to turn a
// word or term into a lookup key, and one tokeniser, so that training and lookup agree.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace summalign::detail {

// The form every lexicon key and target is stored in: NFC, lower-cased (Danish rules),
// Unicode hyphens (U+2010, U+2011) as '-', runs of white space as one space, trimmed.
std::string lexicon_key(std::string_view text);

// True when `text` is already in lexicon_key form as far as a cheap byte scan can tell
// (ASCII or lower-case precomposed Latin-1 letters, no upper case, no irregular spaces);
// false means "run lexicon_key".
bool is_plain_key(std::string_view text) noexcept;

// Lower-cased words of `text` by ICU word boundaries; numbers, punctuation and symbols
// are dropped, words containing a letter are kept (so "CD-ROM" gives "cd", "rom").
std::vector<std::string> word_tokens(std::string_view text);

// word_tokens for many texts: keeps one ICU word-break iterator (creating one costs far more
// than splitting a paragraph). Not thread-safe: one per thread.
class WordTokenizer {
public:
    WordTokenizer();
    ~WordTokenizer();
    WordTokenizer(const WordTokenizer&) = delete;
    WordTokenizer& operator=(const WordTokenizer&) = delete;
    std::vector<std::string> operator()(std::string_view text);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign::detail
