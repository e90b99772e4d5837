// The translators' template the build extracts with xgettext (cmake/messages.cmake,
// <build>/po/summalign.pot): a valid catalog holding every text po/da.po translates and the
// texts the code hands to Messages or throws, each with where it comes from.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::test::read_file;
using summalign::test::source_dir;

namespace {

// The msgids of a .po/.pot file (continued strings joined; escapes left as written).
std::set<std::string> msgids(const std::string& text) {
    std::set<std::string> ids;
    const std::regex entry(R"re(\nmsgid ((?:"(?:[^"\\]|\\.)*"\n)+))re");
    const std::regex piece(R"re("((?:[^"\\]|\\.)*)")re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), entry); it != std::sregex_iterator(); ++it) {
        const std::string lines = (*it)[1];
        std::string id;
        for (auto p = std::sregex_iterator(lines.begin(), lines.end(), piece); p != std::sregex_iterator(); ++p) id += (*p)[1];
        if (!id.empty()) ids.insert(id);
    }
    return ids;
}

const fs::path template_path = fs::path(SUMMALIGN_CLI_PATH).parent_path() / "po" / "summalign.pot";

}  // namespace

TEST_CASE("the message template holds every translated text and the code's own, with their places", "[cli][messages]") {
    REQUIRE(fs::exists(template_path));
    const std::string pot = read_file(template_path);
    const std::set<std::string> in_template = msgids(pot);
    const std::set<std::string> translated = msgids(read_file(source_dir() / "po" / "da.po"));
    REQUIRE(translated.size() > 50);
    for (const std::string& id : translated) {
        INFO(id);
        CHECK(in_template.count(id) == 1);
    }
    // Texts only the code has (not translated yet): an error the command throws, one a library
    // call throws.
    for (const std::string id : {"directory has no .tsv files", "damaged PDF: it has no pages"}) {
        INFO(id);
        CHECK(translated.count(id) == 0);
        CHECK(in_template.count(id) == 1);
    }
    // A template: no translations, and every reference names a file of the project.
    CHECK(pot.find("\nmsgstr \"\"\n") != std::string::npos);
    CHECK(std::regex_search(pot, std::regex(R"re(\nmsgstr "[^"]+")re")) == false);
    const std::regex reference(R"(#: ([^ \n:]+):[0-9]+)");
    std::size_t references = 0;
    for (auto it = std::sregex_iterator(pot.begin(), pot.end(), reference); it != std::sregex_iterator(); ++it, ++references) {
        INFO((*it)[1]);
        CHECK(fs::exists(source_dir() / std::string((*it)[1])));
    }
    CHECK(references > 50);
    // msgfmt takes it as a catalog.
    CHECK(std::system(("msgfmt --check-format -o /dev/null '" + template_path.string() + "'").c_str()) == 0);
}
