// De-hyphenation: the document's own words first, hyphenation patterns and Hunspell (da_DK,
// en_US) second.
#include <algorithm>
#include <array>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "detail/hunspell_dictionary.hpp"
#include "detail/hyphenation_patterns.hpp"
#include "detail/utf8.hpp"
#include "detail/layout_repair.hpp"
#include "summalign/data.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

DocumentWords::DocumentWords(const std::vector<SourceLine>& lines, const std::vector<LiftedCaption>& captions) {
    add_lines(lines);
    for (const LiftedCaption& caption : captions) add_lines(caption.lines);
}

void DocumentWords::add_lines(const std::vector<SourceLine>& lines) {
    bool previous_ended_in_break = false;
    for (const SourceLine& line : lines) {
        std::string_view text = trim(line.text.text());
        if (text.empty()) continue;  // blank lines (page breaks) do not end a broken word
        if (previous_ended_in_break) {
            // Skip the second half of the word broken at the end of the previous line.
            const std::string_view first = leading_word(text);
            if (!breaks_.empty() && breaks_.back().after.empty()) breaks_.back().after = first;
            text.remove_prefix(first.size());
        }
        const std::string_view broken = word_before_final_hyphen(text);
        previous_ended_in_break = !broken.empty() || line.ends_in_soft_hyphen;
        if (!broken.empty()) breaks_.push_back({std::string(broken), std::string()});
        if (!broken.empty()) text = text.substr(0, static_cast<std::size_t>(broken.data() - text.data()));
        add_text(text);
    }
}

bool DocumentWords::measured_once(const std::function<bool(const std::vector<LineBreak>&)>& measure) const {
    std::call_once(measured_->once, [&] { measured_->verdict = measure(breaks_); });
    return measured_->verdict;
}

DocumentWords::WordFacts& DocumentWords::facts(std::string_view lower_word) {
    if (const auto it = words_.find(lower_word); it != words_.end()) return it->second;
    sorted_.emplace(lower_word);
    return words_.emplace(std::string(lower_word), WordFacts{}).first->second;
}

const DocumentWords::WordFacts* DocumentWords::find(std::string_view word) const {
    const auto it = words_.find(to_lower(word));
    return it == words_.end() ? nullptr : &it->second;
}

void DocumentWords::add_text(std::string_view text) {
    std::size_t i = 0;
    // Whether the last thing before the next word, spaces aside, is a word or a comma: a
    // capital there is no sentence's (a line's first word counts as none of them).
    bool after_word = false;
    while (i < text.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(text, i, n);
        if (!is_word_char(c)) {
            if (!is_space(c)) after_word = c == ',';
            i += n;
            continue;
        }
        const std::string_view word = leading_word(text.substr(i));
        to_lower(word, lower_);
        WordFacts& word_facts = facts(lower_);
        ++word_facts.count;
        if (is_lower(c)) word_facts.lowercase = true;
        if (after_word && is_upper(c)) word_facts.capitalised_inside = true;
        after_word = true;
        // Heads of hyphenated compounds: every part before an inner hyphen.
        const std::string_view lower = lower_;
        std::size_t part_begin = 0;
        for (std::size_t k = 0; k < lower.size(); ++k) {
            if (lower[k] != '-') continue;
            facts(lower.substr(part_begin, k - part_begin)).compound_head = true;
            part_begin = k + 1;
        }
        i += word.size();
    }
}

std::size_t DocumentWords::count(std::string_view word) const {
    const WordFacts* found = find(word);
    return found ? found->count : 0;
}
bool DocumentWords::is_compound_head(std::string_view word) const {
    const WordFacts* found = find(word);
    return found && found->compound_head;
}
bool DocumentWords::occurs_lowercase(std::string_view word) const {
    const WordFacts* found = find(word);
    return found && found->lowercase;
}
bool DocumentWords::occurs_capitalised_inside(std::string_view word) const {
    const WordFacts* found = find(word);
    return found && found->capitalised_inside;
}

bool DocumentWords::begins_longer_word(std::string_view prefix) const {
    const std::string lower = to_lower(prefix);
    for (auto it = sorted_.upper_bound(lower); it != sorted_.end() && it->starts_with(lower); ++it)
        if (it->size() > lower.size()) return true;
    return false;
}

std::size_t DocumentWords::count_beginning(std::string_view prefix) const {
    const std::string lower = to_lower(prefix);
    std::size_t total = 0;
    for (auto it = sorted_.lower_bound(lower); it != sorted_.end() && it->starts_with(lower); ++it)
        total += words_.find(*it)->second.count;
    return total;
}

struct Dehyphenator::Impl {
    using Verdict = detail::HunspellDictionary::Verdict;

    // Through the one Hunspell wrapper (detail/hunspell_dictionary.hpp): each dictionary
    // guards its Hunspell with a mutex and keeps its answers; shared with the Checker of the
    // same Aligner (DictionaryShelf), unchanged by its medical words.
    std::vector<std::shared_ptr<const detail::HunspellDictionary>> dictionaries;
    std::optional<std::size_t> danish;   // index into `dictionaries`, when found
    std::optional<std::size_t> english;  // index into `dictionaries`, when found

    Verdict spell(std::size_t index, const std::string& word) const { return dictionaries[index]->verdict(word); }

    // The best verdict of any dictionary.
    Verdict check(std::string_view word) const {
        if (word.empty() || dictionaries.empty()) return Verdict::unknown;
        const std::string w(word);
        Verdict best = Verdict::unknown;
        for (std::size_t index = 0; index < dictionaries.size(); ++index) {
            const Verdict verdict = spell(index, w);
            if (verdict == Verdict::lexical) return verdict;
            if (verdict == Verdict::compound) best = verdict;
        }
        return best;
    }

    // English writes open compounds with a hyphen ("long-|term"); Danish closes them
    // ("hud-|autograft" is hudautograft), so only English halves argue for keeping one.
    bool english_word(std::string_view word) const {
        if (!english) return false;
        return spell(*english, std::string(word)) != Verdict::unknown;
    }

    // The Danish dictionary's verdict alone (unknown without one).
    Verdict danish_verdict(std::string_view word) const {
        if (!danish) return Verdict::unknown;
        return spell(*danish, std::string(word));
    }

    // The Danish and US English hyphenation patterns (data files), loaded on the first
    // line-end hyphen that asks (a document without one never does); only beside the
    // dictionaries: without them the decision rests on the document's words alone.
    mutable std::once_flag patterns_loaded;
    mutable std::unique_ptr<const detail::HyphenationPatterns> patterns;

    // Whether a typesetter's patterns allow a break after `left` code points of the
    // lower-case `word`; nothing when no patterns are installed or they cannot spell it.
    std::optional<bool> typesetter_break(std::string_view word, std::size_t left) const {
        std::call_once(patterns_loaded, [&] {
            std::vector<std::filesystem::path> files;
            if (!dictionaries.empty()) {
                for (const std::string_view name :
                     {detail::danish_patterns_file, detail::english_patterns_file, detail::tex_english_patterns_file}) {
                    try {
                        files.push_back(find_data_file(std::string(name)));
                    } catch (const Error&) {
                        // Not built or not installed: the rule that asks is left out.
                    }
                }
            }
            patterns = std::make_unique<const detail::HyphenationPatterns>(files);
        });
        return patterns->allows_break(word, left);
    }

    // Whether the document's typesetter breaks words where the patterns allow: TeX and groff
    // do, a typesetter that breaks Danish compounds at their parts ("hud-|autograft", where
    // the patterns set "hu-dau-to-graft") does not. Of the document's line-end breaks inside
    // letters (two at least on each side) there must be twenty or more, and at most one in
    // fifty a sure break at a point the patterns do not allow: sure where the halves make a
    // dictionary word (not a compound Hunspell builds); a real hyphen can be one ("log-|in").
    // TeX and groff output showed 0-1 such breaks in 50-100; the seed article, set by a
    // journal's typesetter, 2 in 90 ("lo-|vende", "ki-|rurgiske"). Hunspell is asked only
    // of the breaks the patterns do not allow.
    bool breaks_follow_patterns(const DocumentWords& words) const {
        return words.measured_once([&](const std::vector<DocumentWords::LineBreak>& breaks) {
            std::size_t breaks_inside = 0, outside = 0;
            for (const auto& line_break : breaks) {
                const auto cut = line_break.before.find_last_of('-');
                const std::string_view head =
                    cut == std::string::npos ? std::string_view(line_break.before)
                                             : std::string_view(line_break.before).substr(cut + 1);
                const std::string_view tail = line_break.after;
                if (code_points(head) < 2 || code_points(tail) < 2 || !is_lower(first_code_point(tail)))
                    continue;
                const std::string joined = to_lower(std::string(head) + std::string(tail));
                const std::optional<bool> allowed = typesetter_break(joined, code_points(head));
                if (!allowed) continue;
                ++breaks_inside;
                if (!*allowed && check(joined) == Verdict::lexical) ++outside;
            }
            return breaks_inside >= 20 && outside * 50 <= breaks_inside;
        });
    }

    bool both_english_words(std::string_view first, std::string_view second) const {
        if (!english) return false;
        return spell(*english, std::string(first)) == Verdict::lexical &&
               spell(*english, std::string(second)) != Verdict::unknown;
    }
};

Dehyphenator::Dehyphenator() : Dehyphenator(detail::default_hunspell_dirs()) {}

Dehyphenator::Dehyphenator(const std::vector<std::filesystem::path>& hunspell_dirs) {
    detail::DictionaryShelf shelf(hunspell_dirs);
    *this = Dehyphenator(shelf);
}

Dehyphenator::Dehyphenator(detail::DictionaryShelf& dictionaries, std::size_t copies) : impl_(std::make_unique<Impl>()) {
    for (const std::string_view language : {"da_DK", "en_US"}) {
        // A dictionary in none of the folders is left out: the decision then rests on the
        // document's words (has_dictionaries() says whether any was found).
        auto dictionary = dictionaries.find(language, copies);
        if (!dictionary) continue;
        impl_->dictionaries.push_back(std::move(dictionary));
        if (language == "da_DK") impl_->danish = impl_->dictionaries.size() - 1;
        if (language == "en_US") impl_->english = impl_->dictionaries.size() - 1;
    }
}
Dehyphenator::~Dehyphenator() = default;
Dehyphenator::Dehyphenator(Dehyphenator&&) noexcept = default;
Dehyphenator& Dehyphenator::operator=(Dehyphenator&&) noexcept = default;

bool Dehyphenator::has_dictionaries() const noexcept { return !impl_->dictionaries.empty(); }

bool Dehyphenator::is_dictionary_word(std::string_view word) const {
    return impl_->check(word) == Impl::Verdict::lexical;
}

bool Dehyphenator::knows(std::string_view word) const { return impl_->check(word) != Impl::Verdict::unknown; }

std::size_t Dehyphenator::joined_name_cut(std::string_view word, const DocumentWords& words) const {
    constexpr std::size_t shortest_name = 3, shortest_rest = 4;
    const std::size_t points = code_points(word);
    if (impl_->dictionaries.empty() || points < shortest_name + shortest_rest) return 0;
    // Written so more than once: the writer's spelling, not a break the extraction joined.
    if (words.count(word) > 1) return 0;
    // Cuts between code points from the end, the longest first part first
    // ("Skolelinux|installations…" before a shorter name that happens to begin it).
    std::size_t rest_points = 0;
    for (std::size_t cut = word.size(), n = 0; cut > 0; cut -= n) {
        code_point_before(word, cut, n);
        if (cut == word.size()) continue;  // no rest yet
        ++rest_points;
        const std::string_view name = word.substr(0, cut), rest = word.substr(cut);
        if (points - rest_points < shortest_name) break;
        if (rest_points < shortest_rest || !is_lower(first_code_point(rest))) continue;
        // The first part the document writes as a word of its own, and no Danish word: a
        // Danish one ("skole|programmet") heads a closed compound.
        // A lower-case first part must stand so on its own ("debian|installationsprogrammet"
        // is the writer's where the document writes only "Debian").
        if (words.count(name) == 0 || (is_lower(first_code_point(name)) && !words.occurs_lowercase(name)) ||
            impl_->danish_verdict(name) != Impl::Verdict::unknown)
            continue;
        // The rest a Danish word (also a compound) or one the document writes alone.
        if (impl_->danish_verdict(rest) == Impl::Verdict::unknown && words.count(rest) == 0) continue;
        // The whole no dictionary knows, even as a compound (asked only where a cut would do).
        return knows(word) ? 0 : cut;
    }
    return 0;
}

HyphenDecision Dehyphenator::decide(std::string_view before, std::string_view after,
                                    const DocumentWords& words) const {
    return decide(before, after, words, std::string_view{});
}

namespace {

// The text up to the first inner hyphen: "Office" of "Office-program".
std::string_view first_part(std::string_view word) {
    const auto cut = word.find('-');
    return cut == std::string_view::npos ? word : word.substr(0, cut);
}

bool all_upper(std::string_view word) {
    bool letters = false;
    for (std::size_t i = 0; i < word.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(word, i, n);
        if (is_lower(c)) return false;
        letters = letters || is_upper(c);
        i += n;
    }
    return letters;
}

// An upper-case letter after the first: "ScriptsForge", a product or program name.
bool inner_capital(std::string_view word) {
    std::size_t n = 0;
    code_point_at(word, 0, n);
    for (std::size_t i = n; i < word.size();) {
        const char32_t c = code_point_at(word, i, n);
        if (is_upper(c)) return true;
        i += n;
    }
    return false;
}

// Where the last upper-case letter after the first begins ("Sup" of "VBASup"); 0 for none.
std::size_t last_capital_at(std::string_view word) {
    std::size_t n = 0, found = 0;
    code_point_at(word, 0, n);
    for (std::size_t i = n; i < word.size(); i += n)
        if (is_upper(code_point_at(word, i, n))) found = i;
    return found;
}

}  // namespace

bool is_suspending_conjunction(std::string_view word) {
    static constexpr std::array<std::string_view, 6> conjunctions = {"og", "eller", "samt", "and", "or", "nor"};
    return std::find(conjunctions.begin(), conjunctions.end(), word) != conjunctions.end();
}

HyphenDecision Dehyphenator::decide(std::string_view before, std::string_view after, const DocumentWords& words,
                                    std::string_view preceding) const {
    after = trim(after);
    if (after.empty() || before.empty()) return HyphenDecision::keep;
    const char32_t next = first_code_point(after);
    // "ETS-|/EDS-algoritmer": a slash after the hyphen pairs two suspended parts, written
    // closed up.
    if (next == '/') return HyphenDecision::keep;
    // "IL-3- [21]": a reference or bracket after the hyphen: the hyphen is suspended.
    if (!is_word_char(next)) return HyphenDecision::keep_with_space;
    const std::string_view tail = leading_word(after);
    const std::string joined = std::string(before) + std::string(tail);
    const std::string hyphenated = std::string(before) + "-" + std::string(tail);
    // The document's own spelling wins: "ikkehæmopoietiske" elsewhere, or "HLA-matchet"; also
    // over the capital rule below ("Libre-|Office" where the text writes "LibreOffice").
    const std::size_t joined_count = words.count(joined), hyphenated_count = words.count(hyphenated);
    if (joined_count > 0 || hyphenated_count > 0)
        return hyphenated_count > joined_count ? HyphenDecision::keep : HyphenDecision::join;
    // No dictionary holds a longer word: such a run of letters (a code, a damaged extraction)
    // keeps its hyphen as printed, and the rules below, which look up its parts and
    // prefixes, would cost the square of its length.
    if (joined.size() > longest_dictionary_word_bytes) return HyphenDecision::keep;
    // The same compound in another form: "sidetypografi" and "sidetypografier" elsewhere
    // decide "side-|typografien", "dato-acceptmønstret" decides "dato-|acceptmønstre". Words
    // inflect at their end, so the two spellings are compared without the last three letters
    // of the part after the break (four of them at least are kept, and a shorter part is
    // left to the rules below: "et-|dags" and "etdage" are no forms of one word).
    if (const std::size_t tail_points = code_points(tail); tail_points >= 5 && tail.find('-') == std::string_view::npos) {
        std::size_t stem_bytes = 0;
        for (std::size_t k = 0; k < std::max<std::size_t>(4, tail_points - 3); ++k) {
            std::size_t length = 0;
            code_point_at(tail, stem_bytes, length);
            stem_bytes += length;
        }
        const std::string_view stem = tail.substr(0, stem_bytes);
        const std::size_t joined_forms = words.count_beginning(std::string(before) + std::string(stem));
        const std::size_t hyphenated_forms = words.count_beginning(std::string(before) + "-" + std::string(stem));
        if (joined_forms > 0 || hyphenated_forms > 0)
            return hyphenated_forms > joined_forms ? HyphenDecision::keep : HyphenDecision::join;
    }
    // The same for the part up to the next hyphen: "Libre-|Office-program" where the text
    // writes "LibreOffice" (or "Libre-Office") alone.
    const std::string_view tail_part = first_part(tail);
    if (tail_part.size() < tail.size()) {
        const std::size_t joined_part = words.count(std::string(before) + std::string(tail_part));
        const std::size_t hyphenated_part = words.count(std::string(before) + "-" + std::string(tail_part));
        if (joined_part > 0 || hyphenated_part > 0)
            return hyphenated_part > joined_part ? HyphenDecision::keep : HyphenDecision::join;
    }

    // "t-|fordelingen", "β-|celler": typesetting does not break a word after its first
    // letter (TeX's patterns leave two at least, and so does Danish and English usage), so
    // the hyphen is the word's.
    if (code_points(before) == 1) return HyphenDecision::keep;
    // "knogle-|og bruskdefekter", "ASCII-|eller katakana-tegn": a conjunction after the
    // hyphen means a suspended compound, whatever the first part is.
    if (is_suspending_conjunction(tail)) return HyphenDecision::keep_with_space;
    // "Klikker-|og-trækker", "drag-|and-drop", "mund-|til-mund", "step-|by-step": a
    // conjunction, preposition or article opening a chain of hyphenated parts joins words;
    // no word breaks before one.
    static constexpr std::array<std::string_view, 18> linking_words = {"og", "eller", "samt", "til", "på", "i", "om", "mod", "for",
                                                                       "and", "or", "of", "to", "by", "in", "on", "at", "the"};
    if (const std::string_view part = first_part(tail);
        part.size() < tail.size() && std::find(linking_words.begin(), linking_words.end(), part) != linking_words.end())
        return HyphenDecision::keep;

    const std::string_view head = [&] {
        const auto cut = before.find_last_of('-');
        return cut == std::string_view::npos ? before : before.substr(cut + 1);
    }();
    // "SAM-|MENKÆDNING": a word set in capitals broken like any other; an abbreviation's
    // parts ("HLA-|DR") do not make a dictionary word.
    if (is_upper(next) && all_upper(head) && all_upper(tail_part) && code_points(head) >= 2 &&
        impl_->check(std::string(head) + std::string(tail_part)) == Impl::Verdict::lexical)
        return HyphenDecision::join;
    // "4850-|4852", "anti-|CD34": numbers and capitals do not continue a broken word.
    if (is_digit(next) || is_upper(next)) return HyphenDecision::keep;
    // "MSC-|transplantation", "IL-3-|gen": an abbreviation in capitals/digits keeps its hyphen.
    if (!has_lowercase(before)) return HyphenDecision::keep;
    // A break no typesetter's patterns allow (Danish or US English: TeX with babel's Danish,
    // groff with its own US patterns, both Liang's): "beta-|udglatning", where the patterns
    // break "be-taud-glat-ning" only, is a writer's hyphen, whatever the dictionaries say of
    // the closed form. Both parts need two letters: the patterns leave a word's edges alone.
    if (const std::size_t head_points = code_points(head); head_points >= 2 && code_points(tail_part) >= 2) {
        const std::optional<bool> allowed =
            impl_->typesetter_break(to_lower(std::string(head) + std::string(tail_part)), head_points);
        if (allowed == false && impl_->breaks_follow_patterns(words)) return HyphenDecision::keep;
    }

    // Hunspell judges the last part only: "HSC-transplan-|tation" is about "transplantation".
    const Impl::Verdict joined_verdict = impl_->check(std::string(head) + std::string(tail_part));
    if (joined_verdict == Impl::Verdict::lexical) return HyphenDecision::join;
    // "VBASup-|port": a name written with inner capitals, cut inside its last word; that word
    // from its capital on makes a dictionary word with the rest ("Support"), where a name
    // heading a compound does not ("ScriptsForge-|tjeneste": "Forgetjeneste").
    if (const std::size_t last_capital = last_capital_at(head); last_capital > 0) {
        const std::string_view last_word = head.substr(last_capital);
        if (code_points(last_word) >= 2 && has_lowercase(last_word) &&
            impl_->check(std::string(last_word) + std::string(tail_part)) == Impl::Verdict::lexical)
            return HyphenDecision::join;
    }
    // "Gem som-|kommandoen": a conjunction, relative pronoun or "at" heads no closed compound
    // (a word that begins with one, "sommer", "også", is a dictionary word and joined above);
    // before a word of its own it is the end of a phrase made a compound's first part.
    static constexpr std::array<std::string_view, 8> phrase_ends = {"som", "og", "eller", "samt", "at", "and", "or", "the"};
    if (std::find(phrase_ends.begin(), phrase_ends.end(), head) != phrase_ends.end() &&
        impl_->check(tail_part) == Impl::Verdict::lexical)
        return HyphenDecision::keep;
    const Impl::Verdict head_verdict = impl_->check(head);
    const Impl::Verdict tail_verdict = impl_->check(tail_part);
    const bool head_known = head_verdict != Impl::Verdict::unknown || words.count(head) > 0;
    const bool tail_known = tail_verdict != Impl::Verdict::unknown;
    // A real hyphen stands between two words; typesetting cuts one word where it must, and
    // seldom leaves a word after the cut ("LVM-par-|titioner", "mail-|inglist"). What no
    // dictionary knows and the document writes neither on its own nor as the start of a
    // longer word ("debian-edu-|fsautoresize" beside "fsautoresizetab") is no word to keep a
    // hyphen before, whatever the part before it is.
    const auto tail_word = [&] {
        return tail_known || words.count(tail_part) > 0 || (code_points(tail_part) >= 4 && words.begins_longer_word(tail_part));
    };
    // After a Danish word, a word of its own, not one the compounding rules make up: a split
    // inside a closed compound ("Udskrift-|sindstillinger", "Dispositions-|symbolindstillingerne")
    // leaves a rest that only compounding explains. After a name Danish does not know
    // ("Edu-|udviklingspakkerne") a compound will do.
    const bool tail_own_word = tail_verdict == Impl::Verdict::lexical || words.count(tail_part) > 0 ||
                               (tail_known && impl_->danish_verdict(head) == Impl::Verdict::unknown);
    // A chain of hyphenated parts whose last part is a word, and would not make one joined:
    // "proof-of-principle-|forsøg" (but "dato-ac-|ceptmønstre" is "acceptmønstre").
    if (head.size() < before.size() && joined_verdict == Impl::Verdict::unknown && head_known && tail_word() &&
        code_points(head) >= 3)
        return HyphenDecision::keep;
    if (words.is_compound_head(head) && tail_word()) return HyphenDecision::keep;
    // "Black-Scholes-|model": a capitalised part after an inner hyphen is a name, not a
    // sentence's first word, and a name heads compounds with a hyphen; a typesetter's cut
    // inside such a part ("Black-Scho-|les") leaves no word after it.
    if (head.size() < before.size() && is_upper(first_code_point(head)) && has_lowercase(head) &&
        is_lower(next) && code_points(head) >= 3 && code_points(tail_part) >= 3 && tail_own_word)
        return HyphenDecision::keep;
    // What stands before the word: a sentence end (or nothing), or an address's "@", "/", ".".
    const char glued = preceding.empty() ? ' ' : preceding.back();
    if (glued == '@' || glued == '/' || glued == '.' || glued == ':') return HyphenDecision::join;
    // A quotation's first word is capitalised wherever the quotation stands ("Kapitel-|nummer
    // og navn"), as a sentence's is.
    const bool opens_quotation = preceding.ends_with('"') || preceding.ends_with('\'') ||
                                 preceding.ends_with("\xE2\x80\x9C") || preceding.ends_with("\xE2\x80\x9E") ||
                                 preceding.ends_with("\xC2\xAB") || preceding.ends_with("\xC2\xBB");
    preceding = trim(preceding);
    const bool opens_sentence = opens_quotation || preceding.empty() || preceding.back() == '.' ||
                                preceding.back() == '?' || preceding.back() == '!' || preceding.back() == ':';
    // A compound whose first part is a name, inside a sentence: "Data-|fanebladet",
    // "ScriptsForge-|tjeneste", "Kommando-|tasten" (a word of its own or a product name, not
    // a compound such as "Navigatorvin-|duet"), or a name the document writes as a word of
    // its own ("Debian Edu" beside "Edu-|maskiner"). Danish and English write such compounds
    // with a hyphen (a closed "Datafanebladet" hides the name); a capital at a sentence's
    // start says nothing.
    // A Danish first part in its linking form ("Funktions-|guiden") is a closed compound's.
    const bool linking_s = head.size() > 3 && head.back() == 's' && !impl_->english_word(head);
    // A part the document writes in lower case and never capitalised inside a sentence is a
    // common word capitalised as a title's ("i Design-|tilstand" beside "design"), closed up
    // as any.
    const bool name_capital =
        !opens_sentence && (words.occurs_capitalised_inside(head) ||
                            !words.occurs_lowercase(head) || inner_capital(head));
    if (name_capital && !linking_s && is_upper(first_code_point(head)) && has_lowercase(head) &&
        is_lower(next) &&
        code_points(head) >= 3 && code_points(tail_part) >= 3 && tail_own_word &&
        (head_verdict == Impl::Verdict::lexical || inner_capital(head) || words.count(head) > 0))
        return HyphenDecision::keep;
    if (joined_verdict == Impl::Verdict::compound) return HyphenDecision::join;
    if (code_points(head) >= 3 && impl_->both_english_words(head, tail_part)) return HyphenDecision::keep;
    // A foreign word or a name heading a Danish compound ("widget-|vinduet"): the first part
    // is no Danish word of its own but English knows it, or the document writes it alone;
    // the rest is one Danish word of four letters or more; and no dictionary knows the two
    // joined. Danish writes such compounds with a hyphen, and a word broken in typesetting
    // seldom leaves a known word on each side.
    if (joined_verdict == Impl::Verdict::unknown && tail_part.size() == tail.size() && code_points(tail) >= 4 &&
        impl_->danish_verdict(head) == Impl::Verdict::unknown &&
        (impl_->english_word(head) || words.count(head) > 0) &&
        impl_->danish_verdict(tail) == Impl::Verdict::lexical)
        return HyphenDecision::keep;
    // Two Danish words whose closed form no dictionary knows, not even as a compound, where
    // the document writes the first part as a word of its own ("in vitro-|studier" beside "in
    // vitro"): the writer's compound of a phrase or a foreign word. A rest that is a
    // derivational suffix's form ("disk-|løse", "eksekver-|bare") closes a word typesetting
    // cut: such suffixes are never set off by a hyphen. Nor does a compound begin with a
    // plural or definite form ("brugere-|definerede", "dokumentet-|teksten": a cut word
    // whose first syllables happen to make one), nor with a linking -e ("type-|erklæring").
    const bool inflected_head = head.ends_with('e') || head.ends_with("en") || head.ends_with("et");
    static constexpr std::array<std::string_view, 20> suffix_forms = {
        "bar", "bare", "bart", "løs", "løse", "løst", "lig", "lige", "ligt", "som",
        "somme", "somt", "hed", "heden", "skab", "skabet", "fuld", "fulde", "agtig", "agtige"};
    if (joined_verdict == Impl::Verdict::unknown && head.size() == before.size() &&
        tail_part.size() == tail.size() && code_points(head) >= 4 && code_points(tail) >= 4 &&
        words.count(head) > 0 && !inflected_head &&
        impl_->danish_verdict(head) != Impl::Verdict::unknown &&
        impl_->danish_verdict(tail) == Impl::Verdict::lexical &&
        std::find(suffix_forms.begin(), suffix_forms.end(), to_lower(tail)) == suffix_forms.end())
        return HyphenDecision::keep;
    // Typesetting splits words far more often than it ends a line on a real hyphen.
    return HyphenDecision::join;
}

}  // namespace summalign::detail
