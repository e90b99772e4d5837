// Messages in Danish and English: the catalog built from po/da.po, the findings' messages and
// the HTML report's labels in both languages, the command's --lang, and the English fallback
// when there is no catalog. The Danish expectations are read from po/da.po itself.
#include <catch2/catch.hpp>
#include <fmt/args.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "summalign/summalign.hpp"
#include "test_util.hpp"

using namespace summalign;
using namespace summalign::test;

namespace {

// The msgid -> msgstr pairs of po/da.po (one-line strings and continued ones; \" \\ \n undone).
std::map<std::string, std::string> read_po(const std::filesystem::path& path) {
    std::map<std::string, std::string> entries;
    std::istringstream in(read_file(path));
    std::string line, id, str, *current = nullptr;
    auto unquote = [](const std::string& quoted) {
        std::string text;
        for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
            if (quoted[i] == '\\' && i + 2 < quoted.size()) {
                ++i;
                text += quoted[i] == 'n' ? '\n' : quoted[i];
            } else {
                text += quoted[i];
            }
        }
        return text;
    };
    auto flush = [&] {
        if (!id.empty()) entries[id] = str;
        id.clear();
        str.clear();
        current = nullptr;
    };
    while (std::getline(in, line)) {
        if (line.starts_with("msgid ")) {
            flush();
            id = unquote(line.substr(6));
            current = &id;
        } else if (line.starts_with("msgstr ")) {
            str = unquote(line.substr(7));
            current = &str;
        } else if (line.starts_with("\"") && current) {
            *current += unquote(line);
        } else if (line.empty()) {
            flush();
        }
    }
    flush();
    return entries;
}

const std::map<std::string, std::string>& danish() {
    static const auto entries = read_po(source_dir() / "po" / "da.po");
    return entries;
}

// When `english_template` ({} for each value) matches `english`, the values it holds.
std::optional<std::vector<std::string>> values_in(const std::string& english_template, const std::string& english) {
    std::string pattern;
    for (std::size_t i = 0; i < english_template.size(); ++i) {
        if (english_template.compare(i, 2, "{}") == 0) {
            pattern += "(.*)";
            ++i;
        } else if (std::string("\\^$.|?*+()[]{}").find(english_template[i]) != std::string::npos) {
            pattern += '\\';
            pattern += english_template[i];
        } else {
            pattern += english_template[i];
        }
    }
    std::smatch match;
    if (!std::regex_match(english, match, std::regex(pattern))) return std::nullopt;
    std::vector<std::string> values;
    for (std::size_t k = 1; k < match.size(); ++k) values.push_back(match[k].str());
    return values;
}

// `english` (a finding's English message) in Danish as po/da.po writes it; nullopt when no
// entry of the file matches it.
std::optional<std::string> expected_danish(const std::string& english) {
    for (const auto& [id, str] : danish()) {
        const auto values = values_in(id, english);
        if (!values) continue;
        fmt::dynamic_format_arg_store<fmt::format_context> args;
        for (const auto& value : *values) {
            // A value that is itself a whole text of the catalog (a missing part's message
            // inside the note on the truncated source) is translated too; words are not.
            const auto inner = danish().find(value);
            args.push_back(value.find(' ') != std::string::npos && inner != danish().end() ? inner->second : value);
        }
        return fmt::vformat(str, args);
    }
    return std::nullopt;
}

struct SeedRun {
    AlignedDocument english, danish;
};

const SeedRun& seed_run() {
    static const SeedRun run = [] {
        SeedRun result;
        const SourceText source = read_source(seed_path());
        const Aligner english;
        const Aligner in_danish(LexiconOptions{}, 1, Messages(Lang::da));
        result.english = english.align(source);
        result.danish = in_danish.align(source);
        return result;
    }();
    return run;
}

std::string html_of(const AlignedDocument& aligned, const Messages& messages) {
    ExportOptions options;
    options.messages = messages;
    std::ostringstream out;
    write_document(out, Format::html, aligned, options);
    return out.str();
}

}  // namespace

TEST_CASE("po/da.po has the texts and the catalog built from it gives them", "[messages]") {
    REQUIRE(danish().size() >= 40);
    const Messages messages(Lang::da);
    REQUIRE(messages.language() == Lang::da);
    for (const auto& [id, str] : danish()) {
        INFO(id);
        CHECK(!str.empty());
        CHECK(messages.translate(id) == str);
    }
    // A text the catalog does not have stays English.
    CHECK(messages.translate("a text no catalog has") == "a text no catalog has");
}

TEST_CASE("English messages are the texts as written; a missing catalog falls back to English", "[messages]") {
    const Messages english(Lang::en);
    CHECK(english.language() == Lang::en);
    CHECK(english.translate("the article has no Danish Resumé") == "the article has no Danish Resumé");
    CHECK(Messages{}.translate("Findings") == "Findings");

    TempDir empty;
    const Messages missing(Lang::da, empty.path() / "no-such-folder");
    CHECK(missing.language() == Lang::en);
    CHECK(missing.translate("the article has no Danish Resumé") == "the article has no Danish Resumé");

    // A damaged catalog is no catalog either.
    std::filesystem::create_directories(empty.path() / "da" / "LC_MESSAGES");
    empty.write("da/LC_MESSAGES/summalign.mo", "not a catalog");
    const Messages damaged(Lang::da, empty.path());
    CHECK(damaged.translate("Findings") == "Findings");
}

TEST_CASE("The seed's findings in Danish: same findings, messages from po/da.po", "[messages]") {
    const SeedRun& run = seed_run();
    REQUIRE(run.english.articles.size() == run.danish.articles.size());
    std::size_t findings = 0, translated = 0;
    bool linking_s = false, dictionaries = false;
    for (std::size_t a = 0; a < run.english.articles.size(); ++a) {
        const auto& en = run.english.articles[a].findings;
        const auto& da = run.danish.articles[a].findings;
        REQUIRE(en.size() == da.size());
        for (std::size_t i = 0; i < en.size(); ++i) {
            INFO(en[i].message);
            // Only the message changes.
            CHECK(en[i].kind == da[i].kind);
            CHECK(en[i].lang == da[i].lang);
            CHECK(en[i].word == da[i].word);
            CHECK(en[i].suggestion == da[i].suggestion);
            CHECK(en[i].start == da[i].start);
            CHECK(en[i].end == da[i].end);
            ++findings;
            // The parser's structure notes are written with values inside and stay English.
            if (en[i].kind == Finding::Kind::suspect_structure) continue;
            const auto expected = expected_danish(en[i].message);
            CHECK(expected.has_value());
            if (!expected) continue;
            CHECK(da[i].message == *expected);
            CHECK(da[i].message != en[i].message);
            ++translated;
            linking_s = linking_s || en[i].message.find("linking -s-") != std::string::npos;
            dictionaries = dictionaries || en[i].message.find("dictionaries; did you mean") != std::string::npos;
        }
    }
    CHECK(findings > 5);
    CHECK(translated > 5);
    CHECK(linking_s);
    CHECK(dictionaries);
}

TEST_CASE("The HTML report's labels in Danish; English by default", "[messages]") {
    const SeedRun& run = seed_run();
    const std::string english = html_of(run.english, Messages{});
    CHECK(html_of(run.english, Messages(Lang::en)) == english);
    CHECK(english.find("<h1>summalign report</h1>") != std::string::npos);
    CHECK(english.find("<th>Findings</th>") != std::string::npos);

    const std::string in_danish = html_of(run.danish, Messages(Lang::da));
    for (const std::string label : {"summalign report", "Findings", "Mean bead score", "Supported claims"})
        CHECK(english.find(danish().at(label)) == std::string::npos);
    CHECK(in_danish.find("<h1>" + danish().at("summalign report") + "</h1>") != std::string::npos);
    CHECK(in_danish.find("<th>" + danish().at("Findings") + "</th>") != std::string::npos);
    CHECK(in_danish.find("<th>" + danish().at("Supported claims") + "</th>") != std::string::npos);
    CHECK(in_danish.find(danish().at("misspelling")) != std::string::npos);
    // The ids and class names stay (the report's script and styles use them).
    CHECK(in_danish.find("class=\"finding misspelling\"") != std::string::npos);
}

TEST_CASE("summalign check --lang da|en and the locale's default", "[messages][cli]") {
    if (!cli_built()) return;
    TempDir scratch;
    const std::string seed = "'" + seed_path().string() + "'";
    const CliRun en = run_cli("check --lang en " + seed, scratch.path());
    REQUIRE(en.exit_code == 0);
    const CliRun da = run_cli("check --lang da " + seed, scratch.path());
    REQUIRE(da.exit_code == 0);
    const auto en_json = nlohmann::json::parse(en.out), da_json = nlohmann::json::parse(da.out);
    REQUIRE(en_json.size() == da_json.size());
    for (std::size_t i = 0; i < en_json.size(); ++i) {
        CHECK(en_json[i]["kind"] == da_json[i]["kind"]);  // keys and kinds never change
        if (const auto expected = expected_danish(en_json[i]["message"].get<std::string>()))
            CHECK(da_json[i]["message"].get<std::string>() == *expected);
    }

    // Without --lang: LC_ALL, then LC_MESSAGES, then LANG.
    auto with_environment = [&](const std::string& environment, const std::string& arguments) {
        const auto out = scratch.path() / "env-out", err = scratch.path() / "env-err";
        const std::string command = "env -u LC_ALL -u LC_MESSAGES -u LANG " + environment + " timeout 300 '" SUMMALIGN_CLI_PATH "' " +
                                    arguments + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
        (void)std::system(command.c_str());
        return read_file(out) + read_file(err);
    };
    CHECK(with_environment("LANG=da_DK.UTF-8", "check " + seed) == da.out);
    CHECK(with_environment("LANG=da_DK.UTF-8 LC_MESSAGES=C", "check " + seed) == en.out);
    CHECK(with_environment("LANG=C", "check " + seed) == en.out);

    // Errors: the fixed text after the file name is translated.
    const CliRun missing = run_cli("check --lang da /nonexistent-summalign-file", scratch.path());
    CHECK(missing.exit_code == 1);
    CHECK(missing.err == "summalign: /nonexistent-summalign-file: " + danish().at("no such file") + "\n");
    const CliRun missing_en = run_cli("check --lang en /nonexistent-summalign-file", scratch.path());
    CHECK(missing_en.err == "summalign: /nonexistent-summalign-file: no such file\n");
    const CliRun bad = run_cli("check --lang fr " + seed, scratch.path());
    CHECK(bad.exit_code == 2);
}
