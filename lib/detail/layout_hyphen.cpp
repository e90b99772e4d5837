// De-hyphenation: the document's own words first, Hunspell (da_DK, en_US) second.
#include <array>
#include <filesystem>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "detail/hunspell_dictionary.hpp"
#include "detail/layout_unicode.hpp"
#include "summalign/layout.hpp"

namespace summalign {

using namespace layout_detail;

DocumentWords::DocumentWords(const std::vector<SourceLine>& lines) {
    bool previous_ended_in_break = false;
    for (const SourceLine& line : lines) {
        std::string_view text = trim(line.text.text());
        if (text.empty()) continue;  // blank lines (page breaks) do not end a broken word
        if (previous_ended_in_break) {
            // Skip the second half of the word broken at the end of the previous line.
            const std::string_view first = leading_word(text);
            text.remove_prefix(first.size());
        }
        const std::string_view broken = word_before_final_hyphen(text);
        previous_ended_in_break = !broken.empty() || line.ends_in_soft_hyphen;
        if (!broken.empty()) text = text.substr(0, static_cast<std::size_t>(broken.data() - text.data()));
        add_text(text);
    }
}

DocumentWords::WordFacts& DocumentWords::facts(std::string_view lower_word) {
    if (const auto it = words_.find(lower_word); it != words_.end()) return it->second;
    return words_.emplace(std::string(lower_word), WordFacts{}).first->second;
}

const DocumentWords::WordFacts* DocumentWords::find(std::string_view word) const {
    const auto it = words_.find(to_lower(word));
    return it == words_.end() ? nullptr : &it->second;
}

void DocumentWords::add_text(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(text, i, n);
        if (!is_word_char(c)) {
            i += n;
            continue;
        }
        const std::string_view word = leading_word(text.substr(i));
        to_lower(word, lower_);
        WordFacts& word_facts = facts(lower_);
        ++word_facts.count;
        if (is_lower(c)) word_facts.lowercase = true;
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

struct Dehyphenator::Impl {
    using Verdict = detail::HunspellDictionary::Verdict;

    // Through the one Hunspell wrapper (detail/hunspell_dictionary.hpp): each dictionary
    // guards its Hunspell with a mutex and keeps its answers.
    std::vector<std::unique_ptr<const detail::HunspellDictionary>> dictionaries;
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
    bool both_english_words(std::string_view first, std::string_view second) const {
        if (!english) return false;
        return spell(*english, std::string(first)) == Verdict::lexical &&
               spell(*english, std::string(second)) != Verdict::unknown;
    }
};

Dehyphenator::Dehyphenator() : Dehyphenator(detail::default_hunspell_dirs()) {}

Dehyphenator::Dehyphenator(const std::vector<std::filesystem::path>& hunspell_dirs) : impl_(std::make_unique<Impl>()) {
    for (const std::string_view language : {"da_DK", "en_US"}) {
        // A dictionary in none of the folders is left out: the decision then rests on the
        // document's words (has_dictionaries() says whether any was found).
        if (!detail::find_hunspell_dictionary(hunspell_dirs, language)) continue;
        impl_->dictionaries.push_back(std::make_unique<const detail::HunspellDictionary>(hunspell_dirs, language));
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

HyphenDecision Dehyphenator::decide(std::string_view before, std::string_view after,
                                    const DocumentWords& words) const {
    after = trim(after);
    if (after.empty() || before.empty()) return HyphenDecision::keep;
    const char32_t next = first_code_point(after);
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

    // "4850-|4852", "anti-|CD34": numbers and capitals do not continue a broken word.
    if (is_digit(next) || is_upper(next)) return HyphenDecision::keep;
    // "MSC-|transplantation", "IL-3-|gen": an abbreviation in capitals/digits keeps its hyphen.
    if (!has_lowercase(before)) return HyphenDecision::keep;

    const std::string_view head = [&] {
        const auto cut = before.find_last_of('-');
        return cut == std::string_view::npos ? before : before.substr(cut + 1);
    }();
    // "knogle-|og bruskdefekter": a conjunction after the hyphen means a suspended compound.
    static constexpr std::array<std::string_view, 6> conjunctions = {"og", "eller", "samt", "and", "or", "nor"};
    for (const std::string_view conjunction : conjunctions)
        if (tail == conjunction) return HyphenDecision::keep_with_space;

    // Hunspell judges the last part only: "HSC-transplan-|tation" is about "transplantation".
    const Impl::Verdict joined_verdict = impl_->check(std::string(head) + std::string(tail));
    if (joined_verdict == Impl::Verdict::lexical) return HyphenDecision::join;
    // A chain of hyphenated parts whose last part would not make a word when joined:
    // "proof-of-principle-|forsøg".
    if (head.size() < before.size() && joined_verdict == Impl::Verdict::unknown) return HyphenDecision::keep;
    if (words.is_compound_head(head)) return HyphenDecision::keep;
    if (joined_verdict == Impl::Verdict::compound) return HyphenDecision::join;
    if (code_points(head) >= 3 && impl_->both_english_words(head, tail)) return HyphenDecision::keep;
    // Typesetting splits words far more often than it ends a line on a real hyphen.
    return HyphenDecision::join;
}

}  // namespace summalign
