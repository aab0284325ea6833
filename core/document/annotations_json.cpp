// The project file's "annotations" object <-> Annotations (format: docs/project-format.md).
#include <cmath>

#include "annotations_json.h"
#include "json_reader.h"
#include "color.h"

namespace subterra {

const char* toString(MeasurementKind kind) {
    switch (kind) {
        case MeasurementKind::Distance: return "distance";
        case MeasurementKind::Horizontal: return "horizontal";
        case MeasurementKind::Vertical: return "vertical";
        case MeasurementKind::DepthBelowGround: return "depth";
        case MeasurementKind::Clearance: return "clearance";
    }
    return "distance";
}

std::optional<MeasurementKind> parseMeasurementKind(const std::string& text) {
    for (auto kind : {MeasurementKind::Distance, MeasurementKind::Horizontal, MeasurementKind::Vertical,
                      MeasurementKind::DepthBelowGround, MeasurementKind::Clearance})
        if (text == toString(kind)) return kind;
    return std::nullopt;
}

namespace {
void readColor(const JsonReader& json, const char* key, AnnotationColor& color) {
    auto text = json.string(key);
    if (!text) return;
    if (*text == "none") {
        color[3] = 0;
        return;
    }
    if (auto parsed = parseHexColor(*text)) color = *parsed;
    else json.errorAt(key, "expected a colour like \"#1f5fd6\" or \"none\"");
}

LabelStyle readStyle(const JsonReader& json, LabelStyle style) {
    if (!json.value().is_object()) {
        json.error("expected an object");
        return style;
    }
    if (auto font = json.string("font")) style.font = *font;
    if (auto size = json.number("size_px")) {
        if (*size >= 4 && *size <= 200) style.sizePx = *size;
        else json.errorAt("size_px", "must be between 4 and 200 pixels");
    }
    readColor(json, "color", style.color);
    readColor(json, "background", style.background);
    readColor(json, "leader_color", style.leaderColor);
    json.warnUnknownKeys({"font", "size_px", "color", "background", "leader_color"});
    return style;
}

LabelStyle readOptionalStyle(const JsonReader& entry, const LabelStyle& defaults) {
    return entry.has("style") ? readStyle(entry.child("style"), defaults) : defaults;
}

// An anchor is [x, y, z] or {"layer": ..., "id": ..., "at": [x, y, z]} ("at" optional).
std::optional<AnnotationAnchor> readAnchor(const JsonReader& entry, const char* key) {
    if (!entry.has(key)) {
        entry.errorAt(key, "missing: expected [x, y, z] or {\"layer\": ..., \"id\": ...}");
        return std::nullopt;
    }
    AnnotationAnchor anchor;
    if (entry.at(key).is_array()) {
        auto point = entry.vec3(key);
        if (!point) return std::nullopt;
        anchor.point = Vec3d{(*point)[0], (*point)[1], (*point)[2]};
        return anchor;
    }
    const JsonReader json = entry.child(key);
    if (!json.value().is_object()) {
        json.error("expected [x, y, z] or {\"layer\": ..., \"id\": ...}");
        return std::nullopt;
    }
    anchor.layer = json.string("layer").value_or("");
    anchor.featureId = json.string("id").value_or("");
    if (anchor.layer.empty() || anchor.featureId.empty()) {
        json.error("a feature anchor needs \"layer\" and \"id\"");
        return std::nullopt;
    }
    if (auto at = json.vec3("at")) anchor.point = Vec3d{(*at)[0], (*at)[1], (*at)[2]};
    json.warnUnknownKeys({"layer", "id", "at"});
    return anchor;
}

bool isObjectEntry(const JsonReader& entry) {
    if (entry.value().is_object()) return true;
    entry.error("expected an object");
    return false;
}

std::optional<Callout> readCallout(const JsonReader& entry) {
    if (!isObjectEntry(entry)) return std::nullopt;
    auto anchor = readAnchor(entry, "anchor");
    auto text = entry.string("text");
    if (!text && !entry.has("text")) entry.errorAt("text", "missing: a callout needs a text");
    if (!anchor || !text) return std::nullopt;
    Callout callout;
    callout.anchor = *anchor;
    callout.text = *text;
    if (entry.has("offset_px")) {
        const auto& offset = entry.at("offset_px");
        if (offset.is_array() && offset.size() == 2 && offset[0].is_number() && offset[1].is_number() &&
            std::isfinite(offset[0].get<double>()) && std::isfinite(offset[1].get<double>())) {
            callout.offsetXPx = offset[0].get<double>();
            callout.offsetYPx = offset[1].get<double>();
        } else {
            entry.errorAt("offset_px", "expected [x, y] in pixels");
        }
    }
    callout.alwaysOnTop = entry.boolean("always_on_top").value_or(true);
    callout.style = readOptionalStyle(entry, callout.style);
    callout.id = entry.string("id").value_or("");
    entry.warnUnknownKeys({"id", "anchor", "text", "offset_px", "always_on_top", "style"});
    return callout;
}

std::optional<LayerLabels> readLayerLabels(const JsonReader& entry) {
    if (!isObjectEntry(entry)) return std::nullopt;
    auto layer = entry.string("layer");
    auto text = entry.string("text");
    if (!layer || layer->empty()) entry.errorAt("layer", "missing: which layer to label");
    if (!text && !entry.has("text")) entry.errorAt("text", "missing: a label template such as \"{id}\"");
    if (!layer || layer->empty() || !text) return std::nullopt;
    LayerLabels labels;
    labels.layer = *layer;
    labels.text = *text;
    labels.alwaysOnTop = entry.boolean("always_on_top").value_or(true);
    labels.style = readOptionalStyle(entry, labels.style);
    entry.warnUnknownKeys({"layer", "text", "always_on_top", "style"});
    return labels;
}

std::optional<TitleCard> readTitle(const JsonReader& entry) {
    if (!isObjectEntry(entry)) return std::nullopt;
    TitleCard title;
    title.title = entry.string("text").value_or("");
    title.subtitle = entry.string("subtitle").value_or("");
    title.style = readOptionalStyle(entry, title.style);
    entry.warnUnknownKeys({"text", "subtitle", "style"});
    if (title.title.empty() && title.subtitle.empty()) return std::nullopt;
    return title;
}

std::optional<Measurement> readMeasurement(const JsonReader& entry) {
    if (!isObjectEntry(entry)) return std::nullopt;
    auto type = entry.string("type");
    if (!type) {
        if (!entry.has("type")) entry.errorAt("type", "missing: distance, horizontal, vertical, depth or clearance");
        return std::nullopt;
    }
    auto kind = parseMeasurementKind(*type);
    if (!kind) {
        entry.errorAt("type",
                      "unknown measurement '" + *type + "' (use distance, horizontal, vertical, depth or clearance)");
        return std::nullopt;
    }
    Measurement measurement;
    measurement.kind = *kind;
    const bool single = *kind == MeasurementKind::DepthBelowGround;
    auto a = readAnchor(entry, single ? "at" : "a");
    std::optional<AnnotationAnchor> b = single ? AnnotationAnchor{} : readAnchor(entry, "b");
    if (!a || !b) return std::nullopt;
    measurement.a = *a;
    measurement.b = *b;
    const bool needsPoints = *kind != MeasurementKind::Clearance;
    if (needsPoints && (!a->point || (!single && !b->point))) {
        entry.error(std::string("a ") + *type + " measurement needs points ([x, y, z] or a feature with \"at\")");
        return std::nullopt;
    }
    if (!needsPoints && (!a->isFeature() || !b->isFeature())) {
        entry.error("a clearance measurement needs two pipes: {\"layer\": ..., \"id\": ...}");
        return std::nullopt;
    }
    measurement.style = readOptionalStyle(entry, measurement.style);
    measurement.id = entry.string("id").value_or("");
    entry.warnUnknownKeys({"id", "type", "a", "b", "at", "style"});
    return measurement;
}

template <typename T, typename Read>
void readArray(const JsonReader& json, const char* key, std::vector<T>& out, Read read) {
    if (!json.has(key)) return;
    const JsonReader array = json.child(key);
    if (!array.value().is_array()) {
        array.error("expected an array");
        return;
    }
    for (size_t i = 0; i < array.value().size(); ++i)
        if (auto item = read(array.element(i))) out.push_back(std::move(*item));
}

Annotations readAnnotations(const JsonReader& json) {
    Annotations annotations;
    if (!json.value().is_object()) {
        json.error("expected an object with callouts, layer_labels, title, measurements");
        return annotations;
    }
    readArray(json, "callouts", annotations.callouts, readCallout);
    readArray(json, "layer_labels", annotations.layerLabels, readLayerLabels);
    readArray(json, "measurements", annotations.measurements, readMeasurement);
    if (json.has("title")) annotations.title = readTitle(json.child("title"));
    json.warnUnknownKeys({"callouts", "layer_labels", "title", "measurements"});
    return annotations;
}

// ---- saving ----

void writeColor(nlohmann::json& json, const char* key, const AnnotationColor& color, const AnnotationColor& byDefault) {
    if (color == byDefault) json.erase(key);
    else json[key] = color[3] <= 0 ? std::string("none") : toHexColor(color);
}

// Only what differs from the default is written, so a project stays short and readable.
void mergeStyle(nlohmann::json& entry, const LabelStyle& style, const LabelStyle& defaults) {
    nlohmann::json json =
        entry.contains("style") && entry["style"].is_object() ? entry["style"] : nlohmann::json::object();
    if (style.font != defaults.font) json["font"] = style.font;
    else json.erase("font");
    if (style.sizePx != defaults.sizePx) json["size_px"] = style.sizePx;
    else json.erase("size_px");
    writeColor(json, "color", style.color, defaults.color);
    writeColor(json, "background", style.background, defaults.background);
    writeColor(json, "leader_color", style.leaderColor, defaults.leaderColor);
    if (json.empty()) entry.erase("style");
    else entry["style"] = std::move(json);
}

nlohmann::json anchorJson(const AnnotationAnchor& anchor) {
    if (!anchor.isFeature()) {
        const Vec3d p = anchor.point.value_or(Vec3d{});
        return {p.x, p.y, p.z};
    }
    nlohmann::json json = {{"layer", anchor.layer}, {"id", anchor.featureId}};
    if (anchor.point) json["at"] = {anchor.point->x, anchor.point->y, anchor.point->z};
    return json;
}

// Entries are rewritten in order; entry i keeps the unknown keys of the old entry i.
template <typename T, typename Write>
void mergeArray(nlohmann::json& json, const char* key, const std::vector<T>& items, Write write) {
    const nlohmann::json old = json.contains(key) && json[key].is_array() ? json[key] : nlohmann::json::array();
    nlohmann::json array = nlohmann::json::array();
    for (size_t i = 0; i < items.size(); ++i) {
        nlohmann::json entry = i < old.size() && old[i].is_object() ? old[i] : nlohmann::json::object();
        write(entry, items[i]);
        array.push_back(std::move(entry));
    }
    if (array.empty()) json.erase(key);
    else json[key] = std::move(array);
}

void mergeAnnotations(nlohmann::json& json, const Annotations& annotations) {
    if (!json.is_object()) json = nlohmann::json::object();
    mergeArray(json, "callouts", annotations.callouts, [](nlohmann::json& entry, const Callout& callout) {
        if (!callout.id.empty()) entry["id"] = callout.id;
        entry["anchor"] = anchorJson(callout.anchor);
        entry["text"] = callout.text;
        entry["offset_px"] = {callout.offsetXPx, callout.offsetYPx};
        entry["always_on_top"] = callout.alwaysOnTop;
        mergeStyle(entry, callout.style, LabelStyle{});
    });
    mergeArray(json, "layer_labels", annotations.layerLabels, [](nlohmann::json& entry, const LayerLabels& labels) {
        entry["layer"] = labels.layer;
        entry["text"] = labels.text;
        entry["always_on_top"] = labels.alwaysOnTop;
        mergeStyle(entry, labels.style, LayerLabels{}.style);
    });
    mergeArray(json, "measurements", annotations.measurements, [](nlohmann::json& entry, const Measurement& m) {
        if (!m.id.empty()) entry["id"] = m.id;
        entry["type"] = toString(m.kind);
        if (m.kind == MeasurementKind::DepthBelowGround) {
            entry["at"] = anchorJson(m.a);
            entry.erase("a");
            entry.erase("b");
        } else {
            entry["a"] = anchorJson(m.a);
            entry["b"] = anchorJson(m.b);
            entry.erase("at");
        }
        mergeStyle(entry, m.style, Measurement{}.style);
    });
    if (annotations.title) {
        nlohmann::json& title = json["title"];
        if (!title.is_object()) title = nlohmann::json::object();
        title["text"] = annotations.title->title;
        if (!annotations.title->subtitle.empty()) title["subtitle"] = annotations.title->subtitle;
        else title.erase("subtitle");
        mergeStyle(title, annotations.title->style, titleCardStyle());
    } else {
        json.erase("title");
    }
}

}  // namespace

void readAnnotationsSection(const JsonReader& root, Annotations& annotations) {
    if (root.has("annotations")) annotations = readAnnotations(root.child("annotations"));
}

void writeAnnotationsSection(nlohmann::json& root, const Annotations& annotations) {
    if (!annotations.empty() || root.contains("annotations")) mergeAnnotations(root["annotations"], annotations);
    if (root["annotations"].empty()) root.erase("annotations");
}

}  // namespace subterra
