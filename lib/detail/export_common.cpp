#include "detail/export_common.hpp"

#include <algorithm>
#include <iterator>

#include <cmath>
#include <cstdint>

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "detail/messages_format.hpp"
#include "summalign/error.hpp"
#include "summalign/version.hpp"

namespace summalign::detail {

std::string_view export_tool_version() noexcept { return version(); }

void check_aligned_matches(const Document& document, std::span<const AlignedArticle> aligned) {
    if (!aligned.empty() && aligned.size() != document.articles.size()) {
        throw Error(document.source_name, std::nullopt,
                    error_text("cannot export: {} aligned articles for {} parsed articles", aligned.size(),
                                document.articles.size()));
    }
}

std::string indices_text(const std::vector<std::size_t>& indices) {
    std::string text;
    for (std::size_t index : indices) {
        if (!text.empty()) text += ',';
        text += std::to_string(index);
    }
    return text;
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
    if (!article.subtitle || article.subtitle->text.empty()) return text;
    const std::string& subtitle = article.subtitle->text;
    if (!text.empty()) {
        // A subtitle that opens with a dash ("– nøglen til …") already says how it joins, and
        // a title ending in punctuation ("…?", "…:") needs no colon after it; otherwise the
        // colon is the usual title/subtitle separator.
        static constexpr std::string_view dashes[] = {"\u2013", "\u2014", "-"};
        static constexpr std::string_view endings[] = {":", ".", "?", "!", "\u2026", "\u2013", "\u2014", "-"};
        const bool dash_first = std::any_of(std::begin(dashes), std::end(dashes),
                                            [&](std::string_view dash) { return subtitle.starts_with(dash); });
        const bool punctuated = std::any_of(std::begin(endings), std::end(endings),
                                            [&](std::string_view end) { return text.ends_with(end); });
        text += dash_first || punctuated ? " " : ": ";
    }
    return text + subtitle;
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
