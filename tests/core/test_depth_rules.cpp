// The Z rules (docs/project-format.md): measured 3D, then invert levels, then cover depth, then an
// assumed default cover per utility kind. Pure functions: checked against hand-computed levels.
#include <catch2/catch.hpp>

#include "depth_rules.h"
#include "geometry_parts.h"

using namespace subterra;

namespace {
// Ground that rises 1 m per 100 m eastwards from 5 m at x = 0.
const GroundFunction kSlopingGround = [](double x, double) { return 5.0 + 0.01 * x; };

Segment pipe(UtilityKind utility, double diameterM, std::vector<Vec3d> points) {
    Segment s;
    s.utility = utility;
    s.section.diameterM = diameterM;
    s.points = std::move(points);
    return s;
}
}  // namespace

TEST_CASE("Z rules: measured 3D geometry is kept as it is", "[depth]") {
    Segment s = pipe(UtilityKind::Water, 0.2, {{0, 0, 3.1}, {50, 0, 2.9}});
    SegmentLevels levels;
    levels.invertStart = 1.0;  // ignored: the geometry is better evidence
    levels.coverM = 1.5;
    applyDepthRules(s, true, levels, kSlopingGround);
    CHECK(s.depthSource == DepthSource::Measured3D);
    CHECK(s.points[0].z == 3.1);
    CHECK(s.points[1].z == 2.9);
}

TEST_CASE("Z rules: inverts give centre = invert + D/2 interpolated along the plan length", "[depth]") {
    // An L-shaped sewer 30 m + 10 m long, falling from invert 2.0 to 1.6; DN 400.
    Segment s = pipe(UtilityKind::Sewer, 0.4, {{0, 0, 0}, {30, 0, 0}, {30, 10, 0}});
    SegmentLevels levels;
    levels.invertStart = 2.0;
    levels.invertEnd = 1.6;
    applyDepthRules(s, false, levels, kSlopingGround);
    CHECK(s.depthSource == DepthSource::Invert);
    CHECK(s.points[0].z == Approx(2.0 + 0.2));
    CHECK(s.points[1].z == Approx(2.0 - 0.4 * 30.0 / 40.0 + 0.2));  // 3/4 of the way
    CHECK(s.points[2].z == Approx(1.6 + 0.2));
}

TEST_CASE("Z rules: one invert level is used for both ends", "[depth]") {
    Segment start = pipe(UtilityKind::Storm, 0.3, {{0, 0, 0}, {20, 0, 0}});
    SegmentLevels onlyStart;
    onlyStart.invertStart = 3.0;
    applyDepthRules(start, false, onlyStart, kSlopingGround);
    CHECK(start.depthSource == DepthSource::Invert);
    CHECK(start.points[0].z == Approx(3.15));
    CHECK(start.points[1].z == Approx(3.15));

    Segment end = pipe(UtilityKind::Storm, 0.3, {{0, 0, 0}, {20, 0, 0}});
    SegmentLevels onlyEnd;
    onlyEnd.invertEnd = 2.5;
    applyDepthRules(end, false, onlyEnd, kSlopingGround);
    CHECK(end.points[0].z == Approx(2.65));
    CHECK(end.points[1].z == Approx(2.65));
}

TEST_CASE("Z rules: a rectangular duct's invert is offset by half its height", "[depth]") {
    Segment s;
    s.utility = UtilityKind::Power;
    s.section.shape = CrossSection::Shape::Rectangular;
    s.section.widthM = 0.8;
    s.section.heightM = 0.5;
    s.points = {{0, 0, 0}, {10, 0, 0}};
    SegmentLevels levels;
    levels.invertStart = levels.invertEnd = 4.0;
    applyDepthRules(s, false, levels, kSlopingGround);
    CHECK(s.points[0].z == Approx(4.25));
}

TEST_CASE("Z rules: cover gives centre = ground - cover - D/2 at every vertex", "[depth]") {
    Segment s = pipe(UtilityKind::Gas, 0.2, {{0, 0, 0}, {100, 0, 0}, {200, 50, 0}});
    SegmentLevels levels;
    levels.coverM = 0.9;
    applyDepthRules(s, false, levels, kSlopingGround);
    CHECK(s.depthSource == DepthSource::CoverDepth);
    CHECK(s.points[0].z == Approx(5.0 - 0.9 - 0.1));
    CHECK(s.points[1].z == Approx(6.0 - 0.9 - 0.1));
    CHECK(s.points[2].z == Approx(7.0 - 0.9 - 0.1));
}

TEST_CASE("Z rules: inverts win over cover", "[depth]") {
    Segment s = pipe(UtilityKind::Sewer, 0.3, {{0, 0, 0}, {10, 0, 0}});
    SegmentLevels levels;
    levels.invertStart = 1.0;
    levels.coverM = 2.0;
    applyDepthRules(s, false, levels, kSlopingGround);
    CHECK(s.depthSource == DepthSource::Invert);
    CHECK(s.points[0].z == Approx(1.15));
}

TEST_CASE("Z rules: without evidence the default cover of the utility kind is assumed", "[depth]") {
    for (UtilityKind kind : {UtilityKind::Water, UtilityKind::Sewer, UtilityKind::Storm, UtilityKind::Gas,
                             UtilityKind::Power, UtilityKind::Telecom, UtilityKind::Heating, UtilityKind::Other}) {
        INFO(toString(kind));
        Segment s = pipe(kind, 0.2, {{0, 0, 0}, {100, 0, 0}});
        applyDepthRules(s, false, SegmentLevels{}, kSlopingGround);
        CHECK(s.depthSource == DepthSource::Assumed);
        CHECK(s.points[0].z == Approx(5.0 - defaultCoverM(kind) - 0.1));
        CHECK(s.points[1].z == Approx(6.0 - defaultCoverM(kind) - 0.1));
    }
    // Typical practice: sewers deepest, telecom shallowest, gas shallower than water.
    CHECK(defaultCoverM(UtilityKind::Water) == Approx(1.2));
    CHECK(defaultCoverM(UtilityKind::Sewer) == Approx(2.5));
    CHECK(defaultCoverM(UtilityKind::Gas) == Approx(0.9));
    CHECK(defaultCoverM(UtilityKind::Power) == Approx(0.8));
    CHECK(defaultCoverM(UtilityKind::Telecom) == Approx(0.6));
    CHECK(defaultCoverM(UtilityKind::Storm) == Approx(1.5));
    CHECK(defaultCoverM(UtilityKind::Heating) == Approx(1.0));
    CHECK(defaultCoverM(UtilityKind::Other) == Approx(1.0));
    // The literal values, not only the table: a kind whose cover changed shows in the assumed depth.
    Segment storm = pipe(UtilityKind::Storm, 0.2, {{0, 0, 0}, {100, 0, 0}});
    applyDepthRules(storm, false, SegmentLevels{}, kSlopingGround);
    CHECK(storm.points[0].z == Approx(5.0 - 1.5 - 0.1));
}

TEST_CASE("Z rules: default sections are flagged as assumed", "[depth]") {
    for (int k = 0; k <= int(UtilityKind::Other); ++k) {
        const CrossSection section = defaultSection(UtilityKind(k));
        INFO(toString(UtilityKind(k)));
        CHECK(section.assumed);
        CHECK(section.isKnown());
    }
    CHECK(defaultSection(UtilityKind::Power).shape == CrossSection::Shape::Rectangular);
}

TEST_CASE("Z rules: z = 0 everywhere counts as no Z", "[depth]") {
    CHECK_FALSE(hasRealZ({{1, 2, 0}, {3, 4, 0}}, true));
    CHECK(hasRealZ({{1, 2, 0}, {3, 4, -1.5}}, true));
    CHECK_FALSE(hasRealZ({{1, 2, 7}, {3, 4, 7}}, false));  // a 2D geometry's z means nothing
}

TEST_CASE("Z rules: plan length ignores z", "[depth]") {
    CHECK(planLength({{0, 0, 0}, {3, 4, 100}, {3, 10, -50}}) == Approx(11.0));
    CHECK(planLength({}) == 0);
    CHECK(planLength({{1, 1, 1}}) == 0);
}
