#include "summalign/export.hpp"

#include <stdexcept>
#include <string>

#include "detail/export_html.hpp"
#include "detail/export_json.hpp"
#include "detail/export_tmx.hpp"
#include "detail/export_tsv.hpp"

namespace summalign {

Format parse_format(std::string_view name) {
    if (name == "json") return Format::json;
    if (name == "jsonl") return Format::jsonl;
    if (name == "tsv") return Format::tsv;
    if (name == "tmx") return Format::tmx;
    if (name == "html") return Format::html;
    throw std::invalid_argument("unknown format '" + std::string(name) + "' (expected json, jsonl, tsv, tmx or html)");
}

std::string_view to_string(Format format) noexcept {
    switch (format) {
        case Format::json: return "json";
        case Format::jsonl: return "jsonl";
        case Format::tsv: return "tsv";
        case Format::tmx: return "tmx";
        case Format::html: return "html";
    }
    return "unknown";
}

void write_document(std::ostream& out, Format format, const Document& document,
                    std::span<const AlignedArticle> aligned, const ExportOptions& options) {
    switch (format) {
        case Format::json: detail::write_json(out, document, aligned, options); return;
        case Format::jsonl: detail::write_jsonl(out, document, aligned, options); return;
        case Format::tsv: detail::write_tsv(out, document, aligned, options); return;
        case Format::tmx: detail::write_tmx(out, document, aligned, options); return;
        case Format::html: detail::write_html(out, document, aligned, options); return;
    }
    throw std::invalid_argument("unknown export format");
}

}  // namespace summalign
