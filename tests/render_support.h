#pragma once
// Renders a model headless for the pixel tests, and keeps the PNG in the test output folder.
#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "image_io.h"
#include "offscreen_renderer.h"
#include "scene_builder.h"
#include "utility_colors.h"

namespace render_test {

// A headless renderer on the project's background colour; the test fails if none can be made.
inline std::unique_ptr<subterra::OffscreenRenderer> makeRenderer(int width, int height,
                                                                 int samples = subterra::RenderSettings{}.samples) {
    subterra::RenderSettings settings;
    settings.width = width;
    settings.height = height;
    settings.samples = samples;
    settings.background = subterra::backgroundColor();
    std::string error;
    auto renderer = subterra::OffscreenRenderer::create(settings, error);
    INFO(error);
    REQUIRE(renderer);
    return renderer;
}

inline osg::ref_ptr<osg::Image> renderModel(const subterra::Model& model, const subterra::CameraSpec& camera, int width,
                                            int height, const std::string& pngName) {
    auto renderer = makeRenderer(width, height);
    std::string error;
    const subterra::BuiltScene scene = subterra::buildScene(model, subterra::SceneStyle{});
    auto image = renderer->render(scene.root.get(), camera, error);
    INFO(error);
    REQUIRE(image);
    subterra::writePng(*image, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/" + pngName + ".png").into(error);
    return image;
}

inline std::string rgb(const osg::Vec4ub& p) {
    return std::to_string(p.r()) + "," + std::to_string(p.g()) + "," + std::to_string(p.b());
}

}  // namespace render_test
