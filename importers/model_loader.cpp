#include "model_loader.h"

#include <algorithm>
#include <cpl_conv.h>

#include "crs.h"
#include "feature_sanity.h"
#include "format_importer.h"
#include "mesh_importer.h"
#include "node_ground.h"
#include "source_file.h"
#include "vector_importer.h"

namespace subterra {

namespace {
// Wgs84 lon/lat of an extent's centre given in `wkt`.
std::optional<std::pair<double, double>> lonLatOfCentre(const Extent& extent, const std::string& wkt) {
    std::string error;
    auto wgs84 = crsToWkt("EPSG:4326", error);
    auto transform = CrsTransform::create(wkt, *wgs84, error);
    std::vector<Vec3d> centre{extent.centre()};
    if (!transform || !transform->apply(centre)) return std::nullopt;
    return std::make_pair(centre[0].x, centre[0].y);
}

// The project CRS when none is given: the first layer's, unless it is not in metres (lon/lat,
// US feet): then the UTM zone of the data, because the scene is built in metres.
// A metric CRS is used as it is; another (lon/lat, feet) gives the UTM zone of the data's centre.
std::optional<std::string> projectCrsFor(const std::string& crsWkt, const Extent& extent, const std::string& what,
                                         LoadResult& result) {
    if (crsWkt.empty()) return std::nullopt;
    if (crsIsMetric(crsWkt)) {
        result.crsChoice = "from " + what;
        return crsWkt;
    }
    if (auto lonLat = lonLatOfCentre(extent, crsWkt)) {
        result.crsChoice = "UTM zone of " + what + " (its own CRS, " + crsDisplayName(crsWkt) + ", is not in metres)";
        return utmCrsFor(lonLat->first, lonLat->second);
    }
    return std::nullopt;
}

std::string chooseProjectCrs(const std::vector<LayerSpec>& layers, const std::string& dem, LoadResult& result) {
    for (const auto& spec : layers) {
        std::string error;
        const FormatImporter* format = findFormatImporter(spec.source);
        auto probe = !format         ? probeVectorLayer(spec.source, spec.table, error)
                     : format->probe ? format->probe(spec.source, error)
                                     : std::nullopt;
        // A file with no CRS of its own (EPANET, SWMM) may have one named by the project layer.
        if (probe && probe->crsWkt.empty() && !spec.sourceCrs.empty())
            probe->crsWkt = crsToWkt(spec.sourceCrs, error).value_or("");
        if (!probe) continue;
        if (auto crs = projectCrsFor(probe->crsWkt, probe->extent, "layer '" + spec.name + "'", result)) return *crs;
    }
    // A DEM alone (`subterra info dem.tif`): its CRS, so that its cells are metres.
    std::string error;
    if (layers.empty() && !dem.empty())
        if (auto probe = probeTerrain(dem, error))
            if (auto crs = projectCrsFor(probe->crsWkt, probe->extent, "the DEM", result)) return *crs;
    result.crsChoice = "none: no layer declares a CRS; coordinates are used as metres in a local frame";
    return {};
}

// Vertices outside the DEM get the nearest edge height: say so, once per layer.
void reportTerrainCoverage(const Terrain& terrain, const LayerImport& layer, const std::string& demPath,
                           Problems& problems) {
    size_t outside = 0, total = 0;
    for (const auto& s : layer.segments)
        for (const auto& p : s.points) total++, outside += terrain.covers(p.x, p.y) ? 0 : 1;
    for (const auto& n : layer.nodes) total++, outside += terrain.covers(n.position.x, n.position.y) ? 0 : 1;
    if (outside == 0) return;
    problems.push_back({Severity::Warning, demPath, "layer '" + layer.report.name + "'",
                        "DEM does not cover " + std::to_string(outside) + " of " + std::to_string(total) +
                            " vertices; the nearest DEM edge height is used there"});
}

// EPANET and SWMM files give each node's ground level; other layers may have been placed on the
// flat ground already (depths below it), so only network models alone get a ground from nodes.
bool onlyNetworkModels(const std::vector<LayerSpec>& layers) {
    if (layers.empty()) return false;
    return std::all_of(layers.begin(), layers.end(), [](const LayerSpec& spec) {
        const FormatImporter* format = findFormatImporter(spec.source);
        return format && (std::string(format->name) == "EPANET" || std::string(format->name) == "SWMM");
    });
}

// The kind of file `path` is read as, for the gate of source_file.h.
SourceKind sourceKindOf(const std::string& path) {
    if (isMeshFile(path)) return SourceKind::Binary;
    return findFormatImporter(path) ? SourceKind::Text : SourceKind::Gis;
}

// The layers whose source passes the gate (a regular file within its size cap); one error for
// each other one, which is then never opened (a FIFO would block, /dev/zero would never end).
std::vector<LayerSpec> openableLayers(const std::vector<LayerSpec>& layers, Problems& problems) {
    std::vector<LayerSpec> openable;
    for (const auto& spec : layers) {
        const std::string problem = sourceFileProblem(spec.source, sourceKindOf(spec.source));
        if (problem.empty()) openable.push_back(spec);
        else problems.push_back({Severity::Error, spec.source, "layer '" + spec.name + "'", problem + ": not read"});
    }
    return openable;
}
}  // namespace

LoadResult loadModel(const LoadRequest& request) {
    LoadResult result;
    const std::vector<LayerSpec> layers = openableLayers(request.layers, result.problems);
    std::string dem = request.terrain.dem;
    if (const std::string problem = dem.empty() ? "" : sourceFileProblem(dem, SourceKind::Gis); !problem.empty()) {
        result.problems.push_back({Severity::Error, dem, "terrain", problem + ": not read"});
        dem.clear();
    }
    std::string crs;
    if (!request.projectCrs.empty()) {
        std::string error;
        auto wkt = crsToWkt(request.projectCrs, error);
        if (!wkt) {
            result.problems.push_back({Severity::Error, "", "crs", error});
            return result;
        }
        crs = *wkt;
        result.crsChoice = "set by the project";
    } else {
        crs = chooseProjectCrs(layers, dem, result);
    }
    result.model.crsWkt = crs;
    result.model.flatGroundZ = request.terrain.flatLevelM.value_or(0);

    if (!dem.empty()) {
        TerrainImport terrain = importTerrain(dem, crs);
        result.problems.insert(result.problems.end(), terrain.problems.begin(), terrain.problems.end());
        result.terrain = terrain.report;
        result.model.terrain = std::move(terrain.terrain);
    }
    const Model& model = result.model;
    ImportContext context{crs, [&model](double x, double y) { return model.groundAt(x, y); }};
    for (const auto& spec : layers) {
        const FormatImporter* format = findFormatImporter(spec.source);
        LayerImport layer = format ? format->import(spec, context) : importVectorLayer(spec, context);
        dropUnplaceableFeatures(layer);
        if (model.terrain) reportTerrainCoverage(*model.terrain, layer, dem, layer.problems);
        result.problems.insert(result.problems.end(), layer.problems.begin(), layer.problems.end());
        auto move = [](auto& from, auto& to) {
            to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
        };
        move(layer.segments, result.model.segments);
        move(layer.nodes, result.model.nodes);
        move(layer.buildings, result.model.buildings);
        move(layer.meshes, result.model.meshes);
        move(layer.patches, result.model.patches);
        result.layers.push_back(std::move(layer.report));
    }
    if (request.terrain.dem.empty() && !request.terrain.flatLevelM && onlyNetworkModels(layers)) {
        TerrainReport report;
        if (auto ground = groundFromNodes(result.model.nodes, report)) {
            result.model.terrain = std::move(ground);
            result.terrain = report;
        }
    }
    return result;
}

std::vector<LayerSpec> layerSpecsForFiles(const std::vector<std::string>& files, Problems& problems) {
    std::vector<LayerSpec> specs;
    for (const auto& file : files) {
        if (findFormatImporter(file)) {  // a network model or mesh file is one layer
            LayerSpec spec;
            spec.source = file;
            spec.name = CPLGetBasename(file.c_str());
            specs.push_back(std::move(spec));
            continue;
        }
        std::string error = sourceFileProblem(file, SourceKind::Gis);
        const auto tables = error.empty() ? listVectorLayers(file, error) : std::vector<std::string>{};
        if (tables.empty()) {
            problems.push_back({Severity::Error, file, "", error});
            continue;
        }
        for (const auto& table : tables) {
            LayerSpec spec;
            spec.source = file;
            spec.table = table;
            spec.name = tables.size() == 1 ? std::string(CPLGetBasename(file.c_str())) : table;
            specs.push_back(std::move(spec));
        }
    }
    return specs;
}

}  // namespace subterra
