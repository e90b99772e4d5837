// The dictionary resource layer: one Hunspell wrapper (lib/detail/hunspell_dictionary.hpp),
// its folders an option (LexiconOptions::hunspell_dirs), and what happens when a dictionary
// or the spelling index is missing or does not match.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "detail/check_spelling.hpp"
#include "detail/hunspell_dictionary.hpp"
#include "detail/spelling_index.hpp"
#include "summalign/check.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"
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
