#include "animation_export.h"

#include <cstdio>
#include <filesystem>

#include "camera_framing.h"
#include "image_io.h"
#include "png_check.h"

namespace fs = std::filesystem;

namespace subterra {

std::string animationFramePath(const std::string& directory, int frame) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", frame);
    return (fs::path(directory) / name).string();
}

std::unique_ptr<AnimationExport> AnimationExport::start(const Model& model, SceneStyle style, const Timeline& timeline,
                                                        const AnimationExportOptions& options, std::string& error,
                                                        Problems* warnings, bool* sizeRefused) {
    if (options.outputDir.empty() && options.mp4.empty()) {
        error = "nothing to write: give a directory for PNG frames and/or an MP4 file";
        return nullptr;
    }
    std::unique_ptr<AnimationExport> job(new AnimationExport);
    job->options_ = options;
    job->timeline_ = timeline;
    const int count = timeline.frameCount();
    if (job->options_.lastFrame < 0) job->options_.lastFrame = count - 1;
    if (options.firstFrame < 0 || job->options_.lastFrame >= count || options.firstFrame > job->options_.lastFrame) {
        error = "frames " + std::to_string(options.firstFrame) + "-" + std::to_string(job->options_.lastFrame) +
                ": the timeline has frames 0-" + std::to_string(count - 1);
        return nullptr;
    }
    job->next_ = job->options_.firstFrame;
    addRevealOrigins(style, timeline);
    job->scene_ = buildScene(model, style);
    const RenderSettings& settings = options.settings;
    job->player_ = std::make_unique<TimelinePlayer>(
        job->scene_, model, style, timeline, autoFrame(job->scene_.extent, double(settings.width) / settings.height));
    if (!job->player_->problems().empty()) {
        Problem first = job->player_->problems().front();
        first.file = options.projectPath;
        error = first.toLine();
        return nullptr;
    }
    Problems annotationProblems;
    job->annotations_ = prepareAnnotations(model, options.annotations, options.projectPath, annotationProblems);
    if (warnings) warnings->insert(warnings->end(), annotationProblems.begin(), annotationProblems.end());
    job->root_ = job->scene_.root;
    if (!job->annotations_.empty()) {
        // The overlay beside the scene root, so that it keeps none of the scene's shaders.
        job->overlay_ = std::make_unique<AnnotationOverlay>(PreparedAnnotations{});
        job->root_ = new osg::Group;
        job->root_->addChild(job->scene_.root.get());
        job->root_->addChild(job->overlay_->camera());
    }
    if (!(job->renderer_ = OffscreenRenderer::create(settings, error, sizeRefused))) return nullptr;
    if (!options.mp4.empty() &&
        !(job->video_ = VideoPipe::open(options.mp4, settings.width, settings.height, timeline.fps, error)))
        return nullptr;
    if (!options.outputDir.empty()) {
        std::error_code ec;
        fs::create_directories(options.outputDir, ec);
        if (ec) {
            error = options.outputDir + ": cannot create the directory (" + ec.message() + ")";
            return nullptr;
        }
    }
    return job;
}

bool AnimationExport::renderNext(std::string& error) {
    if (done()) return true;
    const int frame = next_;
    const std::string path = options_.outputDir.empty() ? "" : animationFramePath(options_.outputDir, frame);
    // With a video every frame is needed; PNG-only runs skip what an earlier run wrote, if it is a
    // complete PNG of this run's size (written atomically, a frame is; copied or cut short, not).
    const RenderSettings& settings = options_.settings;
    if (options_.resume && !video_ && !path.empty() && fs::exists(path) &&
        pngFrameProblem(path, settings.width, settings.height).empty()) {
        ++skipped_, ++next_;
        return true;
    }
    const TimelineFrame state = player_->apply(timeline_.frameTime(frame));
    if (overlay_) {
        overlay_->setContent(fadedAnnotations(annotations_, state.annotationOpacity));
        overlay_->update(overlayViewFor(state.camera, options_.settings.width, options_.settings.height), &scene_);
    }
    const auto image = renderer_->render(root_.get(), state.camera, error);
    if (!image) return error = "frame " + std::to_string(frame) + ": " + error, false;
    if (!path.empty() && !writePng(*image, path).into(error)) return false;
    if (video_ && !video_->write(*image, error)) return false;
    ++rendered_, ++next_;
    return true;
}

bool AnimationExport::finish(std::string& error) {
    if (!video_) return true;
    if (!done()) {
        video_.reset();  // discarded: a partial video must not replace the target
        return true;
    }
    const bool ok = video_->close(error);
    video_.reset();
    return ok;
}

}  // namespace subterra
