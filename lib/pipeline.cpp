#include "summalign/pipeline.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>

namespace summalign {

struct Aligner::Impl {
    Parser parser;
    Lexicon lexicon;
    SentenceScorer scorer;
    Checker checker;

    explicit Impl(const LexiconOptions& options) : lexicon(options), scorer(lexicon), checker(lexicon) {}
};

Aligner::Aligner(const LexiconOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Aligner::~Aligner() = default;
Aligner::Aligner(Aligner&&) noexcept = default;
Aligner& Aligner::operator=(Aligner&&) noexcept = default;

const Parser& Aligner::parser() const { return impl_->parser; }
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
    return align_parsed(impl_->parser.parse(source), source.bytes, threads);
}

AlignedDocument Aligner::align(Document document, unsigned threads) const {
    return align_parsed(std::move(document), {}, threads);
}

AlignedDocument Aligner::align_parsed(Document document, std::string_view source, unsigned threads) const {
    AlignedDocument result;
    result.articles.resize(document.articles.size());
    const std::size_t count = document.articles.size();
    const unsigned workers = static_cast<unsigned>(std::clamp<std::size_t>(threads == 0 ? 1 : threads, 1, std::max<std::size_t>(count, 1)));

    // Articles are independent: each worker takes the next unaligned one and writes
    // only its own slot, so the output is the same for any number of threads.
    std::atomic<std::size_t> next{0};
    std::vector<std::exception_ptr> failures(workers);
    auto work = [&](unsigned worker) {
        try {
            for (std::size_t i = next++; i < count; i = next++)
                result.articles[i] = align_article(document.articles[i], source);
        } catch (...) {
            failures[worker] = std::current_exception();
            next = count;
        }
    };
    if (workers == 1) {
        work(0);
    } else {
        std::vector<std::jthread> pool;
        for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work, w);
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);
    result.document = std::move(document);
    return result;
}

}  // namespace summalign
