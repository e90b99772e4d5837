#pragma once
// Stage 1: undo what PDF extraction did to the page layout, keeping every character's
// source offset: line ends, running heads and page numbers, figure captions spliced into
// sentences, and line-break hyphens (decided with Hunspell and the document's own words).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/text.hpp"

namespace summalign {

struct Repair {
    enum class Kind {
        line_break_hyphen_removed,  // genmanipu-|lerede -> genmanipulerede
        line_break_hyphen_kept,     // MSC-|transplantation stays hyphenated
        lines_joined,               // a line end inside a paragraph became a space
        running_head_dropped,       // UGESKR LÆGER 165/50 · 8. DECEMBER 2003
        page_number_dropped,        // a bare 4853 between lines
        caption_lifted,             // Fig. 1. ... taken out of the sentence it split
        label_split,                // SummaryCarsten -> Summary | Carsten
        normalized,                 // NFC, no-break space, soft hyphen, CRLF
    };
    Kind kind;
    std::size_t start = 0;  // source byte span the repair concerns
    std::size_t end = 0;
    std::string detail;     // e.g. the joined word, the dropped running head
};
std::string_view to_string(Repair::Kind kind) noexcept;

// One physical line of the source after normalisation, without its line end, with
// running heads and page numbers removed (they are reported as repairs instead).
struct SourceLine {
    MappedText text;
    std::size_t start = 0;  // source span of the whole line, line end excluded
    std::size_t end = 0;
    std::size_t number = 0;  // 1-based line number in the source
};

// A figure caption lifted out of running text.
struct LiftedCaption {
    std::string label;    // "Fig. 1"
    MappedText caption;   // "Mulig klinisk anvendelse af ... (modificeret fra [9])."
};

struct LayoutResult {
    std::vector<SourceLine> lines;
    std::vector<LiftedCaption> captions;
    std::vector<Repair> repairs;
};

// Decides whether a hyphen at a line break belongs to the word, using Hunspell's
// Danish/English dictionaries and the words seen elsewhere in the same document.
// Built once; const and safe to share across threads.
class Dehyphenator {
public:
    Dehyphenator();
    ~Dehyphenator();
    Dehyphenator(Dehyphenator&&) noexcept;
    Dehyphenator& operator=(Dehyphenator&&) noexcept;

    // `document_words`: lower-cased word forms that occur unbroken in the document.
    // Returns true when `before` + `after` should be joined without the hyphen.
    bool should_join(std::string_view before, std::string_view after,
                     const std::vector<std::string>& document_words) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Splits the source into lines and applies the line-level repairs (normalisation,
// running heads, page numbers, caption lifting).
LayoutResult repair_layout(const SourceText& source);

// Joins lines of one paragraph into running text: line-break hyphens removed or kept
// as `dehyphenator` decides, other line ends become single spaces. Appends repairs.
MappedText join_lines(const std::vector<const SourceLine*>& lines, const Dehyphenator& dehyphenator,
                      const std::vector<std::string>& document_words, std::vector<Repair>& repairs);

}  // namespace summalign
