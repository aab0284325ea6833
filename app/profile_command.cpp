// subterra profile: a longitudinal profile along a run of lines or a polyline, as SVG and/or PNG.
#include <iostream>

#include "check_report.h"
#include "cli_common.h"
#include "commands.h"
#include "profile_svg.h"
#include "svg_raster.h"

namespace subterra {

namespace {
struct ProfileOptions {
    InputOptions inputs;
    std::string path;
    std::vector<std::string> outputs;
    ProfileDrawing drawing;
};

int runProfile(const ProfileOptions& options) {
    for (const auto& output : options.outputs)
        if (!endsWith(output, ".svg") && !endsWith(output, ".png")) {
            std::cerr << "subterra: error: " << output << ": unknown output format (use .svg or .png)\n";
            return kExitUsage;
        }
    const LoadedInputs inputs = loadInputs(options.inputs);
    const bool hadErrors = printProblems(inputs.problems);
    const Model& model = inputs.load.model;
    if (model.segments.empty()) {
        std::cerr << "subterra: error: nothing to profile: no pipe or cable could be read"
                  << (hadErrors ? " (see the errors above)" : "") << "\n";
        return kExitUserError;
    }
    std::string error;
    const auto path = parseProfilePath(options.path, model, error);
    const auto profile = path ? buildProfile(model, *path, error) : std::nullopt;
    if (!profile) {
        std::cerr << "subterra: error: " << error << "\n";
        return kExitUserError;
    }
    const std::string svg = profileSvg(*profile, model, options.drawing);
    for (const auto& output : options.outputs) {
        if (!writeSvgOrPng(svg, output).into(error)) {
            std::cerr << "subterra: error: " << error << "\n";
            return kExitUserError;
        }
        std::cout << output << "\n";
    }
    std::cerr << "subterra: profile " << int(profile->lengthM + 0.5) << " m: " << profile->pieces.size()
              << " pieces along the path, " << profile->crossings.size() << " crossings, " << profile->manholes.size()
              << " manholes\n";
    return hadErrors ? kExitUserError : kExitOk;
}
}  // namespace

void addProfileCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<ProfileOptions>();
    CLI::App* command =
        app.add_subcommand("profile", "Draw a longitudinal profile along a run of lines or a polyline (SVG, PNG)");
    addInputOptions(*command, options->inputs);
    command
        ->add_option(
            "--path", options->path,
            "Line ids of a connected run (S-0001,S-0002,...), the run between two nodes "
            "(\"from:SMH-0001 to:SMH-0009\", or from:A,to:B), or a polyline x1,y1;x2,y2;... in the project CRS")
        ->required();
    command->add_option("-o,--output", options->outputs, "profile.svg and/or profile.png (repeat -o for both)")
        ->required();
    command->add_option("--width", options->drawing.widthPx, "Drawing width in pixels")
        ->capture_default_str()
        ->check(CLI::Range(400, 16000));
    command
        ->add_option("--exaggeration", options->drawing.exaggeration,
                     "Vertical exaggeration (default: fit the depth range)")
        ->check(finiteRange(0.1, 1000.0));
    command->callback([options, &exitCode] { exitCode = runProfile(*options); });
}

}  // namespace subterra
