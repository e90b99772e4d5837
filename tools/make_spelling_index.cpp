// Builds the spelling candidate index (lib/detail/spelling_index.hpp) at build time: every
// word of each Hunspell dictionary with the suffixed forms Hunspell itself generates for it
// (suffix_suggest), kept only when Hunspell accepts the form as a word of its own (forms
// that exist only inside compounds are left out), plus the team's medical word lists.
//
//   summalign_spelling_index --dictionaries /usr/share/hunspell --medical-da data/medical-words-da.txt
//                            --medical-en data/medical-words-en.txt --output build/data/spelling-index.bin
#include <hunspell/hunspell.hxx>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <unordered_map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "detail/spelling_index.hpp"

namespace {

// The words of a .dic file: each line's text before its flags ('/' not escaped by '\') or
// its morphological fields (after a tab or space); the first line is the word count.
std::vector<std::string> dictionary_words(const std::filesystem::path& dic) {
    std::ifstream in(dic);
    if (!in) throw std::runtime_error(dic.string() + ": cannot read");
    std::vector<std::string> words;
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        std::string word;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '/') {
                word += '/';
                ++i;
                continue;
            }
            if (line[i] == '/' || line[i] == '\t' || line[i] == ' ') break;  // flags or morphology (da_DK: "bliver st:blive")
            word += line[i];
        }
        while (!word.empty() && (word.back() == ' ' || word.back() == '\r')) word.pop_back();
        if (!word.empty()) words.push_back(std::move(word));
    }
    return words;
}

// Lines "word" or "word model" (# comments), as the Checker reads them.
std::vector<std::pair<std::string, std::string>> word_list(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> out;
    if (path.empty()) return out;
    std::ifstream in(path);
    if (!in) throw std::runtime_error(path + ": cannot read");
    std::string line;
    while (std::getline(in, line)) {
        if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::istringstream fields(line);
        std::string word, model;
        if (fields >> word) {
            fields >> model;
            out.emplace_back(word, model);
        }
    }
    return out;
}

// The forms Hunspell's unmunch (Debian hunspell-tools) expands a dictionary to, or none when
// it is not installed. suffix_suggest leaves out the forms whose suffix replaces letters of
// the word (identify -> identifies), which unmunch has; unmunch reads only dictionaries with
// one-character flags (en_US, en_GB; da_DK numbers its flags).
std::vector<std::string> unmunched(const std::filesystem::path& dic, const std::filesystem::path& aff) {
    std::vector<std::string> out;
    const std::string command = "unmunch '" + dic.string() + "' '" + aff.string() + "' 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return out;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe)) {
        std::string line(buffer);
        while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
        if (!line.empty()) out.push_back(std::move(line));
    }
    ::pclose(pipe);
    return out;
}

// Every form of `names`' dictionaries (one Hunspell each) and of the extra list, accepted by
// at least one of them.
std::vector<std::string> forms(const std::filesystem::path& dir, const std::vector<std::string>& names, const std::string& extra,
                               bool use_unmunch) {
    const auto list = word_list(extra);
    std::vector<std::unique_ptr<Hunspell>> spellers;
    for (const auto& name : names) {
        const auto aff = dir / (name + ".aff"), dic = dir / (name + ".dic");
        spellers.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
        for (const auto& [word, model] : list) {
            if (model.empty())
                spellers.back()->add(word);
            else
                spellers.back()->add_with_affix(word, model);
        }
    }
    std::vector<std::string> out;
    auto accepted = [&](const std::string& w) {
        for (auto& s : spellers)
            if (s->spell(w)) return true;
        return false;
    };
    std::vector<std::pair<std::string, std::string>> expansions;  // (word, form) of the dictionary being read
    auto add = [&](Hunspell& speller, const std::string& word) {
        if (accepted(word)) out.push_back(word);
        for (const auto& form : speller.suffix_suggest(word))
            if (!form.empty() && form.back() != '-' && accepted(form)) {
                out.push_back(form);
                expansions.emplace_back(word, form);
            }
    };
    for (std::size_t n = 0; n < names.size(); ++n) {
        const auto words = dictionary_words(dir / (names[n] + ".dic"));
        expansions.clear();
        for (const auto& word : words) add(*spellers[n], word);
        // suffix_suggest expands only the first entry of a word listed twice (da_DK lists
        // "ikon" as common and as neuter gender, and gives only ikonen, not ikonet): such
        // words are tried with every ending the expansion produced for some word at least
        // 50 times, and a form is kept when Hunspell accepts it.
        std::unordered_map<std::string, std::size_t> listed, endings;
        for (const auto& word : words) ++listed[word];
        for (const auto& [word, form] : expansions)
            if (form.size() > word.size() && form.compare(0, word.size(), word) == 0) ++endings[form.substr(word.size())];
        std::vector<std::string> common;
        for (const auto& [ending, count] : endings)
            if (count >= 50) common.push_back(ending);
        for (const auto& [word, times] : listed) {
            if (times < 2) continue;
            for (const auto& ending : common)
                if (const std::string form = word + ending; accepted(form)) out.push_back(form);
        }
        for (const auto& entry : list) add(*spellers[n], entry.first);
        if (use_unmunch) {
            const auto expanded = unmunched(dir / (names[n] + ".dic"), dir / (names[n] + ".aff"));
            if (expanded.empty())
                std::cerr << "summalign_spelling_index: unmunch gave no forms for " << names[n]
                          << " (install hunspell-tools): forms like identifies will be missing\n";
            for (const auto& form : expanded)
                if (accepted(form)) out.push_back(form);
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path dir = "/usr/share/hunspell", output;
    std::string medical_da, medical_en;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view name = argv[i];
        if (name == "--dictionaries") dir = argv[i + 1];
        else if (name == "--medical-da") medical_da = argv[i + 1];
        else if (name == "--medical-en") medical_en = argv[i + 1];
        else if (name == "--output") output = argv[i + 1];
        else {
            std::cerr << "usage: summalign_spelling_index [--dictionaries DIR] [--medical-da FILE] [--medical-en FILE] --output FILE\n";
            return 2;
        }
    }
    if (output.empty()) {
        std::cerr << "summalign_spelling_index: --output is required\n";
        return 2;
    }
    try {
        const auto danish = forms(dir, {"da_DK"}, medical_da, false);
        const auto english = forms(dir, {"en_US", "en_GB"}, medical_en, true);
        std::filesystem::create_directories(output.parent_path());
        summalign::detail::write_spelling_index(output, danish, english, summalign::detail::dictionary_fingerprint({dir}));
        std::cout << "spelling index: " << danish.size() << " Danish and " << english.size() << " English forms (with repeats) -> "
                  << output.string() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "summalign_spelling_index: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
