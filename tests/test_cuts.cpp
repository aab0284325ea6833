// Sections, excavations and strata: the model, the project file, the cap geometry, and renders
// that must show a filled cap, a ring around a dark bore, and each stratum at its depth.
#include <catch2/catch.hpp>
#include <cmath>

#include "cut_arguments.h"
#include "cut_geometry.h"
#include "cuts.h"
#include "fixtures.h"
#include "image_io.h"
#include "model_fixtures.h"
#include "offscreen_renderer.h"
#include "project.h"
#include "render_support.h"
#include "scene_builder.h"
#include "utility_colors.h"

using namespace subterra;

namespace {
// Flat ground at z = 0 over 60 x 60 m around the origin, and a 1 m water main along x with its
// centreline 2 m deep.
Model pipeScene(double wallM = 0) {
    Model model;
    model.terrain = model_fixtures::flatGround(60, 4);
    Segment pipe = model_fixtures::pipe("W-1", UtilityKind::Water, 1.0, {{-25, 0, -2}, {25, 0, -2}});
    pipe.section.wallThicknessM = wallM;
    model.segments.push_back(pipe);
    return model;
}

std::unique_ptr<OffscreenRenderer> makeRenderer() { return render_test::makeRenderer(240, 240, 0); }

// Looking along +x at height z, from `distance` before the plane x = planeX; a point (planeX, 0, pz)
// then shows in the middle column, at the row returned by rowOf().
struct FrontCamera {
    double planeX, z, distance, fovDeg = 40;
    CameraSpec spec() const {
        CameraSpec c;
        c.eye = osg::Vec3d(planeX - distance, 0, z);
        c.target = osg::Vec3d(planeX, 0, z);
        c.fovYDeg = fovDeg;
        return c;
    }
    int rowOf(double pz, int height) const {
        const double ndc = (pz - z) / (distance * std::tan(fovDeg / 2 * M_PI / 180));
        return int(std::lround((1 - ndc) / 2 * height));
    }
};

osg::ref_ptr<osg::Image> render(OffscreenRenderer& renderer, const BuiltScene& scene, const CameraSpec& camera,
                                const std::string& name) {
    std::string error;
    auto image = renderer.render(scene.root.get(), camera, error);
    INFO(error);
    REQUIRE(image);
    writePng(*image, std::string(SUBTERRA_TEST_OUTPUT_DIR) + "/" + name + ".png").into(error);
    return image;
}

// Mean colour of a 5 x 5 patch, 0..1.
osg::Vec3 patch(const osg::Image& image, int x, int yFromTop) {
    osg::Vec3 sum;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const osg::Vec4ub p = pixelAt(image, x + dx, yFromTop + dy);
            sum += osg::Vec3(p.r(), p.g(), p.b()) / 255.0f;
        }
    return sum / 25.0f;
}

float distance(const osg::Vec3& a, const osg::Vec3& b) { return (a - b).length(); }
osg::Vec3 rgb(const osg::Vec4& c) { return osg::Vec3(c.r(), c.g(), c.b()); }
osg::Vec3 rgb(const std::array<float, 4>& c) { return osg::Vec3(c[0], c[1], c[2]); }

// Index of the stratum whose colour is nearest to `colour` (after the same shading on all).
size_t nearestStratum(const osg::Vec3& colour, float shade) {
    const auto& strata = defaultStrata();
    size_t best = 0;
    for (size_t i = 1; i < strata.size(); ++i)
        if (distance(colour, rgb(strata[i].color) * shade) < distance(colour, rgb(strata[best].color) * shade))
            best = i;
    return best;
}
}  // namespace

TEST_CASE("Section planes are built from a line, a level or a point and normal", "[cuts]") {
    std::string error;
    auto vertical = verticalSection(0, 0, 0, 10, false, error);  // northwards: west is cut away
    REQUIRE(vertical);
    CHECK(signedDistance(*vertical, {-1, 5, 0}) > 0);
    CHECK(signedDistance(*vertical, {1, 5, 0}) < 0);
    auto flipped = verticalSection(0, 0, 0, 10, true, error);
    REQUIRE(flipped);
    CHECK(signedDistance(*flipped, {1, 5, 0}) > 0);
    auto horizontal = horizontalSection(-2, error);
    REQUIRE(horizontal);
    CHECK(signedDistance(*horizontal, {0, 0, -1}) == Approx(1));
    auto plane = planeSection({0, 0, 0}, {0, 3, 4}, error);
    REQUIRE(plane);
    CHECK(plane->normal.z == Approx(0.8));

    CHECK_FALSE(verticalSection(1, 1, 1, 1, false, error));
    CHECK(error.find("two distinct points") != std::string::npos);
    CHECK_FALSE(planeSection({0, 0, 0}, {0, 0, 0}, error));
    CHECK_FALSE(horizontalSection(NAN, error));
}

TEST_CASE("Command-line cuts parse, and bad ones say what is wrong", "[cuts]") {
    std::string error;
    CHECK(parseSectionArgument("0,0,10,0", error)->kind == SectionPlane::Kind::Vertical);
    CHECK(parseSectionArgument("z=-1.5", error)->point.z == Approx(-1.5));
    CHECK(parseSectionArgument("1,2,3,0,0,1", error)->kind == SectionPlane::Kind::Plane);
    CHECK_FALSE(parseSectionArgument("1,2,3", error));
    CHECK(error.find("--section '1,2,3'") == 0);
    CHECK_FALSE(parseSectionArgument("0,0,0,0", error));
    CHECK(error.find("two distinct points") != std::string::npos);
    CHECK_FALSE(parseSectionArgument("z=abc", error));
    auto pit = parseExcavationArgument("10,20,4,3,2.5,30", error);
    REQUIRE(pit);
    CHECK(pit->rotationDeg == 30);
    CHECK_FALSE(parseExcavationArgument("10,20,0,3,2.5", error));
    CHECK(error.find("positive size") != std::string::npos);
    CHECK_FALSE(parseExcavationArgument("10,20,4,3,-1", error));
}

TEST_CASE("Cuts round-trip through the project file, bad entries are reported and skipped", "[cuts][project]") {
    const std::string dir = fixtures::freshDir("cuts_project");
    const std::string path = fixtures::writeText(dir + "/p.subterra.json", R"({
      "subterra": 1, "layers": [{"name": "w", "source": "w.geojson"}],
      "sections": [
        {"name": "A-A", "vertical": [[0, 0], [0, 10]], "flip": true, "note": "kept"},
        {"name": "flat", "horizontal_z": -1.0, "enabled": false},
        {"name": "bad", "vertical": [[1, 1], [1, 1]]},
        {"name": "no kind"}
      ],
      "excavations": [
        {"name": "pit", "centre": [5, 5], "size": [2, 3], "depth_m": 1.5, "rotation_deg": 15},
        {"name": "negative", "centre": [5, 5], "size": [-2, 3]}
      ],
      "strata": [{"name": "topsoil", "thickness_m": 0.3, "color": "#553311"}, {"name": "x", "thickness_m": 0}]
    })");
    ProjectLoad load = loadProject(path);
    REQUIRE(load.project);
    const Cuts& cuts = load.project->cuts;
    REQUIRE(cuts.sections.size() == 2);
    CHECK(cuts.sections[0].flip);
    CHECK_FALSE(cuts.sections[1].enabled);
    REQUIRE(cuts.excavations.size() == 1);
    CHECK(cuts.excavations[0].rotationDeg == 15);
    REQUIRE(cuts.strata.size() == 1);
    auto reported = [&](const std::string& where) {
        for (const auto& p : load.problems)
            if (p.where.find(where) == 0 && p.severity == Severity::Error) return true;
        return false;
    };
    CHECK(reported("$.sections[2]"));
    CHECK(reported("$.sections[3]"));
    CHECK(reported("$.excavations[1]"));
    CHECK(reported("$.strata[1].thickness_m"));

    std::string error;
    REQUIRE(saveProject(*load.project, path).into(error));
    ProjectLoad again = loadProject(path);
    REQUIRE(again.project);
    REQUIRE(again.project->cuts.sections.size() == 2);
    CHECK(again.project->cuts.sections[0].line[3] == 10);
    CHECK(again.project->cuts.sections[0].flip);
    CHECK(again.project->document["sections"][0]["note"] == "kept");
    CHECK(again.project->cuts.excavations[0].sizeY == 3);
    CHECK(again.project->cuts.strata[0].name == "topsoil");
}

TEST_CASE("A cap is the pipe's section where the plane cuts it: an ellipse for oblique cuts", "[cuts][geometry]") {
    Segment pipe = pipeScene().segments[0];
    std::string error;
    // A vertical plane at 60 degrees to the pipe: the cap's long axis is r / cos(30 deg).
    auto plane = planeSection({0, 0, 0}, {std::cos(M_PI / 6), std::sin(M_PI / 6), 0}, error);
    REQUIRE(plane);
    MeshBuffer mesh;
    mesh.beginFeature(pipe.id);
    CHECK(appendSegmentCaps(mesh, pipe, *plane, {0, 0, 0}, osg::Vec4(1, 0, 0, 1)) == 1);
    double longest = 0, shortest = 1e9;
    const osg::Vec3 centre = mesh.vertices[0];
    CHECK(centre.z() == Approx(-2).margin(0.01));
    for (size_t i = 1; i < mesh.vertices.size(); ++i) {
        const osg::Vec3 v = mesh.vertices[i];
        CHECK(std::abs(plane->normal.x * v.x() + plane->normal.y * v.y()) < 0.01);  // on the plane (lifted 2 mm)
        const double r = (v - centre).length();
        longest = std::max(longest, r), shortest = std::min(shortest, r);
    }
    CHECK(longest == Approx(0.5 / std::cos(M_PI / 6)).epsilon(0.01));
    CHECK(shortest == Approx(0.5).epsilon(0.01));

    auto parallel = planeSection({0, 0, 0}, {0, 1, 0}, error);  // along the pipe: no crossing
    MeshBuffer none;
    CHECK(appendSegmentCaps(none, pipe, *parallel, {0, 0, 0}, osg::Vec4(1, 0, 0, 1)) == 0);
}

TEST_CASE("A cut pipe shows a filled cap in its cap colour, not the background or its inside", "[cuts][render]") {
    auto renderer = makeRenderer();
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    std::string error;
    style.cuts.sections.push_back(*verticalSection(0, -10, 0, 10, false, error));  // west of x = 0 cut away
    const BuiltScene scene = buildScene(pipeScene(), style);
    const FrontCamera camera{0, -2, 6};
    auto image = render(*renderer, scene, camera.spec(), "cut_pipe_cap");
    const osg::Vec3 centre = patch(*image, 120, 120);
    const osg::Vec3 cap = rgb(capColorFor(utilityColor(UtilityKind::Water))) * 0.86f;
    const osg::Vec3 inside = rgb(utilityColor(UtilityKind::Water)) * 0.8f * 0.86f;
    INFO("cap pixel " << centre.x() << "," << centre.y() << "," << centre.z());
    CHECK(distance(centre, cap) < 0.1f);
    CHECK(distance(centre, inside) > 0.2f);
    CHECK(distance(centre, rgb(backgroundColor())) > 0.2f);
}

TEST_CASE("With a known wall thickness the cap is a ring around a dark bore", "[cuts][render]") {
    auto renderer = makeRenderer();
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    std::string error;
    style.cuts.sections.push_back(*verticalSection(0, -10, 0, 10, false, error));
    const BuiltScene scene = buildScene(pipeScene(0.12), style);
    const FrontCamera camera{0, -2, 6};
    auto image = render(*renderer, scene, camera.spec(), "cut_pipe_ring");
    const osg::Vec3 bore = patch(*image, 120, 120);
    INFO("bore " << bore.x() << "," << bore.y() << "," << bore.z());
    CHECK(bore.length() < 0.2f);
    const int ringRow = camera.rowOf(-2 + 0.44, 240);  // in the wall: 0.38 .. 0.5 m from the axis
    const osg::Vec3 ring = patch(*image, 120, ringRow);
    const osg::Vec3 cap = rgb(capColorFor(utilityColor(UtilityKind::Water))) * 0.86f;
    INFO("ring " << ring.x() << "," << ring.y() << "," << ring.z());
    CHECK(distance(ring, cap) < 0.12f);
}

TEST_CASE("The cut ground shows each stratum at its depth", "[cuts][render]") {
    auto renderer = makeRenderer();
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    std::string error;
    style.cuts.sections.push_back(*verticalSection(0, -10, 0, 10, false, error));
    Model model = pipeScene();
    model.segments[0].points = {{-25, 8, -2}, {25, 8, -2}};  // out of the way
    const BuiltScene scene = buildScene(model, style);
    const FrontCamera camera{0, -1.0, 3.5, 50};
    auto image = render(*renderer, scene, camera.spec(), "cut_ground_strata");
    // Mid-depth of each default stratum: 0.06, 0.30, 0.92, 1.9 m.
    const double depths[] = {0.06, 0.295, 0.92, 1.9};
    for (size_t i = 0; i < 4; ++i) {
        const osg::Vec3 colour = patch(*image, 120, camera.rowOf(-depths[i], 240));
        INFO("depth " << depths[i] << ": " << colour.x() << "," << colour.y() << "," << colour.z());
        CHECK(nearestStratum(colour, 0.9f) == i);
    }
    // Above the ground line: the sky, not earth.
    CHECK(distance(patch(*image, 120, camera.rowOf(0.4, 240)), rgb(backgroundColor())) < 0.1f);
}

TEST_CASE("An excavation opens the ground: walls show the strata, the floor is visible from above", "[cuts][render]") {
    auto renderer = makeRenderer();
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    Excavation pit;
    pit.centreX = 0, pit.centreY = 0, pit.sizeX = 4, pit.sizeY = 4, pit.depthM = 3;
    style.cuts.excavations.push_back(pit);
    Model model = pipeScene();
    const BuiltScene scene = buildScene(model, style);
    // Standing in the pit, looking east at its far wall (x = 2), every sampled depth in view.
    const FrontCamera camera{2, -0.8, 1.6, 70};
    auto image = render(*renderer, scene, camera.spec(), "excavation_wall");
    const double depths[] = {0.06, 0.295, 0.92};
    for (size_t i = 0; i < 3; ++i) {
        const int row = camera.rowOf(-depths[i], 240);
        REQUIRE(row >= 2);
        REQUIRE(row < 238);
        const osg::Vec3 colour = patch(*image, 60, row);  // left of the pipe, which crosses the wall
        INFO("depth " << depths[i] << " row " << row << ": " << colour.x() << "," << colour.y() << "," << colour.z());
        CHECK(nearestStratum(colour, 0.9f) == i);
    }
    // From above, the middle of the pit shows the pipe running through it, not the ground.
    CameraSpec above;
    above.eye = osg::Vec3d(0, -0.01, 12);
    above.target = osg::Vec3d(0, 0, 0);
    auto top = render(*renderer, scene, above, "excavation_top");
    const osg::Vec3 middle = patch(*top, 120, 120);
    INFO("pit middle " << middle.x() << "," << middle.y() << "," << middle.z());
    CHECK(middle.z() > middle.x() + 0.2f);  // the blue water main, not the brown ground
    const osg::Vec3 outside = patch(*top, 10, 10);
    CHECK(distance(outside, rgb(groundColor())) < 0.25f);
}

TEST_CASE("A cut building's inside reads as one smooth face, not speckled", "[cuts][render]") {
    // Regression: the inside face is shaded with its normal equal to the view direction, and a
    // rim term pow(1 - dot, 3) went NaN where the dot rounded above 1: black and white speckles.
    auto renderer = makeRenderer();
    Model model = pipeScene();
    Building building;
    building.id = "B-1";
    building.layer = "buildings";
    building.footprint = {{-10, -10, 0}, {10, -10, 0}, {10, 10, 0}, {-10, 10, 0}};
    building.heightM = 20;
    model.buildings.push_back(building);
    SceneStyle style;
    style.terrainOpacity = 1.0f;
    style.layers["buildings"].opacity = 1.0f;
    std::string error;
    style.cuts.sections.push_back(*verticalSection(0, -30, 0, 30, false, error));  // west half cut away
    const BuiltScene scene = buildScene(model, style);
    const FrontCamera camera{0, 10, 6, 60};  // inside the cut building, facing its far wall
    auto image = render(*renderer, scene, camera.spec(), "cut_building_inside");
    // The face shades smoothly (light, haze), so a speckle is a jump between neighbouring pixels.
    const auto colourAt = [&](int x, int y) {
        const osg::Vec4ub p = pixelAt(*image, x, y);
        return osg::Vec3(p.r(), p.g(), p.b()) / 255.0f;
    };
    int speckles = 0;
    for (int y = 60; y < 180; ++y)
        for (int x = 60; x < 180; ++x)
            if (distance(colourAt(x, y), colourAt(x + 1, y)) > 0.08f) ++speckles;
    const osg::Vec3 reference = patch(*image, 120, 120);
    INFO("inside face " << reference.x() << "," << reference.y() << "," << reference.z());
    CHECK(distance(reference, rgb(backgroundColor())) > 0.1f);
    CHECK(speckles == 0);
}
