#pragma once
// Claim support (docs/scoring.md, "Claim support"): how likely a Danish body sentence, or two
// adjacent ones, state an English Summary sentence. Its own scoring path, separate from the
// bead scores of the ladder: a claim and its source differ from a translation pair in what
// matters. A name, number or interface label of one side without a partner on the other
// ("Click Users ..." against "Klik på Tilgængelighed ...") is evidence *against*, however
// well the rest matches; function words (du/you, til/of) say almost nothing.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "detail/align_sketch.hpp"
#include "detail/similarity_tokens.hpp"
#include "summalign/similarity.hpp"

namespace summalign::detail {

// What the support model looks at for one claim and one candidate (one or two sentences).
struct SupportFeatures {
    double claim_cover_idf = 0.0;  // claim word weight with a partner (link strength), function words
                                   // ~0, each word weighted by its rarity in the body
    double raw = 0.0;              // SentenceScorer::score of the pair (two-way coverage)
    double claim_missing = 0.0;    // names, numbers, abbreviations, labels of the claim without a partner
    double source_missing = 0.0;   // the same of the candidate
    double claim_words = 0.0;      // log(1 + content words of the claim): long claims summarise
    double two = 0.0;              // 1 for a pair of adjacent sentences
    // Content words of the candidate (not function words, pronouns or citation marks), and
    // how many of them have no link of strength >= 0.5 in the claim: what the candidate says
    // that the claim does not.
    double source_content = 0.0, source_unlinked = 0.0;
    // Compound words of the candidate that are linked to the claim through some of their parts
    // while another content part has no partner there: a head that matches under a modifier
    // that differs ("Tegntypografier" for "Paragraph Styles", "Højrekanten" for "top border").
    double source_part_unlinked = 0.0;
    // Whether one side is negated and the other not: "ikke", "aldrig", "ingen" … in the
    // candidate, "not", "never", "no", "non-" … in the claim ("Hvis Kombiner ikke er
    // markeret" for "When Combine is checked"; "gentaget element" for "non-recurring element").
    double negation_differs = 0.0;
    // Closed classes of values that exclude each other (before/after, top/bottom/left/right,
    // input/output, show/hide …) where each side states a value the other does not: how many
    // classes differ so ("The … histograms before “Color Enhance”." is not stated by "… efter
    // “Farveforbedring”."). Also each direction the candidate states the other way round
    // (the claim's "radians to degrees", the candidate's "grader til radianer" and never
    // "radianer til grader"). Enters the model with `negation_differs` (the same input and
    // weight): both say that the candidate states the contrary of the claim.
    double contrary = 0.0;
    // 1 when every sentence of the candidate is a question and the claim is not: a question
    // asks, it states nothing ("Hvad er GNU/Linux?" for "GNU/Linux is modelled on the Unix
    // operating system."). Enters the model with `negation_differs` too: the candidate does
    // not assert what the claim does.
    double question_differs = 0.0;
    // 1 when both sides leave a content word the lexicon knows without a partner and the
    // claim's such words carry at least 0.6 of its content weight (by rarity): the same frame
    // said of another object ("Enter the name of the country …" / "Indtast et navn til
    // hyperlinket."). Its own input of the model (the last), at `negation_differs`'s weight.
    double words_differ = 0.0;
    // Names of the claim that a translation keeps as they are (capitalised words, not the
    // first, that the lexicon has no translation for at all: "Scrivano", "Meyering") without
    // a partner in the candidate, less the candidate's content words that the lexicon knows
    // but that found no partner in the claim (an English label the lexicon lacks,
    // "Maintenance", may be translated by one of them, "Vedligeholdelse"); counted only when
    // the pair shows that it keeps names as they are: some identity token of the claim (not
    // its first word) is spelled the same in the candidate. Whatever the pair keeps, the
    // claim's numbers and tokens with digits that differ from one of the candidate (compared
    // by their digits; the smaller of the two counts): "Copyright 2022" is not "Ophavsret
    // 2021", "FIPS-180-2" not "FIPS-180-1", "MD5" not "SHA-1". Where the pair keeps names,
    // also each person the candidate names and the claim does not (two or
    // more such untranslatable capitalised words in a row, "Jim Meyering"). And in a candidate
    // left untranslated (most of its content words spelled as claim words), each label of the
    // claim without a partner where the candidate has an English word of its own in the same
    // slot ("The “Images” dialog …" / "The “Channels” dialog …"), or a quoted word of its own
    // beside a shared content word ("The “Palettes” dialog …"). And, whatever the pair keeps,
    // each quoted label of the claim without a partner beside a quoted label of the
    // candidate's own ("after “White Balance”" / "efter “Farveforbedring”"). And manual-page
    // references that differ: the claim's whose name the candidate does not spell against the
    // candidate's whose name the claim does not (the smaller count; "realpath(1)" / "dircolors(1)").
    // And the claim's command-line options the candidate does not write ("--from-file"): the
    // tokenizer splits them into words that ordinary Danish words partner.
    double claim_kept_missing = 0.0;

    // The model's inputs: log of the product of the two coverages (the old support score's
    // geometric mean, on a log scale), the claim's unpartnered identity tokens, its length,
    // the pair flag, `clash`: identity tokens left without a partner on *both* sides (min of
    // the two counts), a name or label that differs rather than one left out, and
    // `source_unlinked` / (`source_content` + 1): a sentence of another page that shares a
    // few of the claim's words ("Klik", "dialog", "vindue") leaves most of its own words
    // unpartnered; a share, not a count, so that a long sentence is not held against a claim
    // as such. Then `two` × `claim_words`: a long claim often joins statements, so the cost
    // of a pair shrinks with the claim's length (a short claim stated by two sentences is
    // unusual).
    // Then `source_part_unlinked` / (`source_content` + 1): a compound whose modifier
    // differs, as a share like `source_unlinked_share`; then `negation_differs`; last
    // `source_missing` / (`source_content` + 1): the candidate's names, numbers and labels
    // without a partner, as a share of its content words. A short sentence that names
    // someone or something the claim does not ("Skrevet af Jay Lepreau og David MacKenzie."
    // for "Written by David MacKenzie.") states something else; a long one whose Summary
    // sentence dropped a name or two still states the claim.
    // Last `claim_kept_missing`: "Written by Jim Meyering and Giuseppe Scrivano." is not
    // stated by "Skrevet af David MacKenzie og Jim Meyering.", where "Jim Meyering" shows that
    // names stay as they are, so "Scrivano" would be there too. `clash` cannot tell this from
    // a label translated by a word the lexicon does not link ("Users" / "Tilgængelighed"),
    // and half forgives it.
    // Then `words_differ`, apart from `negation_differs` so that a refit can weigh it alone
    // (docs/benchmarks.md, "Claim support: `words_differ` as its own input; its refit measured
    // and not kept").
    static constexpr std::size_t count = 12;
    std::array<double, count> values() const noexcept;
    static constexpr std::array<const char*, count> names = {"log_coverage", "claim_missing", "claim_words", "two", "clash",
                                                             "source_unlinked_share", "pair_words", "part_unlinked_share",
                                                             "negation_differs", "source_missing_share",
                                                             "claim_kept_missing", "words_differ"};
};

// `claim_rarity`: per claim token, log((N + 1) / (df + 1)) with df the body sentences that
// account for it (support_options), or empty for all 1.
SupportFeatures support_features(std::span<const PreparedSentence* const> source, const PreparedSentence& claim,
                                 std::span<const double> claim_rarity);

// Logistic model over the features: the probability that the candidate states the claim,
// calibrated on generated dev articles at even prior (half the claims supported).
struct SupportModel {
    std::array<double, SupportFeatures::count> weights{};
    double intercept = 0.0;
    double log_odds(const SupportFeatures& features) const noexcept;
    double probability(const SupportFeatures& features) const noexcept;
};
SupportModel default_support_model() noexcept;

// A token that carries identity rather than meaning: a number, an abbreviation, or a
// capitalised word that is not the first of its sentence (a name or interface label).
bool is_identity_token(const PreparedToken& token, bool first_of_sentence) noexcept;

// One way a claim may be supported: one body sentence, or two adjacent ones (a Summary
// sentence that joins two statements), with its features and probability.
struct SupportOption {
    std::size_t first = 0;       // body sentence index
    std::size_t second = SIZE_MAX;  // the other sentence of a pair, SIZE_MAX for one sentence
    SupportFeatures features;
    double probability = 0.0;
};

// The options scored for `claim` against the body: the kSupportCandidates sentences that
// account for the largest rarity-weighted share of the claim (word look-ups only, no
// scoring), then the pairs each of the best kSupportPairSeeds of those forms with a
// neighbour. Best first (ties in reading order).
// `clauses`: per body sentence, its clause after a colon prepared on its own, or nothing
// (colon_clauses); empty for none. A sentence is scored as a whole and by that clause, and
// counts with the better of the two: the segmenter keeps a list item or a statement after
// "…kan returneres: Middeltal for …" in the sentence that introduces it, whose words the
// claim does not state.
inline constexpr std::size_t kSupportCandidates = 8;
inline constexpr std::size_t kSupportPairSeeds = 3;
std::vector<SupportOption> support_options(const PreparedSentence& claim, std::span<const PreparedSentence> body,
                                           std::span<const SentenceSketch> body_sketches, const SupportModel& model,
                                           std::span<const std::optional<PreparedSentence>> clauses = {});

// Where the clause after the last colon of `text` starts when it reads as a sentence of its
// own (": " and a capital letter, at least five words after it, more than one word before
// the colon), or std::string_view::npos.
std::size_t colon_clause_start(std::string_view text);
// Per body sentence, its clause after a colon (colon_clause_start) prepared as Danish, or
// nothing; empty when no sentence has one.
std::vector<std::optional<PreparedSentence>> colon_clauses(const SentenceScorer& scorer,
                                                           std::span<const std::string_view> texts);

}  // namespace summalign::detail
