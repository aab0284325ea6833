#include "feature_fields.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ogr_feature.h>

namespace subterra {

void FeatureContext::warn(const std::string& message) const {
    problems.push_back({Severity::Warning, file, "layer '" + layer + "' feature '" + featureId + "'", message});
}

std::string formatNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", value);
    return text;
}

namespace {
int fieldIndex(OGRFeature& feature, const FieldRef* ref) {
    if (!ref) return -1;
    const int index = feature.GetFieldIndex(ref->field.c_str());
    if (index < 0 || !feature.IsFieldSetAndNotNull(index)) return -1;
    return index;
}
}  // namespace

std::string readText(OGRFeature& feature, const FieldRef* ref) {
    const int index = fieldIndex(feature, ref);
    return index < 0 ? std::string() : std::string(feature.GetFieldAsString(index));
}

std::optional<double> readNumber(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context) {
    const int index = fieldIndex(feature, ref);
    if (index < 0) return std::nullopt;
    const OGRFieldType type = feature.GetFieldDefnRef(index)->GetType();
    double value = 0;
    if (type == OFTReal || type == OFTInteger || type == OFTInteger64) {
        value = feature.GetFieldAsDouble(index);
    } else {
        const char* text = feature.GetFieldAsString(index);
        while (*text == ' ') ++text;
        if (*text == '\0') return std::nullopt;
        char* end = nullptr;
        value = std::strtod(text, &end);
        while (end && *end == ' ') ++end;
        if (end == text || (end && *end != '\0')) {
            context.warn("field '" + ref->field + "' is not a number: '" + text + "'");
            return std::nullopt;
        }
    }
    if (!std::isfinite(value)) {
        context.warn("field '" + ref->field + "' is not a finite number");
        return std::nullopt;
    }
    return value;
}

std::optional<double> readLengthM(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context,
                                  bool zeroIsMissing) {
    const auto raw = readNumber(feature, ref, context);
    if (!raw) return std::nullopt;
    if (*raw == 0 && zeroIsMissing) return std::nullopt;
    if (*raw < 0 && zeroIsMissing) {
        context.warn("field '" + ref->field + "' is negative (" + formatNumber(*raw) + "); ignored");
        return std::nullopt;
    }
    return toMetres(*raw, ref->unit);
}

std::optional<double> readDepthM(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context) {
    const auto depth = readLengthM(feature, ref, context, true);
    if (!depth || *depth <= kMaxDepthM) return depth;
    context.warn(ref->field + " " + formatNumber(*depth) + " m is not a plausible depth (over " +
                 formatNumber(kMaxDepthM) + " m): ignored");
    return std::nullopt;
}

std::optional<double> readLevelM(OGRFeature& feature, const FieldRef* ref, const FeatureContext& context) {
    const auto level = readLengthM(feature, ref, context, false);
    if (!level || (*level >= kLowestLevelM && *level <= kHighestLevelM)) return level;
    context.warn(ref->field + " " + formatNumber(*level) + " m is not a plausible level (outside " +
                 formatNumber(kLowestLevelM) + " .. " + formatNumber(kHighestLevelM) + " m): ignored");
    return std::nullopt;
}

}  // namespace subterra
