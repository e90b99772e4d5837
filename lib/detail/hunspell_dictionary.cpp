#include "detail/hunspell_dictionary.hpp"

#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <sstream>
#include <type_traits>

#include "detail/similarity_memo.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

std::vector<std::filesystem::path> default_hunspell_dirs() {
    return {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"};
}

std::optional<std::filesystem::path> find_hunspell_dictionary(const std::vector<std::filesystem::path>& dirs,
                                                              std::string_view name) {
    for (const auto& dir : dirs) {
        const auto aff = dir / (std::string(name) + ".aff"), dic = dir / (std::string(name) + ".dic");
        std::error_code ec;
        if (std::filesystem::is_regular_file(aff, ec) && std::filesystem::is_regular_file(dic, ec)) return dic;
    }
    return std::nullopt;
}

struct HunspellDictionary::Impl {
    struct Copy {
        explicit Copy(std::unique_ptr<Hunspell> h) : hunspell(std::move(h)) {}
        std::unique_ptr<Hunspell> hunspell;
        std::mutex mutex;  // Hunspell's calls are not thread-safe
    };
    static constexpr std::size_t max_kept_answers = 500000;

    std::filesystem::path dic;
    std::vector<std::unique_ptr<Copy>> copies;
    mutable std::atomic<std::size_t> next_copy{0};
    ShardedMemo<Verdict> verdicts{max_kept_answers};
    ShardedMemo<bool> base_forms{max_kept_answers};

    // Runs `ask` on a copy no other thread is using, else on the next one in turn once it is
    // free. All copies give the same answers; a thread uses one at a time, so with a copy per
    // thread one is always free.
    template <typename Ask>
    std::invoke_result_t<Ask&, Hunspell&> with_free_copy(Ask&& ask) const {
        for (auto& copy : copies)
            if (std::unique_lock lock(copy->mutex, std::try_to_lock); lock.owns_lock()) return ask(*copy->hunspell);
        Copy& copy = *copies[next_copy++ % copies.size()];
        std::lock_guard lock(copy.mutex);
        return ask(*copy.hunspell);
    }
};

HunspellDictionary::HunspellDictionary(const std::vector<std::filesystem::path>& dirs, std::string_view name,
                                       std::size_t copies, std::string_view extra_words)
    : impl_(std::make_unique<Impl>()) {
    const auto found = find_hunspell_dictionary(dirs, name);
    if (!found) {
        std::string looked;
        for (const auto& dir : dirs) looked += (looked.empty() ? "" : ", ") + dir.string();
        throw Error(std::string(name) + ".dic", std::nullopt,
                    "Hunspell dictionary not found (looked in " + (looked.empty() ? std::string("no folder") : looked) +
                        "; install hunspell-da, hunspell-en-us and hunspell-en-gb, or name their folder in LexiconOptions::hunspell_dirs)");
    }
    impl_->dic = *found;
    const auto aff = std::filesystem::path(*found).replace_extension(".aff");
    // One after another: Hunspell 1.7.1 (Debian 12) shares a reference-counted table between
    // instances without a lock, so constructing two at once is a data race (fixed in 1.7.2).
    for (std::size_t c = 0; c < std::max<std::size_t>(copies, 1); ++c) {
        auto hunspell = std::make_unique<Hunspell>(aff.c_str(), found->c_str());
        std::istringstream lines{std::string(extra_words)};
        std::string line;
        while (std::getline(lines, line)) {
            if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
            std::istringstream fields(line);
            std::string word, model;
            if (!(fields >> word)) continue;
            if (fields >> model)
                hunspell->add_with_affix(word, model);
            else
                hunspell->add(word);
        }
        impl_->copies.push_back(std::make_unique<Impl::Copy>(std::move(hunspell)));
    }
}

HunspellDictionary::~HunspellDictionary() = default;

HunspellDictionary::Verdict HunspellDictionary::verdict(const std::string& word) const {
    if (const auto kept = impl_->verdicts.find(word)) return *kept;
    const Verdict verdict = impl_->with_free_copy([&](Hunspell& hunspell) {
        int info = 0;
        if (!hunspell.spell(word, &info)) return Verdict::unknown;
        return (info & SPELL_COMPOUND) != 0 ? Verdict::compound : Verdict::lexical;
    });
    impl_->verdicts.store(word, verdict);
    return verdict;
}

std::vector<std::string> HunspellDictionary::suggest(const std::string& word) const {
    return impl_->with_free_copy([&](Hunspell& hunspell) { return hunspell.suggest(word); });
}

bool HunspellDictionary::is_base_form(const std::string& word) const {
    if (const auto kept = impl_->base_forms.find(word)) return *kept;
    const bool verdict = impl_->with_free_copy([&](Hunspell& hunspell) {
        const auto stems = hunspell.stem(word);
        return std::find(stems.begin(), stems.end(), word) != stems.end();
    });
    impl_->base_forms.store(word, verdict);
    return verdict;
}

const std::filesystem::path& HunspellDictionary::dic_file() const noexcept { return impl_->dic; }

}  // namespace summalign::detail
