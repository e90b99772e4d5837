// Parses a small journal text with the installed summalign and prints what it found;
// scripts/test-find-package.sh compares the output with expected.txt.
//   consumer PREFIX   (PREFIX: where the package is installed; its data files must be used)
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <summalign/summalign.hpp>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: consumer PREFIX\n";
        return 2;
    }
    const std::string prefix = argv[1];
    const std::string text =
        " Mesenkymal stamcelleterapi \n"
        "– nøglen til regenerativ medicin?\n"
        "\n"
        "OVERSIGTSARTIKELMoustapha Kassem & Jens Kastrup\n"
        "\n"
        "Resumé\n"
        "Mesenkymale stamceller (MSC) findes i knoglemarven. MSC kan også isoleres fra perifert blod.\n"
        "\n"
        "Stamceller kan dele sig og danne nye celler. De kan bruges i klinikken.\n"
        "\n"
        "SummaryMoustapha Kassem & Jens Kastrup:Mesenchymal stem cells: The key to regenerative medicine?"
        "Ugeskr Læger 2003;165: 4852-4855Mesenchymal stem cells (MSCs) are present in the bone marrow. "
        "MSCs can also be isolated from peripheral blood.\n";
    try {
        const summalign::Parser parser;
        const summalign::Document document = parser.parse(summalign::make_source(text, "consumer.txt"));
        std::cout << "articles: " << document.articles.size() << '\n';
        for (const summalign::Article& article : document.articles) {
            std::cout << "title: " << (article.title ? article.title->text : "(none)") << '\n'
                      << "resume sentences: " << article.resume.size() << '\n'
                      << "summary sentences: " << (article.summary ? article.summary->sentences.size() : 0) << '\n';
        }
        std::ostringstream json;
        summalign::write_document(json, summalign::Format::json, document, {});
        std::cout << "json export: " << (json.str().find("\"articles\"") != std::string::npos ? "ok" : "missing") << '\n';
        // Sentences prepared and scored with the installed headers, which name a prepared
        // sentence's analysis without defining it: copies and moves are the library's.
        const summalign::Lexicon lexicon;
        const summalign::SentenceScorer scorer(lexicon);
        const summalign::PreparedSentence danish =
            scorer.prepare("Mesenkymale stamceller findes i knoglemarven.", summalign::Lang::da);
        std::vector<summalign::PreparedSentence> english;
        english.push_back(scorer.prepare("Mesenchymal stem cells are present in the bone marrow.", summalign::Lang::en));
        english.push_back(scorer.prepare("The weather was cold in December.", summalign::Lang::en));
        const summalign::PreparedSentence copy = danish;
        const double translation = scorer.score(copy, english[0]).score;
        std::cout << "translation scores above an unrelated sentence: " << (translation > scorer.score(danish, english[1]).score)
                  << '\n'
                  << "a copied prepared sentence scores as the original: "
                  << (translation == scorer.score(danish, english[0]).score) << '\n';
        // The data files come from the installed prefix, not from the build or source tree.
        const std::string data_file = summalign::find_data_file("abbreviations-da.txt").string();
        const bool from_prefix = data_file.rfind(prefix + "/", 0) == 0;
        std::cout << "abbreviations file found in the prefix: " << from_prefix << '\n';
        if (!from_prefix) std::cerr << "consumer: data file from " << data_file << ", not from " << prefix << '\n';
        // The headers and the library agree on the version, and the macros are usable in #if.
#if SUMMALIGN_VERSION >= 100
        std::cout << "version: " << (summalign::version() == SUMMALIGN_VERSION_STRING ? "headers = library" : "mismatch")
                  << '\n';
#endif
    } catch (const summalign::Error& error) {
        std::cerr << "consumer: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
