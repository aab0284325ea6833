// subterra view: the interactive viewer (viewer/), or a scripted run of it for tests.
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "script.h"
#include "viewer_app.h"

namespace subterra {

namespace {
struct ViewCommandOptions {
    InputOptions inputs;
    ViewerOptions viewer;
    std::string size = "1600x900";
};

int runView(ViewCommandOptions options) {
    if (!parseSize(options.size, options.viewer.width, options.viewer.height)) {
        std::cerr << "subterra: error: --size '" << options.size << "': expected WIDTHxHEIGHT, e.g. 1600x900\n";
        return kExitUsage;
    }
    if (!options.viewer.screenshot.empty() && options.viewer.script.empty() && options.viewer.frames <= 0) {
        std::cerr << "subterra: error: --screenshot needs --frames N or --script FILE\n";
        return kExitUsage;
    }
    LoadedInputs inputs = loadInputs(options.inputs);
    const bool hadErrors = printProblems(inputs.problems);
    if (inputs.load.model.empty()) {
        std::cerr << "subterra: error: nothing to show: no segment, node or building could be read"
                  << (hadErrors ? " (see the errors above)" : "") << "\n";
        return kExitUserError;
    }
    if (!options.viewer.view.empty() && !inputs.project) {
        std::cerr << "subterra: error: --view needs a project file\n";
        return kExitUsage;
    }
    const int code = runViewer(std::move(inputs), options.viewer);
    return code != 0 ? kExitUserError : kExitOk;
}
}  // namespace

void addViewCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<ViewCommandOptions>();
    CLI::App* command = app.add_subcommand("view", "Open a project or data files in the interactive 3D viewer");
    addInputOptions(*command, options->inputs);
    addCutOptions(*command, options->inputs);
    command->add_option("--size", options->size, "Window size WIDTHxHEIGHT")->capture_default_str();
    command->add_option("--view", options->viewer.view, "Start from this named view of the project");
    command->add_option("--script", options->viewer.script,
                        "Scripted mode: perform the actions in this JSON file, then quit");
    command->add_option("--frames", options->viewer.frames, "Scripted mode: quit after N frames")
        ->check(CLI::PositiveNumber);
    command->add_option("--screenshot", options->viewer.screenshot,
                        "With --frames or --script: save the window as a PNG at the end");
    command->add_option("--terrain-opacity", options->inputs.terrainOpacity, "Ground opacity 0..1 (x-ray)")
        ->check(inRange(defaults::kTerrainOpacity));
    command->add_flag_callback(
        "--script-actions",
        [] {
            std::cout << scriptActionsMarkdown();
            throw CLI::Success();  // as --version: runs before CLI11 asks for the required INPUTS; exits 0
        },
        "Print the actions of --script files as Markdown (docs/viewer-script.md) and exit");
    command->callback([options, &exitCode] { exitCode = runView(*options); });
}

}  // namespace subterra
