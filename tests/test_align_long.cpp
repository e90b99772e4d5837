// align_texts on long texts: anchors, cuts and the stretch-by-stretch ladder
// (lib/align_texts.cpp, lib/detail/align_anchors). Real parallel text: the held-out
// LibreOffice help pages (Debian's libreoffice-help-da/-en-us, installed by scripts/deps.sh).
#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "detail/align_anchors.hpp"
#include "detail/similarity_keys.hpp"
#include "train/heldout.hpp"
#include "train/lexicon_corpus.hpp"
#include "summalign/align.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"

using namespace summalign;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Translated paragraph pairs of the held-out help pages, in page order, at most `wanted`.
std::vector<std::pair<std::string, std::string>> help_pairs(std::size_t wanted) {
    const fs::path da_root = "/usr/share/libreoffice/help/da", en_root = "/usr/share/libreoffice/help/en-US";
    std::vector<std::string> pages;
    for (const auto& entry : fs::recursive_directory_iterator(da_root / "text"))
        if (entry.is_regular_file() && entry.path().extension() == ".html")
            pages.push_back(fs::relative(entry.path(), da_root).generic_string());
    std::sort(pages.begin(), pages.end());
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& page : pages) {
        if (!detail::is_heldout_page(page) || !fs::exists(en_root / page)) continue;
        std::unordered_map<std::string, std::string> english;
        for (auto& [id, text] : detail::help_paragraphs(slurp(en_root / page))) english.emplace(id, text);
        for (auto& [id, danish] : detail::help_paragraphs(slurp(da_root / page))) {
            const auto found = english.find(id);
            if (found == english.end() || danish.empty() || found->second.empty() || danish == found->second) continue;
            pairs.emplace_back(danish, found->second);
            if (pairs.size() == wanted) return pairs;
        }
    }
    return pairs;
}

using Key = std::pair<std::vector<std::size_t>, std::vector<std::size_t>>;

struct Perturbed {
    std::vector<std::string> da, en;
    std::set<Key> truth;
};

// A fixed perturbation: English dropped from every 9th pair, Danish from every 13th, and
// every 11th pair merged with the next on the English side (a 2-1 bead); optionally a first
// stretch of Danish paragraphs without their English.
Perturbed perturbed(const std::vector<std::pair<std::string, std::string>>& pairs, std::size_t danish_only_prefix = 0) {
    Perturbed doc;
    for (std::size_t k = 0; k < danish_only_prefix && k < pairs.size(); ++k) {
        doc.truth.insert({{doc.da.size()}, {}});
        doc.da.push_back(pairs[k].first);
    }
    for (std::size_t k = danish_only_prefix; k < pairs.size(); ++k) {
        if (k % 9 == 4) {
            doc.truth.insert({{doc.da.size()}, {}});
            doc.da.push_back(pairs[k].first);
        } else if (k % 13 == 6) {
            doc.truth.insert({{}, {doc.en.size()}});
            doc.en.push_back(pairs[k].second);
        } else if (k % 11 == 2 && k + 1 < pairs.size()) {
            doc.truth.insert({{doc.da.size(), doc.da.size() + 1}, {doc.en.size()}});
            doc.da.push_back(pairs[k].first);
            doc.da.push_back(pairs[k + 1].first);
            doc.en.push_back(pairs[k].second + " " + pairs[k + 1].second);
            ++k;
        } else {
            doc.truth.insert({{doc.da.size()}, {doc.en.size()}});
            doc.da.push_back(pairs[k].first);
            doc.en.push_back(pairs[k].second);
        }
    }
    return doc;
}

void require_monotone_cover(const std::vector<Bead>& beads, std::size_t n, std::size_t m) {
    std::size_t i = 0, j = 0;
    for (const auto& bead : beads) {
        REQUIRE(!(bead.da.empty() && bead.en.empty()));
        for (auto k : bead.da) REQUIRE(k == i++);
        for (auto k : bead.en) REQUIRE(k == j++);
    }
    REQUIRE(i == n);
    REQUIRE(j == m);
}

double f1(const std::vector<Bead>& beads, const std::set<Key>& truth) {
    std::size_t correct = 0;
    for (const auto& bead : beads) correct += truth.contains({bead.da, bead.en});
    const double p = static_cast<double>(correct) / static_cast<double>(beads.size());
    const double r = static_cast<double>(correct) / static_cast<double>(truth.size());
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

const SentenceScorer& scorer() {
    static const Lexicon lexicon;
    static const SentenceScorer instance(lexicon);
    return instance;
}

}  // namespace

TEST_CASE("anchors: mutual best with a lead on both sides, then the longest non-crossing chain") {
    using detail::BestScores;
    std::vector<BestScores> da(7), en(8);
    auto offer = [&](std::uint32_t i, std::uint32_t j, double score) {
        da[i].offer(j, score);
        en[j].offer(i, score);
    };
    offer(0, 0, 6.0), offer(0, 1, 1.0);
    offer(1, 5, 7.0);                    // crosses the chain below
    offer(2, 1, 6.0);
    offer(3, 2, 6.0);
    offer(4, 3, 6.0);
    offer(5, 6, 5.0), offer(5, 7, 4.5);  // no lead over the runner-up
    offer(6, 6, 4.0);                    // English 6 prefers Danish 5: not mutual
    const auto anchors = detail::select_anchors(da, en, 2.0, 2.0);
    CHECK(anchors == std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {2, 1}, {3, 2}, {4, 3}});
    // A score below the minimum is no anchor either.
    CHECK(detail::select_anchors(da, en, 6.5, 2.0) == std::vector<std::pair<std::size_t, std::size_t>>{{1, 5}});
}

TEST_CASE("cuts fall only between two consecutive anchors, inside the lattice") {
    const std::vector<std::pair<std::size_t, std::size_t>> anchors{{0, 0}, {1, 1}, {3, 4}, {5, 6}, {6, 7}, {9, 9}};
    const auto cuts = detail::cut_nodes(anchors, 10, 10);
    CHECK(cuts == std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {1, 1}, {6, 7}, {10, 10}});
    CHECK(detail::cut_nodes({}, 4, 0) == std::vector<std::pair<std::size_t, std::size_t>>{{0, 0}, {4, 0}});
}

TEST_CASE("a stretch's band follows its anchors and reaches past them by its half-width") {
    // The corners of anchors (3, 3) and (4, 4) inside a 12 x 12 stretch.
    const auto band = detail::band_along({{0, 0}, {3, 3}, {4, 4}, {12, 12}});
    REQUIRE(band.lo.size() == 13);
    // Far from the anchors the band is narrower than the stretch: the ladder does not pair
    // Danish 10 with English 2.
    CHECK(band.lo[10] > 2);
    CHECK(band.hi[1] < 10);
    // At an anchor it reaches detail::kBandRadius columns on either side, past the anchor's
    // corners: an anchor with a recurring sentence may sit one column off the path.
    CHECK(band.hi[3] >= 4 + detail::kBandRadius);
    CHECK(band.lo[4] <= 3 - std::min<std::size_t>(3, detail::kBandRadius));
    for (std::size_t i = 0; i <= 12; ++i) CHECK((band.lo[i] <= i && i <= band.hi[i]));
}

TEST_CASE("a long help text with omissions and merges is aligned stretch by stretch, every segment once") {
    const auto pairs = help_pairs(700);
    REQUIRE(pairs.size() == 700);
    const Perturbed doc = perturbed(pairs);
    REQUIRE((doc.da.size() + 1) * (doc.en.size() + 1) > 40000);  // beyond the whole-lattice search
    const auto beads = align_texts(scorer(), doc.da, doc.en);
    require_monotone_cover(beads, doc.da.size(), doc.en.size());
    CHECK(f1(beads, doc.truth) > 0.9);
    for (const auto& bead : beads)
        if (!bead.da.empty() && !bead.en.empty()) CHECK((bead.score >= 0.0 && bead.score <= 1.0));
}

TEST_CASE("without word pairs a long text gets the same beads with the same scores") {
    const Perturbed doc = perturbed(help_pairs(300));
    REQUIRE((doc.da.size() + 1) * (doc.en.size() + 1) > 40000);
    const auto with = align_texts(scorer(), doc.da, doc.en);
    LadderOptions options;
    options.with_matches = false;
    const auto without = align_texts(scorer(), doc.da, doc.en, options);
    REQUIRE(with.size() == without.size());
    std::size_t with_pairs = 0;
    for (std::size_t k = 0; k < with.size(); ++k) {
        CHECK(with[k].da == without[k].da);
        CHECK(with[k].en == without[k].en);
        CHECK(with[k].score == without[k].score);  // the same score, from the search's links
        CHECK(without[k].matches.empty());
        with_pairs += with[k].matches.size();
    }
    CHECK(with_pairs > 0);
}

TEST_CASE("after a long Danish-only stretch the search finds the translations again") {
    const auto pairs = help_pairs(500);
    REQUIRE(pairs.size() == 500);
    const Perturbed doc = perturbed(pairs, 150);
    const auto beads = align_texts(scorer(), doc.da, doc.en);
    require_monotone_cover(beads, doc.da.size(), doc.en.size());
    CHECK(f1(beads, doc.truth) > 0.9);
    // The 150 Danish paragraphs without translation stay unaligned (at most a few taken by mistake).
    std::size_t left_alone = 0;
    for (const auto& bead : beads)
        if (bead.en.empty() && !bead.da.empty() && bead.da.front() < 150) ++left_alone;
    CHECK(left_alone >= 140);
}

TEST_CASE("a long text against an empty or one-line text gives omissions, with no division by the empty side") {
    std::vector<std::string> many;
    for (std::size_t k = 0; k < 41000; ++k) many.push_back("Linje " + std::to_string(k) + ".");
    const std::vector<std::string> none;
    const auto danish_only = align_texts(scorer(), many, none);
    require_monotone_cover(danish_only, many.size(), 0);
    CHECK(danish_only.size() == many.size());
    const auto english_only = align_texts(scorer(), none, many);
    require_monotone_cover(english_only, 0, many.size());
    // One Danish line that translates one English line among many.
    std::vector<std::string> english = many;
    english[20000] = "The dog sleeps in the sun.";
    const std::vector<std::string> one{"Hunden sover i solen."};
    const auto single = align_texts(scorer(), one, english);
    require_monotone_cover(single, 1, english.size());
    bool found = false;
    for (const auto& bead : single) found |= bead.da == std::vector<std::size_t>{0} && bead.en == std::vector<std::size_t>{20000};
    CHECK(found);
}

TEST_CASE("a second thread aligning the stretches gives the same beads as one thread") {
    const auto pairs = help_pairs(700);
    REQUIRE(pairs.size() == 700);
    const Perturbed doc = perturbed(pairs, 60);
    LadderOptions one, two;
    two.threads = 2;
    const auto alone = align_texts(scorer(), doc.da, doc.en, one);
    const auto shared = align_texts(scorer(), doc.da, doc.en, two);
    require_monotone_cover(shared, doc.da.size(), doc.en.size());
    REQUIRE(alone.size() == shared.size());
    for (std::size_t k = 0; k < alone.size(); ++k) {
        CHECK(alone[k].da == shared[k].da);
        CHECK(alone[k].en == shared[k].en);
        CHECK(alone[k].score == shared[k].score);
        CHECK(alone[k].da_text == shared[k].da_text);
    }
    CHECK(f1(shared, doc.truth) > 0.9);
}

TEST_CASE("anchors of part of the texts: mutual best pairs from a Danish and English start, then their chain") {
    using detail::BestScores;
    std::vector<BestScores> da(6), en(6);
    auto offer = [&](std::uint32_t i, std::uint32_t j, double score) {
        da[i].offer(j, score);
        en[j].offer(i, score);
    };
    offer(0, 0, 6.0);
    offer(1, 1, 6.0);
    offer(2, 4, 6.0);  // crosses 3-2 and 4-3
    offer(3, 2, 6.0);
    offer(4, 3, 6.0);
    offer(5, 5, 1.0);  // below the minimum
    using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;
    CHECK(detail::mutual_best_pairs(da, en, 2.0, 2.0, 1, 5, 2) == Pairs{{2, 4}, {3, 2}, {4, 3}});
    CHECK(detail::mutual_best_pairs(da, en, 2.0, 2.0, 0, 2, 0) == Pairs{{0, 0}, {1, 1}});
    CHECK(detail::longest_chain(Pairs{{2, 4}, {3, 2}, {4, 3}}) == Pairs{{3, 2}, {4, 3}});
    CHECK(detail::longest_chain(Pairs{}).empty());
}

// Calls f(j, da, en) for each bead of one or two sentences a side that starts at Danish `i`
// and at English j within two of i, as a stretch's search asks for them.
template <typename F>
void for_each_bead_near(const std::vector<PreparedSentence>& danish, const std::vector<PreparedSentence>& english,
                        std::size_t i, F&& f) {
    for (std::size_t j = i > 2 ? i - 2 : 0; j <= i + 2 && j < english.size(); ++j)
        for (std::size_t da_count = 1; da_count <= 2 && i + da_count <= danish.size(); ++da_count)
            for (std::size_t en_count = 1; en_count <= 2 && j + en_count <= english.size(); ++en_count) {
                std::vector<const PreparedSentence*> da, en;
                for (std::size_t k = 0; k < da_count; ++k) da.push_back(&danish[i + k]);
                for (std::size_t k = 0; k < en_count; ++k) en.push_back(&english[j + k]);
                f(j, da, en);
            }
}

// The stretches' ladders score beads through BeadScorer, which keeps each sentence pair's
// links (found from both sides' sorted keys) and cognate candidates and combines them per
// bead. Help text has many cognates (names, technical words) next to dictionary words, and
// a cognate may be taken only while both tokens are below a strong link, in token order:
// each bead must still equal SentenceScorer::score to the last bit.
TEST_CASE("on help text BeadScorer gives exactly SentenceScorer::score, cognates included") {
    const auto pairs = help_pairs(120);
    REQUIRE(pairs.size() == 120);
    std::vector<PreparedSentence> danish, english;
    for (const auto& [da, en] : pairs) {
        danish.push_back(scorer().prepare(da, Lang::da));
        english.push_back(scorer().prepare(en, Lang::en));
    }
    // Dense (a whole lattice's search: sorted links, kept cognate candidates) and not.
    detail::BeadScorer beads(danish, english), banded(danish, english, false);
    std::size_t compared = 0, with_cognate = 0;
    // Near the diagonal, as a stretch's search asks, then again in reverse from kept pairs.
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t n = 0; n < danish.size(); ++n) {
            const std::size_t i = pass == 0 ? n : danish.size() - 1 - n;
            for_each_bead_near(danish, english, i, [&](std::size_t j, const auto& da, const auto& en) {
                const Similarity expected = scorer().score(da, en, true);
                INFO("danish " << i << "+" << da.size() << ", english " << j << "+" << en.size());
                CHECK(beads.score(i, da.size(), j, en.size()) == expected.score);
                CHECK(banded.score(i, da.size(), j, en.size()) == expected.score);
                ++compared;
                if (std::any_of(expected.matches.begin(), expected.matches.end(),
                                [](const WordMatch& m) { return m.kind == MatchKind::cognate; }))
                    ++with_cognate;
            });
        }
    CHECK(compared > 2000);
    CHECK(with_cognate > compared / 100);  // the cognate step is reached, not merely present
}

// align_texts hands a stretch's BeadScorer the links its anchor search sorted (LineScorer for
// a Danish segment that had candidates, EnglishLinks for every English one), made while the
// segments sat elsewhere: the scorer binds them to the moved sentences, and scores as if it
// had sorted them itself.
TEST_CASE("BeadScorer given links sorted before the sentences moved gives exactly SentenceScorer::score") {
    const auto pairs = help_pairs(40);
    REQUIRE(pairs.size() == 40);
    std::deque<PreparedSentence> danish_kept, english_kept;
    detail::SortedLinks sorted;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        danish_kept.push_back(scorer().prepare(pairs[k].first, Lang::da));
        english_kept.push_back(scorer().prepare(pairs[k].second, Lang::en));
        // Every third Danish sentence without sorted links: the scorer sorts its own.
        sorted.danish.push_back(k % 3 == 2 ? nullptr : std::make_unique<detail::LineScorer>(danish_kept.back()));
        sorted.english.emplace_back(english_kept.back());
    }
    std::vector<PreparedSentence> danish(std::make_move_iterator(danish_kept.begin()), std::make_move_iterator(danish_kept.end()));
    std::vector<PreparedSentence> english(std::make_move_iterator(english_kept.begin()), std::make_move_iterator(english_kept.end()));
    danish_kept.clear();
    english_kept.clear();
    detail::BeadScorer beads(danish, english, true, &sorted);
    CHECK(sorted.danish.empty());  // taken
    std::size_t compared = 0;
    for (std::size_t i = 0; i < danish.size(); ++i)
        for_each_bead_near(danish, english, i, [&](std::size_t j, const auto& da, const auto& en) {
            INFO("danish " << i << "+" << da.size() << ", english " << j << "+" << en.size());
            CHECK(beads.score(i, da.size(), j, en.size()) == scorer().score(da, en).score);
            ++compared;
        });
    CHECK(compared > 500);
    detail::SortedLinks wrong;
    wrong.english.emplace_back(english.front());
    CHECK_THROWS_AS(detail::BeadScorer(danish, english, true, &wrong), std::invalid_argument);
}

TEST_CASE("an omitted heading whose word recurs in the next paragraph's translation stays an omission") {
    // "Macro" has no Danish counterpart here; its one word is also the paragraph's, and the
    // Danish paragraph says makro twice, so no word of the merge is left without a partner.
    // The order of a merge tells them apart: the heading's translation would have to come
    // before the paragraph's, and "Vælg" (Select) comes first.
    const std::vector<std::string> danish{
        "Vælg den makro, som du vil tildele. Makroen køres, når du klikker på knappen.",
        "Gemmer det aktuelle dokument."};
    const std::vector<std::string> english{
        "Macro", "Select the macro that you want to assign. The macro runs when you click the button.",
        "Saves the current document."};
    const auto beads = align_texts(scorer(), danish, english);
    require_monotone_cover(beads, danish.size(), english.size());
    REQUIRE(beads.size() == 3);
    CHECK(beads[0].da.empty());
    CHECK(beads[0].en == std::vector<std::size_t>{0});
    CHECK(beads[1].da == std::vector<std::size_t>{0});
    CHECK(beads[1].en == std::vector<std::size_t>{1});
    // The same heading kept in front of the Danish paragraph is a true merge.
    const std::vector<std::string> merged{
        "Makro Vælg den makro, som du vil tildele. Makroen køres, når du klikker på knappen.",
        "Gemmer det aktuelle dokument."};
    const auto kept = align_texts(scorer(), merged, english);
    REQUIRE(kept.size() == 2);
    CHECK(kept[0].da == std::vector<std::size_t>{0});
    CHECK(kept[0].en == std::vector<std::size_t>{0, 1});
}
