// Tests of the bilingual lexicon: each source (FreeDict, glossary, learned table, user
// dictionaries) and the errors malformed files give.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <functional>
#include <filesystem>
#include <fstream>
#include <thread>
#include <string>
#include <vector>

#include "detail/dictd.hpp"
#include "detail/lexicon_text.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::Lexicon;
using summalign::LexiconOptions;
using summalign::Translation;

using summalign::test::TempDir;
using summalign::test::error_message;

namespace {

const fs::path kDictdDir = "/usr/share/dictd";

bool has_freedict() { return fs::exists(kDictdDir / "freedict-dan-eng.index") && fs::exists(kDictdDir / "freedict-eng-dan.index"); }

bool contains_target(const std::vector<Translation>& translations, const std::string& target) {
    return std::any_of(translations.begin(), translations.end(), [&](const Translation& t) { return t.target == target; });
}

const Translation* find_target(const std::vector<Translation>& translations, const std::string& target) {
    auto it = std::find_if(translations.begin(), translations.end(), [&](const Translation& t) { return t.target == target; });
    return it == translations.end() ? nullptr : &*it;
}

// Only the sources a test names.
LexiconOptions nothing_but() {
    LexiconOptions options;
    options.use_freedict = false;
    options.use_glossary = false;
    options.use_learned = false;
    return options;
}

}  // namespace

TEST_CASE("lexicon keys are lower-cased NFC with single spaces", "[lexicon]") {
    using summalign::detail::lexicon_key;
    CHECK(lexicon_key("Hus") == "hus");
    CHECK(lexicon_key("  Addis   Ababa ") == "addis ababa");
    CHECK(lexicon_key("ÆBLE") == "æble");
    CHECK(lexicon_key("make\xE2\x80\x90up") == "make-up");  // U+2010 HYPHEN
    CHECK(lexicon_key("a\xCC\x8A") == "\xC3\xA5");           // a + combining ring → å
    CHECK(lexicon_key("\xC3\xA5\xCC\x81") == "\xC7\xBB");     // å + combining acute → ǻ (NFC)
    CHECK(lexicon_key("Undersøgelse") == "undersøgelse");
    CHECK(lexicon_key("ÅBEN DØR") == "åben dør");
    CHECK(lexicon_key("ærø") == "ærø");
    using summalign::detail::is_plain_key;
    CHECK(is_plain_key("undersøgelse"));
    CHECK_FALSE(is_plain_key("Undersøgelse"));
    CHECK_FALSE(is_plain_key("\xC3\x98"));  // Ø: capital
    CHECK_FALSE(is_plain_key("a  b"));
}

TEST_CASE("word tokens skip numbers and punctuation", "[lexicon]") {
    const auto words = summalign::detail::word_tokens("Klik på knappen OK, og vælg 3 filer (ældre end 2003).");
    const std::vector<std::string> expected{"klik", "på", "knappen", "ok", "og", "vælg", "filer", "ældre", "end"};
    CHECK(words == expected);
}

TEST_CASE("dictd numbers are base64 with dictd's alphabet", "[lexicon][freedict]") {
    using summalign::detail::decode_dictd_number;
    CHECK(decode_dictd_number("A") == 0);
    CHECK(decode_dictd_number("B") == 1);
    CHECK(decode_dictd_number("BA") == 64);
    CHECK(decode_dictd_number("/") == 63);
    CHECK_THROWS_AS(decode_dictd_number("a-b"), std::invalid_argument);
    CHECK_THROWS_AS(decode_dictd_number(""), std::invalid_argument);
}

TEST_CASE("FreeDict entry text is split into clean terms", "[lexicon][freedict]") {
    using summalign::detail::parse_freedict_headword;
    using summalign::detail::parse_freedict_senses;
    CHECK(parse_freedict_headword("Addis Ababa /ˈaðʔis ˈab?ɑbˌa/ <n>") == "Addis Ababa");
    CHECK(parse_freedict_headword("absces /ˈ?ɑbsəs/") == "absces");
    CHECK(parse_freedict_headword("plain") == "plain");

    const std::vector<std::string> numbered{"interrupt", "cut", "cut a connection", "shut off", "stop"};
    CHECK(parse_freedict_senses("1. interrupt\n2. cut, cut a connection\n3. shut off, stop\n") == numbered);
    const std::vector<std::string> noted{"abbot"};
    CHECK(parse_freedict_senses("abbot [forstander for et (større) munkekloster i den romersk-katolske kirke]\n") == noted);
    const std::vector<std::string> prefixed{"yak", "domestic yak"};
    CHECK(parse_freedict_senses(" [dyr: okse med langhåret pels] yak, domestic yak\n") == prefixed);
    const std::vector<std::string> questions{"how are you", "how do you do"};
    CHECK(parse_freedict_senses("how are you?, how do you do?\n") == questions);
    // Definitions rather than translations are too long to be useful and are dropped.
    const std::vector<std::string> definition{"jargon"};
    CHECK(parse_freedict_senses("jargon, language (especially vocabulary) associated with a profession\n") == definition);
}

TEST_CASE("FreeDict lookups in both directions", "[lexicon][freedict]") {
    if (!has_freedict()) {
        WARN("skipped: FreeDict dictd files not installed in /usr/share/dictd");
        return;
    }
    LexiconOptions options = nothing_but();
    options.use_freedict = true;
    const Lexicon lexicon(options);
    // dan-eng has "hus /ˈhuʔs/ <n>" → "house"; eng-dan has "house" → "hus".
    const auto hus = lexicon.da_to_en("hus");
    REQUIRE(contains_target(hus, "house"));
    CHECK(find_target(hus, "house")->source == Translation::Source::freedict);
    CHECK(contains_target(lexicon.en_to_da("house"), "hus"));
    // dan-eng "knogle" → "bone", reversed into en→da.
    CHECK(contains_target(lexicon.da_to_en("knogle"), "bone"));
    CHECK(contains_target(lexicon.en_to_da("bone"), "knogle"));
    // Numbered senses: "afbryde" 1. interrupt … 3. shut off, stop, switch off, turn off.
    const auto afbryde = lexicon.da_to_en("afbryde");
    CHECK(contains_target(afbryde, "interrupt"));
    CHECK(contains_target(afbryde, "switch off"));
    // Queries are normalised like keys.
    CHECK(contains_target(lexicon.da_to_en("Hus"), "house"));
    CHECK(lexicon.da_to_en("xyzzyplugh").empty());
    CHECK(lexicon.entry_count() > 5000);
}

TEST_CASE("glossary lines add translations in both directions", "[lexicon][glossary]") {
    TempDir dir;
    const auto glossary = dir.write("glossary.tsv",
                                    "# Danish<TAB>English\n"
                                    "stamcelle\tstem cell\n"
                                    "knoglemarv\tbone marrow\n"
                                    "\n"
                                    "graft-versus-host-sygdom\tgraft-versus-host disease\n"
                                    "stamcelle\tprogenitor cell\n");
    LexiconOptions options = nothing_but();
    options.use_glossary = true;
    options.glossary_file = glossary;
    const Lexicon lexicon(options);
    const auto stamcelle = lexicon.da_to_en("stamcelle");
    REQUIRE(stamcelle.size() == 2);
    CHECK(stamcelle[0].target == "stem cell");  // file order kept among equals
    CHECK(stamcelle[1].target == "progenitor cell");
    CHECK(stamcelle[0].source == Translation::Source::glossary);
    CHECK(contains_target(lexicon.en_to_da("bone marrow"), "knoglemarv"));
    CHECK(contains_target(lexicon.da_to_en("graft-versus-host-sygdom"), "graft-versus-host disease"));
    CHECK(lexicon.entry_count() == 8);
}

TEST_CASE("the default glossary is used when a data directory has it", "[lexicon][glossary]") {
    LexiconOptions options = nothing_but();
    options.use_glossary = true;
    bool present = true;
    try {
        summalign::find_data_file(summalign::default_glossary_name);
    } catch (const summalign::Error&) {
        present = false;
    }
    const Lexicon lexicon(options);  // absent: skipped, not an error
    if (present)
        CHECK(lexicon.entry_count() > 0);
    else
        CHECK(lexicon.entry_count() == 0);
}

TEST_CASE("missing default sources are named with where they were looked for", "[lexicon][data]") {
    const TempDir empty;
    LexiconOptions options;
    options.freedict_dir = empty.path();
    const auto missing = summalign::missing_lexicon_sources(options);
    std::vector<std::string> freedict;
    for (const auto& source : missing)
        if (source.source == Translation::Source::freedict) freedict.push_back(source.what);
    REQUIRE(freedict.size() == 4);  // both directions' index and text
    CHECK(freedict.front().find((empty.path() / "freedict-dan-eng.index").string()) != std::string::npos);

    // The build tree holds the learned table and the glossary, and the machine FreeDict:
    // nothing is missing, and what is not asked for is not looked for.
    CHECK(summalign::missing_lexicon_sources(LexiconOptions{}).empty());
    options.use_freedict = false;
    CHECK(summalign::missing_lexicon_sources(options).empty());
    // A file named in the options throws when missing instead of being reported here.
    options.learned_file = empty.path() / "no-such.bin";
    CHECK(summalign::missing_lexicon_sources(options).empty());
}

TEST_CASE("user dictionaries in hunalign and TSV format", "[lexicon][user]") {
    TempDir dir;
    LexiconOptions options = nothing_but();
    options.user_dictionaries = {dir.write("mine.dict", "blood @ blod\nbone marrow @ knoglemarv\r\n"),
                                 dir.write("mine.tsv", "hjerte\theart\n# comment\nhjerte\tcardiac\tadjective sense\n")};
    const Lexicon lexicon(options);
    CHECK(contains_target(lexicon.da_to_en("blod"), "blood"));
    CHECK(contains_target(lexicon.en_to_da("bone marrow"), "knoglemarv"));
    const auto hjerte = lexicon.da_to_en("hjerte");
    CHECK(contains_target(hjerte, "heart"));
    CHECK(contains_target(hjerte, "cardiac"));
    REQUIRE(!hjerte.empty());
    CHECK(hjerte.front().source == Translation::Source::user);
}

TEST_CASE("may_start_*_term answers whether a multi-word entry begins with a word", "[lexicon][user]") {
    TempDir dir;
    LexiconOptions options = nothing_but();
    options.user_dictionaries = {dir.write("mine.tsv", "kan lide\tlike\nhus\thouse\nknoglemarv\tbone marrow\n")};
    const Lexicon lexicon(options);
    CHECK(lexicon.may_start_danish_term("kan"));
    CHECK(lexicon.may_start_danish_term("Kan"));  // the word is normalised like a lexicon key
    CHECK_FALSE(lexicon.may_start_danish_term("lide"));  // second word only
    CHECK_FALSE(lexicon.may_start_danish_term("hus"));   // a one-word entry
    CHECK_FALSE(lexicon.may_start_danish_term("ka"));    // a prefix of the word is not the word
    CHECK(lexicon.may_start_english_term("bone"));
    CHECK_FALSE(lexicon.may_start_english_term("marrow"));
    CHECK_FALSE(lexicon.may_start_english_term("kan"));  // Danish, not English
}

TEST_CASE("a pair from several sources keeps the most trusted source", "[lexicon][user]") {
    if (!has_freedict()) {
        WARN("skipped: FreeDict dictd files not installed in /usr/share/dictd");
        return;
    }
    TempDir dir;
    LexiconOptions options = nothing_but();
    options.use_freedict = true;
    options.user_dictionaries = {dir.write("mine.tsv", "hus\thouse\n")};
    const Lexicon lexicon(options);
    const auto hus = lexicon.da_to_en("hus");
    REQUIRE(std::count_if(hus.begin(), hus.end(), [](const Translation& t) { return t.target == "house"; }) == 1);
    CHECK(find_target(hus, "house")->source == Translation::Source::user);
}

TEST_CASE("malformed text dictionaries name the file and line", "[lexicon][errors]") {
    TempDir dir;
    LexiconOptions options = nothing_but();

    options.user_dictionaries = {dir.write("bad.tsv", "hus\thouse\nhjerte heart\n")};
    auto message = error_message([&] { Lexicon{options}; });
    CHECK_THAT(message, Catch::Contains("bad.tsv") && Catch::Contains("line 2") && Catch::Contains("no tab"));

    options.user_dictionaries = {dir.write("bad.dict", "blood @ blod\nbone marrow knoglemarv\n")};
    message = error_message([&] { Lexicon{options}; });
    CHECK_THAT(message, Catch::Contains("bad.dict") && Catch::Contains("line 2"));

    options.user_dictionaries = {dir.write("empty-side.tsv", "hus\t\n")};
    message = error_message([&] { Lexicon{options}; });
    CHECK_THAT(message, Catch::Contains("empty-side.tsv") && Catch::Contains("line 1") && Catch::Contains("empty English"));

    options.user_dictionaries = {dir.path() / "does-not-exist.tsv"};
    message = error_message([&] { Lexicon{options}; });
    CHECK_THAT(message, Catch::Contains("does-not-exist.tsv") && Catch::Contains("cannot open"));

    options.user_dictionaries = {dir.path()};
    message = error_message([&] { Lexicon{options}; });
    CHECK_THAT(message, Catch::Contains("directory"));
}

TEST_CASE("a malformed dictd index names the file and line", "[lexicon][freedict][errors]") {
    TempDir dir;
    // A valid gzip body written through zlib is not needed: an index offset past the end of
    // an empty .dict.dz must be caught before any read.
    const auto index = dir.write("freedict-dan-eng.index", "hus\tA\tO\nknogle\tZZZZ\tY\n");
    {
        // gzip of an entry "hus\nhouse\n" is simplest made by gzopen.
        const auto dict = dir.path() / "freedict-dan-eng.dict.dz";
        std::string body = "hus /h/\nhouse\n";
        gzFile file = gzopen(dict.c_str(), "wb");
        gzwrite(file, body.data(), static_cast<unsigned>(body.size()));
        gzclose(file);
    }
    const auto message = error_message([&] { summalign::detail::read_dictd(index, dir.path() / "freedict-dan-eng.dict.dz"); });
    CHECK_THAT(message, Catch::Contains("freedict-dan-eng.index") && Catch::Contains("line 2") && Catch::Contains("outside"));
}

TEST_CASE("concurrent lookups on one const Lexicon agree with sequential ones", "[lexicon][threads]") {
    TempDir dir;
    LexiconOptions options = nothing_but();
    options.use_freedict = has_freedict();
    options.user_dictionaries = {dir.write("mine.tsv", "hjerte\theart\nblod\tblood\nknoglemarv\tbone marrow\n")};
    const Lexicon lexicon(options);
    const std::vector<std::string> words{"hjerte", "blod", "knoglemarv", "hus", "knogle", "afbryde", "ukendt"};
    std::vector<std::vector<std::string>> expected;
    for (const auto& word : words) {
        std::vector<std::string> targets;
        for (const auto& t : lexicon.da_to_en(word)) targets.push_back(t.target);
        expected.push_back(targets);
    }
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int thread = 0; thread < 4; ++thread) {
        threads.emplace_back([&, thread] {
            for (int round = 0; round < 200; ++round) {
                for (std::size_t i = 0; i < words.size(); ++i) {
                    std::vector<std::string> targets;
                    for (const auto& t : lexicon.da_to_en(words[i])) targets.push_back(t.target);
                    if (targets != expected[i]) ++mismatches[thread];
                }
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(mismatches == std::vector<int>(4, 0));
    CHECK(expected[0] == std::vector<std::string>{"heart"});
}
