#pragma once
// Stage 0 for PDF input: the text layer of a PDF read with poppler, page by page, in the
// form the text parser reads best, with what the page geometry tells and plain text loses.
//
// The columns are read in order; running heads, footers and page numbers are recognised by
// their place on the page and left out of the text (kept as repairs); headings and run-in
// labels are put on lines of their own from font size and weight; figure captions are put
// on one line of their own, apart from the running text. Every offset the library reports
// for PDF input is a byte offset into the extracted text (`PdfText::source.bytes`), and
// `page_starts` maps it to its page. See docs/layout.md, "PDF input".
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/journal.hpp"
#include "summalign/layout.hpp"
#include "summalign/text.hpp"

namespace summalign {

struct PdfText {
    // The extracted text (checked UTF-8), named as the PDF was.
    SourceText source;
    // page_starts[i]: offset in source.bytes where page i + 1 begins; one entry per page,
    // non-decreasing (a page without text starts where the next one does).
    std::vector<std::size_t> page_starts;
    // What was left out of the text, at the offset where it stood (an empty span):
    // running heads, footers and page numbers; `detail` names the text and its page.
    std::vector<Repair> repairs;
};

// Whether `bytes` start like a PDF file: "%PDF-" first, or after a few bytes of junk within
// the first 1024 bytes (as the PDF reference allows) when that junk is not text, so that a
// UTF-8 text that mentions "%PDF-" near its start stays text.
bool is_pdf(std::string_view bytes) noexcept;

// Extracts the text of a PDF held in memory. Throws Error naming `name` when the PDF is
// encrypted, damaged (truncated, unreadable cross-reference table, a page that cannot be
// read) or has no text layer at all (scanned: "it needs OCR first"). Pages are read one
// at a time, so memory beyond `bytes` and the text grows with the largest page only.
PdfText extract_pdf(std::string_view bytes, const std::string& name);

// Reads a PDF file ("-" = standard input) and extracts it as extract_pdf does.
PdfText read_pdf(const std::string& path);

// The 1-based page of `offset` (0 when `page_starts` is empty: text input).
std::size_t page_of(const std::vector<std::size_t>& page_starts, std::size_t offset) noexcept;

// Input of either kind, as the commands take it: a PDF (detected by its "%PDF-" magic, not
// by its name) is extracted; anything else must be UTF-8 text (read_source).
struct Input {
    SourceText source;
    std::vector<std::size_t> page_starts;  // empty for text input
    std::vector<Repair> repairs;           // what the PDF extraction left out
};
Input read_input(const std::string& path);

// After Parser::parse of a PDF's text: sets the page of every sentence and merges the
// extraction's repairs into document.repairs (in source order). Does nothing for text input.
void attach_pages(Document& document, const Input& input);

}  // namespace summalign
