#include "train/lexicon_corpus.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <unordered_map>

namespace summalign::detail {
namespace {

struct DocumentDeleter {
    void operator()(xmlDoc* document) const noexcept { xmlFreeDoc(document); }
};

std::string collapse_spaces(const char* text) {
    std::string out;
    bool pending_space = false;
    for (const char* c = text; *c; ++c) {
        if (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(*c);
    }
    return out;
}

bool is_paragraph_id(std::string_view id) { return id.starts_with("par_id") || id.starts_with("hd_id"); }

void collect(xmlNode* node, std::unordered_map<std::string, int>& seen, std::vector<std::pair<std::string, std::string>>& out) {
    for (; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        bool taken = false;
        if (xmlChar* id = xmlGetProp(node, reinterpret_cast<const xmlChar*>("id"))) {
            std::string key(reinterpret_cast<const char*>(id));
            xmlFree(id);
            if (is_paragraph_id(key)) {
                const int occurrence = ++seen[key];
                if (occurrence > 1) {
                    // Appended in two steps: g++ 12 warns (-Wrestrict, a false positive) on "#" + string.
                    key += '#';
                    key += std::to_string(occurrence);
                }
                std::string text;
                if (xmlChar* content = xmlNodeGetContent(node)) {
                    text = collapse_spaces(reinterpret_cast<const char*>(content));
                    xmlFree(content);
                }
                out.emplace_back(std::move(key), std::move(text));
                taken = true;
            }
        }
        // A paragraph's text already includes its descendants.
        if (!taken) collect(node->children, seen, out);
    }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> help_paragraphs(std::string_view html) {
    std::vector<std::pair<std::string, std::string>> paragraphs;
    if (html.empty()) return paragraphs;
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
    std::unique_ptr<xmlDoc, DocumentDeleter> document(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options));
    if (!document) return paragraphs;
    std::unordered_map<std::string, int> seen;
    collect(xmlDocGetRootElement(document.get()), seen, paragraphs);
    return paragraphs;
}

std::vector<ParallelText> pair_help_pages(std::string_view danish_html, std::string_view english_html) {
    std::unordered_map<std::string, std::string> english;
    for (auto& [id, text] : help_paragraphs(english_html)) english.emplace(std::move(id), std::move(text));
    std::vector<ParallelText> pairs;
    for (auto& [id, danish] : help_paragraphs(danish_html)) {
        auto found = english.find(id);
        if (found == english.end() || danish.empty() || found->second.empty() || danish == found->second) continue;
        pairs.push_back(ParallelText{std::move(danish), std::move(found->second)});
    }
    return pairs;
}

}  // namespace summalign::detail
