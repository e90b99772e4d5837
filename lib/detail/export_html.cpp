#include "detail/export_html.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "detail/export_common.hpp"
#include "detail/messages_format.hpp"

namespace summalign::detail {
namespace {

// The page's style. Colours for scores come from score_hue() so that links, beads and heat
// map cells agree: red (0) through yellow to green (1).
constexpr std::string_view kStyle = R"css(
:root { --fg:#1d232a; --muted:#5b6672; --line:#d9dee3; --bg:#f6f7f9; --card:#fff; --accent:#2459a6; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif; color:var(--fg); background:var(--bg); }
header.page { background:#1f3b5c; color:#fff; padding:18px 28px; }
header.page h1 { margin:0 0 4px; font-size:22px; font-weight:600; }
header.page .meta { opacity:.85; font-size:13px; }
main { max-width:1280px; margin:0 auto; padding:20px 28px 60px; }
nav.toc table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line); font-size:14px; }
nav.toc th, nav.toc td { padding:6px 10px; border-bottom:1px solid var(--line); text-align:left; }
nav.toc th { background:#eef1f5; font-weight:600; }
a { color:var(--accent); text-decoration:none; } a:hover { text-decoration:underline; }
section.article { background:var(--card); border:1px solid var(--line); border-radius:8px; margin:26px 0; padding:18px 24px 22px; }
section.article > h2 { margin:0; font-size:21px; }
.subtitle { font-size:17px; color:var(--muted); margin:2px 0 6px; }
.kind { display:inline-block; font-size:11px; letter-spacing:.06em; background:#e6ecf5; color:#2c4a72; padding:2px 7px; border-radius:3px; margin-bottom:6px; }
.byline, .en-title { color:var(--muted); font-size:14px; }
.en-title i { color:var(--fg); }
.flags span { display:inline-block; font-size:12px; background:#fff3cd; color:#7a5a00; border:1px solid #f0d98c; border-radius:3px; padding:1px 6px; margin:4px 6px 0 0; }
h3 { font-size:16px; margin:22px 0 8px; border-bottom:1px solid var(--line); padding-bottom:4px; }
h3 .note { font-weight:normal; color:var(--muted); font-size:13px; }
.titlepair { font-size:14px; }
.score { display:inline-block; min-width:44px; text-align:center; font-size:12px; font-variant-numeric:tabular-nums; border-radius:10px; padding:0 6px; color:#111; }
ul.findings { list-style:none; padding:0; margin:0; }
ul.findings li { padding:5px 8px; margin:4px 0; border-left:4px solid #c0392b; background:#fdf1f0; font-size:14px; }
ul.findings li.misspelling { border-color:#d35400; background:#fdf3ec; }
ul.findings li.abbreviation_mismatch, ul.findings li.number_mismatch { border-color:#8e44ad; background:#f7f0fa; }
.badge { display:inline-block; font-size:11px; font-weight:600; text-transform:uppercase; letter-spacing:.04em; margin-right:6px; color:#555; }
.pair { display:grid; grid-template-columns:minmax(0,1fr) 110px minmax(0,1fr); align-items:start; }
.pair .col h4 { margin:0 0 6px; font-size:13px; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); }
.pair .linkcell { position:relative; align-self:stretch; }
.pair svg.links { position:absolute; left:0; top:0; width:100%; height:100%; overflow:visible; }
svg.links path { fill:none; stroke-linecap:round; opacity:.75; }
svg.links path.hl { opacity:1; stroke:#1f3b5c !important; }
.sent { position:relative; padding:6px 8px 6px 38px; margin:0 0 8px; border:1px solid var(--line); border-left-width:5px; border-radius:4px; background:#fff; font-size:14px; cursor:default; }
.sent .num { position:absolute; left:7px; top:6px; font-size:11px; color:var(--muted); font-variant-numeric:tabular-nums; }
.sent.orphan { border-style:dashed; background:#fafafa; }
.sent.hl { background:#e8f0fb; border-color:#1f3b5c; }
.sent.flagged { background:#fdf1f0; }
mark.finding { background:#ffd9d2; border-bottom:2px solid #c0392b; padding:0 1px; border-radius:2px; }
mark.finding.misspelling { background:#ffe6cc; border-color:#d35400; }
mark.finding.number_mismatch, mark.finding.abbreviation_mismatch { background:#efdcf7; border-color:#8e44ad; }
.heat { border-collapse:collapse; font-size:11px; }
.heat th { font-weight:normal; color:var(--muted); padding:2px 4px; }
.heat td { width:26px; height:22px; border:1px solid #fff; text-align:center; color:#222; }
.heat td.path { outline:2px solid #1f3b5c; outline-offset:-2px; }
.heatwrap { display:flex; gap:28px; align-items:flex-start; flex-wrap:wrap; }
.legend { font-size:12px; color:var(--muted); max-width:360px; }
.legend .bar { height:10px; width:200px; border-radius:2px; background:linear-gradient(90deg,hsl(0,70%,62%),hsl(60,70%,62%),hsl(120,55%,52%)); margin:4px 0; }
table.support { border-collapse:collapse; width:100%; font-size:14px; }
table.support td { border-top:1px solid var(--line); padding:6px 8px; vertical-align:top; }
table.support td.status { white-space:nowrap; font-size:12px; font-weight:600; }
table.support tr.unsupported td.status { color:#c0392b; } table.support tr.supported td.status { color:#1e8449; }
table.support tr.unsupported td.claim { background:#fdf1f0; }
ol.evidence { margin:0; padding-left:18px; } ol.evidence li { margin:2px 0; }
details.body { margin-top:18px; } details.body summary { cursor:pointer; font-weight:600; }
details.body h4 { margin:14px 0 4px; font-size:14px; }
details.body p { margin:0 0 8px; font-size:14px; }
.bs { border-radius:2px; } .bs.evidence { background:#e3f4e8; } .bs:target, .sent:target { outline:2px solid var(--accent); }
.figure { font-size:13px; color:var(--muted); margin:6px 0; }
footer { color:var(--muted); font-size:12px; margin-top:30px; }
#report-status { display:none; }
@media print { .pair svg.links { display:none; } header.page { background:none; color:#000; } }
)css";

// Draws the links between aligned sentences once the page is laid out (and again on resize),
// highlights a bead's sentences and link on hover, and reports success in #report-status
// (read by the headless-browser test). The data comes from attributes, so no text is ever
// placed inside the script.
constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var status = document.getElementById('report-status');
  window.addEventListener('error', function (event) {
    status.textContent = 'error: ' + event.message;
    status.setAttribute('data-state', 'error');
  });
  function drawPair(pair) {
    var svg = pair.querySelector('svg.links');
    if (!svg) return 0;
    var box = svg.getBoundingClientRect();
    svg.setAttribute('viewBox', '0 0 ' + box.width + ' ' + box.height);
    var drawn = 0;
    svg.querySelectorAll('path[data-from]').forEach(function (path) {
      function middle(ids) {
        var top = Infinity, bottom = -Infinity;
        ids.split(' ').forEach(function (id) {
          var element = document.getElementById(id);
          if (!element) return;
          var rect = element.getBoundingClientRect();
          top = Math.min(top, rect.top); bottom = Math.max(bottom, rect.bottom);
        });
        return top === Infinity ? null : (top + bottom) / 2 - box.top;
      }
      var y1 = middle(path.getAttribute('data-from')), y2 = middle(path.getAttribute('data-to'));
      if (y1 === null || y2 === null) return;
      var w = box.width;
      path.setAttribute('d', 'M 0 ' + y1 + ' C ' + w / 2 + ' ' + y1 + ', ' + w / 2 + ' ' + y2 + ', ' + w + ' ' + y2);
      drawn += 1;
    });
    return drawn;
  }
  function drawAll() {
    var total = 0;
    document.querySelectorAll('.pair').forEach(function (pair) { total += drawPair(pair); });
    return total;
  }
  function highlight(bead, on) {
    document.querySelectorAll('[data-bead="' + bead + '"]').forEach(function (element) {
      element.classList.toggle('hl', on);
    });
  }
  document.querySelectorAll('[data-bead]').forEach(function (element) {
    var bead = element.getAttribute('data-bead');
    element.addEventListener('mouseenter', function () { highlight(bead, true); });
    element.addEventListener('mouseleave', function () { highlight(bead, false); });
  });
  var links = drawAll();
  window.addEventListener('resize', drawAll);
  if (status.getAttribute('data-state') !== 'error') {
    status.textContent = 'ready';
    status.setAttribute('data-state', 'ready');
    status.setAttribute('data-links', String(links));
  }
})();
)js";

// 0 -> red, 0.5 -> yellow, 1 -> green; NaN grey.
std::string score_colour(double score, double lightness = 62.0) {
    if (!std::isfinite(score)) return "hsl(0,0%,80%)";
    const double clamped = std::clamp(score, 0.0, 1.0);
    return fmt::format("hsl({:.0f},{:.0f}%,{:.0f}%)", 120.0 * clamped, 70.0 - 15.0 * clamped, lightness);
}

std::string score_badge(double score) {
    return fmt::format(R"(<span class="score" style="background:{}">{}</span>)", score_colour(score, 78.0),
                       html_escape(score_text(score)));
}

// "stamceller ↔ stem cells (glossary, +0.25)", one per line, for title attributes.
std::string matches_tooltip(const std::vector<WordMatch>& matches) {
    std::string text;
    for (const WordMatch& match : matches) {
        if (!text.empty()) text += '\n';
        text += fmt::format("{} \u2194 {} ({}, +{:.2f})", match.da, match.en, summalign::to_string(match.kind), match.weight);
    }
    return text;
}

std::string join_ids(std::string_view prefix, const std::vector<std::size_t>& indices) {
    std::string ids;
    for (std::size_t index : indices) {
        if (!ids.empty()) ids += ' ';
        ids += fmt::format("{}{}", prefix, index);
    }
    return ids;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }

// Where `word` occurs in `text` as a whole word (falling back to any occurrence).
std::optional<std::size_t> find_word(std::string_view text, std::string_view word) {
    if (word.empty()) return std::nullopt;
    std::optional<std::size_t> any;
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        if (!any) any = at;
        const bool starts = at == 0 || !is_word_byte(static_cast<unsigned char>(text[at - 1]));
        const std::size_t after = at + word.size();
        const bool ends = after >= text.size() || !is_word_byte(static_cast<unsigned char>(text[after]));
        if (starts && ends) return at;
    }
    return any;
}

// The finding's kind for a reader: "number mismatch", not the identifier "number_mismatch"
// (which stays in class names, as in JSON).
std::string readable_kind(Finding::Kind kind, const Messages& messages) {
    std::string name(summalign::to_string(kind));
    std::replace(name.begin(), name.end(), '_', ' ');
    return messages.translate(name);
}

std::string finding_tooltip(const Finding& finding, const Messages& messages) {
    std::string text = fmt::format("{}: {}", readable_kind(finding.kind, messages), finding.message);
    if (!finding.suggestion.empty()) text += fmt::format("\n{}: {}", messages.translate("suggestion"), finding.suggestion);
    return text;
}

// "page 3, " before the byte span of a sentence from a PDF; empty for text input.
std::string page_prefix(const Sentence& sentence, const Messages& messages) {
    return sentence.page > 0 ? detail::format_message(messages, "page {}, ", sentence.page) : std::string();
}

// "page 2" or "pages 2\u20133": where an article from a PDF stands; empty for text input.
std::string article_pages(const Article& article, const Messages& messages) {
    std::size_t first = 0, last = 0;
    auto see = [&](const Sentence& s) {
        if (s.page == 0) return;
        first = first == 0 ? s.page : std::min(first, s.page);
        last = std::max(last, s.page);
    };
    if (article.title) see(*article.title);
    for (const Sentence& s : article.resume) see(s);
    for (const Section& section : article.sections) {
        if (section.heading) see(*section.heading);
        for (const Sentence& s : section.sentences) see(s);
    }
    if (article.summary)
        for (const Sentence& s : article.summary->sentences) see(s);
    if (article.correspondence) see(*article.correspondence);
    if (first == 0) return {};
    return first == last ? detail::format_message(messages, "page {}", first)
                         : detail::format_message(messages, "pages {}\u2013{}", first, last);
}

// "3 articles" in the report's language: the catalog holds "{} article" and "{} articles"
// (Danish, like English, takes the singular for 1 only).
std::string counted_label(std::size_t count, std::string_view noun, const Messages& messages) {
    const std::string english = fmt::format("{{}} {}{}", noun, count == 1 ? "" : "s");
    return html_escape(fmt::format(fmt::runtime(messages.translate(english)), count));
}

// The page's head: everything before the first document's part.
void write_page_head(std::ostream& out, std::string_view title, const Messages& messages) {
    out << "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"summalign " << html_escape(export_tool_version()) << "\">\n"
        << "<title>" << html_escape(messages.translate("summalign report")) << " \u2014 " << html_escape(title) << "</title>\n"
        << "<style>" << kStyle << "</style>\n</head>\n<body>\n";
}

// Everything after the last document's part (which leaves its <main> open).
void write_page_tail(std::ostream& out, const Messages& messages) {
    out << "<footer>" << html_escape(messages.translate("Generated by summalign")) << " " << html_escape(export_tool_version())
        << ". "
        << html_escape(messages.translate("Offsets are byte offsets into the input file; hover over sentences, links and heat map cells "
                                          "for the evidence."))
        << "</footer>\n";
    out << "</main>\n<div id=\"report-status\" data-state=\"loading\">loading</div>\n"
        << "<script>" << kScript << "</script>\n</body>\n</html>\n";
}

class HtmlReport {
public:
    // `prefix` starts every element id of this document ("" for a page of one document), so
    // that the documents of one page keep their ids apart.
    HtmlReport(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const Messages& messages, std::string prefix = {})
        : out_(out), document_(&document), aligned_(aligned), messages_(messages), prefix_(std::move(prefix)) {}
    // For one article alone (DocumentWriter writes a report article by article): only
    // write_single_article() and write_contents_row() may be called.
    HtmlReport(std::ostream& out, const Article& article, std::size_t index, const AlignedArticle* aligned,
               const Messages& messages, std::string prefix = {})
        : out_(out), single_(&article), single_index_(index), single_aligned_(aligned), messages_(messages),
          prefix_(std::move(prefix)) {}

    void write_single_article() { write_article(single_index_); }
    void write_single_contents_row() { write_contents_row(single_index_); }

    // The part's header and the opening of its table of contents, for `article_count` articles
    // with `findings` findings (`aligned` false: parsed only) and `repairs` layout repairs.
    static void write_part_opening(std::ostream& out, std::string_view source_name, std::size_t article_count,
                                   bool aligned, std::size_t findings, std::size_t repairs, const Messages& messages) {
        const auto t = [&](std::string_view english) { return html_escape(messages.translate(english)); };
        out << "<header class=\"page\"><h1>" << t("summalign report") << "</h1><div class=\"meta\">"
            << html_escape(source_name) << " \u00b7 " << counted_label(article_count, "article", messages);
        if (aligned) out << " \u00b7 " << counted_label(findings, "finding", messages);
        else out << " \u00b7 " << t("not aligned (parse only)");
        out << " \u00b7 " << counted_label(repairs, "layout repair", messages) << "</div></header>\n";
        out << "<main>\n";
        out << "<nav class=\"toc\"><table><thead><tr><th>#</th><th>" << t("Article") << "</th><th>" << t("Resum\u00e9")
            << "</th><th>" << t("Summary") << "</th><th>" << t("Mean bead score") << "</th><th>" << t("Supported claims")
            << "</th><th>" << t("Findings") << "</th></tr></thead><tbody>\n";
    }
    static void write_contents_closing(std::ostream& out) { out << "</tbody></table></nav>\n"; }

    void write() {
        write_page_head(out_, document_->source_name, messages_);
        write_part();
        write_page_tail(out_, messages_);
    }

    // The document's header, table of contents and articles, in a <main> left open.
    void write_part() {
        std::size_t findings = 0;
        for (const AlignedArticle& article : aligned_) findings += article.findings.size();
        write_part_opening(out_, document_->source_name, document_->articles.size(), !aligned_.empty(), findings,
                           document_->repairs.size(), messages_);
        for (std::size_t i = 0; i < document_->articles.size(); ++i) write_contents_row(i);
        write_contents_closing(out_);
        for (std::size_t i = 0; i < document_->articles.size(); ++i) write_article(i);
    }

private:
    const AlignedArticle* aligned(std::size_t article) const {
        if (single_) return single_aligned_;
        return aligned_.empty() ? nullptr : &aligned_[article];
    }
    const Article& article_at(std::size_t index) const { return single_ ? *single_ : document_->articles[index]; }

    std::string article_heading(std::size_t index) const {
        const Article& article = article_at(index);
        if (article.title) return article.title->text;
        if (article.summary && article.summary->title) return article.summary->title->text;
        return detail::format_message(messages_, "Article {} (untitled)", index);
    }

    // The article's row in the table of contents.
    void write_contents_row(std::size_t i) {
        const Article& article = article_at(i);
        // Numbered from 0 like JSON "index", TSV "article" and TMX x-article.
        out_ << "<tr><td>" << i << "</td><td><a href=\"#" << prefix_ << "article-" << i << "\">"
             << html_escape(article_heading(i)) << "</a></td><td>" << article.resume.size() << "</td><td>"
             << summary_sentences(article).size() << "</td>";
        if (const AlignedArticle* result = aligned(i)) {
            const auto& beads = result->alignment.resume_summary;
            double sum = 0.0;
            for (const Bead& bead : beads) sum += bead.score;
            const auto supported = std::count_if(result->alignment.support.begin(), result->alignment.support.end(),
                                                 [](const ClaimSupport& claim) { return claim.supported; });
            out_ << "<td>" << (beads.empty() ? std::string("\u2013") : score_badge(sum / static_cast<double>(beads.size())))
                 << "</td><td>" << supported << " / " << result->alignment.support.size() << "</td><td>"
                 << result->findings.size() << "</td>";
        } else {
            out_ << "<td>\u2013</td><td>\u2013</td><td>\u2013</td>";
        }
        out_ << "</tr>\n";
    }

    // The findings of one article that concern a sentence: same language and a source span
    // inside the sentence's, or the same text.
    std::vector<const Finding*> findings_in(std::size_t article, Lang lang, const Sentence& sentence) const {
        std::vector<const Finding*> found;
        const AlignedArticle* result = aligned(article);
        if (!result) return found;
        for (const Finding& finding : result->findings) {
            if (finding.lang != lang) continue;
            const bool inside = finding.span.start >= sentence.span.start && finding.span.end <= sentence.span.end && finding.span.end > finding.span.start;
            const bool same_text = !finding.text.empty() && finding.text == sentence.text;
            if (inside || same_text) found.push_back(&finding);
        }
        return found;
    }

    // The sentence's text with each finding's word wrapped in <mark>; findings about the
    // whole sentence (no word, or a word not found) are returned through `sentence_level`.
    std::string marked_text(const std::string& text, const std::vector<const Finding*>& findings,
                                   std::vector<const Finding*>& sentence_level) const {
        struct Span {
            std::size_t begin, end;
            const Finding* finding;
        };
        std::vector<Span> spans;
        for (const Finding* finding : findings) {
            const auto at = find_word(text, finding->word);
            if (!at) {
                sentence_level.push_back(finding);
                continue;
            }
            spans.push_back({*at, *at + finding->word.size(), finding});
        }
        std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
        std::string html;
        std::size_t position = 0;
        for (const Span& span : spans) {
            if (span.begin < position) {  // overlaps an earlier mark: report it on the sentence
                sentence_level.push_back(span.finding);
                continue;
            }
            html += html_escape(std::string_view(text).substr(position, span.begin - position));
            html += fmt::format(R"(<mark class="finding {}" title="{}">{}</mark>)", summalign::to_string(span.finding->kind),
                                html_escape(finding_tooltip(*span.finding, messages_)),
                                html_escape(std::string_view(text).substr(span.begin, span.end - span.begin)));
            position = span.end;
        }
        html += html_escape(std::string_view(text).substr(position));
        return html;
    }

    // A title or subtitle with the findings about its words marked.
    std::string marked_title(std::size_t index, Lang lang, const Sentence& title) const {
        std::vector<const Finding*> sentence_level;
        return marked_text(title.text, findings_in(index, lang, title), sentence_level);
    }

    void write_article(std::size_t index) {
        const Article& article = article_at(index);
        const AlignedArticle* result = aligned(index);
        out_ << "<section class=\"article\" id=\"" << prefix_ << "article-" << index << "\">\n";
        if (article.kind) out_ << "<div class=\"kind\">" << html_escape(*article.kind) << "</div>\n";
        out_ << "<h2 id=\"" << a_(index) << "-title\">"
             << (article.title ? marked_title(index, Lang::da, *article.title) : html_escape(article_heading(index)))
             << "</h2>\n";
        if (article.subtitle) {
            out_ << "<div class=\"subtitle\" id=\"" << a_(index) << "-subtitle\">"
                 << marked_title(index, Lang::da, *article.subtitle) << "</div>\n";
        }
        if (!article.authors.empty()) {
            std::string authors;
            for (const std::string& author : article.authors) {
                if (!authors.empty()) authors += ", ";
                authors += author;
            }
            out_ << "<div class=\"byline\">" << html_escape(authors) << "</div>\n";
        }
        if (article.summary) {
            out_ << "<div class=\"en-title\" id=\"" << a_(index) << "-en-title\">";
            if (article.summary->title) out_ << "<i>" << marked_title(index, Lang::en, *article.summary->title) << "</i>";
            if (article.summary->citation) {
                out_ << (article.summary->title ? " \u2014 " : "") << html_escape(citation_text(*article.summary->citation));
            }
            out_ << "</div>\n";
        }
        out_ << "<div class=\"flags\">";
        if (article.truncated_start) out_ << "<span>" << t("input starts inside this article") << "</span>";
        if (article.truncated_end) out_ << "<span>" << t("input ends inside this article") << "</span>";
        if (!article.summary) out_ << "<span>" << t("no English Summary") << "</span>";
        if (const std::string pages = article_pages(article, messages_); !pages.empty())
            out_ << "<span style=\"background:#eef1f5;border-color:#d9dee3;color:#5b6672\">" << html_escape(pages) << "</span>";
        out_ << "<span style=\"background:#eef1f5;border-color:#d9dee3;color:#5b6672\">"
             << html_escape(detail::format_message(messages_, "bytes {}\u2013{}", article.span.start, article.span.end)) << "</span></div>\n";

        if (result) {
            if (result->alignment.title) {
                const TitlePair& title = *result->alignment.title;
                out_ << "<h3>" << t("Title") << "</h3><div class=\"titlepair\" title=\"" << html_escape(matches_tooltip(title.matches))
                     << "\">" << score_badge(title.score) << " " << html_escape(title.da) << " \u2194 <i>"
                     << html_escape(title.en) << "</i></div>\n";
            }
            write_findings(index, *result);
        }
        write_pair(index, result);
        if (result) {
            write_heat_map(index, *result);
            write_support(index, *result);
        }
        write_body(index, result);
        out_ << "</section>\n";
    }

    void write_findings(std::size_t index, const AlignedArticle& result) {
        out_ << "<h3>" << t("Findings") << " <span class=\"note\">(" << result.findings.size() << ")</span></h3>\n";
        if (result.findings.empty()) {
            out_ << "<p class=\"note\">" << t("None.") << "</p>\n";
            return;
        }
        out_ << "<ul class=\"findings\">\n";
        for (const Finding& finding : result.findings) {
            out_ << "<li class=\"" << summalign::to_string(finding.kind) << "\"><span class=\"badge\">"
                 << html_escape(readable_kind(finding.kind, messages_)) << " \u00b7 " << summalign::to_string(finding.lang) << "</span>";
            if (!finding.word.empty()) out_ << "<b>" << html_escape(finding.word) << "</b> \u2014 ";
            out_ << html_escape(finding.message);
            if (!finding.suggestion.empty()) out_ << " \u2192 <i>" << html_escape(finding.suggestion) << "</i>";
            if (const auto target = finding_target(index, finding)) out_ << " <a href=\"#" << *target << "\">show</a>";
            out_ << " <span class=\"note\" style=\"color:#5b6672;font-size:12px\">bytes " << finding.span.start << "\u2013"
                 << finding.span.end << "</span></li>\n";
        }
        out_ << "</ul>\n";
    }

    // The id of the sentence element a finding concerns, if it is shown.
    std::optional<std::string> finding_target(std::size_t index, const Finding& finding) const {
        const Article& article = article_at(index);
        auto contains = [&finding](const Sentence& sentence) {
            return (finding.span.start >= sentence.span.start && finding.span.end <= sentence.span.end && finding.span.end > finding.span.start) ||
                   (!finding.text.empty() && finding.text == sentence.text);
        };
        if (finding.lang == Lang::en) {
            if (article.summary && article.summary->title && contains(*article.summary->title)) {
                return fmt::format("{}-en-title", a_(index));
            }
            const auto& english = summary_sentences(article);
            for (std::size_t k = 0; k < english.size(); ++k) {
                if (contains(english[k])) return fmt::format("{}-en-{}", a_(index), k);
            }
            return std::nullopt;
        }
        if (article.title && contains(*article.title)) return fmt::format("{}-title", a_(index));
        if (article.subtitle && contains(*article.subtitle)) return fmt::format("{}-subtitle", a_(index));
        for (std::size_t k = 0; k < article.resume.size(); ++k) {
            if (contains(article.resume[k])) return fmt::format("{}-da-{}", a_(index), k);
        }
        for (std::size_t s = 0; s < article.sections.size(); ++s) {
            for (std::size_t k = 0; k < article.sections[s].sentences.size(); ++k) {
                if (contains(article.sections[s].sentences[k])) return fmt::format("{}-s{}-{}", a_(index), s, k);
            }
        }
        return std::nullopt;
    }

    // One sentence box of the Resumé/Summary columns.
    void write_sentence_box(std::size_t index, Lang lang, std::size_t number, const Sentence& sentence,
                            const std::optional<std::size_t>& bead, const Bead* bead_value, bool orphan) {
        std::vector<const Finding*> sentence_level;
        const std::string text = marked_text(sentence.text, findings_in(index, lang, sentence), sentence_level);
        std::string tooltip = page_prefix(sentence, messages_) + detail::format_message(messages_, "bytes {}\u2013{}", sentence.span.start, sentence.span.end);
        if (bead_value) {
            tooltip.append("\n").append(detail::format_message(messages_, "bead {}: score {}", *bead + 1, score_text(bead_value->score)));
            const std::string matches = matches_tooltip(bead_value->matches);
            if (!matches.empty()) tooltip.append("\n").append(matches);
        }
        for (const Finding* finding : sentence_level) tooltip.append("\n").append(finding_tooltip(*finding, messages_));
        std::string classes = "sent";
        if (orphan) classes += " orphan";
        if (!sentence_level.empty()) classes += " flagged";
        const std::string border = bead_value ? score_colour(bead_value->score) : std::string("#c7cdd4");
        out_ << "<div class=\"" << classes << "\" id=\"" << a_(index) << '-' << summalign::to_string(lang) << '-' << number
             << "\" data-start=\"" << sentence.span.start << "\" data-end=\"" << sentence.span.end << "\"";
        if (sentence.page > 0) out_ << " data-page=\"" << sentence.page << "\"";
        if (bead) out_ << " data-bead=\"" << a_(index) << "-b" << *bead << "\"";
        out_ << " style=\"border-left-color:" << border << "\" title=\"" << html_escape(tooltip) << "\"><span class=\"num\">"
             << (lang == Lang::da ? 'D' : 'E') << number + 1 << "</span>" << text << "</div>\n";
    }

    void write_pair(std::size_t index, const AlignedArticle* result) {
        const Article& article = article_at(index);
        const auto& english = summary_sentences(article);
        if (article.resume.empty() && english.empty()) return;

        // Which bead each sentence belongs to.
        std::map<std::size_t, std::size_t> da_bead, en_bead;
        std::vector<Bead> no_beads;
        const std::vector<Bead>& beads = result ? result->alignment.resume_summary : no_beads;
        for (std::size_t b = 0; b < beads.size(); ++b) {
            for (std::size_t d : beads[b].da) da_bead[d] = b;
            for (std::size_t e : beads[b].en) en_bead[e] = b;
        }

        out_ << "<h3>Resum\u00e9 \u2194 Summary";
        if (result)
            out_ << " <span class=\"note\">("
                 << html_escape(detail::format_message(messages_, "{} beads; line width and colour show the score", beads.size())) << ")</span>";
        out_ << "</h3>\n<div class=\"pair\">\n<div class=\"col da\"><h4>Resum\u00e9 (da)</h4>\n";
        auto write_column = [&](Lang lang, const std::vector<Sentence>& sentences,
                                const std::map<std::size_t, std::size_t>& bead_of) {
            for (std::size_t k = 0; k < sentences.size(); ++k) {
                const auto found = bead_of.find(k);
                std::optional<std::size_t> bead;
                const Bead* value = nullptr;
                if (found != bead_of.end()) {
                    bead = found->second;
                    value = &beads[found->second];
                }
                const bool orphan = value && (value->da.empty() || value->en.empty());
                write_sentence_box(index, lang, k, sentences[k], bead, value, orphan);
            }
        };
        write_column(Lang::da, article.resume, da_bead);
        if (article.resume.empty()) out_ << "<p class=\"note\">" << t("No Resum\u00e9.") << "</p>\n";
        out_ << "</div>\n<div class=\"linkcell\"><svg class=\"links\" xmlns=\"http://www.w3.org/2000/svg\">\n";
        for (std::size_t b = 0; b < beads.size(); ++b) {
            const Bead& bead = beads[b];
            if (bead.da.empty() || bead.en.empty()) continue;
            std::string tooltip = detail::format_message(messages_, "bead {}: D{} \u2194 E{} score {}", b + 1, join_ids("", bead.da),
                                                         join_ids("", bead.en), score_text(bead.score));
            const std::string matches = matches_tooltip(bead.matches);
            if (!matches.empty()) tooltip.append("\n").append(matches);
            out_ << "<path data-bead=\"" << a_(index) << "-b" << b << "\" data-from=\""
                 << join_ids(fmt::format("{}-da-", a_(index)), bead.da) << "\" data-to=\""
                 << join_ids(fmt::format("{}-en-", a_(index)), bead.en) << "\" stroke=\"" << score_colour(bead.score, 45.0)
                 << "\" stroke-width=\"" << fmt::format("{:.1f}", 1.5 + 4.5 * std::clamp(bead.score, 0.0, 1.0))
                 << "\"><title>" << html_escape(tooltip) << "</title></path>\n";
        }
        out_ << "</svg></div>\n<div class=\"col en\"><h4>Summary (en)</h4>\n";
        write_column(Lang::en, english, en_bead);
        if (english.empty()) out_ << "<p class=\"note\">" << t("No English Summary.") << "</p>\n";
        out_ << "</div>\n</div>\n";
    }

    void write_heat_map(std::size_t index, const AlignedArticle& result) {
        const Article& article = article_at(index);
        const std::size_t rows = article.resume.size();
        const std::size_t columns = summary_sentences(article).size();
        if (rows == 0 || columns == 0) return;

        const auto& matrix = result.alignment.resume_summary_matrix;
        const bool full = matrix.size() == rows &&
                          std::all_of(matrix.begin(), matrix.end(), [columns](const auto& row) { return row.size() == columns; });
        std::vector<std::vector<std::optional<double>>> cells(rows, std::vector<std::optional<double>>(columns));
        std::set<std::pair<std::size_t, std::size_t>> on_path;
        for (const Bead& bead : result.alignment.resume_summary) {
            for (std::size_t d : bead.da) {
                for (std::size_t e : bead.en) {
                    if (d >= rows || e >= columns) continue;
                    on_path.insert({d, e});
                    if (!full) cells[d][e] = bead.score;
                }
            }
        }
        if (full) {
            for (std::size_t d = 0; d < rows; ++d) {
                for (std::size_t e = 0; e < columns; ++e) cells[d][e] = matrix[d][e];
            }
        }

        out_ << "<h3>" << t("Similarity heat map") << " <span class=\"note\">("
             << (full ? t("every Resum\u00e9 sentence against every Summary sentence")
                      : t("bead scores; the aligner did not keep the full matrix"))
             << ")</span></h3>\n<div class=\"heatwrap\"><table class=\"heat\"><thead><tr><th></th>";
        for (std::size_t e = 0; e < columns; ++e) out_ << "<th>E" << e + 1 << "</th>";
        out_ << "</tr></thead><tbody>\n";
        for (std::size_t d = 0; d < rows; ++d) {
            out_ << "<tr><th>D" << d + 1 << "</th>";
            for (std::size_t e = 0; e < columns; ++e) {
                const bool path = on_path.count({d, e}) != 0;
                out_ << "<td";
                if (path) out_ << " class=\"path\"";
                if (cells[d][e]) {
                    const double value = *cells[d][e];
                    out_ << " style=\"background:" << score_colour(value, 70.0) << "\" title=\""
                         << html_escape(path ? detail::format_message(messages_, "D{} \u00d7 E{}: {} (aligned)", d + 1, e + 1, score_text(value))
                                             : detail::format_message(messages_, "D{} \u00d7 E{}: {}", d + 1, e + 1, score_text(value)))
                         << "\">" << (std::isfinite(value) ? fmt::format("{:.0f}", 100.0 * value) : std::string("?"));
                } else {
                    out_ << " style=\"background:#f1f3f5\" title=\""
                         << html_escape(detail::format_message(messages_, "D{} \u00d7 E{}: not scored", d + 1, e + 1)) << "\">";
                }
                out_ << "</td>";
            }
            out_ << "</tr>\n";
        }
        out_ << "</tbody></table><div class=\"legend\"><div class=\"bar\"></div>0 \u2192 1 "
             << t("(numbers are scores \u00d7 100). Outlined cells are the chosen alignment; D = Resum\u00e9 sentence, E = Summary sentence.")
             << "</div></div>\n";
    }

    std::string section_name(const Article& article, std::size_t section) const {
        if (section < article.sections.size() && article.sections[section].heading) {
            return article.sections[section].heading->text;
        }
        return section == 0 ? messages_.translate("Introduction") : detail::format_message(messages_, "Section {}", section + 1);
    }

    void write_support(std::size_t index, const AlignedArticle& result) {
        const Article& article = article_at(index);
        const auto& english = summary_sentences(article);
        if (result.alignment.support.empty()) return;
        const auto supported = std::count_if(result.alignment.support.begin(), result.alignment.support.end(),
                                             [](const ClaimSupport& claim) { return claim.supported; });
        out_ << "<h3>" << t("Claim support") << " <span class=\"note\">("
             << html_escape(detail::format_message(messages_, "{} of {} Summary sentences backed by the Danish body", supported,
                                                   result.alignment.support.size()))
             << ")</span></h3>\n<table class=\"support\"><tbody>\n";
        for (const ClaimSupport& claim : result.alignment.support) {
            out_ << "<tr class=\"" << (claim.supported ? "supported" : "unsupported") << "\"><td class=\"status\">E"
                 << claim.en + 1 << "<br>" << t(claim.supported ? "supported" : "unsupported") << "</td><td class=\"claim\">";
            if (claim.en < english.size()) {
                std::vector<const Finding*> sentence_level;
                out_ << marked_text(english[claim.en].text, findings_in(index, Lang::en, english[claim.en]), sentence_level);
            }
            out_ << "</td><td>";
            if (claim.evidence.empty()) {
                out_ << "<span class=\"note\">" << t("no supporting Danish sentence") << "</span>";
            } else {
                out_ << "<ol class=\"evidence\">";
                for (const Evidence& evidence : claim.evidence) {
                    out_ << "<li title=\"" << html_escape(matches_tooltip(evidence.matches)) << "\">"
                         << score_badge(evidence.score) << " <a href=\"#" << a_(index) << "-s" << evidence.section << '-'
                         << evidence.sentence << "\">" << html_escape(section_name(article, evidence.section))
                         << "</a>: " << html_escape(evidence.text) << "</li>";
                }
                out_ << "</ol>";
            }
            out_ << "</td></tr>\n";
        }
        out_ << "</tbody></table>\n";
    }

    void write_body(std::size_t index, const AlignedArticle* result) {
        const Article& article = article_at(index);
        std::set<std::pair<std::size_t, std::size_t>> evidence;
        if (result) {
            for (const ClaimSupport& claim : result->alignment.support) {
                for (const Evidence& item : claim.evidence) evidence.insert({item.section, item.sentence});
            }
        }
        std::size_t sentences = 0;
        for (const Section& section : article.sections) sentences += section.sentences.size();
        // The counts are escaped already (counted_label).
        out_ << "<details class=\"body\"><summary>"
             << detail::format_message(messages_, "Danish body text ({}, {}, {}; evidence highlighted)",
                                       counted_label(article.sections.size(), "section", messages_),
                                       counted_label(sentences, "sentence", messages_), counted_label(article.figures.size(), "figure", messages_))
             << "</summary>\n";
        for (std::size_t s = 0; s < article.sections.size(); ++s) {
            const Section& section = article.sections[s];
            if (section.heading) out_ << "<h4>" << html_escape(section.heading->text) << "</h4>\n";
            out_ << "<p>";
            for (std::size_t k = 0; k < section.sentences.size(); ++k) {
                const Sentence& sentence = section.sentences[k];
                std::vector<const Finding*> sentence_level;
                const std::string text = marked_text(sentence.text, findings_in(index, Lang::da, sentence), sentence_level);
                out_ << "<span class=\"bs" << (evidence.count({s, k}) ? " evidence" : "") << "\" id=\"" << a_(index) << "-s" << s
                     << '-' << k << "\" title=\""
                     << html_escape(page_prefix(sentence, messages_) + detail::format_message(messages_, "bytes {}\u2013{}", sentence.span.start, sentence.span.end))
                     << "\">" << text
                     << "</span> ";
            }
            out_ << "</p>\n";
        }
        for (const Figure& figure : article.figures) {
            out_ << "<div class=\"figure\"><b>" << html_escape(figure.label) << "</b> " << html_escape(figure.caption.text)
                 << "</div>\n";
        }
        if (article.correspondence) {
            out_ << "<div class=\"figure\">" << html_escape(article.correspondence->text) << "</div>\n";
        }
        for (const EndNote& note : article.end_notes)
            out_ << "<div class=\"figure\"><b>" << html_escape(note.label) << ":</b> " << html_escape(note.text.text) << "</div>\n";
        if (!article.references.empty()) {
            out_ << "<h4>" << t("References") << "</h4>\n<ul class=\"references\">\n";
            for (const Sentence& reference : article.references) out_ << "<li>" << html_escape(reference.text) << "</li>\n";
            out_ << "</ul>\n";
        }
        out_ << "</details>\n";
    }

    // "a<index>" with the document's prefix: the start of every id of an article's elements.
    std::string a_(std::size_t index) const { return fmt::format("{}a{}", prefix_, index); }

    std::ostream& out_;
    const Document* document_ = nullptr;
    const Article* single_ = nullptr;  // one article alone, else null
    std::size_t single_index_ = 0;
    const AlignedArticle* single_aligned_ = nullptr;
    std::span<const AlignedArticle> aligned_;
    const Messages& messages_;
    std::string prefix_;

    // A fixed label in the report's language, escaped for HTML.
    std::string t(std::string_view english) const { return html_escape(messages_.translate(english)); }
};

}  // namespace

std::string html_escape(std::string_view text) {
    const std::string safe = xml_safe(text);
    std::string escaped;
    escaped.reserve(safe.size());
    for (char c : safe) {
        switch (c) {
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '"': escaped += "&quot;"; break;
            case '\'': escaped += "&#39;"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

void write_html(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                const ExportOptions& options) {
    check_aligned_matches(document, aligned);
    HtmlReport(out, document, aligned, options.messages).write();
}

void write_html_head(std::ostream& out, std::string_view title, const Messages& messages) { write_page_head(out, title, messages); }

void write_html_part(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                     std::size_t number, const Messages& messages) {
    check_aligned_matches(document, aligned);
    if (number > 0) out << "</main>\n";
    HtmlReport(out, document, aligned, messages, fmt::format("d{}-", number)).write_part();
}

void write_html_tail(std::ostream& out, const Messages& messages) { write_page_tail(out, messages); }

std::string html_article_text(const Article& article, std::size_t index, const AlignedArticle* aligned,
                              const Messages& messages, std::string_view prefix) {
    std::ostringstream out;
    HtmlReport(out, article, index, aligned, messages, std::string(prefix)).write_single_article();
    return std::move(out).str();
}

std::string html_contents_row(const Article& article, std::size_t index, const AlignedArticle* aligned,
                              const Messages& messages, std::string_view prefix) {
    std::ostringstream out;
    HtmlReport(out, article, index, aligned, messages, std::string(prefix)).write_single_contents_row();
    return std::move(out).str();
}

void write_html_part_opening(std::ostream& out, std::string_view source_name, std::size_t article_count, bool aligned,
                             std::size_t findings, std::size_t repairs, const Messages& messages) {
    HtmlReport::write_part_opening(out, source_name, article_count, aligned, findings, repairs, messages);
}

void write_html_contents_closing(std::ostream& out) { HtmlReport::write_contents_closing(out); }

}  // namespace summalign::detail
