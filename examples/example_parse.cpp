// Parses a journal text and prints each article's structure.
//   example_parse corpus/ugeskr-2003-165-stamceller.txt
#include <iostream>

#include <summalign/summalign.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: example_parse FILE\n";
        return 2;
    }
    try {
        const summalign::SourceText source = summalign::read_source(argv[1]);  // checked UTF-8
        const summalign::Parser parser;  // loads segmenters and Hunspell once; reusable, thread-safe
        const summalign::Document document = parser.parse(source);

        for (const summalign::Article& article : document.articles) {
            std::cout << (article.title ? article.title->text : "(article without title)") << '\n';
            if (article.kind) std::cout << "  kind:     " << *article.kind << '\n';
            std::cout << "  authors:  " << article.authors.size() << '\n'
                      << "  Resumé:   " << article.resume.size() << " sentences\n"
                      << "  sections: " << article.sections.size() << '\n';
            if (!article.resume.empty()) {
                const summalign::Sentence& first = article.resume.front();
                // start/end are byte offsets into the file: the repaired text can always be traced back.
                std::cout << "  first Resumé sentence (bytes " << first.span.start << '-' << first.span.end << "): " << first.text
                          << '\n';
            }
            if (article.summary && article.summary->citation) {
                const summalign::Citation& citation = *article.summary->citation;
                std::cout << "  Summary:  " << article.summary->sentences.size() << " sentences, " << citation.journal
                          << ' ' << citation.year << ';' << citation.volume << ':' << citation.pages << '\n';
            }
        }
        std::cout << document.repairs.size() << " layout repairs\n";
    } catch (const summalign::Error& error) {
        std::cerr << "example_parse: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
