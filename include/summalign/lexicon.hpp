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
    // when one is in none of them. The spelling index built with the library must come from
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
    friend class SentenceScorer;
};

// ---- Learning a lexicon from parallel text (summalign learn-lexicon) ----------------

// Two texts that translate each other (a paragraph or a sentence).
struct ParallelText {
    std::string danish;
    std::string english;
};

struct LearnOptions {
    int iterations = 5;                 // EM iterations of IBM Model 1, per direction
    float min_probability = 0.05f;      // t(e|d) and t(d|e) below this are pruned
    std::size_t max_translations = 8;   // per headword and direction, best kept
    std::size_t min_count = 2;          // rarer words are neither headwords nor targets
    std::size_t max_words = 80;         // longer segments are skipped (cost is |da|·|en|)
    double max_length_ratio = 3.0;      // segments whose word counts differ more are skipped
    // true: keep a pair only when both directions' models keep it (precise);
    // false: keep it when either does (more recall, more noise).
    bool intersect = true;
    // Also store these sources in the file, so that a Lexicon using it needs no parsing
    // (entries keep their source; a Lexicon checks each bundled source's fingerprint and
    // re-reads the original when it changed). Empty: not bundled.
    std::filesystem::path bundle_freedict_dir;
    std::filesystem::path bundle_glossary_file;
};

struct LearnSummary {
    std::size_t segments_read = 0;
    std::size_t segments_used = 0;
    std::size_t danish_vocabulary = 0;
    std::size_t english_vocabulary = 0;
    std::size_t da_to_en_pairs = 0;
    std::size_t en_to_da_pairs = 0;
    std::size_t bundled_pairs = 0;  // FreeDict and glossary pairs, both directions
    std::size_t file_bytes = 0;
};

// Trains word translation probabilities on `corpus` with IBM Model 1 in both directions
// and writes them to `output` in the binary format Lexicon loads (LexiconOptions::learned_file,
// or the data file default_learned_lexicon_name).
LearnSummary learn_lexicon(std::span<const ParallelText> corpus, const std::filesystem::path& output, const LearnOptions& options = {});

// Which LibreOffice help pages to read: about one page in ten is held out of training so
// that alignment is evaluated on text the learned lexicon never saw (lib/detail/heldout.hpp).
enum class HelpPages { training, heldout, all };

// Paragraph pairs from LibreOffice's translated help: every page under `danish_root`
// (e.g. /usr/share/libreoffice/help/da) whose twin exists under `english_root`
// (…/help/en-US), paired by the pages' shared paragraph ids. Empty when the roots do not exist.
std::vector<ParallelText> read_libreoffice_help(const std::filesystem::path& danish_root, const std::filesystem::path& english_root,
                                                HelpPages pages = HelpPages::training);

// Parallel text from a `danish<TAB>english` file ('#' comment lines and blank lines
// skipped); a line without a tab throws Error naming the file and line.
std::vector<ParallelText> read_parallel_tsv(const std::filesystem::path& path);

}  // namespace summalign
