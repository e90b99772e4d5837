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
};

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

    std::size_t entry_count() const noexcept;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    friend class SentenceScorer;
};

}  // namespace summalign
