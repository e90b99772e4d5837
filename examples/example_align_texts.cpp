// Aligns any Danish text with its English translation, sentence by sentence, and says why.
//   example_align_texts                   (built-in example)
//   example_align_texts DA_FILE EN_FILE   (plain UTF-8 texts)
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <summalign/summalign.hpp>

namespace {

// The sentences of `text`.
std::vector<std::string> sentences(const std::string& text, summalign::Lang lang) {
    const summalign::Segmenter segmenter(lang);
    std::vector<std::string> result;
    for (const summalign::SourceSpan& span : segmenter.split(text))
        result.emplace_back(std::string_view(text).substr(span.start, span.end - span.start));
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 1 && argc != 3) {
        std::cerr << "usage: example_align_texts [DA_FILE EN_FILE]\n";
        return 2;
    }
    try {
        std::string danish =
            "Mesenkymale stamceller findes i knoglemarven. De kan isoleres fra perifert blod. "
            "Flere studier er lovende.";
        std::string english =
            "Mesenchymal stem cells are present in the bone marrow. They can be isolated from peripheral blood. "
            "Several studies are promising, and the treatment may soon become a reality.";
        if (argc == 3) {
            danish = summalign::read_source(argv[1]).bytes;  // throws summalign::Error: missing file, not UTF-8, ...
            english = summalign::read_source(argv[2]).bytes;
        }
        const summalign::Lexicon lexicon;                 // FreeDict, glossary, learned table: built once
        const summalign::SentenceScorer scorer(lexicon);  // shares the lexicon read-only
        const auto da = sentences(danish, summalign::Lang::da);
        const auto en = sentences(english, summalign::Lang::en);

        for (const summalign::Bead& bead : summalign::align_texts(scorer, da, en)) {
            std::cout << "score " << bead.score << "\n  da: " << (bead.da.empty() ? "(nothing)" : bead.da_text)
                      << "\n  en: " << (bead.en.empty() ? "(nothing)" : bead.en_text) << '\n';
            for (const summalign::WordMatch& match : bead.matches) {
                std::cout << "    " << match.da << " = " << match.en << " (" << summalign::to_string(match.kind) << ")\n";
            }
        }
    } catch (const summalign::Error& error) {
        std::cerr << "example_align_texts: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
