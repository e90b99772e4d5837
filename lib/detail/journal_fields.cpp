#include "detail/journal_fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#include "detail/utf8.hpp"

namespace summalign::detail {


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
    // The last capital starts the first name: glued ("...ARTIKELMoustapha", as extraction
    // leaves a run-in label) or after a space ("OVERSIGTSARTIKEL Moustapha").
    const std::string_view label = trim(line.substr(0, last_letter_begin));
    if (code_points(label) < 5 || last_letter_begin == 0) return std::nullopt;
    if (!looks_like_names(line.substr(last_letter_begin))) return std::nullopt;
    // Authors' names are capitalised but for particles ("van", "de", "og"): a line whose
    // rest has lower-case words is a sentence opening with a word in capitals ("SAMMENKÆD er
    // en forbedring af ..."). One is let through (a name wrapped after a hyphen).
    {
        static constexpr std::array<std::string_view, 12> particles = {"og", "and", "van", "von", "de", "der", "den",
                                                                       "af", "la", "le", "da", "du"};
        std::size_t lower_words = 0;
        const std::string_view rest = line.substr(last_letter_begin);
        for (std::size_t k = 0; k < rest.size();) {
            const char32_t c = code_point_at(rest, k, n);
            const bool word_start = k == 0 || rest[k - 1] == ' ';
            if (word_start && is_lower(c)) {
                const std::string_view word = leading_word(rest.substr(k));
                if (std::find(particles.begin(), particles.end(), word) == particles.end()) ++lower_words;
            }
            k += n;
        }
        if (lower_words > 1) return std::nullopt;
    }
    if (line[last_letter_begin - 1] == ' ') {
        // After a space the capitals could also be an abbreviation opening a sentence
        // ("MSC HLA Mesenkymale ..."): take a known rubric, or one long word of capitals.
        std::size_t longest = 0, run = 0;
        for (std::size_t k = 0; k < label.size();) {
            const char32_t c = code_point_at(label, k, n);
            run = c == ' ' ? 0 : run + 1;
            longest = std::max(longest, run);
            k += n;
        }
        if (!is_known_kind(label) && longest < 8) return std::nullopt;
    }
    return KindLabel{std::string(label), last_letter_begin};
}

bool is_known_kind(std::string_view label) {
    static constexpr std::array<std::string_view, 16> kinds = {
        "OVERSIGTSARTIKEL", "VIDENSKABELIG ARTIKEL", "ORIGINAL ARTIKEL", "ORIGINALARTIKEL", "KASUISTIK",
        "STATUSARTIKEL",    "LEDER",                 "VIDENSKAB OG PRAKSIS", "KORT MEDDELELSE", "KOMMENTAR",
        "DEBAT",            "KLINISK PRAKSIS",       "MINIREVIEW",       "STATUS",          "FORSKNING",
        "SYNSPUNKT"};
    const std::string_view t = trim(label);
    for (const std::string_view kind : kinds)
        if (t == kind) return true;
    return false;
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

namespace {

std::size_t skip_spaces(std::string_view s, std::size_t i);

// `label` (lower case) at the start of `t` in any case: its byte length in `t`, or 0.
std::size_t label_prefix(std::string_view t, std::string_view label) {
    // Upper- and lower-case forms of the letters used here have the same byte length
    // (é/É are both two bytes), so the prefix is as long as the label.
    // Byte by byte, without ICU (this runs on every line): ASCII letters differ in case by
    // 0x20, and so do the Latin-1 letters of the labels (é/É, å/Å, æ/Æ, ø/Ø: C3 A9 / C3 89)
    // in their second byte.
    if (t.size() < label.size()) return 0;
    for (std::size_t i = 0; i < label.size(); ++i) {
        const char l = label[i], c = t[i];
        if (l == c) continue;
        const bool ascii_letter = l >= 'a' && l <= 'z';
        const bool latin1_second = i > 0 && label[i - 1] == '\xC3';
        if ((ascii_letter || latin1_second) && static_cast<char>(c | 0x20) == l) continue;
        return 0;
    }
    return label.size();
}

// After a field label: the end of the line, a colon, or a space (or nothing, when glued)
// before a capital letter or digit that starts the field's text. Returns where the text
// starts (t.size() when the label stands alone), or npos.
std::size_t after_label(std::string_view t, std::size_t i, bool glued_ok) {
    const std::size_t label_end = i;
    while (i < t.size() && (t[i] == ' ' || t[i] == ':' || t[i] == '\t')) ++i;
    if (i == t.size()) return i;
    if (i == label_end && !glued_ok) return std::string_view::npos;
    std::size_t n = 0;
    const char32_t c = code_point_at(t, i, n);
    if (is_upper(c) || is_digit(c) || is_opening_quote(c)) return i;
    return std::string_view::npos;
}

}  // namespace

std::size_t resume_label_length(std::string_view line) {
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    const std::string_view t = line.substr(lead);
    static constexpr std::array<std::string_view, 4> labels = {"resumé", "resume", "sammenfatning", "sammendrag"};
    for (const std::string_view label : labels) {
        const std::size_t length = label_prefix(t, label);
        if (length == 0) continue;
        // Run-in ("Resumé Mesenkymale ..."), with a colon, or alone; never glued, as
        // "Resumeet" is a word.
        const std::size_t text = after_label(t, length, false);
        if (text == std::string_view::npos) return 0;
        return lead + text;
    }
    return 0;
}

bool is_resume_label(std::string_view line) { return resume_label_length(line) > 0; }

std::size_t summary_label_length(std::string_view line) {
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    const std::string_view t = line.substr(lead);
    const std::size_t length = label_prefix(t, "summary");
    if (length == 0) return 0;
    // "Summary", "SUMMARY:", "SummaryCarsten ...", "Summary Carsten ...", but not running
    // text such as "Summary statistics were ..." or "Summarysomething".
    const std::size_t text = after_label(t, length, true);
    return text == std::string_view::npos ? 0 : lead + length;
}

bool starts_summary(std::string_view line) { return summary_label_length(line) > 0; }

namespace {

// A structured abstract's part labels, longer ones first, so that "materiale og metoder" wins
// over "metoder"; each with its place in the abstract's order (0 introduction or background,
// 1 methods, 2 results, 3 discussion, 4 conclusion) and whether Danish writes it.
struct PartLabel {
    std::string_view text;
    int rank;
    bool danish;
};
constexpr std::array<PartLabel, 30> part_labels = {{
    {"materials and methods", 1, false}, {"material and methods", 1, false}, {"materiale og metoder", 1, true},
    {"materiale og metode", 1, true},    {"patients and methods", 1, false}, {"patienter og metoder", 1, true},
    {"introduction", 0, false},          {"introduktion", 0, true},          {"conclusions", 4, false},
    {"conclusion", 4, false},            {"konklusioner", 4, true},          {"konklusion", 4, true},
    {"background", 0, false},            {"baggrund", 0, true},              {"objectives", 0, false},
    {"objective", 0, false},             {"resultater", 2, true},            {"diskussion", 3, true},
    {"discussion", 3, false},            {"resultat", 2, true},              {"results", 2, false},
    {"methods", 1, false},               {"metoder", 1, true},               {"formål", 0, true},
    {"method", 1, false},                {"metode", 1, true},                {"design", 1, true},
    {"result", 2, false},                {"aims", 0, false},                 {"aim", 0, false},
}};

static_assert(std::all_of(part_labels.begin(), part_labels.end(),
                          [](const PartLabel& entry) { return entry.text.size() <= longest_part_label_bytes; }));

// The table's entry for a label as part_label_length printed it, or null.
const PartLabel* find_part_label(std::string_view label) {
    const std::string lower = to_lower(label);
    const auto found = std::find_if(part_labels.begin(), part_labels.end(),
                                    [&](const PartLabel& entry) { return entry.text == lower; });
    return found == part_labels.end() ? nullptr : &*found;
}

}  // namespace

int part_label_rank(std::string_view label) {
    const PartLabel* entry = find_part_label(label);
    return entry ? entry->rank : -1;
}

bool is_danish_part_label(std::string_view label) {
    const PartLabel* entry = find_part_label(label);
    return entry && entry->danish;
}

std::size_t part_label_length(std::string_view text, std::string& label) {
    const std::size_t lead = std::min(text.find_first_not_of(" \t"), text.size());
    const std::string_view t = text.substr(lead);
    for (const PartLabel& candidate : part_labels) {
        const std::size_t length = label_prefix(t, candidate.text);
        if (length == 0) continue;
        // "Resultater:" or a run-in label before a capitalised sentence ("Konklusion Behandling ...").
        std::size_t i = length;
        if (trim(t.substr(i)).empty()) {  // the label alone on its line: the text follows
            label = std::string(t.substr(0, length));
            return text.size();
        }
        const bool colon = i < t.size() && t[i] == ':';
        if (colon) ++i;
        const std::size_t text_begin = skip_spaces(t, i);
        if (!colon) {
            std::size_t n = 0;
            if (text_begin == i || text_begin >= t.size() || !is_upper(code_point_at(t, text_begin, n))) return 0;
        }
        label = std::string(t.substr(0, length));
        return lead + text_begin;
    }
    return 0;
}

std::size_t correspondence_label_length(std::string_view line) {
    static constexpr std::array<std::string_view, 4> labels = {"Korrespondance:", "Korrespondanceadresse:",
                                                               "Correspondence:", "Adresse:"};
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    for (const std::string_view label : labels)
        if (line.substr(lead, label.size()) == label) return lead + label.size();
    return 0;
}

std::size_t references_label_length(std::string_view line) {
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    const std::string_view t = line.substr(lead);
    static constexpr std::array<std::string_view, 6> labels = {"litteraturliste", "litteratur", "referenceliste",
                                                               "referencer",      "references", "literature"};
    for (const std::string_view label : labels) {
        const std::size_t length = label_prefix(t, label);
        if (length == 0) continue;
        const std::size_t text = after_label(t, length, false);
        return text == std::string_view::npos ? 0 : lead + text;
    }
    return 0;
}

std::size_t end_note_label_length(std::string_view line, std::string& label) {
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    const std::string_view t = line.substr(lead);
    static constexpr std::array<std::string_view, 14> labels = {
        "antaget",   "modtaget", "interessekonflikter", "interessekonflikt", "taksigelser",           "taksigelse",
        "finansiering", "publiceret", "accepted", "received", "conflicts of interest", "competing interests",
        "acknowledgements", "funding"};
    for (const std::string_view name : labels) {
        const std::size_t length = label_prefix(t, name);
        if (length == 0 || length >= t.size() || t[length] != ':') continue;
        label = std::string(t.substr(0, length));
        std::size_t text = length + 1;
        while (text < t.size() && (t[text] == ' ' || t[text] == '\t')) ++text;
        return lead + text;
    }
    return 0;
}

bool starts_reference_entry(std::string_view line) {
    const std::size_t lead = std::min(line.find_first_not_of(" \t"), line.size());
    std::string_view t = line.substr(lead);
    const char open = t.empty() ? '\0' : t.front();
    if (open == '[' || open == '(') t.remove_prefix(1);
    std::size_t digits = 0;
    while (digits < t.size() && digits < 4 && t[digits] >= '0' && t[digits] <= '9') ++digits;
    if (digits == 0 || digits == 4) return false;
    std::size_t i = digits;
    if (open == '[' || open == '(') {
        if (i >= t.size() || t[i] != (open == '[' ? ']' : ')')) return false;
        ++i;
    } else if (i < t.size() && t[i] == '.') {
        ++i;
    }
    if (i >= t.size() || t[i] != ' ') return false;
    while (i < t.size() && t[i] == ' ') ++i;
    std::size_t n = 0;
    return i < t.size() && is_upper(code_point_at(t, i, n));
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

// The end of the sentence starting at `p` (just after its final mark): a mark followed
// by a space and a capital, or glued to a capital ("diseases.Ugeskr"), as a title ends.
std::size_t first_sentence_end(std::string_view text, std::size_t p) {
    for (std::size_t r = p; r < text.size(); ++r) {
        if (!sentence_final(text[r])) continue;
        const std::size_t next = skip_spaces(text, r + 1);
        if (next == text.size()) return text.size();
        std::size_t n = 0;
        if (is_upper(code_point_at(text, next, n))) return r + 1;
    }
    return text.size();
}

// Whether the words of `s` are in title case: every word that starts with a letter and is not
// a closed-class word ("and", "of", "til") starts with a capital, and there is such a word.
bool title_case(std::string_view s) {
    bool content_word = false;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t begin = i;
        while (i < s.size() && s[i] != ' ') ++i;
        const std::string_view word = s.substr(begin, i - begin);
        if (word.empty()) continue;
        std::size_t n = 0;
        const char32_t first = code_point_at(word, 0, n);
        if (!is_letter(first)) continue;
        std::string lower;
        for (const char c : word) {
            if (sentence_final(c) || c == ',' || c == ':' || c == ';') break;
            lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        if (is_closed_class_word(lower)) continue;
        if (!is_upper(first)) return false;
        content_word = true;
    }
    return content_word;
}

// Whether the mark at `r` follows a short token of capitals or digits after a word, as a
// numbered title's "Appendix B." or "Part II." does (not a token standing alone).
bool after_numbering(std::string_view text, std::size_t begin, std::size_t r) {
    std::size_t t = r;
    while (t > begin && (std::isupper(static_cast<unsigned char>(text[t - 1])) || digit_at(text, t - 1))) --t;
    return t < r && r - t <= 4 && t > begin + 1 && text[t - 1] == ' ' && text[t - 2] != ' ' && !sentence_final(text[t - 2]);
}

// The end of a Summary title that no citation closes: its first sentence, but a title whose
// first "sentence" ends at a numbering ("Appendix B.") or is one word exclaimed or asked
// ("Eeek!") runs on over a title-case sentence ("Reporting Bugs and Requesting
// Enhancements.", "There is Missing Help."), which an abstract sentence never is. A
// title of words ending in a full stop ("Cold Rooms.") is whole.
std::size_t title_end_without_citation(std::string_view text, std::size_t p) {
    const auto fragment = [&](std::size_t begin, std::size_t end) {
        const std::string_view piece = trim(text.substr(begin, end - begin));
        return piece.size() > 1 && (piece.back() == '!' || piece.back() == '?') && piece.find(' ') == std::string_view::npos;
    };
    std::size_t end = first_sentence_end(text, p), piece_begin = p;
    while (end < text.size() && end - p < 200 && (after_numbering(text, p, end - 1) || fragment(piece_begin, end))) {
        const std::size_t next = skip_spaces(text, end);
        const std::size_t next_end = first_sentence_end(text, next);
        if (next_end - p > 200 || !title_case(text.substr(next, next_end - next))) break;
        piece_begin = next;
        end = next_end;
    }
    return end;
}

// Where a journal name that ends at `year_begin` starts: the capitalised words just before
// the year ("Ugeskr Læger"), after the sentence before it.
std::size_t journal_start(std::string_view text, std::size_t year_begin) {
    std::size_t begin = year_begin;
    while (begin > 0) {
        std::size_t n = 0;
        const char32_t c = code_point_before(text, begin, n);
        if (sentence_final(static_cast<char>(c < 0x80 ? c : 0))) break;
        if (!is_letter(c) && c != ' ') break;
        begin -= n;
    }
    while (begin < year_begin && text[begin] == ' ') ++begin;
    std::size_t n = 0;
    if (begin == year_begin || !is_upper(code_point_at(text, begin, n))) return year_begin;
    return begin;
}

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
    // Near the head, or closing the block (the last 200 bytes): a bounded search, so that a
    // long Summary full of semicolons costs no more than a short one.
    const std::size_t search_end = std::min(text.size(), p + 800);
    const std::size_t tail_begin = std::max(search_end, text.size() > 200 ? text.size() - 200 : std::size_t{0});
    for (std::size_t semicolon = text.find(';', p); semicolon != std::string_view::npos;
         semicolon = text.find(';', semicolon + 1)) {
        if (semicolon >= search_end && semicolon < tail_begin) {
            semicolon = text.find(';', tail_begin);
            if (semicolon == std::string_view::npos) break;
        }
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
        // The citation closes the block instead ("... future. Ugeskr Læger 2003;165:4852-5."):
        // the title is then the first sentence and the abstract runs up to the journal name.
        std::size_t after = skip_spaces(text, citation_end);
        if (after < text.size() && text[after] == '.') after = skip_spaces(text, after + 1);
        const bool closes_block = after == text.size() && year_begin > first_sentence_end(text, p) + 1;
        if (closes_block) {
            const std::size_t journal_begin = journal_start(text, year_begin);
            if (journal_begin == year_begin) continue;
            citation.journal = std::string(trim(text.substr(journal_begin, year_begin - journal_begin)));
            head.title_end = title_end_without_citation(text, p);
            head.citation = citation;
            head.citation_begin = journal_begin;
            head.citation_end = citation_end;
            head.abstract_begin = skip_spaces(text, head.title_end);
            head.abstract_end = journal_begin;
            return head;
        }
        const std::string_view journal = trim(text.substr(title_end, year_begin - title_end));
        if (journal.empty() || !looks_like_names(journal)) continue;
        citation.journal = std::string(journal);
        head.title_end = title_end;
        head.citation = citation;
        head.citation_begin = static_cast<std::size_t>(journal.data() - text.data());
        head.citation_end = citation_end;
        // The short form ends in a full stop ("4852-5.").
        std::size_t abstract = skip_spaces(text, citation_end);
        if (abstract < text.size() && text[abstract] == '.') abstract = skip_spaces(text, abstract + 1);
        head.abstract_begin = abstract;
        head.abstract_end = text.size();
        return head;
    }
    // No citation: the title is the first sentence.
    head.title_end = title_end_without_citation(text, p);
    head.abstract_begin = skip_spaces(text, head.title_end);
    head.abstract_end = text.size();
    return head;
}

bool is_opening_quote(char32_t c) { return c == 0xAB || c == 0xBB || c == 0x201C || c == '"'; }

bool is_closed_class_word(std::string_view lower_word) {
    static constexpr std::array<std::string_view, 44> words = {
        "i",   "af",  "på",   "til",  "for",  "med",   "fra",   "og",   "eller", "en",   "et",
        "den", "det", "de",   "der",  "at",   "som",   "om",    "ved",  "efter", "under", "over",
        "mellem", "hos", "mod", "samt", "men", "the", "of",   "in",   "and",   "or",   "to",
        "a",   "an",  "with", "by",   "on",   "from",  "that",  "is",   "are",   "as",   "its"};
    for (const std::string_view w : words)
        if (w == lower_word) return true;
    return false;
}

LanguageVotes language_votes(std::string_view text) {
    // Words of one language that the other does not have (or has only as a rare word):
    // "at", "for", "to", "i", "over" and "under" are left out, being common in both.
    static constexpr std::array<std::string_view, 34> danish = {
        "og",   "det",  "er",   "til",   "på",    "af",    "med",  "ikke",  "der",   "et",   "har",  "fra",
        "eller", "skal", "vil", "når",   "dette", "denne", "også", "kan",   "hvis",  "du",   "som",  "den",
        "de",   "en",   "vi",   "hvor",  "efter", "ved",   "mellem", "uden", "disse", "sig"};
    static constexpr std::array<std::string_view, 34> english = {
        "the",  "and",  "of",   "is",    "are",   "that",  "this", "with",  "you",   "your", "which", "from",
        "or",   "be",   "by",   "an",    "it",    "its",   "can",  "on",    "not",   "if",   "when",  "these",
        "will", "was",  "were", "has",   "have",  "a",     "in",   "into",  "between", "without"};
    LanguageVotes votes;
    std::size_t i = 0;
    while (i < text.size()) {
        // Words of ASCII letters and the Danish letters; every list word is lower case.
        const auto c = static_cast<unsigned char>(text[i]);
        if (!(std::isalpha(c) || c >= 0x80)) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && (std::isalpha(static_cast<unsigned char>(text[end])) || static_cast<unsigned char>(text[end]) >= 0x80))
            ++end;
        const std::string_view word = text.substr(i, end - i);
        i = end;
        if (word.size() > 7) continue;
        std::array<char, 8> lower{};
        for (std::size_t k = 0; k < word.size(); ++k)
            lower[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[k])));
        const std::string_view w(lower.data(), word.size());
        if (std::find(danish.begin(), danish.end(), w) != danish.end()) ++votes.danish;
        else if (std::find(english.begin(), english.end(), w) != english.end()) ++votes.english;
    }
    return votes;
}

void move_resume_end_to_body(Article& article, std::size_t keep, std::string message) {
    std::vector<Sentence> rest(std::make_move_iterator(article.resume.begin() + static_cast<std::ptrdiff_t>(keep)),
                               std::make_move_iterator(article.resume.end()));
    article.resume.resize(keep);
    if (!article.resume_parts.empty()) article.resume_parts.back().end = keep;
    article.structure_notes.push_back(StructureNote{std::move(message), SourceSpan{rest.front().span.start, rest.back().span.end}});
    if (article.sections.empty() || article.sections.front().heading) article.sections.insert(article.sections.begin(), Section{});
    auto& body = article.sections.front().sentences;
    body.insert(body.begin(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
}

void move_body_start_to_resume(Article& article, std::size_t count, std::string message) {
    auto& body = article.sections.front().sentences;
    const auto moved_end = body.begin() + static_cast<std::ptrdiff_t>(count);
    article.structure_notes.push_back(StructureNote{std::move(message), SourceSpan{body.front().span.start, (moved_end - 1)->span.end}});
    article.resume.insert(article.resume.end(), std::make_move_iterator(body.begin()), std::make_move_iterator(moved_end));
    body.erase(body.begin(), moved_end);
    if (!article.resume_parts.empty()) article.resume_parts.back().end = article.resume.size();
    if (body.empty()) article.sections.erase(article.sections.begin());
}

}  // namespace summalign::detail
