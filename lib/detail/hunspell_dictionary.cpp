#include "detail/hunspell_dictionary.hpp"

#include <hunspell/hunspell.hxx>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <array>
#include <atomic>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <type_traits>

#include "detail/similarity_memo.hpp"
#include "detail/utf8.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

namespace {

// Hunspell 1.7.1 (Debian 12) shares a reference-counted table between instances without a
// lock, so constructing two at once is a data race (fixed in 1.7.2): every construction, in
// any dictionary or shelf, takes this lock.
std::mutex& construction_mutex() {
    static std::mutex mutex;
    return mutex;
}

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return true;
}

// A file Hunspell can open by its path, holding `content` while this object lives: an
// anonymous file in memory (memfd) named through /proc/self/fd, so that no writable folder is
// needed (a read-only container, a TMPDIR that does not exist); where there is no memfd or no
// /proc, a temporary file, removed again.
class ScratchFile {
public:
    explicit ScratchFile(std::string_view content) {
        fd_ = ::memfd_create("summalign-extra.dic", MFD_CLOEXEC);
        if (fd_ >= 0) {
            path_ = "/proc/self/fd/" + std::to_string(fd_);
            if (write_all(fd_, content) && ::access(path_.c_str(), R_OK) == 0) return;
            ::close(fd_);
        }
        std::string pattern = (std::filesystem::temp_directory_path() / "summalign-extra-XXXXXX.dic").string();
        fd_ = ::mkstemps(pattern.data(), 4);
        if (fd_ < 0) throw Error(pattern, std::nullopt, "cannot create a temporary file for the extra dictionary words");
        path_ = pattern;
        on_disk_ = true;
        if (!write_all(fd_, content)) {
            remove();
            throw Error(pattern, std::nullopt, "cannot write the extra dictionary words");
        }
    }
    ~ScratchFile() { remove(); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;

    const std::filesystem::path& path() const noexcept { return path_; }

private:
    void remove() noexcept {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        std::error_code ignored;
        if (on_disk_) std::filesystem::remove(path_, ignored);
        on_disk_ = false;
    }

    int fd_ = -1;
    bool on_disk_ = false;
    std::filesystem::path path_;
};

// Lines of `extra_words` as (word, model); model empty for a plain word.
std::vector<std::pair<std::string, std::string>> extra_entries(std::string_view extra_words) {
    std::vector<std::pair<std::string, std::string>> entries;
    std::istringstream lines{std::string(extra_words)};
    std::string line;
    while (std::getline(lines, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream fields(line);
        std::string word, model;
        if (!(fields >> word)) continue;
        fields >> model;
        entries.emplace_back(std::move(word), std::move(model));
    }
    return entries;
}

std::unique_ptr<Hunspell> load_copy(const std::filesystem::path& aff, const std::filesystem::path& dic,
                                    const std::vector<std::pair<std::string, std::string>>& extra) {
    std::unique_ptr<Hunspell> hunspell;
    {
        std::lock_guard lock(construction_mutex());
        hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    }
    for (const auto& [word, model] : extra) {
        if (model.empty())
            hunspell->add(word);
        else
            hunspell->add_with_affix(word, model);
    }
    return hunspell;
}

// The word of a .dic line: up to the first '/' (not escaped), tab or space.
std::string_view dic_line_word(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size()) {
            ++i;
            continue;
        }
        if (line[i] == '/' || line[i] == '\t' || line[i] == ' ') return line.substr(0, i);
    }
    return line;
}

// The flags of a .dic line: after the first unescaped '/' of its word, up to a tab or space.
std::string_view dic_line_flags(std::string_view line) {
    const std::string_view word = dic_line_word(line);
    if (word.size() >= line.size() || line[word.size()] != '/') return {};
    const std::string_view rest = line.substr(word.size() + 1);
    return rest.substr(0, std::min(rest.find_first_of(" \t"), rest.size()));
}

// The flags of a flag string in the .aff's FLAG format: one byte each (the default), two
// bytes each (long), numbers with commas (num), one code point each (UTF-8).
std::vector<std::string> split_flags(std::string_view flags, std::string_view type) {
    std::vector<std::string> out;
    if (type == "num") {
        for (std::size_t at = 0; at <= flags.size();) {
            const std::size_t comma = std::min(flags.find(',', at), flags.size());
            if (comma > at) out.emplace_back(flags.substr(at, comma - at));
            at = comma + 1;
        }
    } else {
        for (std::size_t i = 0, n = 1; i < flags.size(); i += n) {
            n = type == "long" ? 2 : 1;
            if (type == "UTF-8") code_point_at(flags, i, n);
            out.emplace_back(flags.substr(i, std::min(n, flags.size() - i)));
        }
    }
    return out;
}

// How far Hunspell's affixes can change a root of an .aff file: every word Hunspell accepts
// (by affixes, compounding or breaking at hyphens) holds each of its roots but the letters
// an affix strips from it (the .aff's strip field, at most two prefixes and two suffixes
// deep), so a word that holds no root's kept part is no word of a dictionary with those
// roots. Null for an .aff whose options change letters otherwise (IGNORE, ICONV,
// CHECKCOMPOUNDPATTERN, SIMPLIFIEDTRIPLE, CHECKSHARPS), aliases flags (AF) or is not UTF-8:
// there no bound is worked out.
struct AffixReach {
    std::string flag_type;
    struct Class {
        std::size_t prefix_strip = 0, suffix_strip = 0;  // bytes, the longest of its entries
        std::set<std::string> continuation;               // the flags its entries' affixes carry
    };
    std::map<std::string, Class> classes;

    // The part of `root` (with the .dic flags `flags`) every word made from it keeps, lower
    // case; empty when an affix may strip it all.
    std::string kept_part(std::string_view root, std::string_view flags) const {
        std::set<std::string> reach;
        std::vector<std::string> open = split_flags(flags, flag_type);
        while (!open.empty()) {  // the flags of the root's affixes, and of theirs, ...
            std::string flag = std::move(open.back());
            open.pop_back();
            if (!reach.insert(flag).second) continue;
            if (const auto it = classes.find(flag); it != classes.end())
                for (const auto& next : it->second.continuation) open.push_back(next);
        }
        std::size_t front = 0, back = 0;
        for (const auto& flag : reach)
            if (const auto it = classes.find(flag); it != classes.end()) {
                front = std::max(front, it->second.prefix_strip);
                back = std::max(back, it->second.suffix_strip);
            }
        // Two affixes of a kind at most (Hunspell's twofold suffixes, or prefixes with
        // COMPLEXPREFIXES); a strip counted in bytes is at least as many code points.
        std::string lower = to_lower(root);
        std::size_t begin = 0, end = lower.size(), n = 0;
        for (std::size_t k = 0; k < 2 * front && begin < end; ++k, begin += n) code_point_at(lower, begin, n);
        for (std::size_t k = 0; k < 2 * back && end > begin; ++k, end -= n) code_point_before(lower, end, n);
        return lower.substr(begin, end - begin);
    }
};

std::optional<AffixReach> read_affix_reach(const std::filesystem::path& aff) {
    std::ifstream in(aff);
    if (!in) return std::nullopt;
    AffixReach reach;
    bool utf8 = false;
    for (std::string line; std::getline(in, line);) {
        std::istringstream fields(line);
        std::vector<std::string> f;
        for (std::string field; fields >> field && f.size() < 5;) f.push_back(std::move(field));
        if (f.empty()) continue;
        static constexpr std::string_view changing[] = {"IGNORE", "ICONV", "CHECKCOMPOUNDPATTERN", "SIMPLIFIEDTRIPLE", "CHECKSHARPS", "AF"};
        if (std::find(std::begin(changing), std::end(changing), f[0]) != std::end(changing)) return std::nullopt;
        if (f[0] == "SET" && f.size() > 1) utf8 = f[1] == "UTF-8";
        if (f[0] == "FLAG" && f.size() > 1) reach.flag_type = f[1];
        if ((f[0] != "PFX" && f[0] != "SFX") || f.size() < 5) continue;  // a class's header has four fields
        AffixReach::Class& c = reach.classes[f[1]];
        const std::size_t strip = f[2] == "0" ? 0 : f[2].size();
        (f[0] == "PFX" ? c.prefix_strip : c.suffix_strip) = std::max(f[0] == "PFX" ? c.prefix_strip : c.suffix_strip, strip);
        if (const auto slash = f[3].find('/'); slash != std::string::npos)
            for (auto& flag : split_flags(std::string_view(f[3]).substr(slash + 1), reach.flag_type)) c.continuation.insert(std::move(flag));
    }
    if (!utf8) return std::nullopt;
    return reach;
}

// The word as Hunspell breaks it: one in capitals (ALLCAP: "IL-3") or with only its first
// letter upper case (INITCAP) in lower case with its first letter capitalised ("Il-3"), as
// spell() leaves it after trying its case variants; any other as it is.
std::string as_broken(const std::string& word) {
    std::size_t letters = 0, upper = 0, neutral = 0;
    bool first_upper = false;
    for (std::size_t i = 0, n = 0; i < word.size(); i += n) {
        const char32_t c = code_point_at(word, i, n);
        ++letters;
        if (is_upper(c)) {
            ++upper;
            first_upper = first_upper || i == 0;
        } else if (!is_lower(c)) {
            ++neutral;
        }
    }
    const bool initial = upper == 1 && first_upper;
    const bool capitals = upper > 0 && upper + neutral == letters;
    if (!initial && !capitals) return word;
    std::string out = to_lower(word);
    std::size_t n = 0;
    const auto first = static_cast<UChar32>(u_toupper(static_cast<UChar32>(code_point_at(out, 0, n))));
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, first, error);
    if (error) return out;
    return std::string(buffer, static_cast<std::size_t>(length)) + out.substr(n);
}

}  // namespace

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

    std::filesystem::path aff, dic;
    std::vector<std::pair<std::string, std::string>> extra;
    // A fixed array, so that a copy added later (provide_copies) never moves the ones other
    // threads are using: slots [0, count) are loaded.
    std::array<std::unique_ptr<Copy>, max_copies> copies;
    std::atomic<std::size_t> count{0};
    std::mutex loading;
    mutable std::atomic<std::size_t> next_copy{0};
    ShardedMemo<Verdict> verdicts{max_kept_answers};
    ShardedMemo<bool> base_forms{max_kept_answers};

    void provide(std::size_t wanted) {
        wanted = std::clamp<std::size_t>(wanted, 1, max_copies);
        std::lock_guard lock(loading);
        for (std::size_t c = count.load(); c < wanted; ++c) {
            copies[c] = std::make_unique<Copy>(load_copy(aff, dic, extra));
            count.store(c + 1, std::memory_order_release);
        }
    }

    // Runs `ask` on a copy no other thread is using, else on the next one in turn once it is
    // free. All copies give the same answers; a thread uses one at a time, so with a copy per
    // thread one is always free.
    template <typename Ask>
    std::invoke_result_t<Ask&, Hunspell&> with_free_copy(Ask&& ask) const {
        const std::size_t n = count.load(std::memory_order_acquire);
        for (std::size_t c = 0; c < n; ++c)
            if (std::unique_lock lock(copies[c]->mutex, std::try_to_lock); lock.owns_lock()) return ask(*copies[c]->hunspell);
        Copy& copy = *copies[next_copy++ % n];
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
    impl_->aff = std::filesystem::path(*found).replace_extension(".aff");
    impl_->extra = extra_entries(extra_words);
    impl_->provide(copies);
}

HunspellDictionary::HunspellDictionary(const std::filesystem::path& aff, const std::filesystem::path& dic,
                                       std::size_t copies, std::string_view extra_words)
    : impl_(std::make_unique<Impl>()) {
    impl_->aff = aff;
    impl_->dic = dic;
    impl_->extra = extra_entries(extra_words);
    impl_->provide(copies);
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

void HunspellDictionary::provide_copies(std::size_t copies) const { impl_->provide(copies); }
std::size_t HunspellDictionary::copies() const noexcept { return impl_->count.load(); }

const std::filesystem::path& HunspellDictionary::dic_file() const noexcept { return impl_->dic; }
const std::filesystem::path& HunspellDictionary::aff_file() const noexcept { return impl_->aff; }

// --- DictionaryShelf ---------------------------------------------------------------------

DictionaryShelf::DictionaryShelf(std::vector<std::filesystem::path> dirs) : dirs_(std::move(dirs)) {}

std::shared_ptr<const HunspellDictionary> DictionaryShelf::find(std::string_view name, std::size_t copies) {
    std::lock_guard lock(mutex_);
    if (const auto kept = loaded_.find(name); kept != loaded_.end()) {
        kept->second->provide_copies(copies);
        return kept->second;
    }
    if (!find_hunspell_dictionary(dirs_, name)) return nullptr;
    auto dictionary = std::make_shared<const HunspellDictionary>(dirs_, name, copies);
    loaded_.emplace(std::string(name), dictionary);
    return dictionary;
}

std::shared_ptr<const HunspellDictionary> DictionaryShelf::require(std::string_view name, std::size_t copies) {
    if (auto found = find(name, copies)) return found;
    return std::make_shared<const HunspellDictionary>(dirs_, name, copies);  // throws the Error naming the folders
}

void DictionaryShelf::provide_copies(std::size_t copies) {
    std::lock_guard lock(mutex_);
    for (const auto& [name, dictionary] : loaded_) dictionary->provide_copies(copies);
}

// --- ExtendedDictionary ------------------------------------------------------------------

ExtendedDictionary::ExtendedDictionary(std::shared_ptr<const HunspellDictionary> base, std::string_view extra_words,
                                       std::size_t copies)
    : base_(std::move(base)), extra_words_(extra_words), copies_(copies) {
    const auto entries = extra_entries(extra_words);
    if (entries.empty()) return;
    // The small dictionary: the base's .aff, and as its .dic the base's entries of the models
    // ("word model" lines), which add_with_affix copies the affixes from.
    std::set<std::string, std::less<>> models;
    for (const auto& entry : entries)
        if (!entry.second.empty()) models.insert(entry.second);
    std::vector<std::string> model_lines;
    if (!models.empty()) {
        std::ifstream in(base_->dic_file());
        std::string line;
        for (bool first = true; std::getline(in, line); first = false)
            if (!first && models.contains(dic_line_word(line))) model_lines.push_back(line);
    }
    std::string dic_text = std::to_string(model_lines.size() + entries.size()) + '\n';  // Hunspell sizes its table by this count
    for (const auto& line : model_lines) dic_text += line + '\n';
    const ScratchFile dic(dic_text);
    extra_ = std::make_unique<const HunspellDictionary>(base_->aff_file(), dic.path(), copies, extra_words);
    // The small dictionary's roots (the models' lines and the added words, with the model's
    // flags) and what of each every word made from it keeps (AffixReach).
    const auto reach = read_affix_reach(base_->aff_file());
    if (!reach) return;
    std::map<std::string, std::string, std::less<>> model_flags;
    for (const auto& line : model_lines) model_flags[std::string(dic_line_word(line))] += std::string(dic_line_flags(line)) + (reach->flag_type == "num" ? "," : "");
    std::vector<std::string> parts;
    auto add = [&](std::string_view root, std::string_view flags) {
        parts.push_back(reach->kept_part(root, flags));
        return !parts.back().empty();
    };
    for (const auto& line : model_lines)
        if (!add(dic_line_word(line), dic_line_flags(line))) return;
    for (const auto& [word, model] : entries) {
        const auto flags = model_flags.find(model);
        if (!add(word, model.empty() || flags == model_flags.end() ? std::string_view{} : std::string_view(flags->second))) return;
    }
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    extra_parts_ = std::move(parts);
    extra_bounded_ = true;
}

// Whether the added words' Hunspell may know `word`: it holds the kept part of one of their
// roots (case aside). Asked before that Hunspell, whose affix and compound analysis costs as
// much as the shared dictionary's although it holds a few dozen words, for every word the
// shared one does not know. A word with a digit, none of a letter or a capital outside ASCII
// is left to Hunspell (it accepts numbers and dots by themselves, and folds case by its own
// tables).
bool ExtendedDictionary::extra_may_know(const std::string& word) const {
    if (!extra_) return false;
    if (!extra_bounded_) return true;
    std::string folded;
    folded.reserve(word.size());
    bool letter = false;
    for (std::size_t i = 0, n = 0; i < word.size(); i += n) {
        const char32_t c = code_point_at(word, i, n);
        if (is_digit(c) || (c >= 0x80 && is_upper(c))) return true;
        letter = letter || is_letter(c);
        folded.append(word, i, n);
        if (is_ascii_upper(c)) folded.back() = static_cast<char>(folded.back() - 'A' + 'a');
    }
    if (!letter) return true;
    return std::any_of(extra_parts_.begin(), extra_parts_.end(),
                       [&](const std::string& part) { return folded.find(part) != std::string::npos; });
}

ExtendedDictionary::~ExtendedDictionary() = default;

bool ExtendedDictionary::known_whole(const std::string& word) const {
    return base_->spell(word) || (extra_may_know(word) && extra_->spell(word));
}

// Hunspell's recursive breaking at its default BREAK points ("-", "^-", "-$"; none of the
// project's dictionaries sets its own), as HunspellImpl::spell does it after the whole word
// failed, but with both dictionaries answering for each side.
bool ExtendedDictionary::known_broken(const std::string& word) const {
    constexpr std::size_t longest = 400;  // Hunspell's MAXWORDUTF8LEN
    if (word.size() >= longest) return false;
    // Hunspell's cleanword2: blanks around the word and dots at its end do not count.
    std::size_t begin = 0, end = word.size();
    while (begin < end && word[begin] == ' ') ++begin;
    while (end > begin && word[end - 1] == ' ') --end;
    while (end > begin && word[end - 1] == '.') --end;
    const std::string scw = as_broken(word.substr(begin, end - begin));
    const std::size_t wl = scw.size();
    if (scw.find('-') == std::string::npos) return false;
    if (std::count(scw.begin(), scw.end(), '-') >= 10) return false;  // Hunspell's recursion limit
    if (wl >= 2 && scw.front() == '-' && spell(scw.substr(1))) return true;
    if (wl >= 2 && scw.back() == '-' && spell(scw.substr(0, wl - 1))) return true;
    std::size_t found = scw.find('-');
    if (found > 0 && found < wl - 1) {
        const std::size_t second = scw.find('-', found + 1);
        if (second != std::string::npos && second < wl - 1) found = second;
        if (spell(scw.substr(found + 1)) && spell(scw.substr(0, found))) return true;
    }
    found = scw.find('-');
    if (found > 0 && found < wl - 1 && spell(scw.substr(found + 1)) && spell(scw.substr(0, found))) return true;
    return false;
}

bool ExtendedDictionary::spell(const std::string& word) const {
    if (!extra_) return base_->spell(word);
    return known_whole(word) || known_broken(word);
}

bool ExtendedDictionary::spell_lexically(const std::string& word) const {
    return base_->verdict(word) == HunspellDictionary::Verdict::lexical ||
           (extra_may_know(word) && extra_->verdict(word) == HunspellDictionary::Verdict::lexical);
}

std::vector<std::string> ExtendedDictionary::suggest(const std::string& word) const {
    if (!extra_) return base_->suggest(word);
    std::call_once(whole_loaded_, [&] {
        whole_ = std::make_unique<const HunspellDictionary>(base_->aff_file(), base_->dic_file(), copies_, extra_words_);
    });
    return whole_->suggest(word);
}

bool ExtendedDictionary::is_base_form(const std::string& word) const {
    return base_->is_base_form(word) || (extra_may_know(word) && extra_->is_base_form(word));
}

}  // namespace summalign::detail
