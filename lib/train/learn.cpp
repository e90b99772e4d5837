// Learning the lexicon: IBM Model 1 in both directions over parallel text, pruned, and
// written in the binary format the Lexicon memory-maps.
#include <fmt/format.h>

#include <libxml/parser.h>

#include <algorithm>
#include <future>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "detail/lexicon_binary.hpp"
#include "train/lexicon_corpus.hpp"
#include "train/lexicon_ibm1.hpp"
#include "detail/lexicon_tables.hpp"
#include "detail/lexicon_text.hpp"
#include "summalign/error.hpp"
#include "summalign/lexicon.hpp"
#include "train/heldout.hpp"
#include "train/train.hpp"

namespace summalign {
namespace {

// Word ↔ id, id 0 being IBM1's NULL word.
struct Vocabulary {
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::string> words{""};
    std::vector<std::size_t> counts{0};

    std::uint32_t add(const std::string& word) {
        auto [it, inserted] = ids.try_emplace(word, static_cast<std::uint32_t>(words.size()));
        if (inserted) {
            words.push_back(word);
            counts.push_back(0);
        }
        ++counts[it->second];
        return it->second;
    }
};

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) { return (static_cast<std::uint64_t>(a) << 32) | b; }

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), std::nullopt, "cannot open help page");
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

void keep_best(detail::TermTable& table, std::size_t max_translations) {
    for (auto& [key, translations] : table.entries) {
        detail::sort_best_first(translations);
        if (translations.size() > max_translations) translations.resize(max_translations);
    }
}

}  // namespace

LearnSummary learn_lexicon(std::span<const ParallelText> corpus, const std::filesystem::path& output, const LearnOptions& options) {
    LearnSummary summary;
    summary.segments_read = corpus.size();
    Vocabulary danish;
    Vocabulary english;
    std::vector<detail::IdPair> da_to_en_corpus;
    detail::WordTokenizer tokenize;
    for (const auto& segment : corpus) {
        const auto da_words = tokenize(segment.danish);
        const auto en_words = tokenize(segment.english);
        if (da_words.empty() || en_words.empty()) continue;
        if (da_words.size() > options.max_words || en_words.size() > options.max_words) continue;
        const double ratio = static_cast<double>(std::max(da_words.size(), en_words.size())) /
                             static_cast<double>(std::min(da_words.size(), en_words.size()));
        if (ratio > options.max_length_ratio) continue;
        detail::IdPair ids;
        for (const auto& word : da_words) ids.source.push_back(danish.add(word));
        for (const auto& word : en_words) ids.target.push_back(english.add(word));
        da_to_en_corpus.push_back(std::move(ids));
    }
    summary.segments_used = da_to_en_corpus.size();
    summary.danish_vocabulary = danish.words.size() - 1;
    summary.english_vocabulary = english.words.size() - 1;

    // The two directions are independent: train them on two threads.
    std::vector<detail::IdPair> en_to_da_corpus;
    en_to_da_corpus.reserve(da_to_en_corpus.size());
    for (const auto& pair : da_to_en_corpus) en_to_da_corpus.push_back(detail::IdPair{pair.target, pair.source});
    auto backward_training = std::async(std::launch::async, [&] { return detail::train_ibm1(en_to_da_corpus, options.iterations); });
    const auto forward = detail::train_ibm1(da_to_en_corpus, options.iterations);  // t(en | da)
    const auto backward = backward_training.get();                                 // t(da | en)
    da_to_en_corpus = {};
    en_to_da_corpus = {};

    const auto usable = [&](std::uint32_t da, std::uint32_t en) {
        return da != 0 && en != 0 && danish.counts[da] >= options.min_count && english.counts[en] >= options.min_count;
    };
    // Pairs each model keeps, keyed (da, en).
    std::unordered_map<std::uint64_t, float> kept_forward;
    std::unordered_map<std::uint64_t, float> kept_backward;
    for (const auto& entry : forward)
        if (entry.probability >= options.min_probability && usable(entry.source, entry.target))
            kept_forward.emplace(pair_key(entry.source, entry.target), entry.probability);
    for (const auto& entry : backward)
        if (entry.probability >= options.min_probability && usable(entry.target, entry.source))
            kept_backward.emplace(pair_key(entry.target, entry.source), entry.probability);

    detail::BilingualTables tables;
    const auto add = [&](std::uint64_t key, float t_en_given_da, float t_da_given_en) {
        const auto& da = danish.words[key >> 32];
        const auto& en = english.words[key & 0xFFFFFFFFu];
        if (t_en_given_da > 0.0f) tables.da_to_en.add(da, Translation{en, t_en_given_da, Translation::Source::learned});
        if (t_da_given_en > 0.0f) tables.en_to_da.add(en, Translation{da, t_da_given_en, Translation::Source::learned});
    };
    for (const auto& [key, t_forward] : kept_forward) {
        auto other = kept_backward.find(key);
        if (other != kept_backward.end())
            add(key, t_forward, other->second);
        else if (!options.intersect)
            add(key, t_forward, 0.0f);
    }
    if (!options.intersect)
        for (const auto& [key, t_backward] : kept_backward)
            if (!kept_forward.contains(key)) add(key, 0.0f, t_backward);
    keep_best(tables.da_to_en, options.max_translations);
    keep_best(tables.en_to_da, options.max_translations);
    summary.da_to_en_pairs = tables.da_to_en.pair_count();
    summary.en_to_da_pairs = tables.en_to_da.pair_count();

    std::vector<const detail::BilingualTables*> sources{&tables};
    detail::BundleInfo bundle;
    bundle.source_mask = detail::source_bit(Translation::Source::learned);
    detail::BilingualTables freedict;
    detail::BilingualTables glossary;
    if (!options.bundle_freedict_dir.empty()) {
        detail::load_freedict(freedict, options.bundle_freedict_dir);
        freedict.finish();
        sources.push_back(&freedict);
        bundle.source_mask |= detail::source_bit(Translation::Source::freedict);
        bundle.freedict_fingerprint = detail::files_fingerprint(detail::freedict_files(options.bundle_freedict_dir));
        summary.bundled_pairs += freedict.da_to_en.pair_count() + freedict.en_to_da.pair_count();
    }
    if (!options.bundle_glossary_file.empty()) {
        detail::load_tsv_dictionary(glossary, options.bundle_glossary_file, Translation::Source::glossary);
        glossary.finish();
        sources.push_back(&glossary);
        bundle.source_mask |= detail::source_bit(Translation::Source::glossary);
        bundle.glossary_fingerprint = detail::files_fingerprint({options.bundle_glossary_file});
        summary.bundled_pairs += glossary.da_to_en.pair_count() + glossary.en_to_da.pair_count();
    }
    detail::write_lexicon_binary(output, sources, bundle);
    std::error_code ec;
    summary.file_bytes = static_cast<std::size_t>(std::filesystem::file_size(output, ec));
    return summary;
}

std::vector<ParallelText> read_libreoffice_help(const std::filesystem::path& danish_root, const std::filesystem::path& english_root,
                                                HelpPages which) {
    std::vector<ParallelText> corpus;
    std::error_code ec;
    if (!std::filesystem::is_directory(danish_root, ec) || !std::filesystem::is_directory(english_root, ec)) return corpus;
    std::vector<std::filesystem::path> pages;
    for (auto it = std::filesystem::recursive_directory_iterator(danish_root, ec); !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".html") continue;
        const bool heldout = detail::is_heldout_page(std::filesystem::relative(it->path(), danish_root, ec).generic_string());
        if (which == HelpPages::all || heldout == (which == HelpPages::heldout)) pages.push_back(it->path());
    }
    std::sort(pages.begin(), pages.end());  // a reproducible corpus order, hence a reproducible file
    const auto read_pages = [&](std::size_t begin, std::size_t end) {
        std::vector<ParallelText> pairs;
        std::error_code page_ec;
        for (std::size_t i = begin; i < end; ++i) {
            const auto english_page = english_root / std::filesystem::relative(pages[i], danish_root, page_ec);
            if (page_ec || !std::filesystem::is_regular_file(english_page, page_ec)) continue;
            for (auto& pair : detail::pair_help_pages(read_file(pages[i]), read_file(english_page))) pairs.push_back(std::move(pair));
        }
        return pairs;
    };
    // Two threads, each on one half of the sorted pages, joined in order. libxml2 must be
    // initialised once before threads parse.
    xmlInitParser();
    const std::size_t middle = pages.size() / 2;
    auto second_half = std::async(std::launch::async, read_pages, middle, pages.size());
    corpus = read_pages(0, middle);
    for (auto& pair : second_half.get()) corpus.push_back(std::move(pair));
    return corpus;
}

std::vector<ParallelText> read_parallel_tsv(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw Error(path.string(), std::nullopt, "is a directory, not a parallel text file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string(), std::nullopt, "cannot open parallel text file");
    std::vector<ParallelText> corpus;
    std::string line;
    std::size_t line_number = 0;
    std::size_t offset = 0;
    while (std::getline(in, line)) {
        ++line_number;
        const std::size_t line_offset = offset;
        offset += line.size() + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos || line.front() == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos)
            throw Error(path.string(), line_offset, fmt::format("line {}: expected danish<TAB>english, found no tab", line_number));
        corpus.push_back(ParallelText{line.substr(0, tab), line.substr(tab + 1)});
    }
    if (in.bad()) throw Error(path.string(), offset, "cannot read parallel text file");
    return corpus;
}

}  // namespace summalign
