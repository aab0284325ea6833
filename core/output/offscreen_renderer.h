#pragma once
// Renders OSG scenes into images without a window: the engine behind `subterra render`,
// animation export and the image-regression tests.
//
// Create one renderer and render many frames with it: the GL context, the viewer and the
// (multisampled) framebuffer are made once (~0.3-0.6 s). Measured at 1920x1080 on llvmpipe
// with 2 cores, small scene: ~8 ms per frame without MSAA, ~50-70 ms with 4x MSAA (clearing
// and resolving the multisampled buffers dominate). A renderer belongs to the thread that
// created it (EGL contexts are per thread).
#include <osg/Image>
#include <osg/Node>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include <memory>
#include <string>

#include "camera_spec.h"
#include "defaults.h"
#include "utility_colors.h"

namespace osgViewer {
class Viewer;
}

namespace subterra {

class EglContext;

struct RenderSettings {
    int width = int(defaults::kRenderWidthPx.value);
    int height = int(defaults::kRenderHeightPx.value);
    int samples = int(defaults::kRenderSamples.value);  // MSAA samples; 0 = no antialiasing
    osg::Vec4 background = backgroundColor();           // the sky of defaults.h
};

class OffscreenRenderer {
  public:
    // Makes the EGL context, viewer and framebuffer and renders one empty frame to prove
    // the framebuffer works (a driver that cannot do FBOs would otherwise give black frames).
    // A size beyond the context's limits (EglContext::maxFramebufferSide) is refused before any
    // framebuffer is allocated, with `sizeRefused` set (a usage error for the command line).
    static std::unique_ptr<OffscreenRenderer> create(const RenderSettings& settings, std::string& error,
                                                     bool* sizeRefused = nullptr);
    ~OffscreenRenderer();

    OffscreenRenderer(const OffscreenRenderer&) = delete;
    OffscreenRenderer& operator=(const OffscreenRenderer&) = delete;

    // Renders `scene` seen from `camera` and returns a new image the caller owns (frames can
    // be kept): width x height, GL_RGBA / GL_UNSIGNED_BYTE, opaque (alpha 255), rows
    // bottom-up as OSG stores them (row 0 is the bottom of the picture; writePng and
    // pixelAt in image_io.h take care of that). The scene may be another node than last
    // frame's, or the same one modified. Same scene + camera gives the same bytes (the
    // frame's simulation time is always 0: animations set their state explicitly).
    // Returns null and sets `error` for a camera that cannot be used (eye == target, up
    // along the view direction, fov outside (0, 180), bad near/far).
    osg::ref_ptr<osg::Image> render(osg::Node* scene, const CameraSpec& camera, std::string& error);

    // As requested, except `samples`: what each pixel really gets (capped by the driver;
    // 0 where multisampling failed), for --verbose output and for callers that insist.
    // On a software rasteriser (llvmpipe) antialiasing is done by supersampling: the frame is
    // drawn at 2x width and height without MSAA and averaged down (4 samples a pixel), because
    // llvmpipe's MSAA costs per triangle and made a 20M-triangle city frame 3.5x slower.
    const RenderSettings& settings() const { return settings_; }
    int supersampling() const { return supersample_; }
    const EglContext& context() const { return *context_; }

  private:
    OffscreenRenderer() = default;
    void setUpViewer();
    bool checkFramebuffer(std::string& error);
    void applyCamera(const CameraSpec& camera);  // camera already validated

    RenderSettings settings_;
    int supersample_ = 1;  // framebuffer is supersample_ times the output size each way
    int fboSamples_ = 0;   // MSAA samples of the framebuffer itself
    // Declared before the viewer so that it is destroyed after it: the viewer releases its
    // GL objects in its destructor and needs the context for that.
    std::unique_ptr<EglContext> context_;
    osg::ref_ptr<osgViewer::Viewer> viewer_;
    osg::ref_ptr<osg::Image> target_;  // the FBO's read-back image, overwritten every frame
};

}  // namespace subterra
