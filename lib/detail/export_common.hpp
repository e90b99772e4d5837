#pragma once
// Helpers shared by the writers of every export format (JSON, JSONL, TSV, TMX, HTML).
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/align.hpp"
#include "summalign/journal.hpp"
#include "summalign/pipeline.hpp"

namespace summalign::detail {

// The version written into TMX headers and HTML reports.
std::string_view export_tool_version() noexcept;

// Throws Error unless `aligned` is empty or has one entry per article of `document`.
void check_aligned_matches(const Document& document, std::span<const AlignedArticle> aligned);

// "2,3": sentence indices comma-separated, as TSV columns and TMX props write them.
std::string indices_text(const std::vector<std::size_t>& indices);

// The texts of sentences[indices...] joined by single spaces; indices out of range are
// skipped (a bead from a stale alignment must not crash an export).
std::string joined_text(const std::vector<Sentence>& sentences, const std::vector<std::size_t>& indices);

// The English Summary sentences of `article` (empty when it has no Summary).
const std::vector<Sentence>& summary_sentences(const Article& article);

// "Ugeskr Læger 2003;165:4850-4852" (Vancouver style); empty when fields are missing.
std::string citation_text(const Citation& citation);

// The Danish title as a translator sees it: "Title: Subtitle", or "Title – subtitle" when
// the subtitle opens with a dash, or "Title? Subtitle" when the title ends in punctuation.
std::string article_title_text(const Article& article);

// Replaces characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR, and DEL)
// by spaces, and invalid UTF-8 sequences by U+FFFD, so that any text yields well-formed output.
std::string xml_safe(std::string_view text);

// Fixed-precision score text ("0.8125"); NaN and infinities become "nan"/"inf".
std::string score_text(double score);

}  // namespace summalign::detail
