// Numbers a project may hold but no scene can use (issue 16): a timeline of 1e9 seconds
// overflowed the frame count ("1 frames rendered", exit 0), a flat ground at 1e300 m rendered a
// blank picture. Both are refused with their JSON path and the accepted range.
#include <catch2/catch.hpp>

#include <limits>

#include "defaults.h"
#include "fixtures.h"
#include "project.h"

using namespace subterra;
using Catch::Contains;

namespace {
ProjectLoad loadWith(const std::string& test, const std::string& extra) {
    const std::string text =
        R"({"subterra": 1, "layers": [{"name": "pipes", "source": "pipes.geojson"}], )" + extra + "}";
    return loadProject(fixtures::writeText(fixtures::freshDir(test) + "/p.subterra.json", text));
}
}  // namespace

TEST_CASE("document limits: a timeline longer than a day is refused, not wrapped to one frame",
          "[timeline][bad-input]") {
    const ProjectLoad load = loadWith("limits_duration", R"("timeline": {"duration_s": 1e9, "tracks": []})");
    INFO(fixtures::problemLines(load.problems));
    CHECK(fixtures::countProblems(load.problems, {"p.subterra.json", "$.timeline.duration_s",
                                                  "1e+09 is outside the accepted range 0.001 to 86400"}) == 1);
    Timeline timeline;
    timeline.durationS = 1e9;  // set by code, not read: the count saturates instead of wrapping
    CHECK(timeline.frameCount() == std::numeric_limits<int>::max());
    timeline.durationS = 86400;
    timeline.fps = 240;
    CHECK(timeline.frameCount() == 86400 * 240);
}

TEST_CASE("document limits: a flat ground level beyond the Earth's is refused", "[project][bad-input]") {
    const ProjectLoad load = loadWith("limits_flat", R"("terrain": {"flat_level_m": 1e300})");
    INFO(fixtures::problemLines(load.problems));
    CHECK(fixtures::countProblems(load.problems, {"$.terrain.flat_level_m", "1e+300 is outside the accepted range"}) ==
          1);
    const ProjectLoad fine = loadWith("limits_flat_ok", R"("terrain": {"flat_level_m": -35.5})");
    REQUIRE(fine.project);
    CHECK(fine.project->terrain.flatLevelM == Approx(-35.5));
}
