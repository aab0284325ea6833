#pragma once
// Coordinate reference systems through GDAL/PROJ: parsing user input, choosing a project CRS,
// transforming points into it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model.h"

class OGRSpatialReference;
class OGRCoordinateTransformation;

namespace subterra {

// "EPSG:32651", a WKT string, a PROJ string...: returns WKT, or nullopt with `error` set.
std::optional<std::string> crsToWkt(const std::string& userInput, std::string& error);
// An EPSG reference as files write it ("urn:ogc:def:crs:EPSG::7415",
// "https://www.opengis.net/def/crs/EPSG/0/7415", "EPSG:7415") -> WKT; anything else goes through
// crsToWkt().
std::optional<std::string> crsFromReference(const std::string& reference, std::string& error);
// Short human name ("WGS 84 / UTM zone 51N (EPSG:32651)").
std::string crsDisplayName(const std::string& wkt);
bool crsIsGeographic(const std::string& wkt);
bool crsIsMetric(const std::string& wkt);  // projected with metre units
bool crsEquivalent(const std::string& a, const std::string& b);
// Metres per unit of a projected CRS (0.3048006096 for US survey feet); 1 for any other CRS.
double crsMetresPerUnit(const std::string& wkt);
// The model is in metres whatever the CRS unit: a projected CRS in another unit (US feet,
// EPSG:2277 or 3547) becomes the same projection with the metre as its unit (false easting and
// northing converted, named "... in metres"), so that plan coordinates are scaled by the unit
// exactly once, where they enter the model (the transform into the project CRS). Any other CRS is
// returned as it is.
std::string crsInMetres(const std::string& wkt);
// The area where a projected CRS is meant to be used (as its EPSG entry states, in degrees),
// in that CRS's own coordinates: its bounding box sampled along and inside the area. nullopt for
// a geographic or unknown CRS, or one without an area of use.
std::optional<Extent> crsAreaOfUse(const std::string& wkt);
// WKT of the UTM zone (WGS 84) that contains lon/lat.
std::string utmCrsFor(double lonDeg, double latDeg);

// Transforms x/y (and leaves z) from a source CRS into a target CRS; identity when either is empty.
class CrsTransform {
  public:
    static std::unique_ptr<CrsTransform> create(const std::string& sourceWkt, const std::string& targetWkt,
                                                std::string& error);
    ~CrsTransform();
    bool isIdentity() const { return transform_ == nullptr; }
    // false when a point cannot be transformed (outside the CRS's area of use).
    bool apply(std::vector<Vec3d>& points) const;

  private:
    CrsTransform() = default;
    OGRCoordinateTransformation* transform_ = nullptr;
};

}  // namespace subterra
