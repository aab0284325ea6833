#pragma once
// The tables of district.gpkg: fields, their project-file mapping roles, and layer styles.
#include <vector>

#include "table.h"

namespace district {

struct Tables {
    Table water, sewer, storm, gullies, gas, power, telecom, heating, houseConnections, manholes, buildings;

    std::vector<const Table*> all() const;
    size_t lineFeatureCount() const;  // features of the line tables: the "segments" of --segments
};

Tables makeTables();

}  // namespace district
