#pragma once
// What a user writes on a scene: callouts, automatic labels for whole layers, a title card and
// measurements. Part of the project file ("annotations", docs/project-format.md); drawn by
// annotation_overlay.h in `subterra render` and in the viewer. No OSG here.
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model.h"
#include "problem.h"

namespace subterra {

using AnnotationColor = std::array<float, 4>;  // RGBA 0..1

// How a label looks. Sizes are in pixels of a 1080-pixel-high picture: a 2160-high render draws
// them twice as large, so text keeps its proportion to the image.
struct LabelStyle {
    std::string font = "DejaVuSans.ttf";  // a file name under the DejaVu folder, or a path
    double sizePx = 18;
    AnnotationColor color{0.10f, 0.11f, 0.13f, 1.0f};
    AnnotationColor background{1.0f, 1.0f, 1.0f, 0.88f};  // alpha 0 ("none"): no box behind the text
    AnnotationColor leaderColor{0.12f, 0.13f, 0.16f, 1.0f};
};

inline LabelStyle styleOfSize(double sizePx) {
    LabelStyle style;
    style.sizePx = sizePx;
    return style;
}
// White text on a dark translucent card.
inline LabelStyle titleCardStyle() {
    LabelStyle style = styleOfSize(30);
    style.color = {1, 1, 1, 1};
    style.background = {0.08f, 0.10f, 0.14f, 0.82f};
    return style;
}

// Where a callout or measurement points: a feature (layer + id) or a point in project coordinates.
struct AnnotationAnchor {
    std::string layer;
    std::string featureId;
    std::optional<Vec3d> point;  // with a feature: the exact spot on it; alone: a free 3D point
    bool isFeature() const { return !featureId.empty(); }
};

struct Callout {
    std::string id;  // optional; what timeline tracks name it by (annotationIds)
    AnnotationAnchor anchor;
    std::string text;       // a template: "{material} DN{diameter_mm}" (annotation_template.h)
    double offsetXPx = 90;  // where the box sits relative to the anchor, +x right, +y up
    double offsetYPx = 70;
    bool alwaysOnTop = true;  // false: hidden while something in the scene is in front of the anchor
    LabelStyle style;
};

// One label per feature of a layer, placed automatically; labels that would overlap are dropped.
struct LayerLabels {
    std::string layer;
    std::string text;  // a template, as for callouts
    bool alwaysOnTop = true;
    LabelStyle style = styleOfSize(14);
};

struct TitleCard {
    std::string title;
    std::string subtitle;
    LabelStyle style = titleCardStyle();
};

enum class MeasurementKind { Distance, Horizontal, Vertical, DepthBelowGround, Clearance };
const char* toString(MeasurementKind kind);
std::optional<MeasurementKind> parseMeasurementKind(const std::string& text);

// Distance/Horizontal/Vertical between a and b; DepthBelowGround at a; Clearance between the pipes
// a and b (features; their points are ignored).
struct Measurement {
    std::string id;  // optional, as a callout's
    MeasurementKind kind = MeasurementKind::Distance;
    AnnotationAnchor a, b;
    LabelStyle style = styleOfSize(15);
};

struct Annotations {
    std::vector<Callout> callouts;
    std::vector<LayerLabels> layerLabels;
    std::optional<TitleCard> title;
    std::vector<Measurement> measurements;
    bool empty() const { return callouts.empty() && layerLabels.empty() && !title && measurements.empty(); }
};

// The ids timeline tracks name annotations by (annotation.ID.opacity), in drawing order: a callout's
// or measurement's "id", else callout1, callout2..., measurement1...; labels.LAYER for layer
// labels; title for the title card.
std::vector<std::string> annotationIds(const Annotations& annotations);
std::string calloutId(const Annotations& annotations, size_t index);
std::string measurementId(const Annotations& annotations, size_t index);
std::string layerLabelsId(const LayerLabels& labels);
constexpr const char* kTitleCardId = "title";

}  // namespace subterra
