#include "summalign/pipeline.hpp"

#include <stdexcept>

#include "detail/api_edge.hpp"
#include "detail/parallel.hpp"

namespace summalign {

struct Aligner::Impl {
    std::shared_ptr<const Parser> parser;
    Lexicon lexicon;
    SentenceScorer scorer;
    Checker checker;

    Impl(std::shared_ptr<const Parser> parser_in, const LexiconOptions& options, unsigned threads, const Messages& messages)
        : parser(checked(std::move(parser_in))), lexicon(options), scorer(lexicon), checker(lexicon, threads, messages, *parser) {}

    static std::shared_ptr<const Parser> checked(std::shared_ptr<const Parser> parser) {
        if (!parser) throw Error("Aligner: no parser");
        return parser;
    }
};

Aligner::Aligner(const LexiconOptions& options, unsigned threads, const Messages& messages)
    : impl_(detail::at_api_edge("Aligner", [&] { return std::make_unique<Impl>(std::make_shared<const Parser>(options, threads), options, threads, messages); })) {}
Aligner::Aligner(std::shared_ptr<const Parser> parser, const LexiconOptions& options, unsigned threads, const Messages& messages)
    : impl_(detail::at_api_edge("Aligner", [&] { return std::make_unique<Impl>(std::move(parser), options, threads, messages); })) {}
Aligner::~Aligner() = default;
Aligner::Aligner(Aligner&&) noexcept = default;
Aligner& Aligner::operator=(Aligner&&) noexcept = default;

const Parser& Aligner::parser() const { return *impl_->parser; }
const Lexicon& Aligner::lexicon() const { return impl_->lexicon; }
const SentenceScorer& Aligner::scorer() const { return impl_->scorer; }
const Checker& Aligner::checker() const { return impl_->checker; }

AlignedArticle Aligner::align_article(const Article& article, std::string_view source) const {
    return detail::at_api_edge("Aligner::align_article", [&] {
        AlignedArticle result;
        result.alignment = summalign::align_article_parts(impl_->scorer, article);
        result.findings = source.empty() ? impl_->checker.check(article, result.alignment)
                                         : impl_->checker.check(article, result.alignment, source);
        return result;
    });
}

// The document keeps a copy of the bytes (Document::source), as Parser::parse(source) does.
AlignedDocument Aligner::align(const SourceText& source, unsigned threads) const {
    return align(impl_->parser->parse(DocumentLayout(SourceText(source)), threads), threads);
}

AlignedDocument Aligner::align(const Input& input, unsigned threads) const {
    return detail::at_api_edge("Aligner::align", [&] {
        Document document = impl_->parser->parse(DocumentLayout(SourceText(input.source)), threads);
        attach_pages(document, input);
        return align(std::move(document), threads);
    });
}

AlignedDocument Aligner::align(Document&& document, unsigned threads) const {
    if (document.source)
        for (Article& article : document.articles) settle_resume_end(impl_->scorer, article, *document.source);
    AlignedDocument result;
    result.articles = align_articles(document, threads);
    result.document = std::move(document);
    return result;
}

std::vector<AlignedArticle> Aligner::align_articles(const Document& document, unsigned threads) const {
    return align_parsed(document, document.source ? std::string_view(*document.source) : std::string_view(), threads);
}

std::vector<AlignedArticle> Aligner::align_articles(const Document& document, std::string_view source,
                                                    unsigned threads) const {
    return align_parsed(document, source, threads);
}

std::vector<AlignedArticle> Aligner::align_parsed(const Document& document, std::string_view source,
                                                  unsigned threads) const {
    return detail::at_api_edge("Aligner::align", [&] {
        std::vector<AlignedArticle> articles(document.articles.size());
        // Articles are independent and each call writes only its own slot, so the output is
        // the same for any number of threads.
        detail::parallel_for(document.articles.size(), threads, [&](std::size_t i) {
            articles[i] = align_article(document.articles[i], source);
        });
        return articles;
    });
}

std::vector<Bead> Aligner::align_texts(std::span<const std::string> danish, std::span<const std::string> english,
                                       const LadderOptions& options) const {
    return summalign::align_texts(impl_->scorer, danish, english, options);
}

}  // namespace summalign
