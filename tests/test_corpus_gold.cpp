// The parser against a hand annotation of the seed's structure (corpus/gold/*.structure.json),
// field by field, plus the standoff invariant: every sentence's source bytes hold its words.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "summalign/journal.hpp"
#include "test_util.hpp"

using summalign::Article;
using summalign::Sentence;
using Json = nlohmann::json;

namespace {

Json read_gold() {
    const std::string text = summalign::test::read_file(summalign::test::seed_gold_path("structure"));
    REQUIRE(!text.empty());
    return Json::parse(text);
}

const summalign::Document& parsed_seed() {
    static const summalign::Document document = [] {
        const summalign::Parser parser;
        return parser.parse(summalign::read_source(summalign::test::seed_path()));
    }();
    return document;
}

std::optional<std::string> text_of(const std::optional<Sentence>& sentence) {
    if (!sentence) return std::nullopt;
    return sentence->text;
}

std::optional<std::string> gold_string(const Json& value) {
    if (value.is_null()) return std::nullopt;
    return value.get<std::string>();
}

std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    for (const Sentence& s : sentences) out.push_back(s.text);
    return out;
}

// Letters and digits only (ASCII and any multi-byte character), so that a word broken by a
// hyphen and a line end in the source reads as one run.
std::string alphanumerics(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) out.push_back(ch);
    }
    return out;
}

std::vector<std::string> words(std::string_view s) {
    std::vector<std::string> out;
    std::string current;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 || std::isalnum(c)) {
            current.push_back(ch);
        } else if (!current.empty()) {
            out.push_back(current);
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

// The source bytes [start, end) begin with the sentence's first word, end with its last,
// and hold all its words in order (a lifted caption may sit in between).
void check_span(const std::string& source, const Sentence& sentence) {
    INFO("sentence: " << sentence.text << " [" << sentence.span.start << ", " << sentence.span.end << ")");
    REQUIRE(sentence.span.start < sentence.span.end);
    REQUIRE(sentence.span.end <= source.size());
    const std::string slice = alphanumerics(std::string_view(source).substr(sentence.span.start, sentence.span.end - sentence.span.start));
    const std::vector<std::string> ws = words(sentence.text);
    REQUIRE_FALSE(ws.empty());
    CHECK(slice.rfind(ws.front(), 0) == 0);
    CHECK(slice.size() >= ws.back().size());
    CHECK(slice.compare(slice.size() - ws.back().size(), ws.back().size(), ws.back()) == 0);
    std::size_t at = 0;
    for (const std::string& w : ws) {
        const std::size_t found = slice.find(w, at);
        CHECK(found != std::string::npos);
        if (found == std::string::npos) return;
        at = found + w.size();
    }
}

}  // namespace

TEST_CASE("seed: articles and their header fields match the gold annotation", "[corpus][gold]") {
    const Json gold = read_gold();
    const auto& articles = parsed_seed().articles;
    REQUIRE(articles.size() == gold["articles"].size());
    for (std::size_t a = 0; a < articles.size(); ++a) {
        INFO("article " << a);
        const Json& g = gold["articles"][a];
        const Article& article = articles[a];
        CHECK(text_of(article.title) == gold_string(g["title"]));
        CHECK(text_of(article.subtitle) == gold_string(g["subtitle"]));
        CHECK(article.kind == gold_string(g["kind"]));
        CHECK(article.authors == g["authors"].get<std::vector<std::string>>());
        CHECK(article.truncated_start == g["truncated_start"].get<bool>());
        CHECK(article.truncated_end == g["truncated_end"].get<bool>());
        CHECK(text_of(article.correspondence) == gold_string(g["correspondence"]));
    }
}

TEST_CASE("seed: Resumé, sections and figures match the gold annotation", "[corpus][gold]") {
    const Json gold = read_gold();
    const auto& articles = parsed_seed().articles;
    REQUIRE(articles.size() == gold["articles"].size());
    for (std::size_t a = 0; a < articles.size(); ++a) {
        INFO("article " << a);
        const Json& g = gold["articles"][a];
        const Article& article = articles[a];
        CHECK(texts(article.resume) == g["resume"].get<std::vector<std::string>>());
        REQUIRE(article.sections.size() == g["sections"].size());
        for (std::size_t s = 0; s < article.sections.size(); ++s) {
            INFO("section " << s);
            CHECK(text_of(article.sections[s].heading) == gold_string(g["sections"][s]["heading"]));
            CHECK(texts(article.sections[s].sentences) == g["sections"][s]["sentences"].get<std::vector<std::string>>());
        }
        REQUIRE(article.figures.size() == g["figures"].size());
        for (std::size_t f = 0; f < article.figures.size(); ++f) {
            CHECK(article.figures[f].label == g["figures"][f]["label"].get<std::string>());
            CHECK(article.figures[f].caption.text == g["figures"][f]["caption"].get<std::string>());
        }
    }
}

TEST_CASE("seed: Summary blocks match the gold annotation", "[corpus][gold]") {
    const Json gold = read_gold();
    const auto& articles = parsed_seed().articles;
    REQUIRE(articles.size() == gold["articles"].size());
    for (std::size_t a = 0; a < articles.size(); ++a) {
        INFO("article " << a);
        const Json& g = gold["articles"][a]["summary"];
        const auto& summary = articles[a].summary;
        REQUIRE(summary.has_value() == !g.is_null());
        if (!summary) continue;
        CHECK(summary->authors == g["authors"].get<std::vector<std::string>>());
        CHECK(text_of(summary->title) == gold_string(g["title"]));
        REQUIRE(summary->citation.has_value());
        CHECK(summary->citation->journal == g["citation"]["journal"].get<std::string>());
        CHECK(summary->citation->year == g["citation"]["year"].get<int>());
        CHECK(summary->citation->volume == g["citation"]["volume"].get<int>());
        CHECK(summary->citation->pages == g["citation"]["pages"].get<std::string>());
        CHECK(texts(summary->sentences) == g["sentences"].get<std::vector<std::string>>());
    }
}

TEST_CASE("seed: every sentence's source span holds its words in order", "[corpus][gold][standoff]") {
    const std::string source = summalign::read_source(summalign::test::seed_path()).bytes;
    std::size_t checked = 0;
    auto check = [&](const Sentence& s) {
        check_span(source, s);
        ++checked;
    };
    for (const Article& article : parsed_seed().articles) {
        if (article.title) check(*article.title);
        if (article.subtitle) check(*article.subtitle);
        for (const Sentence& s : article.resume) check(s);
        for (const auto& section : article.sections) {
            if (section.heading) check(*section.heading);
            for (const Sentence& s : section.sentences) check(s);
        }
        for (const auto& figure : article.figures) check(figure.caption);
        if (article.summary) {
            if (article.summary->title) check(*article.summary->title);
            for (const Sentence& s : article.summary->sentences) check(s);
        }
        if (article.correspondence) check(*article.correspondence);
    }
    CHECK(checked > 100);
}

TEST_CASE("seed: the spliced caption is lifted and recorded as a repair", "[corpus][gold]") {
    const auto& document = parsed_seed();
    const auto lifted = std::count_if(document.repairs.begin(), document.repairs.end(),
                                      [](const summalign::Repair& r) { return r.kind == summalign::Repair::Kind::caption_lifted; });
    CHECK(lifted == 1);
    const auto splits = std::count_if(document.repairs.begin(), document.repairs.end(),
                                      [](const summalign::Repair& r) { return r.kind == summalign::Repair::Kind::label_split; });
    // SummaryCarsten, OVERSIGTSARTIKELMoustapha, SummaryMoustapha, OVERSIGTSARTIKELJacob, and
    // in each Summary the title glued to the journal and the pages glued to the abstract.
    CHECK(splits == 8);
    CHECK(std::is_sorted(document.repairs.begin(), document.repairs.end(),
                         [](const summalign::Repair& x, const summalign::Repair& y) { return x.span.start < y.span.start; }));
}
