#pragma once
// Stage 1: undo what PDF extraction did to the page layout, keeping every character's
// source offset: line ends, running heads and page numbers, figure captions spliced into
// sentences, and line-break hyphens (decided with Hunspell and the document's own words).
// What a user sees of it is the record of every repair (Document::repairs); the machinery
// (lines, de-hyphenation) is private to the library: lib/detail/layout_repair.hpp.
#include <cstddef>
#include <string>
#include <string_view>

#include "summalign/types.hpp"

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
        normalized,                 // NFC, no-break space, soft hyphen, CRLF, byte-order mark
    };
    Kind kind;
    SourceSpan span{};      // source byte span the repair concerns
    std::string detail;     // e.g. the joined word, the dropped running head
};
std::string_view to_string(Repair::Kind kind) noexcept;

}  // namespace summalign
