// The viewer's camera math, without a window: orbit, pan, zoom, fly below ground, presets, focus.
#include <catch2/catch.hpp>
#include <cmath>

#include "camera_controller.h"

using namespace subterra;

namespace {
// Where a world point appears: normalised device coordinates of a 16:9 perspective view.
osg::Vec3d ndcOf(const CameraController& camera, const osg::Vec3d& point, double aspect = 16.0 / 9.0) {
    const osg::Matrixd projection = osg::Matrixd::perspective(camera.fovYDeg(), aspect, 0.1, 1e5);
    return point * camera.viewMatrix() * projection;
}

CameraSpec utmSpec() {
    CameraSpec spec;
    spec.eye = osg::Vec3d(352000, 3451000, 60);
    spec.target = osg::Vec3d(352100, 3451100, 0);
    return spec;
}

Extent district() {
    Extent e;
    e.add(Vec3d{351500, 3450500, -6});
    e.add(Vec3d{352500, 3451300, 40});
    return e;
}
}  // namespace

TEST_CASE("The camera keeps the eye and target it is given", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    const CameraSpec spec = camera.spec();
    CHECK((spec.eye - utmSpec().eye).length() < 1e-9);
    CHECK((spec.target - utmSpec().target).length() < 1e-6);
    CHECK(spec.up == osg::Vec3d(0, 0, 1));
}

TEST_CASE("Orbiting keeps the pivot where it is on screen, to the millimetre at UTM coordinates", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    const osg::Vec3d pivot(352050.123, 3451040.456, -2.5);
    const osg::Vec3d before = pivot * camera.viewMatrix();
    camera.orbit(pivot, 0.7, -0.2);
    camera.orbit(pivot, -0.3, 0.1);
    const osg::Vec3d after = pivot * camera.viewMatrix();
    CHECK((after - before).length() < 1e-3);
    // And the orbit really turned the camera.
    CHECK((camera.eye() - utmSpec().eye).length() > 10);
}

TEST_CASE("Orbiting stops short of looking straight up or down", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    camera.orbit(camera.target(), 0, -10);
    CHECK(camera.pitch() == Approx(-CameraController::kMaxPitchRad));
    camera.orbit(camera.target(), 0, 20);
    CHECK(camera.pitch() == Approx(CameraController::kMaxPitchRad));
    CHECK(std::isfinite(camera.viewMatrix()(0, 0)));
}

TEST_CASE("Zooming moves towards the point under the cursor and keeps it under the cursor", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    const osg::Vec3d point(352080, 3451060, -3);
    const osg::Vec3d before = ndcOf(camera, point);
    const double distanceBefore = (point - camera.eye()).length();
    camera.zoomTowards(point, 0.25);
    const osg::Vec3d after = ndcOf(camera, point);
    CHECK(after.x() == Approx(before.x()).margin(1e-9));
    CHECK(after.y() == Approx(before.y()).margin(1e-9));
    CHECK((point - camera.eye()).length() == Approx(distanceBefore * 0.75));
}

TEST_CASE("Panning moves a point at the pan depth exactly with the cursor", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    const double heightPx = 900, aspect = 1600.0 / 900;
    const osg::Vec3d point = camera.eye() + camera.direction() * 80.0;
    const osg::Vec3d before = ndcOf(camera, point, aspect);
    camera.pan(100, -50, 80.0, heightPx);
    const osg::Vec3d after = ndcOf(camera, point, aspect);
    // NDC spans 2 over the viewport: pixels = ndc * size / 2; y in windows grows downwards.
    CHECK((after.x() - before.x()) * 1600 / 2 == Approx(100).margin(1e-6));
    CHECK(-(after.y() - before.y()) * heightPx / 2 == Approx(-50).margin(1e-6));
}

TEST_CASE("Fly mode goes below the ground: nothing clamps the camera to the terrain", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    camera.look(0, -0.5);
    camera.fly(0, 0, -80);  // from 60 m to 20 m below the ground level of 0
    CHECK(camera.eye().z() == Approx(-20));
    const osg::Vec3d before = camera.eye();
    camera.fly(10, 0, 0);
    CHECK((camera.eye() - before).length() == Approx(10));
    CHECK(((camera.eye() - before) / 10.0 - camera.direction()).length() < 1e-9);
    camera.fly(0, 5, 0);
    CHECK(camera.eye().z() < 0);
}

TEST_CASE("Top, front and side presets look the right way and show the whole extent", "[camera]") {
    const Extent extent = district();
    const double aspect = 16.0 / 9.0;
    CameraController camera;
    const struct {
        CameraController::Preset preset;
        osg::Vec3d direction;
    } cases[] = {{CameraController::Preset::Top, {0, 0, -1}},
                 {CameraController::Preset::Front, {0, 1, 0}},
                 {CameraController::Preset::Side, {-1, 0, 0}}};
    for (const auto& c : cases) {
        camera.preset(c.preset, extent, aspect);
        CHECK(camera.direction() * c.direction > 0.9999);
        for (int corner = 0; corner < 8; ++corner) {
            const osg::Vec3d p(corner & 1 ? extent.maxX : extent.minX, corner & 2 ? extent.maxY : extent.minY,
                               corner & 4 ? extent.maxZ : extent.minZ);
            const osg::Vec3d ndc = ndcOf(camera, p, aspect);
            CHECK(std::abs(ndc.x()) <= 1.0);
            CHECK(std::abs(ndc.y()) <= 1.0);
        }
    }
    // The top view has north up on screen.
    camera.preset(CameraController::Preset::Top, extent, aspect);
    CHECK(camera.up().y() > 0.99);
}

TEST_CASE("Focus puts the selection in the middle of the view at a distance that shows it", "[camera]") {
    CameraController camera;
    camera.setFromSpec(utmSpec());
    const osg::Vec3d direction = camera.direction();
    const osg::BoundingSphered sphere(osg::Vec3d(352300, 3450900, -2), 5.0);
    camera.focus(sphere, 16.0 / 9.0);
    CHECK((camera.direction() - direction).length() < 1e-12);
    const osg::Vec3d ndc = ndcOf(camera, sphere.center());
    CHECK(std::abs(ndc.x()) < 1e-6);
    CHECK(std::abs(ndc.y()) < 1e-6);
    const double distance = (sphere.center() - camera.eye()).length();
    CHECK(distance > 5.0 / std::sin(osg::DegreesToRadians(camera.fovYDeg() / 2)));
    CHECK(distance < 40);
}

TEST_CASE("A view straight down keeps the heading its up vector gives", "[camera]") {
    CameraSpec spec;
    spec.eye = osg::Vec3d(100, 200, 300);
    spec.target = osg::Vec3d(100, 200, 0);
    spec.up = osg::Vec3d(1, 0, 0);  // east at the top of the screen
    CameraController camera;
    camera.setFromSpec(spec);
    CHECK(camera.pitch() == Approx(-CameraController::kMaxPitchRad));
    CHECK(camera.up().x() > 0.99);
}
