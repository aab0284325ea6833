#include "feature_converters.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <ogr_feature.h>
#include <ogr_geometry.h>

#include "feature_fields.h"
#include "geometry_parts.h"

namespace subterra {

namespace {
constexpr double kMaxDiameterM = 5.0;  // larger is a unit or typing error, not a pipe
constexpr double kMaxBuildingHeightM = 1000.0;

std::string featureId(OGRFeature& feature, const AttributeMapping& mapping) {
    std::string id = readText(feature, mapping.get(MappingRole::Id));
    return id.empty() ? "FID " + std::to_string(feature.GetFID()) : id;
}

std::map<std::string, std::string> allAttributes(OGRFeature& feature) {
    std::map<std::string, std::string> attributes;
    for (int i = 0; i < feature.GetFieldCount(); ++i)
        if (feature.IsFieldSetAndNotNull(i))
            attributes[feature.GetFieldDefnRef(i)->GetNameRef()] = feature.GetFieldAsString(i);
    return attributes;
}

UtilityKind featureUtility(OGRFeature& feature, const ConversionContext& context, const FeatureContext& where) {
    const std::string text = readText(feature, context.mapping.get(MappingRole::Utility));
    if (text.empty()) return context.layerUtility;
    if (auto kind = parseUtilityKind(text)) return *kind;
    where.warn("unknown utility kind '" + text + "'; using the layer's (" + toString(context.layerUtility) + ")");
    return context.layerUtility;
}

bool transformOrWarn(std::vector<Vec3d>& points, const ConversionContext& context, const FeatureContext& where) {
    if (context.transform.apply(points)) return true;
    where.warn("coordinates cannot be transformed into the project CRS; feature skipped");
    return false;
}

FeatureContext contextFor(OGRFeature& feature, const ConversionContext& context) {
    return FeatureContext{context.file, context.layer, featureId(feature, context.mapping), context.problems};
}

bool checkGeometry(OGRFeature& feature, const FeatureContext& where) {
    const OGRGeometry* geometry = feature.GetGeometryRef();
    if (geometry && !geometry->IsEmpty()) return true;
    where.warn(geometry ? "empty geometry; feature skipped" : "no geometry; feature skipped");
    return false;
}
}  // namespace

int convertLineFeature(OGRFeature& feature, const ConversionContext& context, std::vector<PendingSegment>& out) {
    const FeatureContext where = contextFor(feature, context);
    if (!checkGeometry(feature, where)) return 0;
    const OGRGeometry& geometry = *feature.GetGeometryRef();
    auto parts = lineParts(geometry);
    if (parts.empty()) {
        const OGRwkbGeometryType flat = OGR_GT_GetLinear(wkbFlatten(geometry.getGeometryType()));
        if (flat == wkbLineString || flat == wkbMultiLineString)
            where.warn("line has fewer than 2 distinct points; feature skipped");
        else where.warn("geometry is " + std::string(geometry.getGeometryName()) + ", not a line; feature skipped");
        return 0;
    }
    PendingSegment base;
    base.segment.layer = context.layer;
    base.segment.utility = featureUtility(feature, context, where);
    base.segment.material = readText(feature, context.mapping.get(MappingRole::Material));
    base.segment.status = readText(feature, context.mapping.get(MappingRole::Status));
    if (auto year = readNumber(feature, context.mapping.get(MappingRole::Year), where))
        base.segment.installYear = int(*year);
    base.segment.attributes = allAttributes(feature);
    base.rawDiameter = readNumber(feature, context.mapping.get(MappingRole::Diameter), where);
    const auto width = readLengthM(feature, context.mapping.get(MappingRole::Width), where, true);
    const auto height = readLengthM(feature, context.mapping.get(MappingRole::Height), where, true);
    if (width && height) {
        base.segment.section.shape = CrossSection::Shape::Rectangular;
        base.segment.section.widthM = *width;
        base.segment.section.heightM = *height;
    }
    if (auto wall = readLengthM(feature, context.mapping.get(MappingRole::WallThickness), where, true))
        base.segment.section.wallThicknessM = *wall;
    base.levels.invertStart = readLevelM(feature, context.mapping.get(MappingRole::InvertStart), where);
    const FieldRef* invertEnd = context.mapping.get(MappingRole::InvertEnd);
    const FieldRef* invertStart = context.mapping.get(MappingRole::InvertStart);
    base.levels.invertEnd = invertStart && invertEnd && invertStart->field == invertEnd->field
                                ? base.levels.invertStart  // one INVERT field for both ends: read (and warned) once
                                : readLevelM(feature, invertEnd, where);
    base.levels.coverM = readDepthM(feature, context.mapping.get(MappingRole::Cover), where);

    int made = 0;
    for (size_t i = 0; i < parts.size(); ++i) {
        PendingSegment pending = base;
        pending.segment.id = parts.size() == 1 ? where.featureId : where.featureId + "#" + std::to_string(i + 1);
        pending.hasRealZ = hasRealZ(parts[i], geometry.Is3D());
        pending.segment.points = std::move(parts[i]);
        if (!transformOrWarn(pending.segment.points, context, where)) continue;
        out.push_back(std::move(pending));
        ++made;
    }
    return made;
}

namespace {
// Nominal pipe sizes in inches (ASME/AWWA): a field holding almost only these, all small, is inches.
bool isNominalInchSize(double value) {
    static const double kSizes[] = {0.5, 0.75, 1,  1.25, 1.5, 2,  2.5, 3,  4,  5,  6,  8,  10, 12, 14,
                                    15,  16,   18, 20,   21,  24, 27,  30, 33, 36, 42, 48, 54, 60, 72};
    return std::any_of(std::begin(kSizes), std::end(kSizes), [value](double s) { return std::abs(value - s) < 1e-6; });
}

// A guessed diameter field's unit from its values, when its name does not say: pipes are 10 mm ..
// 5 m, so nominal inch sizes with a median under 25 are inches (PIPESIZE 2..12 is not 2..12 mm),
// and otherwise a median below 5 can only be metres (WNTR's GeoJSON writes metres in "diameter").
// `why` says what decided, for `info`.
LengthUnit inferDiameterUnit(const std::vector<PendingSegment>& pending, const FieldRef& ref, std::string& why) {
    if (ref.unitExplicit) return ref.unit;
    std::vector<double> values;
    for (const auto& p : pending)
        if (p.rawDiameter && *p.rawDiameter > 0) values.push_back(*p.rawDiameter);
    if (values.empty()) return ref.unit;
    const size_t inchSizes = size_t(std::count_if(values.begin(), values.end(), isNominalInchSize));
    const auto [lowest, highest] = std::minmax_element(values.begin(), values.end());
    const std::string range = formatNumber(*lowest) + " .. " + formatNumber(*highest);
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    const double median = values[values.size() / 2];
    if (inchSizes * 10 >= values.size() * 9 && median < 25) {
        why = "diameter: " + ref.field + " values " + range + " are nominal inch sizes: read as inches";
        return LengthUnit::Inch;
    }
    if (median < 5.0) {
        why = "diameter: " + ref.field + " values " + range + " (median " + formatNumber(median) +
              ") are too small for millimetres: read as metres";
        return LengthUnit::Metre;
    }
    return ref.unit;
}

void settleSection(PendingSegment& pending, LengthUnit unit, const ConversionContext& context) {
    CrossSection& section = pending.segment.section;
    if (section.shape == CrossSection::Shape::Rectangular) return;
    const FeatureContext where{context.file, context.layer, pending.segment.id, context.problems};
    if (pending.rawDiameter && *pending.rawDiameter != 0) {
        const double diameterM = toMetres(*pending.rawDiameter, unit);
        if (diameterM > 0 && diameterM <= kMaxDiameterM) {
            section.diameterM = diameterM;
            return;
        }
        where.warn("diameter " + formatNumber(*pending.rawDiameter) + " " + toString(unit) +
                   " is not plausible; a default size is drawn");
    }
    section = defaultSection(pending.segment.utility);
}
}  // namespace

std::vector<Segment> finishSegments(std::vector<PendingSegment> pending, const ConversionContext& context,
                                    LayerReport& report) {
    const FieldRef* diameterRef = context.mapping.get(MappingRole::Diameter);
    std::string why;
    LengthUnit unit = diameterRef ? inferDiameterUnit(pending, *diameterRef, why) : LengthUnit::Millimetre;
    if (!why.empty()) report.notes.push_back(why);
    if (diameterRef && unit != diameterRef->unit) {
        FieldRef corrected = *diameterRef;
        corrected.unit = unit;
        report.mapping.set(MappingRole::Diameter, corrected);
    }
    std::vector<Segment> segments;
    segments.reserve(pending.size());
    for (auto& p : pending) {
        settleSection(p, unit, context);
        applyDepthRules(p.segment, p.hasRealZ, p.levels, context.groundAt);
        report.depthSources[size_t(p.segment.depthSource)]++;
        if (p.segment.section.assumed) report.assumedSections++;
        for (const auto& point : p.segment.points) report.extent.add(point);
        segments.push_back(std::move(p.segment));
    }
    return segments;
}

int convertPointFeature(OGRFeature& feature, const ConversionContext& context, std::vector<Node>& out) {
    const FeatureContext where = contextFor(feature, context);
    if (!checkGeometry(feature, where)) return 0;
    auto points = pointParts(*feature.GetGeometryRef());
    if (points.empty() || !transformOrWarn(points, context, where)) {
        if (points.empty()) where.warn("geometry is not a point; feature skipped");
        return 0;
    }
    const bool is3D = feature.GetGeometryRef()->Is3D();
    Node base;
    base.layer = context.layer;
    base.utility = featureUtility(feature, context, where);
    const std::string kindText = readText(feature, context.mapping.get(MappingRole::NodeKind));
    base.kind = parseNodeKind(kindText).value_or(kindText.empty() ? NodeKind::Manhole : NodeKind::Other);
    base.attributes = allAttributes(feature);
    if (auto size = readLengthM(feature, context.mapping.get(MappingRole::Size), where, true)) base.sizeM = *size;
    const auto ground = readLevelM(feature, context.mapping.get(MappingRole::Ground), where);
    const auto invert = readLevelM(feature, context.mapping.get(MappingRole::Invert), where);
    const auto depth = readDepthM(feature, context.mapping.get(MappingRole::Depth), where);
    for (size_t i = 0; i < points.size(); ++i) {
        Node node = base;
        node.id = points.size() == 1 ? where.featureId : where.featureId + "#" + std::to_string(i + 1);
        node.position = points[i];
        const bool zIsGround = hasRealZ({points[i]}, is3D);
        node.groundZ = ground ? *ground : zIsGround ? points[i].z : context.groundAt(points[i].x, points[i].y);
        node.position.z = node.groundZ;
        if (ground || zIsGround) context.ground.addNode(node.position);
        if (invert) {
            node.invertZ = *invert;
            node.depthSource = DepthSource::Invert;
        } else if (depth) {
            node.invertZ = node.groundZ - *depth;
            node.depthSource = DepthSource::CoverDepth;
        } else {
            node.invertZ = node.groundZ - defaultCoverM(node.utility) - 0.5;
            node.depthSource = DepthSource::Assumed;
        }
        if (node.invertZ > node.groundZ) {
            where.warn("invert level is above the ground; drawn at the ground");
            node.invertZ = node.groundZ;
        }
        out.push_back(std::move(node));
    }
    return int(points.size());
}

int convertPolygonFeature(OGRFeature& feature, const ConversionContext& context, std::vector<Building>& out) {
    const FeatureContext where = contextFor(feature, context);
    if (!checkGeometry(feature, where)) return 0;
    auto polygons = polygonParts(*feature.GetGeometryRef());
    if (polygons.empty()) {
        where.warn("geometry is not a polygon; feature skipped");
        return 0;
    }
    Building base;
    base.layer = context.layer;
    base.attributes = allAttributes(feature);
    const auto height = readLengthM(feature, context.mapping.get(MappingRole::BuildingHeight), where, true);
    if (height && *height <= kMaxBuildingHeightM) base.heightM = *height;
    else if (height) where.warn("height " + formatNumber(*height) + " m is not plausible; 10 m drawn");
    if (auto basement = readLengthM(feature, context.mapping.get(MappingRole::BasementDepth), where, true))
        base.basementDepthM = *basement;
    int made = 0;
    const bool is3D = feature.GetGeometryRef()->Is3D();
    for (size_t i = 0; i < polygons.size(); ++i) {
        Building building = base;
        const bool realBase = hasRealZ(polygons[i].outer, is3D);
        building.id = polygons.size() == 1 ? where.featureId : where.featureId + "#" + std::to_string(i + 1);
        building.footprint = std::move(polygons[i].outer);
        building.holes = std::move(polygons[i].holes);
        if (!transformOrWarn(building.footprint, context, where)) continue;
        for (auto& hole : building.holes) transformOrWarn(hole, context, where);
        double lowest = 1e300;
        if (realBase) {  // a footprint with heights (CityGML LoD0, a 3D shapefile) stands where it says
            for (const auto& p : building.footprint) lowest = std::min(lowest, p.z);
            context.ground.addBuilding(building.footprint, lowest);
        } else {
            for (const auto& p : building.footprint) lowest = std::min(lowest, context.groundAt(p.x, p.y));
        }
        building.baseZ = lowest;  // sits on its lowest corner: never floats above a slope
        out.push_back(std::move(building));
        ++made;
    }
    return made;
}

namespace {
// A line in project coordinates widened to a band: its outer rings (a band round a loop has a
// hole; the patch is drawn without it). GDAL's buffer (GEOS) does the geometry.
std::vector<std::vector<Vec3d>> bandAround(const std::vector<Vec3d>& line, double widthM) {
    OGRLineString string;
    for (const auto& p : line) string.addPoint(p.x, p.y);
    std::unique_ptr<OGRGeometry> band(string.Buffer(widthM / 2, 4));
    std::vector<std::vector<Vec3d>> rings;
    if (band)
        for (auto& polygon : polygonParts(*band)) rings.push_back(std::move(polygon.outer));
    return rings;
}
}  // namespace

int convertGroundCoverFeature(OGRFeature& feature, const ConversionContext& context, PatchKind kind, double lineWidthM,
                              std::vector<GroundPatch>& out) {
    const FeatureContext where = contextFor(feature, context);
    if (!checkGeometry(feature, where)) return 0;
    const OGRGeometry& geometry = *feature.GetGeometryRef();
    std::vector<std::vector<Vec3d>> outlines;
    for (auto& polygon : polygonParts(geometry))
        if (transformOrWarn(polygon.outer, context, where)) outlines.push_back(std::move(polygon.outer));
    if (outlines.empty()) {
        const double width =
            readLengthM(feature, context.mapping.get(MappingRole::Width), where, true).value_or(lineWidthM);
        for (auto& line : lineParts(geometry))
            if (transformOrWarn(line, context, where))
                for (auto& ring : bandAround(line, width)) outlines.push_back(std::move(ring));
    }
    if (outlines.empty()) {
        where.warn("neither a line nor a polygon; not drawn");
        return 0;
    }
    int made = 0;
    for (auto& outline : outlines) {
        if (outline.size() < 3) continue;
        GroundPatch patch;
        patch.id = outlines.size() == 1 ? where.featureId : where.featureId + "#" + std::to_string(made + 1);
        patch.layer = context.layer;
        patch.kind = kind;
        patch.attributes = allAttributes(feature);
        const double level = context.groundAt(outline.front().x, outline.front().y);
        for (auto& p : outline) p.z = level;
        patch.outline = std::move(outline);
        out.push_back(std::move(patch));
        ++made;
    }
    return made;
}

}  // namespace subterra
