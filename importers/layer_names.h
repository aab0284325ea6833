#pragma once
// What a layer's (or a field's) name says about its content: which utility, or context that is
// not a utility network. The words are data (layer_names.inc), not code.
#include <optional>
#include <string>

#include "model.h"

namespace subterra {

enum class LayerTheme { Utility, Road, Parcel, WaterBody, Skip };
const char* toString(LayerTheme theme);

struct NameReading {
    LayerTheme theme = LayerTheme::Utility;
    std::optional<UtilityKind> utility;  // set when theme is Utility
    std::string word;                    // the word of the table that decided ("gully")
};

// What `name` says, or nullopt when none of its words is in the table. A utility word wins over
// a context word ("road_gullies" is storm), except inside a longer context word ("watercourse");
// of two context words the last wins ("street_trees" are trees).
std::optional<NameReading> readLayerName(const std::string& name);

}  // namespace subterra
