// Sentence segmentation: ICU's sentence BreakIterator for the base rules.
#include "summalign/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <string>

namespace summalign {

std::string_view to_string(Lang lang) noexcept { return lang == Lang::da ? "da" : "en"; }

Lang parse_lang(std::string_view code) {
    if (code == "da") return Lang::da;
    if (code == "en") return Lang::en;
    throw std::invalid_argument("unknown language '" + std::string(code) + "' (expected da or en)");
}

namespace {

bool is_space_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

struct Segmenter::Impl {
    Lang lang;
    // Never used directly: BreakIterator is not thread-safe, so split() works on a clone.
    std::unique_ptr<icu::BreakIterator> prototype;
};

Segmenter::Segmenter(Lang lang) : impl_(std::make_unique<Impl>()) {
    impl_->lang = lang;
    UErrorCode status = U_ZERO_ERROR;
    impl_->prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(lang == Lang::da ? "da" : "en"), status));
    if (U_FAILURE(status) || !impl_->prototype) throw std::runtime_error(std::string("ICU sentence iterator: ") + u_errorName(status));
}
Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;

Lang Segmenter::lang() const noexcept { return impl_->lang; }

std::vector<ByteSpan> Segmenter::split(std::string_view text) const {
    std::vector<ByteSpan> spans;
    if (text.empty()) return spans;
    std::unique_ptr<icu::BreakIterator> it(impl_->prototype->clone());
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext: ") + u_errorName(status));
    it->setText(ut, status);
    if (U_FAILURE(status)) { utext_close(ut); throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status)); }
    // With a UTF-8 UText the iterator's positions are native (byte) offsets.
    std::size_t prev = static_cast<std::size_t>(it->first());
    for (int32_t pos = it->next(); pos != icu::BreakIterator::DONE; pos = it->next()) {
        std::size_t b = prev, e = static_cast<std::size_t>(pos);
        prev = e;
        while (b < e && is_space_byte(static_cast<unsigned char>(text[b]))) ++b;
        while (e > b && is_space_byte(static_cast<unsigned char>(text[e - 1]))) --e;
        if (b < e) spans.push_back({b, e});
    }
    utext_close(ut);
    return spans;
}

}  // namespace summalign
