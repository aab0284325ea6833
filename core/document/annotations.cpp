#include "annotations.h"

namespace subterra {

std::string calloutId(const Annotations& annotations, size_t index) {
    const std::string& id = annotations.callouts[index].id;
    return id.empty() ? "callout" + std::to_string(index + 1) : id;
}

std::string measurementId(const Annotations& annotations, size_t index) {
    const std::string& id = annotations.measurements[index].id;
    return id.empty() ? "measurement" + std::to_string(index + 1) : id;
}

std::string layerLabelsId(const LayerLabels& labels) { return "labels." + labels.layer; }

std::vector<std::string> annotationIds(const Annotations& annotations) {
    std::vector<std::string> ids;
    for (size_t i = 0; i < annotations.callouts.size(); ++i) ids.push_back(calloutId(annotations, i));
    for (const auto& labels : annotations.layerLabels) ids.push_back(layerLabelsId(labels));
    for (size_t i = 0; i < annotations.measurements.size(); ++i) ids.push_back(measurementId(annotations, i));
    if (annotations.title) ids.push_back(kTitleCardId);
    return ids;
}

}  // namespace subterra
