// The Python module's native part (summalign._summalign): thin bindings over the library.
// Every call that does real work releases the GIL, so Python threads sharing one Aligner run
// in parallel; results are rendered by the library's own JSON export (export.hpp), so what
// Python sees is byte for byte what `summalign align` writes. The Python-facing API (record
// classes, docstrings) is python/summalign/__init__.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "summalign/align.hpp"
#include "summalign/error.hpp"
#include "summalign/export.hpp"
#include "summalign/messages.hpp"
#include "summalign/pipeline.hpp"
#include "summalign/segment.hpp"
#include "summalign/similarity.hpp"
#include "summalign/stream.hpp"
#include "summalign/text.hpp"

namespace py = pybind11;

namespace summalign::python {
namespace {

// An aligned document, shared read-only by the Python objects that refer to it.
class AlignedResult {
public:
    AlignedResult(AlignedDocument aligned, Messages messages)
        : aligned_(std::make_shared<const AlignedDocument>(std::move(aligned))), messages_(std::move(messages)) {}

    const std::string& source() const { return aligned_->document.source_name; }
    std::size_t size() const { return aligned_->articles.size(); }

    // Each article as the line `summalign align --format jsonl` writes for it (without the newline).
    std::vector<std::string> article_lines() const {
        std::ostringstream unused;  // render() does not write to the writer's stream
        DocumentWriter writer(unused, Format::jsonl);
        writer.begin(aligned_->document);
        std::vector<std::string> lines;
        lines.reserve(size());
        for (std::size_t i = 0; i < size(); ++i) {
            std::string line = writer.render(aligned_->document.articles[i], i, aligned_->articles[i]);
            if (!line.empty() && line.back() == '\n') line.pop_back();
            lines.push_back(std::move(line));
        }
        return lines;
    }

    // The HTML report's labels in the Aligner's language.
    std::string write(Format format, ExportOptions options) const {
        options.messages = messages_;
        std::ostringstream out;
        write_document(out, format, aligned_->document, aligned_->articles, options);
        return std::move(out).str();
    }

    // The document's "repairs" alone: the document written without its articles.
    std::string repairs_json() const {
        Document repairs_only;
        repairs_only.source_name = aligned_->document.source_name;
        repairs_only.repairs = aligned_->document.repairs;
        ExportOptions options;
        options.pretty = false;
        std::ostringstream out;
        write_document(out, Format::json, repairs_only, {}, options);
        return std::move(out).str();
    }

    using FindingRow = std::tuple<std::size_t, std::string, std::string, std::string, std::string, std::string, std::string,
                                  std::size_t, std::size_t>;
    // (article, kind, lang, text, word, message, suggestion, start, end) in article order.
    std::vector<FindingRow> findings() const {
        std::vector<FindingRow> rows;
        for (std::size_t a = 0; a < size(); ++a)
            for (const Finding& f : aligned_->articles[a].findings)
                rows.emplace_back(a, std::string(to_string(f.kind)), std::string(to_string(f.lang)), f.text, f.word, f.message,
                                  f.suggestion, f.span.start, f.span.end);
        return rows;
    }

private:
    std::shared_ptr<const AlignedDocument> aligned_;
    Messages messages_;
};

using MatchRow = std::tuple<std::string, std::string, std::string, double>;
using BeadRow = std::tuple<std::vector<std::size_t>, std::vector<std::size_t>, double, std::vector<MatchRow>>;

class PythonAligner {
public:
    PythonAligner(const LexiconOptions& options, unsigned threads, const Messages& messages)
        : aligner_(options, std::max(1u, threads), messages), messages_(messages) {}

    // The language of the findings' messages, errors and HTML labels ("da" needs the catalog).
    std::string lang() const { return std::string(to_string(messages_.language())); }

    AlignedResult align_file(const std::string& path, unsigned threads) const {
        try {
            const Input input = read_input(path);  // a PDF too (recognised by its %PDF- header)
            return AlignedResult(aligner_.align(input, std::max(1u, threads)), messages_);
        } catch (const Error& error) {
            throw messages_.translate_error(error);
        }
    }
    // The text file `path` aligned as a stream (align_stream, stream.hpp): `on_article` gets each
    // article's JSONL line (as `summalign align --format jsonl` writes it, without the newline)
    // in order, as soon as it is aligned; returns the number of articles.
    std::size_t stream_file(const std::string& path, unsigned threads, const std::function<void(std::string)>& on_article) const {
        try {
            const auto source = file_source(path);
            std::ostringstream unused;  // render() does not write to the writer's stream
            DocumentWriter writer(unused, Format::jsonl);
            Document stream;
            stream.source_name = path;
            writer.begin(stream);
            StreamOptions options;
            options.threads = std::max(1u, threads);
            return align_stream(
                aligner_, *source,
                [&](std::size_t index, const Article& article, AlignedArticle&& aligned, const StreamWindow&) {
                    std::string line = writer.render(article, index, aligned);
                    if (!line.empty() && line.back() == '\n') line.pop_back();
                    on_article(std::move(line));
                },
                options);
        } catch (const Error& error) {
            throw messages_.translate_error(error);
        }
    }
    AlignedResult align_bytes(std::string bytes, std::string name, unsigned threads) const {
        try {
            const SourceText source = make_source(std::move(bytes), std::move(name));
            return AlignedResult(aligner_.align(source, std::max(1u, threads)), messages_);
        } catch (const Error& error) {
            throw messages_.translate_error(error);
        }
    }

    std::vector<BeadRow> align_texts(const std::vector<std::string>& danish, const std::vector<std::string>& english,
                                     const LadderOptions& options) const {
        std::vector<BeadRow> rows;
        for (Bead& bead : summalign::align_texts(aligner_.scorer(), danish, english, options)) {
            std::vector<MatchRow> matches;
            for (WordMatch& m : bead.matches)
                matches.emplace_back(std::move(m.da), std::move(m.en), std::string(to_string(m.kind)), m.weight);
            rows.emplace_back(std::move(bead.da), std::move(bead.en), bead.score, std::move(matches));
        }
        return rows;
    }

    std::vector<std::tuple<std::size_t, std::optional<std::size_t>, double>> mine(const std::vector<std::string>& danish,
                                                                                  const std::vector<std::string>& english,
                                                                                  const MineOptions& options) const {
        std::vector<std::tuple<std::size_t, std::optional<std::size_t>, double>> rows;
        for (const MinedPair& pair : summalign::mine(aligner_.scorer(), danish, english, options)) {
            std::optional<std::size_t> en;
            if (pair.en_index < english.size()) en = pair.en_index;
            rows.emplace_back(pair.da_index, en, pair.score);
        }
        return rows;
    }

    std::vector<std::pair<std::size_t, std::size_t>> segment(const std::string& text, Lang lang, LineBreaks breaks) const {
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        for (const SourceSpan& span : aligner_.parser().segmenter(lang).split(text, SplitOptions{breaks}))
            spans.emplace_back(span.start, span.end);
        return spans;
    }

private:
    Aligner aligner_;
    Messages messages_;
};

LineBreaks parse_line_breaks(const std::string& name) {
    if (name == "auto") return LineBreaks::automatic;
    if (name == "sentence") return LineBreaks::end_sentence;
    if (name == "space") return LineBreaks::join;
    throw std::invalid_argument("line_breaks must be 'auto', 'sentence' or 'space', not '" + name + "'");
}

std::string to_utf8(const py::bytes& bytes) { return std::string(bytes); }

// A wrong name is a wrong argument in Python (ValueError, docs/python.md), where the C++
// API's one exception type is summalign::Error.
Lang argument_lang(const std::string& name) {
    try {
        return parse_lang(name);
    } catch (const Error& error) {
        throw std::invalid_argument(error.what());
    }
}

Format argument_format(const std::string& name) {
    try {
        return parse_format(name);
    } catch (const Error& error) {
        throw std::invalid_argument(error.what());
    }
}

}  // namespace
}  // namespace summalign::python

PYBIND11_MODULE(_summalign, m) {
    using namespace summalign;
    using namespace summalign::python;
    m.doc() = "Native part of the summalign module; use the names `summalign` exports.";

    // summalign.Error (python/summalign/_error.py) carries the file and byte offset.
    py::register_exception_translator([](std::exception_ptr thrown) {
        try {
            if (thrown) std::rethrow_exception(thrown);
        } catch (const Error& e) {
            py::object error_type = py::module_::import("summalign._error").attr("Error");
            py::object offset = e.offset() ? py::object(py::int_(*e.offset())) : py::object(py::none());
            py::object error = error_type(e.what(), e.file(), offset);
            PyErr_SetObject(error_type.ptr(), error.ptr());
        }
    });

    py::class_<AlignedResult>(m, "AlignedResult")
        .def_property_readonly("source", &AlignedResult::source)
        .def("__len__", &AlignedResult::size)
        .def("article_lines", &AlignedResult::article_lines, py::call_guard<py::gil_scoped_release>())
        .def(
            "write",
            [](const AlignedResult& self, const std::string& format, bool pretty, bool include_repairs, const std::string& da_language,
               const std::string& en_language) {
                ExportOptions options;
                options.pretty = pretty;
                options.include_repairs = include_repairs;
                options.da_language = da_language;
                options.en_language = en_language;
                const Format parsed = argument_format(format);
                py::gil_scoped_release release;
                return self.write(parsed, options);
            },
            py::arg("format"), py::arg("pretty"), py::arg("include_repairs"), py::arg("da_language"), py::arg("en_language"))
        .def("repairs_json", &AlignedResult::repairs_json, py::call_guard<py::gil_scoped_release>())
        .def("findings", &AlignedResult::findings, py::call_guard<py::gil_scoped_release>());

    py::class_<PythonAligner>(m, "NativeAligner")
        .def(py::init([](bool use_freedict, bool use_glossary, bool use_learned, std::vector<std::filesystem::path> user_dictionaries,
                         std::optional<std::filesystem::path> freedict_dir, std::optional<std::filesystem::path> glossary_file,
                         std::optional<std::filesystem::path> learned_file, unsigned threads, const std::string& lang) {
                 LexiconOptions options;
                 options.use_freedict = use_freedict;
                 options.use_glossary = use_glossary;
                 options.use_learned = use_learned;
                 options.user_dictionaries = std::move(user_dictionaries);
                 if (freedict_dir) options.freedict_dir = *freedict_dir;
                 if (glossary_file) options.glossary_file = *glossary_file;
                 if (learned_file) options.learned_file = *learned_file;
                 // "" : the language LC_ALL, LC_MESSAGES or LANG names, as the command takes it.
                 const Lang message_lang = lang.empty() ? message_language_from_environment() : argument_lang(lang);
                 // As the command warns on standard error: the results are made, but weaker.
                 for (const MissingLexiconSource& missing : missing_lexicon_sources(options)) {
                     const std::string source(to_string(missing.source));
                     const std::string text = "no " + source + " lexicon, so the scores are weaker (" + missing.what + "; use_" + source +
                                              "=False says it is meant)";
                     if (PyErr_WarnEx(PyExc_UserWarning, text.c_str(), 1) != 0) throw py::error_already_set();
                 }
                 py::gil_scoped_release release;  // loading takes ~0.3 s
                 return std::make_unique<PythonAligner>(options, threads, Messages(message_lang));
             }),
             py::arg("use_freedict"), py::arg("use_glossary"), py::arg("use_learned"), py::arg("user_dictionaries"),
             py::arg("freedict_dir"), py::arg("glossary_file"), py::arg("learned_file"), py::arg("threads"), py::arg("lang"))
        .def_property_readonly("lang", &PythonAligner::lang)
        .def("align_file", &PythonAligner::align_file, py::arg("path"), py::arg("threads"),
             py::call_guard<py::gil_scoped_release>())
        .def(
            "stream_file",
            [](const PythonAligner& self, const std::string& path, unsigned threads, const py::function& on_article) {
                // The callback runs on this thread (align_stream hands articles over on the
                // calling thread), with the GIL taken back for it.
                const std::function<void(std::string)> call = [&](std::string line) {
                    py::gil_scoped_acquire gil;
                    on_article(py::str(line));
                };
                py::gil_scoped_release release;
                return self.stream_file(path, threads, call);
            },
            py::arg("path"), py::arg("threads"), py::arg("on_article"))
        .def(
            "align_bytes",
            [](const PythonAligner& self, const py::bytes& data, const std::string& name, unsigned threads) {
                std::string bytes = to_utf8(data);
                py::gil_scoped_release release;
                return self.align_bytes(std::move(bytes), name, threads);
            },
            py::arg("data"), py::arg("name"), py::arg("threads"))
        .def(
            "align_texts",
            [](const PythonAligner& self, const std::vector<std::string>& danish, const std::vector<std::string>& english,
               double omission_prior, double merge_prior, double two_two_prior, std::size_t band,
               std::optional<double> shared_word_penalty, std::optional<double> uncovered_part_penalty) {
                LadderOptions options;
                options.omission_prior = omission_prior;
                options.merge_prior = merge_prior;
                options.two_two_prior = two_two_prior;
                options.band = band;
                options.shared_word_penalty = shared_word_penalty;
                options.uncovered_part_penalty = uncovered_part_penalty;
                py::gil_scoped_release release;
                return self.align_texts(danish, english, options);
            },
            py::arg("danish"), py::arg("english"), py::arg("omission_prior"), py::arg("merge_prior"), py::arg("two_two_prior"),
            py::arg("band"), py::arg("shared_word_penalty"), py::arg("uncovered_part_penalty"))
        .def(
            "mine",
            [](const PythonAligner& self, const std::vector<std::string>& danish, const std::vector<std::string>& english,
               unsigned threads, std::size_t candidates, bool corpus_weights, bool margin, std::size_t full_scores,
               std::size_t vote_budget, bool one_to_one) {
                MineOptions options;
                options.threads = std::max(1u, threads);
                options.candidates = std::max<std::size_t>(1, candidates);
                options.corpus_weights = corpus_weights;
                options.margin = margin;
                options.one_to_one = one_to_one;
                options.full_scores = full_scores;
                options.vote_budget = vote_budget;
                py::gil_scoped_release release;
                return self.mine(danish, english, options);
            },
            py::arg("danish"), py::arg("english"), py::arg("threads"), py::arg("candidates"), py::arg("corpus_weights"),
            py::arg("margin"), py::arg("full_scores"), py::arg("vote_budget"), py::arg("one_to_one"))
        .def(
            "segment",
            [](const PythonAligner& self, const py::bytes& text, const std::string& lang, const std::string& line_breaks) {
                std::string bytes = to_utf8(text);
                const Lang parsed_lang = argument_lang(lang);
                const LineBreaks breaks = parse_line_breaks(line_breaks);
                py::gil_scoped_release release;
                return self.segment(bytes, parsed_lang, breaks);
            },
            py::arg("text"), py::arg("lang"), py::arg("line_breaks"));

    m.def(
        "segment",
        [](const py::bytes& text, const std::string& lang, const std::string& line_breaks) {
            std::string bytes = to_utf8(text);
            const Lang parsed_lang = argument_lang(lang);
            const LineBreaks breaks = parse_line_breaks(line_breaks);
            py::gil_scoped_release release;
            const Segmenter segmenter(parsed_lang);
            std::vector<std::pair<std::size_t, std::size_t>> spans;
            for (const SourceSpan& span : segmenter.split(bytes, SplitOptions{breaks})) spans.emplace_back(span.start, span.end);
            return spans;
        },
        py::arg("text"), py::arg("lang"), py::arg("line_breaks"));

    m.def(
        "check_utf8",
        [](const py::bytes& data, const std::string& name) {
            std::string bytes = to_utf8(data);
            py::gil_scoped_release release;
            make_source(std::move(bytes), name);
        },
        py::arg("data"), py::arg("name"));
}
