#pragma once
// What every importer is given: the project CRS to transform into and the ground for the Z rules.
#include <string>
#include <utility>

#include "depth_rules.h"

namespace subterra {

struct ImportContext {
    ImportContext(
        std::string projectCrs = {}, GroundFunction ground = [](double, double) { return 0.0; },
        std::string declaredCrs = {})
        : projectCrsWkt(std::move(projectCrs)), groundAt(std::move(ground)), declaredCrsWkt(std::move(declaredCrs)) {}

    std::string projectCrsWkt;  // empty = keep source coordinates (local frame); always in metres
    GroundFunction groundAt;    // ground level in the project CRS
    // The project CRS as the user gave it, when that is not in metres (US feet): sources that
    // declare no CRS are taken to be in it. Empty = the same as projectCrsWkt.
    std::string declaredCrsWkt;
};

}  // namespace subterra
