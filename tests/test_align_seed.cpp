// The seed end to end: Parser + Lexicon + SentenceScorer + align_article_parts, checked against
// the hand-written gold in corpus/gold/ (sentences identified by text, not index).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

#include "train/gold_match.hpp"
#include "detail/align_calibration.hpp"
#include "detail/align_sketch.hpp"
#include "detail/similarity_keys.hpp"
#include "detail/claim_support.hpp"
#include "summalign/align.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "summalign/text.hpp"

using namespace summalign;

namespace {

const std::string kSource = std::string(SUMMALIGN_TEST_SOURCE_DIR) + "/corpus/ugeskr-2003-165-stamceller.txt";
const std::string kGold = std::string(SUMMALIGN_TEST_SOURCE_DIR) + "/corpus/gold/ugeskr-2003-165-stamceller.alignment.json";

using summalign::detail::same_sentence;

struct Fixture {
    Parser parser;
    Lexicon lexicon;
    SentenceScorer scorer{lexicon};
    Document document;
    nlohmann::json gold;
    Fixture() {
        document = parser.parse(read_source(kSource));
        std::ifstream in(kGold);
        gold = nlohmann::json::parse(in);
    }
    const Article* article_with_summary_title(const std::string& title) const {
        for (const auto& article : document.articles)
            if (article.summary && article.summary->title && same_sentence(article.summary->title->text, title)) return &article;
        return nullptr;
    }
};

std::string replace_in(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

}  // namespace

TEST_CASE("seed: the complete article's Resume and Summary are five 1-1 beads, title pair found, claims supported") {
    auto& f = fixture();
    const auto& gold = f.gold["articles"][1];
    const Article* article = f.article_with_summary_title(gold["summary_title"].get<std::string>());
    REQUIRE(article != nullptr);
    const ArticleAlignment alignment = align_article_parts(f.scorer, *article);

    REQUIRE(alignment.title.has_value());
    CHECK(same_sentence(alignment.title->da, gold["title"]["da"].get<std::string>()));
    CHECK(same_sentence(alignment.title->en, gold["title"]["en"].get<std::string>()));
    CHECK(alignment.title->score > 0.5);

    // The gold's beads, in the parser's indexes (found by text).
    auto index_of = [](const std::vector<Sentence>& sentences, const std::string& text) -> std::size_t {
        for (std::size_t k = 0; k < sentences.size(); ++k)
            if (same_sentence(sentences[k].text, text)) return k;
        FAIL("gold sentence not found by the parser: " << text);
        return 0;
    };
    REQUIRE(alignment.resume_summary.size() == gold["resume_summary"].size());
    for (std::size_t b = 0; b < alignment.resume_summary.size(); ++b) {
        const auto& bead = alignment.resume_summary[b];
        const auto& gold_bead = gold["resume_summary"][b];
        REQUIRE(bead.da.size() == 1);
        REQUIRE(bead.en.size() == 1);
        CHECK(bead.da[0] == index_of(article->resume, gold["resume"][gold_bead["da"][0].get<std::size_t>()].get<std::string>()));
        CHECK(bead.en[0] ==
              index_of(article->summary->sentences, gold["summary"][gold_bead["en"][0].get<std::size_t>()].get<std::string>()));
        CHECK(bead.score > 0.5);
    }

    REQUIRE(alignment.support.size() == gold["support"].size());
    for (std::size_t c = 0; c < alignment.support.size(); ++c) {
        const auto& claim = alignment.support[c];
        const auto& gold_claim = gold["support"][c];
        INFO("claim: " << gold_claim["en"].get<std::string>());
        REQUIRE(claim.supported);
        REQUIRE_FALSE(claim.evidence.empty());
        const auto& top = claim.evidence.front().text;
        INFO("top evidence: " << top);
        const bool correct = std::any_of(gold_claim["evidence"].begin(), gold_claim["evidence"].end(),
                                         [&](const nlohmann::json& text) { return same_sentence(top, text.get<std::string>()); });
        CHECK(correct);
        for (std::size_t e = 1; e < claim.evidence.size(); ++e) CHECK(claim.evidence[e - 1].score >= claim.evidence[e].score);
    }
}

TEST_CASE("seed: no claim of the cut-off first article is supported by the excerpt") {
    auto& f = fixture();
    const auto& gold = f.gold["articles"][0];
    const Article* article = f.article_with_summary_title(gold["summary_title"].get<std::string>());
    REQUIRE(article != nullptr);
    const ArticleAlignment alignment = align_article_parts(f.scorer, *article);
    CHECK_FALSE(alignment.title.has_value());  // no Danish title in the excerpt
    CHECK(alignment.resume_summary.empty());   // no Resume: nothing to align, not omissions
    REQUIRE(alignment.support.size() == gold["support"].size());
    for (const auto& claim : alignment.support) {
        CHECK_FALSE(claim.supported);
        CHECK(claim.evidence.empty());
    }
}

// align_article_parts's claim support is the support model's options read off as documented
// (docs/scoring.md): best_score is the best option's probability, evidence holds the
// sentences of options reaching the threshold, best first, each at most once.
TEST_CASE("seed: claim support reports the best support option and evidence above the threshold") {
    auto& f = fixture();
    const double threshold = support_threshold();
    const detail::SupportModel model = detail::default_support_model();
    std::size_t claims_checked = 0;
    for (const Article& article : f.document.articles) {
        if (!article.summary) continue;
        const ArticleAlignment alignment = align_article_parts(f.scorer, article);
        std::vector<PreparedSentence> body;
        std::vector<detail::SentenceSketch> sketches;
        std::vector<std::pair<std::size_t, std::size_t>> where;
        for (std::size_t s = 0; s < article.sections.size(); ++s)
            for (std::size_t k = 0; k < article.sections[s].sentences.size(); ++k) {
                body.push_back(f.scorer.prepare(article.sections[s].sentences[k].text, Lang::da));
                sketches.push_back(detail::sketch_of(body.back()));
                where.emplace_back(s, k);
            }
        std::vector<std::string_view> texts;
        for (const auto& [s, k] : where) texts.push_back(article.sections[s].sentences[k].text);
        const auto clauses = detail::colon_clauses(f.scorer, texts);
        REQUIRE(alignment.support.size() == article.summary->sentences.size());
        for (std::size_t c = 0; c < alignment.support.size(); ++c) {
            const PreparedSentence claim = f.scorer.prepare(article.summary->sentences[c].text, Lang::en);
            const auto options = detail::support_options(claim, body, sketches, model, clauses);
            const ClaimSupport& got = alignment.support[c];
            REQUIRE_FALSE(options.empty());
            CHECK(got.best_score == options.front().probability);
            CHECK(got.supported == (got.best_score >= threshold));
            CHECK(got.evidence.size() <= 3);
            if (got.supported) CHECK(got.evidence.front().score == got.best_score);
            for (std::size_t e = 0; e < got.evidence.size(); ++e) {
                CHECK(got.evidence[e].score >= threshold);
                if (e > 0) CHECK(got.evidence[e - 1].score >= got.evidence[e].score);
                for (std::size_t other = 0; other < e; ++other)
                    CHECK(std::make_pair(got.evidence[other].section, got.evidence[other].sentence) !=
                          std::make_pair(got.evidence[e].section, got.evidence[e].sentence));
            }
            // The top evidence is the sentence the best option was found from.
            if (got.supported)
                CHECK(std::make_pair(got.evidence.front().section, got.evidence.front().sentence) == where[options.front().first]);
            ++claims_checked;
        }
    }
    CHECK(claims_checked >= 9);  // the seed's two Summaries (five and four claims)
}

// The ladder scores beads through BeadScorer, which finds each sentence pair's word links
// once; every bead it scores must equal SentenceScorer::score on the same sentences, to the
// last bit, whatever beads were asked for before.
TEST_CASE("seed: BeadScorer gives exactly SentenceScorer::score for every bead shape and position") {
    const Fixture& f = fixture();
    std::vector<PreparedSentence> danish, english;
    for (const auto& article : f.document.articles) {
        for (const auto& s : article.resume) danish.push_back(f.scorer.prepare(s.text, Lang::da));
        for (const auto& section : article.sections)
            for (std::size_t k = 0; k < section.sentences.size() && k < 3; ++k)
                danish.push_back(f.scorer.prepare(section.sentences[k].text, Lang::da));
        if (article.summary)
            for (const auto& s : article.summary->sentences) english.push_back(f.scorer.prepare(s.text, Lang::en));
    }
    danish.push_back(f.scorer.prepare("", Lang::da));  // a sentence without tokens
    REQUIRE(danish.size() >= 20);
    REQUIRE(english.size() >= 9);

    detail::BeadScorer beads(danish, english);
    std::size_t compared = 0, nonzero = 0;
    // Twice over, the second time in reverse, so that scores come from kept links too.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t n = 0; n < danish.size(); ++n) {
            const std::size_t i = pass == 0 ? n : danish.size() - 1 - n;
            for (std::size_t j = 0; j < english.size(); ++j)
                for (std::size_t da_count = 0; da_count <= 2 && i + da_count <= danish.size(); ++da_count)
                    for (std::size_t en_count = 0; en_count <= 2 && j + en_count <= english.size(); ++en_count) {
                        std::vector<const PreparedSentence*> da, en;
                        for (std::size_t k = 0; k < da_count; ++k) da.push_back(&danish[i + k]);
                        for (std::size_t k = 0; k < en_count; ++k) en.push_back(&english[j + k]);
                        const double expected = f.scorer.score(da, en).score;
                        const double got = beads.score(i, da_count, j, en_count);
                        INFO("danish " << i << "+" << da_count << ", english " << j << "+" << en_count);
                        CHECK(got == expected);
                        ++compared;
                        if (expected > 0.0) ++nonzero;
                    }
        }
    }
    CHECK(compared > 1000);
    CHECK(nonzero > compared / 4);
}

TEST_CASE("the body's first sentences that translate the Summary's unpaired last ones go back to the Resumé") {
    auto& f = fixture();
    // A blank line inside the Resumé (in `pdftotext -layout` text, the other column's row)
    // ends it after its first sentence: the second opens the body, and the Summary's second
    // sentence has no Resumé sentence to pair with.
    const auto article_with = [](const std::string& second_paragraph) {
        return "Stamceller fra knoglemarven\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\n\nRESUMÉ\n"
               "Mesenkymale stamceller kan isoleres fra knoglemarven hos voksne mennesker\n"
               "og dyrkes i laboratoriet i mange uger, før de bruges til behandling af\n"
               "patienter.\n\n" +
               second_paragraph +
               "\n"
               "Hospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj.\n\n"
               "Baggrund\n"
               "Knoglemarven indeholder flere typer af stamceller, som kan dele sig mange\n"
               "gange og danne celler af forskellige slags, for eksempel knogle og brusk.\n\n"
               "SUMMARY\nMikkel Holm & Ole Olsen: Stem cells from the bone marrow. Ugeskr Læger 2004;166:383-6.\n"
               "Mesenchymal stem cells can be isolated from the bone marrow of adults and grown in the\n"
               "laboratory for many weeks before they are used to treat patients. Patients with bone\n"
               "defects have been treated with the cells in several clinical trials, and the results are\n"
               "promising for future use.\n";
    };
    const std::string source = article_with("Patienter med knogledefekter er blevet behandlet med cellerne i flere\n"
                                            "kliniske forsøg, og resultaterne er lovende for fremtidens brug.\n");
    Document document = f.parser.parse(make_source(source, "layout"));
    REQUIRE(document.articles.size() == 1);
    Article& article = document.articles[0];
    REQUIRE(article.resume.size() == 1);
    REQUIRE(!article.sections.empty());
    REQUIRE(article.sections.front().sentences.size() == 2);
    CHECK(settle_resume_end(f.scorer, article, source) == 1);
    REQUIRE(article.resume.size() == 2);
    CHECK(article.resume.back().text ==
          "Patienter med knogledefekter er blevet behandlet med cellerne i flere kliniske forsøg, og resultaterne er lovende for fremtidens brug.");
    REQUIRE(!article.sections.empty());
    CHECK(!article.sections.front().heading);
    REQUIRE(article.sections.front().sentences.size() == 1);
    CHECK(article.sections.front().sentences.front().text == "Hospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj.");
    CHECK(std::any_of(article.structure_notes.begin(), article.structure_notes.end(), [](const StructureNote& note) {
        return note.message.find("the body's first sentence translates the Summary's last") != std::string::npos;
    }));
    // Settled once, it stays: the Summary's sentences are all paired now.
    CHECK(settle_resume_end(f.scorer, article, source) == 0);

    // A body that opens with its own text keeps it: the Summary's sentence is left unpaired.
    const std::string own_text = article_with("Hospitalet har behandlet mange patienter i de seneste år.\n");
    Document second = f.parser.parse(make_source(own_text, "own"));
    REQUIRE(second.articles.size() == 1);
    REQUIRE(second.articles[0].resume.size() == 1);
    CHECK(settle_resume_end(f.scorer, second.articles[0], own_text) == 0);
    CHECK(second.articles[0].resume.size() == 1);
}

TEST_CASE("a Summary sentence the Resumé's last bead could absorb goes to its translation at the body's start") {
    auto& f = fixture();
    // The seed's Resumé cut before its last sentence by a blank line: run on the Resumé alone,
    // the ladder pairs the Resumé's long fourth sentence with the Summary's fourth and fifth
    // (both speak of studies), leaving no Summary sentence unpaired; with the body's first
    // sentences beside it, the fifth goes to its own translation.
    const std::string source =
        "Mesenkymal stamcelleterapi\nOVERSIGTSARTIKEL\nMoustapha Kassem & Jens Kastrup\nRESUMÉ\n"
        "Mesenkymale stamceller (MSC) findes i knoglemarven og kan blive ophav til forskellige celletyper, f.eks. "
        "osteoblaster, kondrocytter, adipocytter, endotelceller og myocytter. MSC isoleres fra knoglemarven ved hjælp af "
        "fysiske eller kombinerede fysiske og immunologiske metoder. MSC kan også isoleres fra perifert blod og fra "
        "»stroma« af mange organer. Der er gennemført flere studier, som viser, at det praktisk er muligt at anvende MSC "
        "i klinikken f.eks. i behandling af store knogle- og bruskdefekter, til gendannelse af blodkar (vaskulogenese og "
        "angiogense), i behandling af ikkehelende hudsår og ved systemisk transplantation sammen med hæmatopoietisk "
        "stamcelletransplantation eller til behandling af systemiske knoglesygdomme.\n\n"
        "Mange af disse studier er så lovende, at det kan forventes, at\nbehandling med MSC vil blive aktuel i den "
        "nærmeste fremtid.\nHospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj.\n\n"
        "Baggrund\nKnoglemarven indeholder flere typer af stamceller, som kan dele sig mange\n"
        "gange og danne celler af forskellige slags, for eksempel knogle og brusk.\n\n"
        "SUMMARY\nMoustapha Kassem & Jens Kastrup: Mesenchymal stem cells: The key to regenerative medicine? "
        "Ugeskr Læger 2003;165: 4852-4855\n"
        "Mesenchymal stem cells (MSCs) are present in the bone marrow stroma and can differentiate into multiple cell "
        "types, including osteoblasts, chondrocytes, adipocytes, endothelial cells and myocytes. MSCs are isolated from "
        "the bone marrow by physical or combined physical and immunological methods. MSCs can also be isolated from "
        "peripheral blood and from the “stroma” of various organs. Recently, studies in humans and animals have shown "
        "that it is possible to use MSCs to repair bone and cartilage defects, to form new blood vessels, to treat poorly "
        "healed skin ulcers and also in systemic transplantation together with hematopoietic stem cells or for treatment "
        "of systemic bone diseases. Several of these studies are very promising, and it is expected that the use of MSCs "
        "in therapy will become a reality in the near future.\n";
    Document document = f.parser.parse(make_source(source, "cut"));
    REQUIRE(document.articles.size() == 1);
    Article& article = document.articles[0];
    REQUIRE(article.resume.size() == 4);
    CHECK(settle_resume_end(f.scorer, article, source) == 1);
    REQUIRE(article.resume.size() == 5);
    CHECK(article.resume.back().text ==
          "Mange af disse studier er så lovende, at det kan forventes, at behandling med MSC vil blive aktuel i den nærmeste fremtid.");
    REQUIRE(!article.sections.empty());
    REQUIRE(!article.sections.front().sentences.empty());
    CHECK(article.sections.front().sentences.front().text == "Hospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj.");
}

TEST_CASE("a Resumé whose end no blank line marks gives the Summary's untranslated last sentence to the body") {
    auto& f = fixture();
    // As `pdftotext -raw` prints it: no blank lines, and the Resumé's second sentence ends on a
    // full line, so that the parser runs on to the next short line (the body's first
    // paragraph, one sentence long). The Summary translates the first two sentences.
    const auto article_with = [](const std::string& after_resume) {
        return "Stamceller fra knoglemarven\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\nRESUMÉ\n"
               "Mesenkymale stamceller kan isoleres fra knoglemarven hos voksne mennesker\n"
               "og dyrkes i laboratoriet i mange uger, før de bruges til behandling af\n"
               "patienter. Patienter med knogledefekter er blevet behandlet med cellerne\n"
               "i flere kliniske forsøg, og resultaterne er lovende for fremtidens brug.\n" +
               after_resume +
               "Baggrund\n"
               "Knoglemarven indeholder flere typer af stamceller, som kan dele sig mange\n"
               "gange og danne celler af forskellige slags, for eksempel knogle og brusk\n"
               "og fedt. Cellerne findes også i blodet.\n"
               "SUMMARY\nMikkel Holm & Ole Olsen: Stem cells from the bone marrow. Ugeskr Læger 2004;166:383-6.\n"
               "Mesenchymal stem cells can be isolated from the bone marrow of adults and grown in the\n"
               "laboratory for many weeks before they are used to treat patients. Patients with bone\n"
               "defects have been treated with the cells in several clinical trials, and the results are\n"
               "promising for future use.\n";
    };
    const std::string unrelated = "Hospitalet fik en ny bygning i foråret.\n";
    const std::string source = article_with(unrelated);
    Document document = f.parser.parse(make_source(source, "raw"));
    REQUIRE(document.articles.size() == 1);
    Article& article = document.articles[0];
    REQUIRE(article.resume_end_guessed);
    REQUIRE(article.resume.size() == 3);
    CHECK(settle_resume_end(f.scorer, article, source) == 1);
    CHECK(article.resume.size() == 2);
    REQUIRE(!article.sections.empty());
    CHECK(!article.sections.front().heading);
    REQUIRE(!article.sections.front().sentences.empty());
    CHECK(article.sections.front().sentences.front().text == "Hospitalet fik en ny bygning i foråret.");
    CHECK(std::any_of(article.structure_notes.begin(), article.structure_notes.end(), [](const StructureNote& note) {
        return note.message.find("translates none of its sentences from sentence 3 on") != std::string::npos;
    }));
    // Settled once, it stays: nothing more moves.
    CHECK(settle_resume_end(f.scorer, article, source) == 0);

    // A last sentence the Summary translates stays the Resumé's.
    const std::string translated = "Behandlingen er sikker.\n";
    const std::string with_translation =
        replace_in(article_with(translated), "promising for future use.\n", "promising for future use. The treatment is safe.\n");
    Document second = f.parser.parse(make_source(with_translation, "translated"));
    REQUIRE(second.articles.size() == 1);
    REQUIRE(second.articles[0].resume.size() == 3);
    CHECK(settle_resume_end(f.scorer, second.articles[0], with_translation) == 0);
    CHECK(second.articles[0].resume.size() == 3);

    // A blank line after the Resumé is the source's own end: its untranslated last sentence stays.
    const std::string marked = replace_in(article_with(unrelated), "i foråret.\n", "i foråret.\n\n");
    Document third = f.parser.parse(make_source(marked, "marked"));
    REQUIRE(third.articles.size() == 1);
    CHECK(!third.articles[0].resume_end_guessed);
    CHECK(settle_resume_end(f.scorer, third.articles[0], marked) == 0);

    // Where blank lines part no paragraphs, the blank line a page break leaves (its running
    // head dropped) is no mark of the Resumé's end either: the Summary settles it.
    // (Two more short paragraphs in the body make the text one without blank paragraphs.)
    const std::string page_break =
        replace_in(replace_in(article_with(unrelated), "i foråret.\n", "i foråret.\n\nUGESKR LÆGER 166/7 · 9. FEBRUAR 2004\n"),
                   "Cellerne findes også i blodet.\n", "Cellerne findes også i blodet.\nDe deler sig hurtigt.\nDe lever længe.\n");
    Document broken = f.parser.parse(make_source(page_break, "page-break"));
    REQUIRE(broken.articles.size() == 1);
    REQUIRE(broken.articles[0].resume.size() == 3);
    CHECK(broken.articles[0].resume_end_guessed);
    CHECK(settle_resume_end(f.scorer, broken.articles[0], page_break) == 1);
    // In text whose paragraphs blank lines part, the same blank line ends the Resumé.
    const std::string spaced =
        replace_in(replace_in(page_break, "De deler sig hurtigt.\nDe lever længe.\n", "\nDe deler sig hurtigt.\n\nDe lever længe.\n\n"),
                   "Baggrund\n", "\nBaggrund\n\n");
    Document spaced_document = f.parser.parse(make_source(spaced, "page-break-spaced"));
    REQUIRE(spaced_document.articles.size() == 1);
    REQUIRE(spaced_document.articles[0].resume.size() == 3);
    CHECK(!spaced_document.articles[0].resume_end_guessed);

    // The blank line after a caption set below the block is the caption's end, not the
    // Resumé's: the end stays a guess, which the Summary settles.
    const std::string captioned =
        replace_in(article_with(unrelated), "i foråret.\n", "i foråret.\nFig. 1. Stamceller i knoglemarven set i mikroskop.\n\n");
    Document fourth = f.parser.parse(make_source(captioned, "captioned"));
    REQUIRE(fourth.articles.size() == 1);
    REQUIRE(fourth.articles[0].figures.size() == 1);
    CHECK(fourth.articles[0].resume_end_guessed);
    REQUIRE(fourth.articles[0].resume.size() == 3);
    CHECK(settle_resume_end(f.scorer, fourth.articles[0], captioned) == 1);
    CHECK(fourth.articles[0].resume.size() == 2);

    // A Resumé that ran on three sentences past its two-sentence Summary: the last repeats part
    // of a Summary sentence (between 0.1 and 0.5), which does not keep a sentence more than two
    // past the Summary's count; the two before it share nothing with it. All three go to the body.
    // (The Resumé's last line fills the column, so the parser's count rule finds no short line
    // to end it at.)
    const std::string run_on =
        replace_in(article_with("Hospitalet fik en ny bygning i foråret. Personalet flyttede ind i maj. Patienter\n"
                                "med knogledefekter er blevet behandlet med cellerne.\n"),
                   "resultaterne er lovende for", "resultaterne er meget lovende for");
    Document fifth = f.parser.parse(make_source(run_on, "run-on"));
    REQUIRE(fifth.articles.size() == 1);
    Article& ran_on = fifth.articles[0];
    REQUIRE(ran_on.resume_end_guessed);
    REQUIRE(ran_on.resume.size() == 5);
    REQUIRE(ran_on.summary->sentences.size() == 2);
    const ArticleAlignment scores = align_article_parts(f.scorer, ran_on);
    const auto best = [&](std::size_t i) {
        return *std::max_element(scores.resume_summary_matrix[i].begin(), scores.resume_summary_matrix[i].end());
    };
    REQUIRE(best(2) < 0.1);
    REQUIRE(best(3) < 0.1);
    REQUIRE(best(4) >= 0.1);
    REQUIRE(best(4) < 0.5);
    CHECK(settle_resume_end(f.scorer, ran_on, run_on) == 3);
    CHECK(ran_on.resume.size() == 2);
    REQUIRE(!ran_on.sections.empty());
    REQUIRE(!ran_on.sections.front().sentences.empty());
    CHECK(ran_on.sections.front().sentences.front().text == "Hospitalet fik en ny bygning i foråret.");

    // A paragraph that ran on: its last sentence shares words with a Summary sentence (between
    // 0.1 and 0.5) that the Resumé's second sentence evidently translates. That does not make it
    // translated: both sentences of the paragraph go to the body.
    const std::string weak_tail = "Patienter med knogledefekter blev behandlet i den nye bygning.";
    const std::string shared_words = article_with("Hospitalet fik en ny bygning i foråret. Patienter med knogledefekter\n"
                                                  "blev behandlet i den nye bygning.\n");
    Document sixth = f.parser.parse(make_source(shared_words, "shared words"));
    REQUIRE(sixth.articles.size() == 1);
    Article& shares = sixth.articles[0];
    REQUIRE(shares.resume_end_guessed);
    REQUIRE(shares.resume.size() == 4);
    REQUIRE(shares.resume.back().text == weak_tail);
    const ArticleAlignment shared_scores = align_article_parts(f.scorer, shares);
    REQUIRE(shared_scores.resume_summary_matrix[1][1] >= 0.9);
    REQUIRE(shared_scores.resume_summary_matrix[3][1] >= 0.1);
    REQUIRE(shared_scores.resume_summary_matrix[3][1] < 0.5);
    REQUIRE(shared_scores.resume_summary_matrix[3][0] < 0.1);
    CHECK(settle_resume_end(f.scorer, shares, shared_words) == 2);
    CHECK(shares.resume.size() == 2);
    REQUIRE(!shares.sections.empty());
    REQUIRE(!shares.sections.front().sentences.empty());
    CHECK(shares.sections.front().sentences.front().text == "Hospitalet fik en ny bygning i foråret.");

    // Where a sentence starts is read from the source: after a line break, or after a gutter of
    // three spaces or more, as `pdftotext -layout` sets a right-column line beside the left
    // one's. After a single space it starts inside a line, so no paragraph starts there.
    // (The same article, its source bytes before the run-on paragraph changed in place.)
    const std::size_t run_on_start = shared_words.find("Hospitalet fik");
    REQUIRE(run_on_start != std::string::npos);
    REQUIRE(shared_words.substr(run_on_start - 4, 4) == "ug.\n");
    std::string beside_gutter = shared_words, inside_line = shared_words;
    for (std::size_t k = run_on_start - 3; k < run_on_start; ++k) beside_gutter[k] = ' ';
    inside_line[run_on_start - 1] = ' ';
    for (const auto& [text, moved] : {std::pair{beside_gutter, std::size_t{2}}, std::pair{inside_line, std::size_t{0}}}) {
        Document again = f.parser.parse(make_source(shared_words, "shared words"));
        REQUIRE(again.articles.size() == 1);
        CHECK(settle_resume_end(f.scorer, again.articles[0], text) == moved);
    }

    // Such a sentence alone after the Resumé may be one the Summary leaves out: it stays.
    const std::string one_weak = article_with("Patienter med knogledefekter blev behandlet med cellerne.\n");
    Document seventh = f.parser.parse(make_source(one_weak, "one weak sentence"));
    REQUIRE(seventh.articles.size() == 1);
    REQUIRE(seventh.articles[0].resume_end_guessed);
    REQUIRE(seventh.articles[0].resume.size() == 3);
    const ArticleAlignment one_weak_scores = align_article_parts(f.scorer, seventh.articles[0]);
    REQUIRE(one_weak_scores.resume_summary_matrix[1][1] >= 0.9);
    REQUIRE(one_weak_scores.resume_summary_matrix[2][1] >= 0.1);
    REQUIRE(one_weak_scores.resume_summary_matrix[2][1] < 0.5);
    CHECK(settle_resume_end(f.scorer, seventh.articles[0], one_weak) == 0);
    CHECK(seventh.articles[0].resume.size() == 3);
}

TEST_CASE("in text that sets each block apart (mutool), the blank line after the Resumé's block is no mark of its end") {
    auto& f = fixture();
    // As mutool prints a page whose Resumé runs into the body without space between them:
    // printed lines with their broken words, paragraphs without blank lines (short last
    // lines), a blank line after each block the extractor found. The Resumé's block holds
    // the body's first paragraph; the blank line after it ends the block, so the end stays a
    // guess, which the Summary settles.
    const std::string source =
        "Stamceller fra knoglemarven\n\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\n\nRESUMÉ\n"
        "Mesenkymale stamceller kan isoleres fra knoglemarven hos voksne menne-\n"
        "sker og dyrkes i laboratoriet i mange uger, før de bruges til behandling\n"
        "af patienter. Patienter med knogledefekter er blevet behandlet med cel-\n"
        "lerne i flere kliniske forsøg, og resultaterne er lovende for fremtiden.\n"
        "Hospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj\n"
        "måned, hvor de nye laboratorier også blev taget i brug af alle afde-\n"
        "lingerne på en gang.\n\nBaggrund\n\n"
        "Knoglemarven indeholder flere typer af stamceller, som kan dele sig.\n"
        "Cellerne findes også i blodet hos de fleste voksne.\n"
        "Blodet tages fra en vene i armen på patienten.\n"
        "Cellerne dyrkes derefter i mange uger.\n"
        "SUMMARY Mikkel Holm & Ole Olsen: Stem cells from the bone marrow. Ugeskr\n"
        "Læger 2004;166:383-6. Mesenchymal stem cells can be isolated from the\n"
        "bone marrow of adults and grown in the laboratory for many weeks before\n"
        "they are used to treat patients. Patients with bone defects have been\n"
        "treated with the cells in several clinical trials, and the results are\n"
        "promising for the future.\n";
    Document document = f.parser.parse(make_source(source, "mutool"));
    REQUIRE(document.articles.size() == 1);
    Article& article = document.articles[0];
    REQUIRE(article.resume.size() == 3);
    CHECK(article.resume_end_guessed);
    // No note: the guess is no short line's, and the Summary settles it.
    CHECK(article.structure_notes.empty());
    CHECK(settle_resume_end(f.scorer, article, source) == 1);
    CHECK(article.resume.size() == 2);
    REQUIRE(article.sections.size() == 2);
    CHECK(!article.sections.front().heading);
    REQUIRE(article.sections.front().sentences.size() == 1);
    CHECK(article.sections.front().sentences.front().text.starts_with("Hospitalet fik en ny bygning i foråret"));
}


TEST_CASE("a body's first sentence that translates the Summary's last at 0.5 or more goes back to the Resumé") {
    auto& f = fixture();
    // A Danish sentence says "the" with its nouns' endings (klinikken, behandlingen), which no
    // lexicon entry links, so a translation can score under 0.9 and still evidently be one.
    const std::string claim = "The patients are followed in the clinic after the treatment.";
    const auto article_with = [&](const std::string& opening) {
        return "Stamceller fra knoglemarven\nOVERSIGTSARTIKEL\nMikkel Holm & Ole Olsen\n\nRESUMÉ\n"
               "Mesenkymale stamceller kan isoleres fra knoglemarven hos voksne mennesker\n"
               "og dyrkes i laboratoriet i mange uger, før de bruges til behandling af\n"
               "patienter.\n\n" +
               opening +
               "\nHospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj.\n\n"
               "Baggrund\n"
               "Knoglemarven indeholder flere typer af stamceller, som kan dele sig mange\n"
               "gange og danne celler af forskellige slags, for eksempel knogle og brusk.\n\n"
               "SUMMARY\nMikkel Holm & Ole Olsen: Stem cells from the bone marrow. Ugeskr Læger 2004;166:383-6.\n"
               "Mesenchymal stem cells can be isolated from the bone marrow of adults and grown in the\n"
               "laboratory for many weeks before they are used to treat patients. " +
               claim + "\n";
    };
    const auto probability = [&](const std::string& danish) {
        const std::string_view da = danish, en = claim;
        const double raw = f.scorer.score(f.scorer.prepare(da, Lang::da), f.scorer.prepare(en, Lang::en)).score;
        return summalign::detail::default_calibration().probability(raw, da.size(), en.size());
    };
    const std::string translation = "Patienterne følges i klinikken efter behandlingen.";
    REQUIRE(probability(translation) >= 0.5);
    REQUIRE(probability(translation) < 0.9);
    const std::string source = article_with(translation);
    Document document = f.parser.parse(make_source(source, "layout"));
    REQUIRE(document.articles.size() == 1);
    Article& article = document.articles[0];
    REQUIRE(article.resume.size() == 1);
    CHECK(settle_resume_end(f.scorer, article, source) == 1);
    REQUIRE(article.resume.size() == 2);
    CHECK(article.resume.back().text == translation);
    REQUIRE(!article.sections.empty());
    REQUIRE(!article.sections.front().sentences.empty());
    CHECK(article.sections.front().sentences.front().text == "Hospitalet fik en ny bygning i foråret, og personalet flyttede ind i maj.");

    // Control: a sentence that shares the claim's words (patienterne, klinikken) but says
    // something else scores under 0.5 and opens the body.
    const std::string other = "Patienterne får cellerne i klinikken efter operationen.";
    REQUIRE(probability(other) > 0.1);
    REQUIRE(probability(other) < 0.5);
    const std::string other_source = article_with(other);
    Document second = f.parser.parse(make_source(other_source, "other"));
    REQUIRE(second.articles.size() == 1);
    REQUIRE(second.articles[0].resume.size() == 1);
    CHECK(settle_resume_end(f.scorer, second.articles[0], other_source) == 0);
    CHECK(second.articles[0].resume.size() == 1);
    REQUIRE(!second.articles[0].sections.empty());
    REQUIRE(!second.articles[0].sections.front().sentences.empty());
    CHECK(second.articles[0].sections.front().sentences.front().text == other);
}
