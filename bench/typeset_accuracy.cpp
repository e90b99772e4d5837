// Field accuracy and strict Resumé/Summary bead F1 on the typeset corpus, per pdftotext mode
// and layout variant (tests/typeset/make_corpus.py writes the corpus; docs/typeset-corpus.md).
//
//   python3 tests/typeset/make_corpus.py --out build/typeset-corpus
//   build/bench_typeset_accuracy build/typeset-corpus [--failures N] [--exact-parts]
//
// A field is right for an article when it equals the gold exactly (title: title and subtitle;
// summary: presence, English authors, title and sentences; headings: the list of section
// headings; body: every section sentence). Bead F1 is strict: a bead counts when its Danish and
// English sentence indices both equal a gold bead's. "lost" counts gold Resumé and Summary
// sentences whose letters and digits appear nowhere in the parse, in any field.
// --failures N prints the first N differences of each mode x variant; --exact-parts the parts
// (Score::part_exact) that are exact for every article, as tests/test_typeset_corpus.cpp lists them.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/core.h>

#include "../tests/typeset/typeset_score.hpp"
#include "summalign/lexicon.hpp"

using namespace summalign;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [--failures N] [--exact-parts]\n(make CORPUS_DIR with python3 tests/typeset/make_corpus.py --out DIR)\n",
                     argv[0]);
        return 2;
    }
    std::size_t show_failures = 0;
    bool show_parts = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--failures" && i + 1 < argc) show_failures = std::strtoul(argv[++i], nullptr, 10);
        else if (arg == "--exact-parts") show_parts = true;
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
    fmt::print("{:<7} {:<31} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} {:>7} {:>6} {:>7}\n", "mode", "variant",
               "title", "kind", "auth", "resum", "head", "summ", "cite", "body", "figs", "corr", "beadF1", "lost", "art");
    for (const auto& mode : corpus.modes) {
        typeset::Score mode_total;
        for (const auto& variant : corpus.variants) {
            const typeset::Score s = typeset::score_extraction(corpus, variant, mode, parser, &scorer);
            fmt::print("{:<7} {:<31}", mode, variant);
            for (std::size_t f = 0; f < typeset::field_count; ++f) fmt::print(" {:>5.2f}", s.accuracy(typeset::Field(f)));
            fmt::print(" {:>7.3f} {:>3}/{:<3} {:>3}/{:<3}\n", s.bead_f1(), s.sentences_lost, s.sentences_gold, s.parsed_articles,
                       s.articles);
            if (show_parts) {
                std::string parts;
                for (const char* part : {"title", "kind", "authors", "resume", "headings", "summary", "citation", "body",
                                         "figures", "correspondence", "articles", "lost", "beads"})
                    if (*s.part_exact(part)) parts += std::string(parts.empty() ? "" : ", ") + "\"" + part + "\"";
                fmt::print("    exact: {}\n", s.exact() ? std::string("all") : parts);
            }
            for (std::size_t i = 0; i < show_failures && i < s.failures.size(); ++i) fmt::print("    {}\n", s.failures[i]);
            mode_total.add(s);
        }
        fmt::print("{:<7} {:<31}", mode, "ALL");
        for (std::size_t f = 0; f < typeset::field_count; ++f) fmt::print(" {:>5.2f}", mode_total.accuracy(typeset::Field(f)));
        fmt::print(" {:>7.3f} {:>3}/{:<3} {:>3}/{:<3}\n", mode_total.bead_f1(), mode_total.sentences_lost,
                   mode_total.sentences_gold, mode_total.parsed_articles, mode_total.articles);
    }
    return 0;
}
