#pragma once
// Long text without sentence ends, for tests and benchmarks of hostile input: copies of a
// pattern, each with names of its own, so that no set of distinct words stays small.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace summalign::test {

// A name of letters only for block `n`, none shared by two blocks ("Qora", "Qorb", …, "Qorab").
inline std::string block_name(std::size_t n, std::string_view head) {
    std::string out(head);
    do {
        out += static_cast<char>('a' + n % 26);
        n /= 26;
    } while (n > 0);
    return out;
}

// `blocks` copies of `pattern` joined as they are (an extraction with no full stops), each
// mark of `names` ("{a}") replaced by the block's name with the head given for it ("Qor").
inline std::string hostile_text(std::size_t blocks, std::string_view pattern,
                                std::initializer_list<std::pair<std::string_view, std::string_view>> names) {
    std::string out;
    for (std::size_t b = 0; b < blocks; ++b) {
        std::string block(pattern);
        for (const auto& [mark, head] : names)
            for (std::size_t at = block.find(mark); at != std::string::npos; at = block.find(mark))
                block.replace(at, mark.size(), block_name(b, head));
        out += block;
    }
    return out;
}

}  // namespace summalign::test
