// The sentence similarity model: each word-matching path (dictionary, stem, compound,
// cognate, number, abbreviation, citation, name), the score's behaviour, and the evidence.
#include <catch2/catch.hpp>
#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "detail/lexicon_binary.hpp"
#include "detail/lexicon_tables.hpp"
#include "detail/similarity_links.hpp"
#include "detail/similarity_memo.hpp"
#include "detail/similarity_words.hpp"
#include "summalign/lexicon.hpp"
#include "summalign/similarity.hpp"
#include "test_util.hpp"

using namespace summalign;
namespace words = summalign::detail;

namespace {

// A lexicon with only the entries a test writes, so that each path is tested in isolation.
struct SmallLexicon {
    std::filesystem::path file;
    Lexicon lexicon;

    static Lexicon make(const std::filesystem::path& path, const std::string& entries) {
        std::ofstream(path) << entries;
        LexiconOptions options;
        options.use_freedict = false;
        options.use_glossary = false;
        options.use_learned = false;
        options.user_dictionaries = {path};
        return Lexicon(options);
    }
    SmallLexicon(const std::string& name, const std::string& entries)
        : file(std::filesystem::temp_directory_path() / ("summalign-test-similarity-" + name + ".tsv")),
          lexicon(make(file, entries)) {}
    ~SmallLexicon() {
        std::error_code ec;
        std::filesystem::remove(file, ec);
    }
};

Lexicon empty_lexicon() {
    LexiconOptions options;
    options.use_freedict = false;
    options.use_glossary = false;
    options.use_learned = false;
    return Lexicon(options);
}

// The evidence entry linking `da` and `en`, or nullptr.
const WordMatch* find_match(const Similarity& similarity, const std::string& da, const std::string& en) {
    auto it = std::find_if(similarity.matches.begin(), similarity.matches.end(),
                           [&](const WordMatch& m) { return m.da == da && m.en == en; });
    return it == similarity.matches.end() ? nullptr : &*it;
}

Similarity score_texts(const SentenceScorer& scorer, const std::string& da, const std::string& en) {
    return scorer.score(scorer.prepare(da, Lang::da), scorer.prepare(en, Lang::en), true);
}

}  // namespace

TEST_CASE("tokenize keeps words, numbers and citation marks and drops punctuation") {
    const auto tokens = words::tokenize("MSC-behandling (n = 12) gav 3,5% bedring [13].");
    std::vector<std::string> surfaces;
    for (const auto& t : tokens) surfaces.push_back(t.surface);
    CHECK(surfaces == std::vector<std::string>{"MSC", "behandling", "n", "12", "gav", "3,5%", "bedring", "[13]"});
    CHECK(tokens[3].is_number);
    CHECK(tokens[5].is_number);
    CHECK(tokens[7].is_citation);
    CHECK_FALSE(tokens[0].is_number);
}

TEST_CASE("tokenize classes ASCII characters as ICU does: letters and digits make tokens, the rest parts them") {
    for (UChar32 c = 1; c < 0x80; ++c) {
        const std::string alone(1, static_cast<char>(c));
        const bool word_char = u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK;
        INFO("character " << c);
        CHECK(words::tokenize(alone).size() == (word_char ? 1u : 0u));
        // Inside a word: a word character continues it, anything else (but an apostrophe
        // before a letter) ends it.
        const auto inside = words::tokenize("ab" + alone + "cd");
        if (word_char) CHECK(inside.size() == 1);
        else if (c != '\'') CHECK(inside.size() == 2);
        // After a number: a letter makes the number a word (CD34, 5q).
        const auto after_number = words::tokenize("5" + alone);
        if (u_isalpha(c)) CHECK((after_number.size() == 1 && !after_number[0].is_number));
        else if (u_isdigit(c)) CHECK((after_number.size() == 1 && after_number[0].is_number));
    }
}

TEST_CASE("English contractions expand to their words") {
    CHECK(words::expand_english_contraction("don't") == std::vector<std::string>{"do", "not"});
    CHECK(words::expand_english_contraction("can't") == std::vector<std::string>{"can", "not"});
    CHECK(words::expand_english_contraction("i'm") == std::vector<std::string>{"i", "am"});
    CHECK(words::expand_english_contraction("house").empty());
}

TEST_CASE("numbers written the Danish and the English way normalise alike") {
    CHECK(words::normalise_number("3,5") == words::normalise_number("3.5"));
    CHECK(words::normalise_number("1.000") == words::normalise_number("1,000"));
    CHECK(words::normalise_number("12") != words::normalise_number("21"));
}

TEST_CASE("Danish lemma candidates undo regular inflection") {
    auto has = [](const std::vector<std::string>& list, const std::string& word) {
        return std::find(list.begin(), list.end(), word) != list.end();
    };
    CHECK(has(words::danish_lemma_candidates("huset"), "hus"));
    CHECK(has(words::danish_lemma_candidates("spiste"), "spise"));
    CHECK(has(words::danish_lemma_candidates("hatten"), "hat"));
    CHECK(has(words::english_lemma_candidates("studies"), "study"));
    CHECK(has(words::english_lemma_candidates("stopped"), "stop"));
    CHECK(words::danish_lemma_candidates("hus").front() == "hus");
}

TEST_CASE("lemma candidates are offered one by one, most specific first, until one is known") {
    std::vector<std::string> offered;
    const bool found = words::find_danish_lemma_candidate("hatten", [&](std::string_view c) {
        offered.emplace_back(c);
        return c == "hat";
    });
    CHECK(found);
    // hatten, then -en off (hatt, hatte), then hatt undoubled: the search stops at "hat".
    CHECK(offered == std::vector<std::string>{"hatten", "hatt", "hatte", "hat"});
    offered.clear();
    CHECK_FALSE(words::find_english_lemma_candidate("studies", [&](std::string_view c) {
        offered.emplace_back(c);
        return false;
    }));
    CHECK(offered == std::vector<std::string>{"studies", "study", "studi", "studie", "studie"});
    // A one-letter word is no lookup form (as danish_lemma_candidates leaves it out).
    offered.clear();
    CHECK_FALSE(words::find_danish_lemma_candidate("i", [&](std::string_view c) { return offered.emplace_back(c), true; }));
    CHECK(offered.empty());
    CHECK(words::danish_lemma_candidates("i").empty());
}

TEST_CASE("compounds split into known parts with a linking s") {
    auto known = [](std::string_view w) { return w == "knoglemarv" || w == "punktur" || w == "knogle" || w == "marv"; };
    CHECK(words::split_compound("knoglemarvspunktur", known) == std::vector<std::string>{"knoglemarv", "punktur"});
    CHECK(words::split_compound("knoglemarv", known).empty() == false);  // knogle|marv
    CHECK(words::split_compound("ukendtord", known).empty());
}

TEST_CASE("cognate skeletons bring Danish and English spellings together") {
    CHECK(words::cognate_skeleton("kronisk", true) == words::cognate_skeleton("chronic", false));
    CHECK(words::cognate_skeleton("terapi", true) == words::cognate_skeleton("therapy", false));
    CHECK(words::cognate_skeleton("universitet", true) == words::cognate_skeleton("university", false));
    CHECK(words::cognate_skeleton("operere", true) == words::cognate_skeleton("operate", false));
    CHECK(words::edit_similarity_at_least("abcd", "abcd", 0.0) == 1.0);
    CHECK(words::edit_similarity_at_least("abcd", "wxyz", 0.0) == 0.0);
    CHECK(words::edit_similarity_at_least("abcd", "abce", 0.0) == 0.75);
}

namespace {

// The textbook definition, as the reference: the whole (n+1) x (m+1) table.
double reference_similarity(const std::string& a, const std::string& b) {
    if (a.empty() && b.empty()) return 1.0;
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return 1.0 - static_cast<double>(d[a.size()][b.size()]) / static_cast<double>(std::max(a.size(), b.size()));
}

}  // namespace

TEST_CASE("edit_similarity_at_least is the edit similarity where that reaches the floor, else 0") {
    // Every pair of these skeleton-like strings, at the scorer's threshold and others: the
    // early stop must never change a value that reaches the floor.
    const std::vector<std::string> words = {"",        "a",        "kronik",   "kronisk", "chronic", "terapi",
                                            "terapie", "therapy",  "operat",   "operere", "abcdefgh", "abcdefhg",
                                            "bcdefgh", "xbcdefgh", "universiti", "universitet", "stamcel", "stemcel"};
    for (const double floor : {0.0, 0.5, 0.72, 0.8, 1.0})
        for (const auto& a : words)
            for (const auto& b : words) {
                const double full = reference_similarity(a, b);
                const double bounded = words::edit_similarity_at_least(a, b, floor);
                INFO(a << " / " << b << " floor " << floor);
                if (full >= floor) CHECK(bounded == full);
                else CHECK(bounded == 0.0);
            }
}

TEST_CASE("dictionary path: a word and its translation link through the lexicon") {
    SmallLexicon small("dictionary", "hund\tdog\nsover\tsleeps\n");
    const SentenceScorer scorer(small.lexicon);
    const auto similarity = score_texts(scorer, "hund", "dog");
    const auto* match = find_match(similarity, "hund", "dog");
    REQUIRE(match);
    CHECK(match->kind == MatchKind::user);
    CHECK(similarity.score > 0.5);
    CHECK(score_texts(scorer, "hund", "cat").score == 0.0);
}

TEST_CASE("stem path: inflected forms on both sides reach the dictionary entry") {
    SmallLexicon small("stem", "hus\thouse\n");
    const SentenceScorer scorer(small.lexicon);
    const auto similarity = score_texts(scorer, "husene", "houses");
    const auto* match = find_match(similarity, "husene", "houses");
    REQUIRE(match);
    CHECK(match->kind == MatchKind::stem);
}

TEST_CASE("compound path: a Danish compound links to the translations of its parts") {
    SmallLexicon small("compound", "knoglemarv\tbone marrow\npunktur\tpuncture\n");
    const SentenceScorer scorer(small.lexicon);
    const auto similarity = score_texts(scorer, "knoglemarvspunktur", "bone marrow puncture");
    for (const char* en : {"bone", "marrow", "puncture"}) {
        const auto* match = find_match(similarity, "knoglemarvspunktur", en);
        REQUIRE(match);
        CHECK(match->kind == MatchKind::compound);
    }
    ScorerOptions no_compounds;
    no_compounds.use_compounds = false;
    const SentenceScorer plain(small.lexicon, no_compounds);
    CHECK(score_texts(plain, "knoglemarvspunktur", "bone marrow puncture").score < similarity.score);
}

TEST_CASE("cognate path: spelling correspondences link words the lexicon lacks") {
    const auto lexicon = empty_lexicon();
    const SentenceScorer scorer(lexicon);
    for (auto [da, en] : {std::pair{"kronisk", "chronic"}, std::pair{"leukæmi", "leukaemia"},
                          std::pair{"transplantation", "transplantation"}, std::pair{"terapi", "therapy"}}) {
        const auto similarity = score_texts(scorer, da, en);
        const auto* match = find_match(similarity, da, en);
        INFO(da << " / " << en);
        REQUIRE(match);
        CHECK((match->kind == MatchKind::cognate || match->kind == MatchKind::identical));
    }
    CHECK(find_match(score_texts(scorer, "kronisk", "chronic"), "kronisk", "chronic")->kind == MatchKind::cognate);
    CHECK(score_texts(scorer, "behandling", "treatment").matches.empty());
}

TEST_CASE("anchor paths: numbers, abbreviations, citations and names need no lexicon") {
    const auto lexicon = empty_lexicon();
    const SentenceScorer scorer(lexicon);
    const auto similarity = score_texts(scorer, "Hansen fandt 3,5 mio. MSC [13]", "Hansen found 3.5 million MSC [13]");
    const auto* number = find_match(similarity, "3,5", "3.5");
    const auto* abbreviation = find_match(similarity, "MSC", "MSC");
    const auto* citation = find_match(similarity, "[13]", "[13]");
    const auto* name = find_match(similarity, "Hansen", "Hansen");
    REQUIRE(number);
    REQUIRE(abbreviation);
    REQUIRE(citation);
    REQUIRE(name);
    CHECK(number->kind == MatchKind::number);
    CHECK(abbreviation->kind == MatchKind::abbreviation);
    CHECK(citation->kind == MatchKind::citation);
    CHECK(name->kind == MatchKind::name);
    CHECK(find_match(score_texts(scorer, "12 patienter", "21 patients"), "12", "21") == nullptr);
    // Inflected abbreviations: English plural, Danish ending after an apostrophe.
    CHECK(find_match(score_texts(scorer, "MSC'erne", "MSCs"), "MSC'erne", "MSCs") != nullptr);
    CHECK(words::abbreviation_of("SCT'en") == "SCT");
    CHECK(words::abbreviation_of("Hansen").empty());
}

TEST_CASE("false friends are not linked by identical spelling") {
    const auto lexicon = empty_lexicon();
    const SentenceScorer scorer(lexicon);
    CHECK(find_match(score_texts(scorer, "gift", "gift"), "gift", "gift") == nullptr);
    CHECK(find_match(score_texts(scorer, "film", "film"), "film", "film") != nullptr);
}

TEST_CASE("scores: translations beat unrelated sentences, empty sides score 0, 2-1 beads work") {
    SmallLexicon small("scores",
                       "hunden\tthe dog\nhund\tdog\nsover\tsleeps\nkatten\tthe cat\nkat\tcat\nspiser\teats\n"
                       "fisk\tfish\nhaven\tgarden\ni\tin\n");
    const SentenceScorer scorer(small.lexicon);
    const auto da1 = scorer.prepare("Hunden sover i haven.", Lang::da);
    const auto da2 = scorer.prepare("Katten spiser fisk.", Lang::da);
    const auto en1 = scorer.prepare("The dog sleeps in the garden.", Lang::en);
    const auto en2 = scorer.prepare("The cat eats fish.", Lang::en);
    const auto both = scorer.prepare("The dog sleeps in the garden and the cat eats fish.", Lang::en);
    const auto empty = scorer.prepare("", Lang::en);

    const double right = scorer.score(da1, en1).score;
    const double wrong = scorer.score(da1, en2).score;
    CHECK(right > wrong);
    CHECK(right > 0.0);
    CHECK(right <= 1.0);
    CHECK(scorer.score(da1, empty).score == 0.0);

    const PreparedSentence* two_danish[] = {&da1, &da2};
    const PreparedSentence* one_english[] = {&both};
    const double two_to_one = scorer.score(two_danish, one_english).score;
    CHECK(two_to_one > scorer.score(da1, both).score);
    CHECK(two_to_one > scorer.score(da2, both).score);
}

TEST_CASE("matches are sorted by weight and sums to at most the coverage") {
    SmallLexicon small("evidence", "hund\tdog\nsover\tsleeps\n");
    const SentenceScorer scorer(small.lexicon);
    const auto similarity = score_texts(scorer, "hund sover", "dog sleeps");
    REQUIRE(similarity.matches.size() == 2);
    CHECK(similarity.matches[0].weight >= similarity.matches[1].weight);
    double total = 0.0;
    for (const auto& m : similarity.matches) total += m.weight;
    CHECK(total <= 1.0 + 1e-9);
    CHECK(scorer.score(scorer.prepare("hund sover", Lang::da), scorer.prepare("dog sleeps", Lang::en), false)
              .matches.empty());
}

TEST_CASE("the built-in glossary links medical terms") {
    Lexicon lexicon;  // FreeDict, glossary, learned table when present
    if (lexicon.da_to_en("knoglemarv").empty()) {
        WARN("skipped: the glossary data file was not found");
        return;
    }
    const SentenceScorer scorer(lexicon);
    const auto similarity = score_texts(scorer, "knoglemarv", "bone marrow");
    CHECK(find_match(similarity, "knoglemarv", "marrow") != nullptr);
    CHECK(score_texts(scorer, "Stamceller fra knoglemarven", "Stem cells from the bone marrow").score >
          score_texts(scorer, "Stamceller fra knoglemarven", "The weather was fine yesterday").score);
}

TEST_CASE("token_links finds key by key the links SentenceScorer::score finds pair by pair") {
    // Every kind of link: user lexicon (plain, through an English plural, through a Danish
    // compound's parts), anchors (name, number, abbreviation, citation) and cognates, with
    // words repeated on both sides and a Danish side of two sentences.
    SmallLexicon small("two-modes", "hus\thouse\nknoglemarv\tbone marrow\npunktur\tpuncture\nhund\tdog\nsyg\tsick\nmed\twith\n");
    const SentenceScorer scorer(small.lexicon);
    const auto da1 = scorer.prepare("Hansen fandt 3,5 mio. MSC [13] i huset med knoglemarvspunktur hos kronisk syge hunde.", Lang::da);
    const auto da2 = scorer.prepare("Kronisk terapi, kronisk terapi og huset igen hos Hansen.", Lang::da);
    const auto en = scorer.prepare("Hansen found 3.5 million MSC [13] in the houses with bone marrow puncture in "
                                   "chronic sick dogs; chronic therapy, chronic therapy and the house again.",
                                   Lang::en);
    const PreparedSentence* both[] = {&da1, &da2};
    const PreparedSentence* one[] = {&da1};
    const PreparedSentence* english[] = {&en};

    const auto similarity = scorer.score(both, english, true);
    const auto has_kind = [&](MatchKind kind) {
        return std::any_of(similarity.matches.begin(), similarity.matches.end(),
                           [&](const WordMatch& m) { return m.kind == kind; });
    };
    for (const MatchKind kind : {MatchKind::user, MatchKind::stem, MatchKind::compound, MatchKind::cognate,
                                 MatchKind::name, MatchKind::number, MatchKind::abbreviation, MatchKind::citation}) {
        INFO(to_string(kind));
        REQUIRE(has_kind(kind));
    }

    for (const auto danish : {std::span<const PreparedSentence* const>(both), std::span<const PreparedSentence* const>(one)}) {
        const auto key_by_key = detail::token_links(danish, en);
        const auto pair_by_pair = detail::token_links_pair_by_pair(danish, en);
        CHECK(key_by_key.da == pair_by_pair.da);
        CHECK(key_by_key.en == pair_by_pair.en);
        CHECK(key_by_key.score == pair_by_pair.score);
        CHECK(pair_by_pair.score == scorer.score(danish, english).score);
    }
}

TEST_CASE("pathological input stays cheap and scores in range") {
    const auto lexicon = empty_lexicon();
    const SentenceScorer scorer(lexicon);
    const std::string long_word(5000, 'a');
    const auto similarity = score_texts(scorer, long_word + " hus", long_word + " house");
    CHECK(similarity.score >= 0.0);
    CHECK(similarity.score <= 1.0);
    const auto odd = score_texts(scorer, "\xc3\xa6\xc3\xb8\xc3\xa5 ... --- [ ] [1", "!!! ??? [");
    CHECK(odd.score >= 0.0);
    CHECK(odd.score <= 1.0);
}

TEST_CASE("the word memo finds by the hash its shard was chosen by, and only equal keys") {
    detail::ShardedMemo<int> memo(1000);
    CHECK_FALSE(memo.contains("hus"));
    memo.store("hus", 1);
    memo.store("huse", 2);
    memo.store("hus", 3);  // a value stored stays
    CHECK(memo.contains("hus"));
    CHECK_FALSE(memo.contains("hu"));
    CHECK(memo.find("hus") == 1);
    CHECK(memo.find("huse") == 2);
    CHECK_FALSE(memo.find("husene").has_value());
    int seen = 0;
    CHECK(memo.visit(std::string("huse"), [&](int value) { seen = value; }));
    CHECK(seen == 2);
    int computed = 0;
    CHECK(memo.get("husene", [&] { return ++computed, 4; }) == 4);
    CHECK(memo.get("husene", [&] { return ++computed, 5; }) == 4);
    CHECK(computed == 1);
}

TEST_CASE("a learned entry from or to a function word links nothing") {
    // IBM-1 on help text pairs Danish prepositions with "the" (Danish has the article as a
    // suffix): such entries are not translations, in either direction.
    summalign::test::TempDir dir;
    detail::BilingualTables tables;
    tables.add_pair("på", "the", 0.45f, Translation::Source::learned);      // function -> function
    tables.add_pair("på", "click", 0.4f, Translation::Source::learned);    // function -> content
    tables.add_pair("fødselsdag", "its", 0.3f, Translation::Source::learned);  // content -> function
    tables.add_pair("hund", "dog", 0.45f, Translation::Source::learned);   // content -> content
    tables.finish();
    const auto file = dir.path() / "learned.bin";
    detail::write_lexicon_binary(file, {&tables}, {detail::source_bit(Translation::Source::learned), 0, 0});
    LexiconOptions options;
    options.use_freedict = false;
    options.use_glossary = false;
    options.learned_file = file;
    const Lexicon lexicon(options);
    REQUIRE(lexicon.da_to_en("på").size() == 2);  // the lexicon still has them; the scorer ignores them
    const SentenceScorer scorer(lexicon);

    const auto function_pair = score_texts(scorer, "på", "the");
    CHECK(find_match(function_pair, "på", "the") == nullptr);
    CHECK(function_pair.score == 0.0);
    CHECK(find_match(score_texts(scorer, "på", "click"), "på", "click") == nullptr);
    CHECK(find_match(score_texts(scorer, "fødselsdag", "its"), "fødselsdag", "its") == nullptr);
    // From the English side too: "the" and "its" are not looked up as learned entries.
    CHECK(find_match(score_texts(scorer, "hund fødselsdag", "its dog"), "fødselsdag", "its") == nullptr);

    const auto content_pair = score_texts(scorer, "hund", "dog");
    const auto* match = find_match(content_pair, "hund", "dog");
    REQUIRE(match != nullptr);
    CHECK(match->kind == MatchKind::learned);
    CHECK(content_pair.score > 0.0);
}
