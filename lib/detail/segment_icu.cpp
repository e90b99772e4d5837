#include "detail/segment_icu.hpp"
#include "summalign/error.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <string>

#include "detail/utf8.hpp"

namespace summalign::detail {

namespace {

struct UTextCloser {
    void operator()(UText* text) const noexcept { utext_close(text); }
};

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw Error(std::string("ICU ") + what + ": " + u_errorName(status));
}

// Bytes of the Unicode white space (no-break spaces and U+2029 included) that starts /
// ends at byte i, or 0.
std::size_t space_after(std::string_view text, std::size_t i) {
    if (i >= text.size()) return 0;
    std::size_t length = 0;
    return is_space(code_point_at(text, i, length)) ? length : 0;
}
std::size_t space_before(std::string_view text, std::size_t i) {
    std::size_t length = 0;
    return i > 0 && is_space(code_point_before(text, i, length)) ? length : 0;
}

}  // namespace

IcuSentenceRules::IcuSentenceRules(Lang lang) {
    UErrorCode status = U_ZERO_ERROR;
    prototype_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(lang == Lang::da ? "da" : "en"), status));
    check(status, "sentence iterator");
    if (!prototype_) throw Error("ICU sentence iterator: not available");
}
IcuSentenceRules::~IcuSentenceRules() = default;
IcuSentenceRules::IcuSentenceRules(IcuSentenceRules&&) noexcept = default;
IcuSentenceRules& IcuSentenceRules::operator=(IcuSentenceRules&&) noexcept = default;

std::vector<std::size_t> IcuSentenceRules::breaks(std::string_view text) const {
    std::vector<std::size_t> result;
    if (text.empty()) return result;
    // BreakIterator keeps iteration state, so each call iterates its own clone.
    std::unique_ptr<icu::BreakIterator> iterator(prototype_->clone());
    if (!iterator) throw Error("ICU sentence iterator: clone failed");
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UText, UTextCloser> utext(
        utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
    check(status, "utext_openUTF8");
    iterator->setText(utext.get(), status);
    check(status, "setText");
    // On a UTF-8 UText the iterator reports native indexes, i.e. byte offsets.
    for (int32_t pos = iterator->next(); pos != icu::BreakIterator::DONE; pos = iterator->next()) {
        const auto offset = static_cast<std::size_t>(pos);
        if (offset > 0 && offset < text.size()) result.push_back(offset);
    }
    return result;
}

std::vector<SourceSpan> spans_between(std::string_view text, const std::vector<std::size_t>& breaks) {
    std::vector<SourceSpan> spans;
    std::size_t start = 0;
    auto add = [&](std::size_t begin, std::size_t end) {
        while (begin < end) {
            const std::size_t n = space_after(text, begin);
            if (n == 0) break;
            begin += n;
        }
        while (end > begin) {
            const std::size_t n = space_before(text, end);
            if (n == 0) break;
            end -= n;
        }
        if (begin < end) spans.push_back({begin, end});
    };
    for (auto b : breaks) {
        if (b <= start || b >= text.size()) continue;
        add(start, b);
        start = b;
    }
    add(start, text.size());
    return spans;
}

std::vector<SourceSpan> icu_sentence_spans(std::string_view text, Lang lang) {
    return spans_between(text, IcuSentenceRules(lang).breaks(text));
}

}  // namespace summalign::detail
