#include "summalign/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "detail/mapped_file.hpp"
#include "summalign/error.hpp"

namespace summalign {

SourceText make_source(std::string bytes, std::string name) {
    const auto size = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX));
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) throw Error(name, std::nullopt, "input larger than 2 GiB");
    if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF')))
        throw Error(name, 0, "input is UTF-16 (byte-order mark found); convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8");
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t i = 0;
    while (i < size) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(data, i, size, c);
        if (c < 0)
            throw Error(name, static_cast<std::size_t>(at),
                        "invalid UTF-8 (Latin-1 or another legacy encoding? convert it with iconv -t UTF-8)");
        if (c == 0) throw Error(name, static_cast<std::size_t>(at), "NUL byte in text input (binary or UTF-16 file?)");
    }
    return SourceText{std::move(name), std::move(bytes)};
}

SourceText read_source(const std::string& path) { return make_source(detail::read_input_bytes(path, "text file"), path); }

void MappedText::add_run(std::size_t source_begin, bool verbatim) {
    if (!runs_.empty()) {
        const Run& last = runs_.back();
        // The bytes already in the last run end where the new ones would continue it.
        const std::size_t last_length = text_.size() - last.text_begin;
        const bool continues = last.verbatim ? verbatim && last.source_begin + last_length == source_begin
                                             : !verbatim && last.source_begin == source_begin;
        if (continues) return;
    }
    runs_.push_back(Run{text_.size(), source_begin, verbatim});
}

std::vector<MappedText::Run>::const_iterator MappedText::run_at(std::size_t i) const {
    // The last run whose text_begin is <= i.
    return std::upper_bound(runs_.begin(), runs_.end(), i,
                            [](std::size_t index, const Run& run) { return index < run.text_begin; }) - 1;
}

void MappedText::append_source(std::string_view source, std::size_t start, std::size_t end) {
    if (end <= start) return;
    add_run(start, true);
    text_.append(source.substr(start, end - start));
}

void MappedText::append_synthetic(std::string_view text, std::size_t at) {
    if (text.empty()) return;
    add_run(at, false);
    text_.append(text);
}

void MappedText::append(const MappedText& other) { append(other, 0, other.size()); }

void MappedText::append(const MappedText& other, std::size_t begin, std::size_t end) {
    if (&other == this) {  // appending to itself would invalidate the runs being read
        const MappedText copy = other;
        append(copy, begin, end);
        return;
    }
    end = std::min(end, other.size());
    if (begin >= end) return;
    // Copy run by run: the first one may start mid-run at `begin`, the last may stop short.
    auto run = other.run_at(begin);
    for (std::size_t at = begin; at < end; ++run) {
        const std::size_t run_end = run + 1 != other.runs_.end() ? std::min(end, (run + 1)->text_begin) : end;
        add_run(run->verbatim ? run->source_begin + (at - run->text_begin) : run->source_begin, run->verbatim);
        text_.append(other.text_, at, run_end - at);
        at = run_end;
    }
}

std::size_t MappedText::origin(std::size_t i) const {
    if (i >= text_.size()) throw Error("MappedText::origin: index past the end");
    const auto run = run_at(i);
    return run->verbatim ? run->source_begin + (i - run->text_begin) : run->source_begin;
}

std::size_t MappedText::source_start(std::size_t begin) const {
    if (text_.empty()) return 0;
    return origin(std::min(begin, text_.size() - 1));
}

std::size_t MappedText::source_end(std::size_t end) const {
    if (text_.empty() || end == 0) return source_start(0);
    return origin(std::min(end, text_.size()) - 1) + 1;
}

SourceSpan MappedText::source_hull(std::size_t begin, std::size_t end) const {
    std::size_t start = source_start(begin), stop = source_end(end);
    end = std::min(end, text_.size());
    if (begin >= end) return {start, stop};
    // Reordered text (columns read one after the other): the smallest span holding every byte.
    for (auto run = run_at(begin); run != runs_.end() && run->text_begin < end; ++run) {
        const std::size_t first = std::max(begin, run->text_begin);
        const std::size_t next = std::next(run) == runs_.end() ? text_.size() : std::next(run)->text_begin;
        const std::size_t last = std::min(end, next) - 1;
        start = std::min(start, origin(first));
        // A synthetic run (a space joining lines) stands at a position, not on a byte: it
        // must not stretch the span past it (at the input's end, past the input).
        stop = std::max(stop, run->verbatim ? origin(last) + 1 : run->source_begin);
    }
    return {start, stop};
}

MappedText MappedText::slice(std::size_t begin, std::size_t end) const {
    MappedText out;
    out.append(*this, begin, end);
    return out;
}

namespace {
// Length in bytes of a white-space character (ASCII or U+00A0, U+2000..U+200B, U+202F,
// U+3000) starting at `s`, or 0.
std::size_t space_at(std::string_view s) {
    if (s.empty()) return 0;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c < 0x80) return 0;
    int32_t i = 0;
    UChar32 cp;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(std::min<std::size_t>(s.size(), 4)), cp);
    if (cp > 0 && u_isUWhiteSpace(cp)) return static_cast<std::size_t>(i);
    return 0;
}
std::size_t space_ending_at(std::string_view s) {
    for (std::size_t len = 1; len <= std::min<std::size_t>(4, s.size()); ++len)
        if (space_at(s.substr(s.size() - len)) == len) return len;
    return 0;
}
}  // namespace

MappedText MappedText::trimmed() const {
    std::string_view view = text_;
    std::size_t begin = 0, end = view.size();
    while (begin < end) {
        const auto n = space_at(view.substr(begin, end - begin));
        if (n == 0) break;
        begin += n;
    }
    while (end > begin) {
        const auto n = space_ending_at(view.substr(begin, end - begin));
        if (n == 0) break;
        end -= n;
    }
    return slice(begin, end);
}

std::string normalize_nfc(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error("ICU NFC normaliser unavailable");
    icu::UnicodeString input = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString cleaned;
    for (int32_t i = 0; i < input.length();) {
        const UChar32 c = input.char32At(i);
        i += U16_LENGTH(c);
        if (c == 0x00AD) continue;  // soft hyphen: a hyphenation hint, not text
        cleaned.append(c == 0x00A0 || c == 0x202F ? UChar32(' ') : c);
    }
    icu::UnicodeString normalized = nfc->normalize(cleaned, status);
    if (U_FAILURE(status)) throw Error("NFC normalisation failed");
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

}  // namespace summalign
