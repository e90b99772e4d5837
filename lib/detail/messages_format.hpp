#pragma once
// Texts for a person made with values: in the Messages' language (format_message), or in
// English as the catalog's key (error_text, system_reason) for an Error that
// Messages::translate_error puts into the user's language later. The English text is the
// catalog key; its translation may number the values ({0}, {1}) to put them in another order.
// A translation fmt cannot format gives the English text rather than an exception.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

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

// The text of an Error with values (a damaged file's "line {}: ...", a field outside the
// file), in English: `english` with {} for each value, the values put in. `english` is the
// catalog's key (cmake/messages.cmake gives xgettext error_text as a keyword), so that
// Messages::translate_error finds the translation of the whole text by it.
template <class... Args>
std::string error_text(fmt::format_string<Args...> english, Args&&... args) {
    return fmt::format(english, std::forward<Args>(args)...);
}

// A reason the system gives (errno) that the command and the library can meet, with its text
// as the GNU C library words it: the catalog's key for it (xgettext keyword SystemReason:2).
struct SystemReason {
    constexpr SystemReason(int errno_value, const char* text) : number(errno_value), english(text) {}
    int number;
    const char* english;
};

inline constexpr SystemReason system_reasons[] = {
    SystemReason(ENOENT, "No such file or directory"),
    SystemReason(EACCES, "Permission denied"),
    SystemReason(EPERM, "Operation not permitted"),
    SystemReason(ENOSPC, "No space left on device"),
    SystemReason(EDQUOT, "Disk quota exceeded"),
    SystemReason(EFBIG, "File too large"),
    SystemReason(EISDIR, "Is a directory"),
    SystemReason(ENOTDIR, "Not a directory"),
    SystemReason(ENOTEMPTY, "Directory not empty"),
    SystemReason(EEXIST, "File exists"),
    SystemReason(EBADF, "Bad file descriptor"),
    SystemReason(EPIPE, "Broken pipe"),
    SystemReason(EROFS, "Read-only file system"),
    SystemReason(EIO, "Input/output error"),
    SystemReason(ENAMETOOLONG, "File name too long"),
    SystemReason(ELOOP, "Too many levels of symbolic links"),
    SystemReason(EMFILE, "Too many open files"),
    SystemReason(ENFILE, "Too many open files in system"),
    SystemReason(ENOMEM, "Cannot allocate memory"),
    SystemReason(EXDEV, "Invalid cross-device link"),
    SystemReason(EBUSY, "Device or resource busy"),
    SystemReason(ETXTBSY, "Text file busy"),
    SystemReason(EINVAL, "Invalid argument"),
    SystemReason(EAGAIN, "Resource temporarily unavailable"),
    SystemReason(EINTR, "Interrupted system call"),
    SystemReason(ENXIO, "No such device or address"),
    SystemReason(ENODEV, "No such device"),
    SystemReason(ESPIPE, "Illegal seek"),
    SystemReason(EMLINK, "Too many links"),
    SystemReason(EOVERFLOW, "Value too large for defined data type"),
    SystemReason(ESTALE, "Stale file handle"),
    SystemReason(ECONNRESET, "Connection reset by peer"),
    SystemReason(EOPNOTSUPP, "Operation not supported"),
};

// The English reason for errno `number`: the table's text (the catalog's key), strerror's for
// a number the table does not have.
inline std::string system_reason(int number) {
    for (const SystemReason& reason : system_reasons)
        if (reason.number == number) return reason.english;
    return std::strerror(number);
}

}  // namespace summalign::detail
