// summalign::mine and `summalign mine`: each Danish line finds its translation among
// shuffled English lines, the output contract holds, and bad input gives a one-line error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "detail/mine_votes.hpp"
#include "detail/similarity_keys.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "test_util.hpp"

using namespace summalign;

using summalign::test::TempDir;
using summalign::test::read_file;
using summalign::test::run_cli;

namespace {

// Handmade pairs: everyday and medical sentences, English in another order.
const std::vector<std::string> danish = {
    "Patienterne blev behandlet med stamceller fra knoglemarven.",
    "Hunden sover i haven.",
    "Jeg drikker kaffe hver morgen.",
    "Resultaterne viste en forbedring af hjertefunktionen hos 12 patienter.",
    "Min søster bor i København.",
    "Forsøget omfattede 45 patienter med kroniske hudsår.",
    "Vi spiste fisk og kartofler til middag.",
    "Embryonale stamceller rejser etiske problemer.",
};
const std::vector<std::string> english = {
    "Forty-five patients with chronic skin ulcers took part in the trial.",  // 5
    "My sister lives in Copenhagen.",                                       // 4
    "The dog sleeps in the garden.",                                        // 1
    "Embryonic stem cells raise ethical problems.",                         // 7
    "I drink coffee every morning.",                                        // 2
    "We ate fish and potatoes for dinner.",                                 // 6
    "The patients were treated with stem cells from the bone marrow.",      // 0
    "The results showed an improvement of cardiac function in 12 patients.",  // 3
};
const std::vector<std::size_t> expected = {6, 2, 4, 7, 1, 0, 5, 3};

bool glossary_available(const Lexicon& lexicon) { return !lexicon.da_to_en("knoglemarv").empty(); }

// The 500 Tatoeba development pairs (tests/data/tatoeba), Danish and English in file order.
std::pair<std::vector<std::string>, std::vector<std::string>> tatoeba_dev() {
    std::ifstream in(std::filesystem::path(SUMMALIGN_TEST_DATA_DIR) / "tatoeba" / "tatoeba-dan-eng.dev.tsv");
    std::pair<std::vector<std::string>, std::vector<std::string>> out;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        out.first.push_back(line.substr(0, tab));
        out.second.push_back(line.substr(tab + 1));
    }
    return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& line : lines) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("mine finds each handmade sentence's translation") {
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    for (bool margin : {true, false}) {
        MineOptions options;
        options.margin = margin;
        const auto pairs = mine(scorer, danish, english, options);
        REQUIRE(pairs.size() == danish.size());
        for (std::size_t i = 0; i < pairs.size(); ++i) {
            INFO("Danish line " << i << ", margin " << margin);
            CHECK(pairs[i].da_index == i);
            CHECK(pairs[i].en_index == expected[i]);
            CHECK(pairs[i].score > 0.0);
            CHECK(pairs[i].score <= 1.0);
        }
    }
}

// MineOptions::one_to_one: an English line another Danish line translates better is not
// picked as well. "Hunden sover i haven i dag." shares more words with "The dog sleeps in
// the garden." than with its own translation, which it reaches only through "i dag" and
// "hunden"; "Hunden sover i haven." is that line's translation and scores it higher.
TEST_CASE("mine gives an English line to one Danish line, the better pair first") {
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    const std::vector<std::string> da = {"Hunden sover i haven i dag.", "Hunden sover i haven."};
    const std::vector<std::string> en = {"The dog sleeps in the garden.", "Today the dog naps outdoors."};
    const auto own = scorer.prepare(da[0], Lang::da);
    REQUIRE(scorer.score(own, scorer.prepare(en[0], Lang::en)).score > scorer.score(own, scorer.prepare(en[1], Lang::en)).score);
    for (bool margin : {true, false}) {
        INFO("margin " << margin);
        MineOptions options;
        options.margin = margin;
        options.one_to_one = false;
        const auto shared = mine(scorer, da, en, options);
        REQUIRE(shared.size() == 2);
        CHECK(shared[0].en_index == 0);  // without the rule both take the same line
        CHECK(shared[1].en_index == 0);
        options.one_to_one = true;
        const auto pairs = mine(scorer, da, en, options);
        REQUIRE(pairs.size() == 2);
        CHECK(pairs[0].en_index == 1);
        CHECK(pairs[1].en_index == 0);
        // The score of the pair taken (mine keeps scores as float).
        CHECK(pairs[0].score == static_cast<float>(scorer.score(own, scorer.prepare(en[1], Lang::en)).score));
    }
}

TEST_CASE("mine's one English line per Danish line: copies share it, a line with nothing left keeps its best") {
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    // Copies of one Danish text are one text: both get the line.
    const std::vector<std::string> copies = {"Hunden sover i haven.", "Hunden sover i haven."};
    const std::vector<std::string> one_line = {"The dog sleeps in the garden."};
    for (const auto& pair : mine(scorer, copies, one_line, MineOptions{})) CHECK(pair.en_index == 0);
    // "Hunden sover i haven i dag." reaches both English lines, and each is another
    // Danish line's better translation: with nothing left it keeps its best one (the
    // garden), not the last it tried.
    const std::vector<std::string> three = {"Hunden sover i haven i dag.", "Hunden sover i haven.", "Katten sover."};
    const std::vector<std::string> two_lines = {"The dog sleeps in the garden.", "The cat sleeps."};
    const auto pairs = mine(scorer, three, two_lines, MineOptions{});
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].en_index == 0);
    CHECK(pairs[1].en_index == 0);
    CHECK(pairs[2].en_index == 1);
}

TEST_CASE("mine with two threads gives the same answer as with one") {
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    // Enough lines for the work to be split between threads (and for corpus weights).
    std::vector<std::string> many_danish;
    std::vector<std::string> many_english;
    for (int copy = 0; copy < 20; ++copy) {
        for (const auto& line : danish) many_danish.push_back(line + " " + std::to_string(copy));
        for (const auto& line : english) many_english.push_back(line + " " + std::to_string(copy));
    }
    const auto one = mine(scorer, many_danish, many_english, 1u);
    const auto two = mine(scorer, many_danish, many_english, 2u);
    REQUIRE(one.size() == two.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
        CHECK(one[i].en_index == two[i].en_index);
        CHECK(one[i].score == two[i].score);
    }
}

// mine scores each Danish line's candidates through detail::LineScorer, which sets the
// Danish side up once and meets the links from the English side: every score must equal
// SentenceScorer::score to the last bit, or mine's picks would depend on the route.
// mine's document frequencies read only each word's stem: ScorerWords::stems gives the same
// keys as preparing the line, whether the scorer has met the words before or not.
TEST_CASE("ScorerWords::stems gives the own stems prepare finds, word by word") {
    const Lexicon lexicon;
    auto [tatoeba_danish, tatoeba_english] = tatoeba_dev();
    REQUIRE(tatoeba_danish.size() >= 60);
    std::vector<std::pair<std::string, Lang>> texts;
    for (std::size_t k = 0; k < 60; ++k) {
        texts.emplace_back(tatoeba_danish[k], Lang::da);
        texts.emplace_back(tatoeba_english[k], Lang::en);
    }
    for (const auto& text : danish) texts.emplace_back(text, Lang::da);
    for (const auto& text : english) texts.emplace_back(text, Lang::en);
    // Contractions (split into words), numbers and citation marks (no stem), a repeated word.
    texts.emplace_back("I don't think it's 12 o'clock [3], it's 11.", Lang::en);
    texts.emplace_back("Knoglemarvens stamceller [2, 5] og 45 % af knoglemarvens celler.", Lang::da);
    texts.emplace_back("", Lang::da);
    for (const bool warm : {false, true}) {
        // A fresh scorer has analysed no word: stems() analyses them (and keeps them); the
        // second round meets every word in the scorer's memo.
        const SentenceScorer cold(lexicon);
        const SentenceScorer& scorer = cold;
        if (warm)
            for (const auto& [text, lang] : texts) (void)scorer.prepare(text, lang);
        for (const auto& [text, lang] : texts) {
            const auto stems = detail::ScorerWords::stems(scorer, text, lang);
            std::vector<std::uint64_t> expected;
            for (const auto& token : SentenceScorer(lexicon).prepare(text, lang).tokens)
                if (!token.own_keys.empty()) expected.push_back(token.own_keys.front());
            INFO(text << (warm ? " (memo warm)" : " (memo cold)"));
            CHECK(stems == expected);
        }
    }
    // Worked out by hand: "Hunden sover 12 [3]." has two words with a stem, the number and
    // the citation mark none; "hund" is the stem of "Hunden" whatever the case.
    const SentenceScorer scorer(lexicon);
    const auto stems = detail::ScorerWords::stems(scorer, "Hunden sover 12 [3].", Lang::da);
    REQUIRE(stems.size() == 2);
    CHECK(stems[0] == detail::ScorerWords::stems(scorer, "hund", Lang::da).at(0));
    CHECK(stems[0] != stems[1]);
    CHECK(detail::ScorerWords::stems(scorer, "12 [3] 4,5", Lang::da).empty());
}

TEST_CASE("LineScorer gives exactly SentenceScorer::score, the English links sorted, kept or not") {
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    auto [tatoeba_danish, tatoeba_english] = tatoeba_dev();
    REQUIRE(tatoeba_danish.size() >= 60);
    std::vector<std::string> danish_texts(tatoeba_danish.begin(), tatoeba_danish.begin() + 60);
    std::vector<std::string> english_texts(tatoeba_english.begin(), tatoeba_english.begin() + 60);
    // Compounds, inflected forms, numbers and names (the links that change with the partner).
    danish_texts.insert(danish_texts.end(), danish.begin(), danish.end());
    english_texts.insert(english_texts.end(), english.begin(), english.end());
    danish_texts.push_back("");
    english_texts.push_back("");
    std::vector<PreparedSentence> en;
    for (const auto& text : english_texts) en.push_back(scorer.prepare(text, Lang::en));
    // align_texts's anchor search passes each English sentence's links sorted once.
    std::vector<detail::EnglishLinks> links;
    for (const auto& sentence : en) links.emplace_back(sentence);
    // mine keeps the English lines in detail::EnglishLines instead of their PreparedSentences.
    detail::EnglishLines kept;
    for (const auto& sentence : en) kept.add(sentence);
    REQUIRE(kept.size() == en.size());
    std::size_t compared = 0, nonzero = 0;
    for (const auto& text : danish_texts) {
        const PreparedSentence da = scorer.prepare(text, Lang::da);
        const detail::LineScorer line(da);
        for (std::size_t j = 0; j < en.size(); ++j) {
            const double expected = scorer.score(da, en[j]).score;
            INFO(text << " / " << english_texts[j]);
            CHECK(line.score(en[j]) == expected);
            CHECK(line.score(en[j], links[j]) == expected);
            CHECK(line.score(kept, j) == expected);
            ++compared;
            if (expected > 0.0) ++nonzero;
        }
    }
    CHECK(compared == danish_texts.size() * english_texts.size());
    CHECK(nonzero > compared / 4);
}

// EnglishLines keeps a line's counts and skeleton offsets in 32 bits: a line far longer than
// a sentence (here 20,000 words, over 65,536 bytes of skeletons and links) is kept and
// scored as SentenceScorer scores it, and mine takes it as it takes any line.
TEST_CASE("EnglishLines keeps a line of 20,000 words and scores it as SentenceScorer does") {
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    const std::vector<std::string> vocabulary = {"transplantation", "cellular", "information", "regenerative",
                                                 "medicine"};
    std::string long_line;
    for (std::size_t i = 0; i < 20000; ++i) long_line += (i > 0 ? " " : "") + vocabulary[(i * 7 + i / 3) % vocabulary.size()];
    const PreparedSentence en = scorer.prepare(long_line, Lang::en);
    detail::EnglishLines kept;
    kept.add(en);
    REQUIRE(kept.size() == 1);
    for (const std::string danish_text : {"Cellulær information om regenerativ medicin.", "Transplantation."}) {
        const PreparedSentence da = scorer.prepare(danish_text, Lang::da);
        const detail::LineScorer line(da);
        CHECK(line.score(kept, 0) == scorer.score(da, en).score);
    }
    const std::vector<std::string> danish_lines = {"Cellen er her.", "Transplantation af celler."};
    const std::vector<std::string> english_lines = {long_line, "The cell is here."};
    const auto pairs = mine(scorer, danish_lines, english_lines);
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].en_index == 1);
}

// A word after the 65,536th with translation links does not fit EnglishLines' 16-bit
// word index: mine refuses the input with an Error that names the English input and the
// line (from 1; the first line with that text).
TEST_CASE("mine names the English input and line it cannot keep") {
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    std::string many_words;
    for (std::size_t i = 0; i < 66000; ++i) many_words += i > 0 ? " cell" : "cell";
    const std::vector<std::string> danish_lines = {"Hunden sover.", "Cellen er her."};
    // Lines 3 and 5 have the text: the first is named.
    const std::vector<std::string> english_lines = {"The dog sleeps.", "The cell is here.",
                                                    many_words, "The cat.", many_words};
    const std::string why = "a line of more than 65,536 words, longer than mine takes";
    MineOptions options;
    options.english_name = "summaries.txt";
    try {
        (void)mine(scorer, danish_lines, english_lines, options);
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.file() == "summaries.txt");
        CHECK(std::string(error.what()) == "summaries.txt: line 3: " + why);
    }
    try {
        (void)mine(scorer, danish_lines, english_lines, MineOptions{});
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(error.file().empty());
        CHECK(std::string(error.what()) == "English line 3: " + why);
    }
    // One word fewer than 65,537 is kept: the limit is the line's 65,537th word, not before.
    std::string longest;
    for (std::size_t i = 0; i < 65536; ++i) longest += i > 0 ? " cell" : "cell";
    const std::vector<std::string> fitting = {"The dog sleeps.", longest};
    const auto pairs = mine(scorer, danish_lines, fitting, options);
    CHECK(pairs.size() == 2);
}

// The English texts are prepared and kept a chunk at a time: a line past the first chunk
// is still named by its number in the whole file.
TEST_CASE("mine names the English line it cannot keep past the first chunk of texts") {
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    std::string many_words;
    for (std::size_t i = 0; i < 66000; ++i) many_words += i > 0 ? " cell" : "cell";
    std::vector<std::string> english_lines;
    for (std::size_t i = 0; i < 5000; ++i) english_lines.push_back("The dog sleeps " + std::to_string(i) + ".");
    english_lines.push_back(many_words);
    const std::vector<std::string> danish_lines = {"Hunden sover 7."};
    try {
        (void)mine(scorer, danish_lines, english_lines, MineOptions{});
        FAIL("no error");
    } catch (const Error& error) {
        CHECK(std::string(error.what()) == "English line 5001: a line of more than 65,536 words, longer than mine takes");
    }
    english_lines.pop_back();
    const auto pairs = mine(scorer, danish_lines, english_lines, MineOptions{});
    REQUIRE(pairs.size() == 1);
    CHECK(pairs[0].en_index == 7);
}

TEST_CASE("summalign mine: a line of too many words is an error naming the file and line") {
    if (!std::filesystem::exists(SUMMALIGN_CLI_PATH)) {
        WARN("skipped: the summalign CLI is not built");
        return;
    }
    const TempDir dir;
    std::string many_words;
    for (std::size_t i = 0; i < 66000; ++i) many_words += i > 0 ? " cell" : "cell";
    const auto da = dir.write("da.txt", "Hunden sover.\n");
    const auto en = dir.write("en.txt", "The dog sleeps.\n" + many_words + "\n");
    const auto run = run_cli("mine \"" + da.string() + "\" \"" + en.string() + "\"", dir.path());
    CHECK(run.exit_code == 1);
    CHECK(run.out.empty());
    CHECK(run.err == "summalign: " + en.string() +
                         ": line 2: a line of more than 65,536 words, longer than mine takes\n");
}

// MineOptions::full_scores scores only the candidates with the best estimate from the votes.
// The estimate must put a line's translation among the first few when it is plain, and a
// pruned search's scores are still full scores.
TEST_CASE("mine scoring only the best-estimated candidates in full") {
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    MineOptions pruned;
    pruned.full_scores = 2;
    const auto pairs = mine(scorer, danish, english, pruned);
    REQUIRE(pairs.size() == danish.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        INFO("Danish line " << i);
        CHECK(pairs[i].en_index == expected[i]);
    }
    // As many full scores as candidates, or 0, is the full search.
    auto [tatoeba_danish, tatoeba_english] = tatoeba_dev();
    MineOptions all, as_many;
    as_many.full_scores = all.candidates;
    const auto full = mine(scorer, tatoeba_danish, tatoeba_english, all);
    const auto same = mine(scorer, tatoeba_danish, tatoeba_english, as_many);
    MineOptions few;
    few.full_scores = 8;
    const auto fewer = mine(scorer, tatoeba_danish, tatoeba_english, few);
    REQUIRE(full.size() == same.size());
    REQUIRE(full.size() == fewer.size());
    std::size_t same_pick = 0;
    for (std::size_t i = 0; i < full.size(); ++i) {
        CHECK(same[i].en_index == full[i].en_index);
        CHECK(same[i].score == full[i].score);
        if (fewer[i].en_index == full[i].en_index) {
            ++same_pick;
            CHECK(fewer[i].score == full[i].score);  // the same pair's full score
        }
    }
    CHECK(same_pick > full.size() * 9 / 10);
    // Pruned, the output still does not depend on the thread count.
    few.threads = 2;
    const auto fewer_two = mine(scorer, tatoeba_danish, tatoeba_english, few);
    for (std::size_t i = 0; i < fewer.size(); ++i) CHECK(fewer_two[i].en_index == fewer[i].en_index);
}

// With only a few candidates scored in full, the others' estimates still count towards the
// margin's typical scores: 40 near-copies of each sentence (a copy number appended) make
// every English line a candidate of many Danish lines, and if only the full scores counted,
// each English line's typical score would be the mean of fewer scores than the full search
// sees, and the picks would drift from it (1.7% of them without the estimates).
TEST_CASE("mine scoring 8 candidates in full picks as the full search does on near-copies") {
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    auto [tatoeba_danish, tatoeba_english] = tatoeba_dev();
    REQUIRE(tatoeba_danish.size() >= 100);
    std::vector<std::string> copies_danish, copies_english;
    for (int copy = 0; copy < 40; ++copy) {
        for (std::size_t i = 0; i < 100; ++i) {
            copies_danish.push_back(tatoeba_danish[i] + " " + std::to_string(copy));
            copies_english.push_back(tatoeba_english[i] + " " + std::to_string(copy));
        }
    }
    MineOptions pruned;
    pruned.full_scores = 8;
    pruned.threads = 2;
    const auto full = mine(scorer, copies_danish, copies_english, MineOptions{});
    const auto few = mine(scorer, copies_danish, copies_english, pruned);
    REQUIRE(full.size() == few.size());
    std::size_t same_pick = 0;
    for (std::size_t i = 0; i < full.size(); ++i) same_pick += few[i].en_index == full[i].en_index;
    INFO(same_pick << " of " << full.size() << " picks as in the full search");
    CHECK(same_pick * 100 >= full.size() * 99);
}

// Below the vote budget nothing is skipped: a budget larger than any line's postings gives
// the same picks, and with none at all (only keys of at most 64 lines are visited, so the
// function words of 160 lines are not) the rare words still find each translation.
TEST_CASE("mine's vote budget skips only common keys") {
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    std::vector<std::string> many_danish, many_english;
    for (int copy = 0; copy < 20; ++copy) {
        for (const auto& line : danish) many_danish.push_back(line + " " + std::to_string(copy));
        for (const auto& line : english) many_english.push_back(line + " " + std::to_string(copy));
    }
    MineOptions unbounded, none;
    unbounded.vote_budget = std::numeric_limits<std::size_t>::max();
    none.vote_budget = 0;
    const auto base = mine(scorer, many_danish, many_english, MineOptions{});
    const auto wide = mine(scorer, many_danish, many_english, unbounded);
    const auto narrow = mine(scorer, many_danish, many_english, none);
    for (std::size_t i = 0; i < base.size(); ++i) {
        INFO("Danish line " << i);
        CHECK(wide[i].en_index == base[i].en_index);
        CHECK(narrow[i].en_index % danish.size() == expected[i % danish.size()]);
    }
}

// detail::VoteTally stops voting for every line of the remaining posting lists once no
// other line can reach the best `wanted`; that must not change which lines it returns nor
// their votes. Checked against counting every line by brute force, on random lists with
// weights that tie often (sums of powers of two are exact) and with weights that do not,
// reusing one tally so that what a call leaves behind is checked too. Equal votes are
// ordered by tie_rank, the same in both.
TEST_CASE("mine's VoteTally returns the lines that counting every line finds") {
    constexpr std::uint32_t lines = 3000;
    std::mt19937 random(19);
    auto below = [&](std::uint32_t n) { return static_cast<std::uint32_t>(random() % n); };
    detail::VoteTally tally(lines);
    std::size_t stopped_early = 0;
    for (int round = 0; round < 90; ++round) {
        const bool ties = round % 2 == 0;
        // Most rounds give the long lists as bits too; the last ones have words of negative
        // weight (no bound then, and votes below zero to order).
        const bool bits = round % 3 != 0;
        const bool negative = round >= 60 && !ties;
        const std::uint32_t words = 1 + below(14);
        std::vector<std::vector<std::uint32_t>> storage;
        std::vector<std::vector<std::uint64_t>> bit_storage;
        std::vector<detail::VoteList> lists;
        std::vector<float> weight(words + 1);
        for (std::uint32_t word = 1; word <= words; ++word) {
            weight[word] = ties       ? std::array{0.25f, 0.5f, 1.0f, 2.0f}[below(4)]
                           : negative ? std::uniform_real_distribution<float>(-1.0f, 1.5f)(random)
                                      : std::uniform_real_distribution<float>(0.05f, 1.5f)(random);
            const std::uint32_t keys = 1 + below(4);
            for (std::uint32_t key = 0; key < keys; ++key) {
                // Mostly short lists, some covering a third of the lines (function words).
                const std::uint32_t size = below(5) == 0 ? 200 + below(1000) : 1 + below(60);
                std::vector<std::uint32_t> list;
                for (std::uint32_t k = 0; k < size; ++k) list.push_back(below(lines));
                std::sort(list.begin(), list.end());
                list.erase(std::unique(list.begin(), list.end()), list.end());
                storage.push_back(std::move(list));
            }
            for (std::size_t k = storage.size() - keys; k < storage.size(); ++k) {
                lists.push_back({storage[k], word, weight[word]});
                if (bits && storage[k].size() * 64 > lines) {
                    bit_storage.push_back(detail::line_bits(storage[k], lines));
                    lists.back().bits = bit_storage.back();
                }
            }
        }
        // Brute force: each line's votes, added heaviest word first (then by number), once per word.
        std::vector<std::uint32_t> order(words);
        for (std::uint32_t w = 0; w < words; ++w) order[w] = w + 1;
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return weight[a] > weight[b] || (weight[a] == weight[b] && a < b);
        });
        std::vector<float> votes(lines, 0.0f);
        std::vector<bool> met(lines, false);
        for (const auto word : order) {
            std::vector<bool> has(lines, false);
            for (const auto& list : lists)
                if (list.word == word)
                    for (const auto e : list.lines) has[e] = true;
            for (std::uint32_t e = 0; e < lines; ++e)
                if (has[e]) {
                    votes[e] += weight[word];
                    met[e] = true;
                }
        }
        std::vector<detail::VotedLine> expected;
        for (std::uint32_t e = 0; e < lines; ++e)
            if (met[e]) expected.push_back({e, votes[e]});
        const auto tie = static_cast<std::uint32_t>(round);
        std::sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
            if (a.votes != b.votes) return a.votes > b.votes;
            const auto ra = detail::tie_rank(a.line, tie), rb = detail::tie_rank(b.line, tie);
            return ra < rb || (ra == rb && a.line < b.line);
        });
        const std::size_t wanted = std::array<std::size_t, 5>{1, 5, 40, 40, 5000}[round % 5];
        if (expected.size() > wanted) expected.resize(wanted);
        auto by_line = [](std::vector<detail::VotedLine> found) {
            std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
            return found;
        };
        expected = by_line(expected);
        const auto bounded = by_line(tally.best(lists, wanted, tie));
        const auto all = by_line(tally.best(lists, wanted, tie, true, false));
        const auto lines_only = by_line(tally.best(lists, wanted, tie, false));
        INFO("round " << round << ", " << words << " words, " << wanted << " wanted");
        REQUIRE(bounded.size() == expected.size());
        REQUIRE(all.size() == expected.size());
        REQUIRE(lines_only.size() == expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            CHECK(bounded[k].line == expected[k].line);
            CHECK(bounded[k].votes == expected[k].votes);
            CHECK(all[k].line == expected[k].line);
            CHECK(all[k].votes == expected[k].votes);
            CHECK(lines_only[k].line == expected[k].line);
            stopped_early += lines_only[k].votes != expected[k].votes;
        }
    }
    // The lists are long enough that the count stops early in some rounds (else the bound went untested).
    CHECK(stopped_early > 0);
}

TEST_CASE("mine handles empty inputs") {
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    CHECK(mine(scorer, std::vector<std::string>{}, english, 1u).empty());
    const auto no_english = mine(scorer, danish, std::vector<std::string>{}, 1u);
    REQUIRE(no_english.size() == danish.size());
    CHECK(no_english[0].en_index == std::numeric_limits<std::size_t>::max());
    // A line that shares nothing with any English line still gets an answer.
    const auto unrelated = mine(scorer, std::vector<std::string>{"xyzzy"}, english, 1u);
    REQUIRE(unrelated.size() == 1);
    CHECK(unrelated[0].en_index < english.size());
}

TEST_CASE("summalign mine prints DA_INDEX<TAB>BEST_EN_INDEX<TAB>SCORE per Danish line") {
    if (!std::filesystem::exists(SUMMALIGN_CLI_PATH)) {
        WARN("skipped: the summalign CLI is not built");
        return;
    }
    const Lexicon lexicon;
    if (!glossary_available(lexicon)) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const TempDir dir;
    const auto da = dir.write("da.txt", join_lines(danish));
    const auto en = dir.write("en.txt", join_lines(english));
    const auto run = run_cli("mine \"" + da.string() + "\" \"" + en.string() + "\"", dir.path());
    REQUIRE(run.exit_code == 0);
    std::istringstream lines(run.out);
    std::size_t row = 0;
    for (std::string line; std::getline(lines, line); ++row) {
        std::size_t da_index = 0;
        std::size_t en_index = 0;
        double score = -1.0;
        char tab1 = 0;
        char tab2 = 0;
        std::istringstream fields(line);
        fields >> da_index;
        fields.get(tab1);
        fields >> en_index;
        fields.get(tab2);
        fields >> score;
        INFO(line);
        CHECK(tab1 == '\t');
        CHECK(tab2 == '\t');
        CHECK(da_index == row);
        REQUIRE(row < expected.size());
        CHECK(en_index == expected[row]);
        CHECK(score > 0.0);
        CHECK(score <= 1.0);
    }
    CHECK(row == danish.size());
}

TEST_CASE("summalign mine rejects unusable input with a one-line message") {
    if (!std::filesystem::exists(SUMMALIGN_CLI_PATH)) {
        WARN("skipped: the summalign CLI is not built");
        return;
    }
    const TempDir dir;
    const auto en = dir.write("en.txt", "The dog sleeps.\n");
    const auto bad = dir.write("bad.txt", std::string("Hunden \xff sover.\n"));
    for (const std::string& da : {bad.string(), (dir.path() / "missing.txt").string(), dir.path().string()}) {
        INFO(da);
        const auto run = run_cli("mine \"" + da + "\" \"" + en.string() + "\"", dir.path());
        CHECK(run.exit_code != 0);
        CHECK(run.out.empty());
        CHECK(!run.err.empty());
        CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    }
}

TEST_CASE("mine on the Tatoeba development pairs: precision@1 of at least 0.90", "[mine][tatoeba]") {
    // 500 Danish-English pairs (tests/data/tatoeba); each Danish line's own English line is
    // the right answer among all 500.
    std::ifstream in(std::filesystem::path(SUMMALIGN_TEST_DATA_DIR) / "tatoeba" / "tatoeba-dan-eng.dev.tsv");
    REQUIRE(in);
    std::vector<std::string> tatoeba_danish, tatoeba_english;
    for (std::string line; std::getline(in, line);) {
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        tatoeba_danish.push_back(line.substr(0, tab));
        tatoeba_english.push_back(line.substr(tab + 1));
    }
    REQUIRE(tatoeba_danish.size() == 500);
    const Lexicon lexicon;
    const SentenceScorer scorer(lexicon);
    const auto pairs = mine(scorer, tatoeba_danish, tatoeba_english, MineOptions{});
    REQUIRE(pairs.size() == tatoeba_danish.size());
    std::size_t correct = 0;
    for (const auto& pair : pairs) correct += pair.da_index == pair.en_index;
    const double precision = static_cast<double>(correct) / static_cast<double>(pairs.size());
    INFO("precision@1 " << precision);
    CHECK(precision >= 0.90);
}
