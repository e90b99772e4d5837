#pragma once
// Is this a word? Hunspell en_US + en_GB (+ the medical word list) for English, hunspell-da
// (+ its medical list, + compound splitting) for Danish, each dictionary taken from a
// DictionaryShelf (hunspell_dictionary.hpp: loaded once, a mutex per loaded copy, see
// SpellerOptions) with the medical words as an ExtendedDictionary on top.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "detail/check_words.hpp"
#include "detail/hunspell_dictionary.hpp"
#include "summalign/segment.hpp"

namespace summalign::detail {

struct SpellerOptions {
    // Folders searched for da_DK, en_US and en_GB, first to last (LexiconOptions::hunspell_dirs).
    std::vector<std::filesystem::path> dictionary_dirs = default_hunspell_dirs();
    // Extra words, one per line (# comments), added to Hunspell with add(); empty = none.
    std::string extra_english;
    std::string extra_danish;
    // How many times each dictionary is loaded (da_DK ~17 MB and ~0.07 s, the English ones
    // less): one per thread that checks at once lets them ask Hunspell together instead of
    // taking turns at its mutex (every new word of an archive is asked about).
    std::size_t danish_copies = 1;
    // The candidate index (spelling_index.hpp); empty = none: suggestions then come from
    // Hunspell's suggest() (the Checker always names one). A file that is missing, damaged
    // or built from other dictionaries than the ones found in dictionary_dirs is an Error.
    // Its words count as known (index_knows), the medical lists it was built with included:
    // give the same lists as extra words (the Checker does), or those words are known only
    // where the index answers.
    std::filesystem::path index_file;
    // The loaded dictionaries to take da_DK, en_US and en_GB from (the Parser's, so that an
    // Aligner loads each once); null: a shelf of its own over dictionary_dirs. The medical
    // words go on top of them (ExtendedDictionary), the shared dictionaries stay unchanged.
    std::shared_ptr<DictionaryShelf> dictionaries;
};

class Speller {
public:
    // Throws Error when a dictionary is missing, or the index file is missing, damaged or
    // built from other dictionaries.
    explicit Speller(const SpellerOptions& options);
    ~Speller();
    Speller(Speller&&) noexcept;
    Speller& operator=(Speller&&) noexcept;

    // Whether Hunspell (any dictionary of the language, extra words included) knows `word`
    // as written (Hunspell accepts a capitalised form of a lower-case word itself).
    bool known(std::string_view word, Lang lang) const;
    // Whether the candidate index holds `word` as written, or its lower-case form when the
    // word is capitalised or in capitals: then known() is true, at the cost of a hash probe
    // instead of Hunspell's affix and compound analysis. False without an index, and for
    // every compound (the index holds no compounds): a miss says nothing.
    bool index_knows(std::string_view word, Lang lang) const;
    // known(), or for Danish: the word is a compound of known parts (with the linking
    // -s- or -e- allowed), e.g. stamcelleterapi = stamcelle + terapi, gen- before a
    // form the index has (genafspil), a noun derived by rule (kædning, identifikator,
    // loggene, vedligeholdere), or
    // an index word and the adverb ind or ud closed up (logind, standardud);
    // for English: the other national spelling of an index word (grayscale, dialogs) or
    // two index words written closed up (gluepoint).
    bool acceptable(std::string_view word, Lang lang) const;
    // The part of acceptable() for Danish that index probes answer (the word or a regular
    // form of it in the index, gen-, a derived noun, an adverb compound, a compound of index
    // parts), or acceptable()'s kept answer when there is one: a yes is acceptable()'s yes
    // without Hunspell's analysis of the whole word; a no says nothing. For English: false
    // unless acceptable()'s answer is kept.
    bool acceptable_by_probes(std::string_view word, Lang lang) const;
    // Whether the lower-case Danish word writes sk for the sc of a loanword da_DK lists with
    // sc only: skript, skriptet, skalskript (script, scriptet, skal + script). Index probes;
    // false without an index. The word is no dictionary form, so the caller still asks
    // whether it is one likely slip from a word the article writes.
    bool sk_for_sc(std::string_view lower_word) const;
    // Danish compounds whose first part ends in -tion, -sion, -hed, -skab or -else take a
    // linking -s- (transplantationsbehandling). For a word that is such a compound without
    // it (transplantationbehandling) returns the word with the -s-; otherwise empty.
    std::string missing_linking_s(std::string_view danish_word) const;
    // Hunspell's suggestions, best first, without duplicates (en_US before en_GB).
    std::vector<std::string> suggest(std::string_view word, Lang lang) const;
    // known() for the word or its lower-case form, or a regular Danish form of an index word
    // (porteret from portere, vektoriserede from vektor): acceptable() without the
    // compound splitting, whose verdict a close dictionary word can overrule.
    bool known_plainly(std::string_view word, Lang lang) const;
    // The part of known_plainly() the index answers with hash probes: the word or its
    // lower-case form in the index, or a regular Danish form of an index word. A yes is
    // known_plainly()'s yes; a no says nothing (Hunspell may still know the word, e.g. a
    // compound its own rules make). False without an index.
    bool known_plainly_by_index(std::string_view word, Lang lang) const;
    // Whether the index has the lower-case `lower_word` or, for Danish, da_DK makes it by its
    // affix rules alone (fleksible, an inflection the index lacks), not by its compounding;
    // for English, whether en_US or en_GB knows it.
    bool known_lexically(std::string_view lower_word, Lang lang) const;
    // The index's words one edit (deletion, insertion, substitution, swap) from `lower_word`;
    // empty without an index. Kept per word (shared, not copied: asked for every compound).
    std::shared_ptr<const std::vector<std::string>> one_edit_words(std::string_view lower_word, Lang lang) const;
    // Whether a candidate index is loaded (then candidates() answers without Hunspell's suggest()).
    bool has_index() const noexcept;
    // Dictionary words one edit from `lower_word` (a lower-case word: deletion, insertion,
    // substitution, swap of neighbours), found by probing the index with every such edit; when
    // there is none, two edits (a second deletion, swap, doubling or vowel change) and, for
    // Danish, compounds whose one part is one edit off (tlgængelighedsmenuikonet ->
    // tilgængelighedsmenuikonet), each confirmed by Hunspell. Without an index: suggest().
    std::vector<std::string> candidates(std::string_view lower_word, Lang lang) const;
    // Computes and keeps the suggestions of those of `words` that no thread has asked
    // about, skipping (not waiting for) those another thread is computing: threads that
    // need the same new words, as at the start of a corpus, share the work instead of
    // taking turns. suggest() then finds them kept, or waits for the other thread's answer.
    void prepare_suggestions(std::span<const std::pair<std::string, Lang>> words) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Whether the words of a Danish sentence are English: a sentence the translation left in
// English (a message quoted whole, a paragraph not yet translated). Of its plain words (two
// letters or more, not in capitals), at least three are words the English dictionaries know
// and the Danish ones do not (acceptable()), and none is the other way round, or, in a
// longer sentence, at least six are and six times as many as the other way round; a Danish
// sentence naming a few English labels (Vælg Tools - Options) is not one. Asks Hunspell's
// Danish only about words index probes do not accept (acceptable_by_probes), and only in a
// sentence with three such words that English knows: the same answer at a fraction of the cost.
bool is_english_sentence(const Speller& speller, const std::vector<CheckWord>& words);

}  // namespace summalign::detail
