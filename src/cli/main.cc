// The interdict command: see `interdict --help` and src/cli/cli.h.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) { return interdict::cli::Run(argc, argv, std::cout, std::cerr); }
