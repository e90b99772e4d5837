// Checker: one hand-built article per kind of finding, offsets into a real source string,
// and the seed document through the whole pipeline.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "detail/check_mentions.hpp"
#include "detail/check_words.hpp"
#include "summalign/check.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"
#include "test_util.hpp"

using namespace summalign;

namespace {

LexiconOptions empty_lexicon_options() {
    LexiconOptions options;
    options.use_freedict = false;
    options.use_glossary = false;
    options.use_learned = false;
    return options;
}

// One Lexicon and Checker for the whole file: loading Hunspell takes a moment.
const Lexicon& test_lexicon() {
    static const Lexicon lexicon(empty_lexicon_options());
    return lexicon;
}
const Checker& test_checker() {
    static const Checker checker(test_lexicon());
    return checker;
}

// Builds articles whose sentences carry their true spans in `source`.
struct Fixture {
    std::string source;

    Sentence sentence(const std::string& text) {
        const auto at = source.find(text);
        REQUIRE(at != std::string::npos);
        return Sentence{text, at, at + text.size()};
    }
};

std::vector<Finding> of_kind(const std::vector<Finding>& findings, Finding::Kind kind) {
    std::vector<Finding> out;
    std::copy_if(findings.begin(), findings.end(), std::back_inserter(out), [&](const Finding& f) { return f.kind == kind; });
    return out;
}

Bead bead(std::vector<std::size_t> da, std::vector<std::size_t> en) {
    Bead b;
    b.da = std::move(da);
    b.en = std::move(en);
    return b;
}

// An article with a one-sentence Resumé and a one-sentence Summary aligned 1-1.
struct PairArticle {
    Fixture fixture;
    Article article;
    ArticleAlignment alignment;

    PairArticle(const std::string& danish, const std::string& english) {
        fixture.source = "Titel\nResumé\n" + danish + "\nSummary\n" + english + "\n";
        article.resume.push_back(fixture.sentence(danish));
        article.summary.emplace();
        article.summary->sentences.push_back(fixture.sentence(english));
        article.span.end = fixture.source.size();
        alignment.resume_summary.push_back(bead({0}, {0}));
        ClaimSupport claim;
        claim.en = 0;
        claim.supported = true;
        alignment.support.push_back(claim);
    }

    std::vector<Finding> check(const Checker& checker = test_checker()) const {
        return checker.check(article, alignment, fixture.source);
    }
};

}  // namespace

TEST_CASE("finding kinds have the contract's names", "[check]") {
    CHECK(to_string(Finding::Kind::misspelling) == "misspelling");
    CHECK(to_string(Finding::Kind::number_mismatch) == "number_mismatch");
    CHECK(to_string(Finding::Kind::abbreviation_mismatch) == "abbreviation_mismatch");
    CHECK(to_string(Finding::Kind::unsupported_claim) == "unsupported_claim");
    CHECK(to_string(Finding::Kind::missing_summary) == "missing_summary");
    CHECK(to_string(Finding::Kind::missing_resume) == "missing_resume");
}

TEST_CASE("an English misspelling is corrected towards the Danish cognate", "[check][spelling]") {
    const PairArticle pair("Cellerne kan blive til kondrocytter og adipocytter.",
                           "The cells can become chondroyctes and adipocytes.");
    const auto misspellings = of_kind(pair.check(), Finding::Kind::misspelling);
    REQUIRE(misspellings.size() == 1);
    const Finding& f = misspellings.front();
    CHECK(f.lang == Lang::en);
    CHECK(f.word == "chondroyctes");
    CHECK(f.suggestion == "chondrocytes");
    CHECK(f.text == "The cells can become chondroyctes and adipocytes.");
    CHECK(pair.fixture.source.substr(f.span.start, f.span.end - f.span.start) == "chondroyctes");
    CHECK(f.message.find("chondroyctes") != std::string::npos);
}

TEST_CASE("a suggestion the author wrote correctly elsewhere wins", "[check][spelling]") {
    // Hunspell offers strum, stem, steam, sternum for "steum"; the Summary says "stem" elsewhere.
    Fixture fixture;
    fixture.source = "Allogeneic steum cell transplantation.\nAllogeneic stem cell transplantation is established.\n";
    Article article;
    article.resume.push_back(Sentence{"Allogen stamcelletransplantation.", 0, 0});
    article.summary.emplace();
    article.summary->title = fixture.sentence("Allogeneic steum cell transplantation.");
    article.summary->sentences.push_back(fixture.sentence("Allogeneic stem cell transplantation is established."));
    const auto findings = of_kind(test_checker().check(article, ArticleAlignment{}, fixture.source), Finding::Kind::misspelling);
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().word == "steum");
    CHECK(findings.front().suggestion == "stem");
    CHECK(findings.front().span.start == fixture.source.find("steum"));
}

TEST_CASE("British spellings, medical words, names, abbreviations and citations are not misspellings", "[check][spelling]") {
    const PairArticle pair(
        "Mesenkymale stamceller (MSC) fra knoglemarven kan bruges ved thalassæmi [13].",
        "Mesenchymal stem cells (MSCs) from the haematopoietic bone marrow stroma treat anaemia, as Horwitz et al "
        "showed in vitro [13, 14] (see www.example.org/stemcelz or mail kassem@example.dk), e.g. in 2x2 designs with CD105.");
    const auto misspellings = of_kind(pair.check(), Finding::Kind::misspelling);
    for (const auto& f : misspellings) UNSCOPED_INFO("flagged: " << f.word);
    CHECK(misspellings.empty());
}

TEST_CASE("a sentence-initial word is checked, a capitalised word inside a sentence is taken for a name", "[check][spelling]") {
    const PairArticle initial("Stamceller er lovende.", "Steum cells are promising, says Kassemm.");
    const auto findings = of_kind(initial.check(), Finding::Kind::misspelling);
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().word == "Steum");
}

TEST_CASE("Danish is checked conservatively", "[check][spelling]") {
    SECTION("a slip with a close dictionary word is flagged") {
        // hunspell-da offers angiogenes, angiogens, angiogene, angiogenese: the article's own
        // spelling elsewhere decides.
        PairArticle pair("Gendannelse af blodkar (vaskulogenese og angiogense) er muligt.",
                         "New blood vessels can be formed.");
        pair.article.sections.push_back(Section{std::nullopt, {Sentence{"Angiogenese er dannelse af nye blodkar.", 0, 0}}});
        const auto findings = of_kind(pair.check(), Finding::Kind::misspelling);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().lang == Lang::da);
        CHECK(findings.front().word == "angiogense");
        CHECK(findings.front().suggestion == "angiogenese");
        CHECK(pair.fixture.source.substr(findings.front().span.start, findings.front().span.end - findings.front().span.start) == "angiogense");
    }
    SECTION("a compound without its linking -s- is flagged") {
        const PairArticle pair("MSC kan bruges i en systemisk transplantationbehandling.",
                               "MSCs can be used in systemic transplantation.");
        const auto findings = of_kind(pair.check(), Finding::Kind::misspelling);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().word == "transplantationbehandling");
        CHECK(findings.front().suggestion == "transplantationsbehandling");
    }
    SECTION("compounds of known words, suspended compounds and abbreviations with a full stop pass") {
        const PairArticle pair("Stamcelleterapibehandlingen af knogle- og bruskdefekter, inkl. hudsår, er mulig mhp. heling.",
                               "Stem cell therapy of bone and cartilage defects is possible.");
        const auto findings = of_kind(pair.check(), Finding::Kind::misspelling);
        for (const auto& f : findings) UNSCOPED_INFO("flagged: " << f.word);
        CHECK(findings.empty());
    }
}

TEST_CASE("numbers that differ between aligned sentences", "[check][numbers]") {
    SECTION("5 against 6") {
        const PairArticle pair("Vi behandlede 5 patienter.", "We treated 6 patients.");
        const auto findings = of_kind(pair.check(), Finding::Kind::number_mismatch);
        REQUIRE(findings.size() == 2);
        const auto danish = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.lang == Lang::da; });
        const auto english = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.lang == Lang::en; });
        REQUIRE(danish != findings.end());
        REQUIRE(english != findings.end());
        CHECK(danish->word == "5");
        CHECK(danish->suggestion == "6");
        CHECK(english->word == "6");
        CHECK(pair.fixture.source.substr(english->span.start, english->span.end - english->span.start) == "6");
        CHECK(english->message.find("5") != std::string::npos);
    }
    SECTION("decimal commas, thousands, number words, citations and identifiers agree") {
        const PairArticle pair("Hos tre patienter gav 2,5 mg af IL-3 [14-16] i alt 1.000 celler (Horwitz et al, 2002).",
                               "In three patients 2.5 mg of IL-3 [17] gave 1,000 cells in total.");
        const auto findings = of_kind(pair.check(), Finding::Kind::number_mismatch);
        for (const auto& f : findings) UNSCOPED_INFO("flagged: " << f.word);
        CHECK(findings.empty());
    }
    SECTION("a number in one language only") {
        const PairArticle pair("Behandlingen hjalp 12 patienter.", "The treatment helped patients.");
        const auto findings = of_kind(pair.check(), Finding::Kind::number_mismatch);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().word == "12");
        CHECK(findings.front().suggestion.empty());
    }
    SECTION("omissions (1-0 beads) are not compared") {
        PairArticle pair("Vi behandlede 5 patienter.", "We treated 6 patients.");
        pair.alignment.resume_summary = {bead({0}, {}), bead({}, {0})};
        CHECK(of_kind(pair.check(), Finding::Kind::number_mismatch).empty());
    }
}

TEST_CASE("abbreviations without a counterpart", "[check][abbreviations]") {
    SECTION("plural MSCs matches MSC; SCT alone is reported") {
        const PairArticle pair("MSC kan bruges efter SCT.", "MSCs can be used after transplantation.");
        const auto findings = of_kind(pair.check(), Finding::Kind::abbreviation_mismatch);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().word == "SCT");
        CHECK(findings.front().lang == Lang::da);
        CHECK(pair.fixture.source.substr(findings.front().span.start, findings.front().span.end - findings.front().span.start) == "SCT");
    }
    SECTION("abbreviations that differ by language when the lexicon says so") {
        const summalign::test::TempDir scratch;
        const auto dictionary = scratch.write("abbreviations.tsv", "kol\tcopd\n");
        LexiconOptions options = empty_lexicon_options();
        options.user_dictionaries.push_back(dictionary);
        const Lexicon lexicon(options);
        const Checker checker(lexicon);
        const PairArticle pair("Patienter med KOL blev behandlet.", "Patients with COPD were treated.");
        CHECK(of_kind(pair.check(checker), Finding::Kind::abbreviation_mismatch).empty());
        CHECK(of_kind(pair.check(test_checker()), Finding::Kind::abbreviation_mismatch).size() == 2);
    }
}

TEST_CASE("Summary claims without support", "[check][support]") {
    Fixture fixture;
    fixture.source = "Summary\nFirst claim is backed. Second claim is not.\n";
    Article article;
    article.resume.push_back(Sentence{"Første påstand.", 0, 0});
    article.summary.emplace();
    article.summary->sentences.push_back(fixture.sentence("First claim is backed."));
    article.summary->sentences.push_back(fixture.sentence("Second claim is not."));
    ArticleAlignment alignment;
    ClaimSupport backed, unbacked;
    backed.en = 0;
    backed.supported = true;
    unbacked.en = 1;
    unbacked.supported = false;
    alignment.support = {backed, unbacked};
    const auto findings = of_kind(test_checker().check(article, alignment), Finding::Kind::unsupported_claim);
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().text == "Second claim is not.");
    CHECK(findings.front().span.start == fixture.source.find("Second"));
    CHECK(findings.front().span.end == fixture.source.find("not.") + 4);
    CHECK(findings.front().word.empty());
}

TEST_CASE("articles without a Summary or Resumé", "[check][missing]") {
    Article article;
    article.title = Sentence{"Gendannelse af myokardium", 10, 35};
    article.span.start = 10;
    article.span.end = 500;
    article.resume.push_back(Sentence{"Den simple opdagelse.", 40, 61});

    SECTION("a complete article without a Summary") {
        const auto findings = of_kind(test_checker().check(article, {}), Finding::Kind::missing_summary);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().lang == Lang::en);
        CHECK(findings.front().span.start == 10);
        CHECK(findings.front().message.find("ends inside") == std::string::npos);
    }
    SECTION("an article the source cuts off is still reported, saying so") {
        article.truncated_end = true;
        const auto findings = of_kind(test_checker().check(article, {}), Finding::Kind::missing_summary);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().message.find("source ends inside the article") != std::string::npos);
    }
    SECTION("no Resumé") {
        article.resume.clear();
        article.truncated_start = true;
        const auto findings = of_kind(test_checker().check(article, {}), Finding::Kind::missing_resume);
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().lang == Lang::da);
        CHECK(findings.front().message.find("begins inside") != std::string::npos);
    }
    SECTION("an article with both parts has neither finding") {
        article.summary.emplace();
        article.summary->sentences.push_back(Sentence{"The simple discovery.", 70, 91});
        const auto findings = test_checker().check(article, {});
        CHECK(of_kind(findings, Finding::Kind::missing_summary).empty());
        CHECK(of_kind(findings, Finding::Kind::missing_resume).empty());
    }
}

TEST_CASE("word offsets survive repairs that changed the sentence's length", "[check][offsets]") {
    // The repaired sentence lost a line-break hyphen and a line end, so it no longer maps 1:1.
    const std::string source = "Resumé\nBehandling med genmanipu-\nlerede celler, celler og angiogense.\n";
    const std::string repaired = "Behandling med genmanipulerede celler, celler og angiogense.";
    Article article;
    article.resume.push_back(Sentence{repaired, source.find("Behandling"), source.find("angiogense.") + 11});
    article.summary.emplace();
    article.summary->sentences.push_back(Sentence{"Treatment with engineered cells.", 0, 0});

    const auto without_source = of_kind(test_checker().check(article, {}), Finding::Kind::misspelling);
    REQUIRE(without_source.size() == 1);
    CHECK(without_source.front().word == "angiogense");
    CHECK(without_source.front().span.start == article.resume[0].span.start);  // falls back to the sentence span
    CHECK(without_source.front().span.end == article.resume[0].span.end);

    const auto with_source = of_kind(test_checker().check(article, {}, source), Finding::Kind::misspelling);
    REQUIRE(with_source.size() == 1);
    CHECK(with_source.front().span.start == source.find("angiogense"));
    CHECK(with_source.front().span.end == source.find("angiogense") + 10);

    SECTION("locate_in_source finds a word across a line-break hyphen and picks the right occurrence") {
        Finding f;
        f.word = "genmanipulerede";
        f.text = repaired;
        f.span.start = f.sentence_span.start = article.resume[0].span.start;
        f.span.end = f.sentence_span.end = article.resume[0].span.end;
        locate_in_source(f, source);
        CHECK(f.span.start == source.find("genmanipu-"));
        CHECK(f.span.end == source.find("lerede") + 6);

        Finding second = f;
        second.word = "celler";
        second.occurrence = 1;
        second.span.start = second.sentence_span.start;
        second.span.end = second.sentence_span.end;
        locate_in_source(second, source);
        CHECK(second.span.start == source.rfind("celler"));
        CHECK(second.span.end == source.rfind("celler") + 6);
    }
}

TEST_CASE("the same word misspelled twice is reported at each place", "[check][spelling]") {
    const PairArticle pair("Kondrocytter er celler.", "Chondroyctes are cells, and chondroyctes divide.");
    const auto findings = of_kind(pair.check(), Finding::Kind::misspelling);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].span.start < findings[1].span.start);
    CHECK(pair.fixture.source.substr(findings[1].span.start, findings[1].span.end - findings[1].span.start) == "chondroyctes");
}

TEST_CASE("a const Checker gives the same findings from several threads", "[check][threads]") {
    const PairArticle pair("Vi behandlede 5 patienter med kondrocytter efter SCT.",
                           "We treated 6 patients with chondroyctes after SCT.");
    const auto expected = pair.check();
    REQUIRE(!expected.empty());
    std::vector<std::vector<Finding>> results(4);
    {
        std::vector<std::jthread> threads;
        for (auto& result : results) threads.emplace_back([&] { result = pair.check(); });
    }
    for (const auto& result : results) {
        REQUIRE(result.size() == expected.size());
        for (std::size_t i = 0; i < result.size(); ++i) {
            CHECK(result[i].word == expected[i].word);
            CHECK(result[i].span.start == expected[i].span.start);
        }
    }
}

TEST_CASE("number and abbreviation keys", "[check][mentions]") {
    using detail::abbreviation_key;
    using detail::number_key;
    CHECK(number_key("2,5", Lang::da) == "2.5");
    CHECK(number_key("2.5", Lang::en) == "2.5");
    CHECK(number_key("1.000", Lang::da) == "1000");
    CHECK(number_key("1,000", Lang::en) == "1000");
    CHECK(number_key("IL", Lang::en).empty());
    CHECK(abbreviation_key("MSCs") == "MSC");
    CHECK(abbreviation_key("MSC") == "MSC");
    CHECK(abbreviation_key("CD105") == "CD105");
    CHECK(abbreviation_key("ÆØ") == "ÆØ");
    CHECK(abbreviation_key("II").empty());    // a Roman numeral
    CHECK(abbreviation_key("Stem").empty());
    CHECK(abbreviation_key("hMSC").empty());
}

TEST_CASE("cognates look alike once spelling conventions are undone", "[check][words]") {
    CHECK(detail::cognate_similarity("kondrocytter", "chondrocytes") > detail::cognate_similarity("kondrocytter", "chondrites"));
    CHECK(detail::cognate_similarity("hæmatopoietisk", "haematopoietic") > 0.85);
    CHECK(detail::cognate_similarity("kondrocytter", "stem") < 0.3);
    CHECK(detail::edit_distance("angiogense", "angiogenese") == 1);
    CHECK(detail::edit_distance("æ", "ae") == 2);  // counted in code points, not bytes
}

TEST_CASE("a bounded edit distance is exact within its limit and above it past it", "[check][words]") {
    // Against the full table: every pair of short strings over a three-letter alphabet, so
    // that deletions, insertions and substitutions all fall at every place of the band.
    std::vector<std::string> words{""};
    for (std::size_t length = 1; length <= 5; ++length) {
        const std::size_t before = words.size();
        for (std::size_t k = 0; k < before; ++k)
            if (words[k].size() + 1 == length)
                for (const char c : {'a', 'b', 'c'}) words.push_back(words[k] + c);
    }
    for (std::size_t x = 0; x < words.size(); x += 3)
        for (std::size_t y = 0; y < words.size(); y += 5) {
            const std::size_t full = detail::edit_distance(words[x], words[y]);
            for (std::size_t limit = 0; limit <= 4; ++limit) {
                const std::size_t bounded = detail::edit_distance(words[x], words[y], limit);
                INFO(words[x] << " / " << words[y] << " limit " << limit);
                if (full <= limit) CHECK(bounded == full);
                else CHECK(bounded > limit);
            }
        }
    // Two long words one letter apart: exact, and the band keeps it to length times limit
    // (the whole table would be 2.5 billion cells).
    const std::string long_word(50'000, 'a');
    CHECK(detail::edit_distance(long_word, long_word + "b", 2) == 1);
    CHECK(detail::edit_distance(long_word, "b" + long_word.substr(1), 2) == 1);
    CHECK(detail::edit_distance(long_word, long_word + "bbb", 2) > 2);
}

// --- the seed document through the whole pipeline ------------------------------------

namespace {

const std::string seed_path = SUMMALIGN_TEST_SOURCE_DIR "/corpus/ugeskr-2003-165-stamceller.txt";

struct SeedFindings {
    SourceText source;
    std::vector<std::vector<Finding>> per_article;
    std::vector<std::size_t> unsupported_by_aligner;  // claims the alignment marks unsupported, per article
};

const SeedFindings& seed_findings() {
    static const SeedFindings result = [] {
        SeedFindings seed;
        seed.source = read_source(seed_path);
        const Aligner aligner;
        AlignedDocument aligned = aligner.align(aligner.parser().parse(seed.source));
        for (auto& article : aligned.articles) {
            seed.unsupported_by_aligner.push_back(static_cast<std::size_t>(std::count_if(
                article.alignment.support.begin(), article.alignment.support.end(), [](const ClaimSupport& c) { return !c.supported; })));
            locate_in_source(article.findings, seed.source.bytes);
            seed.per_article.push_back(std::move(article.findings));
        }
        return seed;
    }();
    return result;
}

const Finding* find_word(const SeedFindings& seed, const std::string& word) {
    for (const auto& findings : seed.per_article)
        for (const auto& f : findings)
            if (f.kind == Finding::Kind::misspelling && f.word == word) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("seed: the misspellings of the English summaries are found and corrected", "[check][seed]") {
    const auto& seed = seed_findings();
    const Finding* steum = find_word(seed, "steum");
    REQUIRE(steum != nullptr);
    CHECK(steum->suggestion == "stem");
    CHECK(steum->lang == Lang::en);
    CHECK(seed.source.bytes.substr(steum->span.start, steum->span.end - steum->span.start) == "steum");

    const Finding* chondroyctes = find_word(seed, "chondroyctes");
    REQUIRE(chondroyctes != nullptr);
    CHECK(chondroyctes->suggestion == "chondrocytes");
    CHECK(seed.source.bytes.substr(chondroyctes->span.start, chondroyctes->span.end - chondroyctes->span.start) == "chondroyctes");

    // Precision before recall: at most two other English words flagged in the whole seed.
    std::size_t others = 0;
    for (const auto& findings : seed.per_article)
        for (const auto& f : findings)
            if (f.kind == Finding::Kind::misspelling && f.lang == Lang::en && f.word != "steum" && f.word != "chondroyctes") {
                UNSCOPED_INFO("also flagged: " << f.word << " -> " << f.suggestion);
                ++others;
            }
    CHECK(others <= 2);
}

TEST_CASE("seed: the truncated first article's claims are unsupported, the third has no Summary", "[check][seed]") {
    const auto& seed = seed_findings();
    REQUIRE(seed.per_article.size() == 3);

    // The source begins inside the first article: almost none of its Danish text is there,
    // so its four Summary sentences should all be unsupported. The aligner decides support
    // (the checker does not re-judge it); every claim it leaves unsupported is reported.
    for (std::size_t a = 0; a < seed.per_article.size(); ++a)
        CHECK(of_kind(seed.per_article[a], Finding::Kind::unsupported_claim).size() == seed.unsupported_by_aligner[a]);
    const auto unsupported = of_kind(seed.per_article[0], Finding::Kind::unsupported_claim);
    CHECK(unsupported.size() == 4);
    for (const auto& f : unsupported) {
        CHECK(f.lang == Lang::en);
        CHECK(!f.text.empty());
        CHECK(f.span.end > f.span.start);
        CHECK(f.message.find("missing part") != std::string::npos);
    }

    const auto missing = of_kind(seed.per_article[2], Finding::Kind::missing_summary);
    REQUIRE(missing.size() == 1);
    CHECK(missing.front().message.find("source ends inside the article") != std::string::npos);
    CHECK(of_kind(seed.per_article[0], Finding::Kind::missing_summary).empty());
    CHECK(of_kind(seed.per_article[1], Finding::Kind::missing_summary).empty());
}

TEST_CASE("summalign check prints findings as JSON and as compiler-style lines", "[check][cli]") {
    if (!std::filesystem::exists(SUMMALIGN_CLI_PATH)) {
        WARN("skipped: the summalign CLI is not built at " SUMMALIGN_CLI_PATH);
        return;
    }
    const summalign::test::TempDir scratch;  // one of its own, so that two runs at once do not share it
    const std::filesystem::path& dir = scratch.path();
    auto run = [&](const std::string& arguments, std::string& out) {
        const auto out_file = dir / "out.txt";
        const std::string command = std::string("\"") + SUMMALIGN_CLI_PATH + "\" " + arguments + " >\"" + out_file.string() + "\" 2>/dev/null";
        const int status = std::system(command.c_str());
        std::ifstream in(out_file, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        out = content.str();
        return status;
    };

    std::string json_text;
    REQUIRE(run("check \"" + seed_path + "\"", json_text) == 0);
    const auto json = nlohmann::json::parse(json_text);
    REQUIRE(json.is_array());
    bool saw_steum = false, saw_missing_summary = false;
    const std::string bytes = read_source(seed_path).bytes;
    for (const auto& f : json) {
        for (const char* key : {"article", "kind", "lang", "text", "word", "message", "suggestion", "start", "end"})
            CHECK(f.contains(key));
        if (f["word"] == "steum") {
            saw_steum = true;
            CHECK(f["suggestion"] == "stem");
            CHECK(bytes.substr(f["start"].get<std::size_t>(), 5) == "steum");
        }
        if (f["kind"] == "missing_summary" && f["article"] == 2) saw_missing_summary = true;
    }
    CHECK(saw_steum);
    CHECK(saw_missing_summary);

    std::string text;
    REQUIRE(run("check --format text \"" + seed_path + "\"", text) == 0);
    std::istringstream lines(text);
    std::string line;
    const std::regex shape(R"(^.+:[0-9]+:[0-9]+: (misspelling|number_mismatch|abbreviation_mismatch|unsupported_claim|missing_summary|missing_resume): .+$)");
    std::size_t count = 0;
    bool steum_line = false;
    while (std::getline(lines, line)) {
        ++count;
        CHECK(std::regex_match(line, shape));
        // "steum" is on line 11 of the seed, after 58 ASCII characters.
        if (line.find("'steum'") != std::string::npos) steum_line = line.find(":11:59: misspelling:") != std::string::npos;
    }
    CHECK(count == json.size());
    CHECK(steum_line);
}

TEST_CASE("cognate_similarity_at_least agrees with the full comparison at every floor", "[check][words]") {
    // It stops the edit distance early; the answer must be the full one whenever that
    // reaches the floor, and 0 otherwise.
    const std::vector<std::string> words = {"kondrocytter", "chondrocytes", "chondrites", "stamceller", "stem",
                                            "steum", "angiogenese", "angiogenesis", "angiogense", "mesenkymale",
                                            "mesenchymal", "a", "", "hæmatopoietisk", "haematopoietic", "knoglemarv"};
    std::size_t reached = 0;
    for (const auto& x : words)
        for (const auto& y : words) {
            const auto a = detail::cognate_key(x), b = detail::cognate_key(y);
            const double full = detail::cognate_similarity_of_keys(a, b);
            for (const double floor : {0.3, 0.5, 0.6, 0.7, 0.75, 0.9, 1.0}) {
                INFO(x << " ~ " << y << " at " << floor << ": " << full);
                CHECK(detail::cognate_similarity_at_least(a, b, floor) == (full >= floor ? full : 0.0));
                reached += full >= floor;
            }
        }
    CHECK(reached > words.size() * 7);  // identical pairs alone reach every floor; some others too
}
