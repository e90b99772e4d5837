// align_texts: the ladder over two lists of segments, for callers that hold plain text
// (the align-text command, the Python module) rather than prepared sentences.
#include "summalign/align.hpp"

#include "detail/api_edge.hpp"

namespace summalign {

std::vector<Bead> align_texts(const SentenceScorer& scorer, std::span<const std::string> danish,
                              std::span<const std::string> english, const LadderOptions& options) {
    return detail::at_api_edge("align_texts", [&] {
        std::vector<PreparedSentence> prepared_danish, prepared_english;
        prepared_danish.reserve(danish.size());
        prepared_english.reserve(english.size());
        for (const auto& segment : danish) prepared_danish.push_back(scorer.prepare(segment, Lang::da));
        for (const auto& segment : english) prepared_english.push_back(scorer.prepare(segment, Lang::en));
        return align_ladder(scorer, prepared_danish, prepared_english, options);
    });
}

}  // namespace summalign
