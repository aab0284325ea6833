#include "screenshot.h"

#include <GL/gl.h>

#include <ctime>

#include "image_io.h"
#include "offscreen_renderer.h"
#include "utility_colors.h"

namespace subterra {

osg::ref_ptr<osg::Image> readWindowPixels(int framebufferWidth, int framebufferHeight) {
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->allocateImage(framebufferWidth, framebufferHeight, 1, GL_RGBA, GL_UNSIGNED_BYTE);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, framebufferWidth, framebufferHeight, GL_RGBA, GL_UNSIGNED_BYTE, image->data());
    // The window has no alpha worth keeping: make every pixel opaque.
    unsigned char* data = image->data();
    for (size_t i = 3; i < size_t(framebufferWidth) * framebufferHeight * 4; i += 4) data[i] = 255;
    return image;
}

bool renderScreenshot(SceneSession& session, int width, int height, const std::string& path, std::string& error) {
    RenderSettings settings;
    settings.width = width;
    settings.height = height;
    settings.background = backgroundColor();
    auto renderer = OffscreenRenderer::create(settings, error);
    if (!renderer) return false;
    // The overlay is laid out for this size; the next window frame lays it out for the window again.
    session.overlay().update(overlayViewFor(session.camera().spec(), width, height), &session.scene());
    const osg::ref_ptr<osg::Image> image = renderer->render(session.displayRoot(), session.camera().spec(), error);
    return image && writePng(*image, path).into(error);
}

std::string timestampedScreenshotName() {
    const std::time_t now = std::time(nullptr);
    char text[64];
    std::strftime(text, sizeof text, "subterra-%Y%m%d-%H%M%S.png", std::localtime(&now));
    return text;
}

}  // namespace subterra
