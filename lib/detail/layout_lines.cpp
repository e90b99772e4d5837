#include "detail/layout_lines.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "detail/layout_unicode.hpp"

namespace summalign::layout_detail {

namespace {

const icu::Normalizer2& nfc_instance() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || nfc == nullptr) throw std::runtime_error("ICU NFC normaliser unavailable");
    return *nfc;
}

bool is_no_break_space(char32_t c) { return c == 0x00A0 || c == 0x202F || c == 0x2007; }
constexpr char32_t soft_hyphen = 0x00AD;
constexpr char32_t zero_width_no_break_space = 0xFEFF;

// The Latin typographic ligatures (U+FB00-U+FB06) a PDF font may map a glyph to: NFC keeps
// them, so "ﬁndes" would be a different word from "findes". Their compatibility
// decomposition, spelt out.
std::string_view ligature_letters(char32_t c) {
    switch (c) {
        case 0xFB00: return "ff";
        case 0xFB01: return "fi";
        case 0xFB02: return "fl";
        case 0xFB03: return "ffi";
        case 0xFB04: return "ffl";
        case 0xFB05: return "st";  // long s + t
        case 0xFB06: return "st";
        default: return {};
    }
}

}  // namespace

void append_normalized(std::string_view source, std::size_t start, std::size_t end, MappedText& out,
                       std::vector<Repair>& repairs) {
    const icu::Normalizer2& nfc = nfc_instance();
    std::size_t verbatim = start;  // start of the pending run copied unchanged
    std::size_t i = start;
    auto flush = [&](std::size_t upto) {
        if (upto > verbatim) out.append_source(source, verbatim, upto);
    };
    while (i < end) {
        // ASCII is NFC and starts a normalisation segment unless a combining mark follows:
        // take whole ASCII runs but leave their last character to the segment logic below
        // when a non-ASCII character comes next.
        if (static_cast<unsigned char>(source[i]) < 0x80) {
            std::size_t j = i;
            while (j < end && static_cast<unsigned char>(source[j]) < 0x80 && source[j] != '\t' &&
                   !(source[j] == ' ' && j + 1 < end && (source[j + 1] == ' ' || source[j + 1] == '\t')))
                ++j;
            if (j < end && (source[j] == '\t' || source[j] == ' ')) {
                // A tab, or a run of spaces (layout extraction pads columns and justified
                // lines with them): one space, mapped to the run's first byte.
                std::size_t k = j;
                while (k < end && (source[k] == ' ' || source[k] == '\t')) ++k;
                flush(j);
                out.append_synthetic(" ", j);
                if (k - j > 1 || source[j] == '\t')
                    repairs.push_back({Repair::Kind::normalized, j, k, k - j > 1 ? "white space run -> space" : "tab -> space"});
                verbatim = i = k;
                continue;
            }
            if (j == end) break;
            i = std::max(i, j - 1);
        }
        // One normalisation segment: a character with a boundary before it, plus every
        // following character without one.
        std::size_t n = 0;
        const char32_t first = code_point_at(source, i, n);
        std::size_t segment_end = i + n;
        while (segment_end < end) {
            std::size_t m = 0;
            const char32_t next = code_point_at(source, segment_end, m);
            if (nfc.hasBoundaryBefore(static_cast<UChar32>(next))) break;
            segment_end += m;
        }
        const bool single = segment_end == i + n;
        if (single && (first == soft_hyphen || first == zero_width_no_break_space)) {
            flush(i);
            repairs.push_back({Repair::Kind::normalized, i, segment_end,
                               first == soft_hyphen ? "soft hyphen removed" : "zero-width no-break space removed"});
            verbatim = segment_end;
        } else if (single && !ligature_letters(first).empty()) {
            flush(i);
            const std::string_view letters = ligature_letters(first);
            out.append_synthetic(letters.substr(0, letters.size() - 1), i);
            out.append_synthetic(letters.substr(letters.size() - 1), segment_end - 1);
            repairs.push_back({Repair::Kind::normalized, i, segment_end, "ligature -> " + std::string(letters)});
            verbatim = segment_end;
        } else if (single && is_no_break_space(first)) {
            flush(i);
            out.append_synthetic(" ", i);
            repairs.push_back({Repair::Kind::normalized, i, segment_end, "no-break space -> space"});
            verbatim = segment_end;
        } else if (!single || first >= 0x80) {
            const std::string_view segment = source.substr(i, segment_end - i);
            UErrorCode status = U_ZERO_ERROR;
            const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())));
            if (!nfc.isNormalized(u, status) && U_SUCCESS(status)) {
                std::string normalized;
                nfc.normalize(u, status).toUTF8String(normalized);
                if (U_SUCCESS(status) && normalized != segment) {
                    flush(i);
                    if (!normalized.empty()) {
                        out.append_synthetic(std::string_view(normalized).substr(0, normalized.size() - 1), i);
                        out.append_synthetic(std::string_view(normalized).substr(normalized.size() - 1), segment_end - 1);
                    }
                    repairs.push_back({Repair::Kind::normalized, i, segment_end, "NFC: " + normalized});
                    verbatim = segment_end;
                }
            }
        }
        i = segment_end;
    }
    flush(end);
}

LineKind classify_line(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.empty()) return LineKind::text;
    // "4853", or "- 4853 -" / "-2-" as some typesetters print it.
    std::string_view number = t;
    if (number.size() >= 3 && number.front() == '-' && number.back() == '-') number = trim(number.substr(1, number.size() - 2));
    bool all_digits = !number.empty() && number.size() <= 5;
    for (const char ch : number) all_digits = all_digits && ch >= '0' && ch <= '9';
    if (all_digits) return LineKind::page_number;
    if (t.size() > 120 || has_lowercase(t) || !has_digit(t)) return LineKind::text;
    // Count capitalised words of three or more letters (abbreviations such as "AC133+
    // (CD34)" are shorter).
    std::size_t upper_words = 0, run = 0;
    for (std::size_t i = 0; i <= t.size();) {
        std::size_t n = 1;
        const char32_t c = i < t.size() ? code_point_at(t, i, n) : U' ';
        if (is_letter(c)) {
            ++run;
        } else {
            if (run >= 3) ++upper_words;
            run = 0;
        }
        i += n;
    }
    return upper_words >= 2 ? LineKind::running_head : LineKind::text;
}

std::optional<CaptionMatch> find_caption(std::string_view line) {
    static constexpr std::array<std::string_view, 5> labels = {"Figure", "Figur", "Fig.", "Tabel", "Table"};
    for (std::size_t p = 0; p < line.size(); ++p) {
        if (line[p] != 'F' && line[p] != 'T') continue;
        if (p > 0 && line[p - 1] != ' ' && line[p - 1] != '\t') continue;
        for (const std::string_view label : labels) {
            if (line.substr(p, label.size()) != label) continue;
            std::size_t i = p + label.size();
            std::size_t spaces = 0;
            while (i < line.size() && line[i] == ' ') ++i, ++spaces;
            if (spaces == 0) break;
            const std::size_t number_begin = i;
            while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - number_begin < 3) ++i;
            if (i == number_begin) break;
            if (i < line.size() && line[i] >= 'a' && line[i] <= 'z') ++i;  // "Fig. 2b."
            const std::size_t label_end = i;
            if (i >= line.size() || line[i] != '.') break;
            ++i;
            std::size_t gap = 0;
            while (i < line.size() && line[i] == ' ') ++i, ++gap;
            if (gap == 0 || i >= line.size()) break;
            std::size_t n = 0;
            const char32_t c = code_point_at(line, i, n);
            if (!is_upper(c)) break;
            std::string name(label);
            name += ' ';
            name += std::string(line.substr(number_begin, label_end - number_begin));
            return CaptionMatch{p, i, name};
        }
    }
    return std::nullopt;
}

}  // namespace summalign::layout_detail
