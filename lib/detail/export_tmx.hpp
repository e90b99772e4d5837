#pragma once
// TMX 1.4b translation memory, importable by OmegaT, Trados, memoQ and Okapi.
#include <cstddef>
#include <ostream>
#include <span>

#include <pugixml.hpp>

#include "summalign/export.hpp"

namespace summalign::detail {

// One <tu> per article title pair and per Resumé/Summary bead with text on both sides,
// Danish first (srclang), with <prop type="x-…"> metadata (docs/formats.md).
void write_tmx(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& options);

// The same built article by article (DocumentWriter): only the translation units are kept.
class TmxBuilder {
public:
    TmxBuilder(const Document& document, const ExportOptions& options);
    void add(const Article& article, std::size_t index, const ArticleAlignment& alignment);
    void save(std::ostream& out) const;

private:
    ExportOptions options_;
    pugi::xml_document xml_;
    pugi::xml_node body_;
};

}  // namespace summalign::detail
