#include "script.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "annotation_edits.h"
#include "camera_framing.h"
#include "camera_input.h"
#include "cut_handles_input.h"
#include "cuts_io.h"
#include "feature_search.h"
#include "project.h"
#include "script_timeline.h"

namespace subterra {

namespace {
constexpr int kFramesBetweenActions = 3;

bool vec3(const nlohmann::json& value, osg::Vec3d& out) {
    if (!value.is_array() || value.size() != 3) return false;
    for (int i = 0; i < 3; ++i) {
        if (!value[i].is_number()) return false;
        out[i] = value[i].get<double>();
    }
    return true;
}

std::string text(const nlohmann::json& action, const char* key) {
    auto it = action.find(key);
    return it != action.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// drag_cut_handle: presses the mouse on a cut's handle where the window shows it and lets go
// where the window shows "to" ([x, y, z], project CRS), through the same code as a mouse drag.
bool dragHandleAction(const nlohmann::json& action, SceneSession& session, ViewerUi& ui, std::string& error) {
    const std::string cut = text(action, "cut"), roleName = text(action, "handle");
    const auto role = parseHandleRole(roleName);
    const nlohmann::json toJson = action.value("to", nlohmann::json());
    if (!role || !toJson.is_array() || toJson.size() < 2 || toJson.size() > 3)
        return error = "needs \"cut\", \"handle\" (move, east, west, north, south, rotate, depth, start, end, level) and \"to\": [x,y(,z)]", false;
    const auto handles = cutHandles(session.cuts(), session.model());
    const CutHandle* handle = findCutHandle(handles, session.cuts(), cut, *role);
    if (!handle) return error = "no enabled cut '" + cut + "' with a " + roleName + " handle", false;
    osg::Vec3d to(0, 0, handle->position.z);  // [x, y]: at the handle's level
    for (size_t i = 0; i < toJson.size(); ++i) {
        if (!toJson[i].is_number()) return error = "\"to\" must hold numbers", false;
        to[i] = toJson[i].get<double>();
    }
    const auto from = windowPointOf(session, ui.viewport, handle->position);
    const auto target = windowPointOf(session, ui.viewport, {to.x(), to.y(), to.z()});
    if (!from || !target) return error = "the handle or its target is behind the camera", false;
    if (!beginCutHandleDrag(session, ui, from->x(), from->y())) return error = "no handle under the mouse", false;
    dragCutHandleTo(session, ui, target->x(), target->y());
    endCutHandleDrag(ui);
    return true;
}

// "*" or a utility kind name.
bool ruleKind(const nlohmann::json& value, std::optional<UtilityKind>& kind) {
    if (!value.is_string()) return false;
    if (value.get<std::string>() == "*") return kind.reset(), true;
    kind = parseUtilityKind(value.get<std::string>());
    return kind.has_value();
}

// set_clearance_rule (between [kind, kind], min_m; null removes it), set_cover_rule (utility
// kind or "*", min_m; null removes it): one undo step each, as in the Checks section's rule table.
bool ruleAction(const std::string& what, const nlohmann::json& action, SceneSession& session, std::string& error) {
    const nlohmann::json minJson = action.value("min_m", nlohmann::json());
    if (!minJson.is_null() && (!minJson.is_number() || minJson.get<double>() < 0))
        return error = "\"min_m\" must be metres (0 or more) or null", false;
    const std::optional<double> minM = minJson.is_null() ? std::nullopt : std::optional<double>(minJson.get<double>());
    CheckRules rules;
    if (what == "set_clearance_rule") {
        const nlohmann::json between = action.value("between", nlohmann::json());
        std::optional<UtilityKind> a, b;
        if (!between.is_array() || between.size() != 2 || !ruleKind(between[0], a) || !ruleKind(between[1], b))
            return error = "needs \"between\": [kind, kind] (utility kinds or \"*\")", false;
        rules = withClearanceRule(session.checkRules(), a, b, minM);
    } else {
        std::optional<UtilityKind> kind;
        if (!ruleKind(action.value("utility", nlohmann::json()), kind))
            return error = "needs \"utility\": a utility kind or \"*\"", false;
        rules = withCoverRule(session.checkRules(), kind, minM);
    }
    session.beginRulesEdit();
    session.setCheckRules(rules);
    return true;
}

// run_checks (optional expect_count), check_go_to (index), export_checks (path), profile (path as
// `subterra profile --path`, optional export: [files]): what the Checks and Profile sections do.
bool checkOrProfileAction(const std::string& what, const nlohmann::json& action, SceneSession& session, ViewerUi& ui,
                          std::string& error) {
    if (what == "run_checks") {
        runViewerChecks(session, ui.checks);
        const size_t expected = action.value("expect_count", ui.checks.count());
        if (ui.checks.count() != expected)
            return error = "found " + std::to_string(ui.checks.count()) + " violations, expected " + std::to_string(expected), false;
    } else if (what == "check_go_to") {
        const size_t index = action.value("index", size_t(0));
        if (index >= ui.checks.count()) return error = "no violation " + std::to_string(index) + " (run_checks first)", false;
        goToViolation(session, ui.checks, index, ui.viewport.aspect());
    } else if (what == "export_checks") {
        return exportChecks(session, ui.checks, text(action, "path"), error);
    } else {
        ui.profile.pathText = text(action, "path");
        if (!drawProfile(session, ui.profile)) return error = ui.profile.error, false;
        for (const auto& file : action.value("export", nlohmann::json::array()))
            if (!file.is_string() || !exportProfile(ui.profile, file.get<std::string>(), error)) return false;
    }
    return true;
}
}  // namespace

std::optional<Script> Script::load(const std::string& path, std::string& error) {
    std::ifstream file(path);
    if (!file) {
        error = path + ": cannot open the script";
        return std::nullopt;
    }
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(file);
    } catch (const std::exception& e) {
        error = path + ": not JSON: " + e.what();
        return std::nullopt;
    }
    const nlohmann::json* list = document.is_array() ? &document : nullptr;
    if (document.is_object() && document.contains("actions")) list = &document["actions"];
    if (!list || !list->is_array()) {
        error = path + ": expected {\"actions\": [...]}";
        return std::nullopt;
    }
    Script script;
    script.path_ = path;
    for (size_t i = 0; i < list->size(); ++i) {
        const auto& action = (*list)[i];
        if (!action.is_object() || !action.contains("do") || !action["do"].is_string()) {
            error = path + ": /actions/" + std::to_string(i) + ": each action needs \"do\": \"name\"";
            return std::nullopt;
        }
        script.actions_.push_back(action);
    }
    return script;
}

bool Script::step(SceneSession& session, ViewerUi& ui, ScriptRequests& requests, std::string& error) {
    if (finished()) return true;
    if (!waitForFile_.empty()) {
        const bool waiting = stillWaitingForFile(error);
        if (!error.empty()) {
            error = path_ + ": /actions/" + std::to_string(next_ - 1) + " (wait_for_file): " + error;
            return false;
        }
        if (waiting || next_ >= actions_.size()) return true;  // the script may end with the wait
    }
    if (waitFrames_ > 0 || (waitForExport_ && ui.timeline.exportBusy())) {
        if (waitFrames_ > 0) --waitFrames_;
        return true;
    }
    waitForExport_ = false;
    if (pauseAfterWait_) ui.timeline.playing = false, pauseAfterWait_ = false;
    const nlohmann::json& action = actions_[next_];
    waitFrames_ = kFramesBetweenActions;
    if (!perform(action, session, ui, requests, error)) {
        error = path_ + ": /actions/" + std::to_string(next_) + " (" + action["do"].get<std::string>() + "): " + error;
        return false;
    }
    ++next_;
    return true;
}

bool Script::stillWaitingForFile(std::string& error) {
    std::error_code ignored;
    if (std::filesystem::exists(waitForFile_, ignored)) {
        waitForFile_.clear();
        return false;
    }
    if (std::chrono::steady_clock::now() < waitForFileUntil_) return true;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", waitForFileTimeoutS_);
    error = "'" + waitForFile_ + "' did not appear within " + seconds + " s";
    waitForFile_.clear();
    return false;
}

bool Script::perform(const nlohmann::json& action, SceneSession& session, ViewerUi& ui, ScriptRequests& requests,
                     std::string& error) {
    const std::string what = action["do"].get<std::string>();
    const std::string layer = text(action, "layer");
    const double aspect = ui.viewport.aspect();
    auto knownLayer = [&]() {
        if (session.scene().layers.count(layer)) return true;
        error = "no layer named '" + layer + "'";
        return false;
    };
    auto number = [&](const char* key, double& out) {
        auto it = action.find(key);
        if (it == action.end() || !it->is_number()) {
            error = std::string("needs a number \"") + key + "\"";
            return false;
        }
        out = it->get<double>();
        return true;
    };
    double value = 0;
    if (what.rfind("timeline_", 0) == 0) {
        TimelineActionWait wait;
        if (!performTimelineAction(what, action, session, ui, wait, error)) return false;
        if (wait.frames >= 0) waitFrames_ = wait.frames, pauseAfterWait_ = wait.pauseAfter;
        waitForExport_ = wait.untilExportEnds;
        return true;
    }
    if (what == "add_section" || what == "add_excavation") {
        Problems problems;
        const JsonReader reader(action, "action", path_, problems);
        Cuts cuts = session.cuts();
        if (what == "add_section") {
            if (auto plane = readSection(reader, cuts.sections.size())) cuts.sections.push_back(*plane);
        } else if (auto pit = readExcavation(reader, cuts.excavations.size())) {
            cuts.excavations.push_back(*pit);
        }
        for (const auto& problem : problems)  // warnings ("do" is no cut key) are fine
            if (problem.severity == Severity::Error) return error = problem.where + ": " + problem.message, false;
        session.beginCutEdit();
        session.setCuts(cuts);
        return true;
    }
    if (what == "drag_cut_handle") return dragHandleAction(action, session, ui, error);
    if (what == "run_checks" || what == "check_go_to" || what == "export_checks" || what == "profile")
        return checkOrProfileAction(what, action, session, ui, error);
    if (what == "set_clearance_rule" || what == "set_cover_rule") return ruleAction(what, action, session, error);
    if (what == "show_cut_handles") {
        ui.cutHandles.visible = action.value("visible", true);
        return true;
    }
    if (what == "select") {
        const std::string id = text(action, "id");
        const std::string kindName = action.value("kind", std::string("any"));
        const std::optional<FeatureKind> kind = featureKindFromName(kindName);
        if (!kind) return error = "unknown kind '" + kindName + "' (segment, node, building, area or any)", false;
        const bool found = layer.empty() ? session.selectById(id, *kind) : session.select(layer, id, *kind);
        if (!found)
            error = "no " + (*kind == FeatureKind::Any ? std::string("feature") : kindName) + " '" + id + "'" +
                    (layer.empty() ? "" : " in layer '" + layer + "'");
        return found;
    } else if (what == "clear_selection") {
        session.clearSelection();
    } else if (what == "layer_visible") {
        if (!knownLayer()) return false;
        session.setLayerVisible(layer, action.value("visible", true));
    } else if (what == "layer_opacity") {
        if (!knownLayer() || !number("opacity", value)) return false;
        session.setLayerOpacity(layer, float(std::clamp(value, 0.0, 1.0)));
    } else if (what == "layer_color") {
        if (!knownLayer()) return false;
        const auto color = parseHexColor(text(action, "color"));
        if (!color) return error = "needs \"color\": \"#rrggbb\"", false;
        session.setLayerColor(layer, osg::Vec4((*color)[0], (*color)[1], (*color)[2], 1.0f));
    } else if (what == "terrain_opacity") {
        if (!number("opacity", value)) return false;
        session.setTerrainOpacity(float(std::clamp(value, 0.0, 1.0)));
    } else if (what == "view") {
        if (!session.goToView(text(action, "name"))) return error = "no view named '" + text(action, "name") + "'", false;
    } else if (what == "save_view") {
        if (!session.hasProject() || text(action, "name").empty()) return error = "needs a project and a \"name\"", false;
        session.saveView(text(action, "name"));
    } else if (what == "home") {
        session.home(aspect);
    } else if (what == "preset") {
        const std::string name = text(action, "name");
        const auto preset = name == "top"     ? CameraController::Preset::Top
                            : name == "front" ? CameraController::Preset::Front
                                              : CameraController::Preset::Side;
        if (name != "top" && name != "front" && name != "side") return error = "name must be top, front or side", false;
        session.camera().preset(preset, session.model().extent(), aspect);
    } else if (what == "focus") {
        session.focusSelection(aspect);
    } else if (what == "camera") {
        CameraSpec spec;
        if (!vec3(action.value("eye", nlohmann::json()), spec.eye) ||
            !vec3(action.value("target", nlohmann::json()), spec.target))
            return error = "needs \"eye\": [x,y,z] and \"target\": [x,y,z]", false;
        session.camera().setFromSpec(spec);
    } else if (what == "wait") {
        if (!number("frames", value)) return false;
        waitFrames_ = std::max(0, int(value));
    } else if (what == "wait_for_file") {
        const nlohmann::json timeout = action.value("timeout_s", nlohmann::json(60.0));
        if (text(action, "path").empty() || !timeout.is_number() || !(timeout.get<double>() > 0 && timeout.get<double>() <= 600))
            return error = "needs a \"path\" and \"timeout_s\" between 0 and 600 seconds", false;
        waitForFile_ = text(action, "path");
        waitForFileTimeoutS_ = timeout.get<double>();
        waitForFileUntil_ = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                                   std::chrono::duration<double>(waitForFileTimeoutS_));
    } else if (what == "screenshot") {
        requests.windowScreenshot = text(action, "path");
        if (requests.windowScreenshot.empty()) return error = "needs a \"path\"", false;
    } else if (what == "render") {
        requests.offscreenPath = text(action, "path");
        const std::string size = action.value("size", std::string("1920x1080"));
        if (requests.offscreenPath.empty() ||
            std::sscanf(size.c_str(), "%dx%d", &requests.offscreenWidth, &requests.offscreenHeight) != 2 ||
            requests.offscreenWidth <= 0 || requests.offscreenHeight <= 0)
            return error = "needs a \"path\" and a \"size\" like \"1920x1080\"", false;
    } else if (what == "find") {  // as the Find box: one hit is selected and focused
        const SearchResult found = searchFeatures(session.model(), text(action, "query"));
        if (!found.error.empty()) return error = found.error, false;
        const size_t expected = action.value("expect_count", size_t(found.hits.size()));
        if (found.hits.size() != expected)
            return error = "found " + std::to_string(found.hits.size()) + ", expected " + std::to_string(expected), false;
        if (found.hits.size() == 1) {
            session.select(found.hits[0].layer, found.hits[0].id);
            session.focusSelection(aspect);
        }
    } else if (what == "click" || what == "wheel") {
        double x = 0, y = 0;
        if (!number("x", x) || !number("y", y)) return false;
        if (what == "click") clickAt(session, ui, x, y, 0);
        else wheelAt(session, ui.viewport, x, y, action.value("steps", 1.0));
    } else if (what == "click_centre") {  // the middle of the scene viewport, wherever the panels are
        clickAt(session, ui, ui.viewport.x + ui.viewport.width / 2.0, ui.viewport.y + ui.viewport.height / 2.0, 0);
    } else if (what == "orbit") {
        const osg::Vec3d pivot = session.camera().target();
        session.camera().orbit(pivot, osg::DegreesToRadians(action.value("yaw_deg", 0.0)),
                               osg::DegreesToRadians(action.value("pitch_deg", 0.0)));
    } else if (what == "look") {
        session.camera().look(osg::DegreesToRadians(action.value("yaw_deg", 0.0)),
                              osg::DegreesToRadians(action.value("pitch_deg", 0.0)));
    } else if (what == "fly") {
        session.camera().fly(action.value("forward", 0.0), action.value("right", 0.0), action.value("up", 0.0));
    } else if (what == "expect_selection") {
        const std::string id = text(action, "id");
        const std::string kind = action.value("kind", std::string());  // optional: "node", ...
        const auto& selection = session.selection();
        const std::string actual =
            selection ? selection->layer + " " + featureKindName(selection->kind) + " " + selection->featureId : "nothing";
        const bool wrong = id.empty() ? selection.has_value()
                                      : !selection || selection->featureId != id ||
                                            (!kind.empty() && kind != featureKindName(selection->kind));
        if (wrong)
            return error = "expected " + (id.empty() ? std::string("no selection") : (kind.empty() ? "" : kind + " ") + "'" + id + "' selected") +
                           ", found " + actual, false;
    } else if (what == "save") {
        return session.save(error);
    } else if (what == "open") {
        const auto paths = action.value("paths", nlohmann::json::array());
        for (const auto& path : paths)
            if (path.is_string()) requests.openPaths.push_back(path.get<std::string>());
        if (requests.openPaths.empty()) return error = "needs \"paths\": [\"file\", ...]", false;
    } else if (what == "color_by") {
        const std::string mode = text(action, "mode");
        const ColorBy modes[] = {ColorBy::Layer, ColorBy::Material, ColorBy::Diameter, ColorBy::Year, ColorBy::DepthSource};
        bool found = false;
        for (ColorBy m : modes)
            if (mode == toString(m)) session.setColorBy(m), found = true;
        if (!found) return error = "mode must be layer, material, diameter, install year or depth knowledge", false;
    } else if (what == "add_callout") {  // at the selection, as the annotations panel's button
        if (!addCalloutAtSelection(session)) return error = "nothing is selected", false;
        if (action.contains("text"))
            editAnnotations(session, "edit callout text", [&](Annotations& a) { a.callouts.back().text = text(action, "text"); });
    } else if (what == "measure_tool") {  // kind: distance, horizontal, vertical, depth, clearance or off
        const auto kind = parseMeasurementKind(text(action, "kind"));
        if (!kind && text(action, "kind") != "off") return error = "kind must be a measurement type or off", false;
        if (kind) ui.measure.start(*kind);
        else ui.measure.stop();
    } else if (what == "undo" || what == "redo") {
        if (!(what == "undo" ? undoAnnotationEdit(session) : redoAnnotationEdit(session)))
            return error = "nothing to " + what, false;
    } else if (what == "expect_annotations") {
        const Annotations& a = session.annotations();
        const size_t callouts = action.value("callouts", a.callouts.size());
        const size_t measurements = action.value("measurements", a.measurements.size());
        if (a.callouts.size() != callouts || a.measurements.size() != measurements)
            return error = "expected " + std::to_string(callouts) + " callouts and " + std::to_string(measurements) +
                           " measurements, found " + std::to_string(a.callouts.size()) + " and " +
                           std::to_string(a.measurements.size()), false;
    } else if (what == "close_window") {  // as the window's close button: asks first when unsaved
        ui.quitDialogOpen = true;
    } else if (what == "quit") {
        requests.quit = true;
    } else {
        error = "unknown action";
        return false;
    }
    return true;
}

}  // namespace subterra
