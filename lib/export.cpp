#include "summalign/export.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "detail/api_edge.hpp"
#include "detail/export_common.hpp"
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
    throw Error("unknown format '" + std::string(name) + "' (expected json, jsonl, tsv, tmx or html)");
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
    detail::at_api_edge("write_document", [&] {
        switch (format) {
            case Format::json: detail::write_json(out, document, aligned, options); return;
            case Format::jsonl: detail::write_jsonl(out, document, aligned, options); return;
            case Format::tsv: detail::write_tsv(out, document, aligned, options); return;
            case Format::tmx: detail::write_tmx(out, document, aligned, options); return;
            case Format::html: detail::write_html(out, document, aligned, options); return;
        }
        throw Error("write_document: unknown export format");
    });
}

struct DocumentWriter::Impl {
    Impl(std::ostream& out_, Format format_, ExportOptions options_)
        : out(out_), format(format_), options(std::move(options_)) {}
    std::ostream& out;
    Format format;
    ExportOptions options;
    std::string source_name;
    std::size_t articles_in_document = 0;
    bool tsv_header_written = false;
    bool combined = false;          // between begin_documents() and end_documents()
    std::size_t documents_begun = 0;
    std::optional<detail::TmxBuilder> tmx;
    // add_repairs: json's pieces of "repairs" (html counts them only).
    detail::Spool repairs;
    std::size_t repairs_added = 0;
    // html: the current document's sections and table rows, its findings, whether aligned.
    detail::Spool html_sections;
    std::string html_rows;
    std::size_t html_findings = 0;
    bool html_aligned = false;

    std::string html_prefix() const { return combined ? fmt::format("d{}-", documents_begun - 1) : std::string(); }
    void add_html(const Article& article, std::size_t index, const AlignedArticle* aligned) {
        const std::string prefix = html_prefix();
        html_rows += detail::html_contents_row(article, index, aligned, options.messages, prefix);
        html_sections.write(detail::html_article_text(article, index, aligned, options.messages, prefix));
        if (aligned) {
            html_aligned = true;
            html_findings += aligned->findings.size();
        }
    }
};

DocumentWriter::DocumentWriter(std::ostream& out, Format format, ExportOptions options)
    : impl_(std::make_unique<Impl>(out, format, std::move(options))) {}
DocumentWriter::~DocumentWriter() = default;

void DocumentWriter::begin_documents() {
    detail::at_api_edge("DocumentWriter::begin_documents", [&] {
        impl_->combined = true;
        impl_->documents_begun = 0;
        switch (impl_->format) {
            case Format::json: impl_->out << (impl_->options.pretty ? "{\"documents\": [\n" : "{\"documents\":["); break;
            case Format::tmx: impl_->tmx.emplace(std::string_view(), impl_->options); break;
            case Format::html: detail::write_html_head(impl_->out, "several inputs", impl_->options.messages); break;
            default: break;
        }
    });
}

void DocumentWriter::end_documents() {
    detail::at_api_edge("DocumentWriter::end_documents", [&] {
        if (!impl_->combined) throw Error("DocumentWriter::end_documents without begin_documents");
        switch (impl_->format) {
            case Format::json: impl_->out << "]}\n"; break;
            case Format::tmx:
                impl_->tmx->save(impl_->out);
                impl_->tmx.reset();
                break;
            case Format::html: detail::write_html_tail(impl_->out, impl_->options.messages); break;
            default: break;
        }
        impl_->combined = false;
    });
}

void DocumentWriter::begin(const Document& document) {
    detail::at_api_edge("DocumentWriter::begin", [&] {
        impl_->articles_in_document = 0;
        impl_->source_name = document.source_name;
        const std::size_t number = impl_->documents_begun++;
        switch (impl_->format) {
            case Format::json:
                // Each document is written as it would be alone, after a comma from the second on.
                if (impl_->combined && number > 0) impl_->out << ',';
                detail::write_json_begin(impl_->out, document, impl_->options);
                break;
            case Format::jsonl: break;
            case Format::tsv:
                if (!impl_->tsv_header_written) detail::write_tsv_header(impl_->out);
                impl_->tsv_header_written = true;
                break;
            case Format::tmx:
                if (impl_->combined) impl_->tmx->begin_source(document.source_name, number);
                else impl_->tmx.emplace(document.source_name, impl_->options);
                break;
            case Format::html:
                impl_->html_sections.reset();
                impl_->html_rows.clear();
                impl_->html_findings = 0;
                impl_->html_aligned = false;
                // A page of its own starts with its head; several documents share the one
                // begin_documents() wrote.
                if (!impl_->combined) detail::write_html_head(impl_->out, document.source_name, impl_->options.messages);
                break;
        }
        impl_->repairs.reset();
        impl_->repairs_added = 0;
    });
}

bool DocumentWriter::renders_articles() const noexcept {
    return impl_->format == Format::json || impl_->format == Format::jsonl || impl_->format == Format::tsv;
}

std::string DocumentWriter::render(const Article& article, std::size_t index, const AlignedArticle& aligned) const {
    return detail::at_api_edge("DocumentWriter::render", [&]() -> std::string {
        switch (impl_->format) {
            case Format::json: return detail::json_article_text(article, index, &aligned, impl_->options);
            case Format::jsonl:
                return detail::jsonl_line(impl_->source_name, article, index, &aligned, impl_->options.include_matches);
            case Format::tsv: return detail::tsv_article_rows(impl_->source_name, article, index, aligned.alignment);
            case Format::tmx:
            case Format::html: break;
        }
        throw Error("DocumentWriter::render: " + std::string(to_string(impl_->format)) + " collects its articles; use add()");
    });
}

void DocumentWriter::add_rendered(std::string_view bytes) {
    detail::at_api_edge("DocumentWriter::add_rendered", [&] {
        if (!renders_articles())
            throw Error("DocumentWriter::add_rendered: " + std::string(to_string(impl_->format)) + " collects its articles; use add()");
        if (impl_->format == Format::json) detail::write_json_article(impl_->out, bytes, impl_->articles_in_document == 0, impl_->options);
        else impl_->out << bytes;
        ++impl_->articles_in_document;
    });
}

void DocumentWriter::add(const Article& article, std::size_t index, const AlignedArticle& aligned) {
    detail::at_api_edge("DocumentWriter::add", [&] {
        switch (impl_->format) {
            case Format::json:
            case Format::jsonl:
            case Format::tsv: add_rendered(render(article, index, aligned)); return;
            case Format::tmx:
                if (!impl_->tmx) throw Error("DocumentWriter::add before begin");
                impl_->tmx->add(article, index, aligned);
                break;
            case Format::html: impl_->add_html(article, index, &aligned); break;
        }
        ++impl_->articles_in_document;
    });
}

void DocumentWriter::add(const Article& article, std::size_t index) {
    detail::at_api_edge("DocumentWriter::add", [&] {
        switch (impl_->format) {
            case Format::json:
                detail::write_json_article(impl_->out, detail::json_article_text(article, index, nullptr, impl_->options),
                                           impl_->articles_in_document == 0, impl_->options);
                break;
            case Format::jsonl:
                impl_->out << detail::jsonl_line(impl_->source_name, article, index, nullptr, impl_->options.include_matches);
                break;
            case Format::html: impl_->add_html(article, index, nullptr); break;
            case Format::tsv:
            case Format::tmx:
                throw Error("DocumentWriter::add: " + std::string(to_string(impl_->format)) + " needs aligned articles");
        }
        ++impl_->articles_in_document;
    });
}

void DocumentWriter::add_repairs(std::span<const Repair> repairs) {
    detail::at_api_edge("DocumentWriter::add_repairs", [&] {
        if (impl_->format == Format::json && impl_->options.include_repairs && !repairs.empty())
            impl_->repairs.write(detail::json_repairs_piece(repairs, impl_->repairs_added == 0, impl_->options));
        impl_->repairs_added += repairs.size();
    });
}

std::string DocumentWriter::render_end(const Document& document) const {
    return detail::at_api_edge("DocumentWriter::render_end", [&]() -> std::string {
        return impl_->format == Format::json ? detail::json_closing_text(document, impl_->options) : std::string();
    });
}

void DocumentWriter::end(const Document& document) { end(document, render_end(document)); }

void DocumentWriter::end(const Document& document, std::string_view rendered_end) {
    detail::at_api_edge("DocumentWriter::end", [&] {
        if (impl_->repairs_added > 0 && !document.repairs.empty())
            throw Error("DocumentWriter::end: repairs given both by add_repairs and in the Document");
        switch (impl_->format) {
            case Format::json:
                if (impl_->repairs_added > 0) {
                    detail::write_json_end(impl_->out, "", impl_->articles_in_document, impl_->options);
                    detail::write_json_spooled_closing(impl_->out, true, [&] { impl_->repairs.copy_to(impl_->out); }, impl_->options);
                } else {
                    detail::write_json_end(impl_->out, rendered_end, impl_->articles_in_document, impl_->options);
                }
                break;
            case Format::jsonl: break;
            case Format::tsv: break;
            case Format::tmx:
                if (!impl_->tmx) throw Error("DocumentWriter::end before begin");
                if (impl_->combined) break;  // end_documents() writes the one memory
                impl_->tmx->save(impl_->out);
                impl_->tmx.reset();
                break;
            case Format::html:
                if (impl_->combined && impl_->documents_begun > 1) impl_->out << "</main>\n";
                detail::write_html_part_opening(impl_->out, document.source_name, impl_->articles_in_document,
                                                impl_->html_aligned, impl_->html_findings,
                                                document.repairs.size() + impl_->repairs_added, impl_->options.messages);
                impl_->out << impl_->html_rows;
                detail::write_html_contents_closing(impl_->out);
                impl_->html_sections.copy_to(impl_->out);
                impl_->html_rows.clear();
                if (!impl_->combined) detail::write_html_tail(impl_->out, impl_->options.messages);
                break;
        }
        impl_->repairs.reset();
        impl_->repairs_added = 0;
    });
}

}  // namespace summalign
