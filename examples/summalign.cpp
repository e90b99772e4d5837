// summalign: aligns Danish medical articles with their English summaries.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "summalign/error.hpp"

namespace summalign::cli {
void emit(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

void finish_now(int code) {
    std::cout.flush();
    std::cerr.flush();
    // std::exit skips the destructors of the command's locals (the point) but still runs
    // atexit handlers, so LeakSanitizer still checks sanitized runs (what the stack still
    // points to is not a leak).
    std::exit(code);
}
}  // namespace summalign::cli

int main(int argc, char** argv) {
    using namespace summalign::cli;
    CLI::App app{"summalign: align Danish medical articles with their English summaries"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "summalign 0.1.0");
    Action action;
    register_parse(app, action);
    register_segment(app, action);
    register_align(app, action);
    register_align_text(app, action);
    register_mine(app, action);
    register_learn_lexicon(app, action);
    register_check(app, action);
    register_eval(app, action);
    // A usage error is one line, like every other error (CLI11 adds a second by default).
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return "summalign: " + std::string(e.what()) + " (--help lists the options)\n";
    });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    try {
        return action ? action() : 1;
    } catch (const summalign::Error& e) {
        std::cerr << "summalign: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "summalign: " << e.what() << '\n';
        return 1;
    }
}
