#pragma once
// Bilingual lexicon: FreeDict (both directions), the team's glossary in data/, a learned
// IBM-Model-1 table, and user dictionaries. Built once, then read-only and thread-safe.
#include <cstddef>
#include <filesystem>
#include <memory>
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
    std::vector<std::filesystem::path> user_dictionaries;  // hunalign .dict or TSV

    // Where the sources are; the defaults are what an installed system has.
    // FreeDict's dictd databases (freedict-dan-eng, freedict-eng-dan); missing ones are skipped.
    std::filesystem::path freedict_dir = "/usr/share/dictd";
    // Empty: the data file `glossary-da-en.tsv` (find_data_file), skipped when absent.
    std::filesystem::path glossary_file;
    // Empty: the data file `lexicon-learned.bin` (find_data_file), skipped when absent.
    // A file named here must exist.
    std::filesystem::path learned_file;
};

// Name of the learned lexicon among the data files (see data.hpp); the build writes it
// into the build tree's data/ directory.
inline constexpr const char* default_learned_lexicon_name = "lexicon-learned.bin";
inline constexpr const char* default_glossary_name = "glossary-da-en.tsv";

class Lexicon {
public:
    // Loads what `options` asks for; a missing optional component (e.g. no learned
    // table) is skipped, a malformed file throws Error naming the file and line.
    explicit Lexicon(const LexiconOptions& options = {});
    ~Lexicon();
    Lexicon(Lexicon&&) noexcept;
    Lexicon& operator=(Lexicon&&) noexcept;

    // English translations of a lower-cased Danish word (or stem), best first.
    std::vector<Translation> da_to_en(std::string_view danish) const;
    // Danish translations of a lower-cased English word, best first.
    std::vector<Translation> en_to_da(std::string_view english) const;

    // Number of (headword, translation) pairs over both directions and all sources.
    std::size_t entry_count() const noexcept;
    // True when the Danish word or term (lexicon-key form) has any translation.
    bool has_danish(std::string_view danish) const;
    bool has_english(std::string_view english) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    friend class SentenceScorer;
};

}  // namespace summalign
