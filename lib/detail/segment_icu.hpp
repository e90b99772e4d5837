#pragma once
// ICU's sentence break rules on UTF-8 text, reported as byte offsets. The segmenter builds
// on these; the benchmark also scores them alone as the baseline.
#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "summalign/segment.hpp"

#include <unicode/brkiter.h>

namespace summalign::detail {

// A sentence BreakIterator for `lang` that is only ever cloned, never iterated, so that one
// prototype can serve every thread.
class IcuSentenceRules {
public:
    explicit IcuSentenceRules(Lang lang);
    ~IcuSentenceRules();
    IcuSentenceRules(IcuSentenceRules&&) noexcept;
    IcuSentenceRules& operator=(IcuSentenceRules&&) noexcept;

    // Byte offsets where ICU starts a new sentence, strictly inside (0, text.size()).
    std::vector<std::size_t> breaks(std::string_view text) const;

private:
    std::unique_ptr<icu::BreakIterator> prototype_;
};

// Splits `text` at `breaks` (sorted byte offsets) into spans trimmed of white space,
// dropping empty ones.
std::vector<SourceSpan> spans_between(std::string_view text, const std::vector<std::size_t>& breaks);

// ICU alone: the baseline the benchmark compares with.
std::vector<SourceSpan> icu_sentence_spans(std::string_view text, Lang lang);

}  // namespace summalign::detail
