// The library's streaming (summalign/stream.hpp): text arriving in pieces is cut into articles
// window by window with the offsets of the whole stream, aligned articles come back in order
// whatever the number of threads, and a bad byte is reported with its offset in the stream.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "summalign/export.hpp"
#include "summalign/journal.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/stream.hpp"
#include "test_util.hpp"

using summalign::Article;
using summalign::ByteSource;
using summalign::Error;
using summalign::SourceSpan;
using summalign::StreamOptions;
using summalign::StreamWindow;

namespace {

// `copies` copies of the seed article, each followed by a blank line.
std::string seed_copies(std::size_t copies) {
    const std::string article = summalign::test::read_file(summalign::test::seed_path());
    std::string text;
    for (std::size_t i = 0; i < copies; ++i) text += article + "\n";
    return text;
}

// A writer that hands over `piece` bytes at a time and pauses after each (more_waiting() is
// false): the stream is parsed after every piece that grows it enough, so windows end inside
// articles.
class PieceSource final : public ByteSource {
public:
    PieceSource(std::string text, std::size_t piece) : ByteSource("pieces.txt"), text_(std::move(text)), piece_(piece) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t n = std::min({size, piece_, text_.size() - at_});
        std::memcpy(buffer, text_.data() + at_, n);
        at_ += n;
        ++reads;
        return n;
    }
    bool more_waiting() override { return false; }
    std::size_t reads = 0;

private:
    std::string text_;
    std::size_t piece_;
    std::size_t at_ = 0;
};

// Every sentence span of an article, in field order, and the article's own.
std::vector<SourceSpan> spans(const Article& article) {
    std::vector<SourceSpan> all{article.span};
    auto add = [&](const summalign::Sentence& s) { all.push_back(s.span); };
    if (article.title) add(*article.title);
    for (const auto& s : article.resume) add(s);
    for (const auto& section : article.sections)
        for (const auto& s : section.sentences) add(s);
    if (article.summary) {
        all.push_back(article.summary->span);
        for (const auto& s : article.summary->sentences) add(s);
    }
    return all;
}

const summalign::Aligner& shared_aligner() {
    static const summalign::Aligner aligner({}, 3);
    return aligner;
}

}  // namespace

TEST_CASE("parse_stream: windows ending inside articles give the articles and offsets of the whole text", "[stream]") {
    const std::string text = seed_copies(5);
    const summalign::Parser parser;
    const summalign::Document whole = parser.parse(summalign::make_source(text, "whole.txt"));
    REQUIRE(whole.articles.size() >= 5);

    // 3,000 bytes at a time: every article (16 kB) arrives in several pieces, and the text is
    // parsed again after most of them while its last article is incomplete.
    PieceSource source(text, 3000);
    std::vector<Article> streamed;
    std::vector<std::size_t> firsts;
    std::size_t windows = 0;
    StreamOptions options;
    options.min_window = 0;
    const std::size_t count = summalign::parse_stream(
        parser, source,
        [&](std::vector<Article>&& articles, std::size_t first, const StreamWindow& window) {
            ++windows;
            firsts.push_back(first);
            CHECK(first == streamed.size());
            // The window's bytes are the stream's from `base` on.
            CHECK(text.compare(window.base, window.bytes.size(), window.bytes) == 0);
            CHECK(window.lines_before == static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(window.base), '\n')));
            for (Article& article : articles) streamed.push_back(std::move(article));
        },
        options);
    CHECK(source.reads > 5 * 16000 / 3000);
    CHECK(windows > 1);  // handed over in several windows, not at the end at once
    REQUIRE(count == whole.articles.size());
    REQUIRE(streamed.size() == whole.articles.size());
    for (std::size_t i = 0; i < streamed.size(); ++i) {
        INFO("article " << i);
        CHECK(spans(streamed[i]) == spans(whole.articles[i]));
        CHECK(streamed[i].title.has_value() == whole.articles[i].title.has_value());
        if (streamed[i].title && whole.articles[i].title) CHECK(streamed[i].title->text == whole.articles[i].title->text);
    }
}

TEST_CASE("parse_stream: an input shorter than min_window is parsed whole, and its repairs handed over with stream offsets",
          "[stream]") {
    const std::string text = seed_copies(2);
    const summalign::Parser parser;
    const summalign::Document whole = parser.parse(summalign::make_source(text, "whole.txt"));
    std::istringstream in(text);
    auto source = summalign::istream_source(in, "in.txt");
    std::vector<Article> streamed;
    std::vector<summalign::Repair> repairs;
    StreamOptions options;
    options.repairs = [&](std::vector<summalign::Repair>&& handed) {
        repairs.insert(repairs.end(), handed.begin(), handed.end());
    };
    summalign::parse_stream(
        parser, *source,
        [&](std::vector<Article>&& articles, std::size_t, const StreamWindow&) {
            for (Article& a : articles) streamed.push_back(std::move(a));
        },
        options);
    REQUIRE(streamed.size() == whole.articles.size());
    for (std::size_t i = 0; i < streamed.size(); ++i) CHECK(spans(streamed[i]) == spans(whole.articles[i]));
    REQUIRE(repairs.size() == whole.repairs.size());
    for (std::size_t i = 0; i < repairs.size(); ++i) {
        CHECK(repairs[i].span.start == whole.repairs[i].span.start);
        CHECK(repairs[i].span.end == whole.repairs[i].span.end);
    }
}

TEST_CASE("align_in_order hands articles over in order, the same with 1 and 3 threads", "[stream]") {
    const summalign::Aligner& aligner = shared_aligner();
    const std::string text = seed_copies(4);
    const summalign::Document document = aligner.parser().parse(summalign::make_source(text, "four.txt"));
    REQUIRE(document.articles.size() >= 4);
    auto run = [&](unsigned threads) {
        std::vector<std::size_t> order;
        std::ostringstream out;
        summalign::DocumentWriter writer(out, summalign::Format::jsonl);
        writer.begin(document);
        summalign::align_in_order(aligner, document.articles, text, threads,
                                  [&](std::size_t index, summalign::FinishedArticle&& finished) {
                                      order.push_back(index);
                                      writer.add(document.articles[index], index, finished.aligned);
                                  });
        writer.end(document);
        return std::make_pair(order, out.str());
    };
    const auto one = run(1);
    const auto three = run(3);
    std::vector<std::size_t> in_order(document.articles.size());
    for (std::size_t i = 0; i < in_order.size(); ++i) in_order[i] = i;
    CHECK(one.first == in_order);
    CHECK(three.first == one.first);
    CHECK(three.second == one.second);
    // And what Aligner::align_articles gives for the document.
    const auto expected = aligner.align_articles(document, text, 1);
    std::ostringstream out;
    summalign::DocumentWriter writer(out, summalign::Format::jsonl);
    writer.begin(document);
    for (std::size_t i = 0; i < expected.size(); ++i) writer.add(document.articles[i], i, expected[i]);
    writer.end(document);
    CHECK(one.second == out.str());
}

TEST_CASE("align_in_order rethrows what the sink throws and stops the workers", "[stream]") {
    const summalign::Aligner& aligner = shared_aligner();
    const std::string text = seed_copies(3);
    const summalign::Document document = aligner.parser().parse(summalign::make_source(text, "three.txt"));
    std::size_t handed = 0;
    CHECK_THROWS_WITH(summalign::align_in_order(aligner, document.articles, text, 3,
                                                [&](std::size_t, summalign::FinishedArticle&&) {
                                                    if (++handed == 2) throw Error("out.txt", std::nullopt, "disk full");
                                                }),
                      "out.txt: disk full");
    CHECK(handed == 2);
}

TEST_CASE("align_stream: findings in stream offsets, in order, the same with 1 and 3 threads", "[stream]") {
    const summalign::Aligner& aligner = shared_aligner();
    const std::string text = seed_copies(3);
    auto run = [&](unsigned threads) {
        PieceSource source(text, 5000);
        std::vector<std::size_t> order;
        std::vector<summalign::AlignedArticle> aligned;
        std::vector<Article> articles;
        StreamOptions options;
        options.threads = threads;
        options.min_window = 0;
        summalign::align_stream(
            aligner, source,
            [&](std::size_t index, const Article& article, summalign::AlignedArticle&& a, const StreamWindow&) {
                order.push_back(index);
                articles.push_back(article);
                aligned.push_back(std::move(a));
            },
            options);
        return std::make_tuple(order, articles, aligned);
    };
    const auto [order1, articles1, aligned1] = run(1);
    const auto [order3, articles3, aligned3] = run(3);
    // What the whole text gives, aligned at once (the windows here parse as the whole text
    // does: parse_stream's test).
    const summalign::AlignedDocument whole = aligner.align(summalign::make_source(text, "whole.txt"));
    const std::size_t count = whole.document.articles.size();
    std::vector<std::size_t> in_order(count);
    for (std::size_t i = 0; i < count; ++i) in_order[i] = i;
    CHECK(order1 == in_order);
    CHECK(order3 == in_order);
    REQUIRE(aligned1.size() == count);
    REQUIRE(aligned3.size() == count);
    std::size_t findings = 0;
    for (std::size_t a = 0; a < count; ++a) {
        INFO("article " << a);
        CHECK(spans(articles1[a]) == spans(whole.document.articles[a]));
        CHECK(spans(articles3[a]) == spans(articles1[a]));
        const auto& expected = whole.articles[a].findings;
        REQUIRE(aligned1[a].findings.size() == expected.size());
        REQUIRE(aligned3[a].findings.size() == expected.size());
        for (std::size_t f = 0; f < expected.size(); ++f) {
            ++findings;
            for (const auto* got : {&aligned1[a].findings[f], &aligned3[a].findings[f]}) {
                CHECK(got->span.start == expected[f].span.start);
                CHECK(got->span.end == expected[f].span.end);
                CHECK(got->sentence_span.start == expected[f].sentence_span.start);
                CHECK(got->message == expected[f].message);
            }
        }
    }
    CHECK(findings > 0);
}

TEST_CASE("a bad byte in a later window is reported with the file and its offset in the stream", "[stream]") {
    std::string text = seed_copies(3);
    const std::size_t bad = text.size() - 100;
    text[bad] = '\xff';
    const summalign::Parser parser;
    PieceSource source(text, 4000);
    StreamOptions options;
    options.min_window = 0;
    std::size_t handed = 0;
    try {
        summalign::parse_stream(
            parser, source, [&](std::vector<Article>&& articles, std::size_t, const StreamWindow&) { handed += articles.size(); },
            options);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.file() == "pieces.txt");
        REQUIRE(e.offset());
        CHECK(*e.offset() == bad);
        CHECK(std::string(e.what()).starts_with("pieces.txt: byte " + std::to_string(bad) + ": "));
    }
    // The articles complete before the bad line arrived were handed over.
    CHECK(handed > 0);

    // make_source_at itself, for a piece starting at byte 1000.
    try {
        summalign::make_source_at(std::string("ok\n\xff"), "x.txt", 1000);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.offset() == std::optional<std::size_t>(1003));
        CHECK(std::string(e.what()).starts_with("x.txt: byte 1003: "));
    }
}

TEST_CASE("file_source reads a text file and refuses what is not one", "[stream]") {
    summalign::test::TempDir dir;
    const std::string text = seed_copies(2);
    const auto path = dir.write("two.txt", text).string();
    const summalign::Parser parser;
    auto source = summalign::file_source(path);
    CHECK(source->name() == path);
    std::size_t count = 0;
    StreamOptions options;
    options.min_window = 0;
    summalign::parse_stream(parser, *source, [&](std::vector<Article>&& a, std::size_t, const StreamWindow&) { count += a.size(); },
                            options);
    CHECK(count == parser.parse(summalign::make_source(text, "two.txt")).articles.size());

    CHECK_THROWS_WITH(summalign::file_source((dir.path() / "nosuch.txt").string()), Catch::Contains("nosuch.txt: no such file"));
    CHECK_THROWS_WITH(summalign::file_source(dir.path().string()), Catch::Contains("is a directory"));
    const auto pdf = dir.write("a.pdf", "%PDF-1.4\n%%EOF\n").string();
    CHECK_THROWS_WITH(summalign::file_source(pdf), Catch::Contains("is a PDF"));
}

TEST_CASE("descriptor_source: a pipe written in pauses, its first bytes already read, gives the whole text's articles",
          "[stream]") {
    const std::string text = seed_copies(3);
    const summalign::Parser parser;
    const summalign::Document whole = parser.parse(summalign::make_source(text, "whole.txt"));
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    // The writer pauses between pieces, so more_waiting() is false at times and the text held
    // is parsed while the rest has not arrived.
    std::thread writer([&] {
        for (std::size_t at = 5; at < text.size(); at += 7000) {
            const std::string_view piece = std::string_view(text).substr(at, 7000);
            for (std::size_t done = 0; done < piece.size();) {
                const ssize_t n = ::write(fds[1], piece.data() + done, piece.size() - done);
                if (n <= 0) break;
                done += static_cast<std::size_t>(n);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        ::close(fds[1]);
    });
    auto source = summalign::descriptor_source(fds[0], "-", text.substr(0, 5));
    std::vector<Article> streamed;
    StreamOptions options;
    options.min_window = 0;
    summalign::parse_stream(
        parser, *source,
        [&](std::vector<Article>&& articles, std::size_t, const StreamWindow&) {
            for (Article& a : articles) streamed.push_back(std::move(a));
        },
        options);
    writer.join();
    ::close(fds[0]);
    REQUIRE(streamed.size() == whole.articles.size());
    for (std::size_t i = 0; i < streamed.size(); ++i) CHECK(spans(streamed[i]) == spans(whole.articles[i]));
}
