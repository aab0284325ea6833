#include "script.h"

#include <cstdio>
#include <filesystem>
#include <functional>

#include "annotation_edits.h"
#include "camera_framing.h"
#include "scene_pointer.h"
#include "cuts_json.h"
#include "json_text.h"
#include "project.h"
#include "script_planner.h"
#include "script_timeline.h"
#include "source_text.h"

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

double aspectOf(const ScriptContext& context) { return context.ui.viewport.aspect(); }

bool knownLayer(const ScriptContext& context, const std::string& layer, std::string& error) {
    if (context.session.scene().layers.count(layer)) return true;
    error = "no layer named '" + layer + "'";
    return false;
}

// --- Selection and layers

bool doSelect(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string id = actionText(action, "id"), layer = actionText(action, "layer");
    const std::string kindName = action.value("kind", std::string("any"));
    const std::optional<FeatureKind> kind = featureKindFromName(kindName);
    if (!kind) return error = "unknown kind '" + kindName + "' (segment, node, building, area or any)", false;
    SceneSession& session = context.session;
    const bool found = layer.empty() ? session.selectById(id, *kind) : session.select(layer, id, *kind);
    if (!found)
        error = "no " + (*kind == FeatureKind::Any ? std::string("feature") : kindName) + " '" + id + "'" +
                (layer.empty() ? "" : " in layer '" + layer + "'");
    return found;
}

bool doClearSelection(const nlohmann::json&, ScriptContext& context, std::string&) {
    context.session.clearSelection();
    return true;
}

bool doLayerVisible(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string layer = actionText(action, "layer");
    if (!knownLayer(context, layer, error)) return false;
    context.session.setLayerVisible(layer, action.value("visible", true));
    return true;
}

bool doLayerOpacity(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string layer = actionText(action, "layer");
    double opacity = 0;
    if (!knownLayer(context, layer, error) || !actionNumber(action, "opacity", opacity, error)) return false;
    context.session.setLayerOpacity(layer, float(std::clamp(opacity, 0.0, 1.0)));
    return true;
}

bool doLayerColor(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string layer = actionText(action, "layer");
    if (!knownLayer(context, layer, error)) return false;
    const auto color = parseHexColor(actionText(action, "color"));
    if (!color) return error = "needs \"color\": \"#rrggbb\"", false;
    context.session.setLayerColor(layer, osg::Vec4((*color)[0], (*color)[1], (*color)[2], 1.0f));
    return true;
}

bool doTerrainOpacity(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    double opacity = 0;
    if (!actionNumber(action, "opacity", opacity, error)) return false;
    context.session.setTerrainOpacity(float(std::clamp(opacity, 0.0, 1.0)));
    return true;
}

bool doColorBy(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string mode = actionText(action, "mode");
    const ColorBy modes[] = {ColorBy::Layer, ColorBy::Material, ColorBy::Diameter, ColorBy::Year, ColorBy::DepthSource};
    bool found = false;
    for (ColorBy m : modes)
        if (mode == toString(m)) context.session.setColorBy(m), found = true;
    if (!found) return error = "mode must be layer, material, diameter, install year or depth knowledge", false;
    return true;
}

bool doExpectSelection(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string id = actionText(action, "id");
    const std::string kind = action.value("kind", std::string());  // optional: "node", ...
    const auto& selection = context.session.selection();
    const std::string actual =
        selection ? selection->layer + " " + featureKindName(selection->kind) + " " + selection->featureId : "nothing";
    const bool wrong = id.empty() ? selection.has_value()
                                  : !selection || selection->featureId != id ||
                                        (!kind.empty() && kind != featureKindName(selection->kind));
    if (wrong)
        return error = "expected " +
                       (id.empty() ? std::string("no selection")
                                   : (kind.empty() ? "" : kind + " ") + "'" + id + "' selected") +
                       ", found " + actual,
               false;
    return true;
}

// --- Camera and views

bool doView(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    if (!context.session.goToView(actionText(action, "name")))
        return error = "no view named '" + actionText(action, "name") + "'", false;
    return true;
}

bool doSaveView(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    if (!context.session.hasProjectFile() || actionText(action, "name").empty())
        return error = "needs a project and a \"name\"", false;
    context.session.saveView(actionText(action, "name"));
    return true;
}

bool doHome(const nlohmann::json&, ScriptContext& context, std::string&) {
    context.session.home(aspectOf(context));
    return true;
}

bool doPreset(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string name = actionText(action, "name");
    const auto preset = name == "top"     ? CameraController::Preset::Top
                        : name == "front" ? CameraController::Preset::Front
                                          : CameraController::Preset::Side;
    if (name != "top" && name != "front" && name != "side") return error = "name must be top, front or side", false;
    context.session.camera().preset(preset, context.session.model().extent(), aspectOf(context));
    return true;
}

bool doFocus(const nlohmann::json&, ScriptContext& context, std::string&) {
    context.session.focusSelection(aspectOf(context));
    return true;
}

bool doCamera(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    CameraSpec spec;
    if (!vec3(action.value("eye", nlohmann::json()), spec.eye) ||
        !vec3(action.value("target", nlohmann::json()), spec.target))
        return error = "needs \"eye\": [x,y,z] and \"target\": [x,y,z]", false;
    context.session.camera().setFromSpec(spec);
    return true;
}

bool doOrbit(const nlohmann::json& action, ScriptContext& context, std::string&) {
    CameraController& camera = context.session.camera();
    const osg::Vec3d pivot = camera.target();
    camera.orbit(pivot, osg::DegreesToRadians(action.value("yaw_deg", 0.0)),
                 osg::DegreesToRadians(action.value("pitch_deg", 0.0)));
    return true;
}

bool doLook(const nlohmann::json& action, ScriptContext& context, std::string&) {
    context.session.camera().look(osg::DegreesToRadians(action.value("yaw_deg", 0.0)),
                                  osg::DegreesToRadians(action.value("pitch_deg", 0.0)));
    return true;
}

bool doFly(const nlohmann::json& action, ScriptContext& context, std::string&) {
    context.session.camera().fly(action.value("forward", 0.0), action.value("right", 0.0), action.value("up", 0.0));
    return true;
}

// --- Mouse

bool windowPoint(const nlohmann::json& action, double& x, double& y, std::string& error) {
    return actionNumber(action, "x", x, error) && actionNumber(action, "y", y, error);
}

bool doClick(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    double x = 0, y = 0;
    if (!windowPoint(action, x, y, error)) return false;
    clickAt(context.session, context.ui, x, y, 0);
    return true;
}

bool doClickCentre(const nlohmann::json&, ScriptContext& context, std::string&) {
    const ViewportRect& viewport = context.ui.viewport;  // the scene's, wherever the panels are
    clickAt(context.session, context.ui, viewport.x + viewport.width / 2.0, viewport.y + viewport.height / 2.0, 0);
    return true;
}

bool doWheel(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    double x = 0, y = 0;
    if (!windowPoint(action, x, y, error)) return false;
    wheelAt(context.session, context.ui.viewport, x, y, action.value("steps", 1.0));
    return true;
}

// --- Waiting, pictures and files

bool doWait(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    double frames = 0;
    if (!actionNumber(action, "frames", frames, error)) return false;
    context.wait.frames = std::max(0, int(frames));
    return true;
}

bool doWaitForFile(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const nlohmann::json timeout = action.value("timeout_s", nlohmann::json(60.0));
    if (actionText(action, "path").empty() || !timeout.is_number() ||
        !(timeout.get<double>() > 0 && timeout.get<double>() <= 600))
        return error = "needs a \"path\" and \"timeout_s\" between 0 and 600 seconds", false;
    ScriptWait& wait = context.wait;
    wait.file = actionText(action, "path");
    wait.fileTimeoutS = timeout.get<double>();
    wait.fileDeadline =
        std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                               std::chrono::duration<double>(wait.fileTimeoutS));
    return true;
}

bool doScreenshot(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    context.requests.windowScreenshot = actionText(action, "path");
    if (context.requests.windowScreenshot.empty()) return error = "needs a \"path\"", false;
    return true;
}

bool doRender(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    ScriptRequests& requests = context.requests;
    requests.offscreenPath = actionText(action, "path");
    const std::string size = action.value("size", std::string("1920x1080"));
    if (requests.offscreenPath.empty() ||
        std::sscanf(size.c_str(), "%dx%d", &requests.offscreenWidth, &requests.offscreenHeight) != 2 ||
        requests.offscreenWidth <= 0 || requests.offscreenHeight <= 0)
        return error = "needs a \"path\" and a \"size\" like \"1920x1080\"", false;
    return true;
}

bool doOpen(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    std::vector<std::string>& openPaths = context.requests.openPaths;
    for (const auto& path : action.value("paths", nlohmann::json::array()))
        if (path.is_string()) openPaths.push_back(path.get<std::string>());
    if (openPaths.empty()) return error = "needs \"paths\": [\"file\", ...]", false;
    return true;
}

bool doCloseWindow(const nlohmann::json&, ScriptContext& context, std::string&) {
    context.ui.quitDialogOpen = true;  // as the window's close button: asks first when unsaved
    return true;
}

bool doSave(const nlohmann::json&, ScriptContext& context, std::string& error) { return context.session.save(error); }

bool doSaveAs(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    return context.session.saveAs(actionText(action, "path"),
                                  action.contains("overwrite") && action["overwrite"] == true, error);
}

bool doCtrlS(const nlohmann::json&, ScriptContext& context, std::string&) {
    context.ui.requestSave = true;
    return true;
}

bool doQuit(const nlohmann::json&, ScriptContext& context, std::string&) {
    context.requests.quit = true;
    return true;
}

// --- Cuts

// add_section, add_excavation: the action read as the project file's entry, one undo step.
bool addCut(const nlohmann::json& action, ScriptContext& context, std::string& error,
            const std::function<void(const JsonReader&, Cuts&)>& readInto) {
    Problems problems;
    const JsonReader reader(action, "action", context.scriptPath, problems);
    Cuts cuts = context.session.cuts();
    readInto(reader, cuts);
    for (const auto& problem : problems)  // warnings ("do" is no cut key) are fine
        if (problem.severity == Severity::Error) return error = problem.where + ": " + problem.message, false;
    context.session.beginCutEdit();
    context.session.setCuts(cuts);
    return true;
}

bool doAddSection(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    return addCut(action, context, error, [](const JsonReader& reader, Cuts& cuts) {
        if (auto plane = readSection(reader, cuts.sections.size())) cuts.sections.push_back(*plane);
    });
}

bool doAddExcavation(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    return addCut(action, context, error, [](const JsonReader& reader, Cuts& cuts) {
        if (auto pit = readExcavation(reader, cuts.excavations.size())) cuts.excavations.push_back(*pit);
    });
}

// Presses the mouse on a cut's handle where the window shows it and lets go where the window
// shows "to" ([x, y, z], project CRS), through the same code as a mouse drag.
bool doDragCutHandle(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    SceneSession& session = context.session;
    ViewerUi& ui = context.ui;
    const std::string cut = actionText(action, "cut"), roleName = actionText(action, "handle");
    const auto role = parseHandleRole(roleName);
    const nlohmann::json toJson = action.value("to", nlohmann::json());
    if (!role || !toJson.is_array() || toJson.size() < 2 || toJson.size() > 3)
        return error =
                   "needs \"cut\", \"handle\" (move, east, west, north, south, rotate, depth, start, end, level) "
                   "and \"to\": [x,y(,z)]",
               false;
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

bool doShowCutHandles(const nlohmann::json& action, ScriptContext& context, std::string&) {
    context.ui.cutHandles.visible = action.value("visible", true);
    return true;
}

// --- Checks and profile: what the Checks and Profile sections do

bool doRunChecks(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    ChecksView& checks = context.ui.checks;
    runViewerChecks(context.session, checks);
    const size_t expected = action.value("expect_count", checks.count());
    if (checks.count() != expected)
        return error = "found " + std::to_string(checks.count()) + " violations, expected " + std::to_string(expected),
               false;
    return true;
}

bool doCheckGoTo(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const size_t index = action.value("index", size_t(0));
    if (index >= context.ui.checks.count())
        return error = "no violation " + std::to_string(index) + " (run_checks first)", false;
    goToViolation(context.session, context.ui.checks, index, aspectOf(context));
    return true;
}

bool doExportChecks(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    return exportChecks(context.session, context.ui.checks, actionText(action, "path"), error);
}

bool doProfile(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    ProfileView& profile = context.ui.profile;
    profile.pathText = actionText(action, "path");
    if (!drawProfile(context.session, profile)) return error = profile.error, false;
    for (const auto& file : action.value("export", nlohmann::json::array()))
        if (!file.is_string() || !exportProfile(profile, file.get<std::string>(), error)) return false;
    return true;
}

// "*" or a utility kind name.
bool ruleKind(const nlohmann::json& value, std::optional<UtilityKind>& kind) {
    if (!value.is_string()) return false;
    if (value.get<std::string>() == "*") return kind.reset(), true;
    kind = parseUtilityKind(value.get<std::string>());
    return kind.has_value();
}

// "min_m": metres, or null to remove the rule.
bool ruleMinimum(const nlohmann::json& action, std::optional<double>& minM, std::string& error) {
    const nlohmann::json minJson = action.value("min_m", nlohmann::json());
    if (!minJson.is_null() && (!minJson.is_number() || minJson.get<double>() < 0))
        return error = "\"min_m\" must be metres (0 or more) or null", false;
    if (!minJson.is_null()) minM = minJson.get<double>();
    return true;
}

// One undo step, as in the Checks section's rule table.
bool setRules(SceneSession& session, const CheckRules& rules) {
    session.beginRulesEdit();
    session.setCheckRules(rules);
    return true;
}

bool doSetClearanceRule(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    std::optional<double> minM;
    if (!ruleMinimum(action, minM, error)) return false;
    const nlohmann::json between = action.value("between", nlohmann::json());
    std::optional<UtilityKind> a, b;
    if (!between.is_array() || between.size() != 2 || !ruleKind(between[0], a) || !ruleKind(between[1], b))
        return error = "needs \"between\": [kind, kind] (utility kinds or \"*\")", false;
    return setRules(context.session, withClearanceRule(context.session.checkRules(), a, b, minM));
}

bool doSetCoverRule(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    std::optional<double> minM;
    if (!ruleMinimum(action, minM, error)) return false;
    std::optional<UtilityKind> kind;
    if (!ruleKind(action.value("utility", nlohmann::json()), kind))
        return error = "needs \"utility\": a utility kind or \"*\"", false;
    return setRules(context.session, withCoverRule(context.session.checkRules(), kind, minM));
}

// --- Annotations

bool doAddCallout(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    if (!addCalloutAtSelection(context.session)) return error = "nothing is selected", false;
    if (action.contains("text"))
        editAnnotations(context.session, "edit callout text",
                        [&](Annotations& a) { a.callouts.back().text = actionText(action, "text"); });
    return true;
}

bool doMeasureTool(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const auto kind = parseMeasurementKind(actionText(action, "kind"));
    if (!kind && actionText(action, "kind") != "off") return error = "kind must be a measurement type or off", false;
    if (kind) context.ui.measure.start(*kind);
    else context.ui.measure.stop();
    return true;
}

bool doUndo(const nlohmann::json&, ScriptContext& context, std::string& error) {
    if (!undoAnnotationEdit(context.session)) return error = "nothing to undo", false;
    return true;
}

bool doRedo(const nlohmann::json&, ScriptContext& context, std::string& error) {
    if (!redoAnnotationEdit(context.session)) return error = "nothing to redo", false;
    return true;
}

bool doExpectAnnotations(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const Annotations& a = context.session.annotations();
    const size_t callouts = action.value("callouts", a.callouts.size());
    const size_t measurements = action.value("measurements", a.measurements.size());
    if (a.callouts.size() != callouts || a.measurements.size() != measurements)
        return error = "expected " + std::to_string(callouts) + " callouts and " + std::to_string(measurements) +
                       " measurements, found " + std::to_string(a.callouts.size()) + " and " +
                       std::to_string(a.measurements.size()),
               false;
    return true;
}

// The viewer's own actions in documentation order; the timeline's follow them.
std::vector<ScriptAction> viewerScriptActions() {
    return {
        {"select",
         "id, optional layer, optional kind (segment, node, building or area, for an EPANET/SWMM id that names a link and a "
         "node): select that feature",
         doSelect},
        {"clear_selection", "select nothing", doClearSelection},
        {"layer_visible", "layer, visible: show or hide the layer", doLayerVisible},
        {"layer_opacity", "layer, opacity 0..1", doLayerOpacity},
        {"layer_color", "layer, color \"#rrggbb\"", doLayerColor},
        {"terrain_opacity", "opacity 0..1 of the ground", doTerrainOpacity},
        {"color_by", "mode: layer, material, diameter, install year or depth knowledge", doColorBy},
        {"expect_selection", "id (\"\" = nothing), optional kind: fail unless that is selected", doExpectSelection},
        {"view", "name: go to the project's named view", doView},
        {"save_view", "name: save the camera as a named view of the project", doSaveView},
        {"home", "the camera's home view", doHome},
        {"preset", "name: top|front|side", doPreset},
        {"focus", "frame the selection", doFocus},
        {"camera", "eye [x,y,z], target [x,y,z]", doCamera},
        {"orbit", "yaw_deg, pitch_deg about the view centre", doOrbit},
        {"look", "yaw_deg, pitch_deg about the eye", doLook},
        {"fly", "forward, right, up metres", doFly},
        {"click", "x, y window pixels: select what is there, as a mouse click does", doClick},
        {"click_centre", "a click in the middle of the scene viewport, wherever the panels are", doClickCentre},
        {"wheel", "x, y, steps: the mouse wheel there", doWheel},
        {"wait", "frames: window frames before the next action", doWait},
        {"wait_for_file",
         "path, optional timeout_s (default 60, at most 600): the script pauses, the window keeps drawing and taking real input "
         "(a test drives it with xdotool meanwhile), until that file exists; an error after the timeout. The frame cap of "
         "scripted runs does not count these frames",
         doWaitForFile},
        {"screenshot", "path: the window with its panels", doScreenshot},
        {"render", "path, size \"WxH\": the scene offscreen", doRender},
        {"open", "paths [...]: as files dropped on the window", doOpen},
        {"add_section", "as a project \"sections\" entry", doAddSection},
        {"add_excavation", "as a project \"excavations\" entry", doAddExcavation},
        {"drag_cut_handle",
         "cut, handle (move|east|west|north|south|rotate|depth|start|end|level), to [x,y] at the handle's level or [x,y,z]: a "
         "mouse drag from the handle to where the window shows that point",
         doDragCutHandle},
        {"show_cut_handles", "visible", doShowCutHandles},
        {"run_checks", "optional expect_count: run the clearance and cover checks", doRunChecks},
        {"check_go_to", "index: select and fly to that violation", doCheckGoTo},
        {"export_checks", "path .csv|.geojson", doExportChecks},
        {"profile", "path as `subterra profile --path`, optional export [\".svg\"/\".png\" files]", doProfile},
        {"set_clearance_rule",
         "between [kind, kind] (utility kinds, or \"*\" for any), min_m or null to remove the rule: one undo step, as in the "
         "Checks section's rule table",
         doSetClearanceRule},
        {"set_cover_rule",
         "utility (a utility kind, or \"*\" for any), min_m or null to remove the rule: one undo step", doSetCoverRule},
        {"add_callout", "optional text: a callout at the selection", doAddCallout},
        {"measure_tool", "kind: distance, horizontal, vertical, depth, clearance or off; then clicks measure",
         doMeasureTool},
        {"undo", "the last annotation or cut edit", doUndo},
        {"redo", "the last undone annotation or cut edit", doRedo},
        {"expect_annotations", "callouts, measurements: fail unless there are that many", doExpectAnnotations},
        {"close_window", "as the close button: the unsaved-changes question", doCloseWindow},
        {"save", "the project", doSave},
        {"save_as",
         "path, optional overwrite (default false): save the project there, as the Save As dialog does, and make it the "
         "session's project file",
         doSaveAs},
        {"ctrl_s", "as Ctrl+S: save the project, or show the Save As dialog when the viewer was opened on data files",
         doCtrlS},
        {"quit", "discards unsaved changes with a warning on stderr", doQuit},
    };
}

const ScriptAction* findScriptAction(const std::string& name) {
    for (const ScriptAction& action : scriptActions())
        if (name == action.name) return &action;
    return nullptr;
}

// Why the script cannot perform `action`, or "" when it can.
std::string actionProblem(const nlohmann::json& action) {
    if (!action.is_object() || !action.contains("do") || !action["do"].is_string())
        return "each action needs \"do\": \"name\"";
    const std::string name = action["do"].get<std::string>();
    return findScriptAction(name) ? "" : "unknown action '" + name + "'";
}
}  // namespace

std::string actionText(const nlohmann::json& action, const char* key) {
    auto it = action.find(key);
    return it != action.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool actionNumber(const nlohmann::json& action, const char* key, double& out, std::string& error) {
    auto it = action.find(key);
    if (it == action.end() || !it->is_number()) return error = std::string("needs a number \"") + key + "\"", false;
    out = it->get<double>();
    return true;
}

const std::vector<ScriptAction>& scriptActions() {
    static const std::vector<ScriptAction> actions = [] {
        std::vector<ScriptAction> all = viewerScriptActions();
        for (const auto& more : {plannerScriptActions(), timelineScriptActions()})
            all.insert(all.end(), more.begin(), more.end());
        return all;
    }();
    return actions;
}

std::string scriptActionsMarkdown() {
    std::string page =
        "# Viewer scripts\n\n"
        "`subterra view INPUTS --script actions.json` performs the actions of a JSON file one by one, a few frames apart "
        "so that the window shows the effect of each, and quits after the last: "
        "`{\"actions\": [{\"do\": \"select\", \"id\": \"W-12\"}, ...]}`. An unknown `do` is refused before the window "
        "opens; an action that fails ends the run with an error naming the file, the action's index and its name. "
        "`subterra view --script-actions` prints this page.\n\n";
    for (const ScriptAction& action : scriptActions())
        page += std::string("- `") + action.name + "` — " + action.help + "\n";
    return page;
}

std::optional<Script> Script::load(const std::string& path, std::string& error) {
    const auto text = readSourceText(path, error);
    if (!text) {
        error = path + ": cannot open the script (" + error + ")";
        return std::nullopt;
    }
    Problems problems;
    const auto parsed = parseJsonText(path, *text, problems);
    if (!parsed) {
        error = problems.front().toLine();
        return std::nullopt;
    }
    const nlohmann::json& document = *parsed;
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
        if (const std::string problem = actionProblem(action); !problem.empty()) {
            error = path + ": /actions/" + std::to_string(i) + ": " + problem;
            return std::nullopt;
        }
        script.actions_.push_back(action);
    }
    return script;
}

bool Script::step(SceneSession& session, ViewerUi& ui, ScriptRequests& requests, std::string& error) {
    if (finished()) return true;
    if (!wait_.file.empty()) {
        const bool waiting = stillWaitingForFile(error);
        if (!error.empty()) {
            error = path_ + ": /actions/" + std::to_string(next_ - 1) + " (wait_for_file): " + error;
            return false;
        }
        if (waiting || next_ >= actions_.size()) return true;  // the script may end with the wait
    }
    if (wait_.frames > 0 || (wait_.untilExportEnds && ui.timeline.exportBusy())) {
        if (wait_.frames > 0) --wait_.frames;
        return true;
    }
    wait_.untilExportEnds = false;
    if (wait_.pauseAfterFrames) ui.timeline.playing = false, wait_.pauseAfterFrames = false;
    const nlohmann::json& action = actions_[next_];
    wait_.frames = kFramesBetweenActions;
    if (!perform(action, session, ui, requests, error)) {
        error = path_ + ": /actions/" + std::to_string(next_) + " (" + action["do"].get<std::string>() + "): " + error;
        return false;
    }
    ++next_;
    return true;
}

bool Script::stillWaitingForFile(std::string& error) {
    std::error_code ignored;
    if (std::filesystem::exists(wait_.file, ignored)) {
        wait_.file.clear();
        return false;
    }
    if (std::chrono::steady_clock::now() < wait_.fileDeadline) return true;
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", wait_.fileTimeoutS);
    error = "'" + wait_.file + "' did not appear within " + seconds + " s";
    wait_.file.clear();
    return false;
}

bool Script::perform(const nlohmann::json& action, SceneSession& session, ViewerUi& ui, ScriptRequests& requests,
                     std::string& error) {
    const ScriptAction* known = findScriptAction(action["do"].get<std::string>());
    if (!known) return error = "unknown action", false;  // load() turns these away already
    ScriptContext context{session, ui, requests, wait_, path_};
    return known->run(action, context, error);
}

}  // namespace subterra
