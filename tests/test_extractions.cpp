// The seed as other common extractions print it must parse to the same structure as the
// hand gold annotation: no blank lines (pdftotext -raw), a run-in kind label followed by a
// space or a line break, labels in capitals or run-in, BOM / CRLF / lone CR / form feeds /
// NFD / tabs and trailing spaces / no-break spaces / ligatures, the short citation form, and
// two columns side by side (pdftotext -layout). Each variant is made from the seed file by
// a plain text transformation written out below, so the gold does not change with it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <vector>

#include "detail/journal_fields.hpp"
#include "detail/layout_lines.hpp"
#include "summalign/journal.hpp"
#include "detail/layout_repair.hpp"
#include "summalign/layout.hpp"
#include "test_util.hpp"

using Json = nlohmann::json;
using namespace summalign;

namespace {

// Whether one of the article's structure notes says `what`.
bool has_note(const Article& article, std::string_view what) {
    return std::any_of(article.structure_notes.begin(), article.structure_notes.end(),
                       [&](const StructureNote& n) { return n.message.find(what) != std::string::npos; });
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    return s;
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    for (std::size_t at = s.find('\n'); at != std::string::npos; begin = at + 1, at = s.find('\n', begin))
        lines.push_back(s.substr(begin, at - begin));
    lines.push_back(s.substr(begin));
    return lines;
}

std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Wraps a line longer than `width` at spaces (the seed keeps each Summary on one line; a
// column cannot).
std::vector<std::string> wrap(const std::string& line, std::size_t width) {
    if (columns(line) <= width) return {line};
    std::vector<std::string> out;
    std::string current;
    std::size_t begin = 0;
    while (begin <= line.size()) {
        std::size_t space = line.find(' ', begin);
        if (space == std::string::npos) space = line.size();
        const std::string word = line.substr(begin, space - begin);
        if (!current.empty() && columns(current) + 1 + columns(word) > width) {
            out.push_back(current);
            current.clear();
        }
        current += (current.empty() ? "" : " ") + word;
        begin = space + 1;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

// The lines as two columns side by side on pages of 2 x `rows` lines, as pdftotext -layout
// prints them: the left column padded with spaces to a common width, a gutter, the right
// column; pages separated by form feeds.
std::string two_columns(const std::string& text, std::size_t rows) {
    std::vector<std::string> lines;
    for (std::string line : split_lines(text)) {
        // A caption is set apart from the running text in a column.
        if (const std::size_t fig = line.find(" Fig. 1. "); fig != std::string::npos) {
            for (const std::string& part : wrap(line.substr(0, fig), 66)) lines.push_back(part);
            line = line.substr(fig + 1);
        }
        for (const std::string& part : wrap(line, 66)) lines.push_back(part);
    }
    std::size_t width = 0;
    for (const std::string& line : lines) width = std::max(width, columns(line));
    std::string out;
    for (std::size_t page = 0; page < lines.size(); page += 2 * rows) {
        if (page > 0) out += "\f";
        for (std::size_t r = 0; r < rows; ++r) {
            const std::size_t left = page + r, right = page + rows + r;
            std::string row = left < lines.size() ? lines[left] : "";
            while (!row.empty() && row.back() == ' ') row.pop_back();
            if (right < lines.size() && !lines[right].empty()) {
                row += std::string(width + 4 - columns(row), ' ');
                row += lines[right];
            }
            out += row + "\n";
        }
    }
    return out;
}

std::string nfd(const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFDInstance(status);
    REQUIRE(U_SUCCESS(status));
    std::string out;
    normalizer->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(out);
    REQUIRE(U_SUCCESS(status));
    return out;
}

std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    for (const auto& s : sentences) out.push_back(s.text);
    return out;
}

// The lines of text the layout step keeps, blank lines left out.
std::vector<std::string> text_lines(const detail::LayoutResult& layout) {
    std::vector<std::string> lines;
    for (const detail::SourceLine& line : layout.lines)
        if (!line.blank()) lines.emplace_back(line.text.text());
    return lines;
}

std::optional<std::string> text_of(const std::optional<Sentence>& s) { return s ? std::optional(s->text) : std::nullopt; }
std::optional<std::string> gold_string(const Json& value) {
    return value.is_null() ? std::nullopt : std::optional(value.get<std::string>());
}

// Every field of every article against the gold. `resume_may_end_early`: the article whose
// Resumé has two paragraphs (the seed's third) loses its second one where no blank line
// separates paragraphs, since nothing else marks where the Resumé ends; that article must
// then say so with a structure note, and the text must be in the body.
void check_against_gold(const Document& document, const Json& gold, const std::string& source, bool resume_may_end_early) {
    REQUIRE(document.articles.size() == gold["articles"].size());
    for (std::size_t a = 0; a < document.articles.size(); ++a) {
        INFO("article " << a);
        const Article& article = document.articles[a];
        const Json& g = gold["articles"][a];
        CHECK(text_of(article.title) == gold_string(g["title"]));
        CHECK(text_of(article.subtitle) == gold_string(g["subtitle"]));
        CHECK(article.kind == gold_string(g["kind"]));
        CHECK(article.authors == g["authors"].get<std::vector<std::string>>());
        CHECK(article.truncated_start == g["truncated_start"].get<bool>());
        CHECK(article.truncated_end == g["truncated_end"].get<bool>());
        const auto gold_resume = g["resume"].get<std::vector<std::string>>();
        const bool early = resume_may_end_early && article.resume.size() < gold_resume.size();
        if (early) {
            // The Resumé's first paragraph, then the rest as the body's first sentences.
            REQUIRE(!article.resume.empty());
            CHECK(std::equal(article.resume.begin(), article.resume.end(), gold_resume.begin(),
                             [](const Sentence& s, const std::string& t) { return s.text == t; }));
            REQUIRE(!article.sections.empty());
            const auto& first = article.sections.front().sentences;
            REQUIRE(first.size() >= gold_resume.size() - article.resume.size());
            for (std::size_t k = article.resume.size(); k < gold_resume.size(); ++k)
                CHECK(first[k - article.resume.size()].text == gold_resume[k]);
            REQUIRE(!article.structure_notes.empty());
            CHECK(article.structure_notes.front().message.find("Resumé") != std::string::npos);
        } else {
            CHECK(texts(article.resume) == gold_resume);
            REQUIRE(article.sections.size() == g["sections"].size());
            for (std::size_t s = 0; s < article.sections.size(); ++s) {
                INFO("section " << s);
                CHECK(text_of(article.sections[s].heading) == gold_string(g["sections"][s]["heading"]));
                CHECK(texts(article.sections[s].sentences) == g["sections"][s]["sentences"].get<std::vector<std::string>>());
            }
        }
        for (const auto& section : article.sections)
            for (const auto& sentence : section.sentences) CHECK((sentence.span.start < sentence.span.end && sentence.span.end <= source.size()));
        REQUIRE(article.figures.size() == g["figures"].size());
        for (std::size_t f = 0; f < article.figures.size(); ++f)
            CHECK(article.figures[f].caption.text == g["figures"][f]["caption"].get<std::string>());
        REQUIRE(article.summary.has_value() == !g["summary"].is_null());
        if (article.summary) {
            CHECK(article.summary->authors == g["summary"]["authors"].get<std::vector<std::string>>());
            CHECK(text_of(article.summary->title) == gold_string(g["summary"]["title"]));
            CHECK(texts(article.summary->sentences) == g["summary"]["sentences"].get<std::vector<std::string>>());
            REQUIRE(article.summary->citation);
            CHECK(article.summary->citation->journal == g["summary"]["citation"]["journal"].get<std::string>());
            CHECK(article.summary->citation->year == g["summary"]["citation"]["year"].get<int>());
        }
        CHECK(text_of(article.correspondence) == gold_string(g["correspondence"]));
    }
}

const Parser& parser() {
    static const Parser instance;
    return instance;
}

}  // namespace

TEST_CASE("the seed as other extractions print it parses to the gold structure", "[extractions]") {
    const std::string seed = test::read_file(test::seed_path());
    REQUIRE(!seed.empty());
    const Json gold = Json::parse(test::read_file(test::seed_gold_path("structure")));
    const std::string no_blank = std::regex_replace(seed, std::regex("\n[ \t]*\n+"), "\n");
    REQUIRE(seed.find("OVERSIGTSARTIKELMoustapha") != std::string::npos);
    REQUIRE(seed.find("\nResumé\n") != std::string::npos);
    std::string tabs;
    for (const std::string& line : split_lines(seed)) {
        const std::size_t space = line.find(' ');
        tabs += (space == std::string::npos ? line : line.substr(0, space) + "\t" + line.substr(space + 1)) + "  \n";
    }
    struct Variant {
        const char* name;
        std::string text;
        bool resume_may_end_early = false;
    };
    const std::vector<Variant> variants = {
        {"no blank lines (pdftotext -raw)", no_blank, true},
        {"kind label, space, authors", replace_all(seed, "OVERSIGTSARTIKELMoustapha", "OVERSIGTSARTIKEL Moustapha")},
        {"kind label, line break, authors", replace_all(seed, "OVERSIGTSARTIKELMoustapha", "OVERSIGTSARTIKEL\nMoustapha")},
        {"labels in capitals", replace_all(replace_all(seed, "\nResumé\n", "\nRESUMÉ\n"), "Summary", "SUMMARY")},
        {"run-in Resumé", replace_all(seed, "\nResumé\n", "\nResumé ")},
        {"run-in Resumé with a colon", replace_all(seed, "\nResumé\n", "\nResumé: ")},
        {"byte-order mark and CRLF", "\xEF\xBB\xBF" + replace_all(seed, "\n", "\r\n")},
        {"lone CR", replace_all(seed, "\n", "\r")},
        {"form feeds between blocks", replace_all(seed, "\n\n", "\n\n\f")},
        {"NFD", nfd(seed)},
        {"tabs and trailing spaces", tabs},
        {"no-break spaces", replace_all(replace_all(seed, "f.eks. ", "f.eks.\u00A0"), " [", "\u00A0[")},
        {"ligatures", replace_all(replace_all(seed, "fi", "\uFB01"), "fl", "\uFB02")},
        {"two columns side by side (pdftotext -layout)", two_columns(seed, 30)},
        {"two columns without blank lines", two_columns(no_blank, 30), true},
    };
    for (const Variant& variant : variants) {
        INFO(variant.name);
        REQUIRE(variant.text != seed);
        const Document document = parser().parse(make_source(variant.text, variant.name));
        check_against_gold(document, gold, variant.text, variant.resume_may_end_early);
    }
}

TEST_CASE("the short citation form and a citation after the Summary sentences", "[extractions]") {
    using detail::parse_summary_head;
    const std::string short_form = "Mikkel Holm: Shadow. Ugeskr Læger 2004;166:383-6. Add a shadow to the object. It is grey.";
    auto head = parse_summary_head(short_form);
    REQUIRE(head.citation);
    CHECK(head.citation->journal == "Ugeskr Læger");
    CHECK(head.citation->volume == 166);
    CHECK(head.citation->pages == "383-6");
    CHECK(short_form.substr(head.title_begin, head.title_end - head.title_begin) == "Shadow.");
    CHECK(short_form.substr(head.abstract_begin, head.abstract_end - head.abstract_begin) ==
          "Add a shadow to the object. It is grey.");

    const std::string last = "Mikkel Holm: Shadow. Add a shadow to the object. It is grey. Ugeskr Læger 2004;166:383-6.";
    head = parse_summary_head(last);
    REQUIRE(head.citation);
    CHECK(head.citation->pages == "383-6");
    CHECK(last.substr(head.title_begin, head.title_end - head.title_begin) == "Shadow.");
    CHECK(last.substr(head.abstract_begin, head.abstract_end - head.abstract_begin) == "Add a shadow to the object. It is grey. ");
}

TEST_CASE("labels in any case, run-in or alone; rubrics after a space", "[extractions]") {
    using namespace detail;
    CHECK(resume_label_length("RESUMÉ") == std::string("RESUMÉ").size());
    CHECK(resume_label_length("Resumé: Mesenkymale") == std::string("Resumé: ").size());
    CHECK(resume_label_length("Resumé Mesenkymale") == std::string("Resumé ").size());
    CHECK(resume_label_length("Resumeet viser at") == 0);
    CHECK(resume_label_length("Resumé af forsøget") == 0);
    CHECK(summary_label_length("SUMMARY") == 7);
    CHECK(summary_label_length("Summary: Mikkel Holm") == 7);
    CHECK(summary_label_length("Summary statistics were computed.") == 0);
    std::string label;
    CHECK(part_label_length("Materiale og metoder: Vi undersøgte", label) == std::string("Materiale og metoder: ").size());
    CHECK(label == "Materiale og metoder");
    CHECK(part_label_length("CONCLUSION Stem cells work.", label) == std::string("CONCLUSION ").size());
    CHECK(label == "CONCLUSION");
    CHECK(part_label_length("Resultater af forsøget", label) == 0);
    const auto spaced = split_kind_label("OVERSIGTSARTIKEL Moustapha Kassem, Jens Kastrup");
    REQUIRE(spaced);
    CHECK(spaced->label == "OVERSIGTSARTIKEL");
    CHECK(spaced->rest_begin == std::string("OVERSIGTSARTIKEL ").size());
    const auto kasuistik = split_kind_label("KASUISTIK Mikkel Holm & Ole Olsen");
    REQUIRE(kasuistik);
    CHECK(kasuistik->label == "KASUISTIK");
    CHECK_FALSE(split_kind_label("MSC HLA Mesenkymale celler"));
}

TEST_CASE("a structured Resumé's parts after body text the extraction put between them stay the Resumé's", "[extractions]") {
    // pdftotext's default mode can put the other column's heading and paragraph between a
    // structured Resumé's first part and the next: the later parts are still the Resumé's,
    // the text between them the body's. After a part that concludes, or with an English
    // label, a labelled block is not taken.
    const auto article_with = [](const std::string& between, const std::string& later) {
        return "Skygge\n\nORIGINAL ARTIKEL\nMikkel Holm & Ole Olsen\n\n"
               "RESUMÉ\nIntroduktion\nSkygger er nyttige, og de giver dybde til en tegning.\n\n" +
               between + "\n" + later +
               "\nSkygger bruges i mange programmer, og de er lette at tilføje.\n\n"
               "SUMMARY\nMikkel Holm & Ole Olsen: Shadows. Ugeskr Læger 2004;166:383-6.\n"
               "Introduction: Shadows are useful, and they give depth to a drawing.\n"
               "Results: We drew ten figures with shadows.\nConclusion: Shadows work in every program.\n";
    };
    const std::string between = "Tegneobjekter\nEt objekt kan flyttes med musen, og det kan roteres frit.\n";
    const std::string later = "Resultater\nVi tegnede ti figurer med skygger.\n\n"
                              "Konklusion\nSkygger virker i alle programmer.\n";
    const Document document = parser().parse(make_source(article_with(between, later), "interleaved"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(texts(article.resume) == std::vector<std::string>{"Skygger er nyttige, og de giver dybde til en tegning.",
                                                            "Vi tegnede ti figurer med skygger.",
                                                            "Skygger virker i alle programmer."});
    REQUIRE(article.resume_parts.size() == 3);
    CHECK(article.resume_parts[1].label == "Resultater");
    CHECK(article.resume_parts[2].label == "Konklusion");
    bool between_in_body = false;
    for (const Section& section : article.sections)
        for (const Sentence& sentence : section.sentences)
            between_in_body = between_in_body || sentence.text == "Et objekt kan flyttes med musen, og det kan roteres frit.";
    CHECK(between_in_body);
    CHECK(std::any_of(article.structure_notes.begin(), article.structure_notes.end(), [](const StructureNote& note) {
        return note.message.find("Resultater") != std::string::npos;
    }));

    // A Resumé whose part concluded is whole: a later "Resultater" section is the body's.
    const std::string concluded = "RESUMÉ\nIntroduktion\nSkygger er nyttige, og de giver dybde til en tegning.\n"
                                  "Konklusion\nSkygger virker i alle programmer.\n\n";
    std::string whole = article_with(between, later);
    whole.replace(whole.find("RESUMÉ"), whole.find("\n\nTegneobjekter") + 2 - whole.find("RESUMÉ"), concluded);
    const Document second = parser().parse(make_source(whole, "concluded"));
    REQUIRE(second.articles.size() == 1);
    CHECK(second.articles[0].resume.size() == 2);
    // An English label after body text is no part of the Danish Resumé.
    const std::string english = "Results\nWe drew ten figures with shadows.\n";
    const Document third = parser().parse(make_source(article_with(between, english), "english-label"));
    REQUIRE(third.articles.size() == 1);
    CHECK(third.articles[0].resume.size() == 1);
}

TEST_CASE("a structured Resumé's label torn over lines, one word each, still opens its part", "[extractions]") {
    // mutool prints a justified line with wide spaces as one line per word: the label
    // "Materiale og metoder:" can open a block over two lines. The part is the Resumé's, not
    // the body's, and the parts after it follow it.
    const std::string text =
        "Skygge\n\nORIGINAL ARTIKEL\nMikkel Holm & Ole Olsen\n\n"
        "RESUMÉ\nIntroduktion: Skygger er nyttige, og de giver dybde\ntil en tegning.\n\n"
        "Materiale og\nmetoder:\nVi\ntegnede\nti\nfigurer\nmed skygger i fire forskellige programmer og\nsammenlignede dem.\n\n"
        "Resultater: Alle figurerne fik skygger uden besvær.\n\n"
        "Konklusion: Skygger virker i alle programmer.\n\n"
        "Tegneobjekter\nEt objekt kan flyttes med musen, og det kan roteres frit.\n\n"
        "SUMMARY\nMikkel Holm & Ole Olsen: Shadows. Ugeskr Læger 2004;166:383-6.\n"
        "Introduction: Shadows are useful, and they give depth to a drawing.\n"
        "Material and methods: We drew ten figures with shadows in four programs.\n"
        "Results: Every figure got its shadow.\nConclusion: Shadows work in every program.\n";
    const Document document = parser().parse(make_source(text, "torn-label"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.resume_parts.size() == 4);
    CHECK(article.resume_parts[1].label == "Materiale og metoder");
    CHECK(texts(article.resume) ==
          std::vector<std::string>{"Skygger er nyttige, og de giver dybde til en tegning.",
                                   "Vi tegnede ti figurer med skygger i fire forskellige programmer og sammenlignede dem.",
                                   "Alle figurerne fik skygger uden besvær.", "Skygger virker i alle programmer."});
    CHECK(!has_note(article, "after body text"));
}

TEST_CASE("a structured Resumé's part label that ended a page takes the next block as its text", "[extractions]") {
    // The label "Introduktion" was the last line of a column; its text opens the next page,
    // after a blank line. The Resumé goes on there, it does not end at its first label.
    const std::string text =
        "Skygge\n\nORIGINAL ARTIKEL\nMikkel Holm & Ole Olsen\n\n"
        "RESUMÉ\nIntroduktion\n\n"
        "Skygger er nyttige, og de giver dybde\ntil en tegning.\n"
        "Materiale og metoder\nVi tegnede ti figurer med skygger.\n"
        "Konklusion\nSkygger virker i alle programmer.\n\n"
        "Tegneobjekter\nEt objekt kan flyttes med musen, og det kan roteres frit.\n\n"
        "SUMMARY\nMikkel Holm & Ole Olsen: Shadows. Ugeskr Læger 2004;166:383-6.\n"
        "Introduction: Shadows are useful, and they give depth to a drawing.\n"
        "Material and methods: We drew ten figures with shadows.\nConclusion: Shadows work in every program.\n";
    const Document document = parser().parse(make_source(text, "label-at-page-end"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.resume_parts.size() == 3);
    CHECK(article.resume_parts[0].label == "Introduktion");
    CHECK(article.resume_parts[0].end - article.resume_parts[0].begin == 1);
    CHECK(texts(article.resume) == std::vector<std::string>{"Skygger er nyttige, og de giver dybde til en tegning.",
                                                            "Vi tegnede ti figurer med skygger.",
                                                            "Skygger virker i alle programmer."});
    CHECK(has_note(article, "had no text before a blank line"));
    // After a part with text, the block after the blank line is the body's as before.
    std::string whole = text;
    whole.replace(whole.find("Introduktion\n\n"), std::string("Introduktion\n\n").size(),
                  "Introduktion\nSkygger kan tegnes.\n\n");
    const Document second = parser().parse(make_source(whole, "label-with-text"));
    REQUIRE(second.articles.size() == 1);
    const auto resume = texts(second.articles[0].resume);
    REQUIRE_FALSE(resume.empty());
    CHECK(resume.front() == "Skygger kan tegnes.");
    CHECK(std::find(resume.begin(), resume.end(), "Skygger er nyttige, og de giver dybde til en tegning.") == resume.end());
    // A block that opens with a heading is the body's, not the empty part's text.
    std::string headed = text;
    headed.replace(headed.find("Introduktion\n\n"), std::string("Introduktion\n\n").size(),
                   "Introduktion\n\nTegneobjekter\nEt objekt kan flyttes med musen, og det kan roteres frit.\n\n");
    const Document third = parser().parse(make_source(headed, "label-then-heading"));
    REQUIRE(third.articles.size() == 1);
    const auto third_resume = texts(third.articles[0].resume);
    CHECK(std::find(third_resume.begin(), third_resume.end(), "Et objekt kan flyttes med musen, og det kan roteres frit.") ==
          third_resume.end());
}

TEST_CASE("structured Resumé and Summary keep labelled parts; missing and second Summaries", "[extractions]") {
    const std::string text =
        "Skygge\n"
        "\n"
        "ORIGINAL ARTIKEL\n"
        "Mikkel Holm & Ole Olsen\n"
        "\n"
        "Resumé\n"
        "Introduktion: Skygger er nyttige. De giver dybde.\n"
        "Materiale og metoder: Vi tegnede ti figurer.\n"
        "Konklusion: Skygger virker.\n"
        "\n"
        "Skygger bruges i mange programmer, og de er lette at tilføje.\n"
        "\n"
        "Summary\n"
        "Mikkel Holm & Ole Olsen: Shadows. Ugeskr Læger 2004;166:383-6.\n"
        "Introduction: Shadows are useful. They give depth.\n"
        "Material and methods: We drew ten figures.\n"
        "Conclusion: Shadows work.\n"
        "\n"
        "Summary\n"
        "Per Hansen: Another summary. Ugeskr Læger 2004;166:387-8. It should not be here.\n"
        "\n"
        "Korrespondance: Mikkel Holm, Afdeling A, Rigshospitalet,\n"
        "DK-2100 København Ø. E-mail: mh@dadlnet.dk\n"
        "\n"
        "Lys\n"
        "\n"
        "KASUISTIK\n"
        "Ole Olsen\n"
        "\n"
        "Resumé\n"
        "Lys er også nyttigt.\n"
        "\n"
        "Lys kommer fra lamper.\n"
        "\n"
        "Mørke\n"
        "\n"
        "LEDER\n"
        "Ane Holm\n"
        "\n"
        "Mørke er det modsatte af lys, og teksten slutter her midt i\n";
    const Document document = parser().parse(make_source(text, "structured"));
    REQUIRE(document.articles.size() == 3);
    const Article& first = document.articles[0];
    CHECK(first.kind == "ORIGINAL ARTIKEL");
    CHECK(texts(first.resume) == std::vector<std::string>{"Skygger er nyttige.", "De giver dybde.", "Vi tegnede ti figurer.",
                                                          "Skygger virker."});
    REQUIRE(first.resume_parts.size() == 3);
    CHECK(first.resume_parts[0].label == "Introduktion");
    CHECK((first.resume_parts[0].begin == 0 && first.resume_parts[0].end == 2));
    CHECK(first.resume_parts[1].label == "Materiale og metoder");
    CHECK((first.resume_parts[2].begin == 3 && first.resume_parts[2].end == 4));
    REQUIRE(first.summary);
    CHECK(first.summary->authors == std::vector<std::string>{"Mikkel Holm", "Ole Olsen"});
    CHECK(text_of(first.summary->title) == "Shadows.");
    REQUIRE(first.summary->citation);
    CHECK(first.summary->citation->pages == "383-6");
    CHECK(texts(first.summary->sentences) ==
          std::vector<std::string>{"Shadows are useful.", "They give depth.", "We drew ten figures.", "Shadows work."});
    REQUIRE(first.summary->parts.size() == 3);
    CHECK(first.summary->parts[1].label == "Material and methods");
    // The second Summary is kept (as body text) and reported.
    REQUIRE(first.structure_notes.size() == 1);
    CHECK(first.structure_notes[0].message.find("second Summary") != std::string::npos);
    CHECK(text.substr(first.structure_notes[0].span.start, 7) == "Summary");
    bool kept = false;
    for (const auto& section : first.sections)
        for (const auto& sentence : section.sentences) kept = kept || sentence.text.find("It should not be here.") != std::string::npos;
    CHECK(kept);
    // The address wraps onto a second line.
    CHECK(text_of(first.correspondence) == "Mikkel Holm, Afdeling A, Rigshospitalet, DK-2100 København Ø. E-mail: mh@dadlnet.dk");
    // A mid-file article without a Summary is not cut off: it lacks one. Only the last is cut off.
    const Article& second = document.articles[1];
    CHECK(text_of(second.title) == "Lys");
    CHECK(second.kind == "KASUISTIK");
    CHECK_FALSE(second.summary);
    CHECK_FALSE(second.truncated_end);
    CHECK(document.articles[2].kind == "LEDER");
    CHECK(document.articles[2].truncated_end);
}

TEST_CASE("column_order reads a two-column page column by column and leaves other pages alone", "[extractions][layout]") {
    using detail::column_order;
    using detail::LineRange;
    const std::string page =
        "                 En titel over begge spalter\n"
        "Venstre spalte linje et med ord       Højre spalte linje et med ord\n"
        "venstre spalte linje to med ord       højre spalte linje to med ord\n"
        "venstre spalte linje tre med ord      højre spalte linje tre med ord\n"
        "venstre spalte linje fire.            højre spalte linje fire med ord\n"
        "                                      højre spalte linje fem.\n"
        "Venstre spalte linje seks med ord     Højre spalte linje seks med ord\n"
        "venstre slut.                         højre slut.\n";
    std::vector<LineRange> lines;
    std::size_t begin = 0, number = 0;
    for (std::size_t at = page.find('\n'); at != std::string::npos; begin = at + 1, at = page.find('\n', begin))
        lines.push_back({begin, at, ++number});
    const auto ordered = column_order(page, lines);
    std::vector<std::string> read;
    for (const LineRange& r : ordered) {
        std::string t = page.substr(r.start, r.end - r.start);
        const auto first = t.find_first_not_of(' ');
        if (first == std::string::npos) continue;
        read.push_back(t.substr(first, t.find_last_not_of(' ') - first + 1));
    }
    CHECK(read == std::vector<std::string>{"En titel over begge spalter", "Venstre spalte linje et med ord",
                                           "venstre spalte linje to med ord", "venstre spalte linje tre med ord",
                                           "venstre spalte linje fire.", "Venstre spalte linje seks med ord", "venstre slut.",
                                           "Højre spalte linje et med ord", "højre spalte linje to med ord",
                                           "højre spalte linje tre med ord", "højre spalte linje fire med ord",
                                           "højre spalte linje fem.", "Højre spalte linje seks med ord", "højre slut."});
    // Every visible byte stays in exactly one range (only spaces are left out).
    const auto visible = [&](const std::vector<LineRange>& ranges) {
        std::size_t n = 0;
        for (const LineRange& r : ranges)
            for (std::size_t i = r.start; i < r.end; ++i) n += page[i] != ' ';
        return n;
    };
    CHECK(visible(ordered) == visible(lines));
    // Prose in one column has no gutter.
    const std::string seed = test::read_file(test::seed_path());
    std::vector<LineRange> seed_lines;
    begin = number = 0;
    for (std::size_t at = seed.find('\n'); at != std::string::npos; begin = at + 1, at = seed.find('\n', begin))
        seed_lines.push_back({begin, at, ++number});
    const auto same = column_order(seed, seed_lines);
    REQUIRE(same.size() == seed_lines.size());
    for (std::size_t k = 0; k < same.size(); ++k) CHECK((same[k].start == seed_lines[k].start && same[k].end == seed_lines[k].end));
}

TEST_CASE("column_order leaves a page alone whose text starts beyond the columns it reads", "[extractions][layout]") {
    // Six lines counted as text and as indented, none with a visible character in the first
    // 1,000 columns: no line has an extent to measure the page by.
    std::string page;
    for (int i = 0; i < 6; ++i) page += std::string(1000, ' ') + "x\n";
    std::vector<detail::LineRange> lines;
    std::size_t begin = 0, number = 0;
    for (std::size_t at = page.find('\n'); at != std::string::npos; begin = at + 1, at = page.find('\n', begin))
        lines.push_back({begin, at, ++number});
    const auto ordered = detail::column_order(page, lines);
    CHECK(ordered.size() == lines.size());
    const summalign::Document document = summalign::Parser().parse(summalign::make_source(page, "wide.txt"));
    std::size_t sentences = 0;
    for (const auto& article : document.articles)
        for (const auto& section : article.sections) sentences += section.sentences.size();
    CHECK(sentences >= 1);
}

TEST_CASE("a sentence read out of source order spans every byte it was read from", "[extractions][layout]") {
    // Text assembled out of source order, as column_order reads a page: source bytes 20-29,
    // then 0-9, then 40-49.
    const std::string source(50, 'a');
    summalign::MappedText text;
    text.append_source(source, 20, 30);
    text.append_source(source, 0, 10);
    text.append_source(source, 40, 50);
    // Start (20) before stop (50), yet the middle bytes come from 0-9.
    CHECK(text.source_hull(0, text.size()) == summalign::SourceSpan{0, 50});
    // In source order the hull is the plain span.
    summalign::MappedText in_order;
    in_order.append_source(source, 5, 15);
    in_order.append_source(source, 15, 25);
    CHECK(in_order.source_hull(2, 18) == summalign::SourceSpan{7, 23});
}

namespace {

// The visible text of each range column_order gives; blank ones left out, or kept as "".
std::vector<std::string> read_in_order(const std::string& page, bool keep_blanks = false) {
    std::vector<detail::LineRange> lines;
    std::size_t begin = 0, number = 0;
    for (std::size_t at = page.find('\n'); at != std::string::npos; begin = at + 1, at = page.find('\n', begin))
        lines.push_back({begin, at, ++number});
    std::vector<std::string> read;
    for (const detail::LineRange& r : detail::column_order(page, lines)) {
        const std::string t = page.substr(r.start, r.end - r.start);
        const auto first = t.find_first_not_of(' ');
        if (first != std::string::npos) read.push_back(t.substr(first, t.find_last_not_of(' ') - first + 1));
        else if (keep_blanks) read.push_back("");
    }
    return read;
}

std::string row(const std::string& left, const std::string& right, std::size_t right_at = 46) {
    std::size_t columns = 0;  // code points, as -layout pads
    for (const char c : left) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    std::string line = left;
    if (!right.empty()) line += std::string(right_at - columns, ' ') + right;
    return line + "\n";
}

// Six lines of each of two columns: a sentence ends on the fourth, a new one starts on the fifth.
const std::vector<std::string> kLeftColumn = {"Den venstre spalte begynder med ord", "som fortsætter på linje to med mere",
                                              "og her er den tredje linje af dem", "hvor en sætning slutter til sidst.",
                                              "Så kommer en ny med andre ord og", "den sjette linje slutter spalten."};
const std::vector<std::string> kRightColumn = {"Højre spalte har sin egen tekst", "med ord på linje to og lidt mere",
                                               "samt en tredje linje som de andre", "der slutter sin sætning her.",
                                               "En femte linje begynder igen og", "den sidste slutter spalten."};

}  // namespace

TEST_CASE("column_order splits columns that share no row, and a right column of a few lines", "[extractions][layout]") {
    const std::vector<std::string>& left = kLeftColumn;
    const std::vector<std::string>& right = kRightColumn;
    std::vector<std::string> both = left;
    both.insert(both.end(), right.begin(), right.end());
    // pdftotext -layout gives columns whose baselines are half a line apart rows of their own.
    std::string interleaved;
    for (std::size_t k = 0; k < left.size(); ++k) interleaved += row(left[k], "") + row("", right[k]);
    CHECK(read_in_order(interleaved) == both);

    // The right column ends after three lines (the document's end); a caption in smaller
    // type runs past the left column's edge into the gutter.
    std::string short_right;
    for (std::size_t k = 0; k < 3; ++k) short_right += row(left[k], right[k]);
    short_right += row("Fig. 1. En billedtekst i mindre skrift her", "");
    for (std::size_t k = 3; k < left.size(); ++k) short_right += row(left[k], "");
    for (const char* line : {"og spalten fortsætter med tekst i", "flere linjer som fylder den ud til", "kanten af spalten med almindelige",
                             "ord i en lang række efter hinanden", "indtil den slutter med et punktum."})
        short_right += row(line, "");
    const auto read = read_in_order(short_right);
    REQUIRE(read.size() == 15);
    CHECK(read[3] == "Fig. 1. En billedtekst i mindre skrift her");
    CHECK(std::vector<std::string>(read.end() - 3, read.end()) ==
          std::vector<std::string>(right.begin(), right.begin() + 3));

    // The same three right-column lines on a long page (the rest of the page is the left
    // column's: the next article begins there).
    std::string long_page = short_right;
    for (std::size_t k = 0; k < 30; ++k) long_page += row(k % 2 ? "og spalten fortsætter med tekst i" : "flere linjer som fylder den ud til", "");
    const auto long_read = read_in_order(long_page);
    REQUIRE(long_read.size() == 45);
    CHECK(std::vector<std::string>(long_read.end() - 3, long_read.end()) ==
          std::vector<std::string>(right.begin(), right.begin() + 3));

    // One column of short lines with a deep indent now and then is no two-column page.
    std::string one_column;
    for (std::size_t k = 0; k < 10; ++k) one_column += (k % 4 == 0 ? std::string(20, ' ') : std::string()) + "kort linje " + std::to_string(k) + "\n";
    CHECK(read_in_order(one_column).size() == 10);
    CHECK(read_in_order(one_column)[0] == "kort linje 0");
}

TEST_CASE("column_order reads a right column of one line, beside a full left-column line, after the left column",
          "[extractions][layout]") {
    const std::vector<std::string> left = {"Den venstre spalte begynder med ord", "som fortsætter på linje to med mere",
                                           "og her er den tredje linje af dem", "hvor en sætning slutter til sidst.",
                                           "Så kommer en ny med andre ord og", "den sjette linje slutter spalten.",
                                           "Korrespondance: Hans Hansen, Afde-"};
    const std::string address = "ling, Herlev Hospital, DK-2730 Herlev.";
    const std::string head = "UGESKR LÆGER 166/1 · 22. JANUAR 2004";
    // The last page: a running head with its page number far right, then the left column;
    // the right column holds only the end of the address the left column's foot begins.
    std::string page = row(head, "530", 90) + "\n";
    page += row(left[0], address);
    for (std::size_t k = 1; k < left.size(); ++k) page += row(left[k], "");
    std::vector<std::string> expected = {head + std::string(90 - 36, ' ') + "530"};
    expected.insert(expected.end(), left.begin(), left.end());
    expected.push_back(address);
    CHECK(read_in_order(page) == expected);

    // A gap after a short line (a table row, a heading and its page number) ends no column:
    // the page is read as printed.
    std::string short_left = row(head, "530", 90) + row("Tabel 1", address);
    for (std::size_t k = 1; k < left.size(); ++k) short_left += row(left[k], "");
    const auto as_printed = read_in_order(short_left);
    REQUIRE(as_printed.size() == left.size() + 1);
    CHECK(as_printed[1] == "Tabel 1" + std::string(46 - 7, ' ') + address);

    // So is a page with another gapped line whose right part does not start beyond the edge.
    std::string inside = row(left[0], address);
    for (std::size_t k = 1; k < left.size(); ++k) inside += row(left[k], "");
    inside += row("Navn", "Værdi i spalten", 20);
    const auto inside_read = read_in_order(inside);
    REQUIRE(inside_read.size() == left.size() + 1);
    CHECK(inside_read[0] == left[0] + std::string(46 - 35, ' ') + address);
}

TEST_CASE("column_order: where the columns' rows alternate, the blank half between a column's lines is no paragraph break",
          "[extractions][layout]") {
    // Each line of either column, blank halves kept as "".
    const auto read_with_blanks = [](const std::string& page) { return read_in_order(page, true); };
    const std::vector<std::string>& left = kLeftColumn;
    const std::vector<std::string>& right = kRightColumn;
    // Baselines half a line apart: the rows alternate. Paragraphs begin with an indent (the
    // fifth line of each column), so the blank half after either column's fourth line, which
    // ends a sentence, is the other column's row, no paragraph break.
    std::string interleaved;
    for (std::size_t k = 0; k < left.size(); ++k)
        interleaved += row(k == 4 ? "   " + left[k] : left[k], "") + row("", k == 4 ? "   " + right[k] : right[k]);
    std::vector<std::string> expected = left;
    expected.insert(expected.end(), right.begin(), right.end());
    const auto read = read_with_blanks(interleaved);
    std::vector<std::string> visible;
    for (const std::string& line : read)
        if (!line.empty()) visible.push_back(line);
    CHECK(visible == expected);
    const auto after = [&](const std::string& line) {
        const auto at = std::find(read.begin(), read.end(), line);
        return at == read.end() || at + 1 == read.end() ? std::string("(none)") : *(at + 1);
    };
    CHECK(after(left[3]) == left[4]);
    CHECK(after(right[3]) == right[4]);

    // Without indents, space marks the paragraphs, and a paragraph's space can hide in the
    // alternation: the blank half after a sentence end stays.
    std::string spaced;
    for (std::size_t k = 0; k < left.size(); ++k) spaced += row(left[k], "") + row("", right[k]);
    const auto spaced_read = read_with_blanks(spaced);
    const auto end_of_sentence = std::find(spaced_read.begin(), spaced_read.end(), left[3]);
    REQUIRE(end_of_sentence != spaced_read.end());
    REQUIRE(end_of_sentence + 1 != spaced_read.end());
    CHECK(*(end_of_sentence + 1) == "");

    // Rows shared by both columns: a blank left half beside the right column's text, after a
    // sentence end, is the left column's paragraph break and stays.
    std::string shared;
    for (std::size_t k = 0; k < 4; ++k) shared += row(left[k], right[k]);
    shared += row("", right[4]);
    shared += row(left[4], right[5]);
    shared += row(left[5], "");
    const auto shared_read = read_with_blanks(shared);
    const auto at = std::find(shared_read.begin(), shared_read.end(), left[3]);
    REQUIRE(at != shared_read.end());
    REQUIRE(at + 2 < shared_read.end());
    CHECK(*(at + 1) == "");
    CHECK(*(at + 2) == left[4]);

    // Rows that alternate and then come to be shared (the seed's Resumé beside an offset right
    // column): on a page whose paragraphs begin with an indent, the blank half between the
    // last alternating rows is the other column's row still, though the next row holds both.
    const std::vector<std::string> indented_left = {"Den venstre spalte begynder med ord", "og her slutter den første sætning.",
                                                    "   Et nyt afsnit begynder med indryk", "hvor en sætning slutter til sidst.",
                                                    "Så kommer en ny med andre ord og", "den sjette linje slutter spalten."};
    std::string ending;
    for (std::size_t k = 0; k < 4; ++k) ending += row(indented_left[k], "") + row("", right[k]);
    ending += row(indented_left[4], "   " + right[4]);
    ending += row(indented_left[5], right[5]);
    const auto ending_read = read_with_blanks(ending);
    const auto sentence_end = std::find(ending_read.begin(), ending_read.end(), indented_left[3]);
    REQUIRE(sentence_end != ending_read.end());
    REQUIRE(sentence_end + 1 != ending_read.end());
    CHECK(*(sentence_end + 1) == indented_left[4]);
}

TEST_CASE("a paragraph the extraction broke off takes back its rest from elsewhere on the page", "[extractions][layout]") {
    // pdftotext's default order can put a column's first lines before the paragraph they end
    // (here under the next article's title): the paragraph stops mid-sentence at a full line.
    const std::string text =
        "Første afsnit står her og fortsætter i en lang linje som\n"
        "fylder hele spalten og slutter med en hel sætning her.\n"
        "\n"
        "En titel\n"
        "\n"
        "resten af den afbrudte sætning står her for sig selv.\n"
        "Og så kommer der mere tekst i afsnittet efter resten her.\n"
        "\n"
        "Andet afsnit begynder med stort og fortsætter i en linje\n"
        "der fylder spalten og slutter midt i sætningen med ordet\n"
        "\n"
        "Overskrift\n"
        "Et afsnit med stort begyndelsesbogstav som slutter her.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(text, "moved.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 9);
    CHECK(lines[4] == "der fylder spalten og slutter midt i sætningen med ordet");
    CHECK(lines[5] == "resten af den afbrudte sætning står her for sig selv.");
    CHECK(lines[6] == "Og så kommer der mere tekst i afsnittet efter resten her.");
    CHECK(lines[7] == "Overskrift");
    bool noted = false;
    for (const Repair& repair : layout.repairs) noted = noted || repair.detail.find("paragraph goes on at line 6") != std::string::npos;
    CHECK(noted);
    // The join itself is handed to the journal: which line ends the paragraph, where the block began.
    REQUIRE(layout.moved_block_joins.size() == 1);
    CHECK(layout.lines[layout.moved_block_joins[0].paragraph_end].text.text() == "der fylder spalten og slutter midt i sætningen med ordet");
    CHECK(layout.moved_block_joins[0].block_line_number == 6);
    // The parse keeps the guess as a structure note of the article that holds the paragraph.
    const Document document = Parser().parse(make_source(text, "moved.txt"));
    REQUIRE(document.articles.size() == 1);
    bool structure_noted = false;
    for (const auto& n : document.articles[0].structure_notes)
        structure_noted = structure_noted || n.message.find("go on with the block at line 6") != std::string::npos;
    CHECK(structure_noted);
    // A text that begins in lower case begins mid-article: that block stays first.
    const detail::LayoutResult first = detail::repair_layout(make_source("resten af en sætning fra forrige side står her.\n\n" + text, "mid.txt"));
    REQUIRE(!first.lines.empty());
    CHECK(first.lines[0].text.text() == "resten af en sætning fra forrige side står her.");
}

TEST_CASE("a paragraph broken inside a word takes the rest that completes the word, not the nearest", "[extractions][layout]") {
    // Two broken paragraphs, two rests. The nearer rest of the first paragraph opens with a
    // word the text writes elsewhere ("på"); the farther one completes its broken word
    // ("ne-" | "eded" makes "needed", which the text writes too). Nearest first would give
    // "nepå" and "Klik eded".
    const std::string text =
        "Only the lines that are needed are written here, and they end.\n"
        "\n"
        "på ikonet Klon formatering på Standardværktøjslinjen, og resten.\n"
        "\n"
        "An English paragraph begins here and goes on for a full line,\n"
        "if run with no arguments, it will only show the commands ne-\n"
        "\n"
        "En titel\n"
        "\n"
        "Et dansk afsnit begynder her og fortsætter i en hel linje, og\n"
        "her står der endnu en hel linje i spalten, og så står der Klik\n"
        "\n"
        "Overskrift\n"
        "\n"
        "eded to extend the file system, as the next lines will say.\n"
        "Then more English text follows on a line of its own here.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(text, "fit.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 10);
    CHECK(lines[0] == "Only the lines that are needed are written here, and they end.");
    CHECK(lines[2] == "if run with no arguments, it will only show the commands ne-");
    CHECK(lines[3] == "eded to extend the file system, as the next lines will say.");
    CHECK(lines[4] == "Then more English text follows on a line of its own here.");
    CHECK(lines[7] == "her står der endnu en hel linje i spalten, og så står der Klik");
    CHECK(lines[8] == "på ikonet Klon formatering på Standardværktøjslinjen, og resten.");
    CHECK(layout.moved_block_joins.size() == 2);
}

TEST_CASE("a paragraph broken at a full line is found where joined lines make most lines long", "[extractions][layout]") {
    // pdftotext's default mode prints some paragraphs as one line each (here six of sixteen
    // lines, 177 characters). Measured with them, no line of the column was full, and the
    // broken paragraph ("… og så står der") did not take back its rest.
    const std::string joined = "Denne lange linje er sat sammen af flere trykte linjer, som udtrækket har samlet til én. "
                               "Denne lange linje er sat sammen af flere trykte linjer, som udtrækket har samlet til én.\n";
    const std::string text = joined + joined + joined +
                             "\n"
                             "Første afsnit begynder her og fortsætter hen over en hel linje\n"
                             "og her står der endnu en hel linje i spalten, og så står der\n"
                             "\n"
                             "Overskrift\n"
                             "\n" +
                             joined + joined + joined +
                             "\n"
                             "resten af den afbrudte sætning står her for sig selv, og slut.\n"
                             "Og så kommer der mere tekst i afsnittet efter resten, og mere.\n"
                             "En linje mere med tekst i spalten står her, og den slutter nu.\n"
                             "Et andet afsnit begynder her og fortsætter hen over en linje,\n"
                             "og her står der endnu en hel linje i spalten, som slutter her.\n"
                             "Et tredje afsnit begynder her og går også hen over en linje,\n"
                             "og her står der endnu en hel linje i spalten, som slutter nu.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(text, "joined.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 16);
    CHECK(lines[4] == "og her står der endnu en hel linje i spalten, og så står der");
    CHECK(lines[5] == "resten af den afbrudte sætning står her for sig selv, og slut.");
    CHECK(lines[12] == "Overskrift");
    CHECK(layout.moved_block_joins.size() == 1);
}

TEST_CASE("a rest the line-joining extraction put under the next article's header goes back", "[extractions][layout]") {
    // pdftotext's default mode can set a column's first lines after the next article's header
    // (title, kind, author: three short lines), far from the Resumé line they end.
    const std::string joined = "Denne lange linje er sat sammen af flere trykte linjer, som udtrækket har samlet til én. "
                               "Denne lange linje er sat sammen af flere trykte linjer, som udtrækket har samlet til én.\n";
    const auto text_with = [&](const std::string& long_lines) {
        return long_lines +
               "\n"
               "Eksport\n"
               "LEDER\n"
               "Hanne Erik Østergaard\n"
               "\n"
               "fra, samt de felter, du vil medtage i rapporten, står her.\n"
               "Og så kommer der mere tekst i afsnittet efter resten, og mere.\n"
               "\n"
               "Rapportguide\n"
               "STATUSARTIKEL\n"
               "Mikkel Høj\n"
               "RESUMÉ\n"
               "Angiver den tabel eller forespørgsel, du vil oprette rapporten\n"
               "\n"
               "Et andet afsnit begynder her og fortsætter hen over en linje,\n"
               "og her står der endnu en hel linje i spalten, som slutter her.\n" +
               long_lines;
    };
    const std::string long_lines = joined + joined + joined;
    const detail::LayoutResult layout = detail::repair_layout(make_source(text_with(long_lines), "header.txt"));
    REQUIRE(layout.moved_block_joins.size() == 1);
    CHECK(layout.lines[layout.moved_block_joins[0].paragraph_end].text.text() ==
          "Angiver den tabel eller forespørgsel, du vil oprette rapporten");
    const std::vector<std::string> lines = text_lines(layout);
    const auto broken = std::find(lines.begin(), lines.end(), "Angiver den tabel eller forespørgsel, du vil oprette rapporten");
    REQUIRE(broken != lines.end());
    REQUIRE(broken + 1 != lines.end());
    CHECK(*(broken + 1) == "fra, samt de felter, du vil medtage i rapporten, står her.");
    // An extraction that keeps the printed lines does not move blocks past a header: a
    // lower-case block there is left where it stands.
    const std::string one_column_lines = "Denne linje er en trykt linje fra spalten, og den står alene her.\n"
                                         "Denne linje er også en trykt linje fra spalten, og den er lang.\n"
                                         "Denne linje er en tredje trykt linje, og den slutter også her.\n";
    const detail::LayoutResult kept = detail::repair_layout(make_source(text_with(one_column_lines), "kept.txt"));
    CHECK(kept.moved_block_joins.empty());
}

TEST_CASE("a rest goes back to the nearest broken paragraph, not the first in the text", "[extractions][layout]") {
    // Two paragraphs break at a full line; one rest, two lines under the second and fifteen
    // under the first. Nothing in the words decides, so the nearer paragraph takes it.
    std::string text =
        "Første afsnit begynder her og fortsætter hen over en hel linje\n"
        "og her står der endnu en hel linje i spalten, og så står der\n"
        "\n"
        "Overskrift\n"
        "\n";
    for (int i = 0; i < 6; ++i)
        text += "Et andet afsnit begynder her og fortsætter hen over en linje,\n"
                "og her står der endnu en hel linje i spalten, som slutter her.\n";
    text +=
        "\n"
        "Tredje afsnit begynder her og fortsætter også over en hel linje\n"
        "og her står der endnu en hel linje i spalten, og så står der\n"
        "\n"
        "En titel\n"
        "\n"
        "resten af den afbrudte sætning står her for sig selv, og slut.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(text, "nearest.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 19);
    CHECK(lines[1] == "og her står der endnu en hel linje i spalten, og så står der");
    CHECK(lines[2] == "Overskrift");
    CHECK(lines[15] == "Tredje afsnit begynder her og fortsætter også over en hel linje");
    CHECK(lines[16] == "og her står der endnu en hel linje i spalten, og så står der");
    CHECK(lines[17] == "resten af den afbrudte sætning står her for sig selv, og slut.");
    CHECK(lines[18] == "En titel");
}

// What pdftotext's default order does to a two-column page with paragraph spacing, and the
// evidence the parser uses against it.

TEST_CASE("language votes tell Danish running text from English and from names", "[extractions]") {
    using detail::language_votes;
    CHECK(language_votes("Det er ikke muligt at se, om patienten har en skade, og det kan vi ikke").danish_text());
    CHECK_FALSE(language_votes("Det er ikke muligt at se, om patienten har en skade, og det kan vi ikke").english_text());
    CHECK(language_votes("Shows or hides the Status bar at the bottom edge of the window, and you can").english_text());
    CHECK_FALSE(language_votes("Shows or hides the Status bar at the bottom edge of the window").danish_text());
    // Names, a citation, a heading: no votes either way.
    CHECK_FALSE(language_votes("Mikkel Holm, Ole Olsen & Ane Hansen").danish_text());
    CHECK_FALSE(language_votes("Mikkel Holm, Ole Olsen & Ane Hansen").english_text());
    CHECK_FALSE(language_votes("Ugeskr Læger 2004;166:383-6.").english_text());
    // Words common to both languages ("at", "for", "over") vote for neither.
    CHECK(language_votes("at for over under to").danish == 0);
    CHECK(language_votes("at for over under to").english == 0);
}

TEST_CASE("Danish text after the Summary ends it; English text after that goes on with it", "[extractions]") {
    const std::string text =
        "Skygge\n"
        "\n"
        "ORIGINAL ARTIKEL\n"
        "Mikkel Holm & Ole Olsen\n"
        "\n"
        "Resumé\n"
        "Skygger er nyttige. De giver dybde. Vi tegnede ti figurer.\n"
        "\n"
        "Summary\n"
        "Mikkel Holm & Ole Olsen: Shadows. Ugeskr Læger 2004;166:383-6.\n"
        "Shadows are useful. They give depth.\n"
        "\n"
        "Det er en anden spaltes tekst, og den kan ikke stå i et engelsk resumé.\n"
        "\n"
        "We drew ten figures, and the shadows of the figures are shown in the table.\n"
        "\n"
        "Korrespondance: Mikkel Holm, Afdeling A, Rigshospitalet, DK-2100 København Ø.\n";
    const Document document = parser().parse(make_source(text, "interleaved"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.summary);
    CHECK(texts(article.summary->sentences) ==
          std::vector<std::string>{"Shadows are useful.", "They give depth.",
                                   "We drew ten figures, and the shadows of the figures are shown in the table."});
    REQUIRE(article.sections.size() == 1);
    CHECK(texts(article.sections[0].sentences) ==
          std::vector<std::string>{"Det er en anden spaltes tekst, og den kan ikke stå i et engelsk resumé."});
    std::vector<std::string> notes;
    for (const auto& n : article.structure_notes) notes.push_back(n.message);
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].find("Danish text after the English Summary") != std::string::npos);
    CHECK(text.substr(article.structure_notes[0].span.start, 6) == "Det er");
    CHECK(notes[1].find("English text after Danish text") != std::string::npos);
    // A citation on its own line after the English text that went on is still the Summary's.
    const std::string cited = replace_all(replace_all(text, " Ugeskr Læger 2004;166:383-6.", ""),
                                          "shown in the table.\n", "shown in the table.\n\nUgeskr Læger 2004;166:383-6.\n");
    const Document second = parser().parse(make_source(cited, "interleaved-citelast"));
    REQUIRE(second.articles.size() == 1);
    REQUIRE(second.articles[0].summary);
    REQUIRE(second.articles[0].summary->citation);
    CHECK(second.articles[0].summary->citation->pages == "383-6");
    CHECK(second.articles[0].summary->sentences.size() == 3);
}

TEST_CASE("a Summary or an address inside another article goes to the article whose authors it names", "[extractions]") {
    // The second article's Summary and address were put before the first one's (and after the
    // second article's header) by the extraction; the first one's stand inside the second.
    const std::string text =
        "Lys\n"
        "\n"
        "KASUISTIK\n"
        "Ole Olsen\n"
        "\n"
        "Resumé\n"
        "Lys er nyttigt. Lys kommer fra lamper.\n"
        "\n"
        "Mørke\n"
        "\n"
        "LEDER\n"
        "Ane Holm-Nielsen & Per Berg\n"
        "\n"
        "Resumé\n"
        "Mørke er det modsatte af lys.\n"
        "\n"
        "Summary\n"
        "Ole Olsen: Light. Ugeskr Læger 2004;166:383-6.\n"
        "Light is useful. Light comes from lamps.\n"
        "\n"
        "Korrespondance: Ole Olsen, Afdeling A, Rigshospitalet, DK-2100 København Ø.\n"
        "\n"
        "Summary\n"
        "Ane HolmNielsen & Per Berg: Darkness. Ugeskr Læger 2004;166:387-8.\n"
        "Darkness is the opposite of light.\n"
        "\n"
        "Korrespondance: Ane Holm-Nielsen, Afdeling B, Rigshospitalet, DK-2100 København Ø.\n";
    const Document document = parser().parse(make_source(text, "moved-summaries"));
    REQUIRE(document.articles.size() == 2);
    const Article& light = document.articles[0];
    const Article& dark = document.articles[1];
    REQUIRE(light.summary);
    CHECK(text_of(light.summary->title) == "Light.");
    CHECK(texts(light.summary->sentences) == std::vector<std::string>{"Light is useful.", "Light comes from lamps."});
    REQUIRE(light.correspondence);
    CHECK(light.correspondence->text.starts_with("Ole Olsen, Afdeling A"));
    REQUIRE(dark.summary);
    CHECK(text_of(dark.summary->title) == "Darkness.");
    REQUIRE(dark.correspondence);
    CHECK(dark.correspondence->text.starts_with("Ane Holm-Nielsen, Afdeling B"));
    // The Summary's author list lost a hyphen the header keeps: both keep it.
    CHECK(dark.summary->authors == std::vector<std::string>{"Ane Holm-Nielsen", "Per Berg"});
    CHECK(dark.authors == std::vector<std::string>{"Ane Holm-Nielsen", "Per Berg"});
    // A repair says so: the layout stage's (the Summary's line is a joined one, and the
    // document writes the name with its hyphen) or else the author lists' reconciliation.
    bool repaired = false;
    for (const Repair& repair : document.repairs)
        repaired = repaired || repair.detail.find("Ane HolmNielsen spelt Ane Holm-Nielsen") != std::string::npos ||
                   repair.detail.starts_with("hyphen restored: Holm-Nielsen");
    CHECK(repaired);
    // Both articles say what was assumed; nothing is taken twice or left out.
    CHECK(has_note(light, "this article's Summary stands inside article 2"));
    CHECK(has_note(dark, "names the authors of article 1"));
    CHECK(has_note(light, "this article's correspondence address stands inside article 2"));
    CHECK(has_note(dark, "names an author of article 1"));
    for (const Section& section : dark.sections)
        for (const Sentence& sentence : section.sentences) CHECK(sentence.text.find("Light") == std::string::npos);
    // The last article, with its address, is complete.
    CHECK_FALSE(dark.truncated_end);
}

TEST_CASE("where an extraction joins broken lines, a line a little over a column ends its paragraph", "[extractions]") {
    // pdftotext's default mode writes a word broken at a line end whole, on one line with the
    // next: such a line is over a column long, and its last part is what the last line held.
    // Here a few lines run to two columns (55 code points is the column), and the Resumé's last
    // line is 65 long: a full line and a short rest ending the paragraph, with no blank line.
    const std::string full = "Denne linje fylder hele spalten ud og slutter med ordet";
    std::string text = "Titel\n\nOVERSIGTSARTIKEL\nOle Olsen\n\nResumé\n";
    text += "Resuméet begynder her. " + full + "\n";
    text += "og resuméet slutter her med en titelside på den allersidste side.\n";
    text += "Brødteksten begynder her med en linje, som fylder spalten,\n";
    for (int i = 0; i < 30; ++i) text += full + "\n";
    for (int i = 0; i < 3; ++i) text += full + " " + full + "\n";
    text += "og slutter her.\n\nSummary\nOle Olsen: Title. Ugeskr Læger 2004;166:383-6.\nOne. Two.\n";
    const Document document = parser().parse(make_source(text, "joined"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.resume.size() == 2);
    CHECK(article.resume.back().text.ends_with("på den allersidste side."));
    REQUIRE(article.sections.size() == 1);
    CHECK(article.sections[0].sentences.at(0).text.starts_with("Brødteksten begynder her"));
    // Without lines over one and a half columns, a line 1.18 columns long is one line that
    // fills the column: it ends no paragraph (-raw and -layout keep lines as printed).
    std::string plain = text;
    for (std::size_t at = plain.find(full + " " + full); at != std::string::npos; at = plain.find(full + " " + full))
        plain.replace(at, 2 * full.size() + 1, full);
    const Document unjoined = parser().parse(make_source(plain, "unjoined"));
    REQUIRE(unjoined.articles.size() == 1);
    CHECK(unjoined.articles[0].resume.size() == 3);
}

TEST_CASE("a subtitle wrapped at a hyphen is a title line; an address broken above a title is not", "[extractions]") {
    // Without blank lines (pdftotext -raw), the title lines are found by reading up from the
    // rubric. A lower-case line that carries on a broken word is part of the title when the
    // broken line can itself be one (no address's commas and digits, no finished sentence).
    const std::string first = "Forrige artikel\nOVERSIGTSARTIKEL\nOle Olsen\nResumé\nEn kort sætning her.\n"
                              "Brødteksten står her.\nKorrespondance: Ole Olsen, Kirurgisk afdeling, Rigshospi-\n"
                              "talet, Blegdamsvej 9, DK-2100 København\n";
    const std::string second_head = "Søg og slet maskiner\nÆndre eksisterende maskiner / Netgroup-\nhåndtering\n"
                                    "STATUSARTIKEL\nHenrik Olsen-Madsen & Fie Dahl\nResumé\nMaskinhåndtering er let.\n";
    const Document document = parser().parse(make_source(first + second_head, "wrapped-subtitle"));
    REQUIRE(document.articles.size() == 2);
    const Article& article = document.articles[1];
    REQUIRE(article.title);
    CHECK(article.title->text == "Søg og slet maskiner");
    REQUIRE(article.subtitle);
    CHECK(article.subtitle->text.starts_with("Ændre eksisterende maskiner / Netgroup"));
    CHECK(article.subtitle->text.ends_with("håndtering"));
    REQUIRE(document.articles[0].correspondence);
    CHECK(document.articles[0].correspondence->text.ends_with("DK-2100 København"));

    // The same address directly above a one-line title: its lower-case line carries on the
    // broken hospital name and stays with the address.
    const std::string third = "Forrige artikel\nOVERSIGTSARTIKEL\nOle Olsen\nResumé\nEn kort sætning her.\n"
                              "Korrespondance: Ole Olsen, Kirurgisk afdeling,\nRigshospitalet, Blegdams-\n"
                              "vej 9, DK-2100 København\nSøg og slet maskiner\nSTATUSARTIKEL\nFie Dahl\nResumé\nEn sætning.\n";
    const Document address = parser().parse(make_source(third, "address-above-title"));
    REQUIRE(address.articles.size() == 2);
    REQUIRE(address.articles[1].title);
    CHECK(address.articles[1].title->text == "Søg og slet maskiner");
    CHECK_FALSE(address.articles[1].subtitle);
    REQUIRE(address.articles[0].correspondence);
    CHECK(address.articles[0].correspondence->text.ends_with("DK-2100 København"));
}

TEST_CASE("a Resumé whose every possible last line fills the column ends at the Summary's count", "[extractions]") {
    // No blank lines, and every sentence ends at a full line: nothing in the layout ends the
    // Resumé, which runs on to the first short line. Its Summary has three sentences; the
    // line-end sentence end nearest that count is where it is taken to end.
    const auto full_line = [](char tag) {
        std::string line = std::string("Saetning ") + tag + " fylder hele spalten ud med mange ord her";
        while (line.size() < 54) line += 'o';
        return line + ".";
    };
    std::string text = "Titel\nOVERSIGTSARTIKEL\nOle Olsen\nResumé\n";
    for (const char tag : std::string("abc")) text += full_line(tag) + "\n";
    for (const char tag : std::string("defghij")) text += full_line(tag) + "\n";
    text += "Kort linje slutter.\nSummary\nOle Olsen: Title. Ugeskr Læger 2004;166:383-6.\n"
            "One sentence here. Two sentences here. Three sentences here.\n";
    const Document document = parser().parse(make_source(text, "full-lines"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.summary);
    REQUIRE(article.summary->sentences.size() == 3);
    REQUIRE(article.resume.size() == 3);
    CHECK(article.resume.back().text.starts_with("Saetning c "));
    REQUIRE_FALSE(article.sections.empty());
    CHECK(article.sections.front().sentences.front().text.starts_with("Saetning d "));
    const bool noted = has_note(article, "nearest that count");
    CHECK(noted);
}

TEST_CASE("English text after an interrupted Summary that its own citation line closed is not its continuation", "[extractions]") {
    const std::string danish = "Angiver standard nedre grænse for arrays som nul eller et, og det er den samme som det bibliotek, det tilhører.\n";
    const std::string english = "Specifies the size and the position of the selected image, frame, or object on a page. "
                                "Specify the properties for the selected image and the frame.\n";
    const auto make = [&](bool cite_last) {
        std::string text = "Titel\n\nOVERSIGTSARTIKEL\nOle Olsen\n\nResumé\nResuméet er kort. Det har to sætninger.\n\n"
                           "Brødteksten står her og er dansk.\n\nSummary\nOle Olsen:\n";
        text += cite_last ? "The title.\n" : "The title. Ugeskr Læger 2004;166: 432-6\n";
        text += "The abstract has one sentence here. It has a second one there.\n";
        if (cite_last) text += "Ugeskr Læger 2004;166: 432-6\n";
        text += "\n" + danish + "\n" + english;
        return parser().parse(make_source(text, cite_last ? "cite-last" : "cite-first"));
    };
    const Document closed = make(true);
    REQUIRE(closed.articles.size() == 1);
    REQUIRE(closed.articles[0].summary);
    REQUIRE(closed.articles[0].summary->citation);
    CHECK(closed.articles[0].summary->sentences.size() == 2);
    REQUIRE(closed.articles[0].summary->title);
    CHECK(closed.articles[0].summary->title->text == "The title.");
    // Without a closing citation the English text still goes on with the interrupted Summary.
    const Document open = make(false);
    REQUIRE(open.articles.size() == 1);
    REQUIRE(open.articles[0].summary);
    CHECK(open.articles[0].summary->sentences.size() == 4);
}

TEST_CASE("a last article without Resumé and Summary that ends a sentence is complete, one with a Resumé is cut off", "[extractions]") {
    const std::string first = "Lys\n\nKASUISTIK\nOle Olsen\n\nResumé\nLys er nyttigt.\n\n"
                              "Summary\nOle Olsen: Light. Ugeskr Læger 2004;166:383-6.\nLight is useful.\n\n"
                              "Korrespondance: Ole Olsen, Afdeling A, Rigshospitalet, DK-2100 København Ø.\n\n";
    const Document leder = parser().parse(make_source(first + "Mørke\n\nLEDER\nAne Holm\n\nMørke er det modsatte af lys.\n", "leder"));
    REQUIRE(leder.articles.size() == 2);
    CHECK_FALSE(leder.articles[1].truncated_end);
    const auto& notes = leder.articles[1].structure_notes;
    CHECK(std::any_of(notes.begin(), notes.end(), [](const StructureNote& n) { return n.message.find("taken as complete") != std::string::npos; }));
    // Ending mid-sentence, or with a Resumé whose Summary is missing, it is cut off.
    const Document broken = parser().parse(make_source(first + "Mørke\n\nLEDER\nAne Holm\n\nMørke er det modsatte af\n", "leder-cut"));
    REQUIRE(broken.articles.size() == 2);
    CHECK(broken.articles[1].truncated_end);
    const Document with_resume =
        parser().parse(make_source(first + "Mørke\n\nKASUISTIK\nAne Holm\n\nResumé\nMørke er godt.\n\nMørke er det modsatte af lys.\n", "cut"));
    REQUIRE(with_resume.articles.size() == 2);
    CHECK(with_resume.articles[1].truncated_end);
}

TEST_CASE("a title the extraction parted from its rubric by other blocks is still the article's title", "[extractions]") {
    // `pdftotext`'s default order put a sentence's broken-off end between the title and the
    // rubric: nothing title-like stands right above the rubric, the title one block higher.
    const std::string start = "Ordfuldførelse\n\nLibreOffice - Funktioner - Sprog.\n\nVIDENSKABELIG ARTIKEL Ole Olsen & Fie Dahl\n\n"
                              "Resumé\nOrdet fuldføres, mens du skriver. Listen gemmer ordene.\n\nBrødteksten står her.\n\n"
                              "Summary\nOle Olsen & Fie Dahl: Word completion. Ugeskr Læger 2004;166:383-6.\n"
                              "The word is completed as you type. The list stores the words.\n\n";
    const Document first = parser().parse(make_source(start, "title-apart-first"));
    REQUIRE(first.articles.size() == 1);
    const Article& article = first.articles[0];
    CHECK_FALSE(article.truncated_start);
    REQUIRE(article.title);
    CHECK(article.title->text == "Ordfuldførelse");
    CHECK(article.resume.size() == 2);
    REQUIRE(article.summary);
    CHECK(article.summary->sentences.size() == 2);
    // The block between title and rubric stays in the article, as body text, with a note.
    REQUIRE_FALSE(article.sections.empty());
    CHECK(article.sections.front().sentences.front().text == "LibreOffice - Funktioner - Sprog.");
    CHECK(has_note(article, "has no title above it"));

    // Inside a file: the broken-off end of the article before stands between the next title and
    // its rubric; that title begins the next article.
    const Document inside = parser().parse(make_source(
        start + "Korrespondance: Ole Olsen, Afdeling A, Rigshospitalet, DK-2100 København Ø.\n\n"
                "Kildefil\n\npunkter.\n\nORIGINAL ARTIKEL Signe Winther\n\nResumé\nFilen vælges her.\n",
        "title-apart-inside"));
    REQUIRE(inside.articles.size() == 2);
    REQUIRE(inside.articles[1].title);
    CHECK(inside.articles[1].title->text == "Kildefil");
    REQUIRE(inside.articles[0].correspondence);

    // Above the rubric a finished sentence, and above that another: no title anywhere near, so
    // the text before the rubric stays an article the source begins inside.
    const Document none = parser().parse(make_source(
        "Det regner i dag.\n\nVi bliver hjemme.\n\nLEDER Ane Holm\n\nMørke er det modsatte af lys.\n", "no-title"));
    REQUIRE(none.articles.size() == 2);
    CHECK(none.articles[0].truncated_start);
    CHECK_FALSE(none.articles[1].title);

    // A title the column wrapped carries its first line on in lower case; set apart above
    // the moved block, it is the title just the same.
    const Document wrapped = parser().parse(make_source(
        "Flyt rektangulære og elliptiske\nmarkeringer\n\nBestemmer at alle variable skal være erklæret.\n\n"
        "VIDENSKABELIG ARTIKEL Lars Ærbo\n\nResumé\nMarkeringen flyttes her.\n",
        "title-apart-wrapped"));
    REQUIRE(wrapped.articles.size() == 1);
    REQUIRE(wrapped.articles[0].title);
    CHECK(wrapped.articles[0].title->text == "Flyt rektangulære og elliptiske markeringer");
    CHECK_FALSE(wrapped.articles[0].truncated_start);
    // A block whose second line goes on in lower case but ends a sentence is text, not a title.
    const Document sentence = parser().parse(make_source(
        "Flyt rektangulære og elliptiske\nmarkeringer med musen.\n\nBestemmer at alle variable skal være erklæret.\n\n"
        "VIDENSKABELIG ARTIKEL Lars Ærbo\n\nResumé\nMarkeringen flyttes her.\n",
        "title-apart-sentence"));
    REQUIRE(sentence.articles.size() == 2);
    CHECK_FALSE(sentence.articles[1].title);
}

namespace {

// The Resumé the tests of a structured Resumé's moved first part expect: its two parts' text.
void check_two_part_resume(const Article& article) {
    CHECK(texts(article.resume) ==
          std::vector<std::string>{"Erstat er den mest brugte tilstand.", "Den erstatter markeringen.", "Nye markeringer lægges til."});
    REQUIRE(article.resume_parts.size() == 2);
    CHECK(article.resume_parts[0].label == "Introduktion");
}

}  // namespace

TEST_CASE("a block without a label before a structured Resumé's first part is body text", "[extractions]") {
    // The default order set another column's paragraph between the Resumé label and the
    // structured Resumé's first part.
    const std::string text = "Flyt markeringer\n\nVIDENSKABELIG ARTIKEL Lars Ærbo\n\nRESUMÉ\n\n"
                             "Angiver at programmet understøtter visse udsagn.\n\n"
                             "Introduktion: Erstat er den mest brugte tilstand. Den erstatter markeringen.\n"
                             "Resultater: Nye markeringer lægges til.\n\nBrødteksten står her.\n";
    const Document document = parser().parse(make_source(text, "moved-before-parts"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    check_two_part_resume(article);
    bool in_body = false;
    for (const Section& section : article.sections)
        for (const Sentence& s : section.sentences) in_body = in_body || s.text == "Angiver at programmet understøtter visse udsagn.";
    CHECK(in_body);
    CHECK(has_note(article, "has no label: it is taken as body text"));

    // A Resumé that goes on with a later part's label keeps its first block: only the first
    // part's label says the structure starts there.
    const std::string later = "Flyt markeringer\n\nVIDENSKABELIG ARTIKEL Lars Ærbo\n\nRESUMÉ\n\n"
                              "Angiver at programmet understøtter visse udsagn.\n\n"
                              "Resultater: Nye markeringer lægges til.\n\nBrødteksten står her.\n";
    const Document kept = parser().parse(make_source(later, "later-part"));
    REQUIRE(kept.articles.size() == 1);
    REQUIRE_FALSE(kept.articles[0].resume.empty());
    CHECK(kept.articles[0].resume.front().text == "Angiver at programmet understøtter visse udsagn.");
}

TEST_CASE("a structured Resumé's first part after body text takes the Resumé from the text after the label",
          "[extractions]") {
    // The default order set two of another column's paragraphs between the lone Resumé label
    // and the structured Resumé's first part; the Summary ahead is structured too.
    const auto article_with = [](const std::string& summary_text) {
        return "Flyt markeringer\n\nVIDENSKABELIG ARTIKEL Lars Ærbo\n\nRESUMÉ\n\n"
               "Angiver at programmet understøtter visse udsagn.\n\nViser rækken Funktion i vinduet.\n\n"
               "Introduktion: Erstat er den mest brugte tilstand. Den erstatter markeringen.\n"
               "Resultater: Nye markeringer lægges til.\n\nBrødteksten står her.\n\n"
               "SUMMARY Lars Ærbo: Moving selections. Ugeskr Læger 2003;165:3350-5.\n" +
               summary_text;
    };
    const std::string structured =
        article_with("Introduction: Replace is the mode used most. It replaces the selection.\nResults: New selections are added.\n");
    const Document document = parser().parse(make_source(structured, "first-part-after-body"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    check_two_part_resume(article);
    std::vector<std::string> body;
    for (const Section& section : article.sections)
        for (const Sentence& s : section.sentences) body.push_back(s.text);
    REQUIRE(body.size() >= 3);
    // The moved paragraphs open the body in their order, before the body's own text.
    CHECK(body[0] == "Angiver at programmet understøtter visse udsagn.");
    CHECK(body[1] == "Viser rækken Funktion i vinduet.");
    CHECK(has_note(article, "comes after body text: the text after the Resumé label is taken as body text"));

    // With a plain Summary the labelled paragraph is the body's ("Introduktion" opens many
    // bodies): the Resumé keeps the text after its label.
    const std::string plain = article_with("Replace is the mode used most. It replaces the selection. New selections are added.\n");
    const Document kept = parser().parse(make_source(plain, "plain-summary"));
    REQUIRE(kept.articles.size() == 1);
    REQUIRE_FALSE(kept.articles[0].resume.empty());
    CHECK(kept.articles[0].resume.front().text == "Angiver at programmet understøtter visse udsagn.");
    CHECK(kept.articles[0].resume_parts.empty());
}

TEST_CASE("a structured Resumé's parts interleaved with its Summary's go back to the Resumé", "[extractions]") {
    // The default order read the two abstracts' columns part by part: each Danish part comes
    // after the English one of the same rank, and another column's paragraph stands between.
    const auto article_with = [](const std::string& summary_text) {
        return "Flyt markeringer\n\nVIDENSKABELIG ARTIKEL Lars Ærbo\n\nRESUMÉ\nIntroduktion\n"
               "Erstat er den mest brugte tilstand.\n\nVindue\nÅbn dokumentet i vinduet.\n\n"
               "SUMMARY\nLars Ærbo:\nMoving selections.\nUgeskr Læger 2003;165:3350-5.\n" +
               summary_text + "\nResultater\nNye markeringer lægges til.\n\n";
    };
    const std::string interleaved = article_with("Introduction\nReplace is the mode used most.\nResults\nNew selections are added.\n") +
                                    "Conclusion\nThe selection moves with the mouse.\n\nKonklusion\nMarkeringen flyttes med musen.\n\n"
                                    "Korrespondance: Lars Ærbo, Afdeling A, Rigshospitalet, DK-2100 København Ø.\n";
    const Document document = parser().parse(make_source(interleaved, "interleaved-parts"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(texts(article.resume) == std::vector<std::string>{"Erstat er den mest brugte tilstand.", "Nye markeringer lægges til.",
                                                            "Markeringen flyttes med musen."});
    REQUIRE(article.resume_parts.size() == 3);
    CHECK(article.resume_parts[1].label == "Resultater");
    CHECK(article.resume_parts[2].label == "Konklusion");
    REQUIRE(article.summary);
    CHECK(texts(article.summary->sentences) == std::vector<std::string>{"Replace is the mode used most.", "New selections are added.",
                                                                         "The selection moves with the mouse."});
    CHECK(has_note(article, "among the Summary's parts: taken as the Resumé's"));
    REQUIRE(article.correspondence);

    // After a Summary without parts, a section headed "Resultater" stays the body's.
    const Document plain = parser().parse(make_source(article_with("Replace is the mode used most. New selections are added.\n"), "plain"));
    REQUIRE(plain.articles.size() == 1);
    CHECK(plain.articles[0].resume_parts.size() == 1);
    CHECK(texts(plain.articles[0].resume) == std::vector<std::string>{"Erstat er den mest brugte tilstand."});
}

TEST_CASE("a subtitle alone above its rubric takes the title the extraction set apart above it", "[extractions]") {
    // `pdftotext`'s default order left only the subtitle, which goes on from its title with a
    // dash, above the rubric; the title stands above a long block of the page's other column.
    std::string moved;
    for (int i = 0; i < 8; ++i) moved += "Der anvendes forskellige metoder til isolering af celler fra knoglemarven.\n";
    const std::string previous = "Forrige artikel\nLEDER Ane Holm\n\nMørke er det modsatte af lys.\n\n"
                                 "Korrespondance: Ane Holm, Afdeling A, Rigshospitalet, DK-2100 København Ø.\n\n";
    const std::string text = previous + "Mesenkymal stamcelleterapi\n\n" + moved + "\n– nøglen til regenerativ medicin?\n"
                             "OVERSIGTSARTIKEL\nOle Olsen & Fie Dahl\nResumé\nStamceller findes i knoglemarven. De kan meget.\n\n"
                             "Brødteksten står her.\n\nSummary\nOle Olsen & Fie Dahl: Stem cells. Ugeskr Læger 2004;166:383-6.\n"
                             "Stem cells are found in the bone marrow. They can do a lot.\n";
    const Document document = parser().parse(make_source(text, "subtitle-apart"));
    REQUIRE(document.articles.size() == 2);
    const Article& article = document.articles[1];
    REQUIRE(article.title);
    CHECK(article.title->text == "Mesenkymal stamcelleterapi");
    REQUIRE(article.subtitle);
    CHECK(article.subtitle->text == "– nøglen til regenerativ medicin?");
    // The block between is the article's first body text, with a note; the article before keeps its own.
    REQUIRE_FALSE(article.sections.empty());
    CHECK(article.sections.front().sentences.front().text.starts_with("Der anvendes forskellige metoder"));
    CHECK(has_note(article, "has only a subtitle above it"));
    REQUIRE(document.articles[0].title);
    CHECK(document.articles[0].title->text == "Forrige artikel");
    for (const Section& section : document.articles[0].sections)
        for (const Sentence& sentence : section.sentences) CHECK_FALSE(sentence.text.starts_with("Der anvendes"));

    // Set right above the rubric after a blank line, the title is found the same way.
    const Document near = parser().parse(make_source(
        previous + "Mesenkymal stamcelleterapi\n\n– nøglen til regenerativ medicin?\nOVERSIGTSARTIKEL\nOle Olsen\n"
                   "Resumé\nStamceller findes i knoglemarven.\n",
        "subtitle-apart-near"));
    REQUIRE(near.articles.size() == 2);
    REQUIRE(near.articles[1].title);
    CHECK(near.articles[1].title->text == "Mesenkymal stamcelleterapi");
    REQUIRE(near.articles[1].subtitle);
    CHECK(near.articles[1].subtitle->text == "– nøglen til regenerativ medicin?");

    // A line without the dash above the rubric is the title itself.
    const Document plain = parser().parse(make_source(
        previous + "Mesenkymal stamcelleterapi\n\nNøglen til regenerativ medicin\nOVERSIGTSARTIKEL\nOle Olsen\n"
                   "Resumé\nStamceller findes i knoglemarven.\n",
        "no-subtitle"));
    REQUIRE(plain.articles.size() == 2);
    REQUIRE(plain.articles[1].title);
    CHECK(plain.articles[1].title->text == "Nøglen til regenerativ medicin");
}

TEST_CASE("titles stacked at the document's start go to the rubrics that have none, in order", "[extractions]") {
    // `pdftotext`'s default order printed the page's two titles first; the second rubric
    // has no title above it (the first article's last sentence stands there).
    const std::string first = "Indstillinger\n\nÅbn fil\n\nLEDER Fie Iversen\nIndtast stien til skabelonen her.\n"
                              "Programmet gemmer skabelonen for dig.\n\n";
    const std::string second = "OVERSIGTSARTIKEL Rikke Winther & Ole Olsen\nResumé\nFilen åbnes her. Den vises straks.\n\n"
                               "Brødteksten står her.\n\nSummary\nRikke Winther & Ole Olsen: Open file. Ugeskr Læger 2005;167:1943-5.\n"
                               "The file is opened here. It is shown at once.\n";
    const Document document = parser().parse(make_source(first + second, "stacked-titles"));
    REQUIRE(document.articles.size() == 2);
    REQUIRE(document.articles[0].title);
    CHECK(document.articles[0].title->text == "Indstillinger");
    CHECK_FALSE(document.articles[0].truncated_start);
    CHECK(document.articles[0].kind == "LEDER");
    REQUIRE(document.articles[1].title);
    CHECK(document.articles[1].title->text == "Åbn fil");
    CHECK(document.articles[1].kind == "OVERSIGTSARTIKEL");
    // The stacked titles are no body text of the first article.
    for (const Section& section : document.articles[0].sections) {
        CHECK_FALSE(section.heading);
        for (const Sentence& sentence : section.sentences) CHECK(sentence.text.find("Åbn fil") == std::string::npos);
    }
    CHECK(has_note(document.articles[1], "stacked at the document's start"));

    // A stacked title may wrap after a colon; a block ending in one is no title.
    const std::string wrapped = "Kombinationsfelt- / Rullelisteguide:\nTabeludvalg\n\n" + first.substr(first.find("Åbn fil"));
    const Document colon = parser().parse(make_source(wrapped + second, "stacked-colon"));
    REQUIRE(colon.articles.size() == 2);
    REQUIRE(colon.articles[0].title);
    CHECK(colon.articles[0].title->text == "Kombinationsfelt- / Rullelisteguide: Tabeludvalg");
    REQUIRE(colon.articles[1].title);
    CHECK(colon.articles[1].title->text == "Åbn fil");
    const Document open_ended = parser().parse(make_source("Indstillinger:\n\n" + first.substr(first.find("Åbn fil")) + second, "colon-end"));
    for (const Article& article : open_ended.articles) {
        if (article.kind == "LEDER") {
            REQUIRE(article.title);
            CHECK(article.title->text == "Åbn fil");
        }
        if (article.kind == "OVERSIGTSARTIKEL") CHECK_FALSE(article.title);
    }

    // Where every rubric has a title, a block above the first title is not taken for one.
    const std::string titled = "Indstillinger\n\nÅbn fil\n\nLEDER Fie Iversen\nIndtast stien til skabelonen her.\n\n"
                               "Vis fil\nOVERSIGTSARTIKEL Rikke Winther\nResumé\nFilen åbnes her.\n";
    const Document plain = parser().parse(make_source(titled, "titled"));
    REQUIRE(plain.articles.size() == 3);
    CHECK(plain.articles[0].truncated_start);
    REQUIRE(plain.articles[1].title);
    CHECK(plain.articles[1].title->text == "Åbn fil");
    REQUIRE(plain.articles[2].title);
    CHECK(plain.articles[2].title->text == "Vis fil");
}

TEST_CASE("two titles stacked with their subtitles under them go to their rubrics row by row", "[extractions]") {
    // The page's two articles stand side by side, each a title with a subtitle under it; the
    // default order printed the two titles, then the two subtitles, then the first rubric.
    const std::string stack = "Indsæt kildetekst\n\nRnd-funktion\n\n– om kildetekst\n\nCentrér (lodret)\n\n";
    const std::string first = "OVERSIGTSARTIKEL\nRikke Winther & Ole Olsen\nResumé\nFilen åbnes her. Den vises straks.\n\n";
    const std::string second = "LEDER\nFie Iversen\nIndtast stien til skabelonen her.\nProgrammet gemmer skabelonen for dig.\n\n";
    const std::string third = "Vis fil\nKASUISTIK\nAne Holm\nFilen vises her.\n";
    const Document document = parser().parse(make_source(stack + first + second + third, "stacked-subtitles"));
    REQUIRE(document.articles.size() == 3);
    REQUIRE(document.articles[0].title);
    CHECK(document.articles[0].title->text == "Indsæt kildetekst");
    REQUIRE(document.articles[0].subtitle);
    CHECK(document.articles[0].subtitle->text == "– om kildetekst");
    CHECK_FALSE(document.articles[0].truncated_start);
    REQUIRE(document.articles[1].title);
    CHECK(document.articles[1].title->text == "Rnd-funktion");
    REQUIRE(document.articles[1].subtitle);
    CHECK(document.articles[1].subtitle->text == "Centrér (lodret)");
    CHECK(document.articles[1].kind == "LEDER");
    REQUIRE(document.articles[2].title);
    CHECK(document.articles[2].title->text == "Vis fil");
    CHECK_FALSE(document.articles[2].subtitle);
    CHECK(has_note(document.articles[0], "their subtitles below them"));

    // A title that opens with a dash is no title: the stack is not read as titles and subtitles.
    const std::string dashed = "Indsæt kildetekst\n\n– om kildetekst\n\nRnd-funktion\n\nCentrér (lodret)\n\n";
    const Document apart = parser().parse(make_source(dashed + first + second + third, "stacked-dash-title"));
    for (const Article& article : apart.articles)
        if (article.title) CHECK(article.title->text != "– om kildetekst");
}

TEST_CASE("a Summary its own citation line closed does not take the short block after it", "[extractions]") {
    // The next article's title, which the extraction put after the Summary, is neither English
    // running text nor Danish: it used to go on with the Summary and spoil its citation.
    const std::string text = "Lys\n\nKASUISTIK\nOle Olsen\n\nResumé\nLys er nyttigt. Lys er godt.\n\nBrødteksten står her.\n\n"
                             "Summary\nOle Olsen:\nLight.\nLight is useful. Light is good.\nUgeskr Læger 2004;166: 462-6\n\n"
                             "Eksempler på Kemiske formler\n\nMørke\n\nLEDER\nAne Holm\n\nMørke er det modsatte af lys.\n";
    const Document document = parser().parse(make_source(text, "closed-summary"));
    REQUIRE(document.articles.size() == 2);
    const Article& article = document.articles[0];
    REQUIRE(article.summary);
    REQUIRE(article.summary->citation);
    CHECK(article.summary->citation->pages == "462-6");
    CHECK(texts(article.summary->sentences) == std::vector<std::string>{"Light is useful.", "Light is good."});
    // The block stays in the article, as body text.
    bool in_body = false;
    for (const Section& section : article.sections) {
        if (section.heading && section.heading->text == "Eksempler på Kemiske formler") in_body = true;
        for (const Sentence& s : section.sentences) in_body = in_body || s.text == "Eksempler på Kemiske formler";
    }
    CHECK(in_body);
}

TEST_CASE("a block that ends in a heading is followed by a moved rest as one that ends a sentence is", "[extractions][layout]") {
    // The rest of a broken paragraph stands after a block whose last line is a heading (its
    // text went to the next column): the heading ends that block, so the rest is taken back.
    const auto text = [](const std::string& block_end) {
        return "Et afsnit med stort begyndelsesbogstav som fylder hele\n"
               "spalten og slutter med en hel sætning her i linjen nu.\n" +
               block_end +
               "\n\n"
               "mere tilgængelige for brugere med nedsat syn, begrænset\n"
               "behændighed eller andre handicap.\n"
               "\n"
               "Andet afsnit begynder med stort og fortsætter i en linje\n"
               "Sætter indstillinger, som gør programmerne i LibreOffice\n"
               "\n"
               "Overskrift\n"
               "Et afsnit med stort begyndelsesbogstav som slutter her.\n";
    };
    const detail::LayoutResult layout = detail::repair_layout(make_source(text("Fremtidige perspektiver"), "heading-end.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 9);
    CHECK(lines[2] == "Fremtidige perspektiver");
    CHECK(lines[3] == "Andet afsnit begynder med stort og fortsætter i en linje");
    CHECK(lines[5] == "mere tilgængelige for brugere med nedsat syn, begrænset");
    CHECK(layout.moved_block_joins.size() == 1);
    // A short last line in lower case carries its sentence on: no heading, and the block
    // after it is no rest that stands alone.
    const detail::LayoutResult running = detail::repair_layout(make_source(text("og kort"), "running-end.txt"));
    CHECK(running.moved_block_joins.empty());
}

TEST_CASE("words the extraction tore out of a wide-spaced justified line go back into it", "[extractions][layout]") {
    // pdftotext's default mode set the last three words of "Konklusion: Nulstiller ændrede
    // værdier tilbage til" apart, one per block after the paragraph.
    const std::string paragraph = "Materiale og metoder: Gemmer de ofte anvendte ord her og\n"
                                  "fuldfører automatisk et ord, efter du har skrevet et par\n"
                                  "bogstaver som stemmer overens med et lagret ord i listen.\n"
                                  "Konklusion: Nulstiller ændrede\n"
                                  "fanebladets forrige værdier.\n"
                                  "\nværdier\n\ntilbage\n\ntil\n\n";
    const std::string after = "Find det bibliotek som du vil føje til listen, og klik på\n"
                              "knappen Åbn for at erstatte et bibliotek med samme navn.\n"
                              "Brug ordlisten til at slå ukendte begreber op i et program.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(paragraph + after, "torn.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 11);
    CHECK(lines[3] == "Konklusion: Nulstiller ændrede");
    CHECK(lines[4] == "værdier");
    CHECK(lines[5] == "tilbage");
    CHECK(lines[6] == "til");
    CHECK(lines[7] == "fanebladets forrige værdier.");
    REQUIRE(layout.moved_block_joins.size() == 1);
    CHECK(layout.lines[layout.moved_block_joins[0].paragraph_end].text.text() == "Konklusion: Nulstiller ændrede");
    const Document document = Parser().parse(make_source(paragraph + after, "torn.txt"));
    REQUIRE(document.articles.size() == 1);
    bool whole = false;
    for (const Section& section : document.articles[0].sections)
        for (const Sentence& s : section.sentences)
            whole = whole || s.text == "Konklusion: Nulstiller ændrede værdier tilbage til fanebladets forrige værdier.";
    CHECK(whole);

    // Two short lines the words could fill: no guess, the words stay where they stand.
    std::string two = paragraph;
    two.replace(two.find("fuldfører automatisk et ord, efter du har skrevet et par"), 56, "fuldfører automatisk et ord, efter");
    const detail::LayoutResult unsure = detail::repair_layout(make_source(two + after, "torn-two.txt"));
    CHECK(unsure.moved_block_joins.empty());
}

TEST_CASE("a hyphen the extraction dropped after an abbreviation comes back", "[extractions][layout]") {
    // pdftotext's default mode joins `SMTP-|server` into `SMTPserver` and `ASCII-|eller` into
    // `ASCIIeller` on lines over a column long. The document writes `SMTP` and `ASCII-tegn`
    // elsewhere: the hyphen goes back (with a space before the conjunction). `ATPase` (an
    // enzyme's suffix), `VBASupport` (capitals the document never writes alone), `PCens` (an inflection),
    // `Øjvind` (one capital) and `XMLfiler`, which a line of one column writes so too, stay.
    std::string text;
    for (int i = 0; i < 8; ++i) text += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    text += "Serveren taler SMTP og PC, og ASCII-tegn er tilladt i XML.\n"
            "Marker hvis din server til udgående post, som kaldes en SMTPserver kræver et brugernavn og en kode, så "
            "skriv ASCIIeller andre tegn\n"
            "Enzymet ATPase spalter ATP i cellen, og du kan se mere om VBASupport og PCens indstillinger for Øjvind her, "
            "og XMLfiler\n"
            "Gem XMLfiler her.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(text, "abbreviations.txt"));
    std::string all;
    for (const detail::SourceLine& line : layout.lines) all += std::string(line.text.text()) + "\n";
    CHECK(all.find("kaldes en SMTP-server kræver") != std::string::npos);
    CHECK(all.find("skriv ASCII- eller andre") != std::string::npos);
    CHECK(all.find("Enzymet ATPase spalter") != std::string::npos);
    CHECK(all.find("om VBASupport og PCens indstillinger for Øjvind her") != std::string::npos);
    CHECK(all.find("her, og XMLfiler") != std::string::npos);
    const auto restored = std::count_if(layout.repairs.begin(), layout.repairs.end(), [](const Repair& r) {
        return r.kind == Repair::Kind::normalized && r.detail.starts_with("hyphen restored");
    });
    CHECK(restored == 2);

    // A paragraph's short last line joined to the line before it is only a little over the
    // column: an abbreviation-shaped word there gets its hyphen back where the document writes
    // its capitals or its rest (`filen`) alone; `CTLsprog` (neither written alone) stays.
    const std::string short_join = text + "Ændr indstillingerne for CTLsprog, når læseren åbner PDFfilen.\nGem filen igen.\n";
    const detail::LayoutResult joined_end = detail::repair_layout(make_source(short_join, "paragraph-end.txt"));
    std::string joined_all;
    for (const detail::SourceLine& line : joined_end.lines) joined_all += std::string(line.text.text()) + "\n";
    CHECK(joined_all.find("for CTLsprog, når læseren åbner PDF-filen.") != std::string::npos);
    CHECK(joined_all.find("her, og XMLfiler") != std::string::npos);
}

TEST_CASE("a hyphen the extraction dropped after a name heading a Danish compound comes back", "[extractions][layout]") {
    // pdftotext's default mode joins `Skolelinux-|installationsprogrammet` into one word on a
    // line over a column long. The document writes `Skolelinux` and `syslog` alone, Danish
    // knows neither, and `installationsprogrammet`, `beskeder` are Danish: the hyphen goes
    // back (with a space before a conjunction: `TimeSerial- eller`). `stamcelleterapi` (a
    // Danish first part), `debianpakkerne` (the document writes only `Debian`) and
    // `syslogbeskederne`, written so twice, stay.
    const std::string column_lines = [] {
        std::string lines;
        for (int i = 0; i < 8; ++i) lines += "Brødteksten står her i en linje der fylder en hel spalte.\n";
        return lines + "Skolelinux bruger Debian, og syslog samler TimeSerial og mere i syslog.\n";
    }();
    const std::string joined =
        "Alle maskiner er installeret via Skolelinuxinstallationsprogrammet, og de sender deres syslogbeskeder til "
        "serveren med stamcelleterapi og debianpakkerne, mens TimeSerialeller andre funktioner og "
        "syslogbeskederne og syslogbeskederne står her.\n";
    const auto sentences_of = [](const Document& document) {
        std::string all;
        for (const Article& article : document.articles)
            for (const Section& section : article.sections)
                for (const Sentence& sentence : section.sentences) all += sentence.text + "\n";
        return all;
    };
    const Parser parser;
    const std::string all = sentences_of(parser.parse(make_source(column_lines + joined, "names.txt")));
    CHECK(all.find("via Skolelinux-installationsprogrammet, og") != std::string::npos);
    CHECK(all.find("deres syslog-beskeder til") != std::string::npos);
    CHECK(all.find("mens TimeSerial- eller andre") != std::string::npos);
    CHECK(all.find("med stamcelleterapi og debianpakkerne,") != std::string::npos);
    CHECK(all.find("og syslogbeskederne og syslogbeskederne står") != std::string::npos);
    // `syslog samler`, a word written twice: no suspended compound (`sysl- og`).
    CHECK(all.find("og syslog samler") != std::string::npos);

    // Text whose lines fill one column each was not joined by the extraction: a word written
    // closed there is the writer's.
    std::string wrapped = column_lines;
    for (int i = 0; i < 4; ++i) wrapped += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    wrapped += "Alle maskiner er installeret via Skolelinuxinstallationsprogrammet, og de\nsender syslog her.\n";
    const std::string plain = sentences_of(parser.parse(make_source(wrapped, "wrapped.txt")));
    INFO(plain);
    CHECK(plain.find("via Skolelinuxinstallationsprogrammet, og") != std::string::npos);
}

TEST_CASE("a hyphen the extraction dropped when it joined two lines comes back where the document writes it", "[extractions][layout]") {
    // pdftotext's default mode joins `E-|mail` into `Email` on a line over a column long. The
    // document writes `E-mail` and `Hansen-Lund` elsewhere, and never `Email` in a line of one
    // column: the hyphen goes back. `designtilstand` stays (`Design-tilstand` is written with
    // a capital, and a compound of common words is written either way).
    std::string text;
    for (int i = 0; i < 8; ++i) text += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    text += "Korrespondance: Ole Hansen-Lund, Kirurgisk afdeling, Rigshospitalet,\n"
            "DK-2100 København Ø. E-mail: ohl@dadlnet.dk\n"
            "Åbner formularer i Design-tilstand, sådan at de kan redigeres af dig.\n"
            "Korrespondance: Fie Dahl, Medicinsk afdeling, Herlev Hospital, DK-2730 Herlev. Email: fd@dadlnet.dk og se "
            "også HansenLund i listen her\n"
            "For at ændre egenskaberne for et kontrolelement i designtilstand, højreklik på kontrolelementet og vælg.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(text, "joined.txt"));
    std::string all;
    for (const detail::SourceLine& line : layout.lines) all += std::string(line.text.text()) + "\n";
    CHECK(all.find("Herlev. E-mail: fd@dadlnet.dk") != std::string::npos);
    CHECK(all.find("også Hansen-Lund i listen") != std::string::npos);
    CHECK(all.find("kontrolelement i designtilstand") != std::string::npos);
    const auto restored = std::count_if(layout.repairs.begin(), layout.repairs.end(), [](const Repair& r) {
        return r.kind == Repair::Kind::normalized && r.detail.starts_with("hyphen restored");
    });
    CHECK(restored == 2);

    // The same joined line where a line of one column writes `Email` too: the document
    // spells it both ways, nothing is restored.
    const detail::LayoutResult both = detail::repair_layout(make_source(text + "Skriv Email her.\n", "joined-both.txt"));
    std::string both_text;
    for (const detail::SourceLine& line : both.lines) both_text += std::string(line.text.text()) + "\n";
    CHECK(both_text.find("Herlev. Email: fd@dadlnet.dk") != std::string::npos);
}

TEST_CASE("a lower-case word or a chain loses a hyphen where the extraction joined two lines: it comes back at the join", "[extractions][layout]") {
    // pdftotext's default mode joins `apt-|listchanges` into `aptlistchanges` and
    // `munin-|node-configure` into `muninnode-configure`, on lines over a column long (the
    // column is 57 code points; the joins lie 54 and 55 code points in). The document writes
    // `apt-listchanges` and `munin-node-configure` elsewhere: the hyphens go back there. The
    // same `aptlistchanges` 10 code points into a joined line is no join point: it stays.
    std::string column_lines;
    for (int i = 0; i < 16; ++i) column_lines += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    const std::string evidence = "Brug apt-listchanges og munin-node-configure her.\n";
    const std::string joined =
        "Efter opgraderingen sender programmet en liste med aptlistchanges til den adresse, som du har valgt i "
        "dialogen.\n"
        "Kør derefter kommandoen som administrator og brug muninnode-configure for at se hvilke moduler maskinen "
        "kan bruge.\n"
        "Pakken aptlistchanges viser nyhederne, før du installerer dem, og den sender dem også med post til "
        "administratoren af maskinen her.\n";
    const auto layout_text = [](const std::string& text, const char* name) {
        const detail::LayoutResult layout = detail::repair_layout(make_source(text, name));
        std::string all;
        for (const detail::SourceLine& line : layout.lines) all += std::string(line.text.text()) + "\n";
        const auto restored = std::count_if(layout.repairs.begin(), layout.repairs.end(), [](const Repair& r) {
            return r.kind == Repair::Kind::normalized && r.detail.starts_with("hyphen restored");
        });
        return std::pair{all, restored};
    };
    const auto [all, restored] = layout_text(column_lines + evidence + joined, "joined-chains.txt");
    CHECK(all.find("liste med apt-listchanges til den") != std::string::npos);
    CHECK(all.find("og brug munin-node-configure for at") != std::string::npos);
    CHECK(all.find("Pakken aptlistchanges viser") != std::string::npos);
    CHECK(restored == 2);

    // Without the hyphened words elsewhere nothing tells the hyphen: the words stay closed.
    const auto [unwritten, none] = layout_text(column_lines + "Brug programmerne her.\n" + joined, "joined-unwritten.txt");
    CHECK(unwritten.find("liste med aptlistchanges til den") != std::string::npos);
    CHECK(unwritten.find("og brug muninnode-configure for at") != std::string::npos);
    CHECK(none == 0);

    // A line of one column writes `aptlistchanges` closed too: the document spells it both
    // ways, and only the chain gets its hyphen back.
    const auto [both, one] =
        layout_text(column_lines + evidence + "Skriv aptlistchanges her.\n" + joined, "joined-both-ways.txt");
    CHECK(both.find("liste med aptlistchanges til den") != std::string::npos);
    CHECK(both.find("og brug munin-node-configure for at") != std::string::npos);
    CHECK(one == 1);
}

TEST_CASE("a Resumé without blank lines ends before a section heading in its block", "[extractions]") {
    // As `pdftotext -raw` prints it: the Resumé's last line fills the column, so no line
    // length ends it; the short capitalised line after its sentence end, above a line that
    // starts a sentence, is the body's first heading.
    const std::string text =
        "Stamceller fra knoglemarven\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\nRESUMÉ\n"
        "Mesenkymale stamceller kan isoleres fra knoglemarven hos voksne mennesker\n"
        "og dyrkes i laboratoriet i mange uger, før de bruges til behandling af\n"
        "patienter. Patienter med knogledefekter er blevet behandlet med cellerne\n"
        "i flere kliniske forsøg, og resultaterne er lovende for fremtidens brug.\n"
        "Knoglemarvens celler\n"
        "Knoglemarven indeholder flere typer af stamceller, som kan dele sig mange\n"
        "gange og danne celler af forskellige slags, for eksempel knogle og brusk\n"
        "og fedt. Cellerne findes også i blodet.\n"
        "SUMMARY\nMikkel Holm & Ole Olsen: Stem cells from the bone marrow. Ugeskr Læger 2004;166:383-6.\n"
        "Mesenchymal stem cells can be isolated from the bone marrow of adults and grown in the\n"
        "laboratory for many weeks before they are used to treat patients.\n";
    const Document document = parser().parse(make_source(text, "raw"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(article.resume.size() == 2);
    REQUIRE(article.sections.size() == 1);
    REQUIRE(article.sections[0].heading);
    CHECK(article.sections[0].heading->text == "Knoglemarvens celler");
    CHECK(article.sections[0].sentences.size() == 2);
    CHECK(article.resume_end_guessed);
    CHECK(has_note(article, "before the heading at line 9"));

    // A structured Resumé's part label in the block is no heading: the Resumé goes on.
    std::string structured = text;
    const std::string resume_label = "RESUMÉ\n", heading = "Knoglemarvens celler\n";
    structured.replace(structured.find(resume_label), resume_label.size(), resume_label + "Introduktion\n");
    structured.replace(structured.find(heading), heading.size(), "Konklusion\n");
    const Document second = parser().parse(make_source(structured, "structured"));
    REQUIRE(second.articles.size() == 1);
    CHECK(!has_note(second.articles[0], "before the heading"));
    CHECK(second.articles[0].resume_parts.size() == 2);
    for (const Section& section : second.articles[0].sections) CHECK(!(section.heading && section.heading->text == "Konklusion"));
}

TEST_CASE("an extraction that sets each block apart: headings, a title over its subtitle, an e-mail label",
          "[extractions]") {
    // As mutool prints a typeset page: paragraphs follow each other without blank lines (the
    // paragraph ends are short lines), but every block of text the extractor found stands
    // between blank lines: a section heading, and an article's title apart from its subtitle
    // and both apart from the rubric. Words broken at line ends stand as printed (which
    // tells this text from pdftotext's default mode, which joins them and reorders blocks).
    // A justified line's wide gaps part it into one word per line; the e-mail label may
    // stand alone above the address.
    const std::string first_article =
        "Stamceller fra knoglemarven\n\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\n\n"
        "RESUMÉ Mesenkymale stamceller kan isoleres fra knoglemarven hos voks-\n"
        "ne og dyrkes i laboratoriet i mange uger.\n"
        "Knoglemarven indeholder flere typer af stamceller, som kan dele sig man-\n"
        "ge gange og danne celler af forskellige slags, for eksempel knogle.\n"
        "Cellerne kan også isoleres fra blodet hos de fleste patienter, og de kan\n"
        "dyrkes på samme måde som cellerne fra knoglemarven hos de samme pati-\n"
        "enter.\n"
        "\nKnoglemarvens celler\n\n"
        "Stamcellerne deler sig langsomt og danner kolonier, som kan tælles efter\n"
        "to uger i kultur, og tallene sammenlignes med kolonierne fra Odense og\n"
        "\nKøbenhavn.\n"
        "Tæl\nKOLONIERNE\n(kulturerne)\nunder\nmikroskop efter farvning med krystalviolet.\n"
        "Farv\ndem\nmed\nviolet.\nFarven gør kolonierne synlige for øjet.\n"
        "Kolonierne består af celler med samme form, og de vokser i et lag på\n"
        "bunden af skålen.\n"
        "SUMMARY Mikkel Holm & Ole Olsen: Stem cells from the bone marrow. Ugeskr\n"
        "Læger 2004;166:383-6. Mesenchymal stem cells can be isolated from the\n"
        "bone marrow of adults and grown in the laboratory for many weeks.\n"
        "Korrespondance: Mikkel Holm, Ortopædkirurgisk Afdeling, Rigshospitalet,\nDK-2100 København Ø.\n"
        "E-mail:\nmh@dadlnet.dk\n";
    const std::string second_article =
        "\nBrusk fra dyrkede celler\nhos 12 patienter\n\nEt nyt behandlingsprincip\n\nSTATUSARTIKEL\nHanne Lund\n\n"
        "RESUMÉ Brusk kan dannes af dyrkede celler fra patientens eget knæ.\n"
        "Behandlingen er afprøvet hos få patienter med gode resultater.\n"
        "SUMMARY Hanne Lund: Cartilage from cultured cells. Ugeskr Læger 2004;166:387-9.\n"
        "Cartilage can be formed by cultured cells from the patient's own knee.\n"
        "Korrespondance:\nHanne\nK.\nLund,\nKirurgisk Afdeling, Rigshospitalet, DK-2100 København Ø.\n";
    const Document document = parser().parse(make_source(first_article + second_article, "blocks"));
    REQUIRE(document.articles.size() == 2);
    const Article& first = document.articles[0];
    const Article& second = document.articles[1];
    CHECK((second.title && second.title->text == "Brusk fra dyrkede celler hos 12 patienter"));
    CHECK((second.subtitle && second.subtitle->text == "Et nyt behandlingsprincip"));
    CHECK((first.correspondence && first.correspondence->text.ends_with("København Ø. E-mail: mh@dadlnet.dk")));
    REQUIRE(first.sections.size() == 2);
    REQUIRE(first.sections[1].heading);
    CHECK(first.sections[1].heading->text == "Knoglemarvens celler");
    // A justified line parted into one word per line is no heading, and the sentence end
    // inside it ends no paragraph: its words stay in their sentences.
    REQUIRE(first.sections[1].sentences.size() == 5);
    // A column break (blank line) after a full line that ends in a word: the sentence goes on.
    CHECK(first.sections[1].sentences[0].text ==
          "Stamcellerne deler sig langsomt og danner kolonier, som kan tælles efter to uger i kultur, "
          "og tallene sammenlignes med kolonierne fra Odense og København.");
    CHECK(first.sections[1].sentences[1].text == "Tæl KOLONIERNE (kulturerne) under mikroskop efter farvning med krystalviolet.");
    CHECK(first.sections[1].sentences[2].text == "Farv dem med violet.");
    // A correspondence parted so: its initial ends no paragraph.
    CHECK((second.correspondence &&
           second.correspondence->text == "Hanne K. Lund, Kirurgisk Afdeling, Rigshospitalet, DK-2100 København Ø."));
}

TEST_CASE("a one-word heading above a justified line torn one word per line stays a heading", "[extractions][layout]") {
    // mutool keeps each torn piece's gap after it ("Startdato " | "er " | … | "sit"); the
    // heading above ends its own printed line and has none. With every line ending in a space,
    // or none, the rule says nothing.
    const std::string pieces = "Startdato \ner \ndatoen, \nhvorfra \nberegningen \ntager \nsit\n";
    const auto text_with = [](const std::string& torn) {
        return "Funktionen Dato\n\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\n\n"
               "RESUMÉ\nDenne funktion returnerer antallet af hele dage mellem to datoer. Den bruges i regneark.\n\n"
               "Beregningen af datoer kan give negative tal, når slutdatoen ligger før startdatoen, og det er\n"
               "meningen: så kan man se, hvilken vej forskellen går i tabellen.\n\n"
               "Syntaks\n" +
               torn +
               "udgangspunkt. Antal hele dage mellem startdato og slutdato. Antal\n"
               "af hele måneder mellem startdato og slutdato. Antal af hele år\nmellem startdato og slutdato.\n\n"
               "SUMMARY\nMikkel Holm & Ole Olsen: The date function. Ugeskr Læger 2004;166:383-6.\n"
               "This function returns the number of whole days between two dates. It is used in spreadsheets.\n";
    };
    const Document document = parser().parse(make_source(text_with(pieces), "torn-heading.txt"));
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.sections.size() == 2);
    REQUIRE(article.sections[1].heading);
    CHECK(article.sections[1].heading->text == "Syntaks");
    REQUIRE(!article.sections[1].sentences.empty());
    CHECK(article.sections[1].sentences[0].text ==
          "Startdato er datoen, hvorfra beregningen tager sit udgangspunkt.");
}

TEST_CASE("an extraction that sets spaces between kerned glyphs: words, commas, hyphens closed up",
          "[extractions][layout]") {
    // As pdfminer's pdf2txt prints groff's pages: a space wherever a kerned pair's glyphs
    // stand apart, inside words, before a comma and before a line-end hyphen, and a full stop
    // kerned onto the next line.
    const std::string kerned =
        "Mesenkymale stamceller (MSC) findes i knoglemar -\n"
        "ven og kan blive ophav til forskellige celletyper. Der er\n"
        "gennemført flere studier , som viser at cellerne i knoglemarven\n"
        "kan dyrkes. Sho ws or hides the Status bar at the bottom edge,\n"
        "and it is e xplained. Filen vil ikk e vil ligge og så på serveren i\n"
        "flere områder\n"
        ". En henvisning til en tom celle er tilladt i flere områder.\n"
        "Vælg at lave en fil, som viser et bogmærk epanel og siderne.\n";
    const auto sentences_of = [](const Document& document) {
        std::string all;
        for (const Article& article : document.articles)
            for (const Section& section : article.sections)
                for (const Sentence& sentence : section.sentences) all += sentence.text + "\n";
        return all;
    };
    const Parser parser;
    const std::string all = sentences_of(parser.parse(make_source(kerned, "kerned.txt")));
    INFO(all);
    CHECK(all.find("findes i knoglemarven og kan") != std::string::npos);
    CHECK(all.find("flere studier, som viser") != std::string::npos);
    CHECK(all.find("Shows or hides") != std::string::npos);
    // One letter goes with the run that is no word (`e xplained`, `ikk e`, not `ise`,
    // `evil`); `og så`, two words, stay apart.
    CHECK(all.find("it is explained.") != std::string::npos);
    CHECK(all.find("vil ikke vil ligge og så på") != std::string::npos);
    CHECK(all.find("i flere områder.\nEn henvisning") != std::string::npos);
    // A word (`bogmærk`) and a part of three letters or more that is none make a compound.
    CHECK(all.find("et bogmærkepanel og siderne.") != std::string::npos);

    // Without a space before a comma or full stop nothing marks the extraction: the words
    // stay as written.
    std::string plain = replace_all(kerned, "studier ,", "studier,");
    plain = replace_all(plain, "områder\n. En", "områder. En");
    const std::string kept = sentences_of(parser.parse(make_source(plain, "plain.txt")));
    INFO(kept);
    CHECK(kept.find("Sho ws or hides") != std::string::npos);
    CHECK(kept.find("is e xplained") != std::string::npos);
    CHECK(kept.find("knoglemar - ven") != std::string::npos);
}

TEST_CASE("a kerned space before a line-end hyphen goes where the dictionaries make one word of the parts",
          "[extractions][layout]") {
    // `infor -` | `mation`: the document writes `information` nowhere whole, but no
    // dictionary knows `infor`, and `information` is a word; a dash between two words
    // (`Data - filter -` | `nulstil filter`) stays.
    const std::string kerned =
        "Der er gennemført flere studier , som viser at cellerne kan dyrkes. Siden viser infor -\n"
        "mation om certifikatet. Du kan fjerne autofilteret med Data - filter -\n"
        "nulstil filter i menuen.\n";
    std::string all;
    for (const Article& article : Parser().parse(make_source(kerned, "kerned-hyphen.txt")).articles)
        for (const Section& section : article.sections)
            for (const Sentence& sentence : section.sentences) all += sentence.text + "\n";
    INFO(all);
    CHECK(all.find("Siden viser information om certifikatet.") != std::string::npos);
    CHECK(all.find("med Data - filter - nulstil filter i menuen.") != std::string::npos);
}

TEST_CASE("words torn out of a justified line together go back into it", "[extractions][layout]") {
    // pdfminer sets a wide-spaced line's last words apart as one block after the paragraph
    // (`… oversættes kan` | … | `findes i`), where pdftotext's default mode sets one per
    // block.
    const std::string text = "Materiale og metoder: Gemmer de ofte anvendte ord her og\n"
                             "fuldfører automatisk et ord, efter du har skrevet et par\n"
                             "bogstaver som stemmer overens med et lagret ord i listen.\n"
                             "Konklusion: Nulstiller ændrede\n"
                             "fanebladets forrige værdier.\n"
                             "\nværdier tilbage til\n\n"
                             "Find det bibliotek som du vil føje til listen, og klik på\n"
                             "knappen Åbn for at erstatte et bibliotek med samme navn.\n"
                             "Brug ordlisten til at slå ukendte begreber op i et program.\n";
    const detail::LayoutResult layout =
        detail::repair_layout(make_source(text, "torn-together.txt"));
    const std::vector<std::string> lines = text_lines(layout);
    REQUIRE(lines.size() == 9);
    CHECK(lines[3] == "Konklusion: Nulstiller ændrede");
    CHECK(lines[4] == "værdier tilbage til");
    CHECK(lines[5] == "fanebladets forrige værdier.");
    CHECK(layout.moved_block_joins.size() == 1);
}

namespace {
// The repaired lines of a layout, one per line.
std::string layout_text(const detail::LayoutResult& layout) {
    std::string all;
    for (const detail::SourceLine& line : layout.lines) all += std::string(line.text.text()) + "\n";
    return all;
}

// How many menu separators a layout restored.
std::ptrdiff_t separators_restored(const detail::LayoutResult& layout) {
    return std::count_if(layout.repairs.begin(), layout.repairs.end(), [](const Repair& r) {
        return r.kind == Repair::Kind::normalized && r.detail.starts_with("menu separator restored");
    });
}
}  // namespace

TEST_CASE("a menu path's separator the extraction dropped when it joined two lines comes back", "[extractions][layout]") {
    // pdftotext's default mode joins `Vælg Formater -` | `Ramme og objekt - Egenskaber` into
    // one line and drops the separator with the hyphen. The space where the printed line ended
    // (about one column from the line's start: 56 of 57 code points), between two capitalised
    // words, beside a separator of the same path, gets it back.
    std::string column_lines;
    for (int i = 0; i < 8; ++i) column_lines += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    const std::string joined = "Åbner en dialog, hvor du kan ændre navnet. Vælg Formater Ramme og objekt - Egenskaber - "
                               "Indstillinger, for at se mere om objektet og dets navn og plads her.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(column_lines + joined, "menu.txt"));
    CHECK(layout_text(layout).find("Vælg Formater - Ramme og objekt - Egenskaber - Indstillinger,") != std::string::npos);
    CHECK(separators_restored(layout) == 1);

    // The same words half a column into the line: no printed line ended there.
    const std::string early = "Åbner en dialog. Vælg Formater Ramme og objekt - Egenskaber - Indstillinger, for at "
                              "se mere om objektet og dets navn og dets plads på siden her.\n";
    const detail::LayoutResult far = detail::repair_layout(make_source(column_lines + early, "menu-far.txt"));
    CHECK(layout_text(far).find("Vælg Formater Ramme og objekt") != std::string::npos);
    CHECK(separators_restored(far) == 0);

    // A separator kept at the join point: the extraction kept the dash where it joined the
    // lines (`Formater Tekst -` | `Egenskaber`), so none was dropped a few letters before it.
    const std::string kept = "Åbner en dialog hvor du ændrer navnet. Vælg Formater Tekst - Egenskaber - Indstillinger, "
                             "for at se mere om objektet og dets navn og plads her.\n";
    const detail::LayoutResult kept_layout = detail::repair_layout(make_source(column_lines + kept, "menu-kept.txt"));
    CHECK(layout_text(kept_layout).find("Vælg Formater Tekst - Egenskaber") != std::string::npos);
    CHECK(separators_restored(kept_layout) == 0);

    // No separator near the space: two words of a sentence, not a path.
    std::string plain = joined;
    plain.replace(plain.find(" - Egenskaber - "), 16, " og Egenskaber og ");
    const detail::LayoutResult prose = detail::repair_layout(make_source(column_lines + plain, "menu-prose.txt"));
    CHECK(separators_restored(prose) == 0);

    // The document writes `Formater` before another capitalised word: a name of two words
    // (`Formater Tegn`) may stand there as well, so no break is taken.
    const detail::LayoutResult named =
        detail::repair_layout(make_source(column_lines + "Brug menuen Formater Tegn her.\n" + joined, "menu-name.txt"));
    CHECK(layout_text(named).find("Vælg Formater Ramme og objekt") != std::string::npos);
    CHECK(separators_restored(named) == 0);

    // Lines that fill one column each: the extraction joined none, nothing is restored.
    std::string wrapped = column_lines;
    for (int i = 0; i < 12; ++i) wrapped += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    wrapped += "Åbner en dialog, hvor du kan ændre navnet. Vælg Formater Ramme og objekt - Egenskaber\n";
    CHECK(separators_restored(detail::repair_layout(make_source(wrapped, "menu-wrapped.txt"))) == 0);

    // A text that keeps words broken at line ends as printed (`spal-` | `te`) did not join its
    // long lines by dropping hyphens (the PDF path sets a justified line's successor on it):
    // the same long line keeps its words as they stand.
    const std::string kept_breaks = "Brødteksten står her i en linje der fylder en hel spal-\n"
                                    "te, og den næste linje fylder også den hele spalte ud.\n";
    const detail::LayoutResult pdf_like =
        detail::repair_layout(make_source(kept_breaks + column_lines + joined, "menu-kept-breaks.txt"));
    CHECK(layout_text(pdf_like).find("Vælg Formater Ramme og objekt - Egenskaber") != std::string::npos);
    CHECK(separators_restored(pdf_like) == 0);
}

TEST_CASE("a path of one separator dropped at a join point comes back where the document names its item after one",
          "[extractions][layout]") {
    // `Marker cellerne … og vælg Formater -` | `Celler, for at …` joined without the separator,
    // and no other separator near it: the document writing `Celler` right after a ` - `
    // elsewhere (`Formater - Celler`) tells that a path stood there.
    std::string column_lines;
    for (int i = 0; i < 8; ++i) column_lines += "Brødteksten står her i en linje der fylder en hel spalte.\n";
    const std::string joined = "Marker cellerne i tabellen med musen, og vælg Formater Celler, for at se mere om cellernes "
                               "tal og form her.\n";
    const std::string named = "Åbn dialogen med Formater - Celler.\n";
    const detail::LayoutResult layout = detail::repair_layout(make_source(column_lines + named + joined, "one-item.txt"));
    CHECK(layout_text(layout).find("og vælg Formater - Celler, for at") != std::string::npos);
    CHECK(separators_restored(layout) == 1);

    // Without that path elsewhere: two words of a sentence, as far as the text tells.
    const detail::LayoutResult alone = detail::repair_layout(make_source(column_lines + joined, "one-item-alone.txt"));
    CHECK(layout_text(alone).find("og vælg Formater Celler, for at") != std::string::npos);
    CHECK(separators_restored(alone) == 0);

    // The first word named before a separator is no evidence: `Formater` heads many paths.
    const detail::LayoutResult first_only =
        detail::repair_layout(make_source(column_lines + "Åbn dialogen med Formater - Tegn.\n" + joined, "one-item-first.txt"));
    CHECK(separators_restored(first_only) == 0);

    // Two capitalised pairs at the one join point: the text cannot tell which was the break.
    const std::string two = "Marker cellerne i tabellen med musen og vælg Format Formater Celler, for at se mere om "
                            "cellernes tal og form her.\n";
    const detail::LayoutResult ambiguous =
        detail::repair_layout(make_source(column_lines + named + two, "one-item-two.txt"));
    CHECK(separators_restored(ambiguous) == 0);

    // Half a column into the line: no printed line ended there.
    const std::string early = "Marker cellerne og vælg Formater Celler, for at se mere om cellernes tal og deres form "
                              "her i tabellen.\n";
    CHECK(separators_restored(detail::repair_layout(make_source(column_lines + named + early, "one-item-far.txt"))) == 0);
}
