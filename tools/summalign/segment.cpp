#include <algorithm>
#include <memory>
#include <string>

#include "commands.hpp"
#include "streaming.hpp"
#include "text_input.hpp"
#include "summalign/error.hpp"
#include "summalign/segment.hpp"
#include "summalign/text.hpp"

namespace summalign::cli {

namespace {

// One sentence per output line: line breaks (and the blanks around them) inside a
// sentence become one space.
std::string on_one_line(std::string_view sentence) {
    std::string out;
    out.reserve(sentence.size());
    for (std::size_t i = 0; i < sentence.size(); ++i) {
        const char c = sentence[i];
        if (c != '\n' && c != '\r') {
            out += c;
            continue;
        }
        while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
        while (i + 1 < sentence.size() && (sentence[i + 1] == ' ' || sentence[i + 1] == '\t' ||
                                           sentence[i + 1] == '\n' || sentence[i + 1] == '\r'))
            ++i;
        out += ' ';
    }
    return out;
}

LineBreaks parse_line_breaks(const std::string& name) {
    if (name == "sentence") return LineBreaks::end_sentence;
    if (name == "space") return LineBreaks::join;
    return LineBreaks::automatic;
}

}  // namespace

void register_segment(CLI::App& app, Action& action, std::string& message_language) {
    auto* cmd = app.add_subcommand("segment", "Split Danish or English text into sentences, one per line");
    cmd->footer(
        "Line breaks in the input: a blank line always ends a sentence. With --line-breaks auto\n"
        "(the default) a single line break ends a sentence where the line ends with . ! ? (as\n"
        "anywhere), or where a line without such punctuation (a headline, a byline) is followed\n"
        "by a line that does not start in lower case. In hard-wrapped prose (most lines about\n"
        "the same width) such a line counts as a headline only when the next line's first word\n"
        "would have fitted on it; other lines are joined with a space. --line-breaks sentence:\n"
        "every line break ends a sentence; --line-breaks space: a line break is a space.\n"
        "\n"
        "Abbreviations (f.eks., bl.a., m. gastrocnemius, Fig. 1., e.g., et al.), initials\n"
        "(Moustapha S. Kassem), ordinals (den 3. maj) and citations ([13].) do not end sentences.\n"
        "\n"
        "Example:\n"
        "  printf 'Stamceller, f.eks. fra knoglemarv, blev brugt [13]. Se Fig. 1.\\n' | summalign segment --lang da -\n"
        "  summalign segment --lang en --offsets summary.txt\n"
        "\n"
        "Several files (a directory stands for the *.txt files under it): their sentences one file\n"
        "after the other; --offsets needs one file (offsets index it).");
    struct Options {
        std::vector<std::string> files;
        std::string output;
        unsigned threads = 1;
        std::string lang = "da";
        std::string line_breaks = "auto";
        bool offsets = false;
    };
    auto options = std::make_shared<Options>();
    cmd->add_option("FILE", options->files, "UTF-8 text, or a directory of *.txt files; - for standard input")->required();
    cmd->add_option("--lang", options->lang, "language of the text: da (default) or en")
        ->check(CLI::IsMember({"da", "en"}));
    cmd->add_option("--line-breaks", options->line_breaks, "what a single line break means: auto (default), sentence or space")
        ->check(CLI::IsMember({"auto", "sentence", "space"}));
    cmd->add_flag("--offsets", options->offsets, "prefix each sentence with its byte offsets: START<TAB>END<TAB>");
    add_output_option(*cmd, options->output);
    add_threads_option(*cmd, options->threads, "accepted like every command's; segmenting runs on one thread");
    cmd->callback([options, &action, &message_language] {
        action = [options, &message_language] {
            const Messages messages = messages_for(message_language);
            std::vector<std::string> files;
            for (const std::string& file : expand_inputs(options->files))
                if (file == "-" || !file.ends_with(".pdf") || std::find(options->files.begin(), options->files.end(), file) != options->files.end())
                    files.push_back(file);  // a directory's PDFs are not plain text; a PDF named alone gets the hint
            if (files.empty()) throw Error(options->files.front(), std::nullopt, "directory has no .txt files");
            if (std::count(files.begin(), files.end(), "-") > 1) throw UsageError("standard input (-) can be read only once");
            if (options->offsets && files.size() > 1) throw UsageError("--offsets index one file; give one FILE");
            thread_count(options->threads, messages);  // warns about a count beyond the cores, like every command
            const Segmenter segmenter(parse_lang(options->lang));
            std::string out;
            // Every file is read and segmented before anything is written.
            for (const std::string& file : files) {
                const SourceText source = read_plain_text(file, "segment");
                const auto spans = segmenter.split(source.bytes, SplitOptions{parse_line_breaks(options->line_breaks)});
                out.reserve(out.size() + source.bytes.size() + spans.size() * 16);
                for (const auto& span : spans) {
                    if (options->offsets) out += std::to_string(span.start) + '\t' + std::to_string(span.end) + '\t';
                    out += on_one_line(std::string_view(source.bytes).substr(span.start, span.end - span.start));
                    out += '\n';
                }
            }
            emit(options->output, out);
            return 0;
        };
    });
}

}  // namespace summalign::cli
