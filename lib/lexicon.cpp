#include "summalign/lexicon.hpp"

#include <fmt/format.h>

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

struct Lexicon::Impl {
    detail::BilingualTables tables;

    std::vector<Translation> lookup(const detail::TermTable& table, std::string_view word) const {
        const std::string key = detail::lexicon_key(word);
        auto found = table.entries.find(key);
        if (found == table.entries.end()) return {};
        return found->second;
    }
};

Lexicon::Lexicon(const LexiconOptions& options) : impl_(std::make_unique<Impl>()) {
    auto& tables = impl_->tables;
    if (options.use_freedict) detail::load_freedict(tables, options.freedict_dir);
    if (options.use_glossary) {
        const auto glossary = options.glossary_file.empty() ? optional_data_file(default_glossary_name) : options.glossary_file;
        if (!glossary.empty()) detail::load_tsv_dictionary(tables, glossary, Translation::Source::glossary);
    }
    for (const auto& path : options.user_dictionaries) detail::load_user_dictionary(tables, path);
    tables.finish();
}

Lexicon::~Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

std::vector<Translation> Lexicon::da_to_en(std::string_view danish) const { return impl_->lookup(impl_->tables.da_to_en, danish); }

std::vector<Translation> Lexicon::en_to_da(std::string_view english) const { return impl_->lookup(impl_->tables.en_to_da, english); }

bool Lexicon::has_danish(std::string_view danish) const { return impl_->tables.da_to_en.entries.contains(detail::lexicon_key(danish)); }

bool Lexicon::has_english(std::string_view english) const { return impl_->tables.en_to_da.entries.contains(detail::lexicon_key(english)); }

std::size_t Lexicon::entry_count() const noexcept { return impl_->tables.da_to_en.pair_count() + impl_->tables.en_to_da.pair_count(); }

}  // namespace summalign
