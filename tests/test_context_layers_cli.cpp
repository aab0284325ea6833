// Context layers from the command line (issue 15, items 8 to 10): roads, parcels and a stream
// beside water mains and gullies. `info` says what each layer was read as and which fields went
// unused, `--field` maps one, and the render shows streets and water on the ground.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "image_io.h"

namespace fs = std::filesystem;
using Catch::Contains;
using fixtures::runSubterra;

namespace {
std::vector<std::string> contextFiles() {
    std::vector<std::string> files;
    for (const char* name : {"roads", "parcels", "streams", "water_mains", "gullies"})
        files.push_back(fixtures::sourceDir() + "/tests/data/context/" + name + ".geojson");
    return files;
}

std::vector<std::string> command(std::vector<std::string> head, const std::vector<std::string>& tail = {}) {
    for (const auto& file : contextFiles()) head.push_back(file);
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
}
}  // namespace

TEST_CASE("context cli: info says what each layer holds and which fields are unused", "[cli][issue15]") {
    const std::string dir = fixtures::freshDir("context_info");
    const auto r = runSubterra(command({"info"}), dir);
    INFO(r.out + r.err);
    REQUIRE(r.exitCode == 0);
    CHECK_THAT(r.out, Contains("features as ground cover"));
    CHECK_THAT(r.out, Contains("read as road (context, not a utility network) from the name 'roads'"));
    CHECK_THAT(r.out, Contains("read as water body"));
    CHECK_THAT(r.out, Contains("read as parcel"));
    CHECK_THAT(r.out, Contains("utility 'storm' inferred from the name 'gullies' (word 'gully')"));
    CHECK_THAT(r.out, Contains("utility 'water' inferred from the name 'water_mains'"));
    CHECK_THAT(r.out, Contains("fields not used: OWNER"));
    CHECK_THAT(r.out, Contains("diameter=DN_MM[mm](guessed)"));
    CHECK_THAT(r.out, Contains("7 ground patches"));
}

TEST_CASE("context cli: --field maps a field for one run, and a field no layer has is an error", "[cli][issue15]") {
    const std::string dir = fixtures::freshDir("context_field");
    const auto mapped = runSubterra(command({"info", "--json"}, {"--field", "material=OWNER"}), dir);
    INFO(mapped.out + mapped.err);
    REQUIRE(mapped.exitCode == 0);
    const auto report = nlohmann::json::parse(mapped.out);
    bool mappedInMains = false;
    for (const auto& layer : report["layers"])
        if (layer["name"] == "water_mains") mappedInMains = layer["mapping"]["material"]["field"] == "OWNER";
    CHECK(mappedInMains);

    const auto typo = runSubterra(command({"info"}, {"--field", "material=OWNR"}), dir);
    CHECK(typo.exitCode == 1);
    CHECK_THAT(typo.err, Contains("--field material=OWNR: no layer has a field 'OWNR'"));
    const auto badRole = runSubterra(command({"info"}, {"--field", "colour=OWNER"}), dir);
    CHECK(badRole.exitCode == 1);
    CHECK_THAT(badRole.err, Contains("--field: unknown mapping role 'colour'"));
}

TEST_CASE("context cli: streets and the stream show on the ground, the lots stay faint", "[cli][render][issue15]") {
    const std::string dir = fixtures::freshDir("context_render");
    const auto r = runSubterra(command({"render", "-o", "context.png", "--size", "640x360"}), dir);
    INFO(r.out + r.err);
    REQUIRE(r.exitCode == 0);
    std::string error;
    const auto image = subterra::readPng(dir + "/context.png", error);
    REQUIRE(image);
    int asphalt = 0, water = 0;
    for (int y = 0; y < image->t(); ++y)
        for (int x = 0; x < image->s(); ++x) {
            const osg::Vec4ub p = subterra::pixelAt(*image, x, y);
            const int r8 = p.r(), g8 = p.g(), b8 = p.b();
            asphalt += r8 < 110 && std::abs(r8 - g8) < 12 && std::abs(g8 - b8) < 14 ? 1 : 0;
            water += b8 > r8 + 70 && b8 > g8 + 20 ? 1 : 0;
        }
    CHECK(asphalt > 1000);
    CHECK(water > 300);
}
