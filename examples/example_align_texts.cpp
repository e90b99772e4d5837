// Aligns any Danish text with its English translation, sentence by sentence, and says why.
//   example_align_texts                   (built-in example)
//   example_align_texts DA_FILE EN_FILE   (plain UTF-8 texts)
#include <iostream>
#include <string>
#include <vector>

#include <summalign/summalign.hpp>

namespace {

// Splits `text` into sentences and analyses each once for scoring.
std::vector<summalign::PreparedSentence> prepare(const summalign::SentenceScorer& scorer, const std::string& text,
                                                 summalign::Lang lang) {
    const summalign::Segmenter segmenter(lang);
    std::vector<summalign::PreparedSentence> sentences;
    for (const summalign::ByteSpan& span : segmenter.split(text)) {
        sentences.push_back(scorer.prepare(std::string_view(text).substr(span.begin, span.end - span.begin), lang));
    }
    return sentences;
}

std::string joined(const std::vector<summalign::PreparedSentence>& sentences, const std::vector<std::size_t>& ids) {
    std::string text;
    for (std::size_t id : ids) text += (text.empty() ? "" : " ") + sentences[id].text;
    return text.empty() ? "(nothing)" : text;
}

}  // namespace

int main(int argc, char** argv) {
    std::string danish =
        "Mesenkymale stamceller findes i knoglemarven. De kan isoleres fra perifert blod. "
        "Flere studier er lovende.";
    std::string english =
        "Mesenchymal stem cells are present in the bone marrow. They can be isolated from peripheral blood. "
        "Several studies are promising, and the treatment may soon become a reality.";
    if (argc == 3) {
        danish = summalign::read_source(argv[1]).bytes;
        english = summalign::read_source(argv[2]).bytes;
    } else if (argc != 1) {
        std::cerr << "usage: example_align_texts [DA_FILE EN_FILE]\n";
        return 2;
    }
    try {
        const summalign::Lexicon lexicon;                 // FreeDict, glossary, learned table: built once
        const summalign::SentenceScorer scorer(lexicon);  // shares the lexicon read-only
        const auto da = prepare(scorer, danish, summalign::Lang::da);
        const auto en = prepare(scorer, english, summalign::Lang::en);

        for (const summalign::Bead& bead : summalign::align_ladder(scorer, da, en)) {
            std::cout << "score " << bead.score << "\n  da: " << joined(da, bead.da) << "\n  en: " << joined(en, bead.en)
                      << '\n';
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
