// Parses a small journal text with the installed summalign and prints what it found;
// scripts/test-find-package.sh compares the output with expected.txt.
#include <iostream>
#include <sstream>
#include <string>

#include <summalign/summalign.hpp>

int main() {
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
        // The installed data files are found (the test points SUMMALIGN_DATA_DIR at them).
        std::cout << "abbreviations file found: " << !summalign::read_data_file("abbreviations-da.txt").empty() << '\n';
    } catch (const summalign::Error& error) {
        std::cerr << "consumer: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
