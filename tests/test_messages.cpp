// Messages in Danish and English: the catalog built from po/da.po, the findings' messages and
// the HTML report's labels in both languages, the command's --lang, and the English fallback
// when there is no catalog. The Danish expectations are read from po/da.po itself.
#include <catch2/catch.hpp>
#include <fmt/args.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "summalign/summalign.hpp"
#include "detail/messages_format.hpp"
#include "articles.hpp"
#include "test_util.hpp"

using namespace summalign;
using namespace summalign::test;

namespace {

// The msgid -> msgstr pairs of po/da.po (one-line strings and continued ones; \" \\ \n \t undone).
std::map<std::string, std::string> read_po(const std::filesystem::path& path) {
    std::map<std::string, std::string> entries;
    std::istringstream in(read_file(path));
    std::string line, id, str, *current = nullptr;
    auto unquote = [](const std::string& quoted) {
        std::string text;
        for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
            if (quoted[i] == '\\' && i + 2 < quoted.size()) {
                ++i;
                text += quoted[i] == 'n' ? '\n' : quoted[i] == 't' ? '\t' : quoted[i];
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
// entry of the file matches it. Of several entries that match, the one with the most
// characters besides its {} is meant (messages.hpp).
std::optional<std::string> expected_danish(const std::string& english) {
    std::vector<std::pair<std::string, std::string>> entries(danish().begin(), danish().end());
    auto fixed = [](const std::string& id) {
        std::size_t values = 0;
        for (std::size_t at = id.find("{}"); at != std::string::npos; at = id.find("{}", at + 2)) ++values;
        return id.size() - 2 * values;
    };
    std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) { return fixed(a.first) > fixed(b.first); });
    if (const auto exact = danish().find(english); exact != danish().end()) return exact->second;
    for (const auto& [id, str] : entries) {
        if (id.find("{}") == std::string::npos) continue;
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

// po/da.po's translation of `english` with `values` put in.
template <class... Values>
std::string danish_of(const std::string& english, const Values&... values) {
    return fmt::format(fmt::runtime(danish().at(english)), values...);
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
            CHECK(en[i].span.start == da[i].span.start);
            CHECK(en[i].span.end == da[i].span.end);
            ++findings;
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
    // The labels with values: counts, places, tooltips, the heat map's legend. Each English
    // fixed part that the seed's report shows is gone from the Danish one, which has the
    // Danish text instead.
    for (const std::string label : {"Summary sentences backed by the Danish body", "line width and colour show the score",
                                    "Outlined cells are the chosen alignment", "every Resum\u00e9 sentence against every Summary sentence"}) {
        INFO(label);
        CHECK(english.find(label) != std::string::npos);
        CHECK(in_danish.find(label) == std::string::npos);
    }
    CHECK(english.find("title=\"bytes ") != std::string::npos);
    CHECK(in_danish.find("title=\"bytes ") == std::string::npos);
    CHECK(english.find("<summary>Danish body text (") != std::string::npos);
    const std::string body = danish().at("Danish body text ({}, {}, {}; evidence highlighted)");
    CHECK(in_danish.find("<summary>" + body.substr(0, body.find('{'))) != std::string::npos);
    CHECK(in_danish.find(danish().at("(numbers are scores \u00d7 100). Outlined cells are the chosen alignment; D = Resum\u00e9 sentence, E = Summary sentence.")) !=
          std::string::npos);
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

TEST_CASE("Texts with values: the catalog's text with {} for them, the values put in", "[messages]") {
    const Messages da(Lang::da), en(Lang::en);
    REQUIRE(da.language() == Lang::da);
    const std::vector<std::string> texts = {
        "line 12: expected danish<TAB>english, found no tab",
        "line 3: empty Danish side",
        "cannot write: No space left on device",
        "damaged PDF: page 4 cannot be read (poppler: Invalid XRef entry 3)",
        "this article's Summary stands inside article 2 (Stamceller i klinikken) (the extraction moved it): taken as "
        "this article's, whose authors it names",
        "a text the catalog does not have, line 3",
    };
    for (const std::string& text : texts) CHECK(en.translate_text(text) == text);  // English: as written

    CHECK(da.translate_text(texts[0]) == danish_of("line {}: expected danish<TAB>english, found no tab", "12"));
    // The most specific text wins over "line {}: {}".
    CHECK(da.translate_text(texts[1]) == danish_of("line {}: empty Danish side", "3"));
    // A value that is a text of the catalog (the system's reason) is translated too.
    CHECK(da.translate_text(texts[2]) == danish_of("cannot write: {}", danish().at("No space left on device")));
    CHECK(da.translate_text(texts[3]) == danish_of("damaged PDF: page {} cannot be read (poppler: {})", "4", "Invalid XRef entry 3"));
    // A nested template: the article a structure note names; its title stays as written.
    CHECK(da.translate_text(texts[4]) ==
          danish_of("this article's Summary stands inside {} (the extraction moved it): taken as this article's, whose authors it names",
                    danish_of("article {} ({})", "2", "Stamceller i klinikken")));
    CHECK(da.translate_text(texts[5]) == texts[5]);
    // A text without values is translate()'s.
    CHECK(da.translate_text("no such file") == danish().at("no such file"));
    // "{} article" (the report's count) does not take over a value that ends in "article".
    CHECK(da.translate_text("this article's Summary stands inside the last article (the extraction moved it): taken as "
                            "this article's, whose authors it names") ==
          danish_of("this article's Summary stands inside {} (the extraction moved it): taken as this article's, whose authors it names",
                    "the last article"));
}

TEST_CASE("The parser's structure notes in Danish", "[messages]") {
    // No blank line ends the Resumé: the parser notes where it took it to end (three values).
    const std::string text = summalign::test::article_with_runon_resume();
    const SourceText source = make_source(text, "notes.txt");
    const AlignedDocument english = Aligner().align(source);
    const AlignedDocument in_danish = Aligner(LexiconOptions{}, 1, Messages(Lang::da)).align(source);
    REQUIRE(english.articles.size() == 1);
    REQUIRE(in_danish.articles.size() == 1);
    std::size_t notes = 0;
    for (std::size_t i = 0; i < english.articles[0].findings.size(); ++i) {
        const Finding& en = english.articles[0].findings[i];
        if (en.kind != Finding::Kind::suspect_structure) continue;
        ++notes;
        INFO(en.message);
        const auto expected = expected_danish(en.message);
        REQUIRE(expected.has_value());
        CHECK(in_danish.articles[0].findings.at(i).message == *expected);
        CHECK(*expected != en.message);
    }
    CHECK(notes >= 1);
}

TEST_CASE("The command's errors with values and its usage errors in Danish", "[messages][cli]") {
    if (!cli_built()) return;
    TempDir scratch;
    const std::string seed = "'" + seed_path().string() + "'";
    const auto dictionary = scratch.write("bad.txt", "hund\n");
    const std::string dict = "'" + dictionary.string() + "'";
    const CliRun bad_en = run_cli("align --lang en --dict " + dict + " " + seed, scratch.path());
    const CliRun bad_da = run_cli("align --lang da --dict " + dict + " " + seed, scratch.path());
    CHECK(bad_en.exit_code == 1);
    CHECK(bad_da.exit_code == 1);
    CHECK(bad_en.err == "summalign: " + dictionary.string() + ": byte 0: line 1: expected danish<TAB>english, found no tab\n");
    CHECK(bad_da.err == "summalign: " + dictionary.string() + ": byte 0: " +
                            danish_of("line {}: expected danish<TAB>english, found no tab", 1) + "\n");
    CHECK(bad_da.out.empty());

    // Every subcommand takes --lang (segment's names its text's language).
    for (const std::string command : {"parse", "align-text", "mine"}) {
        const CliRun missing = run_cli(command + " --lang da /nonexistent-summalign-file /nonexistent-summalign-file", scratch.path());
        INFO(command);
        CHECK(missing.exit_code == 1);
        CHECK(missing.err == "summalign: /nonexistent-summalign-file: " + danish().at("no such file") + "\n");
    }

    // Usage errors: CLI11's and the command's own, exit status 2.
    const std::string help = danish().at(" (--help lists the options)");
    const CliRun unexpected = run_cli("check --lang da --no-such-option " + seed, scratch.path());
    CHECK(unexpected.exit_code == 2);
    CHECK(unexpected.err == "summalign: " + danish_of("The following argument was not expected: {}", "--no-such-option") + help + "\n");
    const CliRun range = run_cli("check --lang da --threads -3 " + seed, scratch.path());
    CHECK(range.exit_code == 2);
    CHECK(range.err == "summalign: " + danish_of("{}: Value {} not in range {} to {}", "--threads", "-3", "0", "4096") + help + "\n");
    // A word that is no number is not called "out of range"; a fraction is not a count.
    const CliRun word = run_cli("check --threads x " + seed, scratch.path());
    CHECK(word.exit_code == 2);
    CHECK(word.err == "summalign: --threads: Value x is not a number (--help lists the options)\n");
    const CliRun word_da = run_cli("check --lang da --threads x " + seed, scratch.path());
    CHECK(word_da.err == "summalign: " + danish_of("{}: Value {} is not a number", "--threads", "x") + help + "\n");
    const CliRun fraction = run_cli("mine --candidates 2.5 " + seed + " " + seed, scratch.path());
    CHECK(fraction.exit_code == 2);
    CHECK(fraction.err == "summalign: --candidates: Value 2.5 is not a whole number (--help lists the options)\n");
    const CliRun probability = run_cli("learn-lexicon --min-probability 1.5 -o lexicon.bin " + seed, scratch.path());
    CHECK(probability.exit_code == 2);
    CHECK(probability.err == "summalign: --min-probability: Value 1.5 not in range 0 to 1 (--help lists the options)\n");
    const CliRun required_da = run_cli("check --lang=da", scratch.path());
    CHECK(required_da.exit_code == 2);
    CHECK(required_da.err == "summalign: " + danish_of("{} is required", "FILE") + help + "\n");
    const CliRun unknown_en = run_cli("frobnicate --lang en", scratch.path());
    const CliRun unknown_da = run_cli("frobnicate --lang da", scratch.path());
    CHECK(unknown_da.exit_code == 2);
    const auto listed = values_in("summalign: unknown subcommand '{}' (one of: {})\n", unknown_en.err);
    REQUIRE(listed.has_value());
    CHECK(unknown_da.err == "summalign: " + danish_of("unknown subcommand '{}' (one of: {})", "frobnicate", listed->at(1)) + "\n");
    // An unknown option where the subcommand should be is named, not "A subcommand is required".
    const CliRun option_first = run_cli("--no-such-option check", scratch.path());
    CHECK(option_first.exit_code == 2);
    CHECK(option_first.err == "summalign: The following argument was not expected: --no-such-option (--help lists the options)\n");
    CHECK(run_cli("--version", scratch.path()).exit_code == 0);
    CHECK(run_cli("-h", scratch.path()).exit_code == 0);

    // --lang before the subcommand means the same as after it; after segment it stays the text's.
    const CliRun top_level = run_cli("--lang da check /nonexistent-summalign-file", scratch.path());
    CHECK(top_level.exit_code == 1);
    CHECK(top_level.err == "summalign: /nonexistent-summalign-file: " + danish().at("no such file") + "\n");
    const CliRun top_level_equals = run_cli("--lang=da parse /nonexistent-summalign-file", scratch.path());
    CHECK(top_level_equals.err == top_level.err);
    const CliRun top_level_unknown = run_cli("--lang da frobnicate", scratch.path());
    CHECK(top_level_unknown.exit_code == 2);
    CHECK(top_level_unknown.err == "summalign: " + danish_of("unknown subcommand '{}' (one of: {})", "frobnicate", listed->at(1)) + "\n");
    const CliRun segment_da = run_cli("--lang en segment --lang da /nonexistent-summalign-file", scratch.path());
    CHECK(segment_da.exit_code == 1);
    CHECK(segment_da.err == "summalign: /nonexistent-summalign-file: no such file\n");
    const CliRun twice = run_cli("check --lang da - -", scratch.path());
    CHECK(twice.exit_code == 2);
    CHECK(twice.err == "summalign: " + danish().at("standard input (-) can be read only once") + help + "\n");
}

TEST_CASE("summalign --help in Danish: descriptions and headings from po/da.po", "[messages][cli]") {
    if (!cli_built()) return;
    TempDir scratch;
    const CliRun en = run_cli("check --help", scratch.path());
    const CliRun en_lang = run_cli("check --lang en --help", scratch.path());
    const CliRun da = run_cli("check --lang da --help", scratch.path());
    REQUIRE(en.exit_code == 0);
    REQUIRE(da.exit_code == 0);
    CHECK(en_lang.out == en.out);
    for (const std::string text : {"Report misspellings, number and abbreviation mismatches, unsupported claims and missing parts",
                                   "exit 1 when a finding of one of these kinds (comma-separated) is reported",
                                   "do not use the FreeDict dictionaries", "Print this help message and exit"}) {
        INFO(text);
        CHECK(en.out.find(text) != std::string::npos);
        CHECK(da.out.find(text) == std::string::npos);
        CHECK(da.out.find(danish().at(text)) != std::string::npos);
    }
    CHECK(en.out.find("\nOptions:\n") != std::string::npos);
    CHECK(da.out.find("\n" + danish().at("Options") + ":\n") != std::string::npos);
    CHECK(da.out.find(danish().at("Usage") + ": ") != std::string::npos);
    CHECK(da.out.find(danish_of("{} (0 = one per core; output is the same for any value)", danish().at("articles checked in parallel"))) !=
          std::string::npos);
    // The language from the environment, as for every other message.
    const auto out = scratch.path() / "env-out";
    const std::string command = "env -u LC_ALL -u LC_MESSAGES LANG=da_DK.UTF-8 '" SUMMALIGN_CLI_PATH "' check --help >'" + out.string() + "'";
    CHECK(std::system(command.c_str()) == 0);
    CHECK(read_file(out) == da.out);
    // Every option of every subcommand is described in Danish: no description is left as the
    // English one when a Danish environment asks for the top-level help's subcommands.
    const CliRun top = run_cli("align --lang da --help", scratch.path());
    CHECK(top.out.find(danish().at("json, jsonl: leave out the word matches behind every score and the layout repairs")) != std::string::npos);
}

TEST_CASE("An Error in the user's language: Messages::translate_error keeps the file and the offset", "[messages]") {
    const Messages da(Lang::da), en(Lang::en);
    REQUIRE(da.language() == Lang::da);
    const Error with_offset("dict.txt", 12, "line 3: empty Danish side");
    const Error translated = da.translate_error(with_offset);
    CHECK(translated.file() == "dict.txt");
    CHECK(translated.offset() == std::optional<std::size_t>(12));
    CHECK(std::string(translated.what()) == "dict.txt: byte 12: " + danish_of("line {}: empty Danish side", 3));
    CHECK(std::string(en.translate_error(with_offset).what()) == with_offset.what());
    const Error no_file("unknown format 'pdf' (expected json, jsonl, tsv, tmx or html)");
    CHECK(std::string(da.translate_error(no_file).what()) ==
          danish_of("unknown format '{}' (expected json, jsonl, tsv, tmx or html)", "pdf"));
    CHECK(da.translate_error(no_file).file().empty());
    // A text the catalog does not have stays as it is.
    const Error unknown("x.txt", std::nullopt, "a text no catalog has");
    CHECK(std::string(da.translate_error(unknown).what()) == unknown.what());
}

TEST_CASE("Damaged data files: the error's text with values in Danish", "[messages]") {
    const Messages da(Lang::da);
    TempDir scratch;
    auto learned_error_for = [&](const std::filesystem::path& file) {
        LexiconOptions options;
        options.use_freedict = false;
        options.use_glossary = false;
        options.learned_file = file;
        try {
            const Lexicon lexicon(options);
        } catch (const Error& e) {
            return std::make_pair(std::string(e.what()), std::string(da.translate_error(e).what()));
        }
        return std::make_pair(std::string("no error"), std::string("no error"));
    };
    auto learned_error = [&](const std::string& bytes) { return learned_error_for(scratch.write("learned.bin", bytes)); };
    const std::string name = (scratch.path() / "learned.bin").string();
    const auto [magic_en, magic_da] = learned_error("NOT-A-LEXICON-FILE-AT-ALL");
    CHECK(magic_en == name + ": byte 0: not a summalign lexicon file (wrong magic)");
    CHECK(magic_da == name + ": byte 0: " + danish().at("not a summalign lexicon file (wrong magic)"));
    // Values: the file's size and the header's.
    const auto [short_en, short_da] = learned_error("SUMMALEX");
    const auto values = values_in(name + ": byte 8: truncated lexicon file: {} bytes, the header alone needs {}", short_en);
    REQUIRE(values.has_value());
    CHECK(values->at(0) == "8");
    CHECK(short_da == name + ": byte 8: " + danish_of("truncated lexicon file: {} bytes, the header alone needs {}", 8, values->at(1)));
    // A file that cannot be opened: what it is and the system's reason, both in Danish.
    std::filesystem::remove(scratch.path() / "learned.bin");
    const auto [open_en, open_da] = learned_error_for(scratch.path() / "learned.bin");
    CHECK(open_en == name + ": cannot open lexicon file: No such file or directory");
    CHECK(open_da == name + ": " + danish_of("cannot open {}: {}", danish().at("lexicon file"), danish().at("No such file or directory")));
}

TEST_CASE("The system's reasons: the GNU C library's texts, each with a Danish entry", "[messages]") {
    const Messages da(Lang::da);
    std::size_t reasons = 0;
    for (const detail::SystemReason& reason : detail::system_reasons) {
        INFO(reason.english);
        // The English text is strerror's (glibc), so the English output stays as it was.
        CHECK(std::string(std::strerror(reason.number)) == reason.english);
        CHECK(detail::system_reason(reason.number) == reason.english);
        REQUIRE(danish().count(reason.english) == 1);
        CHECK(da.translate_text(reason.english) == danish().at(reason.english));
        ++reasons;
    }
    CHECK(reasons >= 30);
    // Inside an error's text.
    CHECK(da.translate_text(std::string("cannot open: ") + std::strerror(EACCES)) == danish_of("cannot open: {}", danish().at("Permission denied")));
    // glibc frees the text of an unknown number on the next strerror call: copy it before
    // system_reason calls strerror again.
    const std::string unknown = std::strerror(-12345);
    CHECK(detail::system_reason(-12345) == unknown);
}

TEST_CASE("The command in both languages: a warning, an option value, a system reason, eval's scores, help footers", "[messages][cli]") {
    if (!cli_built()) return;
    TempDir scratch;
    const std::string seed = "'" + seed_path().string() + "'";

    // A warning: more threads than cores.
    const CliRun warn_en = run_cli("parse --lang en --threads 4096 " + seed, scratch.path());
    const CliRun warn_da = run_cli("parse --lang da --threads 4096 " + seed, scratch.path());
    REQUIRE(warn_en.exit_code == 0);
    REQUIRE(warn_da.exit_code == 0);
    CHECK(warn_da.out == warn_en.out);
    const auto cores = values_in("summalign: warning: --threads {} is more than the {} cores available; using {}\n", warn_en.err);
    REQUIRE(cores.has_value());
    CHECK(cores->at(0) == "4096");
    CHECK(warn_da.err ==
          "summalign: " + danish_of("warning: --threads {} is more than the {} cores available; using {}", 4096, cores->at(1), cores->at(2)) + "\n");

    // CLI11's value check (a path that does not exist), exit status 2.
    const std::string help = danish().at(" (--help lists the options)");
    const CliRun path_en = run_cli("learn-lexicon --lang en --tsv /nonexistent-summalign-dir -o x.bin", scratch.path());
    const CliRun path_da = run_cli("learn-lexicon --lang da --tsv /nonexistent-summalign-dir -o x.bin", scratch.path());
    CHECK(path_en.exit_code == 2);
    CHECK(path_da.exit_code == 2);
    CHECK(path_en.err == "summalign: --tsv: Path does not exist: /nonexistent-summalign-dir (--help lists the options)\n");
    CHECK(path_da.err == "summalign: " + danish_of("{}: Path does not exist: {}", "--tsv", "/nonexistent-summalign-dir") + help + "\n");

    // A system reason after a fixed text: -o into a folder that does not exist.
    const std::string target = (scratch.path() / "no-such-folder" / "out.json").string();
    const CliRun create_en = run_cli("check --lang en -o '" + target + "' " + seed, scratch.path());
    const CliRun create_da = run_cli("check --lang da -o '" + target + "' " + seed, scratch.path());
    CHECK(create_en.exit_code == 1);
    CHECK(create_da.exit_code == 1);
    CHECK(create_en.err.starts_with("summalign: " + target + ": cannot create " + target + ".tmp-"));
    CHECK(create_en.err.ends_with(": No such file or directory\n"));
    const std::string create = danish().at("cannot create {}: {}");
    CHECK(create_da.err.starts_with("summalign: " + target + ": " + create.substr(0, create.find('{')) + target + ".tmp-"));
    CHECK(create_da.err.ends_with(": " + danish().at("No such file or directory") + "\n"));

    // eval's scores: the labels in Danish, the numbers the same.
    const std::string gold = "'" + seed_gold_path("alignment").string() + "'";
    const CliRun eval_en = run_cli("eval --lang en " + gold + " " + seed, scratch.path());
    const CliRun eval_da = run_cli("eval --lang da " + gold + " " + seed, scratch.path());
    REQUIRE(eval_en.exit_code == 0);
    REQUIRE(eval_da.exit_code == 0);
    const std::size_t at = eval_en.out.find("title pairs found\t");
    REQUIRE(at != std::string::npos);
    const auto pairs = values_in("title pairs found\t{}/{}", eval_en.out.substr(at, eval_en.out.find('\n', at) - at));
    REQUIRE(pairs.has_value());
    CHECK(eval_da.out.find(danish_of("title pairs found\t{}/{}", pairs->at(0), pairs->at(1)) + "\n") != std::string::npos);
    CHECK(eval_da.out.find("title pairs found") == std::string::npos);
    CHECK(std::count(eval_da.out.begin(), eval_da.out.end(), '\n') == std::count(eval_en.out.begin(), eval_en.out.end(), '\n'));

    // --help's footer: the text in Danish, the commands of its examples as they are.
    const CliRun help_en = run_cli("check --help", scratch.path());
    const CliRun help_da = run_cli("check --lang da --help", scratch.path());
    REQUIRE(help_en.exit_code == 0);
    REQUIRE(help_da.exit_code == 0);
    const std::string english_footer = "Findings are not errors: the exit status is 0 whenever the input could be read";
    CHECK(help_en.out.find(english_footer) != std::string::npos);
    CHECK(help_da.out.find(english_footer) == std::string::npos);
    std::size_t examples = 0;
    std::istringstream lines(help_en.out);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("  summalign ")) continue;
        INFO(line);
        CHECK(help_da.out.find(line + "\n") != std::string::npos);
        ++examples;
    }
    CHECK(examples >= 3);
}
