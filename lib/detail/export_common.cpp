#include "detail/export_common.hpp"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "summalign/error.hpp"

#ifndef SUMMALIGN_VERSION
#define SUMMALIGN_VERSION "unknown"
#endif

namespace summalign::detail {

std::string_view export_tool_version() noexcept { return SUMMALIGN_VERSION; }

std::string_view finding_kind_name(Finding::Kind kind) noexcept {
    switch (kind) {
        case Finding::Kind::misspelling: return "misspelling";
        case Finding::Kind::number_mismatch: return "number_mismatch";
        case Finding::Kind::abbreviation_mismatch: return "abbreviation_mismatch";
        case Finding::Kind::unsupported_claim: return "unsupported_claim";
        case Finding::Kind::missing_summary: return "missing_summary";
        case Finding::Kind::missing_resume: return "missing_resume";
    }
    return "unknown";
}

std::string_view match_kind_name(MatchKind kind) noexcept {
    switch (kind) {
        case MatchKind::dictionary: return "dictionary";
        case MatchKind::glossary: return "glossary";
        case MatchKind::learned: return "learned";
        case MatchKind::user: return "user";
        case MatchKind::stem: return "stem";
        case MatchKind::compound: return "compound";
        case MatchKind::cognate: return "cognate";
        case MatchKind::number: return "number";
        case MatchKind::abbreviation: return "abbreviation";
        case MatchKind::identical: return "identical";
        case MatchKind::name: return "name";
        case MatchKind::citation: return "citation";
    }
    return "unknown";
}

std::string_view repair_kind_name(Repair::Kind kind) noexcept {
    switch (kind) {
        case Repair::Kind::line_break_hyphen_removed: return "line_break_hyphen_removed";
        case Repair::Kind::line_break_hyphen_kept: return "line_break_hyphen_kept";
        case Repair::Kind::lines_joined: return "lines_joined";
        case Repair::Kind::running_head_dropped: return "running_head_dropped";
        case Repair::Kind::page_number_dropped: return "page_number_dropped";
        case Repair::Kind::caption_lifted: return "caption_lifted";
        case Repair::Kind::label_split: return "label_split";
        case Repair::Kind::normalized: return "normalized";
    }
    return "unknown";
}

std::string_view lang_name(Lang lang) noexcept { return lang == Lang::da ? "da" : "en"; }

void check_aligned_matches(const Document& document, std::span<const AlignedArticle> aligned) {
    if (!aligned.empty() && aligned.size() != document.articles.size()) {
        throw Error(document.source_name, std::nullopt,
                    fmt::format("cannot export: {} aligned articles for {} parsed articles", aligned.size(),
                                document.articles.size()));
    }
}

std::string joined_text(const std::vector<Sentence>& sentences, const std::vector<std::size_t>& indices) {
    std::string text;
    for (std::size_t index : indices) {
        if (index >= sentences.size()) continue;
        if (!text.empty()) text += ' ';
        text += sentences[index].text;
    }
    return text;
}

const std::vector<Sentence>& summary_sentences(const Article& article) {
    static const std::vector<Sentence> none;
    return article.summary ? article.summary->sentences : none;
}

std::string citation_text(const Citation& citation) {
    if (citation.journal.empty() || citation.year == 0) return {};
    std::string text = fmt::format("{} {}", citation.journal, citation.year);
    if (citation.volume != 0) text += fmt::format(";{}", citation.volume);
    if (!citation.pages.empty()) text += fmt::format(":{}", citation.pages);
    return text;
}

std::string article_title_text(const Article& article) {
    std::string text = article.title ? article.title->text : std::string{};
    if (article.subtitle && !article.subtitle->text.empty()) {
        if (!text.empty()) text += ": ";
        text += article.subtitle->text;
    }
    return text;
}

std::string xml_safe(std::string_view text) {
    std::string safe;
    safe.reserve(text.size());
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        const std::int32_t begin = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) {
            safe += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF) {
            safe += ' ';
        } else {
            safe.append(text.data() + begin, static_cast<std::size_t>(i - begin));
        }
    }
    return safe;
}

std::string score_text(double score) {
    if (std::isnan(score)) return "nan";
    if (std::isinf(score)) return score > 0 ? "inf" : "-inf";
    return fmt::format("{:.4f}", score);
}

}  // namespace summalign::detail
