#pragma once
// Field recognisers of the journal parser, exposed for the unit tests. All work on one
// normalised line or one joined block and are linear in its length.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/journal.hpp"

namespace summalign::detail {

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

// One of the journal's rubrics ("OVERSIGTSARTIKEL", "KASUISTIK", "VIDENSKABELIG ARTIKEL", ...).
bool is_known_kind(std::string_view label);

// Labelled lines that open a field. Labels are matched in any case ("Resumé", "RESUMÉ").
// "Resumé" alone, with a colon or run-in ("Resumé Mesenkymale ..."): where the Resumé's
// text starts in the line (line.size() when the label stands alone), else 0.
std::size_t resume_label_length(std::string_view line);
bool is_resume_label(std::string_view line);
// "Summary", "SUMMARY:", "SummaryCarsten ...": the byte end of the label word in the line, else 0.
std::size_t summary_label_length(std::string_view line);
bool starts_summary(std::string_view line);
std::size_t correspondence_label_length(std::string_view line);  // "Korrespondance:" -> 15, else 0
// The reference list's heading ("Litteratur", "LITTERATUR:", "Referencer", "References"), alone
// on its line, with a colon, or run-in before a capital or digit ("Litteratur: Findes i den
// elektroniske udgave", "Litteratur 1. Thomas ED …"): where the list's text starts in the
// line (line.size() when the label stands alone), else 0. Never glued or before lower case:
// "Litteraturen viser …" is running text.
std::size_t references_label_length(std::string_view line);
// A labelled line of the article's end matter besides the address ("Antaget:",
// "Interessekonflikter:", "Taksigelse:", "Accepted:", "Conflicts of interest:"; colon
// required, any case): where its text starts, with `label` set to the label as printed; 0
// when the line has none.
std::size_t end_note_label_length(std::string_view line, std::string& label);
// Where a reference entry starts a line: "1. ", "12 ", "[3] ", "(4) " before its text.
bool starts_reference_entry(std::string_view line);

// A part label of a structured Resumé or Summary at the start of a sentence
// ("Introduktion:", "Materiale og metoder", "Results:", "CONCLUSION"), followed by a colon
// or by a capitalised word: where the part's text starts, with `label` set to the label as
// printed; 0 when the sentence has no such label.
std::size_t part_label_length(std::string_view text, std::string& label);
// The longest part label's length in bytes ("materials and methods").
inline constexpr std::size_t longest_part_label_bytes = 21;
// Where a part label stands in a structured abstract's order: 0 introduction or background
// (aim), 1 methods, 2 results, 3 discussion, 4 conclusion; -1 for no part label.
int part_label_rank(std::string_view label);
// Whether a part label is Danish ("Resultater", "Materiale og metoder"), not English.
bool is_danish_part_label(std::string_view label);

// The head of a Summary block after the "Summary" label: "Authors:Title.Journal YYYY;VOL: PAGES",
// the citation also in its short form ("Ugeskr Læger 2003;165:4852-5.") or closing the block
// after the abstract.
struct SummaryHead {
    std::size_t authors_begin = 0, authors_end = 0;  // byte range of the author list (empty when none)
    std::size_t title_begin = 0, title_end = 0;      // byte range of the English title (empty when none)
    std::optional<Citation> citation;
    std::size_t citation_begin = 0, citation_end = 0;
    std::size_t abstract_begin = 0;                  // where the English abstract starts
    std::size_t abstract_end = 0;                    // and ends (before a citation that closes the block)
};
// `text` is the Summary block without its label.
SummaryHead parse_summary_head(std::string_view text);

// Whether `c` opens a quotation (« » “ "), as a sentence or a field's text may begin.
bool is_opening_quote(char32_t c);

// Closed-class words (articles, prepositions, conjunctions) of Danish and English: a
// heading never ends in one, a wrapped line often does.
bool is_closed_class_word(std::string_view lower_word);

// The language of running text, from closed-class words that are common in one of Danish
// and English and no word of the other ("og", "ikke", "hvis" | "the", "which", "you"). A
// few votes decide; a name list, a citation or a heading has none.
struct LanguageVotes {
    std::size_t danish = 0, english = 0;
    // Two votes at least, and three times the other language's.
    bool danish_text() const { return danish >= 2 && danish >= 3 * english; }
    bool english_text() const { return english >= 2 && english >= 3 * danish; }
    void add(const LanguageVotes& other) { danish += other.danish, english += other.english; }
};
LanguageVotes language_votes(std::string_view text);

// The Resumé's sentences from `keep` on, found to be the body's opening text (the parser by
// the Summary's count or length, settle_resume_end by its translation): moved to the front of
// the body (an unheaded first section), the last part of a structured Resumé ended at `keep`,
// and a structure note with `message` over the moved text. `keep` < article.resume.size().
void move_resume_end_to_body(Article& article, std::size_t keep, std::string message);

// The first `count` sentences of the body's unheaded first section, found to be the Resumé's
// last (settle_resume_end, by their translation in the Summary): appended to the Resumé (to
// a structured Resumé's last part), with a structure note with `message` over them; the
// section goes when nothing is left of it. 0 < `count` <= that section's sentences.
void move_body_start_to_resume(Article& article, std::size_t count, std::string message);

}  // namespace summalign::detail
