#include <iostream>

#include "cli/commands.hpp"

namespace summalign::cli {

// Not implemented yet: registered so that --help lists it.
void register_check(CLI::App& app, Action& action) {
    app.add_subcommand("check", "(not implemented yet)")->allow_extras()->callback([&action] {
        action = [] {
            std::cerr << "summalign: check is not implemented yet\n";
            return 2;
        };
    });
}

}  // namespace summalign::cli
