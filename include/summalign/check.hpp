#pragma once
// Stage 4: where the two languages disagree.
//
// Misspellings (Hunspell en_US + en_GB + the team's medical word list for English;
// hunspell-da, conservatively, for Danish), numbers and abbreviations that one side of a
// Resumé<->Summary bead has and the other lacks, Summary claims the Danish text does not
// support, and articles without a Summary or Resumé. See docs/check.md.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/align.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/messages.hpp"

namespace summalign {

struct Finding {
    enum class Kind {
        misspelling,
        number_mismatch,
        abbreviation_mismatch,
        unsupported_claim,
        missing_summary,
        missing_resume,
        suspect_structure,  // the parser had to assume something about the article's structure (Article::structure_notes)
    };
    Kind kind = Kind::misspelling;
    Lang lang = Lang::en;
    std::string text;        // the sentence concerned
    std::string word;        // the word concerned, if any
    std::string message;     // for a person
    std::string suggestion;  // empty when none
    SourceSpan span{};       // source span of `word` (or of the sentence when no word)
    // Source span of the sentence `text` (of the article for missing_summary/missing_resume):
    // where locate_in_source() looks for `word` when `span` is not yet exact.
    SourceSpan sentence_span{};
    std::size_t occurrence = 0;  // `word` is its occurrence number `occurrence` (0-based) in `text`
};
std::string_view to_string(Finding::Kind kind) noexcept;

// Built once (loads Hunspell en_US, en_GB, da_DK, or takes them from a Parser, and the
// medical word lists); const and thread-safe. The Lexicon must outlive the Checker.
class Checker {
public:
    // `threads`: how many threads will call check() at once. da_DK is loaded that many times
    // (~17 MB and ~0.07 s each) so that they can ask Hunspell for suggestions for different
    // new words together: a new Danish word costs 60-160 ms, the slowest thing check() does.
    // The findings do not depend on it.
    explicit Checker(const Lexicon& lexicon, unsigned threads = 1);
    // The same with the findings' messages in `messages`' language (the kinds, words and
    // spans do not depend on it).
    Checker(const Lexicon& lexicon, unsigned threads, const Messages& messages);
    // The same with the Hunspell dictionaries `parser` loaded (when it loaded them from the
    // lexicon's hunspell_dirs), shared rather than loaded again; the medical words are
    // this checker's own layer over them, the parser's answers stay unchanged. The checker
    // keeps the dictionaries alive: the parser may go first.
    Checker(const Lexicon& lexicon, unsigned threads, const Messages& messages, const Parser& parser);
    ~Checker();
    Checker(Checker&&) noexcept;
    Checker& operator=(Checker&&) noexcept;

    // Findings in a stable order: missing parts, then per sentence in reading order.
    // Without the source bytes a word's span is exact only when the repaired sentence
    // text has the length of its source span (no repair changed it); otherwise it is the
    // sentence span. Pass the source (or call locate_in_source later) for exact spans.
    std::vector<Finding> check(const Article& article, const ArticleAlignment& alignment) const;
    std::vector<Finding> check(const Article& article, const ArticleAlignment& alignment,
                               std::string_view source) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Makes [start, end) the exact source span of `finding.word`, searching the word within
// the sentence span of `source` (the bytes the article was parsed from), also across the
// line-break hyphens and line ends that repairs removed. Leaves the finding unchanged
// when the word cannot be found there.
void locate_in_source(Finding& finding, std::string_view source);
void locate_in_source(std::vector<Finding>& findings, std::string_view source);

}  // namespace summalign
