#pragma once
// The look-up structure of a PreparedSentence (PreparedSentence::keys) and the bead scorer
// of the alignment ladder: the machinery behind SentenceScorer::score, private to the library.
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "detail/similarity_tokens.hpp"
#include "summalign/similarity.hpp"

namespace summalign::detail {

struct SentenceKeys {
    // (own or anchor key, token index) sorted by key: lets score() find a token by key quickly.
    std::vector<std::pair<std::uint64_t, std::uint32_t>> index;
    // One bit per key of `index` (bit = key % 64): most keys a scorer looks for are absent,
    // and this answers "certainly absent" without a search.
    std::uint64_t signature = 0;
    // The same idea with 512 bits and two bits per key (a Bloom filter), which stays
    // selective for long sentences, whose signature has almost every bit set.
    std::array<std::uint64_t, 8> filter{};
};

// `coverage` weighed by the length term as SentenceScorer::score weighs it: the two sides'
// character counts (`da_chars`, `en_chars`) far from the ratio translations have take up to
// a fifth of it away.
double with_length_term(double coverage, std::size_t da_chars, std::size_t en_chars);

// Builds sentence.keys from its tokens' own keys and anchors: the last step of
// SentenceScorer::prepare, and what a test that builds a sentence by hand calls.
void index_keys(PreparedSentence& sentence);

// sentence.keys->index, or nothing for a sentence without keys.
inline std::span<const std::pair<std::uint64_t, std::uint32_t>> key_index(const PreparedSentence& sentence) {
    if (!sentence.keys) return {};
    return sentence.keys->index;
}

// One English sentence's translation links sorted by key, for an English sentence scored
// against several Danish ones: the links from the English side are then met from the
// Danish sentence's own keys (a few dozen searches) instead of each English link being
// looked up in the Danish sentence. Movable; the sentence need not outlive it.
class EnglishLinks {
public:
    explicit EnglishLinks(const PreparedSentence& english);
    ~EnglishLinks();
    EnglishLinks(EnglishLinks&&) noexcept;
    EnglishLinks& operator=(EnglishLinks&&) noexcept;

private:
    friend class LineScorer;
    friend class BeadScorer;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One Danish sentence scored against many English ones (mine's candidates): score(english)
// is exactly SentenceScorer::score(danish, english).score. The Danish side is set up once,
// and its words' translation links are kept sorted by key, so that each English sentence's
// own keys and anchors look them up (a few dozen searches) instead of every Danish link
// being tested against each English sentence. `danish` must outlive it; const and
// thread-safe.
class LineScorer {
public:
    explicit LineScorer(const PreparedSentence& danish);
    ~LineScorer();
    LineScorer(const LineScorer&) = delete;
    LineScorer& operator=(const LineScorer&) = delete;

    double score(const PreparedSentence& english) const;
    // The same score, with `links` made from `english`.
    double score(const PreparedSentence& english, const EnglishLinks& links) const;

private:
    friend class BeadScorer;  // keeps one Impl per Danish sentence of a ladder
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Scores the beads of one ladder search over two fixed lists of sentences. The beads
// overlap (a sentence pair is part of its 1-1 bead and of the 1-2, 2-1 and 2-2 beads
// around it), so the word links of each sentence pair are found once and kept, and a bead
// is scored from the links of its sentence pairs. score() is exactly
// SentenceScorer::score(...).score of the same sentences. It keeps what it found: one
// object per search and thread; `danish` and `english` must outlive it.
class BeadScorer {
public:
    // `dense`: each sentence will be paired with many of the other side (a search over a
    // whole lattice), so that each sentence's links are sorted once and each pair's cognate
    // candidates kept; a banded search pairs a sentence with two or three others, for which
    // that costs more than it saves. The scores are the same either way.
    BeadScorer(std::span<const PreparedSentence> danish, std::span<const PreparedSentence> english, bool dense = true);
    ~BeadScorer();
    BeadScorer(const BeadScorer&) = delete;
    BeadScorer& operator=(const BeadScorer&) = delete;

    // danish[da_begin, da_begin + da_count) against english[en_begin, en_begin + en_count).
    double score(std::size_t da_begin, std::size_t da_count, std::size_t en_begin, std::size_t en_count);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign::detail
