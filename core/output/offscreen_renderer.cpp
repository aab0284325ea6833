#include "offscreen_renderer.h"

#include "detail_levels.h"

#include "egl_context.h"

#include <osg/LineWidth>
#include <osg/Camera>
#include <osg/FrameBufferObject>
#include <osg/GLExtensions>
#include <osg/Drawable>
#include <osg/Notify>
#include <osgViewer/GraphicsWindow>
#include <osgViewer/Renderer>
#include <osgViewer/Viewer>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

namespace subterra {
namespace {

// GraphicsWindowEmbedded assumes the application made its context current. Tying it to the
// EGL context makes OSG's own makeCurrent calls real: at realize, every frame, and when the
// viewer's destructor releases GL objects.
class EglWindow : public osgViewer::GraphicsWindowEmbedded {
  public:
    EglWindow(const EglContext& context, int width, int height)
        : osgViewer::GraphicsWindowEmbedded(0, 0, width, height), context_(context) {}

    bool makeCurrentImplementation() override { return context_.makeCurrent(); }
    bool releaseContextImplementation() override {
        context_.release();
        return true;
    }

  private:
    const EglContext& context_;
};

bool isFinite(const osg::Vec3d& v) { return std::isfinite(v.x()) && std::isfinite(v.y()) && std::isfinite(v.z()); }

std::string validateCamera(const CameraSpec& camera) {
    if (!isFinite(camera.eye) || !isFinite(camera.target) || !isFinite(camera.up))
        return "camera eye, target and up must be finite numbers";
    const osg::Vec3d forward = camera.target - camera.eye;
    if (forward.length2() == 0) return "camera eye and target are the same point";
    // Also catches a zero `up`. The tolerance is relative so that UTM-sized vectors work.
    const osg::Vec3d side = forward ^ camera.up;
    if (side.length2() <= 1e-12 * forward.length2() * camera.up.length2())
        return "camera up direction is parallel to the view direction";
    if (!(camera.fovYDeg > 0 && camera.fovYDeg < 180))
        return "camera field of view must be between 0 and 180 degrees, got " + std::to_string(camera.fovYDeg);
    const bool automatic = camera.nearM == 0 && camera.farM == 0;
    if (!automatic && !(camera.nearM > 0 && camera.nearM < camera.farM))
        return "camera near/far must both be 0 (automatic) or 0 < near < far, got near " +
               std::to_string(camera.nearM) + " m, far " + std::to_string(camera.farM) + " m";
    return "";
}

// Translucent layers (x-ray terrain) blend into the framebuffer's alpha too, which would make
// those PNG pixels see-through in any image viewer; a picture of a scene is opaque. A
// background with alpha < 1 asks for a transparent frame, and then alpha is kept as drawn.
osg::ref_ptr<osg::Image> copyFrame(const osg::Image& frame, bool opaque) {
    osg::ref_ptr<osg::Image> copy = new osg::Image(frame, osg::CopyOp::DEEP_COPY_ALL);
    if (opaque) {
        unsigned char* data = copy->data();
        const unsigned int size = copy->getTotalSizeInBytes();
        for (unsigned int alpha = 3; alpha < size; alpha += 4) data[alpha] = 255;
    }
    return copy;
}

// Averages factor x factor blocks: supersampled frame -> output frame.
osg::ref_ptr<osg::Image> downsample(const osg::Image& frame, int factor, bool opaque) {
    const int width = frame.s() / factor, height = frame.t() / factor;
    osg::ref_ptr<osg::Image> out = new osg::Image;
    out->allocateImage(width, height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    const int area = factor * factor;
    for (int y = 0; y < height; ++y) {
        unsigned char* row = out->data(0, y);
        for (int x = 0; x < width; ++x) {
            int sum[4] = {0, 0, 0, 0};
            for (int dy = 0; dy < factor; ++dy) {
                const unsigned char* source = frame.data(x * factor, y * factor + dy);
                for (int dx = 0; dx < factor; ++dx)
                    for (int c = 0; c < 4; ++c) sum[c] += source[dx * 4 + c];
            }
            for (int c = 0; c < 4; ++c) row[x * 4 + c] = static_cast<unsigned char>((sum[c] + area / 2) / area);
            if (opaque) row[x * 4 + 3] = 255;
        }
    }
    return out;
}

bool isSoftwareRasteriser(const std::string& renderer) {
    return renderer.find("llvmpipe") != std::string::npos || renderer.find("softpipe") != std::string::npos ||
           renderer.find("swrast") != std::string::npos;
}

int maxSamples() {
    GLint samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES_EXT, &samples);
    return samples;
}

// OSG takes "the function pointer resolves" to mean "NV_framebuffer_multisample_coverage is
// supported". Through GLVND's libGL, which exports a stub for every GL function, it always
// resolves; on Mesa the stub does nothing, the multisampled renderbuffers get no storage, and
// OSG silently renders without antialiasing. Trust the extension string instead.
void disableMissingCoverageSampling(osg::State& state) {
    const unsigned int contextID = state.getContextID();
    if (osg::isGLExtensionSupported(contextID, "GL_NV_framebuffer_multisample_coverage")) return;
    osg::GLExtensions::Get(contextID, true)->glRenderbufferStorageMultisampleCoverageNV = nullptr;
}

// Scenes remember their GL objects (buffers, programs) per OSG context id, and OSG hands a
// closed context's id to the next context. A scene drawn by a renderer that is gone would then
// look already compiled to the next renderer and draw nothing (a test shows it). Keeping the
// id in use forever gives every renderer a fresh id, at a few bytes per GL object per renderer;
// a process makes a handful of renderers, not thousands.
void neverReuseContextId(unsigned int contextID) {
    // OSG announces usage counts at NOTICE level, which would land in every CLI run's output.
    const osg::NotifySeverity level = osg::getNotifyLevel();
    osg::setNotifyLevel(std::min(level, osg::WARN));
    osg::GraphicsContext::incrementContextIDUsageCount(contextID);
    osg::setNotifyLevel(level);
}

// Asks GL, while the frame is being drawn, how many samples the framebuffer really has: OSG
// falls back to a single-sampled FBO with no more than a log line when MSAA setup fails.
class SampleCountProbe : public osg::Drawable {
  public:
    SampleCountProbe() {
        setUseDisplayList(false);
        setSupportsDisplayList(false);
        setCullingActive(false);
    }
    void drawImplementation(osg::RenderInfo&) const override { glGetIntegerv(GL_SAMPLES, &samples_); }
    int samples() const { return samples_; }

  private:
    mutable GLint samples_ = -1;
};

unsigned char toByte(float channel) {
    return static_cast<unsigned char>(std::lround(std::clamp(channel, 0.0f, 1.0f) * 255.0f));
}

}  // namespace

std::unique_ptr<OffscreenRenderer> OffscreenRenderer::create(const RenderSettings& settings, std::string& error,
                                                             bool* sizeRefused) {
    if (settings.width <= 0 || settings.height <= 0 || settings.samples < 0) {
        error = "cannot render offscreen: invalid size " + std::to_string(settings.width) + "x" +
                std::to_string(settings.height) + " or samples " + std::to_string(settings.samples);
        return nullptr;
    }
    std::unique_ptr<OffscreenRenderer> renderer(new OffscreenRenderer);  // private constructor
    renderer->context_ = EglContext::create(error);
    if (!renderer->context_) return nullptr;
    renderer->settings_ = settings;
    const int maxSide = renderer->context_->maxFramebufferSide();
    if (maxSide > 0 && std::max(settings.width, settings.height) > maxSide) {
        error = "size " + std::to_string(settings.width) + "x" + std::to_string(settings.height) +
                " is beyond this OpenGL's largest framebuffer, " + std::to_string(maxSide) + "x" +
                std::to_string(maxSide) + " (" + renderer->context_->renderer() + "); render at most that";
        if (sizeRefused) *sizeRefused = true;
        return nullptr;
    }
    // Supersampling doubles the framebuffer: beyond half the limit the frame is drawn once, with MSAA.
    const bool roomToSupersample = maxSide == 0 || 2 * std::max(settings.width, settings.height) <= maxSide;
    if (settings.samples >= 4 && roomToSupersample && isSoftwareRasteriser(renderer->context_->renderer())) {
        renderer->supersample_ = 2;
        renderer->fboSamples_ = 0;
    } else {
        // More samples than the driver offers makes the FBO incomplete; fewer is still smooth.
        renderer->fboSamples_ = std::min(settings.samples, maxSamples());
    }
    // From here on, settings_.samples is what each pixel gets (checkFramebuffer).
    renderer->setUpViewer();
    if (!renderer->checkFramebuffer(error)) return nullptr;
    return renderer;
}

void OffscreenRenderer::setUpViewer() {
    const int width = settings_.width * supersample_;
    const int height = settings_.height * supersample_;
    viewer_ = new osgViewer::Viewer;
    // Frames are drawn in order into one image: OSG's threaded models would cull frame n+1
    // while drawing frame n and make the read-back racy.
    viewer_->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
    viewer_->setReleaseContextAtEndOfFrameHint(false);

    osg::Camera* camera = viewer_->getCamera();
    camera->setGraphicsContext(new EglWindow(*context_, width, height));
    camera->setViewport(0, 0, width, height);
    camera->setClearColor(settings_.background);
    camera->setClearStencil(0);
    camera->setClearMask(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    // If FBOs fail, OSG quietly falls back to a default framebuffer that a surfaceless
    // context does not have; checkFramebuffer() turns that into an error.
    camera->setRenderTargetImplementation(osg::Camera::FRAME_BUFFER_OBJECT);
    target_ = new osg::Image;
    target_->allocateImage(width, height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    // With samples > 0 OSG draws into a multisampled FBO and blits it into a resolve FBO
    // that it reads this image from.
    // Colour samples = samples: plain MSAA also where OSG takes NVIDIA's coverage (CSAA) path.
    camera->attach(osg::Camera::COLOR_BUFFER, target_.get(), fboSamples_, fboSamples_);
    // Centrelines are 2 px wide in the output: wider in a supersampled framebuffer.
    if (supersample_ > 1)
        camera->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(2.0f * supersample_),
                                                            osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
    // Stencil for cut capping, depth for everything: one packed attachment.
    camera->attach(osg::Camera::PACKED_DEPTH_STENCIL_BUFFER, GL_DEPTH24_STENCIL8_EXT);
    // Used only when near/far are automatic (see CameraSpec).
    camera->setNearFarRatio(1e-4);
    viewer_->realize();
    osg::State& state = *camera->getGraphicsContext()->getState();
    disableMissingCoverageSampling(state);
    neverReuseContextId(state.getContextID());
}

// Renders an empty scene into an image pre-filled with something else than the background:
// if the background does not come back, the FBO path does not work on this driver. Also
// records how many MSAA samples the framebuffer really got.
bool OffscreenRenderer::checkFramebuffer(std::string& error) {
    const osg::Vec4& background = settings_.background;
    std::memset(target_->data(), 255 - toByte(background.r()), target_->getTotalSizeInBytes());
    CameraSpec camera;
    camera.eye.set(0, -10, 0);
    osg::ref_ptr<SampleCountProbe> probe = new SampleCountProbe;
    const osg::ref_ptr<osg::Image> frame = render(probe.get(), camera, error);
    if (!frame) return false;
    settings_.samples = supersample_ > 1 ? supersample_ * supersample_ : std::max(0, probe->samples());
    const unsigned char* centre = frame->data(frame->s() / 2, frame->t() / 2);
    const int expected[3] = {toByte(background.r()), toByte(background.g()), toByte(background.b())};
    for (int channel = 0; channel < 3; ++channel) {
        if (std::abs(centre[channel] - expected[channel]) > 1) {
            error = "cannot render offscreen: the framebuffer does not work with " + context_->description() +
                    " (an empty frame did not read back the "
                    "background colour)";
            return false;
        }
    }
    return true;
}

OffscreenRenderer::~OffscreenRenderer() = default;

osg::ref_ptr<osg::Image> OffscreenRenderer::render(osg::Node* scene, const CameraSpec& camera, std::string& error) {
    assert(scene && "render() needs a scene; pass an empty osg::Group for an empty frame");
    error = validateCamera(camera);
    if (!error.empty()) return nullptr;
    applyCamera(camera);
    // The viewer skips makeCurrent when it believes its context is still current; another
    // renderer on this thread may have made its own current since our last frame.
    viewer_->getCamera()->getGraphicsContext()->makeCurrent();
    if (viewer_->getSceneData() != scene) {
        viewer_->setSceneData(scene);
        // Upload GL objects as they are first drawn, not the whole scene now: a picture of a city
        // draws one level of detail per tile (detail_levels.h); the others would be uploaded for
        // nothing.
        if (auto* renderer = dynamic_cast<osgViewer::Renderer*>(viewer_->getCamera()->getRenderer()))
            renderer->setCompileOnNextDraw(false);
    }
    // A fixed simulation time keeps frames reproducible whatever the wall clock says.
    viewer_->frame(0.0);
    const bool opaque = settings_.background.a() >= 1.0f;
    return supersample_ > 1 ? downsample(*target_, supersample_, opaque) : copyFrame(*target_, opaque);
}

void OffscreenRenderer::applyCamera(const CameraSpec& spec) {
    osg::Camera* camera = viewer_->getCamera();
    // Double precision end to end: OSG composes this with the scene's double
    // MatrixTransforms before anything is turned into float, so UTM scenes do not jitter.
    camera->setViewMatrix(osg::Matrixd::lookAt(spec.eye, spec.target, spec.up));
    const double aspect = double(settings_.width) / settings_.height;
    const bool automatic = spec.nearM == 0 && spec.farM == 0;
    camera->setComputeNearFarMode(automatic ? osg::CullSettings::COMPUTE_NEAR_FAR_USING_BOUNDING_VOLUMES
                                            : osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    // In automatic mode the cull traversal replaces these placeholder distances every frame.
    camera->setProjectionMatrixAsPerspective(spec.fovYDeg, aspect, automatic ? 1.0 : spec.nearM,
                                             automatic ? 1000.0 : spec.farM);
    // Detail by the output's pixels: supersampling smooths edges, it shows no finer detail.
    camera->setLODScale(lodScaleFor(spec.fovYDeg, settings_.height));
}

}  // namespace subterra
