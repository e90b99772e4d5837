#pragma once
// Stage 4: where the two languages disagree.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/align.hpp"
#include "summalign/journal.hpp"

namespace summalign {

struct Finding {
    enum class Kind { misspelling, number_mismatch, abbreviation_mismatch, unsupported_claim, missing_summary, missing_resume };
    Kind kind = Kind::misspelling;
    Lang lang = Lang::en;
    std::string text;        // the sentence concerned
    std::string word;        // the word concerned, if any
    std::string message;     // for a person
    std::string suggestion;  // empty when none
    std::size_t start = 0;   // source span of `word` (or of the sentence when no word)
    std::size_t end = 0;
};
std::string_view to_string(Finding::Kind kind) noexcept;

// Built once (loads Hunspell en_US, en_GB, da_DK and the medical glossary); const and thread-safe.
class Checker {
public:
    explicit Checker(const Lexicon& lexicon);
    ~Checker();
    Checker(Checker&&) noexcept;
    Checker& operator=(Checker&&) noexcept;

    std::vector<Finding> check(const Article& article, const ArticleAlignment& alignment) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign
