#include <iostream>

#include "cli/commands.hpp"

namespace summalign::cli {

// Not implemented yet: registered so that --help lists it.
void register_segment(CLI::App& app, Action& action) {
    app.add_subcommand("segment", "(not implemented yet)")->allow_extras()->callback([&action] {
        action = [] {
            std::cerr << "summalign: segment is not implemented yet\n";
            return 2;
        };
    });
}

}  // namespace summalign::cli
