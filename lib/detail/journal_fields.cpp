#include "detail/journal_fields.hpp"

#include <algorithm>
#include <array>

#include "detail/layout_unicode.hpp"

namespace summalign::journal_detail {

using namespace layout_detail;

std::optional<KindLabel> split_kind_label(std::string_view line) {
    // The leading run of capital letters and spaces.
    std::size_t i = 0, letters = 0, last_letter_begin = 0;
    while (i < line.size()) {
        std::size_t n = 0;
        const char32_t c = code_point_at(line, i, n);
        if (is_upper(c)) {
            last_letter_begin = i;
            ++letters;
        } else if (c != ' ') {
            break;
        }
        i += n;
    }
    if (letters < 5) return std::nullopt;
    if (i == line.size() || trim(line.substr(i)).empty()) {
        // The whole line is capitals: a label on its own line ("LEDER").
        return KindLabel{std::string(trim(line)), line.size()};
    }
    std::size_t n = 0;
    if (!is_lower(code_point_at(line, i, n))) return std::nullopt;
    // Glued: the last capital starts the first name ("...ARTIKELMoustapha").
    const std::string_view label = trim(line.substr(0, last_letter_begin));
    if (code_points(label) < 5 || last_letter_begin == 0 || line[last_letter_begin - 1] == ' ') return std::nullopt;
    if (!looks_like_names(line.substr(last_letter_begin))) return std::nullopt;
    return KindLabel{std::string(label), last_letter_begin};
}

bool looks_like_names(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 400) return false;
    bool capitalised_word = false, word_start = true;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 0;
        const char32_t c = code_point_at(text, i, n);
        i += n;
        if (is_letter(c)) {
            if (word_start && is_upper(c)) capitalised_word = true;
            word_start = false;
            continue;
        }
        word_start = true;
        if (c == ' ' || c == ',' || c == '&' || c == '.' || c == '-' || c == '\'' || c == 0x2019) continue;
        return false;
    }
    return capitalised_word;
}

std::vector<std::string> split_authors(std::string_view text) {
    std::vector<std::string> authors;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ',' && text[i] != '&') continue;
        const std::string_view name = trim(text.substr(begin, i - begin));
        if (!name.empty()) authors.emplace_back(name);
        begin = i + 1;
    }
    return authors;
}

bool is_resume_label(std::string_view line) {
    const std::string_view t = trim(line);
    return t == "Resumé" || t == "Resume" || t == "Resumé:" || t == "Sammenfatning" || t == "Sammendrag";
}

bool starts_summary(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.substr(0, 7) != "Summary") return false;
    // "Summary", "Summary:", "SummaryCarsten ...", "Summary Carsten ...", but not running
    // text such as "Summary statistics were ...".
    std::size_t i = 7;
    while (i < t.size() && (t[i] == ' ' || t[i] == ':')) ++i;
    if (i == t.size()) return true;
    std::size_t n = 0;
    return is_upper(code_point_at(t, i, n));
}

std::size_t correspondence_label_length(std::string_view line) {
    static constexpr std::array<std::string_view, 4> labels = {"Korrespondance:", "Korrespondanceadresse:",
                                                               "Correspondence:", "Adresse:"};
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    for (const std::string_view label : labels)
        if (line.substr(lead, label.size()) == label) return lead + label.size();
    return 0;
}

namespace {

bool digit_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
std::size_t skip_digits(std::string_view s, std::size_t i) {
    while (digit_at(s, i)) ++i;
    return i;
}
std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return i;
}
bool sentence_final(char c) { return c == '.' || c == '?' || c == '!'; }

// "2003;165: 4850-4852" starting at the year: fills the citation and returns its end, or 0.
std::size_t match_citation(std::string_view s, std::size_t year_begin, Citation& citation) {
    std::size_t i = year_begin;
    if (skip_digits(s, i) != i + 4) return 0;
    citation.year = std::stoi(std::string(s.substr(i, 4)));
    i = skip_spaces(s, i + 4);
    if (i >= s.size() || s[i] != ';') return 0;
    i = skip_spaces(s, i + 1);
    const std::size_t volume_end = skip_digits(s, i);
    if (volume_end == i || volume_end - i > 6) return 0;
    citation.volume = std::stoi(std::string(s.substr(i, volume_end - i)));
    i = skip_spaces(s, volume_end);
    if (i >= s.size() || s[i] != ':') return 0;
    i = skip_spaces(s, i + 1);
    const std::size_t pages_begin = i;
    i = skip_digits(s, i);
    if (i == pages_begin || i - pages_begin > 6) return 0;
    if (i < s.size() && s[i] == '-' && digit_at(s, i + 1)) i = skip_digits(s, i + 1);
    else if (s.substr(i, 3) == "\u2013" && digit_at(s, i + 3)) i = skip_digits(s, i + 3);
    citation.pages = std::string(s.substr(pages_begin, i - pages_begin));
    return i;
}

}  // namespace

SummaryHead parse_summary_head(std::string_view text) {
    SummaryHead head;
    std::size_t p = 0;
    while (p < text.size() && (text[p] == ' ' || text[p] == ':' || text[p] == '\t')) ++p;
    // Authors: a list of names up to the first colon.
    const std::size_t colon = text.find(':', p);
    if (colon != std::string_view::npos && colon - p <= 400 && looks_like_names(text.substr(p, colon - p))) {
        head.authors_begin = p;
        head.authors_end = colon;
        p = skip_spaces(text, colon + 1);
    } else {
        head.authors_begin = head.authors_end = p;
    }
    head.title_begin = p;
    // The citation "Journal YYYY;VOL: PAGES" closes the title; look for it nearby.
    const std::size_t search_end = std::min(text.size(), p + 800);
    for (std::size_t semicolon = text.find(';', p); semicolon != std::string_view::npos && semicolon < search_end;
         semicolon = text.find(';', semicolon + 1)) {
        std::size_t year_end = semicolon;
        while (year_end > p && text[year_end - 1] == ' ') --year_end;
        if (year_end < p + 4) continue;
        const std::size_t year_begin = year_end - 4;
        if (year_begin > 0 && digit_at(text, year_begin - 1)) continue;
        Citation citation;
        const std::size_t citation_end = match_citation(text, year_begin, citation);
        if (citation_end == 0) continue;
        // The title ends at the last sentence-final mark glued to the journal name
        // ("diseases.Ugeskr"), else at the last one followed by a space.
        std::size_t title_end = p, spaced_end = p;
        for (std::size_t r = p; r < year_begin; ++r) {
            if (!sentence_final(text[r])) continue;
            if (r + 1 < year_begin && text[r + 1] != ' ') title_end = r + 1;
            else spaced_end = r + 1;
        }
        if (title_end == p) title_end = spaced_end;
        const std::string_view journal = trim(text.substr(title_end, year_begin - title_end));
        if (journal.empty() || !looks_like_names(journal)) continue;
        citation.journal = std::string(journal);
        head.title_end = title_end;
        head.citation = citation;
        head.citation_begin = static_cast<std::size_t>(journal.data() - text.data());
        head.citation_end = citation_end;
        head.abstract_begin = skip_spaces(text, citation_end);
        return head;
    }
    // No citation: the title is the first sentence.
    std::size_t r = p;
    while (r < text.size() && !sentence_final(text[r])) ++r;
    head.title_end = std::min(text.size(), r + 1);
    head.abstract_begin = skip_spaces(text, head.title_end);
    return head;
}

bool is_function_word(std::string_view lower_word) {
    static constexpr std::array<std::string_view, 44> words = {
        "i",   "af",  "på",   "til",  "for",  "med",   "fra",   "og",   "eller", "en",   "et",
        "den", "det", "de",   "der",  "at",   "som",   "om",    "ved",  "efter", "under", "over",
        "mellem", "hos", "mod", "samt", "men", "the", "of",   "in",   "and",   "or",   "to",
        "a",   "an",  "with", "by",   "on",   "from",  "that",  "is",   "are",   "as",   "its"};
    for (const std::string_view w : words)
        if (w == lower_word) return true;
    return false;
}

}  // namespace summalign::journal_detail
