#pragma once
// The state of a drag on a section's or excavation's handle (scene/cut_handles.h), kept in the
// viewer's UI state between frames.
#include <optional>

#include "cut_handles.h"

namespace subterra {

struct CutHandleDrag {
    bool visible = true;               // the Cuts panel's "Show handles"
    std::optional<CutHandle> active;   // the handle being dragged
    std::optional<CutHandle> hovered;  // under the cursor this frame
    Cuts atStart;                      // the cuts when the drag began
    Vec3d grab;                        // where on its drag plane the handle was taken
};

}  // namespace subterra
