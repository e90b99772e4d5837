// The PDF layout rules of lib/detail/pdf_layout.cpp one by one, on pages of words placed by
// hand: each case sets the few lines a rule decides on and checks the text written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "detail/pdf_layout.hpp"

using summalign::detail::PageWords;
using summalign::detail::TextBuilder;
using summalign::detail::Word;

namespace {

// 60 characters: a full line of the column.
const std::string body = "og teksten i kolonnen er sat med ord af forskellig længde her";

// A page of one column from x `left` to `right`, in 10 pt type 5 pt per character.
struct Page {
    PageWords page{400, 800, {}};
    double left = 50, right = 350;

    // Sets `line` with its baseline at `y`: its words spread to both edges when `justify`,
    // else 3 pt apart from `indent` on.
    void line(const std::string& text, double y, bool justify = true, bool bold = false, double size = 10,
              double indent = 0) {
        std::vector<std::string> words;
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t space = std::min(text.find(' ', at), text.size());
            words.push_back(text.substr(at, space - at));
            at = space + 1;
        }
        const double per_char = 0.5 * size;
        double letters = 0;
        for (const auto& w : words) letters += per_char * static_cast<double>(w.size());
        const double width = right - left - indent;
        const double gap = justify && words.size() > 1 ? (width - letters) / static_cast<double>(words.size() - 1) : 3;
        double x = left + indent;
        for (const auto& t : words) {
            Word w;
            w.text = t;
            w.x0 = x;
            w.x1 = x + per_char * static_cast<double>(t.size());
            w.y0 = y - size;
            w.y1 = y;
            w.size = size;
            w.bold = bold;
            w.space_after = true;
            x = w.x1 + gap;
            page.words.push_back(std::move(w));
        }
    }

    // Four full lines of body text from baseline `y` and a short last line `last`; returns
    // the last line's baseline.
    double paragraph(double y, const std::string& last) {
        for (int i = 0; i < 4; ++i, y += 12) line(body, y);
        line(last, y, false);
        return y;
    }

    // A bold 12 pt heading over two lines, 30 pt under the line at `y`; returns the baseline
    // of the line that follows it.
    double heading(double y, const std::string& first, const std::string& second) {
        line(first, y + 30, false, true, 12);
        line(second, y + 44, false, true, 12);
        return y + 60;
    }
};

std::string build(std::vector<Page> pages) {
    TextBuilder builder;
    for (Page& p : pages) builder.add_page(std::move(p.page));
    return std::move(builder).finish().text;
}


}  // namespace

TEST_CASE("pdf layout rules: a short column's own line spacing finds its paragraph break", "[pdf]") {
    // Page 1: a column set on 18 pt leading. Page 2: three lines on 11 pt leading, the last
    // one 16 pt under the one before: a paragraph break there, though less than page 1's
    // line spacing.
    Page first;
    for (int i = 0; i < 6; ++i) first.line(body, 200 + 18.0 * i);
    first.line("sidste linje.", 200 + 18.0 * 6, false);
    Page second;
    second.line(body, 200);
    second.line("slutter sætningen kort.", 211, false);
    second.line("Nyt afsnit begynder her.", 227, false);
    const std::string text = build({std::move(first), std::move(second)});
    INFO(text);
    CHECK(text.find("kort.\n\nNyt afsnit") != std::string::npos);
    // The lines of page 1, 18 pt apart, stay one paragraph.
    CHECK(text.find("her\nog teksten") != std::string::npos);
}

TEST_CASE("pdf layout rules: a short column with one paragraph gap keeps the spacing measured before", "[pdf]") {
    // Two lines 16 pt apart on a page set on 11 pt leading: the gap is a paragraph break, as
    // the earlier column's spacing says, though it is the only spacing this column shows.
    Page first;
    for (int i = 0; i < 6; ++i) first.line(body, 200 + 11.0 * i);
    first.line("sidste linje.", 200 + 11.0 * 6, false);
    Page second;
    second.line("Første afsnit slutter.", 200, false);
    second.line("Nyt afsnit begynder her.", 216, false);
    const std::string text = build({std::move(first), std::move(second)});
    INFO(text);
    CHECK(text.find("slutter.\n\nNyt afsnit") != std::string::npos);
}

TEST_CASE("pdf layout rules: a bold line set close under a figure caption is a heading", "[pdf]") {
    Page p;
    double y = 200;
    for (int i = 0; i < 4; ++i, y += 12) p.line(body, y);
    p.line("sidste linje.", y, false);
    y += 24;
    // The caption fills its line and ends in no sentence end; the bold line follows at the
    // ordinary line spacing.
    p.line("Figur 1 Skærmbilledet af dialogen Udskriv med dens mange", y);
    p.line("Indstillinger for udskrift", y += 12, false, true);
    p.line(body, y += 12);
    p.line(body, y += 12);
    p.line("og her slutter afsnittet.", y += 12, false);
    const std::string text = build({std::move(p)});
    INFO(text);
    CHECK(text.find("\n\nFigur 1 Skærmbilledet af dialogen Udskriv med dens mange\n") != std::string::npos);
    CHECK(text.find("mange Indstillinger") == std::string::npos);
    // Written as a heading: a paragraph of its own, the text under it on the next line.
    CHECK(text.find("\n\nIndstillinger for udskrift\nog teksten") != std::string::npos);
}

TEST_CASE("pdf layout rules: a caption that is bold throughout takes its bold lines", "[pdf]") {
    Page p;
    double y = 200;
    for (int i = 0; i < 4; ++i, y += 12) p.line(body, y);
    p.line("sidste linje.", y, false);
    y += 24;
    p.line("Figur 2 Skærmbilledet af dialogen Udskriv med dens mange", y, true, true);
    p.line("indstillinger for udskrift.", y += 12, false, true);
    y += 24;
    p.line(body, y);
    p.line("og her slutter afsnittet.", y += 12, false);
    const std::string text = build({std::move(p)});
    INFO(text);
    CHECK(text.find("mange indstillinger for udskrift.\n") != std::string::npos);
}

TEST_CASE("pdf layout rules: a caption broken inside a word keeps the break for the parser; a heading broken after a letter of several bytes is joined", "[pdf]") {
    // "områ-" | "de": the letter before the hyphen is two bytes in UTF-8. The caption's lines
    // join in the parser, which decides the hyphen as the running text's.
    Page p;
    double y = 200;
    for (int i = 0; i < 4; ++i, y += 12) p.line(body, y);
    p.line("sidste linje.", y, false);
    y += 24;
    p.line("Figur 3 Renter er en serie rentesatser for eksempel et områ-", y);
    p.line("de af celler eller en liste.", y += 12, false);
    y += 24;
    p.line("Indstillinger for det valgte områ-", y += 12, false, true);
    p.line("de i dialogen", y += 12, false, true);
    p.line(body, y += 12);
    p.line("og her slutter afsnittet.", y += 12, false);
    const std::string text = build({std::move(p)});
    INFO(text);
    CHECK(text.find("\nFigur 3 Renter er en serie rentesatser for eksempel et områ-\nde af celler eller en liste.\n") !=
          std::string::npos);
    CHECK(text.find("område i dialogen") != std::string::npos);  // the heading is wrapped again after
    CHECK(text.find("det valgte områ-") == std::string::npos);
}

namespace {

// A paragraph, a caption of full lines `lines` and a short last line `last`, then a
// paragraph: the text written for that page.
std::string caption_between_paragraphs(const std::vector<std::string>& lines, const std::string& last) {
    Page p;
    double y = 200;
    for (int i = 0; i < 4; ++i, y += 12) p.line(body, y);
    p.line("sidste linje.", y, false);
    y += 12;
    for (const std::string& line : lines) p.line(line, y += 12);
    p.line(last, y += 12, false);
    y += 24;
    p.line(body, y += 12);
    p.line("og her slutter afsnittet.", y += 12, false);
    return build({std::move(p)});
}

}  // namespace

TEST_CASE("pdf layout rules: a caption broken after a capital's hyphen goes on on a line of its own, without a space", "[pdf]") {
    // "UP-" | "DATE": neither a space after the hyphen nor a decision in the layout; a caption
    // line ending in a word goes on on the same line.
    const std::string text = caption_between_paragraphs(
        {"Fig. 1 Kør SQL-handlingsudtryk såsom INSERT (indsæt), UP-", "DATE (opdater), DELETE (slet) og så videre i den valgte"},
        "database.");
    INFO(text);
    CHECK(text.find("UP- ") == std::string::npos);
    CHECK(text.find("\nFig. 1 Kør SQL-handlingsudtryk såsom INSERT (indsæt), UP-\n"
                    "DATE (opdater), DELETE (slet) og så videre i den valgte database.\n") != std::string::npos);

    // Past three such breaks (the parser takes three lines after a caption's first) the
    // hyphen stays, closed up.
    const std::string long_caption = caption_between_paragraphs({"Fig. 2 En lang billedtekst om et udsnit af den valgte side-",
                                                                 "visning med flere linjer som brydes midt i ordet for data-",
                                                                 "basen og igen midt i ordet for tabellen med de mange tabel-",
                                                                 "feltet og endnu en gang midt i ordet for det store skrive-"},
                                                                "bordet.");
    INFO(long_caption);
    CHECK(long_caption.find("side-\nvisning med flere linjer som brydes midt i ordet for data-\n"
                            "basen og igen midt i ordet for tabellen med de mange tabel-\n"
                            "feltet og endnu en gang midt i ordet for det store skrive-bordet.\n") != std::string::npos);
}

TEST_CASE("pdf layout rules: a caption whose last line is full ends before a field's label", "[pdf]") {
    Page p;
    double y = 200;
    for (int i = 0; i < 4; ++i, y += 12) p.line(body, y);
    p.line("sidste linje.", y, false);
    y += 24;
    // Set close under the caption in the same type, no paragraph gap: the address.
    p.line("Figur 4 Opretter en streng i henhold til det specificerede tegn", y);
    p.line("eller det første tegn i et udtryk som overføres til funktionen.", y += 12);
    p.line("Korrespondance: Hans Hansen, Odense Universitetshospital", y += 12);
    p.line("DK-5000 Odense C. E-mail: hh@dadlnet.dk", y += 12, false);
    const std::string text = build({std::move(p)});
    INFO(text);
    CHECK(text.find("til funktionen.\n") != std::string::npos);
    CHECK(text.find("funktionen. Korrespondance") == std::string::npos);
}

TEST_CASE("pdf layout rules: a menu path broken before its separator is one line", "[pdf]") {
    Page p;
    double y = 200;
    for (int i = 0; i < 3; ++i, y += 12) p.line(body, y);
    // A full line ending in a menu item, the next line starting with the separator.
    p.line("Vælg fanebladet Indstillinger i dialogen Formater", y);
    p.line("- Ramme og objekt - Egenskaber og klik derefter her på", y += 12);
    p.line(body, y += 12);
    // A full line of running text: a dash after it opens a list item, not a menu path.
    p.line("der er flere ting at huske når man skal sætte teksten", y += 12);
    p.line("- Tekst i kolonnen med ord af forskellig længde og mere", y += 12);
    p.line("og her slutter afsnittet.", y += 12, false);
    const std::string text = build({std::move(p)});
    INFO(text);
    CHECK(text.find("dialogen Formater - Ramme og objekt") != std::string::npos);
    CHECK(text.find("teksten\n- Tekst i kolonnen") != std::string::npos);
}

TEST_CASE("pdf layout rules: no line is written onto a field label", "[pdf]") {
    Page p;
    double y = 200;
    for (int i = 0; i < 4; ++i, y += 12) p.line(body, y);
    // A full line of few characters (long words) is written onto a capitalised line after
    // it, unless that line opens a field.
    p.line("Du kan konstruere figurer ved at anvende kommandoen", y);
    p.line("Figurer og flere ord af forskellig længde i kolonnen", y += 12);
    p.line(body, y += 12);
    p.line("Du kan konstruere figurer ved at anvende kommandoen", y += 12);
    p.line("Summary Figures and more words of different length here", y += 12);
    p.line(body, y += 12);
    p.line("Du kan konstruere figurer ved at anvende kommandoen", y += 12);
    p.line("Korrespondance: Hans Hansen, Odense Universitetshospital", y += 12);
    p.line(body, y += 12);
    p.line("og her slutter afsnittet.", y += 12, false);
    const std::string text = build({std::move(p)});
    INFO(text);
    CHECK(text.find("kommandoen Figurer og flere") != std::string::npos);
    CHECK(text.find("kommandoen\nSummary Figures") != std::string::npos);
    CHECK(text.find("kommandoen\nKorrespondance: Hans") != std::string::npos);
}

TEST_CASE("pdf layout rules: a running head of two lines set close together is dropped whole", "[pdf]") {
    Page p;
    p.line("UGESKR LÆGER 165/50", 40, false);
    p.line("8. DECEMBER 2003", 52, false);
    double y = 150;
    for (int i = 0; i < 5; ++i, y += 12) p.line(body, y);
    p.line("og her slutter afsnittet.", y, false);
    TextBuilder builder;
    builder.add_page(std::move(p.page));
    const auto built = std::move(builder).finish();
    INFO(built.text);
    CHECK(built.text.starts_with("og teksten"));
    REQUIRE(built.repairs.size() == 2);
    CHECK(built.repairs[0].detail == "UGESKR LÆGER 165/50 (page 1)");
    CHECK(built.repairs[1].detail == "8. DECEMBER 2003 (page 1)");
}

TEST_CASE("pdf layout rules: a line nearer the body than the running head is text", "[pdf]") {
    Page p;
    p.line("UGESKR LÆGER 165/50", 20, false);
    // 50 pt under the head, 9 pt over the body: a heading of the text, though it has a digit.
    p.line("Resultater 2003", 80, false, true);
    double y = 99;
    for (int i = 0; i < 5; ++i, y += 12) p.line(body, y);
    p.line("og her slutter afsnittet.", y, false);
    TextBuilder builder;
    builder.add_page(std::move(p.page));
    const auto built = std::move(builder).finish();
    INFO(built.text);
    CHECK(built.text.starts_with("Resultater 2003\n"));
    REQUIRE(built.repairs.size() == 1);
    CHECK(built.repairs[0].detail == "UGESKR LÆGER 165/50 (page 1)");
}

TEST_CASE("pdf layout rules: a column's last line that ends a sentence short of the justified edge ends its paragraph", "[pdf]") {
    // The last line of page 1 ends a sentence 3 pt short of the edge every other line is
    // stretched to: a paragraph's last line, though nearly full. Page 2's first line, with
    // no indent and no space above it at the top of the column, starts the next paragraph.
    auto pages = [](double last_right) {
        Page first;
        for (int i = 0; i < 5; ++i) first.line(body, 200 + 12.0 * i);
        first.right = last_right;
        first.line("gen Vis certifikat viser detaljeret information om certifikatet.", 260);
        Page second;
        second.line("Indeholder kommandoer for at anvende oprette og redigere dem", 200);
        second.line(body, 212);
        second.line("og her slutter afsnittet.", 224, false);
        return build({std::move(first), std::move(second)});
    };
    const std::string short_of_edge = pages(347);
    INFO(short_of_edge);
    CHECK(short_of_edge.find("certifikatet.\n\nIndeholder") != std::string::npos);
    // Stretched to the edge, the line may as well go on: the paragraph runs on.
    const std::string at_edge = pages(350);
    INFO(at_edge);
    CHECK(at_edge.find("certifikatet.\nIndeholder") != std::string::npos);
}

TEST_CASE("pdf layout rules: a larger-type heading broken inside a word keeps the break for the parser; a title keeps its hyphen", "[pdf]") {
    // A 12 pt section heading over two lines broken "me-" | "dicin", running text under it:
    // the line break stays, for the parser's line-end hyphen rules to decide, and a blank
    // line sets the heading apart. A title broken "Dokumentsammenlignings-" | "indstillinger"
    // above its bold rubric is one line with its hyphen (typesetters do not hyphenate titles).
    Page page;
    double y = page.paragraph(100, "om regenerativ medicin.");
    y = page.paragraph(page.heading(y, "Klinisk anvendelse: regenerativ me-", "dicin"), "slutter her.");
    page.line("Dokumentsammenlignings-", y + 30, false, true, 12);
    page.line("indstillinger", y + 44, false, true, 12);
    page.line("OVERSIGTSARTIKEL", y + 60, false, true, 10);
    page.paragraph(y + 74, "slutter her.");
    const std::string text = build({std::move(page)});
    INFO(text);
    CHECK(text.find("\n\nKlinisk anvendelse: regenerativ me-\ndicin\n\n") != std::string::npos);
    CHECK(text.find("Dokumentsammenlignings-indstillinger\n") != std::string::npos);
}

TEST_CASE("pdf layout rules: a running head a size above the body is dropped, a bold line there is not", "[pdf]") {
    // TeX sets the head in the class's normal size (10 pt) over a 9 pt body: still a head.
    // A bold 10 pt line at the top of a page is a heading and stays.
    auto page_with_top = [](bool bold) {
        Page page;
        page.line("UGESKR LÆGER 171/3 28. AUGUST 2009", 60, false, bold, 10);
        for (int i = 0; i < 8; ++i) page.line(body, 100 + 11.0 * i, true, false, 9);
        page.line("slutter her.", 100 + 11.0 * 8, false, false, 9);
        return page;
    };
    const std::string light = build({page_with_top(false)});
    INFO(light);
    CHECK(light.find("UGESKR") == std::string::npos);
    const std::string bold = build({page_with_top(true)});
    INFO(bold);
    CHECK(bold.find("UGESKR LÆGER 171/3 28. AUGUST 2009") != std::string::npos);
}

TEST_CASE("pdf layout rules: a larger-type heading over two lines, wider than the column, is wrapped as the text rules read headings", "[pdf]") {
    Page page;
    const double y = page.paragraph(100, "slutter her.");
    page.paragraph(page.heading(y, "Isolation af MSC fra knoglemarven og stromaet", "af mange organer og fra perifert blod"),
                   "slutter her.");
    const std::string text = build({std::move(page)});
    INFO(text);
    const std::string heading = "Isolation af MSC fra knoglemarven og stromaet af mange organer og fra perifert blod";
    // Not one line wider than the column, but two: one space of the heading became a line end.
    CHECK(text.find(heading) == std::string::npos);
    std::string unwrapped = text;
    std::replace(unwrapped.begin(), unwrapped.end(), '\n', ' ');
    CHECK(unwrapped.find(heading) != std::string::npos);
}

TEST_CASE("pdf layout rules: a wrapped title over a subtitle in type between the body's and its own stays one line", "[pdf]") {
    // A 14 pt title over two lines, wider than the column when joined, then an 11 pt
    // subtitle over a 10 pt body: the subtitle is no running text, so the title is not
    // wrapped as a section heading would be (which would break it at "Edu-" and part it
    // from its first line by the parser's title search).
    Page page;
    const double y = page.paragraph(100, "slutter her.");
    page.line("Yderligere information om Debian", y + 30, false, true, 14);
    page.line("Edu-tilpasninger og om mange flere ting her", y + 46, false, true, 14);
    page.line("Generelle bemærkninger om opgradering", y + 62, false, false, 11);
    page.line("OVERSIGTSARTIKEL", y + 76, false, true, 10);
    page.paragraph(y + 90, "slutter her.");
    const std::string text = build({std::move(page)});
    INFO(text);
    CHECK(text.find("Yderligere information om Debian Edu-tilpasninger og om mange flere ting her\n") != std::string::npos);
}

TEST_CASE("pdf layout rules: bold fonts by name, the URW weights TeX and Ghostscript embed among them", "[pdf]") {
    using summalign::detail::bold_font;
    CHECK(bold_font("Times-Bold"));
    CHECK(bold_font("ABCDEF+Arial,Bold"));
    CHECK(bold_font("Helvetica-Black"));
    CHECK(bold_font("NPSOPG+NimbusRomNo9L-Medi"));   // Times Bold under its URW name
    CHECK(bold_font("URWBookmanL-DemiLigh"));
    CHECK(bold_font("SourceSansPro-Semibold"));
    CHECK_FALSE(bold_font("FENCNE+NimbusRomNo9L-Regu"));
    CHECK_FALSE(bold_font("XBSWLO+NimbusRomNo9L-ReguItal"));
    CHECK_FALSE(bold_font("Times-Roman"));
    CHECK_FALSE(bold_font("Helvetica"));
}

TEST_CASE("pdf layout rules: a column's last line stretched to the justified edge goes on in the next column", "[pdf]") {
    // A title, its rubric, authors and a field label leave more short lines in the column
    // than full ones, but its long lines are all stretched to the right edge; so is its last
    // line, which ends a sentence: not a paragraph's last line, whose words are set at their
    // natural spacing. Page 2's first line goes on with the paragraph.
    auto pages = [](double last_right) {
        Page first;
        first.line("Opgrader hovedserveren", 100, false);
        first.line("STATUSARTIKEL", 112, false);
        first.line("Bo Dahl og Rikke Pedersen", 124, false);
        first.line("Resumé", 136, false);
        for (int i = 0; i < 3; ++i) first.line(body, 148 + 12.0 * i);
        first.right = last_right;
        first.line("stable, så vil Debian Edu ligeledes stoppe understøttelsen.", 184);
        Page second;
        second.line("Brug ikke X, brug en virtuel konsol, log ind som root. Læs", 200);
        second.line(body, 212);
        second.line("og her slutter afsnittet.", 224, false);
        return build({std::move(first), std::move(second)});
    };
    const std::string at_edge = pages(350);
    INFO(at_edge);
    CHECK(at_edge.find("understøttelsen.\nBrug ikke") != std::string::npos);
    // 3 pt short of the edge, it is the paragraph's last line after all.
    const std::string short_of_edge = pages(347);
    INFO(short_of_edge);
    CHECK(short_of_edge.find("understøttelsen.\n\nBrug ikke") != std::string::npos);
}

TEST_CASE("pdf layout rules: words of one line stay together where the other column's baselines are offset by half a line", "[pdf]") {
    // Two columns whose baselines are offset by about half a line: the bold label and title
    // (taller boxes) overlap the right column's line by just over half their height, the
    // italic names and the roman word after them by just under. Grouped by overlap alone,
    // the bold words went to the right column's line and came out before the names.
    PageWords page{620, 800, {}};
    auto add = [&](const std::string& text, double x, double top, double bottom, bool bold = false) {
        Word w;
        w.text = text;
        w.x0 = x;
        w.x1 = x + 5.0 * static_cast<double>(text.size());
        w.y0 = top;
        w.y1 = bottom;
        w.size = 10;
        w.bold = bold;
        w.space_after = true;
        page.words.push_back(std::move(w));
    };
    auto column_line = [&](const std::string& text, double left, double baseline) {
        double x = left;
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t space = std::min(text.find(' ', at), text.size());
            const std::string word = text.substr(at, space - at);
            add(word, x, baseline - 10, baseline);
            x += 5.0 * static_cast<double>(word.size()) + 4;
            at = space + 1;
        }
    };
    const std::string filler = "teksten i kolonnen er sat med ord af forskellig";
    for (int i = 0; i < 8; ++i) column_line(filler, 50, 100 + 12 * i);
    const double y = 100 + 12 * 8;  // the Summary's first line in the left column
    add("SUMMARY", 50, y - 10.3, y + 0.1, true);
    add("Bo", 90, y - 9.4, y - 0.2);
    add("Christian", 104, y - 9.4, y - 0.2);
    add("Hansen:", 153, y - 9.4, y - 0.2);
    add("Options.", 192, y - 10.3, y + 0.1, true);
    add("These", 236, y - 10, y);
    for (int i = 9; i < 14; ++i) column_line(filler, 50, 100 + 12 * i);
    for (int i = 0; i < 14; ++i) column_line(filler, 330, 100 + 12 * i - 5.2);
    TextBuilder builder;
    builder.add_page(std::move(page));
    const std::string text = std::move(builder).finish().text;
    CHECK(text.find("Bo Christian Hansen: Options. These") != std::string::npos);
    CHECK(text.find("SUMMARY Options.") == std::string::npos);
}

TEST_CASE("pdf layout rules: a heading line ending in a hyphen before a conjunction is a suspended compound", "[pdf]") {
    // "knogle-" | "og bruskdefekter": the hyphen stays and the conjunction is a word of its
    // own, in larger type and in a bold heading of body size alike.
    Page page;
    double y = page.paragraph(100, "slutter her.");
    y = page.paragraph(page.heading(y, "Med MSC kan man reparere knogle-", "og bruskdefekter"), "slutter her.");
    y += 30;
    page.line("Brug af celler til hud-", y, false, true);
    page.line("eller muskelvæv", y + 12, false, true);
    page.paragraph(y + 30, "slutter her.");
    const std::string text = build({std::move(page)});
    INFO(text);
    CHECK(text.find("Med MSC kan man reparere knogle- og bruskdefekter\n") != std::string::npos);
    CHECK(text.find("Brug af celler til hud- eller muskelvæv\n") != std::string::npos);
}

TEST_CASE("pdf layout rules: a glyph of a smaller font set close before a hyphen keeps its word", "[pdf]") {
    // "β" from a 7 pt math font, 1 pt before "-celler" in 10 pt type: poppler marks a space
    // after the β by its own font's size. A hyphen that far from a word joins it; a hyphen
    // after a full word space stays a word of its own.
    Page page;
    double y = page.paragraph(100, "slutter her.");
    y += 12;
    page.line("insulin-producerende", y, false);
    auto& words = page.page.words;
    Word beta = words.back();
    beta.text = "β";
    beta.x0 = words.back().x1 + 3;
    beta.x1 = beta.x0 + 4;
    beta.size = 7;
    beta.space_after = true;
    Word rest = words.back();
    rest.text = "-celler";
    rest.x0 = beta.x1 + 1;
    rest.x1 = rest.x0 + 35;
    Word dash = rest;
    dash.text = "-";
    dash.x0 = rest.x1 + 3;
    dash.x1 = dash.x0 + 5;
    Word after = rest;
    after.text = "her.";
    after.x0 = dash.x1 + 3;
    after.x1 = after.x0 + 20;
    words.push_back(beta);
    words.push_back(rest);
    words.push_back(dash);
    words.push_back(after);
    page.paragraph(y + 30, "slutter her.");
    const std::string text = build({std::move(page)});
    INFO(text);
    CHECK(text.find("insulin-producerende β-celler - her.") != std::string::npos);
}
