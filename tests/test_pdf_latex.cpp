// The PDF path on the typeset corpus's articles typeset by pdflatex instead of groff
// (tests/typeset/make_corpus.py --typesetter latex; CTest's fixture typeset_latex_generate):
// Times with its ligatures, Danish hyphenation patterns, hyphenated section headings, figures
// that float to a column's top, a running head with the page number on its line. Scored as
// tests/test_pdf_typeset.cpp scores the groff PDFs; kMustPassParts lists what is exact for
// every article of a variant today: extend it as the path learns the rest, never shrink it.
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
#include "typeset_score.hpp"

namespace typeset = summalign::typeset;

namespace {

const std::map<std::string, std::vector<std::string>, std::less<>> kMustPassParts = {
    {"spaced-runin-mixed-citefirst", {"title", "kind", "authors", "resume", "summary", "citation", "correspondence", "truncated", "articles", "lost"}},
    {"compact-ownline-caps-citelast", {"title", "kind", "authors", "resume", "summary", "citation", "correspondence", "truncated", "articles", "lost"}},
};

struct Models {
    summalign::Parser parser;
    summalign::Lexicon lexicon;
    summalign::SentenceScorer scorer{lexicon};
};

void check_variant(const std::string& variant) {
    static const typeset::Corpus corpus = typeset::Corpus::load(SUMMALIGN_TYPESET_LATEX_DIR);
    static const Models models;
    INFO("corpus at " SUMMALIGN_TYPESET_LATEX_DIR " (CTest fixture typeset_latex_generate), variant " << variant);
    REQUIRE(std::find(corpus.variants.begin(), corpus.variants.end(), variant) != corpus.variants.end());
    const typeset::Score score = typeset::score_extraction(corpus, variant, "pdf", models.parser, &models.scorer);
    std::string details;
    for (std::size_t i = 0; i < score.failures.size() && i < 30; ++i) details += "\n  " + score.failures[i];
    INFO("differences:" << details);
    for (const auto& part : kMustPassParts.at(variant)) {
        INFO("must be exact: " << part);
        REQUIRE(score.part_exact(part).has_value());
        CHECK(*score.part_exact(part));
    }
}

}  // namespace

TEST_CASE("pdf latex: spaced-runin-mixed-citefirst", "[pdf][typeset]") { check_variant("spaced-runin-mixed-citefirst"); }
TEST_CASE("pdf latex: compact-ownline-caps-citelast", "[pdf][typeset]") { check_variant("compact-ownline-caps-citelast"); }
