#pragma once
// The candidate index's vote count for `mine`: which English lines share the most weight of
// Danish words with one Danish line. Private to the library.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace summalign::detail {

// One posting list to count: the English lines (ascending, each once) that have one key of
// Danish word `word`, whose `weight` a line gets at most once however many of the word's keys
// it has.
struct VoteList {
    std::span<const std::uint32_t> lines;
    std::uint32_t word = 0;
    float weight = 0.0f;
    // The same lines as a bit per line of the tally (bit e % 64 of word e / 64), or empty.
    // Worth having for a list with more than one line in 32: once only some hundred lines
    // can still be among the best, a word of bits answers for 64 lines at once, where the
    // list is read an entry (4 bytes) a line.
    std::span<const std::uint64_t> bits = {};
};

// The bits of VoteList::bits for `lines` (ascending, below `english_lines`).
std::vector<std::uint64_t> line_bits(std::span<const std::uint32_t> lines, std::size_t english_lines);

struct VotedLine {
    std::uint32_t line = 0;
    float votes = 0.0f;
};

// Order among lines with equal votes: a mix of the line and `tie` (the Danish line's own
// number), so that ties do not go to the same English lines for every Danish line (the
// lowest line numbers would then be every near-copy's candidates, which skews the margin's
// typical scores of those lines).
inline std::uint32_t tie_rank(std::uint32_t line, std::uint32_t tie) {
    std::uint32_t x = line * 0x9E3779B1u ^ tie;
    x ^= x >> 16;
    x *= 0x85EBCA6Bu;
    x ^= x >> 13;
    x *= 0xC2B2AE35u;
    x ^= x >> 16;
    return x;
}

// Per-thread scratch over `english_lines` lines, reused from one Danish line to the next.
class VoteTally {
public:
    explicit VoteTally(std::size_t english_lines);

    // The `wanted` lines with most votes (fewer when fewer have any), by votes and then by
    // tie_rank(line, tie); in no particular order. Words are counted heaviest first, and a
    // line's votes are added in that order, so they are the same floats whatever is skipped.
    // With `bound`, once `wanted` lines have more votes than all words still to count
    // together, no other line can reach them: the rest of the lists are then only checked
    // for the lines that still can (a bit per line, which stays in cache, or a search in
    // the list when they are few), instead of voting for every line in them (a cache miss
    // each). The lines are the same either way; without `exact_votes` the counting stops
    // once `wanted` lines are left, and their votes may then lack the words not counted.
    std::vector<VotedLine> best(std::span<const VoteList> lists, std::size_t wanted, std::uint32_t tie,
                                bool exact_votes = true, bool bound = true);

private:
    struct Entry {
        float votes = 0.0f;
        std::uint32_t stamp = 0;  // the last word (numbered from 1) that voted for the line
    };
    std::vector<Entry> tally_;
    std::vector<std::uint64_t> open_;  // bit per line that can still be among the best
    std::vector<std::uint32_t> touched_;
    std::vector<std::uint32_t> open_lines_;  // ascending
    std::vector<std::uint32_t> hits_;        // the open lines of the list in hand
    std::vector<VoteList> order_;
    std::vector<float> votes_;  // of the open lines, in their order
    std::vector<float> heap_;   // the best votes among them so far, least first
    struct Ranked {  // a line for the final choice: ascending `order` is descending votes, then tie_rank
        std::uint64_t order;
        std::uint32_t line;
        float votes;
    };
    std::vector<Ranked> ranked_;
    std::vector<double> rest_;  // weight of the words still to count, after each word
};

}  // namespace summalign::detail
