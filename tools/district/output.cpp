#include "output.h"

#include <cmath>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace district {
namespace {

struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + CPLGetLastErrorMsg()); }

OGRSpatialReference spatialReference(int epsg) {
    OGRSpatialReference srs;
    if (srs.importFromEPSG(epsg) != OGRERR_NONE) fail("unknown CRS EPSG:" + std::to_string(epsg));
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

DatasetPtr create(const char* driverName, const std::string& path, int columns, int rows, GDALDataType type,
                  const CPLStringList& options) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (!driver) fail(std::string("GDAL driver missing: ") + driverName);
    std::filesystem::remove(path);  // the GeoPackage driver refuses to create over an existing file
    DatasetPtr dataset(driver->Create(path.c_str(), columns, rows, columns ? 1 : 0, type, options.List()));
    if (!dataset) fail("cannot create " + path);
    return dataset;
}

OGRwkbGeometryType ogrGeometryType(GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Point: return wkbPoint;
        case GeometryKind::Line: return wkbLineString;
        case GeometryKind::Line3D: return wkbLineString25D;
        case GeometryKind::Polygon: return wkbPolygon;
    }
    return wkbUnknown;
}

OGRFieldType ogrFieldType(FieldType type) {
    switch (type) {
        case FieldType::Integer: return OFTInteger;
        case FieldType::Real: return OFTReal;
        case FieldType::String: return OFTString;
    }
    return OFTString;
}

template <class Curve>
void addPoints(Curve& curve, const Ring& points, bool withZ) {
    for (const Point3& p : points) withZ ? curve.addPoint(p.x, p.y, p.z) : curve.addPoint(p.x, p.y);
}

std::unique_ptr<OGRGeometry> makeGeometry(const Feature& feature, GeometryKind kind) {
    switch (kind) {
        case GeometryKind::Point: {
            const Point3& p = feature.parts.front().front();
            return std::make_unique<OGRPoint>(p.x, p.y);
        }
        case GeometryKind::Line:
        case GeometryKind::Line3D: {
            auto line = std::make_unique<OGRLineString>();
            addPoints(*line, feature.parts.front(), kind == GeometryKind::Line3D);
            return line;
        }
        case GeometryKind::Polygon: {
            auto polygon = std::make_unique<OGRPolygon>();
            for (const Ring& points : feature.parts) {
                OGRLinearRing ring;
                addPoints(ring, points, false);
                ring.closeRings();
                polygon->addRing(&ring);
            }
            return polygon;
        }
    }
    return nullptr;
}

void setField(OGRFeature& feature, int index, const FieldValue& value) {
    if (auto* i = std::get_if<int>(&value)) feature.SetField(index, *i);
    else if (auto* d = std::get_if<double>(&value)) feature.SetField(index, *d);
    else if (auto* s = std::get_if<std::string>(&value)) feature.SetField(index, s->c_str());
    else feature.SetFieldNull(index);
}

void writeLayer(GDALDataset& dataset, const Table& table, OGRSpatialReference& srs) {
    OGRLayer* layer = dataset.CreateLayer(table.name().c_str(), &srs, ogrGeometryType(table.geometry()), nullptr);
    if (!layer) fail("cannot create layer " + table.name());
    for (const FieldDef& field : table.fields()) {
        OGRFieldDefn definition(field.name.c_str(), ogrFieldType(field.type));
        if (layer->CreateField(&definition) != OGRERR_NONE) fail("cannot create field " + field.name);
    }
    // One transaction per layer: row-by-row commits would make large cities take minutes.
    if (dataset.StartTransaction() != OGRERR_NONE) fail("cannot start a transaction");
    for (const Feature& source : table.features()) {
        OGRFeature feature(layer->GetLayerDefn());
        for (size_t i = 0; i < source.values.size(); ++i) setField(feature, int(i), source.values[i]);
        feature.SetGeometryDirectly(makeGeometry(source, table.geometry()).release());
        if (layer->CreateFeature(&feature) != OGRERR_NONE) fail("cannot write a feature of " + table.name());
    }
    if (dataset.CommitTransaction() != OGRERR_NONE) fail("cannot commit " + table.name());
}

}  // namespace

void writeGeoPackage(const std::string& path, const std::vector<const Table*>& tables, int epsg) {
    GDALAllRegister();
    // A fixed "last change" date in gpkg_contents keeps regenerated files comparable.
    CPLSetConfigOption("OGR_CURRENT_DATE", "2024-01-01T00:00:00.000Z");
    OGRSpatialReference srs = spatialReference(epsg);
    DatasetPtr dataset = create("GPKG", path, 0, 0, GDT_Unknown, CPLStringList());
    for (const Table* table : tables) writeLayer(*dataset, *table, srs);
}

DemGrid demGridAround(const Extent2& district, double margin, double cell) {
    const double west = std::floor((district.minX - margin) / cell) * cell;
    const double east = std::ceil((district.maxX + margin) / cell) * cell;
    const double south = std::floor((district.minY - margin) / cell) * cell;
    const double north = std::ceil((district.maxY + margin) / cell) * cell;
    return {west, north, cell, int(std::lround((east - west) / cell)), int(std::lround((north - south) / cell))};
}

void writeDem(const std::string& path, const DemGrid& grid, const Ground& ground, int epsg) {
    GDALAllRegister();
    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");  // floating-point predictor: a smooth surface compresses well
    DatasetPtr dataset = create("GTiff", path, grid.columns, grid.rows, GDT_Float32, options);
    double transform[6] = {grid.west, grid.cell, 0, grid.north, 0, -grid.cell};
    OGRSpatialReference srs = spatialReference(epsg);
    if (dataset->SetGeoTransform(transform) != CE_None || dataset->SetSpatialRef(&srs) != CE_None)
        fail("cannot georeference " + path);
    std::vector<float> heights(size_t(grid.columns) * grid.rows);
    for (int row = 0; row < grid.rows; ++row)
        for (int column = 0; column < grid.columns; ++column)
            heights[size_t(row) * grid.columns + column] =
                float(ground.level(grid.west + (column + 0.5) * grid.cell, grid.north - (row + 0.5) * grid.cell));
    GDALRasterBand* band = dataset->GetRasterBand(1);
    band->SetUnitType("m");
    if (band->RasterIO(GF_Write, 0, 0, grid.columns, grid.rows, heights.data(), grid.columns, grid.rows, GDT_Float32, 0,
                       0, nullptr) != CE_None)
        fail("cannot write " + path);
}

}  // namespace district
