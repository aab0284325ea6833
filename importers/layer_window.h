#pragma once
// Reading only part of a big source (a PostGIS table, a city-wide GeoPackage): an SQL query
// instead of a table, and a bounding box in the project CRS.
#include <array>
#include <memory>
#include <string>

class GDALDataset;
class OGRLayer;

namespace subterra {

// The result layer of `sql` on `dataset`, released when the holder goes (before the dataset).
struct SqlResultDeleter {
    GDALDataset* dataset;
    void operator()(OGRLayer* layer) const;
};
using SqlResult = std::unique_ptr<OGRLayer, SqlResultDeleter>;
SqlResult runSql(GDALDataset& dataset, const std::string& sql, std::string& error);

// Restricts `layer` to features whose envelope meets `bbox` (minx, miny, maxx, maxy in the project
// CRS, turned into the layer's CRS). False with `error` when the box cannot be transformed.
bool applyBoundingBox(OGRLayer& layer, const std::array<double, 4>& bbox, const std::string& projectCrsWkt,
                      const std::string& layerCrsWkt, std::string& error);

}  // namespace subterra
