#pragma once
// How likely is it that Danish sentence(s) and English sentence(s) say the same thing?
// A score in [0, 1] and the evidence for it: which word pairs matched and why.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/lexicon.hpp"
#include "summalign/segment.hpp"

namespace summalign {

// Why a Danish word was linked to an English word.
enum class MatchKind { dictionary, glossary, learned, user, stem, compound, cognate, number, abbreviation, identical, name };
std::string_view to_string(MatchKind kind) noexcept;

struct WordMatch {
    std::string da;
    std::string en;
    MatchKind kind = MatchKind::dictionary;
    double weight = 0.0;  // contribution to the score
};

struct Similarity {
    double score = 0.0;  // 0 = unrelated, 1 = certainly translations
    std::vector<WordMatch> evidence;
};

// A sentence analysed once (tokens, stems, numbers, abbreviations) so that scoring it
// against many candidates is cheap.
struct PreparedSentence {
    Lang lang = Lang::da;
    std::string text;
    struct Token {
        std::string surface;  // as written
        std::string lower;    // case-folded
        std::string stem;     // Snowball stem of `lower`
        bool is_number = false;
        bool is_abbreviation = false;  // MSC, SCT, HLA
        bool is_citation = false;      // [13]
    };
    std::vector<Token> tokens;
};

// Built once on a Lexicon (which must outlive it); const and thread-safe.
class SentenceScorer {
public:
    explicit SentenceScorer(const Lexicon& lexicon);
    ~SentenceScorer();
    SentenceScorer(SentenceScorer&&) noexcept;
    SentenceScorer& operator=(SentenceScorer&&) noexcept;

    PreparedSentence prepare(std::string_view text, Lang lang) const;

    // Similarity of the concatenation of `danish` with the concatenation of `english`
    // (one or two sentences on each side for 1-2 and 2-1 beads). An empty side scores 0.
    Similarity score(std::span<const PreparedSentence* const> danish,
                     std::span<const PreparedSentence* const> english,
                     bool with_evidence = false) const;
    Similarity score(const PreparedSentence& danish, const PreparedSentence& english,
                     bool with_evidence = false) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// For each Danish line the best English line: what `summalign mine` prints. Uses a
// candidate index so that it does not compare all pairs.
struct MinedPair {
    std::size_t da_index = 0;
    std::size_t en_index = 0;  // npos-like SIZE_MAX when `english` is empty
    double score = 0.0;
};
std::vector<MinedPair> mine(const SentenceScorer& scorer, std::span<const std::string> danish,
                            std::span<const std::string> english, unsigned threads = 1);

}  // namespace summalign
