#include "citygml_xml.h"

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <sstream>

namespace subterra {

namespace {
// The local part of a qualified name ("bldg:Building" -> "Building").
const char* localName(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? colon + 1 : name;
}

bool isNamed(const pugi::xml_node& node, const char* local) {
    return node.type() == pugi::node_element && std::strcmp(localName(node.name()), local) == 0;
}

pugi::xml_node childNamed(const pugi::xml_node& node, const char* local) {
    for (const auto& child : node.children())
        if (isNamed(child, local)) return child;
    return {};
}

// The points of a gml:LinearRing: one posList (srsDimension 2 or 3) or a list of gml:pos.
std::vector<Vec3d> ringPoints(const pugi::xml_node& ring) {
    std::vector<double> numbers;
    int dimension = 3;
    auto append = [&numbers](const char* text) {
        std::istringstream in(text);
        for (double v; in >> v;) numbers.push_back(v);
    };
    if (const pugi::xml_node posList = childNamed(ring, "posList")) {
        const char* attribute = posList.attribute("srsDimension").value();
        if (*attribute) dimension = std::atoi(attribute);
        append(posList.child_value());
    } else {
        for (const auto& pos : ring.children())
            if (isNamed(pos, "pos")) append(pos.child_value());
    }
    std::vector<Vec3d> points;
    if (dimension != 2 && dimension != 3) return points;
    for (size_t i = 0; i + dimension <= numbers.size(); i += dimension)
        points.push_back({numbers[i], numbers[i + 1], dimension == 3 ? numbers[i + 2] : 0.0});
    if (points.size() > 1 && points.front().x == points.back().x && points.front().y == points.back().y &&
        points.front().z == points.back().z)
        points.pop_back();
    return points;
}

void collectPolygons(const pugi::xml_node& node, std::vector<Lod0Outline>& out) {
    for (const auto& child : node.children()) {
        if (!isNamed(child, "Polygon")) {
            collectPolygons(child, out);
            continue;
        }
        Lod0Outline outline;
        for (const auto& boundary : child.children()) {
            const bool outer = isNamed(boundary, "exterior") || isNamed(boundary, "outerBoundaryIs");
            const bool inner = isNamed(boundary, "interior") || isNamed(boundary, "innerBoundaryIs");
            if (!outer && !inner) continue;
            std::vector<Vec3d> ring = ringPoints(childNamed(boundary, "LinearRing"));
            if (ring.size() < 3) continue;
            if (outer) outline.outer = std::move(ring);
            else outline.holes.push_back(std::move(ring));
        }
        if (outline.outer.size() >= 3) out.push_back(std::move(outline));
    }
}

void collectLod0(const pugi::xml_node& node, std::map<std::string, std::vector<Lod0Outline>>& out) {
    for (const auto& child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        if (isNamed(child, "Building") || isNamed(child, "BuildingPart")) {
            const std::string id = child.attribute("gml:id").value();
            std::vector<Lod0Outline> footprints, roofEdges;
            for (const auto& lod0 : child.children()) {
                if (isNamed(lod0, "lod0FootPrint")) collectPolygons(lod0, footprints);
                else if (isNamed(lod0, "lod0RoofEdge")) collectPolygons(lod0, roofEdges);
            }
            if (!id.empty() && (!footprints.empty() || !roofEdges.empty()))
                out[id] = footprints.empty() ? std::move(roofEdges) : std::move(footprints);
        }
        collectLod0(child, out);
    }
}
}  // namespace

std::string cityGmlRootVersion(const std::string& head) {
    size_t at = 0;
    for (;;) {  // skip the declaration, comments, doctype and processing instructions
        at = head.find('<', at);
        if (at == std::string::npos || at + 1 >= head.size()) return {};
        if (head[at + 1] == '?' || head[at + 1] == '!') {
            const char* close = head.compare(at, 4, "<!--") == 0 ? "-->" : ">";
            at = head.find(close, at);
            if (at == std::string::npos) return {};
            continue;
        }
        break;
    }
    const size_t end = head.find('>', at);
    if (end == std::string::npos) return {};
    const std::string tag = head.substr(at + 1, end - at - 1);
    const std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/"));
    const auto colon = name.find(':');
    if (name.substr(colon == std::string::npos ? 0 : colon + 1) != "CityModel") return {};
    const std::string attribute = colon == std::string::npos ? "xmlns=" : "xmlns:" + name.substr(0, colon) + "=";
    for (size_t a = tag.find(attribute); a != std::string::npos; a = tag.find(attribute, a + 1)) {
        if (a > 0 && !std::isspace(static_cast<unsigned char>(tag[a - 1]))) continue;  // "xxmlns="
        const size_t open = a + attribute.size();
        if (open >= tag.size() || (tag[open] != '"' && tag[open] != '\'')) return {};
        const size_t close = tag.find(tag[open], open + 1);
        const std::string uri = tag.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
        const std::string base = "http://www.opengis.net/citygml/";
        if (uri.rfind(base, 0) != 0) return {};
        const std::string version = uri.substr(base.size(), uri.find('/', base.size()) - base.size());
        return version == "1.0" || version == "2.0" || version == "3.0" ? version : std::string();
    }
    return {};
}

std::string firstSrsName(const pugi::xml_document& document) {
    const pugi::xpath_node node = document.select_node("//*[@srsName]");
    return node ? node.node().attribute("srsName").value() : "";
}

std::map<std::string, std::vector<Lod0Outline>> lod0Outlines(const pugi::xml_document& document) {
    std::map<std::string, std::vector<Lod0Outline>> out;
    collectLod0(document, out);
    return out;
}

}  // namespace subterra
