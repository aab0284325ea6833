#include "cut_arguments.h"

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace subterra {

namespace {
// Comma-separated finite numbers; false on anything else.
bool parseNumbers(const std::string& text, std::vector<double>& numbers) {
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        char* end = nullptr;
        const double value = std::strtod(item.c_str(), &end);
        if (item.empty() || end == item.c_str() || *end != '\0' || !std::isfinite(value)) return false;
        numbers.push_back(value);
    }
    return !numbers.empty();
}
}  // namespace

std::optional<SectionPlane> parseSectionArgument(const std::string& text, std::string& error) {
    std::vector<double> v;
    const bool horizontal = text.rfind("z=", 0) == 0;
    if (!parseNumbers(horizontal ? text.substr(2) : text, v) ||
        (horizontal ? v.size() != 1 : v.size() != 4 && v.size() != 6)) {
        error = "--section '" + text + "': expected x1,y1,x2,y2 or z=LEVEL or x,y,z,nx,ny,nz";
        return std::nullopt;
    }
    std::optional<SectionPlane> plane = horizontal      ? horizontalSection(v[0], error)
                                        : v.size() == 4 ? verticalSection(v[0], v[1], v[2], v[3], false, error)
                                                        : planeSection({v[0], v[1], v[2]}, {v[3], v[4], v[5]}, error);
    if (!plane) error = "--section '" + text + "': " + error;
    else plane->name = "--section " + text;
    return plane;
}

std::optional<Excavation> parseExcavationArgument(const std::string& text, std::string& error) {
    std::vector<double> v;
    if (!parseNumbers(text, v) || (v.size() != 5 && v.size() != 6)) {
        error = "--excavation '" + text + "': expected cx,cy,size_x,size_y,depth[,rotation_deg]";
        return std::nullopt;
    }
    Excavation e;
    e.name = "--excavation " + text;
    e.centreX = v[0], e.centreY = v[1], e.sizeX = v[2], e.sizeY = v[3], e.depthM = v[4];
    e.rotationDeg = v.size() == 6 ? v[5] : 0;
    if (!validateExcavation(e, error)) {
        error = "--excavation '" + text + "': " + error;
        return std::nullopt;
    }
    return e;
}

}  // namespace subterra
