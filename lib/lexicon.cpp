#include "summalign/lexicon.hpp"

#include <fmt/format.h>

#include <optional>
#include <unordered_set>

#include "detail/lexicon_binary.hpp"
#include "detail/lexicon_tables.hpp"
#include "detail/lexicon_text.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"

namespace summalign {

std::string_view to_string(Translation::Source source) noexcept {
    switch (source) {
        case Translation::Source::freedict: return "freedict";
        case Translation::Source::glossary: return "glossary";
        case Translation::Source::learned: return "learned";
        case Translation::Source::user: return "user";
    }
    return "unknown";
}

namespace {

// The path of an optional data file, or empty when no data directory has it.
std::filesystem::path optional_data_file(const char* name) {
    try {
        return find_data_file(name);
    } catch (const Error&) {
        return {};
    }
}

}  // namespace

std::vector<MissingLexiconSource> missing_lexicon_sources(const LexiconOptions& options) {
    using Source = Translation::Source;
    std::vector<MissingLexiconSource> missing;
    const auto look_for = [&](bool asked, const std::filesystem::path& named, const char* name, Source source) {
        if (!asked || !named.empty()) return;
        try {
            find_data_file(name);
        } catch (const Error& error) {
            missing.push_back({source, error.what()});
        }
    };
    look_for(options.use_learned, options.learned_file, default_learned_lexicon_name, Source::learned);
    if (options.use_freedict) {
        for (const auto& file : detail::freedict_files(options.freedict_dir)) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(file, ec))
                missing.push_back({Source::freedict, file.string() + ": no such file (Debian's dict-freedict-dan-eng and dict-freedict-eng-dan)"});
        }
    }
    look_for(options.use_glossary, options.glossary_file, default_glossary_name, Source::glossary);
    return missing;
}

struct Lexicon::Impl {
    // Sources parsed at construction: user dictionaries, and FreeDict or the glossary
    // when the binary file does not hold a current copy of them.
    detail::BilingualTables tables;
    // The binary lexicon file, memory-mapped: the learned table, and usually FreeDict and
    // the glossary bundled at build time; `binary_sources` says which of its sources count.
    std::optional<detail::MappedLexicon> binary;
    std::uint32_t binary_sources = 0;
    std::vector<std::filesystem::path> hunspell_dirs;

    std::vector<Translation> lookup(const detail::TermTable& table, detail::Direction direction, std::string_view word) const {
        const std::string key = detail::lexicon_key(word);
        std::vector<Translation> translations;
        if (auto found = table.entries.find(key); found != table.entries.end()) translations = found->second;
        if (binary && binary_sources != 0) {
            auto more = binary->lookup(direction, key, binary_sources);
            if (more.empty()) return translations;
            if (translations.empty() && binary_sources == detail::source_bit(Translation::Source::learned)) return more;
            for (auto& translation : more) detail::merge_translation(translations, std::move(translation));
            detail::sort_best_first(translations);
        }
        return translations;
    }

    // First words (lexicon-key form, with the space after them) of the multi-word keys of
    // `tables`, per direction.
    std::unordered_set<std::string> term_heads[2];

    bool may_start_term(detail::Direction direction, std::string_view word) const {
        std::string prefix = detail::lexicon_key(word);
        prefix += ' ';
        return term_heads[static_cast<int>(direction)].contains(prefix) || (binary && binary->has_prefix(direction, prefix));
    }

    bool contains(const detail::TermTable& table, detail::Direction direction, std::string_view word) const {
        const std::string key = detail::lexicon_key(word);
        return table.entries.contains(key) || (binary && binary_sources != 0 && binary->contains(direction, key, binary_sources));
    }
};

Lexicon::Lexicon(const LexiconOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->hunspell_dirs = options.hunspell_dirs;
    auto& tables = impl_->tables;
    using Source = Translation::Source;
    if (options.use_learned || options.use_freedict || options.use_glossary) {
        const auto binary = options.learned_file.empty() ? optional_data_file(default_learned_lexicon_name) : options.learned_file;
        if (!binary.empty()) impl_->binary.emplace(binary);
    }
    const auto bundled = [&](Source source) {
        return impl_->binary && (impl_->binary->bundle().source_mask & detail::source_bit(source)) != 0;
    };
    if (options.use_learned && bundled(Source::learned)) impl_->binary_sources |= detail::source_bit(Source::learned);
    if (options.use_freedict) {
        if (bundled(Source::freedict) &&
            impl_->binary->bundle().freedict_fingerprint == detail::files_fingerprint(detail::freedict_files(options.freedict_dir)))
            impl_->binary_sources |= detail::source_bit(Source::freedict);
        else
            detail::load_freedict(tables, options.freedict_dir);
    }
    if (options.use_glossary) {
        const auto glossary = options.glossary_file.empty() ? optional_data_file(default_glossary_name) : options.glossary_file;
        if (!glossary.empty()) {
            if (bundled(Source::glossary) && impl_->binary->bundle().glossary_fingerprint == detail::files_fingerprint({glossary}))
                impl_->binary_sources |= detail::source_bit(Source::glossary);
            else
                detail::load_tsv_dictionary(tables, glossary, Source::glossary);
        }
    }
    for (const auto& path : options.user_dictionaries) detail::load_user_dictionary(tables, path);
    tables.finish();
    for (const auto direction : {detail::Direction::da_to_en, detail::Direction::en_to_da}) {
        const auto& table = direction == detail::Direction::da_to_en ? tables.da_to_en : tables.en_to_da;
        for (const auto& [key, translations] : table.entries)
            if (const auto space = key.find(' '); space != std::string::npos)
                impl_->term_heads[static_cast<int>(direction)].insert(key.substr(0, space + 1));
    }
}

Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;

const std::vector<std::filesystem::path>& Lexicon::hunspell_dirs() const noexcept { return impl_->hunspell_dirs; }
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

std::vector<Translation> Lexicon::da_to_en(std::string_view danish) const {
    return impl_->lookup(impl_->tables.da_to_en, detail::Direction::da_to_en, danish);
}

std::vector<Translation> Lexicon::en_to_da(std::string_view english) const {
    return impl_->lookup(impl_->tables.en_to_da, detail::Direction::en_to_da, english);
}

bool Lexicon::has_danish(std::string_view danish) const { return impl_->contains(impl_->tables.da_to_en, detail::Direction::da_to_en, danish); }

bool Lexicon::may_start_danish_term(std::string_view word) const {
    return impl_->may_start_term(detail::Direction::da_to_en, word);
}

bool Lexicon::may_start_english_term(std::string_view word) const {
    return impl_->may_start_term(detail::Direction::en_to_da, word);
}

bool Lexicon::has_english(std::string_view english) const {
    return impl_->contains(impl_->tables.en_to_da, detail::Direction::en_to_da, english);
}

std::size_t Lexicon::entry_count() const noexcept {
    std::size_t count = impl_->tables.da_to_en.pair_count() + impl_->tables.en_to_da.pair_count();
    // Bundled sources count as stored (a pair two sources share counts twice there).
    if (impl_->binary && impl_->binary_sources != 0)
        count += impl_->binary->translation_count(detail::Direction::da_to_en, impl_->binary_sources) +
                 impl_->binary->translation_count(detail::Direction::en_to_da, impl_->binary_sources);
    return count;
}

}  // namespace summalign
