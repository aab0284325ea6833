// "Colour by" recolours merged geometry per feature and gives a legend that matches the picture.
#include <catch2/catch.hpp>
#include <osg/Geode>

#include "color_by.h"
#include "mesh_buffer.h"
#include "scene_support.h"

using namespace subterra;

namespace {
Segment pipe(const std::string& id, const std::string& material, int year, DepthSource source, double y) {
    Segment s;
    s.id = id;
    s.layer = "water";
    s.utility = UtilityKind::Water;
    s.points = {{0, y, -1}, {10, y, -1}};
    s.section.diameterM = 0.2;
    s.material = material;
    s.installYear = year;
    s.depthSource = source;
    return s;
}

// Every vertex colour of feature `id` in the water layer's geometries.
std::vector<osg::Vec4> colorsOf(const BuiltScene& scene, const std::string& id) {
    std::vector<osg::Vec4> out;
    for (const osg::Geometry* g :
         scene_test::geometriesUnder(*scene.layers.at("water"), osg::NodeVisitor::TRAVERSE_ALL_CHILDREN)) {
        const auto* colors = static_cast<const osg::Vec4Array*>(g->getColorArray());
        for (unsigned v = 0; v < colors->size(); ++v)
            if (featureIdOfVertex(*g, v) == id) out.push_back((*colors)[v]);
    }
    return out;
}

const LegendEntry* entry(const std::vector<LegendEntry>& legend, const std::string& label) {
    for (const auto& e : legend)
        if (e.label == label) return &e;
    return nullptr;
}
}  // namespace

TEST_CASE("Colour by material: each pipe takes its material's legend colour", "[viewer][colorby]") {
    Model model;
    model.segments = {pipe("W-1", "cast iron", 1930, DepthSource::CoverDepth, 0),
                      pipe("W-2", "Cast Iron", 1990, DepthSource::CoverDepth, 3),
                      pipe("W-3", "PE", 2015, DepthSource::Assumed, 6), pipe("W-4", "", 0, DepthSource::Invert, 9)};
    BuiltScene scene = buildScene(model, SceneStyle{});
    const auto legend = applyColorBy(scene, model, ColorBy::Material);
    const LegendEntry* castIron = entry(legend, "cast iron");
    REQUIRE(castIron);
    CHECK(castIron->count == 2);
    REQUIRE(entry(legend, "PE"));  // the data's own spelling
    REQUIRE(entry(legend, "unknown"));
    CHECK(entry(legend, "unknown")->count == 1);
    for (const auto& c : colorsOf(scene, "W-2")) {
        CHECK(c.r() == Approx(castIron->color.r()));
        CHECK(c.b() == Approx(castIron->color.b()));
    }
    // The assumed-depth pipe keeps its see-through alpha.
    for (const auto& c : colorsOf(scene, "W-3")) CHECK(c.a() < 1.0f);
}

TEST_CASE("Colour by depth knowledge and by year use fixed legends", "[viewer][colorby]") {
    Model model;
    model.segments = {pipe("W-1", "pvc", 1930, DepthSource::Measured3D, 0),
                      pipe("W-2", "pvc", 1990, DepthSource::Assumed, 3)};
    BuiltScene scene = buildScene(model, SceneStyle{});
    auto legend = applyColorBy(scene, model, ColorBy::DepthSource);
    REQUIRE(legend.size() == 2);  // only entries that occur
    CHECK(legend[0].label == "measured in 3D");
    CHECK(legend[1].label == "assumed");
    CHECK(colorsOf(scene, "W-2").front().r() == Approx(legend[1].color.r()));

    BuiltScene byYear = buildScene(model, SceneStyle{});
    legend = applyColorBy(byYear, model, ColorBy::Year);
    REQUIRE(entry(legend, "before 1950"));
    REQUIRE(entry(legend, "1990-2009"));
    CHECK(applyColorBy(byYear, model, ColorBy::Layer).empty());
}
