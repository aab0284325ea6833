#include "script_planner.h"

#include <cstdio>

#include "checks_view.h"
#include "crossings_view.h"
#include "export_prompt.h"
#include "find_view.h"
#include "key_events.h"

namespace subterra {

namespace {
bool expectCount(const nlohmann::json& action, size_t actual, const char* what, std::string& error) {
    const size_t expected = action.value("expect_count", actual);
    if (actual == expected) return true;
    error = "found " + std::to_string(actual) + " " + what + ", expected " + std::to_string(expected);
    return false;
}

// --- Find

bool doFind(const nlohmann::json& action, ScriptContext& context, std::string& error) {  // as Enter in the Find box
    FindView& find = context.ui.find;
    runFind(context.session, find, actionText(action, "query"), context.ui.viewport.aspect());
    const std::string expectError = actionText(action, "expect_error");
    if (!expectError.empty()) {
        if (find.result.error.find(expectError) == std::string::npos)
            return error = "expected an error containing '" + expectError + "', found '" + find.result.error + "'",
                   false;
        return true;
    }
    if (!find.result.error.empty()) return error = find.result.error, false;
    return expectCount(action, find.result.hits.size(), "matches", error);
}

bool doClearFind(const nlohmann::json&, ScriptContext& context, std::string&) {
    clearFind(context.session, context.ui.find);
    return true;
}

bool doFindFocus(const nlohmann::json& action, ScriptContext& context, std::string&) {
    FindView& find = context.ui.find;
    if (action.contains("text")) std::snprintf(find.query, sizeof find.query, "%s", actionText(action, "text").c_str());
    find.takeFocus = true;
    return true;
}

bool doExpectFindFocus(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const bool expected = action.value("focused", true);
    if (context.ui.find.focused != expected)
        return error = std::string("the Find box ") + (expected ? "does not have" : "has") + " the keyboard", false;
    return true;
}

bool doExpectMarked(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    return expectCount(action, context.session.marked().size(), "features marked", error);
}

// --- Crossings

bool doCrossings(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    CrossingsView& view = context.ui.crossings;
    view.open = action.value("open", true);
    refreshCrossings(context.session, view);
    if (!view.line) return error = "select a line first", false;
    if (!expectCount(action, view.rows.size(), "crossings", error)) return false;
    const nlohmann::json ids = action.value("expect_ids", nlohmann::json());
    if (ids.is_null()) return true;
    std::vector<std::string> actual;
    for (const Crossing& c : view.rows) actual.push_back(context.session.model().segments[c.other].id);
    if (nlohmann::json(actual) != ids) return error = "crossings in order " + nlohmann::json(actual).dump(), false;
    return true;
}

bool doCrossingGoTo(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    CrossingsView& view = context.ui.crossings;
    refreshCrossings(context.session, view);
    const size_t index = action.value("index", size_t(0));
    if (index >= view.rows.size()) return error = "no crossing " + std::to_string(index), false;
    goToCrossing(context.session, view, index, context.ui.viewport.aspect());
    return true;
}

// --- The violation list and exports

bool doChecksList(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    ChecksView& checks = context.ui.checks;
    if (!checks.results) return error = "run_checks first", false;
    std::snprintf(checks.filter, sizeof checks.filter, "%s", actionText(action, "filter").c_str());
    const std::string order = action.value("order", std::string("severity"));
    if (order == "severity") checks.order = ViolationOrder::Severity;
    else if (order == "distance") checks.order = ViolationOrder::Distance;
    else if (order == "id") checks.order = ViolationOrder::Id;
    else return error = "order must be severity, distance or id", false;
    checks.scrollIntoView = true;
    const std::vector<size_t>& rows = violationRows(checks);
    if (!expectCount(action, rows.size(), "violations listed", error)) return false;
    const std::string first = actionText(action, "expect_first");
    if (!first.empty() && (rows.empty() || checks.lines[rows.front()].find(first) == std::string::npos))
        return error = "the first line listed is '" + (rows.empty() ? std::string() : checks.lines[rows.front()]) +
                       "', expected one containing '" + first + "'",
               false;
    return true;
}

bool doExportPrompt(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    ExportKind kind;
    if (!parseExportKind(actionText(action, "what"), kind))
        return error = "what must be conflicts.csv, conflicts.geojson, profile.svg or profile.png", false;
    ExportPrompt& prompt = context.ui.exportPrompt;
    openExportPrompt(context.session, prompt, kind);
    const std::string expectDefault = actionText(action, "expect_default");
    if (!expectDefault.empty() && std::string(prompt.path).find(expectDefault) == std::string::npos)
        return error = "the prompt proposes '" + std::string(prompt.path) + "'", false;
    if (action.contains("path"))
        std::snprintf(prompt.path, sizeof prompt.path, "%s", actionText(action, "path").c_str());
    if (!action.value("accept", false)) return true;
    const std::string written = acceptExportPrompt(context.session, prompt, context.ui.checks, context.ui.profile,
                                                   action.value("overwrite", false));
    if (written.empty())
        return error = prompt.confirmOverwrite ? "the file exists (\"overwrite\": true replaces it)" : prompt.error,
               false;
    context.ui.say(written, 0);
    return true;
}

bool doExpectMessage(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const std::string part = actionText(action, "contains");
    if (context.ui.message.find(part) == std::string::npos)
        return error = "the status bar says '" + context.ui.message + "'", false;
    return true;
}

// --- Keys and frames

bool doTapKeys(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    const nlohmann::json keys = action.value("keys", nlohmann::json());
    if (!keys.is_array() || keys.empty()) return error = "needs \"keys\": [\"ctrl+s\", \"enter\", ...]", false;
    for (const auto& chord : keys) {
        const auto codes = chord.is_string() ? parseKeyChord(chord.get<std::string>()) : std::nullopt;
        if (!codes) return error = "unknown key " + chord.dump(), false;
        tapChord(context.ui.keys, *codes);
    }
    return true;
}

bool doFrameDelay(const nlohmann::json& action, ScriptContext& context, std::string& error) {
    double ms = 0;
    if (!actionNumber(action, "ms", ms, error)) return false;
    context.ui.frameDelayMs = std::clamp(int(ms), 0, 2000);
    return true;
}

bool doExpectSaved(const nlohmann::json&, ScriptContext& context, std::string& error) {
    if (context.session.dirty()) return error = "the project has unsaved changes", false;
    return true;
}
}  // namespace

std::vector<ScriptAction> plannerScriptActions() {
    return {
        {"find",
         "query, optional expect_count, optional expect_error (part of the error): as Enter in the Find box; every match "
         "is marked in the scene, one is selected and focused",
         doFind},
        {"clear_find", "as emptying the Find box: the marks go", doClearFind},
        {"find_focus",
         "optional text (as if typed): the Find box takes the keyboard; then tap_keys [\"enter\"] or real keys",
         doFindFocus},
        {"expect_find_focus", "focused (default true): fail unless the Find box has the keyboard or not",
         doExpectFindFocus},
        {"expect_marked", "expect_count: fail unless that many features are marked by Find", doExpectMarked},
        {"crossings",
         "optional open (default true), expect_count, expect_ids [...] in order: the Crossings window of the selected "
         "line",
         doCrossings},
        {"crossing_go_to", "index: fly to that row of the Crossings window", doCrossingGoTo},
        {"checks_list",
         "filter (ids, utilities), order severity|distance|id, optional expect_count, expect_first (part of the first "
         "line): the Checks section's violation list, scrolled into view",
         doChecksList},
        {"export_prompt",
         "what conflicts.csv|conflicts.geojson|profile.svg|profile.png, optional expect_default (part of the proposed "
         "path), path, accept (write, default false), overwrite: the export's path prompt",
         doExportPrompt},
        {"expect_message", "contains: fail unless the status bar's message contains it", doExpectMessage},
        {"tap_keys",
         "keys [\"ctrl+s\", \"enter\", \"a\", ...]: each pressed and released before the next frame, as quick taps "
         "between two frames",
         doTapKeys},
        {"frame_delay", "ms: every frame waits that long after drawing (slow frames, 0 to 2000)", doFrameDelay},
        {"expect_saved", "fail when the project has unsaved changes", doExpectSaved},
    };
}

}  // namespace subterra
