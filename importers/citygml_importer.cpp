#include "citygml_importer.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <citygml/citygml.h>
#include <citygml/citygmllogger.h>
#include <citygml/citymodel.h>
#include <citygml/envelope.h>
#include <memory>
#include <set>

#include "building_bounds.h"
#include "citygml_objects.h"
#include "citygml_srs.h"
#include "citygml_xml.h"
#include "source_crs.h"
#include "source_text.h"
#include "xml_source.h"

namespace subterra {

namespace {
// Enough for the root element with its many namespace declarations and a leading comment.
constexpr size_t kHeadBytes = 64 * 1024;
// Bridges, tunnels and other structures with more surfaces than this are counted, not drawn.
constexpr size_t kSimpleSurfaces = 5000;
constexpr double kDefaultHeightM = 10;

// libcitygml's errors, kept to be reported as problems (it logs to stdout otherwise).
class CollectingLogger : public citygml::CityGMLLogger {
  public:
    CollectingLogger() : CityGMLLogger(LOGLEVEL::LL_ERROR) {}
    void log(LOGLEVEL, const std::string& message, const char*, int) const override { messages.push_back(message); }
    mutable std::vector<std::string> messages;
};

struct CityGmlFile {
    pugi::xml_document xml;
    std::string text;
    std::string version;  // "1.0" or "2.0"
    std::shared_ptr<const citygml::CityModel> model;
};

bool loadCityGml(const std::string& path, CityGmlFile& file, Problems& problems) {
    if (!loadXmlDocument(path, file.xml, file.text, problems)) return false;
    file.version = cityGmlRootVersion(file.text.substr(0, kHeadBytes));
    const auto fail = [&](const std::string& message) {
        problems.push_back({Severity::Error, path, "", message});
        return false;
    };
    if (file.version.empty())
        return fail("not a CityGML file: the root element <" + std::string(file.xml.document_element().name()) +
                    "> is not a CityModel in a CityGML 1.0 or 2.0 namespace");
    if (file.version == "3.0")
        return fail(
            "CityGML 3.0 is not read (libcitygml 2.4 reads CityGML 1.0 and 2.0): convert it to CityGML 2.0 "
            "(citygml-tools) or to CityJSON, then import that");
    citygml::ParserParams params;
    params.tesselate = false;    // the scene triangulates surfaces with their holes itself
    params.keepVertices = true;  // rings keep their points when not tesselated
    auto logger = std::make_shared<CollectingLogger>();
    try {
        file.model = citygml::load(path, params, logger);
    } catch (...) {  // xerces throws SAXParseException, not derived from std::exception
        file.model = nullptr;
    }
    constexpr size_t kMaxMessages = 20;
    for (size_t i = 0; i < std::min(logger->messages.size(), kMaxMessages); ++i)
        problems.push_back({Severity::Warning, path, "", "libcitygml: " + logger->messages[i]});
    if (!file.model) return fail("libcitygml could not read it as CityGML " + file.version);
    return true;
}

// The file's srsName as WKT, with a note saying what was read; empty when there is none or it
// cannot be used (a warning says so, and the layer "crs" / --input-crs / project CRS apply).
std::string declaredCrs(const CityGmlFile& file, const std::string& path, Problems* problems, LayerReport* report) {
    const std::string srsName = firstSrsName(file.xml);
    if (srsName.empty()) return {};
    std::string error;
    const auto srs = cityGmlSrs(srsName, error);
    const auto wkt = srs ? crsToWkt(srs->reference, error) : std::nullopt;
    if (!wkt) {
        if (problems) problems->push_back({Severity::Warning, path, "srsName", error + "; ignored"});
        return {};
    }
    if (report)
        report->notes.push_back("srsName '" + srsName + "' read as " + crsDisplayName(*wkt) +
                                (srs->heights.empty() ? "" : "; heights " + srs->heights + " (kept as they are)"));
    return *wkt;
}

std::string listed(const std::map<std::string, long>& counts) {
    std::string text;
    for (const auto& [type, count] : counts) text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + type;
    return text;
}

// Structures drawn from their surfaces like buildings when they are simple enough.
bool isStructure(const std::string& type) {
    static const std::set<std::string> structures{
        "Bridge", "BridgePart",    "BridgeInstallation", "BridgeConstructionElement",
        "Tunnel", "CityFurniture", "GenericCityObject",  "BuildingInstallation"};
    return structures.count(type) > 0;
}

// gml:id, or "<type> <n>" when the file gave none (libcitygml makes "genID_<path>_<line>_<column>").
std::string readableId(const std::string& id, const std::string& type, std::map<std::string, long>& unnamed) {
    if (id.rfind("genID_", 0) != 0) return id;
    return type + " " + std::to_string(++unnamed[type]);
}

// bldg:measuredHeight as libcitygml keeps it (lower case, with the file's prefix: "bldg:measuredheight").
std::string measuredHeightOf(const citygml::CityObject& object) {
    const std::string name = "measuredheight";
    for (const auto& [key, value] : object.getAttributes()) {
        std::string lower = key;
        for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
        if (lower.size() >= name.size() && lower.compare(lower.size() - name.size(), name.size(), name) == 0)
            return value.asString();
    }
    return {};
}

// A building with a LoD0 footprint (or roof edge) only: a block from the outline's own z.
bool footprintBuilding(Building& building, const std::vector<Lod0Outline>& outlines, double measuredHeightM) {
    const Lod0Outline* largest = nullptr;
    for (const auto& o : outlines)
        if (!largest || planArea(o.outer) > planArea(largest->outer)) largest = &o;
    if (!largest) return false;
    building.footprint = largest->outer;
    building.holes = largest->holes;
    building.baseZ = 1e300;
    for (const auto& p : building.footprint) building.baseZ = std::min(building.baseZ, p.z);
    building.heightM = measuredHeightM > 0 ? measuredHeightM : kDefaultHeightM;
    return true;
}

// True when `data` lies within `area` widened by `margin` times its size on each side.
bool within(const Extent& data, const Extent& area, double margin) {
    const double marginX = (area.maxX - area.minX) * margin + 1, marginY = (area.maxY - area.minY) * margin + 1;
    return data.maxX >= area.minX - marginX && data.minX <= area.maxX + marginX && data.maxY >= area.minY - marginY &&
           data.minY <= area.maxY + marginY;
}

// One warning when the coordinates lie far outside where their CRS is used, or outside the file's
// own Envelope: local coordinates (0..25 m) in a file that declares a UTM CRS, say.
void checkInArea(const Extent& data, const std::string& crsWkt, const citygml::Envelope& envelope,
                 const std::string& path, Problems& problems) {
    if (!data.valid()) return;
    auto range = [](double a, double b) { return std::to_string(long(a)) + ".." + std::to_string(long(b)); };
    std::string where;
    if (const auto area = crsAreaOfUse(crsWkt); area && !within(data, *area, 0.5)) {
        where = "far outside where " + crsDisplayName(crsWkt) + " is used (x " + range(area->minX, area->maxX) +
                ", y " + range(area->minY, area->maxY) + ")";
    } else if (envelope.validBounds() && (envelope.getUpperBound().x > envelope.getLowerBound().x ||
                                          envelope.getUpperBound().y > envelope.getLowerBound().y)) {
        Extent box;
        box.add(Vec3d{envelope.getLowerBound().x, envelope.getLowerBound().y, 0});
        box.add(Vec3d{envelope.getUpperBound().x, envelope.getUpperBound().y, 0});
        if (!within(data, box, 1.0))
            where = "outside the file's own Envelope (x " + range(box.minX, box.maxX) + ", y " +
                    range(box.minY, box.maxY) + ")";
    }
    if (where.empty()) return;
    problems.push_back({Severity::Warning, path, "",
                        "coordinates x " + range(data.minX, data.maxX) + ", y " + range(data.minY, data.maxY) +
                            " are " + where +
                            ": they look local, not in the declared CRS; declare their CRS with the layer's "
                            "\"crs\" or --input-crs"});
}
// Turns the file's city objects into buildings (and simple structures drawn like them), counting
// what it does not draw, for one note per cause.
struct ObjectReader {
    ObjectReader(const LayerSpec& spec_, const CrsTransform& transform_,
                 std::map<std::string, std::vector<Lod0Outline>> lod0_, LayerImport& result_)
        : spec(spec_), transform(transform_), lod0(std::move(lod0_)), result(result_) {}

    const LayerSpec& spec;
    const CrsTransform& transform;
    std::map<std::string, std::vector<Lod0Outline>> lod0;
    LayerImport& result;
    std::map<std::string, long> notDrawn, structures, unnamed;
    std::set<std::string> geometryKinds;
    long noGeometry = 0, footprintsOnly = 0, defaultHeights = 0, badPolygons = 0;
    Extent sourceExtent;

    void read(const citygml::CityObject& object) {
        const std::string type = object.getTypeAsString();
        LayerReport& report = result.report;
        report.countsByKind[type]++;
        const bool isBuilding = type == "Building";
        if (!isBuilding && !isStructure(type)) {
            notDrawn[type]++;
            return;
        }
        if (isBuilding) report.featuresRead++;
        Building building;
        building.id = readableId(object.getId(), type, unnamed);
        building.layer = spec.name.empty() ? spec.source : spec.name;
        for (const auto& [key, value] : object.getAttributes()) building.attributes[key] = value.asString();
        building.attributes["type"] = type;
        if (!shape(object, isBuilding, building)) {
            if (isBuilding) ++noGeometry;
            else notDrawn[type]++;
            return;
        }
        if (!place(building)) {
            result.problems.push_back({Severity::Error, spec.source, type + " '" + building.id + "'",
                                       "cannot be transformed into the project CRS"});
            return;
        }
        if (isBuilding) {
            result.ground.addBuilding(building.footprint, building.baseZ);
            report.featuresImported++;
        } else {
            structures[type]++;
        }
        for (const auto& p : building.footprint) report.extent.add(p);
        for (const auto& s : building.surfaces)
            for (const auto& p : s.outer) report.extent.add(p);
        result.buildings.push_back(std::move(building));
    }

    // Its surfaces at the highest LoD, else (buildings) its LoD0 footprint; false when neither.
    bool shape(const citygml::CityObject& object, bool isBuilding, Building& building) {
        CityGmlSurfaces found = cityGmlSurfaces(object);
        badPolygons += found.badPolygons;
        if (found.parts > 0) result.report.countsByKind["parts (BuildingPart, BridgePart...)"] += found.parts;
        if (!found.surfaces.empty() && (isBuilding || found.surfaces.size() <= kSimpleSurfaces)) {
            building.surfaces = std::move(found.surfaces);
            building.attributes["lod"] = std::to_string(found.lod);
            geometryKinds.insert("LoD" + std::to_string(found.lod) + " surfaces");
            return true;
        }
        const auto footprint = lod0.find(object.getId());
        const std::string measuredHeight = measuredHeightOf(object);
        if (!isBuilding || footprint == lod0.end() ||
            !footprintBuilding(building, footprint->second, std::atof(measuredHeight.c_str())))
            return false;
        building.attributes["lod"] = "0";
        geometryKinds.insert("LoD0 footprints");
        ++footprintsOnly;
        if (measuredHeight.empty()) ++defaultHeights;
        return true;
    }

    // Into the project CRS; the bounding prism of a surface model follows.
    bool place(Building& building) {
        for (const auto& p : building.footprint) sourceExtent.add(p);
        bool transformed = transform.apply(building.footprint);
        for (auto& hole : building.holes) transformed = transformed && transform.apply(hole);
        forEachRing(building, [&](std::vector<Vec3d>& ring) {
            for (const auto& p : ring) sourceExtent.add(p);
            transformed = transformed && transform.apply(ring);
        });
        if (transformed && !building.surfaces.empty()) settleBoundingPrism(building);
        return transformed;
    }

    void finish(const std::string& crsWkt, const citygml::Envelope& envelope) {
        LayerReport& report = result.report;
        Problems& problems = result.problems;
        for (const auto& kind : geometryKinds) report.geometryType += (report.geometryType.empty() ? "" : ", ") + kind;
        checkInArea(sourceExtent, crsWkt, envelope, spec.source, problems);
        if (footprintsOnly > 0)
            report.notes.push_back(
                (footprintsOnly == 1 ? std::string("1 building has")
                                     : std::to_string(footprintsOnly) + " buildings have") +
                " a LoD0 footprint only: drawn as a block standing at the footprint's z" +
                (defaultHeights > 0 ? ", " + std::to_string(defaultHeights) + " of them 10 m high (no measuredHeight)"
                                    : std::string()));
        if (!structures.empty())
            report.notes.push_back("drawn from their surfaces like buildings (not part of the ground): " +
                                   listed(structures));
        if (!notDrawn.empty())
            report.notes.push_back("not drawn: " + listed(notDrawn) +
                                   " (transportation, land use, water, vegetation and relief objects are not drawn "
                                   "from CityGML, nor structures without surfaces or with over " +
                                   std::to_string(kSimpleSurfaces) + ")");
        if (badPolygons > 0)
            problems.push_back({Severity::Warning, spec.source, "",
                                std::to_string(badPolygons) + " polygons with fewer than 3 distinct points left out"});
        if (noGeometry > 0)
            problems.push_back({Severity::Warning, spec.source, "",
                                std::to_string(noGeometry) +
                                    " buildings have no geometry that can be drawn (no LoD0 footprint, no LoD1-4 "
                                    "surfaces)"});
        if (report.featuresRead == 0 && result.buildings.empty())
            problems.push_back({Severity::Warning, spec.source, "", "no building with geometry; nothing imported"});
    }
};
}  // namespace

bool claimsCityGml(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext != ".gml" && ext != ".xml" && ext != ".citygml") return false;
    return !cityGmlRootVersion(fileHead(path, kHeadBytes)).empty();
}

std::optional<LayerProbe> probeCityGml(const std::string& path, std::string& error) {
    Problems problems;
    CityGmlFile file;
    if (!loadCityGml(path, file, problems)) {
        error = problems.empty() ? "cannot be read" : problems.back().message;
        return std::nullopt;
    }
    LayerProbe probe;
    probe.crsWkt = declaredCrs(file, path, nullptr, nullptr);
    for (const auto* object : file.model->getRootCityObjects())
        for (const auto& surface : cityGmlSurfaces(*object).surfaces)
            for (const auto& p : surface.outer) probe.extent.add(p);
    for (const auto& [id, outlines] : lod0Outlines(file.xml))
        for (const auto& o : outlines)
            for (const auto& p : o.outer) probe.extent.add(p);
    return probe;
}

LayerImport importCityGml(const LayerSpec& spec, const ImportContext& context) {
    LayerImport result = newLayerImport(spec, "CityGML", FeatureType::Buildings);
    CityGmlFile file;
    if (!loadCityGml(spec.source, file, result.problems)) return result;
    result.report.table = "CityGML " + file.version;
    auto source = sourceTransform(declaredCrs(file, spec.source, &result.problems, &result.report), spec, context,
                                  result.report, result.problems);
    if (!source) return result;
    ObjectReader reader(spec, *source->transform, lod0Outlines(file.xml), result);
    for (const auto* object : file.model->getRootCityObjects()) reader.read(*object);
    reader.finish(source->crsWkt, file.model->getEnvelope());
    return result;
}

}  // namespace subterra
