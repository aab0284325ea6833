#include "inp_network.h"

#include <cmath>

#include "crs.h"
#include "depth_rules.h"

namespace subterra {

void InpNetwork::reserve(const InpFile& file, const std::vector<std::string>& nodeSections,
                         const std::vector<std::string>& linkSections) {
    size_t nodeCount = 0, linkCount = 0;
    for (const auto& name : nodeSections) nodeCount += file.records(name).size();
    for (const auto& name : linkSections) linkCount += file.records(name).size();
    nodes.reserve(nodeCount);
    links.reserve(linkCount);
}

const InpNode* InpNetwork::findNode(const std::string& id) const {
    auto it = nodeIndex.find(id);
    return it == nodeIndex.end() ? nullptr : &nodes[it->second];
}

InpLink* InpNetwork::findLink(const std::string& id) {
    auto it = linkIndex.find(id);
    return it == linkIndex.end() ? nullptr : &links[it->second];
}

std::optional<double> InpNetwork::number(const InpRecord& record, size_t index, const char* what) {
    return inpNumber(record, index, what, path, problems);
}

std::optional<double> InpNetwork::optionalNumber(const InpRecord& record, size_t index, const char* what) {
    return index < record.fields.size() ? number(record, index, what) : std::nullopt;
}

std::optional<InpLink> InpNetwork::linkHeader(const InpRecord& record, const char* kind) {
    if (record.fields.size() < 3) {
        error(record.line, std::string(kind) + " '" + record.fields[0] + "': expected an id and two node ids");
        return std::nullopt;
    }
    InpLink link;
    link.id = record.fields[0];
    link.kind = kind;
    link.line = record.line;
    link.from = record.fields[1];
    link.to = record.fields[2];
    return link;
}

void InpNetwork::error(int line, const std::string& message) {
    problems.push_back({Severity::Error, path, lineWhere(line), message});
}
void InpNetwork::warning(int line, const std::string& message) {
    problems.push_back({Severity::Warning, path, lineWhere(line), message});
}

bool InpNetwork::addNode(InpNode node) {
    if (const InpNode* first = findNode(node.id)) {
        error(node.line, "duplicate node id '" + node.id + "' (first defined on line " + std::to_string(first->line) +
                             " as a " + first->kind + "): skipped");
        return false;
    }
    nodeIndex[node.id] = nodes.size();
    nodes.push_back(std::move(node));
    return true;
}

bool InpNetwork::addLink(InpLink link) {
    if (const InpLink* first = findLink(link.id)) {
        error(link.line, "duplicate link id '" + link.id + "' (first defined on line " + std::to_string(first->line) +
                             " as a " + first->kind + "): skipped");
        return false;
    }
    for (const std::string* end : {&link.from, &link.to})
        if (!findNode(*end)) {
            error(link.line, link.kind + " '" + link.id + "' joins unknown node '" + *end + "': skipped");
            return false;
        }
    linkIndex[link.id] = links.size();
    links.push_back(std::move(link));
    return true;
}

namespace {
// id x y records of one section; calls `add` for each good one.
template <typename Add>
void readPoints(const InpFile& file, const char* section, Problems& problems, Add add) {
    const InpSection* s = file.find(section);
    if (!s) return;
    for (const auto& record : s->records) {
        auto x = inpNumber(record, 1, "X-Coord", file.path, problems);
        auto y = x ? inpNumber(record, 2, "Y-Coord", file.path, problems) : std::nullopt;
        if (x && y) add(record, InpPoint{*x, *y});
    }
}
}  // namespace

void readCoordinates(const InpFile& file, InpNetwork& network) {
    readPoints(file, "COORDINATES", network.problems, [&](const InpRecord& record, InpPoint p) {
        const std::string& id = record.fields[0];
        if (!network.findNode(id)) network.warning(record.line, "coordinates for unknown node '" + id + "' ignored");
        else if (!network.coordinates.emplace(id, p).second)
            network.warning(record.line, "second coordinates for node '" + id + "' ignored");
    });
}

void readVertices(const InpFile& file, InpNetwork& network) {
    readPoints(file, "VERTICES", network.problems, [&](const InpRecord& record, InpPoint p) {
        const std::string& id = record.fields[0];
        if (!network.findLink(id)) network.warning(record.line, "vertex of unknown link '" + id + "' ignored");
        else network.vertices[id].push_back(p);
    });
}

void readPolygons(const InpFile& file, InpNetwork& network) {
    std::map<std::string, size_t> byId;
    for (size_t i = 0; i < network.areas.size(); ++i) byId.emplace(network.areas[i].id, i);
    readPoints(file, "POLYGONS", network.problems, [&](const InpRecord& record, InpPoint p) {
        auto area = byId.find(record.fields[0]);
        if (area == byId.end())
            network.warning(record.line, "polygon vertex of unknown subcatchment '" + record.fields[0] + "' ignored");
        else network.areas[area->second].outline.push_back(p);
    });
}

std::optional<LayerProbe> probeInpFile(const std::string& path, const std::vector<std::string>& knownSections,
                                       std::string& error) {
    Problems problems;
    auto file = readInpFile(path, knownSections, problems);
    if (!file) {
        error = problems.empty() ? "cannot be read" : problems.front().message;
        return std::nullopt;
    }
    LayerProbe probe;
    readPoints(*file, "COORDINATES", problems, [&](const InpRecord&, InpPoint p) {
        probe.extent.add(Vec3d{p.x, p.y, 0});
    });
    if (guessInpCoordinates(*file).degrees) probe.crsWkt = crsToWkt("EPSG:4326", error).value_or("");
    return probe;
}

namespace {
constexpr double kFootM = 0.3048;

// Moves file coordinates into the project CRS.
class Placement {
  public:
    Placement(const InpNetwork& network, const LayerSpec& spec, const ImportContext& context, LayerReport& report,
              Problems& problems) {
        const InpCoordinateGuess& guess = network.coordinateGuess;
        const std::string& declared = !spec.sourceCrs.empty() ? spec.sourceCrs : spec.fallbackCrs;
        if (!declared.empty()) {
            transformFrom(declared, network, context, report, problems);
            if (!failed_)
                report.notes.push_back("coordinates: in " + crsDisplayName(report.sourceCrsWkt) + " (declared by " +
                                       (spec.sourceCrs.empty() ? "--input-crs" : "the layer's \"crs\"") +
                                       (transform_->isIdentity() ? ")" : "), transformed to the project CRS"));
        } else if (guess.degrees) {
            transformFrom("EPSG:4326", network, context, report, problems);
            report.notes.push_back(guess.note);
        } else if (!context.declaredCrsWkt.empty()) {  // a project CRS in feet: the file's are in it
            transformFrom(context.declaredCrsWkt, network, context, report, problems);
            report.notes.push_back("coordinates: no CRS in the file; taken to be in the project CRS, " +
                                   crsDisplayName(context.declaredCrsWkt) + ", and converted to metres");
        } else if (network.usUnits) {
            scale_ = kFootM;
            report.notes.push_back("coordinates: no CRS in the file; taken as feet (US units) and scaled to metres");
        } else {
            report.notes.push_back("coordinates: no CRS in the file; taken as metres in the project CRS");
        }
        if (guess.schematic) report.notes.push_back(guess.note);
    }
    bool failed() const { return failed_; }
    // false when the CRS transformation fails.
    bool apply(std::vector<Vec3d>& points) const {
        for (auto& p : points) p.x *= scale_, p.y *= scale_;
        return !transform_ || transform_->apply(points);
    }

  private:
    // Without a project CRS (an importer called on its own), lon/lat go to their UTM zone.
    void transformFrom(const std::string& sourceCrs, const InpNetwork& network, const ImportContext& context,
                       LayerReport& report, Problems& problems) {
        std::string error;
        auto wkt = crsToWkt(sourceCrs, error);
        std::string target = context.projectCrsWkt;
        if (wkt && target.empty() && crsIsGeographic(*wkt)) {
            Extent extent;
            for (const auto& [id, p] : network.coordinates) extent.add(Vec3d{p.x, p.y, 0});
            if (extent.valid()) target = utmCrsFor(extent.centre().x, extent.centre().y);
        }
        if (wkt) transform_ = CrsTransform::create(*wkt, target, error);
        if (!transform_) {
            problems.push_back({Severity::Error, network.path, "crs", "layer CRS '" + sourceCrs + "': " + error});
            failed_ = true;
            return;
        }
        report.sourceCrsWkt = *wkt;
    }

    std::unique_ptr<CrsTransform> transform_;
    double scale_ = 1;
    bool failed_ = false;
};

Vec3d lerp(const Vec3d& a, const Vec3d& b, double t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
}

// The point at half the plan length of a polyline.
Vec3d midpoint(const std::vector<Vec3d>& points) {
    const double half = planLength(points) / 2;
    double walked = 0;
    for (size_t i = 1; i < points.size(); ++i) {
        const double step = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
        if (walked + step >= half && step > 0) return lerp(points[i - 1], points[i], (half - walked) / step);
        walked += step;
    }
    return points.front();
}

// z from zFrom at the first vertex to zTo at the last, in proportion to the plan length walked.
void setCentreline(std::vector<Vec3d>& points, double zFrom, double zTo) {
    const double total = planLength(points);
    double walked = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        if (i > 0) walked += std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
        points[i].z = total > 0 ? zFrom + (zTo - zFrom) * walked / total : zFrom;
    }
}

Node toModelNode(const InpNode& n, const Vec3d& position, const InpNetwork& network, const LayerSpec& spec) {
    Node node;
    node.id = n.id;
    node.layer = spec.name;
    node.utility = network.utility;
    node.kind = n.symbol;
    node.position = {position.x, position.y, n.groundZ};
    node.groundZ = n.groundZ;
    node.invertZ = n.invertZ;
    node.sizeM = n.sizeM;
    node.heightM = n.heightM;
    node.depthSource = network.format == std::string("SWMM") ? DepthSource::Invert : DepthSource::Assumed;
    node.attributes = n.attributes;
    node.attributes["type"] = n.kind;
    return node;
}

// A pump or valve drawn on its link, at the middle.
Node linkSymbol(const InpLink& link, const std::vector<Vec3d>& points, const InpNetwork& network,
                const LayerSpec& spec) {
    Node node;
    node.id = link.id;
    node.layer = spec.name;
    node.utility = network.utility;
    node.kind = *link.symbol;
    const Vec3d mid = midpoint(points);
    const double size = std::max(0.6, link.section.verticalExtentM() * 1.5);
    node.position = mid;
    node.groundZ = mid.z + size / 2;
    node.invertZ = mid.z - size / 2;
    node.sizeM = size;
    node.depthSource = link.depthSource;
    node.attributes = link.attributes;
    node.attributes["type"] = link.kind;
    return node;
}
// A subcatchment's outline as a ground patch, at the ground level of its outlet node (the network's
// own ground: SWMM rims) or, when the outlet is no placed node, at the context's ground.
std::optional<GroundPatch> placeArea(const InpArea& area, const Placement& placement,
                                     const std::map<std::string, Vec3d>& placed, InpNetwork& network,
                                     const LayerSpec& spec, const ImportContext& context) {
    if (area.outline.size() < 3) {
        network.warning(area.line, "subcatchment '" + area.id + "' has " + std::to_string(area.outline.size()) +
                                       " [POLYGONS] vertices (3 needed): not drawn");
        return std::nullopt;
    }
    GroundPatch patch;
    patch.id = area.id;
    patch.layer = spec.name;
    patch.landUse = area.landUse;
    patch.attributes = area.attributes;
    for (const auto& p : area.outline) patch.outline.push_back({p.x, p.y, 0});
    if (!placement.apply(patch.outline)) {
        network.error(area.line, "subcatchment '" + area.id + "': outline cannot be transformed: not drawn");
        return std::nullopt;
    }
    const InpNode* outlet = network.findNode(area.outlet);
    const bool outletPlaced = outlet && placed.count(area.outlet);
    const double ground = outletPlaced       ? outlet->groundZ
                          : context.groundAt ? context.groundAt(patch.outline[0].x, patch.outline[0].y)
                                             : 0.0;
    for (auto& p : patch.outline) p.z = ground;
    return patch;
}
}  // namespace

LayerImport assembleNetwork(InpNetwork& network, const LayerSpec& spec, const ImportContext& context) {
    LayerImport result;
    LayerReport& report = result.report;
    report.name = spec.name;
    report.source = spec.source;
    report.driver = network.format;
    report.geometryType = "network";
    report.utility = network.utility;
    report.notes = network.notes;
    Placement placement(network, spec, context, report, network.problems);
    if (placement.failed()) {
        result.problems = std::move(network.problems);
        return result;
    }
    long imported = 0;
    result.segments.reserve(network.links.size());
    result.nodes.reserve(network.nodes.size() + network.links.size() / 8);
    std::map<std::string, Vec3d> placed;  // node id -> project x, y
    for (const auto& [id, p] : network.coordinates) {
        std::vector<Vec3d> point{{p.x, p.y, 0}};
        if (placement.apply(point)) placed[id] = point[0];
        else
            network.error(network.nodes[network.nodeIndex[id]].line,
                          "node '" + id + "': coordinates cannot be transformed");
    }
    for (const auto& n : network.nodes) {
        report.countsByKind[n.kind + "s"]++;
        auto at = placed.find(n.id);
        if (at == placed.end()) {
            if (!network.coordinates.count(n.id))
                network.error(n.line, n.kind + " '" + n.id + "' has no [COORDINATES] entry: not drawn");
            continue;
        }
        result.nodes.push_back(toModelNode(n, at->second, network, spec));
        // A reservoir's level is its water head, a tank's its bottom (often on a tower), an
        // outfall's its invert: none is the ground.
        if (n.symbol != NodeKind::Reservoir && n.symbol != NodeKind::Tank && n.symbol != NodeKind::Outfall)
            result.ground.addNode(result.nodes.back().position);
        imported++;
        report.extent.add(result.nodes.back().position);
    }
    for (auto& link : network.links) {
        report.countsByKind[link.kind + "s"]++;
        auto from = placed.find(link.from), to = placed.find(link.to);
        if (from == placed.end() || to == placed.end()) {
            network.error(link.line, link.kind + " '" + link.id + "': node '" +
                                         (from == placed.end() ? link.from : link.to) + "' has no position: not drawn");
            continue;
        }
        std::vector<Vec3d> points{from->second};
        if (auto v = network.vertices.find(link.id); v != network.vertices.end()) {
            std::vector<Vec3d> inner;
            for (const auto& p : v->second) inner.push_back({p.x, p.y, 0});
            if (placement.apply(inner)) points.insert(points.end(), inner.begin(), inner.end());
            else
                network.warning(link.line, link.kind + " '" + link.id +
                                               "': vertices cannot be transformed into the project CRS: drawn "
                                               "straight between its nodes");
        }
        points.push_back(to->second);
        setCentreline(points, link.zFrom, link.zTo);
        imported++;
        if (link.symbol) result.nodes.push_back(linkSymbol(link, points, network, spec));
        if (planLength(points) <= 0) {
            report.countsByKind["zero-length " + link.kind + "s (symbol only)"]++;
            continue;
        }
        Segment segment;
        segment.id = link.id;
        segment.layer = spec.name;
        segment.utility = network.utility;
        segment.points = std::move(points);
        segment.section = link.section;
        segment.status = link.status;
        segment.depthSource = link.depthSource;
        segment.attributes = std::move(link.attributes);  // the link is not read again
        segment.attributes["type"] = link.kind;
        segment.attributes["from_node"] = link.from;
        segment.attributes["to_node"] = link.to;
        for (const auto& p : segment.points) report.extent.add(p);
        report.depthSources[size_t(segment.depthSource)]++;
        if (segment.section.assumed) report.assumedSections++;
        result.segments.push_back(std::move(segment));
    }
    for (const auto& area : network.areas) {
        report.countsByKind["subcatchments"]++;
        if (auto patch = placeArea(area, placement, placed, network, spec, context)) {
            for (const auto& p : patch->outline) report.extent.add(p);
            result.patches.push_back(std::move(*patch));
            imported++;
        }
    }
    for (const auto& [kind, count] : network.extraCounts) report.countsByKind[kind] = count;
    report.featuresRead = long(network.nodes.size() + network.links.size() + network.areas.size());
    report.featuresImported = imported;
    // Section headers alone (or sections of options and curves only) draw nothing: say so, as an
    // error, so that no command ends with success and an empty picture.
    if (report.featuresRead == 0 && !hasErrors(network.problems))
        network.problems.push_back(
            {Severity::Error, network.path, "", "no nodes, links or subcatchments: nothing to draw"});
    result.problems = std::move(network.problems);
    return result;
}

}  // namespace subterra
