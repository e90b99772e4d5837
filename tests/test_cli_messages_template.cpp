// The translators' template the build extracts with xgettext (cmake/messages.cmake,
// <build>/po/summalign.pot): a valid catalog holding every text po/da.po translates and the
// texts the code hands to Messages or throws, each with where it comes from.
#include <catch2/catch.hpp>

#include <algorithm>
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

// The msgids of the template's entries that come from the code (they carry a "#: FILE:LINE"
// reference; the texts joined in from po/da.po have none).
std::set<std::string> code_msgids(const std::string& pot) {
    std::set<std::string> ids;
    std::size_t from = 0;
    while (from < pot.size()) {
        std::size_t end = pot.find("\n\n", from);
        if (end == std::string::npos) end = pot.size();
        const std::string entry = "\n" + pot.substr(from, end - from) + "\n";
        if (entry.find("\n#: ") != std::string::npos)
            for (const std::string& id : msgids(entry)) ids.insert(id);
        from = end + 2;
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
    // The code's own texts: an error the command throws, one a library call throws.
    for (const std::string id : {"directory has no .tsv files", "damaged PDF: it has no pages"}) {
        INFO(id);
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

TEST_CASE("po/da.po translates every text the code hands to Messages, throws or shows in --help", "[cli][messages]") {
    REQUIRE(fs::exists(template_path));
    const std::set<std::string> from_code = code_msgids(read_file(template_path));
    const std::set<std::string> translated = msgids(read_file(source_dir() / "po" / "da.po"));
    REQUIRE(from_code.size() > 80);
    // A text put together from pieces ("cannot rename " + name + ": " + reason) shows xgettext
    // only its first piece; po/da.po then has the whole text with {} for the values.
    // A description joined to a fixed ending (add_threads_option) shows it only the ending.
    auto covered = [&](const std::string& id) {
        if (translated.count(id) != 0 || translated.count("{}" + id) != 0) return true;
        const auto first = translated.lower_bound(id + "{}");
        return first != translated.end() && first->starts_with(id + "{}");
    };
    std::size_t pieces = 0;
    for (const std::string& id : from_code) {
        INFO(id);
        CHECK(covered(id));
        pieces += translated.count(id) == 0 ? 1 : 0;
    }
    CHECK(pieces > 5);  // the first pieces are found, and matched to their templates
    // The option descriptions are in the template (--help).
    CHECK(from_code.count("exit 1 when a finding of one of these kinds (comma-separated) is reported") == 1);
    // So are a damaged file's texts (error_text), the system's reasons (SystemReason), a
    // warning and the --help footers.
    for (const std::string id : {"bad spelling index: {}", "truncated lexicon file: {} bytes, the header alone needs {}",
                                 "No space left on device", "Operation not permitted",
                                 "warning: --threads {} is more than the {} cores available; using {}"}) {
        INFO(id);
        CHECK(from_code.count(id) == 1);
    }
    CHECK(std::count_if(from_code.begin(), from_code.end(), [](const std::string& id) { return id.starts_with("Examples:\\n"); }) >= 3);
}
