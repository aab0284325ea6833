// subterra export: the built scene as a mesh file for other tools (f3d, Blender).
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "mesh_export.h"

namespace subterra {

void addExportCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<InputOptions>();
    auto output = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "export",
        "Write the built 3D scene as .osgb/.osgt (true coordinates) or .gltf/.glb/.obj/.ply/.stl (local, Y-up)");
    addInputOptions(*command, *options);
    command->add_option("-o,--output", *output, "Mesh file to write; the format follows the extension")->required();
    command->callback([options, output, &exitCode] {
        const LoadedInputs inputs = loadInputs(*options);
        const bool hadErrors = printProblems(inputs.problems);
        if (inputs.load.model.empty()) {
            std::cerr << "subterra: error: nothing to export: no segment, node or building could be read\n";
            exitCode = kExitUserError;
            return;
        }
        const BuiltScene scene = buildScene(inputs.load.model, inputs.style);
        std::string error;
        if (!exportScene(scene, *output).into(error)) {
            std::cerr << "subterra: error: " << error << "\n";
            exitCode = kExitUserError;
            return;
        }
        std::cout << *output << "\n";
        if (output->find(".osg") == std::string::npos)
            std::cerr << "subterra: coordinates are relative to E " << std::fixed << scene.origin.x << " N "
                      << scene.origin.y << " Z " << scene.origin.z << " (project CRS), Y-up\n";
        exitCode = hadErrors ? kExitUserError : kExitOk;
    });
}

}  // namespace subterra
