#include "lexicon_arguments.hpp"

#include <iostream>

#include "detail/messages_format.hpp"

namespace summalign::cli {

void LexiconArguments::add_to(CLI::App& command) {
    command.add_option("-d,--dict,--dictionary", dictionaries,
                       "extra dictionary, repeatable: hunalign .dict (english @ danish) or TSV (danish<TAB>english)")
        ->check(CLI::ExistingFile);
    command.add_flag("--no-freedict", no_freedict, "do not use the FreeDict dictionaries");
    command.add_flag("--no-glossary", no_glossary, "do not use the built-in medical glossary");
    command.add_flag("--no-learned", no_learned, "do not use the learned (IBM Model 1) table");
}

LexiconOptions LexiconArguments::options() const {
    LexiconOptions options;
    options.use_freedict = !no_freedict;
    options.use_glossary = !no_glossary;
    options.use_learned = !no_learned;
    for (const auto& path : dictionaries) options.user_dictionaries.emplace_back(path);
    return options;
}

LexiconOptions LexiconArguments::options_warning_of_missing(const Messages& messages) const {
    LexiconOptions lexicon = options();
    for (const MissingLexiconSource& missing : missing_lexicon_sources(lexicon)) {
        const std::string_view source = to_string(missing.source);
        std::cerr << "summalign: "
                  << detail::format_message(messages, "warning: no {} lexicon, so the scores are weaker ({}; --no-{} says it is meant)",
                                            source, missing.what, source)
                  << '\n';
    }
    return lexicon;
}

}  // namespace summalign::cli
