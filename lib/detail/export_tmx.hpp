#pragma once
// TMX 1.4b translation memory, importable by OmegaT, Trados, memoQ and Okapi.
#include <ostream>
#include <span>

#include "summalign/export.hpp"

namespace summalign::detail {

// One <tu> per article title pair and per Resumé/Summary bead with text on both sides,
// Danish first (srclang), with <prop type="x-…"> metadata (docs/formats.md).
void write_tmx(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& options);

}  // namespace summalign::detail
