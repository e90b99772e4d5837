#pragma once
// The dictionary resource layer: the one Hunspell wrapper (HunspellDictionary), the shelf that
// loads each dictionary once for everything an Aligner builds (DictionaryShelf: the Parser's
// Dehyphenator and the Checker's Speller share it), and the medical-word layer the Speller
// puts over a shared dictionary without changing it (ExtendedDictionary).
//
// Hunspell's own API is not thread-safe (spell() and suggest() keep caches), so each loaded
// copy sits behind its own mutex; an owner that expects N threads at once asks for N copies
// (provide_copies, at most max_copies), so that a thread finds a free one instead of
// queueing. Answers of spell() and stem() are kept in a sharded memo that threads read
// without the copies' locks.
//
// Failure policy: a dictionary that is not found is an Error naming the file and every folder
// looked in (DictionaryShelf::require); an owner that can work without dictionaries (the
// Dehyphenator) asks with DictionaryShelf::find and says so (docs/schema.md, "Resources").
#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace summalign::detail {

// Hunspell's MAXWORDLEN: it reads no longer word, so no dictionary word (nor the spelling
// index's, made from them) is longer. A longer "word" is no compound of known words nor one
// edit from one, and the rules that ask about its parts or prefixes would cost its square.
inline constexpr std::size_t longest_dictionary_word_bytes = 100;

// Where Debian installs Hunspell dictionaries (hunspell-da, hunspell-en-us, hunspell-en-gb),
// and where older packages put them: the default of LexiconOptions::hunspell_dirs.
std::vector<std::filesystem::path> default_hunspell_dirs();

// The .dic file of dictionary `name` (e.g. "da_DK") in the first folder of `dirs` that
// holds both its .aff and .dic files; nothing when none does.
std::optional<std::filesystem::path> find_hunspell_dictionary(const std::vector<std::filesystem::path>& dirs,
                                                              std::string_view name);

class HunspellDictionary {
public:
    enum class Verdict : char { unknown, compound, lexical };
    // The most copies one dictionary holds (more threads take turns).
    static constexpr std::size_t max_copies = 64;

    // Loads `copies` (at least one) copies of `name` from the first folder of `dirs` that has
    // it; `extra_words` (lines "word" or "word model", # comments: "model" gives `word` the
    // affixes of that dictionary word, Hunspell's add_with_affix) are added to each copy.
    // Throws Error naming the .dic file and the folders when the dictionary is not found.
    HunspellDictionary(const std::vector<std::filesystem::path>& dirs, std::string_view name, std::size_t copies = 1,
                       std::string_view extra_words = {});
    // The same from a given .aff and .dic file (both must exist).
    HunspellDictionary(const std::filesystem::path& aff, const std::filesystem::path& dic, std::size_t copies,
                       std::string_view extra_words);
    ~HunspellDictionary();
    HunspellDictionary(const HunspellDictionary&) = delete;
    HunspellDictionary& operator=(const HunspellDictionary&) = delete;

    // Whether Hunspell accepts `word` as written (a capitalised form of a lower-case word too).
    bool spell(const std::string& word) const { return verdict(word) != Verdict::unknown; }
    // The same, telling a word of the dictionary from one its compounding rules make up.
    Verdict verdict(const std::string& word) const;
    // Hunspell's suggestions, best first (not kept: callers keep what they need).
    std::vector<std::string> suggest(const std::string& word) const;
    // Whether `word` is a base form (one of Hunspell's stems of it is the word itself).
    bool is_base_form(const std::string& word) const;

    // Loads more copies until there are `copies` (at most max_copies); safe while other
    // threads use the dictionary.
    void provide_copies(std::size_t copies) const;
    std::size_t copies() const noexcept;

    const std::filesystem::path& dic_file() const noexcept;
    const std::filesystem::path& aff_file() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The Hunspell dictionaries of one set of folders, each loaded once (unchanged: no extra
// words) and handed out shared: the Parser's Dehyphenator and the Checker's Speller of one
// Aligner use the same da_DK and en_US. Thread-safe.
class DictionaryShelf {
public:
    explicit DictionaryShelf(std::vector<std::filesystem::path> dirs);

    // Dictionary `name` with at least `copies` copies (at most HunspellDictionary::max_copies),
    // loaded on first request; null when no folder has it.
    std::shared_ptr<const HunspellDictionary> find(std::string_view name, std::size_t copies = 1);
    // The same, but a dictionary no folder has is an Error naming the file and the folders.
    std::shared_ptr<const HunspellDictionary> require(std::string_view name, std::size_t copies = 1);
    // Every dictionary loaded so far gets at least `copies` copies.
    void provide_copies(std::size_t copies);

    const std::vector<std::filesystem::path>& dirs() const noexcept { return dirs_; }

private:
    std::vector<std::filesystem::path> dirs_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const HunspellDictionary>, std::less<>> loaded_;
};

// A shared dictionary with words of its own on top (the medical word lists: lines as
// HunspellDictionary's `extra_words`), answering as that dictionary with the words added
// would, without changing it: the words go into a small Hunspell of their own (the
// dictionary's .aff and, for "word model" lines, the model's entries), asked when the shared
// one does not know a word, and a word joined by hyphens is split as Hunspell splits it
// (its default BREAK), so that "adipocyte-derived" is known. What this cannot give is
// Hunspell's own compounding across the two: an added word compounded with a dictionary word
// (the Speller's compound splitting covers those), or a compound of dictionary words that
// CHECKCOMPOUNDREP refuses because a REP replacement makes it an added word. suggest() needs
// the whole dictionary with the words added: it is loaded on the first call (the Checker,
// with its spelling index, never makes one). The small Hunspell is loaded from an in-memory
// .dic file (memfd; a temporary file where there is none, named by an Error when the
// temporary folder is not writable).
class ExtendedDictionary {
public:
    ExtendedDictionary(std::shared_ptr<const HunspellDictionary> base, std::string_view extra_words, std::size_t copies = 1);
    ~ExtendedDictionary();
    ExtendedDictionary(const ExtendedDictionary&) = delete;
    ExtendedDictionary& operator=(const ExtendedDictionary&) = delete;

    bool spell(const std::string& word) const;
    // Whether the shared dictionary or the added words know `word` by their affix rules
    // alone, not by Hunspell's compounding (tabellen: tabel + -len; edsikonet, ed + s +
    // ikonet, is a compound).
    bool spell_lexically(const std::string& word) const;
    std::vector<std::string> suggest(const std::string& word) const;
    bool is_base_form(const std::string& word) const;
    const std::filesystem::path& dic_file() const noexcept { return base_->dic_file(); }

private:
    bool known_whole(const std::string& word) const;
    bool known_broken(const std::string& word) const;
    bool extra_may_know(const std::string& word) const;

    std::shared_ptr<const HunspellDictionary> base_;
    std::unique_ptr<const HunspellDictionary> extra_;  // null when there are no extra words
    // What every word extra_ knows holds of one of its roots (lower case), when the .aff
    // lets that be bounded (extra_bounded_); else extra_ is asked about every word.
    std::vector<std::string> extra_parts_;
    bool extra_bounded_ = false;
    std::string extra_words_;
    std::size_t copies_;
    mutable std::once_flag whole_loaded_;
    mutable std::unique_ptr<const HunspellDictionary> whole_;  // for suggest()
};

}  // namespace summalign::detail
