#include "layer_window.h"

#include <algorithm>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "crs.h"

namespace subterra {

void SqlResultDeleter::operator()(OGRLayer* layer) const {
    if (layer) dataset->ReleaseResultSet(layer);
}

SqlResult runSql(GDALDataset& dataset, const std::string& sql, std::string& error) {
    CPLErrorReset();
    OGRLayer* layer = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!layer) {
        const std::string detail = CPLGetLastErrorMsg();
        error = "SQL failed" + (detail.empty() ? std::string(" (it returned no result set)") : ": " + detail);
    }
    return SqlResult(layer, SqlResultDeleter{&dataset});
}

bool applyBoundingBox(OGRLayer& layer, const std::array<double, 4>& bbox, const std::string& projectCrsWkt,
                      const std::string& layerCrsWkt, std::string& error) {
    auto transform = CrsTransform::create(projectCrsWkt, layerCrsWkt, error);
    if (!transform) return false;
    // Corners and edge midpoints: enough for the small rotation/curvature of a city-sized window.
    const double midX = (bbox[0] + bbox[2]) / 2, midY = (bbox[1] + bbox[3]) / 2;
    std::vector<Vec3d> outline{{bbox[0], bbox[1], 0}, {midX, bbox[1], 0}, {bbox[2], bbox[1], 0}, {bbox[2], midY, 0},
                               {bbox[2], bbox[3], 0}, {midX, bbox[3], 0}, {bbox[0], bbox[3], 0}, {bbox[0], midY, 0}};
    if (!transform->apply(outline)) {
        error = "bbox cannot be transformed into the layer's CRS";
        return false;
    }
    Extent window;
    for (const auto& p : outline) window.add(p);
    layer.SetSpatialFilterRect(window.minX, window.minY, window.maxX, window.maxY);
    return true;
}

}  // namespace subterra
