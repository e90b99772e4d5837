#pragma once
// The layout stage's machinery (the public part is summalign/layout.hpp, Repair): the source
// split into lines, figure captions lifted out of them, the document's own word forms and the
// line-break hyphen decisions, and the joining of a paragraph's lines. The parser (journal.cpp)
// is its user; tests include it to check each step.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "summalign/layout.hpp"
#include "summalign/text.hpp"

namespace summalign::detail {

class DictionaryShelf;  // hunspell_dictionary.hpp

// One physical line of the source after normalisation, without its line end. Running
// heads and page numbers are not lines (they are reported as repairs instead); a figure
// caption spliced into a line is cut out of `text`.
struct SourceLine {
    MappedText text;
    std::size_t start = 0;   // source span of the whole line, line end excluded
    std::size_t end = 0;
    std::size_t number = 0;  // 1-based line number in the source
    // The line ended in a soft hyphen (U+00AD), which normalisation removed: the word
    // continues on the next line without a space.
    bool ends_in_soft_hyphen = false;
    // Code points of the whole normalised line, a lifted caption included and surrounding
    // white space not: how much of the column the line filled (a paragraph's last line
    // is short).
    std::size_t width = 0;
    // Spaces before the first visible character in the source (in a column cut out of a
    // two-column page, from the column's cut): a paragraph's first line is often indented.
    std::size_t indent = 0;
    // A caption set on lines of its own stood just before this line and was lifted out: a
    // float the typesetter put between two lines of one paragraph (at a column's top).
    bool after_caption = false;
    // A running head or page number stood between this line and the one before and was
    // dropped: a page break, where a paragraph goes on whatever the text around it.
    bool after_page_break = false;
    // Over a column long in a text whose extraction evidently joins lines (pdftotext's
    // default mode): a word broken at a printed line's end stands joined, without its hyphen.
    bool joined_by_extraction = false;
    // From a document whose extraction sets spaces between kerned glyphs (`studier ,`,
    // `Sho ws`; close_kerning_spaces): join_lines closes words split so.
    bool kerning_spaces = false;

    bool blank() const;  // nothing but white space
};

// A figure caption lifted out of running text ("Fig. 1. Mulig klinisk ...").
struct LiftedCaption {
    std::string label;       // "Fig. 1"
    // The caption's part of the line it was cut from ("Mulig klinisk anvendelse af ..."),
    // then the lines it goes on over: the parser joins them as it joins a paragraph's lines
    // (join_lines), so their line-end hyphens are decided as the running text's are.
    std::vector<SourceLine> lines;
    std::size_t line = 0;    // index into LayoutResult::lines of the line it was cut from
    bool open = false;       // internal to repair_layout: the caption may go on on the next lines
    bool own_lines = false;  // set on lines of its own (nothing of the running text on them)
};

// A paragraph that stopped mid-sentence, continued with a block the extraction had moved
// elsewhere (the guess is also a `lines_joined` repair; the journal turns it into a
// structure note of the article holding the paragraph).
struct MovedBlockJoin {
    std::size_t paragraph_end = 0;      // index into LayoutResult::lines of the paragraph's last line
    std::size_t block_line_number = 0;  // source line number of the moved block's first line
    std::size_t start = 0, end = 0;     // the join's span, as in its repair
};

struct LayoutResult {
    std::vector<SourceLine> lines;
    std::vector<LiftedCaption> captions;
    std::vector<Repair> repairs;
    std::vector<MovedBlockJoin> moved_block_joins;  // in line order
};

// The word forms of one document (lower-cased), gathered where they occur unbroken, i.e.
// not split by a line-break hyphen: the document's own evidence for de-hyphenation.
class DocumentWords {
public:
    DocumentWords() = default;
    // Collects the words of `lines` and of the captions lifted from them, skipping the two
    // halves of every line-end hyphen.
    explicit DocumentWords(const std::vector<SourceLine>& lines, const std::vector<LiftedCaption>& captions = {});
    // Adds the words of one run of text (used by the constructor and by tests).
    void add_text(std::string_view text);

    // How often `word` (any case; "msc-biologien", "ikkehæmopoietiske") occurs unbroken.
    std::size_t count(std::string_view word) const;
    // Whether `word` occurs as the first part of a hyphenated compound ("novo" in "de novo-blodkar").
    bool is_compound_head(std::string_view word) const;
    // Whether `word` occurs in lower case somewhere (so a capitalised form is a sentence start).
    bool occurs_lowercase(std::string_view word) const;
    // Whether `word` occurs capitalised right after a word or a comma of the same line
    // ("Fanebladet Data", "Vælg Data"): a name's capital, which a sentence's start does not hide.
    bool occurs_capitalised_inside(std::string_view word) const;
    // Whether some longer word begins with `prefix` (any case): a closed compound's first
    // part ("fsautoresize" of "fsautoresizetab").
    bool begins_longer_word(std::string_view prefix) const;
    // How often words beginning with `prefix` (any case) occur unbroken: the forms of one
    // stem ("sidetypografi", "sidetypografier" for "sidetypograf").
    std::size_t count_beginning(std::string_view prefix) const;

    // A line-end break of the document: the word before the hyphen and the next line's first word.
    struct LineBreak {
        std::string before, after;
    };
    const std::vector<LineBreak>& line_breaks() const noexcept { return breaks_; }
    // `measure`'s verdict on the document's line breaks, taken once (the first caller's, on
    // any thread; later callers wait for it and read it).
    bool measured_once(const std::function<bool(const std::vector<LineBreak>&)>& measure) const;

private:
    // What the document says about one lower-cased word form. One table for all the
    // questions, so that collecting a word costs one hash look-up.
    struct WordFacts {
        std::size_t count = 0;       // occurrences as a whole word
        bool compound_head = false;  // occurs before an inner hyphen
        bool lowercase = false;      // occurs written in lower case
        bool capitalised_inside = false;  // capitalised after a word or comma (a name)
    };
    // Looks words up by string_view, so a look-up needs no temporary std::string.
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const noexcept { return std::hash<std::string_view>{}(word); }
    };
    void add_lines(const std::vector<SourceLine>& lines);
    const WordFacts* find(std::string_view word) const;
    WordFacts& facts(std::string_view lower_word);

    std::unordered_map<std::string, WordFacts, WordHash, std::equal_to<>> words_;  // lower-cased word -> facts
    std::set<std::string, std::less<>> sorted_;  // the same words in order, for questions about their beginnings
    std::string lower_;  // scratch buffer of add_text, reused so that a word costs no allocation
    std::vector<LineBreak> breaks_;
    struct Measured {
        std::once_flag once;
        bool verdict = false;
    };
    std::shared_ptr<Measured> measured_ = std::make_shared<Measured>();
};

// Whether `word` is a conjunction that, after a line-end hyphen, shows the hyphen to be a
// suspended compound's ("knogle-" | "og bruskdefekter", "ASCII-" | "eller katakana-tegn").
bool is_suspending_conjunction(std::string_view word);

// What to do with a hyphen at the end of a line.
enum class HyphenDecision {
    join,             // a line-break hyphen: genmanipu-|lerede -> genmanipulerede
    keep,             // a real hyphen: MSC-|transplantation -> MSC-transplantation
    keep_with_space,  // a suspended hyphen: knogle-|og bruskdefekter -> knogle- og bruskdefekter
};

// Decides whether a hyphen at a line break belongs to the word, using Hunspell's
// Danish/English dictionaries and the words seen elsewhere in the same document.
// Built once; const and safe to share across threads (Hunspell is guarded by a mutex).
class Dehyphenator {
public:
    // Loads da_DK and en_US from the system's Hunspell folders (LexiconOptions'
    // hunspell_dirs default), or from the first of `hunspell_dirs` that has each; without
    // them the decision rests on the document's words alone (has_dictionaries()).
    Dehyphenator();
    explicit Dehyphenator(const std::vector<std::filesystem::path>& hunspell_dirs);
    // With da_DK and en_US from `dictionaries` (`copies` copies each), shared with whoever
    // else takes them from there (the Parser's shelf: the Checker's Speller).
    explicit Dehyphenator(DictionaryShelf& dictionaries, std::size_t copies = 1);
    ~Dehyphenator();
    Dehyphenator(Dehyphenator&&) noexcept;
    Dehyphenator& operator=(Dehyphenator&&) noexcept;

    // `before`: the word ending the line, without its final hyphen ("genmanipu", "IL-3");
    // `after`: what starts the next line ("lerede stamceller [13].").
    HyphenDecision decide(std::string_view before, std::string_view after, const DocumentWords& words) const;
    // `preceding`: the paragraph's text before the broken word. A word that opens its
    // sentence has a capital that says nothing about a name; a word inside an e-mail
    // address or a path is not a compound.
    HyphenDecision decide(std::string_view before, std::string_view after, const DocumentWords& words,
                          std::string_view preceding) const;

    // Whether Hunspell (Danish or English) accepts `word` as it stands, not only as a
    // compound of other words.
    bool is_dictionary_word(std::string_view word) const;
    // Whether Hunspell (Danish or English) accepts `word` at all, also as a compound.
    bool knows(std::string_view word) const;
    bool has_dictionaries() const noexcept;
    // Where a hyphen went missing in `word`, a line-end break the extraction joined: after a
    // name or foreign word the document writes alone and no Danish dictionary knows, before a
    // Danish word ("Skolelinux|installationsprogrammet", "syslog|beskeder"), in a word no
    // dictionary knows. The byte offset of the cut, or 0.
    std::size_t joined_name_cut(std::string_view word, const DocumentWords& words) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Splits the source into lines and applies the line-level repairs (BOM, CRLF/CR, NFC,
// no-break spaces, soft hyphens, running heads, page numbers, caption lifting).
// Linear in the input size.
LayoutResult repair_layout(const SourceText& source);

// Takes out the spaces an extraction set between kerned glyphs (`knoglemarv en`, `studier ,`),
// where the document evidently has them (lib/detail/layout_spaces.cpp). Part of repair_layout.
void close_kerning_spaces(LayoutResult& result);

// Whether `first` and `second` (which opens in lower case), parts split at a space between
// kerned glyphs, make one word: the joined form is a word and at least one part is none
// (close_split_words).
bool kerned_parts_close(std::string_view first, std::string_view second, const Dehyphenator& dehyphenator,
                        const DocumentWords& words);

// `infor -` | `mation`: in a line with `kerning_spaces` that ends in a word part, a space and
// a hyphen, the part (a view into `text`) where it makes one word with the lower-case run
// opening `next` (the document writes that word, or kerned_parts_close says so) and the
// hyphen is a line-break one; else empty. close_kerning_spaces already took out such spaces
// where the document writes the word in the same case; this one asks the dictionaries too.
std::string_view kerned_word_before_hyphen(std::string_view text, std::string_view next,
                                           const Dehyphenator& dehyphenator, const DocumentWords& words);

// In a paragraph joined from lines with `kerning_spaces`, closes a word the extraction split
// at a space (`Sho ws` -> `Shows`), where the dictionaries or the document say so.
MappedText close_split_words(MappedText text, const Dehyphenator& dehyphenator,
                             const DocumentWords& words, std::vector<Repair>& repairs);

// Joins lines of one paragraph into running text: line-break hyphens removed or kept
// as `dehyphenator` decides, other line ends become single spaces. Appends repairs.
// The result is trimmed.
MappedText join_lines(const std::vector<const SourceLine*>& lines, const Dehyphenator& dehyphenator,
                      const DocumentWords& document_words, std::vector<Repair>& repairs);

}  // namespace summalign::detail
