#include "load_report.h"

#include <iomanip>
#include <sstream>

#include "crs.h"

namespace subterra {

namespace {
nlohmann::json extentJson(const Extent& e) {
    if (!e.valid()) return nullptr;
    return {{"min", {e.minX, e.minY, e.minZ}}, {"max", {e.maxX, e.maxY, e.maxZ}}};
}

nlohmann::json depthSourcesJson(const std::array<int, 4>& counts) {
    nlohmann::json json = nlohmann::json::object();
    for (size_t i = 0; i < counts.size(); ++i) json[toString(DepthSource(i))] = counts[i];
    return json;
}

nlohmann::json mappingJson(const AttributeMapping& mapping) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& info : mappingRoles()) {
        const FieldRef* ref = mapping.get(info.role);
        if (!ref) continue;
        nlohmann::json entry = {{"field", ref->field}, {"guessed", ref->guessed}};
        if (info.isLength) entry["unit"] = toString(ref->unit);
        json[info.key] = entry;
    }
    return json;
}

nlohmann::json layerJson(const LayerReport& layer) {
    return {{"name", layer.name},
            {"source", layer.source},
            {"table", layer.table},
            {"driver", layer.driver},
            {"type", toString(layer.type)},
            {"geometry", layer.geometryType},
            {"utility", toString(layer.utility)},
            {"crs",
             layer.sourceCrsWkt.empty() ? nlohmann::json(nullptr) : nlohmann::json(crsDisplayName(layer.sourceCrsWkt))},
            {"features_read", layer.featuresRead},
            {"features_imported", layer.featuresImported},
            {"extent", extentJson(layer.extent)},
            {"mapping", mappingJson(layer.mapping)},
            {"unused_fields", layer.unusedFields},
            {"depth_sources", depthSourcesJson(layer.depthSources)},
            {"assumed_sections", layer.assumedSections},
            {"counts", layer.countsByKind},
            {"notes", layer.notes},
            {"units", layer.units.empty() ? nlohmann::json(nullptr) : nlohmann::json(layer.units)}};
}

nlohmann::json problemJson(const Problem& p) {
    return {{"severity", p.severity == Severity::Error ? "error" : "warning"},
            {"file", p.file},
            {"where", p.where},
            {"message", p.message}};
}
}  // namespace

nlohmann::json loadReportJson(const LoadedInputs& inputs) {
    const LoadResult& load = inputs.load;
    nlohmann::json report;
    report["crs"] = {{"name", crsDisplayName(load.model.crsWkt)}, {"choice", load.crsChoice}};
    report["extent"] = extentJson(load.model.extent());
    if (load.terrain) {
        const TerrainReport& t = *load.terrain;
        report["terrain"] = {
            {"source", t.source},
            {"crs", t.sourceCrsWkt.empty() ? nlohmann::json(nullptr) : nlohmann::json(crsDisplayName(t.sourceCrsWkt))},
            {"source_size", t.sourceColumns > 0 ? nlohmann::json{t.sourceColumns, t.sourceRows}
                                                : nlohmann::json(nullptr)},  // null: not a raster
            {"grid_size", {t.columns, t.rows}},
            {"height_range", {t.minHeight, t.maxHeight}},
            {"height_unit", t.heightUnit.empty() ? nlohmann::json(nullptr) : nlohmann::json(t.heightUnit)}};
    } else {
        report["terrain"] = {
            {"flat_level_m", load.model.flatGroundZ},
            {"note", load.groundNote.empty() ? nlohmann::json(nullptr) : nlohmann::json(load.groundNote)}};
    }
    std::array<int, 4> totals{};
    report["layers"] = nlohmann::json::array();
    for (const auto& layer : load.layers) {
        report["layers"].push_back(layerJson(layer));
        if (layer.type == FeatureType::Segments)
            for (size_t i = 0; i < totals.size(); ++i) totals[i] += layer.depthSources[i];
    }
    report["totals"] = {
        {"segments", load.model.segments.size()},      {"nodes", load.model.nodes.size()},
        {"buildings", load.model.buildings.size()},    {"meshes", load.model.meshes.size()},
        {"ground_patches", load.model.patches.size()}, {"segment_depth_sources", depthSourcesJson(totals)}};
    report["problems"] = nlohmann::json::array();
    for (const auto& p : inputs.problems) report["problems"].push_back(problemJson(p));
    return report;
}

std::string loadReportText(const nlohmann::json& r) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(2);
    out << "CRS: " << r["crs"]["name"].get<std::string>() << " — " << r["crs"]["choice"].get<std::string>() << "\n";
    if (!r["extent"].is_null())
        out << "Extent: x " << r["extent"]["min"][0].get<double>() << " .. " << r["extent"]["max"][0].get<double>()
            << ", y " << r["extent"]["min"][1].get<double>() << " .. " << r["extent"]["max"][1].get<double>() << ", z "
            << r["extent"]["min"][2].get<double>() << " .. " << r["extent"]["max"][2].get<double>() << "\n";
    if (r["terrain"].contains("source")) {
        out << "Terrain: " << r["terrain"]["source"].get<std::string>() << " (";
        if (!r["terrain"]["source_size"].is_null())
            out << r["terrain"]["source_size"][0] << " x " << r["terrain"]["source_size"][1] << " pixels, CRS "
                << (r["terrain"]["crs"].is_null() ? std::string("none declared")
                                                  : r["terrain"]["crs"].get<std::string>())
                << "; ";
        out << r["terrain"]["grid_size"][0] << " x " << r["terrain"]["grid_size"][1] << " samples, heights "
            << r["terrain"]["height_range"][0].get<double>() << " .. " << r["terrain"]["height_range"][1].get<double>()
            << " m)\n";
        if (!r["terrain"]["height_unit"].is_null())
            out << "  heights: " << r["terrain"]["height_unit"].get<std::string>() << "\n";
    } else {
        out << "Terrain: flat at " << r["terrain"]["flat_level_m"].get<double>() << " m";
        if (!r["terrain"]["note"].is_null()) out << " (" << r["terrain"]["note"].get<std::string>() << ")";
        out << "\n";
    }
    for (const auto& layer : r["layers"]) {
        out << "\nLayer '" << layer["name"].get<std::string>() << "' (" << layer["source"].get<std::string>() << ", "
            << layer["driver"].get<std::string>() << ", table " << layer["table"].get<std::string>() << ")\n";
        out << "  " << layer["features_imported"] << " of " << layer["features_read"] << " features as "
            << layer["type"].get<std::string>() << " (" << layer["geometry"].get<std::string>() << "), utility "
            << layer["utility"].get<std::string>() << ", CRS "
            << (layer["crs"].is_null() ? std::string("none declared") : layer["crs"].get<std::string>()) << "\n";
        if (layer.contains("units") && !layer["units"].is_null())
            out << "  units: " << layer["units"].get<std::string>() << "\n";
        if (!layer["counts"].empty()) {
            out << "  contents:";
            for (const auto& [kind, count] : layer["counts"].items()) out << " " << count << " " << kind << ";";
            out << "\n";
        }
        out << "  mapping:";
        for (const auto& [role, entry] : layer["mapping"].items())
            out << " " << role << "=" << entry["field"].get<std::string>()
                << (entry.contains("unit") ? "[" + entry["unit"].get<std::string>() + "]" : "")
                << (entry["guessed"].get<bool>() ? "(guessed)" : "");
        if (layer.contains("unused_fields") && !layer["unused_fields"].empty()) {
            out << "\n  fields not used:";
            for (const auto& field : layer["unused_fields"]) out << " " << field.get<std::string>();
        }
        std::string depths;
        for (const auto& [source, count] : layer["depth_sources"].items())
            if (count.get<int>() > 0) depths += " " + source + " " + std::to_string(count.get<int>());
        if (layer["assumed_sections"].get<int>() > 0)
            depths += "; " + std::to_string(layer["assumed_sections"].get<int>()) + " with assumed size";
        out << "\n";
        if (!depths.empty()) out << "  depth from:" << depths << "\n";
        for (const auto& note : layer["notes"]) out << "  " << note.get<std::string>() << "\n";
    }
    const auto& t = r["totals"];
    out << "\nTotal: " << t["segments"] << " segments, " << t["nodes"] << " nodes, " << t["buildings"] << " buildings";
    if (t["meshes"].get<int>() > 0) out << ", " << t["meshes"] << " CAD meshes";
    if (t["ground_patches"].get<int>() > 0) out << ", " << t["ground_patches"] << " ground patches";
    out << "\n";
    return out.str();
}

}  // namespace subterra
