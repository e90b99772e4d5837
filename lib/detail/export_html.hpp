#pragma once
// The HTML report: one self-contained page (inline CSS and script, no external assets, no
// network) showing per article the Resumé and Summary side by side with links drawn
// between aligned sentences, a heat map of sentence similarities, the claim support with
// its evidence, and the findings highlighted in the text.
#include <ostream>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "summalign/export.hpp"

namespace summalign::detail {

// Escapes & < > " ' (safe in text and in quoted attributes) after making the text XML-safe.
std::string html_escape(std::string_view text);

void write_html(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                const ExportOptions& options);

// One page of several documents (DocumentWriter::begin_documents): the head, then each
// document's part (`number`: its 0-based position; its element ids start "d<number>-"), then
// the tail. Each part has the document's own header and table of contents.
void write_html_head(std::ostream& out, std::string_view title, const Messages& messages);
void write_html_part(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                     std::size_t number, const Messages& messages);
void write_html_tail(std::ostream& out, const Messages& messages);

// A document's part made article by article (DocumentWriter), byte for byte what
// write_html_part writes: each article's section and its row of the table of contents are
// made alone (`aligned` null: parsed only; `prefix` "" or "d<number>-"); the part's opening
// (header, "<main>", the table's head) then its rows, the closing of the table, the sections.
std::string html_article_text(const Article& article, std::size_t index, const AlignedArticle* aligned,
                              const Messages& messages, std::string_view prefix);
std::string html_contents_row(const Article& article, std::size_t index, const AlignedArticle* aligned,
                              const Messages& messages, std::string_view prefix);
void write_html_part_opening(std::ostream& out, std::string_view source_name, std::size_t article_count, bool aligned,
                             std::size_t findings, std::size_t repairs, const Messages& messages);
void write_html_contents_closing(std::ostream& out);

}  // namespace summalign::detail
