#pragma once
// Drag handles for sections and excavations: where each handle is, and what dragging it does.
// UI-free, so the viewer's mouse drags, its test script and the unit tests share one behaviour.
#include <optional>
#include <string>
#include <vector>

#include "cuts.h"

namespace subterra {

enum class HandleRole {
    Move,  // the whole cut, in plan
    EdgeEast,
    EdgeWest,
    EdgeNorth,
    EdgeSouth,  // an excavation's side, along its own axes (east = +x)
    Rotate,     // an excavation's rotation about its centre
    Depth,      // an excavation's floor, up and down
    LineStart,
    LineEnd,  // a vertical section's line ends, in plan
    Level     // a horizontal section's level, up and down
};
const char* toString(HandleRole role);
std::optional<HandleRole> parseHandleRole(const std::string& text);

struct CutHandle {
    bool excavation = false;  // else a section
    size_t index = 0;         // in Cuts::excavations or Cuts::sections
    HandleRole role = HandleRole::Move;
    Vec3d position;         // project CRS
    bool vertical = false;  // dragged up and down; otherwise in plan, on the level of `position`
};

// The handles of every enabled cut. Excavation handles sit on the ground at the pit's rim (the
// floor handle at its floor); section handles on the ground at the line (a level at the model's
// centre).
std::vector<CutHandle> cutHandles(const Cuts& cuts, const Model& model);

// The cuts after dragging `handle` from `from` to `to` (points on its drag plane), applied to the
// cuts as they were when the drag began, so a long drag does not accumulate rounding. Sizes and
// depths stay at least 0.2 m; a section line whose ends would meet keeps its old ends.
Cuts dragCutHandle(const Cuts& atStart, const CutHandle& handle, const Vec3d& from, const Vec3d& to);

// The handle named by cut name and role, among `handles`; nullptr when there is none.
const CutHandle* findCutHandle(const std::vector<CutHandle>& handles, const Cuts& cuts, const std::string& cutName,
                               HandleRole role);

}  // namespace subterra
