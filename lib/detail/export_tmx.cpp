#include "detail/export_tmx.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "detail/export_common.hpp"

namespace summalign::detail {
namespace {

void add_prop(pugi::xml_node tu, const char* type, const std::string& value) {
    if (value.empty()) return;
    pugi::xml_node prop = tu.append_child("prop");
    prop.append_attribute("type") = type;
    prop.text() = xml_safe(value).c_str();
}

void add_tuv(pugi::xml_node tu, const std::string& language, const std::string& text) {
    pugi::xml_node tuv = tu.append_child("tuv");
    tuv.append_attribute("xml:lang") = language.c_str();
    tuv.append_child("seg").text() = xml_safe(text).c_str();
}

// What every unit of one article shares.
struct ArticleProps {
    std::string index;
    std::string title;
    std::string citation;
};

pugi::xml_node add_tu(pugi::xml_node body, const std::string& id, const ArticleProps& article, const char* kind,
                      double score) {
    pugi::xml_node tu = body.append_child("tu");
    tu.append_attribute("tuid") = id.c_str();
    // TMX requires the <prop>s before the <tuv>s.
    add_prop(tu, "x-article", article.index);
    add_prop(tu, "x-article-title", article.title);
    add_prop(tu, "x-citation", article.citation);
    add_prop(tu, "x-kind", kind);
    add_prop(tu, "x-score", score_text(score));
    return tu;
}

}  // namespace

TmxBuilder::TmxBuilder(const Document& document, const ExportOptions& options) : options_(options) {
    pugi::xml_node declaration = xml_.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";

    pugi::xml_node tmx = xml_.append_child("tmx");
    tmx.append_attribute("version") = "1.4";
    pugi::xml_node header = tmx.append_child("header");
    header.append_attribute("creationtool") = "summalign";
    header.append_attribute("creationtoolversion") = std::string(export_tool_version()).c_str();
    header.append_attribute("segtype") = "sentence";
    header.append_attribute("o-tmf") = "summalign";
    header.append_attribute("adminlang") = options_.en_language.c_str();
    header.append_attribute("srclang") = options_.da_language.c_str();
    header.append_attribute("datatype") = "plaintext";
    if (!document.source_name.empty()) {
        pugi::xml_node prop = header.append_child("prop");
        prop.append_attribute("type") = "x-source";
        prop.text() = xml_safe(document.source_name).c_str();
    }
    body_ = tmx.append_child("body");
}

void TmxBuilder::add(const Article& article, std::size_t index, const ArticleAlignment& alignment) {
    ArticleProps props{std::to_string(index), article_title_text(article), {}};
    if (article.summary && article.summary->citation) props.citation = citation_text(*article.summary->citation);

    if (alignment.title && !alignment.title->da.empty() && !alignment.title->en.empty()) {
        pugi::xml_node tu = add_tu(body_, fmt::format("a{}-title", index), props, "title", alignment.title->score);
        add_tuv(tu, options_.da_language, alignment.title->da);
        add_tuv(tu, options_.en_language, alignment.title->en);
    }
    const std::vector<Sentence>& english = summary_sentences(article);
    for (std::size_t b = 0; b < alignment.resume_summary.size(); ++b) {
        const Bead& bead = alignment.resume_summary[b];
        const std::string da = joined_text(article.resume, bead.da);
        const std::string en = joined_text(english, bead.en);
        if (da.empty() || en.empty()) continue;  // an omission is not a translation
        pugi::xml_node tu = add_tu(body_, fmt::format("a{}-b{}", index, b), props, "resume_summary", bead.score);
        add_prop(tu, "x-da-sentences", indices_text(bead.da));
        add_prop(tu, "x-en-sentences", indices_text(bead.en));
        add_tuv(tu, options_.da_language, da);
        add_tuv(tu, options_.en_language, en);
    }
}

void TmxBuilder::save(std::ostream& out) const { xml_.save(out, "  ", pugi::format_default, pugi::encoding_utf8); }

void write_tmx(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& options) {
    check_aligned_matches(document, aligned);
    TmxBuilder builder(document, options);
    for (std::size_t i = 0; i < aligned.size(); ++i) builder.add(document.articles[i], i, aligned[i].alignment);
    builder.save(out);
}

}  // namespace summalign::detail
