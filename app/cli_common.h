#pragma once
// Options and output shared by the subcommands.
#include <CLI/CLI.hpp>
#include <string>

#include "defaults.h"
#include "scene_inputs.h"

namespace subterra {

// Exit codes: a public contract for scripts, the same for every command.
enum ExitCode { kExitOk = 0, kExitUserError = 1, kExitUsage = 2, kExitViolations = 3 };

// The exit-code table as the footer of `--help` of the program and of every one of its commands.
void documentExitCodes(CLI::App& app);

// INPUTS... (one project or data files), --dem, --crs.
void addInputOptions(CLI::App& command, InputOptions& options);

// --cut, --no-cuts, --section, --excavation (commands that draw the scene).
void addCutOptions(CLI::App& command, InputOptions& options);

// Prints the problems on stderr, one line each but at most five of one cause (then a count);
// returns true when any is an error.
bool printProblems(const Problems& problems);

// A number within [min, max]: unlike CLI::Range, NaN is refused (it compares false both ways).
// A refused value is a usage error (exit 2), printed by CLI11 with the option's name.
CLI::Validator finiteRange(double min, double max);
// The same, with the range and wording of an option of the defaults table.
CLI::Validator inRange(const NumericOption& option);

// "1920x1080" -> width, height; false when malformed or out of range.
bool parseSize(const std::string& text, int& width, int& height);

// Whether `path` ends with `suffix` (an output's format is chosen by its extension).
bool endsWith(const std::string& path, const std::string& suffix);

}  // namespace subterra
