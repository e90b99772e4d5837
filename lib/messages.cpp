#include "summalign/messages.hpp"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "summalign/data.hpp"
#include "summalign/error.hpp"

namespace summalign {
namespace {

constexpr const char* kDomain = "summalign";
constexpr const char* kDanishCatalog = "locale/da/LC_MESSAGES/summalign.mo";

// The original texts (msgids) of a compiled catalog. Boost.Locale translates a text it is
// given but cannot list the texts it has, and a text with values is looked up by its
// template, so the template list is read from the catalog's table of originals (GNU .mo:
// magic, revision, count, offset of the originals' (length, offset) pairs). A file that is no
// catalog gives no texts.
std::vector<std::string> catalog_originals(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto word = [&](std::size_t at, bool swapped) -> std::optional<std::uint32_t> {
        if (at > bytes.size() || bytes.size() - at < 4) return std::nullopt;
        std::array<unsigned char, 4> b{};
        for (std::size_t i = 0; i < 4; ++i) b[i] = static_cast<unsigned char>(bytes[at + i]);
        if (swapped) std::reverse(b.begin(), b.end());
        return std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 | std::uint32_t{b[2]} << 16 | std::uint32_t{b[3]} << 24;
    };
    std::vector<std::string> originals;
    const auto magic = word(0, false);
    if (!magic || (*magic != 0x950412deU && *magic != 0xde120495U)) return originals;
    const bool swapped = *magic == 0xde120495U;
    const auto count = word(8, swapped), table = word(12, swapped);
    if (!count || !table) return originals;
    for (std::uint32_t i = 0; i < *count; ++i) {
        const auto length = word(*table + std::size_t{8} * i, swapped), offset = word(*table + std::size_t{8} * i + 4, swapped);
        if (!length || !offset || *offset > bytes.size() || bytes.size() - *offset < *length) break;
        std::string original = bytes.substr(*offset, *length);
        original.resize(std::min(original.size(), original.find('\0')));  // the singular of a plural entry
        originals.push_back(std::move(original));
    }
    return originals;
}

// `text` split where `pieces` (the fixed parts of a template, one more than its values) fit
// around non-empty values; every way the pieces fit is tried, first occurrences first.
// `k` is the first piece still to place (the first piece, the text's beginning, is placed by
// the caller).
bool match_pieces(std::string_view text, const std::vector<std::string>& pieces, std::size_t k, std::vector<std::string>& values) {
    if (k + 1 == pieces.size()) {
        const std::string_view last = pieces[k];
        if (text.size() <= last.size() || !text.ends_with(last)) return false;
        values.emplace_back(text.substr(0, text.size() - last.size()));
        return true;
    }
    for (std::size_t at = text.find(pieces[k], 1); at != std::string_view::npos && at < text.size(); at = text.find(pieces[k], at + 1)) {
        values.emplace_back(text.substr(0, at));
        if (match_pieces(text.substr(at + pieces[k].size()), pieces, k + 1, values)) return true;
        values.pop_back();
    }
    return false;
}

}  // namespace

struct Messages::Template {
    std::string english;              // the catalog's text, with {} for each value
    std::vector<std::string> pieces;  // the fixed parts around the values
    std::size_t fixed = 0;            // characters in the fixed parts
};

Messages::Messages(Lang lang) {
    if (lang == Lang::en) return;
    std::filesystem::path catalog;
    try {
        catalog = find_data_file(kDanishCatalog);
    } catch (const Error&) {
        return;  // no catalog installed: English
    }
    *this = Messages(lang, catalog.parent_path().parent_path().parent_path());
}

Messages::Messages(Lang lang, const std::filesystem::path& catalog_root) {
    if (lang == Lang::en) return;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(catalog_root / "da" / "LC_MESSAGES" / "summalign.mo", ec)) return;
    try {
        boost::locale::generator generator;
        generator.add_messages_path(catalog_root.string());
        generator.add_messages_domain(kDomain);
        // Only its message facet is read; the locale is never made global.
        catalog_ = std::make_shared<const std::locale>(generator("da_DK.UTF-8"));
    } catch (const std::exception&) {
        catalog_.reset();  // an unreadable catalog: English rather than no messages
        return;
    }
    auto templates = std::make_shared<std::vector<Template>>();
    for (std::string& original : catalog_originals(catalog_root / "da" / "LC_MESSAGES" / "summalign.mo")) {
        if (original.find("{}") == std::string::npos) continue;
        Template t;
        for (std::size_t from = 0;;) {
            const std::size_t at = original.find("{}", from);
            t.pieces.push_back(original.substr(from, at == std::string::npos ? std::string::npos : at - from));
            t.fixed += t.pieces.back().size();
            if (at == std::string::npos) break;
            from = at + 2;
        }
        t.english = std::move(original);
        templates->push_back(std::move(t));
    }
    std::stable_sort(templates->begin(), templates->end(), [](const Template& a, const Template& b) { return a.fixed > b.fixed; });
    templates_ = std::move(templates);
}

std::string Messages::translate(std::string_view english) const {
    if (!catalog_) return std::string(english);
    const std::string key(english);
    return boost::locale::gettext(key.c_str(), *catalog_);
}

std::string Messages::translate_text(std::string_view text) const { return translate_text(text, 0); }

std::string Messages::translate_text(std::string_view text, int depth) const {
    if (!catalog_) return std::string(text);
    std::string exact = translate(text);
    if (exact != text || !templates_) return exact;
    for (const Template& t : *templates_) {
        // Inside another text not a template that is one value and words after it: "{} article"
        // must not take over "a title that ends in article".
        if (depth > 0 && t.pieces.size() == 2 && t.pieces.front().empty()) continue;
        std::vector<std::string> values;
        // The first piece is the text's beginning (it may be empty: a value comes first).
        if (!text.starts_with(t.pieces.front())) continue;
        if (!match_pieces(text.substr(t.pieces.front().size()), t.pieces, 1, values)) continue;
        fmt::dynamic_format_arg_store<fmt::format_context> arguments;
        for (const std::string& value : values)
            arguments.push_back(depth < 2 && value.find(' ') != std::string::npos ? translate_text(value, depth + 1) : value);
        try {
            return fmt::vformat(translate(t.english), arguments);
        } catch (const fmt::format_error&) {
            return std::string(text);  // a translation that does not take the values: English
        }
    }
    return std::string(text);
}

Error Messages::translate_error(const Error& error) const {
    if (!catalog_) return error;
    const std::string_view what = error.what();
    std::string prefix;
    if (!error.file().empty()) {
        prefix = error.file() + ": ";
        if (error.offset()) prefix += "byte " + std::to_string(*error.offset()) + ": ";
    }
    if (!what.starts_with(prefix)) return error;
    const std::string text = translate_text(what.substr(prefix.size()));
    return error.file().empty() ? Error(text) : Error(error.file(), error.offset(), text);
}

Lang message_language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        const std::string_view v(value);
        return v.starts_with("da") ? Lang::da : Lang::en;
    }
    return Lang::en;
}

}  // namespace summalign
