#pragma once
// What aligning and checking gives for an article and a document (Aligner::align, and what
// write_document and DocumentWriter write): the alignment with the findings beside it.
#include <vector>

#include "summalign/align.hpp"
#include "summalign/check.hpp"
#include "summalign/journal.hpp"

namespace summalign {

struct AlignedArticle {
    ArticleAlignment alignment;
    std::vector<Finding> findings;
};

struct AlignedDocument {
    Document document;
    std::vector<AlignedArticle> articles;  // parallel to document.articles
};

}  // namespace summalign
