#include "terrain_importer.h"

#include <algorithm>
#include <cmath>
#include <gdal_priv.h>
#include <gdalwarper.h>
#include <memory>
#include <ogr_spatialref.h>

#include "crs.h"
#include "gdal_drivers.h"

namespace subterra {

namespace {
struct DatasetCloser {
    void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using DatasetHandle = std::unique_ptr<void, DatasetCloser>;

std::string datasetWkt(GDALDatasetH dataset) {
    const char* wkt = GDALGetProjectionRef(dataset);
    return wkt ? wkt : "";
}

// Reads band 1 resampled to columns x rows (bilinear), nodata -> NaN.
bool readHeights(GDALDatasetH dataset, Terrain& terrain, std::string& error) {
    GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
    GDALRasterIOExtraArg extra;
    INIT_RASTERIO_EXTRA_ARG(extra);
    extra.eResampleAlg = GRIORA_Bilinear;
    terrain.heights.assign(size_t(terrain.columns) * terrain.rows, 0.0f);
    const CPLErr status =
        GDALRasterIOEx(band, GF_Read, 0, 0, GDALGetRasterXSize(dataset), GDALGetRasterYSize(dataset),
                       terrain.heights.data(), terrain.columns, terrain.rows, GDT_Float32, 0, 0, &extra);
    if (status != CE_None) {
        error = std::string("cannot read the elevation band (") + CPLGetLastErrorMsg() + ")";
        return false;
    }
    int hasNoData = 0;
    const double noData = GDALGetRasterNoDataValue(band, &hasNoData);
    for (float& h : terrain.heights)
        if ((hasNoData && std::abs(h - noData) < 1e-6 * std::max(1.0, std::abs(noData))) || !std::isfinite(h))
            h = std::nanf("");
    return true;
}

// The DEM warped into the project CRS. Where the warped grid reaches past the source's footprint
// (its corners, once rotated) the value is nodata (NaN for float rasters), never the warper's
// default 0, which would read as a real ground level of 0 m.
GDALDatasetH warpToProject(GDALDatasetH source, const std::string& projectCrsWkt) {
    GDALRasterBandH band = GDALGetRasterBand(source, 1);
    int hasNoData = 0;
    const double sourceNoData = GDALGetRasterNoDataValue(band, &hasNoData);
    const GDALDataType type = GDALGetRasterDataType(band);
    const double outside = hasNoData                      ? sourceNoData
                           : GDALDataTypeIsFloating(type) ? std::nan("")
                                                          : GDALAdjustValueToDataType(type, -1e300, nullptr, nullptr);
    GDALWarpOptions* options = GDALCreateWarpOptions();
    options->nBandCount = 1;
    options->panSrcBands = static_cast<int*>(CPLMalloc(sizeof(int)));
    options->panSrcBands[0] = 1;
    options->panDstBands = static_cast<int*>(CPLMalloc(sizeof(int)));
    options->panDstBands[0] = 1;
    if (hasNoData) {
        options->padfSrcNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double)));
        options->padfSrcNoDataReal[0] = sourceNoData;
    }
    options->padfDstNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double)));
    options->padfDstNoDataReal[0] = outside;
    options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "NO_DATA");
    GDALDatasetH warped =
        GDALAutoCreateWarpedVRTEx(source, nullptr, projectCrsWkt.c_str(), GRA_Bilinear, 0.0, options, nullptr);
    GDALDestroyWarpOptions(options);
    if (warped) GDALSetRasterNoDataValue(GDALGetRasterBand(warped, 1), outside);
    return warped;
}
// The unit the raster states for its values: the band's unit type, else the vertical CRS of a
// compound CRS; nullopt when it says nothing usable.
std::optional<std::pair<LengthUnit, std::string>> statedHeightUnit(GDALDatasetH dataset) {
    const char* type = GDALGetRasterUnitType(GDALGetRasterBand(dataset, 1));
    if (type && *type)
        if (auto unit = parseUnitName(type))
            return std::make_pair(*unit, std::string("'") + type + "', the band's unit");
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::string wkt = datasetWkt(dataset);
    if (wkt.empty() || srs.importFromWkt(wkt.c_str()) != OGRERR_NONE || !srs.IsCompound()) return std::nullopt;
    const char* name = nullptr;
    srs.GetTargetLinearUnits("VERT_CS", &name);
    if (name)
        if (auto unit = parseUnitName(name))
            return std::make_pair(*unit, std::string("'") + name + "', the vertical CRS's unit");
    return std::nullopt;
}

LengthUnit heightUnit(GDALDatasetH dataset, std::optional<LengthUnit> declared, std::string& description,
                      const std::string& path, Problems& problems) {
    const auto stated = statedHeightUnit(dataset);
    const LengthUnit unit = declared ? *declared : stated ? stated->first : LengthUnit::Metre;
    const std::string converted = unit == LengthUnit::Metre ? "" : ", converted to metres";
    if (declared) {
        description = std::string(toString(*declared)) + " (declared by the terrain's \"unit\")" + converted;
        if (stated && stated->first != *declared)
            problems.push_back({Severity::Warning, path, "unit",
                                std::string("the raster says its heights are in ") + stated->second +
                                    ", but \"unit\" is " + toString(*declared) + ": read as " + toString(*declared)});
    } else if (stated) {
        description = std::string(toString(unit)) + " (" + stated->second + ")" + converted;
    } else {
        description = "m (the raster states no unit: metres assumed; set the terrain's \"unit\" if not)";
    }
    return unit;
}
}  // namespace

bool isRasterOnlyFile(const std::string& path) {
    ensureGdalDrivers();
    CPLPushErrorHandler(CPLQuietErrorHandler);  // probing: a file that is not a raster is not an error here
    DatasetHandle raster(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    DatasetHandle vector(raster ? GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)
                                : nullptr);
    CPLPopErrorHandler();
    return raster && !vector;
}

std::optional<TerrainProbe> probeTerrain(const std::string& path, std::string& error) {
    ensureGdalDrivers();
    DatasetHandle source(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    double geo[6];
    if (!source || GDALGetGeoTransform(source.get(), geo) != CE_None) {
        error = "cannot read as a georeferenced raster";
        return std::nullopt;
    }
    TerrainProbe probe;
    probe.crsWkt = datasetWkt(source.get());
    const double w = GDALGetRasterXSize(source.get()), h = GDALGetRasterYSize(source.get());
    probe.extent.add(Vec3d{geo[0], geo[3], 0});
    probe.extent.add(Vec3d{geo[0] + w * geo[1] + h * geo[2], geo[3] + w * geo[4] + h * geo[5], 0});
    return probe;
}

TerrainImport importTerrain(const std::string& path, const std::string& projectCrsWkt,
                            std::optional<LengthUnit> declaredUnit, int maxSamples) {
    TerrainImport result;
    result.report.source = path;
    auto fail = [&](const std::string& message) {
        result.problems.push_back({Severity::Error, path, "", message});
        return result;
    };
    ensureGdalDrivers();
    resetGdalErrors();
    DatasetHandle source(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!source) {
        VSIStatBufL stat;
        const std::string detail = gdalErrorsSinceReset();
        return fail(VSIStatL(path.c_str(), &stat) != 0 ? "file not found"
                    : detail.empty() ? "cannot read as a raster (GDAL recognises no raster format in it)"
                                     : "cannot read as a raster (" + detail + ")");
    }
    result.report.sourceCrsWkt = datasetWkt(source.get());
    result.report.sourceColumns = GDALGetRasterXSize(source.get());
    result.report.sourceRows = GDALGetRasterYSize(source.get());
    double geo[6];
    if (GDALGetGeoTransform(source.get(), geo) != CE_None) return fail("raster has no georeferencing");
    if (geo[2] != 0 || geo[4] != 0) return fail("rotated rasters are not supported; warp it north-up first");
    result.report.sourceCellM = std::abs(geo[1]);

    DatasetHandle warped;
    GDALDatasetH dataset = source.get();
    if (!projectCrsWkt.empty() && !result.report.sourceCrsWkt.empty() &&
        !crsEquivalent(result.report.sourceCrsWkt, projectCrsWkt)) {
        warped.reset(warpToProject(source.get(), projectCrsWkt));
        if (!warped) return fail(std::string("cannot reproject into the project CRS (") + CPLGetLastErrorMsg() + ")");
        dataset = warped.get();
        GDALGetGeoTransform(dataset, geo);
    }
    const int width = GDALGetRasterXSize(dataset), height = GDALGetRasterYSize(dataset);
    if (width < 2 || height < 2) return fail("raster is smaller than 2 x 2 pixels");

    Terrain terrain;
    terrain.columns = std::min(width, maxSamples);
    terrain.rows = std::min(height, maxSamples);
    terrain.cellX = std::abs(geo[1]) * width / terrain.columns;
    terrain.cellY = std::abs(geo[5]) * height / terrain.rows;
    const double west = geo[1] > 0 ? geo[0] : geo[0] + geo[1] * width;
    const double north = geo[5] < 0 ? geo[3] : geo[3] + geo[5] * height;
    terrain.originX = west + terrain.cellX / 2;  // sample (0,0) is the centre of the NW pixel
    terrain.originY = north - terrain.cellY / 2;
    terrain.crsWkt = projectCrsWkt.empty() ? result.report.sourceCrsWkt : projectCrsWkt;
    std::string error;
    if (!readHeights(dataset, terrain, error)) return fail(error);
    const LengthUnit unit = heightUnit(source.get(), declaredUnit, result.report.heightUnit, path, result.problems);
    if (unit != LengthUnit::Metre)
        for (float& h : terrain.heights) h = float(toMetres(h, unit));

    double lowest = INFINITY, highest = -INFINITY;
    for (float h : terrain.heights)
        if (!std::isnan(h)) lowest = std::min(lowest, double(h)), highest = std::max(highest, double(h));
    if (lowest > highest) return fail("raster has no valid elevation values");
    result.report.columns = terrain.columns;
    result.report.rows = terrain.rows;
    result.report.minHeight = lowest;
    result.report.maxHeight = highest;
    result.terrain = std::move(terrain);
    return result;
}

}  // namespace subterra
