#pragma once
// Stage 2: the repaired text split into articles and their fields.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "summalign/error.hpp"
#include "summalign/layout.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/segment.hpp"
#include "summalign/text.hpp"

namespace summalign {

namespace detail {
class DictionaryShelf;  // private (lib/detail/hunspell_dictionary.hpp)
}

// A repaired sentence (or heading, caption, title) and the half-open source byte span it came from.
struct Sentence {
    std::string text;
    SourceSpan span{};
    std::size_t page = 0;  // 1-based page of `span.start` for PDF input (attach_pages, pdf.hpp); 0 for text
};

struct Section {
    std::optional<Sentence> heading;  // none for the text before the first heading
    std::vector<Sentence> sentences;
};

struct Figure {
    std::string label;   // "Fig. 1"
    Sentence caption;
};

struct Citation {
    std::string journal;  // "Ugeskr Læger"
    int year = 0;
    int volume = 0;
    std::string pages;    // "4850-4852"
};

// One labelled part of a structured Resumé or Summary ("Introduktion", "Material and
// methods"): the label as printed, without its colon, and the part's sentences
// [begin, end) as indices into the field's sentences (which no longer hold the label).
// A labelled line the journal prints at an article's end besides the address: "Antaget:
// 3. oktober 2003", "Interessekonflikter: ingen". `text` is what follows the label.
struct EndNote {
    std::string label;  // as printed, without the colon
    Sentence text;
};

struct FieldPart {
    std::string label;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// Something about an article's structure the parser had to assume (a boundary guessed, a
// second Summary, text that fits no field), with the source span concerned. The text
// itself stays in the article; the checker reports each note as `suspect_structure`.
struct StructureNote {
    std::string message;
    SourceSpan span{};
};

struct Summary {
    std::vector<std::string> authors;
    std::optional<Sentence> title;
    std::optional<Citation> citation;
    std::vector<Sentence> sentences;
    std::vector<FieldPart> parts;  // a structured Summary's parts; empty otherwise
    SourceSpan span{};  // source span of the whole Summary block
};

struct Article {
    std::optional<Sentence> title;
    std::optional<Sentence> subtitle;
    std::optional<std::string> kind;  // "OVERSIGTSARTIKEL", "VIDENSKAB OG PRAKSIS", ...
    std::vector<std::string> authors;
    std::vector<Sentence> resume;
    std::vector<FieldPart> resume_parts;  // a structured Resumé's parts; empty otherwise
    std::vector<Section> sections;
    std::vector<Figure> figures;
    std::optional<Summary> summary;
    std::optional<Sentence> correspondence;
    // The reference list ("Litteratur"), one entry each: not body text, so neither checked
    // for spelling nor taken as evidence for a Summary claim.
    std::vector<Sentence> references;
    std::vector<EndNote> end_notes;  // Antaget, Interessekonflikter, Taksigelse, … in source order
    bool truncated_start = false;  // the source begins inside this article (no title)
    bool truncated_end = false;    // the source ends inside this article (the last one, without a Summary)
    // The source marks no end of the Resumé (no blank line, indent or label after it): the
    // parser took it from line lengths or the Summary's length, and settle_resume_end (align.hpp)
    // may move its last sentences to the body.
    bool resume_end_guessed = false;
    std::vector<StructureNote> structure_notes;
    SourceSpan span{};  // source span of the whole article
};

struct Document {
    std::string source_name;
    std::vector<Article> articles;
    std::vector<Repair> repairs;  // every layout repair, in source order
    // The bytes the document was parsed from, when the parser was given them to keep
    // (Parser::parse(source), DocumentLayout(SourceText&&)); null otherwise. Every span is
    // an offset into them; Aligner::align uses them for exact finding spans. Shared and
    // immutable, so copies of a Document share one buffer.
    std::shared_ptr<const std::string> source;
};

// The part of parsing that needs the whole text but no dictionaries: the layout repaired
// (docs/layout.md), the document's own word forms (for de-hyphenation) and where the
// articles begin. Parser::parse(source) makes one itself; a caller can make it while a
// Parser (or an Aligner) is still loading its dictionaries on another thread.
class DocumentLayout {
public:
    // The document parsed from this layout does not keep `source` (Document::source is
    // null): for a caller that keeps the bytes itself and passes them where exact spans are
    // made (Aligner::align_article, align_articles).
    explicit DocumentLayout(const SourceText& source);
    // Takes the bytes over: the document parsed from this layout keeps them (Document::source).
    explicit DocumentLayout(SourceText&& source);
    ~DocumentLayout();
    DocumentLayout(DocumentLayout&&) noexcept;
    DocumentLayout& operator=(DocumentLayout&&) noexcept;

private:
    friend class Parser;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Parses journal text. Built once (loads the segmenters and Hunspell), then const and
// safe to share across threads.
class Parser {
public:
    // Hunspell's da_DK and en_US (for line-break hyphens) from the default folders.
    Parser();
    // The same from `options.hunspell_dirs` (the rest of `options` is the Lexicon's), loaded
    // `threads` times for as many threads at once. A Checker built with this parser takes
    // its dictionaries from the same load (Checker's `parser`): an Aligner loads each once.
    explicit Parser(const LexiconOptions& options, unsigned threads = 1);
    ~Parser();
    Parser(Parser&&) noexcept;
    Parser& operator=(Parser&&) noexcept;

    // The document keeps the source's bytes (Document::source): a copy of them, or, from
    // an rvalue (parse(read_source(path))), the bytes themselves.
    Document parse(const SourceText& source) const;
    Document parse(SourceText&& source) const;
    // The same, from the source's layout made beforehand: parse(DocumentLayout(source)).
    // `threads`: the articles, independent once the layout is known, are parsed on up to
    // that many threads; the result does not depend on it.
    Document parse(DocumentLayout layout, unsigned threads = 1) const;
    const Segmenter& segmenter(Lang lang) const;

private:
    friend class Checker;  // shares dictionaries()
    Document parse_layout(DocumentLayout layout, unsigned threads) const;
    // The dictionaries this parser loaded, for a Checker to share.
    const std::shared_ptr<detail::DictionaryShelf>& dictionaries() const noexcept;

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign
