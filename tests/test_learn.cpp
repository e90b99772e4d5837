// Tests of the learned lexicon: IBM Model 1 on a tiny handmade corpus, the binary file's
// round trip and its validation, bundled sources, the LibreOffice help reader and the CLI.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "detail/lexicon_binary.hpp"
#include "train/lexicon_corpus.hpp"
#include "train/lexicon_ibm1.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"
#include "train/train.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::Lexicon;
using summalign::LexiconOptions;
using summalign::ParallelText;
using summalign::Translation;

using summalign::test::TempDir;
using summalign::test::read_file;
using summalign::test::error_message;

namespace {

// Animals and adjectives in every combination: each word's only consistent partner is its
// translation, which is what EM must find.
std::vector<ParallelText> tiny_corpus() {
    const std::vector<std::pair<std::string, std::string>> nouns{{"hund", "dog"}, {"kat", "cat"}, {"hest", "horse"}, {"fugl", "bird"}};
    const std::vector<std::pair<std::string, std::string>> adjectives{{"stor", "big"}, {"lille", "small"}, {"sort", "black"}, {"hvid", "white"}};
    std::vector<ParallelText> corpus;
    for (const auto& [da_noun, en_noun] : nouns) {
        corpus.push_back({"En " + da_noun + ".", "A " + en_noun + "."});
        for (const auto& [da_adjective, en_adjective] : adjectives)
            corpus.push_back({"en " + da_adjective + " " + da_noun + " løber", "a " + en_adjective + " " + en_noun + " runs"});
    }
    return corpus;
}

LexiconOptions only_learned(const fs::path& file) {
    LexiconOptions options;
    options.use_freedict = false;
    options.use_glossary = false;
    options.learned_file = file;
    return options;
}

std::string best(const std::vector<Translation>& translations) { return translations.empty() ? "(none)" : translations.front().target; }

}  // namespace

TEST_CASE("IBM Model 1 finds the consistent partner of each word", "[learn][ibm1]") {
    // source ids 1..3 = {a, b, c}, target ids 1..3 = {x, y, z}; a↔x, b↔y, c↔z.
    std::vector<summalign::detail::IdPair> corpus{{{1, 2}, {1, 2}}, {{1, 3}, {1, 3}}, {{2, 3}, {2, 3}}, {{1}, {1}}};
    const auto entries = summalign::detail::train_ibm1(corpus, 10);
    const auto t = [&](std::uint32_t source, std::uint32_t target) {
        for (const auto& entry : entries)
            if (entry.source == source && entry.target == target) return entry.probability;
        return 0.0f;
    };
    CHECK(t(1, 1) > t(1, 2));
    CHECK(t(1, 1) > t(1, 3));
    CHECK(t(2, 2) > t(2, 1));
    CHECK(t(3, 3) > t(3, 1));
    // t(·|source) is a distribution over targets.
    for (std::uint32_t source = 0; source <= 3; ++source) {
        float sum = 0.0f;
        for (const auto& entry : entries)
            if (entry.source == source) sum += entry.probability;
        CHECK(sum == Approx(1.0f).margin(1e-4));
    }
}

TEST_CASE("a learned lexicon round-trips through its binary file", "[learn]") {
    TempDir dir;
    const auto file = dir.path() / "tiny.bin";
    summalign::LearnOptions options;
    options.iterations = 10;
    const auto summary = summalign::learn_lexicon(tiny_corpus(), file, options);
    CHECK(summary.segments_read == 20);
    CHECK(summary.segments_used == 20);
    CHECK(summary.danish_vocabulary == 10);  // en, løber, 4 nouns, 4 adjectives
    CHECK(summary.file_bytes == fs::file_size(file));

    const Lexicon lexicon(only_learned(file));
    CHECK(best(lexicon.da_to_en("hund")) == "dog");
    CHECK(best(lexicon.da_to_en("kat")) == "cat");
    CHECK(best(lexicon.da_to_en("stor")) == "big");
    CHECK(best(lexicon.da_to_en("løber")) == "runs");
    CHECK(best(lexicon.en_to_da("horse")) == "hest");
    CHECK(best(lexicon.en_to_da("white")) == "hvid");
    const auto dog = lexicon.da_to_en("hund");
    REQUIRE(!dog.empty());
    CHECK(dog.front().source == Translation::Source::learned);
    CHECK(dog.front().probability > 0.5f);
    CHECK(dog.front().probability <= 1.0f);
    CHECK(lexicon.has_danish("fugl"));
    CHECK_FALSE(lexicon.has_danish("elefant"));
    CHECK(lexicon.entry_count() == summary.da_to_en_pairs + summary.en_to_da_pairs);
}

TEST_CASE("use_learned = false leaves the learned table out", "[learn]") {
    TempDir dir;
    const auto file = dir.path() / "tiny.bin";
    summalign::learn_lexicon(tiny_corpus(), file);
    LexiconOptions options = only_learned(file);
    options.use_learned = false;
    const Lexicon lexicon(options);
    CHECK(lexicon.da_to_en("hund").empty());
    CHECK(lexicon.entry_count() == 0);
}

TEST_CASE("bundled glossary entries are used while the glossary is unchanged", "[learn][bundle]") {
    TempDir dir;
    const auto glossary = dir.write("glossary.tsv", "knoglemarv\tbone marrow\nhund\thound\n");
    const auto file = dir.path() / "bundle.bin";
    summalign::LearnOptions learn;
    learn.bundle_glossary_file = glossary;
    const auto summary = summalign::learn_lexicon(tiny_corpus(), file, learn);
    CHECK(summary.bundled_pairs == 4);

    LexiconOptions options = only_learned(file);
    options.use_glossary = true;
    options.glossary_file = glossary;
    {
        const Lexicon lexicon(options);
        const auto marrow = lexicon.da_to_en("knoglemarv");
        REQUIRE(marrow.size() == 1);
        CHECK(marrow[0].target == "bone marrow");
        CHECK(marrow[0].source == Translation::Source::glossary);
        // The term's first word, found in the binary file's sorted keys.
        CHECK(lexicon.may_start_english_term("bone"));
        CHECK_FALSE(lexicon.may_start_english_term("bon"));
        CHECK_FALSE(lexicon.may_start_english_term("marrow"));
        CHECK_FALSE(lexicon.may_start_danish_term("knoglemarv"));
        const auto hund = lexicon.da_to_en("hund");
        // Glossary (probability 1) before the learned "dog".
        REQUIRE(hund.size() >= 2);
        CHECK(hund[0].target == "hound");
        CHECK(hund[1].target == "dog");
    }
    {
        LexiconOptions without_glossary = options;
        without_glossary.use_glossary = false;
        const Lexicon lexicon(without_glossary);
        CHECK(lexicon.da_to_en("knoglemarv").empty());
        CHECK(best(lexicon.da_to_en("hund")) == "dog");
    }
    // The glossary changes after the file was built: the file's copy is stale and the
    // glossary itself is read instead.
    dir.write("glossary.tsv", "blodprop\tblood clot\n");
    {
        const Lexicon lexicon(options);
        CHECK(lexicon.da_to_en("knoglemarv").empty());
        CHECK(best(lexicon.da_to_en("blodprop")) == "blood clot");
        CHECK(best(lexicon.da_to_en("hund")) == "dog");
    }
}

TEST_CASE("bundled FreeDict matches FreeDict read directly", "[learn][bundle]") {
    if (!fs::exists("/usr/share/dictd/freedict-dan-eng.index")) {
        WARN("skipped: FreeDict dictd files not installed in /usr/share/dictd");
        return;
    }
    TempDir dir;
    const auto file = dir.path() / "bundle.bin";
    summalign::LearnOptions learn;
    learn.bundle_freedict_dir = "/usr/share/dictd";
    summalign::learn_lexicon(tiny_corpus(), file, learn);

    // A file without FreeDict in it: FreeDict is then read from the dictd files.
    const auto plain = dir.path() / "plain.bin";
    summalign::learn_lexicon(tiny_corpus(), plain);
    LexiconOptions direct = only_learned(plain);
    direct.use_freedict = true;
    direct.use_learned = false;
    LexiconOptions bundled = only_learned(file);
    bundled.use_freedict = true;
    bundled.use_learned = false;
    const Lexicon from_dictd(direct);
    const Lexicon from_file(bundled);
    CHECK(from_dictd.entry_count() == from_file.entry_count());
    for (const char* word : {"hus", "knogle", "afbryde", "af", "blod"}) {
        INFO(word);
        const auto a = from_dictd.da_to_en(word);
        const auto b = from_file.da_to_en(word);
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) CHECK(a[i].target == b[i].target);
    }
    CHECK(best(from_file.en_to_da("house")) == best(from_dictd.en_to_da("house")));
}

TEST_CASE("malformed binary lexicon files give errors, never crashes", "[learn][errors]") {
    TempDir dir;
    const auto good = dir.path() / "good.bin";
    summalign::learn_lexicon(tiny_corpus(), good);
    const std::string bytes = read_file(good);
    REQUIRE(bytes.size() > 120);

    SECTION("wrong magic") {
        std::string bad = bytes;
        bad[0] = 'X';
        const auto path = dir.write("magic.bin", bad);
        const auto message = error_message([&] { Lexicon{only_learned(path)}; });
        CHECK_THAT(message, Catch::Contains("magic.bin") && Catch::Contains("byte 0") && Catch::Contains("wrong magic"));
    }
    SECTION("a text file") {
        const auto path = dir.write("text.bin", "hund\tdog\n");
        CHECK_THAT(error_message([&] { Lexicon{only_learned(path)}; }), Catch::Contains("text.bin"));
    }
    SECTION("truncated at every length") {
        for (std::size_t length = 0; length < bytes.size(); ++length) {
            INFO(length);
            const std::string_view prefix(bytes.data(), length);
            CHECK_THROWS_AS(summalign::detail::MappedLexicon(prefix, "prefix"), summalign::Error);
        }
        const auto path = dir.write("truncated.bin", bytes.substr(0, bytes.size() - 7));
        CHECK_THAT(error_message([&] { Lexicon{only_learned(path)}; }), Catch::Contains("truncated.bin") && Catch::Contains("truncated"));
    }
    SECTION("an offset pointing outside the file") {
        std::string bad = bytes;
        bad[24 + 7] = '\x7F';  // string pool offset's high byte
        const auto path = dir.write("offset.bin", bad);
        CHECK_THAT(error_message([&] { Lexicon{only_learned(path)}; }), Catch::Contains("offset.bin") && Catch::Contains("byte 24") &&
                                                                           Catch::Contains("outside"));
    }
    SECTION("a string that is not UTF-8") {
        std::string bad = bytes;
        bad.back() = '\xFF';  // the last byte of the string pool
        const auto path = dir.write("utf8.bin", bad);
        CHECK_THAT(error_message([&] { Lexicon{only_learned(path)}; }), Catch::Contains("utf8.bin") && Catch::Contains("not valid UTF-8"));
    }
    SECTION("any single corrupted byte is caught or harmless") {
        // Every byte set to 0xFF in turn: the file must either still validate (a changed
        // probability or letter) or throw Error; lookups on what validates must not crash.
        for (std::size_t at = 0; at < bytes.size(); ++at) {
            std::string bad = bytes;
            bad[at] = '\xFF';
            try {
                const summalign::detail::MappedLexicon mapped(bad, "corrupt");
                for (const char* word : {"hund", "kat", "en", "zzz"})
                    for (const auto& t : mapped.lookup(summalign::detail::Direction::da_to_en, word))
                        CHECK((t.probability >= 0.0f && t.probability <= 1.0f));
                for (const char* word : {"dog", "a", ""}) (void)mapped.lookup(summalign::detail::Direction::en_to_da, word);
            } catch (const summalign::Error&) {
            }
        }
        SUCCEED("no crash");
    }
    SECTION("unreadable file") {
        const auto message = error_message([&] { Lexicon{only_learned(dir.path() / "missing.bin")}; });
        CHECK_THAT(message, Catch::Contains("missing.bin") && Catch::Contains("cannot open"));
        CHECK_THAT(error_message([&] { Lexicon{only_learned(dir.path())}; }), Catch::Contains("not a regular file"));
    }
}

TEST_CASE("parallel TSV corpora", "[learn][errors]") {
    TempDir dir;
    const auto good = dir.write("good.tsv", "# comment\nhund\tdog\n\nkat\tcat\n");
    const auto corpus = summalign::read_parallel_tsv(good);
    REQUIRE(corpus.size() == 2);
    CHECK(corpus[1].danish == "kat");
    CHECK(corpus[1].english == "cat");
    const auto bad = dir.write("bad.tsv", "hund\tdog\nkat cat\n");
    CHECK_THAT(error_message([&] { summalign::read_parallel_tsv(bad); }), Catch::Contains("bad.tsv") && Catch::Contains("line 2"));
}

TEST_CASE("help pages pair paragraphs by id, tolerating HTML", "[learn][corpus]") {
    const std::string danish =
        "<!DOCTYPE html><html><head><meta charset=utf-8><script src=x.js defer></script></head><body>"
        "<h1 id=\"hd_id1\">Tabel</h1>"
        "<p id=\"par_id2\" class=\"paragraph\">Indsætter en <span class=\"emph\">ny</span>\n tabel.<br></p>"
        "<p id=\"par_id3\">Specifies the properties.</p>"
        "<p id=\"par_id4\">Kun på dansk.</p>"
        "<p id=\"par_id2\">Igen.</p>"
        "<p>Uden id.</p></body></html>";
    const std::string english =
        "<!DOCTYPE html><html><head><meta charset=utf-8></head><body>"
        "<h1 id=\"hd_id1\">Table</h1>"
        "<p id=\"par_id2\" class=\"paragraph\">Inserts a <span class=\"emph\">new</span> table.<br></p>"
        "<p id=\"par_id3\">Specifies the properties.</p>"
        "<p id=\"par_id2\">Again.</p>"
        "<p>Without id.</p></body></html>";
    const auto pairs = summalign::detail::pair_help_pages(danish, english);
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].danish == "Tabel");
    CHECK(pairs[0].english == "Table");
    CHECK(pairs[1].danish == "Indsætter en ny tabel.");
    CHECK(pairs[1].english == "Inserts a new table.");
    CHECK(pairs[2].danish == "Igen.");  // the second par_id2 pairs with the second
    CHECK(pairs[2].english == "Again.");
}

TEST_CASE("the installed LibreOffice help yields paragraph pairs", "[learn][corpus]") {
    const fs::path danish = "/usr/share/libreoffice/help/da/text/swriter";
    const fs::path english = "/usr/share/libreoffice/help/en-US/text/swriter";
    if (!fs::is_directory(danish) || !fs::is_directory(english)) {
        WARN("skipped: libreoffice-help-da / libreoffice-help-en-us not installed");
        return;
    }
    const auto corpus = summalign::read_libreoffice_help(danish / "guide", english / "guide");
    CHECK(corpus.size() > 1000);
    const auto main0110 = summalign::detail::pair_help_pages(
        read_file(danish / "main0110.html"), read_file(english / "main0110.html"));
    CHECK(std::any_of(main0110.begin(), main0110.end(), [](const ParallelText& pair) {
        return pair.danish == "Indsætter en ny tabel." && pair.english == "Inserts a new table.";
    }));
    CHECK(summalign::read_libreoffice_help("/nonexistent/da", "/nonexistent/en").empty());
}

TEST_CASE("held-out LibreOffice help pages are kept out of the training corpus", "[learn][corpus]") {
    const fs::path danish = "/usr/share/libreoffice/help/da/text/swriter/guide";
    const fs::path english = "/usr/share/libreoffice/help/en-US/text/swriter/guide";
    if (!fs::is_directory(danish) || !fs::is_directory(english)) {
        WARN("skipped: libreoffice-help-da / libreoffice-help-en-us not installed");
        return;
    }
    using summalign::HelpPages;
    const auto training = summalign::read_libreoffice_help(danish, english, HelpPages::training);
    const auto heldout = summalign::read_libreoffice_help(danish, english, HelpPages::heldout);
    const auto all = summalign::read_libreoffice_help(danish, english, HelpPages::all);
    CHECK(!heldout.empty());
    CHECK(training.size() > heldout.size());
    CHECK(training.size() + heldout.size() == all.size());
}

TEST_CASE("summalign learn-lexicon writes a file the library loads", "[learn][cli]") {
    TempDir dir;
    std::string tsv;
    for (const auto& pair : tiny_corpus()) tsv += pair.danish + "\t" + pair.english + "\n";
    const auto corpus = dir.write("corpus.tsv", tsv);
    const auto output = dir.path() / "cli.bin";
    const std::string command = std::string(SUMMALIGN_CLI_PATH) + " learn-lexicon --tsv '" + corpus.string() + "' -o '" +
                                output.string() + "' --iterations 8 > '" + (dir.path() / "out.txt").string() + "' 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK_THAT(read_file(dir.path() / "out.txt"), Catch::Contains("20 segments read"));
    const Lexicon lexicon(only_learned(output));
    CHECK(best(lexicon.da_to_en("hest")) == "horse");

    const auto bad = dir.write("bad.tsv", "hund dog\n");
    const std::string failing = std::string(SUMMALIGN_CLI_PATH) + " learn-lexicon --tsv '" + bad.string() + "' -o '" +
                                (dir.path() / "never.bin").string() + "' > '" + (dir.path() / "err.txt").string() + "' 2>&1";
    CHECK(std::system(failing.c_str()) != 0);
    CHECK_THAT(read_file(dir.path() / "err.txt"), Catch::Contains("bad.tsv") && Catch::Contains("line 1"));
    CHECK_FALSE(fs::exists(dir.path() / "never.bin"));
}

TEST_CASE("every headword of a binary lexicon is found and nothing else", "[learn]") {
    // Enough heads that the hash index has collisions and long runs; keys that share
    // prefixes with each other and with the absent strings below.
    summalign::detail::BilingualTables tables;
    std::vector<std::string> danish;
    for (int k = 0; k < 3000; ++k) {
        danish.push_back("ord" + std::to_string(k));
        tables.add_pair(danish.back(), "word" + std::to_string(k % 1000), 0.5f, Translation::Source::learned);
    }
    tables.finish();
    const std::string bytes = summalign::detail::encode_lexicon_binary({&tables}, {summalign::detail::source_bit(Translation::Source::learned), 0, 0});
    const summalign::detail::MappedLexicon lexicon(bytes, "generated");
    using summalign::detail::Direction;
    for (int k = 0; k < 3000; ++k) {
        INFO(danish[k]);
        const auto found = lexicon.lookup(Direction::da_to_en, danish[k]);
        REQUIRE(found.size() == 1);
        CHECK(found.front().target == "word" + std::to_string(k % 1000));
        CHECK(lexicon.contains(Direction::da_to_en, danish[k]));
    }
    for (int k = 0; k < 1000; ++k) {
        const auto found = lexicon.lookup(Direction::en_to_da, "word" + std::to_string(k));
        CHECK(found.size() == 3);  // ord{k}, ord{k + 1000}, ord{k + 2000}
    }
    for (const std::string absent : {"ord", "ord3000", "ord-1", "or", "word1000", "ord12x", "", "Ord1"}) {
        INFO(absent);
        CHECK(lexicon.lookup(Direction::da_to_en, absent).empty());
        CHECK_FALSE(lexicon.contains(Direction::da_to_en, absent));
    }
    CHECK(lexicon.has_prefix(Direction::da_to_en, "ord29"));
    CHECK_FALSE(lexicon.has_prefix(Direction::da_to_en, "orz"));
}
