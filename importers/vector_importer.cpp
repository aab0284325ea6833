#include "vector_importer.h"

#include <cctype>
#include <cpl_conv.h>
#include <strings.h>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>

#include "dxf_entities.h"
#include "feature_converters.h"
#include "gdal_drivers.h"
#include "layer_window.h"
#include "layer_names.h"
#include "source_crs.h"

namespace subterra {

namespace {
struct DatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

DatasetPtr openVector(const std::string& source, std::string& error) {
    ensureGdalDrivers();
    resetGdalErrors();
    GDALDataset* dataset =
        GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!dataset) {
        VSIStatBufL stat;
        const bool isConnection = source.rfind("PG:", 0) == 0;
        if (!isConnection && VSIStatL(source.c_str(), &stat) != 0) error = "file not found";
        else {
            const std::string detail = gdalErrorsSinceReset();
            error = "cannot read as vector data" + (detail.empty() ? std::string() : " (" + detail + ")");
        }
    }
    return DatasetPtr(dataset);
}

OGRLayer* findLayer(GDALDataset& dataset, const std::string& table, std::string& error) {
    if (table.empty()) {
        if (dataset.GetLayerCount() == 1) return dataset.GetLayer(0);
        error =
            dataset.GetLayerCount() == 0 ? "contains no vector layer" : "has several layers; name one with \"table\"";
        return nullptr;
    }
    OGRLayer* layer = dataset.GetLayerByName(table.c_str());
    if (!layer) error = "has no layer '" + table + "'";
    return layer;
}

std::string layerCrsWkt(OGRLayer& layer) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) return {};
    char* wkt = nullptr;
    srs->exportToWkt(&wkt);
    std::string result = wkt ? wkt : "";
    CPLFree(wkt);
    return result;
}

std::optional<FeatureType> typeFromGeometry(OGRwkbGeometryType type) {
    const OGRwkbGeometryType flat = OGR_GT_GetLinear(wkbFlatten(type));
    if (flat == wkbLineString || flat == wkbMultiLineString) return FeatureType::Segments;
    if (flat == wkbPoint || flat == wkbMultiPoint) return FeatureType::Nodes;
    if (flat == wkbPolygon || flat == wkbMultiPolygon) return FeatureType::Buildings;
    return std::nullopt;  // unknown/geometry collection: decided per feature is not supported
}

// Layers that declare no single geometry type (CSV with WKT, mixed GeoJSON) are typed by their
// first usable geometry.
std::optional<FeatureType> typeFromFirstGeometry(OGRLayer& layer) {
    layer.ResetReading();
    for (auto& feature : layer) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) continue;
        if (auto type = typeFromGeometry(geometry->getGeometryType())) return type;
    }
    return std::nullopt;
}

// What the layer holds and what the user should be told about how that was decided: the
// spec's utility, else a word of the table, layer, OGR layer or file name (a GeoJSON's OGR layer
// is named after its file: "water_mains"), else of a field name ("HYDRANT_NO").
struct LayerContent {
    LayerTheme theme = LayerTheme::Utility;
    UtilityKind utility = UtilityKind::Other;
    std::string note;
    std::string why;  // "the name 'roads' (word 'road')"
};

LayerContent layerContent(const LayerSpec& spec, const std::string& ogrLayerName,
                          const std::vector<std::string>& fields) {
    if (spec.utility) return {LayerTheme::Utility, *spec.utility, "", "the project"};
    const std::string fileName = CPLGetBasename(spec.source.c_str());
    for (const std::string& name : {spec.table, spec.name, ogrLayerName, fileName}) {
        const auto reading = name.empty() ? std::nullopt : readLayerName(name);
        if (!reading || (reading->theme != LayerTheme::Utility && spec.type)) continue;
        const std::string why = "the name '" + name + "' (word '" + reading->word + "')";
        if (reading->theme == LayerTheme::Utility)
            return {LayerTheme::Utility, *reading->utility,
                    std::string("utility '") + toString(*reading->utility) + "' inferred from " + why +
                        "; set \"utility\" to change it",
                    why};
        return {reading->theme, UtilityKind::Other,
                std::string("read as ") + toString(reading->theme) + " (context, not a utility network) from " + why +
                    "; set \"utility\" to draw it as a network",
                why};
    }
    for (const std::string& field : fields)
        if (const auto reading = readLayerName(field); reading && reading->utility)
            return {LayerTheme::Utility, *reading->utility,
                    std::string("utility '") + toString(*reading->utility) + "' inferred from the field '" + field +
                        "' (word '" + reading->word + "'); set \"utility\" to change it",
                    "the field '" + field + "'"};
    const std::string shown = !spec.name.empty() ? spec.name : !spec.table.empty() ? spec.table : ogrLayerName;
    return {LayerTheme::Utility, UtilityKind::Other,
            "utility not recognised in the name '" + shown +
                "' or its fields: drawn as 'other'; set \"utility\" to classify it",
            ""};
}

// The mapping for this layer: the project's entries, --field entries whose field the layer has
// (matched without regard to case), then guesses for the rest.
AttributeMapping layerMapping(const LayerSpec& spec, const std::vector<std::string>& fields, unsigned use) {
    AttributeMapping mapping = spec.mapping;
    for (const auto& [role, ref] : spec.fieldOverrides.fields)
        for (const auto& field : fields)
            if (strcasecmp(field.c_str(), ref.field.c_str()) == 0) {
                FieldRef matched = ref;
                matched.field = field;
                mapping.set(role, matched);
            }
    return guessMapping(fields, mapping, use);
}

// The fields no mapping role reads: `info` lists them, so a user sees what could be mapped.
std::vector<std::string> unusedFields(const std::vector<std::string>& fields, const AttributeMapping& mapping) {
    std::vector<std::string> unused;
    for (const auto& field : fields) {
        bool used = false;
        for (const auto& [role, ref] : mapping.fields) used = used || ref.field == field;
        if (!used) unused.push_back(field);
    }
    return unused;
}

// How wide a line of context is drawn on the ground when no width field says.
double bandWidthM(LayerTheme theme) {
    switch (theme) {
        case LayerTheme::Road: return 7.0;       // a two-lane street
        case LayerTheme::WaterBody: return 3.0;  // a stream
        default: return 0.4;                     // a boundary line
    }
}

PatchKind patchKindFor(LayerTheme theme) {
    switch (theme) {
        case LayerTheme::Road: return PatchKind::Road;
        case LayerTheme::WaterBody: return PatchKind::Water;
        default: return PatchKind::Parcel;
    }
}

std::vector<std::string> fieldNames(OGRLayer& layer) {
    std::vector<std::string> names;
    OGRFeatureDefn* definition = layer.GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) names.push_back(definition->GetFieldDefn(i)->GetNameRef());
    return names;
}

}  // namespace

std::vector<std::string> listVectorLayers(const std::string& source, std::string& error) {
    std::vector<std::string> names;
    DatasetPtr dataset = openVector(source, error);
    if (!dataset) return names;
    for (int i = 0; i < dataset->GetLayerCount(); ++i) names.push_back(dataset->GetLayer(i)->GetName());
    if (names.empty()) error = "contains no vector layer";
    return names;
}

std::optional<LayerProbe> probeVectorLayer(const std::string& source, const std::string& table, std::string& error) {
    DatasetPtr dataset = openVector(source, error);
    if (!dataset) return std::nullopt;
    OGRLayer* layer = findLayer(*dataset, table, error);
    if (!layer) return std::nullopt;
    LayerProbe probe;
    probe.crsWkt = layerCrsWkt(*layer);
    OGREnvelope envelope;
    if (layer->GetExtent(&envelope, TRUE) == OGRERR_NONE) {
        probe.extent.add(Vec3d{envelope.MinX, envelope.MinY, 0});
        probe.extent.add(Vec3d{envelope.MaxX, envelope.MaxY, 0});
    }
    return probe;
}

LayerImport newLayerImport(const LayerSpec& spec, const std::string& driver, FeatureType type) {
    LayerImport result;
    result.report.name = spec.name;
    result.report.source = spec.source;
    result.report.table = spec.table;
    result.report.driver = driver;
    result.report.type = type;
    return result;
}

LayerImport importVectorLayer(const LayerSpec& spec, const ImportContext& context) {
    LayerImport result = newLayerImport(spec, "", FeatureType::Segments);
    LayerReport& report = result.report;
    auto fail = [&](const std::string& message) {
        const std::string& shown = !spec.name.empty() ? spec.name : !report.table.empty() ? report.table : spec.table;
        result.problems.push_back(
            {Severity::Error, spec.source, shown.empty() ? "" : "layer '" + shown + "'", message});
        return result;
    };
    std::string error;
    DatasetPtr dataset = openVector(spec.source, error);
    if (!dataset) return fail(error);
    SqlResult sqlResult =
        spec.gis.sql.empty() ? SqlResult(nullptr, {dataset.get()}) : runSql(*dataset, spec.gis.sql, error);
    OGRLayer* layer = spec.gis.sql.empty() ? findLayer(*dataset, spec.table, error) : sqlResult.get();
    if (!layer) return fail(error);
    report.table = spec.gis.sql.empty() ? layer->GetName() : "SQL: " + spec.gis.sql;
    report.driver = dataset->GetDriver() ? dataset->GetDriver()->GetDescription() : "";
    report.geometryType = OGRGeometryTypeToName(layer->GetGeomType());
    const bool isDxf = report.driver == "DXF";  // one mixed "entities" layer: its lines are what we draw
    auto geometryType = isDxf && !spec.type ? std::optional<FeatureType>(FeatureType::Segments)
                                            : typeFromGeometry(layer->GetGeomType());
    if (!geometryType && !spec.type) geometryType = typeFromFirstGeometry(*layer);
    if (spec.type && geometryType && *spec.type != *geometryType)
        return fail("layer has " + report.geometryType + " geometry, but is given as " + toString(*spec.type));
    if (!spec.type && !geometryType && layer->GetFeatureCount(TRUE) == 0) {
        result.problems.push_back(
            {Severity::Warning, spec.source, "layer '" + report.table + "'", "layer is empty; nothing imported"});
        return result;
    }
    if (!spec.type && !geometryType)
        return fail("cannot tell the feature type from geometry '" + report.geometryType + "'; set \"type\"");
    report.type = spec.type ? *spec.type : *geometryType;
    const std::vector<std::string> fields = fieldNames(*layer);
    const LayerContent content = layerContent(spec, report.table, fields);
    report.utility = content.utility;
    if (!content.note.empty()) report.notes.push_back(content.note);
    if (content.theme == LayerTheme::Skip ||
        (content.theme != LayerTheme::Utility && report.type == FeatureType::Nodes)) {
        result.problems.push_back({Severity::Warning, spec.source, "layer '" + report.table + "'",
                                   std::string("not drawn: read as ") + toString(content.theme) + " from " +
                                       content.why + ", not a utility network; set \"utility\" to draw it as one"});
        return result;
    }
    const bool groundCover = content.theme != LayerTheme::Utility;
    if (groundCover) report.type = FeatureType::GroundCover;
    const unsigned use = report.type == FeatureType::Segments || groundCover ? kForSegments
                         : report.type == FeatureType::Nodes                 ? kForNodes
                                                                             : kForBuildings;
    report.mapping = layerMapping(spec, fields, use);
    if (groundCover) {  // a road reads its id and width; a "diameter" would only mislead in `info`
        AttributeMapping kept;
        for (const auto& [role, ref] : report.mapping.fields)
            if (role == MappingRole::Id || role == MappingRole::Width) kept.set(role, ref);
        report.mapping = kept;
    }
    report.unusedFields = unusedFields(fields, report.mapping);
    const auto sourceCrs = resolveSourceCrs(layerCrsWkt(*layer), spec, context, report, result.problems);
    if (!sourceCrs) return result;
    auto transform = CrsTransform::create(*sourceCrs, context.projectCrsWkt, error);
    if (!transform) return fail(error);
    if (spec.gis.bbox && !applyBoundingBox(*layer, *spec.gis.bbox, context.projectCrsWkt, *sourceCrs, error))
        return fail(error);

    const std::string& layerName = spec.name.empty() ? report.table : spec.name;
    const ConversionContext conversion{spec.source,      layerName,  report.utility,  report.mapping,
                                       context.groundAt, *transform, result.problems, result.ground};
    std::vector<PendingSegment> pending;
    layer->ResetReading();
    for (auto& feature : *layer) {
        report.featuresRead++;
        int made = 0;
        if (groundCover)
            made = convertGroundCoverFeature(*feature, conversion, patchKindFor(content.theme),
                                             bandWidthM(content.theme), result.patches);
        else if (isDxf && report.type == FeatureType::Segments)
            made = convertDxfEntity(*feature, conversion, spec.gis, pending, report);
        else if (report.type == FeatureType::Segments) made = convertLineFeature(*feature, conversion, pending);
        else if (report.type == FeatureType::Nodes) made = convertPointFeature(*feature, conversion, result.nodes);
        else made = convertPolygonFeature(*feature, conversion, result.buildings);
        if (made > 0) report.featuresImported++;
    }
    result.segments = finishSegments(std::move(pending), conversion, report);
    for (const auto& node : result.nodes) {
        report.depthSources[size_t(node.depthSource)]++;
        report.extent.add(Vec3d{node.position.x, node.position.y, node.invertZ});
        report.extent.add(node.position);
    }
    for (const auto& patch : result.patches)
        for (const auto& p : patch.outline) report.extent.add(p);
    for (const auto& building : result.buildings)
        for (const auto& p : building.footprint) report.extent.add(Vec3d{p.x, p.y, building.baseZ + building.heightM});
    if (report.featuresRead > 0 && report.featuresImported == 0)
        result.problems.push_back({Severity::Error, spec.source, "layer '" + layerName + "'",
                                   "none of " + std::to_string(report.featuresRead) + " features could be used"});
    return result;
}

const char* toString(FeatureType type) {
    switch (type) {
        case FeatureType::Segments: return "segments";
        case FeatureType::Nodes: return "nodes";
        case FeatureType::Buildings: return "buildings";
        case FeatureType::Meshes: return "meshes";
        case FeatureType::GroundCover: return "ground cover";
    }
    return "segments";
}

std::optional<FeatureType> parseFeatureType(const std::string& text) {
    if (text == "segments" || text == "lines" || text == "pipes") return FeatureType::Segments;
    if (text == "nodes" || text == "points" || text == "manholes") return FeatureType::Nodes;
    if (text == "buildings" || text == "polygons") return FeatureType::Buildings;
    return std::nullopt;
}

}  // namespace subterra
