#pragma once
// Bilingual lexicon: FreeDict (both directions), the team's glossary in data/, a learned
// IBM-Model-1 table, and user dictionaries. Built once, then read-only and thread-safe.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace summalign {

struct Translation {
    std::string target;   // lower-cased word or multi-word term in the other language
    float probability = 0.0f;
    enum class Source { freedict, glossary, learned, user } source = Source::freedict;
};
std::string_view to_string(Translation::Source source) noexcept;

struct LexiconOptions {
    bool use_freedict = true;
    bool use_glossary = true;
    bool use_learned = true;  // the default learned table, when it was built
    // hunalign `.dict` (`english @ danish` per line) when the name ends in .dict, otherwise
    // TSV (`danish<TAB>english`); '#' comment lines and blank lines are skipped.
    std::vector<std::filesystem::path> user_dictionaries;

    // Where the sources are; the defaults are what an installed system has.
    // FreeDict's dictd databases (freedict-dan-eng, freedict-eng-dan); missing ones are skipped.
    std::filesystem::path freedict_dir = "/usr/share/dictd";
    // Hunspell's dictionaries (da_DK, en_US, en_GB: Debian's hunspell-da, hunspell-en-us,
    // hunspell-en-gb), searched first to last; the Checker built on this Lexicon loads each
    // from the first folder that has it, and fails (Error naming the file and these folders)
    // when one is in none of them. An Aligner's Parser takes its da_DK and en_US from the
    // same folders (Parser(options)), and its Checker shares that load. The spelling index built with the library must come from
    // the same dictionaries.
    std::vector<std::filesystem::path> hunspell_dirs = {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"};
    // Empty: the data file `glossary-da-en.tsv` (find_data_file), skipped when absent.
    std::filesystem::path glossary_file;
    // Empty: the data file `lexicon-learned.bin` (find_data_file), skipped when absent.
    // A file named here must exist. The file may also hold copies of FreeDict and the
    // glossary (the build's does); they are used only while their source files are
    // unchanged, so the results never depend on it, only the load time does.
    std::filesystem::path learned_file;
};

// Name of the learned lexicon among the data files (see data.hpp); the build writes it
// into the build tree's data/ directory.
inline constexpr const char* default_learned_lexicon_name = "lexicon-learned.bin";
inline constexpr const char* default_glossary_name = "glossary-da-en.tsv";

// A default source that `options` asks for and this system lacks. A Lexicon skips it without
// a word, so its scores are weaker (the learned table links most of the words FreeDict
// lacks); a program should say so to its user.
struct MissingLexiconSource {
    Translation::Source source = Translation::Source::learned;
    std::string what;  // the file and where it was looked for, as an Error would say it
};
// Empty when every default source asked for is there. Files named in `options`
// (learned_file, glossary_file, user dictionaries) are not checked: a missing one throws
// when the Lexicon is made.
std::vector<MissingLexiconSource> missing_lexicon_sources(const LexiconOptions& options);

class Lexicon {
public:
    // Loads what `options` asks for; a missing optional component (e.g. no learned
    // table) is skipped, a malformed file throws Error naming the file and line (or, for
    // the binary file, the byte offset). A moved-from Lexicon may only be destroyed or
    // assigned to.
    explicit Lexicon(const LexiconOptions& options = {});
    ~Lexicon();
    Lexicon(Lexicon&&) noexcept;
    Lexicon& operator=(Lexicon&&) noexcept;

    // English translations of a Danish word or term, best first: higher probability, then
    // user > glossary > freedict > learned, then the source's own order. The query is
    // normalised like the keys (NFC, lower case, single spaces), so "Hus" finds "hus".
    // No stemming: pass the form (or stem) to look up.
    std::vector<Translation> da_to_en(std::string_view danish) const;
    // Danish translations of a lower-cased English word, best first.
    std::vector<Translation> en_to_da(std::string_view english) const;

    // Number of (headword, translation) pairs over both directions and all sources, as
    // stored: a pair that several sources give may count once per source.
    std::size_t entry_count() const noexcept;
    // True when the Danish word or term (lexicon-key form) has any translation.
    bool has_danish(std::string_view danish) const;
    bool has_english(std::string_view english) const;
    // False when no multi-word Danish (English) entry begins with the word `word`, so that a
    // caller need not look up the phrases it starts ("bone" -> "bone marrow"). True may be a
    // false alarm (an entry only a source this Lexicon leaves out has).
    bool may_start_danish_term(std::string_view word) const;
    // LexiconOptions::hunspell_dirs as given: where the Checker finds its dictionaries.
    const std::vector<std::filesystem::path>& hunspell_dirs() const noexcept;
    bool may_start_english_term(std::string_view word) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign
