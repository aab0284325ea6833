#pragma once
// What Subterra reads from a CityGML file's XML itself, beside libcitygml: whether the root is a
// CityGML CityModel (a .gml may as well be a plain GML vector file for GDAL), the srsName, and
// LoD0 footprints and roof edges, which libcitygml 2.4 skips as unknown elements.
#include <map>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

// "1.0", "2.0" or "3.0" when the first element of `head` (a file's first bytes) is CityModel in
// a http://www.opengis.net/citygml/<version> namespace, by prefix or default; else empty.
std::string cityGmlRootVersion(const std::string& head);

// The first srsName in document order (the CityModel's Envelope, else the first geometry's);
// empty when the file has none.
std::string firstSrsName(const pugi::xml_document& document);

// A LoD0 outline: the outer ring (no repeated closing point) and its holes, with the file's z.
struct Lod0Outline {
    std::vector<Vec3d> outer;
    std::vector<std::vector<Vec3d>> holes;
};

// Per gml:id of a Building or BuildingPart: its lod0FootPrint polygons, else its lod0RoofEdge
// ones. Rings with fewer than 3 points or unreadable numbers are left out.
std::map<std::string, std::vector<Lod0Outline>> lod0Outlines(const pugi::xml_document& document);

}  // namespace subterra
