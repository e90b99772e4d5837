#pragma once
// How likely is it that Danish sentence(s) and English sentence(s) say the same thing?
// A score in [0, 1] and the word pairs behind it: which matched and why.
// The model, its weights and the mining procedure: docs/similarity.md.
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/lexicon.hpp"
#include "summalign/types.hpp"

namespace summalign {

namespace detail {
struct PreparedToken;  // private: lib/detail/similarity_tokens.hpp
struct SentenceKeys;   // private: lib/detail/similarity_keys.hpp
class ScorerWords;     // private: lib/detail/similarity_tokens.hpp
}

// Why a Danish word was linked to an English word.
enum class MatchKind {
    dictionary, glossary, learned, user, stem, compound, cognate, number, abbreviation, identical, name,
    citation  // [13] on both sides
};
std::string_view to_string(MatchKind kind) noexcept;

struct WordMatch {
    std::string da;
    std::string en;
    MatchKind kind = MatchKind::dictionary;
    double weight = 0.0;  // contribution to the score
};

struct Similarity {
    double score = 0.0;  // 0 = unrelated, 1 = certainly translations
    std::vector<WordMatch> matches;  // the word pairs behind the score (with_matches)
};

// A sentence analysed once (tokens, stems, numbers, abbreviations) so that scoring it
// against many candidates is cheap: what SentenceScorer::prepare returns and score reads.
// A plain value: copies are independent (the key index, immutable, is shared) and a const
// one may be read by several threads. What the analysis holds (`tokens`, `keys`) is
// private to the library (lib/detail/similarity_tokens.hpp, similarity_keys.hpp).
struct PreparedSentence {
    Lang lang = Lang::da;
    std::string text;
    std::vector<detail::PreparedToken> tokens;
    std::shared_ptr<const detail::SentenceKeys> keys;

    // Out of line: the token type is complete only inside the library.
    PreparedSentence();
    ~PreparedSentence();
    PreparedSentence(const PreparedSentence&);
    PreparedSentence(PreparedSentence&&) noexcept;
    PreparedSentence& operator=(const PreparedSentence&);
    PreparedSentence& operator=(PreparedSentence&&) noexcept;
};

// Word-matching paths beyond the lexicon, switchable for measuring what each adds.
struct ScorerOptions {
    bool use_cognates = true;   // kronisk ~ chronic by spelling correspondences
    bool use_compounds = true;  // knoglemarvspunktur -> knoglemarv + punktur
    bool use_anchors = true;    // numbers, abbreviations, citation marks, names, identical spelling
};

// Built once on a Lexicon (which must outlive it); const and thread-safe. It keeps word
// analyses it has made (bounded memos behind shared locks, shared by all threads using it),
// so preparing text whose words recur gets cheaper; results never depend on what it kept.
class SentenceScorer {
public:
    explicit SentenceScorer(const Lexicon& lexicon);
    SentenceScorer(const Lexicon& lexicon, const ScorerOptions& options);
    ~SentenceScorer();
    SentenceScorer(SentenceScorer&&) noexcept;
    SentenceScorer& operator=(SentenceScorer&&) noexcept;

    PreparedSentence prepare(std::string_view text, Lang lang) const;

    const Lexicon& lexicon() const noexcept;

    // Similarity of the concatenation of `danish` with the concatenation of `english`
    // (one or two sentences on each side for 1-2 and 2-1 beads). An empty side scores 0.
    Similarity score(std::span<const PreparedSentence* const> danish,
                     std::span<const PreparedSentence* const> english,
                     bool with_matches = false) const;
    Similarity score(const PreparedSentence& danish, const PreparedSentence& english,
                     bool with_matches = false) const;

private:
    friend class detail::ScorerWords;  // the library's cheaper reads of the word analyses
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

struct MineOptions {
    unsigned threads = 1;
    std::size_t candidates = 40;   // English lines proposed by the candidate index per Danish line
    std::size_t full_scores = 0;   // of those, how many are scored in full (the best by an estimate); 0 = all
    // Posting-list entries visited per Danish line before common keys are skipped: bounds
    // the cost of finding candidates on 100,000 lines.
    std::size_t vote_budget = 20000;
    bool corpus_weights = true;    // re-weight words by their document frequency in the inputs
    bool margin = true;            // rank by margin over each side's typical score (hubness correction)
    // An English line goes to at most one Danish text (copies of a Danish line share it): the
    // pairs are taken best margin first, each only while both lines are free, so a line that
    // is another line's better translation is not picked again. A Danish line whose every
    // candidate went to a better pair keeps its best candidate. Off: each Danish line simply
    // takes its best candidate.
    bool one_to_one = true;
    // The English input's name (a file's, "-" for standard input) for an Error about one of
    // its lines: a line mine cannot keep (one of more than 65,536 words)
    // throws Error(english_name, "line N: ...") with N counted from 1, or, without a name,
    // Error("English line N: ...").
    std::string english_name;
};
std::vector<MinedPair> mine(const SentenceScorer& scorer, std::span<const std::string> danish,
                            std::span<const std::string> english, const MineOptions& options);

}  // namespace summalign
