#pragma once
// A message with values in the Messages' language. The English text is the catalog key;
// its translation may number the values ({0}, {1}) to put them in another order. A
// translation fmt cannot format gives the English text rather than an exception.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "summalign/messages.hpp"

namespace summalign::detail {

template <class... Args>
std::string format_message(const Messages& messages, std::string_view english, const Args&... args) {
    if (messages.language() != Lang::en) {
        try {
            return fmt::format(fmt::runtime(messages.translate(english)), args...);
        } catch (const fmt::format_error&) {
        }
    }
    return fmt::format(fmt::runtime(english), args...);
}

}  // namespace summalign::detail
