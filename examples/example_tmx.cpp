// Aligns a journal text and writes a TMX translation memory for a CAT tool (OmegaT, Trados).
//   example_tmx corpus/ugeskr-2003-165-stamceller.txt memory.tmx
#include <fstream>
#include <iostream>

#include <summalign/summalign.hpp>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: example_tmx FILE OUTPUT.tmx\n";
        return 2;
    }
    try {
        const summalign::Aligner aligner;  // parser, lexicon, scorer and checker, built once
        const summalign::AlignedDocument aligned =
            aligner.align(aligner.parser().parse(summalign::read_source(argv[1])));

        summalign::ExportOptions options;
        options.da_language = "da-DK";  // the codes your translation memory uses
        options.en_language = "en-GB";
        std::ofstream out(argv[2], std::ios::binary);
        summalign::write_document(out, summalign::Format::tmx, aligned, options);
        if (!out) {
            std::cerr << "example_tmx: cannot write " << argv[2] << '\n';
            return 1;
        }

        std::size_t pairs = 0;
        for (const summalign::AlignedArticle& article : aligned.articles) {
            pairs += article.alignment.title ? 1 : 0;
            for (const summalign::Bead& bead : article.alignment.resume_summary) pairs += !bead.da.empty() && !bead.en.empty();
        }
        std::cout << "wrote " << pairs << " translation units to " << argv[2] << '\n';
    } catch (const summalign::Error& error) {
        std::cerr << "example_tmx: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
