#include "annotation_content.h"

#include <algorithm>

#include "annotation_anchor.h"
#include "annotation_template.h"
#include "feature_lookup.h"

namespace subterra {

namespace {
struct Reporter {
    const std::string& file;
    Problems& problems;
    void warn(const std::string& where, const std::string& message) const {
        problems.push_back({Severity::Warning, file, where, message});
    }
    // One warning per entry for a template: its missing fields and any format error.
    void templateProblems(const std::string& where, const std::string& pattern, const std::vector<std::string>& missing,
                          const std::string& error) const {
        if (!missing.empty()) {
            std::string names;
            for (const auto& name : missing) names += (names.empty() ? "'" : ", '") + name + "'";
            warn(where, "template \"" + pattern + "\": no field " + names + " (shown as ?)");
        }
        if (!error.empty()) warn(where, "template \"" + pattern + "\": " + error);
    }
};

void prepareCallouts(const Model& model, const Annotations& annotations, const Reporter& report,
                     PreparedAnnotations& out) {
    for (size_t i = 0; i < annotations.callouts.size(); ++i) {
        const Callout& callout = annotations.callouts[i];
        const std::string where = "$.annotations.callouts[" + std::to_string(i) + "]";
        std::string error;
        const auto anchor = anchorPosition(model, callout.anchor, error);
        if (!anchor) {
            report.warn(where, error + " (callout not drawn)");
            continue;
        }
        TemplateFields fields;
        if (callout.anchor.isFeature())
            fields = featureFields(model, findFeature(model, callout.anchor.layer, callout.anchor.featureId));
        const FormattedText text = formatTemplate(callout.text, fields);
        report.templateProblems(where, callout.text, text.missingFields, text.error);
        out.labels.push_back({LabelRole::Callout, *anchor, text.text, callout.style, callout.offsetXPx,
                              callout.offsetYPx, callout.alwaysOnTop, callout.anchor.layer, callout.anchor.featureId,
                              calloutId(annotations, i)});
    }
}

template <typename Feature>
void labelFeatures(const Model& model, const std::vector<Feature>& features, const LayerLabels& labels,
                   std::vector<std::string>& missing, std::string& error, PreparedAnnotations& out) {
    for (const Feature& feature : features) {
        if (feature.layer != labels.layer) continue;
        AnnotationAnchor anchor{feature.layer, feature.id, std::nullopt};
        std::string anchorError;
        const auto position = anchorPosition(model, anchor, anchorError);
        if (!position) continue;
        const FormattedText text =
            formatTemplate(labels.text, featureFields(model, findFeature(model, feature.layer, feature.id)));
        for (const auto& name : text.missingFields)
            if (std::find(missing.begin(), missing.end(), name) == missing.end()) missing.push_back(name);
        if (error.empty()) error = text.error;
        out.labels.push_back({LabelRole::LayerLabel, *position, text.text, labels.style, 0, 0, labels.alwaysOnTop,
                              feature.layer, feature.id, layerLabelsId(labels)});
    }
}

void prepareLayerLabels(const Model& model, const Annotations& annotations, const Reporter& report,
                        PreparedAnnotations& out) {
    for (size_t i = 0; i < annotations.layerLabels.size(); ++i) {
        const LayerLabels& labels = annotations.layerLabels[i];
        const std::string where = "$.annotations.layer_labels[" + std::to_string(i) + "]";
        const size_t before = out.labels.size();
        std::vector<std::string> missing;
        std::string error;
        labelFeatures(model, model.segments, labels, missing, error, out);
        labelFeatures(model, model.nodes, labels, missing, error, out);
        labelFeatures(model, model.buildings, labels, missing, error, out);
        if (out.labels.size() == before) report.warn(where, "layer '" + labels.layer + "' has no features to label");
        report.templateProblems(where, labels.text, missing, error);
    }
}

void prepareMeasurements(const Model& model, const Annotations& annotations, const Reporter& report,
                         PreparedAnnotations& out) {
    for (size_t i = 0; i < annotations.measurements.size(); ++i) {
        const Measurement& measurement = annotations.measurements[i];
        std::string error;
        const auto value = measure(model, measurement, error);
        if (!value) {
            report.warn("$.annotations.measurements[" + std::to_string(i) + "]", error + " (measurement not drawn)");
            continue;
        }
        out.dimensions.push_back({*value, measurement.style, measurementId(annotations, i)});
    }
}
}  // namespace

namespace {
void fadeStyle(LabelStyle& style, float opacity) {
    for (auto* color : {&style.color, &style.background, &style.leaderColor}) (*color)[3] *= opacity;
}
}  // namespace

PreparedAnnotations fadedAnnotations(const PreparedAnnotations& content, const std::map<std::string, float>& opacity) {
    auto of = [&](const std::string& id) {
        auto it = opacity.find(id);
        return it == opacity.end() ? 1.0f : std::clamp(it->second, 0.0f, 1.0f);
    };
    PreparedAnnotations faded;
    for (const auto& label : content.labels)
        if (const float a = of(label.annotationId); a > 0)
            faded.labels.push_back(label), fadeStyle(faded.labels.back().style, a);
    for (const auto& dimension : content.dimensions)
        if (const float a = of(dimension.annotationId); a > 0)
            faded.dimensions.push_back(dimension), fadeStyle(faded.dimensions.back().style, a);
    if (content.title && of(kTitleCardId) > 0)
        faded.title = content.title, fadeStyle(faded.title->style, of(kTitleCardId));
    return faded;
}

PreparedAnnotations prepareAnnotations(const Model& model, const Annotations& annotations, const std::string& file,
                                       Problems& problems) {
    PreparedAnnotations out;
    const Reporter report{file, problems};
    prepareCallouts(model, annotations, report, out);
    prepareLayerLabels(model, annotations, report, out);
    prepareMeasurements(model, annotations, report, out);
    out.title = annotations.title;
    return out;
}

}  // namespace subterra
