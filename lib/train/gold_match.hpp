#pragma once
// How a sentence of a hand-written gold file (corpus/gold/*.json) is found among the parsed
// ones: by text, not index, since the gold's repairs and the parser's may differ in spaces,
// hyphens and quotes, and a segmentation may differ at one end (a spliced caption, a joined
// label). Shared by `summalign eval` and the seed tests, so both judge the same way.
#include <cctype>
#include <string>

namespace summalign::detail {

// Letters and digits only, ASCII lower-cased.
inline std::string gold_normalised(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        if (c < 0x80 && !std::isalnum(c)) continue;
        out.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
    }
    return out;
}

inline bool same_sentence(const std::string& a, const std::string& b) {
    const auto x = gold_normalised(a), y = gold_normalised(b);
    if (x == y) return true;
    const auto& shorter = x.size() < y.size() ? x : y;
    const auto& longer = x.size() < y.size() ? y : x;
    return shorter.size() >= 30 && longer.find(shorter) != std::string::npos;
}

}  // namespace summalign::detail
