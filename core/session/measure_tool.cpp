#include "measure_tool.h"

#include "annotation_edits.h"
#include "measurements.h"

namespace subterra {

namespace {
std::optional<AnnotationAnchor> anchorOf(const PickResult& hit, bool needsPipe, const Model& model) {
    if (hit.feature) {
        if (needsPipe && !findFeature(model, hit.feature->layer, hit.feature->featureId, hit.feature->kind).segment)
            return std::nullopt;
        const osg::Vec3d& p = hit.feature->point;
        return AnnotationAnchor{hit.feature->layer, hit.feature->featureId, Vec3d{p.x(), p.y(), p.z()}};
    }
    if (needsPipe || !hit.ground) return std::nullopt;
    return AnnotationAnchor{"", "", Vec3d{hit.ground->x(), hit.ground->y(), hit.ground->z()}};
}
}  // namespace

std::string measurePrompt(const MeasureTool& tool) {
    if (!tool.kind) return "";
    if (*tool.kind == MeasurementKind::Clearance) return tool.first ? "Click the second pipe" : "Click the first pipe";
    if (*tool.kind == MeasurementKind::DepthBelowGround) return "Click a point to measure its depth";
    return tool.first ? "Click the second point" : "Click the first point";
}

std::string measureClick(SceneSession& session, MeasureTool& tool, const PickResult& hit) {
    if (!tool.kind) return "";
    const MeasurementKind kind = *tool.kind;
    const auto anchor = anchorOf(hit, kind == MeasurementKind::Clearance, session.model());
    if (!anchor)
        return kind == MeasurementKind::Clearance ? "That is not a pipe: click a pipe or cable"
                                                  : "Nothing there to measure";
    Measurement measurement;
    measurement.kind = kind;
    if (kind != MeasurementKind::DepthBelowGround && !tool.first) {
        tool.first = anchor;
        return measurePrompt(tool);
    }
    measurement.a = kind == MeasurementKind::DepthBelowGround ? *anchor : *tool.first;
    if (kind != MeasurementKind::DepthBelowGround) measurement.b = *anchor;
    tool.first.reset();
    std::string error;
    const auto value = measure(session.model(), measurement, error);
    if (!value) return "Cannot measure: " + error;
    editAnnotations(session, std::string("add ") + toString(kind) + " measurement",
                    [&](Annotations& a) { a.measurements.push_back(measurement); });
    return "Measured " + value->label;
}

}  // namespace subterra
