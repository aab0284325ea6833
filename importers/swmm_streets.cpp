#include "swmm_streets.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "swmm_sections.h"

namespace subterra {

namespace {
// A field that must be a number within [minimum, ...) (or > minimum when `strict`); nullopt with
// one problem naming the line otherwise.
std::optional<double> boundedField(InpNetwork& network, const InpRecord& r, size_t index, const char* what,
                                   double minimum, bool strict, const std::string& owner) {
    auto value = network.number(r, index, what);
    if (!value) return std::nullopt;
    if (strict ? *value <= minimum : *value < minimum) {
        network.error(r.line, owner + ": " + what + " must be " + (strict ? "above " : "at least ") +
                                  (minimum == 0 ? std::string("0") : std::to_string(minimum)) + ", not '" +
                                  r.fields[index].substr(0, 20) + "'");
        return std::nullopt;
    }
    return value;
}

// The surface of a street from its curb-side edge, as (across from the curb, up from the gutter
// invert) in metres: backing, curb, depressed gutter, road up to the crown, mirrored when two-sided.
std::vector<std::array<double, 2>> streetSurface(double crownM, double curbM, double slope, double gutterDepthM,
                                                 double gutterWidthM, bool twoSided, double backingM,
                                                 double backingSlope) {
    std::vector<std::array<double, 2>> half;
    if (backingM > 0) half.push_back({-backingM, curbM + backingM * backingSlope});
    half.push_back({0, curbM});
    half.push_back({0, 0});
    if (gutterDepthM > 0 && gutterWidthM > 0 && gutterWidthM < crownM)
        half.push_back({gutterWidthM, gutterDepthM + gutterWidthM * slope});
    half.push_back({crownM, gutterDepthM + crownM * slope});
    if (!twoSided) return half;
    std::vector<std::array<double, 2>> both = half;
    for (size_t i = half.size() - 1; i-- > 0;) both.push_back({2 * crownM - half[i][0], half[i][1]});
    return both;
}

std::optional<CrossSection> readStreet(const InpRecord& r, InpNetwork& network, double metresPerUnit) {
    const std::string owner = "street '" + r.fields[0] + "'";
    if (r.fields.size() < 5) {
        network.error(r.line, owner + ": expected Tcrown, Hcurb, Sx and nRoad: not drawn as a street");
        return std::nullopt;
    }
    auto crown = boundedField(network, r, 1, "Tcrown", 0, true, owner);
    auto curb = boundedField(network, r, 2, "Hcurb", 0, true, owner);
    auto slope = boundedField(network, r, 3, "Sx", 0, true, owner);
    auto roughness = boundedField(network, r, 4, "nRoad", 0, true, owner);
    auto optional = [&](size_t i, const char* what) -> std::optional<double> {
        return i < r.fields.size() ? boundedField(network, r, i, what, 0, false, owner) : std::optional<double>(0.0);
    };
    auto gutterDepth = optional(5, "Hdep"), gutterWidth = optional(6, "Wgutter");
    auto sides = r.fields.size() > 7 ? boundedField(network, r, 7, "Sides", 0, true, owner) : 2.0;
    auto backing = optional(8, "Tback"), backingSlope = optional(9, "Sback");
    if (!crown || !curb || !slope || !roughness || !gutterDepth || !gutterWidth || !sides || !backing || !backingSlope)
        return std::nullopt;
    if (*sides != 1 && *sides != 2) {
        network.error(r.line, owner + ": Sides must be 1 or 2, not '" + r.fields[7].substr(0, 20) + "'");
        return std::nullopt;
    }
    auto surface =
        streetSurface(*crown * metresPerUnit, *curb * metresPerUnit, *slope / 100, *gutterDepth * metresPerUnit,
                      *gutterWidth * metresPerUnit, *sides == 2, *backing * metresPerUnit, *backingSlope / 100);
    double left = 1e300, right = -1e300, top = 0;
    for (const auto& [across, up] : surface)
        left = std::min(left, across), right = std::max(right, across), top = std::max(top, up);
    CrossSection section;
    section.shape = CrossSection::Shape::Rectangular;
    section.widthM = right - left;
    section.heightM = top;
    for (auto& p : surface) p = {p[0] - (left + right) / 2, p[1] - top / 2};  // from the centreline
    section.openProfile = std::move(surface);
    return section;
}
}  // namespace

std::map<std::string, CrossSection> readStreets(const InpFile& file, InpNetwork& network, double metresPerUnit) {
    std::map<std::string, CrossSection> streets;
    std::map<std::string, int> lines;
    for (const auto& r : file.records("STREETS")) {
        if (auto first = lines.find(r.fields[0]); first != lines.end()) {
            network.error(r.line, "duplicate street '" + r.fields[0] + "' (first on line " +
                                      std::to_string(first->second) + "): the first one is used");
            continue;
        }
        if (auto section = readStreet(r, network, metresPerUnit)) {
            streets.emplace(r.fields[0], std::move(*section));
            lines.emplace(r.fields[0], r.line);
        }
    }
    return streets;
}

double surfaceHeightAt(const CrossSection& section, double across) {
    const auto& p = section.openProfile;
    if (p.empty()) return section.verticalExtentM() / 2;
    if (across <= p.front()[0]) return p.front()[1];
    for (size_t i = 1; i < p.size(); ++i)
        if (across <= p[i][0]) {
            const double span = p[i][0] - p[i - 1][0];
            return span > 0 ? p[i - 1][1] + (p[i][1] - p[i - 1][1]) * (across - p[i - 1][0]) / span
                            : std::min(p[i - 1][1], p[i][1]);  // a curb face: its foot
        }
    return p.back()[1];
}

namespace {
struct InletDesign {
    int line = 0;
    std::string type;  // "GRATE", "CURB", "GRATE+CURB" (a combination inlet has a line of each)
    double lengthM = 0, widthM = 0;
};

std::map<std::string, InletDesign> readInletDesigns(const InpFile& file, InpNetwork& network, double metresPerUnit) {
    static const std::vector<std::string> types{"GRATE", "DROP_GRATE", "CURB", "DROP_CURB", "SLOTTED", "CUSTOM"};
    std::map<std::string, InletDesign> designs;
    for (const auto& r : file.records("INLETS")) {
        const std::string owner = "inlet '" + r.fields[0] + "'";
        const std::string type = r.fields.size() > 1 ? inpUpper(r.fields[1]) : "";
        if (r.fields.size() < 3 || !std::count(types.begin(), types.end(), type)) {
            network.error(r.line, owner +
                                      ": expected a type (GRATE, CURB, SLOTTED, DROP_GRATE, DROP_CURB or CUSTOM) "
                                      "and its sizes" +
                                      (type.empty() ? std::string() : ", not '" + r.fields[1].substr(0, 20) + "'"));
            continue;
        }
        double lengthM = 0.6, widthM = 0.6;  // CUSTOM names curves, no sizes: a common grate drawn
        if (type != "CUSTOM") {
            auto length = boundedField(network, r, 2, "Length", 0, true, owner);
            auto width = boundedField(network, r, 3, type.find("CURB") != std::string::npos ? "Height" : "Width", 0,
                                      true, owner);
            if (!length || !width) continue;
            lengthM = *length * metresPerUnit;
            widthM = type.find("CURB") != std::string::npos ? 0.3 : *width * metresPerUnit;  // a curb opening's height
        }
        auto [design, fresh] = designs.emplace(r.fields[0], InletDesign{r.line, type, lengthM, widthM});
        if (!fresh) {  // one more part of a combination inlet
            design->second.type += "+" + type;
            design->second.lengthM = std::max(design->second.lengthM, lengthM);
            design->second.widthM = std::max(design->second.widthM, widthM);
        }
    }
    return designs;
}

InpPoint along(const InpPoint& from, const InpPoint& to, double t) {
    return {from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t};
}

double planLengthOf(const std::vector<InpPoint>& points) {
    double length = 0;
    for (size_t i = 1; i < points.size(); ++i)
        length += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    return length;
}

// Where the inlet lies in the file's coordinates: on the conduit's last stretch, set back from its
// downstream node by a little more than half the inlet's length, and across in the gutter.
// `backShare`: how far back along the whole conduit, 0..1 (the centreline rises by that share).
std::optional<InpPoint> inletPoint(const InpNetwork& network, const InpLink& link, double acrossM, double backM,
                                   double metresPerUnit, double& backShare) {
    backShare = 0;
    auto from = network.coordinates.find(link.from), to = network.coordinates.find(link.to);
    if (from == network.coordinates.end() || to == network.coordinates.end()) return std::nullopt;
    std::vector<InpPoint> points{from->second};
    if (auto v = network.vertices.find(link.id); v != network.vertices.end())
        points.insert(points.end(), v->second.begin(), v->second.end());
    points.push_back(to->second);
    const InpPoint& end = points.back();
    const InpPoint& before = points[points.size() - 2];
    const double drawn = planLengthOf(points), stretch = std::hypot(end.x - before.x, end.y - before.y);
    if (stretch <= 0) return end;
    // File units per metre: from the conduit's declared length where it has one (coordinates may
    // be feet, metres or degrees), else the file's length unit.
    double unitsPerMetre = 1 / metresPerUnit;
    auto it = link.attributes.find("length");
    const double declared = it == link.attributes.end() ? 0 : std::strtod(it->second.c_str(), nullptr);
    if (declared > 0 && drawn > 0) unitsPerMetre = drawn / (declared * metresPerUnit);
    else if (network.coordinateGuess.degrees) return end;
    const double back = std::min(backM * unitsPerMetre, 0.4 * stretch);
    backShare = back / drawn;
    const InpPoint onLine = along(end, before, back / stretch);
    const double ux = (end.x - before.x) / stretch, uy = (end.y - before.y) / stretch;
    // +across is the right of the flow direction, as the drawn cross-section's.
    return InpPoint{onLine.x + uy * acrossM * unitsPerMetre, onLine.y - ux * acrossM * unitsPerMetre};
}

// The inlet on its street: in the gutter next to the curb (the profile's lowest point nearest
// the left edge), or on the centreline of another channel.
double gutterAcross(const CrossSection& section, double inletWidthM) {
    const auto& p = section.openProfile;
    if (p.empty()) return 0;
    size_t lowest = 0;
    for (size_t i = 1; i < p.size(); ++i)
        if (p[i][1] < p[lowest][1] - 1e-9) lowest = i;
    const bool curbOnLeft = lowest == 0 || p[lowest - 1][0] == p[lowest][0];
    return p[lowest][0] + (curbOnLeft ? 1 : -1) * inletWidthM / 2;
}

struct Usage {
    const InpRecord* record = nullptr;
    const InletDesign* design = nullptr;
};
}  // namespace

long placeInlets(const InpFile& file, InpNetwork& network, double metresPerUnit) {
    const auto designs = readInletDesigns(file, network, metresPerUnit);
    std::map<std::string, Usage> byConduit;  // SWMM keeps the last inlet given to a conduit
    for (const auto& r : file.records("INLET_USAGE")) {
        const std::string owner = "inlet usage of conduit '" + r.fields[0] + "'";
        if (r.fields.size() < 3) {
            network.error(r.line, owner + ": expected a conduit, an inlet and a capture node: not drawn");
            continue;
        }
        if (!network.findLink(r.fields[0])) {
            network.error(r.line, owner + ": no such conduit: inlet not drawn");
            continue;
        }
        auto design = designs.find(r.fields[1]);
        if (design == designs.end()) {
            network.error(
                r.line, owner + ": inlet '" + r.fields[1] + "' is not in [INLETS] (or is malformed there): not drawn");
            continue;
        }
        if (r.fields.size() > 3) boundedField(network, r, 3, "Number", 0, false, owner);  // reported; 1 drawn
        auto [usage, fresh] = byConduit.emplace(r.fields[0], Usage{&r, &design->second});
        if (!fresh) {
            network.warning(r.line, owner + ": a second inlet; the last one is used, as SWMM does");
            usage->second = Usage{&r, &design->second};
        }
    }
    long placed = 0;
    for (const auto& [conduit, usage] : byConduit) {
        const InpRecord& r = *usage.record;
        const InpLink link = *network.findLink(conduit);  // a copy: adding links below may move it
        const InletDesign& design = *usage.design;
        const double across = gutterAcross(link.section, design.widthM);
        double backShare = 0;
        auto point = inletPoint(network, link, across, design.lengthM / 2 + 0.5, metresPerUnit, backShare);
        if (!point) continue;  // the conduit itself is reported without a position
        const std::string& captureId = r.fields[2];
        const InpNode* capture = network.findNode(captureId);
        if (!capture)
            network.error(r.line, "inlet usage of conduit '" + conduit + "': capture node '" + captureId +
                                      "' does not exist: the inlet is drawn without its lead");
        InpNode inlet;
        inlet.id = conduit + ":inlet";
        inlet.kind = "inlet";
        inlet.symbol = NodeKind::Inlet;
        inlet.line = r.line;
        inlet.groundZ = link.zTo + (link.zFrom - link.zTo) * backShare + surfaceHeightAt(link.section, across);
        inlet.invertZ = inlet.groundZ - 1.0;  // a catch basin, not below the sewer it drains to
        if (capture) inlet.invertZ = std::min(inlet.groundZ, std::max(inlet.invertZ, capture->invertZ));
        inlet.sizeM = std::clamp(std::max(design.lengthM, design.widthM), 0.3, 3.0);
        inlet.attributes = {
            {"inlet", r.fields[1]}, {"inlet_type", design.type}, {"conduit", conduit}, {"capture_node", captureId}};
        if (r.fields.size() > 3) inlet.attributes["number"] = r.fields[3];
        if (r.fields.size() > 8) inlet.attributes["placement"] = r.fields[8];
        std::optional<InpLink> lead;
        if (capture && captureId != link.to) {
            lead.emplace();
            lead->id = conduit + ":inlet lead";
            lead->kind = "inlet lead";
            lead->line = r.line;
            lead->from = inlet.id, lead->to = captureId;
            lead->section.diameterM = 0.2;
            lead->section.assumed = true;  // SWMM gives inlets no connection size
            lead->zFrom = inlet.invertZ + 0.1, lead->zTo = capture->invertZ + 0.1;
            lead->depthSource = DepthSource::Assumed;
        }
        if (network.findNode(inlet.id)) {
            network.error(r.line, "inlet of conduit '" + conduit + "': a node is already named '" + inlet.id +
                                      "': inlet not drawn");
            continue;
        }
        network.coordinates[inlet.id] = *point;
        network.addNode(std::move(inlet));
        if (lead) network.addLink(std::move(*lead));
        placed++;
    }
    return placed;
}

std::string skippedSectionsNote(const InpFile& file) {
    static const std::vector<std::string> drawn{
        "TITLE",       "OPTIONS",     "JUNCTIONS", "OUTFALLS", "DIVIDERS",      "STORAGE",   "CONDUITS",
        "PUMPS",       "ORIFICES",    "WEIRS",     "OUTLETS",  "XSECTIONS",     "STREETS",   "INLETS",
        "INLET_USAGE", "COORDINATES", "VERTICES",  "POLYGONS", "SUBCATCHMENTS", "COVERAGES", "END"};
    const auto& known = swmmSections();
    std::string listed;
    for (const auto& section : file.sections) {
        const bool isKnown = std::count(known.begin(), known.end(), section.name) > 0;
        if (std::count(drawn.begin(), drawn.end(), section.name) || (isKnown && section.records.empty())) continue;
        const size_t lines = section.records.size();
        listed += (listed.empty() ? "" : ", ") + ("[" + section.name.substr(0, 60) + "] ") + std::to_string(lines) +
                  (lines == 1 ? " line" : " lines") + (isKnown ? "" : " (unknown section)");
    }
    return listed.empty() ? "" : "not drawn: " + listed;
}

}  // namespace subterra
