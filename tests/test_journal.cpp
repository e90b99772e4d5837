// Journal parsing: field recognisers, a small synthetic issue, text that is not journal
// shaped, hostile inputs, and concurrent use of one const Parser.
#include <catch2/catch.hpp>

#include <algorithm>
#include <future>
#include <random>
#include <sstream>
#include <string>
#include <thread>

#include "detail/journal_fields.hpp"
#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "articles.hpp"
#include "test_util.hpp"

using namespace summalign;

namespace {

const Parser& parser() {
    static const Parser instance;
    return instance;
}

Document parse(const std::string& text) { return parser().parse(make_source(text, "test")); }

// The headings of an article's sections, in order (sections without one left out).
std::vector<std::string> headings_of(const Article& article) {
    std::vector<std::string> out;
    for (const auto& section : article.sections)
        if (section.heading) out.push_back(section.heading->text);
    return out;
}

// The text of every sentence of an article's sections, in order.
std::vector<std::string> section_texts(const Article& article) {
    std::vector<std::string> out;
    for (const auto& section : article.sections)
        for (const auto& sentence : section.sentences) out.push_back(sentence.text);
    return out;
}

std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    for (const auto& s : sentences) out.push_back(s.text);
    return out;
}

// Every sentence span lies inside the source and starts and ends on its text's first and
// last byte where the source holds the text verbatim.
void check_spans(const Document& document, const std::string& source) {
    auto check = [&](const Sentence& s) {
        REQUIRE(s.span.start <= s.span.end);
        REQUIRE(s.span.end <= source.size());
    };
    for (const auto& article : document.articles) {
        for (const auto& s : article.resume) check(s);
        for (const auto& section : article.sections)
            for (const auto& s : section.sentences) check(s);
        if (article.summary)
            for (const auto& s : article.summary->sentences) check(s);
    }
}

const std::string issue =
    " Stamceller i klinikken \n"
    "– hvor står vi?\n"
    "\n"
    "VIDENSKAB OG PRAKSISJens Hansen, Ole Ole-\n"
    "sen & Marie Holm\n"
    "\n"
    "Resumé\n"
    "Stamceller bruges i stigende grad. Resultaterne er lovende.\n"
    "\n"
    "Indledning\n"
    "Der er stor interesse for stamceller. Behandlingen er dog\n"
    "stadig eksperimentel.\n"
    "\n"
    "Metoder og materialer\n"
    "Vi gennemgik litteraturen.\n"
    "SummaryJens Hansen, Ole Olsen & Marie Holm:Stem cells in the clinic - where are we?Ugeskr Læger 2004;166: "
    "101-103Stem cells are used more and more. The results are promising.\n"
    "\n"
    "Korrespondance: Jens Hansen, Medicinsk afdeling, Rigshospitalet.\n"
    " Leder om noget andet \n"
    "\n"
    "LEDER\n"
    "Peter Madsen\n"
    "\n"
    "Lederen begynder her og slutter brat\n";

// The labels of a structured Resumé's parts, in order.
std::vector<std::string> part_labels_of(const Article& article) {
    std::vector<std::string> out;
    for (const FieldPart& part : article.resume_parts) out.push_back(part.label);
    return out;
}

}  // namespace

TEST_CASE("kind labels glued to the author names come apart", "[journal][fields]") {
    using detail::split_kind_label;
    const auto glued = split_kind_label("OVERSIGTSARTIKELMoustapha Kassem, Jens Kastrup, Gitte Olsen &");
    REQUIRE(glued);
    CHECK(glued->label == "OVERSIGTSARTIKEL");
    CHECK(glued->rest_begin == std::string("OVERSIGTSARTIKEL").size());
    const auto spaced = split_kind_label("VIDENSKAB OG PRAKSISJens Hansen & Ole Olsen");
    REQUIRE(spaced);
    CHECK(spaced->label == "VIDENSKAB OG PRAKSIS");
    const auto alone = split_kind_label("LEDER");
    REQUIRE(alone);
    CHECK(alone->label == "LEDER");
    CHECK_FALSE(split_kind_label("MSC-biologien er beskrevet i en tidligere"));
    CHECK_FALSE(split_kind_label("Morfologisk er MSC fibroblastlignende celler."));
    CHECK_FALSE(split_kind_label("HSC [25]. I immuninkompetente"));
    // A sentence that opens with a long word in capitals (a function name) is no header.
    CHECK_FALSE(split_kind_label("SAMMENKÆD er en forbedring af SAM-"));
    CHECK_FALSE(split_kind_label("SAMMENKÆDNING returnerer en tekst"));
    // Name particles are names.
    const auto particles = split_kind_label("KASUISTIK Hans van der Berg og Ole de Vries");
    REQUIRE(particles);
    CHECK(particles->label == "KASUISTIK");
    CHECK(detail::starts_summary("SummaryCarsten Johan Heilmann & Niels Jacobsen:Allogeneic"));
    CHECK(detail::starts_summary("Summary"));
    CHECK(detail::starts_summary("Summary: Carsten Heilmann"));
    CHECK_FALSE(detail::starts_summary("Summary statistics were computed."));
    CHECK_FALSE(detail::starts_summary("Summarysomething"));
    CHECK(detail::correspondence_label_length("Korrespondance: Carsten Heilmann") == 15);
    CHECK(detail::is_resume_label(" Resumé "));
    CHECK(detail::split_authors("Carsten Johan Heilmann & Niels Jacobsen") ==
          std::vector<std::string>{"Carsten Johan Heilmann", "Niels Jacobsen"});
}

TEST_CASE("a glued Summary head splits into authors, title and citation", "[journal][fields]") {
    const std::string text =
        "Carsten Johan Heilmann & Niels Jacobsen:Allogeneic steum cell transplantation as a treatment for non-malignant "
        "diseases.Ugeskr Læger 2003;165: 4850-4852Allogeneic stem cell transplantation (SCT) is an established treatment.";
    const auto head = detail::parse_summary_head(text);
    CHECK(text.substr(head.authors_begin, head.authors_end - head.authors_begin) == "Carsten Johan Heilmann & Niels Jacobsen");
    CHECK(text.substr(head.title_begin, head.title_end - head.title_begin) ==
          "Allogeneic steum cell transplantation as a treatment for non-malignant diseases.");
    REQUIRE(head.citation);
    CHECK(head.citation->journal == "Ugeskr Læger");
    CHECK(head.citation->year == 2003);
    CHECK(head.citation->volume == 165);
    CHECK(head.citation->pages == "4850-4852");
    CHECK(text.substr(head.abstract_begin, 10) == "Allogeneic");
}

TEST_CASE("a Summary title numbered like 'Annex C.' keeps its title-case rest when the citation comes last", "[journal][fields]") {
    const std::string text =
        "Karen M. Holt & Ole Vang: Annex C. Storing Samples in the Cold Room. Samples are kept at four degrees. "
        "The room is checked every day. Ugeskr Læger 2004;166: 1201-3";
    const auto head = detail::parse_summary_head(text);
    CHECK(text.substr(head.authors_begin, head.authors_end - head.authors_begin) == "Karen M. Holt & Ole Vang");
    CHECK(text.substr(head.title_begin, head.title_end - head.title_begin) == "Annex C. Storing Samples in the Cold Room.");
    CHECK(text.substr(head.abstract_begin, 7) == "Samples");
    CHECK(head.abstract_end == text.find("Ugeskr"));
    REQUIRE(head.citation);
    CHECK(head.citation->pages == "1201-3");
}

TEST_CASE("a Summary title ending at a capital is not run on into a sentence-case abstract", "[journal][fields]") {
    // "Vitamin D." ends the title: the next sentence is running text, not title case.
    const std::string no_citation = "Ole Vang: Vitamin D. Levels fell during the winter in most of the children. They rose again.";
    const auto head = detail::parse_summary_head(no_citation);
    CHECK(no_citation.substr(head.title_begin, head.title_end - head.title_begin) == "Vitamin D.");
    CHECK(no_citation.substr(head.abstract_begin, 6) == "Levels");
    // A plain title ends at its first sentence, as before.
    const std::string plain = "Ole Vang: Cold Rooms. Samples Are Kept Cold. Ugeskr Læger 2004;166: 1201-3";
    const auto plain_head = detail::parse_summary_head(plain);
    CHECK(plain.substr(plain_head.title_begin, plain_head.title_end - plain_head.title_begin) == "Cold Rooms.");
    // A numbered title whose next "sentence" is one word exclaimed runs on over a title-case
    // sentence; the sentence-case abstract after it is not the title's.
    const std::string exclaimed =
        "Ole Vang: Appendix F. Eeek! There is Missing Help. Some pages are not written yet. Ugeskr Læger 2004;166: 1201-3";
    const auto exclaimed_head = detail::parse_summary_head(exclaimed);
    CHECK(exclaimed.substr(exclaimed_head.title_begin, exclaimed_head.title_end - exclaimed_head.title_begin) ==
          "Appendix F. Eeek! There is Missing Help.");
    CHECK(exclaimed.substr(exclaimed_head.abstract_begin, 4) == "Some");
    // With the citation first, the numbered title already ended at the journal name.
    const std::string cite_first =
        "Ole Vang: Part II. Storing Samples. Ugeskr Læger 2004;166: 1201-3 Samples are kept at four degrees.";
    const auto first_head = detail::parse_summary_head(cite_first);
    CHECK(cite_first.substr(first_head.title_begin, first_head.title_end - first_head.title_begin) == "Part II. Storing Samples.");
}

TEST_CASE("a small issue parses into articles and fields", "[journal]") {
    const Document document = parse(issue);
    REQUIRE(document.articles.size() == 2);
    const Article& first = document.articles[0];
    REQUIRE(first.title);
    CHECK(first.title->text == "Stamceller i klinikken");
    REQUIRE(first.subtitle);
    CHECK(first.subtitle->text == "– hvor står vi?");
    CHECK(first.kind == "VIDENSKAB OG PRAKSIS");
    // The author list wraps inside a hyphenated name.
    CHECK(first.authors == std::vector<std::string>{"Jens Hansen", "Ole Olesen", "Marie Holm"});
    CHECK(texts(first.resume) == std::vector<std::string>{"Stamceller bruges i stigende grad.", "Resultaterne er lovende."});
    REQUIRE(first.sections.size() == 2);
    REQUIRE(first.sections[0].heading);
    CHECK(first.sections[0].heading->text == "Indledning");
    CHECK(texts(first.sections[0].sentences) ==
          std::vector<std::string>{"Der er stor interesse for stamceller.", "Behandlingen er dog stadig eksperimentel."});
    REQUIRE(first.sections[1].heading);
    CHECK(first.sections[1].heading->text == "Metoder og materialer");
    REQUIRE(first.summary);
    CHECK(first.summary->authors == std::vector<std::string>{"Jens Hansen", "Ole Olsen", "Marie Holm"});
    REQUIRE(first.summary->title);
    CHECK(first.summary->title->text == "Stem cells in the clinic - where are we?");
    REQUIRE(first.summary->citation);
    CHECK(first.summary->citation->pages == "101-103");
    CHECK(first.summary->citation->year == 2004);
    CHECK(texts(first.summary->sentences) ==
          std::vector<std::string>{"Stem cells are used more and more.", "The results are promising."});
    REQUIRE(first.correspondence);
    CHECK(first.correspondence->text == "Jens Hansen, Medicinsk afdeling, Rigshospitalet.");
    CHECK_FALSE(first.truncated_start);
    CHECK_FALSE(first.truncated_end);

    const Article& second = document.articles[1];
    CHECK(second.kind == "LEDER");
    REQUIRE(second.title);
    CHECK(second.title->text == "Leder om noget andet");
    CHECK(second.authors == std::vector<std::string>{"Peter Madsen"});
    CHECK(second.truncated_end);
    REQUIRE(second.sections.size() == 1);
    CHECK_FALSE(second.sections[0].heading);

    // Spans cite the source: the title's bytes are the title.
    CHECK(issue.substr(first.title->span.start, first.title->span.end - first.title->span.start) == "Stamceller i klinikken");
    check_spans(document, issue);
}

TEST_CASE("an author list ending in an initial goes on past a blank line", "[journal]") {
    // -layout sets the column beside it between this column's lines: a blank row inside the
    // author list. No name ends in an initial, so the list goes on.
    const std::string text =
        "Indstillinger\n"
        "STATUSARTIKEL Jørgen Lund, Signe Thomsen & Signe E.\n"
        "\n"
        "Kjær\n"
        "\n"
        "Disse indstillinger er beskrevet i afsnittet om fælles funktioner. De gælder alle moduler.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(document.articles[0].authors == std::vector<std::string>{"Jørgen Lund", "Signe Thomsen", "Signe E. Kjær"});
    // A list ending in a whole name stops at the blank line: what follows is text.
    const Document whole = parse(
        "Indstillinger\n"
        "STATUSARTIKEL Jørgen Lund, Signe Thomsen & Signe Kjær\n"
        "\n"
        "Kjær Hansen\n"
        "\n"
        "Disse indstillinger er beskrevet i afsnittet om fælles funktioner.\n");
    REQUIRE(whole.articles.size() == 1);
    CHECK(whole.articles[0].authors == std::vector<std::string>{"Jørgen Lund", "Signe Thomsen", "Signe Kjær"});
    check_spans(document, text);
}

TEST_CASE("a double surname whose hyphen the extraction dropped gets it back; name prefixes keep their capital", "[journal]") {
    const std::string text =
        "Indstillinger\n"
        "STATUSARTIKEL Anne SchmidtVestergaard, Ole MacKenzie & Signe VanDyke\n"
        "\n"
        "Disse indstillinger er beskrevet i afsnittet om fælles funktioner. De gælder alle moduler.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(document.articles[0].authors == std::vector<std::string>{"Anne Schmidt-Vestergaard", "Ole MacKenzie", "Signe VanDyke"});
    const auto restored = std::count_if(document.repairs.begin(), document.repairs.end(), [](const Repair& repair) {
        return repair.kind == Repair::Kind::normalized && repair.detail.find("Schmidt-Vestergaard") != std::string::npos;
    });
    CHECK(restored == 1);
    check_spans(document, text);
}

TEST_CASE("a second caption of one number that shares no words goes to the one neighbour without it, the nearer one", "[journal]") {
    // Neither caption shares a word with either article: only the numbering tells that one is
    // the second article's (the only neighbour without a "Fig. 1"), and the later one stands
    // nearer to it.
    const std::string text =
        "Pensler i billedbehandling\n\nLEDER\nPeter Madsen\n\n"
        "Penslerne tegner med forgrundsfarven. En pensel har en størrelse og en hårdhed.\n\n"
        "Fig. 1. Udsnit af et vindue.\n\n"
        "Fig. 1. Oversigt over knapperne.\n\n"
        "Vælg en pensel i dialogen. Størrelsen ændres med skyderen.\n\n"
        "Lag i billeder\n\nLEDER\nAnne Holm\n\n"
        "Et billede består af lag i en stak. Hvert lag har sin synlighed og sin gennemsigtighed.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 2);
    REQUIRE(document.articles[0].figures.size() == 1);
    CHECK(document.articles[0].figures[0].caption.text == "Udsnit af et vindue.");
    REQUIRE(document.articles[1].figures.size() == 1);
    CHECK(document.articles[1].figures[0].caption.text == "Oversigt over knapperne.");
    CHECK(std::any_of(document.articles[1].structure_notes.begin(), document.articles[1].structure_notes.end(),
                      [](const StructureNote& note) { return note.message.find("nearer") != std::string::npos; }));
    check_spans(document, text);
}

TEST_CASE("a second caption of one number goes to the neighbour without it whose words it shares", "[journal]") {
    // The typesetting floated the second article's figure into the first article's text:
    // the first article holds "Fig. 1" twice, the second none.
    const std::string text =
        "Pensler i billedbehandling\n"
        "\n"
        "LEDER\n"
        "Peter Madsen\n"
        "\n"
        "Penslerne tegner med forgrundsfarven. En pensel har en størrelse og en hårdhed.\n"
        "\n"
        "Fig. 1. Penslerne i dialogen med størrelse og hårdhed.\n"
        "\n"
        "Fig. 1. Lagene i stakken med synlighed og gennemsigtighed.\n"
        "\n"
        "Vælg en pensel i dialogen. Størrelsen ændres med skyderen.\n"
        "\n"
        "Lag i billeder\n"
        "\n"
        "LEDER\n"
        "Anne Holm\n"
        "\n"
        "Et billede består af lag i en stak. Hvert lag har sin synlighed og sin gennemsigtighed.\n"
        "Lagene vises i stakken.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 2);
    REQUIRE(document.articles[0].figures.size() == 1);
    CHECK(document.articles[0].figures[0].caption.text == "Penslerne i dialogen med størrelse og hårdhed.");
    REQUIRE(document.articles[1].figures.size() == 1);
    CHECK(document.articles[1].figures[0].label == "Fig. 1");
    CHECK(document.articles[1].figures[0].caption.text == "Lagene i stakken med synlighed og gennemsigtighed.");
    const auto noted = [](const Article& article) {
        return std::any_of(article.structure_notes.begin(), article.structure_notes.end(),
                           [](const StructureNote& note) { return note.message.find("second caption 'Fig. 1'") != std::string::npos; });
    };
    CHECK(noted(document.articles[0]));
    CHECK(noted(document.articles[1]));
    check_spans(document, text);
}

TEST_CASE("the document's first title, a blank row above a subtitle that stands on the rubric, is the title", "[journal]") {
    // -layout gives the larger type's title line a row of space below it.
    const std::string body = "Rasmus Olsen\n\nProgrammet kan åbne dokumenter i mange formater. Det gemmer dem også.\n\n"
                             "Vælg et format i feltet Filtype. Klik derefter på Gem.\n";
    const std::string apart = "\nVindue\n\nNyt vindue\nLEDER\n" + body;
    const Document document = parse(apart);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.title);
    CHECK(article.title->text == "Vindue");
    REQUIRE(article.subtitle);
    CHECK(article.subtitle->text == "Nyt vindue");
    CHECK(article.kind == "LEDER");
    CHECK_FALSE(article.truncated_start);
    check_spans(document, apart);

    // Where a blank line parts the last title line from the rubric as well, blank lines part
    // every block and say nothing about which belong together: the line on the rubric's
    // block alone is the title.
    const std::string all_apart = "\nVindue\n\nNyt vindue\n\nLEDER\n" + body;
    const Document spaced = parse(all_apart);
    REQUIRE_FALSE(spaced.articles.empty());
    const Article& last = spaced.articles.back();
    REQUIRE(last.title);
    CHECK(last.title->text == "Nyt vindue");
    CHECK_FALSE(last.subtitle);
}

TEST_CASE("a later title a blank line above its subtitle on the rubric is the title; not when the next rubric lacks one", "[journal]") {
    // pdftotext's default mode parts a title in larger type from its subtitle by a blank line.
    const std::string body = "Rasmus Olsen\n\nProgrammet kan åbne dokumenter i mange formater. Det gemmer dem også.\n\n"
                             "Vælg et format i feltet Filtype. Klik derefter på Gem.\n\n";
    const std::string first = "Vindue\nLEDER\n" + body;
    const std::string second = "Hvor finder jeg yderligere\ninformation\n\nInstallationsscenarier for hovedserveren\nLEDER\n" + body;
    const Document document = parse(first + second);
    REQUIRE(document.articles.size() == 2);
    const Article& article = document.articles[1];
    REQUIRE(article.title);
    CHECK(article.title->text == "Hvor finder jeg yderligere information");
    REQUIRE(article.subtitle);
    CHECK(article.subtitle->text == "Installationsscenarier for hovedserveren");
    for (const StructureNote& note : article.structure_notes) CHECK(note.message.find("title") == std::string::npos);
    check_spans(document, first + second);

    // A block of one line may be a section heading the extraction moved; a block of a title
    // and a subtitle is another header it moved; and where the next rubric has no title, the
    // block may be its title: the line on the rubric stays alone.
    for (const std::string& text : {first + "Sideskift\n\nIndsætning af tabeller\nLEDER\n" + body,
                                    first + "Importer formel fra fil\nImporter MathML fra udklipsholder\n\nIndsætning af tabeller\nLEDER\n" + body,
                                    first + "Gængse advarsler og hvordan de\nskal håndteres\n\nSikkerhedshåndtering\nLEDER\n" + body + "LEDER\n" + body}) {
        const Document moved = parse(text);
        REQUIRE(moved.articles.size() >= 2);
        REQUIRE(moved.articles[1].title);
        CHECK((moved.articles[1].title->text == "Indsætning af tabeller" || moved.articles[1].title->text == "Sikkerhedshåndtering"));
        CHECK_FALSE(moved.articles[1].subtitle);
    }
}

TEST_CASE("a title left at a column's foot, a floated caption, then its subtitle on the rubric: title, subtitle and figure", "[journal]") {
    const std::string first = "Vindue\nLEDER\nRasmus Olsen\n\nProgrammet kan åbne dokumenter i mange formater. Det gemmer dem også.\n\n"
                              "Korrespondance: Rasmus Olsen, Medicinsk Afdeling M, Herlev Hospital, DK-2730 Herlev.\n\n";
    const std::string second = "Brug af filternavigatoren\n\nFig. 1. Indtast det indhold, du vil tilføje til et brugertilpasset felt.\n\n"
                               "Tilføje indtastningsfelter\nLEDER\nAnne Holm\n\n"
                               "Et felt kan indeholde tekst. Klik på feltet for at tilføje indholdet.\n";
    const Document document = parse(first + second);
    REQUIRE(document.articles.size() == 2);
    const Article& article = document.articles[1];
    REQUIRE(article.title);
    CHECK(article.title->text == "Brug af filternavigatoren");
    REQUIRE(article.subtitle);
    CHECK(article.subtitle->text == "Tilføje indtastningsfelter");
    REQUIRE(article.figures.size() == 1);
    CHECK(article.figures[0].caption.text == "Indtast det indhold, du vil tilføje til et brugertilpasset felt.");
    CHECK(document.articles[0].figures.empty());
    for (const Section& section : document.articles[0].sections)
        for (const Sentence& sentence : section.sentences) CHECK(sentence.text.find("filternavigatoren") == std::string::npos);
    check_spans(document, first + second);

    // Without the caption the block above is as likely a heading the extraction moved: the
    // line on the rubric stays the title alone.
    const Document plain = parse(first + "Sideskift\n\nTilføje indtastningsfelter\nLEDER\nAnne Holm\n\n"
                                         "Et felt kan indeholde tekst. Klik på feltet for at tilføje indholdet.\n");
    REQUIRE(plain.articles.size() == 2);
    REQUIRE(plain.articles[1].title);
    CHECK(plain.articles[1].title->text == "Tilføje indtastningsfelter");
    CHECK_FALSE(plain.articles[1].subtitle);
}

TEST_CASE("a caption over several lines has its line-end hyphens decided as the running text's", "[journal]") {
    // A word set in capitals broken like any other ("UP-" | "DATE"), an abbreviation heading a
    // compound ("MR-" | "skanning") and a word typesetting broke ("knæ-" | "leddet"), each in a
    // caption set on lines of its own.
    const std::string text =
        "Billeder af knæet\n\nLEDER\nPeter Madsen\n\n"
        "En skanning viser leddet. Den tages liggende.\n\n"
        "Fig. 1. Kør udtryk såsom INSERT (indsæt), UP-\nDATE (opdater) og så videre.\n\n"
        "Fig. 2. Billede fra en MR-\nskanning af knæ-\nleddet hos en patient.\n\n"
        "Fig. 3. Skriv dit bruger-id i feltet, og gem det nye bruger-\nid i dialogen.\n\n"
        "Billedet tages med patienten liggende på ryggen.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.figures.size() == 3);
    CHECK(article.figures[0].caption.text == "Kør udtryk såsom INSERT (indsæt), UPDATE (opdater) og så videre.");
    CHECK(article.figures[1].caption.text == "Billede fra en MR-skanning af knæleddet hos en patient.");
    // A caption's own words are the document's: "bruger-id" written whole decides the break.
    CHECK(article.figures[2].caption.text == "Skriv dit bruger-id i feltet, og gem det nye bruger-id i dialogen.");
    // The joins are repairs like the running text's.
    CHECK(std::any_of(document.repairs.begin(), document.repairs.end(), [](const Repair& repair) {
        return repair.kind == Repair::Kind::line_break_hyphen_kept && repair.detail == "MR-skanning";
    }));
    check_spans(document, text);
}

TEST_CASE("a title above a paragraph the extraction moved goes over its subtitle on the rubric where it opens the text or follows an article's end", "[journal]") {
    const std::string body = "Rasmus Olsen\n\nProgrammet kan åbne dokumenter i mange formater. Det gemmer dem også.\n\n"
                             "Vælg et format i feltet Filtype. Klik derefter på Gem.\n\n";
    const std::string ended = "Vindue\nLEDER\n" + body +
                              "Korrespondance: Rasmus Olsen, Medicinsk Afdeling M, Herlev Hospital, DK-2730 Herlev.\n\n";
    const auto title_and_subtitle = [](const Article& article, std::string_view title, std::string_view subtitle) {
        REQUIRE(article.title);
        CHECK(article.title->text == title);
        REQUIRE(article.subtitle);
        CHECK(article.subtitle->text == subtitle);
    };
    // A paragraph of the page set between the title and the subtitle: at the text's start,
    // and after the article before has ended.
    const std::string moved = "Automatisk oprydning af\ntilbageværende processer\n\n"
                              "Vælg nummereringstype til fod- eller slutnoten. Flytter til\nforegående fodnoteanker i dokumentet.\n\n"
                              "Automatisk nedlukning af maskiner om natten\nVIDENSKABELIG ARTIKEL\n" + body;
    for (const std::string& text : {moved, ended + moved}) {
        const Document document = parse(text);
        REQUIRE_FALSE(document.articles.empty());
        title_and_subtitle(document.articles.back(), "Automatisk oprydning af tilbageværende processer",
                           "Automatisk nedlukning af maskiner om natten");
        bool kept = false;  // the paragraph between them is the article's text
        for (const Section& section : document.articles.back().sections)
            for (const Sentence& sentence : section.sentences) kept = kept || sentence.text.starts_with("Vælg nummereringstype");
        CHECK(kept);
        check_spans(document, text);
    }

    // Controls. Inside the article before (no correspondence ends it), the block above a
    // paragraph may be its section heading; another article's correspondence between a
    // title-like block and the rubric parts two headers; and a one-line block right above the
    // line on the rubric stays apart even after a correspondence (the default order also sets
    // a section heading of the article before after its correspondence).
    const std::string open = "Vindue\nLEDER\n" + body;
    for (const std::string& text : {ended + "Installationsprocessen\n\nOpsætning uden LTSP-klienter\nLEDER\n" + body,
                                    open + "Tilføj biblioteker\n\nVælg et bibliotek. Klik derefter på Åbn.\n\nOpsætning uden LTSP-klienter\nLEDER\n" + body,
                                    ended + "Tilføj biblioteker\n\n"
                                            "Korrespondance: Lone Iversen, Medicinsk Afdeling M, Rigshospitalet, DK-2100 København Ø.\n\n"
                                            "Opsætning uden LTSP-klienter\nLEDER\n" + body}) {
        const Document document = parse(text);
        REQUIRE(document.articles.size() >= 2);
        REQUIRE(document.articles.back().title);
        CHECK(document.articles.back().title->text == "Opsætning uden LTSP-klienter");
        CHECK_FALSE(document.articles.back().subtitle);
    }
}

TEST_CASE("a title line ending in an article or a conjunction goes on on the next line; a subtitle does not start there", "[journal]") {
    const std::string body = "Rasmus Olsen\n\nProgrammet kan åbne dokumenter i mange formater. Det gemmer dem også.\n\n"
                             "Vælg et format i feltet Filtype. Klik derefter på Gem.\n";
    const Document wrapped = parse("Eksportér billede som\nHEIF/HEIC\nLEDER\n" + body);
    REQUIRE(wrapped.articles.size() == 1);
    REQUIRE(wrapped.articles[0].title);
    CHECK(wrapped.articles[0].title->text == "Eksportér billede som HEIF/HEIC");
    CHECK_FALSE(wrapped.articles[0].subtitle);
    const Document english = parse("Appendix C. Pages of the\nManual\nLEDER\n" + body);
    REQUIRE(english.articles.size() == 1);
    REQUIRE(english.articles[0].title);
    CHECK(english.articles[0].title->text == "Appendix C. Pages of the Manual");
    // A slash pairs the line's last word with the next line's first; a bracket opening the
    // next line carries the title on.
    for (const auto& [lines, whole] : {std::pair<std::string, std::string>{"Ændre eksisterende maskiner /\nNetgroup-håndtering",
                                                                           "Ændre eksisterende maskiner / Netgroup-håndtering"},
                                       {"Sådan sættes shutdown-at-night\n(nedlukning om natten) op",
                                        "Sådan sættes shutdown-at-night (nedlukning om natten) op"},
                                       // A preposition that takes an object and is seldom a particle.
                                       {"Yderligere information om\nDebian Edu-tilpasninger",
                                        "Yderligere information om Debian Edu-tilpasninger"},
                                       {"Working with\nStyles", "Working with Styles"},
                                       // A colon or "how to" has the rest to come; a quoted name alone is no subtitle.
                                       {"Kombinationsfelt- / Rullelisteguide:\nTabeludvalg",
                                        "Kombinationsfelt- / Rullelisteguide: Tabeludvalg"},
                                       {"Appendiks C. How to\nContribute", "Appendiks C. How to Contribute"},
                                       {"Introduktion til menuen\n\u201cMarker\u201d", "Introduktion til menuen \u201cMarker\u201d"}}) {
        const Document parsed = parse(lines + "\nLEDER\n" + body);
        REQUIRE(parsed.articles.size() == 1);
        REQUIRE(parsed.articles[0].title);
        CHECK(parsed.articles[0].title->text == whole);
        CHECK_FALSE(parsed.articles[0].subtitle);
    }
    // A title that ends in a word, a preposition (a label: "Grupperet efter"), a quoted word
    // or a capitalised one (the dialog "Om") keeps the next line as its subtitle.
    for (const std::string& title : {std::string("Eksportér billeder"), std::string("Grupperet efter"),
                                     std::string("Aktivér kommandoen \u201cOm\u201d"), std::string("Dialogen Om"),
                                     std::string("Go to")}) {
        const Document subtitled = parse(title + "\nHEIF og HEIC\nLEDER\n" + body);
        REQUIRE(subtitled.articles.size() == 1);
        REQUIRE(subtitled.articles[0].title);
        CHECK(subtitled.articles[0].title->text == title);
        REQUIRE(subtitled.articles[0].subtitle);
        CHECK(subtitled.articles[0].subtitle->text == "HEIF og HEIC");
    }
}

TEST_CASE("a title and a subtitle that both wrapped make four lines above the rubric", "[journal]") {
    const std::string body = "Rasmus Olsen\n\nProgrammet kan åbne dokumenter i mange formater. Det gemmer dem også.\n\n"
                             "Vælg et format i feltet Filtype. Klik derefter på Gem.\n";
    const std::string above = "Korrespondance: Ole Hansen, Kirurgisk afdeling, Rigshospitalet.\n";
    const Document parsed = parse(above +
                                  "Automatisk oprydning af\ntilbageværende processer\nAutomatisk nedlukning af maskiner om\n"
                                  "natten\nOVERSIGTSARTIKEL\n" + body);
    REQUIRE_FALSE(parsed.articles.empty());
    const Article& article = parsed.articles.back();
    REQUIRE(article.title);
    CHECK(article.title->text == "Automatisk oprydning af tilbageværende processer");
    REQUIRE(article.subtitle);
    CHECK(article.subtitle->text == "Automatisk nedlukning af maskiner om natten");
    // Four lines that are not two wrapped pairs: the three nearest the rubric, as before.
    const Document three = parse(above + "Klik på knappen Gem\nAutomatisk oprydning af\ntilbageværende processer\n"
                                         "Nedlukning om natten\nOVERSIGTSARTIKEL\n" + body);
    REQUIRE_FALSE(three.articles.empty());
    REQUIRE(three.articles.back().title);
    CHECK(three.articles.back().title->text == "Automatisk oprydning af tilbageværende processer");
}

TEST_CASE("a section heading with a bracket still open goes on on the next line", "[journal]") {
    const std::string text =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag på flere\n"
        "hospitaler i hele landet. Flere forsøg er i gang med patienter i klinikken.\n"
        "\n"
        "Genveje (tilgængelighed i LibreOffice\n"
        "Math)\n"
        "Hop fra første kategoripunkt til den første funktion i kategorien, og vælg\n"
        "derefter den funktion som du vil bruge.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]) == std::vector<std::string>{"Genveje (tilgængelighed i LibreOffice Math)"});
    check_spans(document, text);
}

TEST_CASE("a numbered section heading is a heading: its number's dot ends no sentence", "[journal]") {
    // "D.4.3. Installation af mål" above its text was read as the sentence "D.4.3." and the
    // heading glued to the next one ("Installation af mål Start installationsmediet op.").
    // A number with four digits ("2003. Derefter ...") or a lone capital ("A. Hansen") is no
    // section number, and a numbered line that ends a sentence is no heading.
    const std::string text =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag på flere\n"
        "hospitaler i hele landet. Flere forsøg er i gang med patienter i klinikken.\n"
        "\n"
        "D.4.3. Installation af mål\n"
        "Start installationsmediet op. Installationen skal køres i eksperttilstand, og\n"
        "det gøres ved opstartsprompten, hvor parametrene for kernemoduler angives.\n"
        "\n"
        "10. Farveovergange\n"
        "Nogle eksempler på farveovergange i GIMP. Filteret findes nu i menuen Farver,\n"
        "hvor det lader dig farvelægge et billede med intensiteten af hvert punkt.\n"
        "\n"
        "2003. Derefter\n"
        "Resultaterne blev fulgt op i de næste år med flere patienter i klinikken.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]) == std::vector<std::string>{"D.4.3. Installation af mål", "10. Farveovergange"});
    bool glued = false, number_alone = false;
    for (const auto& section : document.articles[0].sections)
        for (const auto& sentence : section.sentences) {
            glued = glued || sentence.text.starts_with("Installation af mål") || sentence.text.starts_with("Farveovergange");
            number_alone = number_alone || sentence.text == "D.4.3." || sentence.text == "10.";
        }
    CHECK_FALSE(glued);
    CHECK_FALSE(number_alone);
    check_spans(document, text);
}

TEST_CASE("a heading set in larger type and broken inside a word is one heading", "[journal]") {
    // No blank lines: body lines break words only where they are full; the short lines
    // ending in a broken word are a heading wrapped in larger type.
    const std::string text =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag\n"
        "på flere hospitaler i hele landet. Flere forsøg er i gang med patien-\n"
        "ter i klinikken, og resultaterne ventes i løbet af de næste år.\n"
        "Klinisk anvendelse af MSC: regenera-\n"
        "tiv medicin\n"
        "Regenerativ medicin er en ny medicinsk disciplin, som har til formål\n"
        "at anvende stamceller til behandling af sygdomme i mange organer.\n"
        "Referere celler ved hjælp af træk-og-\n"
        "slip\n"
        "Klik på navnet under Områdenavne i Navigatoren, og træk med musen\n"
        "hen til den celle, hvor du ønsker referencen indsat i dokumentet.\n"
        // A bold heading in the body's size, wrapped nearer the column's edge: its short rest
        // ends no sentence. A paragraph's last line ends one.
        "For at oprette en ny afsnitstypografi for alle kapite-\n"
        "loverskrifter\n"
        "Skriv Kapitel efterfulgt af et mellemrum i feltet Foran, og klik\n"
        "derefter på knappen OK for at gemme den nye typografi i dokumentet.\n"
        "Vælg så typografien i listen over alle afsnitstypografi-\n"
        "erne.\n"
        "Anvend typografien på kapiteloverskrifterne i dit dokument nu.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]) ==
          std::vector<std::string>{"Klinisk anvendelse af MSC: regenerativ medicin", "Referere celler ved hjælp af træk-og-slip",
                                   "For at oprette en ny afsnitstypografi for alle kapiteloverskrifter"});
    check_spans(document, text);
}

TEST_CASE("a heading standing apart that a word break wraps is one heading", "[journal]") {
    // Blank lines mark the paragraphs (the PDF path writes text so): a block of a short line
    // ending in a broken word and its end is a heading; the broken word is joined as the
    // line-end hyphen rules decide.
    const std::string text =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag\n"
        "på flere hospitaler i hele landet.\n"
        "\n"
        "Flere forsøg er i gang med patienter i klinikken, og resultaterne\n"
        "ventes i løbet af de næste år.\n"
        "\n"
        "Genvejstaster (LibreOffice Calc til-\n"
        "gængelighed)\n"
        "\n"
        "Tabulator skifter rundt gennem alle synlige knapper fra øverst til\n"
        "nederst eller fra venstre mod højre i dialogen.\n"
        "\n"
        "Behandlingen er dog stadig eksperimentel, og resultaterne skal be-\n"
        "kræftes i større studier med flere patienter.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]) == std::vector<std::string>{"Genvejstaster (LibreOffice Calc tilgængelighed)"});
    check_spans(document, text);
}

TEST_CASE("a short line ending in a function word after a sentence end, above a full line, is a heading", "[journal]") {
    const std::string text =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag\n"
        "på flere hospitaler i hele landet. Flere forsøg er i gang med patien-\n"
        "ter i klinikken.\n"
        "Naviger med\n"
        "I Standard-tilstand ændres visningen af dispositionsindførsler i Na-\n"
        "vigator aldrig, og der vælges udelukkende en dispositionsindførsel.\n"
        "Vælg Fra for at deaktivere sporingen, og klik derefter på knappen i\n"
        "Danmark og i resten af verden, hvor programmet bruges af mange.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    // "… knappen i" | "Danmark …" is a full line running on, not a heading.
    CHECK(headings_of(document.articles[0]) == std::vector<std::string>{"Naviger med"});
    check_spans(document, text);
}

TEST_CASE("reference-list labels and entry numbers", "[journal][fields]") {
    using detail::references_label_length;
    using detail::starts_reference_entry;
    CHECK(references_label_length("Litteratur") == 10);
    CHECK(references_label_length("LITTERATUR:") == 11);
    CHECK(references_label_length("References") == 10);
    CHECK(references_label_length("Litteratur: Findes i den elektroniske udgave") == 12);
    CHECK(references_label_length("Litteratur 1. Thomas ED") == 11);
    CHECK(references_label_length("Litteraturen viser, at") == 0);
    CHECK(references_label_length("Litteratur om emnet er sparsom.") == 0);
    CHECK(references_label_length("Referencerne") == 0);
    CHECK(starts_reference_entry("1. Thomas ED, Storb R."));
    CHECK(starts_reference_entry("12. Storb R."));
    CHECK(starts_reference_entry("[3] Young NS."));
    CHECK(starts_reference_entry("(4) Young NS."));
    CHECK_FALSE(starts_reference_entry("2003. Thomas"));
    CHECK_FALSE(starts_reference_entry("1. juni blev"));
    CHECK_FALSE(starts_reference_entry("Thomas ED 1."));
}

TEST_CASE("a reference list is the article's references, not body text, and shows the article ended", "[journal]") {
    const std::string text =
        " Stamceller i klinikken \n"
        "\n"
        "OVERSIGTSARTIKELJens Hansen & Ole Olsen\n"
        "\n"
        "Resumé\n"
        "Stamceller bruges i stigende grad.\n"
        "\n"
        "Stamcelletransplantation er en etableret behandling af aplastisk anæmi.\n"
        "\n"
        "Litteratur\n"
        "1. Thomas ED, Storb R. Allogeneic stem cell transplanta-\n"
        "tion is an established treatment for aplastic anaemia. N Engl J Med 1975;292:832-43.\n"
        "2. Hansen J. Stamceller i klinikken. Ugeskr Læger 2001;163:10-2.\n"
        "\n"
        "3. Young NS. Severe aplastic anaemia. Blood 1999;93:1-9.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(texts(article.references) ==
          std::vector<std::string>{"1. Thomas ED, Storb R. Allogeneic stem cell transplantation is an established treatment for aplastic anaemia. N Engl J Med 1975;292:832-43.",
                                   "2. Hansen J. Stamceller i klinikken. Ugeskr Læger 2001;163:10-2.",
                                   "3. Young NS. Severe aplastic anaemia. Blood 1999;93:1-9."});
    REQUIRE(article.sections.size() == 1);
    CHECK(texts(article.sections[0].sentences) ==
          std::vector<std::string>{"Stamcelletransplantation er en etableret behandling af aplastisk anæmi."});
    // The list ends the article: without a Summary it lacks one, it is not cut off.
    CHECK_FALSE(article.truncated_end);
    CHECK(text.substr(article.references[2].span.start, article.references[2].span.end - article.references[2].span.start) ==
          "3. Young NS. Severe aplastic anaemia. Blood 1999;93:1-9.");
    check_spans(document, text);

    // Danish running text after the list is body text again, with a note.
    const Document after = parse(text + "\nDet er en indgroet lære at hjertemuskelcellen ikke kan dele sig.\n");
    REQUIRE(after.articles.size() == 1);
    CHECK(after.articles[0].references.size() == 3);
    CHECK(texts(after.articles[0].sections.back().sentences).back() == "Det er en indgroet lære at hjertemuskelcellen ikke kan dele sig.");
    CHECK(after.articles[0].structure_notes.size() == 1);

    // A run-in label keeps its text as the one entry.
    const Document run_in = parse(" Stamceller i klinikken \n\nOVERSIGTSARTIKELJens Hansen\n\nResumé\nStamceller bruges.\n\n"
                                  "Litteratur: Findes i den elektroniske udgave af artiklen.\n");
    REQUIRE(run_in.articles.size() == 1);
    CHECK(texts(run_in.articles[0].references) == std::vector<std::string>{"Findes i den elektroniske udgave af artiklen."});
}

TEST_CASE("a Summary head whose citation the line broke inside the journal name, then labelled parts", "[journal]") {
    // The citation closes the head block ("Ugeskr" | "Læger 2006;168: 306-9"), and a labelled
    // part over one short sentence follows after a blank line: still the Summary's.
    const std::string text =
        " Stamceller i klinikken \n"
        "\n"
        "OVERSIGTSARTIKELJens Hansen\n"
        "\n"
        "Resumé\n"
        "Stamceller bruges i stigende grad. De kan dyrkes i laboratoriet.\n"
        "\n"
        "Stamcelletransplantation er en etableret behandling af aplastisk anæmi.\n"
        "\n"
        "Summary\n"
        "Jens Hansen: Stem cells in the clinic. Ugeskr\n"
        "Læger 2006;168: 306-9\n"
        "\n"
        "Introduction:\n"
        "Please refer to Section 5, \u201cLayer Groups\u201d.\n"
        "\n"
        "Conclusion:\n"
        "Stem cells are used more and more. They can be grown in the laboratory.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.summary);
    REQUIRE(article.summary->citation);
    CHECK(article.summary->citation->journal == "Ugeskr Læger");
    CHECK(article.summary->citation->pages == "306-9");
    CHECK(texts(article.summary->sentences) == std::vector<std::string>{"Please refer to Section 5, \u201cLayer Groups\u201d.", "Stem cells are used more and more.",
                                                                         "They can be grown in the laboratory."});
    REQUIRE(article.summary->parts.size() == 2);
    CHECK(article.summary->parts[0].label == "Introduction");
    CHECK(article.summary->parts[1].label == "Conclusion");
    check_spans(document, text);
}

TEST_CASE("end-matter lines are end notes: they end the address and are no body text", "[journal]") {
    std::string label;
    CHECK(detail::end_note_label_length("Antaget: 3. oktober 2003", label) == 9);
    CHECK(label == "Antaget");
    CHECK(detail::end_note_label_length("INTERESSEKONFLIKTER: ingen", label) == 21);
    CHECK(label == "INTERESSEKONFLIKTER");
    CHECK(detail::end_note_label_length("Antaget blev det, at", label) == 0);
    const std::string text =
        " Stamceller i klinikken \n"
        "\n"
        "OVERSIGTSARTIKELJens Hansen & Ole Olsen\n"
        "\n"
        "Resumé\n"
        "Stamceller bruges i stigende grad.\n"
        "\n"
        "Stamcelletransplantation er en etableret behandling.\n"
        "\n"
        "Korrespondance: Jens Hansen, Medicinsk afdeling, Rigshospitalet, DK-2100 København Ø.\n"
        "Antaget: 3. oktober 2003\n"
        "Interessekonflikter: ingen angivet af forfat-\n"
        "terne\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.correspondence);
    CHECK(article.correspondence->text == "Jens Hansen, Medicinsk afdeling, Rigshospitalet, DK-2100 København Ø.");
    REQUIRE(article.end_notes.size() == 2);
    CHECK(article.end_notes[0].label == "Antaget");
    CHECK(article.end_notes[0].text.text == "3. oktober 2003");
    CHECK(text.substr(article.end_notes[0].text.span.start, article.end_notes[0].text.span.end - article.end_notes[0].text.span.start) == "3. oktober 2003");
    CHECK(article.end_notes[1].label == "Interessekonflikter");
    CHECK(article.end_notes[1].text.text == "ingen angivet af forfatterne");
    REQUIRE(article.sections.size() == 1);
    CHECK(texts(article.sections[0].sentences) == std::vector<std::string>{"Stamcelletransplantation er en etableret behandling."});
    check_spans(document, text);
}

TEST_CASE("a short line followed by a bracket is a sentence, not a heading", "[journal]") {
    // A paragraph after a blank line whose second line is short and whose next line opens with
    // the reference of the sentence: layout that any re-wrapping of the seed can produce.
    const std::string text =
        "Stamceller er omdiskuterede. Mange grupper arbejder med dem i dag, og flere forsøg er i gang.\n"
        "\n"
        "Mesenkymale stamceller, også kaldet multipotente adult progenitor celler\n"
        "(MAPC), findes i knoglemarven.\n"
        "\n"
        "Man har også diskuteret, om man kan bruge MSC i\n"
        "behandlingen af patienter med infarkter\n"
        "[19]. I en rottemodel med induktion af cerebralt infarkt\n"
        "påvistes en gavnlig effekt af lokal implantation af MSC.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]).empty());
    const std::vector<std::string> sentences = section_texts(document.articles[0]);
    CHECK(sentences == std::vector<std::string>{
                           "Stamceller er omdiskuterede.",
                           "Mange grupper arbejder med dem i dag, og flere forsøg er i gang.",
                           "Mesenkymale stamceller, også kaldet multipotente adult progenitor celler (MAPC), findes i knoglemarven.",
                           "Man har også diskuteret, om man kan bruge MSC i behandlingen af patienter med infarkter [19].",
                           "I en rottemodel med induktion af cerebralt infarkt påvistes en gavnlig effekt af lokal implantation af MSC."});
}

TEST_CASE("a short line ending in a function word heads a section only where it stands apart", "[journal]") {
    // Blank lines mark the paragraphs: "Ton over" opens its block above capitalised text, so
    // it is a heading. Without blank lines such a line after a sentence runs on into the next
    // unless a full line follows (the test above): a short line followed by another short
    // one is a sentence set on two lines.
    const std::string apart =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag på flere\n"
        "hospitaler i hele landet. Flere forsøg er i gang med patienter.\n"
        "\n"
        "Ton over\n"
        "Indtast antallet af figurer du ønsker mellem de to valgte objekter, og vælg\n"
        "derefter den farve som overgangen skal have.\n"
        "\n"
        "Behandlingen er dog stadig eksperimentel, og resultaterne skal bekræftes i\n"
        "større studier med flere patienter og en længere opfølgning.\n";
    const Document document = parse(apart);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]) == std::vector<std::string>{"Ton over"});

    const std::string inside =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag på flere\n"
        "hospitaler i hele landet. Flere forsøg er i gang med patienter i dag.\n"
        "Det står over\n"
        "Danmarks grænser.\n"
        "Behandlingen er dog stadig eksperimentel, og resultaterne skal bekræftes i\n"
        "større studier med flere patienter og en længere opfølgning.\n";
    const Document inside_parsed = parse(inside);
    for (const auto& section : inside_parsed.articles.at(0).sections) CHECK_FALSE(section.heading);

    // Set with space after it too (a layout with paragraph spacing, or mutool's blocks), the
    // label of two words alone is a heading all the same; two lines standing apart that end in
    // a function word are no heading (nor is a longer line: the test below).
    const std::string alone = [&] {
        std::string text = apart;
        text.replace(text.find("Ton over\n"), 9, "Ton over\n\n");
        return text;
    }();
    const Document alone_parsed = parse(alone);
    REQUIRE(alone_parsed.articles.size() == 1);
    CHECK(headings_of(alone_parsed.articles[0]) == std::vector<std::string>{"Ton over"});
    std::string two_lines = alone;
    two_lines.replace(two_lines.find("Ton over\n"), 9, "Ton alle figurer\nover\n");
    const Document two_parsed = parse(two_lines);
    REQUIRE(two_parsed.articles.size() == 1);
    CHECK(headings_of(two_parsed.articles[0]).empty());
}

TEST_CASE("a line whose sentence ends in one word at the start of the next line is no heading", "[journal]") {
    // pdftotext's default mode joins a line broken at a hyphen to the next, so the one-word
    // end of a sentence ("Basic.") shares its line with the next sentence: the short line
    // above is that sentence's beginning, not a heading.
    const std::string full = "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag på\n";
    std::string text = "Titel\nOVERSIGTSARTIKEL\nOle Olsen\nResumé\nEn kort sætning her.\n\n";
    for (int i = 0; i < 6; ++i) text += full;
    text += "flere hospitaler.\nDenne sektion beskriver funktionerne i Calc\n"
            "Basic. De følgende operatorer understøttes af LibreOffice Basic.\n"
            "Brugeren kan også selv skrive nye funktioner til programmet her.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    CHECK(headings_of(document.articles[0]).empty());
    const std::vector<std::string> sentences = section_texts(document.articles[0]);
    CHECK(std::find(sentences.begin(), sentences.end(), "Denne sektion beskriver funktionerne i Calc Basic.") != sentences.end());

    // A heading above a sentence that opens with an abbreviation stays a heading.
    std::string abbreviation = "Titel\nOVERSIGTSARTIKEL\nOle Olsen\nResumé\nEn kort sætning her.\n\n";
    for (int i = 0; i < 6; ++i) abbreviation += full;
    abbreviation += "flere hospitaler.\nNye funktioner\nBl.a. kan brugeren selv skrive nye funktioner til programmet.\n";
    const Document abbreviated = parse(abbreviation);
    REQUIRE(abbreviated.articles.size() == 1);
    CHECK(headings_of(abbreviated.articles[0]) == std::vector<std::string>{"Nye funktioner"});
}

TEST_CASE("a short line with blank lines around it heads a section where blank lines mark paragraphs", "[journal]") {
    // A layout with paragraph spacing (pdftotext -layout) sets a heading apart with space
    // above and below. A short sentence, a line ending in a comma or a function word, or one
    // before lower-case text is no heading.
    const std::string text =
        "Stamceller er omdiskuterede, og mange grupper arbejder med dem i dag på flere\n"
        "hospitaler i hele landet. Flere forsøg er i gang med patienter.\n"
        "\n"
        "Behandling af patienter\n"
        "\n"
        "Indtast antallet af figurer du ønsker mellem de to valgte objekter, og vælg\n"
        "derefter den farve som overgangen skal have.\n"
        "\n"
        "Resultaterne er lovende.\n"
        "\n"
        "Behandlingen er dog stadig eksperimentel, og resultaterne skal bekræftes i\n"
        "større studier med flere patienter og en længere opfølgning.\n"
        "\n"
        "Mange patienter,\n"
        "\n"
        "Nogle grupper har dog set bivirkninger hos patienter med en svær sygdom i\n"
        "hjertet eller i lungerne.\n"
        "\n"
        "Der er flere studier i gang om\n"
        "\n"
        "Danmark har også flere grupper der arbejder med stamceller i klinikken og\n"
        "på laboratorierne.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(headings_of(article) == std::vector<std::string>{"Behandling af patienter"});
    REQUIRE(article.sections.size() == 2);
    REQUIRE(article.sections[1].sentences.size() >= 2);
    CHECK(article.sections[1].sentences[0].text ==
          "Indtast antallet af figurer du ønsker mellem de to valgte objekter, og vælg derefter den farve som overgangen skal have.");
    CHECK(article.sections[1].sentences[1].text == "Resultaterne er lovende.");
    check_spans(document, text);
}

TEST_CASE("a sentence runs on past a figure caption set between its lines, unless a capital or a short line says otherwise", "[journal]") {
    // A float at a column's top stands between the column's last line and the rest of the
    // paragraph, with space around it (as the PDF path and pdftotext -layout print it).
    const std::string text =
        "Disse indstillinger er beskrevet i flere afsnit af manualen, og de gælder for\n"
        "alle dokumenter, som du åbner i programmet. Indstillingerne findes i Afsnit\n"
        "\n"
        "Fig. 1. Definer indstillinger for tekstforløb før og efter tabellen.\n"
        "\n"
        "2, \u201cFælles funktioner\u201d. De kan ændres når som helst.\n"
        "\n"
        "Behandlingen er dog stadig eksperimentel, og resultaterne skal bekræftes i\n"
        "større studier med flere patienter og en længere opfølgning i klinikken\n"
        "\n"
        "Fig. 2. Antallet af patienter i studierne fra 1990 til 2002.\n"
        "\n"
        "Nye studier er i gang på flere hospitaler i landet, og de første resultater\n"
        "ventes i år.\n"
        "\n"
        "Danmark har også flere grupper der arbejder med stamceller\n"
        "\n"
        "Fig. 3. Stamceller i knoglemarven.\n"
        "\n"
        "3 grupper har allerede publiceret deres resultater i internationale\n"
        "tidsskrifter.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const std::vector<std::string> sentences = section_texts(document.articles[0]);
    REQUIRE(sentences.size() >= 3);
    CHECK(sentences[1] == "Indstillingerne findes i Afsnit 2, \u201cFælles funktioner\u201d.");
    // A capital after the caption may open a heading or a paragraph: no run-on there, nor
    // after a short line.
    CHECK(std::find(sentences.begin(), sentences.end(),
                    "Nye studier er i gang på flere hospitaler i landet, og de første resultater ventes i år.") !=
          sentences.end());
    CHECK(std::find(sentences.begin(), sentences.end(),
                    "3 grupper har allerede publiceret deres resultater i internationale tidsskrifter.") != sentences.end());
    CHECK(document.articles[0].figures.size() == 3);
    check_spans(document, text);
}

TEST_CASE("without blank lines, a line that ends a sentence and had room for the next line's first word ends its paragraph",
          "[journal]") {
    // pdftotext -raw: no blank line and no indent. The Resumé's last line is over four fifths
    // of the column, but "Der" would have fitted after it, so the typesetter broke the line
    // for the paragraph's end; "Behandlingen" would not have fitted after the full line that
    // ends the Resumé's first sentence, so that line stays inside the paragraph.
    const std::string text =
        "Stamceller i klinikken\n"
        "OVERSIGTSARTIKEL\n"
        "Jens Hansen & Ole Olsen\n"
        "Resumé\n"
        "Stamceller bruges i stigende grad i behandlingen af mange sygdomme, og\n"
        "resultaterne er lovende for patienter med hjertesygdom i dag hos os.\n"
        "Behandlingen er dog stadig eksperimentel og ganske dyr for regionerne\n"
        "i dag. De langsigtede virkninger kendes endnu ikke hos os.\n"
        "Der er stor interesse for stamceller i hele verden blandt forskerne og\n"
        "klinikerne, og mange grupper arbejder med dem på flere hospitaler nu.\n"
        "Vi gennemgik litteraturen fra de seneste ti år om emnet i en oversigt\n"
        "over studierne. Mange studier var små og havde ingen kontrolgruppe.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(texts(article.resume) ==
          std::vector<std::string>{
              "Stamceller bruges i stigende grad i behandlingen af mange sygdomme, og resultaterne er lovende for patienter med "
              "hjertesygdom i dag hos os.",
              "Behandlingen er dog stadig eksperimentel og ganske dyr for regionerne i dag.",
              "De langsigtede virkninger kendes endnu ikke hos os."});
    REQUIRE_FALSE(article.sections.empty());
    REQUIRE_FALSE(article.sections[0].sentences.empty());
    CHECK(article.sections[0].sentences[0].text ==
          "Der er stor interesse for stamceller i hele verden blandt forskerne og klinikerne, og mange grupper arbejder med dem på "
          "flere hospitaler nu.");
    check_spans(document, text);
}

TEST_CASE("a Resumé that runs on ends where it is about as long as its Summary", "[journal]") {
    // The run-on article without its last two lines: no blank lines and no short line, and
    // the Resumé's five sentences are within two of the Summary's three, so the count says
    // nothing; but they are 1.7 times its length, and after the third, which ends a line,
    // they are as long as the Summary.
    std::string text = summalign::test::article_with_runon_resume();
    const std::string last_lines = "Vi gennemgik litteraturen fra de seneste ti år om emnet i denne\n"
                                   "oversigt. Mange studier var små og havde ingen kontrolgruppe.\n";
    REQUIRE(text.find(last_lines) != std::string::npos);
    text.erase(text.find(last_lines), last_lines.size());
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(texts(article.resume) ==
          std::vector<std::string>{"Stamceller bruges i stigende grad i behandlingen af mange sygdomme.",
                                   "Resultaterne er lovende for patienter med hjertesygdom i dag.",
                                   "De langsigtede virkninger af behandlingen kendes endnu ikke i dag."});
    REQUIRE_FALSE(article.sections.empty());
    CHECK(texts(article.sections[0].sentences) ==
          std::vector<std::string>{"Der er stor interesse for stamceller i hele verden blandt forskerne og klinikerne.",
                                   "Behandlingen er dog stadig eksperimentel og dyr her."});
    CHECK(std::any_of(article.structure_notes.begin(), article.structure_notes.end(), [](const auto& n) {
        return n.message.find("about as long as the Summary") != std::string::npos;
    }));
    check_spans(document, text);

    // A blank line after the Resumé is the source's own end: the Resumé stays whole.
    std::string marked = text;
    marked.insert(marked.find("Summary\n"), "\n");
    const Document whole = parse(marked);
    REQUIRE(whole.articles.size() == 1);
    CHECK(whole.articles[0].resume.size() == 5);
    check_spans(whole, marked);
}

TEST_CASE("a structured Resumé's parts set before its header, in the article before, are taken back", "[journal]") {
    // pdftotext's default order reads the column the Resumé goes on in before the header: the
    // parts stand as the first article's sections. The Summary has all four parts.
    const std::string text =
        "Dokumentinformation\n"
        "KASUISTIK\n"
        "Søren Vestergaard & Mette Søndergaard\n"
        "RESUMÉ\n"
        "Returnerer den numeriske værdi svarende til et romertal udtrykt\n"
        "som tekst, og det største romertal, der kan konverteres, er 3999.\n"
        "Denne funktion viser sammenhængen mellem den aktuelle celle\n"
        "og de celler, der bruges i formlen.\n"
        "\n"
        "Materiale og metoder\n"
        "Hvis du for eksempel indtaster et ord i søgefeltet og et andet ord\n"
        "i erstatningsfeltet, bliver det første ord erstattet af det andet.\n"
        "Resultater\n"
        "Du kan også indtaste et tegn i erstatningsfeltet for at ændre\n"
        "formatet af den streng, der blev fundet af søgningen.\n"
        "Konklusion\n"
        "Tegnet repræsenteres med en firecifret hexadecimal kode, og\n"
        "grupperingen tjener tre formål.\n"
        "Ændrer størrelse eller flytter det markerede objekt, når du har\n"
        "markeret det og trykket på tasten, så fanebladet åbnes direkte.\n"
        "\n"
        "Korrespondance: Søren Vestergaard, Medicinsk Afdeling, Herlev Hospital, DK-2730 Herlev. E-mail: sv@dadlnet.dk\n"
        "\n"
        "Liste over regulære udtryk\n"
        "ORIGINAL ARTIKEL\n"
        "Øjvind Olsen & Kasper Gregersen\n"
        "RESUMÉ\n"
        "Introduktion\n"
        "Et linjeskift, som blev indsat med en tastekombination, når du står\n"
        "i tekstfeltet, tilføjer den streng, der blev fundet med søgningen.\n"
        "\n"
        "Indtast den lodrette koordinat, hvor det valgte udgangspunkt skal\n"
        "placeres, og udgangspunktet vender altid tilbage til hjørnet.\n"
        "\n"
        "SUMMARY\n"
        "Øjvind Olsen & Kasper Gregersen: List of regular expressions. Ugeskr Læger 2007;169:2487-92.\n"
        "Introduction\n"
        "A line break that was inserted with a key combination when in the text box adds the string that was found by the search.\n"
        "Material and methods\n"
        "For example, if you enter one word in the search box and another word in the replace box, the first word is replaced by the other.\n"
        "Results\n"
        "You can also enter a character in the replace box to change the format of the string found by the search.\n"
        "Conclusion\n"
        "The character is represented by a four-digit hexadecimal code, and the grouping serves three purposes.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 2);
    const Article& before = document.articles[0];
    const Article& article = document.articles[1];
    CHECK(part_labels_of(article) == std::vector<std::string>{"Introduktion", "Materiale og metoder", "Resultater", "Konklusion"});
    REQUIRE(article.resume.size() == 4);
    CHECK(article.resume[3].text == "Tegnet repræsenteres med en firecifret hexadecimal kode, og grupperingen tjener tre formål.");
    CHECK(headings_of(before).empty());
    CHECK(before.resume.size() == 2);
    // The Konklusion's paragraph ends at its short last line: the column's next paragraph
    // opens the second article's body.
    REQUIRE(!article.sections.empty());
    REQUIRE(!article.sections.front().heading);
    CHECK(article.sections.front().sentences.front().text.starts_with("Ændrer størrelse eller flytter"));
    CHECK(std::any_of(article.structure_notes.begin(), article.structure_notes.end(),
                      [](const StructureNote& note) { return note.message.find("stand inside article 1") != std::string::npos; }));

    // Without a structured Summary nothing says the sections are another article's parts.
    const std::string plain_summary = text.substr(0, text.find("Introduction\n")) +
                                      "A line break adds the string that was found by the search. You can also change the format.\n";
    const Document kept = parse(plain_summary);
    REQUIRE(kept.articles.size() == 2);
    CHECK(headings_of(kept.articles[0]) == std::vector<std::string>{"Materiale og metoder", "Resultater", "Konklusion"});
    CHECK(part_labels_of(kept.articles[1]) == std::vector<std::string>{"Introduktion"});
}

TEST_CASE("a structured Resumé's parts after another column's block in its own body are taken back", "[journal]") {
    const std::string text =
        "For at indstille en kanttype\n"
        "VIDENSKABELIG ARTIKEL\n"
        "Karen Bang & Peter Bang\n"
        "RESUMÉ\n"
        "\n"
        "Gentag de sidste to trin for hver kant i rammen.\n"
        "\n"
        "Introduktion\n"
        "Se informationen om konfiguration af filsystemadgang før tilføjelse\n"
        "af brugere, og juster den til din skoles politik, hvis det er krævet.\n"
        "\n"
        "Materiale og metoder\n"
        "Hvis trafikken blokeres fra netværket, og du skal bruge en bestemt\n"
        "server til at slå værter op, så skal du fortælle serveren det.\n"
        "\n"
        "Resultater\n"
        "Kapitlet dækker flere fif og ideer og nogle ofte stillede spørgsmål.\n"
        "Konklusion\n"
        "Vælg et tastaturlayout, hvor landets standard normalt er et godt valg.\n"
        "\n"
        "Adressebogstildeling\n"
        "Definer datakilden og datatabellen for din adressebog, og tilføj en\n"
        "ny datakilde til listen over adressedatakilder.\n"
        "\n"
        "SUMMARY\n"
        "Karen Bang & Peter Bang: To set a border type. Ugeskr Læger 2011;173:3901-4.\n"
        "Introduction\n"
        "See the information about configuring file system access before adding users, and adjust it to your school's policy if required.\n"
        "Material and methods\n"
        "If traffic is blocked from the network and you need a specific server to look up hosts, you must tell the server so.\n"
        "Results\n"
        "The chapter covers several tips and ideas and some frequently asked questions.\n"
        "Conclusion\n"
        "Choose a keyboard layout, where the country's default is usually a good choice.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(part_labels_of(article) == std::vector<std::string>{"Introduktion", "Materiale og metoder", "Resultater", "Konklusion"});
    REQUIRE(article.resume.size() == 4);
    CHECK(article.resume[0].text.starts_with("Se informationen om konfiguration"));
    // The block between the label and the first part is body text; the body's own heading stays.
    CHECK(section_texts(article).front() == "Gentag de sidste to trin for hver kant i rammen.");
    CHECK(headings_of(article) == std::vector<std::string>{"Adressebogstildeling"});
}

TEST_CASE("a broken word's fragment set apart does not join a part label across a blank line", "[journal]") {
    // `GTK-` of a torn justified line stands alone between blank lines; joined to the next
    // block it hid the label "Konklusion:".
    const Document document = parse(
        "Modulopbygget installation\n"
        "ORIGINAL ARTIKEL\n"
        "Niels Rasmussen & Jens Iversen\n"
        "RESUMÉ\n"
        "Introduktion: Når et system installeres med profilen arbejdsstation, så installeres en masse programmer til undervisningen.\n"
        "Materiale og metoder: For detaljer om metapakkerne, se siden med pakkeoverblikket.\n"
        "Resultater: Den grafiske installation bruger installationsprogrammet, hvor du kan bruge musen.\n"
        "\n"
        "GTK-\n"
        "\n"
        "Konklusion: Hjælp har nogle fif til brugen af installationsprogrammet, og den grafiske redningstilstand gør mediet til en redningsdisk.\n"
        "\n"
        "Kald af tjeneste\n"
        "Strengen med tre streger bruges til at definere skillelinjer i menuer.\n"
        "\n"
        "SUMMARY\n"
        "Niels Rasmussen & Jens Iversen: Modular installation. Ugeskr Læger 2011;173:3916-8.\n"
        "Introduction: When a system is installed with the workstation profile, many programs for teaching are installed.\n"
        "Material and methods: For details about the metapackages, see the page with the package overview.\n"
        "Results: The graphical installation uses the installer, where you can use the mouse.\n"
        "Conclusion: Help has some tips for using the installer, and the graphical rescue mode turns the medium into a rescue disk.\n");
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(part_labels_of(article) == std::vector<std::string>{"Introduktion", "Materiale og metoder", "Resultater", "Konklusion"});
    REQUIRE(article.resume.size() == 4);
    CHECK(article.resume[3].text.starts_with("Hjælp har nogle fif"));
}

TEST_CASE("a Resumé that runs on past its last full line ends where the Summary's count says", "[journal]") {
    // No blank lines (pdftotext -raw) and the Resumé's last line fills the column: nothing in
    // the layout ends it. Its Summary has three sentences; the shortest line that ends a
    // sentence within two of that count ends it, and a note says so.
    const std::string text = summalign::test::article_with_runon_resume();
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK(texts(article.resume) ==
          std::vector<std::string>{"Stamceller bruges i stigende grad i behandlingen af mange sygdomme.",
                                   "Resultaterne er lovende for patienter med hjertesygdom i dag.",
                                   "De langsigtede virkninger af behandlingen kendes endnu ikke i dag."});
    REQUIRE_FALSE(article.sections.empty());
    CHECK(article.sections[0].sentences.size() == 4);
    CHECK(article.sections[0].sentences[0].text == "Der er stor interesse for stamceller i hele verden blandt forskerne og klinikerne.");
    bool noted = false;
    for (const auto& n : article.structure_notes) noted = noted || n.message.find("the Summary has 3") != std::string::npos;
    CHECK(noted);
    check_spans(document, text);

    // A structured Resumé is cut in its last part, which keeps the sentences before the cut.
    std::string structured = text;
    const auto put = [&](const std::string& from, const std::string& to) {
        const auto at = structured.find(from);
        REQUIRE(at != std::string::npos);
        structured.replace(at, from.size(), to);
    };
    put("Resumé\nStamceller", "Resumé\nIntroduktion: Stamceller");
    put("sygdomme.\nResultaterne er lovende for patienter med hjertesygdom i dag.", "sygdomme.\nKonklusion: Resultaterne er lovende for patienter i dag.");
    const Document structured_parsed = parse(structured);
    const Article& cut = structured_parsed.articles.at(0);
    REQUIRE(cut.resume_parts.size() == 2);
    CHECK(cut.resume.size() == 3);
    CHECK(cut.resume_parts[1].label == "Konklusion");
    CHECK(cut.resume_parts[1].begin == 1);
    CHECK(cut.resume_parts[1].end == 3);
}

TEST_CASE("a capital letter with a full stop between common words ends a sentence; in a name it is an initial", "[journal]") {
    const std::string text =
        "Punktet flyttes til den angivne Placering Y og Placering X. Udgangspunktet vender altid tilbage. "
        "Artiklen er skrevet af Moustapha S. Kassem og kolleger.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    REQUIRE(document.articles[0].sections.size() == 1);
    CHECK(texts(document.articles[0].sections[0].sentences) ==
          std::vector<std::string>{"Punktet flyttes til den angivne Placering Y og Placering X.", "Udgangspunktet vender altid tilbage.",
                                   "Artiklen er skrevet af Moustapha S. Kassem og kolleger."});
}

TEST_CASE("text that is not journal shaped becomes one article of sentences", "[journal][robust]") {
    const std::string text = "Det regner i dag. Vi bliver hjemme.\n\nI morgen skinner solen måske.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    CHECK_FALSE(article.title);
    CHECK(article.truncated_start);
    CHECK(article.truncated_end);
    REQUIRE(article.sections.size() == 1);
    CHECK(texts(article.sections[0].sentences) ==
          std::vector<std::string>{"Det regner i dag.", "Vi bliver hjemme.", "I morgen skinner solen måske."});
}

TEST_CASE("empty and white-space-only input give no articles", "[journal][robust]") {
    CHECK(parse("").articles.empty());
    CHECK(parse(" \n\r\n\t  \n\f\n").articles.empty());
    CHECK(parse("\xEF\xBB\xBF").articles.empty());
}

TEST_CASE("hostile inputs parse without crashing", "[journal][robust]") {
    SECTION("a 5 MB single line") {
        std::string text;
        while (text.size() < 5'000'000) text += "Stamceller kan differentiere til mange celletyper i knoglemarven. ";
        const Document document = parse(text);
        REQUIRE(document.articles.size() == 1);
        std::size_t sentences = 0;
        for (const auto& section : document.articles[0].sections) sentences += section.sentences.size();
        CHECK(sentences > 50'000);
        check_spans(document, text);
    }
    SECTION("200,000 opening brackets") {
        const std::string text(200'000, '(');
        const Document document = parse(text);
        CHECK(document.articles.size() == 1);
    }
    SECTION("200,000 short lines of hyphens and capitals") {
        std::string text;
        for (int i = 0; i < 200'000; ++i) text += (i % 3 == 0 ? "AB-\n" : i % 3 == 1 ? "-cd-\n" : "\n");
        const Document document = parse(text);
        check_spans(document, text);
    }
    SECTION("random valid UTF-8") {
        std::mt19937 random(42);
        const std::vector<std::string> pieces = {"a", "Æ", "-", "\n", "\r\n", " ", ".", "Fig. 1. ", "Summary", "Resumé\n",
                                                 "OVERSIGTSARTIKEL", "\xC2\xAD", "\xC2\xA0", "e\xCC\x81", "4853\n", "(",
                                                 "UGESKR LÆGER 165/50 · 8. DECEMBER 2003\n", "Korrespondance:", ";2003;1: 2"};
        for (int round = 0; round < 50; ++round) {
            std::string text;
            const std::size_t length = random() % 400;
            for (std::size_t i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
            const Document document = parse(text);
            check_spans(document, text);
        }
    }
}

TEST_CASE("one const Parser serves several threads at once", "[journal][threads]") {
    const Document expected = parse(issue);
    std::vector<Document> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results) threads.emplace_back([&result] { result = parser().parse(make_source(issue, "test")); });
    for (auto& thread : threads) thread.join();
    for (const Document& result : results) {
        REQUIRE(result.articles.size() == expected.articles.size());
        for (std::size_t a = 0; a < result.articles.size(); ++a) {
            CHECK(result.articles[a].authors == expected.articles[a].authors);
            REQUIRE(result.articles[a].sections.size() == expected.articles[a].sections.size());
            for (std::size_t s = 0; s < result.articles[a].sections.size(); ++s)
                CHECK(texts(result.articles[a].sections[s].sentences) == texts(expected.articles[a].sections[s].sentences));
        }
        CHECK(result.repairs.size() == expected.repairs.size());
    }
}

TEST_CASE("a DocumentLayout made while a Parser loads parses to the same document as parse(source)", "[journal][threads]") {
    const SourceText source = make_source(summalign::test::read_file(summalign::test::seed_path()), "seed.txt");
    // The layout needs no dictionaries, so it is made while another thread loads them.
    auto loading = std::async(std::launch::async, [] { return Parser(); });
    DocumentLayout layout(source);
    const Parser loaded = loading.get();
    const Document from_layout = loaded.parse(std::move(layout));
    const Document from_source = parser().parse(source);
    REQUIRE(from_source.articles.size() >= 2);
    std::ostringstream a, b;
    write_document(a, Format::json, from_layout, {});
    write_document(b, Format::json, from_source, {});
    CHECK(a.str() == b.str());
}

TEST_CASE("articles parsed on several threads give the same document as on one", "[journal][threads]") {
    // The seed twice over and cut-off text before it: several articles, a truncated first one.
    const std::string seed = summalign::test::read_file(summalign::test::seed_path());
    const SourceText source = make_source(seed.substr(seed.size() / 3) + "\n" + seed + "\n" + seed, "seeds.txt");
    std::ostringstream expected;
    write_document(expected, Format::json, parser().parse(source), {});
    for (unsigned threads : {2u, 3u, 8u}) {
        INFO("threads " << threads);
        const Document document = parser().parse(DocumentLayout(source), threads);
        REQUIRE(document.articles.size() >= 5);
        CHECK(document.articles.front().truncated_start);
        std::ostringstream out;
        write_document(out, Format::json, document, {});
        CHECK(out.str() == expected.str());
    }
}

TEST_CASE("a sentence cut by a page break goes on after the running head in a capitalised line", "[journal]") {
    // pdftotext's default mode: the Resumé's last line fills the column and ends in a word;
    // a blank and the running head of the next page stand before the rest of its sentence,
    // which begins with a name. Without the page break's evidence the rest opened the body.
    const std::string text =
        "Stamceller i klinikken\n"
        "OVERSIGTSARTIKEL\n"
        "Niels Rasmussen & Jens Iversen\n"
        "\n"
        "Resumé\n"
        "Mesenkymale stamceller findes i knoglemarven og kan blive til\n"
        "forskellige celletyper i kroppen hos voksne patienter i dag.\n"
        "Cellerne isoleres fra knoglemarven og dyrkes i laboratoriet\n"
        "under kontrollerede forhold, hvor de vokser i flere uger og\n"
        "\n"
        "UGESKR LÆGER 166/39 · 17. AUGUST 2004\n"
        "Danmark har flere centre med erfaring i denne teknik nu.\n"
        "\n"
        "Der er stor interesse for stamceller i hele verden blandt\n"
        "forskerne og klinikerne, som arbejder med nye behandlinger.\n"
        "Mange studier er i gang på sygehusene i hele landet i dag.\n"
        "\n"
        "Summary\n"
        "Niels Rasmussen & Jens Iversen: Stem cells in the clinic. Ugeskr Læger 2004;166:2221-4.\n"
        "Mesenchymal stem cells are found in the bone marrow and can become different cell types in adult patients today.\n"
        "The cells are isolated from the bone marrow and grown in the laboratory under controlled conditions, where they grow for several weeks and Denmark has several centres with experience in this technique now.\n";
    const Document document = parse(text);
    REQUIRE(document.articles.size() == 1);
    const Article& article = document.articles[0];
    REQUIRE(article.resume.size() == 2);
    CHECK(article.resume[1].text ==
          "Cellerne isoleres fra knoglemarven og dyrkes i laboratoriet under kontrollerede forhold, hvor de vokser i flere uger og "
          "Danmark har flere centre med erfaring i denne teknik nu.");
    REQUIRE_FALSE(article.sections.empty());
    CHECK(article.sections[0].sentences.at(0).text.starts_with("Der er stor interesse"));
    check_spans(document, text);

    // A short capitalised line after the page break is a heading or title: not joined.
    std::string heading = text;
    const std::string rest = "Danmark har flere centre med erfaring i denne teknik nu.\n";
    heading.replace(heading.find(rest), rest.size(), "Dyrkning af cellerne\n");
    const Document with_heading = parse(heading);
    REQUIRE(with_heading.articles.size() == 1);
    CHECK(with_heading.articles[0].resume.back().text.ends_with("flere uger og"));

    // A correspondence field ends in an address without a full stop: the page's text after it
    // is not part of it.
    const std::string address =
        "Korrespondance: Niels Rasmussen, Ortopædkirurgisk Afdeling, Aarhus\n"
        "Universitetshospital, DK-8200 Aarhus N. E-mail: nr@dadlnet.dk\n"
        "\n"
        "UGESKR LÆGER 166/39 · 17. AUGUST 2004\n"
        "Forskerne og klinikerne arbejder sammen om nye behandlinger.\n";
    std::string with_address = text;
    with_address.insert(with_address.find("Summary\n"), address + "\n");
    const Document addressed = parse(with_address);
    REQUIRE(addressed.articles.size() == 1);
    REQUIRE(addressed.articles[0].correspondence);
    CHECK(addressed.articles[0].correspondence->text.ends_with("nr@dadlnet.dk"));
}
