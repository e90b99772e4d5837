// The library's public surface as a program meets it: one exception type, the same
// findings whichever way a document reaches the Aligner, beads that carry their text,
// documents aligned without copies, the version.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "summalign/summalign.hpp"
#include "test_util.hpp"

namespace {

using summalign::AlignedArticle;
using summalign::Finding;

// What a user compares of a finding: its kind, word and where it points in the source.
using FindingKey = std::tuple<int, std::string, std::size_t, std::size_t, std::size_t, std::size_t>;

std::vector<FindingKey> keys_of(const std::vector<AlignedArticle>& articles) {
    std::vector<FindingKey> keys;
    for (const auto& article : articles)
        for (const Finding& f : article.findings)
            keys.emplace_back(static_cast<int>(f.kind), f.word, f.span.start, f.span.end, f.sentence_span.start, f.sentence_span.end);
    return keys;
}

const summalign::Aligner& shared_aligner() {
    static const summalign::Aligner aligner;
    return aligner;
}

std::string joined(const std::vector<std::string>& segments, const std::vector<std::size_t>& ids) {
    std::string text;
    for (std::size_t id : ids) text += (text.empty() ? "" : " ") + segments[id];
    return text;
}

}  // namespace

TEST_CASE("align(parser().parse(source)) gives the findings align(source) gives, word spans included") {
    const summalign::Aligner& aligner = shared_aligner();
    const summalign::SourceText source = summalign::read_source(summalign::test::seed_path().string());

    const summalign::AlignedDocument direct = aligner.align(source);
    const summalign::Document parsed = aligner.parser().parse(source);
    REQUIRE(parsed.source);
    CHECK(*parsed.source == source.bytes);
    const summalign::AlignedDocument via_document = aligner.align(summalign::Document(parsed));
    const std::vector<FindingKey> expected = keys_of(direct.articles);
    REQUIRE(!expected.empty());
    CHECK(keys_of(via_document.articles) == expected);

    // A document that did not keep its bytes (a layout of an lvalue source), given them.
    const summalign::Document without = aligner.parser().parse(summalign::DocumentLayout(source));
    CHECK_FALSE(without.source);
    CHECK(keys_of(aligner.align_articles(without, source.bytes)) == expected);

    // The comparison is not idle: without the bytes some findings fall back to their
    // sentence's span (sentences whose repaired text is not their source's).
    const auto sentence_spans = keys_of(aligner.align_articles(without));
    CHECK(sentence_spans != expected);

    // Word findings point at their word.
    std::size_t words = 0;
    for (const auto& [kind, word, start, end, sentence_start, sentence_end] : expected) {
        if (kind != static_cast<int>(Finding::Kind::misspelling)) continue;
        ++words;
        CHECK(source.bytes.substr(start, end - start) == word);
        CHECK(sentence_start <= start);
        CHECK(end <= sentence_end);
    }
    CHECK(words >= 4);
}

TEST_CASE("Aligner::align takes a document over without copying its bytes") {
    const summalign::Aligner& aligner = shared_aligner();
    summalign::Document document = aligner.parser().parse(summalign::read_source(summalign::test::seed_path().string()));
    REQUIRE(document.source);
    const std::string* bytes = document.source.get();
    const std::size_t articles = document.articles.size();
    const summalign::AlignedDocument aligned = aligner.align(std::move(document));
    CHECK(aligned.document.source.get() == bytes);
    CHECK(aligned.document.articles.size() == articles);
    CHECK(aligned.articles.size() == articles);
}

TEST_CASE("align_texts gives beads with their segments' texts, as Aligner::align_texts") {
    const std::vector<std::string> danish{"Hunden sover.", "Katten spiser. Den er sulten.", "Fuglen synger i træet."};
    const std::vector<std::string> english{"The dog sleeps.", "The cat eats.", "It is hungry.", "The bird sings in the tree."};
    const summalign::Aligner& aligner = shared_aligner();
    const std::vector<summalign::Bead> beads = aligner.align_texts(danish, english);
    const std::vector<summalign::Bead> free = summalign::align_texts(aligner.scorer(), danish, english);
    REQUIRE(beads.size() == free.size());

    std::vector<std::size_t> da_seen, en_seen;
    for (std::size_t b = 0; b < beads.size(); ++b) {
        const summalign::Bead& bead = beads[b];
        CHECK(bead.da == free[b].da);
        CHECK(bead.en == free[b].en);
        CHECK(bead.score == free[b].score);
        CHECK(bead.da_text == joined(danish, bead.da));
        CHECK(bead.en_text == joined(english, bead.en));
        if (!bead.da.empty() && !bead.en.empty()) CHECK_FALSE(bead.matches.empty());
        da_seen.insert(da_seen.end(), bead.da.begin(), bead.da.end());
        en_seen.insert(en_seen.end(), bead.en.begin(), bead.en.end());
    }
    // Every segment once, in order.
    CHECK(da_seen == std::vector<std::size_t>{0, 1, 2});
    CHECK(en_seen == std::vector<std::size_t>{0, 1, 2, 3});
}

TEST_CASE("the Resumé/Summary beads carry the texts the JSON shows") {
    const summalign::Aligner& aligner = shared_aligner();
    const summalign::AlignedDocument aligned = aligner.align(summalign::read_source(summalign::test::seed_path().string()));
    std::ostringstream out;
    summalign::write_document(out, summalign::Format::jsonl, aligned);
    std::istringstream lines(out.str());
    std::string line;
    std::size_t checked = 0;
    // The JSON writer joins the article's sentences itself: the beads' texts must agree.
    for (std::size_t a = 0; std::getline(lines, line); ++a) {
        REQUIRE(a < aligned.articles.size());
        const auto json_beads = nlohmann::json::parse(line).at("alignment").at("resume_summary");
        const auto& beads = aligned.articles[a].alignment.resume_summary;
        REQUIRE(json_beads.size() == beads.size());
        for (std::size_t b = 0; b < beads.size(); ++b) {
            CHECK(beads[b].da_text == json_beads[b].at("da_text").get<std::string>());
            CHECK(beads[b].en_text == json_beads[b].at("en_text").get<std::string>());
            ++checked;
        }
    }
    CHECK(checked >= 5);
}

// A user prepares, copies, moves and scores sentences with the public headers alone (this
// file includes nothing private): the analysis inside is the library's, the value is theirs.
TEST_CASE("a PreparedSentence is a value: copies and moved copies score as the original") {
    const summalign::SentenceScorer& scorer = shared_aligner().scorer();
    const summalign::PreparedSentence danish = scorer.prepare("Hunden sover i haven.", summalign::Lang::da);
    const summalign::PreparedSentence english = scorer.prepare("The dog sleeps in the garden.", summalign::Lang::en);
    const summalign::PreparedSentence other = scorer.prepare("Prices rose sharply last year.", summalign::Lang::en);
    const double original = scorer.score(danish, english).score;
    CHECK(original > scorer.score(danish, other).score);
    CHECK(danish.text == "Hunden sover i haven.");
    CHECK(english.lang == summalign::Lang::en);

    summalign::PreparedSentence copy = danish;
    CHECK(scorer.score(copy, english).score == original);
    std::vector<summalign::PreparedSentence> kept;
    for (int i = 0; i < 20; ++i) kept.push_back(copy);  // reallocations move the elements
    kept.push_back(std::move(copy));
    for (const auto& sentence : kept) CHECK(scorer.score(sentence, english).score == original);
    summalign::PreparedSentence assigned;
    assigned = kept.back();
    CHECK(scorer.score(assigned, english, true).matches.size() == scorer.score(danish, english, true).matches.size());
}

TEST_CASE("every public edge reports failure as summalign::Error") {
    CHECK_THROWS_AS(summalign::parse_lang("de"), summalign::Error);
    CHECK_THROWS_AS(summalign::parse_format("xml"), summalign::Error);
    CHECK_THROWS_AS(summalign::MappedText().origin(0), summalign::Error);
    CHECK_THROWS_AS(summalign::read_source("/nonexistent/summalign-test.txt"), summalign::Error);
    CHECK_THROWS_AS(summalign::Aligner(std::shared_ptr<const summalign::Parser>{}), summalign::Error);

    const summalign::Document empty;
    const AlignedArticle nothing;
    const summalign::Article article;
    std::ostringstream out;
    summalign::DocumentWriter tmx(out, summalign::Format::tmx);
    CHECK_THROWS_AS(tmx.add(article, 0, nothing), summalign::Error);     // before begin()
    CHECK_THROWS_AS(tmx.end(empty), summalign::Error);                   // before begin()
    CHECK_THROWS_AS(tmx.render(article, 0, nothing), summalign::Error);  // tmx collects its articles
    summalign::DocumentWriter html(out, summalign::Format::html);
    CHECK_THROWS_AS(html.add_rendered("x"), summalign::Error);

    try {
        summalign::parse_format("xml");
    } catch (const summalign::Error& error) {
        CHECK(std::string(error.what()) == "unknown format 'xml' (expected json, jsonl, tsv, tmx or html)");
        CHECK(error.file().empty());
        CHECK_FALSE(error.offset());
    }
}

TEST_CASE("the version macros and summalign::version() give the project's version") {
    // The version CMakeLists.txt declares, read from the file itself.
    const std::string cmake = summalign::test::read_file(summalign::test::source_dir() / "CMakeLists.txt");
    std::smatch match;
    REQUIRE(std::regex_search(cmake, match, std::regex(R"(project\(summalign VERSION ([0-9]+)\.([0-9]+)\.([0-9]+))")));
    CHECK(summalign::version() == match[1].str() + "." + match[2].str() + "." + match[3].str());
    CHECK(SUMMALIGN_VERSION_STRING == summalign::version());
    CHECK(SUMMALIGN_VERSION == std::stoi(match[1]) * 10000 + std::stoi(match[2]) * 100 + std::stoi(match[3]));
}
