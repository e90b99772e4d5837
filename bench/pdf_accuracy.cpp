// Field accuracy and strict Resumé/Summary bead F1 of the PDF path on the typeset corpus, per
// layout variant, beside the three pdftotext text paths of the same PDFs, scored alike
// (tests/support/typeset_score.hpp, as bench/typeset_accuracy.cpp scores them).
//
//   python3 tests/typeset/make_corpus.py --out build/typeset-corpus
//   build/bench_pdf_accuracy build/typeset-corpus [--failures N] [--exact-parts] [--modes pdf,default,raw,layout]
//
// Mode "pdf" reads VARIANT/docNN.pdf with summalign::read_input (poppler, lib/pdf.cpp);
// "default", "raw" and "layout" read the pdftotext extractions the generator wrote.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <fmt/core.h>

#include "typeset_score.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/pdf.hpp"

using namespace summalign;


int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR [--failures N] [--exact-parts] [--modes pdf,default,raw,layout]\n", argv[0]);
        return 2;
    }
    std::size_t show_failures = 0;
    bool show_parts = false;
    std::string only_modes;  // comma-separated; empty: every mode
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--failures" && i + 1 < argc) show_failures = std::strtoul(argv[++i], nullptr, 10);
        else if (arg == "--exact-parts") show_parts = true;
        else if (arg == "--modes" && i + 1 < argc) only_modes = "," + std::string(argv[++i]) + ",";
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
    std::vector<std::string> modes = {"pdf"};
    modes.insert(modes.end(), corpus.modes.begin(), corpus.modes.end());
    if (!only_modes.empty())
        std::erase_if(modes, [&](const std::string& m) { return only_modes.find("," + m + ",") == std::string::npos; });

    std::size_t articles = 0;
    for (const auto& g : corpus.gold) articles += g["articles"].size();
    fmt::print("typeset corpus {}: {} documents, {} articles per variant; accuracy = share of gold articles whose field is exactly right\n",
               argv[1], corpus.documents.size(), articles);
    fmt::print("{:<7} {:<31}", "mode", "variant");
    for (const char* name : typeset::field_names) fmt::print(" {:>5.5}", name);
    fmt::print(" {:>7} {:>7} {:>7}\n", "beadF1", "lost", "art");
    for (const auto& mode : modes) {
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
