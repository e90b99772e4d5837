// Sentence similarity: translation coverage in both directions, weighted by how much
// each word says, plus anchors that need no lexicon and a length-ratio term.
// See docs/similarity.md for the model and its weights.
#include "summalign/similarity.hpp"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "detail/similarity_memo.hpp"
#include "detail/similarity_tokens.hpp"
#include "detail/similarity_keys.hpp"
#include "detail/similarity_links.hpp"
#include "detail/similarity_words.hpp"

namespace summalign {
// The word-level helpers of similarity_words.hpp (and the rest of summalign::detail).
namespace words = detail;
}

namespace summalign {

std::string_view to_string(MatchKind kind) noexcept {
    switch (kind) {
        case MatchKind::dictionary: return "dictionary";
        case MatchKind::glossary: return "glossary";
        case MatchKind::learned: return "learned";
        case MatchKind::user: return "user";
        case MatchKind::stem: return "stem";
        case MatchKind::compound: return "compound";
        case MatchKind::cognate: return "cognate";
        case MatchKind::number: return "number";
        case MatchKind::abbreviation: return "abbreviation";
        case MatchKind::identical: return "identical";
        case MatchKind::name: return "name";
        case MatchKind::citation: return "citation";
    }
    return "unknown";
}

namespace {

using Token = detail::PreparedToken;
using Link = Token::Link;

// Key namespaces (first argument of words::key_of).
constexpr char kDanishStem = 'd';
constexpr char kEnglishStem = 'e';
constexpr char kNumber = 'n';
constexpr char kAbbreviation = 'a';
constexpr char kCitation = 'c';
constexpr char kName = 'p';
constexpr char kIdentical = 'i';
constexpr char kCognatePrefix = 'g';

// Token weights before any corpus statistics (docs/similarity.md).
constexpr float kFunctionWordWeight = 0.5f;
constexpr float kAnchorWeight = 1.5f;
constexpr float kCitationWeight = 0.5f;

// Link strengths by how the link was found.
constexpr float kInflectedLookup = 0.95f;  // found under a lemma candidate, not the form itself
constexpr float kCompoundPart = 0.85f;
constexpr float kMultiWordPart = 0.9f;
constexpr float kIdenticalSpelling = 0.8f;
constexpr float kCognateScale = 0.9f;
constexpr double kCognateThreshold = 0.72;
constexpr std::size_t kMaxTranslations = 40;
constexpr float kMinLearnedProbability = 0.02f;
constexpr std::size_t kMaxPhraseWords = 3;
// Longer "words" (URLs, sequences, garbage from PDF extraction) are neither split into
// compound parts nor compared as cognates: both cost grows with the length.
constexpr std::size_t kMaxAnalysedWordBytes = 40;
// A word the lexicon knows is also split into parts (Token::parts, for claim support) from
// this length on: shorter known words are rarely compounds, and their splits mostly chance.
constexpr std::size_t kMinKnownCompoundBytes = 9;

MatchKind kind_of(Translation::Source source) {
    switch (source) {
        case Translation::Source::freedict: return MatchKind::dictionary;
        case Translation::Source::glossary: return MatchKind::glossary;
        case Translation::Source::learned: return MatchKind::learned;
        case Translation::Source::user: return MatchKind::user;
    }
    return MatchKind::dictionary;
}

float strength_of(const Translation& t) {
    if (t.source != Translation::Source::learned) return 1.0f;
    // IBM-1 probabilities spread over many words; a third is already a confident link.
    return std::clamp(0.35f + 1.5f * t.probability, 0.35f, 0.9f);
}

void add_link(std::vector<Link>& links, std::uint64_t key, MatchKind kind, float strength) {
    for (auto& link : links) {
        if (link.key == key) {
            if (strength > link.strength) {
                link.strength = strength;
                link.kind = kind;
            }
            return;
        }
    }
    links.push_back({key, kind, strength});
}

void add_key(std::vector<std::uint64_t>& keys, std::uint64_t key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
}

// PreparedSentence::key_filter: two of its 512 bits per key, from different bits of the key
// (an FNV-1a hash, so all its bits are mixed).
using KeyFilter = std::array<std::uint64_t, 8>;
void add_to_filter(KeyFilter& filter, std::uint64_t key) {
    const auto first = key & 511u, second = (key >> 9) & 511u;
    filter[first >> 6] |= std::uint64_t{1} << (first & 63u);
    filter[second >> 6] |= std::uint64_t{1} << (second & 63u);
}
bool may_contain(const KeyFilter& filter, std::uint64_t key) {
    const auto first = key & 511u, second = (key >> 9) & 511u;
    return (filter[first >> 6] >> (first & 63u) & 1u) != 0 && (filter[second >> 6] >> (second & 63u) & 1u) != 0;
}
bool filter_empty(const KeyFilter& filter) {
    return std::all_of(filter.begin(), filter.end(), [](std::uint64_t word) { return word == 0; });
}

// The two Snowball stemmers a prepare() call may need, made on first use: with the word
// memo warm most calls need neither (a Stemmer is not thread-safe, so each call owns its own).
class CallStemmers {
public:
    const words::Stemmer& of(Lang lang) {
        auto& stemmer = lang == Lang::da ? danish_ : english_;
        if (!stemmer) stemmer.emplace(lang == Lang::da ? "danish" : "english");
        return *stemmer;
    }

private:
    std::optional<words::Stemmer> danish_;
    std::optional<words::Stemmer> english_;
};

// How many analyses the memos keep (each is emptied shard by shard when full): a journal
// archive's working vocabulary fits, and the bound keeps a long run's memory flat.
constexpr std::size_t kMaxMemoWords = 32768;
constexpr std::size_t kMaxMemoParts = 65536;
constexpr std::size_t kMaxMemoPhrases = 65536;
constexpr std::size_t kMaxMemoTargets = 65536;

}  // namespace

struct SentenceScorer::Impl {
    const Lexicon* lexicon = nullptr;
    ScorerOptions options;

    // A word's analysis (stem, anchors, lexicon links, compound parts) depends only on the
    // word as written and its language, and a text repeats its words, so analyses are kept
    // and shared by every thread using this scorer (docs/benchmarks.md, "Align").
    words::ShardedMemo<Token> danish_words{kMaxMemoWords};
    words::ShardedMemo<Token> english_words{kMaxMemoWords};
    // Whether a Danish string is a word the lexicon knows (under some lemma candidate): the
    // compound splitter asks this about the same heads and tails for word after word.
    words::ShardedMemo<bool> known_danish_parts{kMaxMemoParts};
    // Links of a multi-word lexicon entry, keyed by the phrase (no links: not an entry).
    words::ShardedMemo<std::vector<Link>> danish_phrases{kMaxMemoPhrases};
    words::ShardedMemo<std::vector<Link>> english_phrases{kMaxMemoPhrases};
    // The stem keys a translation's words link to, in order: they depend on the translation
    // alone, and many headwords share translations, so they are kept, by the language of
    // the translation.
    struct TargetKeys {
        std::vector<std::uint64_t> keys;
        bool multi = false;  // more than one word: each link is a part of the translation
    };
    words::ShardedMemo<TargetKeys> danish_targets{kMaxMemoTargets};
    words::ShardedMemo<TargetKeys> english_targets{kMaxMemoTargets};

    std::vector<Translation> lookup(std::string_view word, Lang from) const {
        return from == Lang::da ? lexicon->da_to_en(word) : lexicon->en_to_da(word);
    }
    bool has(std::string_view word, Lang from) const {
        return from == Lang::da ? lexicon->has_danish(word) : lexicon->has_english(word);
    }

    // Translations of `lower` (trying inflection-stripped forms when the form itself is
    // unknown); `found` receives the form that was found.
    std::vector<Translation> lookup_inflected(std::string_view lower, Lang from, std::string& found) const {
        std::vector<Translation> translations;
        auto known = [&](std::string_view candidate) {
            translations = lookup(candidate, from);
            if (translations.empty()) return false;
            found = candidate;
            return true;
        };
        if (!(from == Lang::da ? words::find_danish_lemma_candidate(lower, known)
                               : words::find_english_lemma_candidate(lower, known)))
            found.clear();
        return translations;
    }

    // Whether lookup_inflected(lower) would find anything, without copying translations.
    bool known_inflected(std::string_view lower, Lang from) const {
        auto known = [&](std::string_view candidate) { return has(candidate, from); };
        return from == Lang::da ? words::find_danish_lemma_candidate(lower, known)
                                : words::find_english_lemma_candidate(lower, known);
    }

    // Adds links for every word of every translation (stemmed in the target language);
    // `source` is the form the translations were found under.
    void link_translations(Token& token, std::string_view source, const std::vector<Translation>& translations,
                           Lang target, const words::Stemmer& target_stemmer, bool inflected, float extra = 1.0f) const {
        const char ns = target == Lang::en ? kEnglishStem : kDanishStem;
        const bool target_danish = target == Lang::da;
        // A function word's translations are the glossary's: a learned entry from or to one is
        // IBM-1's pairing of frequent words ("på" -> "the"), not a translation.
        const bool function_source = words::is_function_word(source, !target_danish);
        std::size_t used = 0;
        for (const auto& translation : translations) {
            if (used == kMaxTranslations) break;
            if (translation.source == Translation::Source::learned &&
                (translation.probability < kMinLearnedProbability || function_source ||
                 words::is_function_word(translation.target, target_danish)))
                continue;
            ++used;
            MatchKind kind = kind_of(translation.source);
            float strength = strength_of(translation) * extra;
            if (inflected) {
                strength *= kInflectedLookup;
                if (kind != MatchKind::learned) kind = MatchKind::stem;
            }
            if (extra < 1.0f) kind = MatchKind::compound;
            const auto& memo = target == Lang::en ? english_targets : danish_targets;
            auto add = [&](const TargetKeys& keys) {
                for (const auto key : keys.keys) add_link(token.links, key, kind, keys.multi ? strength * kMultiWordPart : strength);
            };
            if (const std::size_t hash = std::hash<std::string_view>{}(translation.target); !memo.visit(translation.target, hash, add)) {
                const TargetKeys keys = target_keys(translation.target, target, ns, target_stemmer);
                add(keys);
                memo.store(translation.target, hash, keys);
            }
        }
    }

    // The stem keys a translation's words link to, in order (TargetKeys).
    static TargetKeys target_keys(std::string_view target_text, Lang target, char ns, const words::Stemmer& target_stemmer) {
        TargetKeys out;
        const auto target_words = words::tokenize(target_text);
        std::size_t content = 0;
        for (const auto& w : target_words)
            if (!words::is_function_word(words::to_lower(w.surface), target == Lang::da)) ++content;
        out.multi = target_words.size() > 1;
        for (const auto& w : target_words) {
            const auto lower = words::to_lower(w.surface);
            // "to eat", "at spise", "the heart": the function word is not the translation.
            if (content > 0 && out.multi && words::is_function_word(lower, target == Lang::da)) continue;
            out.keys.push_back(words::key_of(ns, target_stemmer.stem(lower)));
        }
        return out;
    }

    // Everything prepare() derives from one word by itself (the phrase links that depend on
    // its neighbours are added by the caller).
    Token analyse(const words::RawToken& piece, Lang lang, CallStemmers& stemmers) const;
    // The links a multi-word entry gives each of its words; empty when `phrase` is none.
    std::vector<Link> phrase_links(const std::string& phrase, Lang lang, CallStemmers& stemmers) const;
};

Token SentenceScorer::Impl::analyse(const words::RawToken& piece, Lang lang, CallStemmers& stemmers) const {
    const bool danish = lang == Lang::da;
    const Lang other = danish ? Lang::en : Lang::da;
    const char own_ns = danish ? kDanishStem : kEnglishStem;
    Token token;
    token.surface = piece.surface;
    token.lower = words::to_lower(piece.surface);
    token.is_number = piece.is_number;
    token.is_citation = piece.is_citation;
    token.stem = (token.is_number || token.is_citation) ? token.lower : stemmers.of(lang).stem(token.lower);
    const bool function_word = words::is_function_word(token.lower, danish);
    const std::string abbreviation =
        token.is_number || token.is_citation ? std::string() : words::abbreviation_of(piece.surface);
    token.is_abbreviation = !abbreviation.empty();
    token.is_name = !function_word && !token.is_abbreviation && words::is_capitalised(piece.surface);

    if (token.is_citation) {
        token.weight = kCitationWeight;
        token.anchors.push_back({words::key_of(kCitation, token.lower), MatchKind::citation, 1.0f});
        return token;
    }
    if (token.is_number) {
        token.weight = kAnchorWeight;
        token.anchors.push_back({words::key_of(kNumber, words::normalise_number(token.lower)), MatchKind::number, 1.0f});
        return token;
    }
    token.weight = function_word ? kFunctionWordWeight : 1.0f;
    add_key(token.own_keys, words::key_of(own_ns, token.stem));
    if (token.is_abbreviation) {
        token.weight = kAnchorWeight;
        token.anchors.push_back({words::key_of(kAbbreviation, abbreviation), MatchKind::abbreviation, 1.0f});
    }
    if (token.is_name) token.anchors.push_back({words::key_of(kName, piece.surface), MatchKind::name, 1.0f});
    if (!function_word && token.lower.size() >= 3 && !words::is_false_friend(token.lower))
        token.anchors.push_back({words::key_of(kIdentical, token.lower), MatchKind::identical, kIdenticalSpelling});
    if (options.use_cognates && token.lower.size() >= 5 && token.lower.size() <= kMaxAnalysedWordBytes) {
        token.cognate = words::cognate_skeleton(token.lower, danish);
        if (token.cognate.size() >= 4)
            token.anchors.push_back({words::key_of(kCognatePrefix, token.cognate.substr(0, 4)), MatchKind::cognate, 0.0f});
    }

    token.may_start_term = danish ? lexicon->may_start_danish_term(token.lower) : lexicon->may_start_english_term(token.lower);

    std::string found;
    auto translations = lookup_inflected(token.lower, lang, found);
    const bool splittable = danish && !token.is_abbreviation && options.use_compounds && token.lower.size() <= kMaxAnalysedWordBytes;
    std::vector<std::string> parts;
    if (splittable && (translations.empty() || token.lower.size() >= kMinKnownCompoundBytes)) {
        auto known = [&](std::string_view part) {
            return known_danish_parts.get(part, [&] { return known_inflected(part, Lang::da); });
        };
        parts = words::split_compound(token.lower, known);
    }
    if (!translations.empty()) {
        token.is_inflected = found != token.lower;
        link_translations(token, found, translations, other, stemmers.of(other), token.is_inflected);
        if (found != token.lower) add_key(token.own_keys, words::key_of(own_ns, stemmers.of(lang).stem(found)));
    } else {
        for (const auto& part : parts) {
            token.is_compound = true;
            auto part_translations = lookup_inflected(part, lang, found);
            link_translations(token, found, part_translations, other, stemmers.of(other), false, kCompoundPart);
            add_key(token.own_keys, words::key_of(own_ns, stemmers.of(lang).stem(found)));
        }
    }
    token.english_word = danish && translations.empty() && parts.empty() &&
                         !token.is_abbreviation && known_inflected(token.lower, Lang::en);
    for (const auto& part : parts) {
        Token holder;
        const auto part_translations = lookup_inflected(part, lang, found);
        link_translations(holder, found, part_translations, other, stemmers.of(other), false);
        token.parts.push_back({words::key_of(own_ns, stemmers.of(lang).stem(found)), std::move(holder.links)});
    }
    return token;
}

std::vector<Link> SentenceScorer::Impl::phrase_links(const std::string& phrase, Lang lang, CallStemmers& stemmers) const {
    const auto& memo = lang == Lang::da ? danish_phrases : english_phrases;
    return memo.get(phrase, [&] {
        Token holder;
        if (has(phrase, lang))
            link_translations(holder, phrase, lookup(phrase, lang), lang == Lang::da ? Lang::en : Lang::da,
                              stemmers.of(lang == Lang::da ? Lang::en : Lang::da), false);
        return std::move(holder.links);
    });
}

PreparedSentence::PreparedSentence() = default;
PreparedSentence::~PreparedSentence() = default;
PreparedSentence::PreparedSentence(const PreparedSentence&) = default;
PreparedSentence::PreparedSentence(PreparedSentence&&) noexcept = default;
PreparedSentence& PreparedSentence::operator=(const PreparedSentence&) = default;
PreparedSentence& PreparedSentence::operator=(PreparedSentence&&) noexcept = default;

SentenceScorer::SentenceScorer(const Lexicon& lexicon) : SentenceScorer(lexicon, ScorerOptions{}) {}
SentenceScorer::SentenceScorer(const Lexicon& lexicon, const ScorerOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->lexicon = &lexicon;
    impl_->options = options;
}
SentenceScorer::~SentenceScorer() = default;
SentenceScorer::SentenceScorer(SentenceScorer&&) noexcept = default;
SentenceScorer& SentenceScorer::operator=(SentenceScorer&&) noexcept = default;

const Lexicon& SentenceScorer::lexicon() const noexcept { return *impl_->lexicon; }

PreparedSentence SentenceScorer::prepare(std::string_view text, Lang lang) const {
    const bool danish = lang == Lang::da;
    CallStemmers stemmers;
    const auto& word_memo = danish ? impl_->danish_words : impl_->english_words;

    PreparedSentence sentence;
    sentence.lang = lang;
    sentence.text = std::string(text);

    auto raw_tokens = words::tokenize(text);
    sentence.tokens.reserve(raw_tokens.size());  // tokens are heavy (strings, vectors): not moved on growth
    for (auto& raw : raw_tokens) {
        std::vector<words::RawToken> pieces;
        if (!danish && !raw.is_number && !raw.is_citation && raw.surface.find('\'') != std::string::npos) {
            for (auto& part : words::expand_english_contraction(words::to_lower(raw.surface)))
                pieces.push_back({std::move(part), false, false});
        } else {
            pieces.push_back(std::move(raw));
        }
        for (auto& piece : pieces) {
            // Numbers and citation marks are cheap to analyse and rarely repeat.
            if (piece.is_number || piece.is_citation)
                sentence.tokens.push_back(impl_->analyse(piece, lang, stemmers));
            else if (const std::size_t hash = std::hash<std::string_view>{}(piece.surface);
                     !word_memo.visit(piece.surface, hash, [&](const Token& known) { sentence.tokens.push_back(known); })) {
                sentence.tokens.push_back(impl_->analyse(piece, lang, stemmers));
                word_memo.store(piece.surface, hash, sentence.tokens.back());
            }
        }
    }

    // Multi-word entries ("i dag" today, "kan lide" like, "bone marrow" knoglemarv): each
    // word of the phrase links to the phrase's translations.
    auto& tokens = sentence.tokens;
    std::string phrase;  // one buffer for every phrase: most are looked up, not kept
    for (std::size_t length = kMaxPhraseWords; length >= 2; --length) {
        for (std::size_t start = 0; start + length <= tokens.size(); ++start) {
            if (!tokens[start].may_start_term) continue;
            phrase.assign(tokens[start].lower);
            bool usable = !tokens[start].is_number && !tokens[start].is_citation;
            for (std::size_t k = start + 1; k < start + length && usable; ++k) {
                usable = !tokens[k].is_number && !tokens[k].is_citation;
                phrase += ' ';
                phrase += tokens[k].lower;
            }
            if (!usable) continue;
            const auto links = impl_->phrase_links(phrase, lang, stemmers);
            for (std::size_t k = start; k < start + length; ++k)
                for (const auto& link : links) add_link(tokens[k].links, link.key, link.kind, link.strength);
        }
    }

    if (!impl_->options.use_anchors) {
        for (auto& token : sentence.tokens)
            std::erase_if(token.anchors, [](const Link& anchor) { return anchor.kind != MatchKind::cognate; });
    }

    detail::index_keys(sentence);
    return sentence;
}

std::vector<std::uint64_t> detail::ScorerWords::stems(const SentenceScorer& scorer, std::string_view text, Lang lang) {
    // The tokens as prepare() makes them; a number or citation mark has no own key, and the
    // phrases and the anchors' options never change a token's own keys.
    const auto& impl = *scorer.impl_;
    const bool danish = lang == Lang::da;
    const auto& word_memo = danish ? impl.danish_words : impl.english_words;
    CallStemmers stemmers;
    std::vector<std::uint64_t> out;
    auto add = [&](const words::RawToken& piece) {
        if (piece.is_number || piece.is_citation) return;
        const bool known = word_memo.visit(piece.surface, [&](const Token& token) {
            if (!token.own_keys.empty()) out.push_back(token.own_keys.front());
        });
        if (known) return;
        Token token = impl.analyse(piece, lang, stemmers);
        if (!token.own_keys.empty()) out.push_back(token.own_keys.front());
        word_memo.store(piece.surface, token);
    };
    for (auto& raw : words::tokenize(text)) {
        if (!danish && !raw.is_number && !raw.is_citation && raw.surface.find('\'') != std::string::npos) {
            for (auto& part : words::expand_english_contraction(words::to_lower(raw.surface)))
                add({std::move(part), false, false});
        } else {
            add(raw);
        }
    }
    return out;
}

void detail::index_keys(PreparedSentence& sentence) {
    auto keys = std::make_shared<SentenceKeys>();
    for (std::uint32_t i = 0; i < sentence.tokens.size(); ++i) {
        const auto& token = sentence.tokens[i];
        for (auto key : token.own_keys) keys->index.emplace_back(key, i);
        for (const auto& anchor : token.anchors) keys->index.emplace_back(anchor.key, i);
    }
    std::sort(keys->index.begin(), keys->index.end());
    keys->index.erase(std::unique(keys->index.begin(), keys->index.end()), keys->index.end());
    for (const auto& entry : keys->index) {
        keys->signature |= std::uint64_t{1} << (entry.first % 64);
        add_to_filter(keys->filter, entry.first);
    }
    sentence.keys = std::move(keys);
}

namespace {

// A side of a bead: its sentences' tokens numbered in one sequence. Scoring runs for
// every candidate bead, so the buffers live on the stack for ordinary sentence lengths.
struct Side {
    boost::container::small_vector<const Token*, 96> tokens;
    // For each sentence: its keys (null: none), where its tokens start in `tokens`, and
    // whether to test keys against its filter as well as its signature (not when the filter
    // is all zero).
    struct Part {
        const detail::SentenceKeys* keys;
        std::size_t offset;
        bool filtered;
    };
    boost::container::small_vector<Part, 2> sentences;
    std::size_t characters = 0;

    explicit Side(std::span<const PreparedSentence* const> prepared) {
        for (const auto* sentence : prepared) {
            if (!sentence) continue;
            const detail::SentenceKeys* keys = sentence->keys.get();
            sentences.push_back({keys, tokens.size(), keys && !filter_empty(keys->filter)});
            for (const auto& token : sentence->tokens) {
                tokens.push_back(&token);
                characters += token.surface.size();
            }
        }
    }

    template <typename F>
    void for_each_with_key(std::uint64_t key, F&& f) const {
        const std::uint64_t bit = std::uint64_t{1} << (key % 64);
        for (const auto& [keys, offset, filtered] : sentences) {
            if (!keys || (keys->signature & bit) == 0) continue;
            if (filtered && !may_contain(keys->filter, key)) continue;
            const auto& index = keys->index;
            auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(key, std::uint32_t{0}));
            for (; it != index.end() && it->first == key; ++it) f(offset + it->second);
        }
    }
};

struct Best {
    float strength = 0.0f;
    std::size_t partner = 0;
    MatchKind kind = MatchKind::dictionary;
};

// Length-ratio term: Danish and English translations have about the same number of
// characters; log-ratios beyond ±0.5 are unusual (Gale & Church use the same idea).
double length_factor(std::size_t da_chars, std::size_t en_chars) {
    const double ratio = std::log((static_cast<double>(da_chars) + 10.0) / (static_cast<double>(en_chars) + 10.0));
    constexpr double mean = 0.0;
    constexpr double spread = 0.35;
    const double z = (ratio - mean) / spread;
    return std::exp(-0.5 * z * z);
}

}  // namespace

double detail::with_length_term(double coverage, std::size_t da_chars, std::size_t en_chars) {
    constexpr double kLengthShare = 0.2;  // how much of the score the length term can take away
    return coverage * (1.0 - kLengthShare + kLengthShare * length_factor(da_chars, en_chars));
}

namespace {

using BestLinks = boost::container::small_vector<Best, 96>;

void record(BestLinks& best_da, BestLinks& best_en, std::size_t i, std::size_t j, MatchKind kind, float strength) {
    if (strength > best_da[i].strength) best_da[i] = {strength, j, kind};
    if (strength > best_en[j].strength) best_en[j] = {strength, i, kind};
}

// ---------------------------------------------------------------------------------------
// The link rules: which tokens link, with what kind and strength. Every way of finding
// links below (pair by pair for SentenceScorer::score and BeadScorer, from sorted keys for
// LineScorer and EnglishLinks, key by key for detail::token_links) applies these and no
// other; they differ only in the order they meet the pairs. A link's strength depends on
// its two tokens alone, not on the rest of the sides (docs/similarity.md, "Scoring a pair").

// Lexicon links and anchors from the Danish side: a Danish token's link (a translation's
// key) or anchor (number, name, citation, ... key) meeting an English token whose key index
// holds the key. A lexicon link met on an inflected English token matched it through its
// lemma: a stem link, weaker by kInflectedLookup (not a learned link, trained on the forms,
// nor a compound one, already weakened). An anchor links as it is.
struct DanishLink {
    MatchKind kind;
    float strength;
    bool lexicon;  // a lexicon link, not an anchor

    std::pair<MatchKind, float> against(bool english_inflected) const {
        if (english_inflected && lexicon && kind != MatchKind::learned && kind != MatchKind::compound)
            return {MatchKind::stem, strength * kInflectedLookup};
        return {kind, strength};
    }
};

// Each link and anchor of a Danish token, in that order, as f(key, DanishLink). Cognate
// anchors (a skeleton's first letters) only find candidates and never link.
template <typename F>
void for_each_danish_link(const Token& token, F&& f) {
    for (const auto& link : token.links) f(link.key, DanishLink{link.kind, link.strength, true});
    for (const auto& anchor : token.anchors)
        if (anchor.kind != MatchKind::cognate) f(anchor.key, DanishLink{anchor.kind, anchor.strength, false});
}

// How a token was reached from its surface: through compound parts, through a lemma.
struct Path {
    bool compound = false, inflected = false;
};
Path path_of(const Token& token) { return {token.is_compound, token.is_inflected}; }

// A link found among a word's own stems, credited to the path that reached the word: its
// compound parts or its lemma.
std::pair<MatchKind, float> own_path(Path path, MatchKind kind, float strength) {
    if (path.compound) return std::pair{MatchKind::compound, strength * kCompoundPart};
    if (path.inflected && kind != MatchKind::learned)
        return std::pair{MatchKind::stem, strength * kInflectedLookup};
    return std::pair{kind, strength};
}

// Lexicon links from the English side: an English token's link (a translation's key)
// meeting a Danish token whose key index holds the key (among its own stems, compound parts
// included). Credited to the Danish token's path, then, when the English token was itself
// reached through its lemma, to the English token's path as well.
std::pair<MatchKind, float> english_link(Path danish, Path english, MatchKind kind, float strength) {
    auto [k, s] = own_path(danish, kind, strength);
    if (english.inflected) std::tie(k, s) = own_path(english, k, s);
    return {k, s};
}

// Cognates, after every lexicon and anchor link: between tokens that both have a skeleton
// and no link of kCognateOpen or more, strength detail::cognate_strength. The Danish tokens
// are met in order, each (if open then) against the English tokens in order; an English
// token leaves the open ones as soon as a link (a cognate too) reaches kCognateOpen, a
// Danish token is compared with all the English tokens still open when it is met.
constexpr float kCognateOpen = 0.6f;
// (A template: `cognate` a std::string or a std::string_view, only its size read; `strongest`
// by reference, read only for a token with a skeleton.)
template <typename Skeleton>
bool takes_cognate(const Skeleton& cognate, const float& strongest) {
    return !cognate.empty() && strongest < kCognateOpen;
}
// ---------------------------------------------------------------------------------------

// Every lexicon and anchor link between a Danish token of `da` and an English token of
// `en`, as update(i, j, kind, strength); a pair may be linked several times (the strongest
// counts), which is what lets BeadScorer find them per sentence pair.
template <typename Update>
void for_each_english_link(const Side& da, const Side& en, Update&& update);

template <typename Update>
void for_each_link(const Side& da, const Side& en, Update&& update) {
    for (std::size_t i = 0; i < da.tokens.size(); ++i) {
        for_each_danish_link(*da.tokens[i], [&](std::uint64_t key, const DanishLink& link) {
            en.for_each_with_key(key, [&](std::size_t j) {
                const auto [kind, strength] = link.against(en.tokens[j]->is_inflected);
                update(i, j, kind, strength);
            });
        });
    }
    for_each_english_link(da, en, update);
}

// The other direction: an English word's translations found among the Danish words'
// own stems. When the Danish word was reached only through its lemma or its compound
// parts, the link is credited to that path.
template <typename Update>
void for_each_english_link(const Side& da, const Side& en, Update&& update) {
    for (std::size_t j = 0; j < en.tokens.size(); ++j) {
        const Token& e = *en.tokens[j];
        for (const auto& link : e.links) {
            da.for_each_with_key(link.key, [&](std::size_t i) {
                const auto [kind, strength] = english_link(path_of(*da.tokens[i]), path_of(e), link.kind, link.strength);
                update(i, j, kind, strength);
            });
        }
    }
}

// One English sentence's translation links sorted by key: for_each_english_link met from
// the Danish side, each (key, token) of a Danish sentence's key index against the English
// entries with that key (a few dozen searches instead of one per English link), for an
// English sentence scored against several Danish ones.
struct SortedEnglishLinks {
    struct Entry {
        std::uint64_t key;
        std::uint32_t token;
        float strength;
        MatchKind kind;
    };
    std::vector<Entry> entries;  // sorted by key
    KeyFilter filter{};

    explicit SortedEnglishLinks(const PreparedSentence& english) {
        for (std::uint32_t j = 0; j < english.tokens.size(); ++j)
            for (const auto& link : english.tokens[j].links) entries.push_back({link.key, j, link.strength, link.kind});
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
        for (const auto& entry : entries) add_to_filter(filter, entry.key);
    }

    // The same (Danish token, English token, kind, strength) as for_each_english_link(da,
    // en, update) for the one-sentence sides of `danish` and this sentence, in another order.
    template <typename Update>
    void for_each_link(const PreparedSentence& danish, const Side& da, const Side& en, Update&& update) const {
        for (const auto& [key, i] : detail::key_index(danish)) {
            if (!may_contain(filter, key)) continue;
            auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                       [](const Entry& entry, std::uint64_t k) { return entry.key < k; });
            for (; it != entries.end() && it->key == key; ++it) {
                const auto [kind, strength] =
                    english_link(path_of(*da.tokens[i]), path_of(*en.tokens[it->token]), it->kind, it->strength);
                update(i, it->token, kind, strength);
            }
        }
    }
};

// The rest of a score once every token's strongest link is known: cognates among the
// words the lexicon left unmatched, then the weighted two-way coverage with the length term.
struct Finished {
    double score = 0.0;
    double total_weight = 0.0;  // of both sides' tokens: what match weights are shares of
};

// What the rest of a score (cognates, coverage, length term) reads of the English side:
// the tokens of a Side (SideTokens), or a line kept in detail::EnglishLines (LineScorer's
// KeptTokens). One template over both, so that the two scores cannot drift apart.
struct SideTokens {
    const Side& side;
    std::size_t size() const { return side.tokens.size(); }
    float weight(std::size_t j) const { return side.tokens[j]->weight; }
    std::string_view cognate(std::size_t j) const { return side.tokens[j]->cognate; }
    std::size_t characters() const { return side.characters; }
};

// Cognates among the tokens the lexicon left (nearly) unmatched: each Danish token in
// order against the English tokens in order, both still below a strong link.
template <typename English>
void match_cognates(const Side& da, const English& en, BestLinks& best_da, BestLinks& best_en) {
    // The English tokens that may take a cognate (in order), so that each Danish token
    // scans a short list; a token matched meanwhile drops out by the strength test below.
    boost::container::small_vector<std::uint32_t, 96> open_english;
    for (std::uint32_t j = 0; j < en.size(); ++j)
        if (takes_cognate(en.cognate(j), best_en[j].strength)) open_english.push_back(j);
    for (std::size_t i = 0; i < da.tokens.size() && !open_english.empty(); ++i) {
        const Token& d = *da.tokens[i];
        if (!takes_cognate(d.cognate, best_da[i].strength)) continue;
        for (const std::uint32_t j : open_english) {
            if (best_en[j].strength >= kCognateOpen) continue;
            if (const float strength = detail::cognate_strength(d.cognate, en.cognate(j)); strength > 0.0f)
                record(best_da, best_en, i, j, MatchKind::cognate, strength);
        }
    }
}

// The weighted two-way coverage of the strongest links, with the length term.
template <typename English>
Finished coverage_score(const Side& da, const English& en, const BestLinks& best_da,
                        const BestLinks& best_en) {
    double total = 0.0;
    double matched = 0.0;
    for (std::size_t i = 0; i < da.tokens.size(); ++i) {
        total += da.tokens[i]->weight;
        matched += da.tokens[i]->weight * best_da[i].strength;
    }
    for (std::size_t j = 0; j < en.size(); ++j) {
        total += en.weight(j);
        matched += en.weight(j) * best_en[j].strength;
    }
    const double coverage = total > 0.0 ? matched / total : 0.0;
    const double weighed = detail::with_length_term(coverage, da.characters, en.characters());
    return {std::clamp(weighed, 0.0, 1.0), total};
}

// The rest of a score once every token's strongest link is known.
template <typename English>
Finished finish_score(const Side& da, const English& en, BestLinks& best_da, BestLinks& best_en) {
    match_cognates(da, en, best_da, best_en);
    return coverage_score(da, en, best_da, best_en);
}


}  // namespace

Similarity SentenceScorer::score(std::span<const PreparedSentence* const> danish,
                                 std::span<const PreparedSentence* const> english, bool with_matches) const {
    Similarity result;
    const Side da(danish);
    const Side en(english);
    if (da.tokens.empty() || en.tokens.empty()) return result;

    BestLinks best_da(da.tokens.size());
    BestLinks best_en(en.tokens.size());
    for_each_link(da, en, [&](std::size_t i, std::size_t j, MatchKind kind, float strength) {
        record(best_da, best_en, i, j, kind, strength);
    });
    const Finished finished = finish_score(da, SideTokens{en}, best_da, best_en);
    result.score = finished.score;
    const double total = finished.total_weight;
    if (with_matches && total > 0.0) {
        // Each match as (Danish token, English token, kind, weight), merged by token pair,
        // then sorted by weight (stable) before its words are copied: sorting the
        // WordMatches themselves would move their strings around.
        struct Emitted {
            std::size_t i, j;
            MatchKind kind;
            double weight;
        };
        boost::container::small_vector<Emitted, 64> emitted;
        auto emit = [&](std::size_t i, std::size_t j, const Best& best, double weight) {
            for (auto& e : emitted) {
                if (e.i == i && e.j == j) {
                    e.weight += weight;
                    return;
                }
            }
            emitted.push_back({i, j, best.kind, weight});
        };
        for (std::size_t i = 0; i < da.tokens.size(); ++i)
            if (best_da[i].strength > 0.0f)
                emit(i, best_da[i].partner, best_da[i], da.tokens[i]->weight * best_da[i].strength / total);
        for (std::size_t j = 0; j < en.tokens.size(); ++j)
            if (best_en[j].strength > 0.0f)
                emit(best_en[j].partner, j, best_en[j], en.tokens[j]->weight * best_en[j].strength / total);
        std::stable_sort(emitted.begin(), emitted.end(), [](const Emitted& a, const Emitted& b) { return a.weight > b.weight; });
        result.matches.reserve(emitted.size());
        for (const auto& e : emitted) result.matches.push_back({da.tokens[e.i]->surface, en.tokens[e.j]->surface, e.kind, e.weight});
    }
    return result;
}

namespace {

// The strongest links of token_links, found key by key rather than pair by pair: the same
// strengths as for_each_link followed by match_cognates give (only each token's strongest
// link counts, not which partner gave it or the order the links came in), in time near
// linear in the tokens however often a word repeats on both sides (a claim extracted
// without sentence ends against a long candidate: docs/scoring.md, "Claim support", *Cost*).
void keep_strongest(Best& best, float strength) {
    if (strength > best.strength) best.strength = strength;
}

// Every (key, token) of the sides' key indexes (own keys and anchors), token numbered as in
// the Side, sorted by key.
std::vector<std::pair<std::uint64_t, std::uint32_t>> side_index(const Side& side) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> index;
    for (const auto& part : side.sentences) {
        if (!part.keys) continue;
        for (const auto& [key, token] : part.keys->index)
            index.emplace_back(key, static_cast<std::uint32_t>(part.offset + token));
    }
    if (side.sentences.size() > 1) std::sort(index.begin(), index.end());
    return index;
}

// for_each_link's strongest strengths: its first direction (each Danish link and anchor
// against the English tokens with its key) needs to know, of each key, whether an English
// token with it is inflected or not and the strongest Danish link to each kind; its other
// direction (each English link against the Danish tokens with its key), which kinds of
// Danish token (compound, inflected) hold the key and the strongest English link to each.
void strongest_lexicon_links(const Side& da, const Side& en, BestLinks& best_da, BestLinks& best_en) {
    using Index = std::vector<std::pair<std::uint64_t, std::uint32_t>>;
    const Index da_index = side_index(da);
    const Index en_index = side_index(en);
    auto key_less = [](const auto& a, const auto& b) { return a.key < b.key; };

    // First direction. A Danish link's strength against a plain and an inflected English token.
    struct DanishEntry {
        std::uint64_t key;
        std::uint32_t token;
        float plain, inflected;
    };
    std::vector<DanishEntry> danish;
    for (std::uint32_t i = 0; i < da.tokens.size(); ++i)
        for_each_danish_link(*da.tokens[i], [&](std::uint64_t key, const DanishLink& link) {
            danish.push_back({key, i, link.against(false).second, link.against(true).second});
        });
    std::sort(danish.begin(), danish.end(), key_less);
    for (std::size_t a = 0, e = 0; a < danish.size();) {
        const std::uint64_t key = danish[a].key;
        std::size_t b = a;
        float to_plain = 0.0f, to_inflected = 0.0f;
        for (; b < danish.size() && danish[b].key == key; ++b) {
            to_plain = std::max(to_plain, danish[b].plain);
            to_inflected = std::max(to_inflected, danish[b].inflected);
        }
        while (e < en_index.size() && en_index[e].first < key) ++e;
        bool any_plain = false, any_inflected = false;
        for (; e < en_index.size() && en_index[e].first == key; ++e) {
            const std::uint32_t j = en_index[e].second;
            const bool inflected = en.tokens[j]->is_inflected;
            (inflected ? any_inflected : any_plain) = true;
            keep_strongest(best_en[j], inflected ? to_inflected : to_plain);
        }
        for (; a < b; ++a) {
            if (any_plain) keep_strongest(best_da[danish[a].token], danish[a].plain);
            if (any_inflected) keep_strongest(best_da[danish[a].token], danish[a].inflected);
        }
    }

    // Other direction. The Danish paths english_link tells apart: bit 1 compound, bit 0 inflected.
    struct EnglishEntry {
        std::uint64_t key;
        std::uint32_t token;
        const Link* link;
    };
    std::vector<EnglishEntry> english;
    for (std::uint32_t j = 0; j < en.tokens.size(); ++j)
        for (const auto& link : en.tokens[j]->links) english.push_back({link.key, j, &link});
    std::sort(english.begin(), english.end(), key_less);
    auto kind_of_danish = [&](std::uint32_t i) {
        return (da.tokens[i]->is_compound ? 2u : 0u) | (da.tokens[i]->is_inflected ? 1u : 0u);
    };
    for (std::size_t a = 0, d = 0; a < english.size();) {
        const std::uint64_t key = english[a].key;
        while (d < da_index.size() && da_index[d].first < key) ++d;
        std::size_t d_end = d;
        unsigned kinds = 0;
        for (; d_end < da_index.size() && da_index[d_end].first == key; ++d_end) kinds |= 1u << kind_of_danish(da_index[d_end].second);
        std::array<float, 4> strongest{};  // by Danish kind
        for (; a < english.size() && english[a].key == key; ++a) {
            if (kinds == 0) continue;
            const Path e = path_of(*en.tokens[english[a].token]);
            for (unsigned k = 0; k < 4; ++k) {
                if ((kinds & (1u << k)) == 0) continue;
                const float strength =
                    english_link({(k & 2u) != 0, (k & 1u) != 0}, e, english[a].link->kind, english[a].link->strength).second;
                keep_strongest(best_en[english[a].token], strength);
                strongest[k] = std::max(strongest[k], strength);
            }
        }
        for (; d < d_end; ++d) keep_strongest(best_da[da_index[d].second], strongest[kind_of_danish(da_index[d].second)]);
    }
}

// match_cognates with the English tokens grouped by skeleton: the tokens of a group take
// the same cognate strength from each Danish token, so they leave the open tokens together
// (at the first strength of 0.6 or more) and end with the strongest strength the group took
// while open. A Danish skeleton is compared with the open groups the first time a token
// with it is matched, only with those of its first letter and a length within three (no
// other can be its cognate: detail::cognate_strength); a later token with it adds nothing
// to the groups (those still open took its strengths, all below 0.6, already) and takes
// the strongest of them.
void match_cognates_grouped(const Side& da, const Side& en, BestLinks& best_da, BestLinks& best_en) {
    struct Group {
        std::string_view cognate;
        float strongest = 0.0f;
        bool open = true;
    };
    std::vector<Group> groups;
    std::unordered_map<std::string_view, std::uint32_t> group_of_skeleton;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> members;  // (English token, group)
    // The open groups by first letter and length (closed ones dropped when met).
    auto shape = [](std::string_view cognate) {
        return (std::uint64_t{static_cast<unsigned char>(cognate[0])} << 32) | cognate.size();
    };
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> open_by_shape;
    for (std::uint32_t j = 0; j < en.tokens.size(); ++j) {
        const std::string_view cognate = en.tokens[j]->cognate;
        if (!takes_cognate(cognate, best_en[j].strength)) continue;
        const auto [it, added] = group_of_skeleton.try_emplace(cognate, static_cast<std::uint32_t>(groups.size()));
        if (added) {
            open_by_shape[shape(cognate)].push_back(it->second);
            groups.push_back({cognate});
        }
        members.emplace_back(j, it->second);
    }
    // Per Danish skeleton matched: the open groups it gave a strength (above 0), strongest
    // first, and how many of those are known to have closed since.
    struct Matched {
        std::vector<std::pair<float, std::uint32_t>> strengths;
        std::size_t closed = 0;
    };
    std::unordered_map<std::string_view, Matched> matched;
    for (std::size_t i = 0; i < da.tokens.size() && !groups.empty(); ++i) {
        const Token& d = *da.tokens[i];
        if (!takes_cognate(d.cognate, best_da[i].strength)) continue;
        const auto [it, first] = matched.try_emplace(d.cognate);
        Matched& m = it->second;
        if (first) {
            const std::size_t size = d.cognate.size();
            for (std::size_t length = size > 3 ? size - 3 : 1; length <= size + 3; ++length) {
                const auto bucket = open_by_shape.find(shape(d.cognate) - size + length);
                if (bucket == open_by_shape.end()) continue;
                std::erase_if(bucket->second, [&](std::uint32_t g) { return !groups[g].open; });
                for (const std::uint32_t g : bucket->second) {
                    Group& group = groups[g];
                    const float strength = detail::cognate_strength(d.cognate, group.cognate);
                    if (strength <= 0.0f) continue;
                    keep_strongest(best_da[i], strength);
                    group.strongest = std::max(group.strongest, strength);
                    if (strength >= kCognateOpen) group.open = false;
                    else m.strengths.emplace_back(strength, g);
                }
            }
            std::sort(m.strengths.begin(), m.strengths.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
        } else {
            while (m.closed < m.strengths.size() && !groups[m.strengths[m.closed].second].open) ++m.closed;
            if (m.closed < m.strengths.size()) keep_strongest(best_da[i], m.strengths[m.closed].first);
        }
    }
    for (const auto& [j, g] : members) keep_strongest(best_en[j], groups[g].strongest);
}

// TokenLinks of the sides, their strongest links found by find(da, en, best_da, best_en)
// (lexicon, anchors and cognates).
template <typename Find>
detail::TokenLinks token_links_found_by(std::span<const PreparedSentence* const> danish,
                                        const PreparedSentence& english, Find&& find) {
    detail::TokenLinks out;
    const PreparedSentence* english_one[] = {&english};
    const Side da(danish);
    const Side en(english_one);
    out.da.assign(da.tokens.size(), 0.0f);
    out.en.assign(en.tokens.size(), 0.0f);
    if (da.tokens.empty() || en.tokens.empty()) return out;
    BestLinks best_da(da.tokens.size());
    BestLinks best_en(en.tokens.size());
    find(da, en, best_da, best_en);
    out.score = coverage_score(da, SideTokens{en}, best_da, best_en).score;
    for (std::size_t i = 0; i < da.tokens.size(); ++i) out.da[i] = best_da[i].strength;
    for (std::size_t j = 0; j < en.tokens.size(); ++j) out.en[j] = best_en[j].strength;
    return out;
}

}  // namespace

namespace detail {

TokenLinks token_links(std::span<const PreparedSentence* const> danish, const PreparedSentence& english) {
    return token_links_found_by(danish, english, [](const Side& da, const Side& en, BestLinks& best_da, BestLinks& best_en) {
        strongest_lexicon_links(da, en, best_da, best_en);
        match_cognates_grouped(da, en, best_da, best_en);
    });
}

TokenLinks token_links_pair_by_pair(std::span<const PreparedSentence* const> danish, const PreparedSentence& english) {
    return token_links_found_by(danish, english, [](const Side& da, const Side& en, BestLinks& best_da, BestLinks& best_en) {
        for_each_link(da, en, [&](std::size_t i, std::size_t j, MatchKind kind, float strength) {
            record(best_da, best_en, i, j, kind, strength);
        });
        match_cognates(da, SideTokens{en}, best_da, best_en);
    });
}

}  // namespace detail

struct detail::LineScorer::Impl {
    // SideTokens for a line kept in EnglishLines.
    struct KeptTokens {
        const EnglishLines::View& line;
        std::size_t size() const { return line.header->token_count; }
        float weight(std::size_t j) const { return line.tokens[j].weight; }
        std::string_view cognate(std::size_t j) const {
            return {line.cognates + line.tokens[j].cognate_begin, line.tokens[j].cognate_size};
        }
        std::size_t characters() const { return line.header->characters; }
    };

    // A Danish link or anchor (for_each_danish_link) of token `token`.
    struct Entry {
        std::uint64_t key;
        std::uint32_t token;
        DanishLink link;
    };
    const PreparedSentence* danish_one[1];
    Side da;
    std::vector<Entry> entries;  // sorted by key
    KeyFilter filter{};          // of the entries' keys: most English keys match none

    // Every link between the Danish sentence and `english` (whose Side is `en`), as
    // for_each_link gives them but in another order: the same (Danish token, English token,
    // strength) triples as its first direction, met from the English side (each (key,
    // token) of the English index against the Danish entries with that key), then the
    // other direction. Only the strongest link of each token counts in a score, so the
    // order does not change it.
    template <typename Update>
    void for_each_link(const PreparedSentence& english, const Side& en, Update&& update,
                       const SortedEnglishLinks* english_links = nullptr) const {
        for (const auto& [key, j] : key_index(english)) {
            if (!may_contain(filter, key)) continue;
            auto it = std::lower_bound(entries.begin(), entries.end(), key,
                                       [](const Entry& entry, std::uint64_t k) { return entry.key < k; });
            const bool inflected = en.tokens[j]->is_inflected;
            for (; it != entries.end() && it->key == key; ++it) {
                const auto [kind, strength] = it->link.against(inflected);
                update(it->token, j, kind, strength);
            }
        }
        if (english_links) english_links->for_each_link(*danish_one[0], da, en, update);
        else for_each_english_link(da, en, update);
    }

    double score(const PreparedSentence& english, const SortedEnglishLinks* english_links) const {
        const PreparedSentence* en_one[] = {&english};
        const Side en(en_one);
        if (da.tokens.empty() || en.tokens.empty()) return 0.0;
        BestLinks best_da(da.tokens.size());
        BestLinks best_en(en.tokens.size());
        for_each_link(
            english, en,
            [&](std::size_t i, std::size_t j, MatchKind kind, float strength) { record(best_da, best_en, i, j, kind, strength); },
            english_links);
        return finish_score(da, SideTokens{en}, best_da, best_en).score;
    }

    // score(english, nullptr) for a line kept in `lines`: the same links (the first direction
    // from the line's keys, the other from the Danish key index against its sorted links, as
    // SortedEnglishLinks meets them), the same cognate order and the same sums in the same
    // order, so the same double.
    double score(const EnglishLines& lines, std::size_t n) const {
        const EnglishLines::View line = lines.at(n);
        const std::size_t token_count = line.header->token_count;
        if (da.tokens.empty() || token_count == 0) return 0.0;
        const auto* tokens = line.tokens;
        BestLinks best_da(da.tokens.size());
        BestLinks best_en(token_count);
        auto before = [](const Entry& entry, std::uint64_t k) { return entry.key < k; };
        for (const auto& [key, j] : line.keys) {
            if (!may_contain(filter, key)) continue;
            auto it = std::lower_bound(entries.begin(), entries.end(), key, before);
            const bool inflected = tokens[j].inflected;
            for (; it != entries.end() && it->key == key; ++it) {
                const auto [kind, strength] = it->link.against(inflected);
                record(best_da, best_en, it->token, j, kind, strength);
            }
        }
        const auto links = line.links;
        for (const auto& [key, i] : key_index(*danish_one[0])) {
            if (!may_contain(line.header->link_filter, key)) continue;
            auto it = std::lower_bound(links.begin(), links.end(), key,
                                       [](const EnglishLines::Link& link, std::uint64_t k) {
                                           return link.key < k;
                                       });
            for (; it != links.end() && it->key == key; ++it) {
                const auto& e = tokens[it->token];
                const auto [kind, strength] = english_link(path_of(*da.tokens[i]), {e.compound, e.inflected},
                                                           static_cast<MatchKind>(it->kind), it->strength);
                record(best_da, best_en, i, it->token, kind, strength);
            }
        }
        return finish_score(da, KeptTokens{line}, best_da, best_en).score;
    }

    // The same sentence moved to `danish` (its tokens and key index stay where they were,
    // but the object is elsewhere).
    void bind(const PreparedSentence& danish) {
        danish_one[0] = &danish;
        da = Side(danish_one);
    }

    explicit Impl(const PreparedSentence& danish) : danish_one{&danish}, da(danish_one) {
        for (std::uint32_t i = 0; i < da.tokens.size(); ++i)
            for_each_danish_link(*da.tokens[i], [&](std::uint64_t key, const DanishLink& link) {
                entries.push_back({key, i, link});
            });
        std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
        for (const auto& entry : entries) add_to_filter(filter, entry.key);
    }
};

detail::LineScorer::LineScorer(const PreparedSentence& danish) : impl_(std::make_unique<Impl>(danish)) {}
detail::LineScorer::~LineScorer() = default;

struct detail::EnglishLinks::Impl {
    SortedEnglishLinks sorted;
};

detail::EnglishLinks::EnglishLinks(const PreparedSentence& english)
    : impl_(std::make_unique<Impl>(Impl{SortedEnglishLinks(english)})) {}
detail::EnglishLinks::~EnglishLinks() = default;
detail::EnglishLinks::EnglishLinks(EnglishLinks&&) noexcept = default;
detail::EnglishLinks& detail::EnglishLinks::operator=(EnglishLinks&&) noexcept = default;

double detail::LineScorer::score(const PreparedSentence& english) const {
    return impl_->score(english, nullptr);
}

double detail::LineScorer::score(const PreparedSentence& english, const EnglishLinks& links) const {
    return impl_->score(english, &links.impl_->sorted);
}

double detail::LineScorer::score(const EnglishLines& english, std::size_t line) const {
    return impl_->score(english, line);
}

namespace {

// A line's counts and its skeletons' offsets are kept in 32 bits, so any line fits (a line
// of some 13,000 words has 65,536 bytes of skeletons or links); a word's own skeleton size
// and a link's word index in 16 bits, which only a line of more than 65,536 words outgrows
// (skeletons are made of words of at most 40 bytes). `line`: the sentence's index, `what`:
// why it does not fit.
template <typename Narrow>
Narrow narrow_count(std::size_t count, std::size_t line, const char* what) {
    if (count > std::numeric_limits<Narrow>::max()) throw detail::EnglishLines::TooLong(line, what);
    return static_cast<Narrow>(count);
}

}  // namespace

std::size_t detail::EnglishLines::words_for(const PreparedSentence& english) {
    std::size_t links = 0, cognates = 0;
    for (const auto& t : english.tokens) {
        links += t.links.size();
        cognates += t.cognate.size();
    }
    auto words = [](std::size_t bytes) { return (bytes + 7) / 8; };
    return words(sizeof(Header)) + words(sizeof(Key) * detail::key_index(english).size()) + words(sizeof(Link) * links) +
           words(sizeof(Token) * english.tokens.size()) + words(cognates);
}

void detail::EnglishLines::add(const PreparedSentence& english) {
    const std::size_t line = size();
    constexpr const char* kLongWord = "a word longer than mine takes";
    constexpr const char* kManyWords = "a line of more than 65,536 words, longer than mine takes";
    constexpr const char* kLongLine = "a line longer than mine takes";
    Header header{};
    std::vector<Token> tokens;
    std::vector<Link> links;
    std::string cognates;
    for (std::uint32_t j = 0; j < english.tokens.size(); ++j) {
        const PreparedToken& token = english.tokens[j];
        header.characters += static_cast<std::uint32_t>(token.surface.size());
        tokens.push_back({token.weight,
                          narrow_count<std::uint32_t>(cognates.size(), line, kLongLine),
                          narrow_count<std::uint16_t>(token.cognate.size(), line, kLongWord),
                          token.is_inflected, token.is_compound});
        cognates += token.cognate;
        for (const auto& link : token.links)
            links.push_back({link.key, link.strength,
                             narrow_count<std::uint16_t>(j, line, kManyWords),
                             static_cast<std::uint8_t>(link.kind)});
    }
    std::vector<Key> keys;
    for (const auto& [key, token] : key_index(english)) keys.push_back({key, token});
    // Stable: links of equal key keep the order SortedEnglishLinks gives them.
    std::stable_sort(links.begin(), links.end(),
                     [](const Link& a, const Link& b) { return a.key < b.key; });
    for (const auto& link : links) add_to_filter(header.link_filter, link.key);
    header.token_count = narrow_count<std::uint32_t>(tokens.size(), line, kLongLine);
    header.key_count = narrow_count<std::uint32_t>(keys.size(), line, kLongLine);
    header.link_count = narrow_count<std::uint32_t>(links.size(), line, kLongLine);
    header.cognate_size = narrow_count<std::uint32_t>(cognates.size(), line, kLongLine);
    offsets_.push_back(blocks_.size());
    auto append = [&](const void* data, std::size_t bytes) {
        const std::size_t at = blocks_.size();
        blocks_.resize(at + words(bytes), 0);
        if (bytes > 0) std::memcpy(blocks_.data() + at, data, bytes);
    };
    append(&header, sizeof(Header));
    append(keys.data(), sizeof(Key) * keys.size());
    append(links.data(), sizeof(Link) * links.size());
    append(tokens.data(), sizeof(Token) * tokens.size());
    append(cognates.data(), cognates.size());
}

struct detail::BeadScorer::Impl {
    std::span<const PreparedSentence> danish, english;
    bool dense = true;
    struct PairLink {
        std::uint32_t da, en;  // token indices within the two sentences
        float strength;
    };
    // Key: Danish sentence * english.size() + English sentence. A map, not a table: a long
    // banded search touches only the pairs near its diagonal.
    struct Pair {
        std::vector<PairLink> links;
        // The cognate links a bead holding this pair may take: (Danish token, English token)
        // in that order, both with a cognate skeleton and without a link of 0.6 in the pair
        // (a bead only adds links, so such a token never takes a cognate in one), and close
        // enough. Found when a bead first needs them.
        std::vector<PairLink> cognates;
        bool cognates_known = false;
    };
    std::unordered_map<std::uint64_t, Pair> links;
    // Each Danish sentence's links sorted by key (LineScorer's set-up), made when the
    // sentence is first paired: a ladder pairs it with several English sentences.
    std::vector<std::unique_ptr<LineScorer::Impl>> danish_links;
    std::vector<std::unique_ptr<SortedEnglishLinks>> english_links;  // the same for the English side

    Pair& links_of(std::size_t da_sentence, std::size_t en_sentence) {
        const std::uint64_t key = static_cast<std::uint64_t>(da_sentence) * english.size() + en_sentence;
        // Not a structured binding: clang 14 (the fuzz build) cannot capture those.
        const auto found = links.try_emplace(key);
        const auto it = found.first;
        if (found.second && !dense) {
            const PreparedSentence* da_one[] = {&danish[da_sentence]};
            const PreparedSentence* en_one[] = {&english[en_sentence]};
            for_each_link(Side(da_one), Side(en_one), [&](std::size_t i, std::size_t j, MatchKind, float strength) {
                it->second.links.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), strength});
            });
        } else if (found.second) {
            if (danish_links.empty()) danish_links.resize(danish.size());
            auto& line = danish_links[da_sentence];
            if (!line) line = std::make_unique<LineScorer::Impl>(danish[da_sentence]);
            if (english_links.empty()) english_links.resize(english.size());
            auto& other = english_links[en_sentence];
            if (!other) other = std::make_unique<SortedEnglishLinks>(english[en_sentence]);
            const PreparedSentence* en_one[] = {&english[en_sentence]};
            line->for_each_link(
                english[en_sentence], Side(en_one),
                [&](std::size_t i, std::size_t j, MatchKind, float strength) {
                    it->second.links.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j), strength});
                },
                other.get());
        }
        return it->second;
    }

    const std::vector<PairLink>& cognates_of(std::size_t da_sentence, std::size_t en_sentence) {
        Pair& pair = links_of(da_sentence, en_sentence);
        if (pair.cognates_known) return pair.cognates;
        pair.cognates_known = true;
        const auto& da_tokens = danish[da_sentence].tokens;
        const auto& en_tokens = english[en_sentence].tokens;
        boost::container::small_vector<float, 96> da_best(da_tokens.size(), 0.0f), en_best(en_tokens.size(), 0.0f);
        for (const PairLink& link : pair.links) {
            da_best[link.da] = std::max(da_best[link.da], link.strength);
            en_best[link.en] = std::max(en_best[link.en], link.strength);
        }
        for (std::uint32_t i = 0; i < da_tokens.size(); ++i) {
            if (!takes_cognate(da_tokens[i].cognate, da_best[i])) continue;
            for (std::uint32_t j = 0; j < en_tokens.size(); ++j) {
                if (!takes_cognate(en_tokens[j].cognate, en_best[j])) continue;
                if (const float strength = cognate_strength(da_tokens[i].cognate, en_tokens[j].cognate); strength > 0.0f)
                    pair.cognates.push_back({i, j, strength});
            }
        }
        return pair.cognates;
    }
};

detail::BeadScorer::BeadScorer(std::span<const PreparedSentence> danish, std::span<const PreparedSentence> english, bool dense,
                               SortedLinks* sorted)
    : impl_(std::make_unique<Impl>()) {
    impl_->danish = danish;
    impl_->english = english;
    impl_->dense = dense;
    if (!dense || !sorted) return;
    if (sorted->danish.size() != danish.size() || sorted->english.size() != english.size())
        throw std::invalid_argument("BeadScorer: sorted links for another number of sentences");
    impl_->danish_links.resize(danish.size());
    for (std::size_t k = 0; k < danish.size(); ++k) {
        if (!sorted->danish[k]) continue;
        impl_->danish_links[k] = std::move(sorted->danish[k]->impl_);
        impl_->danish_links[k]->bind(danish[k]);
    }
    impl_->english_links.resize(english.size());
    for (std::size_t k = 0; k < english.size(); ++k)
        impl_->english_links[k] = std::make_unique<SortedEnglishLinks>(std::move(sorted->english[k].impl_->sorted));
    sorted->danish.clear();
    sorted->english.clear();
}
detail::BeadScorer::~BeadScorer() = default;

double detail::BeadScorer::score(std::size_t da_begin, std::size_t da_count, std::size_t en_begin, std::size_t en_count) {
    boost::container::small_vector<const PreparedSentence*, 2> da_sentences, en_sentences;
    for (std::size_t k = 0; k < da_count; ++k) da_sentences.push_back(&impl_->danish[da_begin + k]);
    for (std::size_t k = 0; k < en_count; ++k) en_sentences.push_back(&impl_->english[en_begin + k]);
    const Side da(std::span<const PreparedSentence* const>(da_sentences.data(), da_sentences.size()));
    const Side en(std::span<const PreparedSentence* const>(en_sentences.data(), en_sentences.size()));
    if (da.tokens.empty() || en.tokens.empty()) return 0.0;
    // A link's strength depends on its two tokens only (for_each_link), so the links of
    // the sentence pairs, renumbered into the bead's sides, are the bead's links.
    BestLinks best_da(da.tokens.size());
    BestLinks best_en(en.tokens.size());
    for (std::size_t a = 0; a < da_count; ++a)
        for (std::size_t b = 0; b < en_count; ++b)
            for (const Impl::PairLink& link : impl_->links_of(da_begin + a, en_begin + b).links)
                record(best_da, best_en, da.sentences[a].offset + link.da, en.sentences[b].offset + link.en,
                       MatchKind::dictionary, link.strength);
    if (!impl_->dense) return finish_score(da, SideTokens{en}, best_da, best_en).score;
    // Cognates as match_cognates finds them (Danish tokens in order, each against the
    // English tokens in order, both still below 0.6 when met), from each pair's kept
    // candidates instead of an edit distance per bead: every sentence pair is in up to
    // nine beads.
    for (std::size_t a = 0; a < da_count; ++a) {
        std::array<const std::vector<Impl::PairLink>*, 2> candidates{};
        std::array<std::size_t, 2> cursor{};
        for (std::size_t b = 0; b < en_count; ++b) candidates[b] = &impl_->cognates_of(da_begin + a, en_begin + b);
        for (;;) {
            std::uint32_t next = std::numeric_limits<std::uint32_t>::max();
            for (std::size_t b = 0; b < en_count; ++b)
                if (cursor[b] < candidates[b]->size()) next = std::min(next, (*candidates[b])[cursor[b]].da);
            if (next == std::numeric_limits<std::uint32_t>::max()) break;
            const std::size_t i = da.sentences[a].offset + next;
            const bool open = best_da[i].strength < kCognateOpen;
            for (std::size_t b = 0; b < en_count; ++b) {
                const auto& list = *candidates[b];
                for (; cursor[b] < list.size() && list[cursor[b]].da == next; ++cursor[b]) {
                    const std::size_t j = en.sentences[b].offset + list[cursor[b]].en;
                    if (open && best_en[j].strength < kCognateOpen)
                        record(best_da, best_en, i, j, MatchKind::cognate, list[cursor[b]].strength);
                }
            }
        }
    }
    return coverage_score(da, SideTokens{en}, best_da, best_en).score;
}

Similarity SentenceScorer::score(const PreparedSentence& danish, const PreparedSentence& english,
                                 bool with_matches) const {
    const PreparedSentence* da[] = {&danish};
    const PreparedSentence* en[] = {&english};
    return score(std::span<const PreparedSentence* const>(da), std::span<const PreparedSentence* const>(en),
                 with_matches);
}

}  // namespace summalign

namespace summalign::detail {

float cognate_strength(std::string_view danish, std::string_view english) {
    if (danish.empty() || english.empty() || english[0] != danish[0]) return 0.0f;
    const auto longer = std::max(danish.size(), english.size());
    const auto shorter = std::min(danish.size(), english.size());
    if (longer - shorter > 3) return 0.0f;
    const double similarity = edit_similarity_at_least(danish, english, kCognateThreshold);
    return similarity >= kCognateThreshold ? static_cast<float>(similarity) * kCognateScale : 0.0f;
}

}  // namespace summalign::detail
