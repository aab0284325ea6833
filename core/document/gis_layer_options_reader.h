#pragma once
// Project layer keys "sql", "bbox", "dxf_layers", "dxf_diameter_pattern" -> GisLayerOptions.
#include "gis_layer_options.h"
#include "json_reader.h"

namespace subterra {

void readGisLayerOptions(const JsonReader& layer, GisLayerOptions& options);

}  // namespace subterra
