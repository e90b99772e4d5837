// Alignment: the ladder (Resumé/Summary, titles, any two texts) and claim support.
// The DP lives in detail/align_dp, band strategy in detail/align_ladder, the mapping from
// raw similarity to a readable probability in detail/align_calibration (docs/scoring.md).
#include "summalign/align.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <unordered_map>

#include "detail/align_calibration.hpp"
#include "detail/align_ladder.hpp"
#include "detail/align_sketch.hpp"
#include "detail/similarity_keys.hpp"
#include "detail/claim_support.hpp"
#include "detail/journal_fields.hpp"

namespace summalign {
namespace {

using detail::BeadShape;

// Merge penalties (log-odds), chosen on the dev LibreOffice pages (docs/scoring.md):
// per unit of word weight that a merge's parts compete for, and per unit of the least-covered
// part's coverage below kCoveredPart.
constexpr double kSharedWordPenalty = 1.0;
constexpr double kUncoveredPartPenalty = 4.0;
constexpr double kCoveredPart = 0.35;

// Pointers to the sentences of a bead side, for SentenceScorer::score.
std::span<const PreparedSentence* const> side_of(std::span<const PreparedSentence> sentences, std::size_t begin,
                                                 std::size_t count, std::array<const PreparedSentence*, 2>& storage) {
    for (std::size_t k = 0; k < count; ++k) storage[k] = &sentences[begin + k];
    return {storage.data(), count};
}

std::size_t bytes_of(std::span<const PreparedSentence* const> side) {
    std::size_t total = 0;
    for (const auto* sentence : side) total += sentence->text.size();
    return total;
}

// The texts of sentences `ids` joined by spaces (Bead::da_text, en_text).
std::string joined_text(std::span<const PreparedSentence> sentences, const std::vector<std::size_t>& ids) {
    std::string text;
    for (std::size_t id : ids) {
        if (!text.empty()) text += ' ';
        text += sentences[id].text;
    }
    return text;
}

// Calibrated log-odds and probability that `danish` and `english` are translations.
struct Scored {
    double log_odds = 0.0;
    double probability = 0.0;
    std::vector<WordMatch> matches;
};

Scored score_pair(const SentenceScorer& scorer, const detail::Calibration& calibration,
                  std::span<const PreparedSentence* const> danish, std::span<const PreparedSentence* const> english,
                  bool with_matches) {
    Similarity s = scorer.score(danish, english, with_matches);
    Scored out;
    out.log_odds = calibration.log_odds(s.score, bytes_of(danish), bytes_of(english));
    out.probability = detail::logistic(out.log_odds);
    out.matches = std::move(s.matches);
    return out;
}

Scored score_pair(const SentenceScorer& scorer, const detail::Calibration& calibration, const PreparedSentence& danish,
                  const PreparedSentence& english, bool with_matches) {
    const PreparedSentence* da[] = {&danish};
    const PreparedSentence* en[] = {&english};
    return score_pair(scorer, calibration, da, en, with_matches);
}

std::string joined_title(const Article& article) {
    std::string text = article.title ? article.title->text : std::string();
    if (article.subtitle) {
        if (!text.empty()) text += ' ';
        text += article.subtitle->text;
    }
    return text;
}

// Calibrated log-odds of the 1-1 pairs a ladder search scored (NaN: not scored), kept so
// that align_article_parts's pair matrix does not score them a second time.
struct OneToOneScores {
    std::size_t columns = 0;
    std::vector<double> log_odds;
};

std::vector<Bead> ladder(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                         std::span<const PreparedSentence> english, const LadderOptions& options,
                         OneToOneScores* one_to_one, const detail::Band* fixed_band = nullptr, bool dense_band = false,
                         detail::SortedLinks* sorted = nullptr,
                         const detail::Calibration& calibration = detail::default_calibration()) {
    if (one_to_one) {
        one_to_one->columns = english.size();
        one_to_one->log_odds.assign(danish.size() * english.size(), std::numeric_limits<double>::quiet_NaN());
    }
    // A whole lattice pairs each sentence with many (dense); a band, with a few.
    // `dense_band`: a fixed band over a short lattice, where a sentence still meets most of
    // the other side's, is scored as a whole search is.
    const bool banded = (fixed_band && !dense_band) || (danish.size() + 1) * (english.size() + 1) > detail::LadderParameters{}.full_search_cells;
    detail::BeadScorer bead_scorer(danish, english, !banded, sorted);
    const detail::BeadSimilarity similarity = [&](std::size_t i, std::size_t j, BeadShape shape) {
        std::array<const PreparedSentence*, 2> da{}, en{};
        const double log_odds = calibration.log_odds(bead_scorer.score(i, shape.da, j, shape.en),
                                                     bytes_of(side_of(danish, i, shape.da, da)),
                                                     bytes_of(side_of(english, j, shape.en, en)));
        if (one_to_one && shape.da == 1 && shape.en == 1) one_to_one->log_odds[i * english.size() + j] = log_odds;
        return log_odds;
    };
    // Sketches (sorted token keys, lib/detail/align_sketch) of every sentence: for the merge
    // tests below and, on long texts, for the cheap first pass.
    // Made when first needed: a search over a short stretch uses them only for the few
    // merge beads that could win (below).
    std::vector<detail::SentenceSketch> danish_sketches(danish.size()), english_sketches(english.size());
    std::vector<char> danish_sketched(danish.size(), 0), english_sketched(english.size(), 0);
    auto danish_sketch = [&](std::size_t k) -> const detail::SentenceSketch& {
        if (!danish_sketched[k]) danish_sketches[k] = detail::sketch_of(danish[k]), danish_sketched[k] = 1;
        return danish_sketches[k];
    };
    auto english_sketch = [&](std::size_t k) -> const detail::SentenceSketch& {
        if (!english_sketched[k]) english_sketches[k] = detail::sketch_of(english[k]), english_sketched[k] = 1;
        return english_sketches[k];
    };
    // Long texts: sketch coverage (through the same calibration: both are weighted word
    // coverages) for the coarse first pass, and to skip the full score of beads whose
    // sketch already shows them hopeless.
    const bool long_texts = banded;
    detail::BeadSimilarity coarse;
    if (long_texts) {
        coarse = [&](std::size_t i, std::size_t j, BeadShape shape) {
            std::array<const detail::SentenceSketch*, 2> da{}, en{};
            std::size_t da_bytes = 0, en_bytes = 0;
            for (std::size_t k = 0; k < shape.da; ++k) da[k] = &danish_sketch(i + k), da_bytes += da[k]->bytes;
            for (std::size_t k = 0; k < shape.en; ++k) en[k] = &english_sketch(j + k), en_bytes += en[k]->bytes;
            return calibration.log_odds(detail::sketch_coverage({da.data(), shape.da}, {en.data(), shape.en}), da_bytes,
                                        en_bytes);
        };
    }
    // A merge must earn its keep: the scorer's two-way coverage of a true 1-1 pair with an
    // unrelated neighbour glued on barely drops (the glued sentence is short: a heading),
    // so without these terms an omitted sentence next to a true pair is cheaper inside a
    // merge than as an omission. docs/scoring.md, "Merges".
    const double shared_word_penalty = options.shared_word_penalty.value_or(kSharedWordPenalty);
    const double uncovered_part_penalty = options.uncovered_part_penalty.value_or(kUncoveredPartPenalty);
    // The merge test's per-pair part (links, coverage, matching), made once per (single
    // sentence, part sentence): each pair belongs to up to four merge beads. Keyed by which
    // side is single, the single sentence and the part sentence.
    std::unordered_map<std::uint64_t, detail::MergePart> merge_parts;
    auto merge_part_of = [&](bool danish_single, std::size_t single, std::size_t part) -> const detail::MergePart& {
        const std::uint64_t key = (std::uint64_t{danish_single} << 63) | (std::uint64_t{single} << 31) | part;
        auto found = merge_parts.find(key);
        if (found == merge_parts.end()) {
            detail::MergePart made = danish_single ? detail::merge_part(danish_sketch(single), english_sketch(part))
                                                   : detail::merge_part(english_sketch(single), danish_sketch(part));
            found = merge_parts.emplace(key, std::move(made)).first;
        }
        return found->second;  // stays valid: an unordered_map does not move its elements
    };
    auto merge_penalty = [&](std::size_t i, std::size_t j, BeadShape shape) -> double {
        if ((shape.da < 2 && shape.en < 2) || (shared_word_penalty == 0.0 && uncovered_part_penalty == 0.0)) return 0.0;
        for (std::size_t k = 0; k < shape.da; ++k) danish_sketch(i + k);
        for (std::size_t k = 0; k < shape.en; ++k) english_sketch(j + k);
        const std::span<const detail::SentenceSketch> da_side(danish_sketches.data() + i, shape.da);
        const std::span<const detail::SentenceSketch> en_side(english_sketches.data() + j, shape.en);
        double penalty = 0.0;
        if (shape.da + shape.en == 3) {
            // (1) The one word of the single side that explains a word in each part ("Print"
            // + "Prints the current document" against "Udskriver det aktuelle dokument");
            // (2) each part must be mostly accounted for by the other side.
            const detail::MergeCheck check =
                shape.da == 1 ? detail::check_merge(da_side[0], en_side[0], merge_part_of(true, i, j), en_side[1],
                                                    merge_part_of(true, i, j + 1))
                              : detail::check_merge(en_side[0], da_side[0], merge_part_of(false, j, i), da_side[1],
                                                    merge_part_of(false, j, i + 1));
            penalty += shared_word_penalty * check.shared_loss;
            penalty += uncovered_part_penalty *
                       std::max(0.0, kCoveredPart - std::min(check.first_coverage, check.second_coverage));
        } else if (uncovered_part_penalty != 0.0) {  // 2-2: (2) only
            // part_coverage of each part by the two sentences across, from the kept pairs.
            double least = 1.0;
            for (std::size_t k = 0; k < 2; ++k) {
                const detail::MergePart* by_english[] = {&merge_part_of(false, j, i + k), &merge_part_of(false, j + 1, i + k)};
                least = std::min(least, detail::part_coverage_from(da_side[k], by_english));
            }
            for (std::size_t k = 0; k < 2; ++k) {
                const detail::MergePart* by_danish[] = {&merge_part_of(true, i, j + k), &merge_part_of(true, i + 1, j + k)};
                least = std::min(least, detail::part_coverage_from(en_side[k], by_danish));
            }
            penalty += uncovered_part_penalty * std::max(0.0, kCoveredPart - least);
        }
        return penalty;
    };
    const detail::BeadSimilarity pruned_base = [&](std::size_t i, std::size_t j, BeadShape shape) {
        if (coarse) {
            // The sketch counts every possible link at full strength, so it over-estimates
            // the scorer's coverage (cognates aside): a bead whose sketch coverage is this
            // low cannot score well, and its sketch value stands in for the full score.
            constexpr double kHopelessCoverage = 0.3;
            std::array<const detail::SentenceSketch*, 2> da{}, en{};
            std::size_t da_bytes = 0, en_bytes = 0;
            for (std::size_t k = 0; k < shape.da; ++k) da[k] = &danish_sketch(i + k), da_bytes += da[k]->bytes;
            for (std::size_t k = 0; k < shape.en; ++k) en[k] = &english_sketch(j + k), en_bytes += en[k]->bytes;
            const double rough = detail::sketch_coverage({da.data(), shape.da}, {en.data(), shape.en});
            if (rough < kHopelessCoverage) return calibration.log_odds(rough, da_bytes, en_bytes);
        }
        return similarity(i, j, shape);
    };
    detail::LadderParameters parameters;
    if (options.omission_prior > 0.0) parameters.priors.omission = options.omission_prior;
    if (options.omission_penalty > 0.0) parameters.priors.omission = std::exp(-options.omission_penalty);
    if (options.merge_prior > 0.0) parameters.priors.merge = options.merge_prior;
    if (options.two_two_prior > 0.0) parameters.priors.two_two = options.two_two_prior;
    const double log_omission = std::log(parameters.priors.omission);
    // A merge bead's score before its penalty, kept: the DP asks for it first (as a bound,
    // below) and most merges lose already then, so their penalty is never computed.
    const bool penalised = shared_word_penalty != 0.0 || uncovered_part_penalty != 0.0;
    std::unordered_map<std::uint64_t, double> merge_bases;
    auto base_of = [&](std::size_t i, std::size_t j, BeadShape shape) {
        if (shape.da < 2 && shape.en < 2) return pruned_base(i, j, shape);
        const std::uint64_t key = (static_cast<std::uint64_t>(i) << 34) ^ (static_cast<std::uint64_t>(j) << 4) ^
                                  static_cast<std::uint64_t>(shape.da * 3 + shape.en);
        auto [it, inserted] = merge_bases.try_emplace(key, 0.0);
        if (inserted) it->second = pruned_base(i, j, shape);
        return it->second;
    };
    const detail::BeadSimilarity pruned = [&](std::size_t i, std::size_t j, BeadShape shape) {
        const double base = base_of(i, j, shape);
        // A bead that already loses to leaving each of its sentences out (same lattice
        // nodes, omissions only) can never be on the best path: the penalty, which only
        // lowers it, need not be computed.
        if (std::log(parameters.priors.of(shape)) + base <= (shape.da + shape.en) * log_omission) return base;
        return base - merge_penalty(i, j, shape);
    };
    parameters.band = options.band;
    parameters.fixed_band = fixed_band;
    // What any bead could score at best: full coverage (or none, which has a term of its
    // own) with its length term; the merge penalties only lower it. Found from the lengths
    // alone, it spares the scoring of beads already beaten where the DP needs them.
    const detail::BeadSimilarity bound = [&](std::size_t i, std::size_t j, BeadShape shape) {
        std::array<const PreparedSentence*, 2> da{}, en{};
        return calibration.best_log_odds(bytes_of(side_of(danish, i, shape.da, da)), bytes_of(side_of(english, j, shape.en, en))) +
               1e-9;
    };
    parameters.similarity_bound = &bound;
    // The score before the merge penalty bounds the score when the penalties only lower it;
    // beads without a penalty have no bound cheaper than their score (infinity: none).
    const detail::BeadSimilarity before_penalty = [&](std::size_t i, std::size_t j, BeadShape shape) {
        if (shape.da < 2 && shape.en < 2) return std::numeric_limits<double>::infinity();
        return base_of(i, j, shape);
    };
    if (penalised && shared_word_penalty >= 0.0 && uncovered_part_penalty >= 0.0)
        parameters.similarity_tighter_bound = &before_penalty;
    const auto path = detail::align_sequences(danish.size(), english.size(), pruned, parameters, nullptr,
                                              coarse && !fixed_band ? &coarse : nullptr);

    std::vector<Bead> beads;
    beads.reserve(path.size());
    for (const auto& step : path) {
        Bead bead;
        for (std::size_t k = 0; k < step.shape.da; ++k) bead.da.push_back(step.da_begin + k);
        for (std::size_t k = 0; k < step.shape.en; ++k) bead.en.push_back(step.en_begin + k);
        if (!bead.da.empty() && !bead.en.empty()) {
            std::array<const PreparedSentence*, 2> da{}, en{};
            const auto danish_side = side_of(danish, step.da_begin, step.shape.da, da);
            const auto english_side = side_of(english, step.en_begin, step.shape.en, en);
            if (options.with_matches) {
                // Scored again with its word matches: only for the beads kept, so the DP stays cheap.
                Scored s = score_pair(scorer, calibration, danish_side, english_side, true);
                bead.score = s.probability;
                bead.matches = std::move(s.matches);
            } else {
                // The bead's sentence pairs were linked during the search: its score (exactly
                // SentenceScorer::score's) is assembled from those links.
                bead.score = detail::logistic(calibration.log_odds(
                    bead_scorer.score(step.da_begin, step.shape.da, step.en_begin, step.shape.en),
                    bytes_of(danish_side), bytes_of(english_side)));
            }
        }
        bead.da_text = joined_text(danish, bead.da);
        bead.en_text = joined_text(english, bead.en);
        beads.push_back(std::move(bead));
    }
    return beads;
}

}  // namespace

std::vector<Bead> align_ladder(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                               std::span<const PreparedSentence> english, const LadderOptions& options) {
    return ladder(scorer, danish, english, options, nullptr);
}

namespace detail {

std::vector<Bead> align_ladder_in_band(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                                       std::span<const PreparedSentence> english, const LadderOptions& options,
                                       const Band& band, bool dense, SortedLinks* sorted) {
    return ladder(scorer, danish, english, options, nullptr, &band, dense, sorted, text_calibration());
}

std::vector<Bead> align_text_ladder(const SentenceScorer& scorer, std::span<const PreparedSentence> danish,
                                    std::span<const PreparedSentence> english, const LadderOptions& options) {
    return ladder(scorer, danish, english, options, nullptr, nullptr, false, nullptr, text_calibration());
}

}  // namespace detail

double support_threshold() noexcept { return detail::default_support_threshold(); }

namespace {

// Whether `offset` in `source` starts a printed line: only spaces stand between it and the
// line's start, or a gutter of three spaces or more does (`pdftotext -layout` sets the right
// column's lines beside the left one's; running text has one space between words, or two).
bool starts_line(std::string_view source, std::size_t offset) {
    if (offset > source.size()) return false;
    constexpr std::size_t kGutter = 3;
    std::size_t spaces = 0;
    while (offset > 0) {
        const char c = source[offset - 1];
        if (c == '\n' || c == '\r' || c == '\f') return true;
        if (c != ' ' && c != '\t') return spaces >= kGutter;
        ++spaces;
        --offset;
    }
    return true;
}

}  // namespace

namespace {

// The body's first sentences that translate the Summary's last ones are the Resumé's end: a
// paragraph break the parser read inside the Resumé (a blank line of `pdftotext -layout`
// that is only the other column's row, a line that happened to end short) cut it there.
// The ladder runs over the Resumé and as many of the body's first sentences as the Summary
// has, so that a Summary sentence the Resumé alone would have merged into its last bead can
// go to its own translation in the body; the body sentences it pairs, from the first on, each
// in an evident bead, are taken back, while the Resumé's last sentence stays paired. The
// first that is not ends the run.
std::size_t take_back_resume_end(const SentenceScorer& scorer, Article& article, std::span<const PreparedSentence> claims) {
    if (article.resume.empty() || article.sections.empty() || article.sections.front().heading ||
        article.sections.front().sentences.empty())
        return 0;
    // A body sentence that translates a Summary sentence scores 0.5 or more against it, as a
    // Resumé sentence past the Summary's count must to stay (settle_resume_end); one of the
    // body's own text far below. The bar is not 0.9: no lexicon entry links an English "the"
    // that a Danish noun's ending says (klinikken, behandlingen), which costs a translation
    // with several of them more than a tenth of its probability.
    constexpr double kEvidentTranslation = 0.5;
    const detail::Calibration calibration = detail::default_calibration();
    const auto& body = article.sections.front().sentences;
    // Most bodies open with text of their own: the ladder is run only where the first
    // sentence translates some Summary sentence.
    const PreparedSentence first = scorer.prepare(body.front().text, Lang::da);
    bool opens_with_translation = false;
    for (std::size_t j = 0; j < claims.size() && !opens_with_translation; ++j)
        opens_with_translation = score_pair(scorer, calibration, first, claims[j], false).probability >= kEvidentTranslation;
    if (!opens_with_translation) return 0;
    std::vector<PreparedSentence> danish;
    for (const auto& sentence : article.resume) danish.push_back(scorer.prepare(sentence.text, Lang::da));
    const std::size_t resume_size = danish.size();
    danish.push_back(first);
    for (std::size_t b = 1; b < std::min(body.size(), claims.size()); ++b) danish.push_back(scorer.prepare(body[b].text, Lang::da));
    std::size_t taken = 0;
    for (const Bead& bead : align_ladder(scorer, danish, claims, LadderOptions{})) {
        // The Resumé's last sentence left unpaired: the body sentence translates a Summary
        // sentence of the Resumé's middle (the extraction set it apart), not of its end.
        if (!bead.da.empty() && bead.da.back() + 1 == resume_size && bead.en.empty()) break;
        if (bead.da.empty() || bead.da.back() < resume_size) continue;
        if (bead.en.empty() || bead.score < kEvidentTranslation || bead.da.front() > resume_size + taken) break;
        taken = bead.da.back() + 1 - resume_size;
    }
    if (taken == 0) return 0;
    detail::move_body_start_to_resume(article, taken,
                                      (taken == 1 ? std::string("the body's first sentence translates")
                                                  : "the body's first " + std::to_string(taken) + " sentences translate") +
                                          " the Summary's last, which no Resumé sentence does: taken as the Resumé's end");
    return taken;
}

}  // namespace

std::size_t settle_resume_end(const SentenceScorer& scorer, Article& article, std::string_view source) {
    if (source.empty() || !article.summary || article.summary->sentences.empty()) return 0;
    std::vector<PreparedSentence> claims;
    for (const auto& sentence : article.summary->sentences) claims.push_back(scorer.prepare(sentence.text, Lang::en));
    if (!article.resume_end_guessed || article.resume.size() < 2) return take_back_resume_end(scorer, article, claims);
    // The ladder has already left these sentences unpaired; a translated sentence scores far
    // above this against its Summary sentence, one of another paragraph far below. (0.5 also
    // moved last Resumé sentences that a Summary leaves out: docs/benchmarks.md.)
    constexpr double kUntranslated = 0.1;
    const detail::Calibration calibration = detail::default_calibration();
    // A Summary leaves out a sentence or two and joins others; a Resumé sentence more than two
    // past the Summary's count is one of a Resumé that ran on, and only a sentence that the
    // Summary evidently translates keeps it there.
    constexpr double kBeyondCount = 0.5;
    // A Summary sentence that the ladder pairs with another Resumé sentence, and evidently so,
    // has its translation: a weak score against it (words the domain repeats: click, name,
    // document) does not make a second sentence translated too.
    constexpr double kEvidentPair = 0.9;
    std::vector<bool> translated_elsewhere(claims.size(), false);
    enum class TailEvidence { none, weak_against_taken, some };
    const auto translation = [&](const PreparedSentence& danish, std::size_t index) {
        const double limit = index >= claims.size() + 2 ? kBeyondCount : kUntranslated;
        TailEvidence found = TailEvidence::none;
        for (std::size_t j = 0; j < claims.size(); ++j) {
            const double probability = score_pair(scorer, calibration, danish, claims[j], false).probability;
            if (probability < limit) continue;
            if (!translated_elsewhere[j] || probability >= kBeyondCount) return TailEvidence::some;
            found = TailEvidence::weak_against_taken;
        }
        return found;
    };
    // Most guessed ends are right: a last sentence that the Summary evidently translates
    // settles it without the ladder. One that only scores above noise waits for the ladder,
    // which may pair its Summary sentence with another.
    const PreparedSentence last = scorer.prepare(article.resume.back().text, Lang::da);
    if (std::any_of(claims.begin(), claims.end(), [&](const PreparedSentence& claim) {
            return score_pair(scorer, calibration, last, claim, false).probability >= kBeyondCount;
        }))
        return take_back_resume_end(scorer, article, claims);
    std::vector<PreparedSentence> resume;
    for (const auto& sentence : article.resume) resume.push_back(scorer.prepare(sentence.text, Lang::da));
    const std::vector<Bead> beads = ladder(scorer, resume, claims, LadderOptions{}, nullptr);
    for (const Bead& bead : beads)
        if (!bead.da.empty() && bead.score >= kEvidentPair)
            for (const std::size_t j : bead.en) translated_elsewhere[j] = true;
    // A structured Resumé keeps a sentence of its last part.
    const std::size_t least = article.resume_parts.empty() ? 1 : article.resume_parts.back().begin + 1;
    std::size_t keep = resume.size();
    std::size_t cut = resume.size();  // the last paragraph start among the untranslated tail
    bool weak_last = false;             // the last sentence scores weakly against a taken one
    for (auto bead = beads.rbegin(); bead != beads.rend() && bead->en.empty() && bead->da.size() == 1; ++bead) {
        const std::size_t i = bead->da.front();
        const TailEvidence found = i + 1 == keep && i >= least ? translation(resume[i], i) : TailEvidence::some;
        if (found == TailEvidence::some) break;
        if (i + 1 == resume.size()) weak_last = found == TailEvidence::weak_against_taken;
        keep = i;
        if (starts_line(source, article.resume[i].span.start)) cut = i;
    }
    // A Summary leaves out a last Resumé sentence as often as a Resumé runs on by one: a
    // single one whose words the Summary does write stays (a run-on Resumé brings a paragraph).
    if (cut == resume.size() || (cut + 1 == resume.size() && weak_last)) return take_back_resume_end(scorer, article, claims);
    detail::move_resume_end_to_body(article, cut,
                                    "no blank line ends the Resumé, and the Summary translates none of its sentences from sentence " +
                                        std::to_string(cut + 1) + " on: they are taken as the body's opening text");
    return resume.size() - cut;
}

ArticleAlignment align_article_parts(const SentenceScorer& scorer, const Article& article) {
    const detail::Calibration calibration = detail::default_calibration();
    ArticleAlignment result;
    const Summary* summary = article.summary ? &*article.summary : nullptr;

    if (article.title && summary && summary->title) {
        TitlePair title;
        title.da = joined_title(article);
        title.en = summary->title->text;
        Scored s = score_pair(scorer, calibration, scorer.prepare(title.da, Lang::da), scorer.prepare(title.en, Lang::en), true);
        title.score = s.probability;
        title.matches = std::move(s.matches);
        result.title = std::move(title);
    }
    if (!summary) return result;

    std::vector<PreparedSentence> claims;
    for (const auto& sentence : summary->sentences) claims.push_back(scorer.prepare(sentence.text, Lang::en));

    // The Resumé/Summary ladder, only when both exist: a missing Resumé (a truncated
    // article) is not a translator's omission.
    if (!article.resume.empty() && !claims.empty()) {
        std::vector<PreparedSentence> resume;
        for (const auto& sentence : article.resume) resume.push_back(scorer.prepare(sentence.text, Lang::da));
        OneToOneScores scored;
        result.resume_summary = ladder(scorer, resume, claims, LadderOptions{}, &scored);
        result.resume_summary_matrix.assign(resume.size(), std::vector<double>(claims.size(), 0.0));
        for (std::size_t i = 0; i < resume.size(); ++i)
            for (std::size_t j = 0; j < claims.size(); ++j) {
                const double log_odds = scored.log_odds[i * scored.columns + j];
                result.resume_summary_matrix[i][j] = std::isnan(log_odds)
                                                         ? score_pair(scorer, calibration, resume[i], claims[j], false).probability
                                                         : detail::logistic(log_odds);
            }
    }

    // Claim support against the body (not the Resumé, which is the translation itself).
    std::vector<PreparedSentence> body;
    std::vector<detail::SentenceSketch> sketches;
    std::vector<std::pair<std::size_t, std::size_t>> where;  // (section, sentence)
    for (std::size_t s = 0; s < article.sections.size(); ++s)
        for (std::size_t k = 0; k < article.sections[s].sentences.size(); ++k) {
            body.push_back(scorer.prepare(article.sections[s].sentences[k].text, Lang::da));
            sketches.push_back(detail::sketch_of(body.back()));
            where.emplace_back(s, k);
        }
    // A sentence's clause after a colon, scored on its own too (detail::support_options).
    std::vector<std::string_view> body_texts;
    for (const auto& [s, k] : where) body_texts.push_back(article.sections[s].sentences[k].text);
    const auto clauses = detail::colon_clauses(scorer, body_texts);
    const double threshold = detail::default_support_threshold();
    const detail::SupportModel model = detail::default_support_model();
    constexpr std::size_t kMaxEvidence = 3;
    for (std::size_t c = 0; c < claims.size(); ++c) {
        ClaimSupport support;
        support.en = c;
        const auto options = detail::support_options(claims[c], body, sketches, model, clauses);
        if (!options.empty()) support.best_score = options.front().probability;
        // Evidence: the sentences of the options that reach the threshold, best option
        // first. A pair lists the sentence it was found from first, and its other sentence
        // only when the pair is more likely than that sentence alone (the claim joins two
        // statements); otherwise the neighbour merely rode along.
        std::vector<double> alone(body.size(), 0.0);
        for (const auto& option : options)
            if (option.second == SIZE_MAX) alone[option.first] = option.probability;
        std::vector<std::pair<double, std::size_t>> ranked;
        auto add = [&](double probability, std::size_t b) {
            if (ranked.size() >= kMaxEvidence) return;
            for (const auto& r : ranked)
                if (r.second == b) return;
            ranked.emplace_back(probability, b);
        };
        for (const auto& option : options) {
            if (option.probability < threshold) break;
            add(option.probability, option.first);
            if (option.second != SIZE_MAX && option.probability > alone[option.first]) add(option.probability, option.second);
        }
        for (const auto& [score, b] : ranked) {
            Evidence evidence;
            evidence.section = where[b].first;
            evidence.sentence = where[b].second;
            evidence.text = article.sections[where[b].first].sentences[where[b].second].text;
            evidence.score = score;
            evidence.matches = scorer.score(body[b], claims[c], true).matches;
            support.evidence.push_back(std::move(evidence));
        }
        support.supported = !support.evidence.empty();
        result.support.push_back(std::move(support));
    }
    return result;
}

}  // namespace summalign
