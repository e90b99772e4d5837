#pragma once
// TMX 1.4b translation memory, importable by OmegaT, Trados, memoQ and Okapi.
#include <cstddef>
#include <ostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "detail/export_common.hpp"
#include "summalign/export.hpp"

namespace summalign::detail {

// One <tu> per article title pair and per Resumé/Summary bead with text on both sides,
// Danish first (srclang), with <prop type="x-…"> metadata (docs/formats.md).
void write_tmx(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
               const ExportOptions& options);

// The same built article by article (DocumentWriter): each article's translation units are
// written to a temporary file (Spool) as it is added, and save() writes the memory around them,
// byte for byte as one pugixml document holding them all would be saved.
// A unit whose sentences have findings carries one <prop type="x-finding"> per finding
// ("kind: message"), or is left out with ExportOptions::skip_flagged.
class TmxBuilder {
public:
    // `source_name`: the header's x-source ("" for none, as for a memory of several inputs).
    TmxBuilder(std::string_view source_name, const ExportOptions& options);
    // Units added from now on belong to the input `source_name`, the `number`-th of several:
    // their tuid starts "d<number>-" and they carry an x-source prop.
    void begin_source(std::string source_name, std::size_t number);
    void add(const Article& article, std::size_t index, const AlignedArticle& aligned);
    // Writes the memory; the units are then gone (save() once).
    void save(std::ostream& out) const;

private:
    ExportOptions options_;
    pugi::xml_document xml_;
    pugi::xml_node body_;
    std::optional<std::string> source_;  // set for a memory of several inputs
    std::string id_prefix_;
    // The units added so far, as saved inside <body> (two levels deep).
    mutable Spool units_;
};

}  // namespace summalign::detail
