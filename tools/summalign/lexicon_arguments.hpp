#pragma once
// The lexicon flags every command that scores sentences takes, with the same names and
// meaning everywhere: -d/--dict/--dictionary FILE (repeatable), --no-freedict, --no-glossary,
// --no-learned.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "summalign/lexicon.hpp"
#include "summalign/messages.hpp"

namespace summalign::cli {

struct LexiconArguments {
    std::vector<std::string> dictionaries;
    bool no_freedict = false;
    bool no_glossary = false;
    bool no_learned = false;

    // Registers the flags on `command`; `this` must outlive the parse (keep it in the
    // command's shared arguments struct).
    void add_to(CLI::App& command);
    LexiconOptions options() const;
    // options(), after one warning line on standard error for each default source they ask
    // for and this system lacks (missing_lexicon_sources): the results are still made, but
    // weaker, and the user should know why they differ from another machine's. For the
    // commands that load a lexicon.
    LexiconOptions options_warning_of_missing(const Messages& messages) const;
};

}  // namespace summalign::cli
