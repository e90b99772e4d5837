#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <unistd.h>

#include "detail/export_common.hpp"
#include "export_fixture.hpp"
#include "summalign/error.hpp"
#include "summalign/export.hpp"
#include "test_util.hpp"

using nlohmann::json;
using summalign::test::sample_aligned;
using summalign::test::sample_document;

namespace {

std::string export_to_string(summalign::Format format, const summalign::Document& document,
                             const std::vector<summalign::AlignedArticle>& aligned,
                             const summalign::ExportOptions& options = {}) {
    std::ostringstream out;
    summalign::write_document(out, format, document, aligned, options);
    return out.str();
}

// The keys docs/schema.md marks as the interface contract (they must always exist).
void require_contract_article_keys(const json& article) {
    for (const char* key : {"title", "subtitle", "kind", "authors", "resume", "sections", "figures", "summary"}) {
        INFO("article key " << key);
        REQUIRE(article.contains(key));
    }
    for (const json& sentence : article["resume"]) {
        REQUIRE(sentence["text"].is_string());
        REQUIRE(sentence["start"].is_number_unsigned());
        REQUIRE(sentence["end"].is_number_unsigned());
    }
    for (const json& section : article["sections"]) {
        REQUIRE((section["heading"].is_string() || section["heading"].is_null()));
        REQUIRE(section["sentences"].is_array());
    }
    for (const json& figure : article["figures"]) {
        REQUIRE(figure["label"].is_string());
        REQUIRE(figure["caption"].is_string());
    }
    if (!article["summary"].is_null()) {
        const json& summary = article["summary"];
        for (const char* key : {"authors", "title", "citation", "sentences"}) {
            INFO("summary key " << key);
            REQUIRE(summary.contains(key));
        }
    }
}

}  // namespace

TEST_CASE("parse_format accepts the five format names and rejects others", "[export]") {
    CHECK(summalign::parse_format("json") == summalign::Format::json);
    CHECK(summalign::parse_format("jsonl") == summalign::Format::jsonl);
    CHECK(summalign::parse_format("tsv") == summalign::Format::tsv);
    CHECK(summalign::parse_format("tmx") == summalign::Format::tmx);
    CHECK(summalign::parse_format("html") == summalign::Format::html);
    CHECK_THROWS_AS(summalign::parse_format("xml"), summalign::Error);
    CHECK_THROWS_AS(summalign::parse_format(""), summalign::Error);
    for (auto format : {summalign::Format::json, summalign::Format::jsonl, summalign::Format::tsv,
                        summalign::Format::tmx, summalign::Format::html}) {
        CHECK(summalign::parse_format(summalign::to_string(format)) == format);
    }
}

TEST_CASE("JSON of a parsed document follows the contract, without alignment", "[export][json]") {
    const summalign::Document document = sample_document();
    const json parsed = json::parse(export_to_string(summalign::Format::json, document, {}));

    REQUIRE(parsed["articles"].size() == 2);
    CHECK(parsed["source"] == "stamceller.txt");
    for (const json& article : parsed["articles"]) {
        require_contract_article_keys(article);
        CHECK_FALSE(article.contains("alignment"));
    }

    const json& msc = parsed["articles"][0];
    CHECK(msc["title"] == "Mesenkymal stamcelleterapi");
    CHECK(msc["title_start"] == 1000);
    CHECK(msc["subtitle"] == "– nøglen til regenerativ medicin?");
    CHECK(msc["kind"] == "OVERSIGTSARTIKEL");
    CHECK(msc["authors"] == json({"Moustapha Kassem", "Jens Kastrup", "Gitte Olsen", "Hans Erik Johnsen"}));
    CHECK(msc["resume"].size() == 4);
    CHECK(msc["resume"][2]["text"] == "MSC kan også isoleres fra perifert blod.");
    CHECK(msc["resume"][2]["start"] == 1310);
    CHECK(msc["resume"][2]["end"] == 1310 + std::string("MSC kan også isoleres fra perifert blod.").size());
    CHECK(msc["sections"][0]["heading"].is_null());
    CHECK(msc["sections"][0]["heading_start"].is_null());
    CHECK(msc["sections"][1]["heading"] == "Isolering af MSC");
    CHECK(msc["sections"][1]["heading_start"] == 1560);
    CHECK(msc["sections"][1]["sentences"].size() == 2);
    CHECK(msc["figures"][0]["label"] == "Fig. 1");
    CHECK(msc["figures"][0]["caption"] == "Mulig klinisk anvendelse af MSC (modificeret fra [9]).");
    CHECK(msc["figures"][0]["caption_start"] == 1700);
    CHECK(msc["summary"]["title"] == "Mesenchymal stem cells: The key to regenerative medicine?");
    CHECK(msc["summary"]["citation"]["journal"] == "Ugeskr Læger");
    CHECK(msc["summary"]["citation"]["year"] == 2003);
    CHECK(msc["summary"]["citation"]["volume"] == 165);
    CHECK(msc["summary"]["citation"]["pages"] == "4852-4855");
    CHECK(msc["summary"]["citation"]["text"] == "Ugeskr Læger 2003;165:4852-4855");
    CHECK(msc["summary"]["sentences"].size() == 4);
    CHECK(msc["correspondence"]["start"] == 2500);
    CHECK(msc["truncated_start"] == false);

    const json& tricky = parsed["articles"][1];
    CHECK(tricky["kind"].is_null());
    CHECK(tricky["subtitle"].is_null());
    CHECK(tricky["summary"].is_null());
    CHECK(tricky["correspondence"].is_null());
    CHECK(tricky["truncated_end"] == true);
    // Escaped by the JSON writer and read back unchanged.
    CHECK(tricky["resume"][0]["text"] == "Tab\there, line\nbreak, bell\x07 and </textarea> & æøå.");

    REQUIRE(parsed["repairs"].size() == 2);
    CHECK(parsed["repairs"][0]["kind"] == "line_break_hyphen_removed");
    CHECK(parsed["repairs"][1]["detail"] == "UGESKR LÆGER 165/50");
}

TEST_CASE("JSON of an aligned document has alignment per article as the contract says", "[export][json]") {
    const std::string text = export_to_string(summalign::Format::json, sample_document(), sample_aligned());
    const json parsed = json::parse(text);
    REQUIRE(parsed["articles"].size() == 2);
    for (const json& article : parsed["articles"]) {
        require_contract_article_keys(article);
        REQUIRE(article.contains("alignment"));
        for (const char* key : {"title", "resume_summary", "support", "findings"}) {
            INFO("alignment key " << key);
            REQUIRE(article["alignment"].contains(key));
        }
    }
    const json& alignment = parsed["articles"][0]["alignment"];
    CHECK(alignment["title"]["da"] == "Mesenkymal stamcelleterapi: – nøglen til regenerativ medicin?");
    CHECK(alignment["title"]["en"] == "Mesenchymal stem cells: The key to regenerative medicine?");
    CHECK(alignment["title"]["score"].get<double>() == Approx(0.71));
    CHECK(alignment["title"]["matches"][0] ==
          json({{"da", "mesenkymal"}, {"en", "mesenchymal"}, {"kind", "cognate"}, {"weight", 0.3}}));

    const json& beads = alignment["resume_summary"];
    REQUIRE(beads.size() == 4);
    CHECK(beads[2]["da"] == json({2, 3}));
    CHECK(beads[2]["en"] == json({2}));
    CHECK(beads[2]["score"].get<double>() == Approx(0.55));
    CHECK(beads[2]["da_text"] == "MSC kan også isoleres fra perifert blod. Det er en lovende behandling.");
    CHECK(beads[3]["da"] == json::array());
    CHECK(beads[3]["da_text"] == "");
    CHECK(beads[0]["matches"][1]["kind"] == "abbreviation");

    const json& support = alignment["support"];
    REQUIRE(support.size() == 4);
    CHECK(support[1]["en"] == 1);
    CHECK(support[1]["supported"] == true);
    REQUIRE(support[1]["evidence"].size() == 2);
    CHECK(support[1]["evidence"][0]["section"] == 1);
    CHECK(support[1]["evidence"][0]["sentence"] == 0);
    CHECK(support[1]["evidence"][0]["text"] == "MSC isoleres fra knoglemarven ved adhærens til plastik.");
    CHECK(support[1]["evidence"][0]["score"].get<double>() == Approx(0.6));
    CHECK(support[1]["evidence"][0]["start"] == 1580);
    CHECK(support[3]["supported"] == false);
    CHECK(support[3]["evidence"] == json::array());

    const json& findings = alignment["findings"];
    REQUIRE(findings.size() == 2);
    std::vector<std::string> keys;
    // Findings keep the contract's key order, so a person reading the JSON sees the kind first.
    const auto ordered = nlohmann::ordered_json::parse(text);
    for (const auto& item : ordered["articles"][0]["alignment"]["findings"][1].items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"kind", "lang", "text", "word", "message", "suggestion", "start", "end"});
    CHECK(findings[1]["kind"] == "number_mismatch");
    CHECK(findings[1]["lang"] == "en");
    CHECK(findings[1]["word"] == "12");
    CHECK(findings[1]["start"] == 2438);

    const json& tricky = parsed["articles"][1]["alignment"];
    CHECK(tricky["title"].is_null());
    CHECK(tricky["resume_summary"] == json::array());
    CHECK(tricky["findings"][0]["kind"] == "missing_summary");
    CHECK(tricky["findings"][0]["lang"] == "da");
}

TEST_CASE("JSON options: compact output and no repairs", "[export][json]") {
    summalign::ExportOptions options;
    options.pretty = false;
    options.include_repairs = false;
    const std::string text = export_to_string(summalign::Format::json, sample_document(), {}, options);
    CHECK(text.find('\n') == text.size() - 1);  // one line
    const json parsed = json::parse(text);
    CHECK_FALSE(parsed.contains("repairs"));
    CHECK(parsed["articles"].size() == 2);
}

TEST_CASE("an empty document is a valid JSON document with no articles", "[export][json]") {
    summalign::Document empty;
    empty.source_name = "-";
    const json parsed = json::parse(export_to_string(summalign::Format::json, empty, {}));
    CHECK(parsed["articles"] == json::array());
}

TEST_CASE("alignment results not parallel to the articles are refused", "[export]") {
    auto aligned = sample_aligned();
    aligned.pop_back();
    std::ostringstream out;
    for (auto format : {summalign::Format::json, summalign::Format::jsonl}) {
        CHECK_THROWS_AS(summalign::write_document(out, format, sample_document(), aligned), summalign::Error);
    }
}

TEST_CASE("JSONL has one compact article object per line", "[export][jsonl]") {
    const std::string text = export_to_string(summalign::Format::jsonl, sample_document(), sample_aligned());
    std::istringstream lines(text);
    std::vector<json> articles;
    for (std::string line; std::getline(lines, line);) articles.push_back(json::parse(line));
    REQUIRE(articles.size() == 2);
    CHECK(articles[0]["source"] == "stamceller.txt");
    CHECK(articles[0]["index"] == 0);
    CHECK(articles[0]["title"] == "Mesenkymal stamcelleterapi");
    CHECK(articles[0]["alignment"]["resume_summary"].size() == 4);
    CHECK(articles[1]["index"] == 1);
    // The tab and line break inside the text are escaped, so they cannot split the line.
    CHECK(articles[1]["resume"][0]["text"] == "Tab\there, line\nbreak, bell\x07 and </textarea> & æøå.");

    const std::string parsed_only = export_to_string(summalign::Format::jsonl, sample_document(), {});
    std::istringstream first_line(parsed_only);
    std::string line;
    std::getline(first_line, line);
    CHECK_FALSE(json::parse(line).contains("alignment"));
}

TEST_CASE("TSV has a header and one escaped line per title pair and bead", "[export][tsv]") {
    const std::string text = export_to_string(summalign::Format::tsv, sample_document(), sample_aligned());
    std::istringstream lines(text);
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields;
        std::size_t begin = 0;
        for (std::size_t tab; (tab = line.find('\t', begin)) != std::string::npos; begin = tab + 1) {
            fields.push_back(line.substr(begin, tab - begin));
        }
        fields.push_back(line.substr(begin));
        rows.push_back(fields);
    }
    REQUIRE(rows.size() == 1 + 1 + 4);  // header, title of article 0, its 4 beads; article 1 has none
    // The source column (first) names the document's input; the others follow it.
    CHECK(rows[0] == std::vector<std::string>{"source", "article", "kind", "da", "en", "score", "da_ids", "en_ids"});
    for (const auto& row : rows) CHECK(row.size() == 8);
    for (std::size_t r = 1; r < rows.size(); ++r) CHECK(rows[r][0] == sample_document().source_name);
    CHECK(rows[1][1] == "0");
    CHECK(rows[1][2] == "title");
    CHECK(rows[1][4] == "Mesenchymal stem cells: The key to regenerative medicine?");
    CHECK(std::stod(rows[1][5]) == Approx(0.71));
    CHECK(rows[4][2] == "resume_summary");
    CHECK(rows[4][3] == "MSC kan også isoleres fra perifert blod. Det er en lovende behandling.");
    CHECK(rows[4][4] == "MSCs can also be isolated from peripheral blood.");
    CHECK(rows[4][6] == "2,3");
    CHECK(rows[4][7] == "2");
    CHECK(rows[5][3] == "");  // the 0-1 bead keeps its line with an empty Danish side
    CHECK(rows[5][7] == "3");

    // Tabs, line breaks and backslashes inside texts are escaped.
    summalign::Document document = sample_document();
    auto aligned = sample_aligned();
    aligned[1].alignment.title = summalign::TitlePair{"a\tb\\c", "d\ne\rf", 0.5, {}};
    const std::string escaped = export_to_string(summalign::Format::tsv, document, aligned);
    CHECK(escaped.find("a\\tb\\\\c\td\\ne\\rf\t0.5000") != std::string::npos);
}

TEST_CASE("TSV of a parsed-only document is just the header", "[export][tsv]") {
    CHECK(export_to_string(summalign::Format::tsv, sample_document(), {}) ==
          "source\tarticle\tkind\tda\ten\tscore\tda_ids\ten_ids\n");
}

namespace {

pugi::xml_document export_tmx(const summalign::Document& document,
                              const std::vector<summalign::AlignedArticle>& aligned,
                              const summalign::ExportOptions& options = {}) {
    std::ostringstream out;
    summalign::write_document(out, summalign::Format::tmx, document, aligned, options);
    pugi::xml_document xml;
    const std::string text = out.str();
    const pugi::xml_parse_result result = xml.load_buffer(text.data(), text.size());
    INFO(text);
    REQUIRE(result);  // well-formed
    return xml;
}

std::string prop(pugi::xml_node tu, const char* type) {
    return tu.find_child_by_attribute("prop", "type", type).text().as_string();
}

}  // namespace

TEST_CASE("TMX header carries what CAT tools require", "[export][tmx]") {
    const pugi::xml_document xml = export_tmx(sample_document(), sample_aligned());
    const pugi::xml_node tmx = xml.child("tmx");
    CHECK(std::string(tmx.attribute("version").value()) == "1.4");
    const pugi::xml_node header = tmx.child("header");
    CHECK(std::string(header.attribute("creationtool").value()) == "summalign");
    CHECK_FALSE(std::string(header.attribute("creationtoolversion").value()).empty());
    CHECK(std::string(header.attribute("segtype").value()) == "sentence");
    CHECK_FALSE(std::string(header.attribute("o-tmf").value()).empty());
    CHECK(std::string(header.attribute("adminlang").value()) == "en-GB");
    CHECK(std::string(header.attribute("srclang").value()) == "da-DK");
    CHECK(std::string(header.attribute("datatype").value()) == "plaintext");
    CHECK(prop(header, "x-source") == "stamceller.txt");
}

TEST_CASE("TMX read back gives the title pair and every two-sided bead", "[export][tmx]") {
    const pugi::xml_document xml = export_tmx(sample_document(), sample_aligned());
    std::vector<std::pair<std::string, std::string>> pairs;
    std::vector<pugi::xml_node> units;
    for (pugi::xml_node tu : xml.child("tmx").child("body").children("tu")) {
        units.push_back(tu);
        std::string da, en;
        for (pugi::xml_node tuv : tu.children("tuv")) {
            const std::string lang = tuv.attribute("xml:lang").value();
            (lang == "da-DK" ? da : en) = tuv.child("seg").text().as_string();
            CHECK((lang == "da-DK" || lang == "en-GB"));
        }
        pairs.emplace_back(da, en);
    }
    const std::vector<std::pair<std::string, std::string>> expected{
        {"Mesenkymal stamcelleterapi: – nøglen til regenerativ medicin?",
         "Mesenchymal stem cells: The key to regenerative medicine?"},
        {"Mesenkymale stamceller (MSC) findes i knoglemarven og kan blive ophav til forskellige celletyper.",
         "Mesenchymal stem cells (MSCs) are present in the bone marrow stroma and can differentiate into multiple "
         "cell types."},
        {"MSC isoleres fra knoglemarven ved hjælp af fysiske eller kombinerede fysiske og immunologiske metoder.",
         "MSCs are isolated from the bone marrow by physical or combined physical and immunological methods."},
        {"MSC kan også isoleres fra perifert blod. Det er en lovende behandling.",
         "MSCs can also be isolated from peripheral blood."},
    };
    CHECK(pairs == expected);  // the 0-1 bead (no Danish) is left out

    REQUIRE(units.size() == 4);
    CHECK(prop(units[0], "x-kind") == "title");
    CHECK(prop(units[0], "x-article") == "0");
    CHECK(prop(units[0], "x-citation") == "Ugeskr Læger 2003;165:4852-4855");
    // The subtitle opens with a dash: no colon in front of it.
    CHECK(prop(units[0], "x-article-title") == "Mesenkymal stamcelleterapi – nøglen til regenerativ medicin?");
    CHECK(std::stod(prop(units[0], "x-score")) == Approx(0.71));
    CHECK(prop(units[3], "x-kind") == "resume_summary");
    CHECK(prop(units[3], "x-da-sentences") == "2,3");
    CHECK(std::stod(prop(units[3], "x-score")) == Approx(0.55));
    // TMX's content model: every <prop> before the first <tuv>.
    for (pugi::xml_node tu : units) {
        bool seen_tuv = false;
        for (pugi::xml_node child : tu.children()) {
            if (std::string(child.name()) == "tuv") seen_tuv = true;
            if (std::string(child.name()) == "prop") CHECK_FALSE(seen_tuv);
        }
    }
}

TEST_CASE("TMX escapes markup and drops characters XML cannot carry", "[export][tmx]") {
    auto aligned = sample_aligned();
    aligned[1].alignment.title =
        summalign::TitlePair{"<b>Søren</b> & \"co\" \x01", "it's <i>fine</i> & ]]> done", 0.25, {}};
    summalign::ExportOptions options;
    options.da_language = "da";
    options.en_language = "en-US";
    const pugi::xml_document xml = export_tmx(sample_document(), aligned, options);
    const pugi::xml_node last = xml.child("tmx").child("body").last_child();
    CHECK(std::string(last.find_child_by_attribute("tuv", "xml:lang", "da").child("seg").text().as_string()) ==
          "<b>Søren</b> & \"co\"  ");
    CHECK(std::string(last.find_child_by_attribute("tuv", "xml:lang", "en-US").child("seg").text().as_string()) ==
          "it's <i>fine</i> & ]]> done");
    CHECK(std::string(xml.child("tmx").child("header").attribute("srclang").value()) == "da");
}

TEST_CASE("TMX of a parsed-only document has an empty body", "[export][tmx]") {
    const pugi::xml_document xml = export_tmx(sample_document(), {});
    CHECK(xml.child("tmx").child("body"));
    CHECK_FALSE(xml.child("tmx").child("body").child("tu"));
}

namespace {

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

}  // namespace

TEST_CASE("HTML report is self-contained and escapes every text", "[export][html]") {
    const std::string html = export_to_string(summalign::Format::html, sample_document(), sample_aligned());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    // Exactly one script (the report's own, inline) and no external resources.
    CHECK(count_of(html, "<script") == 1);
    CHECK(count_of(html, "<script>") == 1);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
    CHECK(count_of(html, "http") == count_of(html, "http://www.w3.org/2000/svg"));
    // The hostile title is shown as text, not markup.
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Søren&#39;s&#39;") != std::string::npos);
    CHECK(html.find("</textarea>") == std::string::npos);
    CHECK(html.find('\x07') == std::string::npos);
    CHECK(html.find("æøå") != std::string::npos);
}

TEST_CASE("HTML report shows beads, links, heat map, support and findings", "[export][html]") {
    const std::string html = export_to_string(summalign::Format::html, sample_document(), sample_aligned());
    // One sentence box per Resumé and Summary sentence, addressable by id.
    for (const char* id : {"a0-da-0", "a0-da-3", "a0-en-0", "a0-en-3"}) {
        INFO(id);
        CHECK(count_of(html, std::string("id=\"") + id + "\"") == 1);
    }
    // A link per bead with both sides (3 of the 4 beads), joining both Danish sentences of the 2-1 bead.
    CHECK(count_of(html, "<path ") == 3);
    CHECK(html.find("data-from=\"a0-da-2 a0-da-3\" data-to=\"a0-en-2\"") != std::string::npos);
    // The 0-1 bead's English sentence is drawn as an orphan.
    CHECK(html.find("class=\"sent orphan flagged\" id=\"a0-en-3\"") != std::string::npos);
    // Heat map from bead scores: the cells of the chosen path (1 + 1 + 2 cells) are outlined.
    CHECK(count_of(html, "<td class=\"path\"") == 4);
    CHECK(html.find("bead scores; the aligner did not keep the full matrix") != std::string::npos);
    // The number finding marks the word inside the sentence, with its message on hover.
    CHECK(html.find("<mark class=\"finding number_mismatch\" title=\"number mismatch: the number 12 does not occur in "
                    "the Danish text\">12</mark>") != std::string::npos);
    // Claim support: the unsupported claim row, evidence linking to the body sentence.
    CHECK(count_of(html, "<tr class=\"unsupported\">") == 1);
    CHECK(count_of(html, "<tr class=\"supported\">") == 3);
    CHECK(html.find("href=\"#a0-s1-0\"") != std::string::npos);
    CHECK(html.find("class=\"bs evidence\" id=\"a0-s1-0\"") != std::string::npos);
    CHECK(html.find("Ugeskr Læger 2003;165:4852-4855") != std::string::npos);
    // Evidence on hover: the word pairs behind a bead.
    CHECK(html.find("stamceller \u2194 stem cells (glossary, +0.25)") != std::string::npos);
}

TEST_CASE("HTML report marks findings in titles and links to them", "[export][html]") {
    auto aligned = sample_aligned();
    // A finding whose span lies inside the English Summary title (bytes 2000-2057).
    aligned[0].findings.push_back(summalign::Finding{summalign::Finding::Kind::misspelling, summalign::Lang::en,
                                                     "", "regenerative", "not a word?", "regeneration", {2035, 2047}});
    const std::string html = export_to_string(summalign::Format::html, sample_document(), aligned);
    CHECK(html.find("The key to <mark class=\"finding misspelling\" title=\"misspelling: not a word?\nsuggestion: "
                    "regeneration\">regenerative</mark> medicine?") != std::string::npos);
    CHECK(html.find("<a href=\"#a0-en-title\">show</a>") != std::string::npos);
    CHECK(count_of(html, "id=\"a0-en-title\"") == 1);
}

TEST_CASE("HTML heat map uses the full similarity matrix when the aligner keeps it", "[export][html]") {
    auto aligned = sample_aligned();
    aligned[0].alignment.resume_summary_matrix = std::vector<std::vector<double>>(4, std::vector<double>(4, 0.125));
    aligned[0].alignment.resume_summary_matrix[1][2] = 0.375;
    const std::string html = export_to_string(summalign::Format::html, sample_document(), aligned);
    CHECK(html.find("every Resumé sentence against every Summary sentence") != std::string::npos);
    CHECK(html.find("title=\"D2 × E3: 0.3750\"") != std::string::npos);
    CHECK(count_of(html, ": 0.1250") == 15);
    // A matrix of the wrong shape is not trusted.
    aligned[0].alignment.resume_summary_matrix.pop_back();
    const std::string fallback = export_to_string(summalign::Format::html, sample_document(), aligned);
    CHECK(fallback.find("bead scores; the aligner did not keep the full matrix") != std::string::npos);
}

TEST_CASE("HTML of a parsed-only document shows the texts without alignment", "[export][html]") {
    const std::string html = export_to_string(summalign::Format::html, sample_document(), {});
    CHECK(html.find("not aligned (parse only)") != std::string::npos);
    CHECK(count_of(html, "id=\"a0-da-") == 4);
    CHECK(count_of(html, "<path ") == 0);
    CHECK(html.find("class=\"heat\"") == std::string::npos);
}

TEST_CASE("every format stays well-formed when a text holds invalid UTF-8 or control characters", "[export]") {
    summalign::Document document = sample_document();
    auto aligned = sample_aligned();
    const std::string broken = "ends inside a character \xC3 and \xFF\xFE bytes, NUL-free control \x01\x1F";
    document.articles[0].resume[0].text = broken;
    document.source_name = "bad\xC3.txt";
    aligned[0].findings[0].message = broken;
    aligned[0].alignment.title->en = broken;

    const json parsed = json::parse(export_to_string(summalign::Format::json, document, aligned));
    CHECK(parsed["articles"][0]["resume"][0]["text"].get<std::string>().find("\xEF\xBF\xBD") != std::string::npos);

    std::istringstream lines(export_to_string(summalign::Format::jsonl, document, aligned));
    for (std::string line; std::getline(lines, line);) CHECK_NOTHROW(json::parse(line));

    const std::string tmx = export_to_string(summalign::Format::tmx, document, aligned);
    pugi::xml_document xml;
    CHECK(xml.load_buffer(tmx.data(), tmx.size()));
    CHECK(tmx.find('\x01') == std::string::npos);

    const std::string tsv = export_to_string(summalign::Format::tsv, document, aligned);
    CHECK(tsv.find('\xFF') == std::string::npos);
    CHECK(tsv.find('\x01') == std::string::npos);
    CHECK(count_of(tsv, "\n") == 1 + 1 + 4);

    const std::string html = export_to_string(summalign::Format::html, document, aligned);
    CHECK(html.find('\xFF') == std::string::npos);
    CHECK(html.find('\x01') == std::string::npos);
    CHECK(html.find("ends inside a character \xEF\xBF\xBD and") != std::string::npos);
}

TEST_CASE("TMX is read by an independent TMX reader (translate-toolkit)", "[export][tmx]") {
    // Debian's python3-translate (package translate-toolkit) is the TMX reader of Pootle and
    // Virtaal; when it is installed it must see the same pairs pugixml sees.
    if (std::system("/usr/bin/python3 -c 'import translate.storage.tmx' >/dev/null 2>&1") != 0) {
        WARN("skipped: translate-toolkit is not installed (apt-get install translate-toolkit)");
        return;
    }
    namespace fs = std::filesystem;
    const summalign::test::TempDir scratch;
    const fs::path& directory = scratch.path();
    const fs::path tmx = directory / "memory.tmx";
    const fs::path pairs = directory / "pairs.json";
    {
        std::ofstream out(tmx, std::ios::binary);
        summalign::write_document(out, summalign::Format::tmx, sample_document(), sample_aligned());
    }
    const std::string command = "/usr/bin/python3 -c 'import json, sys; from translate.storage import tmx; "
                                "store = tmx.tmxfile.parsefile(sys.argv[1]); "
                                "json.dump([[u.source, u.target] for u in store.units], open(sys.argv[2], \"w\"))' '" +
                                tmx.string() + "' '" + pairs.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    std::ifstream in(pairs);
    const json read_back = json::parse(in);

    REQUIRE(read_back.size() == 4);
    CHECK(read_back[0] == json({"Mesenkymal stamcelleterapi: – nøglen til regenerativ medicin?",
                                "Mesenchymal stem cells: The key to regenerative medicine?"}));
    CHECK(read_back[3] == json({"MSC kan også isoleres fra perifert blod. Det er en lovende behandling.",
                                "MSCs can also be isolated from peripheral blood."}));
}

TEST_CASE("the title a translator sees joins title and subtitle with one separator", "[export][tmx]") {
    auto joined = [](std::optional<std::string> title, std::optional<std::string> subtitle) {
        summalign::Article article;
        if (title) article.title = summalign::Sentence{*title, 0, title->size()};
        if (subtitle) article.subtitle = summalign::Sentence{*subtitle, 0, subtitle->size()};
        return summalign::detail::article_title_text(article);
    };
    CHECK(joined("Gendannelse af myokardium med stamcelleterapi", "Historiske og biologiske perspektiver") ==
          "Gendannelse af myokardium med stamcelleterapi: Historiske og biologiske perspektiver");
    CHECK(joined("Mesenkymal stamcelleterapi", "– nøglen til regenerativ medicin?") ==
          "Mesenkymal stamcelleterapi – nøglen til regenerativ medicin?");
    CHECK(joined("Hvad ved vi?", "En oversigt") == "Hvad ved vi? En oversigt");
    CHECK(joined("Stamceller:", "status") == "Stamceller: status");
    CHECK(joined("Stamceller", std::nullopt) == "Stamceller");
    CHECK(joined(std::nullopt, "Kun undertitel") == "Kun undertitel");
}
