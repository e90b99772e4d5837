#pragma once
// In-memory translation tables for the lexicon sources read from text (FreeDict, the
// glossary, user dictionaries), and the readers of the text dictionary formats.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "summalign/lexicon.hpp"

namespace summalign::detail {

// Lower rank = more trusted; when two sources give the same pair the more trusted one is kept.
int source_rank(Translation::Source source) noexcept;

// Orders translations best first: higher probability, then more trusted source, then the
// order the source listed them in (std::stable_sort keeps that).
void sort_best_first(std::vector<Translation>& translations);

// Adds `candidate` to `translations` unless its target is there already, in which case the
// existing one keeps the higher probability and the more trusted source.
void merge_translation(std::vector<Translation>& translations, Translation candidate);

// One direction: lexicon key → translations (unsorted until finish()).
struct TermTable {
    std::unordered_map<std::string, std::vector<Translation>> entries;
    void add(const std::string& key, Translation translation);
    std::size_t pair_count() const noexcept;
};

struct BilingualTables {
    TermTable da_to_en;
    TermTable en_to_da;
    // Adds the pair in both directions; both sides are turned into lexicon keys first and
    // an empty side is ignored.
    void add_pair(std::string_view danish, std::string_view english, float probability, Translation::Source source);
    // Sorts every translation list best first.
    void finish();
};

// FreeDict dan-eng and eng-dan from `dictd_dir` (missing databases are skipped); returns
// how many databases were read.
int load_freedict(BilingualTables& tables, const std::filesystem::path& dictd_dir);

// `danish<TAB>english` lines; '#' starts a comment line; blank lines are skipped. A line
// without a tab, or with an empty side, throws Error naming the file and line.
void load_tsv_dictionary(BilingualTables& tables, const std::filesystem::path& path, Translation::Source source);

// hunalign's format: `english @ danish` lines.
void load_hunalign_dictionary(BilingualTables& tables, const std::filesystem::path& path, Translation::Source source);

// A cheap identity of source files (CRC-32 and size of their bytes, absent files marked),
// stored with bundled entries so a reader can tell whether they are still current.
std::uint64_t files_fingerprint(const std::vector<std::filesystem::path>& files);
std::vector<std::filesystem::path> freedict_files(const std::filesystem::path& dictd_dir);

// By extension: ".dict" is hunalign's format, anything else TSV.
void load_user_dictionary(BilingualTables& tables, const std::filesystem::path& path);

}  // namespace summalign::detail
