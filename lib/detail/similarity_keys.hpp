#pragma once
// The look-up structure of a PreparedSentence (PreparedSentence::keys) and the bead scorer
// of the alignment ladder: the machinery behind SentenceScorer::score, private to the library.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
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

// The English side of `mine`, set up once for all its lines and kept: what a score reads of
// each line (its tokens' weights, flags and cognate skeletons, its key index, its translation
// links sorted by key) in a few flat arrays shared by all lines. Scoring a candidate then
// reads a few contiguous blocks instead of a PreparedToken (and its vectors) per word, which
// were a cache miss each for the 40 candidates of every Danish line; and the prepared
// sentences need not be kept. LineScorer::score(lines, n) equals
// SentenceScorer::score(danish, english[n]).score exactly.
class EnglishLines {
public:
    EnglishLines() = default;
    // All of `english`, in its order, in arrays of exactly the size needed.
    explicit EnglishLines(std::span<const PreparedSentence> english);
    // Appends `english` as line size(); later changes to it are not seen.
    void add(const PreparedSentence& english);
    std::size_t size() const { return lines_.size(); }
    // Asks the caches for what a score reads of line `line`, so that the misses of several
    // candidates overlap: first its header (where its arrays start), then (the header at hand)
    // its arrays. A candidate's data is met cold, it was last read for another Danish line.
    void prefetch_header(std::size_t line) const { prefetch_range(&lines_[line], 1); }
    void prefetch_body(std::size_t line) const {
        const Line& kept = lines_[line];
        if (kept.token_count == 0) return;
        prefetch_range(tokens_.data() + kept.token_begin, kept.token_count);
        prefetch_range(keys_.data() + kept.key_begin, kept.key_count);
        prefetch_range(links_.data() + kept.link_begin, kept.link_count);
        prefetch_range(cognates_.data() + tokens_[kept.token_begin].cognate_begin, 1);
    }
    // Every key of line `line` by which a Danish line may reach it (own stems, anchors,
    // translation links), in no particular order, repeats included: mine's candidate index.
    template <typename F>
    void for_each_key(std::size_t line, F&& f) const {
        const Line& kept = lines_[line];
        for (std::size_t k = kept.key_begin; k < kept.key_begin + kept.key_count; ++k) f(keys_[k].key);
        for (std::size_t k = kept.link_begin; k < kept.link_begin + kept.link_count; ++k) f(links_[k].key);
    }

private:
    friend class LineScorer;
    struct Line {
        std::array<std::uint64_t, 8> link_filter{};  // of its links' keys, as a sentence's filter
        std::uint32_t token_begin = 0, key_begin = 0, link_begin = 0;
        std::uint32_t characters = 0;
        std::uint16_t token_count = 0, key_count = 0, link_count = 0;
    };
    struct Token {
        float weight;
        std::uint32_t cognate_begin;  // in cognates_
        std::uint16_t cognate_size;   // 0: no skeleton
        bool inflected;
        bool compound;
    };
    struct Key {
        std::uint64_t key;
        std::uint32_t token;  // within the line
    };
    struct Link {  // 16 bytes: there are several per word
        std::uint64_t key;
        float strength;
        std::uint16_t token;  // within the line
        std::uint8_t kind;    // a MatchKind
    };
    template <typename T>
    static void prefetch_range(const T* begin, std::size_t count) {
        // At most 8 cache lines per array: a longer line is rare and its misses are few per word.
        constexpr std::size_t kLine = 64, kMaxLines = 8;
        const auto* bytes = reinterpret_cast<const char*>(begin);
        const std::size_t size = std::min(count * sizeof(T), kLine * kMaxLines);
        for (std::size_t offset = 0; offset < size; offset += kLine) __builtin_prefetch(bytes + offset);
        if (size > 0) __builtin_prefetch(bytes + size - 1);  // the last line when not aligned
    }
    std::vector<Line> lines_;
    std::vector<Token> tokens_;
    std::vector<Key> keys_;    // each line's own and anchor keys, sorted (its key index)
    std::vector<Link> links_;  // each line's translation links, sorted by key
    std::string cognates_;
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
    // The same score against english.add()'s line `line`.
    double score(const EnglishLines& english, std::size_t line) const;

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
