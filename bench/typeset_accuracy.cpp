// Field accuracy and strict Resumé/Summary bead F1 on the typeset corpus, per pdftotext mode
// and layout variant (tests/typeset/make_corpus.py writes the corpus; docs/typeset-corpus.md).
//
//   python3 tests/typeset/make_corpus.py --out build/typeset-corpus
//   build/bench_typeset_accuracy build/typeset-corpus [--failures N] [--exact-parts] [--variant NAME] [--mode MODE]
//
// A field is right for an article when it equals the gold exactly (title: title and subtitle;
// summary: presence, English authors, title and sentences; headings: the list of section
// headings; body: every section sentence). Bead F1 is strict: a bead counts when its Danish and
// English sentence indices both equal a gold bead's. "lost" counts gold Resumé and Summary
// sentences whose letters and digits appear nowhere in the parse, in any field. "F1|ok" is the
// strict bead F1 over the articles whose Resumé and Summary sentences both match the gold
// (in brackets: their gold beads, of all gold beads): the aligner's part, apart from parsing.
// --failures N prints the first N differences of each mode x variant; --exact-parts the parts
// (Score::part_exact) that are exact for every article, as tests/test_typeset_corpus.cpp lists them;
// --variant and --mode keep one variant or mode (the ALL row then sums what is kept).
#include <cstdio>
#include <set>
#include <utility>
#include <vector>
#include <cstdlib>
#include <string>

#include <fmt/core.h>

#include "typeset_score.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"

using namespace summalign;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [--failures N] [--exact-parts] [--variant NAME] [--mode MODE]\n(make CORPUS_DIR with python3 tests/typeset/make_corpus.py --out DIR)\n",
                     argv[0]);
        return 2;
    }
    std::size_t show_failures = 0;
    bool show_parts = false;
    std::string only_variant, only_mode;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--failures" && i + 1 < argc) show_failures = std::strtoul(argv[++i], nullptr, 10);
        else if (arg == "--exact-parts") show_parts = true;
        else if (arg == "--variant" && i + 1 < argc) only_variant = argv[++i];
        else if (arg == "--mode" && i + 1 < argc) only_mode = argv[++i];
        else {
            std::fprintf(stderr, "%s: unknown argument '%s'\n", argv[0], arg.c_str());
            return 2;
        }
    }
    const typeset::Corpus corpus = typeset::Corpus::load(argv[1]);
    if (corpus.documents.empty()) {
        std::fprintf(stderr, "%s: no manifest.json (run tests/typeset/make_corpus.py --out %s)\n", argv[1], argv[1]);
        return 1;
    }
    const Parser parser;
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);

    std::size_t articles = 0;
    for (const auto& g : corpus.gold) articles += g["articles"].size();
    fmt::print("typeset corpus {}: {} documents, {} articles; accuracy = share of gold articles whose field is exactly right\n",
               argv[1], corpus.documents.size(), articles);
    // The bead figures depend on the learned lexicon, which the build trains (cmake/lexicon.cmake).
    std::string learned = "none (not built)";
    try {
        learned = find_data_file(default_learned_lexicon_name).string();
    } catch (const Error&) {
    }
    fmt::print("learned lexicon: {}; {} lexicon entries\n", learned, lexicon.entry_count());
    // The aligner alone: the gold Resumé and Summary sentences, as a perfect parser would give them.
    {
        std::size_t correct = 0, found = 0, gold = 0;
        for (const auto& g : corpus.gold)
            for (const auto& a : g["articles"]) {
                if (a["summary"].is_null()) continue;
                Article article;
                for (const auto& t : a["resume"]) article.resume.push_back(Sentence{t.get<std::string>(), 0, 0});
                Summary summary;
                for (const auto& t : a["summary"]["sentences"]) summary.sentences.push_back(Sentence{t.get<std::string>(), 0, 0});
                article.summary = summary;
                const auto beads = align_article_parts(scorer, article).resume_summary;
                std::set<std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> truth;
                for (const auto& b : a["resume_summary"])
                    truth.emplace(b["da"].get<std::vector<std::size_t>>(), b["en"].get<std::vector<std::size_t>>());
                gold += truth.size();
                found += beads.size();
                for (const auto& b : beads) correct += truth.contains({b.da, b.en});
            }
        const double p = found ? double(correct) / double(found) : 0, r = gold ? double(correct) / double(gold) : 0;
        fmt::print("aligner on the gold sentences (no parsing): strict bead F1 {:.3f} ({} of {} gold beads, {} found)\n",
                   p + r > 0 ? 2 * p * r / (p + r) : 0.0, correct, gold, found);
    }
    fmt::print("{:<7} {:<31} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7} {:>13}\n", "mode", "variant",
               "title", "kind", "auth", "resum", "head", "summ", "cite", "body", "figs", "corr", "trunc", "beadF1", "lost", "art", "F1|ok");
    for (const auto& mode : corpus.modes) {
        if (!only_mode.empty() && mode != only_mode) continue;
        typeset::Score mode_total;
        for (const auto& variant : corpus.variants) {
            if (!only_variant.empty() && variant != only_variant) continue;
            const typeset::Score s = typeset::score_extraction(corpus, variant, mode, parser, &scorer);
            fmt::print("{:<7} {:<31}", mode, variant);
            for (std::size_t f = 0; f < typeset::field_count; ++f) fmt::print(" {:>5.2f}", s.accuracy(typeset::Field(f)));
            fmt::print(" {:>7.3f} {:>3}/{:<3} {:>3}/{:<3} {:.3f} ({}/{})\n", s.bead_f1(), s.sentences_lost, s.sentences_gold,
                       s.parsed_articles, s.articles, s.clean_bead_f1(), s.clean_gold, s.beads_gold);
            if (show_parts) {
                std::string parts;
                for (const char* part : {"title", "kind", "authors", "resume", "headings", "summary", "citation", "body",
                                         "figures", "correspondence", "truncated", "articles", "lost", "beads"})
                    if (*s.part_exact(part)) parts += std::string(parts.empty() ? "" : ", ") + "\"" + part + "\"";
                fmt::print("    exact: {}\n", s.exact() ? std::string("all") : parts);
            }
            for (std::size_t i = 0; i < show_failures && i < s.failures.size(); ++i) fmt::print("    {}\n", s.failures[i]);
            mode_total.add(s);
        }
        fmt::print("{:<7} {:<31}", mode, "ALL");
        for (std::size_t f = 0; f < typeset::field_count; ++f) fmt::print(" {:>5.2f}", mode_total.accuracy(typeset::Field(f)));
        fmt::print(" {:>7.3f} {:>3}/{:<3} {:>3}/{:<3} {:.3f} ({}/{})\n", mode_total.bead_f1(), mode_total.sentences_lost,
                   mode_total.sentences_gold, mode_total.parsed_articles, mode_total.articles, mode_total.clean_bead_f1(),
                   mode_total.clean_gold, mode_total.beads_gold);
    }
    return 0;
}
