#include "detail/export_json.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "detail/export_common.hpp"

namespace summalign::detail {
namespace {

using Json = nlohmann::ordered_json;

// The high-volume lists (sentences, word matches, repairs) fill their objects field by field
// in place: an initializer list {{"key", value}, ...} makes nlohmann copy every value once
// more. Objects and lists get their size up front: an ordered_json object is a vector of
// (const key, value) pairs, and growing it copies every key.
Json new_object(std::size_t fields) {
    Json object = Json::object();
    object.get_ref<Json::object_t&>().reserve(fields);
    return object;
}
Json& new_object_in(Json& list, std::size_t fields) { return list.emplace_back(new_object(fields)); }
Json new_array(std::size_t elements) {
    Json list = Json::array();
    list.get_ref<Json::array_t&>().reserve(elements);
    return list;
}

// "page" only for PDF input (sentence.page > 0): text input keeps its exact bytes.
void put_sentence(Json& object, const Sentence& sentence) {
    object["text"] = sentence.text;
    object["start"] = sentence.span.start;
    object["end"] = sentence.span.end;
    if (sentence.page > 0) object["page"] = sentence.page;
}

Json sentence_json(const Sentence& sentence) {
    Json object = new_object(3);
    put_sentence(object, sentence);
    return object;
}

Json sentences_json(const std::vector<Sentence>& sentences) {
    Json list = new_array(sentences.size());
    for (const Sentence& sentence : sentences) put_sentence(new_object_in(list, 3), sentence);
    return list;
}

// A field the contract gives as a plain string or null, with its source span beside it
// under "<key>_start"/"<key>_end" (null too when the field is absent).
void put_optional_text(Json& object, const std::string& key, const std::optional<Sentence>& sentence) {
    if (sentence) {
        object[key] = sentence->text;
        object[key + "_start"] = sentence->span.start;
        object[key + "_end"] = sentence->span.end;
        if (sentence->page > 0) object[key + "_page"] = sentence->page;
    } else {
        object[key] = nullptr;
        object[key + "_start"] = nullptr;
        object[key + "_end"] = nullptr;
    }
}

Json strings_json(const std::vector<std::string>& strings) {
    Json list = Json::array();
    for (const std::string& s : strings) list.push_back(s);
    return list;
}

Json indices_json(const std::vector<std::size_t>& indices) {
    Json list = Json::array();
    for (std::size_t index : indices) list.push_back(index);
    return list;
}

Json matches_json(const std::vector<WordMatch>& matches) {
    Json list = new_array(matches.size());
    for (const WordMatch& match : matches) {
        Json& object = new_object_in(list, 4);
        object["da"] = match.da;
        object["en"] = match.en;
        object["kind"] = summalign::to_string(match.kind);
        object["weight"] = match.weight;
    }
    return list;
}

Json citation_json(const std::optional<Citation>& citation) {
    if (!citation) return nullptr;
    return Json{{"journal", citation->journal},
                {"year", citation->year},
                {"volume", citation->volume},
                {"pages", citation->pages},
                {"text", citation_text(*citation)}};
}

Json end_notes_json(const std::vector<EndNote>& notes) {
    Json list = new_array(notes.size());
    for (const EndNote& note : notes) {
        Json& object = new_object_in(list, 4);
        object["label"] = note.label;
        put_sentence(object, note.text);
    }
    return list;
}

Json parts_json(const std::vector<FieldPart>& parts) {
    Json list = new_array(parts.size());
    for (const FieldPart& part : parts) {
        Json& object = new_object_in(list, 3);
        object["label"] = part.label;
        object["first"] = part.begin;
        object["count"] = part.end - part.begin;
    }
    return list;
}

Json notes_json(const std::vector<StructureNote>& notes) {
    Json list = new_array(notes.size());
    for (const StructureNote& note : notes) {
        Json& object = new_object_in(list, 3);
        object["message"] = note.message;
        object["start"] = note.span.start;
        object["end"] = note.span.end;
    }
    return list;
}

Json summary_json(const std::optional<Summary>& summary) {
    if (!summary) return nullptr;
    Json object;
    object["authors"] = strings_json(summary->authors);
    put_optional_text(object, "title", summary->title);
    object["citation"] = citation_json(summary->citation);
    object["sentences"] = sentences_json(summary->sentences);
    object["parts"] = parts_json(summary->parts);
    object["start"] = summary->span.start;
    object["end"] = summary->span.end;
    return object;
}

Json sections_json(const std::vector<Section>& sections) {
    Json list = Json::array();
    for (const Section& section : sections) {
        Json object;
        put_optional_text(object, "heading", section.heading);
        object["sentences"] = sentences_json(section.sentences);
        list.push_back(std::move(object));
    }
    return list;
}

Json figures_json(const std::vector<Figure>& figures) {
    Json list = Json::array();
    for (const Figure& figure : figures) {
        Json object{{"label", figure.label},
                    {"caption", figure.caption.text},
                    {"caption_start", figure.caption.span.start},
                    {"caption_end", figure.caption.span.end}};
        if (figure.caption.page > 0) object["caption_page"] = figure.caption.page;
        list.push_back(std::move(object));
    }
    return list;
}

const Sentence* body_sentence(const Article& article, std::size_t section, std::size_t sentence) {
    if (section >= article.sections.size()) return nullptr;
    const auto& sentences = article.sections[section].sentences;
    return sentence < sentences.size() ? &sentences[sentence] : nullptr;
}

// `matches`: whether the word pairs behind each score are written (ExportOptions::include_matches).
Json alignment_json(const Article& article, const AlignedArticle& aligned, bool matches) {
    const ArticleAlignment& alignment = aligned.alignment;
    const std::vector<Sentence>& english = summary_sentences(article);
    Json object = new_object(5);

    if (alignment.title) {
        object["title"] = Json{{"da", alignment.title->da}, {"en", alignment.title->en}, {"score", alignment.title->score}};
        if (matches) object["title"]["matches"] = matches_json(alignment.title->matches);
    } else {
        object["title"] = nullptr;
    }

    Json beads = new_array(alignment.resume_summary.size());
    for (const Bead& bead : alignment.resume_summary) {
        Json& entry = new_object_in(beads, 6);
        entry["da"] = indices_json(bead.da);
        entry["en"] = indices_json(bead.en);
        entry["score"] = bead.score;
        entry["da_text"] = joined_text(article.resume, bead.da);
        entry["en_text"] = joined_text(english, bead.en);
        if (matches) entry["matches"] = matches_json(bead.matches);
    }
    object["resume_summary"] = std::move(beads);

    Json support = new_array(alignment.support.size());
    for (const ClaimSupport& claim : alignment.support) {
        Json evidence = new_array(claim.evidence.size());
        for (const Evidence& item : claim.evidence) {
            Json& entry = new_object_in(evidence, 7);
            entry["section"] = item.section;
            entry["sentence"] = item.sentence;
            entry["text"] = item.text;
            entry["score"] = item.score;
            if (const Sentence* source = body_sentence(article, item.section, item.sentence)) {
                entry["start"] = source->span.start;
                entry["end"] = source->span.end;
            } else {
                entry["start"] = nullptr;
                entry["end"] = nullptr;
            }
            if (matches) entry["matches"] = matches_json(item.matches);
        }
        Json& entry = new_object_in(support, 4);
        entry["en"] = claim.en;
        entry["supported"] = claim.supported;
        entry["text"] = claim.en < english.size() ? Json(english[claim.en].text) : Json(nullptr);
        entry["evidence"] = std::move(evidence);
    }
    object["support"] = std::move(support);

    Json findings = new_array(aligned.findings.size());
    for (const Finding& finding : aligned.findings) {
        Json& entry = new_object_in(findings, 8);
        entry["kind"] = summalign::to_string(finding.kind);
        entry["lang"] = summalign::to_string(finding.lang);
        entry["text"] = finding.text;
        entry["word"] = finding.word;
        entry["message"] = finding.message;
        entry["suggestion"] = finding.suggestion;
        entry["start"] = finding.span.start;
        entry["end"] = finding.span.end;
    }
    object["findings"] = std::move(findings);

    Json matrix = new_array(alignment.resume_summary_matrix.size());
    for (const auto& row : alignment.resume_summary_matrix) {
        Json& values = matrix.emplace_back(new_array(row.size()));
        for (double value : row) values.push_back(value);
    }
    object["resume_summary_matrix"] = std::move(matrix);
    return object;
}

Json repairs_json(std::span<const Repair> repairs) {
    Json list = new_array(repairs.size());
    for (const Repair& repair : repairs) {
        Json& object = new_object_in(list, 4);
        object["kind"] = summalign::to_string(repair.kind);
        object["start"] = repair.span.start;
        object["end"] = repair.span.end;
        object["detail"] = repair.detail;
    }
    return list;
}

// Texts are checked UTF-8, but a repaired or truncated string could in principle end in
// the middle of a character; replacing it keeps the output valid instead of throwing.
std::string dump(const Json& json, int indent) {
    return json.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace

Json article_to_json(const Article& article, std::size_t index, const AlignedArticle* aligned, bool include_matches) {
    Json object = new_object(24);
    object["index"] = index;
    put_optional_text(object, "title", article.title);
    put_optional_text(object, "subtitle", article.subtitle);
    object["kind"] = article.kind ? Json(*article.kind) : Json(nullptr);
    object["authors"] = strings_json(article.authors);
    object["start"] = article.span.start;
    object["end"] = article.span.end;
    object["truncated_start"] = article.truncated_start;
    object["truncated_end"] = article.truncated_end;
    object["resume"] = sentences_json(article.resume);
    object["resume_parts"] = parts_json(article.resume_parts);
    object["sections"] = sections_json(article.sections);
    object["figures"] = figures_json(article.figures);
    object["summary"] = summary_json(article.summary);
    object["correspondence"] = article.correspondence ? sentence_json(*article.correspondence) : Json(nullptr);
    object["references"] = sentences_json(article.references);
    object["end_notes"] = end_notes_json(article.end_notes);
    object["structure_notes"] = notes_json(article.structure_notes);
    if (aligned) object["alignment"] = alignment_json(article, *aligned, include_matches);
    return object;
}

Json document_to_json(const Document& document, std::span<const AlignedArticle> aligned,
                      const ExportOptions& options) {
    check_aligned_matches(document, aligned);
    Json object;
    object["source"] = document.source_name;
    Json articles = Json::array();
    for (std::size_t i = 0; i < document.articles.size(); ++i) {
        articles.push_back(
            article_to_json(document.articles[i], i, aligned.empty() ? nullptr : &aligned[i], options.include_matches));
    }
    object["articles"] = std::move(articles);
    if (options.include_repairs) object["repairs"] = repairs_json(document.repairs);
    return object;
}

void write_json(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                const ExportOptions& options) {
    out << dump(document_to_json(document, aligned, options), options.pretty ? 2 : -1) << '\n';
}

void write_jsonl(std::ostream& out, const Document& document, std::span<const AlignedArticle> aligned,
                 const ExportOptions& options) {
    check_aligned_matches(document, aligned);
    for (std::size_t i = 0; i < document.articles.size(); ++i)
        out << jsonl_line(document.source_name, document.articles[i], i, aligned.empty() ? nullptr : &aligned[i],
                          options.include_matches);
}

std::string jsonl_line(std::string_view source_name, const Article& article, std::size_t index,
                       const AlignedArticle* aligned, bool include_matches) {
    Json line;
    line["source"] = source_name;
    Json object = article_to_json(article, index, aligned, include_matches);
    for (auto& item : object.items()) line[item.key()] = std::move(item.value());
    std::string text = dump(line, -1);
    text += '\n';
    return text;
}

namespace {

// `text` (a value dumped with two-space indentation) moved right by `prefix`, as nlohmann's
// pretty printer places it at that depth. Safe because JSON strings never hold a raw line break.
std::string indented(const std::string& text, std::string_view prefix) {
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    std::string out(text.size() + lines * prefix.size(), '\0');
    char* to = out.data();
    const char* from = text.data();
    const char* const end = text.data() + text.size();
    // One allocation and two block copies per line: an article is ~2,500 lines.
    while (const void* found = std::memchr(from, '\n', static_cast<std::size_t>(end - from))) {
        const char* next = static_cast<const char*>(found) + 1;
        to = std::copy(from, next, to);
        to = std::copy(prefix.begin(), prefix.end(), to);
        from = next;
    }
    std::copy(from, end, to);
    return out;
}

std::string indented(const Json& value, std::string_view prefix) { return indented(dump(value, 2), prefix); }

// The repairs array, byte for byte as dump(repairs_json(repairs), indent) writes it, made a
// few thousand repairs at a time: a long document has ~10^5 repairs, and one JSON tree of
// them all took ~40 MB at once. Each chunk is dumped as an array and its elements, between
// the brackets nlohmann puts around them ("[\n" and "\n]" when pretty), are joined as it
// joins elements (",\n" when pretty).
std::string repairs_text(const std::vector<Repair>& repairs, int indent) {
    if (repairs.empty()) return dump(Json::array(), indent);
    constexpr std::size_t kChunk = 4096;
    const bool pretty = indent >= 0;
    const std::size_t bracket = pretty ? 2 : 1;
    std::string text = pretty ? "[\n" : "[";
    for (std::size_t begin = 0; begin < repairs.size(); begin += kChunk) {
        const std::span<const Repair> chunk = std::span(repairs).subspan(begin, std::min(kChunk, repairs.size() - begin));
        const std::string elements = dump(repairs_json(chunk), indent);
        if (begin > 0) text += pretty ? ",\n" : ",";
        text.append(elements, bracket, elements.size() - 2 * bracket);
    }
    text += pretty ? "\n]" : "]";
    return text;
}

}  // namespace

void write_json_begin(std::ostream& out, const Document& document, const ExportOptions& options) {
    const std::string source = dump(Json(document.source_name), -1);
    if (options.pretty) out << "{\n  \"source\": " << source << ",\n  \"articles\": [";
    else out << "{\"source\":" << source << ",\"articles\":[";
}

std::string json_article_text(const Article& article, std::size_t index, const AlignedArticle* aligned,
                              const ExportOptions& options) {
    const Json object = article_to_json(article, index, aligned, options.include_matches);
    return options.pretty ? indented(object, "    ") : dump(object, -1);
}

void write_json_article(std::ostream& out, std::string_view text, bool first, const ExportOptions& options) {
    if (options.pretty) out << (first ? "\n    " : ",\n    ");
    else if (!first) out << ',';
    out << text;
}

std::string json_closing_text(const Document& document, const ExportOptions& options) {
    std::string text;
    if (options.pretty) {
        if (options.include_repairs) text = ",\n  \"repairs\": " + indented(repairs_text(document.repairs, 2), "  ");
        text += "\n}\n";
    } else {
        if (options.include_repairs) text = ",\"repairs\":" + repairs_text(document.repairs, -1);
        text += "}\n";
    }
    return text;
}

void write_json_end(std::ostream& out, std::string_view closing_text, std::size_t article_count,
                    const ExportOptions& options) {
    if (options.pretty) out << (article_count > 0 ? "\n  ]" : "]");
    else out << ']';
    out << closing_text;
}

}  // namespace summalign::detail

namespace summalign::detail {

std::string json_repairs_piece(std::span<const Repair> repairs, bool first, const ExportOptions& options) {
    constexpr std::size_t kChunk = 4096;
    const bool pretty = options.pretty;
    const std::size_t bracket = pretty ? 2 : 1;
    std::string text;
    for (std::size_t begin = 0; begin < repairs.size(); begin += kChunk) {
        const std::string elements = dump(repairs_json(repairs.subspan(begin, std::min(kChunk, repairs.size() - begin))), pretty ? 2 : -1);
        const std::string inner = elements.substr(bracket, elements.size() - 2 * bracket);
        const bool very_first = first && begin == 0;
        if (pretty) text += (very_first ? "\n  " : ",\n  ") + indented(inner, "  ");
        else text += (very_first ? "" : ",") + inner;
    }
    return text;
}

void write_json_spooled_closing(std::ostream& out, bool any_repairs, const std::function<void()>& write_pieces,
                                const ExportOptions& options) {
    if (options.pretty) {
        if (options.include_repairs) {
            out << ",\n  \"repairs\": [";
            if (any_repairs) write_pieces();
            out << (any_repairs ? "\n  ]" : "]");
        }
        out << "\n}\n";
    } else {
        if (options.include_repairs) {
            out << ",\"repairs\":[";
            if (any_repairs) write_pieces();
            out << ']';
        }
        out << "}\n";
    }
}

}  // namespace summalign::detail
