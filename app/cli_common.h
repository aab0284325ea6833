#pragma once
// Options and output shared by the subcommands.
#include <CLI/CLI.hpp>
#include <string>

#include "scene_inputs.h"

namespace subterra {

// Exit codes: a public contract for scripts.
enum ExitCode { kExitOk = 0, kExitUserError = 1, kExitUsage = 2, kExitViolations = 3 };

// INPUTS... (one project or data files), --dem, --crs.
void addInputOptions(CLI::App& command, InputOptions& options);

// --cut, --no-cuts, --section, --excavation (commands that draw the scene).
void addCutOptions(CLI::App& command, InputOptions& options);

// Prints the problems on stderr, one line each but at most five of one cause (then a count);
// returns true when any is an error.
bool printProblems(const Problems& problems);

// "1920x1080" -> width, height; false when malformed or out of range.
bool parseSize(const std::string& text, int& width, int& height);

// Whether `path` ends with `suffix` (an output's format is chosen by its extension).
bool endsWith(const std::string& path, const std::string& suffix);

}  // namespace subterra
