#pragma once
// CityGML srsName values -> a CRS reference that crsToWkt() reads. Files write the same EPSG code
// in many spellings, compound horizontal + height URNs, and the German AdV ("urn:adv:crs:...")
// names that ALKIS/LoD exports use; only the horizontal part matters here (heights stay metres).
#include <optional>
#include <string>

namespace subterra {

struct CityGmlSrs {
    std::string reference;  // "EPSG:25832"
    std::string heights;    // what the height part says ("DE_DHHN92_NH, metres", "EPSG:7837"); may be empty
};

// "EPSG:25832", "urn:ogc:def:crs:EPSG::25832", "urn:ogc:def:crs:EPSG:6.12:25832",
// "http://www.opengis.net/def/crs/EPSG/0/25832", ".../epsg.xml#25832",
// "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837" (the first, horizontal, part) and
// "urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH" (ETRS89_UTM32 = EPSG:25832, UTM33 = 25833, DE_DHDN_3GK2..5 =
// EPSG:31466..31469). nullopt, with `error` naming the value, for an AdV name not in that list or
// a URN/URL without an EPSG code; anything else (WKT, PROJ) is returned as it is for crsToWkt().
std::optional<CityGmlSrs> cityGmlSrs(const std::string& srsName, std::string& error);

}  // namespace subterra
