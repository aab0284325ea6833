#pragma once
// SWMM 5 .inp sewer and storm models: junctions (invert + max depth), outfalls, storage, dividers,
// conduits with inlet/outlet offsets, pumps, orifices, weirs, outlets, cross-sections, coordinates,
// vertices, STREET conduits with their [STREETS] shape, inlets ([INLETS], [INLET_USAGE]) and
// subcatchment outlines. Units per [OPTIONS] FLOW_UNITS (CFS/GPM/MGD = feet, CMS/LPS/MLD =
// metres). Sections the scene does not use are named in one note.
#include "format_importer.h"

namespace subterra {

// .inp files with SWMM-only sections ([CONDUITS], [XSECTIONS], [OUTFALLS]...).
bool swmmClaims(const std::string& path);
LayerImport importSwmm(const LayerSpec& spec, const ImportContext& context);
std::optional<LayerProbe> probeSwmm(const std::string& path, std::string& error);

}  // namespace subterra
