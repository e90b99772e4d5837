#pragma once
// Every source span an article holds, visited once: what moves an article's offsets (a
// stream's window parsed on its own, lib/stream.cpp) and what gives its sentences their
// pages (attach_pages, lib/pdf.cpp) walk the same fields.
#include <cstddef>
#include <optional>
#include <vector>

#include "summalign/journal.hpp"

namespace summalign::detail {

// Calls on_sentence(Sentence&) for every sentence of `article` (title, subtitle, Resumé,
// section headings and sentences, figure captions, the Summary's title and sentences,
// correspondence, references, end notes) and on_span(SourceSpan&) for every other span
// (the Summary block, the structure notes, the whole article).
template <class OnSentence, class OnSpan>
void for_each_span(Article& article, OnSentence&& on_sentence, OnSpan&& on_span) {
    auto optional = [&](std::optional<Sentence>& sentence) {
        if (sentence) on_sentence(*sentence);
    };
    auto all = [&](std::vector<Sentence>& sentences) {
        for (Sentence& sentence : sentences) on_sentence(sentence);
    };
    optional(article.title);
    optional(article.subtitle);
    all(article.resume);
    for (Section& section : article.sections) {
        optional(section.heading);
        all(section.sentences);
    }
    for (Figure& figure : article.figures) on_sentence(figure.caption);
    if (article.summary) {
        optional(article.summary->title);
        all(article.summary->sentences);
        on_span(article.summary->span);
    }
    optional(article.correspondence);
    all(article.references);
    for (EndNote& note : article.end_notes) on_sentence(note.text);
    for (StructureNote& note : article.structure_notes) on_span(note.span);
    on_span(article.span);
}

}  // namespace summalign::detail
