// bench_scene: where the time and memory of one `subterra render` go, phase by phase.
//
//   bench_scene [--frames N] [--size WxH] [--samples S] [--dem DEM] [--crs CRS] INPUT...
//
// --frames 0 stops after the scene build: import and build alone, e.g. under a profiler.
//
// INPUT is a project file or data files, as for `subterra render`. Runs the same phases in the same
// order as the CLI (import, scene build, renderer creation, frames) so the figures explain the CLI's
// whole-process time. Prints one "name value" line per figure: readable as is, and stable for
// bench/run_benchmarks.sh to pick up with awk. A benchmark, not a test: it judges nothing.
#include <gdal.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>

#include <osg/Geometry>
#include <osg/NodeVisitor>

#include "camera_framing.h"
#include "egl_context.h"
#include "offscreen_renderer.h"
#include "scene_builder.h"
#include "scene_inputs.h"

using namespace subterra;

namespace {

const char* const kUsage =
    "usage: bench_scene [--frames N] [--size WxH] [--samples S] [--dem DEM] [--crs CRS] INPUT...\n"
    "  INPUT: one project file or vector data files. Renders 1 warm-up frame + N timed frames\n"
    "  (default 5; 0: no rendering) at --size (default 1920x1080) with --samples MSAA samples\n"
    "  (default 4, as the CLI).\n";

struct Options {
    InputOptions inputs;
    int frames = 5;
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
        if (problem.severity == Severity::Error)
            std::fprintf(stderr, "bench_scene: %s\n", problem.toLine().c_str());
        else
            ++warnings;
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

    const double peak = peakRssMiB();
    print("peak_rss", peak, "MiB", 1);
    if (!model.segments.empty())
        print("peak_rss_per_segment", peak * 1024 * 1024 / double(model.segments.size()), "bytes", 0);
    std::printf("%-24s %dx%d samples %d, %s\n", "render_target", settings.width, settings.height, settings.samples,
                renderer->context().renderer().c_str());
    return 0;
}
