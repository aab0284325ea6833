#include "gis_layer_options_reader.h"

#include <regex>

namespace subterra {

namespace {
void readBbox(const JsonReader& layer, GisLayerOptions& options) {
    const auto& value = layer.at("bbox");
    bool ok = value.is_array() && value.size() == 4;
    std::array<double, 4> box{};
    for (size_t i = 0; ok && i < 4; ++i) {
        ok = value[i].is_number();
        if (ok) box[i] = value[i].get<double>();
    }
    if (!ok || box[0] >= box[2] || box[1] >= box[3]) {
        layer.errorAt("bbox", "expected [minx, miny, maxx, maxy] with min < max");
        return;
    }
    options.bbox = box;
}

void readDxfLayers(const JsonReader& rules, GisLayerOptions& options) {
    if (!rules.value().is_object()) return rules.error("expected an object of DXF layer patterns");
    for (const auto& item : rules.value().items()) {
        const JsonReader entry = rules.child(item.key().c_str());
        if (!entry.value().is_object()) {
            entry.error("expected {\"utility\": ..., \"diameter_mm\": ...}");
            continue;
        }
        DxfLayerRule rule;
        rule.pattern = item.key();
        if (auto utility = entry.string("utility")) {
            rule.utility = parseUtilityKind(*utility);
            if (!rule.utility) entry.errorAt("utility", "unknown utility kind '" + *utility + "'");
        }
        if (auto diameter = entry.number("diameter_mm")) {
            if (*diameter > 0) rule.diameterMm = *diameter;
            else entry.errorAt("diameter_mm", "must be positive");
        }
        entry.warnUnknownKeys({"utility", "diameter_mm"});
        options.dxfLayers.push_back(std::move(rule));
    }
}
}  // namespace

void readGisLayerOptions(const JsonReader& layer, GisLayerOptions& options) {
    if (auto sql = layer.string("sql")) options.sql = *sql;
    if (layer.has("bbox")) readBbox(layer, options);
    if (layer.has("dxf_layers")) readDxfLayers(layer.child("dxf_layers"), options);
    if (auto pattern = layer.string("dxf_diameter_pattern")) {
        try {
            if (std::regex(*pattern).mark_count() < 1)
                layer.errorAt("dxf_diameter_pattern", "needs a group for the diameter, e.g. \"DN(\\\\d+)\"");
            else options.dxfDiameterPattern = *pattern;
        } catch (const std::regex_error&) {
            layer.errorAt("dxf_diameter_pattern", "not a valid regular expression");
        }
    }
}

}  // namespace subterra
