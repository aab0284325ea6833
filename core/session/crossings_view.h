#pragma once
// The viewer's Crossings section: what crosses the selected line (crossings.h), kept for the
// selection and the project's rules until either changes, and a crossing to fly to. No ImGui: the
// panel and the test script share it.
#include <optional>
#include <string>
#include <vector>

#include "crossings.h"
#include "scene_session.h"

namespace subterra {

struct CrossingsView {
    bool open = false;  // the Crossings window is shown
    std::vector<Crossing> rows;
    std::optional<size_t> line;     // index into Model::segments of the line the rows are for
    double withinM = 0;             // the largest clearance rule when they were found
    CheckRules rules;               // the rules they were found with
    std::optional<size_t> current;  // the row flown to last
};

// Brings `view` up to date with the selection (a line, else no rows) and the project's rules;
// finds nothing again while neither has changed.
void refreshCrossings(const SceneSession& session, CrossingsView& view);
// Frames crossing `index` (the two lines where they cross, or come closest); the selection stays.
void goToCrossing(SceneSession& session, CrossingsView& view, size_t index, double aspect);
// "12.40 m  S-0003 sewer 400 mm below, gap 0.70 m, clear 0.70 m (rule 1.00 m)" per row.
std::string crossingLine(const Model& model, const Crossing& crossing);
// "400 mm" or "300 x 200 mm"; "?" when unknown.
std::string sizeText(const CrossSection& section);

}  // namespace subterra
