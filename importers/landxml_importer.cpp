#include "landxml_importer.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <pugixml.hpp>

#include "crs.h"
#include "source_crs.h"
#include "depth_rules.h"
#include "source_text.h"
#include "xml_source.h"

namespace subterra {

namespace {
// Metres per LandXML unit name (linearUnit, elevationUnit, diameterUnit).
std::optional<double> metresPerUnit(const std::string& name) {
    static const std::map<std::string, double> units{{"millimeter", 0.001},
                                                     {"centimeter", 0.01},
                                                     {"meter", 1.0},
                                                     {"kilometer", 1000.0},
                                                     {"inch", 0.0254},
                                                     {"foot", 0.3048},
                                                     {"USSurveyFoot", 1200.0 / 3937.0},
                                                     {"mile", 1609.344}};
    auto it = units.find(name);
    return it == units.end() ? std::nullopt : std::optional<double>(it->second);
}

struct Units {
    double linear = 1, elevation = 1, diameter = 0.001;
    std::string description = "not stated (metres, diameters in mm assumed)";
};

// The parsed document with what every element needs: where it is (line) and the units.
struct Source {
    const std::string& path;
    const std::string& text;
    Units units;
    Problems& problems;

    std::string where(const pugi::xml_node& node, const std::string& what) const {
        return what + " (" + lineAt(text, size_t(node.offset_debug())) + ")";
    }
    void problem(Severity severity, const pugi::xml_node& node, const std::string& what,
                 const std::string& message) const {
        problems.push_back({severity, path, where(node, what), message});
    }
    // A numeric attribute; nullopt (with a problem when present but not a finite number).
    std::optional<double> number(const pugi::xml_node& node, const char* attribute, const std::string& what) const {
        const pugi::xml_attribute a = node.attribute(attribute);
        if (!a) return std::nullopt;
        const char* text = a.value();
        char* end = nullptr;
        const double value = std::strtod(text, &end);
        if (end == text || *end != '\0' || !std::isfinite(value)) {
            problem(Severity::Error, node, what, std::string(attribute) + " '" + text + "' is not a number");
            return std::nullopt;
        }
        return value;
    }
};

Units readUnits(const pugi::xml_node& root, const std::string& path, Problems& problems) {
    Units units;
    const pugi::xml_node metric = root.child("Units").child("Metric");
    const pugi::xml_node imperial = root.child("Units").child("Imperial");
    const pugi::xml_node node = metric ? metric : imperial;
    if (!node) {
        problems.push_back({Severity::Warning, path, "Units", "no <Units>; metres and millimetre diameters assumed"});
        return units;
    }
    const std::string linear = node.attribute("linearUnit").as_string(metric ? "meter" : "foot");
    const std::string elevation = node.attribute("elevationUnit").as_string(linear.c_str());
    const std::string diameter = node.attribute("diameterUnit").as_string(metric ? "millimeter" : "inch");
    auto factor = [&](const std::string& name, double fallback) {
        if (auto f = metresPerUnit(name)) return *f;
        problems.push_back({Severity::Warning, path, "Units",
                            "unknown unit '" + name + "'; assumed " + (fallback == 1.0 ? "meter" : "foot")});
        return fallback;
    };
    const double base = metric ? 1.0 : 0.3048;
    units.linear = factor(linear, base);
    units.elevation = factor(elevation == "feet" ? "foot" : elevation, base);
    units.diameter = factor(diameter, metric ? 0.001 : 0.0254);
    units.description = std::string(metric ? "Metric" : "Imperial") + ": " + linear + ", elevations " + elevation +
                        ", diameters " + diameter;
    return units;
}

std::string declaredCrs(const pugi::xml_node& root, const std::string& path, Problems* problems) {
    const pugi::xml_node cs = root.child("CoordinateSystem");
    if (!cs) return {};
    std::string reference = cs.attribute("epsgCode").as_string();
    if (!reference.empty()) reference = "EPSG:" + reference;
    else reference = cs.attribute("ogcWktCode").as_string();
    if (reference.empty()) return {};
    std::string error;
    if (auto wkt = crsFromReference(reference, error)) return *wkt;
    if (problems) problems->push_back({Severity::Warning, path, "CoordinateSystem", error + "; ignored"});
    return {};
}

// <Center>northing easting</Center> (LandXML puts north first) -> x, y in file units.
std::optional<Vec3d> structCenter(const pugi::xml_node& s, const Source& source, const std::string& what) {
    const pugi::xml_node center = s.child("Center");
    if (!center) {
        source.problem(Severity::Error, s, what, "has no <Center>");
        return std::nullopt;
    }
    const std::string text = center.text().as_string();
    char* end = nullptr;
    const double north = std::strtod(text.c_str(), &end);
    const char* rest = end;
    const double east = std::strtod(rest, &end);
    if (rest == text.c_str() || end == rest || !std::isfinite(north) || !std::isfinite(east)) {
        source.problem(Severity::Error, center, what, "<Center> '" + text + "' is not \"northing easting\"");
        return std::nullopt;
    }
    return Vec3d{east, north, 0};
}

UtilityKind networkUtility(const pugi::xml_node& network, const LayerSpec& spec) {
    if (spec.utility) return *spec.utility;
    const std::string type = network.attribute("pipeNetType").as_string();
    if (type == "sanitary" || type == "combined") return UtilityKind::Sewer;
    if (auto kind = parseUtilityKind(type)) return *kind;
    if (auto kind = parseUtilityKind(network.attribute("name").as_string())) return *kind;
    return UtilityKind::Storm;  // Civil 3D's default network type is storm
}

struct StructInfo {
    Node node;
    std::map<std::string, double> invertByPipe;  // pipe name -> invert elevation (m)
};

class NetworkReader {
  public:
    NetworkReader(const Source& source, const LayerSpec& spec, LayerImport& result)
        : source_(source), spec_(spec), result_(result) {}

    void read(const pugi::xml_node& network) {
        utility_ = networkUtility(network, spec_);
        structs_.clear();
        structNames_.clear();
        for (const pugi::xml_node s : network.child("Structs").children("Struct")) readStruct(s);
        for (const pugi::xml_node p : network.child("Pipes").children("Pipe")) readPipe(p);
        for (auto& [name, info] : structs_) result_.nodes.push_back(std::move(info.node));
    }

  private:
    // Counts the element; its name, or "" when it has none or one already seen (reported).
    std::string elementName(const pugi::xml_node& node, const std::string& kind, std::set<std::string>& seen) {
        const std::string name = node.attribute("name").as_string();
        result_.report.countsByKind[kind]++;
        result_.report.featuresRead++;
        if (name.empty()) source_.problem(Severity::Error, node, kind, "has no name");
        else if (!seen.insert(name).second)
            source_.problem(Severity::Error, node, kind + " '" + name + "'", "duplicate name; the first one is used");
        else return name;
        return {};
    }

    void readStruct(const pugi::xml_node& s) {
        const std::string name = elementName(s, "Struct", structNames_);
        if (name.empty()) return;
        const std::string what = "Struct '" + name + "'";
        auto center = structCenter(s, source_, what);
        auto rim = source_.number(s, "elevRim", what);
        auto sump = source_.number(s, "elevSump", what);
        if (!center) return;
        if (!rim || !sump) return source_.problem(Severity::Error, s, what, "needs numeric elevRim and elevSump");
        StructInfo info;
        Node& node = info.node;
        node.id = name;
        node.layer = layerName();
        node.utility = utility_;
        node.kind = NodeKind::Manhole;
        node.position = {center->x, center->y, *rim * source_.units.elevation};
        node.groundZ = node.position.z;
        node.invertZ = *sump * source_.units.elevation;
        node.depthSource = DepthSource::Invert;
        if (auto d = source_.number(s.child("CircStruct"), "diameter", what)) node.sizeM = *d * source_.units.diameter;
        if (auto l = source_.number(s.child("RectStruct"), "length", what)) node.sizeM = *l * source_.units.diameter;
        for (const auto& attribute : s.attributes()) node.attributes[attribute.name()] = attribute.value();
        for (const pugi::xml_node invert : s.children("Invert"))
            if (auto elev = source_.number(invert, "elev", what))
                info.invertByPipe[invert.attribute("refPipe").as_string()] = *elev * source_.units.elevation;
        structs_.emplace(name, std::move(info));
    }

    // The pipe's invert where it meets a structure: its <Invert refPipe=...>, else the sump.
    std::optional<double> invertAt(const StructInfo& s, const std::string& pipe, const pugi::xml_node& node,
                                   const std::string& what) {
        auto it = s.invertByPipe.find(pipe);
        if (it != s.invertByPipe.end()) return it->second;
        source_.problem(Severity::Warning, node, what,
                        "Struct '" + s.node.id + "' gives no <Invert> for it; its sump level is used");
        return s.node.invertZ;
    }

    void readPipe(const pugi::xml_node& p) {
        const std::string name = elementName(p, "Pipe", pipeNames_);
        if (name.empty()) return;
        const std::string what = "Pipe '" + name + "'";
        const std::string from = p.attribute("refStart").as_string(), to = p.attribute("refEnd").as_string();
        const auto start = structs_.find(from), end = structs_.find(to);
        if (start == structs_.end() || end == structs_.end()) {
            const std::string missing = start == structs_.end() ? from : to;
            return source_.problem(Severity::Error, p, what,
                                   "refers to Struct '" + missing + "', which " +
                                       (structNames_.count(missing) ? "could not be read" : "is not in this network"));
        }
        Segment segment;
        segment.id = name;
        segment.layer = layerName();
        segment.utility = utility_;
        if (const pugi::xml_node circ = p.child("CircPipe")) {
            if (auto d = source_.number(circ, "diameter", what))
                segment.section.diameterM = *d * source_.units.diameter;
            segment.material = circ.attribute("material").as_string();
        } else if (const pugi::xml_node rect = p.child("RectPipe")) {
            segment.section.shape = CrossSection::Shape::Rectangular;
            if (auto w = source_.number(rect, "width", what)) segment.section.widthM = *w * source_.units.diameter;
            if (auto h = source_.number(rect, "height", what)) segment.section.heightM = *h * source_.units.diameter;
            segment.material = rect.attribute("material").as_string();
        }
        if (!segment.section.isKnown()) {
            source_.problem(Severity::Warning, p, what,
                            "no usable size (<CircPipe diameter> or <RectPipe width/height>); a default is used");
            segment.section = defaultSection(utility_);
        }
        for (const auto& attribute : p.attributes()) segment.attributes[attribute.name()] = attribute.value();
        segment.points = {start->second.node.position, end->second.node.position};
        SegmentLevels levels;
        levels.invertStart = invertAt(start->second, name, p, what);
        levels.invertEnd = invertAt(end->second, name, p, what);
        pending_.push_back({std::move(segment), levels});
    }

    std::string layerName() const { return spec_.name.empty() ? spec_.source : spec_.name; }

  public:
    struct PendingPipe {
        Segment segment;
        SegmentLevels levels;
    };
    std::vector<PendingPipe> pending_;

  private:
    const Source& source_;
    const LayerSpec& spec_;
    LayerImport& result_;
    UtilityKind utility_ = UtilityKind::Storm;
    std::map<std::string, StructInfo> structs_;
    std::set<std::string> structNames_, pipeNames_;
};

// Parses the file; nullopt (with a problem naming the line) when it is not well-formed LandXML.
bool loadDocument(const std::string& path, pugi::xml_document& document, std::string& text, Problems& problems) {
    if (!loadXmlDocument(path, document, text, problems)) return false;
    if (std::string(document.document_element().name()) != "LandXML") {
        problems.push_back(
            {Severity::Error, path, "",
             "not a LandXML file (root element is <" + std::string(document.document_element().name()) + ">)"});
        return false;
    }
    return true;
}
}  // namespace

bool claimsLandXml(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext != ".xml" && ext != ".landxml") return false;
    return fileHead(path).find("<LandXML") != std::string::npos;
}

std::optional<LayerProbe> probeLandXml(const std::string& path, std::string& error) {
    pugi::xml_document document;
    std::string text;
    Problems problems;
    if (!loadDocument(path, document, text, problems)) {
        error = problems.front().message;
        return std::nullopt;
    }
    return LayerProbe{declaredCrs(document.document_element(), path, nullptr), {}};
}

LayerImport importLandXml(const LayerSpec& spec, const ImportContext& context) {
    LayerImport result = newLayerImport(spec, "LandXML", FeatureType::Segments);
    LayerReport& report = result.report;
    report.geometryType = "PipeNetwork";
    pugi::xml_document document;
    std::string text;
    if (!loadDocument(spec.source, document, text, result.problems)) return result;
    const pugi::xml_node root = document.document_element();
    report.table = std::string("LandXML ") + root.attribute("version").as_string("1.2");
    Source source{spec.source, text, readUnits(root, spec.source, result.problems), result.problems};
    report.units = source.units.description;
    // Without any CRS the coordinates are local, in the file's units (scaled below).
    const std::string fileCrs = declaredCrs(root, spec.source, &result.problems);
    if (!fileCrs.empty() || !spec.sourceCrs.empty() || !spec.fallbackCrs.empty())
        if (!resolveSourceCrs(fileCrs, spec, context, report, result.problems)) return result;
    std::string error;
    auto transform = CrsTransform::create(report.sourceCrsWkt, context.projectCrsWkt, error);
    if (!transform) {
        result.problems.push_back({Severity::Error, spec.source, "", error});
        return result;
    }
    NetworkReader reader(source, spec, result);
    for (const pugi::xml_node network : root.child("PipeNetworks").children("PipeNetwork")) {
        report.countsByKind["PipeNetwork"]++;
        reader.read(network);
    }
    // Plan coordinates: through the CRS when one is declared, else file units -> metres.
    auto place = [&](std::vector<Vec3d>& points) {
        if (report.sourceCrsWkt.empty())
            for (auto& p : points) p.x *= source.units.linear, p.y *= source.units.linear;
        return transform->apply(points);
    };
    std::vector<Node> nodes;
    for (auto& node : result.nodes) {
        std::vector<Vec3d> at{node.position};
        if (!place(at)) {
            result.problems.push_back({Severity::Error, spec.source, "Struct '" + node.id + "'",
                                       "cannot be transformed into the project CRS"});
            continue;
        }
        node.position = at[0];
        result.ground.addNode(node.position);  // z = elevRim, the ground
        report.extent.add(node.position);
        report.extent.add(Vec3d{node.position.x, node.position.y, node.invertZ});
        nodes.push_back(std::move(node));
    }
    result.nodes = std::move(nodes);
    for (auto& pipe : reader.pending_) {
        if (!place(pipe.segment.points)) {
            result.problems.push_back({Severity::Error, spec.source, "Pipe '" + pipe.segment.id + "'",
                                       "cannot be transformed into the project CRS"});
            continue;
        }
        applyDepthRules(pipe.segment, false, pipe.levels, context.groundAt);
        report.depthSources[size_t(pipe.segment.depthSource)]++;
        for (const auto& p : pipe.segment.points) report.extent.add(p);
        result.segments.push_back(std::move(pipe.segment));
    }
    report.featuresImported = long(result.nodes.size() + result.segments.size());
    report.type = result.segments.empty() && !result.nodes.empty() ? FeatureType::Nodes : FeatureType::Segments;
    report.utility = result.segments.empty() ? UtilityKind::Other : result.segments.front().utility;
    if (report.countsByKind.empty())
        result.problems.push_back({Severity::Warning, spec.source, "", "no <PipeNetwork>; nothing imported"});
    return result;
}

}  // namespace subterra
