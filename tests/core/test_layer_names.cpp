// What a layer's name says it holds (issue 15, items 9 and 10): the word table of
// importers/layer_names.inc, read from names as utilities and cities spell them.
#include <catch2/catch.hpp>

#include "layer_names.h"

using namespace subterra;

namespace {
std::string reading(const std::string& name) {
    const auto r = readLayerName(name);
    if (!r) return "none";
    return r->utility ? toString(*r->utility) : toString(r->theme);
}
}  // namespace

TEST_CASE("layer names: utility words in every spelling give the utility", "[layer-names][issue15]") {
    CHECK(reading("water_mains") == "water");
    CHECK(reading("WaterMains") == "water");
    CHECK(reading("WTR_MAINS") == "water");
    CHECK(reading("wMain") == "water");  // ESRI water utility data model
    CHECK(reading("Hydrants") == "water");
    CHECK(reading("ssGravityMain") == "sewer");
    CHECK(reading("FOUL_SEWERS") == "sewer");
    CHECK(reading("swInlet") == "storm");
    CHECK(reading("gullies") == "storm");
    CHECK(reading("Gully_Pots_2019") == "storm");
    CHECK(reading("catch_basins") == "storm");
    CHECK(reading("StormWater") == "storm");
    CHECK(reading("gas") == "gas");
    CHECK(reading("LV_Cables") == "power");
    CHECK(reading("fibre_ducts") == "telecom");
    CHECK(reading("district_heating") == "heating");
}

TEST_CASE("layer names: context words give roads, parcels, water bodies or a skip", "[layer-names][issue15]") {
    CHECK(reading("roads") == "road");
    CHECK(reading("Street_Centrelines") == "road");
    CHECK(reading("parcels") == "parcel");
    CHECK(reading("LandUse") == "parcel");
    CHECK(reading("Lots") == "parcel");
    CHECK(reading("streams") == "water body");
    CHECK(reading("water_courses") == "water body");  // the longer word wins over "water"
    CHECK(reading("WaterBody") == "water body");
    CHECK(reading("contours_1m") == "skip");
    CHECK(reading("Railways") == "road");  // a band on the ground, not a pipe
    CHECK(reading("street_trees") == "skip");
}

TEST_CASE("layer names: a utility word beats a context word, and unknown names stay unknown",
          "[layer-names][issue15]") {
    CHECK(reading("road_gullies") == "storm");
    CHECK(reading("street_lights") == "power");
    CHECK(reading("pipes") == "none");
    CHECK(reading("Mains") == "none");
    CHECK(reading("downstream_pipes") == "none");  // "stream" only as a word of its own
    CHECK(reading("lotus") == "none");
    CHECK(reading("") == "none");
    CHECK(utilityFromName("W_WATER_DN200") == UtilityKind::Water);
    CHECK_FALSE(utilityFromName("roads").has_value());
}
