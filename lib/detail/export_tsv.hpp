#pragma once
// Tab-separated pairs (one line per aligned pair) for spreadsheets and scripts.
#include <cstddef>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "summalign/export.hpp"

namespace summalign::detail {

// Backslash escapes so that a field never contains a tab or a line break:
// \ -> \\, tab -> \t, LF -> \n, CR -> \r; other control characters become spaces and
// invalid UTF-8 U+FFFD.
std::string tsv_escape(std::string_view text);

// Header "source<TAB>article<TAB>kind<TAB>da<TAB>en<TAB>score<TAB>da_ids<TAB>en_ids" (source: the
// input's name, so rows of several inputs in one stream stay apart), then per article
// its title pair (kind "title") and every Resumé/Summary bead (kind "resume_summary"),
// one-sided beads included with an empty side.
void write_tsv(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& options);

// The same in pieces: the header line, then each article's rows.
void write_tsv_header(std::ostream& out);
std::string tsv_article_rows(std::string_view source_name, const Article& article, std::size_t index,
                             const ArticleAlignment& alignment);

}  // namespace summalign::detail
