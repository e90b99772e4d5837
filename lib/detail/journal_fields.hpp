#pragma once
// Field recognisers of the journal parser, exposed for the unit tests. All work on one
// normalised line or one joined block and are linear in its length.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/journal.hpp"

namespace summalign::journal_detail {

// "OVERSIGTSARTIKELMoustapha Kassem, ..." -> label "OVERSIGTSARTIKEL" and the rest
// starting at "Moustapha"; a line that is only a label ("LEDER") gives an empty rest.
// The label is a run of at least five capital letters (words separated by spaces) at the
// start of the line; glued to it, the rest must begin with a capitalised name.
struct KindLabel {
    std::string label;
    std::size_t rest_begin = 0;  // byte offset of the rest in the line
};
std::optional<KindLabel> split_kind_label(std::string_view line);

// Whether `text` reads like a list of names: letters, spaces, commas, '&', initials with
// full stops, hyphens; at least one capitalised word; no digits.
bool looks_like_names(std::string_view text);

// Splits an author list on commas and ampersands: "A, B & C" -> A, B, C.
std::vector<std::string> split_authors(std::string_view text);

// Labelled lines that open a field.
bool is_resume_label(std::string_view line);          // "Resumé" alone on its line
bool starts_summary(std::string_view line);           // "Summary", "SummaryCarsten ..."
std::size_t correspondence_label_length(std::string_view line);  // "Korrespondance:" -> 15, else 0

// The head of a Summary block after the "Summary" label: "Authors:Title.Journal YYYY;VOL: PAGES".
struct SummaryHead {
    std::size_t authors_begin = 0, authors_end = 0;  // byte range of the author list (empty when none)
    std::size_t title_begin = 0, title_end = 0;      // byte range of the English title (empty when none)
    std::optional<Citation> citation;
    std::size_t citation_begin = 0, citation_end = 0;
    std::size_t abstract_begin = 0;                  // where the English abstract starts
};
// `text` is the Summary block without its label.
SummaryHead parse_summary_head(std::string_view text);

// Closed-class words (articles, prepositions, conjunctions) of Danish and English: a
// heading never ends in one, a wrapped line often does.
bool is_function_word(std::string_view lower_word);

}  // namespace summalign::journal_detail
