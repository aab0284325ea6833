#include "project.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "feature_lookup.h"

namespace district {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order written, so the file reads top-down

constexpr double kDegree = 3.141592653589793 / 180;
constexpr double kScreenAspect = 16.0 / 9.0;

// The eye `distance` from `target`, seen from compass `azimuthDeg` (clockwise from north) and
// `elevationDeg` above the horizon.
Point3 orbit(const Point3& target, double azimuthDeg, double elevationDeg, double distance) {
    const double horizontal = distance * std::cos(elevationDeg * kDegree);
    return {target.x + horizontal * std::sin(azimuthDeg * kDegree),
            target.y + horizontal * std::cos(azimuthDeg * kDegree),
            target.z + distance * std::sin(elevationDeg * kDegree)};
}

Point3 onGround(const Ground& ground, double x, double y, double aboveGround = 0) {
    return {x, y, ground.level(x, y) + aboveGround};
}

const Street& streetNear(const Layout& layout, Axis axis, int index) {
    const std::vector<const Street*> streets = layout.streetsAlong(axis);
    return *streets.at(std::min<size_t>(index, streets.size() - 1));
}

Json vector3(const Point3& p) {
    auto tenth = [](double v) { return std::round(v * 10) / 10; };
    return Json::array({tenth(p.x), tenth(p.y), tenth(p.z)});
}

Json mappingOf(const Table& table) {
    Json mapping = Json::object();
    for (const FieldDef& field : table.fields()) {
        if (field.role.empty()) continue;
        mapping[field.role] = field.unit.empty() ? Json(field.name) : Json{{"field", field.name}, {"unit", field.unit}};
    }
    return mapping;
}

Json layerOf(const Table& table, const std::string& source) {
    const LayerInfo& info = table.layer();
    Json layer = {{"name", table.name()}, {"source", source}, {"table", table.name()}, {"type", info.type}};
    if (!info.utility.empty()) layer["utility"] = info.utility;
    layer["visible"] = true;
    layer["style"] = {{"color", info.color}, {"opacity", info.opacity}};
    layer["mapping"] = mappingOf(table);
    return layer;
}

}  // namespace

CutSites makeCutSites(const Layout& layout) {
    const Street& eastWest = streetNear(layout, Axis::EastWest, 1);
    const Street& northSouth = streetNear(layout, Axis::NorthSouth, 2);
    CutSites sites;
    sites.sectionX = northSouth.centre - 56;
    sites.sectionFromY = eastWest.centre - 30;
    sites.sectionToY = eastWest.centre + 30;
    // Across the whole corridor (every utility lies within 6 m of the centreline) and below the
    // deepest sewer invert.
    sites.pitX = northSouth.centre - 28;
    sites.pitY = eastWest.centre;
    sites.pitSizeX = 6;
    sites.pitSizeY = 15;
    sites.pitDepth = 4.5;
    return sites;
}

std::vector<View> makeViews(const Layout& layout, const Ground& ground) {
    const Extent2& e = layout.extent;
    const Point3 centre = onGround(ground, e.centre().x, e.centre().y);
    const Point3 north{0, 1, 0}, zUp{0, 0, 1};

    // Overview: the district's bounding circle fills most of a 35-degree view.
    const double overviewFov = 35, radius = std::hypot(e.width(), e.height()) / 2;
    const double overviewDistance = 0.8 * radius / std::tan(overviewFov / 2 * kDegree);
    const View overview{"overview", orbit(centre, 135, 35, overviewDistance), centre, zUp, overviewFov};

    // Street: 4.5 m above the road, looking down 30 degrees at the networks 2 m under the middle
    // of an inner crossing.
    const Street& eastWest = streetNear(layout, Axis::EastWest, 1);
    const Street& northSouth = streetNear(layout, Axis::NorthSouth, 2);
    const Point3 crossing = onGround(ground, northSouth.centre, eastWest.centre, -2.0);
    const double eyeHeight = 4.5, drop = eyeHeight + 2.0;
    Point3 streetEye = orbit(crossing, 135, 30, drop / std::sin(30 * kDegree));
    streetEye.z = ground.level(streetEye) + eyeHeight;
    const View street{"street", streetEye, crossing, zUp, 50};

    // Top: straight down from high enough that the whole district fits a 16:9 view.
    const double topFov = 35;
    const double halfExtent = std::max(e.height() / 2, e.width() / 2 / kScreenAspect) * 1.1;
    const Point3 topEye{centre.x, centre.y, centre.z + halfExtent / std::tan(topFov / 2 * kDegree)};
    const View top{"top", topEye, centre, north, topFov};
    // Section: from the cut-away west side, slightly above the ground, onto the cut face.
    const CutSites sites = makeCutSites(layout);
    const Point3 sectionCentre = onGround(ground, sites.sectionX, eastWest.centre, -2.0);
    const View section{"section", orbit(sectionCentre, 255, 12, 24), sectionCentre, zUp, 45};
    // Excavation: down into the pit from its south-west.
    const Point3 pitCentre = onGround(ground, sites.pitX, sites.pitY, -2.2);
    const View excavation{"excavation", orbit(pitCentre, 235, 42, 21), pitCentre, zUp, 45};
    return {overview, street, top, section, excavation};
}

Explainer makeExplainer(const Layout& layout, const Ground& ground, const Table& sewer, const Table& water) {
    // The street view's crossing, at the depth of the networks.
    const Street& eastWest = streetNear(layout, Axis::EastWest, 1);
    const Point3 crossing = onGround(ground, streetNear(layout, Axis::NorthSouth, 2).centre, eastWest.centre, -2.0);
    const CutSites sites = makeCutSites(layout);
    const Point3 section = onGround(ground, sites.sectionX, eastWest.centre, -2.0);
    auto camera = [&](double t, const Point3& target, double azimuth, double elevation, double distance, double fov) {
        return Json{{"t", t},
                    {"eye", vector3(orbit(target, azimuth, elevation, distance))},
                    {"target", vector3(target)},
                    {"up", {0, 0, 1}},
                    {"fov_deg", fov},
                    {"interp", "smooth"}};
    };
    auto key = [](double t, Json value, const char* interp) {
        return Json{{"t", t}, {"value", value}, {"interp", interp}};
    };
    auto track = [](const std::string& target, Json keys) { return Json{{"target", target}, {"keys", keys}}; };
    // Glide down from high above the street, fade the ground and buildings, open the pit, grow the
    // water mains out from the crossing, start the sewer flow, show the house connections, fade
    // in the callout, slide the street section in while swinging round to its cut face, and ride
    // down the sewer over the pit into the crossing.
    Json tracks = Json::array();
    tracks.push_back(track("camera", {camera(0, crossing, 200, 70, 420, 40), camera(3, crossing, 165, 45, 130, 40),
                                      camera(5.5, crossing, 140, 28, 48, 45), camera(8.5, crossing, 175, 24, 40, 45),
                                      camera(10.5, crossing, 195, 22, 44, 45), camera(12, section, 262, 17, 19, 45)}));
    tracks.push_back(track("terrain.opacity", {key(0, 0.95, "hold"), key(2, 0.95, "ease"), key(4.5, 0.15, "hold")}));
    tracks.push_back(
        track("layers.buildings.opacity", {key(0, 1.0, "hold"), key(2.5, 1.0, "ease"), key(5, 0.2, "hold")}));
    tracks.push_back(
        track("excavation.street pit.open", {key(0, 0, "hold"), key(3.5, 0, "ease"), key(6.5, 1, "hold")}));
    Json reveal = track("reveal.water", {key(0, 0, "hold"), key(4.5, 0, "ease"), key(8.5, 1, "hold")});
    reveal["from"] = {std::round(crossing.x * 10) / 10, std::round(crossing.y * 10) / 10};
    tracks.push_back(reveal);
    tracks.push_back(track("layers.house_connections.visible", {key(0, false, "hold"), key(8.5, true, "hold")}));
    Json flow = track("flow.sewer", {key(0, 0, "hold"), key(7, 0, "linear"), key(8, 1, "hold")});
    flow["speed_mps"] = 2.5;
    flow["spacing_m"] = 12;
    tracks.push_back(flow);
    // The street section switches on far to the west and slides east to its line, so the cut
    // face sweeps towards the camera as it swings round to look at the face.
    tracks.push_back(track("section.street section.enabled", {key(0, false, "hold"), key(10, true, "hold")}));
    tracks.push_back(
        track("section.street section.offset", {key(0, 40, "hold"), key(10, 40, "ease"), key(12, 0, "hold")}));
    tracks.push_back(
        track("annotation.water main.opacity", {key(0, 0, "hold"), key(8.5, 0, "ease"), key(9.5, 1, "hold")}));
    // The sewer along the street west of the crossing, ridden downstream (its flow) into the crossing.
    Json follow =
        track("camera.follow", {key(0, Json::array({0.78, 0}), "hold"), key(12, Json::array({0.78, 0}), "smooth"),
                                key(13, Json::array({0.84, 1}), "smooth"), key(15, Json::array({1.0, 1}), "smooth")});
    follow["follow"] = {{"layer", "sewer"},
                        {"ids", pipesAlongY(sewer, eastWest.centre, crossing.x - 200, crossing.x)},
                        {"height_m", 9},
                        {"behind_m", 10},
                        {"look_ahead_m", 12}};
    tracks.push_back(follow);

    Explainer explainer;
    explainer.timeline = Json{{"duration_s", 15}, {"fps", 30}, {"tracks", tracks}};
    const double calloutX = crossing.x + 20, calloutY = crossing.y + 3;
    explainer.annotations = {{"callouts", Json::array({{{"id", "water main"},
                                                        {"anchor",
                                                         {{"layer", "water"},
                                                          {"id", pipeNearest(water, calloutX, calloutY)},
                                                          {"at", {calloutX, calloutY, 0.0}}}},
                                                        {"text", "Water main {id} \u00b7 {material} DN{diameter_mm}"},
                                                        {"offset_px", {-220, 190}}}})}};
    return explainer;
}

void writeProject(const std::string& path, const ProjectFiles& files, const std::vector<const Table*>& tables,
                  const std::vector<View>& views, const CutSites& cuts, const Explainer& explainer) {
    Json project = {{"subterra", 1}, {"name", files.name}, {"crs", files.crs}};
    project["terrain"] = {{"dem", files.dem}, {"opacity", files.terrainOpacity}, {"flat_level_m", files.flatLevel}};
    Json layers = Json::array();
    for (const Table* table : tables) layers.push_back(layerOf(*table, files.geoPackage));
    project["layers"] = layers;
    Json namedViews = Json::object();
    for (const View& view : views)
        namedViews[view.name] = {{"eye", vector3(view.eye)},
                                 {"target", vector3(view.target)},
                                 {"up", vector3(view.up)},
                                 {"fov_deg", view.fovDeg}};
    project["views"] = namedViews;
    project["sections"] =
        Json::array({{{"name", "street section"},
                      {"enabled", false},
                      {"vertical", {{cuts.sectionX, cuts.sectionFromY}, {cuts.sectionX, cuts.sectionToY}}}}});
    project["excavations"] = Json::array({{{"name", "street pit"},
                                           {"enabled", false},
                                           {"centre", {cuts.pitX, cuts.pitY}},
                                           {"size", {cuts.pitSizeX, cuts.pitSizeY}},
                                           {"depth_m", cuts.pitDepth},
                                           {"rotation_deg", 0}}});
    project["annotations"] = explainer.annotations;
    project["timeline"] = explainer.timeline;

    std::ofstream out(path);
    out << project.dump(2) << '\n';
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace district
