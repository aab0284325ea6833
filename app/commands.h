#pragma once
// Each subcommand registers itself on the app; its callback stores the process exit code.
#include <CLI/CLI.hpp>

namespace subterra {

void addInfoCommand(CLI::App& app, int& exitCode);
void addRenderCommand(CLI::App& app, int& exitCode);
void addExportCommand(CLI::App& app, int& exitCode);
void addViewCommand(CLI::App& app, int& exitCode);
void addAnimateCommand(CLI::App& app, int& exitCode);
void addCheckCommand(CLI::App& app, int& exitCode);
void addProfileCommand(CLI::App& app, int& exitCode);

}  // namespace subterra
