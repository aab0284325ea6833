#pragma once
// A timeline rendered to PNG frames and/or an MP4, one frame per call: `subterra animate` loops
// over it on the terminal, the viewer's timeline panel steps it between window frames (with a
// progress bar and a cancel button). Either way the frames are the same bytes.
#include <memory>
#include <string>

#include "annotation_overlay.h"
#include "model.h"
#include "offscreen_renderer.h"
#include "scene_builder.h"
#include "timeline_apply.h"
#include "video_pipe.h"

namespace subterra {

struct AnimationExportOptions {
    std::string outputDir;  // PNG frames (frame_00000.png, ...); empty = none
    std::string mp4;        // H.264 through ffmpeg; empty = none
    RenderSettings settings;
    int firstFrame = 0;       // inclusive range of the timeline's frames
    int lastFrame = -1;       // -1 = the last frame
    bool resume = false;      // PNG only: skip frames an earlier run wrote
    Annotations annotations;  // drawn over the frames, faded by their annotation.* tracks
    std::string projectPath;  // for the annotations' messages
};

// "frame_00042.png" in `directory`.
std::string animationFramePath(const std::string& directory, int frame);

class AnimationExport {
  public:
    // Builds its own scene from `model` and `style` (a viewer's scene is left as it is), makes the
    // offscreen renderer on this thread, starts ffmpeg and creates the directory. Null with `error`
    // (a camera.follow track naming missing pipes too; `sizeRefused` set when the frame size is beyond
    // the GL limits). Annotation problems go to `warnings`.
    static std::unique_ptr<AnimationExport> start(const Model& model, SceneStyle style, const Timeline& timeline,
                                                  const AnimationExportOptions& options, std::string& error,
                                                  Problems* warnings = nullptr, bool* sizeRefused = nullptr);

    bool done() const { return next_ > options_.lastFrame; }
    // Renders and writes the next frame (or skips it when resuming and its PNG exists). PNGs are
    // written atomically, so stopping between calls leaves complete frames only.
    [[nodiscard]] bool renderNext(std::string& error);
    // Ends the MP4 (ffmpeg finishes the file, which then replaces the target); call once done() is
    // true. Before that (an interrupted run) the unfinished MP4 is discarded: the target is kept.
    [[nodiscard]] bool finish(std::string& error);

    int firstFrame() const { return options_.firstFrame; }
    int lastFrame() const { return options_.lastFrame; }
    int nextFrame() const { return next_; }
    int total() const { return options_.lastFrame - options_.firstFrame + 1; }
    int finished() const { return next_ - options_.firstFrame; }  // rendered + skipped
    int rendered() const { return rendered_; }
    int skipped() const { return skipped_; }

  private:
    AnimationExport() = default;
    AnimationExportOptions options_;
    Timeline timeline_;
    BuiltScene scene_;
    PreparedAnnotations annotations_;
    std::unique_ptr<AnnotationOverlay> overlay_;
    osg::ref_ptr<osg::Group> root_;  // the scene, and the overlay beside it when there are annotations
    std::unique_ptr<TimelinePlayer> player_;
    std::unique_ptr<OffscreenRenderer> renderer_;
    std::unique_ptr<VideoPipe> video_;
    int next_ = 0, rendered_ = 0, skipped_ = 0;
};

}  // namespace subterra
