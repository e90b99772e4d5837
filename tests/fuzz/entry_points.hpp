#pragma once
// What each fuzz target does with one input, shared by the libFuzzer programs in this
// directory and by tests/test_fuzz_regressions.cpp, which replays the saved crash inputs
// and the seed corpora through exactly the same code in the normal build.
//
// Contract checked here: for any bytes, the library either succeeds, with results that
// satisfy the invariants the headers promise (spans inside the input, beads covering
// every sentence once, output that is valid JSON), or throws summalign::Error, the one
// error type of the API edge. Any other exception, a sanitizer report or a hang is a bug.
// A broken invariant throws InvariantViolation, which libFuzzer reports as a crash
// (uncaught exception) and the Catch2 test as a failure.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "summalign/align.hpp"
#include "summalign/error.hpp"
#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/segment.hpp"
#include "summalign/similarity.hpp"
#include "summalign/text.hpp"

namespace summalign::fuzz {

struct InvariantViolation : std::logic_error {
    using std::logic_error::logic_error;
};

inline void expect(bool condition, const std::string& what) {
    if (!condition) throw InvariantViolation(what);
}

// The targets, by the directory names their corpora and regression inputs use.
inline constexpr std::string_view kTargets[] = {"parse", "segment", "align_text", "lexicon_reader"};

// True when `bytes` is UTF-8 without NUL, i.e. what make_source accepts.
inline bool is_text(std::string_view bytes) {
    try {
        make_source(std::string(bytes), "fuzz");
        return true;
    } catch (const Error&) {
        return false;
    }
}

// True when `bytes` is valid UTF-8, NUL characters allowed (they are valid code points).
inline bool is_utf8(std::string_view bytes) {
    std::string copy(bytes);
    std::replace(copy.begin(), copy.end(), '\0', ' ');
    return is_text(copy);
}

// The expensive read-only objects are built once per process, as every caller of the
// library is told to do; their const methods must be safe to call with any input.
inline const Parser& shared_parser() {
    static const Parser parser;
    return parser;
}

inline const Segmenter& shared_segmenter(Lang lang) {
    static const Segmenter danish(Lang::da);
    static const Segmenter english(Lang::en);
    return lang == Lang::da ? danish : english;
}

// Glossary only (no FreeDict, no learned table): loads in milliseconds, so each fuzz
// iteration costs what the alignment itself costs.
inline const SentenceScorer& shared_scorer() {
    static const Lexicon lexicon([] {
        LexiconOptions options;
        options.use_freedict = false;
        options.use_learned = false;
        return options;
    }());
    static const SentenceScorer scorer(lexicon);
    return scorer;
}

inline void expect_span(std::size_t start, std::size_t end, std::size_t size, const std::string& what) {
    expect(start <= end && end <= size,
           what + ": span [" + std::to_string(start) + ", " + std::to_string(end) + ") outside the input of " +
               std::to_string(size) + " bytes");
}

inline void expect_sentence(const Sentence& sentence, std::size_t size, const std::string& what) {
    expect_span(sentence.span.start, sentence.span.end, size, what);
    expect(is_text(sentence.text), what + ": text is not valid UTF-8: " + sentence.text.substr(0, 80));
}

// summalign parse: bytes -> checked text -> Document -> JSON, as the CLI does it.
inline void parse_one(std::string_view bytes) {
    std::optional<SourceText> source;
    try {
        source = make_source(std::string(bytes), "fuzz-input");
    } catch (const Error&) {
        return;  // not UTF-8: rejected at the door, which is the contract
    }
    Document document;
    try {
        document = shared_parser().parse(*source);
    } catch (const Error&) {
        return;  // "otherwise unusable input" is allowed to be refused, with an Error
    }
    const std::size_t size = source->bytes.size();
    for (const auto& repair : document.repairs) expect_span(repair.span.start, repair.span.end, size, "repair");
    for (const auto& article : document.articles) {
        expect_span(article.span.start, article.span.end, size, "article");
        if (article.title) expect_sentence(*article.title, size, "title");
        if (article.subtitle) expect_sentence(*article.subtitle, size, "subtitle");
        if (article.correspondence) expect_sentence(*article.correspondence, size, "correspondence");
        for (const auto& sentence : article.resume) expect_sentence(sentence, size, "resume sentence");
        for (const auto& section : article.sections) {
            if (section.heading) expect_sentence(*section.heading, size, "heading");
            for (const auto& sentence : section.sentences) expect_sentence(sentence, size, "section sentence");
        }
        for (const auto& figure : article.figures) expect_sentence(figure.caption, size, "caption");
        if (article.summary) {
            expect_span(article.summary->span.start, article.summary->span.end, size, "summary");
            if (article.summary->title) expect_sentence(*article.summary->title, size, "summary title");
            for (const auto& sentence : article.summary->sentences) expect_sentence(sentence, size, "summary sentence");
        }
    }
    // What `summalign parse` prints must be JSON that any reader accepts.
    std::ostringstream out;
    write_document(out, Format::json, document, {});
    try {
        const auto json = nlohmann::json::parse(out.str());
        expect(json.contains("articles") && json["articles"].size() == document.articles.size(),
               "JSON output lacks the articles array or has the wrong number of articles");
    } catch (const nlohmann::json::exception& e) {
        throw InvariantViolation(std::string("parse output is not valid JSON: ") + e.what());
    }
}

// Segmenter::split: first byte chooses the language, the rest is the text.
inline void segment_one(std::string_view bytes) {
    if (bytes.empty()) return;
    const Lang lang = (static_cast<unsigned char>(bytes[0]) & 1) ? Lang::en : Lang::da;
    const std::string_view text = bytes.substr(1);
    if (!is_text(text)) return;  // the segmenter is only ever given checked text
    const auto spans = shared_segmenter(lang).split(text);
    std::size_t previous_end = 0;
    for (const auto& span : spans) {
        expect_span(span.start, span.end, text.size(), "sentence");
        expect(span.start < span.end, "empty sentence returned");
        expect(span.start >= previous_end, "sentences overlap or are out of order");
        previous_end = span.end;
        const auto is_lead_byte = [&](std::size_t i) {
            return i >= text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        };
        expect(is_lead_byte(span.start) && is_lead_byte(span.end), "sentence boundary inside a UTF-8 character");
        const auto is_ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        expect(!is_ascii_space(text[span.start]) && !is_ascii_space(text[span.end - 1]),
               "sentence not trimmed of white space");
    }
}

inline std::vector<std::string> split_lines(std::string_view text, std::size_t max_lines, std::size_t max_line_bytes) {
    std::vector<std::string> lines;
    std::size_t begin = 0;
    while (begin <= text.size() && lines.size() < max_lines) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(begin, std::min(end - begin, max_line_bytes)));
        // Cutting a long line may split a UTF-8 character: drop the partial tail.
        while (!line.empty() && !is_text(line)) line.pop_back();
        lines.push_back(std::move(line));
        begin = end + 1;
    }
    return lines;
}

inline void expect_covering_beads(const std::vector<Bead>& beads, std::size_t n, std::size_t m) {
    std::size_t next_da = 0, next_en = 0;
    for (const auto& bead : beads) {
        expect(!bead.da.empty() || !bead.en.empty(), "bead with no sentence on either side");
        expect(bead.da.size() <= 2 && bead.en.size() <= 2, "bead with more than two sentences on a side");
        for (std::size_t i : bead.da) expect(i == next_da++, "Danish sentences not covered once, in order");
        for (std::size_t i : bead.en) expect(i == next_en++, "English sentences not covered once, in order");
        expect(std::isfinite(bead.score), "bead score not finite");
    }
    expect(next_da == n && next_en == m, "beads do not cover every sentence");
}

// summalign align-text and mine: the part before the first NUL byte is the Danish text,
// the rest the English text, one segment per line (at most 64 lines of 512 bytes a side,
// so that one iteration stays fast).
inline void align_text_one(std::string_view bytes) {
    const std::size_t separator = bytes.find('\0');
    const std::string_view danish_text = bytes.substr(0, separator);
    const std::string_view english_text =
        separator == std::string_view::npos ? std::string_view() : bytes.substr(separator + 1);
    if (!is_text(danish_text) || !is_text(english_text)) return;
    const auto danish = split_lines(danish_text, 64, 512);
    const auto english = english_text.empty() ? std::vector<std::string>{} : split_lines(english_text, 64, 512);

    const SentenceScorer& scorer = shared_scorer();
    std::vector<PreparedSentence> prepared_danish, prepared_english;
    for (const auto& line : danish) prepared_danish.push_back(scorer.prepare(line, Lang::da));
    for (const auto& line : english) prepared_english.push_back(scorer.prepare(line, Lang::en));

    const auto beads = align_ladder(scorer, prepared_danish, prepared_english);
    expect_covering_beads(beads, danish.size(), english.size());

    for (std::size_t i = 0; i < prepared_danish.size() && i < prepared_english.size(); ++i) {
        const auto similarity = scorer.score(prepared_danish[i], prepared_english[i], true);
        expect(std::isfinite(similarity.score) && similarity.score >= 0.0 && similarity.score <= 1.0,
               "similarity outside [0, 1]: " + std::to_string(similarity.score));
    }

    const auto mined = mine(scorer, danish, english, 1);
    expect(mined.size() == danish.size(), "mine returned a different number of lines than it was given");
    for (std::size_t i = 0; i < mined.size(); ++i) {
        expect(mined[i].da_index == i, "mine output not in Danish line order");
        expect(english.empty() ? mined[i].en_index == SIZE_MAX : mined[i].en_index < english.size(),
               "mine chose an English line that does not exist");
        expect(std::isfinite(mined[i].score), "mine score not finite");
    }
}

// A lexicon file loaded through the public Lexicon API, then looked up with words taken
// from the file itself. The first byte chooses the format: a user dictionary in TSV
// (danish<TAB>english) or hunalign .dict (english @ danish) form, or the binary learned table.
inline void lexicon_reader_one(std::string_view bytes) {
    if (bytes.empty()) return;
    const unsigned format = static_cast<unsigned char>(bytes[0]) % 3;
    const char* extension = format == 0 ? ".tsv" : format == 1 ? ".dict" : ".bin";
    const std::string_view content = bytes.substr(1);
    const auto path = std::filesystem::temp_directory_path() /
                      ("summalign-fuzz-lexicon-" + std::to_string(::getpid()) + extension);
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
    }
    LexiconOptions options;
    options.use_freedict = false;
    options.use_glossary = false;
    options.use_learned = format == 2;
    if (format == 2) options.learned_file = path;
    else options.user_dictionaries = {path};
    std::optional<Lexicon> lexicon;
    try {
        lexicon.emplace(options);
    } catch (const Error&) {
        std::filesystem::remove(path);
        return;  // a malformed dictionary is refused with an Error naming file and line
    }
    std::filesystem::remove(path);

    // Look up every field of the file (split at tabs, '@' and line ends), lower-cased
    // crudely: the point is to reach the lookup code with the words that were loaded.
    std::string field;
    std::size_t lookups = 0;
    const auto look_up = [&] {
        if (field.empty() || lookups++ > 64 || !is_text(field)) return;
        std::string key = field;
        std::transform(key.begin(), key.end(), key.begin(),
                       [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
        for (const auto& translations : {lexicon->da_to_en(key), lexicon->en_to_da(key)})
            for (const auto& translation : translations) {
                expect(std::isfinite(translation.probability) && translation.probability >= 0.0f,
                       "translation probability not a non-negative number");
                expect(is_utf8(translation.target), "translation target not valid UTF-8");
            }
    };
    for (char c : content) {
        if (c == '\t' || c == '@' || c == '\n' || c == '\r') {
            look_up();
            field.clear();
        } else {
            field.push_back(c);
        }
    }
    look_up();
}

inline void run_target(std::string_view target, std::string_view bytes) {
    if (target == "parse") parse_one(bytes);
    else if (target == "segment") segment_one(bytes);
    else if (target == "align_text") align_text_one(bytes);
    else if (target == "lexicon_reader") lexicon_reader_one(bytes);
    else throw std::invalid_argument("unknown fuzz target " + std::string(target));
}

}  // namespace summalign::fuzz
