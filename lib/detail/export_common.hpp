#pragma once
// Helpers shared by the writers of every export format (JSON, JSONL, TSV, TMX, HTML).
#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "summalign/align.hpp"
#include "detail/messages_format.hpp"
#include "summalign/error.hpp"
#include "summalign/journal.hpp"
#include "summalign/pipeline.hpp"

namespace summalign::detail {

// The version written into TMX headers and HTML reports.
std::string_view export_tool_version() noexcept;

// Throws Error unless `aligned` is empty or has one entry per article of `document`.
void check_aligned_matches(const Document& document, std::span<const AlignedArticle> aligned);

// "2,3": sentence indices comma-separated, as TSV columns and TMX props write them.
std::string indices_text(const std::vector<std::size_t>& indices);

// The texts of sentences[indices...] joined by single spaces; indices out of range are
// skipped (a bead from a stale alignment must not crash an export).
std::string joined_text(const std::vector<Sentence>& sentences, const std::vector<std::size_t>& indices);

// The English Summary sentences of `article` (empty when it has no Summary).
const std::vector<Sentence>& summary_sentences(const Article& article);

// "Ugeskr Læger 2003;165:4850-4852" (Vancouver style); empty when fields are missing.
std::string citation_text(const Citation& citation);

// The Danish title as a translator sees it: "Title: Subtitle", or "Title – subtitle" when
// the subtitle opens with a dash, or "Title? Subtitle" when the title ends in punctuation.
std::string article_title_text(const Article& article);

// Replaces characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR, and DEL)
// by spaces, and invalid UTF-8 sequences by U+FFFD, so that any text yields well-formed output.
std::string xml_safe(std::string_view text);

// Fixed-precision score text ("0.8125"); NaN and infinities become "nan"/"inf".
std::string score_text(double score);

// Bytes that must wait until the end of the output (a document's repairs after its articles,
// the report's sections after its table of contents): an anonymous temporary file
// (tmpfile(3): removed by the system however the process ends), so that they cost no memory.
class Spool {
public:
    Spool() = default;
    Spool(const Spool&) = delete;
    Spool& operator=(const Spool&) = delete;
    ~Spool() { reset(); }

    bool empty() const noexcept { return bytes_ == 0; }

    void write(std::string_view bytes) {
        if (bytes.empty()) return;
        if (!file_) {
            file_ = std::tmpfile();
            if (!file_) throw Error("cannot create a temporary file: " + system_reason(errno));
        }
        if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
            throw Error("cannot write a temporary file: " + system_reason(errno));
        bytes_ += bytes.size();
    }

    // Writes everything spooled to `out` and empties the spool.
    void copy_to(std::ostream& out) {
        if (!file_) return;
        if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)
            throw Error("cannot read back a temporary file: " + system_reason(errno));
        std::vector<char> chunk(1 << 16);
        std::size_t left = bytes_;
        while (left > 0) {
            const std::size_t got = std::fread(chunk.data(), 1, std::min(chunk.size(), left), file_);
            if (got == 0) throw Error("cannot read back a temporary file: it ended early");
            out.write(chunk.data(), static_cast<std::streamsize>(got));
            left -= got;
        }
        reset();
    }

    void reset() noexcept {
        if (file_) std::fclose(file_);
        file_ = nullptr;
        bytes_ = 0;
    }

private:
    std::FILE* file_ = nullptr;
    std::size_t bytes_ = 0;
};


}  // namespace summalign::detail
