// bench_scene: where the time and memory of one `subterra render` go, phase by phase.
//
//   bench_scene [--frames N] [--orbit N] [--size WxH] [--samples S] [--dem DEM] [--crs CRS] INPUT...
//
// --frames 0 stops after the scene build: import and build alone, e.g. under a profiler.
// --orbit N then turns the camera a full circle in N frames, as a planner orbiting in the viewer
// does, and prints the frame rate, the worst frame and the cost of the viewer's per-frame pick
// under the cursor: the viewer's figure where no display exists (a GPU server).
//
// INPUT is a project file or data files, as for `subterra render`. Runs the same phases in the same
// order as the CLI (import, scene build, renderer creation, frames) so the figures explain the CLI's
// whole-process time. Prints one "name value" line per figure: readable as is, and stable for
// bench/run_benchmarks.sh to pick up with awk. A benchmark, not a test: it judges nothing.
#include <gdal.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <osg/Geometry>
#include <osg/NodeVisitor>

#include "camera_framing.h"
#include "egl_context.h"
#include "offscreen_renderer.h"
#include "picking.h"
#include "scene_builder.h"
#include "scene_inputs.h"

using namespace subterra;

namespace {

const char* const kUsage =
    "usage: bench_scene [--frames N] [--orbit N] [--size WxH] [--samples S] [--dem DEM] [--crs CRS] INPUT...\n"
    "  INPUT: one project file or vector data files. Renders 1 warm-up frame + N timed frames\n"
    "  (default 5; 0: no rendering) at --size (default 1920x1080) with --samples MSAA samples\n"
    "  (default 4, as the CLI). --orbit N: then N frames turning a full circle (default 0).\n";

struct Options {
    InputOptions inputs;
    int frames = 5;
    int orbitFrames = 0;
    std::vector<std::string> hidden;  // layers to leave out (which layers cost the most)
    bool noLines = false;
    RenderSettings render;  // its defaults are the CLI's defaults
};

// A whole number >= minimum, nothing trailing: "5" yes; "5x", "-1" and "" no.
std::optional<int> parseCount(const std::string& text, int minimum) {
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < minimum || value > 100000) return std::nullopt;
    return int(value);
}

std::optional<Options> parseArguments(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) {
            options.inputs.inputs.push_back(arg);
            continue;
        }
        if (i + 1 >= argc) return std::nullopt;  // every option takes a value
        const std::string value = argv[++i];
        if (arg == "--frames") {
            const auto frames = parseCount(value, 0);
            if (!frames) return std::nullopt;
            options.frames = *frames;
        } else if (arg == "--orbit") {
            const auto frames = parseCount(value, 0);
            if (!frames) return std::nullopt;
            options.orbitFrames = *frames;
        } else if (arg == "--size") {
            const size_t x = value.find('x');
            const auto width = parseCount(value.substr(0, x), 1);
            const auto height = x == std::string::npos ? std::nullopt : parseCount(value.substr(x + 1), 1);
            if (!width || !height) return std::nullopt;
            options.render.width = *width;
            options.render.height = *height;
        } else if (arg == "--samples") {
            const auto samples = parseCount(value, 0);
            if (!samples) return std::nullopt;
            options.render.samples = *samples;
        } else if (arg == "--hide") {
            for (size_t start = 0; start <= value.size();) {
                const size_t comma = std::min(value.find(',', start), value.size());
                options.hidden.push_back(value.substr(start, comma - start));
                start = comma + 1;
            }
        } else if (arg == "--lines") {
            options.noLines = value == "off";
        } else if (arg == "--dem") {
            options.inputs.dem = value;
        } else if (arg == "--crs") {
            options.inputs.crs = value;
        } else {
            return std::nullopt;
        }
    }
    if (options.inputs.inputs.empty()) return std::nullopt;
    return options;
}

// What one frame submits: llvmpipe transforms vertices on one thread, so frame time follows these
// counts more than the pixel count. A layer drawn in two passes (translucent) counts twice, and a
// hidden one (node mask 0) not at all, as in a frame.
class DrawnMeshCounter : public osg::NodeVisitor {
  public:
    DrawnMeshCounter() : osg::NodeVisitor(TRAVERSE_ACTIVE_CHILDREN) {}
    void apply(osg::Geometry& geometry) override {
        if (const osg::Array* vertices = geometry.getVertexArray()) this->vertices += vertices->getNumElements();
        for (unsigned i = 0; i < geometry.getNumPrimitiveSets(); ++i) {
            const osg::PrimitiveSet* set = geometry.getPrimitiveSet(i);
            if (set->getMode() == GL_TRIANGLES) triangles += set->getNumIndices() / 3;
        }
    }
    size_t triangles = 0, vertices = 0;
};

class LineRemover : public osg::NodeVisitor {
  public:
    LineRemover() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Geometry& geometry) override {
        for (unsigned i = geometry.getNumPrimitiveSets(); i-- > 0;)
            if (geometry.getPrimitiveSet(i)->getMode() == GL_LINES) geometry.removePrimitiveSet(i);
    }
};

double secondsOf(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ru_maxrss is the high-water mark so far (KiB on Linux): read after each phase, it tells which
// phase raised the peak.
double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

void print(const char* name, double value, const char* unit, int decimals = 3) {
    std::printf("%-24s %.*f%s%s\n", name, decimals, value, *unit ? " " : "", unit);
}

// The camera turned `degrees` about the vertical through the point it looks at.
CameraSpec turnedAboutTarget(const CameraSpec& camera, double degrees) {
    CameraSpec turned = camera;
    const osg::Matrixd turn = osg::Matrixd::rotate(osg::DegreesToRadians(degrees), osg::Vec3d(0, 0, 1));
    turned.eye = camera.target + (camera.eye - camera.target) * turn;
    return turned;
}

struct Timings {
    double total = 0, worst = 0;
    void add(double seconds) { total += seconds, worst = std::max(worst, seconds); }
};

// A full turn in `frames` frames. Each frame also does what the viewer does every frame while the
// cursor is over the scene: a pick through the k-d trees, which the viewer builds at load (here at
// the window's centre). One untimed turn first puts every level of detail the turn shows on the
// GPU, as the viewer uploads the whole scene when it opens it (the headless renderer uploads what
// it draws, when it first draws it). Frame times include reading the picture back, which a window
// does not do, so the viewer's own rate is, if anything, higher.
void benchOrbit(OffscreenRenderer& renderer, const BuiltScene& scene, const SceneStyle& style, const CameraSpec& start,
                int frames) {
    print("kd_tree_build", secondsOf([&] { buildPickingTrees(*scene.root); }), "s");
    const RenderSettings& settings = renderer.settings();
    const double aspect = double(settings.width) / settings.height;
    std::string error;
    const auto turn = [&](Timings& draw, Timings& pick) {
        for (int frame = 0; frame < frames; ++frame) {
            const CameraSpec camera = turnedAboutTarget(start, 360.0 * frame / frames);
            pick.add(secondsOf([&] {
                const osg::Matrixd view = osg::Matrixd::lookAt(camera.eye, camera.target, camera.up);
                const osg::Matrixd projection = osg::Matrixd::perspective(camera.fovYDeg, aspect, 0.05, 1e6);
                osg::Vec3d nearPoint, farPoint;
                rayThroughPixel(view, projection, settings.width / 2.0, settings.height / 2.0, settings.width,
                                settings.height, nearPoint, farPoint);
                pickRay(scene, nearPoint, farPoint, &style);
            }));
            draw.add(secondsOf([&] {
                if (!renderer.render(scene.root.get(), camera, error)) {
                    std::fprintf(stderr, "bench_scene: %s\n", error.c_str());
                    std::exit(1);
                }
            }));
        }
    };
    Timings warmUp, draw, pick;
    turn(warmUp, warmUp);
    print("orbit_warm_up", warmUp.total, "s");
    turn(draw, pick);
    print("orbit_frames", frames, "", 0);
    print("orbit_frame_mean", draw.total / frames, "s", 4);
    print("orbit_frame_worst", draw.worst, "s", 4);
    print("orbit_pick_mean", pick.total / frames, "s", 4);
    print("orbit_pick_worst", pick.worst, "s", 4);
    print("orbit_fps", frames / (draw.total + pick.total), "", 1);
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = parseArguments(argc, argv);
    if (!options) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const double startRss = peakRssMiB();
    print("peak_rss_start", startRss, "MiB", 1);
    // A per-process cost that the CLI pays in main() and ogrinfo pays too: shown, not counted as import.
    print("gdal_register", secondsOf(GDALAllRegister), "s");

    LoadedInputs inputs;
    print("import", secondsOf([&] { inputs = loadInputs(options->inputs); }), "s");
    print("peak_rss_after_import", peakRssMiB(), "MiB", 1);
    // Errors would make the figures those of a partial import: show them. Warnings (guessed
    // mappings, assumed depths) are the normal state of a synthetic city and only counted.
    size_t warnings = 0;
    for (const Problem& problem : inputs.problems) {
        if (problem.severity == Severity::Error) std::fprintf(stderr, "bench_scene: %s\n", problem.toLine().c_str());
        else ++warnings;
    }
    print("import_warnings", double(warnings), "", 0);
    const Model& model = inputs.load.model;
    if (model.empty()) {
        std::fputs("bench_scene: nothing was imported\n", stderr);
        return 1;
    }
    print("segments", double(model.segments.size()), "", 0);
    print("nodes", double(model.nodes.size()), "", 0);
    print("buildings", double(model.buildings.size()), "", 0);

    BuiltScene scene;
    print("scene_build", secondsOf([&] { scene = buildScene(model, inputs.style); }), "s");
    print("triangles", double(scene.triangles), "", 0);
    auto printDrawn = [](const std::string& name, osg::Node& node) {
        DrawnMeshCounter counter;
        node.accept(counter);
        std::printf("%-24s %zu triangles, %zu vertices\n", ("drawn:" + name).c_str(), counter.triangles,
                    counter.vertices);
    };
    for (const auto& [name, group] : scene.layers) printDrawn(name, *group);
    if (scene.terrain) printDrawn("terrain", *scene.terrain);
    const double builtRss = peakRssMiB();
    print("peak_rss_after_build", builtRss, "MiB", 1);
    if (!model.segments.empty()) {
        // The whole-process peak includes fixed costs (libraries, llvmpipe's multisampled
        // framebuffers) that dwarf a small city; what grows with the data is the model + scene graph.
        print("data_rss_per_segment", (builtRss - startRss) * 1024 * 1024 / double(model.segments.size()), "bytes", 0);
    }
    if (options->frames == 0) return 0;
    for (const std::string& name : options->hidden) {
        if (name == "terrain" && scene.terrain) scene.terrain->setNodeMask(0);
        else if (scene.layers.count(name)) scene.layers[name]->setNodeMask(0);
        else std::fprintf(stderr, "bench_scene: no layer %s\n", name.c_str());
    }
    if (options->noLines) {
        LineRemover remover;
        scene.root->accept(remover);
    }

    std::string error;
    std::unique_ptr<OffscreenRenderer> renderer;
    print("renderer_create", secondsOf([&] { renderer = OffscreenRenderer::create(options->render, error); }), "s");
    if (!renderer) {
        std::fprintf(stderr, "bench_scene: %s\n", error.c_str());
        return 1;
    }
    // The CLI's automatic framing: the whole city in view, the worst case, since nothing is culled.
    const auto& settings = renderer->settings();
    const CameraSpec camera = autoFrame(model.extent(), double(settings.width) / settings.height);
    const auto renderFrame = [&] {
        if (!renderer->render(scene.root.get(), camera, error)) {
            std::fprintf(stderr, "bench_scene: %s\n", error.c_str());
            std::exit(1);
        }
    };
    // The first frame compiles shaders and uploads every vertex buffer: a one-off cost that a
    // single-picture `subterra render` pays in full, so it is reported, not folded into the mean.
    print("first_frame", secondsOf(renderFrame), "s");
    double total = 0;
    for (int frame = 0; frame < options->frames; ++frame) total += secondsOf(renderFrame);
    print("frame_mean", total / options->frames, "s");
    print("frames_timed", options->frames, "", 0);
    if (options->orbitFrames > 0) benchOrbit(*renderer, scene, inputs.style, camera, options->orbitFrames);

    const double peak = peakRssMiB();
    print("peak_rss", peak, "MiB", 1);
    if (!model.segments.empty())
        print("peak_rss_per_segment", peak * 1024 * 1024 / double(model.segments.size()), "bytes", 0);
    std::printf("%-24s %dx%d samples %d, %s\n", "render_target", settings.width, settings.height, settings.samples,
                renderer->context().renderer().c_str());
    return 0;
}
