#pragma once
// Stage 3: alignment. A ladder (dynamic programming over 1-1, 1-2, 2-1, 2-2, 1-0, 0-1
// beads) for the Resumé against the Summary, the titles, and any two texts; claim support
// for each English Summary sentence against the Danish body.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/error.hpp"
#include "summalign/journal.hpp"
#include "summalign/similarity.hpp"

namespace summalign {

struct Bead {
    std::vector<std::size_t> da;  // 0-based indices, consecutive; empty for a 0-1 bead
    std::vector<std::size_t> en;
    double score = 0.0;             // 0 for an omission (one side empty)
    std::vector<WordMatch> matches;  // the word pairs behind the score (JSON "matches")
    // The bead's sentences (segments) of each side joined by spaces, empty for an empty
    // side (JSON "da_text", "en_text").
    std::string da_text;
    std::string en_text;
};

// How often translators drop, split and merge sentences (docs/scoring.md); 0 = the default.
struct LadderOptions {
    double omission_penalty = 0.0;  // -log P(1-0 bead) = -log P(0-1 bead); overrides omission_prior
    std::size_t band = 0;           // first half-width of the diagonal band; 0 = chosen from the lengths
    double omission_prior = 0.0;    // P(1-0 bead) = P(0-1 bead)
    double merge_prior = 0.0;       // P(1-2 bead) = P(2-1 bead)
    double two_two_prior = 0.0;     // P(2-2 bead)
    // Log-odds taken off a 1-2/2-1 bead per unit of word weight its two parts compete for
    // (one word of the other side explaining a word in each part), and per unit of its
    // least-covered part's coverage below 0.35 (docs/scoring.md, "Merges"). Unset = default;
    // 0 switches the term off.
    std::optional<double> shared_word_penalty;
    std::optional<double> uncovered_part_penalty;
    // align_texts on long texts: with more than one, a second thread aligns the stretches
    // between cuts while the anchor search goes on. The result is the same for any value.
    unsigned threads = 1;
    // Whether each bead gets its word pairs (Bead::matches). Without them a bead's score
    // comes from the word links the search already found, instead of a second full score:
    // the same probability, at a fraction of the cost (align-text without --evidence).
    bool with_matches = true;
};

// Aligns two sequences of prepared sentences, monotone, covering every sentence once.
std::vector<Bead> align_ladder(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                               std::span<const PreparedSentence> english, const LadderOptions& options = {});

// Aligns two texts given as segments (one sentence, line or paragraph each), as
// `summalign align-text` does: each segment is prepared once, then align_ladder. Bead
// indices are positions in `danish` and `english`; each bead has its segments' text.
// (Aligner::align_texts does the same with an Aligner's scorer.)
std::vector<Bead> align_texts(const SentenceScorer& scorer, std::span<const std::string> danish,
                              std::span<const std::string> english, const LadderOptions& options = {});

struct TitlePair {
    std::string da;  // title, with the subtitle when there is one
    std::string en;
    double score = 0.0;
    std::vector<WordMatch> matches;  // the word pairs behind the score
};

// A Danish body sentence that supports an English claim ("evidence" names only this, in
// the API as in the JSON; the word pairs behind any score are "matches").
struct Evidence {
    std::size_t section = 0;
    std::size_t sentence = 0;
    std::string text;
    double score = 0.0;
    std::vector<WordMatch> matches;
};

struct ClaimSupport {
    std::size_t en = 0;  // index into summary.sentences
    bool supported = false;
    std::vector<Evidence> evidence;  // best first; empty when unsupported
    // The best support score over all body sentences, also when it is below the threshold
    // (how close an unsupported claim came; docs/scoring.md).
    double best_score = 0.0;
};

struct ArticleAlignment {
    std::optional<TitlePair> title;
    std::vector<Bead> resume_summary;
    std::vector<ClaimSupport> support;
    // 1-1 similarity of every Resumé sentence (row) with every Summary sentence (column), when
    // the aligner keeps it; empty otherwise. The HTML report draws it as a heat map.
    std::vector<std::vector<double>> resume_summary_matrix;
};

// The support score a body sentence needs to count as evidence for a claim (docs/scoring.md).
double support_threshold() noexcept;

// Where the parser guessed the Resumé's end (Article::resume_end_guessed), the Summary shows
// where it is: the Resumé's last sentences that no Summary sentence translates (1-0 beads of
// the Resumé/Summary ladder, each well below an even chance against every Summary sentence),
// starting at a line start of `source` (a paragraph's), are the body's opening text. Moves
// them to the front of the body, with a structure note, keeping at least one Resumé sentence.
// The other way round, wherever the Resumé ended: the body's first sentences that evidently
// translate the Summary's last ones, which the ladder leaves without a Resumé sentence, are
// the Resumé's end (a paragraph break read inside it) and move back to it, with a note.
// Returns how many sentences moved. `source`: the bytes the article's spans point into
// (empty: nothing moves). Aligner::align and the streaming command settle each article
// before aligning it.
std::size_t settle_resume_end(const SentenceScorer& scorer, Article& article, std::string_view source);

// Aligns the parts of one parsed article (title, Resumé/Summary ladder, claim support),
// without checking them (Aligner::align_article aligns and checks).
ArticleAlignment align_article_parts(const SentenceScorer& scorer, const Article& article);

}  // namespace summalign
