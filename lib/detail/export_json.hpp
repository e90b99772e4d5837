#pragma once
// The JSON document of the interface contract (DESIGN.md, docs/schema.md) and its
// one-article-per-line variant.
#include <cstddef>
#include <ostream>
#include <span>

#include <nlohmann/json.hpp>

#include "summalign/export.hpp"

namespace summalign::detail {

// One article; `aligned` null for a parsed-only article (no "alignment" key then).
nlohmann::ordered_json article_to_json(const Article& article, std::size_t index, const AlignedArticle* aligned);

// {"source", "articles": [...], "repairs": [...]}; `aligned` empty or parallel to the articles.
nlohmann::ordered_json document_to_json(const Document& document, std::span<const AlignedArticle> aligned,
                                        const ExportOptions& options);

void write_json(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                const ExportOptions& options);
// One compact article object per line, each with the document's "source" first.
void write_jsonl(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                 const ExportOptions& options);

}  // namespace summalign::detail
