#pragma once
// Where the data files the team wrote (abbreviation lists, glossary, the learned lexicon) live.
#include <filesystem>
#include <string>

namespace summalign {

// Finds a data file by name: $SUMMALIGN_DATA_DIR first; then, for an installed copy,
// share/summalign of the prefix the library (or the program linking it) was installed
// into, found from the binary's own location so that a moved prefix still works; for a
// program inside the build tree, the build tree (generated files such as the learned
// lexicon) and the source tree's data/ instead; last the configured prefix's
// share/summalign. Throws Error naming every folder looked in when none has it.
std::filesystem::path find_data_file(const std::string& name);

// Reads a whole data file found by find_data_file.
std::string read_data_file(const std::string& name);

}  // namespace summalign
