// The mouse wheel's stop at a cut face (cut_faces.h): a zoom towards a point behind a section
// plane or an excavation wall ends in front of the face, not in the soil behind it; moves through
// the ground surface, out of the ground, or with no cut are left alone.
#include <catch2/catch.hpp>

#include "cut_faces.h"

using namespace subterra;
using Catch::Detail::Approx;

namespace {
Model flatGround() {
    Model model;
    model.flatGroundZ = 10;
    return model;
}

// A vertical section along x = 0 that cuts away x > 0 (normal +x), the street section's kind.
Cuts sectionAtX0() {
    Cuts cuts;
    SectionPlane plane;
    plane.point = {0, 0, 0};
    plane.normal = {1, 0, 0};
    cuts.sections.push_back(plane);
    return cuts;
}
}  // namespace

TEST_CASE("cut faces: zooming at a pipe behind a section face stops in front of the face", "[cuts][wheel]") {
    const Model model = flatGround();
    const Cuts cuts = sectionAtX0();
    // The eye in the opened trench (x = 5, below ground), the target a pipe 4 m into the kept soil.
    const Vec3d eye{5, 0, 8}, pipe{-4, 0, 8};
    CHECK_FALSE(insideCutGround(model, cuts, eye));
    CHECK(insideCutGround(model, cuts, pipe));
    const double allowed = moveBeforeCutFace(model, cuts, eye, pipe, 0.3);
    CHECK(allowed == Approx((5.0 - 0.3) / 9.0));
    // Repeated wheel steps (a fifth of the way each) never get past the margin.
    Vec3d at = eye;
    for (int step = 0; step < 40; ++step) {
        const Vec3d to{at.x + (pipe.x - at.x) * 0.2, at.y, at.z};
        const double f = moveBeforeCutFace(model, cuts, at, to, 0.3);
        at = {at.x + (to.x - at.x) * f, at.y, at.z};
    }
    CHECK(at.x >= 0.3 - 1e-9);
    CHECK_FALSE(insideCutGround(model, cuts, at));
}

TEST_CASE("cut faces: no stop above the ground, through the surface, out of the ground or uncut", "[cuts][wheel]") {
    const Model model = flatGround();
    const Cuts cuts = sectionAtX0();
    // Across the plane above the ground: air on both sides.
    CHECK(moveBeforeCutFace(model, cuts, {5, 0, 15}, {-5, 0, 15}, 0.3) == 1.0);
    // Down through the ground surface on the kept side: the camera may fly underground.
    CHECK(moveBeforeCutFace(model, cuts, {-5, 0, 15}, {-5, 0, 5}, 0.3) == 1.0);
    // Starting in the kept soil, out through the face into the trench.
    CHECK(moveBeforeCutFace(model, cuts, {-4, 0, 8}, {5, 0, 8}, 0.3) == 1.0);
    // A disabled section cuts nothing.
    Cuts disabled = cuts;
    disabled.sections[0].enabled = false;
    CHECK(moveBeforeCutFace(model, disabled, {5, 0, 8}, {-4, 0, 8}, 0.3) == 1.0);
    // From above the trench down across the plane: the face is met below ground, so it stops there.
    const double f = moveBeforeCutFace(model, cuts, {2, 0, 12}, {-2, 0, 4}, 0.3);
    CHECK(f < 0.5);
    CHECK(f > 0.4);
}

TEST_CASE("cut faces: an excavation's walls and floor stop the wheel", "[cuts][wheel]") {
    const Model model = flatGround();
    Cuts cuts;
    Excavation pit;
    pit.centreX = 0, pit.centreY = 0, pit.sizeX = 4, pit.sizeY = 2, pit.depthM = 2, pit.rotationDeg = 90;
    cuts.excavations.push_back(pit);
    // Turned 90 degrees: 4 m along y, 2 m along x. From the pit's middle towards a pipe 3 m east in
    // the soil: the wall at x = 1 stops it.
    const Vec3d eye{0, 0, 9}, east{3, 0, 9};
    CHECK(moveBeforeCutFace(model, cuts, eye, east, 0.3) == Approx((1.0 - 0.3) / 3.0));
    // Along y the pit is longer: the wall is at y = 2.
    CHECK(moveBeforeCutFace(model, cuts, eye, {0, 3, 9}, 0.3) == Approx((2.0 - 0.3) / 3.0));
    // Down through the floor at z = 8.
    CHECK(moveBeforeCutFace(model, cuts, eye, {0, 0, 6}, 0.3) == Approx((1.0 - 0.3) / 3.0));
    // From the sky straight down into the pit: no face in the way.
    CHECK(moveBeforeCutFace(model, cuts, {0, 0, 30}, {0, 0, 8.5}, 0.3) == 1.0);
    // Closer to the wall than the margin: no move at all.
    CHECK(moveBeforeCutFace(model, cuts, {0.9, 0, 9}, east, 0.3) == 0.0);
}
