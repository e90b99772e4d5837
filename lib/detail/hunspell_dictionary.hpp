#pragma once
// The one Hunspell wrapper: a dictionary (name.aff + name.dic) found in a list of folders,
// loaded once per owner (the Checker's Speller, the Parser's Dehyphenator) and used through
// const calls from any number of threads.
//
// Hunspell's own API is not thread-safe (spell() and suggest() keep caches), so each loaded
// copy sits behind its own mutex; an owner that expects N threads at once loads N copies
// (Checker's `threads`), so that a thread finds a free one instead of queueing. Answers of
// spell() and stem() are kept in a sharded memo that threads read without the copies' locks.
//
// Failure policy: a dictionary that is not found is an Error naming the file and every folder
// looked in; an owner that can work without dictionaries (the Dehyphenator) catches it and
// says so (docs/schema.md, "Resources").
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace summalign::detail {

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

    // Loads `copies` (at least one) copies of `name` from the first folder of `dirs` that has
    // it; `extra_words` (lines "word" or "word model", # comments: "model" gives `word` the
    // affixes of that dictionary word, Hunspell's add_with_affix) are added to each copy.
    // Throws Error naming the .dic file and the folders when the dictionary is not found.
    HunspellDictionary(const std::vector<std::filesystem::path>& dirs, std::string_view name, std::size_t copies = 1,
                       std::string_view extra_words = {});
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

    const std::filesystem::path& dic_file() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign::detail
