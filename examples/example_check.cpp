// Checks each English Summary against its Danish article: unsupported claims, numbers and
// abbreviations that do not match, misspellings.
//   example_check corpus/ugeskr-2003-165-stamceller.txt
#include <iostream>

#include <summalign/summalign.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: example_check FILE\n";
        return 2;
    }
    try {
        const summalign::Aligner aligner;
        const summalign::Document document = aligner.parser().parse(summalign::read_source(argv[1]));
        for (const summalign::Article& article : document.articles) {
            // The stages one by one (Aligner::align does the same for a whole document).
            const summalign::ArticleAlignment alignment = summalign::align_article_parts(aligner.scorer(), article);
            const std::vector<summalign::Finding> findings = aligner.checker().check(article, alignment);

            std::cout << (article.title ? article.title->text : "(article without title)") << ": " << findings.size()
                      << " findings\n";
            for (const summalign::Finding& finding : findings) {
                std::cout << "  [" << summalign::to_string(finding.kind) << ", " << summalign::to_string(finding.lang)
                          << ", bytes " << finding.span.start << '-' << finding.span.end << "] " << finding.message;
                if (!finding.suggestion.empty()) std::cout << " (suggestion: " << finding.suggestion << ')';
                std::cout << '\n';
            }
        }
    } catch (const summalign::Error& error) {
        std::cerr << "example_check: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
