// DocumentWriter (article by article, for bounded memory) must write exactly the bytes
// write_document (the whole document at once, through one JSON tree / XML document) writes.
#include <catch2/catch.hpp>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "export_fixture.hpp"
#include "summalign/export.hpp"

using namespace summalign;

namespace {

std::string whole(Format format, const Document& document, const std::vector<AlignedArticle>& aligned,
                  const ExportOptions& options = {}) {
    std::ostringstream out;
    write_document(out, format, document, aligned, options);
    return out.str();
}

std::string piecewise(Format format, const Document& document, const std::vector<AlignedArticle>& aligned,
                      const ExportOptions& options = {}) {
    std::ostringstream out;
    DocumentWriter writer(out, format, options);
    writer.begin(document);
    for (std::size_t i = 0; i < aligned.size(); ++i) writer.add(document.articles[i], i, aligned[i]);
    writer.end(document);
    return out.str();
}

}  // namespace

TEST_CASE("DocumentWriter writes the same bytes as write_document in every format", "[export][writer]") {
    const Document document = test::sample_document();
    const std::vector<AlignedArticle> aligned = test::sample_aligned();
    REQUIRE(document.articles.size() >= 2);
    for (Format format : {Format::json, Format::jsonl, Format::tsv, Format::tmx, Format::html}) {
        INFO("format " << to_string(format));
        const std::string expected = whole(format, document, aligned);
        REQUIRE(!expected.empty());
        CHECK(piecewise(format, document, aligned) == expected);
    }
}

TEST_CASE("DocumentWriter JSON matches with compact output, without repairs, and with no articles", "[export][writer]") {
    const Document document = test::sample_document();
    const std::vector<AlignedArticle> aligned = test::sample_aligned();
    ExportOptions compact;
    compact.pretty = false;
    CHECK(piecewise(Format::json, document, aligned, compact) == whole(Format::json, document, aligned, compact));
    ExportOptions no_repairs;
    no_repairs.include_repairs = false;
    CHECK(piecewise(Format::json, document, aligned, no_repairs) == whole(Format::json, document, aligned, no_repairs));
    for (bool pretty : {true, false}) {
        ExportOptions options;
        options.pretty = pretty;
        Document empty;
        empty.source_name = "empty.txt";
        CHECK(piecewise(Format::json, empty, {}, options) == whole(Format::json, empty, {}, options));
    }
}

TEST_CASE("DocumentWriter writes one TSV header for several documents, and JSONL lines for each", "[export][writer]") {
    const Document document = test::sample_document();
    const std::vector<AlignedArticle> aligned = test::sample_aligned();
    for (Format format : {Format::tsv, Format::jsonl}) {
        std::ostringstream out;
        DocumentWriter writer(out, format);
        for (int copy = 0; copy < 2; ++copy) {
            writer.begin(document);
            for (std::size_t i = 0; i < aligned.size(); ++i) writer.add(document.articles[i], i, aligned[i]);
            writer.end(document);
        }
        const std::string one = whole(format, document, aligned);
        if (format == Format::jsonl) {
            CHECK(out.str() == one + one);
        } else {
            const std::string rows = one.substr(one.find('\n') + 1);
            CHECK(out.str() == one + rows);
        }
    }
}

namespace {

// The two-step way: every article rendered first (in reverse order, as threads finishing
// out of order would), the closing too, and only then written in order.
std::string rendered_apart(Format format, const Document& document, const std::vector<AlignedArticle>& aligned,
                           const ExportOptions& options = {}) {
    std::ostringstream out;
    DocumentWriter writer(out, format, options);
    writer.begin(document);
    std::vector<std::string> pieces(aligned.size());
    for (std::size_t i = aligned.size(); i-- > 0;) pieces[i] = writer.render(document.articles[i], i, aligned[i]);
    const std::string closing = writer.render_end(document);
    for (const std::string& piece : pieces) writer.add_rendered(piece);
    writer.end(document, closing);
    return out.str();
}

}  // namespace

TEST_CASE("DocumentWriter render/add_rendered and render_end/end write the bytes of write_document", "[export][writer]") {
    const Document document = test::sample_document();
    const std::vector<AlignedArticle> aligned = test::sample_aligned();
    REQUIRE(document.articles.size() >= 2);
    for (Format format : {Format::json, Format::jsonl, Format::tsv}) {
        INFO("format " << to_string(format));
        std::ostringstream sink;
        CHECK(DocumentWriter(sink, format).renders_articles());
        for (bool pretty : {true, false}) {
            ExportOptions options;
            options.pretty = pretty;
            const std::string expected = whole(format, document, aligned, options);
            REQUIRE(!expected.empty());
            CHECK(rendered_apart(format, document, aligned, options) == expected);
        }
    }
    Document empty;
    empty.source_name = "empty.txt";
    CHECK(rendered_apart(Format::json, empty, {}) == whole(Format::json, empty, {}));
}

TEST_CASE("DocumentWriter says that tmx and html cannot be rendered article by article", "[export][writer]") {
    const Document document = test::sample_document();
    const std::vector<AlignedArticle> aligned = test::sample_aligned();
    for (Format format : {Format::tmx, Format::html}) {
        INFO("format " << to_string(format));
        std::ostringstream out;
        DocumentWriter writer(out, format);
        CHECK_FALSE(writer.renders_articles());
        writer.begin(document);
        CHECK_THROWS_AS(writer.render(document.articles[0], 0, aligned[0]), summalign::Error);
        CHECK_THROWS_AS(writer.add_rendered("x"), summalign::Error);
        // The two-step end still works: these formats make their closing at end().
        for (std::size_t i = 0; i < aligned.size(); ++i) writer.add(document.articles[i], i, aligned[i]);
        writer.end(document, writer.render_end(document));
        CHECK(out.str() == whole(format, document, aligned));
    }
}

TEST_CASE("DocumentWriter JSON closing matches write_document for many repairs, pretty and compact", "[export][writer]") {
    // More repairs than one chunk of the piecewise closing (it dumps a few thousand at a time).
    Document document = test::sample_document();
    const std::vector<AlignedArticle> aligned = test::sample_aligned();
    for (std::size_t i = 0; i < 10'001; ++i) {
        Repair repair;
        repair.kind = i % 2 ? Repair::Kind::label_split : document.repairs.front().kind;
        repair.span.start = i * 3;
        repair.span.end = i * 3 + 2;
        repair.detail = "\"quoted\" \\ tab\there æøå #" + std::to_string(i);
        document.repairs.push_back(repair);
    }
    for (bool pretty : {true, false}) {
        INFO("pretty " << pretty);
        ExportOptions options;
        options.pretty = pretty;
        const std::string expected = whole(Format::json, document, aligned, options);
        CHECK(expected.find("#10000") != std::string::npos);
        CHECK(piecewise(Format::json, document, aligned, options) == expected);
        CHECK(rendered_apart(Format::json, document, aligned, options) == expected);
    }
}
