// PDF input: articles typeset at test time with groff (-ms, two columns, a running head, page
// numbers in the footer, bold run-in labels, a caption over several lines) are read back
// through poppler and must give the fields they were typeset from; bad PDFs (encrypted,
// truncated, damaged, image-only) must give one clear error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "detail/pdf_layout.hpp"
#include "summalign/error.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using summalign::test::TempDir;

namespace {

// What an article is typeset from, and so what parsing the PDF must give back.
struct Typeset {
    std::string title = "Mesenkymal stamcelleterapi";
    std::string subtitle = "– nøglen til regenerativ medicin?";
    std::string kind = "OVERSIGTSARTIKEL";
    std::vector<std::string> authors = {"Moustapha Kassem", "Jens Kastrup", "Gitte Olsen", "Hans Erik Johnsen"};
    std::vector<std::string> resume = {
        "Mesenkymale stamceller findes i knoglemarven og kan blive ophav til forskellige celletyper, f.eks. "
        "osteoblaster, kondrocytter, adipocytter, endotelceller og myocytter.",
        "De isoleres fra knoglemarven ved hjælp af fysiske eller kombinerede fysiske og immunologiske metoder.",
        "Mange af disse studier er så lovende, at det kan forventes, at behandlingen vil blive aktuel i den "
        "nærmeste fremtid."};
    std::vector<std::string> headings = {"Isolation fra knoglemarven", "Differentiering i kulturen",
                                         "Klinisk anvendelse", "Sikkerhed og bivirkninger"};
    std::size_t sentences_per_section = 36;
    std::string caption = "Mulig klinisk anvendelse af mesenkymale stamceller i regenerativ medicin, hvor cellerne "
                          "dyrkes i laboratoriet og derefter føres tilbage til patienten (modificeret fra [9]).";
    std::string summary_title = "Mesenchymal stem cell therapy.";
    std::vector<std::string> summary = {"Mesenchymal stem cells are found in the bone marrow.",
                                        "They can be isolated by physical and immunological methods."};
    std::string correspondence = "Moustapha Kassem, Endokrinologisk Afdeling, Odense Universitetshospital.";
};

// Body sentence `n` of section `s`: numbered, so that their order in the parse shows the
// order the columns and pages were read in.
std::string body_sentence(std::size_t s, std::size_t n) {
    static const char* const endings[] = {
        "viste, at cellerne kan dyrkes i lang tid uden at miste deres egenskaber.",
        "beskrev, hvordan cellerne reagerer på vækstfaktorer i kulturen.",
        "fandt ingen forskel mellem patienter og raske kontrolpersoner.",
        "undersøgte betydningen af donorens alder for cellernes vækst.",
        "målte mængden af knoglevæv efter transplantationen.",
        "sammenlignede to metoder til isolering af cellerne fra blodet."};
    return "Undersøgelse nummer " + std::to_string(s * 100 + n) + " " + endings[(s + n) % 6];
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? separator : "") + parts[i];
    return out;
}

std::string ms_source(const Typeset& t) {
    std::string ms =
        ".nr PS 9\n.nr VS 11\n.ds CH\n.ds LH UGESKR LÆGER 165/50 \\(bu 8. DECEMBER 2003\n.ds RH\n"
        ".ds CF \\- % \\-\n.2C\n";
    ms += ".LP\n.ps 14\n\\fB" + t.title + "\\fP\n.br\n.ps 11\n" + t.subtitle + "\n.ps 9\n";
    ms += ".LP\n\\fB" + t.kind + "\\fP " + join({t.authors.begin(), t.authors.end() - 1}, ", ") + " & " + t.authors.back() + "\n";
    ms += ".SH\nResumé\n.LP\n" + join(t.resume, " ") + "\n";
    for (std::size_t s = 0; s < t.headings.size(); ++s) {
        ms += ".SH\n" + t.headings[s] + "\n.LP\n";
        for (std::size_t n = 0; n < t.sentences_per_section; ++n) {
            if (n > 0 && n % 6 == 0) ms += ".PP\n";
            ms += body_sentence(s, n) + "\n";
        }
        if (s == 1) ms += ".LP\n.ps 8\n\\fBFig. 1.\\fP " + t.caption + "\n.ps 9\n";
    }
    ms += ".LP\n\\fBSummary\\fP " + t.authors[0] + ", " + t.authors[1] + ": " + t.summary_title +
          " Ugeskr Læger 2003;165: 4850-4852 " + join(t.summary, " ") + "\n";
    ms += ".LP\n\\fBKorrespondance:\\fP " + t.correspondence + "\n";
    return ms;
}

void run(const std::string& command) {
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
}

// Typesets `ms` into dir/name with groff (UTF-8 input: -k runs preconv).
fs::path typeset(const TempDir& dir, const std::string& name, const std::string& ms) {
    const fs::path source = dir.write(name + ".ms", ms);
    const fs::path pdf = dir.path() / name;
    run("groff -k -ms -Tpdf '" + source.string() + "' > '" + pdf.string() + "' 2>/dev/null");
    return pdf;
}

std::vector<const summalign::Sentence*> all_sentences(const summalign::Article& a) {
    std::vector<const summalign::Sentence*> out;
    if (a.title) out.push_back(&*a.title);
    for (const auto& s : a.resume) out.push_back(&s);
    for (const auto& section : a.sections) {
        if (section.heading) out.push_back(&*section.heading);
        for (const auto& s : section.sentences) out.push_back(&s);
    }
    if (a.summary)
        for (const auto& s : a.summary->sentences) out.push_back(&s);
    if (a.correspondence) out.push_back(&*a.correspondence);
    return out;
}

}  // namespace

TEST_CASE("pdf: a two-column typeset article gives back the fields it was typeset from", "[pdf]") {
    TempDir dir;
    const Typeset gold;
    const fs::path pdf = typeset(dir, "article.pdf", ms_source(gold));
    const summalign::Input input = summalign::read_input(pdf.string());
    REQUIRE(input.page_starts.size() >= 3);  // the body fills several pages

    const summalign::Parser parser;
    summalign::Document document = parser.parse(input.source);
    summalign::attach_pages(document, input);
    REQUIRE(document.articles.size() == 1);
    const summalign::Article& a = document.articles[0];
    REQUIRE(a.title);
    CHECK(a.title->text == gold.title);
    REQUIRE(a.subtitle);
    CHECK(a.subtitle->text == gold.subtitle);
    CHECK(a.kind == gold.kind);
    CHECK(a.authors == gold.authors);
    REQUIRE(a.resume.size() == gold.resume.size());
    for (std::size_t i = 0; i < gold.resume.size(); ++i) CHECK(a.resume[i].text == gold.resume[i]);

    SECTION("headings and every body sentence, in the order typeset: columns left to right, pages in turn") {
        std::vector<std::string> headings, expected;
        for (const auto& section : a.sections)
            if (section.heading) headings.push_back(section.heading->text);
        CHECK(headings == gold.headings);
        for (std::size_t s = 0; s < gold.headings.size(); ++s)
            for (std::size_t n = 0; n < gold.sentences_per_section; ++n) expected.push_back(body_sentence(s, n));
        std::vector<std::string> body;
        for (const auto& section : a.sections)
            for (const auto& sentence : section.sentences) body.push_back(sentence.text);
        CHECK(body == expected);
    }
    SECTION("running heads and page numbers are repairs, not text") {
        std::size_t heads = 0, numbers = 0;
        for (const summalign::Repair& r : document.repairs) {
            if (r.kind == summalign::Repair::Kind::running_head_dropped) {
                ++heads;
                CHECK(r.detail.starts_with("UGESKR LÆGER 165/50"));
            }
            if (r.kind == summalign::Repair::Kind::page_number_dropped) ++numbers;
        }
        // ms sets the head on every page but the first and the footer "- N -" on every page.
        CHECK(heads == input.page_starts.size() - 1);
        CHECK(numbers == input.page_starts.size());
        CHECK(input.source.bytes.find("UGESKR") == std::string::npos);
        CHECK(input.source.bytes.find("- 2 -") == std::string::npos);
    }
    SECTION("the caption over three lines is one figure, apart from the running text") {
        REQUIRE(a.figures.size() == 1);
        CHECK(a.figures[0].label == "Fig. 1");
        CHECK(a.figures[0].caption.text == gold.caption);
        for (const auto* s : all_sentences(a)) CHECK(s->text.find("laboratoriet") == std::string::npos);
    }
    SECTION("the Summary and the correspondence") {
        REQUIRE(a.summary);
        REQUIRE(a.summary->title);
        CHECK(a.summary->title->text == gold.summary_title);
        REQUIRE(a.summary->citation);
        CHECK(a.summary->citation->year == 2003);
        CHECK(a.summary->citation->volume == 165);
        CHECK(a.summary->citation->pages == "4850-4852");
        std::vector<std::string> summary;
        for (const auto& s : a.summary->sentences) summary.push_back(s.text);
        CHECK(summary == gold.summary);
        REQUIRE(a.correspondence);
        CHECK(a.correspondence->text == gold.correspondence);
    }
    SECTION("every sentence knows its page: from 1 to the last, never going back") {
        const auto sentences = all_sentences(a);
        REQUIRE(sentences.front()->page == 1);
        std::size_t page = 1;
        for (const auto* s : sentences) {
            INFO(s->text);
            CHECK(s->page >= page);
            CHECK(s->page == summalign::page_of(input.page_starts, s->span.start));
            page = s->page;
        }
        CHECK(sentences.back()->page == input.page_starts.size());
        // And the span of each sentence starts with its text's first two letters in the
        // extracted text (a hyphen may follow them).
        for (const auto* s : sentences) CHECK(input.source.bytes.substr(s->span.start, 2) == s->text.substr(0, 2));
    }
}

TEST_CASE("pdf: the format is told by the %PDF- magic, not by the file name", "[pdf]") {
    TempDir dir;
    const fs::path pdf = typeset(dir, "article.pdf", ms_source(Typeset{}));
    const fs::path renamed = dir.path() / "article.txt";
    fs::copy_file(pdf, renamed);
    const summalign::Input from_txt = summalign::read_input(renamed.string());
    CHECK(from_txt.page_starts.size() >= 3);
    CHECK(from_txt.source.bytes.find("Resumé") != std::string::npos);

    const fs::path text = dir.write("text.pdf", "Resumé\nEn sætning.\n");
    const summalign::Input from_pdf_name = summalign::read_input(text.string());
    CHECK(from_pdf_name.page_starts.empty());
    CHECK(from_pdf_name.source.bytes == "Resumé\nEn sætning.\n");

    // Text that mentions the magic near its start stays text; junk that is not text before
    // the magic is allowed, as the PDF reference allows it.
    const std::string about_pdf = "Eksport til PDF\nVælg %PDF-1.7 som format i dialogen.\n";
    CHECK_FALSE(summalign::is_pdf(about_pdf));
    const fs::path about = dir.write("about.txt", about_pdf);
    CHECK(summalign::read_input(about.string()).source.bytes == about_pdf);
    CHECK(summalign::is_pdf("%PDF-1.4\n"));
    CHECK(summalign::is_pdf(std::string("\x00\x01junk\xff\xfe%PDF-1.4\n", 16)));
    CHECK_FALSE(summalign::is_pdf("PDF-1.4 without its percent sign"));
}

TEST_CASE("pdf: bad PDFs give one error naming the file and what is wrong", "[pdf][bad-input]") {
    TempDir dir;
    const fs::path good = typeset(dir, "good.pdf", ms_source(Typeset{}));
    const std::string bytes = summalign::test::read_file(good);
    auto message = [](const fs::path& path) {
        return summalign::test::error_message([&] { summalign::read_pdf(path.string()); });
    };
    SECTION("encrypted with a password") {
        const fs::path encrypted = dir.path() / "encrypted.pdf";
        run("qpdf --encrypt secret secret 256 -- '" + good.string() + "' '" + encrypted.string() + "'");
        const std::string m = message(encrypted);
        CHECK(m.find("encrypted.pdf") != std::string::npos);
        CHECK(m.find("encrypted PDF") != std::string::npos);
    }
    SECTION("cut short") {
        const fs::path truncated = dir.write("truncated.pdf", bytes.substr(0, bytes.size() / 2));
        const std::string m = message(truncated);
        CHECK(m.find("truncated.pdf") != std::string::npos);
        CHECK(m.find("damaged PDF") != std::string::npos);
    }
    SECTION("bytes overwritten inside its streams") {
        std::string mangled = bytes;
        for (std::size_t i = 2000; i + 2000 < mangled.size(); i += 97) mangled[i] = static_cast<char>(i * 7 % 251);
        const std::string m = message(dir.write("mangled.pdf", mangled));
        CHECK(m.find("mangled.pdf") != std::string::npos);
        CHECK(m.find("damaged PDF") != std::string::npos);
    }
    SECTION("only a header") {
        const std::string m = message(dir.write("header.pdf", "%PDF-1.4\n%%EOF\n"));
        CHECK(m.find("header.pdf") != std::string::npos);
        CHECK(m.find("damaged PDF") != std::string::npos);
    }
    SECTION("scanned: pages of images without a text layer") {
        const fs::path scanned = dir.path() / "scanned.pdf";
        run("gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfimage8 -r40 -sOutputFile='" + scanned.string() + "' '" +
            good.string() + "'");
        const std::string m = message(scanned);
        CHECK(m.find("scanned.pdf") != std::string::npos);
        CHECK(m.find("no text layer") != std::string::npos);
        CHECK(m.find("OCR") != std::string::npos);
    }
}

TEST_CASE("pdf: the command line reads a PDF, and refuses a bad one with one line and nothing on stdout", "[pdf][cli]") {
    if (!summalign::test::cli_built()) return;
    TempDir dir;
    const fs::path good = typeset(dir, "good.pdf", ms_source(Typeset{}));
    const auto ok = summalign::test::run_cli("parse '" + good.string() + "'", dir.path());
    REQUIRE(ok.exit_code == 0);
    CHECK(ok.out.find("\"title\": \"Mesenkymal stamcelleterapi\"") != std::string::npos);
    CHECK(ok.out.find("\"page\": 2") != std::string::npos);

    // The HTML report names the pages: the article's in its flags, each sentence's in its box.
    const auto html = summalign::test::run_cli("align --format html '" + good.string() + "'", dir.path());
    REQUIRE(html.exit_code == 0);
    CHECK(html.out.find("pages 1\u2013") != std::string::npos);
    CHECK(html.out.find("data-page=\"1\"") != std::string::npos);
    CHECK(html.out.find("title=\"page 1, bytes ") != std::string::npos);

    // check names the page of a finding instead of a line of the extracted text.
    Typeset misspelt;
    misspelt.summary[0] = "Mesenchymal steum cells are found in the bone marrow.";
    const fs::path with_typo = typeset(dir, "typo.pdf", ms_source(misspelt));
    const std::size_t last_page = summalign::read_input(with_typo.string()).page_starts.size();
    const auto check = summalign::test::run_cli("check --format text '" + with_typo.string() + "'", dir.path());
    REQUIRE(check.exit_code == 0);
    CHECK(check.out.find("typo.pdf:page " + std::to_string(last_page) + ": misspelling: 'steum'") != std::string::npos);

    // On standard input, where article-per-line formats otherwise stream text.
    const fs::path out = dir.path() / "stdin.jsonl";
    run("timeout 300 '" SUMMALIGN_CLI_PATH "' align --format jsonl - < '" + good.string() + "' > '" + out.string() + "'");
    const std::string lines = summalign::test::read_file(out);
    CHECK(std::count(lines.begin(), lines.end(), '\n') == 1);
    CHECK(lines.find("\"title\":\"Mesenkymal stamcelleterapi\"") != std::string::npos);
    CHECK(lines.find("\"page\":3") != std::string::npos);

    const fs::path truncated = dir.write("cut.pdf", summalign::test::read_file(good).substr(0, 4000));
    for (const std::string command : {"parse", "align", "check"}) {
        const auto bad = summalign::test::run_cli(command + " '" + truncated.string() + "'", dir.path());
        INFO(command << ": " << bad.err);
        CHECK(bad.exit_code == 1);
        CHECK(bad.out.empty());
        CHECK(bad.err.find("cut.pdf") != std::string::npos);
        CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);
    }
}

TEST_CASE("pdf layout: hand-placed words in two columns with a spanning title and a running head", "[pdf]") {
    using summalign::detail::PageWords;
    using summalign::detail::TextBuilder;
    using summalign::detail::Word;
    auto word = [](std::string text, double x, double y, double size = 10, bool bold = false) {
        Word w;
        w.text = std::move(text);
        w.x0 = x;
        w.x1 = x + 6.0 * static_cast<double>(w.text.size());
        w.y0 = y - size;
        w.y1 = y;
        w.size = size;
        w.bold = bold;
        w.space_after = true;
        return w;
    };
    PageWords page;
    page.width = 600;
    page.height = 800;
    page.words.push_back(word("JOURNAL", 50, 30));
    page.words.push_back(word("2003;165", 98, 30));
    page.words.push_back(word("17", 530, 30));
    // A title across both columns, its words next to each other over the gutter.
    page.words.push_back(word("En", 200, 80, 16, true));
    page.words.push_back(word("titel", 280, 80, 16, true));
    page.words.push_back(word("her", 320, 80, 16, true));
    // Left column x 50..280, right column x 320..550; lines 12 pt apart, the right column's
    // baselines 3 pt lower than the left's.
    // Each line is filled with words of varying length, one 4 pt space apart, as set text is.
    const std::vector<std::string> filler = {"og", "tekst", "i", "kolonnen", "med", "ord", "af", "forskellig", "længde"};
    auto fill = [&](const std::string& first, double left, double right, double y, std::size_t shift) {
        double x = left;
        for (std::size_t k = 0;; ++k) {
            Word w = word(k == 0 ? first : filler[(k + shift) % filler.size()], x, y);
            if (w.x1 > right) break;
            x = w.x1 + 4;
            page.words.push_back(std::move(w));
        }
    };
    for (std::size_t line = 0; line < 6; ++line) {
        const double y = 120 + 12.0 * static_cast<double>(line);
        fill("venstre" + std::to_string(line), 50, 280, y, line);
        fill("højre" + std::to_string(line), 320, 550, y + 3, line + 3);
    }
    TextBuilder builder;
    builder.add_page(std::move(page));
    const auto built = std::move(builder).finish();
    INFO(built.text);
    CHECK(built.text.find("JOURNAL") == std::string::npos);
    CHECK(built.text.starts_with("En titel her\n"));
    const std::size_t left_last = built.text.find("venstre5");
    const std::size_t right_first = built.text.find("højre0");
    REQUIRE(left_last != std::string::npos);
    REQUIRE(right_first != std::string::npos);
    CHECK(left_last < right_first);
    CHECK(built.text.find("\nvenstre1") != std::string::npos);
    CHECK(built.text.find("\nhøjre1") != std::string::npos);
    REQUIRE(built.repairs.size() == 2);
    CHECK(built.repairs[0].kind == summalign::Repair::Kind::running_head_dropped);
    CHECK(built.repairs[0].detail == "JOURNAL 2003;165 (page 1)");
    CHECK(built.repairs[1].kind == summalign::Repair::Kind::page_number_dropped);
    CHECK(built.repairs[1].detail == "17 (page 1)");
}

TEST_CASE("pdf layout: a bold heading as wide as the column and a full line of long words", "[pdf]") {
    using summalign::detail::PageWords;
    using summalign::detail::TextBuilder;
    using summalign::detail::Word;
    PageWords page;
    page.width = 400;
    page.height = 800;
    // One justified column from x 50 to 350: each line's words spread to both edges.
    double y = 100;
    auto set_line = [&](const std::string& line, bool bold, bool justify) {
        std::vector<std::string> words;
        for (std::size_t at = 0; at < line.size();) {
            const std::size_t space = std::min(line.find(' ', at), line.size());
            words.push_back(line.substr(at, space - at));
            at = space + 1;
        }
        double letters = 0;
        for (const auto& w : words) letters += 5.0 * static_cast<double>(w.size());
        const double gap = justify && words.size() > 1 ? (300 - letters) / static_cast<double>(words.size() - 1) : 3;
        double x = 50;
        for (const auto& text : words) {
            Word w;
            w.text = text;
            w.x0 = x;
            w.x1 = x + 5.0 * static_cast<double>(text.size());
            w.y0 = y - 10;
            w.y1 = y;
            w.size = 10;
            w.bold = bold;
            w.space_after = true;
            x = w.x1 + gap;
            page.words.push_back(std::move(w));
        }
        y += 12;
    };
    const std::string body = "og teksten i kolonnen er sat med ord af forskellig længde her";  // 60 characters
    for (int i = 0; i < 4; ++i) set_line(body, false, true);
    y += 12;  // space above the heading
    set_line("For at oprette en afsnitstypografi for kapiteloverskrifter", true, false);
    set_line(body, false, true);
    set_line("Du kan konstruere figurer ved at anvende kommandoen", false, true);  // 51 characters, full width
    set_line("Figurer og flere ord af forskellig længde i kolonnen", false, true);
    set_line(body, false, true);
    set_line("sidste linje.", false, false);
    TextBuilder builder;
    builder.add_page(std::move(page));
    const auto built = std::move(builder).finish();
    INFO(built.text);
    // The heading is written as two short lines, broken before a lower-case word.
    CHECK(built.text.find("\n\nFor at oprette en afsnitstypografi\nfor kapiteloverskrifter\nog teksten") != std::string::npos);
    // The full line with few characters goes on with the next line, so it reads as no heading.
    CHECK(built.text.find("anvende kommandoen Figurer og flere ord") != std::string::npos);
    // Lines of ordinary length stay lines.
    CHECK(built.text.find("længde her\nDu kan") != std::string::npos);
}

TEST_CASE("pdf layout: columns with offset baselines and a title in larger type beside the other column", "[pdf]") {
    using summalign::detail::PageWords;
    using summalign::detail::TextBuilder;
    using summalign::detail::Word;
    auto word = [](std::string text, double x, double baseline, double size) {
        Word w;
        w.text = std::move(text);
        w.x0 = x;
        w.x1 = x + 0.6 * size * static_cast<double>(w.text.size());
        w.y0 = baseline - size;
        w.y1 = baseline;
        w.size = size;
        w.bold = size > 10;
        w.space_after = true;
        return w;
    };
    PageWords page;
    page.width = 600;
    page.height = 800;
    const std::vector<std::string> filler = {"og", "tekst", "i", "kolonnen", "med", "ord", "af", "forskellig", "længde"};
    auto fill = [&](const std::string& first, double left, double right, double baseline, std::size_t shift) {
        double x = left;
        for (std::size_t k = 0;; ++k) {
            Word w = word(k == 0 ? first : filler[(k + shift) % filler.size()], x, baseline, 10);
            if (w.x1 > right) break;
            x = w.x1 + 4;
            page.words.push_back(std::move(w));
        }
    };
    // Left column x 50..280, baselines 12 pt apart from 117. The right column (x 320..550)
    // opens with a two-line title in 16 pt set on 10 pt leading, whose lines both overlap
    // the left column's line at 129; its body lines lie 6 pt below the left column's, so no
    // line of the two columns shares a baseline.
    for (std::size_t line = 0; line < 14; ++line) fill("venstre" + std::to_string(line), 50, 280, 117 + 12.0 * static_cast<double>(line), line);
    double x = 320;
    for (const char* t : {"Avanceret", "administration", "-"}) {
        page.words.push_back(word(t, x, 128, 16));
        x = page.words.back().x1 + 4;
    }
    page.words.push_back(word("hjælp", 320, 138, 16));
    for (std::size_t line = 0; line < 10; ++line) fill("højre" + std::to_string(line), 320, 550, 159 + 12.0 * static_cast<double>(line), line + 3);
    TextBuilder builder;
    builder.add_page(std::move(page));
    const auto built = std::move(builder).finish();
    INFO(built.text);
    // The title is read whole and in order; a lone dash at its line end keeps its space.
    CHECK(built.text.find("Avanceret administration - hjælp\n") != std::string::npos);
    // The columns are read one after the other, not line by line across the page.
    const std::size_t left_last = built.text.find("venstre13");
    const std::size_t right_first = built.text.find("højre0");
    REQUIRE(left_last != std::string::npos);
    REQUIRE(right_first != std::string::npos);
    CHECK(left_last < built.text.find("Avanceret"));
    CHECK(left_last < right_first);
    CHECK(built.text.find("\nvenstre1 ") != std::string::npos);
    CHECK(built.text.find("\nhøjre1 ") != std::string::npos);
}

TEST_CASE("pdf layout: coordinates that are not numbers and pages without words do not break it", "[pdf]") {
    using summalign::detail::PageWords;
    using summalign::detail::TextBuilder;
    using summalign::detail::Word;
    TextBuilder builder;
    builder.add_page(PageWords{600, 800, {}});
    PageWords odd{std::numeric_limits<double>::quiet_NaN(), -5, {}};
    Word w;
    w.text = "ord";
    w.x0 = std::numeric_limits<double>::quiet_NaN();
    w.x1 = std::numeric_limits<double>::infinity();
    w.y0 = 5;
    w.y1 = 1;
    w.size = 0;
    odd.words.push_back(w);
    w.x0 = 10, w.x1 = 20, w.y0 = 10, w.y1 = 20, w.size = 10;
    w.text = "mere";
    odd.words.push_back(w);
    builder.add_page(std::move(odd));
    builder.add_page(PageWords{600, 800, {}});
    const auto built = std::move(builder).finish();
    CHECK(built.has_text);
    CHECK(built.text.find("ord") != std::string::npos);
    CHECK(built.text.find("mere") != std::string::npos);
    REQUIRE(built.page_starts.size() == 3);
    CHECK(built.page_starts[0] == 0);
    CHECK(built.page_starts[2] == built.text.size());
}

TEST_CASE("pdf layout: a page of scattered words of mixed heights keeps every word", "[pdf]") {
    using summalign::detail::PageWords;
    using summalign::detail::TextBuilder;
    using summalign::detail::Word;
    PageWords page{600, 800, {}};
    // 20,000 words at pseudo-random places, a third of them in boxes three times as tall:
    // what a page of symbols, formulas or a scanned-and-OCRed table may look like.
    std::uint32_t state = 12345;
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (int i = 0; i < 20000; ++i) {
        Word w;
        w.text = "w" + std::to_string(i);
        w.x0 = static_cast<double>(next() % 580);
        w.x1 = w.x0 + 12;
        w.y1 = 20 + static_cast<double>(next() % 760);
        w.y0 = w.y1 - (i % 3 == 0 ? 24 : 8);
        w.size = 8;
        w.space_after = true;
        page.words.push_back(std::move(w));
    }
    TextBuilder builder;
    builder.add_page(std::move(page));
    const auto built = std::move(builder).finish();
    std::size_t words = 0, dropped = 0;
    for (std::size_t i = 0; i < built.text.size(); ++i)
        if (built.text[i] == 'w' && (i == 0 || built.text[i - 1] == ' ' || built.text[i - 1] == '\n')) ++words;
    for (const auto& repair : built.repairs) dropped += static_cast<std::size_t>(std::count(repair.detail.begin(), repair.detail.end(), 'w'));
    CHECK(words + dropped == 20000);
}
