#include "detail/check_spelling.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <sstream>
#include <type_traits>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include "detail/check_words.hpp"
#include "detail/hunspell_dictionary.hpp"
#include "detail/similarity_memo.hpp"
#include "detail/spelling_index.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

namespace {

// "da:word": how the memos below key a word of a language.
std::string lang_key(std::string_view word, Lang lang) { return std::string(to_string(lang)) + ':' + std::string(word); }

std::u32string utf8_to_u32(std::string_view utf8) {
    std::u32string out;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto n = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

void append_utf8(std::string& out, std::u32string_view text) {
    for (const char32_t c : text) {
        uint8_t buffer[4];
        int32_t length = 0;
        UBool error = false;
        U8_APPEND(buffer, length, 4, static_cast<UChar32>(c), error);
        if (!error) out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(length));
    }
}

std::string u32_to_utf8(std::u32string_view text) {
    std::string out;
    append_utf8(out, text);
    return out;
}

// The letters of the UTF-8 `word` and the byte offset where each begins, then the end;
// nothing when the word is not valid UTF-8.
struct WordLetters {
    std::u32string letters;
    std::vector<std::size_t> at;
};
std::optional<WordLetters> letters_of(std::string_view word) {
    WordLetters w;
    const auto* s = reinterpret_cast<const uint8_t*>(word.data());
    const auto n_bytes = static_cast<int32_t>(word.size());
    for (int32_t i = 0; i < n_bytes;) {
        w.at.push_back(static_cast<std::size_t>(i));
        UChar32 c;
        U8_NEXT(s, i, n_bytes, c);
        if (c < 0) return std::nullopt;
        w.letters.push_back(static_cast<char32_t>(c));
    }
    w.at.push_back(word.size());
    return w;
}

// Calls edit(i, first, second, rest) for every string one edit from `word` (whose letters
// `w` gives), that string being word[0, w.at[i]) + first + second + rest: each letter left
// out, each pair of unequal neighbours swapped, each letter replaced by and each gap filled
// with a letter of `alphabet`, in that order.
template <typename Edit>
void for_each_edit_part(std::string_view word, const WordLetters& w, std::u32string_view alphabet, Edit&& edit) {
    std::vector<std::string> alphabet_bytes;
    for (const char32_t c : alphabet) alphabet_bytes.push_back(u32_to_utf8(std::u32string_view(&c, 1)));
    const std::size_t n = w.letters.size();
    const auto& at = w.at;
    auto letter = [&](std::size_t i) { return word.substr(at[i], at[i + 1] - at[i]); };
    for (std::size_t i = 0; i < n; ++i) edit(i, std::string_view{}, std::string_view{}, word.substr(at[i + 1]));
    for (std::size_t i = 0; i + 1 < n; ++i)
        if (w.letters[i] != w.letters[i + 1]) edit(i, letter(i + 1), letter(i), word.substr(at[i + 2]));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < alphabet.size(); ++k)
            if (alphabet[k] != w.letters[i]) edit(i, std::string_view(alphabet_bytes[k]), std::string_view{}, word.substr(at[i + 1]));
    for (std::size_t i = 0; i <= n; ++i)
        for (std::size_t k = 0; k < alphabet.size(); ++k) edit(i, std::string_view(alphabet_bytes[k]), std::string_view{}, word.substr(at[i]));
}

// Calls visit(variant) for every string one edit from the UTF-8 `word`, in
// for_each_edit_part's order. Each variant is built in one buffer by copying byte runs:
// decoding the word and encoding every variant cost more than the index probe that follows
// (a long compound has over a thousand variants). A word with invalid UTF-8 is first made
// what encoding its decoded letters gives (U+FFFD for a bad byte).
template <typename Visit>
void for_each_edit_utf8(std::string_view word, std::u32string_view alphabet, Visit&& visit) {
    const std::optional<WordLetters> w = letters_of(word);
    if (!w) {
        const std::string normalised = u32_to_utf8(utf8_to_u32(word));
        return for_each_edit_utf8(std::string_view(normalised), alphabet, visit);
    }
    std::string v;
    v.reserve(word.size() + 4);
    for_each_edit_part(word, *w, alphabet, [&](std::size_t i, std::string_view first, std::string_view second, std::string_view rest) {
        v.assign(word.substr(0, w->at[i]));
        v.append(first);
        v.append(second);
        v.append(rest);
        visit(std::as_const(v));
    });
}

// for_each_edit_utf8's variants that `index` holds in `lang`, in the same order, each
// visited as UTF-8: the variants are not built but hashed from the kept hash of the word's
// first letters (a long compound has over a thousand variants and few are words).
template <typename Visit>
void for_each_index_edit(const MappedSpellingIndex& index, Lang lang, std::string_view word, std::u32string_view alphabet,
                         Visit&& visit) {
    const std::optional<WordLetters> w = letters_of(word);
    if (!w) {  // invalid UTF-8: for_each_edit_utf8 normalises it first
        for_each_edit_utf8(word, alphabet, [&](const std::string& v) {
            if (index.contains(lang, v)) visit(v);
        });
        return;
    }
    const std::size_t n = w->letters.size();
    // prefix[i]: the hash of the bytes before letter i.
    std::vector<MappedSpellingIndex::Hasher> prefix(n + 1);
    for (std::size_t i = 0; i < n; ++i) {
        prefix[i + 1] = prefix[i];
        prefix[i + 1].feed(word.substr(w->at[i], w->at[i + 1] - w->at[i]));
    }
    std::string v;
    for_each_edit_part(word, *w, alphabet, [&](std::size_t i, std::string_view first, std::string_view second, std::string_view rest) {
        MappedSpellingIndex::Hasher h = prefix[i];
        h.feed(first);
        h.feed(second);
        h.feed(rest);
        if (!index.contains(lang, h)) return;
        v.assign(word.substr(0, w->at[i]));
        v.append(first);
        v.append(second);
        v.append(rest);
        visit(std::as_const(v));
    });
}

bool is_vowel(char32_t c) { return std::u32string_view(U"aeiouyæøå").find(c) != std::u32string_view::npos; }

// The second edit of a two-edit candidate: the slips that come in pairs (a letter dropped
// and another doubled, two vowels changed, ...), fewer than every edit so that the probes
// stay in the thousands.
template <typename Visit>
void for_each_light_edit(const std::u32string& word, Visit&& visit) {
    static constexpr std::u32string_view vowels = U"aeiouyæøå";
    std::u32string v;
    const std::size_t n = word.size();
    for (std::size_t i = 0; i < n; ++i) {
        v = word;
        v.erase(i, 1);
        visit(v);
        v = word;
        v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), word[i]);  // doubled
        visit(v);
        if (i + 1 < n && word[i] != word[i + 1]) {
            v = word;
            std::swap(v[i], v[i + 1]);
            visit(v);
        }
        if (is_vowel(word[i]))
            for (const char32_t c : vowels) {
                if (c == word[i]) continue;
                v = word;
                v[i] = c;
                visit(v);
            }
    }
}

}  // namespace

struct Speller::Impl {
    ExtendedDictionary en_us;
    ExtendedDictionary en_gb;
    ExtendedDictionary da;
    static constexpr std::size_t max_cached_suggestions = 20000;
    ShardedMemo<std::vector<std::string>> suggestions{max_cached_suggestions};  // "lang:word" -> suggestions
    // The words whose suggestions some thread is computing ("lang:word"): a thread meeting
    // one of them waits for that answer instead of computing it again.
    std::mutex in_flight_mutex;
    std::condition_variable in_flight_done;
    std::unordered_set<std::string> in_flight;
    // Whole answers of acceptable() (one memo per language) and missing_linking_s(), since a
    // text repeats its words and each answer takes several spell() calls and strings.
    static constexpr std::size_t max_cached_answers = 200000;
    ShardedMemo<bool> danish_acceptable{max_cached_answers}, english_acceptable{max_cached_answers};
    ShardedMemo<std::string> linking_s_answers{max_cached_answers};
    std::optional<MappedSpellingIndex> index;
    ShardedMemo<std::vector<std::string>> candidate_answers{max_cached_suggestions};  // "lang:word"
    ShardedMemo<std::shared_ptr<const std::vector<std::string>>> one_edit_answers{max_cached_suggestions};  // "lang:word"

    std::vector<std::string> compute_suggestions(const std::string& key, std::string_view word, Lang lang);

    // Each dictionary from the shelf (`danish_copies` copies of each for as many threads),
    // the medical words on top; the index must match the dictionaries it is used with
    // (SpellerOptions).
    explicit Impl(const SpellerOptions& options)
        : Impl(options, options.dictionaries ? options.dictionaries : std::make_shared<DictionaryShelf>(options.dictionary_dirs)) {}
    Impl(const SpellerOptions& options, const std::shared_ptr<DictionaryShelf>& shelf)
        : en_us(shelf->require("en_US", options.danish_copies), options.extra_english, options.danish_copies),
          en_gb(shelf->require("en_GB", options.danish_copies), options.extra_english, options.danish_copies),
          da(shelf->require("da_DK", options.danish_copies), options.extra_danish, options.danish_copies) {
        if (!options.index_file.empty()) {
            MappedSpellingIndex mapped(options.index_file);  // throws for a missing or damaged file
            if (mapped.fingerprint() != dictionary_fingerprint(options.dictionary_dirs))
                throw Error(options.index_file.string(), std::nullopt,
                            "the spelling index was built from other Hunspell dictionaries than " + da.dic_file().parent_path().string() +
                                "'s (rebuild it: cmake --build <build> --target summalign_spelling_index_data)");
            index.emplace(std::move(mapped));
        }
    }

    std::vector<std::string> compute_candidates(const std::string& lower, Lang lang) const;
    // A word only English knows (the parts of Danish medical compounds often are).
    bool outside_dictionary(const std::string& part) const {
        if (index) return !index->contains(Lang::da, part) && index->contains(Lang::en, part);
        return !da.spell(part) && (en_us.spell(part) || en_gb.spell(part));
    }
    // An index word, or two: a head (index_head) and an index word, each of four letters or more.
    bool index_word_or_pair(std::u32string_view word) const {
        if (index->contains(Lang::da, u32_to_utf8(word))) return true;
        for (std::size_t cut = 4; cut + 4 <= word.size(); ++cut)
            if (index->contains(Lang::da, u32_to_utf8(word.substr(cut))) && index_head(word.substr(0, cut))) return true;
        return false;
    }
    // A first part of a compound the index has: a word, or a word and a linking -s- or -e-.
    bool index_head(std::u32string_view head) const { return index_head(std::string_view(u32_to_utf8(head))); }
    // The same for a head in UTF-8.
    bool index_head(std::string_view head) const {
        if (index->contains(Lang::da, head)) return true;
        return code_points(head) > 3 && (head.back() == 's' || head.back() == 'e') && index->contains(Lang::da, head.substr(0, head.size() - 1));
    }

    bool known(const std::string& word, Lang lang) const {
        if (index_knows(word, lang)) return true;
        if (lang == Lang::da) return da.spell(word);
        return en_us.spell(word) || en_gb.spell(word);
    }

    // Whether the index says Hunspell accepts `word` as written: the index holds the forms
    // Hunspell accepted when it was built, in their own case (the medical words too, which
    // the Checker adds to Hunspell as well), so a hit is Hunspell's yes at the cost of a
    // hash probe, where Hunspell's spell() strips every affix da_DK has and tries its
    // compounding (most of a fresh Checker's time). A capitalised or all-capitals word is
    // accepted when its lower-case form is (Hunspell's own case rule); a word with a capital
    // inside (iPod) only as written. A miss says nothing: compounds are not in the index.
    bool index_knows(const std::string& word, Lang lang) const {
        if (!index || word.empty() || word.size() > longest_dictionary_word_bytes) return false;
        if (index->contains(lang, word)) return true;
        std::string lower;
        to_lower(word, lower);
        if (lower == word) return false;
        const std::size_t upper = count_upper(word), letters = count_letters(word);
        const bool case_rule = (upper == 1 && starts_upper(word)) || (upper == letters && upper > 0);
        return case_rule && index->contains(lang, lower);
    }

    // acceptable()'s Danish tests that index probes answer (`lower` is `text` in lower case).
    bool danish_by_probes(const std::string& text, const std::string& lower) const {
        return index_knows(text, Lang::da) || regular_form(lower) || gen_prefixed(lower) || derived_form(lower) ||
               adverb_compound(lower) || (index && is_compound(lower, 0, true));
    }

    // A Danish word of its own (a lower-case part of a compound): a form the index has, a
    // form da_DK accepts that is not two index words joined by its own compounding (it
    // accepts edsikonet = ed + s + ikonet, but kriterierne, a form its affix rules make
    // that the index lacks, is one word), or a regular form of a word the index has.
    // Without the index, whatever da_DK accepts.
    bool own_word(const std::string& part) const {
        if (!index) return da.spell(part);
        if (index->contains(Lang::da, part) || regular_form(part) || noun_form(part)) return true;
        if (!da.spell(part)) return false;
        // A form da_DK's affix rules make (tabellen, ansvarlig), which the index may lack, is
        // one word even where its letters split into two index words (tabel + len, ansvar +
        // lig); the test below is for the words da_DK's compounding makes up.
        if (da.spell_lexically(part)) return true;
        for (std::size_t cut = 2; cut + 2 <= part.size(); ++cut) {
            if ((static_cast<unsigned char>(part[cut]) & 0xC0) == 0x80) continue;
            const std::string head = part.substr(0, cut), tail = part.substr(cut);
            const bool head_word = index->contains(Lang::da, head) ||
                                   (cut > 2 && (head.back() == 's' || head.back() == 'e') && index->contains(Lang::da, head.substr(0, cut - 1)));
            if (head_word && index->contains(Lang::da, tail)) return false;
        }
        return true;
    }

    // Forms Danish makes by rule from a word the index has, which da_DK lists for some
    // words and not for others: the inflections of a verb in -ere (portere: porteret,
    // porterede, porterer, porteres, porterende) and the verbs in -isere made from a noun
    // (vektor: vektorisere, vektoriseret, vektorisering, ...). Lower-case words.
    bool regular_form(std::string_view word) const {
        if (!index) return false;
        static constexpr std::string_view verb_endings[] = {"eret", "erede", "erer", "eres", "erende", "ering", "eringen", "eringer"};
        for (const std::string_view ending : verb_endings)
            if (word.size() > ending.size() + 3 && word.ends_with(ending)) {
                const std::string infinitive = std::string(word.substr(0, word.size() - ending.size())) + "ere";
                if (index->contains(Lang::da, infinitive)) return true;
            }
        static constexpr std::string_view derived_endings[] = {"isere", "iseret", "iserede", "iserer", "iseres", "iserende",
                                                               "isering", "iseringen", "iseringer", "iseringerne"};
        for (const std::string_view ending : derived_endings)
            if (word.size() >= ending.size() + 4 && word.ends_with(ending)) {
                const std::string noun(word.substr(0, word.size() - ending.size()));
                if (code_points(noun) >= 4 && index->contains(Lang::da, noun)) return true;
            }
        return false;
    }

    // A participle in -t beside its definite or plural form in -te, which da_DK accepts
    // (forvalgte: forvalgt): da_DK lists one without the other for some words. Not after a
    // vowel, nor after a stem in -t (flytte, besatte: an infinitive or a past tense with its -e dropped is a
    // slip), and of seven letters or more, so that the slip test of a word accepted by rule
    // (one likely slip from a word the article writes or the lexicon has) covers the -te
    // word it would be a slip of. Asks Hunspell (da_DK makes many -te forms by compounding:
    // for + valgte), so only for a word no cheaper test accepts.
    bool participle_in_t(std::string_view word) const {
        if (code_points(word) < 7 || !word.ends_with('t') || count_letters(word) != code_points(word)) return false;
        // The -t after a consonant (valgt, købt, kendt): a noun in -e with a -t put in
        // (installationsmetodet) makes a -te form da_DK's compounding accepts too.
        const char before = word[word.size() - 2];
        if (before == 't' || std::string_view("aeiouy").find(before) != std::string_view::npos || static_cast<unsigned char>(before) >= 0x80)
            return false;
        return known(std::string(word) + "e", Lang::da);
    }

    // Noun forms Danish makes by rule that da_DK lists for some words only (derived_form
    // asks them; a compound's tail may be one: installationsloggene). Index probes.
    bool noun_form(std::string_view word) const {
        if (!index) return false;
        // The definite plural of a noun whose plural ends in -e: the plural and -ne (log:
        // logge, loggen, loggene), where the index has the plural and the definite singular
        // in -en or -et. Not when the index has the definite plural in -erne: that noun's
        // plural is in -er, and the -ene form is a slip of it (pakkene for pakkerne).
        static constexpr std::string_view plural_endings[] = {"ene", "enes"};
        for (const std::string_view ending : plural_endings)
            if (word.size() > ending.size() && word.ends_with(ending)) {
                const std::string stem(word.substr(0, word.size() - ending.size()));
                const auto has = [&](std::string_view end) {
                    return index->contains(Lang::da, stem + std::string(end));
                };
                if (code_points(stem) >= 3 && has("e") && (has("en") || has("et")) && !has("erne"))
                    return true;
            }
        // The agent noun in -er of a verb in -e, which da_DK lists for some verbs only
        // (vedligeholde: vedligeholder, vedligeholdere, vedligeholderne), where the index
        // has the infinitive and the present tense (the same letters as the noun's
        // singular). Not when the index has a plural in -erne of the stem: then -er makes
        // that noun's plural, and -ere, -eren are slips of its forms (pakkere for pakker).
        static constexpr std::string_view doer_endings[] = {"ere", "eres", "eren", "erens",
                                                            "erne", "ernes"};
        for (const std::string_view ending : doer_endings)
            if (word.size() > ending.size() && word.ends_with(ending)) {
                const std::string stem(word.substr(0, word.size() - ending.size()));
                const auto has = [&](std::string_view end) {
                    return index->contains(Lang::da, stem + std::string(end));
                };
                if (code_points(stem) >= 4 && has("e") && has("er") && !has("erne")) return true;
            }
        return false;
    }

    // Nouns Danish derives by rule from a word the index has, which da_DK lists for some
    // words only: the action noun in -ning of a verb in -e (kæde: kædning, kædningen) and
    // the agent noun in -ator beside a noun in -ation (identifikation: identifikator,
    // identifikatorer). Not a dictionary form: like a compound, a word one likely slip from
    // a common word is still that slip (the check applies the slip test to it). A verb
    // stem in -n or -l makes its noun in -ing (tegne: tegning, tildele: tildeling), so such
    // a stem is left out (åbnning, tildelning are slips), and so is a verb whose noun the
    // index has in -ing or -else (forberede: forberedelse, not forberedning).
    bool derived_form(std::string_view word) const {
        if (!index) return false;
        static constexpr std::string_view action_endings[] = {"ning", "ningen", "ninger", "ningerne", "nings", "ningens"};
        for (const std::string_view ending : action_endings)
            if (word.size() > ending.size() && word.ends_with(ending)) {
                const std::string_view stem = word.substr(0, word.size() - ending.size());
                if (code_points(stem) < 3 || stem.back() == 'n' || stem.back() == 'l') continue;
                const std::string verb(stem);
                if (index->contains(Lang::da, verb + "e") && !index->contains(Lang::da, verb + "ing") && !index->contains(Lang::da, verb + "else"))
                    return true;
            }
        if (noun_form(word)) return true;
        static constexpr std::string_view agent_endings[] = {"ator", "atoren", "atorer", "atorerne", "ators", "atorens", "atorernes"};
        for (const std::string_view ending : agent_endings)
            if (word.size() > ending.size() && word.ends_with(ending)) {
                const std::string_view stem = word.substr(0, word.size() - ending.size());
                if (code_points(stem) >= 4 && index->contains(Lang::da, std::string(stem) + "ation")) return true;
            }
        return false;
    }

    // An English word in another national spelling than the dictionaries': the other one
    // of gray/grey, a US -og for a British -ogue (dialog, dialogs: dialogue, dialogues),
    // -or for -our in a word of six letters or more (behavior), or the possessive 's of a
    // word the index has (dialog's). Only spellings no slip of the kinds that come in pairs
    // makes: -ize/-ise and -er/-re are a sound-alike letter and a swap away, so a slip
    // (advize, theer) would pass as another spelling. Lower-case words; index probes.
    bool english_other_spelling(std::string_view word) const {
        if (!index) return false;
        auto has = [&](const std::string& w) { return index->contains(Lang::en, w); };
        if (word.size() > 3 && (word.ends_with("'s") || word.ends_with("’s"))) {
            const std::string_view stem = word.substr(0, word.size() - (word.ends_with("'s") ? 2 : 4));
            if (code_points(stem) >= 3 && has(std::string(stem))) return true;
        }
        auto replaced = [&](std::string_view from, std::string_view to) {
            for (std::size_t at = word.find(from); at != std::string_view::npos; at = word.find(from, at + 1)) {
                std::string other(word.substr(0, at));
                other += to;
                other += word.substr(at + from.size());
                if (has(other)) return true;
            }
            return false;
        };
        if (replaced("gray", "grey") || replaced("grey", "gray")) return true;
        for (const std::string_view ending : {std::string_view("og"), std::string_view("ogs"), std::string_view("og's")})
            if (word.size() > ending.size() + 2 && word.ends_with(ending)) {
                const std::string_view stem = word.substr(0, word.size() - ending.size());
                std::string other(stem);
                other += "ogue";
                other += ending.substr(2);
                if (has(other)) return true;
            }
        return code_points(word) >= 6 && replaced("or", "our");
    }

    // An English compound written closed up, as technical English coins them (gluepoint,
    // slidepage): two words the index has, of four letters or more each. Like a Danish
    // compound it is no dictionary form, so a word one likely slip from a common word is
    // still that slip (somewere: some + were, but somewhere with an h dropped); acceptable()
    // also refuses one a single edit from any dictionary word.
    bool english_compound(std::string_view word) const {
        if (!index || code_points(word) < 8 || word.size() > longest_dictionary_word_bytes) return false;
        for (std::size_t cut = 4; cut + 4 <= word.size(); ++cut) {
            if ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) continue;
            if (index->contains(Lang::en, std::string(word.substr(0, cut))) && index->contains(Lang::en, std::string(word.substr(cut))))
                return true;
        }
        return false;
    }

    // An English word with a prefix that technical English closes up (preseed, preseeding,
    // preconfiguration, subfolders): the rest a word the index has, of four letters or
    // more. Like a closed-up compound it is no dictionary form: acceptable() refuses one a
    // single edit from a dictionary word (desing: de + sing, but design swapped), and the
    // check applies the slip test against the article's words.
    bool english_prefixed(std::string_view word) const {
        if (!index || code_points(word) < 7 || word.size() > longest_dictionary_word_bytes) return false;
        static constexpr std::string_view prefixes[] = {"pre", "re", "sub", "un", "non", "de", "co", "multi", "inter", "super"};
        for (const std::string_view prefix : prefixes)
            if (word.starts_with(prefix)) {
                const std::string_view rest = word.substr(prefix.size());
                if (code_points(rest) >= 4 && index->contains(Lang::en, std::string(rest))) return true;
            }
        return false;
    }

    // A Danish form of an English loanword that Danish technical text inflects as its own
    // (partition: partitionen, partitionerne, partitionere, partitioneringen), which da_DK
    // lacks: an English index word of five letters or more that da_DK does not know, with
    // a Danish noun or verb ending. A loanword da_DK has is inflected by its own rules, so
    // a form it lacks is a slip (programet: program + et, for programmet); acceptable()
    // also refuses a form a likely slip from a Danish index word.
    bool english_loan_form(std::string_view word) const {
        if (!index || word.size() > longest_dictionary_word_bytes) return false;
        static constexpr std::string_view endings[] = {"en", "ens", "er", "erne", "ernes", "et", "ets", "ene", "enes",
                                                       "ere", "eret", "erede", "erer", "eres", "erende", "ering", "eringen", "eringer"};
        // An English index word of five letters or more that Danish does not know.
        const auto english_loanword = [&](const std::string& stem) {
            return code_points(stem) >= 5 && count_letters(stem) == code_points(stem) && index->contains(Lang::en, stem) &&
                   !index->contains(Lang::da, stem) && !da.spell(stem);
        };
        for (const std::string_view ending : endings)
            if (word.size() > ending.size() && word.ends_with(ending)) {
                const std::string stem(word.substr(0, word.size() - ending.size()));
                if (english_loanword(stem)) return true;
                // The final consonant doubled before the ending (shred: shreddet), where
                // English doubles it too: the index has the doubled stem with -ed or -ing
                // (shredded). A doubled letter is a common slip; English's own doubling
                // licenses this one (partitionnen stays a slip: English writes partitioned).
                const std::size_t n = stem.size();
                if (n >= 6 && stem[n - 1] == stem[n - 2] && std::string_view("bdfgklmnprstvz").find(stem[n - 1]) != std::string_view::npos &&
                    (index->contains(Lang::en, stem + "ed") || index->contains(Lang::en, stem + "ing")) &&
                    english_loanword(stem.substr(0, n - 1)))
                    return true;
            }
        return false;
    }

    // An adjective's neuter form in -t beside its definite or plural form in -e, which da_DK
    // accepts (oktale: oktalt; da_DK lists one without the other for some adjectives): the
    // -t after a consonant other than t, of six letters or more, and the word without its -t
    // no word da_DK knows (kørert is kører with a letter added, beside kørere). A slip does
    // not turn an -e into a -t (not neighbouring keys, nor a sound-alike); acceptable() also
    // refuses the word when an index word is one likely slip away (installert for
    // installeret, a letter dropped, beside installere). Asks Hunspell (the index lacks many
    // forms da_DK makes by its affix rules: oktale), so only for a word no cheaper test accepts.
    bool adjective_in_t(std::string_view word) const {
        if (code_points(word) < 6 || !word.ends_with('t') || count_letters(word) != code_points(word)) return false;
        const char before = word[word.size() - 2];
        if (before == 't' || std::string_view("aeiouy").find(before) != std::string_view::npos || static_cast<unsigned char>(before) >= 0x80)
            return false;
        std::string stem(word.substr(0, word.size() - 1));
        return known(stem + "e", Lang::da) && !known(stem, Lang::da);
    }

    // A Danish noun made from an English one in -in or -out (login, stdin; logout, stdout):
    // a word and the adverb ind or ud written closed up (logind, standardind, standardud,
    // brugerlogind), with or without a noun ending (logindet). da_DK lacks most, and the
    // compound test needs parts of four letters. The word before the adverb is a form the
    // index has, of three letters or more, or a compound of a head (index_head) and such a
    // form, so that a slip elsewhere in the word leaves no such split. Like a compound it is
    // no dictionary form: the check applies the slip test (medind, med + ind, beside medvind
    // is medvind's slip).
    bool adverb_compound(std::string_view word) const {
        if (!index || word.size() > longest_dictionary_word_bytes || count_letters(word) != code_points(word))
            return false;
        static constexpr std::string_view endings[] = {"",   "s",   "et",  "ets",
                                                       "en", "ens", "ene", "enes"};
        static constexpr std::string_view adverbs[] = {"ind", "ud"};
        auto head_ok = [&](std::string_view head) {
            if (code_points(head) < 3) return false;
            if (index->contains(Lang::da, head)) return true;
            for (std::size_t cut = 4; cut + 3 <= head.size(); ++cut) {
                if ((static_cast<unsigned char>(head[cut]) & 0xC0) == 0x80) continue;
                const std::string_view first = head.substr(0, cut), rest = head.substr(cut);
                if (code_points(first) >= 4 && code_points(rest) >= 3 && index_head(first) &&
                    index->contains(Lang::da, rest))
                    return true;
            }
            return false;
        };
        for (const std::string_view ending : endings) {
            if (!word.ends_with(ending)) continue;
            const std::string_view stem = word.substr(0, word.size() - ending.size());
            for (const std::string_view adverb : adverbs)
                if (stem.size() > adverb.size() && stem.ends_with(adverb) &&
                    head_ok(stem.substr(0, stem.size() - adverb.size())))
                    return true;
        }
        return false;
    }

    // Danish writes sk for the sc of a Latin or English loanword (skript, skriptet,
    // skalskript, installationsskripter) where da_DK lists the sc spelling only (script,
    // scriptet): a word one of whose sk, written sc, is a form the index has, a regular form
    // of one, or a compound the index's probes accept. Native Danish words have no sc, so
    // the sc form is the loanword's own; a slip of a key does not turn a c into a k (they are
    // far apart on the keyboard). Lower-case words.
    bool sk_for_sc(std::string_view word) const {
        if (!index || word.size() > longest_dictionary_word_bytes || count_letters(word) != code_points(word)) return false;
        for (std::size_t at = word.find("sk"); at != std::string_view::npos; at = word.find("sk", at + 1)) {
            std::string other(word);
            other[at + 1] = 'c';
            if (index->contains(Lang::da, other) || regular_form(other) || is_compound(other, 0, true)) return true;
        }
        return false;
    }

    // The prefix gen- (again) makes a verb or its noun of nearly any verb: genstart,
    // genindlæs, genudskrive, genopbygningen; da_DK lists only the common ones. The rest
    // must be a form the index has (or a regular form), of four letters or more, so that a
    // slip in a word that begins with gen (generlt) is no such form. Like a compound, such a
    // word is no dictionary form: one likely slip from a common word it is still that slip
    // (genkendis = gen + kendis beside genkendes).
    bool gen_prefixed(std::string_view word) const {
        if (!index || word.size() < 7 || !word.starts_with("gen")) return false;
        const std::string_view rest = word.substr(3);
        return code_points(rest) >= 4 && (index->contains(Lang::da, rest) || regular_form(rest));
    }

    // word = head [s|e] tail, for the compounds da_DK's own compounding (its COMPOUNDBEGIN/
    // MIDDLE/END flags) rejects although each part is a word: da_DK lacks flags on many
    // words (rulleliste, drevbetegnelser) and the medical list's words have none. Not a
    // licence for any split, which would hide slips (tilgængeligedsikonet = tilgængelig +
    // eds + ikonet): the head is a base form (stamcelle, not the inflected stamcellen- or
    // the genitive eds-) or an English word (neuronal|celler), the linking -s- not after an
    // -s, the tail a Danish or English word or itself such a compound; parts of at least
    // four letters. A slip that turns a part into another word (kilde|tekst -> kiltetekst)
    // passes, as any real-word error does.
    //
    // `probes_only`: asks only what the index answers (and is_base_form, for the few heads
    // the index has), never Hunspell's spell() on a part: a yes is also the full test's yes,
    // at a fraction of the cost; a no says nothing.
    // The shortest part is_compound() accepts, in letters.
    static constexpr std::size_t min_compound_part = 4;
    bool is_compound(const std::string& word, int depth, bool probes_only = false) const {
        if (depth > 3 || word.size() > longest_dictionary_word_bytes) return false;
        const std::size_t letters = code_points(word);
        if (letters < 2 * min_compound_part) return false;
        std::size_t head_letters = 0;  // code_points(word.substr(0, cut))
        for (std::size_t cut = 1; cut < word.size(); ++cut) {
            head_letters += (static_cast<unsigned char>(word[cut - 1]) & 0xC0) != 0x80;
            if ((static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80) continue;  // inside a code point
            // The parts are counted before they are built: most cuts of a long word leave a
            // part too short, and each built part is a string.
            if (head_letters < min_compound_part) continue;
            if (letters - head_letters < min_compound_part) break;
            const std::string head = word.substr(0, cut), tail = word.substr(cut);
            // The tail a word of its own (not one da_DK's compounding makes up: it accepts
            // edsikonet = ed + s + ikonet), an English word, or itself such a compound. Or
            // a Danish form of an English loanword (opstarts|partitionen): it is inflected as
            // a word of its own, so also at the end of a compound. Only as the tail of the
            // whole word: cut again inside a tail, a slip's letters split into chance parts
            // (monterings|inds|tilinger: tiling + er, for indstillinger). english_loan_form
            // asks Hunspell about the stem: not among the probes.
            auto tail_ok = [&] {
                const bool tail_word = probes_only
                                           ? index->contains(Lang::da, tail) || regular_form(tail) || noun_form(tail)
                                           : own_word(tail) || (depth == 0 && english_loan_form(tail));
                return tail_word || outside_dictionary(tail) || is_compound(tail, depth + 1, probes_only);
            };
            // A tail too short to be a compound itself is judged first: it costs index probes
            // and at most Hunspell's verdict on a short word, where the head's verdict is on
            // the longest part of the word, and most cuts leave no word as the tail. The
            // answer is the same in either order (both parts must pass).
            const bool short_tail = depth + 1 > 3 || code_points(tail) < 2 * min_compound_part;
            if (short_tail && !tail_ok()) continue;
            std::string bare = head;
            // A Danish base form, or an English word (neuronal|celler).
            const bool head_known = index ? index->contains(Lang::da, head) || (!probes_only && da.spell(head) && own_word(head)) : da.spell(head);
            bool head_ok = head_known ? da.is_base_form(head) : outside_dictionary(head);
            if (!head_ok && (head.back() == 's' || head.back() == 'e') && code_points(head) > min_compound_part) {
                bare = head.substr(0, head.size() - 1);
                head_ok = !(head.back() == 's' && bare.back() == 's') && (index ? index->contains(Lang::da, bare) : da.spell(bare)) &&
                          da.is_base_form(bare);
            }
            if (!head_ok) continue;
            if (short_tail || tail_ok()) return true;
        }
        return false;
    }
};

Speller::Speller(const SpellerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Speller::~Speller() = default;
Speller::Speller(Speller&&) noexcept = default;
Speller& Speller::operator=(Speller&&) noexcept = default;

bool Speller::known(std::string_view word, Lang lang) const { return impl_->known(std::string(word), lang); }

bool Speller::index_knows(std::string_view word, Lang lang) const { return impl_->index_knows(std::string(word), lang); }

bool Speller::acceptable(std::string_view word, Lang lang) const {
    // Asked for every word of a text: the memos are keyed by the word itself, so that a kept
    // answer costs no string.
    return (lang == Lang::da ? impl_->danish_acceptable : impl_->english_acceptable).get(word, [&] {
        const std::string text(word);
        if (lang != Lang::da) {
            if (impl_->known(text, lang)) return true;
            const std::string lower = to_lower(text);
            if (impl_->english_other_spelling(lower)) return true;
            // English seldom closes up a compound, and a slip inside a word often leaves two
            // words (resturns: rest + urns): a compound with a dictionary word one likely
            // slip away (any edit but of the first letter) is that word's slip.
            if (!impl_->english_compound(lower) && !impl_->english_prefixed(lower)) return false;
            const auto near = one_edit_words(lower, lang);
            return std::none_of(near->begin(), near->end(), [&](const std::string& other) { return typo_cost(lower, other) <= 1.0; });
        }
        // The tests are alternatives: those a hash probe answers first, Hunspell's spell()
        // (its affix and compound analysis of a long compound costs up to milliseconds) last.
        const std::string lower = to_lower(text);
        if (impl_->danish_by_probes(text, lower)) return true;
        if (impl_->english_loan_form(lower)) {
            const auto near = one_edit_words(lower, lang);
            if (std::none_of(near->begin(), near->end(), [&](const std::string& other) { return typo_cost(lower, other) <= 0.9; }))
                return true;
        }
        // The compound test before Hunspell's verdict on the whole word: the tests are
        // alternatives, the compound test's verdicts are on its parts (shorter words, most
        // of them answered by the index), and a word it accepts needs no verdict of Hunspell
        // on the whole, whose analysis of a long compound is the costliest.
        if (impl_->is_compound(lower, 0)) return true;
        if (impl_->known(text, lang)) return true;
        if (impl_->known(lower, lang)) return true;
        if (impl_->participle_in_t(lower)) return true;
        if (impl_->adjective_in_t(lower)) {
            // The -e form is one edit away but no likely slip (cost 1.0, as optalt is beside
            // oktalt); an index word one likely slip away, or the word with a letter slipped
            // in (krævedt: krævet, beside krævede), makes the word that word's slip.
            const auto near = one_edit_words(lower, lang);
            const std::size_t length = code_points(lower);
            if (std::none_of(near->begin(), near->end(), [&](const std::string& other) {
                    return typo_cost(lower, other) <= 0.9 || code_points(other) + 1 == length;
                }))
                return true;
        }
        // The negating prefix u- makes a word of nearly any adjective or participle
        // (urandomiserede, ubehandlede); da_DK lists only the common ones.
        return lower.size() > 6 && lower.front() == 'u' && impl_->known(lower.substr(1), lang);
    });
}

bool Speller::acceptable_by_probes(std::string_view word, Lang lang) const {
    if (const auto kept = (lang == Lang::da ? impl_->danish_acceptable : impl_->english_acceptable).find(word)) return *kept;
    if (lang != Lang::da) return false;
    const std::string text(word);
    return impl_->danish_by_probes(text, to_lower(text));
}

bool Speller::sk_for_sc(std::string_view lower_word) const { return impl_->sk_for_sc(lower_word); }

std::string Speller::missing_linking_s(std::string_view danish_word) const {
    return impl_->linking_s_answers.get(danish_word, [&]() -> std::string {
        static constexpr std::string_view suffixes[] = {"tion", "sion", "hed", "skab", "else"};
        const std::string word(danish_word);
        const std::string lower = to_lower(word);
        if (lower.size() != word.size()) return {};  // cut positions must mean the same in both
        // Hunspell is asked about the word only when it has such a first part that is a word
        // (its verdict on a long compound costs up to milliseconds); a known word needs no -s-.
        std::optional<bool> word_known;
        for (std::size_t cut = 5; cut + 3 <= lower.size(); ++cut) {
            const std::string head = lower.substr(0, cut), tail = lower.substr(cut);
            const bool linking_suffix = std::any_of(std::begin(suffixes), std::end(suffixes),
                                                    [&](std::string_view suffix) { return head.ends_with(suffix); });
            if (!linking_suffix || tail.front() == 's') continue;
            // The head first: most words with such a head are no compound of it, and its
            // verdict is on a short word.
            if (!impl_->da.spell(head)) continue;
            // The tail a word of its own (with the index: one of its forms, not one da_DK's
            // compounding makes up: funktion|altiet is a slip in funktionalitet, not a
            // compound without its -s-), or a compound. A tail too short to be a compound
            // (is_compound's two parts of four letters) that is no word rules the cut out
            // before the whole word's verdict (the costliest: "and" of the same tests in
            // another order, so the answer is the same).
            const bool tail_word = impl_->index ? impl_->index->contains(Lang::da, tail) : impl_->da.spell(tail);
            if (!tail_word && code_points(tail) < 2 * Impl::min_compound_part) continue;
            if (!word_known) word_known = impl_->index_knows(word, Lang::da) || impl_->da.spell(word);
            if (*word_known) return {};
            if (!(tail_word || impl_->is_compound(tail, 1))) continue;
            // A word one slip from a word the index has is that word's slip, not a compound
            // without its -s-: versionhen (versionen with an h slipped in), versionær
            // (versioner with a vowel changed) split into version + hen, version + ær. The
            // compound with its -s- may be an index word itself, and is no other word
            // (transplantationbehandling has no other index word one edit away); the one-edit
            // words are index probes.
            const std::string with_s = head + "s" + tail;
            const auto near = one_edit_words(lower, Lang::da);
            if (std::any_of(near->begin(), near->end(),
                            [&](const std::string& other) { return other != with_s && typo_cost(lower, other) <= 1.0; }))
                return {};
            return word.substr(0, cut) + "s" + word.substr(cut);
        }
        return {};
    });
}

// Computes the suggestions for `word`, keeps them and takes `key` out of flight (where the
// caller put it), whatever happens.
std::vector<std::string> Speller::Impl::compute_suggestions(const std::string& key, std::string_view word, Lang lang) {
    struct Landed {
        Impl& impl;
        const std::string& key;
        ~Landed() {
            {
                std::lock_guard lock(impl.in_flight_mutex);
                impl.in_flight.erase(key);
            }
            impl.in_flight_done.notify_all();
        }
    } landed{*this, key};
    const std::string text(word);
    std::vector<std::string> out;
    auto add_all = [&](const std::vector<std::string>& found) {
        for (const auto& s : found)
            if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    };
    if (lang == Lang::da) {
        add_all(da.suggest(text));
    } else {
        add_all(en_us.suggest(text));
        // en_GB only adds British forms; ask it only when en_US has nothing close.
        const std::string lower = to_lower(text);
        const bool close = std::any_of(out.begin(), out.end(), [&](const std::string& s) { return edit_distance(lower, to_lower(s)) <= 2; });
        if (!close) add_all(en_gb.suggest(text));
    }
    suggestions.store(key, out);
    return out;
}

std::vector<std::string> Speller::suggest(std::string_view word, Lang lang) const {
    // Hunspell's suggest() costs up to a second for a Danish word (compounding), so answers
    // are kept: a journal archive misspells and coins the same words again and again.
    const std::string key = lang_key(word, lang);
    if (auto kept = impl_->suggestions.find(key)) return std::move(*kept);
    {
        // Workers that start on the same corpus meet the same new words at once.
        std::unique_lock lock(impl_->in_flight_mutex);
        impl_->in_flight_done.wait(lock, [&] { return !impl_->in_flight.contains(key); });
        if (auto kept = impl_->suggestions.find(key)) return std::move(*kept);
        impl_->in_flight.insert(key);
    }
    return impl_->compute_suggestions(key, word, lang);
}

bool Speller::has_index() const noexcept { return impl_->index.has_value(); }

std::shared_ptr<const std::vector<std::string>> Speller::one_edit_words(std::string_view lower_word, Lang lang) const {
    return impl_->one_edit_answers.get(lang_key(lower_word, lang), [&] {
        std::vector<std::string> found;
        if (!impl_->index || lower_word.size() > longest_dictionary_word_bytes) return std::make_shared<const std::vector<std::string>>();
        static constexpr std::u32string_view danish_letters = U"abcdefghijklmnopqrstuvwxyzæøåé-";
        static constexpr std::u32string_view english_letters = U"abcdefghijklmnopqrstuvwxyz-'";
        for_each_index_edit(*impl_->index, lang, lower_word, lang == Lang::da ? danish_letters : english_letters, [&](const std::string& v) {
            if (v != lower_word && std::find(found.begin(), found.end(), v) == found.end()) found.push_back(v);
        });
        return std::make_shared<const std::vector<std::string>>(std::move(found));
    });
}

bool Speller::known_plainly(std::string_view word, Lang lang) const {
    if (known_plainly_by_index(word, lang)) return true;
    const std::string text(word);
    if (impl_->known(text, lang)) return true;
    const std::string lower = to_lower(text);
    return lower != text && impl_->known(lower, lang);
}

bool Speller::known_plainly_by_index(std::string_view word, Lang lang) const {
    if (!impl_->index) return false;
    const std::string text(word);
    if (impl_->index_knows(text, lang)) return true;
    const std::string lower = to_lower(text);
    return impl_->index_knows(lower, lang) || (lang == Lang::da ? impl_->regular_form(lower) : impl_->english_other_spelling(lower));
}

bool Speller::known_lexically(std::string_view lower_word, Lang lang) const {
    const std::string text(lower_word);
    if (impl_->index_knows(text, lang)) return true;
    return lang == Lang::da ? impl_->da.spell_lexically(text) : impl_->known(text, lang);
}

std::vector<std::string> Speller::candidates(std::string_view lower_word, Lang lang) const {
    if (!impl_->index) return suggest(lower_word, lang);
    return impl_->candidate_answers.get(lang_key(lower_word, lang), [&] { return impl_->compute_candidates(std::string(lower_word), lang); });
}

std::vector<std::string> Speller::Impl::compute_candidates(const std::string& lower, Lang lang) const {
    // The passes below cost a power of the word's length; no dictionary word is this long.
    if (lower.size() > longest_dictionary_word_bytes) return {};
    static constexpr std::u32string_view danish_letters = U"abcdefghijklmnopqrstuvwxyzæøåé-";
    static constexpr std::u32string_view english_letters = U"abcdefghijklmnopqrstuvwxyz-'";
    const std::u32string_view alphabet = lang == Lang::da ? danish_letters : english_letters;
    const std::u32string word = utf8_to_u32(lower);
    std::vector<std::string> found;
    std::unordered_set<std::string> seen;
    auto probe_text = [&](const std::string& text) {
        if (text == lower || seen.count(text)) return;
        if (index->contains(lang, text)) {
            seen.insert(text);
            found.push_back(text);
        }
    };
    std::string buffer;
    auto probe = [&](const std::u32string& variant) {
        buffer.clear();
        append_utf8(buffer, variant);
        probe_text(buffer);
    };
    for_each_index_edit(*index, lang, lower, alphabet, [&](const std::string& text) {
        if (text == lower || seen.count(text)) return;
        seen.insert(text);
        found.push_back(text);
    });
    if (!found.empty()) return found;

    if (lang == Lang::da && word.size() >= 8) {
        // A compound with a slip in one part: the word cuts into a part that is right (a
        // head the index has, or a tail of one or two index words) and a part one edit from
        // an index word; Hunspell's compounding must accept the whole. The parts are looked
        // up in the index, Hunspell is asked only about whole candidates: its compound
        // analysis of a long string costs up to a millisecond.
        const std::size_t n = word.size();
        const std::u32string_view whole(word);
        auto confirm = [&](std::string text) {
            if (text != lower && !seen.count(text) && da.spell(text)) {
                seen.insert(text);
                found.push_back(std::move(text));
            }
        };
        for (std::size_t cut = 4; cut + 3 <= n; ++cut) {
            const std::u32string_view head = whole.substr(0, cut), tail = whole.substr(cut);
            if (tail.size() >= 4 && index_head(head)) {
                const std::string head_text = u32_to_utf8(head);
                for_each_index_edit(*index, lang, u32_to_utf8(tail), alphabet, [&](const std::string& v) {
                    if (code_points(v) >= 4) confirm(head_text + v);
                });
            }
            if (index_word_or_pair(tail)) {
                const std::string tail_text = u32_to_utf8(tail);
                for_each_edit_utf8(u32_to_utf8(head), alphabet, [&](const std::string& v) {
                    if (code_points(v) >= 4 && index_head(std::string_view(v))) confirm(v + tail_text);
                });
            }
        }
        if (!found.empty()) return found;
    }

    if (word.size() >= 5 && word.size() <= 14) {
        // Two edits, both of the slips that come in pairs (a letter dropped and another
        // doubled, two vowels, a swap and a drop): a few thousand probes, where every pair
        // of edits would be a hundred thousand.
        std::unordered_set<std::u32string> firsts;
        for_each_light_edit(word, [&](const std::u32string& v) { firsts.insert(v); });
        for (const auto& first : firsts) {
            for_each_light_edit(first, [&](const std::u32string& v) { probe(v); });
            if (found.size() >= 64) break;
        }
    }
    return found;
}

void Speller::prepare_suggestions(std::span<const std::pair<std::string, Lang>> words) const {
    if (impl_->index) return;  // candidates() is cheap: nothing to share out
    for (const auto& [word, lang] : words) {
        const std::string key = lang_key(word, lang);
        if (impl_->suggestions.contains(key)) continue;
        {
            std::lock_guard lock(impl_->in_flight_mutex);
            // In flight: another thread is computing it; suggest() will wait for its answer.
            if (impl_->in_flight.contains(key) || impl_->suggestions.contains(key)) continue;
            impl_->in_flight.insert(key);
        }
        impl_->compute_suggestions(key, word, lang);
    }
}

bool is_english_sentence(const Speller& speller, const std::vector<CheckWord>& words) {
    std::vector<const CheckWord*> plain;
    for (const CheckWord& w : words) {
        if (!w.is_letters || count_upper(w.text) > 1) continue;
        const std::size_t letters = count_letters(w.text);
        if (letters < 2 || letters != code_points(w.text)) continue;
        plain.push_back(&w);
    }
    // Asked of every Danish sentence, and Danish Hunspell's verdict on a compound costs up to
    // milliseconds: the verdicts hash probes give (acceptable_by_probes: a word the index
    // knows, a compound of index parts) rule most sentences out first. Such a word is Danish;
    // only the others can be English only, so fewer than three of them, or fewer than three
    // that English knows, decide "no" as the full count below would.
    std::vector<char> surely_danish(plain.size());
    std::size_t maybe_not_danish = 0;
    for (std::size_t k = 0; k < plain.size(); ++k) {
        surely_danish[k] = speller.acceptable_by_probes(plain[k]->text, Lang::da);
        maybe_not_danish += !surely_danish[k];
    }
    if (maybe_not_danish < 3) return false;
    // Three of the others must be English: those the English index holds are (a probe), and
    // Hunspell is asked about the rest only while three can still be reached (its verdict on
    // a long Danish compound is costly in English too). English's verdict on the words the
    // index holds in Danish counts only below, so those wait until a sentence gets there.
    std::vector<char> english(plain.size()), asked(plain.size());
    std::size_t maybe_english_only = 0;
    std::vector<std::size_t> open;
    for (std::size_t k = 0; k < plain.size(); ++k) {
        if (surely_danish[k]) continue;
        if (speller.index_knows(plain[k]->text, Lang::en)) {
            english[k] = asked[k] = true;
            ++maybe_english_only;
        } else {
            open.push_back(k);
        }
    }
    for (std::size_t j = 0; j < open.size() && maybe_english_only < 3; ++j) {
        if (maybe_english_only + (open.size() - j) < 3) return false;
        const std::size_t k = open[j];
        english[k] = speller.acceptable(plain[k]->text, Lang::en);
        asked[k] = true;
        maybe_english_only += english[k];
    }
    if (maybe_english_only < 3) return false;
    // The words Danish does not know, and those of them English knows, first: fewer than
    // three of either decide "no" before English is asked about the Danish words.
    std::vector<char> danish(plain.size());
    std::size_t not_danish = 0, english_only = 0;
    for (std::size_t k = 0; k < plain.size(); ++k) {
        danish[k] = surely_danish[k] || speller.acceptable(plain[k]->text, Lang::da);
        if (danish[k]) continue;
        ++not_danish;
        if (!asked[k]) english[k] = speller.acceptable(plain[k]->text, Lang::en);
        asked[k] = true;
        english_only += english[k];
    }
    if (not_danish < 3 || english_only < 3) return false;
    // Then the Danish words English does not know (danish_only), each of which needs six
    // English-only words; the count only grows, so the first one too many decides "no".
    std::size_t danish_only = 0;
    for (std::size_t k = 0; k < plain.size(); ++k) {
        if (!danish[k]) continue;
        if (!asked[k]) english[k] = speller.acceptable(plain[k]->text, Lang::en);
        if (english[k]) continue;
        ++danish_only;
        if (english_only < 6 || english_only < 6 * danish_only) return false;
    }
    return true;
}

}  // namespace summalign::detail
