#pragma once
// DXF drawings through GDAL's DXF driver: one OGR layer ("entities") whose "Layer" field holds the
// CAD layer name. Lines become segments whose utility and diameter come from that name (project
// "dxf_layers" rules, a "DN200"-style size in the name, or the layer's defaults).
#include "feature_converters.h"
#include "gis_layer_options.h"

namespace subterra {

// Converts one entity; non-line entities (3DFACE, TEXT, INSERT points) are counted in `report`
// and skipped. Returns the number of segments made.
int convertDxfEntity(OGRFeature& feature, const ConversionContext& context, const GisLayerOptions& options,
                     std::vector<PendingSegment>& out, LayerReport& report);

}  // namespace subterra
