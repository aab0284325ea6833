// Tiles and levels of detail (detail_levels.h): far tiles draw tubes and shafts with fewer sides,
// farther ones the centrelines alone; near ones and every non-drawing visitor (picking, export,
// colour-by) see the full detail.
#include <catch2/catch.hpp>
#include <cmath>
#include <osg/LOD>

#include "detail_levels.h"
#include "mesh_buffer.h"
#include "model_fixtures.h"
#include "scene_builder.h"
#include "scene_support.h"

using namespace subterra;

namespace {

size_t primitivesOf(const std::vector<const osg::Geometry*>& geometries, GLenum mode, unsigned perPrimitive) {
    size_t count = 0;
    for (const osg::Geometry* g : geometries)
        for (unsigned i = 0; i < g->getNumPrimitiveSets(); ++i)
            if (g->getPrimitiveSet(i)->getMode() == mode)
                count += g->getPrimitiveSet(i)->getNumIndices() / perPrimitive;
    return count;
}
size_t trianglesOf(const std::vector<const osg::Geometry*>& geometries) {
    return primitivesOf(geometries, GL_TRIANGLES, 3);
}
size_t linesOf(const std::vector<const osg::Geometry*>& geometries) { return primitivesOf(geometries, GL_LINES, 2); }

std::vector<osg::LOD*> lodsUnder(osg::Node& node) {
    struct Finder : osg::NodeVisitor {
        Finder() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
        void apply(osg::LOD& lod) override { lods.push_back(&lod); }
        std::vector<osg::LOD*> lods;
    } finder;
    node.accept(finder);
    return finder.lods;
}

// What the cull traversal of a camera at `eye` (the LOD's coordinates) with `lodScale` would draw:
// osg::LOD asks the visitor how far the eye is, as the cull visitor answers it.
struct EyeVisitor : osg::NodeVisitor {
    EyeVisitor(const osg::Vec3& eye, float lodScale)
        : osg::NodeVisitor(TRAVERSE_ACTIVE_CHILDREN), eye(eye), lodScale(lodScale) {}
    float getDistanceToViewPoint(const osg::Vec3& position, bool withLodScale) const override {
        return (position - eye).length() * (withLodScale ? lodScale : 1.0f);
    }
    void apply(osg::Geode& geode) override {
        for (unsigned i = 0; i < geode.getNumDrawables(); ++i) geometries.push_back(geode.getDrawable(i)->asGeometry());
    }
    osg::Vec3 eye;
    float lodScale;
    std::vector<const osg::Geometry*> geometries;
};

std::vector<const osg::Geometry*> seenFrom(osg::Node& node, const osg::Vec3& eye, float lodScale = 1.0f) {
    EyeVisitor visitor(eye, lodScale);
    node.accept(visitor);
    return visitor.geometries;
}

Model pipeAndManhole() {
    Model model;
    model.segments.push_back(model_fixtures::pipe("W-1", UtilityKind::Water, 0.3, {{0, 0, -1.5}, {60, 0, -1.5}}));
    Node manhole;
    manhole.id = "MH-1";
    manhole.layer = "water";
    manhole.kind = NodeKind::Manhole;
    manhole.position = {0, 0, -1.5};
    manhole.groundZ = 0;
    manhole.invertZ = -1.8;
    model.nodes.push_back(manhole);
    return model;
}

}  // namespace

TEST_CASE("Far tiles draw tubes and shafts coarse, then centrelines alone, near ones in full", "[scene][lod]") {
    const BuiltScene scene = buildScene(pipeAndManhole(), SceneStyle{});
    osg::Group& water = *scene.layers.at("water");
    const auto lods = lodsUnder(water);
    REQUIRE(lods.size() == 1);
    osg::LOD& lod = *lods.front();
    REQUIRE(lod.getNumChildren() == 3);
    const auto full = scene_test::geometriesUnder(*lod.getChild(0));
    const auto coarse = scene_test::geometriesUnder(*lod.getChild(1));
    const auto centrelines = scene_test::geometriesUnder(*lod.getChild(2));
    CHECK(trianglesOf(coarse) * 3 < trianglesOf(full));  // 12-sided pipe and shaft -> 4 sides
    CHECK(trianglesOf(centrelines) == 0);
    CHECK(linesOf(centrelines) == linesOf(full));
    CHECK(linesOf(full) == 1);
    REQUIRE(centrelines.size() == 1);  // the one line's own two vertices, not the coarse mesh's
    CHECK(centrelines.front()->getVertexArray()->getNumElements() == 2);

    // Each level starts where the widest thing in the tile (the 1 m manhole's cover, 1.15 m) is
    // under its pixel width, measured from the tile's nearest point (TileLevels), not its centre.
    const double radius = lod.getBound().radius();
    CHECK(lod.getMaxRange(0) == Approx(distanceBelowPixelsM(1.15, kCoarseBelowPx)).epsilon(1e-4));
    CHECK(lod.getMinRange(1) == lod.getMaxRange(0));
    CHECK(lod.getMaxRange(1) == Approx(distanceBelowPixelsM(1.15, kCentrelinesBelowPx)).epsilon(1e-4));
    CHECK(lod.getMinRange(2) == lod.getMaxRange(1));
    CHECK(distanceBelowPixelsM(1.0, 3) == Approx(1.0 * 900 / (2 * std::tan(17.5 * M_PI / 180)) / 3));

    const osg::Vec3 centre = lod.getCenter();
    const auto at = [&](double distanceM) { return centre + osg::Vec3(0, -float(distanceM), 0); };
    CHECK(trianglesOf(seenFrom(water, centre + osg::Vec3(0, -20, 30))) == trianglesOf(full));
    CHECK(trianglesOf(seenFrom(water, at(radius + 1.1 * lod.getMaxRange(0)))) == trianglesOf(coarse));
    CHECK(trianglesOf(seenFrom(water, at(radius + 0.9 * lod.getMaxRange(0)))) == trianglesOf(full));
    CHECK(linesOf(seenFrom(water, at(radius + 1.1 * lod.getMaxRange(1)))) == 1);
    CHECK(trianglesOf(seenFrom(water, at(radius + 1.1 * lod.getMaxRange(1)))) == 0);
    // A picture four times as tall keeps the full detail at the first switch's distance...
    CHECK(trianglesOf(seenFrom(water, at(radius + 1.1 * lod.getMaxRange(0)), lodScaleFor(35, 3600))) ==
          trianglesOf(full));
    // ...and a small one (scale 3.75) switches nearer, but never while part of the tile is nearer
    // than the switch distance in its own pixels.
    const float small = lodScaleFor(35, 240);
    CHECK(trianglesOf(seenFrom(water, at(radius + 0.9 * lod.getMaxRange(0) / small), small)) == trianglesOf(full));
    CHECK(trianglesOf(seenFrom(water, at(radius + 1.1 * lod.getMaxRange(0) / small), small)) == trianglesOf(coarse));

    // Non-drawing visitors (picking, export) get the full detail; colour-by reaches every level.
    CHECK(trianglesOf(scene_test::layerGeometries(scene, "water")) == trianglesOf(full));
    CHECK(trianglesOf(scene_test::geometriesUnder(water, osg::NodeVisitor::TRAVERSE_ALL_CHILDREN)) ==
          trianglesOf(full) + trianglesOf(coarse));
    CHECK(scene.triangles == trianglesOf(full) + trianglesOf(scene_test::geometriesUnder(*scene.terrain)));
}

TEST_CASE("Buildings are drawn at every level of detail", "[scene][lod]") {
    Model model = pipeAndManhole();
    Building building;
    building.id = "B-1";
    building.layer = "water";  // in the same layer and tile as the pipe, to share its LOD
    building.footprint = {{5, 5, 0}, {15, 5, 0}, {15, 15, 0}, {5, 15, 0}};
    building.baseZ = 0;
    model.buildings.push_back(building);
    const BuiltScene scene = buildScene(model, SceneStyle{});
    const auto lods = lodsUnder(*scene.layers.at("water"));
    REQUIRE(lods.size() == 1);
    REQUIRE(lods.front()->getNumChildren() == 3);
    for (unsigned level = 0; level < 3; ++level) {
        bool found = false;
        for (const osg::Geometry* g : scene_test::geometriesUnder(*lods.front()->getChild(level)))
            for (unsigned v = 0; v < g->getVertexArray()->getNumElements(); ++v)
                found = found || featureIdOfVertex(*g, v) == "B-1";
        CHECK(found);
    }
}

TEST_CASE("Features far apart land in separate tiles, each culled on its own", "[scene][lod]") {
    Model model;
    model.segments.push_back(model_fixtures::pipe("W-1", UtilityKind::Water, 0.2, {{0, 0, -1}, {50, 0, -1}}));
    model.segments.push_back(
        model_fixtures::pipe("W-2", UtilityKind::Water, 0.2, {{3000, 2000, -1}, {3050, 2000, -1}}));
    const BuiltScene scene = buildScene(model, SceneStyle{});
    const osg::Group& water = *scene.layers.at("water");
    REQUIRE(water.getNumChildren() == 1);
    const osg::Group* tiles = water.getChild(0)->asGroup();
    REQUIRE(tiles != nullptr);
    CHECK(tiles->getName() == kLayerTilesName);
    REQUIRE(tiles->getNumChildren() == 2);
    // Each tile's bound holds one pipe only: the cull traversal can drop one and keep the other.
    for (unsigned i = 0; i < 2; ++i) CHECK(tiles->getChild(i)->getBound().radius() < 100);
}

TEST_CASE("The LOD scale follows the picture's height and field of view", "[scene][lod]") {
    CHECK(lodScaleFor(35, 900) == Approx(1.0f));
    CHECK(lodScaleFor(35, 1800) == Approx(0.5f));  // twice the pixels: detail holds twice as far
    CHECK(lodScaleFor(70, 900) == Approx(std::tan(35 * M_PI / 180) / std::tan(17.5 * M_PI / 180)));
    CHECK(lodScaleFor(0, 900) == 1.0f);
    CHECK(lodScaleFor(35, 0) == 1.0f);
    CHECK(tileSizeM(Extent{}) == 200);
}
