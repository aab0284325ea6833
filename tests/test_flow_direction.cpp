// Flow direction (flow_direction.h): sewers flow downhill, pressure pipes by the sign of a
// result attribute, reveals can follow the flow; and the flow distances the scene hands the
// shader (pulses move towards larger distances, test_animation_render.cpp) run the same way.
#include <catch2/catch.hpp>
#include <cmath>
#include <osg/Geometry>
#include <osg/NodeVisitor>

#include "flow_direction.h"
#include "mesh_buffer.h"
#include "model_fixtures.h"
#include "scene_builder.h"

using namespace subterra;

namespace {
Segment pipe(const std::string& id, UtilityKind utility, std::vector<Vec3d> points) {
    return model_fixtures::pipe(id, utility, 0.4, std::move(points));
}

// The path attribute (x reveal, y flow distance) at the pipe vertex nearest to local x = `x`.
class PathAtX : public osg::NodeVisitor {
  public:
    explicit PathAtX(double x) : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN), x_(x) {}
    void apply(osg::Geometry& geometry) override {
        const auto* vertices = dynamic_cast<const osg::Vec3Array*>(geometry.getVertexArray());
        const auto* path = dynamic_cast<const osg::Vec2Array*>(geometry.getVertexAttribArray(kPathAttribute));
        if (!vertices || !path) return;
        for (size_t i = 0; i < vertices->size(); ++i) {
            const double d = std::abs((*vertices)[i].x() - x_);
            if ((*path)[i].y() >= 0 && d < best_) best_ = d, found = (*path)[i];
        }
    }
    osg::Vec2 found{-1, -1};

  private:
    double x_, best_ = 1e9;
};

osg::Vec2 pathAt(const BuiltScene& scene, const std::string& layer, double x) {
    PathAtX visitor(x - scene.origin.x);
    scene.layers.at(layer)->accept(visitor);
    return visitor.found;
}
}  // namespace

TEST_CASE("Sewers flow downhill whichever way they were digitised", "[flow]") {
    const Segment downhill = pipe("S-1", UtilityKind::Sewer, {{0, 0, -2.0}, {50, 0, -2.5}});
    const Segment uphill = pipe("S-2", UtilityKind::Sewer, {{0, 0, -2.5}, {50, 0, -2.0}});
    CHECK_FALSE(flowReversed(downhill));
    CHECK(flowReversed(uphill));
    // A flow attribute does not overrule the fall of a gravity pipe.
    Segment withFlow = uphill;
    withFlow.attributes["flow"] = "12.5";
    CHECK(flowReversed(withFlow));

    // In the scene: the flow distance grows downhill (west to east in both), so pulses move downhill.
    Model model;
    model.segments = {downhill};
    BuiltScene scene = buildScene(model, SceneStyle{});
    CHECK(pathAt(scene, "sewer", 50).y() > pathAt(scene, "sewer", 0).y() + 40);
    model.segments = {uphill};
    scene = buildScene(model, SceneStyle{});
    CHECK(pathAt(scene, "sewer", 0).y() > pathAt(scene, "sewer", 50).y() + 40);
}

TEST_CASE("Pressure pipes flow by the sign of a result attribute (EPANET flow)", "[flow]") {
    Segment main = pipe("W-1", UtilityKind::Water, {{0, 0, -1.5}, {50, 0, -1.5}});
    CHECK_FALSE(flowReversed(main));   // no result: digitised direction
    main.attributes["FLOW"] = "-3.2";  // any case
    CHECK(flowReversed(main));
    main.attributes["FLOW"] = "3.2";
    CHECK_FALSE(flowReversed(main));
    main.attributes["Q_LPS"] = "-1";
    CHECK(flowReversed(main, "q_lps"));  // a track's flow_attribute
    main.attributes["FLOW"] = "n/a";
    CHECK_FALSE(flowReversed(main));  // not a number: digitised direction

    Model model;
    main.attributes = {{"flow", "-7"}};
    model.segments = {main};
    BuiltScene scene = buildScene(model, SceneStyle{});
    CHECK(pathAt(scene, "water", 0).y() > pathAt(scene, "water", 50).y() + 40);  // pulses run west
    SceneStyle style;
    style.layers["water"].flowAttribute = "other";  // a named attribute the pipe lacks
    scene = buildScene(model, style);
    CHECK(pathAt(scene, "water", 50).y() > pathAt(scene, "water", 0).y() + 40);
}

TEST_CASE("A reveal along the flow starts at the sources and follows the pipes downstream", "[flow][reveal]") {
    // Two branches join at (50, 0) and flow on east; one branch is digitised against its flow.
    const Segment west = pipe("S-1", UtilityKind::Sewer, {{0, 0, -2.0}, {50, 0, -2.4}});
    const Segment north = pipe("S-2", UtilityKind::Sewer, {{50, 0, -2.4}, {50, 20, -2.1}});  // flows south
    const Segment east = pipe("S-3", UtilityKind::Sewer, {{50, 0, -2.4}, {90, 0, -2.8}});
    FlowOrder order({&west, &north, &east}, "");
    CHECK(order.upstreamDistance(0) == Approx(0));
    CHECK(order.upstreamDistance(1) == Approx(0));
    CHECK(order.upstreamDistance(2) == Approx(20));  // reached first through the shorter branch
    CHECK(order.distanceAt({50, 0.2, 0}) == Approx(20));
    CHECK(order.distanceAt({90, 0, 0}) == Approx(60));
    CHECK(order.distanceAt({300, 0, 0}) == Approx(0));  // no pipe end there

    // A loop with no source still gets distances (started at its first pipe).
    const Segment a = pipe("W-1", UtilityKind::Water, {{0, 0, 0}, {10, 0, 0}});
    const Segment b = pipe("W-2", UtilityKind::Water, {{10, 0, 0}, {0, 0, 0}});
    FlowOrder loop({&a, &b}, "");
    CHECK(loop.upstreamDistance(0) == Approx(0));
    CHECK(loop.upstreamDistance(1) == Approx(10));

    // In the scene: the east pipe's reveal distance starts at 20 at the junction, not at its
    // plan distance from the first pipe's start (50).
    Model model;
    model.segments = {west, north, east};
    SceneStyle style;
    style.layers["sewer"].revealAlongFlow = true;
    const BuiltScene scene = buildScene(model, style);
    CHECK(pathAt(scene, "sewer", 90).x() == Approx(60).margin(0.5));
}
