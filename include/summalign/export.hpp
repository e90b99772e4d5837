#pragma once
// Stage 5: writing results in the formats users' tools read. The JSON keys are the
// interface contract of DESIGN.md (documented in docs/schema.md).
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "summalign/journal.hpp"
#include "summalign/pipeline.hpp"

namespace summalign {

enum class Format { json, jsonl, tsv, tmx, html };
Format parse_format(std::string_view name);  // throws std::invalid_argument

struct ExportOptions {
    std::string da_language = "da-DK";  // TMX xml:lang codes
    std::string en_language = "en-GB";
    bool pretty = true;                 // indented JSON
};

// `aligned` empty: the document as parsed (articles without "alignment"), as `summalign parse` prints it.
void write_document(std::ostream& out, Format format, const Document& document,
                    std::span<const AlignedArticle> aligned, const ExportOptions& options = {});

}  // namespace summalign
