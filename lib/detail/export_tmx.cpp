#include "detail/export_tmx.hpp"

#include <sstream>

#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "detail/export_common.hpp"
#include "summalign/check.hpp"

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

// The findings whose span touches one of `spans` (a finding about a whole sentence has that
// sentence's span; one about a word lies inside its sentence).
std::vector<const Finding*> findings_in(const std::vector<Finding>& findings,
                                        const std::vector<const Sentence*>& spans) {
    std::vector<const Finding*> found;
    for (const Finding& finding : findings) {
        for (const Sentence* sentence : spans) {
            const bool inside = finding.span.start == finding.span.end
                                    ? finding.span.start >= sentence->span.start && finding.span.start < sentence->span.end
                                    : finding.span.start < sentence->span.end && sentence->span.start < finding.span.end;
            if (inside) {
                found.push_back(&finding);
                break;
            }
        }
    }
    return found;
}

void add_sentences(std::vector<const Sentence*>& spans, const std::vector<Sentence>& sentences,
                   const std::vector<std::size_t>& indices) {
    for (std::size_t i : indices)
        if (i < sentences.size()) spans.push_back(&sentences[i]);
}

pugi::xml_node add_tu(pugi::xml_node body, const std::string& id, const std::optional<std::string>& source,
                      const ArticleProps& article, const char* kind, double score) {
    pugi::xml_node tu = body.append_child("tu");
    tu.append_attribute("tuid") = id.c_str();
    // TMX requires the <prop>s before the <tuv>s.
    if (source) add_prop(tu, "x-source", *source);
    add_prop(tu, "x-article", article.index);
    add_prop(tu, "x-article-title", article.title);
    add_prop(tu, "x-citation", article.citation);
    add_prop(tu, "x-kind", kind);
    add_prop(tu, "x-score", score_text(score));
    return tu;
}

}  // namespace

TmxBuilder::TmxBuilder(std::string_view source_name, const ExportOptions& options) : options_(options) {
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
    if (!source_name.empty()) {
        pugi::xml_node prop = header.append_child("prop");
        prop.append_attribute("type") = "x-source";
        prop.text() = xml_safe(source_name).c_str();
    }
    body_ = tmx.append_child("body");
}

void TmxBuilder::begin_source(std::string source_name, std::size_t number) {
    source_ = std::move(source_name);
    id_prefix_ = fmt::format("d{}-", number);
}

void TmxBuilder::add(const Article& article, std::size_t index, const AlignedArticle& aligned) {
    const ArticleAlignment& alignment = aligned.alignment;
    ArticleProps props{std::to_string(index), article_title_text(article), {}};
    if (article.summary && article.summary->citation) props.citation = citation_text(*article.summary->citation);
    // One x-finding prop per finding on the unit's sentences.
    auto flag = [&](pugi::xml_node tu, const std::vector<const Finding*>& findings) {
        for (const Finding* finding : findings)
            add_prop(tu, "x-finding", fmt::format("{}: {}", summalign::to_string(finding->kind), finding->message));
    };

    if (alignment.title && !alignment.title->da.empty() && !alignment.title->en.empty()) {
        std::vector<const Sentence*> spans;
        if (article.title) spans.push_back(&*article.title);
        if (article.subtitle) spans.push_back(&*article.subtitle);
        if (article.summary && article.summary->title) spans.push_back(&*article.summary->title);
        const auto findings = findings_in(aligned.findings, spans);
        if (!(options_.skip_flagged && !findings.empty())) {
            pugi::xml_node tu = add_tu(body_, fmt::format("{}a{}-title", id_prefix_, index), source_, props, "title",
                                       alignment.title->score);
            flag(tu, findings);
            add_tuv(tu, options_.da_language, alignment.title->da);
            add_tuv(tu, options_.en_language, alignment.title->en);
        }
    }
    const std::vector<Sentence>& english = summary_sentences(article);
    for (std::size_t b = 0; b < alignment.resume_summary.size(); ++b) {
        const Bead& bead = alignment.resume_summary[b];
        const std::string da = joined_text(article.resume, bead.da);
        const std::string en = joined_text(english, bead.en);
        if (da.empty() || en.empty()) continue;  // an omission is not a translation
        std::vector<const Sentence*> spans;
        add_sentences(spans, article.resume, bead.da);
        add_sentences(spans, english, bead.en);
        const auto findings = findings_in(aligned.findings, spans);
        if (options_.skip_flagged && !findings.empty()) continue;
        pugi::xml_node tu = add_tu(body_, fmt::format("{}a{}-b{}", id_prefix_, index, b), source_, props,
                                   "resume_summary", bead.score);
        add_prop(tu, "x-da-sentences", indices_text(bead.da));
        add_prop(tu, "x-en-sentences", indices_text(bead.en));
        flag(tu, findings);
        add_tuv(tu, options_.da_language, da);
        add_tuv(tu, options_.en_language, en);
    }
    // The article's units leave memory for the spool, indented as inside the saved document.
    if (body_.first_child()) {
        std::ostringstream units;
        for (pugi::xml_node tu = body_.first_child(); tu; tu = tu.next_sibling())
            tu.print(units, "  ", pugi::format_default, pugi::encoding_utf8, 2);
        units_.write(units.str());
        while (pugi::xml_node tu = body_.first_child()) body_.remove_child(tu);
    }
}

void TmxBuilder::save(std::ostream& out) const {
    std::ostringstream frame;
    xml_.save(frame, "  ", pugi::format_default, pugi::encoding_utf8);
    const std::string text = std::move(frame).str();
    constexpr std::string_view empty_body = "<body />\n";
    const std::size_t at = text.find(empty_body);
    if (units_.empty() || at == std::string::npos) {
        out << text;
        return;
    }
    // pugixml writes a body with children as "<body>\n", the children, then "  </body>\n".
    out << std::string_view(text).substr(0, at) << "<body>\n";
    units_.copy_to(out);
    out << "  </body>\n" << std::string_view(text).substr(at + empty_body.size());
}

void write_tmx(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& options) {
    check_aligned_matches(document, aligned);
    TmxBuilder builder(document.source_name, options);
    for (std::size_t i = 0; i < aligned.size(); ++i) builder.add(document.articles[i], i, aligned[i]);
    builder.save(out);
}

}  // namespace summalign::detail
