// The PDF path (summalign::read_input on VARIANT/docNN.pdf: poppler and lib/detail/pdf_layout)
// against the typeset corpus's gold, one test case per layout variant (CTest's fixture
// typeset_corpus_generate writes the corpus; docs/typeset-corpus.md), scored as
// tests/test_typeset_corpus.cpp scores the pdftotext paths. kMustPassParts lists what is
// exact for every article of a variant today; extend it as the parser learns the rest
// (caps labels, structured Resumés and Summaries, citation after the Summary), never shrink
// it to make a change pass.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "summalign/align.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/pdf.hpp"
#include "summalign/similarity.hpp"
#include "test_util.hpp"
#include "typeset_score.hpp"

namespace typeset = summalign::typeset;

namespace {

// Parts of the comparison (typeset::Score::part_exact) that must be exact for every article
// of a variant read from its PDFs.
const std::vector<std::string> kEveryVariant = {"title", "kind", "authors", "citation", "figures", "correspondence", "articles", "lost"};
const std::map<std::string, std::vector<std::string>, std::less<>> kMustPassParts = {
    {"compact-ownline-caps-citefirst", {"resume", "headings", "summary"}},
    {"compact-ownline-caps-citelast", {"resume", "headings", "summary"}},
    {"compact-ownline-mixed-citefirst", {"resume", "headings", "summary"}},
    {"compact-ownline-mixed-citelast", {"resume", "headings", "summary"}},
    {"compact-runin-caps-citefirst", {"resume", "headings", "summary"}},
    {"compact-runin-caps-citelast", {"resume", "headings", "summary"}},
    {"compact-runin-mixed-citefirst", {"headings", "summary"}},
    {"compact-runin-mixed-citelast", {"headings", "summary"}},
    {"spaced-ownline-caps-citefirst", {"resume", "headings", "summary"}},
    {"spaced-ownline-caps-citelast", {"resume", "headings", "summary"}},
    {"spaced-ownline-mixed-citefirst", {"resume", "headings", "summary"}},
    {"spaced-ownline-mixed-citelast", {"resume", "headings", "summary"}},
    {"spaced-runin-caps-citefirst", {"resume", "headings", "summary"}},
    {"spaced-runin-caps-citelast", {"resume", "headings", "summary"}},
    {"spaced-runin-mixed-citefirst", {"headings", "summary"}},
    {"spaced-runin-mixed-citelast", {"headings", "summary"}},
};

struct Models {
    summalign::Parser parser;
    summalign::Lexicon lexicon;
    summalign::SentenceScorer scorer{lexicon};
};

void check_variant(const std::string& variant) {
    static const typeset::Corpus corpus = typeset::Corpus::load(SUMMALIGN_TYPESET_CORPUS_DIR);
    static const Models models;
    INFO("corpus at " SUMMALIGN_TYPESET_CORPUS_DIR " (CTest fixture typeset_corpus_generate), variant " << variant);
    REQUIRE(std::find(corpus.variants.begin(), corpus.variants.end(), variant) != corpus.variants.end());
    // Every sentence has a page, and the pages of an article's sentences never go back.
    const typeset::Score score = typeset::score_extraction(
        corpus, variant, "pdf", models.parser, &models.scorer, [](const summalign::Input& input, const summalign::Document& document) {
            REQUIRE(!input.page_starts.empty());
            for (const auto& article : document.articles) {
                std::size_t page = 0;
                for (const auto& sentence : article.resume) {
                    CHECK(sentence.page >= std::max<std::size_t>(page, 1));
                    page = sentence.page;
                }
            }
        });
    std::string details;
    for (std::size_t i = 0; i < score.failures.size() && i < 30; ++i) details += "\n  " + score.failures[i];
    INFO("differences:" << details);
    std::vector<std::string> parts = kEveryVariant;
    if (const auto extra = kMustPassParts.find(variant); extra != kMustPassParts.end())
        parts.insert(parts.end(), extra->second.begin(), extra->second.end());
    for (const auto& part : parts) {
        INFO("must be exact: " << part);
        REQUIRE(score.part_exact(part).has_value());
        CHECK(*score.part_exact(part));
    }
}

}  // namespace

TEST_CASE("pdf typeset: compact-ownline-caps-citefirst", "[pdf][typeset]") { check_variant("compact-ownline-caps-citefirst"); }
TEST_CASE("pdf typeset: compact-ownline-caps-citelast", "[pdf][typeset]") { check_variant("compact-ownline-caps-citelast"); }
TEST_CASE("pdf typeset: compact-ownline-mixed-citefirst", "[pdf][typeset]") { check_variant("compact-ownline-mixed-citefirst"); }
TEST_CASE("pdf typeset: compact-ownline-mixed-citelast", "[pdf][typeset]") { check_variant("compact-ownline-mixed-citelast"); }
TEST_CASE("pdf typeset: compact-runin-caps-citefirst", "[pdf][typeset]") { check_variant("compact-runin-caps-citefirst"); }
TEST_CASE("pdf typeset: compact-runin-caps-citelast", "[pdf][typeset]") { check_variant("compact-runin-caps-citelast"); }
TEST_CASE("pdf typeset: compact-runin-mixed-citefirst", "[pdf][typeset]") { check_variant("compact-runin-mixed-citefirst"); }
TEST_CASE("pdf typeset: compact-runin-mixed-citelast", "[pdf][typeset]") { check_variant("compact-runin-mixed-citelast"); }
TEST_CASE("pdf typeset: spaced-ownline-caps-citefirst", "[pdf][typeset]") { check_variant("spaced-ownline-caps-citefirst"); }
TEST_CASE("pdf typeset: spaced-ownline-caps-citelast", "[pdf][typeset]") { check_variant("spaced-ownline-caps-citelast"); }
TEST_CASE("pdf typeset: spaced-ownline-mixed-citefirst", "[pdf][typeset]") { check_variant("spaced-ownline-mixed-citefirst"); }
TEST_CASE("pdf typeset: spaced-ownline-mixed-citelast", "[pdf][typeset]") { check_variant("spaced-ownline-mixed-citelast"); }
TEST_CASE("pdf typeset: spaced-runin-caps-citefirst", "[pdf][typeset]") { check_variant("spaced-runin-caps-citefirst"); }
TEST_CASE("pdf typeset: spaced-runin-caps-citelast", "[pdf][typeset]") { check_variant("spaced-runin-caps-citelast"); }
TEST_CASE("pdf typeset: spaced-runin-mixed-citefirst", "[pdf][typeset]") { check_variant("spaced-runin-mixed-citefirst"); }
TEST_CASE("pdf typeset: spaced-runin-mixed-citelast", "[pdf][typeset]") { check_variant("spaced-runin-mixed-citelast"); }
