#pragma once
// Held-out LibreOffice help pages as perturbed parallel documents with a known alignment:
// shared by bench_docalign_libreoffice (accuracy per page) and bench_hunalign_compare (one
// long document against hunalign). Pages are paired paragraph by paragraph through their
// par_id/hd_id attributes; perturb() drops and merges paragraphs with a fixed seed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "train/heldout.hpp"
#include "train/lexicon_corpus.hpp"
#include "summalign/align.hpp"

namespace summalign::bench {

namespace fs = std::filesystem;

inline const fs::path kHelp = "/usr/share/libreoffice/help";

inline std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct Page {
    std::string path;
    std::vector<std::pair<std::string, std::string>> units;  // (Danish, English) in page order
};

// Held-out pages with at least `min_units` translated paragraphs.
inline std::vector<Page> load_pages(const std::string& subset, std::size_t min_units) {
    std::vector<Page> pages;
    const fs::path da_root = kHelp / "da", en_root = kHelp / "en-US";
    if (!fs::exists(da_root) || !fs::exists(en_root)) return pages;
    std::vector<std::string> relatives;
    for (const auto& entry : fs::recursive_directory_iterator(da_root / "text")) {
        if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
        relatives.push_back(fs::relative(entry.path(), da_root).generic_string());
    }
    std::sort(relatives.begin(), relatives.end());
    for (const auto& relative : relatives) {
        if (!detail::is_heldout_page(relative)) continue;
        const bool dev = (detail::fnv1a64(relative) / 10) % 2 == 1;
        if ((subset == "dev" && !dev) || (subset == "test" && dev)) continue;
        if (!fs::exists(en_root / relative)) continue;
        std::unordered_map<std::string, std::string> english;
        for (auto& [id, text] : detail::help_paragraphs(slurp(en_root / relative))) english.emplace(id, text);
        Page page{relative, {}};
        for (auto& [id, danish] : detail::help_paragraphs(slurp(da_root / relative))) {
            auto found = english.find(id);
            // Untranslated paragraphs (code, names) would be aligned by string identity alone.
            if (found == english.end() || danish.empty() || found->second.empty() || danish == found->second) continue;
            page.units.emplace_back(danish, found->second);
        }
        if (page.units.size() >= min_units) pages.push_back(std::move(page));
    }
    return pages;
}

struct GoldBead {
    std::vector<std::size_t> da, en;
    auto operator<=>(const GoldBead&) const = default;
};

struct Perturbed {
    std::vector<std::string> da, en;
    std::vector<GoldBead> gold;
};

// The perturbation of the brief, with a seed fixed per page.
inline Perturbed perturb(const Page& page, unsigned seed) {
    std::mt19937 random(seed ^ static_cast<unsigned>(detail::fnv1a64(page.path)));
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    Perturbed out;
    const auto& units = page.units;
    for (std::size_t k = 0; k < units.size(); ++k) {
        const double u = uniform(random);
        const bool has_next = k + 1 < units.size();
        GoldBead bead;
        if (u < 0.08) {  // Danish kept, English dropped
            bead.da = {out.da.size()};
            out.da.push_back(units[k].first);
        } else if (u < 0.16) {  // English kept, Danish dropped
            bead.en = {out.en.size()};
            out.en.push_back(units[k].second);
        } else if (u < 0.26 && has_next) {  // 1-2: two Danish paragraphs merged into one
            bead.da = {out.da.size()};
            bead.en = {out.en.size(), out.en.size() + 1};
            out.da.push_back(units[k].first + " " + units[k + 1].first);
            out.en.push_back(units[k].second);
            out.en.push_back(units[k + 1].second);
            ++k;
        } else if (u < 0.36 && has_next) {  // 2-1: two English paragraphs merged into one
            bead.da = {out.da.size(), out.da.size() + 1};
            bead.en = {out.en.size()};
            out.da.push_back(units[k].first);
            out.da.push_back(units[k + 1].first);
            out.en.push_back(units[k].second + " " + units[k + 1].second);
            ++k;
        } else {
            bead.da = {out.da.size()};
            bead.en = {out.en.size()};
            out.da.push_back(units[k].first);
            out.en.push_back(units[k].second);
        }
        out.gold.push_back(std::move(bead));
    }
    return out;
}

struct Counts {
    std::size_t correct = 0, found = 0, gold = 0;
    double f1() const {
        const double p = found ? double(correct) / double(found) : 0.0, r = gold ? double(correct) / double(gold) : 0.0;
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

inline Counts score_beads(const std::vector<Bead>& beads, const std::vector<GoldBead>& gold) {
    std::set<GoldBead> truth(gold.begin(), gold.end());
    Counts c;
    c.gold = gold.size();
    c.found = beads.size();
    for (const auto& bead : beads) c.correct += truth.contains(GoldBead{bead.da, bead.en});
    return c;
}

}  // namespace summalign::bench
