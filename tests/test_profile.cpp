// Longitudinal profiles: path parsing, stationing, depths at stations, crossings, manholes, the SVG
// and the PNG drawn from it, and the errors for paths that cannot be used.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "image_io.h"
#include "profile.h"
#include "profile_svg.h"
#include "svg_raster.h"

using namespace subterra;
using Catch::Detail::Approx;

namespace {
// A sewer run S-1 (0,0)->(100,0), S-2 (100,50)<-(100,0) digitised backwards, falling 1 m per 100 m;
// a gas line crossing S-1 at x = 30; a water main crossing S-2 at y = 20 with an assumed depth;
// manholes at both ends of S-1; flat ground at 10 m.
Model run() {
    Model model;
    model.flatGroundZ = 10;
    auto line = [&](const std::string& id, UtilityKind utility, double dn, std::vector<Vec3d> points,
                    DepthSource source) {
        Segment s;
        s.id = id;
        s.utility = utility;
        s.section.diameterM = dn;
        s.points = std::move(points);
        s.depthSource = source;
        model.segments.push_back(s);
    };
    line("S-1", UtilityKind::Sewer, 0.6, {{0, 0, 7.0}, {100, 0, 6.0}}, DepthSource::Invert);
    line("S-2", UtilityKind::Sewer, 0.6, {{100, 50, 5.5}, {100, 0, 6.0}}, DepthSource::Invert);
    line("G-1", UtilityKind::Gas, 0.2, {{30, -10, 8.9}, {30, 10, 8.9}}, DepthSource::Measured3D);
    line("W-1", UtilityKind::Water, 0.3, {{90, 20, 8.5}, {110, 20, 8.5}}, DepthSource::Assumed);
    for (double x : {0.0, 100.0}) {
        Node n;
        n.id = x == 0 ? "MH-1" : "MH-2";
        n.position = {x, 0, 10};
        n.groundZ = 10;
        n.invertZ = x == 0 ? 6.7 : 5.2;
        n.sizeM = 1.2;
        model.nodes.push_back(n);
    }
    return model;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("profile: a run of ids is chained, stationed and gives depths at stations", "[profile]") {
    const Model model = run();
    std::string error;
    const auto path = parseProfilePath("S-1,S-2", model, error);
    REQUIRE(path);
    REQUIRE(path->plan.size() == 3);  // S-2 turned round to continue from S-1's end
    CHECK(path->plan[2].y == Approx(50));
    const auto profile = buildProfile(model, *path, error);
    REQUIRE(profile);
    CHECK(profile->lengthM == Approx(150));
    REQUIRE(profile->pieces.size() == 2);
    CHECK(profile->pieces[0].station0 == Approx(0));
    CHECK(profile->pieces[0].z0 == Approx(7.0));
    CHECK(profile->pieces[0].station1 == Approx(100));
    CHECK(profile->pieces[1].station0 == Approx(150));  // S-2's first vertex is the far end
    CHECK(profile->pieces[1].z0 == Approx(5.5));
    REQUIRE(profile->crossings.size() == 2);
    CHECK(model.segments[profile->crossings[0].segment].id == "G-1");
    CHECK(profile->crossings[0].station == Approx(30));
    CHECK(profile->crossings[0].z == Approx(8.9));
    CHECK(profile->crossings[0].coverM == Approx(10 - 9.0));
    CHECK(model.segments[profile->crossings[1].segment].id == "W-1");
    CHECK(profile->crossings[1].station == Approx(120));
    CHECK(profile->crossings[1].coverM == Approx(10 - 8.65));
    REQUIRE(profile->manholes.size() == 2);
    CHECK(profile->manholes[1].station == Approx(100));
    CHECK(profile->ground.front().first == Approx(0));
    CHECK(profile->ground.back().first == Approx(150));
    CHECK(profile->ground.back().second == Approx(10));
    CHECK(profile->minZ == Approx(5.2));  // MH-2's invert
    CHECK(profile->maxZ == Approx(10));
}

TEST_CASE("profile: a polyline path finds the lines along it and across it", "[profile]") {
    const Model model = run();
    std::string error;
    const auto path = parseProfilePath("10,0.2; 60,0.2", model, error);
    REQUIRE(path);
    const auto profile = buildProfile(model, *path, error);
    REQUIRE(profile);
    CHECK(profile->lengthM == Approx(50));
    REQUIRE(profile->pieces.size() == 1);                             // S-1, 0.2 m beside the path
    CHECK(profile->pieces[0].station0 == Approx(-0.0).margin(1e-9));  // clamped to the path's start
    REQUIRE(profile->crossings.size() == 1);
    CHECK(profile->crossings[0].station == Approx(20));
    CHECK(profile->manholes.empty());
}

TEST_CASE("profile: bad paths are one-line errors", "[profile][errors]") {
    const Model model = run();
    std::string error;
    CHECK_FALSE(parseProfilePath("S-1,S-9", model, error));
    CHECK(error == "--path: no line with id 'S-9'");
    CHECK_FALSE(parseProfilePath("G-1,W-1", model, error));
    CHECK(contains(error, "W-1 does not join G-1"));
    CHECK_FALSE(parseProfilePath("1,2;3", model, error));
    CHECK(contains(error, "'3' is not a point x,y"));
    CHECK_FALSE(parseProfilePath("5,5", model, error));
    CHECK(contains(error, "at least two different points"));
    const auto nowhere = parseProfilePath("500,500;600,600", model, error);
    REQUIRE(nowhere);
    CHECK_FALSE(buildProfile(model, *nowhere, error));
    CHECK(error == "--path: the path touches no pipe or cable");
}

TEST_CASE("profile: the SVG has the ground, pipes, crossings, manholes, labels, the PNG is its drawing",
          "[profile][svg]") {
    const Model model = run();
    std::string error;
    const auto profile = buildProfile(model, *parseProfilePath("S-1,S-2", model, error), error);
    REQUIRE(profile);
    const std::string svg = profileSvg(*profile, model, ProfileDrawing{});
    CHECK(contains(svg, "<polyline class=\"ground\""));
    CHECK(contains(svg, "<polygon class=\"pipe\" data-id=\"S-1\""));
    CHECK(contains(svg, "<polygon class=\"pipe\" data-id=\"S-2\""));
    CHECK(contains(svg, "<ellipse class=\"crossing\" data-id=\"G-1\""));
    CHECK(contains(svg, "<rect class=\"manhole\" data-id=\"MH-2\""));
    CHECK(contains(svg, ">G-1 DN200 cover 1.00 m</text>"));
    CHECK(contains(svg, "W-1 DN300 cover 1.35 m (assumed)"));
    CHECK(contains(svg, "MH-2 GL 10.00 IL 5.20"));
    CHECK(contains(svg, ">0+150</text>"));
    // The assumed water main is dashed, the measured gas line is not.
    const size_t water = svg.find("<ellipse class=\"crossing\" data-id=\"W-1\"");
    const size_t gas = svg.find("<ellipse class=\"crossing\" data-id=\"G-1\"");
    REQUIRE(water != std::string::npos);
    CHECK(contains(svg.substr(water, svg.find('\n', water) - water), "stroke-dasharray"));
    CHECK_FALSE(contains(svg.substr(gas, svg.find('\n', gas) - gas), "stroke-dasharray"));

    const std::string dir = fixtures::freshDir("profile_png");
    fixtures::writeText(dir + "/profile.svg", svg);
    REQUIRE(writeSvgAsPng(svg, dir + "/profile.png", 1.0).into(error));
    const auto image = readPng(dir + "/profile.png", error);
    REQUIRE(image);
    CHECK(image->s() == 1400);
    // The ground line (#7a5a2f) and the sewer's fill are in the picture.
    int groundPixels = 0, sewerPixels = 0;
    for (int y = 0; y < image->t(); ++y)
        for (int x = 0; x < image->s(); ++x) {
            const osg::Vec4ub p = pixelAt(*image, x, y);
            groundPixels += std::abs(p.r() - 0x7a) < 12 && std::abs(p.g() - 0x5a) < 12 && std::abs(p.b() - 0x2f) < 12;
            sewerPixels += p.g() > 120 && p.r() < 90 && p.b() < 90;
        }
    CHECK(groundPixels > 1000);
    CHECK(sewerPixels > 1000);
}

TEST_CASE("profile: an SVG librsvg cannot read is an error, not a crash", "[profile][errors]") {
    std::string error;
    const std::string dir = fixtures::freshDir("profile_bad_svg");
    CHECK_FALSE(writeSvgAsPng("<svg", dir + "/x.png", 1.0).into(error));
    CHECK(contains(error, "x.png: cannot draw the SVG"));
}
