#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/layout_repair.hpp"
#include "detail/utf8.hpp"

namespace summalign::detail {

namespace {

// The end of the run of letters starting at byte k of t.
std::size_t letters_end(std::string_view t, std::size_t k) {
    while (k < t.size()) {
        std::size_t n = 0;
        if (!is_letter(code_point_at(t, k, n))) break;
        k += n;
    }
    return k;
}

// The start of the run of letters ending at byte end of t.
std::size_t letters_begin(std::string_view t, std::size_t end) {
    while (end > 0) {
        std::size_t n = 0;
        if (!is_letter(code_point_before(t, end, n))) break;
        end -= n;
    }
    return end;
}

bool letter_before(std::string_view t, std::size_t end) {
    return letters_begin(t, end) < end;
}

// A space between a letter and a comma or full stop that ends a word (`studier ,`).
bool space_before_stop(std::string_view t, std::size_t i) {
    return t[i] == ' ' && i + 1 < t.size() && (t[i + 1] == ',' || t[i + 1] == '.') &&
           (i + 2 == t.size() || t[i + 2] == ' ') && letter_before(t, i);
}

// Whether a part of a split run is a word of its own: a dictionary knows it, also as a
// compound, or it is a one-letter word (`a`, `i`, `å`, `ø`, `I`, `A`).
bool is_part_word(std::string_view part, const Dehyphenator& dehyphenator) {
    if (code_points(part) == 1)
        return part == "a" || part == "i" || part == "I" || part == "A" || part == "\xC3\xA5" || part == "\xC3\xB8";
    return dehyphenator.knows(part);
}

}  // namespace

// Some extractions (pdfminer's pdf2txt on groff's PDFs) set a space wherever the glyphs of a
// kerned pair stand apart: inside words (`Sho ws`, `LibreOf fice`, `klikk er`), before a comma
// or full stop (`studier ,`) and before a word's line-end hyphen (`knoglemar -`). Writers set
// no space between a word and its comma or full stop, and no other extraction of the typeset
// corpora does (none in 1,344 files of four modes), so one such space marks the document's
// extraction. Then (as `normalized` repairs) the space before a comma or full stop after a
// letter is taken out, and so is the one before a line-end hyphen after a letter where the
// next line opens with a lower-case run that the document writes joined to the letters
// before it; every line is marked (`kerning_spaces`), so that join_lines closes the words
// split inside (close_split_words), where the dictionaries can tell a word's parts.
void close_kerning_spaces(LayoutResult& result) {
    std::vector<SourceLine>& lines = result.lines;
    bool spaced = false;
    for (const SourceLine& line : lines) {
        const std::string_view t = line.text.text();
        for (std::size_t i = t.find(' '); i != std::string_view::npos && !spaced;
             i = t.find(' ', i + 1))
            spaced = space_before_stop(t, i);
        if (spaced) break;
    }
    if (!spaced) return;

    std::unordered_map<std::string, std::size_t> words;
    for (const SourceLine& line : lines) {
        const std::string_view t = line.text.text();
        for (std::size_t i = 0; i < t.size();) {
            std::size_t n = 0;
            if (!is_letter(code_point_at(t, i, n))) {
                i += n;
                continue;
            }
            const std::size_t end = letters_end(t, i);
            ++words[std::string(t.substr(i, end - i))];
            i = end;
        }
    }
    // `områder` | `. En henvisning …`: the extraction set a comma or full stop kerned away
    // from its word on a line of its own; it goes back to the line before.
    for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
        SourceLine& line = lines[k];
        SourceLine& next = lines[k + 1];
        const std::string_view t = trim(line.text.text()), n = trim(next.text.text());
        if (t.empty() || n.empty() || (n[0] != ',' && n[0] != '.') || n.size() < 3 || n[1] != ' ' ||
            !letter_before(t, t.size()))
            continue;
        const std::size_t t_end =
            static_cast<std::size_t>(t.data() - line.text.text().data()) + t.size();
        const std::size_t n_begin = static_cast<std::size_t>(n.data() - next.text.text().data());
        MappedText moved = line.text.slice(0, t_end);
        moved.append(next.text, n_begin, n_begin + 1);
        const std::size_t source = next.text.origin(n_begin);
        result.repairs.push_back(
            {Repair::Kind::normalized,
             {source, source + 1},
             "punctuation the extraction set on the next line put back after its word"});
        line.text = std::move(moved);
        next.text = next.text.slice(n_begin + 1, next.text.size()).trimmed();
        line.width = code_points(trim(line.text.text()));
        next.width = code_points(trim(next.text.text()));
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
        SourceLine& line = lines[k];
        line.kerning_spaces = true;
        const std::string_view t = line.text.text();
        std::vector<std::size_t> drop;  // byte offsets of the spaces to take out, ascending
        for (std::size_t i = t.find(' '); i != std::string_view::npos; i = t.find(' ', i + 1))
            if (space_before_stop(t, i)) drop.push_back(i);
        // `knoglemar -` | `ven`: the hyphen is the word's when the document writes the word whole.
        if (t.size() >= 3 && t.back() == '-' && t[t.size() - 2] == ' ' && k + 1 < lines.size()) {
            const std::size_t begin = letters_begin(t, t.size() - 2);
            const std::string_view next = trim(lines[k + 1].text.text());
            std::size_t n = 0;
            if (begin < t.size() - 2 && !next.empty() && is_lower(code_point_at(next, 0, n))) {
                const std::string joined = std::string(t.substr(begin, t.size() - 2 - begin)) +
                                           std::string(next.substr(0, letters_end(next, 0)));
                if (words.contains(joined)) drop.push_back(t.size() - 2);
            }
        }
        if (drop.empty()) continue;
        MappedText closed;
        std::size_t from = 0;
        for (const std::size_t at : drop) {
            closed.append(line.text, from, at);
            const std::size_t source = line.text.origin(at);
            result.repairs.push_back({Repair::Kind::normalized,
                                      {source, source + 1},
                                      "space the extraction set between kerned glyphs removed"});
            from = at + 1;
        }
        closed.append(line.text, from, line.text.size());
        line.text = std::move(closed);
        line.width = code_points(trim(line.text.text()));
    }
}

bool kerned_parts_close(std::string_view first, std::string_view second, const Dehyphenator& dehyphenator,
                        const DocumentWords& words) {
    const bool first_word = is_part_word(first, dehyphenator), second_word = is_part_word(second, dehyphenator);
    if (first_word && second_word) return false;
    // Two parts that are no words (`sikk erhedsniveau`) may make a compound, and so may a
    // word and a part of three letters or more that is none (`bogmærk epanel`, `filserv
    // er`): no writer sets that part alone. A shorter one may be a word of its own
    // the dictionaries lack.
    const std::string joined = std::string(first) + std::string(second);
    if (!dehyphenator.is_dictionary_word(joined) && words.count(joined) == 0) {
        if (!dehyphenator.knows(joined)) return false;
        if ((first_word || second_word) && code_points(first_word ? second : first) < 3) return false;
    }
    return true;
}

std::string_view kerned_word_before_hyphen(std::string_view text, std::string_view next,
                                           const Dehyphenator& dehyphenator, const DocumentWords& words) {
    if (text.size() < 3 || text.back() != '-' || text[text.size() - 2] != ' ' || next.empty()) return {};
    const std::size_t begin = letters_begin(text, text.size() - 2);
    if (begin == text.size() - 2 || (begin > 0 && text[begin - 1] != ' ' && text[begin - 1] != '(')) return {};
    if (!is_lower(first_code_point(next))) return {};
    const std::size_t end = letters_end(next, 0);
    std::size_t n = 0;
    if (end < next.size() && is_word_char(code_point_at(next, end, n)) && next[end] != '-') return {};
    const std::string_view first = text.substr(begin, text.size() - 2 - begin), second = next.substr(0, end);
    if (words.count(std::string(first) + std::string(second)) == 0 &&
        !kerned_parts_close(first, second, dehyphenator, words))
        return {};
    if (dehyphenator.decide(first, next, words, text.substr(0, begin)) != HyphenDecision::join) return {};
    return first;
}

// A run of letters split at one space, the second part in lower case (`Sho ws`, `klikk er`,
// `A vanceret`, `f ax-ikon`), is one word where the two joined make a word (a dictionary knows
// it as it stands, not only as a compound, or the document writes it) and at least one part
// is none: no dictionary knows it, not even as a compound (`en tidsserie` is two words), and
// it is no one-letter word (`a`, `i`, `å`, `ø`, `I`, `A`). Where neither part is a word
// (`sikk erhedsniveau`), a compound the dictionaries build will do. A run closed to the one
// before it is not closed to the one after it too (`ikk e vil`: `ikke`, not `evil`). Two words
// stay apart (`og så`, `problem er`, `figur er`): the text cannot tell those splits from the
// writer's words.
MappedText close_split_words(MappedText text, const Dehyphenator& dehyphenator,
                             const DocumentWords& words, std::vector<Repair>& repairs) {
    if (!dehyphenator.has_dictionaries()) return text;
    const std::string_view t = text.text();
    const auto is_word = [&](std::string_view part) { return is_part_word(part, dehyphenator); };
    std::vector<std::size_t> drop;
    for (std::size_t i = t.find(' '); i != std::string_view::npos; i = t.find(' ', i + 1)) {
        const std::size_t begin = letters_begin(t, i);
        if (begin == i || (begin > 0 && t[begin - 1] != ' ' && t[begin - 1] != '(')) continue;
        std::size_t n = 0;
        if (i + 1 >= t.size() || !is_letter(code_point_at(t, i + 1, n))) continue;
        const std::size_t end = letters_end(t, i + 1);
        if (end < t.size() && is_word_char(code_point_at(t, end, n))) continue;
        // `ikk e vil`: the `e` closed `ikke`, and is no part of `evil`.
        if (!drop.empty() && drop.back() + 1 == begin) continue;
        const std::string_view first = t.substr(begin, i - begin),
                               second = t.substr(i + 1, end - i - 1);
        const std::string joined = std::string(first) + std::string(second);
        // Capitals split from capitals (`L TSP`, `VB A`) close only into a word the document
        // writes; a capital after lower case opens a word of its own.
        if (!is_lower(first_code_point(second))) {
            if (!has_uppercase(first) || has_lowercase(first) || has_lowercase(second) ||
                words.count(joined) == 0)
                continue;
            drop.push_back(i);
            repairs.push_back({Repair::Kind::normalized, text.source_start(begin),
                               text.source_end(end),
                               "word the extraction split at a kerned pair closed: " + joined});
            continue;
        }
        // One letter between two runs goes with the run after it where those make a word and
        // that run is none, or the run before is one (`is e xplained`, `skal k øre`: not `ise`,
        // `skalk`; but `ikk e vil`: `ikke`); before a hyphen it is a word's own
        // (`til e-mailadresser`, not `tile`).
        if (code_points(second) == 1) {
            if (end < t.size() && t[end] == '-') continue;
            if (end + 1 < t.size() && t[end] == ' ') {
                const std::size_t after = letters_end(t, end + 1);
                const std::string_view third = t.substr(end + 1, after - end - 1);
                if (after > end + 1 &&
                    (after == t.size() || !is_word_char(code_point_at(t, after, n))) &&
                    dehyphenator.is_dictionary_word(std::string(second) + std::string(third)) &&
                    (!is_word(third) || is_word(first)))
                    continue;
            }
        }
        if (!kerned_parts_close(first, second, dehyphenator, words)) continue;
        drop.push_back(i);
        repairs.push_back({Repair::Kind::normalized, text.source_start(begin), text.source_end(end),
                           "word the extraction split at a kerned pair closed: " + joined});
    }
    if (drop.empty()) return text;
    MappedText closed;
    std::size_t from = 0;
    for (const std::size_t at : drop) {
        closed.append(text, from, at);
        from = at + 1;
    }
    closed.append(text, from, text.size());
    return closed;
}

}  // namespace summalign::detail
