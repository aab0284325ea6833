#pragma once
// EPANET 2 .inp water distribution models: junctions, reservoirs, tanks, pipes, pumps, valves,
// coordinates, vertices, tags, status. Units per [OPTIONS] Units (GPM... = ft/in, LPS... = m/mm).
#include "format_importer.h"

namespace subterra {

// .inp files that have EPANET sections and no SWMM-only ones.
bool epanetClaims(const std::string& path);
LayerImport importEpanet(const LayerSpec& spec, const ImportContext& context);
std::optional<LayerProbe> probeEpanet(const std::string& path, std::string& error);

}  // namespace subterra
