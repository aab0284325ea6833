#pragma once
// Annotations resolved against a model, ready to draw: anchors as points, templates filled in,
// measurements computed. Problems (missing features, template fields) are reported once here,
// not every frame. No OSG.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "annotations.h"
#include "measurements.h"
#include "model.h"
#include "problem.h"

namespace subterra {

enum class LabelRole { Callout, LayerLabel, Dimension };

struct PreparedLabel {
    LabelRole role = LabelRole::Callout;
    Vec3d anchor;  // project CRS
    std::string text;
    LabelStyle style;
    double offsetXPx = 0, offsetYPx = 0;  // callouts: where the box goes (1080-pixel units)
    bool alwaysOnTop = true;
    std::string layer, featureId;  // the feature labelled, if any (it does not hide its own label)
    std::string annotationId;      // the callout's or label set's id (annotationIds), for fades
};

struct PreparedDimension {
    MeasuredValue value;
    LabelStyle style;
    std::string annotationId;
};

struct PreparedAnnotations {
    std::vector<PreparedLabel> labels;
    std::vector<PreparedDimension> dimensions;
    std::optional<TitleCard> title;
    bool empty() const { return labels.empty() && dimensions.empty() && !title; }
};

// `file` names the project in problems; entries that cannot be drawn are skipped with a warning.
PreparedAnnotations prepareAnnotations(const Model& model, const Annotations& annotations, const std::string& file,
                                       Problems& problems);

// The annotations with each id's opacity applied (missing ids: 1): colours' alpha scaled, those
// at 0 left out. For timeline fades.
PreparedAnnotations fadedAnnotations(const PreparedAnnotations& content, const std::map<std::string, float>& opacity);

}  // namespace subterra
