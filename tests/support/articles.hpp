// Small journal articles that more than one test program parses.
#pragma once

#include <string>

namespace summalign::test {

// An article whose Resumé has no blank line or short line after it (pdftotext -raw) and whose
// Resumé's last line fills the column (the body's first word would not have fitted after it):
// nothing in the layout ends the Resumé, and the parser ends it by the Summary's count, with a
// note.
inline std::string article_with_runon_resume() {
    return
        "Stamceller i klinikken\n"
        "OVERSIGTSARTIKEL\n"
        "Jens Hansen & Ole Olsen\n"
        "Resumé\n"
        "Stamceller bruges i stigende grad i behandlingen af mange sygdomme.\n"
        "Resultaterne er lovende for patienter med hjertesygdom i dag. De\n"
        "langsigtede virkninger af behandlingen kendes endnu ikke i dag.\n"
        "Der er stor interesse for stamceller i hele verden blandt forskerne\n"
        "og klinikerne. Behandlingen er dog stadig eksperimentel og dyr her.\n"
        "Vi gennemgik litteraturen fra de seneste ti år om emnet i denne\n"
        "oversigt. Mange studier var små og havde ingen kontrolgruppe.\n"
        "Summary\n"
        "Jens Hansen & Ole Olsen: Stem cells in the clinic. Ugeskr Læger 2004;166: 101-103\n"
        "Stem cells are used more and more in the treatment of many diseases. The results are promising\n"
        "for patients with heart disease today. The long-term effects of the treatment are not yet known.\n"
        "Korrespondance: Jens Hansen, Medicinsk afdeling, Rigshospitalet.\n";
}

}  // namespace summalign::test
