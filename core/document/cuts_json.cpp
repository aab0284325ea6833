#include "cuts_json.h"

#include "color.h"

namespace subterra {

namespace {
using json = nlohmann::json;

std::optional<std::array<double, 2>> point2(const JsonReader& reader, const json& value, const char* what) {
    if (value.is_array() && value.size() == 2 && value[0].is_number() && value[1].is_number())
        return std::array<double, 2>{value[0].get<double>(), value[1].get<double>()};
    reader.error(std::string(what) + ": expected [x, y]");
    return std::nullopt;
}

std::string entryName(const JsonReader& entry, const char* prefix, size_t index) {
    return entry.string("name").value_or(std::string(prefix) + " " + std::to_string(index + 1));
}

}  // namespace

std::optional<SectionPlane> readSection(const JsonReader& entry, size_t index) {
    std::string error;
    std::optional<SectionPlane> plane;
    if (entry.has("vertical")) {
        const json& line = entry.at("vertical");
        if (!line.is_array() || line.size() != 2) {
            entry.errorAt("vertical", "expected two points [[x1, y1], [x2, y2]]");
            return std::nullopt;
        }
        auto a = point2(entry.child("vertical"), line[0], "first point"),
             b = point2(entry.child("vertical"), line[1], "second point");
        if (!a || !b) return std::nullopt;
        plane = verticalSection((*a)[0], (*a)[1], (*b)[0], (*b)[1], entry.boolean("flip").value_or(false), error);
    } else if (entry.has("horizontal_z")) {
        auto z = entry.number("horizontal_z");
        if (!z) return std::nullopt;
        plane = horizontalSection(*z, error);
    } else if (entry.has("point") || entry.has("normal")) {
        auto p = entry.vec3("point"), n = entry.vec3("normal");
        if (!p || !n) {
            if (!entry.has("point") || !entry.has("normal")) entry.error("a plane needs \"point\" and \"normal\"");
            return std::nullopt;
        }
        plane = planeSection({(*p)[0], (*p)[1], (*p)[2]}, {(*n)[0], (*n)[1], (*n)[2]}, error);
    } else {
        entry.error("a section needs \"vertical\", \"horizontal_z\" or \"point\" and \"normal\"");
        return std::nullopt;
    }
    if (!plane) {
        entry.error(error);
        return std::nullopt;
    }
    plane->name = entryName(entry, "section", index);
    plane->enabled = entry.boolean("enabled").value_or(true);
    entry.warnUnknownKeys({"name", "enabled", "vertical", "flip", "horizontal_z", "point", "normal"});
    return plane;
}

std::optional<Excavation> readExcavation(const JsonReader& entry, size_t index) {
    Excavation e;
    e.name = entryName(entry, "excavation", index);
    e.enabled = entry.boolean("enabled").value_or(true);
    if (!entry.has("centre")) {
        entry.error("an excavation needs \"centre\": [x, y]");
        return std::nullopt;
    }
    auto centre = point2(entry.child("centre"), entry.at("centre"), "centre");
    if (!centre) return std::nullopt;
    e.centreX = (*centre)[0], e.centreY = (*centre)[1];
    if (entry.has("size")) {
        auto size = point2(entry.child("size"), entry.at("size"), "size");
        if (!size) return std::nullopt;
        e.sizeX = (*size)[0], e.sizeY = (*size)[1];
    }
    e.depthM = entry.number("depth_m").value_or(e.depthM);
    e.rotationDeg = entry.number("rotation_deg").value_or(0);
    std::string error;
    if (!validateExcavation(e, error)) {
        entry.error(error);
        return std::nullopt;
    }
    entry.warnUnknownKeys({"name", "enabled", "centre", "size", "depth_m", "rotation_deg"});
    return e;
}

namespace {
std::optional<Stratum> readStratum(const JsonReader& entry, size_t index) {
    Stratum s;
    s.name = entryName(entry, "stratum", index);
    s.thicknessM = entry.number("thickness_m").value_or(0);
    if (!(s.thicknessM > 0)) {
        entry.errorAt("thickness_m", "a stratum needs a positive thickness");
        return std::nullopt;
    }
    if (auto text = entry.string("color")) {
        auto color = parseHexColor(*text);
        if (!color) {
            entry.errorAt("color", "expected \"#rrggbb\"");
            return std::nullopt;
        }
        s.color = *color;
    }
    s.grainM = entry.number("grain_m").value_or(0.05);
    if (!(s.grainM > 0)) s.grainM = 0.05;
    entry.warnUnknownKeys({"name", "thickness_m", "color", "grain_m"});
    return s;
}

template <typename T, typename Read>
void readList(const JsonReader& root, const char* key, std::vector<T>& out, Read read) {
    if (!root.has(key)) return;
    const JsonReader list = root.child(key);
    if (!list.value().is_array()) {
        list.error("expected an array");
        return;
    }
    for (size_t i = 0; i < list.value().size(); ++i) {
        const JsonReader entry = list.element(i);
        if (!entry.value().is_object()) {
            entry.error("expected an object");
            continue;
        }
        if (auto item = read(entry, i)) out.push_back(std::move(*item));
    }
}

// The entry at `index` of an existing array, so unknown keys survive; else a new object.
json& entryOf(json& out, const json& old, size_t index) {
    out.push_back(index < old.size() && old[index].is_object() ? old[index] : json::object());
    return out.back();
}

json oldArray(const json& document, const char* key) {
    return document.contains(key) && document[key].is_array() ? document[key] : json::array();
}
}  // namespace

void readCutsSection(const JsonReader& root, Cuts& cuts) {
    readList(root, "sections", cuts.sections, readSection);
    readList(root, "excavations", cuts.excavations, readExcavation);
    readList(root, "strata", cuts.strata, readStratum);
}

// Keys of entries this version does not know are kept where the entry keeps its position.
void writeCutsSection(json& document, const Cuts& cuts) {
    json sections = json::array(), excavations = json::array(), strata = json::array();
    const json oldSections = oldArray(document, "sections"), oldExcavations = oldArray(document, "excavations");
    for (size_t i = 0; i < cuts.sections.size(); ++i) {
        const SectionPlane& s = cuts.sections[i];
        json& entry = entryOf(sections, oldSections, i);
        for (const char* key : {"vertical", "flip", "horizontal_z", "point", "normal"}) entry.erase(key);
        entry["name"] = s.name;
        entry["enabled"] = s.enabled;
        if (s.kind == SectionPlane::Kind::Vertical) {
            entry["vertical"] = {{s.line[0], s.line[1]}, {s.line[2], s.line[3]}};
            if (s.flip) entry["flip"] = true;
        } else if (s.kind == SectionPlane::Kind::Horizontal) {
            entry["horizontal_z"] = s.point.z;
        } else {
            entry["point"] = {s.point.x, s.point.y, s.point.z};
            entry["normal"] = {s.normal.x, s.normal.y, s.normal.z};
        }
    }
    for (size_t i = 0; i < cuts.excavations.size(); ++i) {
        const Excavation& e = cuts.excavations[i];
        json& entry = entryOf(excavations, oldExcavations, i);
        entry["name"] = e.name;
        entry["enabled"] = e.enabled;
        entry["centre"] = {e.centreX, e.centreY};
        entry["size"] = {e.sizeX, e.sizeY};
        entry["depth_m"] = e.depthM;
        entry["rotation_deg"] = e.rotationDeg;
    }
    for (const Stratum& s : cuts.strata)
        strata.push_back(
            {{"name", s.name}, {"thickness_m", s.thicknessM}, {"color", toHexColor(s.color)}, {"grain_m", s.grainM}});
    auto put = [&](const char* key, json value) {
        if (value.empty()) document.erase(key);
        else document[key] = std::move(value);
    };
    put("sections", std::move(sections));
    put("excavations", std::move(excavations));
    put("strata", std::move(strata));
}

}  // namespace subterra
