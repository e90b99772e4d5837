// Sentence segmentation: ICU's sentence rules for the base breaks, then summalign's own
// rules (lib/detail/segment_rules.cpp) for what ICU lacks: abbreviations from
// data/abbreviations-<lang>.txt, initials, ordinals, figure labels, citation brackets,
// Danish dialogue dashes and line breaks.
#include "summalign/segment.hpp"
#include "summalign/error.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "detail/segment_abbreviations.hpp"
#include "detail/segment_icu.hpp"
#include "detail/segment_rules.hpp"

namespace summalign {

std::string_view to_string(Lang lang) noexcept { return lang == Lang::da ? "da" : "en"; }

Lang parse_lang(std::string_view code) {
    if (code == "da") return Lang::da;
    if (code == "en") return Lang::en;
    throw Error("unknown language '" + std::string(code) + "' (expected da or en)");
}

// Both members are only read after construction (ICU's iterator is cloned per call), which
// is what makes split() safe to call from several threads.
struct Segmenter::Impl {
    Impl(Lang language) : lang(language), icu(language), abbreviations(detail::AbbreviationList::load(language)) {}
    Lang lang;
    detail::IcuSentenceRules icu;
    detail::AbbreviationList abbreviations;
};

Segmenter::Segmenter(Lang lang) : impl_(std::make_unique<Impl>(lang)) {}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Lang Segmenter::lang() const noexcept { return impl_->lang; }

std::vector<SourceSpan> Segmenter::split(std::string_view text) const { return split(text, SplitOptions{}); }

std::vector<SourceSpan> Segmenter::split(std::string_view text, const SplitOptions& options) const {
    if (text.empty()) return {};
    // std::any_of rather than find_first_of("\r\n"), which calls memchr on the set for every byte.
    const bool has_line_breaks = std::any_of(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; });
    const auto icu_breaks =
        has_line_breaks ? impl_->icu.breaks(detail::line_breaks_as_spaces(text)) : impl_->icu.breaks(text);
    const auto breaks = detail::refine_breaks(text, icu_breaks, impl_->abbreviations, options.line_breaks);
    return detail::spans_between(text, breaks);
}

}  // namespace summalign
