#include "detail/mapped_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <optional>
#include <system_error>
#include <utility>

#include "detail/messages_format.hpp"
#include "summalign/error.hpp"

namespace summalign::detail {

std::string read_head(int fd, std::size_t count, const std::string& name) {
    std::string head;
    char buffer[64];
    while (head.size() < count) {
        const ssize_t got = ::read(fd, buffer, std::min(sizeof buffer, count - head.size()));
        if (got < 0) {
            if (errno == EINTR) continue;
            throw Error(name, head.size(), std::string("cannot read: ") + std::strerror(errno));
        }
        if (got == 0) break;
        head.append(buffer, static_cast<std::size_t>(got));
    }
    return head;
}

std::string read_input_bytes(const std::string& path, std::string_view what) {
    if (path == "-") {
        std::ostringstream content;
        content << std::cin.rdbuf();
        if (std::cin.bad()) throw Error("-", std::nullopt, "cannot read standard input");
        return std::move(content).str();
    }
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) throw Error(path, std::nullopt, "no such file");
    if (std::filesystem::is_directory(status)) throw Error(path, std::nullopt, fmt::format("is a directory, not a {}", what));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, std::nullopt, "cannot open: " + system_reason(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Error(path, std::nullopt, "read error");
    return bytes;
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, std::string_view what) {
    auto temporary = path;
    temporary += fmt::format(".tmp{}", ::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) throw Error(temporary.string(), std::nullopt, fmt::format("cannot create {}", what));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) throw Error(temporary.string(), std::nullopt, fmt::format("cannot write {}", what));
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::filesystem::remove(temporary, ec);
        throw Error(path.string(), std::nullopt, fmt::format("cannot move the new {} into place", what));
    }
}

MappedFile::MappedFile(const std::filesystem::path& path, std::string_view what, Access access) {
    const std::string name = path.string();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(name, std::nullopt, fmt::format("cannot open {}: {}", what, system_reason(errno)));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw Error(name, std::nullopt, "not a regular file");
    }
    const auto size = static_cast<std::size_t>(info.st_size);
    if (size > 0) {
        void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (mapping == MAP_FAILED) {
            const int error = errno;
            ::close(fd);
            throw Error(name, std::nullopt, fmt::format("cannot map {}: {}", what, system_reason(error)));
        }
        if (access == Access::random) ::madvise(mapping, size, MADV_RANDOM);
        mapping_ = mapping;
        size_ = size;
    }
    ::close(fd);
}

MappedFile::~MappedFile() {
    if (mapping_) ::munmap(mapping_, size_);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : mapping_(std::exchange(other.mapping_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (mapping_) ::munmap(mapping_, size_);
        mapping_ = std::exchange(other.mapping_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

}  // namespace summalign::detail
