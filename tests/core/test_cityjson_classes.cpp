// CityJSON as cities publish it (issue 15, item 11): the "type" key may come last, after the
// vertices, and a file holds roads, land use, water, bridges and relief besides buildings. Each is
// drawn (on the ground, or as a solid), used (relief as ground levels) or named in a note.
#include <catch2/catch.hpp>

#include "cityjson_importer.h"
#include "fixtures.h"

using namespace subterra;
using Catch::Contains;

namespace {
// Vertices 0-7: a 10 m box at z 100..106 (the building); 8-11: a square at z 100 (road, land use);
// 12-19: a flat 2 m deep box (water body); 20-22: a relief triangle; 23-26: a bridge deck.
const char* kVertices =
    "[0,0,100],[10,0,100],[10,10,100],[0,10,100],[0,0,106],[10,0,106],[10,10,106],[0,10,106],"
    "[20,0,100],[40,0,100],[40,20,100],[20,20,100],"
    "[50,0,98],[70,0,98],[70,20,98],[50,20,98],[50,0,100],[70,0,100],[70,20,100],[50,20,100],"
    "[0,-50,99],[80,-50,101],[0,50,103],"
    "[0,30,108],[40,30,108],[40,34,108],[0,34,108]";

const char* kObjects = R"({
 "B1":{"type":"Building","geometry":[{"type":"Solid","lod":"1",
   "boundaries":[[[[0,3,2,1]],[[4,5,6,7]],[[0,1,5,4]],[[1,2,6,5]],[[2,3,7,6]],[[3,0,4,7]]]]}]},
 "R1":{"type":"Road","attributes":{"function":"street"},
   "geometry":[{"type":"MultiSurface","lod":"0","boundaries":[[[8,9,10,11]]]}]},
 "L1":{"type":"LandUse","geometry":[{"type":"MultiSurface","lod":"1","boundaries":[[[8,9,10,11]]]}]},
 "W1":{"type":"WaterBody","geometry":[{"type":"Solid","lod":"1",
   "boundaries":[[[[12,15,14,13]],[[16,17,18,19]],[[12,13,17,16]],[[13,14,18,17]],[[14,15,19,18]],[[15,12,16,19]]]]}]},
 "T1":{"type":"TINRelief","geometry":[{"type":"CompositeSurface","lod":"1","boundaries":[[[20,21,22]]]}]},
 "BR1":{"type":"Bridge","geometry":[{"type":"MultiSurface","lod":"1","boundaries":[[[23,24,25,26]]]}]},
 "G1":{"type":"CityObjectGroup","children":["B1","R1"]}})";

// The "type" key last, behind more than 4 KB of vertices, as a 1.4 MB file of the issue had it.
std::string typeLast() {
    std::string padding;
    while (padding.size() < 6000) padding += ",[0,0,0]";
    return std::string(R"({"version":"2.0","CityObjects":)") + kObjects + R"(,"vertices":[)" + kVertices + padding +
           R"(],"type":"CityJSON"})";
}

LayerImport importText(const std::string& dir, const std::string& name, const std::string& text) {
    LayerSpec spec;
    spec.source = fixtures::writeText(dir + "/" + name, text);
    spec.name = "city";
    spec.sourceCrs = "EPSG:28992";  // small local numbers; the CRS only has to be metric
    return importCityJson(spec, ImportContext{fixtures::wktOf("EPSG:28992"), [](double, double) { return 0.0; }});
}

std::string notesOf(const LayerImport& layer) {
    std::string notes;
    for (const auto& note : layer.report.notes) notes += note + "\n";
    return notes;
}
}  // namespace

TEST_CASE("cityjson classes: a file whose type key comes last is still CityJSON", "[cityjson][issue15]") {
    const std::string dir = fixtures::freshDir("cityjson_type_last");
    const std::string text = typeLast();
    REQUIRE(text.find("\"CityJSON\"") > 4096);
    const std::string path = fixtures::writeText(dir + "/late.json", text);
    CHECK(claimsCityJson(path));
    // A GeoJSON that merely mentions CityJSON in a property is left to GDAL.
    const std::string geojson =
        fixtures::writeText(dir + "/mention.json", R"({"type":"FeatureCollection","features":[],"note":")" +
                                                       std::string(5000, ' ') + R"(from \"CityJSON\""})");
    CHECK_FALSE(claimsCityJson(geojson));
    CHECK(claimsCityJson(fixtures::writeText(dir + "/any.cityjson", text)));
}

TEST_CASE("cityjson classes: roads, land use and water lie on the ground, bridges stand, relief is ground",
          "[cityjson][issue15]") {
    const std::string dir = fixtures::freshDir("cityjson_classes");
    const LayerImport layer = importText(dir, "city.json", typeLast());
    INFO(fixtures::problemLines(layer.problems));
    // The building and the bridge are solids; only the building's base is a ground level.
    REQUIRE(layer.buildings.size() == 2);
    CHECK(layer.ground.buildings == 1);
    // Road and land use: one patch each; the water body's solid: its top only.
    REQUIRE(layer.patches.size() == 3);
    int roads = 0, water = 0, areas = 0;
    for (const auto& patch : layer.patches) {
        roads += patch.kind == PatchKind::Road;
        water += patch.kind == PatchKind::Water;
        areas += patch.kind == PatchKind::Area;
        if (patch.kind == PatchKind::Water) CHECK(patch.outline[0].z == Approx(100));
        if (patch.kind == PatchKind::Road) CHECK(patch.attributes.at("function") == "street");
    }
    CHECK(roads == 1);
    CHECK(water == 1);
    CHECK(areas == 1);
    CHECK(layer.ground.reliefPoints == 3);
    CHECK(layer.report.featuresImported == 6);
    const std::string notes = notesOf(layer);
    CHECK_THAT(notes, Contains("on the ground: 1 LandUse, 1 Road, 1 TINRelief, 1 WaterBody"));
    CHECK_THAT(notes, Contains("drawn as solids, like buildings: 1 Bridge"));
    CHECK_THAT(notes, Contains("not drawn (no geometry of their own): 1 CityObjectGroup"));
}
