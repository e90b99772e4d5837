// Bitext mining: for each Danish line its best English line, without comparing all pairs.
// An inverted index over translated stems and anchors proposes candidates, the full
// sentence score ranks them, and a margin over each line's typical score corrects for
// "hub" lines that score well with everything (as in margin-based mining with LASER).
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "detail/mine_votes.hpp"
#include "detail/parallel.hpp"
#include "detail/similarity_keys.hpp"
#include "detail/similarity_tokens.hpp"
#include "summalign/error.hpp"
#include "summalign/similarity.hpp"

namespace summalign {
namespace {

// Lines that occur more than once (headings, "Example:", boilerplate, a text joined with
// itself) are analysed once: `slot[k]` numbers line k's text among the distinct texts in
// order of first occurrence, and `first[s]` is the first line with text s. Everything
// mine computes for a line depends on its text only, so copies share it exactly.
struct DistinctLines {
    std::vector<std::uint32_t> slot;
    std::vector<std::uint32_t> first;
};

DistinctLines distinct_lines(std::span<const std::string> lines) {
    DistinctLines out;
    out.slot.resize(lines.size());
    std::unordered_map<std::string_view, std::uint32_t> seen;
    seen.reserve(lines.size());
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto [it, inserted] = seen.try_emplace(lines[k], static_cast<std::uint32_t>(out.first.size()));
        if (inserted) out.first.push_back(static_cast<std::uint32_t>(k));
        out.slot[k] = it->second;
    }
    return out;
}

// Threads for `count` lines: a thread costs more than the work on fewer than 64 lines.
unsigned useful_threads(std::size_t count, unsigned threads) {
    return std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, count / 64))));
}

// Re-weighting each word by how rare its stem is among the lines of its side: a word in
// half of the lines tells little about which line is the translation. Needs enough lines
// for document frequencies to mean something.
constexpr std::size_t kMinLinesForWeights = 50;

// The stems (first own key of each token) of a line, once each, without preparing it: the
// document frequencies need nothing else, and the lines are prepared later, a few at a time.
std::vector<std::uint64_t> distinct_stems(const SentenceScorer& scorer, std::string_view text, Lang lang) {
    std::vector<std::uint64_t> seen = detail::ScorerWords::stems(scorer, text, lang);
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    return seen;
}

struct CorpusWeights {
    std::unordered_map<std::uint64_t, std::uint32_t> document_frequency;
    double lines = 0.0;

    void apply(PreparedSentence& sentence) const {
        if (lines < static_cast<double>(kMinLinesForWeights)) return;
        const double max_idf = std::log(lines + 1.0);
        for (auto& token : sentence.tokens) {
            if (token.own_keys.empty()) continue;
            const auto found = document_frequency.find(token.own_keys.front());
            const double df = found == document_frequency.end() ? 0.0 : found->second;
            const double idf = std::clamp(std::log((lines + 1.0) / (df + 0.5)) / max_idf, 0.0, 1.0);
            token.weight = static_cast<float>(token.weight * (0.4 + 0.6 * idf));
        }
    }
};

// Keys with at most kAlwaysVisit lines are visited whatever MineOptions::vote_budget says.
constexpr std::size_t kAlwaysVisit = 64;

struct Candidate {
    std::uint32_t en = 0;
    float score = 0.0f;
};

// Best score first; equal scores by line number.
bool better_candidate(const Candidate& a, const Candidate& b) {
    return a.score > b.score || (a.score == b.score && a.en < b.en);
}

// A line's count of scored candidates is kept in a byte.
constexpr std::size_t kMaxCandidates = 255;

// What a line brings to the cheap estimate of a full score: its tokens' total weight (what
// coverage is a share of) and its length in characters (the score's length term).
struct LineSize {
    float weight = 0.0f;
    std::uint32_t characters = 0;
};

LineSize line_size(const PreparedSentence& sentence) {
    LineSize size;
    for (const auto& token : sentence.tokens) {
        size.weight += token.weight;
        size.characters += static_cast<std::uint32_t>(token.surface.size());
    }
    return size;
}

// An estimate of SentenceScorer::score from the candidate index alone: the votes are the
// weight of the Danish words that share a key with the English line, and about as much of
// the English line is matched in turn, so twice the votes over both lines' weight
// approximates the two-way coverage; the length term is the score's own.
float estimated_score(float votes, const LineSize& danish, const LineSize& english) {
    const float total = danish.weight + english.weight;
    if (total <= 0.0f) return 0.0f;
    return static_cast<float>(detail::with_length_term(std::min(1.0f, 2.0f * votes / total), danish.characters, english.characters));
}

}  // namespace

std::vector<MinedPair> mine(const SentenceScorer& scorer, std::span<const std::string> danish,
                            std::span<const std::string> english, unsigned threads) {
    MineOptions options;
    options.threads = threads;
    return mine(scorer, danish, english, options);
}

std::vector<MinedPair> mine(const SentenceScorer& scorer, std::span<const std::string> danish,
                            std::span<const std::string> english, const MineOptions& options) {
    std::vector<MinedPair> result(danish.size());
    for (std::size_t i = 0; i < danish.size(); ++i) {
        result[i].da_index = i;
        result[i].en_index = std::numeric_limits<std::size_t>::max();
    }
    if (danish.empty() || english.empty()) return result;
    const unsigned threads = std::max(1u, options.threads);

    // What the scores read of each distinct English text is kept (every Danish line's
    // candidates are scored against it); the texts are prepared a chunk at a time and
    // dropped once kept, and the Danish lines where they are used, so that memory is that
    // of one side's kept texts, not of every prepared sentence (whose many small
    // allocations, each on fresh pages, cost a tenth of the CPU at 100,000 lines).
    // Document frequencies come from a first pass that reads only each line's stems.
    const DistinctLines english_lines = distinct_lines(english);
    const DistinctLines danish_lines = distinct_lines(danish);
    CorpusWeights english_weights, danish_weights;
    if (options.corpus_weights) {
        // Document frequencies count every line, copies included.
        auto count_stems = [&](std::span<const std::string> lines, const DistinctLines& distinct, Lang lang,
                               CorpusWeights& weights) {
            std::vector<std::vector<std::uint64_t>> stems(distinct.first.size());
            detail::parallel_for(stems.size(), useful_threads(stems.size(), threads), [&](std::size_t s) {
                stems[s] = distinct_stems(scorer, lines[distinct.first[s]], lang);
            });
            weights.lines = static_cast<double>(lines.size());
            for (const auto s : distinct.slot)
                for (auto key : stems[s]) ++weights.document_frequency[key];
        };
        count_stems(english, english_lines, Lang::en, english_weights);
        count_stems(danish, danish_lines, Lang::da, danish_weights);
    }

    const std::size_t wanted = std::clamp<std::size_t>(options.candidates, 1, kMaxCandidates);
    const std::size_t full = options.full_scores == 0 ? wanted : std::min(wanted, options.full_scores);
    const std::size_t english_texts = english_lines.first.size();
    std::vector<LineSize> english_sizes(full < wanted ? english_texts : 0);
    detail::EnglishLines english_kept;
    {
        constexpr std::size_t kChunk = 4096;
        std::vector<PreparedSentence> chunk;
        for (std::size_t begin = 0; begin < english_texts; begin += kChunk) {
            const std::size_t count = std::min(kChunk, english_texts - begin);
            chunk.assign(count, PreparedSentence{});
            detail::parallel_for(count, useful_threads(count, threads), [&](std::size_t k) {
                chunk[k] = scorer.prepare(english[english_lines.first[begin + k]], Lang::en);
                english_weights.apply(chunk[k]);
            });
            if (begin == 0 && count < english_texts) {
                // Room for every text's block, from the first chunk's size and a quarter more:
                // growing the blocks by doubling copied them several times over. At most 2 GiB:
                // a first chunk of long paragraphs before many short lines must not ask for
                // more than the machine has (past it the blocks grow as they need).
                std::size_t words = 0;
                for (const auto& sentence : chunk) words += detail::EnglishLines::words_for(sentence);
                const std::size_t estimate = words / count * english_texts + words / count * english_texts / 4;
                english_kept.reserve(english_texts, std::min(estimate, std::size_t{1} << 28));
            }
            for (std::size_t k = 0; k < count; ++k) {
                if (!english_sizes.empty()) english_sizes[begin + k] = line_size(chunk[k]);
                try {
                    english_kept.add(chunk[k]);
                } catch (const detail::EnglishLines::TooLong& error) {
                    // Bad input: name the file and the line (the first with that text), from 1.
                    const std::size_t number = english_lines.first[error.line()] + std::size_t{1};
                    const std::string what = error.what();
                    if (options.english_name.empty())
                        throw Error(fmt::format("English line {}: {}", number, what));
                    throw Error(options.english_name, std::nullopt, fmt::format("line {}: {}", number, what));
                }
            }
        }
    }

    // Inverted index: key -> English lines having it as own stem, anchor or translation.
    struct Posting {
        std::vector<std::uint32_t> lines;
        std::vector<std::uint64_t> bits;  // the same lines a bit each, for a list of more than one line in 32
    };
    std::unordered_map<std::uint64_t, Posting> postings;
    for (std::uint32_t e = 0; e < english.size(); ++e) {
        // A line's keys come one line at a time, so a repeat within it is the list's last.
        english_kept.for_each_key(english_lines.slot[e], [&](std::uint64_t key) {
            auto& list = postings[key].lines;
            if (list.empty() || list.back() != e) list.push_back(e);
        });
    }
    // Keys shared by very many lines (function words) cost much and tell little.
    const std::size_t max_postings = std::max<std::size_t>(200, english.size() / 20);
    // The bits take fewer bytes than the list, and only lists that are ever counted get them.
    for (auto& entry : postings) {
        auto& posting = entry.second;
        if (posting.lines.size() * 32 > english.size() && posting.lines.size() <= max_postings)
            posting.bits = detail::line_bits(posting.lines, english.size());
    }

    // Per distinct Danish text (copies of a line get the same candidates).
    std::vector<std::vector<Candidate>> candidates(danish_lines.first.size());
    // How many of a line's candidates (the first, best first) have full scores; the rest
    // carry estimates.
    std::vector<std::uint8_t> scored_counts(danish_lines.first.size(), 0);
    struct Scratch {
        std::vector<detail::VoteList> queries;
        std::optional<detail::VoteTally> tally;
        std::vector<std::pair<std::uint32_t, float>> scored;  // (English slot, score) of the line in hand
    };
    std::vector<Scratch> scratch(threads);
    detail::parallel_for(candidates.size(), useful_threads(candidates.size(), threads), [&](std::size_t slot, unsigned t) {
        auto& s = scratch[t];
        const std::size_t d = danish_lines.first[slot];
        PreparedSentence da_line = scorer.prepare(danish[d], Lang::da);
        if (options.corpus_weights) danish_weights.apply(da_line);
        if (!s.tally) s.tally.emplace(english.size());
        // Query keys of every Danish word: the vote budget keeps the rarest, which
        // discriminate best; the tally then counts them heaviest word first.
        s.queries.clear();
        std::uint32_t token_id = 0;
        for (const auto& token : da_line.tokens) {
            ++token_id;
            auto query = [&](std::uint64_t key) {
                auto it = postings.find(key);
                if (it == postings.end() || it->second.lines.size() > max_postings) return;
                s.queries.push_back({it->second.lines, token_id, token.weight, it->second.bits});
            };
            for (const auto& link : token.links) query(link.key);
            for (auto key : token.own_keys) query(key);
            for (const auto& anchor : token.anchors) query(anchor.key);
        }
        std::sort(s.queries.begin(), s.queries.end(), [](const detail::VoteList& a, const detail::VoteList& b) {
            return a.lines.size() < b.lines.size();
        });
        std::size_t visited = 0, counted = 0;
        for (; counted < s.queries.size(); ++counted) {
            const std::size_t size = s.queries[counted].lines.size();
            if (visited > options.vote_budget && size > kAlwaysVisit) break;
            visited += size;
        }
        // The votes themselves are needed only for choosing the lines to score in full.
        const auto voted = s.tally->best(std::span(s.queries).first(counted), wanted, static_cast<std::uint32_t>(slot), full < wanted);
        std::vector<Candidate> proposed;
        proposed.reserve(voted.size());
        for (const auto& line : voted) proposed.push_back({line.line, line.votes});
        std::size_t to_score = proposed.size();
        if (proposed.size() > full) {
            // Only the likeliest few are scored in full, by an estimate from the votes.
            const LineSize danish_size = line_size(da_line);
            for (auto& candidate : proposed)
                candidate.score = estimated_score(candidate.score, danish_size, english_sizes[english_lines.slot[candidate.en]]);
            // Equal estimates (near-copies of one text) in an order of their own for each
            // Danish line, as VoteTally orders equal votes: by line number, the same few
            // copies would get every full score.
            const auto tie = static_cast<std::uint32_t>(slot);
            std::sort(proposed.begin(), proposed.end(), [tie](const Candidate& a, const Candidate& b) {
                if (a.score != b.score) return a.score > b.score;
                const auto ra = detail::tie_rank(a.en, tie), rb = detail::tie_rank(b.en, tie);
                return ra < rb || (ra == rb && a.en < b.en);
            });
            to_score = full;
        }
        if (proposed.empty()) {
            // Nothing shared at all: the line of most similar length is the best guess.
            std::uint32_t closest = 0;
            double closest_gap = std::numeric_limits<double>::max();
            for (std::uint32_t e = 0; e < english.size(); ++e) {
                const double gap = std::abs(static_cast<double>(english[e].size()) - static_cast<double>(danish[d].size()));
                if (gap < closest_gap) {
                    closest_gap = gap;
                    closest = e;
                }
            }
            proposed.push_back({closest, 0.0f});
            to_score = 1;
        }
        // Copies of an English text score alike: each distinct text is scored once.
        const detail::LineScorer line_scorer(da_line);
        s.scored.clear();
        const float last_estimate = proposed[to_score - 1].score;
        // The candidates' data is met cold: ask for all of it before the first score, so
        // that the misses overlap instead of coming one after the other.
        constexpr std::size_t kAhead = 8;
        auto prefetch = [&](std::size_t c) {
            english_kept.prefetch(english_lines.slot[proposed[c].en]);
        };
        // Where each block starts is met cold too: asked for all candidates at once, so that
        // prefetch() below need not wait for each in turn.
        for (std::size_t c = 0; c < to_score; ++c) english_kept.prefetch_offset(english_lines.slot[proposed[c].en]);
        for (std::size_t c = 0; c < std::min(kAhead, to_score); ++c) prefetch(c);
        for (std::size_t c = 0; c < to_score; ++c) {
            auto& candidate = proposed[c];
            if (c + kAhead < to_score) prefetch(c + kAhead);
            const std::uint32_t english_slot = english_lines.slot[candidate.en];
            const auto known = std::find_if(s.scored.begin(), s.scored.end(),
                                            [&](const auto& entry) { return entry.first == english_slot; });
            if (known != s.scored.end()) {
                candidate.score = known->second;
            } else {
                candidate.score = static_cast<float>(line_scorer.score(english_kept, english_slot));
                s.scored.emplace_back(english_slot, candidate.score);
            }
        }
        // The rest keep their estimate, put on the scale of the full scores by the last line
        // scored in full (its full score over its estimate): they are never picked, but they
        // count towards the margin's typical scores, which would otherwise be means of
        // fewer scores than the full search sees (an English line met by fewer Danish lines
        // looks less like a hub, and wins more).
        if (to_score < proposed.size()) {
            const float scale = last_estimate > 0.0f ? proposed[to_score - 1].score / last_estimate : 0.0f;
            for (auto& candidate : std::span(proposed).subspan(to_score)) candidate.score *= scale;
        }
        std::sort(proposed.begin(), proposed.begin() + static_cast<std::ptrdiff_t>(to_score), better_candidate);
        // A fresh vector: `proposed` keeps the capacity of every line it was offered.
        candidates[slot] = std::vector<Candidate>(proposed.begin(), proposed.end());
        scored_counts[slot] = static_cast<std::uint8_t>(to_score);
    });

    // Margin: a pair counts by how far it stands above the typical best scores of both
    // of its lines (mean of their k best), so a line that scores well with everything
    // does not win everywhere.
    static constexpr std::size_t k = 4;
    std::vector<std::vector<float>> english_best(english.size());
    if (options.margin) {
        for (const auto danish_slot : danish_lines.slot)
            for (const auto& candidate : candidates[danish_slot]) {
                auto& top = english_best[candidate.en];
                top.push_back(candidate.score);
                if (top.size() > 2 * k) {
                    std::nth_element(top.begin(), top.begin() + k, top.end(), std::greater<>());
                    top.resize(k);
                }
            }
    }
    auto mean_of_best = [](std::vector<float> scores) {
        if (scores.empty()) return 0.0;
        const std::size_t n = std::min(k, scores.size());
        std::partial_sort(scores.begin(), scores.begin() + static_cast<std::ptrdiff_t>(n), scores.end(), std::greater<>());
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += scores[i];
        return sum / static_cast<double>(k);  // fewer than k neighbours: the missing ones count as 0
    };
    std::vector<double> english_typical(english.size(), 0.0);
    if (options.margin)
        for (std::size_t e = 0; e < english.size(); ++e) english_typical[e] = mean_of_best(english_best[e]);

    // What a pair counts for: its margin (the raw score with margin off).
    std::vector<double> danish_typical(candidates.size(), 0.0);
    if (options.margin) {
        std::vector<float> own;
        for (std::size_t slot = 0; slot < candidates.size(); ++slot) {
            own.clear();
            for (const auto& candidate : candidates[slot]) own.push_back(candidate.score);
            danish_typical[slot] = mean_of_best(own);
        }
    }
    auto weight = [&](std::size_t slot, const Candidate& candidate) {
        if (!options.margin) return static_cast<double>(candidate.score);
        const double denominator = 0.5 * (danish_typical[slot] + english_typical[candidate.en]);
        return denominator > 0.0 ? candidate.score / denominator : static_cast<double>(candidate.score);
    };
    // Only a line scored in full can be picked: a text's pick is the first of its `scored`
    // candidates with the most weight, moved to the front (the others keep their order).
    for (std::size_t slot = 0; slot < candidates.size(); ++slot) {
        auto& list = candidates[slot];
        std::size_t best = 0;
        for (std::size_t c = 1; c < scored_counts[slot]; ++c)
            if (weight(slot, list[c]) > weight(slot, list[best])) best = c;
        std::rotate(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(best), list.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    }

    // One English line to one Danish text (MineOptions::one_to_one): the pairs are taken
    // most weight first, each only while both of its lines are free (competitive linking),
    // so a line that is another line's better translation is not picked as well. Found by
    // proposals: each text offers itself to its candidates by weight, and an English line
    // keeps the best offer so far (equal weights: the earlier text); with one weight per
    // pair this gives the same pairs as taking them in order, and most texts make one offer.
    // Sequential, in text order: the same pairs for any number of threads.
    std::vector<std::uint32_t> chosen(candidates.size(), 0);  // index into candidates[slot]
    if (options.one_to_one) {
        constexpr auto kFree = std::numeric_limits<std::uint32_t>::max();
        std::vector<std::uint32_t> holder(english.size(), kFree);  // the text whose offer a line keeps
        std::vector<bool> sorted(candidates.size(), false);        // past the first: all by weight
        auto offered = [&](std::uint32_t slot) { return weight(slot, candidates[slot][chosen[slot]]); };
        for (std::uint32_t first = 0; first < candidates.size(); ++first) {
            std::uint32_t slot = first;
            while (slot != kFree && scored_counts[slot] > 0) {
                const std::uint32_t line = candidates[slot][chosen[slot]].en;
                const std::uint32_t other = holder[line];
                if (other == kFree || offered(slot) > offered(other) || (offered(slot) == offered(other) && slot < other)) {
                    holder[line] = slot;
                    slot = other;  // the text that held the line offers itself to its next one
                    if (slot == kFree) break;
                }
                if (chosen[slot] + 1u == scored_counts[slot]) {
                    // Every candidate went to a better pair: the text keeps its first, as
                    // without the rule (sharing it).
                    chosen[slot] = 0;
                    break;
                }
                if (!sorted[slot]) {
                    auto& list = candidates[slot];
                    std::stable_sort(list.begin() + 1, list.begin() + scored_counts[slot],
                                     [&](const Candidate& a, const Candidate& b) { return weight(slot, a) > weight(slot, b); });
                    sorted[slot] = true;
                }
                ++chosen[slot];
            }
        }
    }

    for (std::size_t d = 0; d < danish.size(); ++d) {
        const std::uint32_t slot = danish_lines.slot[d];
        if (candidates[slot].empty()) continue;
        const auto& picked = candidates[slot][chosen[slot]];
        result[d].en_index = picked.en;
        result[d].score = picked.score;
    }
    return result;
}

}  // namespace summalign
