// Fixture writers shared by the importer, project and CLI tests (declared in fixtures.h).
// Holds no TEST_CASE; built once as subterra_test_fixtures for both test executables.
#include <cpl_conv.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <mutex>
#include <ogrsf_frmts.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

#include "fixtures.h"

#include <catch2/catch.hpp>

#include "crs.h"

namespace fs = std::filesystem;

namespace fixtures {

namespace {
void registerDrivers() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

void check(bool ok, const std::string& what) {
    if (!ok)
        throw std::runtime_error("fixture: " + what +
                                 (CPLGetLastErrorMsg()[0] ? std::string(" (") + CPLGetLastErrorMsg() + ")" : ""));
}

OGRwkbGeometryType geometryType(const std::string& name) {
    if (name == "LineString") return wkbLineString;
    if (name == "LineString25D") return wkbLineString25D;
    if (name == "MultiLineString") return wkbMultiLineString;
    if (name == "Point") return wkbPoint;
    if (name == "Point25D") return wkbPoint25D;
    if (name == "Polygon") return wkbPolygon;
    if (name == "Polygon25D") return wkbPolygon25D;
    if (name == "MultiPolygon") return wkbMultiPolygon;
    if (name == "Unknown" || name.empty()) return wkbUnknown;
    throw std::runtime_error("fixture: unknown geometry type " + name);
}

OGRFieldType fieldType(FieldFixture::Kind kind) {
    switch (kind) {
        case FieldFixture::Kind::Integer: return OFTInteger;
        case FieldFixture::Kind::Real: return OFTReal;
        case FieldFixture::Kind::Text: return OFTString;
    }
    return OFTString;
}

std::string shellQuote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}
}  // namespace

std::string sourceDir() { return SUBTERRA_SOURCE_DIR; }

std::string copySampleProject(const std::string& dir) {
    const fs::path sample = fs::path(sourceDir()) / "sample-data" / "district";
    for (const char* name : {"district.subterra.json", "district.gpkg", "dem.tif"})
        fs::copy_file(sample / name, fs::path(dir) / name, fs::copy_options::overwrite_existing);
    return (fs::path(dir) / "district.subterra.json").string();
}

std::string freshDir(const std::string& name) {
    const fs::path dir = fs::path(SUBTERRA_TEST_OUTPUT_DIR) / "fixtures" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

std::string writeText(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    check(bool(out), "cannot write " + path);
    return path;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string writeVector(const std::string& path, const std::string& driverName,
                        const std::vector<LayerFixture>& layers) {
    registerDrivers();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.c_str());
    check(driver != nullptr, "no GDAL driver " + driverName);
    fs::remove(path);
    CPLErrorReset();
    GDALDataset* dataset = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    check(dataset != nullptr, "cannot create " + path);
    for (const auto& spec : layers) {
        OGRSpatialReference* srs = nullptr;
        if (!spec.crs.empty()) {
            srs = new OGRSpatialReference();
            srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            check(srs->SetFromUserInput(spec.crs.c_str()) == OGRERR_NONE, "bad CRS " + spec.crs);
        }
        const char* csvOptions[] = {"GEOMETRY=AS_WKT", nullptr};
        OGRLayer* layer = dataset->CreateLayer(spec.name.c_str(), srs, geometryType(spec.geometry),
                                               driverName == "CSV" ? const_cast<char**>(csvOptions) : nullptr);
        if (srs) srs->Release();
        check(layer != nullptr, "cannot create layer " + spec.name);
        for (const auto& field : spec.fields) {
            OGRFieldDefn definition(field.name.c_str(), fieldType(field.kind));
            check(layer->CreateField(&definition) == OGRERR_NONE, "cannot create field " + field.name);
        }
        for (const auto& featureSpec : spec.features) {
            OGRFeature feature(layer->GetLayerDefn());
            if (!featureSpec.wkt.empty()) {
                OGRGeometry* geometry = nullptr;
                check(OGRGeometryFactory::createFromWkt(featureSpec.wkt.c_str(), nullptr, &geometry) == OGRERR_NONE,
                      "bad WKT " + featureSpec.wkt);
                feature.SetGeometryDirectly(geometry);
            }
            for (const auto& [name, value] : featureSpec.values) {
                const int index = feature.GetFieldIndex(name.c_str());
                check(index >= 0, "no field " + name);
                if (value) feature.SetField(index, value->c_str());
                else feature.SetFieldNull(index);
            }
            check(layer->CreateFeature(&feature) == OGRERR_NONE, "cannot write a feature to " + path);
        }
    }
    GDALClose(dataset);
    return path;
}

std::string writeGeoTiff(const std::string& path, const RasterFixture& raster) {
    registerDrivers();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    check(driver != nullptr, "no GTiff driver");
    GDALDataset* dataset = driver->Create(path.c_str(), raster.columns, raster.rows, 1, GDT_Float32, nullptr);
    check(dataset != nullptr, "cannot create " + path);
    double geo[6] = {raster.originX, raster.cellX, 0, raster.originY, 0, -raster.cellY};
    dataset->SetGeoTransform(geo);
    if (!raster.crs.empty()) {
        OGRSpatialReference srs;
        check(srs.SetFromUserInput(raster.crs.c_str()) == OGRERR_NONE, "bad CRS " + raster.crs);
        dataset->SetSpatialRef(&srs);
    }
    GDALRasterBand* band = dataset->GetRasterBand(1);
    if (raster.noData) band->SetNoDataValue(*raster.noData);
    if (!raster.unitType.empty()) band->SetUnitType(raster.unitType.c_str());
    std::vector<float> values(size_t(raster.columns) * raster.rows);
    for (int r = 0; r < raster.rows; ++r)
        for (int c = 0; c < raster.columns; ++c) values[size_t(r) * raster.columns + c] = float(raster.value(c, r));
    check(band->RasterIO(GF_Write, 0, 0, raster.columns, raster.rows, values.data(), raster.columns, raster.rows,
                         GDT_Float32, 0, 0, nullptr) == CE_None,
          "cannot write " + path);
    GDALClose(dataset);
    return path;
}

CommandResult runSubterra(const std::vector<std::string>& arguments, const std::string& workDir) {
    static int counter = 0;
    const std::string base = (fs::path(workDir) / ("run" + std::to_string(++counter))).string();
    std::string command = "cd " + shellQuote(workDir) + " && " + shellQuote(SUBTERRA_EXECUTABLE);
    for (const auto& argument : arguments) command += " " + shellQuote(argument);
    command += " >" + shellQuote(base + ".out") + " 2>" + shellQuote(base + ".err");
    const int status = std::system(command.c_str());
    CommandResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = readFile(base + ".out");
    result.err = readFile(base + ".err");
    return result;
}

CommandResult runViewerScript(const std::string& workDir, const std::string& actions) {
    writeText(workDir + "/actions.json", actions);
    return runSubterra({"view", "district.subterra.json", "--script", "actions.json", "--size", "1600x900"}, workDir);
}

int countProblems(const subterra::Problems& problems, const std::vector<std::string>& parts) {
    int count = 0;
    for (const auto& problem : problems) {
        const std::string line = problem.toLine();
        bool all = true;
        for (const auto& part : parts) all = all && line.find(part) != std::string::npos;
        count += all ? 1 : 0;
    }
    return count;
}

std::string problemLines(const subterra::Problems& problems) {
    std::string lines;
    for (const auto& problem : problems) lines += problem.toLine() + "\n";
    return lines;
}

std::string wktOf(const std::string& userCrs) {
    std::string error;
    auto wkt = subterra::crsToWkt(userCrs, error);
    REQUIRE(wkt);
    return *wkt;
}

}  // namespace fixtures
