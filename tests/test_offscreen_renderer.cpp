// Headless rendering: pixels prove what the renderer promises (colours, orientation,
// determinism, UTM precision, antialiasing, scene swaps).
#include "egl_context.h"
#include "image_io.h"
#include "offscreen_renderer.h"

#include <catch2/catch.hpp>

#include <osg/Geometry>
#include <osg/MatrixTransform>
#include <osg/Program>

#include <cstring>

// Pixel values in failure messages instead of "{?}".
namespace Catch {
template <>
struct StringMaker<osg::Vec4ub> {
    static std::string convert(const osg::Vec4ub& p) {
        return "rgba(" + std::to_string(p.r()) + ", " + std::to_string(p.g()) + ", " + std::to_string(p.b()) + ", " +
               std::to_string(p.a()) + ")";
    }
};
}  // namespace Catch

using namespace subterra;

namespace {

const osg::Vec4 kBackground(0.2f, 0.4f, 0.6f, 1.0f);
const osg::Vec4ub kBackgroundBytes(51, 102, 153, 255);
const osg::Vec4ub kRed(255, 0, 0, 255);
const osg::Vec4ub kGreen(0, 255, 0, 255);
// Not multiples of 0.25 m (float spacing here), so float rounding anywhere would show.
const osg::Vec3d kUtm(352000.37, 3451000.61, 12.3);

RenderSettings smallSettings(int samples = 4) {
    RenderSettings settings;
    settings.width = 320;
    settings.height = 180;
    settings.samples = samples;
    settings.background = kBackground;
    return settings;
}

// The vertex colour, unlit: tests must not depend on fixed-function lighting.
osg::ref_ptr<osg::Program> vertexColourProgram() {
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->addShader(new osg::Shader(osg::Shader::VERTEX,
                                       "#version 120\n"
                                       "void main() { gl_FrontColor = gl_Color;"
                                       " gl_Position = ftransform(); }\n"));
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT,
                                       "#version 120\n"
                                       "void main() { gl_FragColor = gl_Color; }\n"));
    return program;
}

// A rectangle in the plane y = 0 (facing a camera on -y), from (x0, z0) to (x1, z1) in metres.
osg::ref_ptr<osg::Geometry> rectangle(float x0, float z0, float x1, float z1, const osg::Vec4& colour) {
    osg::ref_ptr<osg::Vec3Array> corners = new osg::Vec3Array;
    corners->push_back({x0, 0, z0});
    corners->push_back({x1, 0, z0});
    corners->push_back({x1, 0, z1});
    corners->push_back({x0, 0, z1});
    osg::ref_ptr<osg::Vec4Array> colours = new osg::Vec4Array(1, &colour);
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setVertexArray(corners.get());
    geometry->setColorArray(colours.get(), osg::Array::BIND_OVERALL);
    geometry->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, 4));
    return geometry;
}

// A red 0.5 m square at `origin` (under a double MatrixTransform, like every project
// scene), plus a green strip along the top edge of the view so orientation is visible.
osg::ref_ptr<osg::Node> testScene(const osg::Vec3d& origin = osg::Vec3d()) {
    osg::ref_ptr<osg::MatrixTransform> placed = new osg::MatrixTransform;
    placed->setMatrix(osg::Matrixd::translate(origin));
    placed->addChild(rectangle(-0.25f, -0.25f, 0.25f, 0.25f, osg::Vec4(1, 0, 0, 1)));
    placed->addChild(rectangle(-1.0f, 0.27f, 1.0f, 0.5f, osg::Vec4(0, 1, 0, 1)));
    placed->getOrCreateStateSet()->setAttributeAndModes(vertexColourProgram().get());
    return placed;
}

// Looks at `origin` from 1 m in front of it.
CameraSpec frontView(const osg::Vec3d& origin = osg::Vec3d()) {
    CameraSpec camera;
    camera.eye = origin + osg::Vec3d(0, -1, 0);
    camera.target = origin;
    return camera;
}

OffscreenRenderer& sharedRenderer() {
    static std::string error;
    static std::unique_ptr<OffscreenRenderer> renderer = OffscreenRenderer::create(smallSettings(), error);
    INFO(error);
    REQUIRE(renderer);
    return *renderer;
}

osg::ref_ptr<osg::Image> renderOrFail(OffscreenRenderer& renderer, osg::Node* scene, const CameraSpec& camera) {
    std::string error;
    osg::ref_ptr<osg::Image> image = renderer.render(scene, camera, error);
    INFO(error);
    REQUIRE(image);
    return image;
}

bool sameBytes(const osg::Image& a, const osg::Image& b) {
    return a.getTotalSizeInBytes() == b.getTotalSizeInBytes() &&
           std::memcmp(a.data(), b.data(), a.getTotalSizeInBytes()) == 0;
}

// Pixels that are none of the scene's flat colours: the blended edges antialiasing makes.
int blendedPixels(const osg::Image& image) {
    int count = 0;
    for (int y = 0; y < image.t(); ++y)
        for (int x = 0; x < image.s(); ++x) {
            const osg::Vec4ub p = pixelAt(image, x, y);
            if (p != kRed && p != kGreen && p != kBackgroundBytes) ++count;
        }
    return count;
}

}  // namespace

TEST_CASE("OffscreenRenderer: a frame has the requested size and the scene and background colours", "[render]") {
    osg::ref_ptr<osg::Node> scene = testScene();
    osg::ref_ptr<osg::Image> image = renderOrFail(sharedRenderer(), scene.get(), frontView());
    REQUIRE(image->s() == 320);
    REQUIRE(image->t() == 180);
    CHECK(image->getPixelFormat() == GL_RGBA);
    CHECK(pixelAt(*image, 160, 90) == kRed);
    CHECK(pixelAt(*image, 2, 177) == kBackgroundBytes);    // bottom-left corner
    CHECK(pixelAt(*image, 317, 177) == kBackgroundBytes);  // bottom-right corner
    CHECK(pixelAt(*image, 160, 5) == kGreen);              // the strip is at the top
    std::string error;
    CHECK(writePng(*image, SUBTERRA_TEST_OUTPUT_DIR "/render_square.png").into(error));
    CHECK_THAT(sharedRenderer().context().description(), Catch::Contains("via EGL"));
    CHECK_FALSE(sharedRenderer().context().renderer().empty());
}

TEST_CASE("OffscreenRenderer: the same scene and camera give the same bytes", "[render]") {
    osg::ref_ptr<osg::Node> scene = testScene();
    osg::ref_ptr<osg::Image> first = renderOrFail(sharedRenderer(), scene.get(), frontView());
    osg::ref_ptr<osg::Image> second = renderOrFail(sharedRenderer(), scene.get(), frontView());
    CHECK(first.get() != second.get());  // each frame is the caller's own copy
    CHECK(sameBytes(*first, *second));
}

TEST_CASE("OffscreenRenderer: a scene at UTM coordinates seen from 1 m looks as at the origin", "[render]") {
    osg::ref_ptr<osg::Node> atOrigin = testScene();
    osg::ref_ptr<osg::Node> atUtm = testScene(kUtm);
    osg::ref_ptr<osg::Image> reference = renderOrFail(sharedRenderer(), atOrigin.get(), frontView());
    osg::ref_ptr<osg::Image> far = renderOrFail(sharedRenderer(), atUtm.get(), frontView(kUtm));
    // A float view matrix would quantise positions to 0.25 m here: tens of pixels.
    const ImageDiff diff = compareImages(*reference, *far, 16);
    INFO("differing pixels: " << diff.fractionOver * 100 << "%, largest difference " << diff.maxDiff);
    CHECK(diff.fractionOver < 0.001);
    CHECK(pixelAt(*far, 160, 90) == kRed);
}

TEST_CASE("OffscreenRenderer: moving the camera changes the picture", "[render]") {
    osg::ref_ptr<osg::Node> scene = testScene();
    CameraSpec aside = frontView();
    aside.eye.x() = 0.4;
    aside.target.x() = 0.4;
    osg::ref_ptr<osg::Image> front = renderOrFail(sharedRenderer(), scene.get(), frontView());
    osg::ref_ptr<osg::Image> moved = renderOrFail(sharedRenderer(), scene.get(), aside);
    CHECK(compareImages(*front, *moved, 16).fractionOver > 0.05);
    CHECK(pixelAt(*moved, 160, 90) == kBackgroundBytes);  // the square moved left
}

TEST_CASE("OffscreenRenderer: explicit near/far clip what lies outside them", "[render]") {
    osg::ref_ptr<osg::Node> scene = testScene();
    CameraSpec camera = frontView();
    camera.nearM = 2.0;
    camera.farM = 10.0;
    osg::ref_ptr<osg::Image> clipped = renderOrFail(sharedRenderer(), scene.get(), camera);
    CHECK(pixelAt(*clipped, 160, 90) == kBackgroundBytes);
}

TEST_CASE("OffscreenRenderer: swapping scenes and back gives the first picture again", "[render]") {
    osg::ref_ptr<osg::Node> first = testScene();
    osg::ref_ptr<osg::Node> second = testScene(osg::Vec3d(0.3, 0, 0));
    OffscreenRenderer& renderer = sharedRenderer();
    osg::ref_ptr<osg::Image> a = renderOrFail(renderer, first.get(), frontView());
    osg::ref_ptr<osg::Image> b = renderOrFail(renderer, second.get(), frontView());
    osg::ref_ptr<osg::Image> again = renderOrFail(renderer, first.get(), frontView());
    CHECK_FALSE(sameBytes(*a, *b));
    CHECK(sameBytes(*a, *again));
}

// GL objects (buffers, shader programs) belong to one context; OSG reuses context ids, so a
// scene drawn by a renderer that is gone must not look compiled to the next one. The scene is
// swapped out before each renderer dies, as an animation would leave it.
TEST_CASE("OffscreenRenderer: a scene outlives its renderer and renders in the next one", "[render]") {
    osg::ref_ptr<osg::Node> scene = testScene();
    osg::ref_ptr<osg::Node> other = testScene(osg::Vec3d(0.3, 0, 0));
    osg::ref_ptr<osg::Image> images[2];
    for (osg::ref_ptr<osg::Image>& image : images) {
        std::string error;
        auto renderer = OffscreenRenderer::create(smallSettings(), error);
        INFO(error);
        REQUIRE(renderer);
        image = renderOrFail(*renderer, scene.get(), frontView());
        renderOrFail(*renderer, other.get(), frontView());
    }
    CHECK(pixelAt(*images[1], 160, 90) == kRed);
    CHECK(sameBytes(*images[0], *images[1]));
}

TEST_CASE("OffscreenRenderer: multisampling smooths edges and samples = 0 does not", "[render]") {
    osg::ref_ptr<osg::MatrixTransform> tilted = new osg::MatrixTransform;
    tilted->setMatrix(osg::Matrixd::rotate(osg::DegreesToRadians(30.0), osg::Y_AXIS));
    tilted->addChild(testScene());
    std::string error;
    auto aliased = OffscreenRenderer::create(smallSettings(0), error);
    INFO(error);
    REQUIRE(aliased);
    CHECK(aliased->settings().samples == 0);
    CHECK(sharedRenderer().settings().samples == 4);  // llvmpipe's maximum, and what we asked
    osg::ref_ptr<osg::Image> hard = renderOrFail(*aliased, tilted.get(), frontView());
    osg::ref_ptr<osg::Image> smooth = renderOrFail(sharedRenderer(), tilted.get(), frontView());
    CHECK(blendedPixels(*hard) == 0);
    CHECK(blendedPixels(*smooth) > 100);
    CHECK(writePng(*smooth, SUBTERRA_TEST_OUTPUT_DIR "/render_antialiased.png").into(error));
}

TEST_CASE("OffscreenRenderer: an unusable camera gives an error instead of a frame", "[render]") {
    osg::ref_ptr<osg::Node> scene = testScene();
    CameraSpec camera = frontView();
    std::string error;
    SECTION("eye on the target") {
        camera.eye = camera.target;
        CHECK_FALSE(sharedRenderer().render(scene.get(), camera, error));
        CHECK(error == "camera eye and target are the same point");
    }
    SECTION("up along the view direction") {
        camera.up = osg::Vec3d(0, 1, 0);
        CHECK_FALSE(sharedRenderer().render(scene.get(), camera, error));
        CHECK(error == "camera up direction is parallel to the view direction");
    }
    SECTION("only one clip distance set") {
        camera.nearM = 0.5;
        CHECK_FALSE(sharedRenderer().render(scene.get(), camera, error));
        CHECK_THAT(error, Catch::Contains("near/far"));
    }
}

TEST_CASE("OffscreenRenderer: an invalid size is refused before any GL work", "[render]") {
    RenderSettings settings = smallSettings();
    settings.width = 0;
    std::string error;
    CHECK_FALSE(OffscreenRenderer::create(settings, error));
    CHECK_THAT(error, Catch::Contains("invalid size 0x180"));
}
