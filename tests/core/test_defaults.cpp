// The table of defaults (core/document/defaults.h) and the places that take their value from it.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>

#include "defaults.h"
#include "project.h"

using namespace subterra;

TEST_CASE("defaults: every default lies in its own range and names are unique", "[defaults]") {
    std::set<std::string> names;
    for (const NumericOption& option : numericOptions()) {
        INFO(option.name);
        CHECK(option.min <= option.max);
        CHECK(option.accepts(option.value));
        CHECK(names.insert(option.name).second);
        CHECK_FALSE(std::string(option.help).empty());
    }
    CHECK(names.size() >= 6);
}

TEST_CASE("defaults: a range refuses what lies outside it, NaN included", "[defaults]") {
    const NumericOption& fov = defaults::kFieldOfViewDeg;
    CHECK(fov.accepts(fov.min));
    CHECK(fov.accepts(fov.max));
    CHECK_FALSE(fov.accepts(0));
    CHECK_FALSE(fov.accepts(180));
    CHECK_FALSE(fov.accepts(std::nan("")));
}

TEST_CASE("defaults: a new project and its named views take the table's values", "[defaults]") {
    const Project project;
    CHECK(project.terrainOpacity == float(defaults::kTerrainOpacity.value));
    CHECK(NamedView{}.fovDeg == defaults::kFieldOfViewDeg.value);
    CHECK(defaults::kFieldOfViewDeg.value == 35);  // the look every baseline picture was taken with
    CHECK(defaults::kTerrainOpacity.value == Approx(0.35));
}
