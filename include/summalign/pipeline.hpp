#pragma once
// The whole flow, parse -> align -> check, for one document, with the expensive objects
// (parser, lexicon, scorer, checker) built once and shared read-only between threads.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/error.hpp"
#include "summalign/align.hpp"
#include "summalign/aligned.hpp"
#include "summalign/check.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/messages.hpp"
#include "summalign/pdf.hpp"
#include "summalign/similarity.hpp"

namespace summalign {

class Aligner {
public:
    // `threads`: how many threads will align at once (as Checker's `threads`).
    // `messages`: the language of the findings' messages (English by default).
    explicit Aligner(const LexiconOptions& options = {}, unsigned threads = 1, const Messages& messages = {});
    // With a parser made beforehand and shared (the caller may parse with it while the
    // rest loads: a Parser is const and thread-safe). The checker shares the parser's
    // Hunspell dictionaries when the parser loaded them from options.hunspell_dirs
    // (Parser(options, threads)); the first constructor makes its parser so.
    Aligner(std::shared_ptr<const Parser> parser, const LexiconOptions& options = {}, unsigned threads = 1,
            const Messages& messages = {});
    ~Aligner();
    Aligner(Aligner&&) noexcept;
    Aligner& operator=(Aligner&&) noexcept;

    const Parser& parser() const;
    const Lexicon& lexicon() const;
    const SentenceScorer& scorer() const;
    const Checker& checker() const;

    // Aligns and checks every article of an already parsed document, using up to
    // `threads` threads; the result does not depend on `threads`. The document is moved
    // into the result, not copied (align(std::move(document)), align(parser().parse(source))).
    // Findings get exact word spans in the source when the document kept its bytes
    // (Document::source), as from align(source); with them, each Resumé's guessed end is
    // first settled by its Summary (settle_resume_end, align.hpp).
    AlignedDocument align(Document&& document, unsigned threads = 1) const;
    // The same without taking the document: the aligned articles, parallel to
    // document.articles (write_document(out, format, document, articles) writes them). The
    // articles are aligned as given: a caller settles them first where it wants that.
    // `source`, when given, is the bytes the document was parsed from (else Document::source).
    std::vector<AlignedArticle> align_articles(const Document& document, unsigned threads = 1) const;
    std::vector<AlignedArticle> align_articles(const Document& document, std::string_view source,
                                               unsigned threads = 1) const;
    // Parses `source`, then aligns and checks it; findings get exact word spans in the source.
    AlignedDocument align(const SourceText& source, unsigned threads = 1) const;
    // The same for what read_input() gives, text or a PDF's text layer: a PDF's sentences
    // also get their pages, and its extraction repairs join the document's (attach_pages).
    AlignedDocument align(const Input& input, unsigned threads = 1) const;
    // `source` (the bytes the article was parsed from), when given, makes finding spans exact.
    AlignedArticle align_article(const Article& article, std::string_view source = {}) const;

    // Two texts given as segments (one sentence, line or paragraph each), aligned as
    // `summalign align-text` does with this aligner's scorer (align_texts, align.hpp): beads
    // with their segments' indices, texts, scores and word matches.
    std::vector<Bead> align_texts(std::span<const std::string> danish, std::span<const std::string> english,
                                  const LadderOptions& options = {}) const;

private:
    std::vector<AlignedArticle> align_parsed(const Document& document, std::string_view source, unsigned threads) const;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign
