// CityJSON buildings: the real Rotterdam subset (2.0, LoD2 semantics, no CRS, z from each
// building's ground), small written files for 1.1/2.0 CRS declarations and Solids, and bad input.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "skip_support.h"
#include "cityjson_importer.h"
#include "crs.h"
#include "fixtures.h"

using namespace subterra;

namespace {
const std::string kRotterdam = fixtures::sourceDir() + "/../shared/data/cityjson/rotterdam_subset.json";

LayerSpec specFor(const std::string& path) {
    LayerSpec spec;
    spec.source = path;
    spec.name = "city";
    return spec;
}

ImportContext contextIn(const std::string& crs, double ground = 0) {
    return ImportContext{crs.empty() ? "" : fixtures::wktOf(crs), [ground](double, double) { return ground; }};
}

// A 10 x 10 x 6 m box as an LoD1 Solid without semantics, 100 m east of the first one per index.
std::string boxObject(const std::string& id, int firstVertex) {
    auto v = [&](int i) { return std::to_string(firstVertex + i); };
    return "\"" + id + "\": {\"type\": \"Building\", \"attributes\": {\"name\": \"" + id +
           "\"}, \"geometry\": [{\"type\": \"Solid\", \"lod\": \"1\", " + "\"boundaries\": [[[[" + v(0) + "," + v(3) +
           "," + v(2) + "," + v(1) + "]], [[" + v(4) + "," + v(5) + "," + v(6) + "," + v(7) + "]], [[" + v(0) + "," +
           v(1) + "," + v(5) + "," + v(4) + "]], [[" + v(1) + "," + v(2) + "," + v(6) + "," + v(5) + "]], [[" + v(2) +
           "," + v(3) + "," + v(7) + "," + v(6) + "]], [[" + v(3) + "," + v(0) + "," + v(4) + "," + v(7) + "]]]]}]}";
}

std::string boxVertices(int count) {
    std::string text;
    for (int b = 0; b < count; ++b) {
        const int x = b * 10000;  // 100 m apart at scale 0.01
        for (int z : {0, 600})
            for (auto [dx, dy] : {std::pair{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}})
                text += (text.empty() ? "" : ", ") + ("[" + std::to_string(x + dx) + ", " + std::to_string(dy) + ", " +
                                                      std::to_string(z + 250) + "]");
    }
    return text;
}

// A CityJSON file in RD New coordinates (Rotterdam), with `count` boxes (ids B0, B1...).
std::string cityJson(const std::string& version, const std::string& referenceSystem, int count,
                     const std::string& extraObjects = "", const std::string& extraVertices = "") {
    std::string objects;
    for (int b = 0; b < count; ++b) objects += (b ? ", " : "") + boxObject("B" + std::to_string(b), b * 8);
    if (!extraObjects.empty()) objects += ", " + extraObjects;
    std::string metadata =
        referenceSystem.empty() ? "" : "\"metadata\": {\"referenceSystem\": \"" + referenceSystem + "\"}, ";
    return "{\"type\": \"CityJSON\", \"version\": \"" + version + "\", " + metadata +
           "\"transform\": {\"scale\": [0.01, 0.01, 0.01], \"translate\": [90500, 435700, 0]}, " +
           "\"CityObjects\": {" + objects + "}, \"vertices\": [" + boxVertices(count) + extraVertices + "]}";
}
}  // namespace

TEST_CASE("CityJSON: the Rotterdam subset gives 16 LoD2 buildings with roof, wall and ground surfaces",
          "[cityjson][real-data]") {
    SKIP_UNLESS_EXISTS(kRotterdam);
    REQUIRE(claimsCityJson(kRotterdam));
    const LayerImport layer = importCityJson(specFor(kRotterdam), contextIn("", 2.5));
    INFO(fixtures::problemLines(layer.problems));
    CHECK_FALSE(hasErrors(layer.problems));
    REQUIRE(layer.buildings.size() == 16);
    CHECK(layer.report.countsByKind.at("Building") == 16);
    CHECK(layer.report.countsByKind.at("roof surfaces") == 41);
    CHECK(layer.report.countsByKind.at("wall surfaces") == 191);
    CHECK(layer.report.countsByKind.at("ground surfaces") == 16);
    CHECK(layer.report.geometryType == "LoD2 MultiSurface");
    CHECK(layer.report.sourceCrsWkt.empty());
    // Heights are relative to each building's ground: placed on the ground (2.5 m here), and said so.
    CHECK(fixtures::countProblems(layer.problems, {"relative to the ground"}) == 1);
    const Extent& e = layer.report.extent;
    CHECK(e.minX == Approx(90454).margin(1));
    CHECK(e.maxX == Approx(91002).margin(1));
    CHECK(e.minY == Approx(435615).margin(1));
    CHECK(e.maxY == Approx(436048).margin(1));
    CHECK(e.minZ == Approx(2.5).margin(1e-6));
    CHECK(e.maxZ == Approx(18.29 + 2.5).margin(0.01));
    const Building* b = nullptr;
    for (const auto& building : layer.buildings)
        if (building.id == "{C9D4A5CF-094A-47DA-97E4-4A3BFD75D3AE}") b = &building;
    REQUIRE(b);
    CHECK(b->surfaces.size() == 20);
    CHECK(b->footprint.size() >= 3);
    CHECK(b->attributes.count("TerrainHeight") == 1);
}

TEST_CASE("CityJSON: 1.1 URN and 2.0 URL reference systems are read and reprojected", "[cityjson]") {
    const std::string dir = fixtures::freshDir("cityjson_crs");
    // RD (90500, 435700) is UTM 31N (599742.146, 5751583.320): `gdaltransform -s_srs EPSG:7415 -t_srs EPSG:32631`.
    for (const auto& [version, reference] : {std::pair<std::string, std::string>{"1.1", "urn:ogc:def:crs:EPSG::7415"},
                                             {"2.0", "https://www.opengis.net/def/crs/EPSG/0/7415"}}) {
        const std::string path =
            fixtures::writeText(dir + "/boxes" + version + ".city.json", cityJson(version, reference, 2));
        std::string error;
        const auto probe = probeCityJson(path, error);
        REQUIRE(probe);
        CHECK(crsDisplayName(probe->crsWkt).find("7415") != std::string::npos);
        const LayerImport layer = importCityJson(specFor(path), contextIn("EPSG:32631"));
        INFO(version << "\n" << fixtures::problemLines(layer.problems));
        CHECK(layer.problems.empty());
        REQUIRE(layer.buildings.size() == 2);
        const Building& box = layer.buildings[0];
        REQUIRE(box.surfaces.size() == 6);
        double minX = 1e300, minY = 1e300;
        for (const auto& s : box.surfaces)
            for (const auto& p : s.outer) minX = std::min(minX, p.x), minY = std::min(minY, p.y);
        CHECK(minX == Approx(599742.146).margin(0.01));
        CHECK(minY == Approx(5751583.320).margin(0.01));
        // LoD1 without semantics: classed by normal (top roof, bottom ground, four walls).
        int roofs = 0, grounds = 0, walls = 0;
        for (const auto& s : box.surfaces)
            (s.kind == BuildingSurface::Kind::Roof     ? roofs
             : s.kind == BuildingSurface::Kind::Ground ? grounds
                                                       : walls)++;
        CHECK(roofs == 1);
        CHECK(grounds == 1);
        CHECK(walls == 4);
        CHECK(box.baseZ == Approx(2.5));  // absolute heights are kept (lowest vertex is not 0)
        CHECK(box.heightM == Approx(6.0));
    }
}

TEST_CASE("CityJSON: a CRS that cannot be related to the project's is a clear error", "[cityjson][crs]") {
    const std::string dir = fixtures::freshDir("cityjson_crs_unrelated");
    const std::string path =
        fixtures::writeText(dir + "/boxes.json", cityJson("2.0", "https://www.opengis.net/def/crs/EPSG/0/7415", 1));
    ImportContext context{"LOCAL_CS[\"site grid\",UNIT[\"metre\",1],AXIS[\"X\",EAST],AXIS[\"Y\",NORTH]]", nullptr};
    const LayerImport layer = importCityJson(specFor(path), context);
    CHECK(layer.buildings.empty());
    CHECK(fixtures::countProblems(layer.problems, {path, "cannot transform from", "7415", "site grid"}) == 1);
}

TEST_CASE("CityJSON: bad input is reported with file, object or line, and reason, good objects stay",
          "[cityjson][bad-input]") {
    const std::string dir = fixtures::freshDir("cityjson_bad");
    struct Case {
        std::string name, text;
        std::vector<std::string> expected;  // parts of one problem line
        size_t buildings;                   // still imported
    };
    const std::string good = cityJson("2.0", "", 2);
    const std::vector<Case> cases{
        {"truncated", good.substr(0, good.size() / 2), {"line 1", "not valid JSON"}, 0},
        {"empty", "", {"file is empty"}, 0},
        {"utf16", std::string("\xFF\xFE{\0", 4), {"UTF-16"}, 0},
        {"latin1", cityJson("2.0", "", 1, "\"Caf\xE9\": {\"type\": \"Building\"}"), {"not valid JSON", "UTF-8"}, 0},
        {"nan", cityJson("2.0", "", 1, "", ", [NaN, 0, 0]"), {"not valid JSON"}, 0},
        {"index_out_of_range",
         cityJson(
             "2.0", "", 2,
             "\"BAD\": {\"type\": \"Building\", \"geometry\": [{\"type\": \"MultiSurface\", \"lod\": 2, \"boundaries\": [[[0, 1, 999]]]}]}"),
         {"CityObject 'BAD'", "vertex index 999 is out of range (16 vertices)"},
         2},
        {"non_numeric_vertex",
         cityJson("2.0", "", 2, "", ", [\"a\", 0, 0]"),
         {"$.vertices[16]", "expected three numbers"},
         2},
        {"non_numeric_index",
         cityJson(
             "2.0", "", 2,
             "\"BAD\": {\"type\": \"Building\", \"geometry\": [{\"type\": \"MultiSurface\", \"lod\": 2, \"boundaries\": [[[0, \"x\", 2]]]}]}"),
         {"CityObject 'BAD'", "is not a non-negative integer"},
         2},
        {"duplicate_id", cityJson("2.0", "", 2, boxObject("B1", 0)), {"CityObject 'B1'", "duplicate id"}, 2},
        {"not_cityjson", "{\"type\": \"FeatureCollection\", \"features\": []}", {"not a CityJSON file"}, 0},
        {"bad_transform",
         "{\"type\": \"CityJSON\", \"version\": \"2.0\", \"transform\": {\"scale\": [1, 1]}, \"CityObjects\": {}, \"vertices\": []}",
         {"$.transform", "three numbers"},
         0},
    };
    for (const auto& c : cases) {
        const std::string path = fixtures::writeText(dir + "/" + c.name + ".json", c.text);
        const LayerImport layer = importCityJson(specFor(path), contextIn(""));
        INFO(c.name << "\n" << fixtures::problemLines(layer.problems));
        std::vector<std::string> parts{path};
        parts.insert(parts.end(), c.expected.begin(), c.expected.end());
        CHECK(fixtures::countProblems(layer.problems, parts) >= 1);
        CHECK(layer.buildings.size() == c.buildings);
    }
}
