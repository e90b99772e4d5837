#pragma once
// The JSON document of the interface contract (docs/schema.md) and its
// one-article-per-line variant.
#include <cstddef>
#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "summalign/export.hpp"

namespace summalign::detail {

// One article; `aligned` null for a parsed-only article (no "alignment" key then);
// `include_matches` false leaves out every "matches" list (ExportOptions::include_matches).
nlohmann::ordered_json article_to_json(const Article& article, std::size_t index, const AlignedArticle* aligned,
                                       bool include_matches = true);

// {"source", "articles": [...], "repairs": [...]}; `aligned` empty or parallel to the articles.
nlohmann::ordered_json document_to_json(const Document& document, std::span<const AlignedArticle> aligned,
                                        const ExportOptions& options);

void write_json(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                const ExportOptions& options);
// One compact article object per line, each with the document's "source" first.
void write_jsonl(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                 const ExportOptions& options);

// The JSON document written piece by piece (DocumentWriter), byte for byte what
// write_json writes without building the whole tree: the opening with "source", then each
// article (`first` for the first one), then the closing with "repairs". The texts of the
// articles and of the closing are made apart from writing them, so that threads can make
// several at once.
void write_json_begin(std::ostream& out, const Document& document, const ExportOptions& options);
std::string json_article_text(const Article& article, std::size_t index, const AlignedArticle* aligned,
                              const ExportOptions& options);
void write_json_article(std::ostream& out, std::string_view text, bool first, const ExportOptions& options);
std::string json_closing_text(const Document& document, const ExportOptions& options);
void write_json_end(std::ostream& out, std::string_view closing_text, std::size_t article_count,
                    const ExportOptions& options);

// The closing of a document whose repairs arrive in pieces (DocumentWriter::add_repairs),
// byte for byte json_closing_text's for all of them: each piece is the text of some repairs
// (`first` for the first piece), and write_json_spooled_closing writes the closing around
// them, calling `write_pieces` to write the pieces in order where they belong.
std::string json_repairs_piece(std::span<const Repair> repairs, bool first, const ExportOptions& options);
void write_json_spooled_closing(std::ostream& out, bool any_repairs, const std::function<void()>& write_pieces,
                                const ExportOptions& options);

// One JSONL line (with its line break): the article object with "source" first.
std::string jsonl_line(std::string_view source_name, const Article& article, std::size_t index,
                       const AlignedArticle* aligned, bool include_matches = true);

}  // namespace summalign::detail
