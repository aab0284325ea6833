#include "crs.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ogr_spatialref.h>

namespace subterra {

namespace {
bool loadWkt(OGRSpatialReference& srs, const std::string& wkt) {
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return !wkt.empty() && srs.importFromWkt(wkt.c_str()) == OGRERR_NONE;
}
}  // namespace

std::optional<std::string> crsToWkt(const std::string& userInput, std::string& error) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(userInput.c_str()) != OGRERR_NONE) {
        error = "unknown coordinate reference system '" + userInput + "'";
        return std::nullopt;
    }
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string result = wkt ? wkt : "";
    CPLFree(wkt);
    return result;
}

std::optional<std::string> crsFromReference(const std::string& reference, std::string& error) {
    const auto epsg = reference.find("EPSG");
    if (epsg != std::string::npos) {
        const auto end = reference.find_last_of("0123456789");
        auto start = end;
        while (start != std::string::npos && start > epsg &&
               std::isdigit(static_cast<unsigned char>(reference[start - 1])))
            --start;
        if (end != std::string::npos && end > epsg) {
            if (auto wkt = crsToWkt("EPSG:" + reference.substr(start, end - start + 1), error)) return wkt;
            error = "unknown coordinate reference system '" + reference + "'";
            return std::nullopt;
        }
    }
    return crsToWkt(reference, error);
}

std::string crsDisplayName(const std::string& wkt) {
    OGRSpatialReference srs;
    if (!loadWkt(srs, wkt)) return "none (local coordinates)";
    std::string name = srs.GetName() ? srs.GetName() : "unnamed";
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    if (authority && code) name += std::string(" (") + authority + ":" + code + ")";
    return name;
}

bool crsIsGeographic(const std::string& wkt) {
    OGRSpatialReference srs;
    return loadWkt(srs, wkt) && srs.IsGeographic();
}

bool crsIsMetric(const std::string& wkt) {
    OGRSpatialReference srs;
    return loadWkt(srs, wkt) && srs.IsProjected() && std::abs(srs.GetLinearUnits() - 1.0) < 1e-9;
}

bool crsEquivalent(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return a.empty() && b.empty();
    OGRSpatialReference sa, sb;
    if (!loadWkt(sa, a) || !loadWkt(sb, b)) return false;
    const char* options[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                             "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    return sa.IsSame(&sb, options);
}

double crsMetresPerUnit(const std::string& wkt) {
    OGRSpatialReference srs;
    return loadWkt(srs, wkt) && srs.IsProjected() ? srs.GetLinearUnits() : 1.0;
}

std::string crsInMetres(const std::string& wkt) {
    OGRSpatialReference srs;
    if (!loadWkt(srs, wkt) || !srs.IsProjected() || std::abs(srs.GetLinearUnits() - 1.0) < 1e-12) return wkt;
    const std::string name = crsDisplayName(wkt);
    if (srs.SetLinearUnitsAndUpdateParameters(SRS_UL_METER, 1.0) != OGRERR_NONE) return wkt;
    srs.SetProjCS((name + " in metres").c_str());  // also drops the EPSG code, which names the feet CRS
    char* text = nullptr;
    srs.exportToWkt(&text);
    std::string result = text ? text : "";
    CPLFree(text);
    return result;
}

std::string utmCrsFor(double lonDeg, double latDeg) {
    const int zone = std::clamp(int(std::floor((lonDeg + 180.0) / 6.0)) + 1, 1, 60);
    const int epsg = (latDeg >= 0 ? 32600 : 32700) + zone;
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    std::string result = wkt ? wkt : "";
    CPLFree(wkt);
    return result;
}

std::optional<Extent> crsAreaOfUse(const std::string& wkt) {
    OGRSpatialReference srs, geographic;
    if (!loadWkt(srs, wkt) || !srs.IsProjected()) return std::nullopt;
    // WKT1 (what crsToWkt() writes) carries no area of use: the EPSG entry named in it does.
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    OGRSpatialReference registered;
    if (authority && code && std::string(authority) == "EPSG" &&
        registered.importFromEPSG(std::atoi(code)) == OGRERR_NONE)
        srs = registered;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    double west = 0, south = 0, east = 0, north = 0;
    if (!srs.GetAreaOfUse(&west, &south, &east, &north, nullptr) || west > east || south > north) return std::nullopt;
    geographic.SetWellKnownGeogCS("WGS84");
    geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toCrs(OGRCreateCoordinateTransformation(&geographic, &srs));
    if (!toCrs) return std::nullopt;
    Extent extent;
    constexpr int kSteps = 16;  // a projection bends the area's edges: sample a grid, not 4 corners
    for (int i = 0; i <= kSteps; ++i)
        for (int j = 0; j <= kSteps; ++j) {
            double x = west + (east - west) * i / kSteps, y = south + (north - south) * j / kSteps, z = 0;
            if (toCrs->Transform(1, &x, &y, &z) && std::isfinite(x) && std::isfinite(y)) extent.add(Vec3d{x, y, 0});
        }
    if (!extent.valid()) return std::nullopt;
    return extent;
}

std::unique_ptr<CrsTransform> CrsTransform::create(const std::string& sourceWkt, const std::string& targetWkt,
                                                   std::string& error) {
    std::unique_ptr<CrsTransform> result(new CrsTransform());
    if (sourceWkt.empty() || targetWkt.empty() || crsEquivalent(sourceWkt, targetWkt)) return result;
    OGRSpatialReference source, target;
    loadWkt(source, sourceWkt);
    loadWkt(target, targetWkt);
    CPLErrorReset();
    result->transform_ = OGRCreateCoordinateTransformation(&source, &target);
    if (!result->transform_) {
        error = "cannot transform from " + crsDisplayName(sourceWkt) + " to " + crsDisplayName(targetWkt);
        const char* detail = CPLGetLastErrorMsg();
        if (detail && *detail) error += std::string(" (") + detail + ")";
        return nullptr;
    }
    return result;
}

CrsTransform::~CrsTransform() {
    if (transform_) OGRCoordinateTransformation::DestroyCT(transform_);
}

bool CrsTransform::apply(std::vector<Vec3d>& points) const {
    if (!transform_) return true;
    for (auto& p : points) {
        double x = p.x, y = p.y, z = 0;
        if (!transform_->Transform(1, &x, &y, &z) || !std::isfinite(x) || !std::isfinite(y)) return false;
        p.x = x;
        p.y = y;
    }
    return true;
}

}  // namespace subterra
