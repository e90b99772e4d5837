#include "detail/claim_support.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "detail/align_calibration.hpp"
#include "detail/similarity_links.hpp"
#include "detail/similarity_words.hpp"
#include "detail/utf8.hpp"

namespace summalign::detail {
namespace {

// Function words barely count: in unrelated sentences of one manual du/you, til/of,
// skal/will match as often as in a sentence and its translation.
constexpr double kFunctionWordWeight = 0.1;
// A link weaker than this does not give an identity token a partner (a cognate guess or a
// weak learned entry is no evidence that two names are the same).
constexpr double kIdentityLink = 0.6;
// A content word of the candidate counts as stated in the claim from this link strength on
// (below it: a cognate guess or a weak learned entry).
constexpr double kContentLink = 0.5;
// The share of the claim's content weight (by rarity) that its unpartnered words the lexicon
// knows must reach for `words_differ` (chosen on development splits, docs/benchmarks.md).
constexpr double kKnownUnlinkedShare = 0.6;
// A compound part's link counts at this share of its strength (the scorer's kCompoundPart).
constexpr float kCompoundPartLink = 0.85f;
// A candidate of at least this many content words (not function words, numbers or citation
// marks), at least this many tenths of them spelled as a word of the claim, is the English
// text left untranslated: a Danish translation shares names, numbers and a few cognates.
constexpr std::size_t kUntranslatedWords = 4;
constexpr std::size_t kUntranslatedTenths = 6;

// Personal pronouns are function words here too (the scorer's list leaves them to the
// lexicon): every help page addresses "you"/"du".
bool is_pronoun(std::string_view lower, bool danish) {
    static constexpr std::string_view danish_words[] = {"du", "dig", "din", "dit", "dine", "jeg", "mig", "min", "mit",
                                                        "vi", "os", "vores", "dem", "deres", "han", "ham", "hans",
                                                        "hun", "hendes", "dens", "dets", "jer", "jeres"};
    static constexpr std::string_view english_words[] = {"you", "your", "yours", "i", "me", "my", "we", "our", "us",
                                                         "they", "their", "them", "he", "him", "his", "she", "her",
                                                         "hers", "yourself", "themselves", "itself"};
    if (danish) return std::find(std::begin(danish_words), std::end(danish_words), lower) != std::end(danish_words);
    return std::find(std::begin(english_words), std::end(english_words), lower) != std::end(english_words);
}

// Words that negate what their clause says (a closed class; "non" is the first part of
// "non-recurring", which the tokenizer splits at the hyphen, "not" also comes from "isn't").
bool is_negation(std::string_view lower, bool danish) {
    static constexpr std::string_view danish_words[] = {"ikke", "aldrig", "ingen", "intet", "ingenting", "hverken", "ej"};
    static constexpr std::string_view english_words[] = {"not", "no", "never", "none", "nothing", "neither", "nor",
                                                         "cannot", "non"};
    if (danish) return std::find(std::begin(danish_words), std::end(danish_words), lower) != std::end(danish_words);
    return std::find(std::begin(english_words), std::end(english_words), lower) != std::end(english_words);
}

// Closed classes of values that exclude each other: a sentence that says "after" where the
// claim says "before", "right" where it says "bottom", "input" where it says "output" states
// something else, however well the rest of a template sentence matches. The lexicon links
// such words weakly or not at all (they are short and frequent: før/efter, højre/nedre) and
// `SentenceScorer::score` weighs them as function words, so a template that differs only in
// them wins. Per value: English forms, Danish forms (a form with a space is two words in a
// row: "læg til", "standard ind" from "standard-ind"), and Danish compound modifiers
// ("højre" of "højrekanten"; only long, unambiguous ones).
struct ContraryValue {
    std::vector<std::string_view> english, danish, danish_prefixes;
};
struct ContraryClass {
    std::vector<ContraryValue> values;
};
// Built once, read only (a constant table).
const std::vector<ContraryClass>& contrary_classes() {
    static const std::vector<ContraryClass> classes = {
        {{
            {
                {"before"},
                {"før", "inden", "forud"},
                {},
            },
            {
                {"after", "afterwards"},
                {"efter", "bagefter", "derefter"},
                {},
            },
        }},
        {{
            {
                {"first"},
                {"første", "først"},
                {},
            },
            {
                {"last"},
                {"sidste"},
                {},
            },
        }},
        {{
            {
                {"next"},
                {"næste"},
                {},
            },
            {
                {"previous", "preceding"},
                {"forrige", "foregående"},
                {},
            },
        }},
        {{
            {
                {"low", "lower", "lowest", "minimum", "minimal"},
                {"lav", "lave", "lavt", "lavere", "laveste", "minimum", "minimal", "minimale",
                 "minimalt", "nedre"},
                {},
            },
            {
                {"high", "higher", "highest", "upper", "maximum", "maximal"},
                {"høj", "høje", "højt", "højere", "højeste", "maksimum", "maksimal", "maksimale",
                 "maksimalt", "øvre"},
                {},
            },
        }},
        {{
            {
                {"top"},
                {"top", "toppen", "øverst", "øverste", "øvre"},
                {},
            },
            {
                {"bottom"},
                {"bund", "bunden", "nederst", "nederste", "nedre"},
                {},
            },
            {
                {"left"},
                {"venstre"},
                {"venstre"},
            },
            {
                {"right"},
                {"højre"},
                {"højre"},
            },
        }},
        {{
            {
                {"horizontal", "horizontally"},
                {"vandret", "vandrette", "horisontal", "horisontale", "horisontalt"},
                {"vandret", "horisontal"},
            },
            {
                {"vertical", "vertically"},
                {"lodret", "lodrette", "vertikal", "vertikale", "vertikalt"},
                {"lodret", "vertikal"},
            },
        }},
        {{
            {
                {"input", "stdin"},
                {"input", "inddata", "standardind", "standard ind", "stdin"},
                {"inddata"},
            },
            {
                {"output", "stdout"},
                {"output", "uddata", "standardud", "standard ud", "stdout"},
                {"uddata"},
            },
        }},
        {{
            {
                {"read", "reads", "reading"},
                {"læs", "læser", "læses", "læse", "indlæs", "indlæser", "indlæses"},
                {},
            },
            {
                {"write", "writes", "writing", "written"},
                {"skriv", "skriver", "skrives", "skrive", "skrevet"},
                {},
            },
        }},
        {{
            {
                {"show", "shows", "showing", "shown"},
                {"vis", "viser", "vises", "vise", "vist"},
                {},
            },
            {
                {"hide", "hides", "hiding", "hidden"},
                {"skjul", "skjuler", "skjules", "skjule", "skjult", "skjulte"},
                {},
            },
        }},
        {{
            {
                {"open", "opens", "opening", "opened"},
                {"åbn", "åbner", "åbnes", "åbne", "åbnet", "åben", "åbent"},
                {},
            },
            {
                {"close", "closes", "closing", "closed"},
                {"luk", "lukker", "lukkes", "lukke", "lukket"},
                {},
            },
        }},
        {{
            {
                {"enable", "enables", "enabled", "activate", "activates", "activated"},
                {"aktivér", "aktiver", "aktiverer", "aktiveres", "aktivere", "aktiveret",
                 "aktiverede"},
                {},
            },
            {
                {"disable", "disables", "disabled", "deactivate", "deactivates", "deactivated"},
                {"deaktivér", "deaktiver", "deaktiverer", "deaktiveres", "deaktivere",
                 "deaktiveret", "deaktiverede"},
                {},
            },
        }},
        {{
            {
                {"increase", "increases", "increasing", "increased"},
                {"øg", "øger", "øges", "øge", "øget", "forøg", "forøger", "forøges", "forøge"},
                {},
            },
            {
                {"decrease", "decreases", "decreasing", "decreased", "reduce", "reduces",
                 "reducing", "reduced"},
                {"mindsk", "mindsker", "mindskes", "mindske", "formindsk", "formindsker",
                 "formindskes", "formindske", "reducer", "reducerer", "reduceres", "reducere",
                 "reduceret", "sænk", "sænker", "sænkes", "sænke"},
                {},
            },
        }},
        {{
            {
                {"import", "imports", "importing", "imported"},
                {"import", "importér", "importer", "importerer", "importeres", "importere",
                 "importeret"},
                {},
            },
            {
                {"export", "exports", "exporting", "exported"},
                {"eksport", "eksportér", "eksporter", "eksporterer", "eksporteres", "eksportere",
                 "eksporteret"},
                {},
            },
        }},
        {{
            {
                {"compress", "compresses", "compressed", "compression"},
                {"komprimer", "komprimerer", "komprimeres", "komprimere", "komprimeret",
                 "komprimering"},
                {},
            },
            {
                {"decompress", "decompresses", "decompressed", "decompression", "uncompress",
                 "uncompressed"},
                {"dekomprimer", "dekomprimerer", "dekomprimeres", "dekomprimere", "dekomprimeret",
                 "dekomprimering", "ukomprimeret", "udpak", "udpakker", "udpakkes"},
                {},
            },
        }},
        {{
            {
                {"add", "adds", "adding", "added", "addition"},
                {"tilføj", "tilføjer", "tilføjes", "tilføje", "tilføjet", "læg til", "lægger til",
                 "addition", "adder", "adderer"},
                {},
            },
            {
                {"subtract", "subtracts", "subtracting", "subtracted", "subtraction"},
                {"træk fra", "trækker fra", "subtraktion", "subtraher", "subtraherer"},
                {},
            },
        }},
        {{
            {
                {"ascending"},
                {"stigende"},
                {},
            },
            {
                {"descending"},
                {"faldende"},
                {},
            },
        }},
        {{
            {
                {"date", "dates"},
                {"dato", "datoen", "datoer", "dags"},
                {},
            },
            {
                {"time"},
                {"klokkeslæt", "klokkeslættet", "tidspunkt", "tidspunktet"},
                {},
            },
        }},
        {{
            {
                {"red"},
                {"rød", "røde", "rødt"},
                {},
            },
            {
                {"green"},
                {"grøn", "grønne", "grønt"},
                {},
            },
            {
                {"blue"},
                {"blå", "blåt"},
                {},
            },
            {
                {"yellow"},
                {"gul", "gule", "gult"},
                {},
            },
            {
                {"white"},
                {"hvid", "hvide", "hvidt"},
                {},
            },
            {
                {"black"},
                {"sort", "sorte"},
                {},
            },
        }},
    };
    return classes;
}

// The table turned into look-ups by the word (the last word of a two-word form), so that a
// sentence is read once: which class and value each form states.
struct ContraryForm {
    std::size_t value_class = 0, value = 0;
    std::string_view before;  // the word before it, for a two-word form; empty otherwise
};
// Bit sets per class: at most this many classes, and as many values per class.
inline constexpr std::size_t kContraryClasses = 32;
struct ContraryIndex {
    std::unordered_map<std::string_view, std::vector<ContraryForm>> english, danish;
    std::vector<std::pair<std::string_view, ContraryForm>> danish_prefixes;
};
const ContraryIndex& contrary_index() {
    static const ContraryIndex index = [] {
        ContraryIndex built;
        const auto& classes = contrary_classes();
        assert(classes.size() <= kContraryClasses);
        for (std::size_t c = 0; c < classes.size(); ++c)
            for (std::size_t v = 0; v < classes[c].values.size(); ++v) {
                assert(v < static_cast<std::size_t>(std::numeric_limits<unsigned>::digits));  // one bit per value
                const ContraryValue& value = classes[c].values[v];
                const auto add = [&](auto& forms, std::string_view form) {
                    const std::size_t space = form.find(' ');
                    if (space == std::string_view::npos) forms[form].push_back({c, v, {}});
                    else forms[form.substr(space + 1)].push_back({c, v, form.substr(0, space)});
                };
                for (const std::string_view form : value.english) add(built.english, form);
                for (const std::string_view form : value.danish) add(built.danish, form);
                for (const std::string_view prefix : value.danish_prefixes)
                    built.danish_prefixes.push_back({prefix, {c, v, {}}});
            }
        return built;
    }();
    return index;
}

// Which values of each class the tokens state: per class a bit set (bit v for the v-th value).
std::array<unsigned, kContraryClasses> contrary_values(
    std::span<const PreparedSentence* const> sentences, bool danish) {
    // A modifier must leave a word of its own behind it ("højre|kanten").
    constexpr std::size_t kHeadBytes = 3;
    const ContraryIndex& index = contrary_index();
    const auto& forms = danish ? index.danish : index.english;
    std::array<unsigned, kContraryClasses> found{};
    for (const PreparedSentence* sentence : sentences)
        for (std::size_t k = 0; k < sentence->tokens.size(); ++k) {
            const std::string_view word = sentence->tokens[k].lower;
            if (const auto it = forms.find(word); it != forms.end())
                for (const ContraryForm& form : it->second)
                    if (form.before.empty() || (k > 0 && sentence->tokens[k - 1].lower == form.before))
                        found[form.value_class] |= 1u << form.value;
            if (danish)
                for (const auto& [prefix, form] : index.danish_prefixes)
                    if (word.size() >= prefix.size() + kHeadBytes && word.starts_with(prefix))
                        found[form.value_class] |= 1u << form.value;
        }
    return found;
}

// Whether a sentence ends in a question mark, before any closing quotation marks or brackets
// ("Hvad er GNU/Linux?", "»Hvad nu?«").
bool is_question(std::string_view text) {
    while (!text.empty()) {
        const unsigned char last = static_cast<unsigned char>(text.back());
        if (last == ' ' || last == '\t' || last == '\n' || last == ')' || last == ']' || last == '"' || last == '\'') {
            text.remove_suffix(1);
            continue;
        }
        // Quotation marks that close a quote in English or Danish text (“…”, ‘…’, »…«, «…», „…“).
        if (text.size() >= 3 && (text.ends_with("\u201d") || text.ends_with("\u2019") || text.ends_with("\u201c"))) {
            text.remove_suffix(3);
            continue;
        }
        if (text.size() >= 2 && (text.ends_with("\u00bb") || text.ends_with("\u00ab"))) {
            text.remove_suffix(2);
            continue;
        }
        break;
    }
    return !text.empty() && text.back() == '?';
}

bool is_function(const PreparedToken& token, bool danish) {
    return is_function_word(token.lower, danish) || is_pronoun(token.lower, danish);
}

double support_weight(const PreparedToken& token, bool danish) {
    if (token.is_number || token.is_abbreviation) return 1.5;
    if (token.is_citation) return 0.0;  // [13] says where, not what
    return is_function(token, danish) ? kFunctionWordWeight : 1.0;
}

// A name the candidate keeps as it is (capitalised, not the first word, no translation, parts
// or English entry: a surname, "Meskes") without a partner in the claim, standing beside a
// name both sides spell the same (an untranslatable one: "Michael") where the claim has a
// content word of its own without a partner in that slot: the two name different persons.
// "Written by Michael Stone." is not stated by "Skrevet af Michael Meskes.", though the
// shared first name gives the pair a name kept on both sides and the persons rule (a run of
// two such names without a partner) does not see a one-word difference. The shared name must
// be 3+ bytes with no translation (not an initial, "Appendiks B", nor a translated word), and
// the candidate's name one the lexicon cannot read as a word (a capitalised Danish label,
// "Forberedelse", has a translation or parts; one left in English, "Preparing", an English
// entry), nor the claim's word with the Danish genitive -s. Each claim word counts once.
double names_beside_shared_name(std::span<const PreparedSentence* const> source,
                                const PreparedSentence& claim, const TokenLinks& links) {
    constexpr std::size_t kNameBytes = 3;
    const auto& words = claim.tokens;
    const auto kept_name = [](const PreparedToken& t) {
        return t.is_name && !t.is_abbreviation && t.links.empty() && t.parts.empty() &&
               !t.english_word && t.lower.size() >= kNameBytes;
    };
    // The candidate's kept names without a partner, by the name before them and by the name
    // after them that could be shared (its surface; views of the candidate's tokens, which
    // outlive the maps): the lower case of the first such name in that slot and whether
    // another one is spelled otherwise. Each claim word is then two look-ups.
    struct Beside {
        std::string_view lower;  // of the first kept name in the slot
        bool others = false;     // a kept name in the slot spelled otherwise
    };
    const auto shareable = [](const PreparedToken& da) {
        return da.is_name && da.links.empty() && da.lower.size() >= kNameBytes;
    };
    std::unordered_map<std::string_view, Beside> by_before, by_after;
    const auto add = [](std::unordered_map<std::string_view, Beside>& slots, std::string_view surface,
                        std::string_view lower) {
        const auto [it, added] = slots.try_emplace(surface, Beside{lower, false});
        if (!added && it->second.lower != lower) it->second.others = true;
    };
    std::size_t i = 0;  // the token's index in links.da
    for (const PreparedSentence* sentence : source) {
        const auto& own = sentence->tokens;
        for (std::size_t k = 0; k < own.size(); ++k, ++i) {
            if (k == 0 || links.da[i] >= kContentLink || !kept_name(own[k])) continue;
            if (shareable(own[k - 1])) add(by_before, own[k - 1].surface, own[k].lower);
            if (k + 1 < own.size() && shareable(own[k + 1])) add(by_after, own[k + 1].surface, own[k].lower);
        }
    }
    // A kept name in the slot of `name` (a claim word that is a name) other than the Danish
    // genitive of the claim's word, which is that word ("Debian Edus hovedserver" for "the
    // Debian Edu main server").
    const auto differs_beside = [](const std::unordered_map<std::string_view, Beside>& slots,
                                   const PreparedToken& name, const std::string& genitive) {
        if (!name.is_name) return false;
        const auto it = slots.find(name.surface);
        return it != slots.end() && (it->second.others || it->second.lower != genitive);
    };
    double differing = 0.0;
    for (std::size_t j = 0; j < words.size(); ++j) {
        const auto& word = words[j];
        if (links.en[j] >= kContentLink || word.is_citation || word.is_number ||
            word.lower.size() < kNameBytes || is_function(word, false))
            continue;
        const std::string genitive = word.lower + "s";
        differing += (j > 0 && differs_beside(by_before, words[j - 1], genitive)) ||
                     (j + 1 < words.size() && differs_beside(by_after, words[j + 1], genitive));
    }
    return differing;
}

// A person one side names beside a person both sides name, that the other side does not name:
// "Written by David MacKenzie." is not what "Skrevet af Richard M. Stallman og David MacKenzie."
// states, nor "… Mike Parker og David MacKenzie." or "… David M. Ihnat og …". The persons rule
// (a run of two names the lexicon cannot translate) misses these: an initial breaks its run,
// "Mike" is an English word and the learned table links "Parker" and "Rubin", and a first name
// the claim shares ("David") has a partner. Here the person both sides name (two capitalised
// words in a row spelled the same on both sides, one of them a name the lexicon cannot
// translate: "David MacKenzie") says that the words beside it are names: capitalised words and
// initials in the same run or after "og"/"and", two or more of them in a row without a partner
// on the other side, are another person, whatever the lexicon knows of each. A run either
// earlier rule already counts (two untranslatable names of the candidate; a claim name the
// lexicon cannot translate) does not count again. Each side counts its own runs.
double persons_beside_shared_person(std::span<const PreparedSentence* const> source,
                                    const PreparedSentence& claim, const TokenLinks& links) {
    constexpr std::size_t kNameBytes = 3;
    const auto initial = [](const PreparedToken& t) {
        return t.is_abbreviation && t.lower.size() == 1;
    };
    const auto name_like = [&](const PreparedToken& t) { return t.is_name || initial(t); };
    const auto untranslatable = [](const PreparedToken& t) {
        return t.is_name && !t.is_abbreviation && t.links.empty() && t.parts.empty() &&
               !t.english_word && t.lower.size() >= kNameBytes;
    };
    std::vector<const std::vector<PreparedToken>*> danish;
    for (const PreparedSentence* sentence : source) danish.push_back(&sentence->tokens);
    const std::vector<const std::vector<PreparedToken>*> english = {&claim.tokens};
    // Two words in a row, spelled as two words in a row of the other side. The other side's
    // pairs are gathered once per side, when first asked, so that long runs of names on both
    // sides cost no more than their length.
    const auto pair_key = [](const PreparedToken& a, const PreparedToken& b) {
        std::string key(a.surface);
        key += '\x1f';
        key += b.surface;
        return key;
    };
    const auto in_other = [&](const std::vector<const std::vector<PreparedToken>*>& other,
                              std::optional<std::unordered_set<std::string>>& pairs,
                              const PreparedToken& a, const PreparedToken& b) {
        if (!pairs) {
            pairs.emplace();
            for (const auto* tokens : other)
                for (std::size_t k = 1; k + 1 < tokens->size(); ++k)
                    pairs->insert(pair_key((*tokens)[k], (*tokens)[k + 1]));
        }
        return pairs->contains(pair_key(a, b));
    };
    const auto side = [&](const std::vector<PreparedToken>& own, const float* partner,
                          const std::vector<const std::vector<PreparedToken>*>& other,
                          bool candidate) {
        const auto partnered = [&](std::size_t k) { return partner[k] >= kIdentityLink; };
        // Runs of name-like words after the first word; a run joined to the next by "og" or
        // "and" is one group.
        std::vector<std::pair<std::size_t, std::size_t>> runs;  // [begin, end)
        for (std::size_t k = 1; k < own.size(); ++k) {
            if (!name_like(own[k])) continue;
            std::size_t end = k;
            while (end < own.size() && name_like(own[end])) ++end;
            runs.emplace_back(k, end);
            k = end;
        }
        std::optional<std::unordered_set<std::string>> other_pairs;
        const auto shared_in = [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k + 1 < end; ++k)
                if (partnered(k) && partnered(k + 1) &&
                    (untranslatable(own[k]) || untranslatable(own[k + 1])) &&
                    in_other(other, other_pairs, own[k], own[k + 1]))
                    return true;
            return false;
        };
        const auto counted_before = [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k) {
                if (!candidate && own[k].is_name && !own[k].is_abbreviation &&
                    own[k].links.empty())
                    return true;
                if (candidate && k + 1 < end && untranslatable(own[k]) &&
                    untranslatable(own[k + 1]))
                    return true;
            }
            return false;
        };
        const auto joined = [&](std::size_t r) {  // run r and run r + 1 are one group
            const auto gap = runs[r].second;
            return runs[r + 1].first == gap + 1 &&
                   (own[gap].lower == "og" || own[gap].lower == "and");
        };
        double persons = 0.0;
        for (std::size_t r = 0; r < runs.size();) {
            std::size_t last = r;
            while (last + 1 < runs.size() && joined(last)) ++last;
            bool shared = false;
            for (std::size_t q = r; q <= last; ++q)
                shared = shared || shared_in(runs[q].first, runs[q].second);
            for (std::size_t q = r; shared && q <= last; ++q)
                for (std::size_t k = runs[q].first; k < runs[q].second;) {
                    if (partnered(k)) {
                        ++k;
                        continue;
                    }
                    std::size_t end = k;
                    bool long_word = false;
                    for (; end < runs[q].second && !partnered(end); ++end)
                        long_word = long_word || own[end].lower.size() >= kNameBytes;
                    if (end - k >= 2 && long_word && !counted_before(k, end)) persons += 1.0;
                    k = end;
                }
            r = last + 1;
        }
        return persons;
    };
    double persons = side(claim.tokens, links.en.data(), danish, false);
    std::size_t at = 0;
    for (const PreparedSentence* sentence : source) {
        persons += side(sentence->tokens, links.da.data() + at, english, true);
        at += sentence->tokens.size();
    }
    return persons;
}

// Which quoted span each token of `sentence` stands in (1, 2, … in reading order; 0 outside
// quotation marks): “…”, »…«, «…», „…“ and "…". Single quotes are left out (they are also
// apostrophes, "lexgrog’s"). The tokens are found in the text in order; a token that is not
// found as written (or is over kMaxTokenBytes long) ends the search, so the work stays
// linear in the text.
std::vector<std::size_t> quoted_spans(const PreparedSentence& sentence) {
    constexpr std::size_t kMaxTokenBytes = 100;
    const std::string& text = sentence.text;
    std::vector<std::size_t> span_of(sentence.tokens.size(), 0);
    if (text.find_first_of("\"\xE2\xC2") == std::string::npos) return span_of;
    const auto starts = [&](std::size_t at, std::string_view mark) {
        return text.compare(at, mark.size(), mark) == 0;
    };
    std::size_t pos = 0, spans = 0;
    bool inside = false;
    for (std::size_t k = 0; k < sentence.tokens.size(); ++k) {
        const std::string& surface = sentence.tokens[k].surface;
        if (surface.empty() || surface.size() > kMaxTokenBytes) break;
        const std::size_t at = text.find(surface, pos);
        if (at == std::string::npos) break;
        for (std::size_t c = pos; c < at; ++c) {
            const bool open_mark = starts(c, "\u201C") || starts(c, "\u00BB") ||
                                   starts(c, "\u00AB") || starts(c, "\u201E");
            const bool close_mark = starts(c, "\u201D") || starts(c, "\u00AB") ||
                                    starts(c, "\u00BB") || starts(c, "\u201C");
            if (text[c] == '"' || (inside ? close_mark : open_mark)) {
                inside = !inside;
                spans += inside;
            }
        }
        if (inside) span_of[k] = spans;
        pos = at + surface.size();
    }
    return span_of;
}

// A quoted label that differs: the claim quotes a label none of whose words has a partner in
// the candidate though the lexicon knows some of them, and the candidate quotes one of its
// own (a word of it the lexicon knows, as a Danish word, by its parts or as an English one,
// and no word spelled as, or linked by the lexicon to, a word the claim quotes): "The active
// layer and its … histograms after “White Balance”." is not stated by "… efter
// “Farveforbedring (forældet)”.". A label translated by words the lexicon links
// (“Penselredigering” for “Brush Editor”, through its part "pensel") has a partner; where the
// lexicon knows no word of one of the two labels, one may translate the other by words it
// does not link (“Paletredigering” for “Palette Editor”, “Udklipsholder” for “Clipboard”),
// and the pair does not count. The smaller of the two counts. The claim's quoted words are
// gathered into sets once, so the work is linear in the two sentences' lengths.
double quoted_labels_differ(std::span<const PreparedSentence* const> source,
                            const PreparedSentence& claim, const TokenLinks& links) {
    std::unordered_set<std::string_view> source_words;
    for (const PreparedSentence* sentence : source)
        for (const auto& t : sentence->tokens) source_words.insert(t.lower);
    // The claim's labels without a partner (a word linked to the candidate, or spelled as one
    // of its words: "“rate”" left in English, "»g/re/p«") with a word the lexicon knows.
    const auto claim_span = quoted_spans(claim);
    std::vector<std::pair<bool, bool>> spans;  // (partnered, known)
    std::unordered_set<std::uint64_t> quoted_own, quoted_links;
    std::unordered_set<std::string_view> quoted_words;
    for (std::size_t j = 0; j < claim_span.size(); ++j) {
        if (claim_span[j] == 0) continue;
        if (spans.size() < claim_span[j]) spans.resize(claim_span[j], {false, false});
        const auto& t = claim.tokens[j];
        if (t.is_citation || t.is_number || is_function(t, false)) continue;
        quoted_own.insert(t.own_keys.begin(), t.own_keys.end());
        for (const auto& link : t.links) quoted_links.insert(link.key);
        quoted_words.insert(t.lower);
        auto& [partnered, known] = spans[claim_span[j] - 1];
        partnered = partnered || links.en[j] >= kContentLink || source_words.contains(t.lower);
        known = known || !t.links.empty();
    }
    const auto claim_differs = static_cast<double>(std::count_if(
        spans.begin(), spans.end(), [](const auto& s) { return !s.first && s.second; }));
    if (claim_differs == 0.0) return 0.0;
    // The candidate's labels none of whose words goes with a word the claim quotes (its link
    // strength alone would not do: "Farveforbedring" links through its part "farve" to "Red,
    // Green and Blue", outside the claim's label).
    const auto with_claim_label = [&](const PreparedToken& t) {
        if (quoted_words.contains(t.lower)) return true;
        const auto linked = [&](const std::vector<PreparedToken::Link>& own_links) {
            return std::any_of(own_links.begin(), own_links.end(),
                               [&](const auto& link) { return quoted_own.contains(link.key); });
        };
        if (linked(t.links)) return true;
        for (const auto key : t.own_keys)
            if (quoted_links.contains(key)) return true;
        for (const auto& part : t.parts)
            if (linked(part.links) || quoted_links.contains(part.key)) return true;
        return false;
    };
    double source_labels = 0.0;
    for (const PreparedSentence* sentence : source) {
        const auto span_of = quoted_spans(*sentence);
        // (a word the lexicon knows, a word that goes with the claim's label)
        std::vector<std::pair<bool, bool>> own;
        for (std::size_t k = 0; k < span_of.size(); ++k) {
            if (span_of[k] == 0) continue;
            if (own.size() < span_of[k]) own.resize(span_of[k], {false, false});
            const auto& t = sentence->tokens[k];
            if (t.is_citation || t.is_number || is_function(t, true)) continue;
            own[span_of[k] - 1].first = own[span_of[k] - 1].first || !t.links.empty() ||
                                        !t.parts.empty() || t.english_word;
            own[span_of[k] - 1].second = own[span_of[k] - 1].second || with_claim_label(t);
        }
        for (const auto& [known, shared] : own) source_labels += known && !shared ? 1.0 : 0.0;
    }
    return std::min(claim_differs, source_labels);
}

// Whether two words go together by the lexicon (a translation of one is the other's stem),
// by spelling, or by an anchor both carry (a number, a name spelled alike, a cognate's
// prefix): what the scorer would link, without its strengths.
bool words_go_together(const PreparedToken& da, const PreparedToken& en) {
    if (da.lower == en.lower) return true;
    const auto in = [](const std::vector<PreparedToken::Link>& links, const std::vector<std::uint64_t>& keys) {
        return std::any_of(links.begin(), links.end(), [&](const PreparedToken::Link& link) {
            return std::find(keys.begin(), keys.end(), link.key) != keys.end();
        });
    };
    if (in(da.links, en.own_keys) || in(en.links, da.own_keys)) return true;
    return std::any_of(da.anchors.begin(), da.anchors.end(), [&](const PreparedToken::Link& a) {
        return std::any_of(en.anchors.begin(), en.anchors.end(),
                           [&](const PreparedToken::Link& b) { return a.key == b.key; });
    });
}

// A direction the candidate states the other way round: the claim's "A to B" (content words
// on both sides of "to"/"into"), the candidate's "b til a" with b going with B and a with A,
// and nowhere "a til b" the claim's way. "To convert radians to degrees, …" is not stated by
// "For at konvertere grader til radianer, …", which shares every word with it; the words'
// order is all that tells the two template sentences apart. Each claim "to" counts once. At
// most kDirections of each side's "to"/"til" are compared, so a hostile sentence of many
// costs no more than a bounded number of word comparisons per pair.
double reversed_directions(std::span<const PreparedSentence* const> source, const PreparedSentence& claim) {
    constexpr std::size_t kDirections = 8;
    const auto content = [](const PreparedToken& t, bool danish) {
        return !t.is_citation && !t.is_number && !is_function(t, danish);
    };
    struct Direction {
        const PreparedToken *from, *to;
    };
    std::vector<Direction> claim_directions, source_directions;
    const auto& words = claim.tokens;
    for (std::size_t j = 1; j + 1 < words.size() && claim_directions.size() < kDirections; ++j)
        if ((words[j].lower == "to" || words[j].lower == "into") && content(words[j - 1], false) &&
            content(words[j + 1], false) && words[j - 1].lower != words[j + 1].lower)
            claim_directions.push_back({&words[j - 1], &words[j + 1]});
    if (claim_directions.empty()) return 0.0;
    for (const PreparedSentence* sentence : source) {
        const auto& own = sentence->tokens;
        for (std::size_t k = 1; k + 1 < own.size() && source_directions.size() < kDirections; ++k)
            if (own[k].lower == "til" && content(own[k - 1], true) && content(own[k + 1], true) &&
                own[k - 1].lower != own[k + 1].lower)
                source_directions.push_back({&own[k - 1], &own[k + 1]});
    }
    double reversed = 0.0;
    for (const Direction& c : claim_directions) {
        bool forward = false, backward = false;
        for (const Direction& s : source_directions) {
            const bool from_from = words_go_together(*s.from, *c.from), to_to = words_go_together(*s.to, *c.to);
            const bool from_to = words_go_together(*s.from, *c.to), to_from = words_go_together(*s.to, *c.from);
            forward = forward || (from_from && to_to);
            backward = backward || (from_to && to_from && !from_from && !to_to);
        }
        reversed += backward && !forward ? 1.0 : 0.0;
    }
    return reversed;
}

// The names of the manual-page references in `text` ("realpath(1)", "iconv_open(3)",
// "ld.so(8)"; a section number and letters in brackets right after the name), case-folded.
// Each backward scan stops at the previous bracket, so the work is linear in the text.
std::vector<std::string> manual_references(std::string_view text) {
    constexpr std::size_t kSectionLetters = 4;
    const auto ascii_lower = [](char c) { return c >= 'a' && c <= 'z'; };
    const auto name_char = [&](char c) {
        return ascii_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
               c == '-' || c == '+';
    };
    std::vector<std::string> names;
    for (std::size_t at = text.find('('); at != std::string_view::npos; at = text.find('(', at + 1)) {
        std::size_t end = at + 1;
        if (end >= text.size() || text[end] < '0' || text[end] > '9') continue;
        ++end;
        while (end < text.size() && end - at <= kSectionLetters + 1 && ascii_lower(text[end])) ++end;
        if (end >= text.size() || text[end] != ')') continue;
        std::size_t begin = at;
        while (begin > 0 && name_char(text[begin - 1])) --begin;
        while (begin < at && (text[begin] == '.' || text[begin] == '-' || text[begin] == '+')) ++begin;
        if (begin == at) continue;
        std::string name(text.substr(begin, at - begin));
        for (char& c : name)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        names.push_back(std::move(name));
    }
    return names;
}

// Manual-page references that differ: a program or function a manual page refers to by name
// and section keeps its name in a translation, so the claim's references whose name the
// candidate does not spell (as a reference or a word), against the candidate's whose name the
// claim does not spell, name other programs (the smaller count): "Note realpath(1) is the
// preferred command …" is not stated by "Brug kommandoen dircolors(1) til at angive den.".
double manual_references_differ(std::span<const PreparedSentence* const> source, const PreparedSentence& claim) {
    const std::vector<std::string> claim_names = manual_references(claim.text);
    if (claim_names.empty()) return 0.0;
    std::vector<std::string> source_names;
    std::unordered_set<std::string_view> source_words;
    for (const PreparedSentence* sentence : source) {
        for (auto& name : manual_references(sentence->text)) source_names.push_back(std::move(name));
        for (const auto& t : sentence->tokens) source_words.insert(t.lower);
    }
    if (source_names.empty()) return 0.0;
    std::unordered_set<std::string_view> claim_words;
    for (const auto& t : claim.tokens) claim_words.insert(t.lower);
    for (const auto& name : claim_names) claim_words.insert(name);
    for (const auto& name : source_names) source_words.insert(name);
    const auto missing = [](const std::vector<std::string>& names, const std::unordered_set<std::string_view>& other) {
        std::unordered_set<std::string_view> counted;
        double n = 0.0;
        for (const auto& name : names)
            if (!other.contains(name) && counted.insert(name).second) n += 1.0;
        return n;
    };
    return std::min(missing(claim_names, source_words), missing(source_names, claim_words));
}

// The command-line options written in `text` ("--from-file", "-f", "--interactive=always"
// as "--interactive"): a dash or two at the start of a word, then a letter, up to a space or
// punctuation other than a hyphen. One pass over the text.
std::vector<std::string> command_options(std::string_view text) {
    const auto letter = [](char c) { return is_ascii_lower(static_cast<unsigned char>(c)) || is_ascii_upper(static_cast<unsigned char>(c)); };
    const auto option_char = [&](char c) { return letter(c) || is_ascii_digit(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
    std::vector<std::string> options;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (text[at] != '-' || (at > 0 && text[at - 1] != ' ' && text[at - 1] != '(' && text[at - 1] != '[' &&
                                text[at - 1] != '"' && text[at - 1] != ','))
            continue;
        std::size_t end = at + 1;
        if (end < text.size() && text[end] == '-') ++end;
        if (end >= text.size() || !letter(text[end])) {
            at = end;
            continue;
        }
        while (end < text.size() && option_char(text[end])) ++end;
        options.emplace_back(text.substr(at, end - at));
        at = end;
    }
    return options;
}

// The claim's command-line options that the candidate does not write: a manual page's option
// stays as it is in a translation, and the tokenizer splits it into words that link to
// ordinary Danish words ("--from-file" into "from" and "file", partnered by "fra" and
// "FIL"), so "If --from-file or --to-file is given, …" read as stated by "Hvis ingen FIL er
// angivet, …". Each distinct option counts once.
double claim_options_missing(std::span<const PreparedSentence* const> source, const PreparedSentence& claim) {
    std::vector<std::string> claim_options = command_options(claim.text);
    if (claim_options.empty()) return 0.0;
    std::vector<std::string> source_options;
    for (const PreparedSentence* sentence : source)
        for (auto& option : command_options(sentence->text)) source_options.push_back(std::move(option));
    std::sort(claim_options.begin(), claim_options.end());
    claim_options.erase(std::unique(claim_options.begin(), claim_options.end()), claim_options.end());
    std::sort(source_options.begin(), source_options.end());
    double missing = 0.0;
    for (const auto& option : claim_options)
        missing += std::binary_search(source_options.begin(), source_options.end(), option) ? 0.0 : 1.0;
    return missing;
}

// The file paths written in `text` ("/etc/fstab", "~/.manpath", "/var/lib/sitesummary/" as
// "/var/lib/sitesummary"): a slash, or "~/", at the start of a word (after a space, an opening
// bracket or quotation mark, or the text's start; not "and/or", "km/h", "1/2" or a URL's
// "//"), then a letter, digit, '_' or '.', up to a byte that no path holds; full stops and
// slashes at the end are the sentence's. One pass over the text.
std::vector<std::string> file_paths(std::string_view text) {
    const auto path_char = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return is_ascii_lower(u) || is_ascii_upper(u) || is_ascii_digit(u) || c == '.' || c == '_' || c == '-' ||
               c == '+' || c == '/';
    };
    const auto opens_word = [&](std::size_t at) {
        if (at == 0) return true;
        const char c = text[at - 1];
        if (c == ' ' || c == '(' || c == '[' || c == '"' || c == '\'' || c == '\t' || c == '\n') return true;
        for (const std::string_view quote : {"\u201C", "\u201E", "\u00AB", "\u00BB", "\u2018", "\u201D", "\u2019"})
            if (text.substr(0, at).ends_with(quote)) return true;
        return false;
    };
    std::vector<std::string> paths;
    for (std::size_t at = 0; at < text.size(); ++at) {
        std::size_t start = at;
        if (text[at] == '~' && at + 1 < text.size() && text[at + 1] == '/') ++at;
        if (text[at] != '/' || !opens_word(start)) continue;
        std::size_t end = at + 1;
        if (end >= text.size() || !path_char(text[end]) || text[end] == '/' || text[end] == '-' || text[end] == '+') {
            at = end;
            continue;
        }
        while (end < text.size() && path_char(text[end])) ++end;
        std::size_t last = end;
        while (last > at + 1 && (text[last - 1] == '.' || text[last - 1] == '/')) --last;
        if (last > at + 1) paths.emplace_back(text.substr(start, last - start));
        at = end;
    }
    return paths;
}

// File paths that differ: a path stays as it is in a translation (a Danish ending may be
// joined to it, "/etc/ssh/sshd_config-fil"), so the claim's paths that the candidate does not
// write, against the candidate's that the claim does not write, name other files (the smaller
// count; a path merely left out says nothing): "The root file system you selected will be
// mounted on the /target directory." is not stated by "Logfiler for installationssystemet kan
// findes i mappen /var/log.". Sorted, so that each look-up is a binary search.
double file_paths_differ(std::span<const PreparedSentence* const> source, const PreparedSentence& claim) {
    std::vector<std::string> claim_paths = file_paths(claim.text);
    if (claim_paths.empty()) return 0.0;
    std::vector<std::string> source_paths;
    for (const PreparedSentence* sentence : source)
        for (auto& path : file_paths(sentence->text)) source_paths.push_back(std::move(path));
    if (source_paths.empty()) return 0.0;
    const auto distinct = [](std::vector<std::string>& paths) {
        std::sort(paths.begin(), paths.end());
        paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    };
    distinct(claim_paths);
    distinct(source_paths);
    // `path` is written in `other` as it is, with an ending joined by a hyphen, or bare where
    // `path` ends in such an ending (after its last hyphen: one look-up, whatever its length).
    const auto written = [](const std::string& path, const std::vector<std::string>& other) {
        const auto it = std::lower_bound(other.begin(), other.end(), path);
        if (it != other.end() && *it == path) return true;
        const std::string joined = path + '-';
        const auto after = std::lower_bound(other.begin(), other.end(), joined);
        if (after != other.end() && after->starts_with(joined)) return true;
        const std::size_t hyphen = path.rfind('-');
        return hyphen != std::string::npos && std::binary_search(other.begin(), other.end(), path.substr(0, hyphen));
    };
    double claim_own = 0.0, source_own = 0.0;
    for (const auto& path : claim_paths) claim_own += written(path, source_paths) ? 0.0 : 1.0;
    for (const auto& path : source_paths) source_own += written(path, claim_paths) ? 0.0 : 1.0;
    return std::min(claim_own, source_own);
}

// The Danish definite ending of `lower` taken off ("blandingen" → "blanding", "modulet" →
// "modul", "filerne" → "filer"), or an empty view when it has none or too little is left.
std::string_view without_definite_ending(std::string_view lower) {
    constexpr std::size_t kMinStem = 4;
    for (const std::string_view ending : {"erne", "ene", "en", "et"}) {
        const std::size_t cut = ending.size() >= 3 ? ending.size() - 1 : ending.size();  // "-ne" of "filerne"
        if (lower.ends_with(ending) && lower.size() >= cut + kMinStem) return lower.substr(0, lower.size() - cut);
    }
    return {};
}

// Cognates under a Danish definite ending: the scorer compares a word's spelling skeleton as
// written, so "blandingen" (three edits from "blending" in ten letters) is no cognate of it
// and "Angiver det billede, der skal bruges som transformationskort til kilderne." took the
// top evidence of "Defines the source images to use for the blending." from "Angiver
// kildebilledet, der skal bruges til blandingen.". A candidate word without a content link
// whose form without its ending is a cognate (the scorer's cognate_strength) of a claim
// word without one links the two. Each Danish word is compared with at most
// kMaxCognateTries claim words that start with its skeleton's letter, so the work stays
// linear in the words of hostile text.
constexpr std::size_t kMaxCognateTries = 16;
void link_definite_cognates(std::span<const PreparedSentence* const> source, const PreparedSentence& claim,
                            TokenLinks& links) {
    std::array<std::vector<std::size_t>, 256> open;  // claim words without a content link, by first byte
    bool any = false;
    for (std::size_t j = 0; j < claim.tokens.size(); ++j) {
        const auto& word = claim.tokens[j];
        if (word.cognate.empty() || word.is_citation || word.is_number || links.en[j] >= kContentLink ||
            is_function(word, false))
            continue;
        auto& bucket = open[static_cast<unsigned char>(word.cognate.front())];
        if (bucket.size() < kMaxCognateTries) bucket.push_back(j), any = true;
    }
    if (!any) return;
    std::size_t i = 0;
    for (const PreparedSentence* sentence : source)
        for (const auto& token : sentence->tokens) {
            const std::size_t at = i++;
            if (token.cognate.empty() || token.is_citation || token.is_number || links.da[at] >= kContentLink ||
                is_function(token, true))
                continue;
            const std::string_view bare = without_definite_ending(token.lower);
            if (bare.empty()) continue;
            const std::string skeleton = cognate_skeleton(bare, true);
            if (skeleton.size() < 4) continue;
            for (const std::size_t j : open[static_cast<unsigned char>(skeleton.front())]) {
                const float strength = cognate_strength(skeleton, claim.tokens[j].cognate);
                if (strength == 0.0f) continue;
                links.da[at] = std::max(links.da[at], strength);
                links.en[j] = std::max(links.en[j], strength);
            }
        }
}

}  // namespace

bool is_identity_token(const PreparedToken& token, bool first_of_sentence) noexcept {
    if (token.is_citation) return false;
    if (token.is_number || token.is_abbreviation) return true;
    return token.is_name && !first_of_sentence;
}

SupportFeatures support_features(std::span<const PreparedSentence* const> source, const PreparedSentence& claim,
                                 std::span<const double> claim_rarity) {
    SupportFeatures f;
    f.two = source.size() > 1 ? 1.0 : 0.0;
    TokenLinks links = token_links(source, claim);
    f.raw = links.score;

    // Compound parts: the scorer links a compound through its parts only when the lexicon
    // does not know the whole word, and then to the word as a whole. Here every part of a
    // Danish compound is looked for in the claim (its translations among the claim words'
    // stems, its stem among their translations): a part that has a partner links the
    // compound to that claim word (at the compound-part strength) where the whole word did
    // not, and a compound with a linked part and a part without a partner states something
    // the claim does not (the modifier differs).
    // A part's partner is the claim word it links to most strongly (the first one of those):
    // the claim words are looked up by key, the first word with each own key and the
    // strongest (first) word whose translations hold each key, so that a part costs as many
    // look-ups as it has links, however long the claim.
    std::unordered_map<std::uint64_t, std::size_t> first_with_key;
    std::unordered_map<std::uint64_t, std::pair<float, std::size_t>> strongest_link;
    bool any_compound = false;
    for (const PreparedSentence* sentence : source)
        for (const auto& token : sentence->tokens) any_compound = any_compound || token.parts.size() >= 2;
    if (any_compound)
        for (std::size_t j = 0; j < claim.tokens.size(); ++j) {
            const auto& word = claim.tokens[j];
            if (word.is_citation || is_function(word, false)) continue;
            for (const std::uint64_t key : word.own_keys) first_with_key.try_emplace(key, j);
            for (const auto& link : word.links) {
                const auto [it, added] = strongest_link.try_emplace(link.key, link.strength, j);
                if (!added && link.strength > it->second.first) it->second = {link.strength, j};
            }
        }
    std::size_t i = 0;
    std::vector<char> part_unlinked;  // per candidate token: has a linked part and an unlinked one
    part_unlinked.reserve(links.da.size());
    for (const PreparedSentence* sentence : source)
        for (std::size_t k = 0; k < sentence->tokens.size(); ++k, ++i) {
            const auto& token = sentence->tokens[k];
            part_unlinked.push_back(0);
            if (token.parts.size() < 2 || token.is_citation) continue;
            bool some = false, missing = false;
            for (const auto& part : token.parts) {
                float best = 0.0f;
                std::size_t partner = 0;  // the claim word it links to
                const auto consider = [&](float strength, std::size_t j) {
                    if (strength > best || (strength == best && strength > 0.0f && j < partner))
                        best = strength, partner = j;
                };
                for (const auto& link : part.links)
                    if (const auto it = first_with_key.find(link.key); it != first_with_key.end())
                        consider(link.strength, it->second);
                if (const auto it = strongest_link.find(part.key); it != strongest_link.end())
                    consider(it->second.first, it->second.second);
                best *= kCompoundPartLink;
                if (best < kContentLink) {
                    missing = true;
                    continue;
                }
                some = true;
                if (best > links.da[i]) links.da[i] = best;
                if (best > links.en[partner]) links.en[partner] = best;
            }
            part_unlinked.back() = some && missing;
        }
    link_definite_cognates(source, claim, links);

    double total = 0.0, matched = 0.0, content = 0.0;
    for (std::size_t j = 0; j < claim.tokens.size(); ++j) {
        const auto& token = claim.tokens[j];
        const double strength = links.en[j];
        const double w = support_weight(token, false) * (j < claim_rarity.size() ? claim_rarity[j] : 1.0);
        total += w;
        matched += w * strength;
        if (is_identity_token(token, j == 0) && strength < kIdentityLink) f.claim_missing += 1.0;
        if (!token.is_citation && !is_function(token, false)) content += 1.0;
    }
    f.claim_cover_idf = total > 0.0 ? matched / total : 0.0;
    f.claim_words = std::log1p(content);

    bool claim_negated = false, source_negated = false;
    for (const auto& token : claim.tokens) claim_negated = claim_negated || is_negation(token.lower, false);
    for (const PreparedSentence* sentence : source)
        for (const auto& token : sentence->tokens) source_negated = source_negated || is_negation(token.lower, true);
    f.negation_differs = claim_negated != source_negated ? 1.0 : 0.0;

    // A value of a closed class that each side states and the other replaces by another
    // ("before" / "efter", "bottom" / "højre", "output" / "standard-ind"); a side that names
    // both values ("left or right") or none says nothing here.
    const PreparedSentence* const claim_side[] = {&claim};
    const auto in_claim = contrary_values(claim_side, false);
    const auto in_source = contrary_values(source, true);
    for (std::size_t c = 0; c < kContraryClasses; ++c)
        if ((in_claim[c] & ~in_source[c]) != 0 && (in_source[c] & ~in_claim[c]) != 0)
            f.contrary += 1.0;
    f.contrary += reversed_directions(source, claim);

    // A question states nothing, so a candidate that only asks does not support a claim that
    // asserts; a pair of a question and its answer may.
    if (!is_question(claim.text) &&
        std::all_of(source.begin(), source.end(), [](const PreparedSentence* s) { return is_question(s->text); }))
        f.question_differs = 1.0;

    double known_unlinked = 0.0;
    i = 0;
    for (const PreparedSentence* sentence : source)
        for (std::size_t k = 0; k < sentence->tokens.size(); ++k, ++i)
            if (const auto& token = sentence->tokens[k]; !token.is_citation) {
                if (is_identity_token(token, k == 0) && links.da[i] < kIdentityLink) f.source_missing += 1.0;
                if (is_function(token, true)) continue;
                f.source_content += 1.0;
                if (links.da[i] < kContentLink) {
                    f.source_unlinked += 1.0;
                    if (!token.is_number && (!token.links.empty() || !token.parts.empty())) known_unlinked += 1.0;  // see below
                    continue;
                }
                if (part_unlinked[i]) f.source_part_unlinked += 1.0;
            }

    // Words that differ in the same frame: the candidate has a content word the lexicon knows
    // (a translation or parts) without a partner in the claim, and the claim's content words
    // the lexicon knows but that found no partner in the candidate carry at least
    // kKnownUnlinkedShare of its content weight (each word by its rarity in the body, as for
    // `claim_cover_idf`). The lexicon would have linked the two if one translated the other:
    // the sentences share a frame ("Indtast …", "Vælg …", "Write … to standard output") and
    // state it of different objects ("Enter the name of the country …" / "Indtast et navn til
    // hyperlinket."). A word the lexicon does not know on either side is no evidence (a name,
    // a term it lacks); a claim whose unpartnered known words weigh little is a paraphrase
    // with a synonym the lexicon does not link ("active" / "aktuelle").
    if (known_unlinked > 0.0) {
        double weight = 0.0, known_missing = 0.0;
        for (std::size_t j = 0; j < claim.tokens.size(); ++j) {
            const auto& t = claim.tokens[j];
            if (t.is_citation || is_function(t, false)) continue;
            const double rarity = j < claim_rarity.size() ? claim_rarity[j] : 1.0;
            weight += rarity;
            if (links.en[j] < kContentLink && !t.is_number && !t.links.empty()) known_missing += rarity;
        }
        if (known_missing > 0.0 && known_missing >= kKnownUnlinkedShare * weight) f.words_differ = 1.0;
    }

    // Names stay as they are in a translation, so where the pair shows that it keeps them (an
    // identity token of the claim spelled the same in the candidate), a name of the claim the
    // lexicon cannot translate and the candidate lacks is not there. A label that only looks
    // like such a name (an English word the lexicon lacks) has a translation the lexicon
    // knows but did not link: each such word of the candidate takes one name off.
    // The candidate's identity tokens gathered once (views of its tokens, which outlive the
    // set), so that each claim token is one look-up.
    bool kept = false;
    {
        std::unordered_set<std::string_view> identities;
        for (const PreparedSentence* sentence : source)
            for (std::size_t k = 0; k < sentence->tokens.size(); ++k)
                if (is_identity_token(sentence->tokens[k], k == 0)) identities.insert(sentence->tokens[k].surface);
        for (std::size_t j = 1; j < claim.tokens.size() && !kept; ++j)
            kept = is_identity_token(claim.tokens[j], false) && identities.contains(claim.tokens[j].surface);
    }
    // A number, or a token with digits in it ("MD5", "SHA-1", "FIPS-180-2"), stays as it is in
    // a translation whatever else the pair does, so the claim's such tokens whose digits no
    // token of the candidate has, against the candidate's whose digits the claim lacks, are
    // values that differ ("Do not use the MD5 algorithm …" is not stated by "Brug ikke
    // SHA-1-algoritmen …"). Written another way ("100%" / "100 %", "1,000" / "1.000") a number
    // is the same: they are compared by their digits only. One merely left out on either side
    // does not count (a Summary sentence may join two statements, one of them elsewhere).
    const auto digits = [](const PreparedToken& t) {
        std::string out;
        for (const char c : t.lower)
            if (c >= '0' && c <= '9') out += c;
        return out;
    };
    const auto numeric = [](const PreparedToken& t) {
        return !t.is_citation && (t.is_number || std::any_of(t.lower.begin(), t.lower.end(),
                                                             [](char c) { return c >= '0' && c <= '9'; }));
    };
    std::vector<std::string> claim_digits, source_digits;
    for (const auto& t : claim.tokens)
        if (numeric(t)) claim_digits.push_back(digits(t));
    for (const PreparedSentence* sentence : source)
        for (const auto& t : sentence->tokens)
            if (numeric(t)) source_digits.push_back(digits(t));
    // Sorted, so that each look-up is a binary search however many numbers a side holds.
    std::sort(claim_digits.begin(), claim_digits.end());
    std::sort(source_digits.begin(), source_digits.end());
    const auto digits_in = [&](const PreparedToken& t, const std::vector<std::string>& other) {
        return std::binary_search(other.begin(), other.end(), digits(t));
    };
    double numbers = 0.0, own_numbers = 0.0;
    for (std::size_t j = 0; j < claim.tokens.size(); ++j)
        if (const auto& t = claim.tokens[j]; numeric(t) && links.en[j] < kIdentityLink)
            numbers += !digits_in(t, source_digits);
    for (const PreparedSentence* sentence : source)
        for (const auto& t : sentence->tokens)
            if (numeric(t)) own_numbers += !digits_in(t, claim_digits);
    f.claim_kept_missing += std::min(numbers, own_numbers);

    if (kept) {
        double names = 0.0;
        for (std::size_t j = 0; j < claim.tokens.size(); ++j) {
            const auto& t = claim.tokens[j];
            if (t.is_citation || links.en[j] >= kIdentityLink || t.is_number) continue;
            if (j > 0 && t.is_name && !t.is_abbreviation && t.links.empty()) names += 1.0;
        }
        // A person the candidate names and the claim does not: two or more capitalised words in
        // a row that the lexicon has no translation for at all ("Jim Meyering"), none with a
        // partner in the claim. "Written by David MacKenzie." is not what "Skrevet af David
        // MacKenzie og Jim Meyering." states. A single such word may be a Danish label the
        // lexicon lacks ("Penselredigering"), so it does not count; an English word ("Unsharp
        // Mask" left in English on a Danish page) or a letter ("KiB=K, MiB=M") is no name.
        const auto person_name = [](const PreparedToken& t) {
            return t.is_name && !t.is_abbreviation && t.links.empty() && t.parts.empty() &&
                   !t.english_word && t.lower.size() >= 3;
        };
        double persons = 0.0;
        std::size_t at = 0;  // the first token of `sentence` in links.da
        for (const PreparedSentence* sentence : source) {
            const auto& tokens = sentence->tokens;
            std::size_t run = 0;
            for (std::size_t k = 0; k <= tokens.size(); ++k) {
                if (k > 0 && k < tokens.size() && person_name(tokens[k]) &&
                    links.da[at + k] < kIdentityLink) {
                    ++run;
                    continue;
                }
                persons += run >= 2 ? 1.0 : 0.0;
                run = 0;
            }
            at += tokens.size();
        }
        f.claim_kept_missing += std::max(0.0, names - known_unlinked) + persons;
    }

    // A sentence left untranslated (the Danish page keeps the English text: most of its content
    // words are spelled as words of the claim) keeps its labels too, so a capitalised word of
    // the claim without a partner that stands where the candidate has one of its own, an
    // English word the lexicon has no Danish translation for (the same word before or after
    // both), is a label that differs, not one translated by a word the lexicon does not
    // link: "The “Images”
    // dialog is a dockable dialog; …" is not stated by "The “Channels” dialog is a dockable
    // dialog; …". `clash` forgives that pair as it must for a translated one; here it counts
    // as a kept name that is missing. The page's own cross-references are translated where
    // the rest is not ("Afsnit 4.8, “Skarp”" for "Section 4.8, “Sharpen”", "Afsnit 3.2.3,
    // “Penselredigering”" for "Section 3.2.3, “Brush Editor”"): a Danish word, known to the
    // lexicon or not, or a label in another slot, does not count.
    double slot_labels = 0.0;  // labels this rule counts (the quoted labels below not again)
    std::size_t content_words = 0, spelled_alike = 0;
    std::unordered_set<std::string_view> claim_lower;
    for (const auto& t : claim.tokens) claim_lower.insert(t.lower);
    for (const PreparedSentence* sentence : source)
        for (const auto& token : sentence->tokens) {
            if (token.is_citation || token.is_number || is_function(token, true)) continue;
            ++content_words;
            if (claim_lower.contains(token.lower)) ++spelled_alike;
        }
    if (content_words >= kUntranslatedWords &&
        spelled_alike * 10 >= content_words * kUntranslatedTenths) {
        const auto label = [](const PreparedToken& t, bool first) {
            // A letter ("C for sizeof(char)") or a two-letter word is an option, not a label.
            return is_identity_token(t, first) && !t.is_number && !t.is_abbreviation &&
                   t.lower.size() >= 3;
        };
        const auto lower_at = [](const std::vector<PreparedToken>& tokens,
                                 std::size_t k) -> std::string_view {
            return k < tokens.size() ? std::string_view(tokens[k].lower) : std::string_view();
        };
        // Which quoted label each token stands in (0 outside quotation marks); the source's
        // sentences are looked at once each.
        const auto claim_quoted = quoted_spans(claim);
        // The candidate's labels without a partner, by the word before them and by the word
        // after them (views of its tokens' lower case, which outlive the maps): whether one
        // of them stands there as a label in that slot whatever the claim's word (an English
        // word), and whether one does where the claim's word is quoted too (a quoted label
        // the lexicon reads as Danish, beside a content word). Each claim word is then two
        // look-ups, however long the candidate.
        struct SlotLabels {
            bool any = false, quoted = false;
        };
        std::unordered_map<std::string_view, SlotLabels> by_before, by_after;
        i = 0;
        for (const PreparedSentence* sentence : source) {
            const auto& own = sentence->tokens;
            const auto source_quoted = quoted_spans(*sentence);
            // A quoted label the lexicon reads as Danish ("Palettes", a form of "palette")
            // beside a quoted label of the claim still differs where the word beside both is
            // a content word they share ("The “Palettes” dialog …" / "The “Histogram” dialog
            // …"). A translated cross-reference stands after its section number and before a
            // function word or the end ("Afsnit 3.1, “Udklipsholder”"), and "Afsnit" for
            // "Section" is no quoted label.
            const auto content_at = [&](std::size_t at) {
                return at < own.size() && !own[at].is_number && !own[at].is_citation &&
                       !is_function(own[at], true);
            };
            for (std::size_t k = 0; k < own.size(); ++k, ++i) {
                const auto& token = own[k];
                if (!label(token, k == 0) || links.da[i] >= kIdentityLink) continue;
                const bool quoted = source_quoted[k] != 0;
                if (k > 0) {
                    auto& slot = by_before[own[k - 1].lower];
                    slot.any = slot.any || token.english_word;
                    slot.quoted = slot.quoted || (!token.english_word && quoted && content_at(k - 1));
                }
                if (k + 1 < own.size()) {
                    auto& slot = by_after[own[k + 1].lower];
                    slot.any = slot.any || token.english_word;
                    slot.quoted = slot.quoted || (!token.english_word && quoted && content_at(k + 1));
                }
            }
        }
        const auto stands = [](const std::unordered_map<std::string_view, SlotLabels>& slots,
                               std::string_view word, bool claim_quoted_here) {
            const auto it = slots.find(word);
            return it != slots.end() && (it->second.any || (claim_quoted_here && it->second.quoted));
        };
        double differing = 0.0;
        for (std::size_t j = 0; j < claim.tokens.size(); ++j) {
            if (!label(claim.tokens[j], j == 0) || links.en[j] >= kIdentityLink) continue;
            const bool quoted_here = claim_quoted[j] != 0;
            const auto after = lower_at(claim.tokens, j + 1);
            const bool found = (j > 0 && stands(by_before, claim.tokens[j - 1].lower, quoted_here)) ||
                               (!after.empty() && stands(by_after, after, quoted_here));
            differing += found;
        }
        f.claim_kept_missing += differing;
        slot_labels = differing;
    }
    f.claim_kept_missing += names_beside_shared_name(source, claim, links);
    f.claim_kept_missing += persons_beside_shared_person(source, claim, links);
    // A label the slot rule above counted ("The “Images” dialog …" / "The “Channels” dialog
    // …", quoted as well) counts once.
    f.claim_kept_missing +=
        std::max(0.0, quoted_labels_differ(source, claim, links) - slot_labels);
    f.claim_kept_missing += manual_references_differ(source, claim);
    f.claim_kept_missing += claim_options_missing(source, claim);
    f.claim_kept_missing += file_paths_differ(source, claim);
    return f;
}

std::array<double, SupportFeatures::count> SupportFeatures::values() const noexcept {
    // 0.02 keeps the log finite; below it the pair is unrelated either way.
    return {std::log(claim_cover_idf + 0.02) + std::log(raw + 0.02), claim_missing, claim_words, two,
            std::min(claim_missing, source_missing), source_unlinked / (source_content + 1.0), two * claim_words,
            source_part_unlinked / (source_content + 1.0), negation_differs + contrary + question_differs,
            source_missing / (source_content + 1.0),
            claim_kept_missing, words_differ};
}

double SupportModel::log_odds(const SupportFeatures& features) const noexcept {
    const auto values = features.values();
    double z = intercept;
    for (std::size_t k = 0; k < values.size(); ++k) z += weights[k] * values[k];
    return z;
}

double SupportModel::probability(const SupportFeatures& features) const noexcept { return logistic(log_odds(features)); }

SupportModel default_support_model() noexcept {
    // Fitted by bench/devset/fit_support.py (docs/scoring.md, "Claim support"): step 1 on the
    // LibreOffice held-out dev half, step 2 (calibration) on it and GIMP help articles.
    SupportModel model;
    model.weights = {3.8325, -1.0191, -0.4260, -9.1720, 1.0596, -5.8839, 3.0626, -1.2060, -2.2495, -5.6460, -6.8823, -2.2495};  // log_coverage, claim_missing, claim_words, two, clash, source_unlinked_share, pair_words, part_unlinked_share, negation_differs, source_missing_share, claim_kept_missing, words_differ
    model.intercept = 11.3513;
    return model;
}

// A clause after a colon shorter than this is a value or a fragment ("STØR er et tal."),
// which a long claim's few words would cover as they cover "Klik på OK.".
constexpr std::ptrdiff_t kClauseWords = 5;

std::size_t colon_clause_start(std::string_view text) {
    const std::size_t colon = text.rfind(": ");
    if (colon == std::string_view::npos || colon == 0) return std::string_view::npos;
    const std::size_t start = colon + 2;
    std::size_t n = 0;
    if (start >= text.size() || !is_upper(code_point_at(text, start, n))) return std::string_view::npos;
    if (text.find(' ', 0) >= colon) return std::string_view::npos;  // one word before: a label ("Bemærk: …")
    const std::string_view clause = text.substr(start);
    if (std::count(clause.begin(), clause.end(), ' ') < kClauseWords - 1) return std::string_view::npos;
    return start;
}

std::vector<std::optional<PreparedSentence>> colon_clauses(const SentenceScorer& scorer,
                                                           std::span<const std::string_view> texts) {
    std::vector<std::optional<PreparedSentence>> clauses;
    for (std::size_t b = 0; b < texts.size(); ++b)
        if (const std::size_t start = colon_clause_start(texts[b]); start != std::string_view::npos) {
            clauses.resize(texts.size());
            clauses[b] = scorer.prepare(texts[b].substr(start), Lang::da);
        }
    return clauses;
}

std::vector<SupportOption> support_options(const PreparedSentence& claim, std::span<const PreparedSentence> body,
                                           std::span<const SentenceSketch> body_sketches, const SupportModel& model,
                                           std::span<const std::optional<PreparedSentence>> clauses) {
    std::vector<SupportOption> options;
    if (body.empty() || claim.tokens.empty()) return options;
    // Which claim words each body sentence accounts for; a word that many body sentences
    // account for (MSC in an article about MSC) says little about which one is the source.
    const SentenceSketch claim_sketch = sketch_of(claim);
    const std::size_t words = claim_sketch.weights.size();
    std::vector<char> covered(body.size() * words, 0);
    std::vector<double> document_frequency(words, 0.0);
    for (std::size_t b = 0; b < body.size(); ++b) {
        const std::span<char> by_sentence(covered.data() + b * words, words);
        mark_claim_tokens_covered(claim_sketch, body_sketches[b], by_sentence);
        for (std::size_t t = 0; t < words; ++t) document_frequency[t] += by_sentence[t];
    }
    std::vector<double> rarity(words);
    double total = 0.0;
    for (std::size_t t = 0; t < words; ++t) {
        rarity[t] = std::log((static_cast<double>(body.size()) + 1.0) / (document_frequency[t] + 1.0));
        total += claim_sketch.weights[t] * rarity[t];
    }
    std::vector<std::pair<double, std::size_t>> by_share;
    for (std::size_t b = 0; b < body.size(); ++b) {
        double share = 0.0;
        for (std::size_t t = 0; t < words; ++t)
            if (covered[b * words + t]) share += claim_sketch.weights[t] * rarity[t];
        share = total > 0.0 ? share / total : 0.0;
        if (share > 0.0) by_share.emplace_back(share, b);
    }
    std::stable_sort(by_share.begin(), by_share.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    if (by_share.size() > kSupportCandidates) by_share.resize(kSupportCandidates);

    auto score = [&](std::size_t first, std::size_t second) {
        SupportOption option;
        option.first = first;
        option.second = second;
        // A pair is read in reading order; `first` stays the sentence it was found from.
        const bool pair = second != SIZE_MAX;
        const PreparedSentence* sides[] = {&body[pair ? std::min(first, second) : first], pair ? &body[std::max(first, second)] : nullptr};
        option.features = support_features(std::span<const PreparedSentence* const>(sides, pair ? 2 : 1), claim, rarity);
        option.probability = model.probability(option.features);
        if (!pair && first < clauses.size() && clauses[first]) {
            const PreparedSentence* clause[] = {&*clauses[first]};
            SupportFeatures features = support_features(clause, claim, rarity);
            if (const double p = model.probability(features); p > option.probability) {
                option.features = features;
                option.probability = p;
            }
        }
        return option;
    };
    for (const auto& [share, b] : by_share) options.push_back(score(b, SIZE_MAX));
    auto better = [](const SupportOption& x, const SupportOption& y) {
        return x.probability != y.probability ? x.probability > y.probability : x.first < y.first;
    };
    std::sort(options.begin(), options.end(), better);
    const std::size_t singles = options.size();
    for (std::size_t k = 0; k < std::min(singles, kSupportPairSeeds); ++k) {
        const std::size_t b = options[k].first;
        for (const std::size_t n : {b - 1, b + 1}) {
            if (b == 0 && n == b - 1) continue;
            if (n >= body.size()) continue;
            const bool seen = std::any_of(options.begin() + static_cast<std::ptrdiff_t>(singles), options.end(), [&](const SupportOption& o) {
                return std::min(o.first, o.second) == std::min(b, n) && std::max(o.first, o.second) == std::max(b, n);
            });
            if (!seen) options.push_back(score(b, n));
        }
    }
    std::sort(options.begin(), options.end(), better);
    return options;
}

}  // namespace summalign::detail
