#pragma once
// A hand-built parsed and aligned document for the export tests: the second article of
// the seed (Kassem et al., "Mesenkymal stamcelleterapi") shortened, plus an article
// without a Summary whose texts carry everything an exporter must escape.
#include <string>
#include <vector>

#include "summalign/export.hpp"

namespace summalign::test {

inline Sentence sentence(std::string text, std::size_t start) {
    const std::size_t end = start + text.size();
    return Sentence{std::move(text), start, end};
}

inline Document sample_document() {
    Document document;
    document.source_name = "stamceller.txt";

    Article msc;
    msc.title = sentence("Mesenkymal stamcelleterapi", 1000);
    msc.subtitle = sentence("– nøglen til regenerativ medicin?", 1028);
    msc.kind = "OVERSIGTSARTIKEL";
    msc.authors = {"Moustapha Kassem", "Jens Kastrup", "Gitte Olsen", "Hans Erik Johnsen"};
    msc.resume = {
        sentence("Mesenkymale stamceller (MSC) findes i knoglemarven og kan blive ophav til forskellige celletyper.", 1100),
        sentence("MSC isoleres fra knoglemarven ved hjælp af fysiske eller kombinerede fysiske og immunologiske metoder.", 1200),
        sentence("MSC kan også isoleres fra perifert blod.", 1310),
        sentence("Det er en lovende behandling.", 1360),
    };
    Section intro;
    intro.sentences = {sentence("Stamceller kan dele sig og danne nye celler.", 1500)};
    Section methods;
    methods.heading = sentence("Isolering af MSC", 1560);
    methods.sentences = {
        sentence("MSC isoleres fra knoglemarven ved adhærens til plastik.", 1580),
        sentence("Perifert blod indeholder også MSC i små mængder.", 1640),
    };
    msc.sections = {intro, methods};
    msc.figures = {Figure{"Fig. 1", sentence("Mulig klinisk anvendelse af MSC (modificeret fra [9]).", 1700)}};
    Summary summary;
    summary.authors = msc.authors;
    summary.title = sentence("Mesenchymal stem cells: The key to regenerative medicine?", 2000);
    summary.citation = Citation{"Ugeskr Læger", 2003, 165, "4852-4855"};
    summary.sentences = {
        sentence("Mesenchymal stem cells (MSCs) are present in the bone marrow stroma and can differentiate into multiple cell types.", 2100),
        sentence("MSCs are isolated from the bone marrow by physical or combined physical and immunological methods.", 2220),
        sentence("MSCs can also be isolated from peripheral blood.", 2330),
        sentence("Several studies show that MSCs repair bone defects in 12 patients.", 2380),
    };
    summary.span = {1990, 2450};
    msc.summary = summary;
    msc.correspondence = sentence("Korrespondance: Moustapha Kassem, Endokrinologisk Afdeling.", 2500);
    msc.span = {990, 2600};

    // Everything an exporter has to escape: markup, quotes, ampersands, tabs, line breaks,
    // a control character, and non-ASCII letters.
    Article tricky;
    tricky.title = sentence("<script>alert(\"x\")</script> & 'Søren's' \"rå\" data", 3000);
    tricky.kind = std::nullopt;
    tricky.resume = {sentence("Tab\there, line\nbreak, bell\x07 and </textarea> & æøå.", 3100)};
    tricky.truncated_end = true;
    tricky.span = {2990, 3300};

    document.articles = {msc, tricky};
    document.repairs = {
        Repair{Repair::Kind::line_break_hyphen_removed, 1150, 1160, "kondrocytter"},
        Repair{Repair::Kind::running_head_dropped, 1400, 1450, "UGESKR LÆGER 165/50"},
    };
    return document;
}

inline std::vector<AlignedArticle> sample_aligned() {
    AlignedArticle msc;
    msc.alignment.title = TitlePair{"Mesenkymal stamcelleterapi: – nøglen til regenerativ medicin?",
                                    "Mesenchymal stem cells: The key to regenerative medicine?", 0.71,
                                    {WordMatch{"mesenkymal", "mesenchymal", MatchKind::cognate, 0.3},
                                     WordMatch{"medicin", "medicine", MatchKind::dictionary, 0.2}}};
    msc.alignment.resume_summary = {
        Bead{{0}, {0}, 0.82, {WordMatch{"stamceller", "stem cells", MatchKind::glossary, 0.25},
                              WordMatch{"MSC", "MSCs", MatchKind::abbreviation, 0.2}}, {}, {}},
        Bead{{1}, {1}, 0.9, {WordMatch{"knoglemarven", "bone marrow", MatchKind::glossary, 0.3}}, {}, {}},
        Bead{{2, 3}, {2}, 0.55, {WordMatch{"blod", "blood", MatchKind::dictionary, 0.2}}, {}, {}},
        Bead{{}, {3}, 0.0, {}, {}, {}},
    };
    msc.alignment.support = {
        ClaimSupport{0, true, {Evidence{0, 0, "Stamceller kan dele sig og danne nye celler.", 0.4,
                                        {WordMatch{"stamceller", "stem cells", MatchKind::glossary, 0.25}}}}},
        ClaimSupport{1, true, {Evidence{1, 0, "MSC isoleres fra knoglemarven ved adhærens til plastik.", 0.6,
                                        {WordMatch{"knoglemarven", "bone marrow", MatchKind::glossary, 0.3}}},
                               Evidence{1, 1, "Perifert blod indeholder også MSC i små mængder.", 0.3, {}}}},
        ClaimSupport{2, true, {Evidence{1, 1, "Perifert blod indeholder også MSC i små mængder.", 0.7, {}}}},
        ClaimSupport{3, false, {}},
    };
    msc.findings = {
        Finding{Finding::Kind::unsupported_claim, Lang::en,
                "Several studies show that MSCs repair bone defects in 12 patients.", "",
                "no Danish sentence supports this claim", "", {2380, 2446}},
        Finding{Finding::Kind::number_mismatch, Lang::en,
                "Several studies show that MSCs repair bone defects in 12 patients.", "12",
                "the number 12 does not occur in the Danish text", "", {2438, 2440}},
    };

    AlignedArticle tricky;
    tricky.findings = {Finding{Finding::Kind::missing_summary, Lang::da, "", "", "the article has no English Summary",
                               "", {2990, 3300}}};
    return {msc, tricky};
}

}  // namespace summalign::test
