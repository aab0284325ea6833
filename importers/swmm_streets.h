#pragma once
// SWMM 5.2 street drainage: [STREETS] cross-sections of STREET conduits, [INLETS] designs and
// [INLET_USAGE] (an inlet on a street conduit, draining to a node), and the note naming the
// sections the scene does not use. `metresPerUnit` is 0.3048 for US files, 1 for SI.
#include <map>
#include <string>

#include "inp_network.h"

namespace subterra {

// [STREETS] Name Tcrown Hcurb Sx nRoad (Hdep Wgutter Sides Tback Sback nBack) -> the street's
// cross-section: the box it fills and its open surface (backing, curb, gutter, crown). A bad line
// is reported with its number and skipped.
std::map<std::string, CrossSection> readStreets(const InpFile& file, InpNetwork& network, double metresPerUnit);

// The surface height at `across` metres from the centreline of an open-profile section (the
// profile's ends beyond it).
double surfaceHeightAt(const CrossSection& section, double across);

// Each [INLET_USAGE] line becomes an inlet node on the street surface next to its conduit's
// downstream node (where SWMM computes its capture), in the gutter, and, when it drains to
// another node, an "inlet lead" link down to that node. Call after the links, coordinates and
// vertices are read. Returns the number of inlets placed.
long placeInlets(const InpFile& file, InpNetwork& network, double metresPerUnit);

// "not drawn: [LID_CONTROLS] 3 lines, [POLLUTANTS] 2 lines, [FOO] 1 line (unknown section)":
// every section with data that the scene does not use, and every unknown one; empty when none.
std::string skippedSectionsNote(const InpFile& file);

}  // namespace subterra
