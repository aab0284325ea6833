// subterra render: one headless picture of a project or of data files.
#include <algorithm>
#include <iostream>

#include "annotation_overlay.h"
#include "camera_framing.h"
#include "check_markers.h"
#include "cli_common.h"
#include "commands.h"
#include "egl_context.h"
#include "file_path.h"
#include "image_io.h"
#include "offscreen_renderer.h"
#include "defaults.h"

namespace subterra {

namespace {
struct RenderOptions {
    InputOptions inputs;
    std::string output = "subterra.png";
    std::string size = "1920x1080";
    std::string view;
    std::string camera;
    double fovDeg = 0;
    int samples = int(defaults::kRenderSamples.value);
    bool verbose = false;
    bool check = false;
    std::string title;
    bool noAnnotations = false;
    bool keepGoing = false;  // draw what could be read despite errors (exit 0)
};

// The project's annotations (unless --no-annotations) plus a --title card, resolved against the model.
PreparedAnnotations annotationsToDraw(const RenderOptions& options, const LoadedInputs& inputs) {
    Annotations annotations;
    if (inputs.project && !options.noAnnotations) annotations = inputs.project->annotations;
    if (!options.title.empty()) {
        annotations.title = TitleCard{};
        annotations.title->title = options.title;
    }
    Problems problems;
    PreparedAnnotations content =
        prepareAnnotations(inputs.load.model, annotations, inputs.project ? inputs.project->path : "", problems);
    printProblems(problems);
    return content;
}

// The camera the user asked for: --camera, else --view, else automatic framing.
std::optional<CameraSpec> chooseCamera(const RenderOptions& options, const LoadedInputs& inputs, double aspect,
                                       std::string& error) {
    std::optional<CameraSpec> camera;
    if (!options.camera.empty()) {
        camera = parseCameraArgument(options.camera, error);
    } else if (!options.view.empty()) {
        if (!inputs.project || !inputs.project->views.count(options.view)) {
            error = "no view named '" + options.view + "'";
            if (inputs.project && !inputs.project->views.empty()) {
                error += "; the project has:";
                for (const auto& [name, view] : inputs.project->views) error += " " + name;
            } else {
                error += inputs.project ? " (the project defines no views)" : " (views need a project file)";
            }
            return std::nullopt;
        }
        camera = toCameraSpec(inputs.project->views.at(options.view));
    } else {
        camera = autoFrame(inputs.load.model.extent(), aspect);
    }
    if (camera && options.fovDeg > 0) camera->fovYDeg = options.fovDeg;
    return camera;
}

// --check: the project's clearance and cover rules, violations marked in red.
void addCheckMarkers(const BuiltScene& scene, const LoadedInputs& inputs) {
    const CheckResults results = runChecks(inputs.load.model, inputs.project ? inputs.project->checks : CheckRules{});
    scene.world->addChild(buildCheckMarkers(results, inputs.load.model, scene.origin, markerRadiusFor(scene.extent)));
    std::cerr << "subterra: " << results.clearance.size() << " clearance and " << results.cover.size()
              << " cover violations marked\n";
}

int runRender(const RenderOptions& options) {
    RenderSettings settings;
    if (!parseSize(options.size, settings.width, settings.height)) {
        std::cerr << "subterra: error: --size '" << options.size << "': expected WIDTHxHEIGHT, e.g. 1920x1080\n";
        return kExitUsage;
    }
    if (lowerExtension(options.output) != ".png") {
        std::cerr << "subterra: error: -o '" << options.output
                  << "': render writes PNG only; give the file a .png extension\n";
        return kExitUsage;
    }
    settings.samples = options.samples;
    // The renderer first: a size beyond the GL limits is refused before the data is read.
    std::string error;
    bool sizeRefused = false;
    auto renderer = OffscreenRenderer::create(settings, error, &sizeRefused);
    if (!renderer) {
        std::cerr << "subterra: error: " << (sizeRefused ? "--size " : "") << error << "\n";
        return sizeRefused ? kExitUsage : kExitUserError;
    }
    const LoadedInputs inputs = loadInputs(options.inputs);
    const bool hadErrors = printProblems(inputs.problems);
    // A picture is a success or nothing: a script that sees exit 1 must not find a PNG that looks fine.
    if (hadErrors && !options.keepGoing) {
        std::cerr << "subterra: error: no picture written: the inputs have errors (above); fix them, or draw what "
                     "could be read with --keep-going\n";
        return kExitUserError;
    }
    if (inputs.load.model.empty()) {
        std::cerr << "subterra: error: nothing to render: no segment, node or building could be read"
                  << (hadErrors ? " (see the errors above)" : "") << "\n";
        return kExitUserError;
    }
    const auto camera = chooseCamera(options, inputs, double(settings.width) / settings.height, error);
    if (!camera) {
        std::cerr << "subterra: error: " << error << "\n";
        return kExitUserError;
    }
    const BuiltScene scene = buildScene(inputs.load.model, inputs.style);
    if (options.check) addCheckMarkers(scene, inputs);
    AnnotationOverlay overlay(annotationsToDraw(options, inputs));
    osg::ref_ptr<osg::Group> frame = scene.root;
    if (!overlay.content().empty()) {
        frame = new osg::Group;  // the overlay beside the scene root, so that it keeps none of its shaders
        frame->addChild(scene.root.get());
        frame->addChild(overlay.camera());
        overlay.update(overlayViewFor(*camera, settings.width, settings.height), &scene);
    }
    auto image = renderer->render(frame.get(), *camera, error);
    if (!image || !writePng(*image, options.output).into(error)) {
        std::cerr << "subterra: error: " << error << "\n";
        return kExitUserError;
    }
    if (options.verbose)
        std::cerr << "subterra: " << scene.triangles << " triangles, GL renderer " << renderer->context().renderer()
                  << "\n";
    std::cout << options.output << "\n";
    return kExitOk;
}
}  // namespace

void addRenderCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<RenderOptions>();
    CLI::App* command =
        app.add_subcommand("render", "Render a project or data files to a PNG, headless (no display or GPU needed)");
    addInputOptions(*command, options->inputs);
    addCutOptions(*command, options->inputs);
    command->add_option("-o,--output", options->output, "PNG file to write")->capture_default_str();
    command->add_option("--size", options->size, "Image size WIDTHxHEIGHT")->capture_default_str();
    command->add_option("--view", options->view, "A named view of the project");
    command->add_option("--camera", options->camera, "eye x,y,z,target x,y,z[,up x,y,z] in project coordinates");
    command->add_option("--fov", options->fovDeg, "Vertical field of view in degrees")
        ->check(inRange(defaults::kFieldOfViewDeg));
    command->add_option("--samples", options->samples, "Multisampling samples (0 = off)")
        ->capture_default_str()
        ->check(CLI::Range(0, 16));
    command->add_option("--terrain-opacity", options->inputs.terrainOpacity, "Ground opacity 0..1 (x-ray)")
        ->check(inRange(defaults::kTerrainOpacity));
    command->add_flag("--check", options->check, "Run the clearance and cover checks and mark violations in red");
    command->add_option("--title", options->title, "Title card drawn in the top-left corner");
    command->add_flag("--no-annotations", options->noAnnotations,
                      "Leave out the project's callouts, labels and measurements");
    command->add_flag("--keep-going", options->keepGoing,
                      "Draw what could be read even when some inputs have errors (exit 0; the errors are printed)");
    command->add_flag("-v,--verbose", options->verbose, "Print scene and GL details");
    command->callback([options, &exitCode] { exitCode = runRender(*options); });
}

}  // namespace subterra
