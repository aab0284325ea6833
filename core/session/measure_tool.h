#pragma once
// The measure tool: while it is on, clicks in the scene pick the points (or pipes) of a
// measurement instead of selecting; the second click (the first, for depth) adds it to the project.
#include <optional>
#include <string>

#include "annotations.h"
#include "picking.h"

namespace subterra {

class SceneSession;

struct MeasureTool {
    std::optional<MeasurementKind> kind;    // the tool in use; empty = clicks select
    std::optional<AnnotationAnchor> first;  // after the first of two clicks
    bool active() const { return kind.has_value(); }
    void start(MeasurementKind measurementKind) {
        kind = measurementKind;
        first.reset();
    }
    void stop() {
        kind.reset();
        first.reset();
    }
};

// What the user should do next, for the status bar ("Click the second pipe").
std::string measurePrompt(const MeasureTool& tool);

// One click of the active tool on `hit`; returns the message to show.
std::string measureClick(SceneSession& session, MeasureTool& tool, const PickResult& hit);

}  // namespace subterra
