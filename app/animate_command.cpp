// subterra animate: a project's timeline (with its annotations, faded by their tracks) as PNG
// frames and/or an MP4, headless.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "animation_export.h"
#include "cli_common.h"
#include "defaults.h"
#include "commands.h"
#include "progress_bar.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
struct AnimateOptions {
    InputOptions inputs;
    std::string outputDir;
    std::string mp4;
    std::string size = "1920x1080";
    double fps = 0;
    std::string frames;
    bool resume = false;
    int samples = int(defaults::kRenderSamples.value);
};

volatile std::sig_atomic_t interrupted = 0;
extern "C" void onInterrupt(int) { interrupted = 1; }

// Ctrl-C ends the run after the frame being written, so every frame on disk is complete.
class InterruptGuard {
  public:
    InterruptGuard() {
        interrupted = 0;
        struct sigaction action {};
        action.sa_handler = onInterrupt;
        // Restarted, not failed: a frame being piped to ffmpeg must be written whole (EINTR made
        // the write fail half way and ffmpeg report a short frame).
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &previousInt_);
        sigaction(SIGTERM, &action, &previousTerm_);
    }
    ~InterruptGuard() {
        sigaction(SIGINT, &previousInt_, nullptr);
        sigaction(SIGTERM, &previousTerm_, nullptr);
    }

  private:
    struct sigaction previousInt_ {
    }, previousTerm_{};
};

// "A-B" (inclusive) within [0, count); "" = all.
bool parseFrameRange(const std::string& text, int count, int& first, int& last, std::string& error) {
    first = 0, last = count - 1;
    if (text.empty()) return true;
    int a = 0, b = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%d-%d%c", &a, &b, &rest) != 2 || a < 0 || b < a) {
        error = "--frames '" + text + "': expected FIRST-LAST, e.g. 0-149";
        return false;
    }
    if (b >= count) {
        error = "--frames '" + text + "': the timeline has frames 0-" + std::to_string(count - 1);
        return false;
    }
    first = a, last = b;
    return true;
}

int fail(const std::string& message) {
    std::cerr << "subterra: error: " << message << "\n";
    return kExitUserError;
}

int runAnimate(AnimateOptions options) {
    RenderSettings settings;
    if (!parseSize(options.size, settings.width, settings.height)) {
        std::cerr << "subterra: error: --size '" << options.size << "': expected WIDTHxHEIGHT, e.g. 1920x1080\n";
        return kExitUsage;
    }
    settings.samples = options.samples;
    if (options.outputDir.empty() && options.mp4.empty()) {
        std::cerr << "subterra: error: nothing to write: give -o DIR for PNG frames and/or --mp4 FILE\n";
        return kExitUsage;
    }
    if (options.inputs.inputs.size() != 1 || !isProjectFile(options.inputs.inputs[0]))
        return fail("animate needs one project file (*.subterra.json) with a \"timeline\"");
    const LoadedInputs inputs = loadInputs(options.inputs);
    const bool hadErrors = printProblems(inputs.problems);
    if (hadErrors && (!inputs.project || !inputs.project->timeline || inputs.load.model.empty()))
        return fail("cannot animate: see the errors above");
    if (!inputs.project->timeline)
        return fail(options.inputs.inputs[0] + ": the project has no \"timeline\" (see docs/project-format.md)");
    for (const auto& problem : inputs.problems)
        if (problem.severity == Severity::Error && problem.where.rfind("$.timeline", 0) == 0)
            return fail("the timeline has errors (see above); nothing rendered");
    Timeline timeline = *inputs.project->timeline;
    if (options.fps > 0) timeline.fps = options.fps;
    int first = 0, last = 0;
    std::string error;
    if (!parseFrameRange(options.frames, timeline.frameCount(), first, last, error)) {
        std::cerr << "subterra: error: " << error << "\n";
        return kExitUsage;
    }

    AnimationExportOptions exportOptions;
    exportOptions.outputDir = options.outputDir;
    exportOptions.mp4 = options.mp4;
    exportOptions.settings = settings;
    exportOptions.firstFrame = first, exportOptions.lastFrame = last;
    exportOptions.resume = options.resume;
    exportOptions.annotations = inputs.project->annotations;
    exportOptions.projectPath = inputs.project->path;
    Problems annotationProblems;
    bool sizeRefused = false;
    auto job = AnimationExport::start(inputs.load.model, inputs.style, timeline, exportOptions, error,
                                      &annotationProblems, &sizeRefused);
    printProblems(annotationProblems);
    if (!job && sizeRefused) {
        std::cerr << "subterra: error: --size " << error << "\n";
        return kExitUsage;
    }
    if (!job) return fail(error);

    InterruptGuard guard;
    ProgressBar progress("animate", job->total());
    const auto start = std::chrono::steady_clock::now();
    while (!job->done() && !interrupted) {
        if (!job->renderNext(error)) return fail(error);
        progress.update(job->finished());
    }
    progress.finish();
    if (!job->finish(error)) return fail(error);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (interrupted) {
        std::cerr << "subterra: interrupted";
        if (!options.mp4.empty())  // an MP4 is one stream: it cannot be resumed, only made again
            std::cerr << ": " << options.mp4 << " was not written (an earlier file there is unchanged)";
        if (!options.outputDir.empty())
            std::cerr << (options.mp4.empty() ? ":" : ";") << " frames " << first << "-" << job->nextFrame() - 1
                      << " are complete in " << options.outputDir << "; run again with --frames " << job->nextFrame()
                      << "-" << last << " or --resume to finish them";
        std::cerr << "\n";
        return 130;
    }
    const int rendered = job->rendered(), skipped = job->skipped();
    std::cerr << "subterra: " << rendered << " frames rendered"
              << (skipped ? " (" + std::to_string(skipped) + " already there)" : "") << " in "
              << ProgressBar::formatDuration(seconds) << " (" << (seconds > 0 ? rendered / seconds : 0.0) << " fps)\n";
    if (!options.outputDir.empty()) std::cout << options.outputDir << "\n";
    if (!options.mp4.empty()) std::cout << options.mp4 << "\n";
    return hadErrors ? kExitUserError : kExitOk;  // as `render`: drawn, but some features could not be read
}
}  // namespace

void addAnimateCommand(CLI::App& app, int& exitCode) {
    auto options = std::make_shared<AnimateOptions>();
    CLI::App* command =
        app.add_subcommand("animate", "Render a project's timeline to PNG frames and/or an MP4, headless");
    addInputOptions(*command, options->inputs);
    command->add_option("-o,--output", options->outputDir, "Directory for PNG frames (frame_00000.png, ...)");
    command->add_option("--mp4", options->mp4, "H.264 MP4 to write through ffmpeg (yuv420p)");
    command->add_option("--size", options->size, "Frame size WIDTHxHEIGHT")->capture_default_str();
    command->add_option("--fps", options->fps, "Frames per second (default: the timeline's; below 1: sparse samples)")
        ->check(inRange(defaults::kFramesPerSecond));
    command->add_option("--frames", options->frames,
                        "Only frames FIRST-LAST (inclusive), e.g. 0-149: one shard of a render farm job");
    command->add_flag("--resume", options->resume, "Skip PNG frames that already exist");
    command->add_option("--samples", options->samples, "Antialiasing samples per pixel (0 = off)")
        ->capture_default_str()
        ->check(CLI::Range(0, 16));
    command->callback([options, &exitCode] { exitCode = runAnimate(*options); });
}

}  // namespace subterra
