#pragma once
// The viewer's clearance and cover checks: results of the project's rules on the loaded network,
// their red markers in the scene (as `render --check` draws them), a conflict to fly to, and the
// exports `subterra check -o` writes. No ImGui here: the panel and the test script share it.
#include <optional>
#include <osg/Group>
#include <osg/observer_ptr>
#include <string>

#include "check_report.h"
#include "clearance_check.h"
#include "scene_session.h"

namespace subterra {

// The violation list's order: worst first (check_report's violationsBySeverity: clash, serious,
// minor, then the larger shortfall), smallest distance (or cover) first, or by the ids.
enum class ViolationOrder { Severity, Distance, Id };

struct ChecksView {
    std::optional<CheckResults> results;
    bool showMarkers = true;
    osg::ref_ptr<osg::Node> markers;
    osg::observer_ptr<osg::Group> attachedTo;  // the scene the markers hang in (a rebuild replaces it)
    std::vector<RankedViolation> ranked;       // the results worst first, made once per run
    std::vector<std::string> lines;            // checkLines() of the results, in the ranked order
    char filter[128] = "";                     // the list shows the lines containing this (any case)
    ViolationOrder order = ViolationOrder::Severity;
    std::vector<size_t> rows;  // the violations listed (positions in `ranked`) for `filter` and `order` below
    std::string rowsFilter;
    ViolationOrder rowsOrder = ViolationOrder::Severity;
    bool rowsValid = false;
    float listHeightPx = 0;       // the list's height as its grip was dragged; 0 = 16 rows
    bool scrollIntoView = false;  // the side panel scrolls to the section on the next frame

    size_t count() const { return results ? results->clearance.size() + results->cover.size() : 0; }
};

// Runs the project's rules (defaults without a project) and builds the markers.
void runViewerChecks(SceneSession& session, ChecksView& checks);
// Keeps the markers in the current scene while shown, out of it otherwise; call once per frame.
void syncCheckMarkers(SceneSession& session, ChecksView& checks);
// Violation `index` (clearance first, then cover): selects its first line and looks at the spot.
void goToViolation(SceneSession& session, const ChecksView& checks, size_t index, double aspect);
// The violations the list shows, as positions in checks.ranked and checks.lines: those whose line
// contains checks.filter (ids, utility kinds, "clash", "cover", ...; any case) in checks.order. Kept
// in checks.rows until the filter, the order or the results change.
const std::vector<size_t>& violationRows(ChecksView& checks);
// The index goToViolation takes (clearance first, then cover) of position `row` in checks.ranked.
size_t violationIndex(const ChecksView& checks, size_t row);
// Writes the results as .csv or .geojson (by the extension) atomically; false + `error`.
[[nodiscard]] bool exportChecks(SceneSession& session, const ChecksView& checks, const std::string& path,
                                std::string& error);
// Rule edits the panel and the script share. A clearance rule for the same two kinds (either
// order) is replaced; nullopt `minM` removes it. Cover: `kind` nullopt is "*".
CheckRules withClearanceRule(CheckRules rules, std::optional<UtilityKind> a, std::optional<UtilityKind> b,
                             std::optional<double> minM);
CheckRules withCoverRule(CheckRules rules, std::optional<UtilityKind> kind, std::optional<double> minM);

// Where exports go by default: beside the project, "<project>.conflicts.<extension>".
std::string besideProject(SceneSession& session, const std::string& suffix);

}  // namespace subterra
