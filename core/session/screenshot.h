#pragma once
// Pictures of the viewer: the window as it is (panels included, for scripted tests) and the scene
// alone rendered offscreen at any size (the Screenshot command: not a screen grab).
#include <osg/Image>
#include <string>

#include "scene_session.h"

namespace subterra {

// The window's back buffer after this frame was drawn (call before swapping), bottom-up RGBA.
osg::ref_ptr<osg::Image> readWindowPixels(int framebufferWidth, int framebufferHeight);

// Renders the session's scene and selection from its camera through the headless EGL renderer
// and writes a PNG. The caller's GL context is no longer current afterwards: make it current again.
[[nodiscard]] bool renderScreenshot(SceneSession& session, int width, int height, const std::string& path,
                                    std::string& error);

// "subterra-20260101-120000.png" in the current directory.
std::string timestampedScreenshotName();

}  // namespace subterra
