// The dictionary resource layer: one Hunspell wrapper (lib/detail/hunspell_dictionary.hpp),
// its folders an option (LexiconOptions::hunspell_dirs), and what happens when a dictionary
// or the spelling index is missing or does not match.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>
#include <string>
#include <thread>
#include <atomic>
#include <vector>

#include "detail/check_spelling.hpp"
#include "detail/hunspell_dictionary.hpp"
#include "detail/spelling_index.hpp"
#include "summalign/check.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"
#include "summalign/journal.hpp"
#include "detail/layout_repair.hpp"
#include "summalign/layout.hpp"
#include "summalign/lexicon.hpp"

using namespace summalign;
namespace fs = std::filesystem;

namespace {

// An empty folder of its own under the system's temporary folder, removed at the end.
struct EmptyFolder {
    fs::path path;
    explicit EmptyFolder(const std::string& name) : path(fs::temp_directory_path() / ("summalign-" + name + "-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~EmptyFolder() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string error_of(auto&& make) {
    try {
        make();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("a Checker whose Hunspell folders lack a dictionary fails naming the file and the folders", "[dictionaries]") {
    const EmptyFolder empty("no-dictionaries");
    LexiconOptions options;
    options.use_learned = false;
    options.use_freedict = false;
    options.use_glossary = false;
    options.hunspell_dirs = {empty.path};
    const Lexicon lexicon(options);
    const std::string message = error_of([&] { const Checker checker(lexicon); });
    REQUIRE_FALSE(message.empty());
    CHECK(message.find(".dic") != std::string::npos);
    CHECK(message.find(empty.path.string()) != std::string::npos);
    CHECK(message.find("hunspell_dirs") != std::string::npos);
}

TEST_CASE("the Hunspell folders are searched first to last", "[dictionaries]") {
    const EmptyFolder empty("no-dictionaries-first");
    const auto found = detail::find_hunspell_dictionary({empty.path, "/usr/share/hunspell"}, "da_DK");
    REQUIRE(found.has_value());
    CHECK(*found == fs::path("/usr/share/hunspell/da_DK.dic"));
    CHECK_FALSE(detail::find_hunspell_dictionary({empty.path}, "da_DK").has_value());
    // A Checker built from a Lexicon naming an empty folder first still finds them.
    LexiconOptions options;
    options.hunspell_dirs = {empty.path, "/usr/share/hunspell"};
    const Lexicon lexicon(options);
    CHECK(lexicon.hunspell_dirs() == options.hunspell_dirs);
    CHECK(error_of([&] { const Checker checker(lexicon); }).empty());
}

TEST_CASE("a spelling index built from other dictionaries is refused, naming the file", "[dictionaries][index]") {
    const EmptyFolder folder("stale-index");
    const fs::path file = folder.path / "spelling-index.bin";
    const std::uint64_t other_dictionaries = detail::dictionary_fingerprint(detail::default_hunspell_dirs()) + 1;
    detail::write_spelling_index(file, {"ord"}, {"word"}, other_dictionaries);
    detail::SpellerOptions options;
    options.index_file = file;
    const std::string message = error_of([&] { const detail::Speller speller(options); });
    CHECK(message.find(file.string()) != std::string::npos);
    CHECK(message.find("other Hunspell dictionaries") != std::string::npos);
    // A missing index file is refused too, not passed over.
    options.index_file = folder.path / "no-such-index.bin";
    CHECK(error_of([&] { const detail::Speller speller(options); }).find("no-such-index.bin") != std::string::npos);
}

TEST_CASE("the dehyphenator takes its dictionaries from the folders it is given", "[dictionaries]") {
    const EmptyFolder empty("no-dictionaries-layout");
    const detail::Dehyphenator without(std::vector<fs::path>{empty.path});
    CHECK_FALSE(without.has_dictionaries());
    CHECK_FALSE(without.is_dictionary_word("transplantation"));
    const detail::Dehyphenator with;
    REQUIRE(with.has_dictionaries());
    CHECK(with.is_dictionary_word("transplantation"));
}

TEST_CASE("one Hunspell dictionary answers threads as it answers one", "[dictionaries][threads]") {
    const std::string extra = "stamcellebehandlingen\n";
    std::vector<std::string> words;
    for (const char* stem : {"stamcelle", "behandling", "stamcellebehandlingen", "panel", "paneet", "transplantationsbehandling",
                             "xyzzy", "knoglemarv", "celle", "marv"})
        for (const char* ending : {"", "e", "r", "s", "en", "ne", "erne", "et"}) words.push_back(std::string(stem) + ending);
    using Verdict = detail::HunspellDictionary::Verdict;
    std::vector<Verdict> alone;
    {
        const detail::HunspellDictionary fresh(detail::default_hunspell_dirs(), "da_DK", 1, extra);
        for (const auto& w : words) alone.push_back(fresh.verdict(w));
    }
    CHECK(alone[0] != Verdict::unknown);             // stamcelle
    CHECK(alone[16] == Verdict::lexical);            // stamcellebehandlingen, the extra word
    CHECK(alone[48] == Verdict::unknown);            // xyzzy
    // Two copies for four threads: some threads wait for a copy, all must get the same answers.
    const detail::HunspellDictionary shared(detail::default_hunspell_dirs(), "da_DK", 2, extra);
    std::vector<std::vector<Verdict>> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < seen.size(); ++t)
        threads.emplace_back([&, t] {
            for (std::size_t k = 0; k < words.size(); ++k) seen[t].push_back(shared.verdict(words[(k + 17 * t) % words.size()]));
        });
    for (auto& t : threads) t.join();
    for (std::size_t t = 0; t < seen.size(); ++t)
        for (std::size_t k = 0; k < words.size(); ++k) CHECK(seen[t][k] == alone[(k + 17 * t) % words.size()]);
}

namespace {

// Words to ask a dictionary about: those of the seed article and the Tatoeba dev pairs
// (letters, digits and hyphens), and for every extra word its cased, dotted, inflected,
// hyphened and compounded shapes.
// The first `real` words are the texts'.
std::vector<std::string> words_to_ask(const std::string& extra_words, std::size_t& real) {
    std::vector<std::string> words;
    for (const fs::path& file : {fs::path(SUMMALIGN_TEST_SOURCE_DIR) / "corpus" / "ugeskr-2003-165-stamceller.txt",
                                fs::path(SUMMALIGN_TEST_DATA_DIR) / "tatoeba" / "tatoeba-dan-eng.dev.tsv"}) {
        std::ifstream in(file);
        REQUIRE(in);
        std::string word;
        for (char c; in.get(c);) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80 || std::isalnum(u) || c == '-') {
                word += c;
            } else {
                if (!word.empty()) words.push_back(word);
                word.clear();
            }
        }
    }
    real = words.size();
    std::istringstream lines(extra_words);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line.substr(0, line.find('#')));
        std::string w;
        if (!(fields >> w)) continue;
        std::string upper = w, capital = w;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
        for (const std::string& shape : {w, capital, upper}) {
            for (const char* ending : {"", ".", "s", "n", "en", "ens", "ns", "e", "er", "erne", "'s"}) words.push_back(shape + ending);
            for (const char* other : {"behandling", "derived", "cell", "celle", "xyzzy"}) {
                words.push_back(shape + "-" + other);
                words.push_back(std::string(other) + "-" + shape);
                words.push_back(std::string(other) + "-" + shape + "-" + other);
            }
            words.push_back("-" + shape);
            words.push_back(shape + "-");
            words.push_back(shape + "-" + shape);
        }
        words.push_back(w.substr(0, w.size() - 1));  // one letter short
    }
    return words;
}

}  // namespace

TEST_CASE("the medical-word layer answers as the dictionary with the words added", "[dictionaries][extended]") {
    detail::DictionaryShelf shelf(detail::default_hunspell_dirs());
    for (const auto& [name, list] : {std::pair{"en_US", "medical-words-en.txt"}, std::pair{"en_GB", "medical-words-en.txt"},
                                     std::pair{"da_DK", "medical-words-da.txt"}}) {
        const std::string extra = read_data_file(list);
        const detail::HunspellDictionary whole(detail::default_hunspell_dirs(), name, 1, extra);
        const detail::ExtendedDictionary layered(shelf.require(name), extra);
        const detail::HunspellDictionary plain(detail::default_hunspell_dirs(), name);
        std::size_t asked = 0, added = 0, compounding = 0;
        using Verdict = detail::HunspellDictionary::Verdict;
        std::size_t real = 0;
        const auto words = words_to_ask(extra, real);
        for (std::size_t k = 0; k < words.size(); ++k) {
            const std::string& word = words[k];
            INFO(name << ": " << word);
            ++asked;
            const bool known = whole.spell(word);
            added += known && !plain.spell(word);
            if (layered.spell(word) != known) {
                // What the layer cannot give: Hunspell's compounding of an added word with a
                // dictionary word (myogenese + ens), and its CHECKCOMPOUNDREP refusing a
                // compound of dictionary words that one of its REP replacements turns into an
                // added word (alloge: allogen).
                const bool added_compound = known && whole.verdict(word) == Verdict::compound;
                const bool refused_compound = !known && plain.verdict(word) == Verdict::compound;
                CHECK((added_compound || refused_compound));
                CHECK(k >= real);  // only among the shapes made up above
                ++compounding;
            }
            CHECK(layered.is_base_form(word) == whole.is_base_form(word));
        }
        CHECK(added > 100);  // the words asked about do exercise the added words
        CHECK(compounding * 20 < added);
        // The shared dictionary itself is unchanged by the layer.
        CHECK_FALSE(shelf.require(name)->spell(std::string(name) == "da_DK" ? "myogenese" : "cardiomyocytes"));
        CHECK(asked > 1000);
    }
}

TEST_CASE("the medical-word layer needs no writable temporary folder", "[dictionaries][extended]") {
    // The layer's small .dic lives in memory; a TMPDIR that does not exist changes nothing.
    struct TemporaryFolder {
        std::string before;
        bool had = false;
        explicit TemporaryFolder(const char* folder) {
            if (const char* set = std::getenv("TMPDIR")) before = set, had = true;
            ::setenv("TMPDIR", folder, 1);
        }
        ~TemporaryFolder() { had ? ::setenv("TMPDIR", before.c_str(), 1) : ::unsetenv("TMPDIR"); }
    } missing_folder("/nonexistent-summalign-tmp");
    detail::DictionaryShelf shelf(detail::default_hunspell_dirs());
    const std::string extra = read_data_file("medical-words-da.txt");
    const detail::ExtendedDictionary layered(shelf.require("da_DK"), extra);
    const detail::HunspellDictionary whole(detail::default_hunspell_dirs(), "da_DK", 1, extra);
    CHECK(layered.spell("myogenese"));
    CHECK_FALSE(shelf.require("da_DK")->spell("myogenese"));
    std::istringstream lines(extra);
    std::size_t modelled = 0;
    for (std::string line; std::getline(lines, line);) {
        const auto space = line.find(' ');
        if (line.empty() || line[0] == '#' || space == std::string::npos) continue;
        const std::string word = line.substr(0, space);
        INFO(word);
        CHECK(layered.spell(word));
        // The model's affixes, read from the in-memory .dic, give the inflected forms too.
        for (const std::string& form : {word + "n", word + "r", word + "ns"}) CHECK(layered.spell(form) == whole.spell(form));
        ++modelled;
    }
    CHECK(modelled >= 5);
}

TEST_CASE("the medical-word layer asks its own Hunspell only about words that hold an added root", "[dictionaries][extended]") {
    // The layer skips its small Hunspell for a word that holds no added root but the letters
    // the .aff's affixes may strip from it. A suffix that strips a root's last letters
    // (kagemand -> kagemænd, and a second suffix on that: kagemændene) still reaches the
    // small Hunspell, and the answers are those of the dictionary with the words added.
    const EmptyFolder folder("stripping-affixes");
    std::ofstream(folder.path / "tiny.aff") << "SET UTF-8\n"
                                               "SFX A Y 1\n"
                                               "SFX A and ænd/B and\n"
                                               "SFX B Y 1\n"
                                               "SFX B 0 ene .\n";
    std::ofstream(folder.path / "tiny.dic") << "2\nhus\nmand/A\n";
    detail::DictionaryShelf shelf({folder.path});
    const std::string extra = "kagemand mand\nbrik\n";
    const detail::ExtendedDictionary layered(shelf.require("tiny"), extra);
    const detail::HunspellDictionary whole(std::vector<fs::path>{folder.path}, "tiny", 1, extra);
    for (const std::string word : {"kagemand", "kagemænd", "Kagemænd", "KAGEMÆND", "kagemændene", "mænd", "hus", "brik", "Brik", "BRIK",
                                   "briks", "kage", "xyz", "brikhus", "hus-brik", "brik-hus", "12", "..."}) {
        INFO(word);
        CHECK(layered.spell(word) == whole.spell(word));
        CHECK(layered.is_base_form(word) == whole.is_base_form(word));
    }
    CHECK(layered.spell("kagemænd"));
    CHECK(layered.spell("kagemændene"));
    CHECK(layered.spell("Brik"));
    CHECK_FALSE(layered.spell("xyz"));
    CHECK_FALSE(shelf.require("tiny")->spell("kagemænd"));
}

TEST_CASE("a shelf loads each dictionary once and copies it, up to the cap, while it is in use", "[dictionaries][shelf]") {
    const EmptyFolder folder("tiny-dictionary");
    std::ofstream(folder.path / "tiny.aff") << "SET UTF-8\n";
    std::ofstream(folder.path / "tiny.dic") << "2\nhus\nhave\n";
    detail::DictionaryShelf shelf({folder.path});
    const auto first = shelf.require("tiny");
    CHECK(first->copies() == 1);
    CHECK(shelf.require("tiny", 3) == first);
    CHECK(first->copies() == 3);
    // Threads ask while copies are added under them.
    std::vector<std::thread> readers;
    std::atomic<int> wrong{0};
    for (int t = 0; t < 4; ++t)
        readers.emplace_back([&, t] {
            for (int k = 0; k < 2000; ++k) {
                const std::string word = (k + t) % 3 == 0 ? "hus" : (k + t) % 3 == 1 ? "Have" : "hund" + std::to_string(k);
                if (first->spell(word) != ((k + t) % 3 != 2)) ++wrong;
            }
        });
    shelf.provide_copies(1000);
    for (auto& r : readers) r.join();
    CHECK(wrong == 0);
    CHECK(first->copies() == detail::HunspellDictionary::max_copies);
    CHECK(shelf.find("absent") == nullptr);
    const std::string message = error_of([&] { shelf.require("absent"); });
    CHECK(message.find("absent.dic") != std::string::npos);
    CHECK(message.find(folder.path.string()) != std::string::npos);
}

TEST_CASE("a Parser takes its dictionaries from the folders it is given", "[dictionaries][parser]") {
    const auto sentences = [&](const Parser& parser, const std::string& text) {
        const Document document = parser.parse(SourceText{"hyphen.txt", text});
        std::string all;
        for (const Article& article : document.articles)
            for (const Section& section : article.sections)
                for (const Sentence& sentence : section.sentences) all += sentence.text + "|";
        return all;
    };
    const EmptyFolder empty("no-dictionaries-parser");
    LexiconOptions without;
    without.hunspell_dirs = {empty.path};
    LexiconOptions with;
    with.hunspell_dirs = {empty.path, "/usr/share/hunspell"};
    // "long-|term": English writes open compounds with a hyphen, and only en_US can say that
    // both halves are English words; without it the line-break hyphen goes.
    const std::string text = "The patients had long-\nterm follow-up after the treatment.\n";
    CHECK(sentences(Parser(with), text).find("long-term follow-up") != std::string::npos);
    CHECK(sentences(Parser(with), text) == sentences(Parser(), text));
    CHECK(sentences(Parser(without), text).find("longterm follow-up") != std::string::npos);
}
