#pragma once
// The GDAL/OGR vector importer: any OGR source (GeoPackage, Shapefile, GeoJSON, FileGDB, CSV with
// WKT, PostGIS "PG:" strings...) -> segments, nodes or buildings of the neutral model.
#include <string>
#include <vector>

#include "depth_rules.h"
#include "ground_evidence.h"
#include "import_context.h"
#include "layer_report.h"
#include "layer_spec.h"
#include "problem.h"

namespace subterra {

struct LayerImport {
    LayerReport report;
    std::vector<Segment> segments;
    std::vector<Node> nodes;
    std::vector<Building> buildings;
    std::vector<Mesh> meshes;
    std::vector<GroundPatch> patches;
    GroundEvidence ground;  // ground levels the data states (without a DEM, the ground runs through them)
    Problems problems;
};

// Layer names of a vector source; empty with `error` set when it cannot be opened as vector data.
std::vector<std::string> listVectorLayers(const std::string& source, std::string& error);

// CRS (WKT, empty if none) and extent (in that CRS) of one layer, without reading features.
struct LayerProbe {
    std::string crsWkt;
    Extent extent;
};
std::optional<LayerProbe> probeVectorLayer(const std::string& source, const std::string& table, std::string& error);

// An import with its report's name, source, driver and type filled in, ready for features.
LayerImport newLayerImport(const LayerSpec& spec, const std::string& driver, FeatureType type);

LayerImport importVectorLayer(const LayerSpec& spec, const ImportContext& context);

}  // namespace subterra
