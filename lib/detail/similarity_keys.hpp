#pragma once
// The look-up structure of a PreparedSentence (PreparedSentence::keys) and the bead scorer
// of the alignment ladder: the machinery behind SentenceScorer::score, private to the library.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "detail/similarity_tokens.hpp"
#include "summalign/similarity.hpp"

namespace summalign::detail {

// Asks the caches for the line holding `p`. GCC (12, -O3) deletes a loop whose only effect
// is __builtin_prefetch, addresses and all: EnglishLines::prefetch's loop over a block's
// lines left no prefetch in the binary. An asm statement marked volatile is never deleted.
inline void prefetch_line(const void* p) {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
    __builtin_prefetch(p);
#endif
}

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
// links sorted by key) in one contiguous block per line. Scoring a candidate then reads one
// block (a few adjacent cache lines, one page) instead of a PreparedToken (and its vectors)
// per word, which were a cache miss each for the 40 candidates of every Danish line; and the
// prepared sentences need not be kept. LineScorer::score(lines, n) equals
// SentenceScorer::score(danish, english[n]).score exactly.
class EnglishLines {
public:
    // What add() throws for a sentence it cannot keep (a word after the 65,536th with
    // translation links; a cognate skeleton of 65,536 bytes, which prepare never makes):
    // `line` is its index among the sentences added, so that the caller can name the input
    // line.
    class TooLong : public std::length_error {
    public:
        TooLong(std::size_t line, const std::string& what) : std::length_error(what), line_(line) {}
        std::size_t line() const noexcept { return line_; }

    private:
        std::size_t line_;
    };

    EnglishLines() = default;
    // Appends `english` as line size(); later changes to it are not seen.
    void add(const PreparedSentence& english);
    std::size_t size() const { return offsets_.size(); }
    // Room for `lines` lines in `words` 8-byte words of blocks in all, so that add() need not
    // move the blocks kept so far (pages reserved and never written take no memory).
    void reserve(std::size_t lines, std::size_t words) {
        offsets_.reserve(lines);
        blocks_.reserve(words);
    }
    // The 8-byte words add(english) takes.
    static std::size_t words_for(const PreparedSentence& english);
    // Asks the caches for line `line`'s block, so that the misses of several candidates
    // overlap: a candidate's data is met cold, it was last read for another Danish line.
    void prefetch(std::size_t line) const {
        // At most 16 cache lines: a longer block is rare, and the hardware follows on.
        constexpr std::size_t kLine = 64, kMaxLines = 16;
        const auto* bytes = reinterpret_cast<const char*>(blocks_.data() + offsets_[line]);
        const std::size_t bytes_kept = block_words(line) * sizeof(std::uint64_t);
        const std::size_t size = std::min(bytes_kept, kLine * kMaxLines);
        for (std::size_t offset = 0; offset < size; offset += kLine) prefetch_line(bytes + offset);
    }
    // Asks the caches for where line `line`'s block starts: the first step of prefetch(),
    // which otherwise waits for that read before it can ask for the block.
    void prefetch_offset(std::size_t line) const { prefetch_line(offsets_.data() + line); }
    // Every key of line `line` by which a Danish line may reach it (own stems, anchors,
    // translation links), in no particular order, repeats included: mine's candidate index.
    template <typename F>
    void for_each_key(std::size_t line, F&& f) const {
        const View view = at(line);
        for (const auto& key : view.keys) f(key.key);
        for (const auto& link : view.links) f(link.key);
    }

private:
    friend class LineScorer;
    struct Header {
        std::array<std::uint64_t, 8> link_filter;  // of its links' keys, as a sentence's filter
        std::uint32_t characters;
        std::uint32_t token_count, key_count, link_count, cognate_size;
    };
    struct Token {
        float weight;
        std::uint32_t cognate_begin;  // in the line's skeletons (12 bytes either way)
        std::uint16_t cognate_size;   // 0: no skeleton
        bool inflected;
        bool compound;
    };
    static_assert(sizeof(Token) == 12, "a 32-bit skeleton offset costs no space beside the weight");
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
    // A block: Header, Key[key_count] (sorted: the line's key index), Link[link_count]
    // (sorted by key), Token[token_count], the skeletons' characters; each part starts at a
    // multiple of 8 bytes.
    static constexpr std::size_t words(std::size_t bytes) { return (bytes + 7) / 8; }
    struct View {
        const Header* header;
        std::span<const Key> keys;
        std::span<const Link> links;
        const Token* tokens;
        const char* cognates;
    };
    View at(std::size_t line) const {
        const std::uint64_t* block = blocks_.data() + offsets_[line];
        const auto* header = reinterpret_cast<const Header*>(block);
        block += words(sizeof(Header));
        const auto* keys = reinterpret_cast<const Key*>(block);
        block += words(sizeof(Key) * header->key_count);
        const auto* links = reinterpret_cast<const Link*>(block);
        block += words(sizeof(Link) * header->link_count);
        const auto* tokens = reinterpret_cast<const Token*>(block);
        block += words(sizeof(Token) * header->token_count);
        return {header, {keys, header->key_count}, {links, header->link_count}, tokens,
                reinterpret_cast<const char*>(block)};
    }
    std::size_t block_words(std::size_t line) const {
        return (line + 1 < offsets_.size() ? offsets_[line + 1] : blocks_.size()) - offsets_[line];
    }
    std::vector<std::uint64_t> blocks_;
    std::vector<std::size_t> offsets_;  // of each line's block in blocks_
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

// Sentences' links sorted by key before a ladder search (align_texts' anchor search sorts
// those of the segments it scores), handed to a BeadScorer so that it does not sort them
// again: danish[k] for Danish sentence k (null: none made), english[k] for English
// sentence k. A LineScorer may have been made from the sentence before it moved: the
// BeadScorer binds it to the sentence it is given.
struct SortedLinks {
    std::vector<std::unique_ptr<LineScorer>> danish;
    std::vector<EnglishLinks> english;
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
    // `sorted` (taken, for a dense search only; sizes those of `danish` and `english`): the
    // sentences' links sorted already, the same as the scorer would sort.
    BeadScorer(std::span<const PreparedSentence> danish, std::span<const PreparedSentence> english, bool dense = true,
               SortedLinks* sorted = nullptr);
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
