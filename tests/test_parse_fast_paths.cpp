// The parser's speed-ups must not change a result: the inline ASCII paths of the UTF-8
// helpers agree with ICU, and MappedText's run-length origin mapping gives every byte the
// same source offset as a plain one-offset-per-byte model would.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include "detail/utf8.hpp"
#include "summalign/text.hpp"

namespace ld = summalign::detail;

TEST_CASE("ASCII fast paths agree with ICU on every ASCII code point", "[layout][unicode]") {
    for (char32_t c = 0; c < 0x80; ++c) {
        INFO("code point " << static_cast<unsigned>(c));
        CHECK(ld::is_letter(c) == ld::is_letter_non_ascii(c));
        CHECK(ld::is_upper(c) == ld::is_upper_non_ascii(c));
        CHECK(ld::is_lower(c) == ld::is_lower_non_ascii(c));
        CHECK(ld::is_digit(c) == ld::is_digit_non_ascii(c));
        CHECK(ld::is_space(c) == ld::is_space_non_ascii(c));
        CHECK(ld::is_word_char(c) == ld::is_word_char_non_ascii(c));
    }
}

TEST_CASE("code_point_at and code_point_before decode ASCII and multi-byte characters alike", "[layout][unicode]") {
    const std::string text = "a\xC3\xA6\xE2\x80\x90z";  // a, æ, U+2010 HYPHEN, z
    std::size_t n = 0;
    CHECK(ld::code_point_at(text, 0, n) == U'a');
    CHECK(n == 1);
    CHECK(ld::code_point_at(text, 1, n) == U'\u00E6');
    CHECK(n == 2);
    CHECK(ld::code_point_at(text, 3, n) == U'\u2010');
    CHECK(n == 3);
    CHECK(ld::code_point_before(text, text.size(), n) == U'z');
    CHECK(n == 1);
    CHECK(ld::code_point_before(text, 6, n) == U'\u2010');
    CHECK(n == 3);
    CHECK(ld::code_point_before(text, 3, n) == U'\u00E6');
    CHECK(n == 2);
    CHECK(ld::code_point_before(text, 0, n) == 0);
    CHECK(n == 0);
    CHECK(ld::trim(" \t\xE2\x80\x83x y\xC2\xA0\r\n") == "x y");  // U+2003 EM SPACE, U+00A0
}

namespace {

// The plain model MappedText used to be: one source offset per text byte.
struct PlainMapped {
    std::string text;
    std::vector<std::size_t> origin;
    void append_source(std::string_view source, std::size_t start, std::size_t end) {
        text.append(source.substr(start, end - start));
        for (std::size_t i = start; i < end; ++i) origin.push_back(i);
    }
    void append_synthetic(std::string_view t, std::size_t at) {
        text.append(t);
        origin.insert(origin.end(), t.size(), at);
    }
};

void require_same(const summalign::MappedText& mapped, const std::string& text, const std::vector<std::size_t>& origin) {
    REQUIRE(mapped.text() == text);
    for (std::size_t i = 0; i < origin.size(); ++i) {
        INFO("byte " << i);
        REQUIRE(mapped.origin(i) == origin[i]);
    }
}

}  // namespace

TEST_CASE("MappedText maps every byte like the one-offset-per-byte model", "[text]") {
    const std::string source = "Stamceller kan genmanipu-\nlerede [13]. Fig. 1 her\n";
    summalign::MappedText mapped;
    PlainMapped plain;
    auto both_source = [&](std::size_t start, std::size_t end) {
        mapped.append_source(source, start, end);
        plain.append_source(source, start, end);
    };
    auto both_synthetic = [&](std::string_view t, std::size_t at) {
        mapped.append_synthetic(t, at);
        plain.append_synthetic(t, at);
    };
    both_source(0, 10);
    both_source(10, 14);  // continues the previous run
    both_synthetic(" ", 14);
    both_synthetic("  ", 14);  // same origin as the previous synthetic text
    both_source(15, 24);
    both_source(26, 38);  // skips the hyphen and the line end
    both_synthetic("\xC3\x85", 40);
    both_source(38, 40);  // moved text: origins go back
    both_source(5, 5);    // empty
    both_synthetic("", 3);
    require_same(mapped, plain.text, plain.origin);
    CHECK_THROWS_AS(mapped.origin(mapped.size()), summalign::Error);

    SECTION("append of another mapped text") {
        summalign::MappedText twice = mapped;
        twice.append(mapped);
        std::vector<std::size_t> origin = plain.origin;
        origin.insert(origin.end(), plain.origin.begin(), plain.origin.end());
        require_same(twice, plain.text + plain.text, origin);
    }
    SECTION("every slice") {
        for (std::size_t begin = 0; begin <= plain.text.size(); ++begin) {
            for (std::size_t end = begin; end <= plain.text.size() + 1; ++end) {
                const summalign::MappedText part = mapped.slice(begin, end);
                const std::size_t stop = std::min(end, plain.text.size());
                require_same(part, plain.text.substr(begin, stop - begin),
                             std::vector<std::size_t>(plain.origin.begin() + static_cast<std::ptrdiff_t>(begin),
                                                      plain.origin.begin() + static_cast<std::ptrdiff_t>(stop)));
                if (begin < stop) {
                    CHECK(part.source_start(0) == plain.origin[begin]);
                    CHECK(part.source_end(part.size()) == plain.origin[stop - 1] + 1);
                }
            }
        }
    }
    SECTION("trimmed") {
        summalign::MappedText padded;
        padded.append_synthetic(" ", 0);
        padded.append(mapped);
        padded.append_synthetic(" \xC2\xA0", 99);
        const summalign::MappedText t = padded.trimmed();
        require_same(t, plain.text, plain.origin);
    }
}

TEST_CASE("ICU's full lower-case mapping leaves every lower-case letter unchanged", "[layout][unicode]") {
    // to_lower copies lower-case letters as they are instead of asking ICU for each word.
    std::size_t lower_case_letters = 0;
    for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
        if (U_IS_SURROGATE(c) || !ld::is_lower_non_ascii(static_cast<char32_t>(c))) continue;
        ++lower_case_letters;
        icu::UnicodeString lowered(c);
        lowered.toLower(icu::Locale::getRoot());
        INFO("code point " << c);
        REQUIRE(lowered == icu::UnicodeString(c));
    }
    CHECK(lower_case_letters > 1000);
}

TEST_CASE("to_lower agrees with ICU's whole-word mapping", "[layout][unicode]") {
    for (const std::string word : {"første", "FØRSTE", "Ældre", "genmanipulerede", "MSC-Biologien", "straße",
                                   "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3" /* ΟΔΟΣ: final sigma */, "\xC4\xB0stanbul",
                                   "co\xCC\x88operate" /* combining diaeresis */, ""}) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
        u.toLower(icu::Locale::getRoot());
        std::string expected;
        u.toUTF8String(expected);
        CHECK(ld::to_lower(word) == expected);
        std::string reused = "previous content";
        ld::to_lower(word, reused);
        CHECK(reused == expected);
    }
}
