#pragma once
// Each subcommand of the summalign command line lives in its own file under examples/cli/
// and registers itself on the CLI11 app; main() only wires them up and turns errors
// into one-line messages.
#include <CLI/CLI.hpp>

#include <functional>
#include <string>

namespace summalign::cli {

// What a subcommand runs once its arguments are parsed; returns the exit code.
using Action = std::function<int()>;

// Every register_* function adds one subcommand to `app` and stores what it should run in `action`.
void register_parse(CLI::App& app, Action& action);
void register_segment(CLI::App& app, Action& action);
void register_align(CLI::App& app, Action& action);
void register_align_text(CLI::App& app, Action& action);
void register_mine(CLI::App& app, Action& action);
void register_learn_lexicon(CLI::App& app, Action& action);
void register_check(CLI::App& app, Action& action);
void register_eval(CLI::App& app, Action& action);

// Writes `text` to standard output only once it is complete, so that a failure never
// leaves half-written output.
void emit(const std::string& text);

// Ends the process with `code` once a command's output is complete and flushed, without
// running the destructors of the command's objects: freeing the Hunspell dictionaries and
// a parsed corpus takes ~0.1 s of work nobody needs just before the process ends anyway.
// Only for a successful end; errors unwind normally (an AtomicOutputFile removes its
// temporary file).
[[noreturn]] void finish_now(int code);

}  // namespace summalign::cli
