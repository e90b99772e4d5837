#pragma once
// Words of one sentence for the checker: ICU word boundaries with byte positions, and the
// small text measures the checker needs (case, digits, cognate similarity).
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "detail/utf8.hpp"
#include "summalign/segment.hpp"

namespace summalign::detail {

struct CheckWord {
    std::string text;         // as written
    std::size_t begin = 0;    // byte offset in the sentence
    std::size_t end = 0;
    bool is_number = false;   // ICU says number: 5, 2,5, 4850
    bool is_letters = false;  // ICU says word of letters (may contain ' or . inside: e.g)
};

// Splits sentences into words with ICU's word rules; built once, split() is const and
// thread-safe (it works on a clone of the iterator).
class WordSplitter {
public:
    WordSplitter();
    ~WordSplitter();
    WordSplitter(WordSplitter&&) noexcept;
    WordSplitter& operator=(WordSplitter&&) noexcept;

    // Every non-space token, punctuation included (so that callers see brackets and hyphens).
    std::vector<CheckWord> split(std::string_view sentence) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Lower-casing, digit test, code-point count and edit distance: the text layer's (utf8.hpp).
// Number of Unicode upper-case letters and of letters.
std::size_t count_upper(std::string_view utf8);
std::size_t count_letters(std::string_view utf8);
bool starts_upper(std::string_view utf8);

// Levenshtein distance counted in code points of two UTF-8 strings; past `limit`, some value
// above it (utf8.hpp).
std::size_t edit_distance(std::string_view a, std::string_view b,
                          std::size_t limit = std::numeric_limits<std::size_t>::max());

// How alike a Danish and an English word look once the usual spelling correspondences are
// undone (ch/c -> k, ph -> f, th -> t, ...): 1 for the same word, 0 for nothing in common.
// chondrocytes ~ kondrocytter is about 0.8.
double cognate_similarity(std::string_view danish, std::string_view english);
// The same in two steps, for comparing one word with many: cognate_similarity(d, e) ==
// cognate_similarity_of_keys(cognate_key(d), cognate_key(e)). The same rules for both
// languages; the scorer's skeleton (similarity_words.hpp, cognate_skeleton) has rules per
// language and says why the two stay apart.
std::u32string cognate_key(std::string_view word);
double cognate_similarity_of_keys(std::u32string_view a, std::u32string_view b);
// cognate_similarity_of_keys(a, b) when that is at least `floor`, else 0. The edit
// distance is at least the difference in length, which alone rules most pairs out: the
// checker compares each suggestion with every word of an article.
double cognate_similarity_at_least(std::u32string_view a, std::u32string_view b, double floor);

// Plain similarity of two spellings of one language (1 - distance / longer length).
double spelling_similarity(std::string_view a, std::string_view b);

}  // namespace summalign::detail

namespace summalign::detail {

// The cost of typing `candidate` as `typo` under a small model of slips (lower-case words,
// costs per edit, optimal string alignment): a doubled or undoubled letter 0.4, two
// neighbours swapped 0.6, a vowel for a vowel or a key for its neighbour on the keyboard
// 0.6, a letter for one that sounds alike (c/k, s/z, v/w, ...) 0.7, a dropped letter 0.9,
// any other letter inserted or replaced 1.0; 0.5 more when the first letters differ (the
// first letter is seldom the slip). Plain Levenshtein counts all of these as 1, 2 for a swap.
double typo_cost(std::string_view typo, std::string_view candidate);

// Whether `word` has a vowel of Danish or English (a e i o u y æ ø å, with or without
// accents, either case).
bool has_vowel(std::string_view word);

// `word` with its first letter upper-cased (ICU's simple case mapping).
std::string capitalise_first(std::string_view word);

// Whether a token between white space (quotes, brackets and closing punctuation around it
// left out) is a file path rather than prose: it starts at a root, home or current folder
// (/etc/fstab, ~/.bashrc, ./configure, ../lib, $HOME/bin), a drive (C:\Programmer, D:/data),
// holds a backslash between names (Windows\System32), two slashes or more (usr/share/doc),
// or one slash before a file name with an extension (boot/grub.cfg). One slash between two
// words is prose (og/eller, input/output).
bool is_path_like(std::string_view token);

// For each of `words` (split from `text`, in text order), whether it lies wholly inside a
// token between ASCII white space for which `is_token` holds (a URL, a file path).
std::vector<bool> words_in_tokens(std::string_view text, const std::vector<CheckWord>& words, bool (*is_token)(std::string_view));

// Whether a token between white space (quotes and brackets around it left out) is code or
// a pattern rather than prose: it holds a mark prose does not glue to words, \ ^ { } [ ] < >
// = | _ $ # ~, or a star before something (\bboog, [^a-syz], M(iss){2}ippi, *.odc, key=value,
// snake_case). A star at the end is a footnote mark (ord*).
bool is_code_like(std::string_view token);

// For each of `words` (split from `text`), whether it lies inside a code-like token of text.
std::vector<bool> code_words(std::string_view text, const std::vector<CheckWord>& words);

// For each of `words` (split from `text`), whether it lies inside a path-like token of text.
std::vector<bool> path_words(std::string_view text, const std::vector<CheckWord>& words);

// The lower-cased names a sentence writes in code: the letter words inside a code-like or
// path-like token (speakup in speakup.synth=driver, exim in /etc/exim4), the letters before
// a digit in one word (exim in exim4), and the parts of a hyphen-joined name another part of
// which holds a digit or no vowel (partman in partman-lvm, partman-ext3). Of three letters
// or more. A word an article writes as a name in code is that name in its prose too.
std::vector<std::string> code_names(std::string_view text, const std::vector<CheckWord>& words);

// The lower-cased names a Danish sentence inflects after an apostrophe: umask in umask’en,
// troff in troff’er, tarball in tarball'en. Danish glues an ending to a word with an
// apostrophe only where the word is none of its own: a name, a foreign term, an abbreviation.
// Noun endings (-en, -et, -er, -erne, -ene, -ens, -ets, -ernes, -e, -ne), not a genitive -s,
// which English (a sentence left untranslated) writes after any word (user's). Of three
// letters or more. A word the article inflects so is a name in its prose too.
std::vector<std::string> apostrophe_inflected_names(const std::vector<CheckWord>& words);

// Whether words[i] is a word ending in brackets glued to the word before it, the way manuals
// write a singular and a plural or a definite form at once: fil(er), MAPPE(rne), knap(perne).
// The ending is no word; the stem before it is checked as a word of its own.
bool is_bracketed_ending(const std::vector<CheckWord>& words, std::size_t i);

}  // namespace summalign::detail
