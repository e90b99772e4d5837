#pragma once
// Stage 5: writing results in the formats users' tools read. The JSON keys are the
// interface contract, documented in docs/schema.md (the other formats in docs/formats.md).
#include <cstddef>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "summalign/aligned.hpp"
#include "summalign/error.hpp"
#include "summalign/journal.hpp"
#include "summalign/messages.hpp"

namespace summalign {

// json:  the whole document, one JSON value (the interface contract).
// jsonl: one compact JSON article object per line.
// tsv:   one line per aligned pair (title and Resumé/Summary beads), with a header line.
// tmx:   TMX 1.4b translation memory (title pair and every two-sided Resumé/Summary bead).
// html:  one self-contained report page (no external assets).
enum class Format { json, jsonl, tsv, tmx, html };
Format parse_format(std::string_view name);  // throws Error for an unknown name
std::string_view to_string(Format format) noexcept;

struct ExportOptions {
    std::string da_language = "da-DK";  // TMX xml:lang codes
    std::string en_language = "en-GB";
    bool pretty = true;                 // indented JSON
    bool include_repairs = true;        // JSON: the document's layout repairs under "repairs"
    bool include_matches = true;        // JSON, JSONL: the word pairs ("matches") behind every score
    bool skip_flagged = false;          // TMX: leave out units whose sentences have findings
    Messages messages;                  // HTML: the language of the report's labels (English by default)
};

// `aligned` empty: the document as parsed (articles without "alignment"), as `summalign parse` prints it.
// Otherwise `aligned` must be parallel to document.articles (throws Error if not).
void write_document(std::ostream& out, Format format, const Document& document,
                    std::span<const AlignedArticle> aligned, const ExportOptions& options = {});

// The same for a whole aligned document (parse -> align -> check).
inline void write_document(std::ostream& out, Format format, const AlignedDocument& aligned,
                           const ExportOptions& options = {}) {
    write_document(out, format, aligned.document, aligned.articles, options);
}

// Writes a document article by article, so that a whole corpus never has to be held
// aligned (or as one JSON tree) in memory: the bytes are the same as write_document's.
// json, jsonl and tsv are written as the articles arrive; tmx keeps only its translation
// units until end(); html writes each article's part of the report to a temporary file as it
// arrives and keeps only its row of the table of contents, which comes first on the page,
// until end() writes the page.
//
//   DocumentWriter writer(out, Format::jsonl);
//   writer.begin(document);
//   for (i ...) writer.add(document.articles[i], i, aligned_i);
//   writer.end(document);
//
// jsonl and tsv accept several documents in turn (begin/add.../end per document; the TSV
// header is written once); json, tmx and html describe one document per writer unless the
// documents are combined: begin_documents() before the first begin() and end_documents()
// after the last end() make one output of them all, for json {"documents": [DOCUMENT, ...]}
// (each DOCUMENT as one document alone would be written), for tmx one memory whose units
// name their input (x-source), for html one page with a part per document.
// A call out of order (render() for tmx or html, add() before begin()) throws Error.
class DocumentWriter {
public:
    DocumentWriter(std::ostream& out, Format format, ExportOptions options = {});
    ~DocumentWriter();
    DocumentWriter(const DocumentWriter&) = delete;
    DocumentWriter& operator=(const DocumentWriter&) = delete;

    void begin(const Document& document);
    // `index` is the article's position in its document (JSON "index", TSV/TMX "article").
    void add(const Article& article, std::size_t index, const AlignedArticle& aligned);
    // An article as parsed, not aligned (summalign parse): json, jsonl and html only (throws
    // Error for tsv and tmx). A document's articles are all aligned or all not.
    void add(const Article& article, std::size_t index);
    // The layout repairs of a document that is read and written in pieces (a stream), in
    // source order, for one whose Document::repairs given to end() is empty (throws Error
    // otherwise): json writes them as its "repairs" and html counts them, as if end() had
    // found them there. They wait in a temporary file, not in memory.
    void add_repairs(std::span<const Repair> repairs);
    void end(const Document& document);

    // add() in two steps, for json, jsonl and tsv (renders_articles()): render() makes the
    // bytes add() would write without changing the writer, so several threads may render
    // articles of the current document at once; add_rendered() then writes them, in
    // article order. tmx and html collect their articles until end(): use add().
    bool renders_articles() const noexcept;
    std::string render(const Article& article, std::size_t index, const AlignedArticle& aligned) const;
    void add_rendered(std::string_view bytes);
    // end() in two steps likewise: render_end() makes what end() writes after the articles
    // from the document alone (for json its "repairs", large for a long document), so it can
    // be made on another thread while the articles are aligned; end(document, rendered).
    std::string render_end(const Document& document) const;
    void end(const Document& document, std::string_view rendered_end);

    void begin_documents();
    void end_documents();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign
