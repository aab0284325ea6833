#include "node_ground.h"

#include <algorithm>
#include <cmath>
#include <gdal.h>
#include <gdal_alg.h>
#include <set>

namespace subterra {

namespace {
// True when every point lies within a millionth of `span` of the line through the first point and
// the one farthest from it (GDAL's triangulation would fail on them, noisily).
bool inOneLine(const std::vector<double>& xs, const std::vector<double>& ys, double span) {
    size_t far = 0;
    double farthest = 0;
    for (size_t i = 1; i < xs.size(); ++i) {
        const double d = std::hypot(xs[i] - xs[0], ys[i] - ys[0]);
        if (d > farthest) farthest = d, far = i;
    }
    if (farthest == 0) return true;
    const double ux = (xs[far] - xs[0]) / farthest, uy = (ys[far] - ys[0]) / farthest;
    for (size_t i = 1; i < xs.size(); ++i)
        if (std::abs((xs[i] - xs[0]) * uy - (ys[i] - ys[0]) * ux) > 1e-6 * span) return false;
    return true;
}

constexpr float kNoData = -3.0e38f;

// Outside the nodes' triangulation, continues the surface smoothly from its edge (GDAL's
// inverse-distance fill), where "the nearest node" would leave cliffs along the hull.
bool fillOutsideHull(std::vector<float>& heights, int columns, int rows) {
    GDALDriverH memory = GDALGetDriverByName("MEM");
    if (!memory) {  // nothing has opened a GDAL dataset in this process yet (an .inp is read by hand)
        GDALAllRegister();
        memory = GDALGetDriverByName("MEM");
    }
    if (!memory) return false;
    GDALDatasetH grid = GDALCreate(memory, "", columns, rows, 1, GDT_Float32, nullptr);
    if (!grid) return false;
    GDALRasterBandH band = GDALGetRasterBand(grid, 1);
    GDALSetRasterNoDataValue(band, kNoData);
    bool ok =
        GDALRasterIO(band, GF_Write, 0, 0, columns, rows, heights.data(), columns, rows, GDT_Float32, 0, 0) ==
            CE_None &&
        GDALFillNodata(band, nullptr, 2.0 * std::max(columns, rows), 0, 0, nullptr, nullptr, nullptr) == CE_None &&
        GDALRasterIO(band, GF_Read, 0, 0, columns, rows, heights.data(), columns, rows, GDT_Float32, 0, 0) == CE_None;
    GDALClose(grid);
    ok = ok && std::none_of(heights.begin(), heights.end(), [](float h) { return h == kNoData || !std::isfinite(h); });
    return ok;
}
}  // namespace

std::optional<Terrain> groundFromNodes(const std::vector<Node>& nodes, TerrainReport& report) {
    std::vector<Vec3d> points;
    Extent reach;
    for (const auto& n : nodes) {
        reach.add(n.position);
        if (n.kind != NodeKind::Reservoir && n.kind != NodeKind::Tank && n.kind != NodeKind::Outfall)
            points.push_back({n.position.x, n.position.y, n.groundZ});
    }
    auto ground = groundFromPoints(points, report, reach);
    if (ground) report.source = "interpolated from the ground levels of " + std::to_string(points.size()) + " nodes";
    return ground;
}

std::optional<Terrain> groundFromPoints(const std::vector<Vec3d>& points, TerrainReport& report, const Extent& reach) {
    std::vector<double> xs, ys, zs;
    Extent extent;
    std::set<std::pair<double, double>> seen;  // corners shared by buildings: one sample each
    for (const auto& p : points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z)) continue;
        if (!seen.insert({p.x, p.y}).second) continue;
        extent.add(p);
        xs.push_back(p.x), ys.push_back(p.y), zs.push_back(p.z);
    }
    if (xs.size() < 3) return std::nullopt;
    if (reach.valid()) extent.add(Vec3d{reach.minX, reach.minY, 0}), extent.add(Vec3d{reach.maxX, reach.maxY, 0});
    const double width = extent.maxX - extent.minX, height = extent.maxY - extent.minY;
    const double span = std::max(width, height);
    if (!(span > 0) || inOneLine(xs, ys, span)) return std::nullopt;  // no triangle to interpolate over
    // A margin round the nodes, so the ground reaches past the outermost manholes.
    const double margin = std::max(10.0, 0.1 * span);
    const double cell = (span + 2 * margin) / (kNodeGroundMaxSamples - 1);
    Terrain terrain;
    terrain.cellX = terrain.cellY = cell;
    terrain.columns = int(std::ceil((width + 2 * margin) / cell)) + 1;
    terrain.rows = int(std::ceil((height + 2 * margin) / cell)) + 1;
    terrain.originX = extent.minX - margin;
    terrain.originY = extent.maxY + margin;  // the north-west sample

    // GDAL grids run south to north with samples at cell centres: shift by half a cell so its
    // samples fall on ours, then flip the rows.
    GDALGridLinearOptions options{};
    options.nSizeOfStructure = sizeof options;
    options.dfRadius = 0;  // outside the triangulation: no data, filled below
    options.dfNoDataValue = kNoData;
    std::vector<float> southUp(size_t(terrain.columns) * size_t(terrain.rows));
    const double minY = terrain.originY - cell * (terrain.rows - 1);
    const CPLErr status = GDALGridCreate(GGA_Linear, &options, GUInt32(xs.size()), xs.data(), ys.data(), zs.data(),
                                         terrain.originX - cell / 2, terrain.originX + cell * (terrain.columns - 0.5),
                                         minY - cell / 2, terrain.originY + cell / 2, GUInt32(terrain.columns),
                                         GUInt32(terrain.rows), GDT_Float32, southUp.data(), nullptr, nullptr);
    if (status != CE_None || !fillOutsideHull(southUp, terrain.columns, terrain.rows)) return std::nullopt;
    terrain.heights.resize(southUp.size());
    for (int row = 0; row < terrain.rows; ++row)
        std::copy_n(southUp.begin() + ptrdiff_t(terrain.rows - 1 - row) * terrain.columns, terrain.columns,
                    terrain.heights.begin() + ptrdiff_t(row) * terrain.columns);

    report = TerrainReport{};
    report.source = "interpolated from the ground levels of " + std::to_string(xs.size()) + " points";
    report.columns = terrain.columns;
    report.rows = terrain.rows;
    report.minHeight = *std::min_element(terrain.heights.begin(), terrain.heights.end());
    report.maxHeight = *std::max_element(terrain.heights.begin(), terrain.heights.end());
    return terrain;
}

}  // namespace subterra
