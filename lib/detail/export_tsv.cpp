#include "detail/export_tsv.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include "detail/export_common.hpp"

namespace summalign::detail {
namespace {

void append_row(std::string& out, std::string_view source, std::size_t article, std::string_view kind, std::string_view da,
                std::string_view en, double score, std::string_view da_ids, std::string_view en_ids) {
    out += source;
    out += '\t';
    out += std::to_string(article);
    out += '\t';
    out += kind;
    out += '\t';
    out += tsv_escape(da);
    out += '\t';
    out += tsv_escape(en);
    out += '\t';
    out += score_text(score);
    out += '\t';
    out += da_ids;
    out += '\t';
    out += en_ids;
    out += '\n';
}

}  // namespace

std::string tsv_escape(std::string_view text) {
    std::string escaped;
    escaped.reserve(text.size());
    // Valid UTF-8 without other control characters, as every other format writes it.
    for (char c : xml_safe(text)) {
        switch (c) {
            case '\\': escaped += "\\\\"; break;
            case '\t': escaped += "\\t"; break;
            case '\n': escaped += "\\n"; break;
            case '\r': escaped += "\\r"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

void write_tsv_header(std::ostream& out) { out << "source\tarticle\tkind\tda\ten\tscore\tda_ids\ten_ids\n"; }

std::string tsv_article_rows(std::string_view source_name, const Article& article, std::size_t index,
                             const ArticleAlignment& alignment) {
    const std::string source = tsv_escape(source_name);
    std::string rows;
    if (alignment.title) append_row(rows, source, index, "title", alignment.title->da, alignment.title->en, alignment.title->score, "", "");
    for (const Bead& bead : alignment.resume_summary) {
        append_row(rows, source, index, "resume_summary", joined_text(article.resume, bead.da),
                   joined_text(summary_sentences(article), bead.en), bead.score, indices_text(bead.da),
                   indices_text(bead.en));
    }
    return rows;
}

void write_tsv(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& /*options*/) {
    check_aligned_matches(document, aligned);
    write_tsv_header(out);
    for (std::size_t i = 0; i < aligned.size(); ++i) out << tsv_article_rows(document.source_name, document.articles[i], i, aligned[i].alignment);
}

}  // namespace summalign::detail
