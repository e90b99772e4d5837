#pragma once
// A large journal corpus for benchmarks, made from the seed document by repeating it and
// laying each copy out anew, so that the parser meets the damage PDF extraction leaves at
// every scale rather than one memorised page: paragraphs re-wrapped at a different line
// width per copy, words broken at line ends with a hyphen, and running heads
// ("UGESKR LÆGER 165/50 · 8. DECEMBER 2003") and page numbers inserted between lines,
// mid-sentence, as they are in the seed. Deterministic for a given seed number, so runs
// and machines compare. Header-only: the bench programs, scripts/make-bench-corpus.sh
// (through bench_make_corpus) and tests/test_threads.cpp share it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace summalign::bench {

struct CorpusOptions {
    std::size_t copies = 1;     // how many times the seed is repeated
    std::uint64_t seed = 2003;  // layout choices are drawn from this
    bool relayout = true;       // false: the seed repeated verbatim
    // Percent of body paragraphs in which one word gets two inner letters swapped
    // (stamceller -> stamcleler): each copy then brings words no earlier copy had, as the
    // distinct articles of a real archive do, and memos of earlier copies no longer help.
    // 0 leaves the corpus exactly as before.
    unsigned typo_percent = 0;
};

namespace detail {

// splitmix64: tiny, fast and the same everywhere (std:: distributions are not).
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high].
    std::size_t between(std::size_t low, std::size_t high) { return low + next() % (high - low + 1); }
    bool chance(unsigned percent) { return next() % 100 < percent; }

private:
    std::uint64_t state_;
};

inline std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text) count += (c & 0xC0) != 0x80;
    return count;
}

inline std::string_view trim_right(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    return line;
}

// Lower-case letter at the start of `text`: a-z or a Latin-1 lower-case letter (æ, ø, å, é ...).
inline bool starts_lower(std::string_view text) {
    if (text.empty()) return false;
    const auto c = static_cast<unsigned char>(text[0]);
    if (c >= 'a' && c <= 'z') return true;
    return c == 0xC3 && text.size() > 1 && static_cast<unsigned char>(text[1]) >= 0xA0;
}

inline bool ends_lower(std::string_view text) {
    if (text.empty()) return false;
    const auto c = static_cast<unsigned char>(text.back());
    if (c >= 'a' && c <= 'z') return true;
    return text.size() > 1 && static_cast<unsigned char>(text[text.size() - 2]) == 0xC3 && c >= 0xA0;
}

// A wrapped body line of the seed: 50-70 characters (headings, bylines and the unwrapped
// Summary blocks are shorter or much longer and are copied verbatim).
inline bool is_full_line(std::string_view line) {
    const std::size_t length = code_points(trim_right(line));
    return length >= 50 && length <= 70;
}

inline bool ends_sentence(std::string_view line) {
    line = trim_right(line);
    return !line.empty() && (line.back() == '.' || line.back() == ':' || line.back() == '?' || line.back() == '!');
}

// Joins the lines of one paragraph into words, undoing the seed's own line-break hyphens
// the way a careful reader would (lower-case on both sides: a broken word; otherwise, as in
// "MSC-|biologien", a real hyphen).
inline std::vector<std::string> paragraph_words(const std::vector<std::string_view>& lines) {
    std::string joined;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = trim_right(lines[i]);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        const bool last = i + 1 == lines.size();
        if (!last && line.size() > 1 && line.back() == '-') {
            const std::string_view before = line.substr(0, line.size() - 1);
            if (ends_lower(before) && starts_lower(lines[i + 1])) {
                joined.append(before);  // a broken word: joined without the hyphen
                continue;
            }
            joined.append(line);  // a real hyphen: the word goes on without a space
            continue;
        }
        joined.append(line);
        if (!last) joined.push_back(' ');
    }
    std::vector<std::string> words;
    std::size_t begin = 0;
    while (begin < joined.size()) {
        std::size_t end = joined.find(' ', begin);
        if (end == std::string::npos) end = joined.size();
        if (end > begin) words.emplace_back(joined.substr(begin, end - begin));
        begin = end + 1;
    }
    return words;
}

inline bool is_vowel(unsigned char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
inline bool is_ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Where `word` may be broken so that its first part plus a hyphen takes at most `room`
// characters: after a vowel and before a consonant followed by a vowel ("stam|celle" style),
// ASCII letters only around the break, at least 3 characters on each side. 0 = nowhere.
inline std::size_t hyphenation_point(std::string_view word, std::size_t room) {
    std::size_t best = 0;
    for (std::size_t k = 3; k + 3 <= word.size(); ++k) {
        const auto a = static_cast<unsigned char>(word[k - 1]), b = static_cast<unsigned char>(word[k]),
                   c = static_cast<unsigned char>(word[k + 1]);
        if (!is_ascii_lower(a) || !is_ascii_lower(b) || !is_ascii_lower(c)) continue;
        if (!(is_vowel(a) && !is_vowel(b) && is_vowel(c))) continue;
        if (code_points(word.substr(0, k)) + 1 > room) break;
        best = k;
    }
    return best;
}

class PageWriter {
public:
    PageWriter(std::string& out, Random& random, std::size_t& page_number)
        : out_(out), random_(random), page_number_(page_number), lines_left_(random.between(45, 70)) {}

    void line(std::string_view text) {
        out_.append(text);
        out_.push_back('\n');
        if (--lines_left_ == 0) page_break();
    }

private:
    // The running head and the page number, in the order the extraction gives them.
    void page_break() {
        const std::string number = std::to_string(++page_number_);
        if (page_number_ % 2 == 0) {
            out_.append(number).append("\nUGESKR LÆGER 165/50 · 8. DECEMBER 2003 \n");
        } else {
            out_.append("UGESKR LÆGER 165/50 · 8. DECEMBER 2003\n").append(number).append("\n");
        }
        lines_left_ = random_.between(45, 70);
    }

    std::string& out_;
    Random& random_;
    std::size_t& page_number_;
    std::size_t lines_left_;
};

inline void wrap_paragraph(const std::vector<std::string>& words, std::size_t width, unsigned hyphenate_percent,
                           Random& random, PageWriter& page) {
    std::string line;
    std::size_t length = 0;
    const auto flush = [&](bool trailing_space) {
        if (trailing_space) line.push_back(' ');
        page.line(line);
        line.clear();
        length = 0;
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::string_view word = words[w];
        for (;;) {
            const std::size_t word_length = code_points(word);
            const std::size_t needed = word_length + (length > 0 ? 1 : 0);
            if (length + needed <= width || length == 0) {
                if (length > 0) line.push_back(' ');
                line.append(word);
                length += needed;
                break;
            }
            const std::size_t room = width > length + 1 ? width - length - 1 : 0;
            std::size_t cut = 0;
            if (word_length >= 8 && room >= 4 && random.chance(hyphenate_percent)) cut = hyphenation_point(word, room);
            if (cut == 0) {
                flush(random.chance(80));
                continue;  // the word starts the next line
            }
            line.push_back(' ');
            line.append(word.substr(0, cut)).push_back('-');
            flush(false);
            word.remove_prefix(cut);
        }
    }
    if (!line.empty()) flush(random.chance(50));
}

// Swaps two different inner letters of one word of at least 7 ASCII lower-case letters.
inline void add_typo(std::vector<std::string>& words, Random& random) {
    std::vector<std::size_t> candidates;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string& word = words[w];
        if (word.size() >= 7 && std::all_of(word.begin(), word.end(), [](char c) { return is_ascii_lower(static_cast<unsigned char>(c)); }))
            candidates.push_back(w);
    }
    if (candidates.empty()) return;
    std::string& word = words[candidates[random.between(0, candidates.size() - 1)]];
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::size_t k = random.between(1, word.size() - 3);
        if (word[k] == word[k + 1]) continue;
        std::swap(word[k], word[k + 1]);
        return;
    }
}

}  // namespace detail

// The corpus: `options.copies` layouts of `seed_text` one after the other.
inline std::string make_bench_corpus(std::string_view seed_text, const CorpusOptions& options) {
    std::string out;
    out.reserve(seed_text.size() * options.copies * 11 / 10);
    if (!options.relayout) {
        for (std::size_t i = 0; i < options.copies; ++i) out.append(seed_text);
        return out;
    }
    std::vector<std::string_view> lines;
    for (std::size_t begin = 0; begin < seed_text.size();) {
        std::size_t end = seed_text.find('\n', begin);
        if (end == std::string_view::npos) end = seed_text.size();
        lines.push_back(seed_text.substr(begin, end - begin));
        begin = end + 1;
    }
    detail::Random random(options.seed);
    std::size_t page_number = 4849;
    detail::PageWriter page(out, random, page_number);
    for (std::size_t copy = 0; copy < options.copies; ++copy) {
        const std::size_t width = random.between(52, 72);
        const unsigned hyphenate_percent = static_cast<unsigned>(random.between(40, 90));
        for (std::size_t i = 0; i < lines.size();) {
            // A paragraph: wrapped full-width lines and the shorter line that ends them.
            std::size_t j = i;
            while (j < lines.size() && detail::is_full_line(lines[j])) ++j;
            if (j > i && j < lines.size() && !lines[j].empty() && detail::code_points(lines[j]) <= 70 &&
                (!detail::ends_sentence(lines[j - 1]) || detail::starts_lower(lines[j])))
                ++j;
            if (j - i < 2) {
                page.line(lines[i]);  // headings, bylines, blank lines, Summary blocks: verbatim
                i = std::max(j, i + 1);
                continue;
            }
            const std::vector<std::string_view> paragraph(lines.begin() + static_cast<std::ptrdiff_t>(i),
                                                          lines.begin() + static_cast<std::ptrdiff_t>(j));
            std::vector<std::string> words = detail::paragraph_words(paragraph);
            if (options.typo_percent > 0 && random.chance(options.typo_percent)) detail::add_typo(words, random);
            detail::wrap_paragraph(words, width, hyphenate_percent, random, page);
            i = j;
        }
    }
    return out;
}

}  // namespace summalign::bench
