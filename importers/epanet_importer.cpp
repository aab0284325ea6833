#include "epanet_importer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "depth_rules.h"
#include "epanet_report.h"
#include "inp_network.h"
#include "inp_stray_vertices.h"
#include "swmm_sections.h"

namespace subterra {

namespace {
const std::vector<std::string> kSections{"TITLE",     "JUNCTIONS", "RESERVOIRS", "TANKS",    "PIPES",    "PUMPS",
                                         "VALVES",    "TAGS",      "DEMANDS",    "STATUS",   "PATTERNS", "CURVES",
                                         "CONTROLS",  "RULES",     "ENERGY",     "EMITTERS", "QUALITY",  "SOURCES",
                                         "REACTIONS", "MIXING",    "TIMES",      "REPORT",   "OPTIONS",  "COORDINATES",
                                         "VERTICES",  "LABELS",    "BACKDROP",   "END",      "LEAKAGE"};

// Units: US customary (ft, in) or SI (m, mm), from the flow unit.
struct Units {
    std::string flow = "GPM";
    bool us = true;
    double length(double v) const { return us ? v * 0.3048 : v; }
    double diameter(double v) const { return us ? v * 0.0254 : v / 1000; }
};

Units readUnits(const InpFile& file, InpNetwork& network) {
    Units units;
    const InpSection* options = file.find("OPTIONS");
    for (const auto& record : options ? options->records : std::vector<InpRecord>{}) {
        if (inpUpper(record.fields[0]) != "UNITS" || record.fields.size() < 2) continue;
        const std::string flow = inpUpper(record.fields[1]);
        const std::vector<std::string> us{"CFS", "GPM", "MGD", "IMGD", "AFD"},
            si{"LPS", "LPM", "MLD", "CMH", "CMD", "CMS"};
        if (std::count(us.begin(), us.end(), flow)) units = {flow, true};
        else if (std::count(si.begin(), si.end(), flow)) units = {flow, false};
        else network.error(record.line, "unknown Units '" + record.fields[1].substr(0, 20) + "': GPM (ft, in) assumed");
    }
    return units;
}

struct Reader {
    const InpFile& file;
    InpNetwork& network;
    Units units;
    LayerSpec::NodeElevation rule;
    double cover;

    const std::vector<InpRecord>& records(const char* section) const { return file.records(section); }
    std::optional<double> number(const InpRecord& r, size_t i, const char* what) { return network.number(r, i, what); }
    std::optional<double> optionalNumber(const InpRecord& r, size_t i, const char* what) {
        return network.optionalNumber(r, i, what);
    }

    InpNode node(const InpRecord& r, const char* kind, NodeKind symbol, double elevationM) const {
        InpNode n;
        n.id = r.fields[0];
        n.kind = kind;
        n.symbol = symbol;
        n.line = r.line;
        const bool ground = rule == LayerSpec::NodeElevation::Ground;
        n.groundZ = ground ? elevationM : elevationM + cover;
        n.invertZ = ground ? elevationM - cover : elevationM;
        n.linkLevel = elevationM;
        return n;
    }

    void readNodes() {
        for (const auto& r : records("JUNCTIONS"))
            if (auto elevation = number(r, 1, "Elev")) {
                InpNode n = node(r, "junction", NodeKind::Junction, units.length(*elevation));
                n.attributes["elevation"] = r.fields[1];
                if (r.fields.size() > 2) n.attributes["demand"] = r.fields[2];
                network.addNode(std::move(n));
            }
        for (const auto& r : records("RESERVOIRS"))
            if (auto head = number(r, 1, "Head")) {
                // Drawn at its water level; links take the level of their other end.
                InpNode n = node(r, "reservoir", NodeKind::Reservoir, units.length(*head));
                n.groundZ = n.invertZ = units.length(*head);
                n.sizeM = 20;
                n.linkLevel.reset();
                n.attributes["head"] = r.fields[1];
                network.addNode(std::move(n));
            }
        for (const auto& r : records("TANKS")) {
            auto elevation = number(r, 1, "Elevation");
            auto maxLevel = elevation ? optionalNumber(r, 4, "MaxLevel") : std::nullopt;
            auto diameter = elevation ? optionalNumber(r, 5, "Diameter") : std::nullopt;
            if (!elevation) continue;
            InpNode n = node(r, "tank", NodeKind::Tank, units.length(*elevation));
            n.groundZ = n.invertZ = units.length(*elevation);  // the tank bottom
            n.heightM = std::clamp(units.length(maxLevel.value_or(10)), 1.0, 100.0);
            n.sizeM = std::clamp(units.length(diameter.value_or(30)), 1.0, 200.0);
            n.attributes["elevation"] = r.fields[1];
            if (maxLevel) n.attributes["max_level"] = r.fields[4];
            if (diameter) n.attributes["diameter"] = r.fields[5];
            network.addNode(std::move(n));
        }
    }

    // Centreline levels of a link from its end nodes (the Z rule).
    void setLevels(InpLink& link) const {
        const InpNode* a = network.findNode(link.from);
        const InpNode* b = network.findNode(link.to);
        const double fallback = a->linkLevel ? *a->linkLevel : b->linkLevel ? *b->linkLevel : a->groundZ;
        const double levelA = a->linkLevel.value_or(b->linkLevel.value_or(fallback));
        const double levelB = b->linkLevel.value_or(levelA);
        const bool ground = rule == LayerSpec::NodeElevation::Ground;
        const double below = ground ? cover + link.section.verticalExtentM() / 2 : 0;
        link.zFrom = levelA - below;
        link.zTo = levelB - below;
        link.depthSource = ground ? DepthSource::Assumed : DepthSource::Invert;
    }

    std::optional<InpLink> link(const InpRecord& r, const char* kind) { return network.linkHeader(r, kind); }

    void addLink(InpLink l) {
        if (!network.findNode(l.from) || !network.findNode(l.to)) {
            network.addLink(std::move(l));  // reports the unknown node
            return;
        }
        setLevels(l);
        network.addLink(std::move(l));
    }

    void setDiameter(InpLink& l, const InpRecord& r, double value, size_t field) {
        l.section.diameterM = units.diameter(value);
        l.attributes["diameter"] = r.fields[field];
        if (l.section.diameterM <= 0) {
            network.warning(r.line, l.kind + " '" + l.id + "': diameter " + r.fields[field] +
                                        " is not positive: default size drawn");
            l.section = defaultSection(network.utility);
        }
    }

    void readLinks() {
        for (const auto& r : records("PIPES")) {
            auto l = link(r, "pipe");
            auto length = l ? number(r, 3, "Length") : std::nullopt;
            auto diameter = length ? number(r, 4, "Diameter") : std::nullopt;
            auto roughness = diameter ? number(r, 5, "Roughness") : std::nullopt;
            if (!roughness) continue;
            setDiameter(*l, r, *diameter, 4);
            l->attributes["length"] = r.fields[3];
            l->attributes["roughness"] = r.fields[5];
            if (r.fields.size() > 7) l->status = r.fields[7];
            addLink(std::move(*l));
        }
        for (const auto& r : records("PUMPS")) {
            auto l = link(r, "pump");
            if (!l) continue;
            l->symbol = NodeKind::Pump;
            l->section = defaultSection(network.utility);
            std::string parameters;
            for (size_t i = 3; i < r.fields.size(); ++i) parameters += (i > 3 ? " " : "") + r.fields[i];
            l->attributes["parameters"] = parameters;
            addLink(std::move(*l));
        }
        for (const auto& r : records("VALVES")) {
            auto l = link(r, "valve");
            auto diameter = l ? number(r, 3, "Diameter") : std::nullopt;
            if (!diameter) continue;
            l->symbol = NodeKind::Valve;
            setDiameter(*l, r, *diameter, 3);
            if (r.fields.size() > 4) l->attributes["valve_type"] = r.fields[4];
            if (r.fields.size() > 5) l->attributes["setting"] = r.fields[5];
            addLink(std::move(*l));
        }
    }

    // Connector pipes of implausible size (Net3's 99 in "dummy" pipes would draw as 2.5 m tubes):
    // over 1.5 m and more than twice every pipe they meet -> drawn at the largest of those.
    void shrinkOversizedConnectors() {
        for (auto& l : network.links) {
            if (l.kind != "pipe" || l.section.diameterM <= 1.5) continue;
            double neighbours = 0;
            for (const auto& other : network.links)
                if (&other != &l && other.kind == "pipe" &&
                    (other.from == l.from || other.to == l.from || other.from == l.to || other.to == l.to))
                    neighbours = std::max(neighbours, other.section.diameterM);
            if (neighbours <= 0 || l.section.diameterM <= 2 * neighbours) continue;
            char text[160];
            std::snprintf(text, sizeof text,
                          "pipe '%s': diameter %s %s is over twice that of every pipe it meets: drawn "
                          "at %.0f mm (a dummy connector?)",
                          l.id.c_str(), l.attributes["diameter"].c_str(), units.us ? "in" : "mm", neighbours * 1000);
            network.warning(l.line, text);
            l.section.diameterM = neighbours;
            setLevels(l);
        }
    }

    // [STATUS] overrides link status; [TAGS] NODE|LINK id tag.
    void readStatusAndTags() {
        for (const auto& r : records("STATUS")) {
            InpLink* l = network.findLink(r.fields[0]);
            if (!l) network.warning(r.line, "status of unknown link '" + r.fields[0] + "' ignored");
            else if (r.fields.size() > 1) l->status = r.fields[1];
        }
        for (const auto& r : records("TAGS")) {
            if (r.fields.size() < 3) {
                network.error(r.line, "expected NODE or LINK, an id and a tag");
                continue;
            }
            const std::string what = inpUpper(r.fields[0]);
            InpLink* l = what == "LINK" ? network.findLink(r.fields[1]) : nullptr;
            auto n = what == "NODE" ? network.nodeIndex.find(r.fields[1]) : network.nodeIndex.end();
            if (l) l->attributes["tag"] = r.fields[2];
            else if (n != network.nodeIndex.end()) network.nodes[n->second].attributes["tag"] = r.fields[2];
            else network.warning(r.line, "tag for unknown " + r.fields[0] + " '" + r.fields[1] + "' ignored");
        }
    }
};
// Each link's flow from an EPANET report, as its "flow" attribute (the animation's flow direction).
void addLinkFlows(const std::string& reportPath, InpNetwork& network) {
    const std::map<std::string, double> flows = readEpanetLinkFlows(reportPath, network.problems);
    if (flows.empty()) return;
    size_t matched = 0;
    for (InpLink& link : network.links) {
        auto it = flows.find(link.id);
        if (it == flows.end()) continue;
        char text[32];
        std::snprintf(text, sizeof text, "%g", it->second);
        link.attributes["flow"] = text;
        ++matched;
    }
    if (matched < flows.size())
        network.problems.push_back(
            {Severity::Warning, reportPath, "",
             std::to_string(flows.size() - matched) + " link results name no link of " + network.path});
    network.notes.push_back("flows: " + std::to_string(matched) + " of " + std::to_string(network.links.size()) +
                            " links from " + reportPath);
}
}  // namespace

bool epanetClaims(const std::string& path) {
    // An .inp without SWMM sections (even an empty one) is EPANET's to read or reject.
    return lowerExtension(path) == ".inp" && !isSwmmInpFile(path);
}

LayerImport importEpanet(const LayerSpec& spec, const ImportContext& context) {
    InpNetwork network;
    network.path = spec.source;
    network.format = "EPANET";
    network.utility = spec.utility.value_or(UtilityKind::Water);
    auto file = readInpFile(spec.source, kSections, network.problems);
    if (!file) return assembleNetwork(network, spec, context);
    Reader reader{*file, network, readUnits(*file, network), spec.nodeElevation, defaultCoverM(network.utility)};
    network.usUnits = reader.units.us;
    network.notes.push_back("units: " + reader.units.flow +
                            (reader.units.us ? " (US: ft, diameters in inches)" : " (SI: m, diameters in mm)"));
    char coverText[64];
    std::snprintf(coverText, sizeof coverText, "%.2f m", reader.cover);
    network.notes.push_back(spec.nodeElevation == LayerSpec::NodeElevation::Ground
                                ? std::string("Z rule: node elevation = ground; pipe tops ") + coverText +
                                      " below (default cover)"
                                : "Z rule: node elevation = pipe centreline");
    network.reserve(*file, {"JUNCTIONS", "RESERVOIRS", "TANKS"}, {"PIPES", "PUMPS", "VALVES"});
    reader.readNodes();
    reader.readLinks();
    reader.shrinkOversizedConnectors();
    reader.readStatusAndTags();
    if (!spec.results.empty()) addLinkFlows(spec.results, network);
    readCoordinates(*file, network);
    network.coordinateGuess = guessInpCoordinates(*file);
    readVertices(*file, network);
    dropStrayVertices(network);
    if (!file->find("JUNCTIONS") && !file->find("PIPES"))
        network.error(1, "no [JUNCTIONS] or [PIPES] section: not an EPANET network");
    return assembleNetwork(network, spec, context);
}

std::optional<LayerProbe> probeEpanet(const std::string& path, std::string& error) {
    return probeInpFile(path, kSections, error);
}

}  // namespace subterra
