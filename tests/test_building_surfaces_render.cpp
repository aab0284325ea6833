// Buildings with real 3D surfaces (CityJSON): triangulated per surface, holes kept, and coloured
// by what the surface is (roof red-brown, walls light grey, ground dark). Checked on pixels.
#include <catch2/catch.hpp>

#include "building_surfaces.h"
#include "render_support.h"

using namespace subterra;
using Kind = BuildingSurface::Kind;

namespace {
BuildingSurface square(Kind kind, double half, double z, bool down) {
    BuildingSurface s;
    s.kind = kind;
    s.outer = {{-half, -half, z}, {half, -half, z}, {half, half, z}, {-half, half, z}};
    if (down) std::reverse(s.outer.begin(), s.outer.end());
    return s;
}

// A 20 x 20 x 10 m block, base at 0.5 m, whose flat roof has an 8 x 8 m courtyard opening.
Model courtyardBlock() {
    Building b;
    b.id = "B1";
    b.layer = "city";
    b.surfaces.push_back(square(Kind::Ground, 10, 0.5, true));
    BuildingSurface roof = square(Kind::Roof, 10, 10.5, false);
    roof.holes.push_back(square(Kind::Other, 4, 10.5, true).outer);
    b.surfaces.push_back(roof);
    const std::vector<Vec3d> corners{{-10, -10, 0}, {10, -10, 0}, {10, 10, 0}, {-10, 10, 0}};
    for (size_t i = 0; i < 4; ++i) {
        const Vec3d a = corners[i], c = corners[(i + 1) % 4];
        BuildingSurface wall;
        wall.kind = Kind::Wall;
        wall.outer = {{a.x, a.y, 0.5}, {c.x, c.y, 0.5}, {c.x, c.y, 10.5}, {a.x, a.y, 10.5}};
        b.surfaces.push_back(wall);
    }
    b.footprint = b.surfaces[0].outer;
    b.baseZ = 0.5;
    b.heightM = 10;
    Model model;
    model.buildings.push_back(b);
    return model;
}

osg::ref_ptr<osg::Image> render(const Model& model, const osg::Vec3d& eye, const osg::Vec3d& target,
                                const osg::Vec3d& up, const std::string& name) {
    CameraSpec camera;
    camera.eye = eye;
    camera.target = target;
    camera.up = up;
    return render_test::renderModel(model, camera, 320, 240, name);
}

bool isRoofRed(const osg::Vec4ub& p) { return p.r() > p.g() + 50 && p.r() > p.b() + 50; }
bool isLightGrey(const osg::Vec4ub& p) {
    return std::abs(int(p.r()) - int(p.g())) < 25 && std::abs(int(p.g()) - int(p.b())) < 25 && p.g() > 110;
}
using render_test::rgb;
}  // namespace

TEST_CASE("Building surfaces: roof red-brown with its courtyard open, ground dark below",
          "[render][pixels][cityjson]") {
    auto image = render(courtyardBlock(), {0, 0, 80}, {0, 0, 0}, {0, 1, 0}, "building_surfaces_top");
    const osg::Vec4ub roof = pixelAt(*image, 160 + 45, 120);  // 7 m east of the centre: on the roof
    INFO("roof " << rgb(roof));
    CHECK(isRoofRed(roof));
    const osg::Vec4ub courtyard = pixelAt(*image, 160, 120);  // through the opening: the ground surface
    INFO("courtyard " << rgb(courtyard));
    CHECK_FALSE(isRoofRed(courtyard));
    CHECK(int(courtyard.r()) + courtyard.g() + courtyard.b() < 3 * 110);
}

TEST_CASE("Building surfaces: walls are light grey from the side", "[render][pixels][cityjson]") {
    auto image = render(courtyardBlock(), {0, -60, 5}, {0, 0, 5}, {0, 0, 1}, "building_surfaces_side");
    const osg::Vec4ub wall = pixelAt(*image, 160, 120);
    INFO("wall " << rgb(wall));
    CHECK(isLightGrey(wall));
    CHECK_FALSE(isRoofRed(wall));
}
