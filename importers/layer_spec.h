#pragma once
// What to import from one vector source: set by a project layer or by a file on the command line.
#include <optional>
#include <string>

#include "attribute_mapping.h"
#include "mesh_placement.h"
#include "gis_layer_options.h"
#include "model.h"

namespace subterra {

enum class FeatureType { Segments, Nodes, Buildings, Meshes, GroundCover };
const char* toString(FeatureType type);
std::optional<FeatureType> parseFeatureType(const std::string& text);

struct LayerSpec {
    std::string name;                    // layer name shown to the user
    std::string source;                  // file path or GDAL connection string ("PG:...")
    std::string table;                   // OGR layer; empty = the source's only layer
    std::optional<FeatureType> type;     // empty = guessed from the geometry type
    std::optional<UtilityKind> utility;  // empty = from a field or the layer name
    AttributeMapping mapping;            // explicit entries; the rest is guessed
    // --field: entries for this run that apply where the layer has the field (over `mapping`).
    AttributeMapping fieldOverrides;
    std::optional<MeshPlacement> placement;  // CAD meshes: where the file sits in the project
    // The CRS the layer's coordinates are in ("EPSG:3547"), as the project layer's "crs" declares
    // it: it overrides what the file says (source_crs.h). Empty = the file's own.
    std::string sourceCrs;
    // --input-crs: the CRS of inputs that declare none (EPANET, SWMM, a shapefile without .prj).
    std::string fallbackCrs;
    // EPANET node elevations: the ground (pipes below it by the default cover) or the pipe centreline.
    enum class NodeElevation { Ground, Centreline };
    NodeElevation nodeElevation = NodeElevation::Ground;
    // EPANET: a report (.rpt) whose link flows become each link's "flow" attribute (flow direction).
    std::string results;
    GisLayerOptions gis;  // database window, DXF layer rules
};

}  // namespace subterra
