// Stage 4: findings. The parts live in lib/detail/check_*: words and cognates
// (check_words), Hunspell (check_spelling), numbers and abbreviations (check_mentions).
#include "summalign/check.hpp"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "detail/check_mentions.hpp"
#include "detail/check_spelling.hpp"
#include "detail/check_words.hpp"
#include "detail/hunspell_dictionary.hpp"
#include "detail/messages_format.hpp"
#include "detail/similarity_memo.hpp"
#include "detail/spelling_index.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"

namespace summalign {

std::string_view to_string(Finding::Kind kind) noexcept {
    switch (kind) {
        case Finding::Kind::misspelling: return "misspelling";
        case Finding::Kind::number_mismatch: return "number_mismatch";
        case Finding::Kind::abbreviation_mismatch: return "abbreviation_mismatch";
        case Finding::Kind::unsupported_claim: return "unsupported_claim";
        case Finding::Kind::missing_summary: return "missing_summary";
        case Finding::Kind::missing_resume: return "missing_resume";
        case Finding::Kind::suspect_structure: return "suspect_structure";
    }
    return "misspelling";
}

namespace {

using detail::CheckWord;
using detail::Mention;

// The Checker's data files (the medical word lists, the candidate index built with the
// library): a missing one is an Error naming it and the folders looked in (find_data_file),
// since without it the findings would differ, not just come slower.
std::string required_data_file(const std::string& name) { return read_data_file(name); }
std::filesystem::path spelling_index() { return find_data_file(std::string(detail::spelling_index_file_name)); }

// Whether the code point that ends just before byte `at` (or starts at `at`) is a letter or digit.
bool word_char_before(std::string_view text, std::size_t at) {
    if (at == 0) return false;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(at);
    UChar32 c;
    U8_PREV(s, 0, i, c);
    return c >= 0 && u_isalnum(c);
}
bool word_char_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) return false;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    auto i = static_cast<int32_t>(at);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
    return c >= 0 && u_isalnum(c);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Matches `word` in `source` from `at`, stepping over what layout repairs removed inside
// a word: a line-break hyphen with its line end, a bare line end, a no-break space.
// Returns the end of the match or npos.
std::size_t match_repaired(std::string_view source, std::size_t at, std::size_t limit, std::string_view word) {
    std::size_t q = at;
    for (std::size_t i = 0; i < word.size();) {
        if (q >= limit) return std::string_view::npos;
        if (source[q] == word[i]) {
            ++q;
            ++i;
            continue;
        }
        if (i == 0) return std::string_view::npos;
        std::size_t skip = q;
        if (source[skip] == '-') ++skip;
        while (skip < limit && (source[skip] == ' ' || source[skip] == '\t')) ++skip;
        if (skip < limit && (source[skip] == '\n' || source[skip] == '\r')) {
            while (skip < limit && is_space(source[skip])) ++skip;
            q = skip;
            continue;
        }
        if (word[i] == ' ' && is_space(source[q])) {  // a line end that became a space
            while (q < limit && is_space(source[q])) ++q;
            ++i;
            continue;
        }
        return std::string_view::npos;
    }
    return q;
}

// Counts the whole-word occurrences of `word` in `text` that begin before byte `before`.
std::size_t occurrences_before(std::string_view text, std::string_view word, std::size_t before) {
    std::size_t count = 0;
    for (std::size_t at = text.find(word); at != std::string_view::npos && at < before; at = text.find(word, at + 1))
        if (!word_char_before(text, at) && !word_char_at(text, at + word.size())) ++count;
    return count;
}

// A sentence the checker looks at, with its words split once.
struct CheckedSentence {
    const Sentence* sentence = nullptr;
    Lang lang = Lang::en;
    std::vector<CheckWord> words;
};

// Whether words [i..] are inside something that is not prose: a URL or an e-mail address.
std::vector<bool> url_words(std::string_view text, const std::vector<CheckWord>& words) {
    return detail::words_in_tokens(text, words, [](std::string_view token) {
        return token.find("://") != std::string_view::npos || token.starts_with("www.") || token.find('@') != std::string_view::npos;
    });
}

// True for the first word of a sentence (or after a colon: "… medicine: The key …" is not a
// name). A full stop inside a segmented sentence ends an abbreviation (e.g., Fanconi's), not
// a sentence, so it does not count.
bool is_sentence_initial(const std::vector<CheckWord>& words, std::size_t index) {
    for (std::size_t k = index; k-- > 0;) {
        if (words[k].is_letters || words[k].is_number) return false;
        if (words[k].text == ":") return true;
    }
    return true;
}

// What a list of lower-cased words in one language says about a candidate spelling in the
// other: how alike it looks to one of them (cognates) and whether the lexicon translates one
// of them to it. Worked out on first use and then reused for every candidate: most
// sentences need no suggestion, and a misspelt word has a dozen candidates.
// The lexicon's translations of a word, as target strings, kept per word: suggestion
// ranking asks for those of a whole article's vocabulary, and an archive repeats its words
// from article to article. Shared by the threads of a Checker (like its Speller's memos).
class TranslationTargets {
public:
    using Targets = std::shared_ptr<const std::vector<std::string>>;

    explicit TranslationTargets(const Lexicon& lexicon) : lexicon_(&lexicon) {}

    Targets of(const std::string& word, Lang lang) const {
        return (lang == Lang::da ? danish_ : english_).get(word, [&] {
            std::vector<std::string> targets;
            for (auto& t : lang == Lang::da ? lexicon_->da_to_en(word) : lexicon_->en_to_da(word))
                targets.push_back(std::move(t.target));
            return std::make_shared<const std::vector<std::string>>(std::move(targets));
        });
    }

private:
    static constexpr std::size_t max_cached_words = 200000;
    const Lexicon* lexicon_;
    detail::ShardedMemo<Targets> danish_{max_cached_words}, english_{max_cached_words};
};

class WordEvidence {
public:
    WordEvidence(const std::vector<std::string>& words, Lang lang, const TranslationTargets& translations)
        : words_(&words), lang_(lang), translations_(&translations) {}

    // Calls f(k) for the detail::cognate_key k of each word whose similarity to `key` may
    // reach `floor` (1 - edit distance / longer length); the exact test is the caller's.
    // Two cheap bounds rule the others out: the length difference, by binary search in keys
    // sorted by length, and the letters one key has and the other lacks (each needs an edit).
    template <typename F>
    void for_each_cognate_within(const std::u32string& key, double floor, F&& f) const {
        const auto& keys = sorted_keys();
        const auto n = static_cast<double>(key.size());
        // One code point of slack on each side.
        const auto shortest = static_cast<std::size_t>(std::max(0.0, std::floor(n * floor) - 1.0));
        const auto longest = floor > 0.0 ? static_cast<std::size_t>(std::ceil(n / floor) + 1.0) : std::numeric_limits<std::size_t>::max();
        const std::uint64_t letters = letter_mask(key);
        auto it = std::lower_bound(keys.begin(), keys.end(), shortest,
                                   [](const std::u32string& k, std::size_t length) { return k.size() < length; });
        for (; it != keys.end() && it->size() <= longest; ++it) {
            const std::uint64_t other = masks_[static_cast<std::size_t>(it - keys.begin())];
            const auto missing = static_cast<std::size_t>(std::max(std::popcount(letters & ~other), std::popcount(other & ~letters)));
            const auto longer = static_cast<double>(std::max(key.size(), it->size()));
            if (static_cast<double>(missing) > (1.0 - floor) * longer + 1.0) continue;  // + 1: slack for rounding
            f(*it);
        }
    }

    // Whether one of the words has exactly `key` as its detail::cognate_key.
    bool has_cognate_key(const std::u32string& key) const {
        bool found = false;
        for_each_cognate_within(key, 1.0, [&](const std::u32string& k) { found = found || k == key; });
        return found;
    }

    // The highest cognate similarity of `key` (a detail::cognate_key) to one of the words,
    // when it is at least `floor` (else 0: below it, the callers ignore the value).
    double best_cognate(const std::u32string& key, double floor) const {
        double best = 0.0;
        for_each_cognate_within(key, floor, [&](const std::u32string& k) {
            best = std::max(best, detail::cognate_similarity_at_least(k, key, floor));
        });
        return best;
    }

    // Whether the lexicon translates one of the words to `candidate` (lower case), or to a
    // multi-word term that has `candidate` as a whole word (stamceller -> "stem cells"
    // supports "stem").
    bool translates_to(const std::string& candidate) const {
        if (!targets_) {
            targets_.emplace();
            targets_->held.reserve(words_->size());
            for (const auto& word : *words_) {
                const auto& held = targets_->held.emplace_back(translations_->of(word, lang_));
                for (const std::string& target : *held) {
                    if (target.find(' ') != std::string::npos) targets_->terms.push_back(target);
                    targets_->words.insert(target);
                }
            }
        }
        if (targets_->words.count(candidate)) return true;
        for (const std::string_view term : targets_->terms)
            for (std::size_t at = term.find(candidate); at != std::string::npos; at = term.find(candidate, at + 1))
                if ((at == 0 || term[at - 1] == ' ') && (at + candidate.size() == term.size() || term[at + candidate.size()] == ' '))
                    return true;
        return false;
    }

private:
    struct Targets {
        std::vector<TranslationTargets::Targets> held;  // what the views below point into
        std::unordered_set<std::string_view> words;     // every translation
        std::vector<std::string_view> terms;            // those of several words
    };
    const std::vector<std::string>* words_;
    Lang lang_;
    const TranslationTargets* translations_;
    // The code points of a key, one bit each (modulo 64: two letters may share a bit, which
    // only weakens the bound above).
    static std::uint64_t letter_mask(const std::u32string& key) {
        std::uint64_t mask = 0;
        for (const char32_t c : key) mask |= std::uint64_t{1} << (static_cast<std::uint32_t>(c) % 64u);
        return mask;
    }

    // detail::cognate_key of each word, shortest first, with letter_mask of each in masks_.
    const std::vector<std::u32string>& sorted_keys() const {
        if (!keys_) {
            keys_.emplace();
            keys_->reserve(words_->size());
            for (const auto& word : *words_) keys_->push_back(detail::cognate_key(word));
            std::stable_sort(keys_->begin(), keys_->end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
            masks_.reserve(keys_->size());
            for (const auto& k : *keys_) masks_.push_back(letter_mask(k));
        }
        return *keys_;
    }

    mutable std::optional<std::vector<std::u32string>> keys_;
    mutable std::vector<std::uint64_t> masks_;  // parallel to *keys_
    mutable std::optional<Targets> targets_;
};

// What suggestions are ranked by. The article-wide parts are shared by all sentences.
struct SuggestionContext {
    const WordEvidence& aligned;  // lower-cased words of the aligned sentence(s) in the other language
    const WordEvidence& article;  // lower-cased words of the whole article in the other language
    const std::unordered_map<std::string, int>& same_language_counts;  // lower-cased words of the checked language
};

// A word that passed every test but the last, whether Hunspell has a close suggestion for
// it. Suggestions (up to 0.16 s a word) are asked for all of an article's suspects at once
// (Speller::prepare_suggestions), so that threads meeting the same new words share them.
struct SpellingSuspect {
    const CheckedSentence* sentence;
    std::size_t word;  // index into sentence->words
    const SuggestionContext* context;
    Lang lang;  // the language it is checked in: the sentence's, or English for a Danish sentence left in English
};

// The spelling findings of an article in the order they are met; a suspect's slot is
// filled, or left empty, once suggestions are ready.
struct SpellingPass {
    std::vector<std::optional<Finding>> findings;
    std::vector<std::pair<std::size_t, SpellingSuspect>> suspects;  // (slot in findings, suspect)
};

// Whether word i is the last member of a list of suspended compounds, joined by a hyphen to
// the tail the members share (printcap-, termcap-, og disktab-filer; knogle- eller
// brusk-defekter): it is a part of the same kind as the dangling parts before it, which are
// not checked (a name or a stem, not a word by itself). The conjunction (og, eller, and, or)
// may follow a comma; the part before it must end in a hyphen that dangles (a space or a
// comma after it).
bool last_of_suspended_list(const std::vector<CheckWord>& words, std::size_t i) {
    auto glued = [&](std::size_t a, std::size_t b) { return words[a].end == words[b].begin; };
    if (i < 3 || i + 2 >= words.size() || words[i + 1].text != "-" || !glued(i, i + 1) ||
        !glued(i + 1, i + 2) || !words[i + 2].is_letters)
        return false;
    static constexpr std::string_view conjunctions[] = {"og", "eller", "and", "or"};
    const std::string conjunction = detail::to_lower(words[i - 1].text);
    if (std::ranges::find(conjunctions, conjunction) == std::end(conjunctions)) return false;
    // The token before the conjunction: the dangling hyphen, or a comma after it.
    std::size_t k = i - 2;
    if (words[k].text == ",") {
        if (k < 2 || !glued(k - 1, k)) return false;
        --k;
    }
    return words[k].text == "-" && k >= 1 && glued(k - 1, k) && words[k - 1].is_letters &&
           (k + 1 >= words.size() || !glued(k, k + 1) || words[k + 1].text == ",");
}

// Whether word i names a thing by its kind: it stands right after a singular noun for a
// package, a command, a program, an option, a file, a module, a tool or a service (pakken
// tasksel, tilvalget nomodeset, the command fdisk; an opening quote may stand between), or,
// in English, between "the" and such a noun (the tasksel package). Technical text writes
// a program's or an option's name there, once, and no dictionary lists it.
bool named_by_kind_noun(const std::vector<CheckWord>& words, std::size_t i) {
    // Singular only: a plural is followed by a list or a verb more often than by a name. A
    // Danish definite noun may be the tail of a compound (softwarepakken, kerneparameteren,
    // hjælpeprogrammet); an indefinite one stands alone (fil is also the tail of profil).
    static constexpr std::string_view danish_definite[] = {
        "pakken",    "kommandoen", "programmet", "tilvalget", "indstillingen", "filen",      "værktøjet", "modulet",
        "tjenesten", "parameteren", "parametret", "skriptet", "scriptet",      "variablen",  "dæmonen",   "driveren",
        "biblioteket", "funktionen", "argumentet"};
    static constexpr std::string_view danish_indefinite[] = {"pakke", "kommando", "program", "tilvalg", "fil", "modul"};
    static constexpr std::string_view english[] = {"package", "command", "option",    "program",  "file",   "module",
                                                   "tool",    "service", "utility",   "daemon",   "driver", "library",
                                                   "script",  "variable", "parameter", "function", "argument"};
    auto in = [](const auto& list, std::string_view word) { return std::ranges::find(list, word) != std::end(list); };
    auto kind = [&](std::size_t k) {
        if (!words[k].is_letters) return false;
        const std::string noun = detail::to_lower(words[k].text);
        return in(danish_indefinite, noun) || in(english, noun) ||
               std::ranges::any_of(danish_definite, [&](std::string_view tail) { return noun.ends_with(tail); });
    };
    auto quote = [](std::string_view t) { return t == "\"" || t == "'" || t == "“" || t == "‘" || t == "«" || t == "»" || t == "„" || t == "`"; };
    std::size_t before = i;
    if (before >= 1 && quote(words[before - 1].text) && words[before - 1].end == words[i].begin) --before;
    if (before >= 1 && kind(before - 1)) return true;
    // English writes the name before the noun: the fdisk command.
    return i >= 1 && i + 1 < words.size() && detail::to_lower(words[i - 1].text) == "the" &&
           in(english, detail::to_lower(words[i + 1].text));
}

}  // namespace

struct Checker::Impl {
    const Lexicon* lexicon;
    TranslationTargets translation_targets;
    detail::Speller speller;
    detail::WordSplitter splitter;
    Messages messages;

    // `dictionaries`: loaded Hunspell dictionaries to share (a Parser's); null: loaded here.
    Impl(const Lexicon& lexicon_in, unsigned threads, Messages messages_in, std::shared_ptr<detail::DictionaryShelf> dictionaries = nullptr)
        : lexicon(&lexicon_in),
          translation_targets(lexicon_in),
          speller(detail::SpellerOptions{lexicon_in.hunspell_dirs(), required_data_file("medical-words-en.txt"),
                                         required_data_file("medical-words-da.txt"), std::max(threads, 1u), spelling_index(),
                                         std::move(dictionaries)}),
          messages(std::move(messages_in)) {}

    std::vector<Finding> check(const Article& article, const ArticleAlignment& alignment, std::string_view source) const;

    // --- helpers -------------------------------------------------------------------
    Finding make_word_finding(Finding::Kind kind, const CheckedSentence& sentence, std::string_view word,
                              std::size_t begin, std::size_t end) const {
        Finding f;
        f.kind = kind;
        f.lang = sentence.lang;
        f.text = sentence.sentence->text;
        f.word = std::string(word);
        f.sentence_span = sentence.sentence->span;
        f.occurrence = occurrences_before(f.text, word, begin);
        // The repaired text maps 1:1 onto the source only when no repair changed its length.
        if (f.sentence_span.size() == f.text.size()) {
            f.span.start = f.sentence_span.start + begin;
            f.span.end = f.sentence_span.start + end;
        } else {
            f.span = f.sentence_span;
        }
        return f;
    }

    void compare_mentions(const std::vector<const CheckedSentence*>& danish, const std::vector<const CheckedSentence*>& english,
                          std::vector<Finding>& findings) const;
    void check_spelling(const CheckedSentence& sentence, const SuggestionContext& context, const Article& article,
                        const std::unordered_map<std::string, int>& other_language_text,
                        const std::unordered_set<std::string>& code_names, SpellingPass& pass) const;
    std::optional<Finding> judge_suspect(const SpellingSuspect& suspect) const;
    bool in_code_context(const std::vector<CheckWord>& words, std::size_t i, Lang lang) const;
    bool slip_of_article_word(const std::string& lower, Lang lang, const SuggestionContext& context) const;
    bool unknown_family_member(const std::string& lower, const SuggestionContext& context, const std::vector<std::string>& itself) const;
    bool in_english_stretch(const std::vector<CheckWord>& words, std::size_t i) const;
    bool command_family_member(const std::string& lower, Lang lang, const SuggestionContext& context) const;
    bool code_name_compound(const std::string& lower, Lang lang, const std::unordered_set<std::string>& code_names) const;
    std::string best_suggestion(std::string_view word, Lang lang, const SuggestionContext& context) const;
};

Checker::Checker(const Lexicon& lexicon, unsigned threads) : impl_(std::make_unique<Impl>(lexicon, threads, Messages{})) {}
Checker::Checker(const Lexicon& lexicon, unsigned threads, const Messages& messages)
    : impl_(std::make_unique<Impl>(lexicon, threads, messages)) {}
// The parser's dictionaries when they come from the lexicon's folders; else its own.
Checker::Checker(const Lexicon& lexicon, unsigned threads, const Messages& messages, const Parser& parser)
    : impl_(std::make_unique<Impl>(lexicon, threads, messages,
                                   parser.dictionaries()->dirs() == lexicon.hunspell_dirs() ? parser.dictionaries() : nullptr)) {}
Checker::~Checker() = default;
Checker::Checker(Checker&&) noexcept = default;
Checker& Checker::operator=(Checker&&) noexcept = default;

std::vector<Finding> Checker::check(const Article& article, const ArticleAlignment& alignment) const {
    return impl_->check(article, alignment, {});
}

std::vector<Finding> Checker::check(const Article& article, const ArticleAlignment& alignment, std::string_view source) const {
    return impl_->check(article, alignment, source);
}

// --- numbers and abbreviations ------------------------------------------------------

void Checker::Impl::compare_mentions(const std::vector<const CheckedSentence*>& danish,
                                     const std::vector<const CheckedSentence*>& english,
                                     std::vector<Finding>& findings) const {
    struct Side {
        std::vector<std::pair<const CheckedSentence*, Mention>> numbers, abbreviations;
        std::string text;  // the sentences joined, for substring tests (hMSC, anti-HLA)
    };
    auto collect = [](const std::vector<const CheckedSentence*>& sentences, Lang lang) {
        Side side;
        for (const auto* s : sentences) {
            for (auto& m : detail::find_numbers(s->sentence->text, s->words, lang)) side.numbers.emplace_back(s, std::move(m));
            for (auto& m : detail::find_abbreviations(s->sentence->text, s->words)) side.abbreviations.emplace_back(s, std::move(m));
            side.text += s->sentence->text;
            side.text += ' ';
        }
        return side;
    };
    const Side da = collect(danish, Lang::da), en = collect(english, Lang::en);

    auto report_numbers = [&](const Side& here, const Side& there) {
        std::set<std::string> there_keys, there_digit_keys;
        std::vector<std::string> there_written;
        for (const auto& [s, m] : there.numbers) {
            there_keys.insert(m.key);
            if (!m.spelled) there_written.push_back(m.text);
        }
        std::set<std::string> reported;
        for (const auto& [s, m] : here.numbers) {
            if (there_keys.count(m.key)) continue;
            // A number word is often dropped or rephrased in translation; report it only
            // when the other side has numbers, so a real disagreement is likely.
            if (m.spelled && there.numbers.empty()) continue;
            if (!reported.insert(m.key).second) continue;
            // Suggest the other side's number when it has exactly one without a partner here.
            std::vector<std::string> unmatched;
            for (const auto& number_pair : there.numbers) {
                const auto& tm = number_pair.second;  // not a structured binding: clang 14 cannot capture those
                const bool matched = std::any_of(here.numbers.begin(), here.numbers.end(), [&](const auto& h) { return h.second.key == tm.key; });
                if (!matched && std::find(unmatched.begin(), unmatched.end(), tm.text) == unmatched.end()) unmatched.push_back(tm.text);
            }
            Finding f = make_word_finding(Finding::Kind::number_mismatch, *s, m.text, m.begin, m.end);
            // One text per direction: a translation inflects the language names.
            const bool danish_side = s->lang == Lang::da;
            if (unmatched.empty())
                f.message = detail::format_message(messages, danish_side ? "{} in the Danish sentence has no counterpart in the aligned English sentence"
                                                                    : "{} in the English sentence has no counterpart in the aligned Danish sentence",
                                                   m.text);
            else
                f.message = detail::format_message(messages, danish_side ? "{} in the Danish sentence, but the aligned English sentence has {}"
                                                                    : "{} in the English sentence, but the aligned Danish sentence has {}",
                                                   m.text, fmt::to_string(fmt::join(unmatched, ", ")));
            if (unmatched.size() == 1) f.suggestion = unmatched.front();
            findings.push_back(std::move(f));
        }
    };
    report_numbers(da, en);
    report_numbers(en, da);

    auto report_abbreviations = [&](const Side& here, const Side& there) {
        std::set<std::string> there_keys;
        for (const auto& [s, m] : there.abbreviations) there_keys.insert(m.key);
        std::set<std::string> reported;
        for (const auto& [s, m] : here.abbreviations) {
            if (there_keys.count(m.key) || there.text.find(m.key) != std::string::npos) continue;
            // Abbreviations that differ by language (KOL / COPD) when the lexicon says so.
            const std::string lower = detail::to_lower(m.key);
            const auto targets = translation_targets.of(lower, s->lang);
            const bool translated = std::any_of(targets->begin(), targets->end(), [&](const std::string& target) {
                for (const auto& key : there_keys)
                    if (detail::to_lower(key) == target) return true;
                return false;
            });
            if (translated || !reported.insert(m.key).second) continue;
            Finding f = make_word_finding(Finding::Kind::abbreviation_mismatch, *s, m.text, m.begin, m.end);
            f.message = detail::format_message(messages,
                                               s->lang == Lang::da
                                                   ? "the abbreviation {} in the Danish sentence has no counterpart in the aligned English sentence"
                                                   : "the abbreviation {} in the English sentence has no counterpart in the aligned Danish sentence",
                                               m.text);
            findings.push_back(std::move(f));
        }
    };
    report_abbreviations(da, en);
    report_abbreviations(en, da);
}

// --- spelling ----------------------------------------------------------------------

std::string Checker::Impl::best_suggestion(std::string_view word, Lang lang, const SuggestionContext& context) const {
    const std::string word_lower = detail::to_lower(word);
    const bool word_lowercase = !detail::starts_upper(word);
    const bool from_index = speller.has_index();
    // Candidates: the index's dictionary words an edit or two away (or Hunspell's own
    // suggestions without an index), and the article's own words in the same language
    // that are as close (the author wrote panelet elsewhere, so paneet is panelet).
    std::vector<std::string> candidates = from_index ? speller.candidates(word_lower, lang) : speller.suggest(word, lang);
    const std::size_t from_dictionary = candidates.size();
    const std::size_t length = detail::code_points(word_lower);
    // Two edits at most with the index (it offers no more); Hunspell's suggestions may be
    // farther off for long words.
    const std::size_t max_distance = from_index ? 2 : std::max<std::size_t>(2, length / 4);
    // Each probe copies the word, so the probes stop at the index's longest word: a "word" of
    // a hundred thousand letters would cost their square.
    if (from_index && length >= 4 && word_lower.size() <= detail::longest_dictionary_word_bytes) {
        // The index lacks forms Hunspell makes by its affix rules (eksempler, medie), so the
        // two cheapest slips (a letter doubled, two letters swapped) are undone and the
        // lexicon and Hunspell asked: a few probes where every edit would be hundreds.
        std::vector<std::string> letters;  // the code points of the word, each as UTF-8
        for (int32_t i = 0, n = static_cast<int32_t>(word_lower.size()); i < n;) {
            const int32_t start = i;
            UChar32 c;
            U8_NEXT(reinterpret_cast<const uint8_t*>(word_lower.data()), i, n, c);
            const auto from = static_cast<std::size_t>(start);
            letters.emplace_back(word_lower.substr(from, static_cast<std::size_t>(i) - from));
        }
        auto join = [&](std::size_t i, bool drop) {
            std::string text;
            for (std::size_t k = 0; k < letters.size(); ++k) {
                if (drop && k == i) continue;
                if (drop) text += letters[k];
                else text += k == i ? letters[i + 1] : k == i + 1 ? letters[i] : letters[k];
            }
            return text;
        };
        for (std::size_t i = 0; i + 1 < letters.size(); ++i) {
            const bool drop = letters[i] == letters[i + 1];
            std::string text = join(i, drop);
            // Hunspell's compounding accepts many a swap (hovdan, sårstreg): the lexicon must
            // have the word too, or, for a doubled letter undone, Hunspell make it by its affix
            // rules alone, not its compounding (fleksiblle: fleksible, an inflection of
            // fleksibel the index lacks).
            const bool common = (lang == Lang::en ? lexicon->has_english(text) : lexicon->has_danish(text)) ||
                                (drop && speller.known_lexically(text, lang));
            const bool listed =
                std::find(candidates.begin(), candidates.end(), text) != candidates.end();
            if (common && !listed && speller.known_plainly(text, lang))
                candidates.push_back(std::move(text));
        }
    }
    if (length >= 4) {
        for (const auto& [other_word, count] : context.same_language_counts) {
            if (other_word == word_lower || count <= 0) continue;
            const std::size_t other_length = detail::code_points(other_word);
            if (other_length + max_distance < length || length + max_distance < other_length || other_length < 3) continue;
            if (detail::edit_distance(word_lower, other_word, max_distance) > max_distance) continue;
            // A word of the article that is itself no word (another slip) is no model.
            if (count < 2 && !speller.acceptable(other_word, lang) &&
                !(lang == Lang::en ? lexicon->has_english(other_word) : lexicon->has_danish(other_word)))
                continue;
            if (std::find(candidates.begin(), candidates.end(), other_word) == candidates.end()) candidates.push_back(other_word);
        }
    }
    auto written_in_article = [&](const std::string& candidate) {
        const auto it = context.same_language_counts.find(candidate);
        return it != context.same_language_counts.end() && it->second > 0;
    };
    std::string best;
    double best_score = -std::numeric_limits<double>::infinity();
    const Lang other = lang == Lang::en ? Lang::da : Lang::en;
    for (std::size_t rank = 0; rank < candidates.size(); ++rank) {
        const std::string& candidate = candidates[rank];
        if (candidate.find(' ') != std::string::npos) continue;  // "malign ant": Hunspell splitting a word
        const std::string lower = detail::to_lower(candidate);
        if (lower == word_lower) continue;
        // Close enough to be a slip of the keyboard rather than another word.
        const std::size_t distance = detail::edit_distance(word_lower, lower, max_distance);
        if (distance > max_distance) continue;
        double score = 0.0;
        if (from_index) {
            // How likely this slip is (typo_cost: a doubled letter is likelier than a
            // letter replaced by a far key), and whether the word is a common one (the
            // lexicon has it: FreeDict, the glossary, words of the help corpus).
            const double cost = detail::typo_cost(word_lower, lower);
            // A short word is two edits from many words: one slip at most, else it is
            // more likely a name or a command (passwd, xrdp) than a slip. So is a word of
            // seven or eight letters (tasksel, partman, rdesktop), unless the article writes
            // the candidate: a slip leaves its word one edit away, and a word of that length
            // is seldom a compound the index lacks, while two edits from a word the author
            // wrote is still likely a slip of it (vimdiff beside gvimdiff).
            const std::size_t one_slip_up_to = written_in_article(lower) ? 6 : 8;
            if (cost > (length <= one_slip_up_to ? 1.0 : 2.0)) continue;
            score = -cost;
            if (lang == Lang::en ? lexicon->has_english(lower) : lexicon->has_danish(lower)) score += 0.25;
        } else {
            // Hunspell's own order, then the fewest edits (it ranks angiogenes, a
            // transposition, before angiogenese, one missing letter).
            const double hunspell_rank = rank < from_dictionary ? 0.5 / static_cast<double>(1 + rank) : 0.0;
            score = hunspell_rank - 0.3 * static_cast<double>(distance);
        }
        if (word_lowercase && detail::starts_upper(candidate)) score -= 0.3;  // a name suggested for a common word
        // A cognate in the other language supports a term (kondrocytter ~ chondrocytes); short
        // words look alike across the languages by chance (min, hver ~ ever, his).
        if (detail::code_points(lower) >= 5) {
            const std::u32string key = detail::cognate_key(lower);  // cognate similarity is symmetric
            const double aligned = context.aligned.best_cognate(key, 0.6);
            const double article = context.article.best_cognate(key, 0.7);
            if (aligned >= 0.6) score += aligned;
            if (article >= 0.7) score += 0.5 * article;
        }
        if (written_in_article(lower)) score += 0.6;  // the author wrote it correctly elsewhere
        if (context.aligned.translates_to(lower))
            score += 0.8;
        else if (other == Lang::da && context.article.translates_to(lower))
            score += 0.3;
        if (score > best_score) {
            best_score = score;
            best = candidate;
        }
    }
    // The index holds lower-case forms; a capitalised word (first in its sentence) keeps its capital.
    if (from_index && !word_lowercase && !best.empty() && !detail::starts_upper(best)) {
        best = detail::capitalise_first(best);
    }
    return best;
}

// Whether the article writes elsewhere, in the same language, a dictionary
// word that `lower` is one likely slip from (a letter dropped, doubled, swapped, or a vowel
// or neighbouring key; typo_cost <= 0.9): skl beside skal, objet beside objekt.
bool Checker::Impl::slip_of_article_word(const std::string& lower, Lang lang, const SuggestionContext& context) const {
    const std::size_t length = detail::code_points(lower);
    if (length < 3) return false;
    std::vector<const std::string*> unsure;  // slipped-from words the index lacks
    for (const auto& [other, count] : context.same_language_counts) {
        if (count <= 0 || other == lower) continue;
        // A Danish noun and its genitive in -s are two forms of one word, not a word and its
        // slip (partitionstabellen beside partitionstabellens); a word in -s takes no
        // genitive -s (huss is a slip of hus).
        auto genitive = [](std::string_view word, std::string_view stem) {
            return word.size() == stem.size() + 1 && word.ends_with('s') && word.starts_with(stem) &&
                   !stem.ends_with('s');
        };
        if (lang == Lang::da && (genitive(lower, other) || genitive(other, lower))) continue;
        // Asked for many words of an article: two byte tests rule out nearly every word first.
        // A slip of the first letter costs more than 0.9 unless it is a doubling (ssome).
        if (other.front() != lower.front() && lower.size() > 1 && lower[1] != lower.front()) continue;
        if (other.size() + 3 < lower.size() || lower.size() + 3 < other.size()) continue;
        const std::size_t other_length = detail::code_points(other);
        if (other_length + 1 < length || length + 1 < other_length || other_length < 4) continue;
        if (detail::edit_distance(lower, other, 2) > 2 || detail::typo_cost(lower, other) > 0.9) continue;
        // The index answers for most words; Hunspell (costly on a long compound) is asked
        // below, only when no word the index knows settles it.
        if (speller.index_knows(other, lang)) return true;
        unsure.push_back(&other);
    }
    return std::any_of(unsure.begin(), unsure.end(), [&](const std::string* other) { return speller.known(*other, lang); });
}

// Danish inflectional endings (nouns, verbs, adjectives) a word may carry: skript, skriptet,
// skripter; logind, logindet. Not -t or -te alone: they end too many stems themselves. Also
// the English -ing and -ed, which Danish technical text keeps on an English term it writes
// in another shape as well (chroot, chrooting; preseed, preseeding).
std::vector<std::string_view> danish_stems(std::string_view lower) {
    static constexpr std::string_view endings[] = {"erne", "ende", "ene", "ens", "ets", "ede",
                                                   "ing",  "er",   "en",  "et",  "es",  "ed",
                                                   "ne",   "e",    "s",   "r"};
    std::vector<std::string_view> stems{lower};
    for (const std::string_view ending : endings)
        if (lower.size() >= ending.size() + 5 && lower.ends_with(ending)) stems.push_back(lower.substr(0, lower.size() - ending.size()));
    return stems;
}

// Whether the Danish word `lower` (which no dictionary knows) is one shape of a word the
// article writes in another shape that the dictionaries do not know either: the same
// stem with another ending (skript beside skriptet), or the word as the head or tail of a
// compound of the article (logind beside brugerlogind, trinene beside minimumstrinene). An
// author who writes a word da_DK lacks in several shapes uses a word; a slip makes one odd
// form of a word, and when that word is one da_DK knows (systemt beside systemet: system)
// the shared part is known, so the slip is still checked. `itself`: the word joined to its
// hyphen-joined neighbours (farve-paneet is also counted as farvepaneet), no other shape.
bool Checker::Impl::unknown_family_member(const std::string& lower, const SuggestionContext& context,
                                          const std::vector<std::string>& itself) const {
    if (detail::code_points(lower) < 5) return false;
    const auto own = danish_stems(lower);
    // The rest of a compound beside the shared part is a Danish word (bruger in brugerlogind;
    // a head may end in a linking -s- or -e-: minimums in minimumstrinene), not the rest of a
    // word glued to the next sentence (feltettypografi is not felte + ttypografi).
    auto compound_part = [&](std::string_view part, bool head) {
        if (detail::code_points(part) < 3) return false;
        if (speller.acceptable(part, Lang::da)) return true;
        return head && (part.ends_with('s') || part.ends_with('e')) && detail::code_points(part) >= 4 &&
               speller.acceptable(part.substr(0, part.size() - 1), Lang::da);
    };
    auto unknown = [&](const std::string& word) {
        return !speller.acceptable(word, Lang::da) && !lexicon->has_danish(word) && !speller.known(word, Lang::en);
    };
    const std::string_view lower_head = std::string_view(lower).substr(0, 5);
    for (const auto& [other, count] : context.same_language_counts) {
        if (count <= 0 || other == lower) continue;
        // The shared part (five letters or more) is a prefix of the shorter word's stem and
        // lies inside the longer word, so the shorter word's first five bytes do too: a test
        // that rules out nearly every word of the article before its stems are made.
        if (other.find(lower_head) == std::string::npos && lower.find(std::string_view(other).substr(0, 5)) == std::string::npos) continue;
        if (detail::count_letters(other) != detail::code_points(other)) continue;
        if (std::find(itself.begin(), itself.end(), other) != itself.end()) continue;
        for (const std::string_view a : own) {
            for (const std::string_view b : danish_stems(other)) {
                // The shorter of the two is the shared part: equal, or the other's tail or head
                // with a part of three letters or more before or after it.
                const std::string_view shorter = a.size() <= b.size() ? a : b, longer = a.size() <= b.size() ? b : a;
                if (detail::code_points(shorter) < 5) continue;
                const bool shared = shorter == longer ||
                                    (longer.size() >= shorter.size() + 3 &&
                                     ((longer.ends_with(shorter) && compound_part(longer.substr(0, longer.size() - shorter.size()), true)) ||
                                      (longer.starts_with(shorter) && compound_part(longer.substr(shorter.size()), false))));
                // Both shapes and the shared part unknown: a slip's other shape is usually the
                // word it slips from, which the dictionaries know (brugergruppper beside
                // brugergrupper, pågældend beside pågældende).
                if (shared && unknown(std::string(shorter)) && unknown(other)) return true;
            }
        }
    }
    return false;
}

// Whether `lower` is named the way the article names a family of programs: it is a head and
// a word the article writes (bz + egrep), and the article writes the same head before another
// of its words too (bzgrep: bz + grep); or a word the article writes and a tail (vim + diff)
// that the article writes after another of its words (gvim + diff). Commands come in such
// families (grep, egrep, bzgrep, bzegrep; zcat, bzcat, xzcat; vim, gvim, vimdiff, gvimdiff),
// glued from parts no dictionary lists. Every member but the word itself (the other
// word, its part and the word's part that stands alone) must be no word of the language: a
// letter slipped in before a word (sfile beside file, show and how) is no name, nor is
// udev beside uden and den (u + dev, u + den) a member of a family. The shared part has two
// letters or more (bytes: a letter that is two bytes long alone is no such part): one letter
// in common is chance.
bool Checker::Impl::command_family_member(const std::string& lower, Lang lang, const SuggestionContext& context) const {
    const auto& counts = context.same_language_counts;
    // A longer "word" is no name, and each word of the article is compared at every cut.
    if (lower.size() > detail::longest_dictionary_word_bytes || lower.size() < 4) return false;
    auto written = [&](std::string_view word) {
        if (detail::code_points(word) < 3) return false;
        const auto it = counts.find(std::string(word));
        return it != counts.end() && it->second > 0 && !speller.acceptable(word, lang);
    };
    // Per cut (a byte offset): whether the part after it / before it, past the two letters
    // or more the other member shares, is a name the article writes. Most words have none
    // (a slip's parts are no names), and then the article's words need not be compared.
    const std::string_view whole(lower);
    std::vector<char> name_tail(lower.size(), 0), name_head(lower.size(), 0);
    bool any_name = false;
    for (std::size_t cut = 2; cut + 2 <= whole.size(); ++cut) {
        if ((static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80) continue;  // inside a letter
        name_tail[cut] = written(whole.substr(cut));
        name_head[cut] = written(whole.substr(0, cut));
        any_name = any_name || name_tail[cut] || name_head[cut];
    }
    if (!any_name) return false;
    for (const auto& entry : counts) {
        // Not a structured binding: Clang before 16 lets no lambda capture one.
        const std::string& other = entry.first;
        if (entry.second <= 0 || other == lower || other.size() < 4) continue;
        const std::string_view o(other);
        std::optional<bool> other_is_name;  // asked only when a cut matches
        auto other_name = [&] {
            if (!other_is_name) other_is_name = !speller.acceptable(other, lang);
            return *other_is_name;
        };
        // The same head: the words share their first bytes; the same tail: their last.
        if (o.front() == whole.front()) {
            std::size_t shared = 0;
            while (shared < o.size() && shared < whole.size() && o[shared] == whole[shared]) ++shared;
            for (std::size_t cut = 2; cut <= shared && cut < whole.size(); ++cut) {
                if ((static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80 || cut >= o.size()) continue;
                const std::string_view rest = o.substr(cut);
                if (name_tail[cut] && rest != whole.substr(cut) && written(rest) && other_name()) return true;
            }
        }
        if (o.back() == whole.back()) {
            std::size_t shared = 0;
            while (shared < o.size() && shared < whole.size() && o[o.size() - 1 - shared] == whole[whole.size() - 1 - shared]) ++shared;
            for (std::size_t length = 2; length <= shared && length < whole.size(); ++length) {
                const std::size_t cut = whole.size() - length;
                if ((static_cast<unsigned char>(whole[cut]) & 0xC0) == 0x80 || length >= o.size()) continue;
                const std::string_view front = o.substr(0, o.size() - length);
                if (name_head[cut] && front != whole.substr(0, cut) && written(front) && other_name()) return true;
            }
        }
    }
    return false;
}

// Whether `lower` is a name the article writes in code (perl in /usr/bin/perl) glued to a word
// of the language of four letters or more (perlpakke): a compound whose head is that name.
bool Checker::Impl::code_name_compound(const std::string& lower, Lang lang, const std::unordered_set<std::string>& code_names) const {
    for (const std::string& name : code_names) {
        if (lower.size() < name.size() + 4 || !lower.starts_with(name) || detail::code_points(name) < 3) continue;
        const std::string_view rest = std::string_view(lower).substr(name.size());
        if (detail::code_points(rest) >= 4 && speller.acceptable(rest, lang)) return true;
    }
    return false;
}

// A word in code-like surroundings is a command, a package or a file name, not a slip of
// prose: a manual-page section right after it (cdrom(8)), a shell pipe within two tokens
// (getent passwd | grep), an equals sign after it, a comma list item beside a name with
// digits (latin1, mips64el), or a hyphen-joined name another part of which is a lower-case
// token of two letters or more that is no word of the language: it has no vowel (ng-utils),
// Hunspell rejects it or the lexicon lacks it in that language (apt-cdrom; fonts-linex, whose
// fonts da_DK accepts).
bool Checker::Impl::in_code_context(const std::vector<CheckWord>& words, std::size_t i, Lang lang) const {
    auto glued = [&](std::size_t a, std::size_t b) { return words[a].end == words[b].begin; };
    if (i + 3 < words.size() && words[i + 1].text == "(" && glued(i, i + 1) && words[i + 2].is_number && glued(i + 1, i + 2) &&
        words[i + 3].text == ")" && glued(i + 2, i + 3))
        return true;
    for (std::size_t j = i >= 2 ? i - 2 : 0; j <= i + 2 && j < words.size(); ++j)
        if (words[j].text == "|") return true;
    // An identifier given a value (argc = 0, desktop=xxxx): a variable, an option or a
    // kernel parameter, which prose does not write with an equals sign.
    if (i + 2 < words.size() && words[i + 1].text == "=" && (words[i + 2].is_letters || words[i + 2].is_number)) return true;
    // A placeholder alone in braces ({scriptin}, {file}): a template's variable or an
    // argument of a command, which prose does not write in braces.
    if (i >= 1 && i + 1 < words.size() && words[i - 1].text == "{" && glued(i - 1, i) &&
        words[i + 1].text == "}" && glued(i, i + 1))
        return true;
    // An item of a comma list beside an item with digits glued to its letters (dvi, latin1,
    // ps, utf8; mips64el, mipsel, ppc64el): the list names devices, encodings or
    // architectures, whose names are no words.
    // ICU calls latin1 a number and mips64el a word: either, with letters and digits.
    auto numbered_name = [&](std::size_t k) {
        return (words[k].is_letters || words[k].is_number) && detail::has_digit(words[k].text) && detail::count_letters(words[k].text) > 0;
    };
    if (i + 2 < words.size() && words[i + 1].text == "," && numbered_name(i + 2)) return true;
    if (i >= 2 && words[i - 1].text == "," && numbered_name(i - 2)) return true;
    auto foreign_part = [&](const CheckWord& part) {
        if (!part.is_letters || detail::code_points(part.text) < 2 || detail::count_upper(part.text) > 0) return false;
        // A part without a vowel (ng in ng-utils) is a command or an abbreviation, as a
        // vowel-less word is by itself, whatever a dictionary says of it.
        if (!detail::has_vowel(part.text)) return true;
        return !speller.acceptable(part.text, lang) || !(lang == Lang::da ? lexicon->has_danish(part.text) : lexicon->has_english(part.text));
    };
    for (std::size_t j = i; j >= 2 && words[j - 1].text == "-" && glued(j - 1, j) && glued(j - 2, j - 1); j -= 2)
        if (foreign_part(words[j - 2])) return true;
    for (std::size_t j = i; j + 2 < words.size() && words[j + 1].text == "-" && glued(j, j + 1) && glued(j + 1, j + 2); j += 2)
        if (foreign_part(words[j + 2])) return true;
    return false;
}

void Checker::Impl::check_spelling(const CheckedSentence& sentence, const SuggestionContext& context, const Article& article,
                                   const std::unordered_map<std::string, int>& other_language_text,
                                   const std::unordered_set<std::string>& code_names, SpellingPass& pass) const {
    const std::string& text = sentence.sentence->text;
    // A Danish sentence left in English (an untranslated message or paragraph) is checked
    // as English: its words are English words, and a slip there is a slip of an English word.
    const Lang lang = sentence.lang == Lang::da && detail::is_english_sentence(speller, sentence.words) ? Lang::en : sentence.lang;
    const auto in_url = url_words(text, sentence.words);
    // File paths (/etc/fstab, ~/.bashrc, usr/share/doc) name folders and files, not words.
    const auto in_path = detail::path_words(text, sentence.words);
    // Patterns and code (\bboog, [^a-syz], *.odc): their letters are no words of prose.
    const auto in_code = detail::code_words(text, sentence.words);
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const CheckWord& w = sentence.words[i];
        if (!w.is_letters || in_url[i] || in_path[i] || in_code[i]) continue;
        // An ending in brackets after its stem (fil(er), MAPPE(rne)): the stem is the word.
        if (detail::is_bracketed_ending(sentence.words, i)) continue;
        // Two-letter words are left alone: most are abbreviations, units and commands (su,
        // sn, ml), and a slip in one makes another word as often as not.
        if (detail::has_digit(w.text) || detail::code_points(w.text) < 3) continue;
        if (w.text.find('.') != std::string::npos) continue;        // e.g, i.e, f.eks
        if (detail::count_upper(w.text) >= 2) continue;              // MSC, MSCs, hMSC: abbreviations
        // A capital inside the word (handR, iPod) or no vowel at all (xrdp, pfm, cntrl):
        // identifiers, commands and abbreviations, not words with a slip.
        if (detail::count_upper(w.text) == 1 && !detail::starts_upper(w.text)) continue;
        const std::string lower = detail::to_lower(w.text);
        // The article writes a word one slip from this one elsewhere: the word is that slip
        // (skl for skal, objet for objekt), whatever the weaker tests below would let pass.
        // Asked only where a weaker test would let the word pass (it costs a look at every
        // word of the article).
        std::optional<bool> near_article_word_answer;
        auto near_article_word = [&] {
            if (!near_article_word_answer) near_article_word_answer = slip_of_article_word(lower, lang, context);
            return *near_article_word_answer;
        };
        if (!detail::has_vowel(w.text) && !near_article_word()) continue;
        if (detail::count_letters(w.text) + 1 < detail::code_points(w.text) && w.text.find("’") == std::string::npos &&
            w.text.find('\'') == std::string::npos)
            continue;  // not a plain word
        // An apostrophe inside a Danish word joins an ending to a symbol, a number or a name
        // (n'te, x'et, CD'en); one right after it marks a genitive (Windows') or a quoted
        // English elision (cookin'): neither is a slip of a plain word.
        if (lang == Lang::da) {
            if (w.text.find("’") != std::string::npos || w.text.find('\'') != std::string::npos) continue;
            if (i + 1 < sentence.words.size() && sentence.words[i + 1].begin == w.end &&
                (sentence.words[i + 1].text == "'" || sentence.words[i + 1].text == "’"))
                continue;
        }
        // A word glued after a full stop is a file extension (.myb, .docx), not prose.
        if (i >= 1 && sentence.words[i - 1].text == "." && sentence.words[i - 1].end == w.begin &&
            (i < 2 || sentence.words[i - 2].end < sentence.words[i - 1].begin))
            continue;
        // Unless one likely slip from a word the article writes (postfiks-gentagelses-opratorerne
        // beside operatorerne).
        if (in_code_context(sentence.words, i, lang) && !near_article_word()) continue;
        // An English ordinal of a variable (nth, xth, yth).
        if (lang == Lang::en && detail::code_points(lower) == 3 && lower.ends_with("th")) continue;
        const bool capitalised = detail::starts_upper(w.text);
        const bool initial = is_sentence_initial(sentence.words, i);
        if (capitalised && !initial) continue;  // a name
        if (capitalised && std::any_of(article.authors.begin(), article.authors.end(),
                                       [&](const std::string& a) { return a.find(w.text) != std::string::npos; }))
            continue;
        // Part of a suspended compound (knogle- og bruskdefekter, myelo- og megakaryo...):
        // the dangling part need not be a word by itself.
        // A comma may follow the hyphen in a list of them (printcap-, termcap- og disktab-filer).
        const bool hyphen_after = i + 1 < sentence.words.size() && sentence.words[i + 1].text == "-" &&
                                  sentence.words[i + 1].begin == w.end &&
                                  (i + 2 >= sentence.words.size() || sentence.words[i + 2].begin > sentence.words[i + 1].end ||
                                   sentence.words[i + 2].text == ",");
        const bool hyphen_before = i >= 1 && sentence.words[i - 1].text == "-" && sentence.words[i - 1].end == w.begin &&
                                   (i < 2 || sentence.words[i - 2].end < sentence.words[i - 1].begin);
        if (hyphen_after || hyphen_before) continue;
        if (last_of_suspended_list(sentence.words, i)) continue;
        if (lang == Lang::da) {
            if (std::string corrected = speller.missing_linking_s(w.text); !corrected.empty()) {
                Finding f = make_word_finding(Finding::Kind::misspelling, sentence, w.text, w.begin, w.end);
                f.message = detail::format_message(messages, "'{}' lacks the linking -s- of a Danish compound; write '{}'", w.text, corrected);
                f.suggestion = std::move(corrected);
                pass.findings.emplace_back(std::move(f));
                continue;
            }
        }
        // A Danish word in a sentence checked as English (a name, a label) is no English slip.
        if (lang != sentence.lang && speller.known(w.text, sentence.lang)) continue;
        // Words that pass whatever the dictionaries say, tested before them (Hunspell's verdict
        // on a compound costs up to a million instructions): a word written the same in the
        // other language's text is a shared term or name (stroma, in vivo, Bizzozero), not a
        // slip; one the lexicon has is a word; and a Danish word the article uses more than
        // once is a term or a compound hunspell-da lacks (Danish is checked conservatively).
        if (other_language_text.count(lower)) continue;
        // A name the article writes in code (speakup.synth=driver, /etc/exim4, partman-lvm)
        // is that name in its prose too (fortæl speakup hvilken driver; exim eller sendmail).
        if (code_names.count(lower)) continue;
        if (lang == Lang::en ? lexicon->has_english(lower) : lexicon->has_danish(lower)) continue;
        if (lang == Lang::da) {
            if (const auto it = context.same_language_counts.find(lower); it != context.same_language_counts.end() && it->second > 1)
                continue;
        }
        if (speller.acceptable(w.text, lang)) {
            // Accepted as a compound of known parts only (not a dictionary form): a word one
            // likely slip from a common word (forskelige: forske + lige, or forskellige with
            // an l dropped) is that slip. Common: the article writes it, or the lexicon has
            // it (rulleliste stays a compound, though one vowel from rolleliste).
            // The word passes unless it is such a slip and no dictionary form: the probes
            // first, then the slip test, and Hunspell's verdict (up to a million
            // instructions for a long compound) only for a word the slip test holds.
            if (!speller.has_index() || speller.known_plainly_by_index(w.text, lang)) continue;
            // The index's words first: the article's words may need Hunspell's verdicts.
            const auto near = speller.one_edit_words(lower, lang);
            const bool slip = std::any_of(near->begin(), near->end(), [&](const std::string& other) {
                if (detail::code_points(other) < 4 || detail::typo_cost(lower, other) > 0.9) return false;
                if (const auto it = context.same_language_counts.find(other); it != context.same_language_counts.end() && it->second > 0)
                    return true;
                return detail::code_points(other) >= 6 && (lang == Lang::da ? lexicon->has_danish(other) : lexicon->has_english(other));
            }) || near_article_word();
            if (!slip || speller.known_plainly(w.text, lang)) continue;
        }
        // A member of a family of names the article writes, or a name it writes in code
        // glued to a word, unless one likely slip from a word the article writes.
        if ((command_family_member(lower, lang, context) || code_name_compound(lower, lang, code_names)) && !near_article_word()) continue;
        // A name after a noun of its kind (pakken tasksel, the fdisk command), unless one
        // likely slip from a dictionary word of four letters or more (any edit but of the
        // first letter: filen indeholdr) or from a word the article writes.
        if (named_by_kind_noun(sentence.words, i)) {
            const auto near = speller.one_edit_words(lower, lang);
            if (std::none_of(near->begin(), near->end(),
                             [&](const std::string& other) { return detail::code_points(other) >= 4 && detail::typo_cost(lower, other) <= 1.0; }) &&
                !near_article_word())
                continue;
        }
        // An abbreviation with its full stop (inkl., mhp., approx.): ICU leaves the stop out.
        if (i + 1 < sentence.words.size() && sentence.words[i + 1].text == "." && sentence.words[i + 1].begin == w.end &&
            speller.known(w.text + ".", lang))
            continue;
        if (lang == Lang::da) {
            // Danish is checked conservatively: medical terms and productive compounds
            // hunspell-da does not know are common, so a word used more than once (above),
            // one the English side has as a cognate, or one English Hunspell knows, passes.
            std::vector<std::string> itself;
            const auto& words = sentence.words;
            auto glued = [&](std::size_t a, std::size_t b) { return words[a].end == words[b].begin; };
            if (i >= 2 && words[i - 1].text == "-" && glued(i - 2, i - 1) && glued(i - 1, i))
                itself.push_back(detail::to_lower(words[i - 2].text) + lower);
            if (i + 2 < words.size() && words[i + 1].text == "-" && glued(i, i + 1) && glued(i + 1, i + 2))
                itself.push_back(lower + detail::to_lower(words[i + 2].text));
            if (unknown_family_member(lower, context, itself)) continue;
            // A loanword's sc written sk (skript: script), unless one likely slip from a word
            // the article writes (skript beside script is the author's inconsistency or a slip:
            // the finding names the other spelling).
            if (speller.sk_for_sc(lower) && !near_article_word()) continue;
            // An English word in Danish text is a term or a label, unless it is an uncommon
            // one (the lexicon lacks it) one slip from a word the article writes (objet
            // beside objekt; take beside tage stays English).
            if ((speller.known(w.text, Lang::en) || speller.known(lower, Lang::en)) && (lexicon->has_english(lower) || !near_article_word()))
                continue;
            // The English text has a word with the very same cognate key (intramyokardial ~
            // intramyocardial): judge_suspect would call it a term whatever Hunspell
            // suggests (no suggestion can be closer), so the costly suggestions are not asked for.
            // With the candidate index suggestions are cheap, and judge_suspect tells a term
            // from a slip whose correction is as close a cognate (poost: post ~ post).
            if (!speller.has_index() && context.article.has_cognate_key(detail::cognate_key(lower))) continue;
        }
        pass.suspects.emplace_back(pass.findings.size(), SpellingSuspect{&sentence, i, &context, lang});
        pass.findings.emplace_back();
    }
}

// Whether word i of a Danish sentence stands among English words: of the two letter words
// on each side, at least two are words English Hunspell knows and da_DK does not, and more of
// them than the other way round ("… installed copy and Use the online version"). Danish
// technical text quotes English labels and messages; a slip there is a slip of an English word.
bool Checker::Impl::in_english_stretch(const std::vector<CheckWord>& words, std::size_t i) const {
    std::vector<std::size_t> around;
    for (std::size_t k = i, seen = 0; k-- > 0 && seen < 2;)
        if (words[k].is_letters) around.push_back(k), ++seen;
    for (std::size_t k = i + 1, seen = 0; k < words.size() && seen < 2; ++k)
        if (words[k].is_letters) around.push_back(k), ++seen;
    // A word the Danish index holds is no English-only word: when fewer than two others are
    // left, the answer is no without asking Hunspell (its verdict on a Danish compound or a
    // name costs up to a million instructions in each language).
    std::size_t maybe_english = 0;
    for (const std::size_t k : around) maybe_english += !speller.index_knows(words[k].text, Lang::da);
    if (maybe_english < 2) return false;
    // English's verdicts first (cheap on a Danish word): the words English knows bound the
    // count, and Danish is asked about the others only while they can still tie it.
    std::vector<char> en(around.size());
    std::size_t english_known = 0;
    for (std::size_t j = 0; j < around.size(); ++j) english_known += en[j] = speller.known(words[around[j]].text, Lang::en);
    if (english_known < 2) return false;
    std::size_t english = 0;
    for (std::size_t j = 0; j < around.size(); ++j)
        if (en[j] && !speller.known(words[around[j]].text, Lang::da)) ++english;
    if (english < 2) return false;
    std::size_t danish = 0;
    for (std::size_t j = 0; j < around.size(); ++j)
        if (!en[j] && speller.known(words[around[j]].text, Lang::da) && ++danish >= english) return false;
    return true;
}

std::optional<Finding> Checker::Impl::judge_suspect(const SpellingSuspect& suspect) const {
    const CheckedSentence& sentence = *suspect.sentence;
    const CheckWord& w = sentence.words[suspect.word];
    const SuggestionContext& context = *suspect.context;
    const std::string lower = detail::to_lower(w.text);
    const Lang lang = suspect.lang;
    // Among English words of a Danish sentence, the English dictionaries' words first.
    std::string suggestion;
    const bool english_stretch = lang == Lang::da && in_english_stretch(sentence.words, suspect.word);
    if (english_stretch) suggestion = best_suggestion(w.text, Lang::en, context);
    if (suggestion.empty()) suggestion = best_suggestion(w.text, lang, context);
    // Precision before recall: a word without a close suggestion is more likely a term
    // the dictionaries lack than a slip.
    if (suggestion.empty()) return std::nullopt;
    // A suggestion that only adds hyphens is the same word written closed up (tradeoff,
    // howtos), a spelling of its own, not a slip.
    {
        std::string closed = detail::to_lower(suggestion);
        std::erase(closed, '-');
        if (closed == lower) return std::nullopt;
    }
    // A suggestion the article writes elsewhere in the same language (panelet for paneet)
    // marks a slip whatever the word resembles in the other language.
    const auto written = context.same_language_counts.find(detail::to_lower(suggestion));
    const bool written_elsewhere = written != context.same_language_counts.end() && written->second > 0;
    if (lang == Lang::da && !written_elsewhere) {
        // A Danish term whose English cognate is in the article (adipocytter ~ adipocytes)
        // passes, unless the suggestion is the closer cognate (angiogense -> angiogenese
        // ~ angiogenesis): then the word is the slip.
        // A key of four letters or fewer one edit from an English word is chance, not a
        // cognate (nogt ~ not, where noget is two edits from it): such a word needs the
        // English word's very key.
        const std::u32string own_key = detail::cognate_key(lower);
        const std::u32string suggestion_key = detail::cognate_key(detail::to_lower(suggestion));
        const double floor = own_key.size() > 4 ? 0.75 : 1.0;
        bool term = false;
        context.article.for_each_cognate_within(own_key, floor, [&](const std::u32string& e) {
            const double own = detail::cognate_similarity_at_least(own_key, e, floor);
            // A tie goes to the suggestion: dokumenteet and dokumentet are equally like
            // document once doubled letters are undone, and only one is Danish.
            term = term || (own >= floor && own > detail::cognate_similarity_of_keys(suggestion_key, e));
        });
        if (term) return std::nullopt;
    }
    Finding f = make_word_finding(Finding::Kind::misspelling, sentence, w.text, w.begin, w.end);
    f.suggestion = suggestion;
    f.message = detail::format_message(messages,
                                       lang == Lang::da ? "'{}' is not in the Danish dictionaries; did you mean '{}'?"
                                                                 : "'{}' is not in the English dictionaries; did you mean '{}'?",
                                       w.text, suggestion);
    return f;
}

// --- the whole article ---------------------------------------------------------------

std::vector<Finding> Checker::Impl::check(const Article& article, const ArticleAlignment& alignment, std::string_view source) const {
    std::vector<Finding> missing, findings;

    auto article_finding = [&](Finding::Kind kind, Lang lang, std::string message) {
        Finding f;
        f.kind = kind;
        f.lang = lang;
        f.message = std::move(message);
        if (article.title) f.text = article.title->text;
        f.span = f.sentence_span = article.span;
        missing.push_back(std::move(f));
    };
    if (article.resume.empty()) {
        article_finding(Finding::Kind::missing_resume, Lang::da,
                        messages.translate(article.truncated_start
                                               ? "the article has no Resumé: the source begins inside the article, so the Resumé may be in the missing part"
                                               : "the article has no Danish Resumé"));
    }
    if (!article.summary || article.summary->sentences.empty()) {
        const std::string what = messages.translate(article.summary ? "the article's Summary has no sentences" : "the article has no English Summary");
        article_finding(Finding::Kind::missing_summary, Lang::en,
                        article.truncated_end
                            ? detail::format_message(messages, "{}: the source ends inside the article, so the Summary may be in the missing part", what)
                            : what);
    }

    // What the parser had to assume about the structure, where it did.
    for (const StructureNote& note : article.structure_notes) {
        Finding f;
        f.kind = Finding::Kind::suspect_structure;
        f.lang = Lang::da;
        f.message = messages.translate_text(note.message);
        f.span = f.sentence_span = note.span;
        missing.push_back(std::move(f));
    }

    // Split every sentence once.
    auto prepare = [&](const Sentence& s, Lang lang) { return CheckedSentence{&s, lang, splitter.split(s.text)}; };
    std::vector<CheckedSentence> resume, summary, danish_other;
    std::optional<CheckedSentence> summary_title;
    for (const auto& s : article.resume) resume.push_back(prepare(s, Lang::da));
    if (article.summary) {
        for (const auto& s : article.summary->sentences) summary.push_back(prepare(s, Lang::en));
        if (article.summary->title) summary_title = prepare(*article.summary->title, Lang::en);
    }
    if (article.title) danish_other.push_back(prepare(*article.title, Lang::da));
    if (article.subtitle) danish_other.push_back(prepare(*article.subtitle, Lang::da));
    // Body sentences, indexed by (section, sentence) for claim evidence.
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> body_index;
    for (std::size_t si = 0; si < article.sections.size(); ++si) {
        const auto& section = article.sections[si];
        if (section.heading) danish_other.push_back(prepare(*section.heading, Lang::da));
        for (std::size_t k = 0; k < section.sentences.size(); ++k) {
            body_index[{si, k}] = danish_other.size();
            danish_other.push_back(prepare(section.sentences[k], Lang::da));
        }
    }
    for (const auto& figure : article.figures) danish_other.push_back(prepare(figure.caption, Lang::da));

    // Unsupported claims.
    for (const auto& claim : alignment.support) {
        if (claim.supported || claim.en >= summary.size()) continue;
        const CheckedSentence& s = summary[claim.en];
        Finding f;
        f.kind = Finding::Kind::unsupported_claim;
        f.lang = Lang::en;
        f.text = s.sentence->text;
        f.span = f.sentence_span = s.sentence->span;
        f.message = messages.translate(
            article.truncated_start || article.truncated_end
                ? "no sentence of the Danish text supports this Summary sentence (the source does not hold the whole article, so the support may be in the missing part)"
                : "no sentence of the Danish text supports this Summary sentence");
        findings.push_back(std::move(f));
    }

    // Numbers and abbreviations, bead by bead.
    for (const auto& bead : alignment.resume_summary) {
        if (bead.da.empty() || bead.en.empty()) continue;  // an omission has nothing to compare
        std::vector<const CheckedSentence*> da, en;
        for (auto i : bead.da)
            if (i < resume.size()) da.push_back(&resume[i]);
        for (auto i : bead.en)
            if (i < summary.size()) en.push_back(&summary[i]);
        if (!da.empty() && !en.empty()) compare_mentions(da, en, findings);
    }

    // Spelling. Word lists for suggestions and for "written the same in the other language".
    auto lower_words = [](const CheckedSentence& s, std::vector<std::string>& out) {
        for (std::size_t i = 0; i < s.words.size(); ++i) {
            const auto& w = s.words[i];
            if (!w.is_letters) continue;
            out.push_back(detail::to_lower(w.text));
            // A hyphen the repair kept inside a word (kondro-cytter): also the joined form.
            if (i + 2 < s.words.size() && s.words[i + 1].text == "-" && s.words[i + 1].begin == w.end &&
                s.words[i + 2].begin == s.words[i + 1].end && s.words[i + 2].is_letters)
                out.push_back(detail::to_lower(w.text + s.words[i + 2].text));
        }
    };
    std::vector<std::string> all_danish, all_english;
    for (const auto& s : resume) lower_words(s, all_danish);
    for (const auto& s : danish_other) lower_words(s, all_danish);
    for (const auto& s : summary) lower_words(s, all_english);
    if (summary_title) lower_words(*summary_title, all_english);
    // Names the article writes in code, in either language.
    std::unordered_set<std::string> code_names;
    auto add_code_names = [&](const CheckedSentence& s) {
        for (auto& name : detail::code_names(s.sentence->text, s.words)) code_names.insert(std::move(name));
    };
    for (const auto& s : resume) add_code_names(s);
    for (const auto& s : danish_other) add_code_names(s);
    for (const auto& s : summary) add_code_names(s);
    if (summary_title) add_code_names(*summary_title);
    // And the names its Danish text inflects after an apostrophe (umask’en), also in English.
    for (const auto* part : {&resume, &danish_other})
        for (const auto& s : *part)
            for (auto& name : detail::apostrophe_inflected_names(s.words)) code_names.insert(std::move(name));
    std::unordered_map<std::string, int> danish_counts, english_counts;
    for (const auto& w : all_danish) ++danish_counts[w];
    for (const auto& w : all_english) ++english_counts[w];
    // Each language's vocabulary (WordEvidence only asks "any of them" questions, so the
    // order does not matter).
    auto vocabulary_of = [](const std::unordered_map<std::string, int>& counts) {
        std::vector<std::string> words;
        words.reserve(counts.size());
        for (const auto& [word, count] : counts) words.push_back(word);
        return words;
    };
    const std::vector<std::string> danish_vocabulary = vocabulary_of(danish_counts), english_vocabulary = vocabulary_of(english_counts);
    const WordEvidence danish_evidence(danish_vocabulary, Lang::da, translation_targets), english_evidence(english_vocabulary, Lang::en, translation_targets);

    // Each checked sentence's suggestion context, kept until its suspects are judged.
    struct SentenceContext {
        SentenceContext(std::vector<std::string> words, Lang lang, const TranslationTargets& translations,
                        const WordEvidence& article_evidence, const std::unordered_map<std::string, int>& counts)
            : aligned_words(std::move(words)),
              aligned(aligned_words, lang, translations),
              context{aligned, article_evidence, counts} {}
        std::vector<std::string> aligned_words;
        WordEvidence aligned;
        SuggestionContext context;
    };
    std::deque<SentenceContext> contexts;  // a deque: the contexts' addresses must not change
    SpellingPass spelling;

    // English: the Summary's title and sentences, with their Danish counterparts as context.
    auto check_english = [&](const CheckedSentence& s, const std::vector<const CheckedSentence*>& aligned) {
        std::vector<std::string> aligned_words;
        for (const auto* a : aligned) lower_words(*a, aligned_words);
        const auto& kept = contexts.emplace_back(std::move(aligned_words), Lang::da, translation_targets, danish_evidence, english_counts);
        check_spelling(s, kept.context, article, danish_counts, code_names, spelling);
    };
    if (summary_title) {
        std::vector<const CheckedSentence*> aligned;
        for (const auto& s : danish_other)
            if ((article.title && s.sentence == &*article.title) || (article.subtitle && s.sentence == &*article.subtitle)) aligned.push_back(&s);
        check_english(*summary_title, aligned);
    }
    for (std::size_t j = 0; j < summary.size(); ++j) {
        std::vector<const CheckedSentence*> aligned;
        for (const auto& bead : alignment.resume_summary)
            if (std::find(bead.en.begin(), bead.en.end(), j) != bead.en.end())
                for (auto i : bead.da)
                    if (i < resume.size()) aligned.push_back(&resume[i]);
        for (const auto& claim : alignment.support)
            if (claim.en == j)
                for (const auto& evidence : claim.evidence)
                    if (const auto it = body_index.find({evidence.section, evidence.sentence}); it != body_index.end())
                        aligned.push_back(&danish_other[it->second]);
        check_english(summary[j], aligned);
    }

    // Danish: every sentence, with the aligned English (or the whole Summary) as context.
    auto check_danish = [&](const CheckedSentence& s, const std::vector<const CheckedSentence*>& aligned) {
        std::vector<std::string> aligned_words;
        for (const auto* a : aligned) lower_words(*a, aligned_words);
        const auto& kept = contexts.emplace_back(std::move(aligned_words), Lang::en, translation_targets, english_evidence, danish_counts);
        check_spelling(s, kept.context, article, english_counts, code_names, spelling);
    };
    for (std::size_t i = 0; i < resume.size(); ++i) {
        std::vector<const CheckedSentence*> aligned;
        for (const auto& bead : alignment.resume_summary)
            if (std::find(bead.da.begin(), bead.da.end(), i) != bead.da.end())
                for (auto j : bead.en)
                    if (j < summary.size()) aligned.push_back(&summary[j]);
        check_danish(resume[i], aligned);
    }
    for (const auto& s : danish_other) check_danish(s, {});

    std::vector<std::pair<std::string, Lang>> suspect_words;
    for (const auto& [slot, suspect] : spelling.suspects)
        suspect_words.emplace_back(suspect.sentence->words[suspect.word].text, suspect.sentence->lang);
    speller.prepare_suggestions(suspect_words);
    for (const auto& [slot, suspect] : spelling.suspects) spelling.findings[slot] = judge_suspect(suspect);
    for (auto& finding : spelling.findings)
        if (finding) findings.push_back(std::move(*finding));

    // Reading order; the missing parts first.
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.sentence_span.start != b.sentence_span.start) return a.sentence_span.start < b.sentence_span.start;
        return a.span.start < b.span.start;
    });
    missing.insert(missing.end(), std::make_move_iterator(findings.begin()), std::make_move_iterator(findings.end()));
    if (!source.empty()) locate_in_source(missing, source);
    return missing;
}

// --- source offsets --------------------------------------------------------------------

void locate_in_source(Finding& finding, std::string_view source) {
    if (finding.word.empty() || finding.sentence_span.end > source.size() || finding.sentence_span.start >= finding.sentence_span.end) return;
    const std::string_view word = finding.word;
    if (finding.span.end <= source.size() && finding.span.size() == word.size() &&
        source.substr(finding.span.start, word.size()) == word)
        return;  // already exact
    const std::size_t limit = finding.sentence_span.end;
    std::size_t seen = 0, last_start = std::string_view::npos, last_end = 0;
    for (std::size_t at = finding.sentence_span.start; at < limit; ++at) {
        if (source[at] != word.front() || word_char_before(source, at)) continue;
        const std::size_t end = match_repaired(source, at, limit, word);
        if (end == std::string_view::npos || word_char_at(source, end)) continue;
        last_start = at;
        last_end = end;
        if (seen++ == finding.occurrence) break;
    }
    if (last_start == std::string_view::npos) return;
    finding.span.start = last_start;
    finding.span.end = last_end;
}

void locate_in_source(std::vector<Finding>& findings, std::string_view source) {
    for (auto& f : findings) locate_in_source(f, source);
}

}  // namespace summalign
