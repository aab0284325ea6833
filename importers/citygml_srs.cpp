#include "citygml_srs.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace subterra {

namespace {
std::string upper(std::string text) {
    for (char& c : text) c = char(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

// The EPSG code in one part of a reference: the last run of digits after "EPSG" ("EPSG::25832",
// "EPSG/0/25832", "EPSG:6.12:25832", "epsg.xml#25832"); empty when there is none.
std::string epsgCode(const std::string& part) {
    const auto epsg = upper(part).find("EPSG");
    if (epsg == std::string::npos) return {};
    const auto end = part.find_last_of("0123456789");
    if (end == std::string::npos || end < epsg + 4) return {};
    auto start = end;
    while (start > epsg + 4 && std::isdigit(static_cast<unsigned char>(part[start - 1]))) --start;
    // "EPSG:6.12" alone is a version, not a code
    if (start > 0 && part[start - 1] == '.') return {};
    return part.substr(start, end - start + 1);
}

// AdV (Arbeitsgemeinschaft der Vermessungsverwaltungen) horizontal CRS names.
std::optional<std::string> advHorizontal(const std::string& name) {
    static const std::pair<const char*, const char*> known[] = {
        {"ETRS89_UTM32", "EPSG:25832"}, {"ETRS89_UTM33", "EPSG:25833"},  {"ETRS89_UTM31", "EPSG:25831"},
        {"DE_DHDN_3GK2", "EPSG:31466"}, {"DE_DHDN_3GK3", "EPSG:31467"},  {"DE_DHDN_3GK4", "EPSG:31468"},
        {"DE_DHDN_3GK5", "EPSG:31469"}, {"ETRS89_LAT-LON", "EPSG:4258"}, {"ETRS89_GK4", "EPSG:5678"},
    };
    const std::string key = upper(name);
    for (const auto& [adv, epsg] : known)
        if (key == adv) return std::string(epsg);
    return std::nullopt;
}
}  // namespace

std::optional<CityGmlSrs> cityGmlSrs(const std::string& srsName, std::string& error) {
    const auto first = srsName.find_first_not_of(" \t\r\n");
    const auto last = srsName.find_last_not_of(" \t\r\n");
    const std::string name = first == std::string::npos ? "" : srsName.substr(first, last - first + 1);
    const std::string key = upper(name);
    CityGmlSrs srs;
    if (key.rfind("URN:ADV:CRS:", 0) == 0) {
        const std::string compound = name.substr(12);
        const auto star = compound.find('*');
        const std::string horizontal = compound.substr(0, star);
        const auto epsg = advHorizontal(horizontal);
        if (!epsg) {
            error = "AdV CRS '" + horizontal + "' in srsName '" + name +
                    "' is not one Subterra knows (ETRS89_UTM32, ETRS89_UTM33, DE_DHDN_3GK2..5); declare the CRS "
                    "with --input-crs or the layer's \"crs\"";
            return std::nullopt;
        }
        srs.reference = *epsg;
        if (star != std::string::npos) srs.heights = compound.substr(star + 1) + ", metres";
        return srs;
    }
    const bool urnOrUrl = key.rfind("URN:", 0) == 0 || key.rfind("HTTP", 0) == 0;
    if (key.find("EPSG") == std::string::npos) {
        if (urnOrUrl) {
            error = "srsName '" + name + "' names no EPSG code";
            return std::nullopt;
        }
        srs.reference = name;  // WKT or PROJ text, or an empty name: crsToWkt() decides
        return srs;
    }
    // Compound forms list the horizontal CRS first: "urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837"
    // (OGC), "EPSG:25832+7837" (PROJ).
    std::string horizontal = name, vertical;
    const auto comma = name.find(",crs:");
    if (comma != std::string::npos) {
        horizontal = name.substr(comma + 1);
        const auto next = horizontal.find(',');
        if (next != std::string::npos) vertical = horizontal.substr(next + 1), horizontal.resize(next);
    } else if (const auto plus = name.find('+'); plus != std::string::npos) {
        horizontal = name.substr(0, plus), vertical = "EPSG:" + name.substr(plus + 1);
    }
    const std::string code = epsgCode(horizontal);
    if (code.empty()) {
        error = "srsName '" + name + "' has no EPSG code that can be read";
        return std::nullopt;
    }
    srs.reference = "EPSG:" + code;
    if (!vertical.empty()) {
        const std::string heightCode = epsgCode(vertical);
        srs.heights = heightCode.empty() ? vertical : "EPSG:" + heightCode;
    }
    return srs;
}

}  // namespace subterra
