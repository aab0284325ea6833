#include "swmm_importer.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "depth_rules.h"
#include "inp_network.h"
#include "inp_stray_vertices.h"
#include "swmm_sections.h"
#include "swmm_streets.h"
#include "swmm_subcatchments.h"

namespace subterra {

namespace {
constexpr double kPi = 3.14159265358979;

struct Options {
    std::string flowUnits = "CFS";
    bool us = true;
    bool offsetsAreElevations = false;  // LINK_OFFSETS ELEVATION (default DEPTH)
    double length(double v) const { return us ? v * 0.3048 : v; }
};

Options readOptions(const InpFile& file, InpNetwork& network) {
    Options options;
    for (const auto& r : file.records("OPTIONS")) {
        if (r.fields.size() < 2) continue;
        const std::string key = inpUpper(r.fields[0]), value = inpUpper(r.fields[1]);
        if (key == "FLOW_UNITS") {
            const std::vector<std::string> us{"CFS", "GPM", "MGD"}, si{"CMS", "LPS", "MLD"};
            if (std::count(us.begin(), us.end(), value)) options.flowUnits = value, options.us = true;
            else if (std::count(si.begin(), si.end(), value)) options.flowUnits = value, options.us = false;
            else network.error(r.line, "unknown FLOW_UNITS '" + r.fields[1].substr(0, 20) + "': CFS (feet) assumed");
        } else if (key == "LINK_OFFSETS") {
            if (value == "ELEVATION") options.offsetsAreElevations = true;
            else if (value != "DEPTH")
                network.error(r.line, "unknown LINK_OFFSETS '" + r.fields[1].substr(0, 20) + "': DEPTH assumed");
        }
    }
    return options;
}

// [XSECTIONS] Shape Geom1 (height/diameter) Geom2 (width): circular and rectangular shapes are
// drawn as such; the others as the rectangle (or circle) of the same height and width.
struct SectionReading {
    CrossSection section;
    bool approximated = false;
};

SectionReading toSection(const std::string& shape, double geom1, double geom2, const Options& options,
                         UtilityKind utility) {
    static const std::set<std::string> circular{"CIRCULAR", "FORCE_MAIN", "FILLED_CIRCULAR"};
    static const std::set<std::string> rectangular{"RECT_CLOSED", "RECT_OPEN"};
    SectionReading reading;
    CrossSection& s = reading.section;
    const double height = options.length(geom1), width = options.length(geom2);
    if (circular.count(shape)) {
        s.diameterM = height;
    } else if (rectangular.count(shape)) {
        s.shape = CrossSection::Shape::Rectangular;
        s.widthM = width, s.heightM = height;
    } else if (width > 0) {
        s.shape = CrossSection::Shape::Rectangular;
        s.widthM = width, s.heightM = height;
        reading.approximated = true;
    } else {
        s.diameterM = height;
        reading.approximated = true;
    }
    if (!s.isKnown()) {
        s = defaultSection(utility);
        reading.approximated = true;
    }
    return reading;
}

struct Reader {
    const InpFile& file;
    InpNetwork& network;
    Options options;
    std::map<std::string, SectionReading> sections;                  // by link id
    std::map<std::string, std::pair<int, long>> approximatedShapes;  // shape -> first line, count
    std::set<std::string> groundFromLinks;                           // nodes without a max depth
    std::map<std::string, CrossSection> streets;                     // [STREETS] by name
    std::map<std::string, std::string> streetOf;                     // link id -> its [STREETS] name

    void addNode(const InpRecord& r, const char* kind, NodeKind symbol, int maxDepthField) {
        auto invert = network.number(r, 1, "Elevation");
        std::optional<double> maxDepth;
        if (invert && maxDepthField > 0) maxDepth = network.number(r, size_t(maxDepthField), "MaxDepth");
        if (!invert || (maxDepthField > 0 && !maxDepth)) return;
        InpNode n;
        n.id = r.fields[0];
        n.kind = kind;
        n.symbol = symbol;
        n.line = r.line;
        n.invertZ = options.length(*invert);
        n.groundZ = n.invertZ + options.length(std::max(0.0, maxDepth.value_or(0)));
        n.linkLevel = n.invertZ;
        n.sizeM = 1.2;
        n.attributes["invert"] = r.fields[1];
        if (maxDepth) n.attributes["max_depth"] = r.fields[size_t(maxDepthField)];
        if (maxDepth.value_or(0) <= 0) groundFromLinks.insert(n.id);
        if (symbol == NodeKind::Storage) n.sizeM = storageDiameter(r);
        network.addNode(std::move(n));
    }

    // Plan size of a storage unit: FUNCTIONAL area = a*D^b + c at the max depth; CYLINDRICAL
    // (SWMM 5.2) axes; a tabular curve is not read (5 m drawn).
    double storageDiameter(const InpRecord& r) {
        const std::string shape = r.fields.size() > 4 ? inpUpper(r.fields[4]) : "";
        double area = 0;
        auto field = [&](size_t i) {
            return i < r.fields.size() ? network.number(r, i, "storage parameter") : std::nullopt;
        };
        if (shape == "FUNCTIONAL") {
            auto a = field(5), b = field(6), c = field(7);
            auto depth = field(2);
            if (a && b && c && depth) area = *a * std::pow(std::max(0.0, *depth), *b) + *c;
        } else if (shape == "CYLINDRICAL") {
            auto major = field(5), minor = field(6);
            if (major && minor) area = kPi / 4 * *major * *minor;
        }
        const double diameter = area > 0 ? std::sqrt(4 * area / kPi) : 0;
        return diameter > 0 ? std::clamp(options.length(diameter), 1.0, 100.0) : 5.0;
    }

    void readNodes() {
        for (const auto& r : file.records("JUNCTIONS")) addNode(r, "junction", NodeKind::Manhole, 2);
        for (const auto& r : file.records("OUTFALLS")) addNode(r, "outfall", NodeKind::Outfall, 0);
        for (const auto& r : file.records("DIVIDERS")) addNode(r, "divider", NodeKind::Chamber, 0);
        for (const auto& r : file.records("STORAGE")) addNode(r, "storage unit", NodeKind::Storage, 2);
    }

    void readSections() {
        for (const auto& r : file.records("XSECTIONS")) {
            const std::string shape = r.fields.size() > 1 ? inpUpper(r.fields[1]) : "";
            const bool sizeless = shape == "IRREGULAR" || shape == "DUMMY" || shape == "STREET";
            auto geom1 = sizeless ? std::optional<double>(0) : network.number(r, 2, "Geom1");
            auto geom2 = sizeless ? std::optional<double>(0) : network.optionalNumber(r, 3, "Geom2");
            if (!geom1 || (r.fields.size() > 3 && !sizeless && !geom2)) continue;
            if (shape == "CUSTOM") geom2 = 0;  // Geom2 is a curve name
            SectionReading reading = toSection(shape, *geom1, geom2.value_or(0), options, network.utility);
            if (shape == "STREET") {
                const std::string name = r.fields.size() > 2 ? r.fields[2] : "";
                if (auto street = streets.find(name); street != streets.end()) {
                    reading = {street->second, false};
                    streetOf[r.fields[0]] = name;
                } else {
                    reading.approximated = false;  // said here, once
                    network.error(r.line, "link '" + r.fields[0] + "': street '" + name.substr(0, 40) +
                                              "' is not in [STREETS] (or is malformed there): default size drawn");
                }
            }
            if (reading.approximated) {
                auto& entry = approximatedShapes.emplace(shape, std::make_pair(r.line, 0L)).first->second;
                entry.second++;
            }
            if (!sections.emplace(r.fields[0], reading).second)
                network.warning(r.line, "second cross-section for link '" + r.fields[0] + "' ignored");
        }
    }

    // An end's invert: the node's, raised by the offset (DEPTH) or the offset itself (ELEVATION);
    // "*" (or no field) = the node's invert.
    double endInvert(const InpRecord& r, size_t field, const InpNode& node) {
        if (field >= r.fields.size() || r.fields[field] == "*") return node.invertZ;
        auto offset = network.number(r, field, "offset");
        if (!offset) return node.invertZ;
        return options.offsetsAreElevations ? options.length(*offset) : node.invertZ + options.length(*offset);
    }

    // inletOffset/outletOffset: field indexes, or 0 when the link kind has none at that end.
    void addLink(const InpRecord& r, const char* kind, size_t inletOffset, size_t outletOffset,
                 std::optional<NodeKind> symbol = std::nullopt) {
        auto link = network.linkHeader(r, kind);
        if (!link) return;
        const InpNode* from = network.findNode(link->from);
        const InpNode* to = network.findNode(link->to);
        if (!from || !to) {
            network.addLink(std::move(*link));  // reports the unknown node
            return;
        }
        link->symbol = symbol;
        auto section = sections.find(link->id);
        if (section != sections.end()) {
            link->section = section->second.section;
        } else {
            link->section = defaultSection(network.utility);
            if (std::string(kind) == "conduit")
                network.warning(r.line, "conduit '" + link->id + "' has no [XSECTIONS] entry: default size drawn");
        }
        const double half = link->section.verticalExtentM() / 2;
        link->zFrom = (inletOffset ? endInvert(r, inletOffset, *from) : from->invertZ) + half;
        link->zTo = (outletOffset ? endInvert(r, outletOffset, *to) : to->invertZ) + half;
        link->depthSource = DepthSource::Invert;
        if (std::string(kind) == "conduit" && r.fields.size() > 4) {
            link->attributes["length"] = r.fields[3];
            link->attributes["roughness"] = r.fields[4];
        }
        if (!link->section.openProfile.empty()) link->attributes["street"] = streetOf[link->id];
        network.addLink(std::move(*link));
    }

    void readLinks() {
        for (const auto& r : file.records("CONDUITS")) addLink(r, "conduit", 5, 6);
        for (const auto& r : file.records("PUMPS")) addLink(r, "pump", 0, 0, NodeKind::Pump);
        for (const auto& r : file.records("ORIFICES")) addLink(r, "orifice", 4, 0);
        for (const auto& r : file.records("WEIRS")) addLink(r, "weir", 4, 0);
        for (const auto& r : file.records("OUTLETS")) addLink(r, "outlet", 3, 0);
    }

    // Outfalls, dividers and junctions with no max depth: ground at the top of the tallest link
    // that meets them.
    void groundFromConnectedLinks() {
        for (const auto& link : network.links)
            for (const auto& id : {link.from, link.to}) {
                if (!groundFromLinks.count(id)) continue;
                InpNode& n = network.nodes[network.nodeIndex[id]];
                n.groundZ = std::max(n.groundZ, n.invertZ + link.section.verticalExtentM());
            }
    }

    void reportApproximations() {
        for (const auto& [shape, entry] : approximatedShapes)
            network.warning(entry.first, std::to_string(entry.second) + " cross-section(s) of shape " +
                                             (shape.empty() ? std::string("(none)") : shape) +
                                             " drawn as the circle or rectangle of the same height and width");
    }
};
}  // namespace

bool swmmClaims(const std::string& path) { return isSwmmInpFile(path); }

LayerImport importSwmm(const LayerSpec& spec, const ImportContext& context) {
    InpNetwork network;
    network.path = spec.source;
    network.format = "SWMM";
    auto file = readInpFile(spec.source, swmmSections(), network.problems);
    if (!file) return assembleNetwork(network, spec, context);
    const bool hasSubcatchments = !file->records("SUBCATCHMENTS").empty();
    network.utility = spec.utility.value_or(hasSubcatchments ? UtilityKind::Storm : UtilityKind::Sewer);
    Reader reader{*file, network, readOptions(*file, network), {}, {}, {}, {}, {}};
    network.usUnits = reader.options.us;
    network.notes.push_back("units: FLOW_UNITS " + reader.options.flowUnits +
                            (reader.options.us ? " (US: feet)" : " (SI: metres)"));
    network.notes.push_back(std::string("Z rule: node invert and max depth (ground = invert + max depth); conduit "
                                        "offsets are ") +
                            (reader.options.offsetsAreElevations ? "elevations" : "depths above the node invert") +
                            "; pipe centreline = invert + height/2");
    network.reserve(*file, {"JUNCTIONS", "OUTFALLS", "DIVIDERS", "STORAGE"},
                    {"CONDUITS", "PUMPS", "ORIFICES", "WEIRS", "OUTLETS"});
    reader.readNodes();
    reader.streets = readStreets(*file, network, reader.options.length(1));
    reader.readSections();
    reader.readLinks();
    reader.groundFromConnectedLinks();
    reader.reportApproximations();
    for (const auto& r : file->records("XSECTIONS"))
        if (!network.findLink(r.fields[0]))
            network.warning(r.line, "cross-section of unknown link '" + r.fields[0] + "' ignored");
    readCoordinates(*file, network);
    network.coordinateGuess = guessInpCoordinates(*file);
    readVertices(*file, network);
    dropStrayVertices(network);
    if (!reader.streetOf.empty()) network.extraCounts["streets"] = long(reader.streetOf.size());
    if (!file->records("STREETS").empty())
        network.notes.push_back(
            "streets: STREET conduits drawn with their [STREETS] cross-section (backing, curb, "
            "gutter, crown) as a 0.2 m slab under the surface");
    if (placeInlets(*file, network, reader.options.length(1)) > 0)
        network.notes.push_back(
            "inlets: drawn as grates in the gutter of their conduit near its downstream node, "
            "with a 0.2 m lead (size assumed) down to the node that captures their flow");
    readSubcatchments(*file, network);
    if (const auto& polygons = file->records("POLYGONS"); !polygons.empty())
        network.extraCounts["subcatchment polygon vertices"] = long(polygons.size());
    if (hasSubcatchments)
        network.notes.push_back(
            "subcatchments: [POLYGONS] outlines drawn as ground patches at the outlet node's ground "
            "level (draped on the DEM where there is one)");
    if (auto skipped = skippedSectionsNote(*file); !skipped.empty()) network.notes.push_back(skipped);
    return assembleNetwork(network, spec, context);
}

std::optional<LayerProbe> probeSwmm(const std::string& path, std::string& error) {
    return probeInpFile(path, swmmSections(), error);
}

}  // namespace subterra
