#include "detail/lexicon_text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "summalign/text.hpp"

namespace summalign::detail {
namespace {

const icu::Locale& danish_locale() {
    static const icu::Locale locale("da");
    return locale;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
    }
    return out;
}

}  // namespace

bool is_plain_key(std::string_view text) noexcept {
    if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
    char previous = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0xC3 && i + 1 < text.size()) {
            // Precomposed lower-case Latin-1 letters (ß, à … þ except ÷, ÿ: U+00DF–U+00FF
            // but U+00F7) are already lower-case NFC; a following combining mark would
            // start with 0xCC/0xCD and fail below.
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x9F && next <= 0xBF && next != 0xB7) {
                previous = c;
                ++i;
                continue;
            }
            return false;
        }
        if (byte >= 0x80 || (c >= 'A' && c <= 'Z') || (c != ' ' && byte < 0x20)) return false;
        if (c == ' ' && previous == ' ') return false;
        previous = c;
    }
    return true;
}

std::string lexicon_key(std::string_view text) {
    if (is_plain_key(text)) return std::string(text);
    // Plain but for ASCII capitals ("Patienter"): lower-case them without ICU.
    if (bool ascii_only = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }); ascii_only) {
        std::string lowered(text);
        for (char& c : lowered)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (is_plain_key(lowered)) return lowered;
    }
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(normalize_nfc(text));
    unicode.toLower(danish_locale());
    unicode.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2010)), icu::UnicodeString('-'));
    unicode.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2011)), icu::UnicodeString('-'));
    std::string utf8;
    unicode.toUTF8String(utf8);
    // ICU lower-casing keeps NFC except for rare characters; collapsing spaces last keeps
    // the key stable whatever white space the source used.
    return collapse_spaces(utf8);
}

struct WordTokenizer::Impl {
    std::unique_ptr<icu::BreakIterator> breaker;
};

WordTokenizer::WordTokenizer() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->breaker.reset(icu::BreakIterator::createWordInstance(danish_locale(), status));
    if (U_FAILURE(status)) impl_->breaker.reset();
}

WordTokenizer::~WordTokenizer() = default;

std::vector<std::string> WordTokenizer::operator()(std::string_view text) {
    std::vector<std::string> words;
    if (text.empty() || !impl_->breaker) return words;
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::BreakIterator& breaker = *impl_->breaker;
    breaker.setText(unicode);
    int32_t start = breaker.first();
    for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; start = end, end = breaker.next()) {
        const int32_t rule = breaker.getRuleStatus();
        // Letters (and ideographs/kana) only: numbers, punctuation and spaces are not words
        // a lexicon should learn.
        if (rule < UBRK_WORD_LETTER || rule >= UBRK_WORD_IDEO_LIMIT) continue;
        icu::UnicodeString word = unicode.tempSubStringBetween(start, end);
        word.toLower(danish_locale());
        std::string utf8;
        word.toUTF8String(utf8);
        words.push_back(std::move(utf8));
    }
    return words;
}

std::vector<std::string> word_tokens(std::string_view text) {
    WordTokenizer tokenizer;
    return tokenizer(text);
}

}  // namespace summalign::detail
