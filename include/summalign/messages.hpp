#pragma once
// The language of the texts for a person: finding messages, the HTML report's labels and
// the command's error lines. English is the text as the code writes it; Danish comes from
// the message catalog built from po/da.po (share/summalign/locale/da/LC_MESSAGES/summalign.mo),
// read through Boost.Locale. A Messages is built once and shared read-only (const and
// thread-safe); nothing global (std::locale::global, setlocale) is changed.
#include <filesystem>
#include <locale>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/error.hpp"
#include "summalign/types.hpp"

namespace summalign {

class Messages {
public:
    // English: every text as written in the code.
    Messages() = default;
    // `lang`'s catalog, found beside the library's other data (find_data_file). Without
    // it (or for English) the texts stay English; language() tells which one is used.
    explicit Messages(Lang lang);
    // The catalog under `catalog_root` (<root>/da/LC_MESSAGES/summalign.mo); English when
    // there is none.
    Messages(Lang lang, const std::filesystem::path& catalog_root);

    // The language the texts come out in.
    Lang language() const noexcept { return catalog_ ? Lang::da : Lang::en; }
    // The text `english` in this language: the catalog's translation, or `english` itself
    // when the catalog has none.
    std::string translate(std::string_view english) const;
    // A whole text as the library or the command made it, values included (an error's
    // "line 12: empty Danish side", a structure note naming a line): translate(text) when the
    // catalog has the text itself; else the translation of the catalog text with {} for each
    // value that matches it (the one with the most fixed characters), the values put in as they
    // are (a value with a space in it, a nested text, translated the same way); else `text`.
    std::string translate_text(std::string_view text) const;
    // `error` in this language: the same file and byte offset, the text after
    // "FILE: byte N: " through translate_text (the one place an Error is localized; the
    // command's error lines and the Python module's exceptions use it). English: `error`.
    Error translate_error(const Error& error) const;

private:
    struct Template;
    std::string translate_text(std::string_view text, int depth) const;

    std::shared_ptr<const std::locale> catalog_;  // null: English
    // The catalog's texts with {} in them, most fixed characters first.
    std::shared_ptr<const std::vector<Template>> templates_;
};

// The language from the environment as gettext reads it: the first set of LC_ALL,
// LC_MESSAGES, LANG; "da..." is Danish, anything else (C, POSIX, en_US...) English.
Lang message_language_from_environment();

}  // namespace summalign
