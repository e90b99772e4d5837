#pragma once
// Training and evaluation, outside the runtime library (target summalign_train, not
// installed): learning a lexicon from parallel text (`summalign learn-lexicon`) and the
// parallel corpora it reads. The command, the tests and the benchmarks link it.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace summalign {

// Two texts that translate each other (a paragraph or a sentence).
struct ParallelText {
    std::string danish;
    std::string english;
};

struct LearnOptions {
    int iterations = 5;                 // EM iterations of IBM Model 1, per direction
    float min_probability = 0.05f;      // t(e|d) and t(d|e) below this are pruned
    std::size_t max_translations = 8;   // per headword and direction, best kept
    std::size_t min_count = 2;          // rarer words are neither headwords nor targets
    std::size_t max_words = 80;         // longer segments are skipped (cost is |da|·|en|)
    double max_length_ratio = 3.0;      // segments whose word counts differ more are skipped
    // true: keep a pair only when both directions' models keep it (precise);
    // false: keep it when either does (more recall, more noise).
    bool intersect = true;
    // Also store these sources in the file, so that a Lexicon using it needs no parsing
    // (entries keep their source; a Lexicon checks each bundled source's fingerprint and
    // re-reads the original when it changed). Empty: not bundled.
    std::filesystem::path bundle_freedict_dir;
    std::filesystem::path bundle_glossary_file;
};

struct LearnSummary {
    std::size_t segments_read = 0;
    std::size_t segments_used = 0;
    std::size_t danish_vocabulary = 0;
    std::size_t english_vocabulary = 0;
    std::size_t da_to_en_pairs = 0;
    std::size_t en_to_da_pairs = 0;
    std::size_t bundled_pairs = 0;  // FreeDict and glossary pairs, both directions
    std::size_t file_bytes = 0;
};

// Trains word translation probabilities on `corpus` with IBM Model 1 in both directions
// and writes them to `output` in the binary format Lexicon loads (LexiconOptions::learned_file,
// or the data file default_learned_lexicon_name).
LearnSummary learn_lexicon(std::span<const ParallelText> corpus, const std::filesystem::path& output, const LearnOptions& options = {});

// Which LibreOffice help pages to read: about one page in ten is held out of training so
// that alignment is evaluated on text the learned lexicon never saw (train/heldout.hpp).
enum class HelpPages { training, heldout, all };

// Paragraph pairs from LibreOffice's translated help: every page under `danish_root`
// (e.g. /usr/share/libreoffice/help/da) whose twin exists under `english_root`
// (…/help/en-US), paired by the pages' shared paragraph ids. Empty when the roots do not exist.
std::vector<ParallelText> read_libreoffice_help(const std::filesystem::path& danish_root, const std::filesystem::path& english_root,
                                                HelpPages pages = HelpPages::training);

// Parallel text from a `danish<TAB>english` file ('#' comment lines and blank lines
// skipped); a line without a tab throws Error naming the file and line.
std::vector<ParallelText> read_parallel_tsv(const std::filesystem::path& path);

}  // namespace summalign
