// summalign: aligns Danish medical articles with their English summaries.
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <thread>

#include "commands.hpp"
#include "summalign/error.hpp"
#include "summalign/segment.hpp"
#include "detail/messages_format.hpp"

namespace summalign::cli {

void emit(const std::string& output, std::string_view text) { write_output(output, text); }

void finish_now(int code) {
    check_stdout();
    std::cerr.flush();
    // std::exit skips the destructors of the command's locals (the point) but still runs
    // atexit handlers, so LeakSanitizer still checks sanitized runs (what the stack still
    // points to is not a leak).
    std::exit(code);
}

void add_message_language_option(CLI::App& command, std::string& lang) {
    command.add_option("--lang", lang, "language of the messages and the HTML report: da or en (default: from LC_ALL, LC_MESSAGES, LANG)")
        ->check(CLI::IsMember({"da", "en"}));
}

Messages messages_for(const std::string& lang) {
    return Messages(lang.empty() ? message_language_from_environment() : parse_lang(lang));
}

std::vector<std::filesystem::path> files_under(const std::string& directory, std::initializer_list<std::string_view> endings,
                                               const std::string& none_found) {
    namespace fs = std::filesystem;
    std::vector<fs::path> found;
    std::error_code error;
    for (fs::recursive_directory_iterator it(directory, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (it->is_regular_file(error) && std::ranges::any_of(endings, [&](std::string_view ending) { return name.ends_with(ending); }))
            found.push_back(it->path());
    }
    if (error) throw Error(directory, std::nullopt, "cannot list directory: " + error.message());
    if (found.empty()) throw Error(directory, std::nullopt, none_found);
    std::ranges::sort(found, {}, [](const fs::path& path) -> const std::string& { return path.native(); });
    return found;
}

CLI::Validator number_in_range(double low, double high, bool whole_number) {
    return CLI::Validator(
        [=](std::string& input) -> std::string {
            double value = 0;
            if (!CLI::detail::lexical_cast(input, value) || !std::isfinite(value)) return "Value " + input + " is not a number";
            if (whole_number && value != std::floor(value)) return "Value " + input + " is not a whole number";
            if (value < low || value > high) return fmt::format("Value {} not in range {} to {}", input, low, high);
            return {};
        },
        whole_number ? "INT" : "NUMBER");
}

void add_threads_option(CLI::App& command, unsigned& threads, const std::string& what) {
    command.add_option("-j,--threads", threads, what + " (0 = one per core; output is the same for any value)")
        ->capture_default_str()
        ->check(number_in_range(0, 4096, true));
}

unsigned thread_count(unsigned requested, const Messages& messages, std::size_t work) {
    // The cores this process may run on (taskset, a container's CPU set), not all the machine has.
    unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    cpu_set_t allowed;
    if (::sched_getaffinity(0, sizeof allowed, &allowed) == 0) cores = std::max(1, CPU_COUNT(&allowed));
    unsigned threads = requested == 0 ? cores : requested;
    if (threads > cores) {
        std::cerr << "summalign: "
                  << detail::format_message(messages, "warning: --threads {} is more than the {} cores available; using {}", requested,
                                            cores, cores)
                  << '\n';
        threads = cores;
    }
    return static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(work, 1)));
}

}  // namespace summalign::cli

namespace {

// A closed standard descriptor (`summalign … >&-`) would be taken by the next file the
// command opens, and output meant for stdout would go there. Occupy it with /dev/null opened
// the wrong way round, so that writing to a closed stdout fails (EBADF) and is reported.
void occupy_closed_descriptors() {
    if (::fcntl(STDIN_FILENO, F_GETFD) == -1) ::open("/dev/null", O_WRONLY);
    if (::fcntl(STDOUT_FILENO, F_GETFD) == -1) ::open("/dev/null", O_RDONLY);
    if (::fcntl(STDERR_FILENO, F_GETFD) == -1) ::open("/dev/null", O_RDONLY);
}

constexpr int usage_exit_code = 2;

// The language --lang asks for, read before the arguments are parsed, so that an error in
// parsing them is in that language too; "" when there is none. --lang may stand before the
// subcommand or after it; after `segment` it names the language of the text, not of the messages.
std::string message_language_argument(int argc, char** argv) {
    std::string found;
    bool subcommand_seen = false;
    bool segment = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        if (argument == "--") break;
        std::string_view value;
        if (argument == "--lang" && i + 1 < argc) value = argv[++i];
        else if (argument.starts_with("--lang=")) value = argument.substr(7);
        else if (!subcommand_seen && !argument.starts_with("-")) {
            subcommand_seen = true;
            segment = argument == "segment";
            continue;
        }
        if (segment) continue;
        if (value == "da" || value == "en") found = std::string(value);
    }
    return found;
}

// --help in the messages' language: the descriptions of the command, its subcommands and their
// options, the option group, the footers (the commands in their examples stay as they are)
// and CLI11's headings, through the catalog. Nothing changes for English.
void translate_help(CLI::App& app, const summalign::Messages& messages) {
    app.description(messages.translate_text(app.get_description()));
    if (!app.get_footer().empty()) app.footer(messages.translate(app.get_footer()));
    for (CLI::Option* option : app.get_options()) {
        option->description(messages.translate_text(option->get_description()));
        option->group(messages.translate(option->get_group()));
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        sub->group(messages.translate(sub->get_group()));
        translate_help(*sub, messages);
    }
}

void translate_help_labels(CLI::App& app, const summalign::Messages& messages) {
    const auto formatter = app.get_formatter();
    formatter->label("Usage", messages.translate("Usage"));
    formatter->label("OPTIONS", messages.translate("OPTIONS"));
    formatter->label("Positionals", messages.translate("Positionals"));
    formatter->label("REQUIRED", messages.translate("REQUIRED"));
    formatter->label("SUBCOMMAND", messages.translate("SUBCOMMAND"));
    formatter->label("SUBCOMMANDS", messages.translate("SUBCOMMANDS"));
}

}  // namespace

int main(int argc, char** argv) {
    using namespace summalign::cli;
    occupy_closed_descriptors();
    CLI::App app{"summalign: align Danish medical articles with their English summaries"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "summalign 0.1.0");
    Action action;
    std::string message_language = message_language_argument(argc, argv);  // --lang; parsing sets it again
    register_parse(app, action, message_language);
    register_segment(app, action, message_language);
    register_align(app, action, message_language);
    register_align_text(app, action, message_language);
    register_mine(app, action, message_language);
    register_learn_lexicon(app, action, message_language);
    register_check(app, action, message_language);
    register_eval(app, action, message_language);
    // Every subcommand's errors in the language --lang names (segment's --lang is its text's).
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
        if (sub->get_option_no_throw("--lang") == nullptr) add_message_language_option(*sub, message_language);
    add_message_language_option(app, message_language);  // `summalign --lang da check …`
    const summalign::Messages early_messages = messages_for(message_language);
    if (early_messages.language() != summalign::Lang::en) {
        translate_help(app, early_messages);
        translate_help_labels(app, early_messages);
    }
    // A usage error is one line, like every other error (CLI11 adds a second by default).
    app.failure_message([&early_messages](const CLI::App*, const CLI::Error& e) {
        return "summalign: " + early_messages.translate_text(e.what()) + early_messages.translate(" (--help lists the options)") + "\n";
    });
    // The first argument that is no top-level option (--lang takes a value) is the subcommand.
    int first = 1;
    while (first < argc && std::string_view(argv[first]).starts_with("-")) {
        const std::string option(argv[first]);
        // An unknown option before any subcommand: CLI11 would say only "A subcommand is required".
        if (app.get_option_no_throw(option.substr(0, option.find('='))) == nullptr) {
            std::cerr << "summalign: " << early_messages.translate_text("The following argument was not expected: " + option)
                      << early_messages.translate(" (--help lists the options)") << '\n';
            return usage_exit_code;
        }
        first += option == "--lang" ? 2 : 1;
    }
    // CLI11 takes a word that is no subcommand for a stray argument and says "A subcommand is
    // required"; name the word instead.
    if (first < argc && app.get_subcommands([&](CLI::App* sub) { return sub->check_name(argv[first]); }).empty()) {
        std::string known;
        for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
            known += (known.empty() ? "" : ", ") + sub->get_name();
        std::cerr << "summalign: " << early_messages.translate_text("unknown subcommand '" + std::string(argv[first]) + "' (one of: " + known + ")")
                  << '\n';
        return usage_exit_code;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        // --help and --version end with 0; every usage error with 2, whatever CLI11's own code.
        return code == 0 ? 0 : usage_exit_code;
    }
    try {
        const int code = action ? action() : 1;
        check_stdout();
        return code;
    } catch (const UsageError& e) {
        const summalign::Messages messages = messages_for(message_language);
        std::cerr << "summalign: " << messages.translate_text(e.what()) << messages.translate(" (--help lists the options)") << '\n';
        return usage_exit_code;
    } catch (const summalign::Error& e) {
        std::cerr << "summalign: " << messages_for(message_language).translate_error(e).what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "summalign: " << e.what() << '\n';
        return 1;
    }
}
