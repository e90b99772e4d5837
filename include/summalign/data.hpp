#pragma once
// Where the data files the team wrote (abbreviation lists, glossary, the learned lexicon) live.
#include <filesystem>
#include <string>

namespace summalign {

// Finds a data file by name: $SUMMALIGN_DATA_DIR first, then the build tree (generated
// files such as the learned lexicon), the source tree's data/, and the installed
// share/summalign. Throws Error when none has it.
std::filesystem::path find_data_file(const std::string& name);

// Reads a whole data file found by find_data_file.
std::string read_data_file(const std::string& name);

}  // namespace summalign
