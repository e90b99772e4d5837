#pragma once
// Sentence segmentation for Danish and English: ICU's sentence rules plus the
// abbreviation knowledge (f.eks., bl.a., m. gastrocnemius, e.g., et al, [13].) they lack.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/error.hpp"
#include "summalign/types.hpp"

namespace summalign {

// What a line break inside the text means. Blank lines (paragraph breaks) always end a sentence.
enum class LineBreaks {
    // A line break ends a sentence where the line ends with sentence punctuation (as any
    // sentence end), or where a line without it (a headline, a byline) is followed by a line
    // that does not start in lower case. In hard-wrapped prose (at least three lines, most of
    // them about as wide as the 90th-percentile line) a line counts as a headline only when
    // the next line's first word would have fitted on it (with a 10% margin); other lines
    // are joined, so wrapped prose is not cut at every line.
    automatic,
    // Every line break ends a sentence (one sentence or headline per line).
    end_sentence,
    // A line break is a space.
    join,
};

struct SplitOptions {
    LineBreaks line_breaks = LineBreaks::automatic;
};

// Built once per language (loads the abbreviation list from data/), then shared:
// split() is const and safe to call from several threads at once.
class Segmenter {
public:
    explicit Segmenter(Lang lang);
    ~Segmenter();
    Segmenter(Segmenter&&) noexcept;
    Segmenter& operator=(Segmenter&&) noexcept;

    Lang lang() const noexcept;
    // Sentence spans of `text` (one paragraph or more of running text, already repaired),
    // trimmed of surrounding white space; empty sentences are not returned. Linear in the
    // length of the text. The one-argument form uses LineBreaks::automatic.
    std::vector<SourceSpan> split(std::string_view text) const;
    std::vector<SourceSpan> split(std::string_view text, const SplitOptions& options) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace summalign
