// Re-lays the seed out as another typesetter and another PDF extractor might have done
// it, and checks the parser still finds the same structure and sentences: paragraphs
// re-wrapped at other widths with hyphenation points chosen by a different rule, running
// heads and page numbers between lines (also mid-paragraph and mid-word), a figure caption
// spliced into another line, CRLF line ends. The text is built from the hand gold
// annotation with a fixed random seed, so every run tests the same layouts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "summalign/journal.hpp"
#include "test_util.hpp"

using Json = nlohmann::json;

namespace {

Json read_gold() {
    const std::string text = summalign::test::read_file(summalign::test::seed_gold_path("structure"));
    REQUIRE(!text.empty());
    return Json::parse(text);
}

std::size_t width_of(const std::string& s) {  // code points
    std::size_t n = 0;
    for (const char ch : s) n += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return n;
}

bool is_ascii_vowel(char c) { return std::string_view("aeiouyAEIOUY").find(c) != std::string_view::npos; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Typesetter {
public:
    Typesetter(std::size_t width, unsigned seed) : width_(width), random_(seed) {}

    // Wraps `text` at the column width. A word that does not fit is hyphenated at the
    // rightmost vowel|consonant point (ASCII letters on both sides, three letters at
    // least on each side) that fits, or at one of its own hyphens; else it moves down.
    std::vector<std::string> wrap(const std::string& text, std::size_t width) {
        std::vector<std::string> lines;
        std::istringstream words(text);
        std::string word, line;
        while (words >> word) {
            const std::size_t room = line.empty() ? width : (width > width_of(line) + 1 ? width - width_of(line) - 1 : 0);
            if (width_of(word) <= room) {
                line += (line.empty() ? "" : " ") + word;
                continue;
            }
            if (const std::size_t cut = break_point(word, room); cut > 0 && coin(0.8)) {
                const bool at_hyphen = word[cut - 1] == '-';
                line += (line.empty() ? "" : " ") + word.substr(0, cut) + (at_hyphen ? "" : "-");
                lines.push_back(line);
                line = word.substr(cut);
                continue;
            }
            if (!line.empty()) lines.push_back(line);
            line = word;
        }
        if (!line.empty()) lines.push_back(line);
        return lines;
    }

    bool coin(double p) { return std::uniform_real_distribution<double>(0, 1)(random_) < p; }
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }
    std::size_t width() const { return width_; }

private:
    // Byte offset to cut `word` at so that the first part plus a hyphen fits in `room`.
    std::size_t break_point(const std::string& word, std::size_t room) const {
        std::size_t best = 0;
        for (std::size_t p = 3; p + 3 <= word.size(); ++p) {
            if (width_of(word.substr(0, p)) + 1 > room) break;
            const bool syllable = is_ascii_letter(word[p - 1]) && is_ascii_letter(word[p]) && is_ascii_vowel(word[p - 1]) &&
                                  !is_ascii_vowel(word[p]) && is_ascii_letter(word[p - 2]) && is_ascii_letter(word[p + 1]) &&
                                  is_ascii_letter(word[p + 2]);
            const bool own_hyphen = word[p - 1] == '-' && is_ascii_letter(word[p]);
            if (syllable || own_hyphen) best = p;
        }
        return best;
    }

    std::size_t width_;
    std::mt19937 random_;
};

std::string join_sentences(const Json& sentences, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) out += (out.empty() ? "" : " ") + sentences[i].get<std::string>();
    return out;
}

std::string author_list(const Json& authors) {
    std::string out;
    for (std::size_t i = 0; i < authors.size(); ++i)
        out += (i == 0 ? "" : i + 1 == authors.size() ? " & " : ", ") + authors[i].get<std::string>();
    return out;
}

// One physical line of the re-laid page, and whether it may carry a spliced caption.
struct Line {
    std::string text;
    bool body = false;
};

std::vector<Line> lay_out_article(const Json& article, Typesetter& typesetter) {
    std::vector<Line> lines;
    auto add = [&](const std::vector<std::string>& texts, bool body) {
        for (const std::string& t : texts) lines.push_back({t, body});
    };
    auto blank = [&] { lines.push_back({"", false}); };
    if (!article["title"].is_null()) {
        lines.push_back({" " + article["title"].get<std::string>() + " ", false});
        if (!article["subtitle"].is_null()) lines.push_back({article["subtitle"].get<std::string>(), false});
        blank();
        // The kind label glued to the authors, as the extraction leaves it.
        add(typesetter.wrap(article["kind"].get<std::string>() + author_list(article["authors"]), typesetter.width()), false);
        blank();
    }
    if (!article["resume"].empty()) {
        lines.push_back({"Resumé", false});
        add(typesetter.wrap(join_sentences(article["resume"], 0, article["resume"].size()), typesetter.width()), false);
        blank();
    }
    for (const Json& section : article["sections"]) {
        if (!section["heading"].is_null()) add(typesetter.wrap(section["heading"].get<std::string>(), 52), false);
        // Paragraphs: the section's sentences, split at random sentence boundaries.
        const Json& sentences = section["sentences"];
        std::size_t begin = 0;
        for (std::size_t i = 1; i <= sentences.size(); ++i) {
            if (i < sentences.size() && !typesetter.coin(0.25)) continue;
            add(typesetter.wrap(join_sentences(sentences, begin, i), typesetter.width()), true);
            begin = i;
            if (i < sentences.size()) blank();
        }
        blank();
    }
    // A caption spliced into a body line that does not end a sentence or a broken word.
    for (const Json& figure : article["figures"]) {
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            const std::string& t = lines[i].text;
            if (lines[i].body && lines[i + 1].body && !t.empty() && std::string_view(".-:").find(t.back()) == std::string_view::npos)
                candidates.push_back(i);
        }
        REQUIRE_FALSE(candidates.empty());
        const std::size_t at = candidates[typesetter.pick(candidates.size())];
        lines[at].text += " " + figure["label"].get<std::string>() + ". " + figure["caption"].get<std::string>();
        lines[at + 1].text = " " + lines[at + 1].text;
    }
    if (!lines.empty() && lines.back().text.empty()) lines.pop_back();
    if (!article["summary"].is_null()) {
        const Json& summary = article["summary"];
        const Json& citation = summary["citation"];
        lines.push_back({"Summary" + author_list(summary["authors"]) + ":" + summary["title"].get<std::string>() +
                             citation["journal"].get<std::string>() + " " + std::to_string(citation["year"].get<int>()) + ";" +
                             std::to_string(citation["volume"].get<int>()) + ": " + citation["pages"].get<std::string>() +
                             join_sentences(summary["sentences"], 0, summary["sentences"].size()),
                         false});
    }
    if (!article["correspondence"].is_null()) {
        blank();
        lines.push_back({"Korrespondance: " + article["correspondence"].get<std::string>(), false});
    } else {
        blank();
    }
    return lines;
}

// Running heads and page numbers between lines: mid-paragraph without blank lines (or
// with blank lines around them where a broken word shows the text goes on, as at a page
// break in the seed), and inside the blank gap between paragraphs.
std::string typeset(const Json& gold, Typesetter& typesetter) {
    std::vector<Line> lines;
    for (const Json& article : gold["articles"]) {
        auto laid = lay_out_article(article, typesetter);
        lines.insert(lines.end(), laid.begin(), laid.end());
    }
    std::string out;
    int page = 4850;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i].text + "\r\n";
        if (i + 1 == lines.size() || !typesetter.coin(1.0 / 9)) continue;
        const bool broken_word = !lines[i].text.empty() && lines[i].text.back() == '-';
        const std::string head = typesetter.coin(0.5) ? "UGESKR LÆGER 165/50 · 8. DECEMBER 2003"
                                                      : std::to_string(page) + " UGESKR LÆGER 165/50 · 8. DECEMBER 2003";
        const std::string gap = broken_word ? "\r\n" : "";
        out += gap + head + "\r\n" + gap;
        if (typesetter.coin(0.5)) out += std::to_string(++page) + "\r\n" + gap;
    }
    return out;
}

std::vector<std::string> texts(const std::vector<summalign::Sentence>& sentences) {
    std::vector<std::string> out;
    for (const auto& s : sentences) out.push_back(s.text);
    return out;
}

std::optional<std::string> text_of(const std::optional<summalign::Sentence>& s) {
    return s ? std::optional<std::string>(s->text) : std::nullopt;
}

std::optional<std::string> gold_string(const Json& value) {
    return value.is_null() ? std::nullopt : std::optional<std::string>(value.get<std::string>());
}

void check_same_structure(const summalign::Document& document, const Json& gold, const std::string& relaid) {
    REQUIRE(document.articles.size() == gold["articles"].size());
    for (std::size_t a = 0; a < document.articles.size(); ++a) {
        INFO("article " << a);
        const auto& article = document.articles[a];
        const Json& g = gold["articles"][a];
        CHECK(text_of(article.title) == gold_string(g["title"]));
        CHECK(text_of(article.subtitle) == gold_string(g["subtitle"]));
        CHECK(article.kind == gold_string(g["kind"]));
        CHECK(article.authors == g["authors"].get<std::vector<std::string>>());
        CHECK(article.truncated_start == g["truncated_start"].get<bool>());
        CHECK(article.truncated_end == g["truncated_end"].get<bool>());
        CHECK(texts(article.resume) == g["resume"].get<std::vector<std::string>>());
        REQUIRE(article.sections.size() == g["sections"].size());
        for (std::size_t s = 0; s < article.sections.size(); ++s) {
            INFO("section " << s);
            CHECK(text_of(article.sections[s].heading) == gold_string(g["sections"][s]["heading"]));
            CHECK(texts(article.sections[s].sentences) == g["sections"][s]["sentences"].get<std::vector<std::string>>());
            for (const auto& sentence : article.sections[s].sentences) CHECK(sentence.span.end <= relaid.size());
        }
        REQUIRE(article.figures.size() == g["figures"].size());
        for (std::size_t f = 0; f < article.figures.size(); ++f)
            CHECK(article.figures[f].caption.text == g["figures"][f]["caption"].get<std::string>());
        REQUIRE(article.summary.has_value() == !g["summary"].is_null());
        if (article.summary) {
            CHECK(article.summary->authors == g["summary"]["authors"].get<std::vector<std::string>>());
            CHECK(text_of(article.summary->title) == gold_string(g["summary"]["title"]));
            CHECK(texts(article.summary->sentences) == g["summary"]["sentences"].get<std::vector<std::string>>());
        }
        CHECK(text_of(article.correspondence) == gold_string(g["correspondence"]));
    }
}

}  // namespace

TEST_CASE("re-laid seed: same structure and sentences at other widths, hyphenation, heads and CRLF", "[relayout]") {
    const Json gold = read_gold();
    const summalign::Parser parser;
    // The seed's own column is about 60 characters.
    for (const auto& [width, seed] : std::vector<std::pair<std::size_t, unsigned>>{{66, 1}, {80, 2}, {100, 3}, {72, 4}}) {
        Typesetter typesetter(width, seed);
        const std::string relaid = typeset(gold, typesetter);
        INFO("width " << width << ", seed " << seed);
        // The layout really differs: CRLF, running heads, page numbers and new hyphenations.
        REQUIRE(relaid.find("\r\n") != std::string::npos);
        REQUIRE(relaid.find("UGESKR LÆGER 165/50") != std::string::npos);
        const auto document = parser.parse(summalign::make_source(relaid, "relaid"));
        const auto count = [&](summalign::Repair::Kind kind) {
            return std::count_if(document.repairs.begin(), document.repairs.end(),
                                 [kind](const summalign::Repair& r) { return r.kind == kind; });
        };
        CHECK(count(summalign::Repair::Kind::running_head_dropped) > 0);
        CHECK(count(summalign::Repair::Kind::page_number_dropped) > 0);
        CHECK(count(summalign::Repair::Kind::line_break_hyphen_removed) > 20);
        CHECK(count(summalign::Repair::Kind::caption_lifted) == 1);
        check_same_structure(document, gold, relaid);
    }
}
