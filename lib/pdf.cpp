// Stage 0 for PDF input: poppler's words with their boxes and fonts, put back into lines,
// columns and paragraphs, written out as the text the parser reads (docs/layout.md, "PDF input").
#include "summalign/pdf.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-rectangle.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "detail/article_spans.hpp"
#include "detail/mapped_file.hpp"
#include "detail/pdf_layout.hpp"
#include "summalign/error.hpp"

namespace summalign {
namespace {

using detail::PageWords;
using detail::Word;

// Poppler reports problems through one process-wide callback and otherwise prints them to
// stderr. The callback keeps what the current extraction needs in thread-local variables
// (poppler calls it on the thread that reads), so that an error can say what poppler found,
// and nothing reaches stderr.
thread_local std::string poppler_first_error;
// The first problem poppler found at a place in the file ("error (8503): Illegal character
// <2f> in hex string"): the file itself is damaged there, and the text read from it may be
// garbled. Messages without a place (a font substituted) do not change the text.
thread_local std::optional<std::size_t> poppler_damage_at;
thread_local std::string poppler_damage;

void keep_poppler_error(const std::string& message, void* /*closure*/) {
    if (poppler_first_error.empty()) poppler_first_error = message;
    constexpr std::string_view positioned = "error (";
    if (poppler_damage_at || !message.starts_with(positioned)) return;
    std::size_t at = 0, i = positioned.size();
    while (i < message.size() && message[i] >= '0' && message[i] <= '9') at = at * 10 + static_cast<std::size_t>(message[i++] - '0');
    if (i == positioned.size() || message.compare(i, 3, "): ") != 0) return;
    poppler_damage_at = at;
    poppler_damage = message.substr(i + 3);
}

void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(keep_poppler_error, nullptr); });
}

std::string poppler_says() {
    if (poppler_first_error.empty()) return {};
    std::string message = poppler_first_error;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    return " (poppler: " + message + ")";
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// A word's text as UTF-8, from poppler's UTF-16: a lone surrogate becomes U+FFFD, control
// characters (a PDF font may map a glyph to anything) are left out, and the typographic
// ligatures U+FB00-U+FB06 are spelled out, as a reader reads them (the dictionaries know
// "fl", not "ﬂ").
std::string word_text(const poppler::ustring& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char32_t c = text[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) continue;
        static constexpr std::array<std::string_view, 7> ligatures = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
        if (c >= 0xFB00 && c <= 0xFB06) {
            out += ligatures[c - 0xFB00];
            continue;
        }
        append_utf8(out, c);
    }
    return out;
}

PageWords page_words(const poppler::page& page) {
    PageWords words;
    const poppler::rectf rect = page.page_rect();
    words.width = rect.width();
    words.height = rect.height();
    std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
    words.words.reserve(boxes.size());
    for (const poppler::text_box& box : boxes) {
        Word word;
        word.text = word_text(box.text());
        if (word.text.empty()) continue;
        const poppler::rectf b = box.bbox();
        word.x0 = b.left();
        word.y0 = b.top();
        word.x1 = b.right();
        word.y1 = b.bottom();
        word.size = box.has_font_info() ? box.get_font_size() : 0.0;
        if (!(word.size > 0.0)) word.size = std::max(1.0, word.y1 - word.y0);
        word.bold = box.has_font_info() && detail::bold_font(box.get_font_name());
        word.space_after = box.has_space_after();
        word.upright = box.rotation() == 0;
        words.words.push_back(std::move(word));
    }
    return words;
}

// The PDF reference lets "%PDF-" stand anywhere in the first 1024 bytes.
constexpr std::size_t kMagicWindow = 1024;

// Valid UTF-8 without control characters other than white space.
bool looks_like_text(std::string_view bytes) noexcept {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    std::int32_t i = 0;
    const auto length = static_cast<std::int32_t>(bytes.size());
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(data, i, length, c);
        if (c < 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) return false;
    }
    return true;
}

}  // namespace

bool is_pdf(std::string_view bytes) noexcept {
    const std::size_t at = bytes.substr(0, kMagicWindow).find("%PDF-");
    if (at == std::string_view::npos) return false;
    return at == 0 || !looks_like_text(bytes.substr(0, at));
}

PdfText extract_pdf(std::string_view bytes, const std::string& name) {
    silence_poppler();
    poppler_first_error.clear();
    poppler_damage_at.reset();
    poppler_damage.clear();
    auto check_damage = [&] {
        if (poppler_damage_at) throw Error(name, *poppler_damage_at, "damaged PDF: " + poppler_damage);
    };
    if (!is_pdf(bytes)) throw Error(name, 0, "not a PDF (no %PDF- header)");
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) throw Error(name, std::nullopt, "PDF larger than 2 GiB");
    // A file cut short (an interrupted download) lacks the end-of-file marker; poppler would
    // rebuild what it can and quietly leave the rest out.
    const std::size_t tail = bytes.size() > kMagicWindow ? bytes.size() - kMagicWindow : 0;
    if (bytes.find("%%EOF", tail) == std::string_view::npos)
        throw Error(name, bytes.size(), "damaged PDF: it ends without %%EOF (truncated?)");
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    check_damage();
    if (!document) throw Error(name, std::nullopt, "damaged PDF: poppler cannot read it" + poppler_says());
    if (document->is_locked())
        throw Error(name, std::nullopt, "encrypted PDF: it needs a password; decrypt it first (e.g. qpdf --decrypt)");
    const int pages = document->pages();
    if (pages <= 0) throw Error(name, std::nullopt, "damaged PDF: it has no pages" + poppler_says());

    detail::TextBuilder builder;
    for (int p = 0; p < pages; ++p) {
        std::unique_ptr<poppler::page> page(document->create_page(p));
        if (!page) throw Error(name, std::nullopt, fmt::format("damaged PDF: page {} cannot be read{}", p + 1, poppler_says()));
        builder.add_page(page_words(*page));
        check_damage();
    }
    detail::BuiltText built = std::move(builder).finish();
    if (!built.has_text)
        throw Error(name, std::nullopt,
                    fmt::format("no text layer ({} page{} of images only?): it needs OCR first, e.g. ocrmypdf", pages,
                                pages == 1 ? "" : "s"));
    PdfText result;
    result.source = make_source(std::move(built.text), name);
    result.page_starts = std::move(built.page_starts);
    result.repairs = std::move(built.repairs);
    return result;
}


PdfText read_pdf(const std::string& path) {
    const std::string bytes = detail::read_input_bytes(path, "file");
    return extract_pdf(bytes, path);
}

std::size_t page_of(const std::vector<std::size_t>& page_starts, std::size_t offset) noexcept {
    if (page_starts.empty()) return 0;
    // The last page starting at or before `offset`; pages without text start where the
    // next one does, so upper_bound skips them.
    const auto after = std::upper_bound(page_starts.begin(), page_starts.end(), offset);
    return after == page_starts.begin() ? 1 : static_cast<std::size_t>(after - page_starts.begin());
}

Input read_input(const std::string& path) {
    std::string bytes = detail::read_input_bytes(path, "file");
    if (!is_pdf(bytes)) return Input{make_source(std::move(bytes), path), {}, {}};
    PdfText pdf = extract_pdf(bytes, path);
    return Input{std::move(pdf.source), std::move(pdf.page_starts), std::move(pdf.repairs)};
}

void attach_pages(Document& document, const Input& input) {
    if (input.page_starts.empty()) return;
    const std::vector<std::size_t>& starts = input.page_starts;
    for (Article& article : document.articles)
        detail::for_each_span(
            article, [&](Sentence& sentence) { sentence.page = page_of(starts, sentence.span.start); },
            [](SourceSpan&) {});
    std::vector<Repair> merged;
    merged.reserve(document.repairs.size() + input.repairs.size());
    std::merge(document.repairs.begin(), document.repairs.end(), input.repairs.begin(), input.repairs.end(),
               std::back_inserter(merged), [](const Repair& a, const Repair& b) { return a.span.start < b.span.start; });
    document.repairs = std::move(merged);
}

}  // namespace summalign
