#pragma once
// Draws prepared annotations over a 3D view: an orthographic overlay camera (pixels) with boxed
// osgText labels, leader lines from each projected anchor, dimension lines and the title card.
// Sizes are constant on screen and scale with the picture height (relative to 1080 pixels).
// Labels are "always on top" (no depth test); one that is not is hidden while a feature lies in
// front of its anchor (a pick ray, not the depth buffer, so it works the same headless and live).
#include <osg/Camera>
#include <osg/Matrixd>
#include <osg/ref_ptr>

#include "annotation_content.h"

namespace subterra {

struct BuiltScene;

struct OverlayView {
    osg::Matrixd view;  // project CRS -> eye
    osg::Matrixd projection;
    int width = 0, height = 0;  // output pixels
};

struct OverlayStats {
    size_t labelsShown = 0;
    size_t labelsHidden = 0;  // by collision, occlusion or being off screen
};

class AnnotationOverlay {
  public:
    explicit AnnotationOverlay(PreparedAnnotations content);

    // The overlay camera: add it beside the scene root (not under it, so it does not take the
    // scene's shaders). Its content is made by update().
    osg::Camera* camera() const { return camera_.get(); }

    // Lays out and rebuilds the overlay for this view. `scene` (optional) hides labels whose
    // anchor is behind a feature when they are not always on top. Cheap when nothing changed.
    void update(const OverlayView& view, const BuiltScene* scene = nullptr);

    void setContent(PreparedAnnotations content);
    const PreparedAnnotations& content() const { return content_; }
    const OverlayStats& stats() const { return stats_; }

  private:
    PreparedAnnotations content_;
    osg::ref_ptr<osg::Camera> camera_;
    OverlayView last_;
    bool dirty_ = true;
    OverlayStats stats_;
};

// The overlay view of an offscreen render with this camera and output size.
struct CameraSpec;
OverlayView overlayViewFor(const CameraSpec& camera, int width, int height);

// The path of a label font: an absolute path as is, else a file in the DejaVu font folder.
std::string fontPath(const std::string& font);

}  // namespace subterra
