#include "timeline_parameters.h"

#include <algorithm>

namespace subterra {

namespace {
bool startsWith(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

struct PropertySpec {
    const char* property;
    ParameterKind kind;
    size_t minValues, maxValues;
    bool held;
};

struct ObjectSpec {
    const char* prefix;  // "section."
    const char* noun;    // "section"
    std::vector<PropertySpec> properties;
    const std::optional<std::vector<std::string>> TimelineNames::*names;
};

const std::vector<ObjectSpec>& objectSpecs() {
    static const std::vector<ObjectSpec> specs = {
        {"section.",
         "section",
         {{"offset", ParameterKind::SectionOffset, 1, 1, false},
          {"enabled", ParameterKind::SectionEnabled, 1, 1, true}},
         &TimelineNames::sections},
        {"excavation.",
         "excavation",
         {{"open", ParameterKind::ExcavationOpen, 1, 1, false},
          {"depth", ParameterKind::ExcavationDepth, 1, 1, false},
          {"size", ParameterKind::ExcavationSize, 2, 2, false},
          {"centre", ParameterKind::ExcavationCentre, 2, 2, false},
          {"center", ParameterKind::ExcavationCentre, 2, 2, false},
          {"rotation", ParameterKind::ExcavationRotation, 1, 1, false},
          {"enabled", ParameterKind::ExcavationEnabled, 1, 1, true}},
         &TimelineNames::excavations},
        {"annotation.",
         "annotation",
         {{"opacity", ParameterKind::AnnotationOpacity, 1, 1, false}},
         &TimelineNames::annotations},
    };
    return specs;
}

std::string propertyList(const ObjectSpec& spec) {
    std::string list;
    for (const auto& p : spec.properties) list += (list.empty() ? "" : ", ") + std::string(p.property);
    return list;
}
}  // namespace

bool isParameterPath(const std::string& path) {
    if (path == "camera.follow") return true;
    for (const auto& spec : objectSpecs())
        if (startsWith(path, spec.prefix)) return true;
    return false;
}

std::optional<ParameterTarget> parseParameterTarget(const std::string& path, const TimelineNames& names,
                                                    std::string& error) {
    if (path == "camera.follow") return ParameterTarget{ParameterKind::CameraFollow, "", 1, 2, false};
    for (const auto& spec : objectSpecs()) {
        if (!startsWith(path, spec.prefix)) continue;
        const std::string rest = path.substr(std::string(spec.prefix).size());
        const size_t dot = rest.rfind('.');
        if (dot == std::string::npos || dot == 0) {
            error = "target '" + path + "' needs a name and a property: " + spec.prefix + "NAME.PROPERTY (" +
                    propertyList(spec) + ")";
            return std::nullopt;
        }
        const std::string name = rest.substr(0, dot), property = rest.substr(dot + 1);
        const auto& known = names.*spec.names;
        if (known && std::find(known->begin(), known->end(), name) == known->end()) {
            error = "no " + std::string(spec.noun) + " named '" + name + "'";
            if (known->empty()) error += " (the project defines none)";
            else {
                error += "; the project has:";
                for (const auto& n : *known) error += " '" + n + "'";
            }
            return std::nullopt;
        }
        for (const auto& p : spec.properties)
            if (property == p.property) return ParameterTarget{p.kind, name, p.minValues, p.maxValues, p.held};
        error = "unknown " + std::string(spec.noun) + " property '" + property + "' in target '" + path + "' (use " +
                propertyList(spec) + ")";
        return std::nullopt;
    }
    error = "unknown target '" + path + "'";
    return std::nullopt;
}

}  // namespace subterra
