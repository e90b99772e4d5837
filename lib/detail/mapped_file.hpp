#pragma once
// Whole-file I/O. Inputs are read whole (a file or standard input). The data files built at
// build time (the learned lexicon, the spelling index) are written whole through a temporary
// file and read through a read-only memory map: one copy of each file's pages serves every
// thread and every process that maps it.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace summalign::detail {

// The bytes of the file `path`, or of standard input for "-". Throws Error naming the file
// (no such file, a directory: "is a directory, not a <what>", cannot open, read error).
std::string read_input_bytes(const std::string& path, std::string_view what);

// Up to `count` bytes from the descriptor `fd`, fewer at the end of input (a stream's head,
// read to tell a PDF or an encoding before the rest). A read error throws Error naming `name`.
std::string read_head(int fd, std::size_t count, const std::string& name);

// Writes `bytes` to `path` through a temporary file beside it and a rename, so that a reader
// never sees a half-written file. `what` names the file in errors ("lexicon file").
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, std::string_view what);

// A read-only memory map of a whole regular file, unmapped on destruction. Move-only; the
// mapped bytes keep their address when the object is moved.
class MappedFile {
public:
    enum class Access { normal, random };

    MappedFile() = default;
    // Throws Error naming `path` ("cannot open <what>: ...", "not a regular file", "cannot
    // map <what>: ..."). `Access::random` tells the kernel not to read ahead around each
    // touched page (for hash tables probed at random places).
    MappedFile(const std::filesystem::path& path, std::string_view what, Access access = Access::normal);
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const noexcept { return {static_cast<const char*>(mapping_), size_}; }

private:
    void* mapping_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace summalign::detail
