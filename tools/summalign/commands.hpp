#pragma once
// Each subcommand of the summalign command line lives in its own file under tools/summalign/
// and registers itself on the CLI11 app; main() only wires them up and turns errors
// into one-line messages.
#include <CLI/CLI.hpp>

#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "output.hpp"
#include "summalign/error.hpp"
#include "summalign/messages.hpp"

namespace summalign::cli {

// What a subcommand runs once its arguments are parsed; returns the exit code.
using Action = std::function<int()>;

// Every register_* function adds one subcommand to `app` and stores what it should run in
// `action`; `message_language` is what --lang sets ("" for the environment's), read once the
// arguments are parsed.
void register_parse(CLI::App& app, Action& action, std::string& message_language);
void register_segment(CLI::App& app, Action& action, std::string& message_language);
void register_align(CLI::App& app, Action& action, std::string& message_language);
void register_align_text(CLI::App& app, Action& action, std::string& message_language);
void register_mine(CLI::App& app, Action& action, std::string& message_language);
void register_learn_lexicon(CLI::App& app, Action& action, std::string& message_language);
void register_check(CLI::App& app, Action& action, std::string& message_language);
void register_eval(CLI::App& app, Action& action, std::string& message_language);

// Writes `text`, a command's complete output, to `output` (-o FILE; "" or "-" for standard
// output) only once it is complete, so that a failure never leaves half-written output.
void emit(const std::string& output, std::string_view text);

// A mistake in how the command was called (rather than in its input): exit status 2, like
// the errors CLI11 finds.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `--lang da|en`: the language of the findings' messages, the HTML report's labels and the
// error lines, stored in `lang` ("" when not given: from the environment).
void add_message_language_option(CLI::App& command, std::string& lang);
// The Messages for `lang` as --lang gives it; "" reads LC_ALL, LC_MESSAGES and LANG.
Messages messages_for(const std::string& lang);

// The regular files under `directory` (recursively) whose names end in one of `endings`, in
// path order. Throws Error naming the directory when it cannot be listed, or with
// `none_found` as the message when it holds no such file.
std::vector<std::filesystem::path> files_under(const std::string& directory, std::initializer_list<std::string_view> endings,
                                               const std::string& none_found);

// A numeric option's check: CLI11's Range calls a word that is no number "not in range" and
// prints a float's bounds as 0.000000; this says which of the three is wrong, in the form of
// CLI11's own messages (po/da.po translates them).
CLI::Validator number_in_range(double low, double high, bool whole_number);

// `-j,--threads N` as every command takes it (0 = one per core).
void add_threads_option(CLI::App& command, unsigned& threads, const std::string& what);

// The threads a command uses for `requested`: 0 means one per core; more than the machine's
// cores is cut to that many with a warning on stderr in `messages`' language (threads beyond
// the cores only cost memory and switching); never more than `work` items to share out (at
// least 1).
unsigned thread_count(unsigned requested, const Messages& messages, std::size_t work = std::numeric_limits<std::size_t>::max());

// Ends the process with `code` once a command's output is complete and flushed, without
// running the destructors of the command's objects: freeing the Hunspell dictionaries and
// a parsed corpus takes ~0.1 s of work nobody needs just before the process ends anyway.
// Only for a successful end; errors unwind normally (an Output removes its temporary
// file). Standard output is flushed and checked first: a write error throws Error.
[[noreturn]] void finish_now(int code);

}  // namespace summalign::cli
