#pragma once
// Scoring sentence segmentation against Universal Dependencies gold sentences: the running
// text is built the standard way (see ../shared/README.md) and boundaries are compared as
// byte offsets of sentence ends. Shared by bench/segment_ud.cpp and tests/test_segment.cpp.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/segment.hpp"

namespace summalign::detail {

struct GoldText {
    std::string text;                     // running text built from the gold sentences
    std::vector<std::size_t> sentence_ends;  // byte offset just past each gold sentence
};

// Joins the `# text = ` sentences of a CoNLL-U file: with a space after a sentence ending
// in . ! ? " ) », with a line break otherwise (headlines, bylines).
GoldText build_running_text(std::string_view conllu);

struct BoundaryScore {
    std::size_t true_positives = 0;
    std::size_t false_positives = 0;
    std::size_t false_negatives = 0;
    double precision() const noexcept;
    double recall() const noexcept;
    double f1() const noexcept;
};

// Compares the sentence ends of `predicted` with `gold_ends`. The end of the text is a
// boundary every segmenter finds, so it is left out of both sides.
BoundaryScore score_boundaries(const std::vector<std::size_t>& gold_ends, const std::vector<SourceSpan>& predicted,
                               std::size_t text_size);

}  // namespace summalign::detail
