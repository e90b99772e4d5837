// Sentence similarity: translation coverage in both directions, weighted by how much
// each word says, plus anchors that need no lexicon and a length-ratio term.
// See docs/similarity.md for the model and its weights.
#include "summalign/similarity.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "detail/similarity_words.hpp"

namespace summalign {
namespace words = detail::similarity;
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

using Token = PreparedSentence::Token;
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

}  // namespace

struct SentenceScorer::Impl {
    const Lexicon* lexicon = nullptr;
    ScorerOptions options;

    std::vector<Translation> lookup(std::string_view word, Lang from) const {
        return from == Lang::da ? lexicon->da_to_en(word) : lexicon->en_to_da(word);
    }

    // Translations of `lower` (trying inflection-stripped forms when the form itself is
    // unknown); `found` receives the form that was found.
    std::vector<Translation> lookup_inflected(std::string_view lower, Lang from, std::string& found) const {
        auto candidates = from == Lang::da ? words::danish_lemma_candidates(lower) : words::english_lemma_candidates(lower);
        for (const auto& candidate : candidates) {
            auto translations = lookup(candidate, from);
            if (!translations.empty()) {
                found = candidate;
                return translations;
            }
        }
        found.clear();
        return {};
    }

    // Adds links for every word of every translation (stemmed in the target language).
    void link_translations(Token& token, const std::vector<Translation>& translations, Lang target,
                           const words::Stemmer& target_stemmer, bool inflected, float extra = 1.0f) const {
        const char ns = target == Lang::en ? kEnglishStem : kDanishStem;
        std::size_t used = 0;
        for (const auto& translation : translations) {
            if (used == kMaxTranslations) break;
            if (translation.source == Translation::Source::learned && translation.probability < kMinLearnedProbability)
                continue;
            ++used;
            MatchKind kind = kind_of(translation.source);
            float strength = strength_of(translation) * extra;
            if (inflected) {
                strength *= kInflectedLookup;
                if (kind != MatchKind::learned) kind = MatchKind::stem;
            }
            if (extra < 1.0f) kind = MatchKind::compound;
            const auto target_words = words::tokenize(translation.target);
            std::size_t content = 0;
            for (const auto& w : target_words)
                if (!words::is_function_word(words::to_lower(w.surface), target == Lang::da)) ++content;
            const bool multi = target_words.size() > 1;
            for (const auto& w : target_words) {
                const auto lower = words::to_lower(w.surface);
                // "to eat", "at spise", "the heart": the function word is not the translation.
                if (content > 0 && multi && words::is_function_word(lower, target == Lang::da)) continue;
                add_link(token.links, words::key_of(ns, target_stemmer.stem(lower)), kind,
                         multi ? strength * kMultiWordPart : strength);
            }
        }
    }
};

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
    const Lang other = danish ? Lang::en : Lang::da;
    const words::Stemmer own_stemmer(danish ? "danish" : "english");
    const words::Stemmer other_stemmer(danish ? "english" : "danish");
    const char own_ns = danish ? kDanishStem : kEnglishStem;

    PreparedSentence sentence;
    sentence.lang = lang;
    sentence.text = std::string(text);

    // Words the compound splitter asked about, so each is looked up once per sentence.
    std::unordered_map<std::string, bool> known_cache;
    auto known = [&](std::string_view part) {
        auto [it, inserted] = known_cache.try_emplace(std::string(part), false);
        if (inserted) {
            std::string found;
            it->second = !impl_->lookup_inflected(part, lang, found).empty();
        }
        return it->second;
    };

    for (auto& raw : words::tokenize(text)) {
        std::vector<words::RawToken> pieces;
        if (!danish && !raw.is_number && !raw.is_citation && raw.surface.find('\'') != std::string::npos) {
            for (auto& part : words::expand_english_contraction(words::to_lower(raw.surface)))
                pieces.push_back({std::move(part), false, false});
        } else {
            pieces.push_back(std::move(raw));
        }
        for (auto& piece : pieces) {
            Token token;
            token.surface = piece.surface;
            token.lower = words::to_lower(piece.surface);
            token.is_number = piece.is_number;
            token.is_citation = piece.is_citation;
            token.stem = (token.is_number || token.is_citation) ? token.lower : own_stemmer.stem(token.lower);
            const bool function_word = words::is_function_word(token.lower, danish);
            const std::string abbreviation =
                token.is_number || token.is_citation ? std::string() : words::abbreviation_of(piece.surface);
            token.is_abbreviation = !abbreviation.empty();
            token.is_name = !function_word && !token.is_abbreviation && words::is_capitalised(piece.surface);

            if (token.is_citation) {
                token.weight = kCitationWeight;
                token.anchors.push_back({words::key_of(kCitation, token.lower), MatchKind::citation, 1.0f});
            } else if (token.is_number) {
                token.weight = kAnchorWeight;
                token.anchors.push_back(
                    {words::key_of(kNumber, words::normalise_number(token.lower)), MatchKind::number, 1.0f});
            } else {
                token.weight = function_word ? kFunctionWordWeight : 1.0f;
                add_key(token.own_keys, words::key_of(own_ns, token.stem));
                if (token.is_abbreviation) {
                    token.weight = kAnchorWeight;
                    token.anchors.push_back({words::key_of(kAbbreviation, abbreviation), MatchKind::abbreviation, 1.0f});
                }
                if (token.is_name)
                    token.anchors.push_back({words::key_of(kName, piece.surface), MatchKind::name, 1.0f});
                if (!function_word && token.lower.size() >= 3 && !words::is_false_friend(token.lower))
                    token.anchors.push_back(
                        {words::key_of(kIdentical, token.lower), MatchKind::identical, kIdenticalSpelling});
                if (impl_->options.use_cognates && token.lower.size() >= 5 && token.lower.size() <= kMaxAnalysedWordBytes) {
                    token.cognate = words::cognate_skeleton(token.lower, danish);
                    if (token.cognate.size() >= 4)
                        token.anchors.push_back({words::key_of(kCognatePrefix, token.cognate.substr(0, 4)),
                                                 MatchKind::cognate, 0.0f});
                }

                std::string found;
                auto translations = impl_->lookup_inflected(token.lower, lang, found);
                if (!translations.empty()) {
                    token.is_inflected = found != token.lower;
                    impl_->link_translations(token, translations, other, other_stemmer, token.is_inflected);
                    if (found != token.lower) add_key(token.own_keys, words::key_of(own_ns, own_stemmer.stem(found)));
                } else if (danish && !token.is_abbreviation && impl_->options.use_compounds &&
                           token.lower.size() <= kMaxAnalysedWordBytes) {
                    for (const auto& part : words::split_compound(token.lower, known)) {
                        token.is_compound = true;
                        auto part_translations = impl_->lookup_inflected(part, lang, found);
                        impl_->link_translations(token, part_translations, other, other_stemmer, false, kCompoundPart);
                        add_key(token.own_keys, words::key_of(own_ns, own_stemmer.stem(found)));
                    }
                }
            }
            sentence.tokens.push_back(std::move(token));
        }
    }

    // Multi-word entries ("i dag" today, "kan lide" like, "bone marrow" knoglemarv): each
    // word of the phrase links to the phrase's translations.
    auto& tokens = sentence.tokens;
    for (std::size_t length = kMaxPhraseWords; length >= 2; --length) {
        for (std::size_t start = 0; start + length <= tokens.size(); ++start) {
            std::string phrase = tokens[start].lower;
            bool usable = !tokens[start].is_number && !tokens[start].is_citation;
            for (std::size_t k = start + 1; k < start + length && usable; ++k) {
                usable = !tokens[k].is_number && !tokens[k].is_citation;
                phrase += ' ';
                phrase += tokens[k].lower;
            }
            if (!usable || !(danish ? impl_->lexicon->has_danish(phrase) : impl_->lexicon->has_english(phrase))) continue;
            const auto translations = impl_->lookup(phrase, lang);
            for (std::size_t k = start; k < start + length; ++k)
                impl_->link_translations(tokens[k], translations, other, other_stemmer, false);
        }
    }

    if (!impl_->options.use_anchors) {
        for (auto& token : sentence.tokens)
            std::erase_if(token.anchors, [](const Link& anchor) { return anchor.kind != MatchKind::cognate; });
    }

    for (std::uint32_t i = 0; i < sentence.tokens.size(); ++i) {
        const auto& token = sentence.tokens[i];
        for (auto key : token.own_keys) sentence.key_index.emplace_back(key, i);
        for (const auto& anchor : token.anchors) sentence.key_index.emplace_back(anchor.key, i);
    }
    std::sort(sentence.key_index.begin(), sentence.key_index.end());
    sentence.key_index.erase(std::unique(sentence.key_index.begin(), sentence.key_index.end()), sentence.key_index.end());
    for (const auto& entry : sentence.key_index) sentence.key_signature |= std::uint64_t{1} << (entry.first % 64);
    return sentence;
}

namespace {

struct Side {
    std::vector<const Token*> tokens;
    // For each sentence: where its tokens start in `tokens`.
    std::vector<std::pair<const PreparedSentence*, std::size_t>> sentences;
    std::size_t characters = 0;

    explicit Side(std::span<const PreparedSentence* const> prepared) {
        for (const auto* sentence : prepared) {
            if (!sentence) continue;
            sentences.emplace_back(sentence, tokens.size());
            for (const auto& token : sentence->tokens) {
                tokens.push_back(&token);
                characters += token.surface.size();
            }
        }
    }

    template <typename F>
    void for_each_with_key(std::uint64_t key, F&& f) const {
        const std::uint64_t bit = std::uint64_t{1} << (key % 64);
        for (const auto& [sentence, offset] : sentences) {
            if ((sentence->key_signature & bit) == 0) continue;
            const auto& index = sentence->key_index;
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

constexpr double kLengthShare = 0.2;  // how much of the score the length term can take away

}  // namespace

Similarity SentenceScorer::score(std::span<const PreparedSentence* const> danish,
                                 std::span<const PreparedSentence* const> english, bool with_evidence) const {
    Similarity result;
    const Side da(danish);
    const Side en(english);
    if (da.tokens.empty() || en.tokens.empty()) return result;

    std::vector<Best> best_da(da.tokens.size());
    std::vector<Best> best_en(en.tokens.size());
    auto update = [&](std::size_t i, std::size_t j, MatchKind kind, float strength) {
        if (strength > best_da[i].strength) best_da[i] = {strength, j, kind};
        if (strength > best_en[j].strength) best_en[j] = {strength, i, kind};
    };

    for (std::size_t i = 0; i < da.tokens.size(); ++i) {
        const Token& token = *da.tokens[i];
        for (const auto& link : token.links) {
            en.for_each_with_key(link.key, [&](std::size_t j) {
                const Token& e = *en.tokens[j];
                if (e.is_inflected && link.kind != MatchKind::learned && link.kind != MatchKind::compound)
                    update(i, j, MatchKind::stem, link.strength * kInflectedLookup);
                else
                    update(i, j, link.kind, link.strength);
            });
        }
        for (const auto& anchor : token.anchors) {
            if (anchor.kind == MatchKind::cognate) continue;  // only for finding candidates
            en.for_each_with_key(anchor.key, [&](std::size_t j) { update(i, j, anchor.kind, anchor.strength); });
        }
    }
    // The other direction: an English word's translations found among the Danish words'
    // own stems. When the Danish word was reached only through its lemma or its compound
    // parts, the link is credited to that path.
    auto own_path = [](const Token& token, MatchKind kind, float strength) {
        if (token.is_compound) return std::pair{MatchKind::compound, strength * kCompoundPart};
        if (token.is_inflected && kind != MatchKind::learned) return std::pair{MatchKind::stem, strength * kInflectedLookup};
        return std::pair{kind, strength};
    };
    for (std::size_t j = 0; j < en.tokens.size(); ++j) {
        const Token& e = *en.tokens[j];
        for (const auto& link : e.links) {
            da.for_each_with_key(link.key, [&](std::size_t i) {
                auto [kind, strength] = own_path(*da.tokens[i], link.kind, link.strength);
                if (e.is_inflected) std::tie(kind, strength) = own_path(e, kind, strength);
                update(i, j, kind, strength);
            });
        }
    }
    // Cognates among the words the lexicon left unmatched.
    for (std::size_t i = 0; i < da.tokens.size(); ++i) {
        const Token& d = *da.tokens[i];
        if (d.cognate.empty() || best_da[i].strength >= 0.6f) continue;
        for (std::size_t j = 0; j < en.tokens.size(); ++j) {
            const Token& e = *en.tokens[j];
            if (e.cognate.empty() || best_en[j].strength >= 0.6f || e.cognate[0] != d.cognate[0]) continue;
            const auto longer = std::max(d.cognate.size(), e.cognate.size());
            const auto shorter = std::min(d.cognate.size(), e.cognate.size());
            if (longer - shorter > 3) continue;
            const double similarity = words::edit_similarity(d.cognate, e.cognate);
            if (similarity >= kCognateThreshold)
                update(i, j, MatchKind::cognate, static_cast<float>(similarity) * kCognateScale);
        }
    }

    double total = 0.0;
    double matched = 0.0;
    for (std::size_t i = 0; i < da.tokens.size(); ++i) {
        total += da.tokens[i]->weight;
        matched += da.tokens[i]->weight * best_da[i].strength;
    }
    for (std::size_t j = 0; j < en.tokens.size(); ++j) {
        total += en.tokens[j]->weight;
        matched += en.tokens[j]->weight * best_en[j].strength;
    }
    const double coverage = total > 0.0 ? matched / total : 0.0;
    const double length = length_factor(da.characters, en.characters);
    result.score = std::clamp(coverage * (1.0 - kLengthShare + kLengthShare * length), 0.0, 1.0);

    if (with_evidence && total > 0.0) {
        // (Danish token, English token) of each evidence entry, parallel to result.evidence.
        std::vector<std::pair<std::size_t, std::size_t>> emitted;
        auto emit = [&](std::size_t i, std::size_t j, const Best& best, double weight) {
            for (std::size_t k = 0; k < emitted.size(); ++k) {
                if (emitted[k] == std::make_pair(i, j)) {
                    result.evidence[k].weight += weight;
                    return;
                }
            }
            emitted.emplace_back(i, j);
            result.evidence.push_back({da.tokens[i]->surface, en.tokens[j]->surface, best.kind, weight});
        };
        for (std::size_t i = 0; i < da.tokens.size(); ++i)
            if (best_da[i].strength > 0.0f)
                emit(i, best_da[i].partner, best_da[i], da.tokens[i]->weight * best_da[i].strength / total);
        for (std::size_t j = 0; j < en.tokens.size(); ++j)
            if (best_en[j].strength > 0.0f)
                emit(best_en[j].partner, j, best_en[j], en.tokens[j]->weight * best_en[j].strength / total);
        std::stable_sort(result.evidence.begin(), result.evidence.end(),
                         [](const WordMatch& a, const WordMatch& b) { return a.weight > b.weight; });
    }
    return result;
}

Similarity SentenceScorer::score(const PreparedSentence& danish, const PreparedSentence& english,
                                 bool with_evidence) const {
    const PreparedSentence* da[] = {&danish};
    const PreparedSentence* en[] = {&english};
    return score(std::span<const PreparedSentence* const>(da), std::span<const PreparedSentence* const>(en),
                 with_evidence);
}

}  // namespace summalign
