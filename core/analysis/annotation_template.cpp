#include "annotation_template.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "feature_lookup.h"

namespace subterra {

namespace {
// Derived numbers as short decimals (1.85, not 1.8499999); a format spec can ask for more or less.
std::string number(double value) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", std::round(value * 1000.0) / 1000.0);
    return text;
}

void addSegmentFields(const Model& model, const Segment& s, TemplateFields& fields) {
    fields["utility"] = toString(s.utility);
    fields["material"] = s.material;
    fields["status"] = s.status;
    if (s.installYear > 0) fields["install_year"] = std::to_string(s.installYear);
    if (s.section.shape == CrossSection::Shape::Circular && s.section.diameterM > 0) {
        fields["diameter_mm"] = number(s.section.diameterM * 1000.0);
        fields["diameter_m"] = number(s.section.diameterM);
    } else if (s.section.widthM > 0) {
        fields["width_mm"] = number(s.section.widthM * 1000.0);
        fields["height_mm"] = number(s.section.heightM * 1000.0);
    }
    if (s.points.empty()) return;
    const SegmentFacts facts = segmentFacts(model, s);
    fields["length_m"] = number(facts.length3dM);
    fields["depth_m"] = number((facts.depthStartM + facts.depthEndM) / 2);
    fields["cover_m"] = number((facts.coverStartM + facts.coverEndM) / 2);
}

// Python-style spec [width][.precision][type] -> printf conversion; false when malformed.
bool printfFormat(const std::string& spec, std::string& format, bool& integer) {
    size_t i = 0;
    std::string width, precision;
    while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) width += spec[i++];
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) precision += spec[i++];
        if (precision.empty()) return false;
    }
    char type = 'g';
    if (i < spec.size()) type = spec[i++];
    if (i != spec.size() || width.size() > 2 || precision.size() > 2) return false;
    if (type != 'f' && type != 'd' && type != 'e' && type != 'g') return false;
    integer = type == 'd';
    if (integer && !precision.empty()) return false;
    format = "%" + width + (precision.empty() ? "" : "." + precision) + (integer ? "lld" : std::string(1, type));
    return true;
}

// Formats one value; `error` set (and the raw value returned) when spec or value do not fit.
std::string applySpec(const std::string& name, const std::string& value, const std::string& spec, std::string& error) {
    if (spec.empty()) return value;
    std::string format;
    bool integer = false;
    if (!printfFormat(spec, format, integer)) {
        error = "{" + name + ":" + spec + "}: unsupported format (use e.g. .1f, .0f, d, 8.2f)";
        return value;
    }
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(number)) {
        error = "{" + name + ":" + spec + "}: '" + value + "' is not a number";
        return value;
    }
    char text[128];
    if (integer) std::snprintf(text, sizeof text, format.c_str(), static_cast<long long>(std::llround(number)));
    else std::snprintf(text, sizeof text, format.c_str(), number);
    return text;
}
}  // namespace

TemplateFields featureFields(const Model& model, const FeatureRef& feature) {
    TemplateFields fields;
    if (feature.segment) {
        fields = TemplateFields(feature.segment->attributes.begin(), feature.segment->attributes.end());
        fields["id"] = feature.segment->id;
        fields["layer"] = feature.segment->layer;
        addSegmentFields(model, *feature.segment, fields);
    } else if (feature.node) {
        const Node& n = *feature.node;
        fields = TemplateFields(n.attributes.begin(), n.attributes.end());
        fields["id"] = n.id;
        fields["layer"] = n.layer;
        fields["utility"] = toString(n.utility);
        fields["kind"] = toString(n.kind);
        fields["depth_m"] = number(n.groundZ - n.invertZ);
        fields["ground_z"] = number(n.groundZ);
        fields["invert_z"] = number(n.invertZ);
        fields["size_m"] = number(n.sizeM);
    } else if (feature.building) {
        const Building& b = *feature.building;
        fields = TemplateFields(b.attributes.begin(), b.attributes.end());
        fields["id"] = b.id;
        fields["layer"] = b.layer;
        fields["height_m"] = number(b.heightM);
        fields["basement_depth_m"] = number(b.basementDepthM);
    } else if (feature.patch) {
        fields = TemplateFields(feature.patch->attributes.begin(), feature.patch->attributes.end());
        fields["id"] = feature.patch->id;
        fields["layer"] = feature.patch->layer;
    }
    return fields;
}

FormattedText formatTemplate(const std::string& pattern, const TemplateFields& fields) {
    FormattedText result;
    std::string& out = result.text;
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '}') {
            if (i + 1 < pattern.size() && pattern[i + 1] == '}') ++i;
            else if (result.error.empty()) result.error = "unmatched '}' at character " + std::to_string(i + 1);
            out += '}';
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        const size_t close = pattern.find('}', i + 1);
        const size_t nextOpen = pattern.find('{', i + 1);
        if (close == std::string::npos || nextOpen < close) {
            if (result.error.empty()) result.error = "unclosed '{' at character " + std::to_string(i + 1);
            out += c;
            continue;
        }
        const std::string field = pattern.substr(i + 1, close - i - 1);
        const size_t colon = field.find(':');
        const std::string name = field.substr(0, colon);
        const std::string spec = colon == std::string::npos ? "" : field.substr(colon + 1);
        i = close;
        auto found = fields.find(name);
        if (found == fields.end() || found->second.empty()) {
            if (std::find(result.missingFields.begin(), result.missingFields.end(), name) == result.missingFields.end())
                result.missingFields.push_back(name);
            out += '?';
            continue;
        }
        std::string error;
        out += applySpec(name, found->second, spec, error);
        if (result.error.empty()) result.error = error;
    }
    return result;
}

bool hasTemplateFields(const std::string& text) {
    const size_t open = text.find('{');
    return open != std::string::npos && text.find('}', open) != std::string::npos;
}

}  // namespace subterra
