// PDF input speed and memory: pages per second from PDF bytes to extracted text (poppler +
// lib/detail/pdf_layout.cpp) and to a parsed Document, on one core, and the peak memory of
// reading a long PDF, against a short one to show it does not grow with the page count.
//
//   build/bench_pdf_throughput [--pages 300] [--small-pages 30] [--runs 5] [--seed-file corpus/...txt] [--keep DIR]
//
// The PDFs are typeset here with groff -ms (two columns, running head, page numbers): articles
// (title, kind label, authors, Resumé, sections, Summary, correspondence) whose paragraphs are
// the seed's, in turn, until the page count is reached. Memory is measured in a child process
// per PDF (peak RSS of extraction + parse; the parser's dictionaries included), so that one
// measurement does not inherit the other's peak. Prints one JSON object.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_util.hpp"
#include "summalign/journal.hpp"
#include "summalign/pdf.hpp"

namespace fs = std::filesystem;
using namespace summalign;
using namespace summalign::bench;

namespace {

// The seed's paragraphs with their line breaks undone (a crude join: this is filler text
// for typesetting, not a parse).
std::vector<std::string> seed_paragraphs(const std::string& seed) {
    std::vector<std::string> paragraphs;
    std::string current;
    std::istringstream lines(seed);
    for (std::string line; std::getline(lines, line);) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (line.empty()) {
            if (current.size() > 200) paragraphs.push_back(current);
            current.clear();
            continue;
        }
        if (!current.empty() && current.back() == '-') current.pop_back();
        else if (!current.empty()) current += ' ';
        current += line;
    }
    if (current.size() > 200) paragraphs.push_back(current);
    // Running text only: a paragraph that starts with a capital letter, ends a sentence and
    // holds no field label of its own (the seed's Summary, Resumé, correspondence, headers).
    std::erase_if(paragraphs, [](const std::string& p) {
        for (const char* label : {"Summary", "Resumé", "Korrespondance", "Ugeskr", "ARTIKEL"})
            if (p.find(label) != std::string::npos) return true;
        return !(p[0] >= 'A' && p[0] <= 'Z') || p.back() != '.';
    });
    if (paragraphs.empty()) throw std::runtime_error("no running-text paragraphs in the seed file");
    return paragraphs;
}

// About `pages` pages of two-column articles, ~9 paragraphs a page.
std::string ms_document(const std::vector<std::string>& paragraphs, std::size_t pages) {
    std::string ms = ".nr PS 9\n.nr VS 11\n.ds CH\n.ds LH UGESKR LÆGER 165/50 \\(bu 8. DECEMBER 2003\n.ds RH %\n.2C\n";
    const std::size_t total = pages * 9;
    std::size_t next = 0;
    auto paragraph = [&] { return paragraphs[next++ % paragraphs.size()]; };
    for (std::size_t article = 0; next < total; ++article) {
        ms += ".LP\n.ps 14\n\\fBStamceller og regenerativ medicin, del " + std::to_string(article + 1) + "\\fP\n.ps 9\n";
        ms += ".LP\n\\fBOVERSIGTSARTIKEL\\fP Moustapha Kassem, Jens Kastrup & Gitte Olsen\n";
        ms += ".SH\nResumé\n.LP\n" + paragraph() + "\n";
        for (std::size_t section = 0; section < 4 && next < total; ++section) {
            ms += ".SH\nAfsnit " + std::to_string(section + 1) + " om behandlingen\n.LP\n" + paragraph() + "\n";
            for (int p = 0; p < 4 && next < total; ++p) ms += ".PP\n" + paragraph() + "\n";
        }
        ms += ".LP\n\\fBSummary\\fP Moustapha Kassem, Jens Kastrup: Mesenchymal stem cells. Ugeskr Læger 2003;165: "
              "4850-4852 Mesenchymal stem cells are found in the bone marrow. They can be isolated by physical methods.\n";
        ms += ".LP\n\\fBKorrespondance:\\fP Moustapha Kassem, Odense Universitetshospital.\n";
    }
    return ms;
}

std::string make_pdf(const fs::path& dir, const std::string& name, const std::string& ms) {
    const fs::path source = dir / (name + ".ms"), pdf = dir / (name + ".pdf");
    std::ofstream(source, std::ios::binary) << ms;
    const std::string command = "groff -k -ms -Tpdf '" + source.string() + "' > '" + pdf.string() + "' 2>/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("groff failed (apt-get install groff)");
    return read_file(pdf.string());
}

// Peak RSS (MiB) of a child process that reads `bytes` as a PDF, and parses it when `parse`.
double child_peak_mib(const std::string& bytes, bool parse) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe");
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        double peak = -1;
        try {
            const PdfText pdf = extract_pdf(bytes, "bench.pdf");
            if (parse) {
                const Parser parser;
                const Document document = parser.parse(pdf.source);
                if (document.articles.empty()) peak = -2;
            }
            if (peak == -1) peak = peak_rss_mib();
        } catch (...) {
        }
        if (write(fds[1], &peak, sizeof peak) != sizeof peak) _exit(1);
        _exit(0);
    }
    close(fds[1]);
    double peak = -1;
    if (read(fds[0], &peak, sizeof peak) != sizeof peak) peak = -1;
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return peak;
}

}  // namespace

int main(int argc, char** argv) try {
    const Arguments args(argc, argv);
    const std::size_t pages = args.number("--pages", 300);
    const std::size_t small_pages = args.number("--small-pages", 30);
    const std::size_t runs = args.number("--runs", 5);
    const std::string keep = args.text("--keep", "");
    const fs::path dir = keep.empty() ? fs::temp_directory_path() / ("summalign-pdf-bench-" + std::to_string(getpid())) : fs::path(keep);
    fs::create_directories(dir);

    const auto paragraphs = seed_paragraphs(read_file(args.text("--seed-file", kSeedFile)));
    const std::string big = make_pdf(dir, "big", ms_document(paragraphs, pages));
    const std::string small = make_pdf(dir, "small", ms_document(paragraphs, small_pages));

    // Memory first, in children, before this process has touched anything large.
    const double big_extract_mib = child_peak_mib(big, false);
    const double small_extract_mib = child_peak_mib(small, false);
    const double big_parse_mib = child_peak_mib(big, true);
    const double small_parse_mib = child_peak_mib(small, true);

    std::optional<PdfText> extracted;
    const Timing extract = median_timing(runs, [&] { extracted.emplace(extract_pdf(big, "big.pdf")); });
    const std::size_t real_pages = extracted->page_starts.size();
    const Parser parser;
    std::size_t articles = 0;
    const Timing whole = median_timing(runs, [&] {
        const PdfText pdf = extract_pdf(big, "big.pdf");
        const Document document = parser.parse(pdf.source);
        articles = document.articles.size();
    });

    nlohmann::json out;
    out["pdf_pages"] = real_pages;
    out["pdf_bytes"] = big.size();
    out["text_bytes"] = extracted->source.bytes.size();
    out["articles"] = articles;
    out["runs"] = runs;
    out["extract_wall_s"] = extract.wall;
    out["extract_cpu_s"] = extract.cpu;
    out["extract_pages_per_s_cpu"] = static_cast<double>(real_pages) / extract.cpu;
    out["pdf_to_document_wall_s"] = whole.wall;
    out["pdf_to_document_cpu_s"] = whole.cpu;
    out["pdf_to_document_pages_per_s_cpu"] = static_cast<double>(real_pages) / whole.cpu;
    out["peak_rss_mib"] = {{"extract_" + std::to_string(real_pages) + "_pages", big_extract_mib},
                           {"extract_small", small_extract_mib},
                           {"extract_and_parse_" + std::to_string(real_pages) + "_pages", big_parse_mib},
                           {"extract_and_parse_small", small_parse_mib}};
    out["small_pages"] = extract_pdf(small, "small.pdf").page_starts.size();
    std::cout << out.dump(2) << '\n';
    if (keep.empty()) fs::remove_all(dir);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "bench_pdf_throughput: " << e.what() << '\n';
    return 1;
}
