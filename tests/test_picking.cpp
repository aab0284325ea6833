// Picking without a window: a ray through a known scene names the feature under it.
#include <catch2/catch.hpp>
#include <cmath>

#include "annotation_anchor.h"
#include "annotation_template.h"
#include "feature_lookup.h"
#include "ground_patches.h"
#include "model_fixtures.h"
#include "picking.h"
#include "scene_builder.h"

using namespace subterra;

namespace {
Segment pipe(const std::string& id, UtilityKind utility, Vec3d from, Vec3d to, double diameterM) {
    return model_fixtures::pipe(id, utility, diameterM, {from, to});
}

// Two water pipes and a sewer under a flat ground at z = 5, at UTM-sized coordinates; a manhole
// and a building beside them.
Model knownDistrict() {
    Model model;
    const double x = 352000, y = 3451000;
    model.flatGroundZ = 5;
    model.segments.push_back(pipe("W-1", UtilityKind::Water, {x, y, 3.5}, {x + 40, y, 3.5}, 0.3));
    model.segments.push_back(pipe("W-2", UtilityKind::Water, {x, y + 6, 3.0}, {x + 40, y + 6, 2.0}, 0.4));
    model.segments.push_back(pipe("S-1", UtilityKind::Sewer, {x + 20, y - 10, 1.0}, {x + 20, y + 20, 0.4}, 0.6));
    Node manhole;
    manhole.id = "MH-7";
    manhole.layer = "manholes";
    manhole.position = {x + 30, y - 8, 5};
    manhole.groundZ = 5;
    manhole.invertZ = 2;
    manhole.sizeM = 1.2;
    model.nodes.push_back(manhole);
    Building building;
    building.id = "B-1";
    building.layer = "buildings";
    building.footprint = {{x + 5, y + 12, 5}, {x + 15, y + 12, 5}, {x + 15, y + 20, 5}, {x + 5, y + 20, 5}};
    building.baseZ = 5;
    building.heightM = 12;
    model.buildings.push_back(building);
    return model;
}

// Straight down from high above (x, y), through the ground.
PickResult pickDown(const BuiltScene& scene, double x, double y) {
    return pickRay(scene, osg::Vec3d(x, y, 200), osg::Vec3d(x, y, -200));
}
}  // namespace

TEST_CASE("A ray down through the ground picks the pipe below it, not the ground", "[picking]") {
    const Model model = knownDistrict();
    const BuiltScene scene = buildScene(model, SceneStyle{});
    const PickResult hit = pickDown(scene, 352010, 3451006);
    REQUIRE(hit.feature);
    CHECK(hit.feature->layer == "water");
    CHECK(hit.feature->featureId == "W-2");
    REQUIRE(hit.ground);
    CHECK(hit.ground->z() == Approx(5).margin(1e-3));
    // The ground is nearer the eye than the pipe: it is what the cursor touches first.
    CHECK(hit.nearest->z() == Approx(5).margin(1e-3));
    // The pipe top at x + 10 lies at 3.0 - 0.25 * 1.0 + 0.2 (centre falls 1 m over 40 m; radius 0.2).
    CHECK(hit.feature->point.z() == Approx(2.75 + 0.2).margin(0.02));
}

TEST_CASE("Picking tells apart neighbouring pipes, a manhole and a building", "[picking]") {
    const BuiltScene scene = buildScene(knownDistrict(), SceneStyle{});
    CHECK(pickDown(scene, 352005, 3451000).feature->featureId == "W-1");
    CHECK(pickDown(scene, 352020, 3450995).feature->featureId == "S-1");
    CHECK(pickDown(scene, 352030, 3450992).feature->featureId == "MH-7");
    const PickResult building = pickDown(scene, 352010, 3451016);
    REQUIRE(building.feature);
    CHECK(building.feature->featureId == "B-1");
    CHECK(building.feature->layer == "buildings");
    CHECK(building.feature->point.z() == Approx(17).margin(1e-3));  // the roof
}

TEST_CASE("A ray that misses every feature finds only the ground", "[picking]") {
    const BuiltScene scene = buildScene(knownDistrict(), SceneStyle{});
    const PickResult miss = pickDown(scene, 352035, 3451015);
    CHECK_FALSE(miss.feature);
    REQUIRE(miss.ground);
    CHECK(miss.ground->x() == Approx(352035).margin(1e-6));
    const PickResult sky = pickRay(scene, osg::Vec3d(352000, 3451000, 100), osg::Vec3d(352000, 3451000, 300));
    CHECK_FALSE(sky.feature);
    CHECK_FALSE(sky.nearest);
}

TEST_CASE("Hidden layers cannot be picked, but the layer below them can", "[picking]") {
    SceneStyle style;
    style.layers["water"].visible = false;
    const BuiltScene scene = buildScene(knownDistrict(), style);
    CHECK_FALSE(pickDown(scene, 352005, 3451000).feature);
    // Where a (hidden) water pipe crosses the sewer, the sewer below is picked.
    CHECK(pickDown(scene, 352020, 3451000).feature->featureId == "S-1");
}

TEST_CASE("Translucent layers are picked like solid ones", "[picking]") {
    SceneStyle style;
    style.layers["buildings"].opacity = 0.4f;  // drawn in two passes; both lead to the same feature
    const BuiltScene scene = buildScene(knownDistrict(), style);
    const PickResult hit = pickDown(scene, 352010, 3451016);
    REQUIRE(hit.feature);
    CHECK(hit.feature->featureId == "B-1");
}

TEST_CASE("Clicks go through see-through layers to the solid feature behind them", "[picking]") {
    Model model = knownDistrict();
    // A pipe under the building's footprint.
    model.segments.push_back(pipe("W-9", UtilityKind::Water, {352008, 3451016, 3}, {352012, 3451016, 3}, 0.3));
    SceneStyle style;
    const BuiltScene solid = buildScene(model, style);
    CHECK(pickRay(solid, {352010, 3451016, 200}, {352010, 3451016, -200}, &style).feature->featureId == "B-1");
    style.layers["buildings"].opacity = 0.4f;
    const BuiltScene ghosted = buildScene(model, style);
    CHECK(pickRay(ghosted, {352010, 3451016, 200}, {352010, 3451016, -200}, &style).feature->featureId == "W-9");
    // Nothing solid behind: the ghosted building itself.
    CHECK(pickRay(ghosted, {352006, 3451018, 200}, {352006, 3451018, -200}, &style).feature->featureId == "B-1");
}

TEST_CASE("The ray through the centre pixel is the view direction", "[picking]") {
    const osg::Vec3d eye(352000, 3451000, 50), target(352030, 3451010, 0);
    const osg::Matrixd view = osg::Matrixd::lookAt(eye, target, osg::Vec3d(0, 0, 1));
    const osg::Matrixd projection = osg::Matrixd::perspective(35, 1600.0 / 900, 0.1, 1000);
    osg::Vec3d nearPoint, farPoint;
    rayThroughPixel(view, projection, 800, 450, 1600, 900, nearPoint, farPoint);
    osg::Vec3d ray = farPoint - nearPoint, expected = target - eye;
    ray.normalize();
    expected.normalize();
    CHECK((ray - expected).length() < 1e-6);
    CHECK((nearPoint - eye).length() == Approx(0.1).epsilon(0.05));
    // A ray through the viewport's top-left corner points up and left of the view direction.
    rayThroughPixel(view, projection, 0, 0, 1600, 900, nearPoint, farPoint);
    osg::Vec3d corner = farPoint - nearPoint;
    corner.normalize();
    CHECK(corner.z() > expected.z());    // above the centre ray
    CHECK((corner ^ expected).z() < 0);  // and to its left
}

TEST_CASE("A picked id leads back to the model's feature and its inspector facts", "[picking]") {
    const Model model = knownDistrict();
    const FeatureRef w2 = findFeature(model, "water", "W-2");
    REQUIRE(w2.segment);
    CHECK_FALSE(findFeature(model, "sewer", "W-2").found());  // ids are per layer
    CHECK(findFeature(model, "manholes", "MH-7").node != nullptr);
    CHECK(findFeature(model, "buildings", "B-1").building != nullptr);
    const SegmentFacts facts = segmentFacts(model, *w2.segment);
    CHECK(facts.planLengthM == Approx(40));
    CHECK(facts.length3dM == Approx(std::sqrt(40.0 * 40 + 1)));
    CHECK(facts.slopePercent == Approx(2.5));  // 1 m fall over 40 m
    CHECK(facts.depthStartM == Approx(2.0));   // ground 5, centre 3
    CHECK(facts.depthEndM == Approx(3.0));
    CHECK(facts.coverStartM == Approx(1.8));  // to the top of a 0.4 m pipe
    const Extent e = featureExtent(w2);
    CHECK(e.minX == Approx(352000 - 0.2));
    CHECK(e.maxZ == Approx(3.2));
}

TEST_CASE("A ground patch (SWMM subcatchment) is picked where no pipe lies under it", "[picking]") {
    Model model;
    model.terrain = model_fixtures::flatGround(60, 4, 10, 10);
    GroundPatch area;
    area.id = "S1";
    area.layer = "storm";
    area.landUse = "residential";
    area.outline = {{0, 0, 0}, {20, 0, 0}, {20, 20, 0}, {0, 20, 0}};
    area.attributes["area"] = "0.04";
    model.patches.push_back(area);
    model.segments.push_back(pipe("C1", UtilityKind::Storm, {5, -5, -2}, {5, 25, -2}, 0.6));
    model.segments.back().layer = "storm";
    SceneStyle style;
    const BuiltScene scene = buildScene(model, style);
    // Over the pipe the pipe wins, though the patch lies in front of it.
    const PickResult overPipe = pickRay(scene, {5, 10, 100}, {5, 10, -100}, &style);
    REQUIRE(overPipe.feature);
    CHECK(overPipe.feature->featureId == "C1");
    // Elsewhere inside the outline: the area; outside it: nothing.
    const PickResult inside = pickRay(scene, {15, 10, 100}, {15, 10, -100}, &style);
    REQUIRE(inside.feature);
    CHECK(inside.feature->featureId == "S1");
    CHECK(inside.feature->point.z() == Approx(kGroundPatchLiftM).margin(0.05));
    CHECK_FALSE(pickRay(scene, {30, 10, 100}, {30, 10, -100}, &style).feature);

    const FeatureRef found = findFeature(model, "storm", "S1");
    REQUIRE(found.patch);
    const Extent extent = featureExtent(found);
    CHECK(extent.valid());
    CHECK(extent.maxX == Approx(20));
    CHECK(featureFields(model, found).at("area") == "0.04");
    std::string error;
    AnnotationAnchor anchor;
    anchor.layer = "storm";
    anchor.featureId = "S1";
    const auto at = anchorPosition(model, anchor, error);
    REQUIRE(at);
    CHECK(at->x == Approx(10));
    CHECK(at->z == Approx(0));
}

TEST_CASE("A junction and a pipe with the same id (EPANET, SWMM) are told apart by the pick", "[picking]") {
    Model model;
    model.segments.push_back(pipe("10", UtilityKind::Water, {0, 0, -1.5}, {40, 0, -1.5}, 0.4));
    Node junction;
    junction.id = "10";
    junction.layer = "water";
    junction.utility = UtilityKind::Water;
    junction.position = {20, 15, 0};
    junction.groundZ = 0;
    junction.invertZ = -2;
    junction.sizeM = 1.2;
    model.nodes.push_back(junction);
    SceneStyle style;
    const BuiltScene scene = buildScene(model, style);

    const PickResult onNode = pickRay(scene, {20, 15, 100}, {20, 15, -100}, &style);
    REQUIRE(onNode.feature);
    CHECK(onNode.feature->featureId == "10");
    CHECK(onNode.feature->kind == FeatureKind::Node);
    CHECK(findFeature(model, "water", "10", onNode.feature->kind).node);
    const PickResult onPipe = pickRay(scene, {10, 0, 100}, {10, 0, -100}, &style);
    REQUIRE(onPipe.feature);
    CHECK(onPipe.feature->kind == FeatureKind::Segment);
    CHECK(findFeature(model, "water", "10", onPipe.feature->kind).segment);
    // Without a kind (an id typed in the search box): the first of them, as before.
    CHECK(findFeature(model, "water", "10").segment);
}
