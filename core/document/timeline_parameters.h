#pragma once
// Timeline targets that drive named project objects rather than layers: section planes,
// excavation boxes, annotations, and the camera following a pipe run. Parsed from target paths
// such as "excavation.street pit.open" (the name may hold spaces and dots; the property is the
// text after the last dot). Drawn by TimelinePlayer (timeline_apply.h).
#include <optional>
#include <string>
#include <vector>

namespace subterra {

// What a timeline's targets may name. A list left unset is not checked (any name is accepted).
struct TimelineNames {
    std::vector<std::string> layers;
    std::optional<std::vector<std::string>> sections, excavations, annotations;
};

enum class ParameterKind {
    SectionOffset,       // metres along the plane's normal (negative: more is cut away)
    SectionEnabled,      // 0 / 1, held
    ExcavationOpen,      // 0..1: size and depth as a fraction of the project's box; > 0 enables it
    ExcavationDepth,     // metres
    ExcavationSize,      // [x, y] metres
    ExcavationCentre,    // [x, y] project CRS
    ExcavationRotation,  // degrees
    ExcavationEnabled,   // 0 / 1, held
    AnnotationOpacity,   // 0..1; 0 hides the callout, label set, measurement or title card
    CameraFollow         // progress along the run 0..1, optionally [progress, weight 0..1]
};

struct ParameterTarget {
    ParameterKind kind = ParameterKind::SectionOffset;
    std::string name;  // the section, excavation or annotation id; empty for camera.follow
    size_t minValues = 1, maxValues = 1;
    bool held = false;  // on/off switches: no values between keys
};

// True when `path` is one of these targets (whether or not it is valid).
bool isParameterPath(const std::string& path);
// Unknown property, or a name the lists in `names` do not hold: nullopt and `error` says why.
std::optional<ParameterTarget> parseParameterTarget(const std::string& path, const TimelineNames& names,
                                                    std::string& error);

}  // namespace subterra
