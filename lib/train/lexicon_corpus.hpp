#pragma once
// Parallel text for training the learned lexicon: LibreOffice's translated help, whose
// Danish and English HTML pages share paragraph ids (id="par_id…", id="hd_id…").
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "train/train.hpp"

namespace summalign::detail {

// Text of every element whose id starts with "par_id" or "hd_id", keyed by the id (a
// repeated id gets "#2", "#3"… in order), white space collapsed. Parsed with libxml2's
// tolerant HTML parser: the help pages are HTML (void elements, attributes without
// values), not XML, so pugixml cannot read them.
std::vector<std::pair<std::string, std::string>> help_paragraphs(std::string_view html);

// Pairs the paragraphs of two translations of one page by id; pairs whose texts are
// identical (untranslated text, code, names) or empty are dropped.
std::vector<ParallelText> pair_help_pages(std::string_view danish_html, std::string_view english_html);

}  // namespace summalign::detail
