// Loads the HTML report in a real headless browser (Debian's chromium): the inline script
// must run without console errors, draw one link per two-sided bead, and the page must
// render (a screenshot is left in the build directory for a person to look at).
// Skipped with a warning when chromium is not installed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "export_fixture.hpp"
#include "summalign/export.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/text.hpp"

namespace fs = std::filesystem;

namespace {

std::string find_chromium() {
    const char* path = std::getenv("PATH");
    std::stringstream directories(path ? path : "/usr/bin:/bin");
    for (std::string directory; std::getline(directories, directory, ':');) {
        for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
            const fs::path candidate = fs::path(directory) / name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        }
    }
    return {};
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
    return count;
}

// The build directory's tests/ folder (where this executable lives), so that the report
// and the screenshot stay with the build.
fs::path output_directory(const std::string& name) {
    std::error_code error;
    fs::path directory = fs::read_symlink("/proc/self/exe", error).parent_path();
    if (error || directory.empty()) directory = fs::temp_directory_path();
    directory /= name;
    fs::create_directories(directory);
    return directory;
}

struct BrowserRun {
    int exit_code = -1;
    std::string stdout_text;
    std::string stderr_text;
};

// Runs chromium headless on `page` with `action` (--dump-dom or --screenshot=...), offline
// and with a throw-away profile.
BrowserRun run_chromium(const std::string& chromium, const fs::path& page, const fs::path& work,
                        const std::string& action) {
    std::string profile_template = (fs::temp_directory_path() / "summalign-chromium-XXXXXX").string();
    std::vector<char> profile_buffer(profile_template.begin(), profile_template.end());
    profile_buffer.push_back('\0');
    const char* profile = ::mkdtemp(profile_buffer.data());
    REQUIRE(profile != nullptr);

    const fs::path out = work / "chromium.stdout";
    const fs::path err = work / "chromium.stderr";
    const std::string command =
        "timeout 120 '" + chromium +
        "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking"
        " --disable-component-update --disable-sync --hide-scrollbars --window-size=1280,2200 --user-data-dir='" +
        std::string(profile) + "' --enable-logging=stderr --v=0 " + action + " 'file://" + page.string() + "' > '" +
        out.string() + "' 2> '" + err.string() + "'";
    BrowserRun run;
    const int status = std::system(command.c_str());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.stdout_text = read_file(out);
    run.stderr_text = read_file(err);
    std::error_code ignored;
    fs::remove_all(profile, ignored);
    return run;
}

// Console messages (console.error, uncaught exceptions) appear in chromium's log as
// "...:INFO:CONSOLE(line)] "message", source: ..."; the report logs nothing itself.
std::vector<std::string> console_lines(const std::string& log) {
    std::vector<std::string> lines;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.find(":CONSOLE") != std::string::npos) lines.push_back(line);
    }
    return lines;
}

fs::path write_report(const fs::path& directory) {
    const fs::path page = directory / "report.html";
    std::ofstream out(page, std::ios::binary);
    summalign::write_document(out, summalign::Format::html, summalign::test::sample_document(),
                              summalign::test::sample_aligned());
    return page;
}

}  // namespace

TEST_CASE("HTML report runs in a headless browser without console errors", "[export][html][browser]") {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        WARN("skipped: chromium is not installed (apt-get install chromium)");
        return;
    }
    const fs::path directory = output_directory("export_html_browser_dom");
    const fs::path page = write_report(directory);
    const BrowserRun run = run_chromium(chromium, page, directory, "--dump-dom");
    INFO("chromium log: " << directory / "chromium.stderr");
    REQUIRE(run.exit_code == 0);
    const std::string& dom = run.stdout_text;
    REQUIRE_FALSE(dom.empty());

    CHECK(console_lines(run.stderr_text).empty());
    for (const std::string& line : console_lines(run.stderr_text)) WARN(line);
    // The inline script ran to its end and drew one link per bead with both sides (3).
    CHECK(dom.find("id=\"report-status\" data-state=\"ready\" data-links=\"3\"") != std::string::npos);
    CHECK(count_of(dom, " d=\"M 0 ") == 3);
    // The document the browser built has the report's parts.
    CHECK(count_of(dom, "<section class=\"article\"") == 2);
    CHECK(count_of(dom, "class=\"sent") == 4 + 4 + 1);
    CHECK(count_of(dom, "<mark class=\"finding") == 2);  // "12" in the Summary and in the support table
    CHECK(dom.find("<table class=\"heat\">") != std::string::npos);
    // The hostile title stayed text: the browser did not create a script element from it.
    CHECK(count_of(dom, "<script>") == 1);
    CHECK(dom.find("&lt;script&gt;alert(\"x\")&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("HTML report renders to a screenshot", "[export][html][browser]") {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        WARN("skipped: chromium is not installed (apt-get install chromium)");
        return;
    }
    const fs::path directory = output_directory("export_html_browser_screenshot");
    const fs::path page = write_report(directory);
    const fs::path screenshot = directory / "report.png";
    fs::remove(screenshot);
    const BrowserRun run = run_chromium(chromium, page, directory, "--screenshot='" + screenshot.string() + "'");
    REQUIRE(run.exit_code == 0);
    REQUIRE(fs::exists(screenshot));
    const std::string png = read_file(screenshot);
    CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
    // A blank 1280x2200 page compresses to a few kilobytes; the rendered report is far larger.
    CHECK(png.size() > 50'000);
    WARN("screenshot: " << screenshot.string());
}

TEST_CASE("HTML report of the seed document, parsed and aligned, runs in a headless browser",
          "[export][html][browser][corpus]") {
    const std::string chromium = find_chromium();
    if (chromium.empty()) {
        WARN("skipped: chromium is not installed (apt-get install chromium)");
        return;
    }
    const fs::path seed = fs::path(SUMMALIGN_TEST_SOURCE_DIR) / "corpus" / "ugeskr-2003-165-stamceller.txt";
    if (!fs::exists(seed)) {
        WARN("skipped: " << seed << " is missing");
        return;
    }
    const summalign::Aligner aligner;
    const summalign::AlignedDocument aligned = aligner.align(aligner.parser().parse(summalign::read_source(seed.string())));
    std::size_t two_sided_beads = 0;
    for (const summalign::AlignedArticle& article : aligned.articles) {
        for (const summalign::Bead& bead : article.alignment.resume_summary) {
            two_sided_beads += !bead.da.empty() && !bead.en.empty();
        }
    }

    const fs::path directory = output_directory("export_html_browser_seed");
    const fs::path page = directory / "report.html";
    {
        std::ofstream out(page, std::ios::binary);
        summalign::write_document(out, summalign::Format::html, aligned);
    }
    const BrowserRun run = run_chromium(chromium, page, directory, "--dump-dom");
    REQUIRE(run.exit_code == 0);
    CHECK(console_lines(run.stderr_text).empty());
    for (const std::string& line : console_lines(run.stderr_text)) WARN(line);
    CHECK(run.stdout_text.find("data-state=\"ready\" data-links=\"" + std::to_string(two_sided_beads) + "\"") !=
          std::string::npos);
    CHECK(count_of(run.stdout_text, " d=\"M 0 ") == two_sided_beads);
    CHECK(count_of(run.stdout_text, "<section class=\"article\"") == aligned.document.articles.size());

    const fs::path screenshot = directory / "report.png";
    fs::remove(screenshot);
    const BrowserRun shot = run_chromium(chromium, page, directory, "--screenshot='" + screenshot.string() + "'");
    CHECK(shot.exit_code == 0);
    CHECK(fs::exists(screenshot));
}
