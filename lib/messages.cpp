#include "summalign/messages.hpp"

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

#include <cstdlib>
#include <string>

#include "summalign/data.hpp"
#include "summalign/error.hpp"

namespace summalign {
namespace {

constexpr const char* kDomain = "summalign";
constexpr const char* kDanishCatalog = "locale/da/LC_MESSAGES/summalign.mo";

}  // namespace

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
    }
}

std::string Messages::translate(std::string_view english) const {
    if (!catalog_) return std::string(english);
    const std::string key(english);
    return boost::locale::gettext(key.c_str(), *catalog_);
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
