#include "summalign/pipeline.hpp"

#include <stdexcept>

#include "detail/parallel.hpp"

namespace summalign {

struct Aligner::Impl {
    std::shared_ptr<const Parser> parser;
    Lexicon lexicon;
    SentenceScorer scorer;
    Checker checker;

    Impl(std::shared_ptr<const Parser> parser_in, const LexiconOptions& options, unsigned threads)
        : parser(std::move(parser_in)), lexicon(options), scorer(lexicon), checker(lexicon, threads) {
        if (!parser) throw std::invalid_argument("Aligner: no parser");
    }
};

Aligner::Aligner(const LexiconOptions& options, unsigned threads)
    : impl_(std::make_unique<Impl>(std::make_shared<const Parser>(), options, threads)) {}
Aligner::Aligner(std::shared_ptr<const Parser> parser, const LexiconOptions& options, unsigned threads)
    : impl_(std::make_unique<Impl>(std::move(parser), options, threads)) {}
Aligner::~Aligner() = default;
Aligner::Aligner(Aligner&&) noexcept = default;
Aligner& Aligner::operator=(Aligner&&) noexcept = default;

const Parser& Aligner::parser() const { return *impl_->parser; }
const Lexicon& Aligner::lexicon() const { return impl_->lexicon; }
const SentenceScorer& Aligner::scorer() const { return impl_->scorer; }
const Checker& Aligner::checker() const { return impl_->checker; }

AlignedArticle Aligner::align_article(const Article& article, std::string_view source) const {
    AlignedArticle result;
    result.alignment = summalign::align_article(impl_->scorer, article);
    result.findings = source.empty() ? impl_->checker.check(article, result.alignment)
                                     : impl_->checker.check(article, result.alignment, source);
    return result;
}

AlignedDocument Aligner::align(const SourceText& source, unsigned threads) const {
    return align_parsed(impl_->parser->parse(DocumentLayout(source), threads), source.bytes, threads);
}

AlignedDocument Aligner::align(const Input& input, unsigned threads) const {
    Document document = impl_->parser->parse(DocumentLayout(input.source), threads);
    attach_pages(document, input);
    return align_parsed(std::move(document), input.source.bytes, threads);
}

AlignedDocument Aligner::align(Document document, unsigned threads) const {
    return align_parsed(std::move(document), {}, threads);
}

AlignedDocument Aligner::align_parsed(Document document, std::string_view source, unsigned threads) const {
    AlignedDocument result;
    result.articles.resize(document.articles.size());
    // Articles are independent and each call writes only its own slot, so the output is
    // the same for any number of threads.
    detail::parallel_for(document.articles.size(), threads, [&](std::size_t i) {
        result.articles[i] = align_article(document.articles[i], source);
    });
    result.document = std::move(document);
    return result;
}

}  // namespace summalign
