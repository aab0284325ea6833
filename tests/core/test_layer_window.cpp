// Reading a window of a big source: "bbox" (project CRS) and "sql". Checked on the sample
// GeoPackage here, and on a real PostGIS server by tests/postgis/run_postgis_test.sh ([postgis]).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ogrsf_frmts.h>
#include <set>

#include "fixtures.h"
#include "gdal_drivers.h"
#include "vector_importer.h"

using namespace subterra;

namespace {
const std::array<double, 4> kWindow{352150, 3451100, 352350, 3451250};  // inside the district, EPSG:32651

// Independently of the importer: the ids of the features of `table` whose envelope meets the window.
std::set<std::string> idsMeetingWindow(const std::string& gpkg, const std::string& table, const std::string& idField,
                                       size_t& total) {
    ensureGdalDrivers();
    GDALDataset* dataset = GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR);
    REQUIRE(dataset);
    std::set<std::string> ids;
    total = 0;
    for (auto& feature : *dataset->GetLayerByName(table.c_str())) {
        ++total;
        OGREnvelope e;
        feature->GetGeometryRef()->getEnvelope(&e);
        if (e.MaxX >= kWindow[0] && e.MinX <= kWindow[2] && e.MaxY >= kWindow[1] && e.MinY <= kWindow[3])
            ids.insert(feature->GetFieldAsString(idField.c_str()));
    }
    GDALClose(dataset);
    return ids;
}

ImportContext utm51() {
    return ImportContext{fixtures::wktOf("EPSG:32651"), [](double, double) { return 5.9; }};
}

template <typename T>
std::set<std::string> idsOf(const std::vector<T>& features) {
    std::set<std::string> ids;
    for (const auto& f : features) ids.insert(f.id.substr(0, f.id.find('#')));
    return ids;
}

void checkWindowedImport(const std::string& source, const std::string& gpkg) {
    size_t total = 0;
    const auto expectedPipes = idsMeetingWindow(gpkg, "water", "PIPE_ID", total);
    REQUIRE(expectedPipes.size() > 3);
    REQUIRE(expectedPipes.size() < total);  // the window really leaves features out

    LayerSpec water;
    water.source = source;
    water.table = "water";
    water.name = "water";
    water.mapping.set(MappingRole::Id, FieldRef{"pipe_id", LengthUnit::Metre, false, false});
    water.gis.bbox = kWindow;
    const LayerImport pipes = importVectorLayer(water, utm51());
    INFO(fixtures::problemLines(pipes.problems));
    CHECK_FALSE(hasErrors(pipes.problems));
    CHECK(idsOf(pipes.segments) == expectedPipes);

    // "sql" with a bbox: only manholes of one kind, only in the window.
    size_t manholeTotal = 0;
    const auto inWindow = idsMeetingWindow(gpkg, "manholes", "MH_ID", manholeTotal);
    LayerSpec manholes;
    manholes.source = source;
    manholes.name = "sewer manholes";
    manholes.gis.sql = "SELECT * FROM manholes WHERE utility = 'sewer'";
    manholes.gis.bbox = kWindow;
    manholes.mapping.set(MappingRole::Id, FieldRef{"mh_id", LengthUnit::Metre, false, false});
    const LayerImport nodes = importVectorLayer(manholes, utm51());
    INFO(fixtures::problemLines(nodes.problems));
    CHECK_FALSE(hasErrors(nodes.problems));
    REQUIRE_FALSE(nodes.nodes.empty());
    for (const auto& node : nodes.nodes) {
        CHECK(inWindow.count(node.id) == 1);
        CHECK(node.attributes.at(node.attributes.count("UTILITY") ? "UTILITY" : "utility") == "sewer");
    }
}
}  // namespace

TEST_CASE("Layer window: bbox and sql read only that part of a GeoPackage", "[window]") {
    const std::string gpkg = fixtures::sourceDir() + "/sample-data/district/district.gpkg";
    checkWindowedImport(gpkg, gpkg);
}

TEST_CASE("Layer window: bbox in another CRS than the layer's is transformed", "[window][crs]") {
    const std::string gpkg = fixtures::sourceDir() + "/sample-data/district/district.gpkg";
    LayerSpec water;
    water.source = gpkg;
    water.table = "water";
    water.name = "water";
    // The same window in Web Mercator, with the project in Web Mercator too.
    ImportContext mercator{fixtures::wktOf("EPSG:3857"), [](double, double) { return 0.0; }};
    const LayerImport all = importVectorLayer(water, mercator);
    Extent e;
    for (const auto& s : all.segments)
        for (const auto& p : s.points) e.add(p);
    water.gis.bbox = std::array<double, 4>{e.minX, e.minY, (e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
    const LayerImport quarter = importVectorLayer(water, mercator);
    CHECK(quarter.segments.size() > 0);
    CHECK(quarter.segments.size() < all.segments.size());
    // The window is the envelope of the box in the layer's CRS, a little larger where the grids
    // are turned against each other (grid convergence): allow 2 % of its size.
    const auto& box = *water.gis.bbox;
    const double slack = 0.02 * (box[2] - box[0]);
    for (const auto& s : quarter.segments) {
        Extent se;
        for (const auto& p : s.points) se.add(p);
        CHECK(se.minX <= box[2] + slack);
        CHECK(se.minY <= box[3] + slack);
    }
}

TEST_CASE("Layer window: bad SQL is a clear error naming the layer", "[window][bad-input]") {
    LayerSpec spec;
    spec.source = fixtures::sourceDir() + "/sample-data/district/district.gpkg";
    spec.name = "broken";
    spec.gis.sql = "SELEC nothing FROM nowhere";
    const LayerImport layer = importVectorLayer(spec, utm51());
    CHECK(fixtures::countProblems(layer.problems, {spec.source, "layer 'broken'", "SQL failed"}) == 1);
}

TEST_CASE("PostGIS: a bbox and sql window on a real server reads only that window", "[.][postgis]") {
    const char* connection = std::getenv("SUBTERRA_PG_CONNECTION");
    const char* gpkg = std::getenv("SUBTERRA_PG_GPKG");
    INFO("run through tests/postgis/run_postgis_test.sh, which starts the server");
    REQUIRE(connection);
    REQUIRE(gpkg);
    checkWindowedImport(connection, gpkg);
}
