// `subterra check` end to end: the sample district's six deliberate conflicts, exit code 3, CSV and
// GeoJSON output, rules from the project file and their errors.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "clearance_check.h"
#include "fixtures.h"
#include "project.h"
#include "scene_inputs.h"

using fixtures::runSubterra;
using namespace subterra;

namespace {
const std::string kSample = "sample-data/district/district.subterra.json";

const std::set<std::pair<std::string, std::string>> kDeliberate = {{"G-0003", "P-0036"},  {"H-0003", "W-0031"},
                                                                   {"GC-0018", "W-0004"}, {"HC-0028", "G-0005"},
                                                                   {"HC-0073", "P-0010"}, {"HC-0091", "D-0010"}};

std::pair<std::string, std::string> unordered(std::string a, std::string b) {
    // The deliberate list names the service/branch first; compare as sets of two.
    for (const auto& pair : kDeliberate)
        if ((pair.first == a && pair.second == b) || (pair.first == b && pair.second == a)) return pair;
    return {a, b};
}

std::string describe(const fixtures::CommandResult& r) {
    return "exit " + std::to_string(r.exitCode) + "\n--- stdout\n" + r.out + "--- stderr\n" + r.err;
}

// A tiny project: a water main and a sewer crossing 0.6 m apart (surface), rules in "checks".
std::string writeCrossing(const std::string& dir, const std::string& checks) {
    fixtures::writeText(dir + "/lines.geojson", R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features": [
{"type": "Feature", "properties": {"PIPE_ID": "W-1", "DN": 200, "UTILITY": "water"},
 "geometry": {"type": "LineString", "coordinates": [[352000, 3451000, 3.0], [352020, 3451000, 3.0]]}},
{"type": "Feature", "properties": {"PIPE_ID": "S-1", "DN": 200, "UTILITY": "sewer"},
 "geometry": {"type": "LineString", "coordinates": [[352010, 3450990, 2.2], [352010, 3451010, 2.2]]}}]})");
    return fixtures::writeText(dir + "/x.subterra.json", R"({"subterra": 1, "crs": "EPSG:32651",
  "terrain": {"flat_level_m": 4.0},
  "layers": [{"name": "lines", "source": "lines.geojson"}])" +
                                                             checks + "}");
}
}  // namespace

TEST_CASE("check: the sample district has exactly its six deliberate conflicts", "[check][sample]") {
    InputOptions options;
    options.inputs = {fixtures::sourceDir() + "/" + kSample};
    const LoadedInputs inputs = loadInputs(options);
    REQUIRE(inputs.project);
    REQUIRE(inputs.load.model.segments.size() > 500);
    const CheckResults results = runChecks(inputs.load.model, inputs.project->checks);
    std::set<std::pair<std::string, std::string>> found;
    for (const auto& v : results.clearance) {
        found.insert(unordered(inputs.load.model.segments[v.a].id, inputs.load.model.segments[v.b].id));
        CHECK(v.distanceM < 0.1);
    }
    CHECK(found == kDeliberate);
    CHECK(results.clearance.size() == 6);
    CHECK(results.cover.empty());
}

TEST_CASE("check: CLI exits 3 on violations and writes GeoJSON and CSV", "[check][cli]") {
    const std::string dir = fixtures::freshDir("check_cli");
    writeCrossing(
        dir,
        R"(, "checks": {"clearance": [{"between": ["water", "sewer"], "min_m": 1.0}], "cover": {"water": 1.5, "*": 0.3}})");
    const auto geo = runSubterra({"check", "x.subterra.json", "-o", "conflicts.geojson"}, dir);
    INFO(describe(geo));
    CHECK(geo.exitCode == 3);
    CHECK(geo.out.find("clearance W-1 (water) x S-1 (sewer): 0.600 m") != std::string::npos);
    const auto json = nlohmann::json::parse(fixtures::readFile(dir + "/conflicts.geojson"));
    REQUIRE(json["features"].size() == 2);
    // Worst first: both are minor, and the cover misses its rule by 0.6 m, the clearance by 0.4 m.
    const auto& cover = json["features"][0];
    CHECK(cover["properties"]["check"] == "cover");
    CHECK(cover["properties"]["id_a"] == "W-1");
    CHECK(cover["properties"]["distance_m"].get<double>() == Approx(0.9));  // ground 4.0 - top 3.1
    CHECK(cover["properties"]["severity"] == "minor");
    CHECK(cover["properties"]["shortfall_m"].get<double>() == Approx(0.6));
    const auto& clash = json["features"][1];
    CHECK(clash["properties"]["check"] == "clearance");
    CHECK(clash["properties"]["id_a"] == "W-1");
    CHECK(clash["properties"]["id_b"] == "S-1");
    CHECK(clash["properties"]["distance_m"].get<double>() == Approx(0.6));
    CHECK(clash["properties"]["required_m"].get<double>() == Approx(1.0));
    // One geometry type for every feature (a shapefile or GeoPackage layer holds one): the conflict's
    // point, with the two closest points kept as properties.
    for (const auto& feature : json["features"]) CHECK(feature["geometry"]["type"] == "Point");
    CHECK(clash["geometry"]["coordinates"][0].get<double>() == Approx(352010));
    CHECK(clash["geometry"]["coordinates"][2].get<double>() == Approx(2.6));
    CHECK(clash["properties"]["closest_a"][2].get<double>() == Approx(3.0));
    CHECK(clash["properties"]["closest_b"][2].get<double>() == Approx(2.2));
    CHECK(json["crs"]["properties"]["name"] == "urn:ogc:def:crs:EPSG::32651");

    const auto csv = runSubterra({"check", "x.subterra.json", "-q", "-o", "conflicts.csv"}, dir);
    CHECK(csv.exitCode == 3);
    CHECK(csv.out.empty());
    CHECK(fixtures::readFile(dir + "/conflicts.csv") ==
          "check,id_a,id_b,utility_a,utility_b,distance_m,required_m,rule,x,y,z,severity\n"
          "cover,W-1,,water,,0.900,1.500,cover >= 1.50 m,352000.000,3451000.000,3.000,minor\n"
          "clearance,W-1,S-1,water,sewer,0.600,1.000,clearance >= 1.00 m,352010.000,3451000.000,2.600,minor\n");

    // `-o -` writes the same GeoJSON to stdout, and nothing else there.
    const auto piped = runSubterra({"check", "x.subterra.json", "-o", "-"}, dir);
    CHECK(piped.exitCode == 3);
    CHECK(nlohmann::json::parse(piped.out) == json);
    const auto pipedCsv = runSubterra({"check", "x.subterra.json", "-o", "-", "--format", "csv"}, dir);
    CHECK(pipedCsv.out == fixtures::readFile(dir + "/conflicts.csv"));
}

TEST_CASE("check: --json summary counts by severity, worst first", "[check][cli]") {
    const std::string dir = fixtures::freshDir("check_json");
    // Surfaces 0.6 m apart under a 2.0 m rule: serious (less than half); cover 0.9 of 1.0 m: minor.
    writeCrossing(dir, R"(, "checks": {"clearance": [{"between": ["*", "*"], "min_m": 2.0}], "cover": {"water": 1.0}})");
    const auto r = runSubterra({"check", "x.subterra.json", "--json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 3);
    const auto summary = nlohmann::json::parse(r.out);  // stdout holds the summary only
    CHECK(summary["lines"] == 2);
    CHECK(summary["clearance_violations"] == 1);
    CHECK(summary["cover_violations"] == 1);
    CHECK(summary["by_severity"] == nlohmann::json{{"clash", 0}, {"serious", 1}, {"minor", 1}});
    REQUIRE(summary["violations"].size() == 2);
    CHECK(summary["violations"][0]["check"] == "clearance");
    CHECK(summary["violations"][0]["severity"] == "serious");
    CHECK(summary["violations"][0]["shortfall_m"].get<double>() == Approx(1.4));
    CHECK(summary["violations"][1]["check"] == "cover");
    CHECK(summary["violations"][1]["severity"] == "minor");
}

TEST_CASE("check: output format and stdout usage errors exit 2", "[check][cli][errors]") {
    const std::string dir = fixtures::freshDir("check_usage");
    writeCrossing(dir, "");
    for (const std::vector<std::string>& bad :
         {std::vector<std::string>{"check", "x.subterra.json", "-o", "out.txt"},
          {"check", "x.subterra.json", "-o", "-", "--format", "xml"},
          {"check", "x.subterra.json", "-o", "-", "--json"}}) {
        const auto r = runSubterra(bad, dir);
        INFO(describe(r));
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("subterra: error: ") != std::string::npos);
        CHECK(r.out.empty());
    }
}

TEST_CASE("check: clean network exits 0, defaults apply without a checks section", "[check][cli]") {
    const std::string dir = fixtures::freshDir("check_clean");
    writeCrossing(dir, "");
    const auto r = runSubterra({"check", "x.subterra.json", "-o", "none.csv"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 0);
    CHECK(fixtures::readFile(dir + "/none.csv") ==
          "check,id_a,id_b,utility_a,utility_b,distance_m,required_m,rule,x,y,z,severity\n");
}

TEST_CASE("check: a clean network with a layer that failed to load exits 1, not 0", "[check][cli][errors]") {
    const std::string dir = fixtures::freshDir("check_failed_layer");
    writeCrossing(dir, "");  // lines.geojson; the project is replaced by one with a missing layer
    fixtures::writeText(dir + "/x.subterra.json", R"({"subterra": 1, "crs": "EPSG:32651",
  "terrain": {"flat_level_m": 4.0},
  "layers": [{"name": "lines", "source": "lines.geojson"}, {"name": "gas", "source": "gas-missing.geojson"}]})");
    const auto r = runSubterra({"check", "x.subterra.json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);  // the gas layer was not checked: the network is not known to be clean
    CHECK(r.err.find("gas-missing.geojson") != std::string::npos);
    CHECK(r.err.find("0 clearance and 0 cover violations in 2 lines") != std::string::npos);
}

TEST_CASE("check: malformed rules are one-line errors naming the JSON path, exit 1", "[check][cli][errors]") {
    const std::string dir = fixtures::freshDir("check_bad_rules");
    writeCrossing(
        dir,
        R"(, "checks": {"clearance": [{"between": ["water", "sewage", "x"], "min_m": 1}, {"between": ["water", "lava"], "min_m": 1}, {"between": ["*", "*"], "min_m": "far"}], "cover": {"water": -1}})");
    const auto r = runSubterra({"check", "x.subterra.json"}, dir);
    INFO(describe(r));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("$.checks.clearance[0].between: expected two utility kinds") != std::string::npos);
    CHECK(r.err.find("$.checks.clearance[1].between: unknown utility kind 'lava'") != std::string::npos);
    CHECK(r.err.find("$.checks.clearance[2].min_m: expected a number") != std::string::npos);
    CHECK(r.err.find("$.checks.cover.water: must be 0 or more") != std::string::npos);
    CHECK(r.err.find("nothing checked") != std::string::npos);
    const auto badFormat = runSubterra({"check", "x.subterra.json", "-o", "x.txt"}, dir);
    CHECK(badFormat.exitCode == 2);
    CHECK(badFormat.err.find("x.txt: unknown output format") != std::string::npos);
}

TEST_CASE("check: rules live in the project file and survive an atomic save", "[check][project]") {
    const std::string dir = fixtures::freshDir("check_save");
    const std::string path = writeCrossing(
        dir,
        R"(, "checks": {"clearance": [{"between": ["water", "sewer"], "min_m": 1.0}, {"between": ["gas", "*"], "min_m": 0.5}], "cover": {"gas": 0.6}})");
    auto load = loadProject(path);
    REQUIRE(load.project);
    const CheckRules& rules = load.project->checks;
    CHECK(rules.clearanceFor(UtilityKind::Sewer, UtilityKind::Water) == 1.0);
    CHECK(rules.clearanceFor(UtilityKind::Power, UtilityKind::Gas) == 0.5);
    CHECK_FALSE(rules.clearanceFor(UtilityKind::Power, UtilityKind::Water));  // no "*"-"*" rule given
    CHECK(rules.coverFor(UtilityKind::Gas) == 0.6);
    CHECK_FALSE(rules.coverFor(UtilityKind::Water));  // a cover table without "*" checks only what it names
    std::string error;
    REQUIRE(saveProject(*load.project, path).into(error));
    CHECK(fixtures::readFile(path + ".bak").find("\"checks\"") != std::string::npos);
    const auto again = loadProject(path);
    REQUIRE(again.project);
    CHECK(again.project->checks.clearanceFor(UtilityKind::Gas, UtilityKind::Telecom) == 0.5);
    CHECK(again.project->checks.coverFor(UtilityKind::Gas) == 0.6);
}

TEST_CASE("check: edited rules are written back, unedited ones stay exactly as written", "[check][project]") {
    const std::string dir = fixtures::freshDir("check_edit_save");
    // One malformed entry: never edited, it must survive a save for its author to fix.
    const std::string path = writeCrossing(
        dir,
        R"(, "checks": {"clearance": [{"between": ["water", "lava"], "min_m": 1}, {"between": ["gas", "*"], "min_m": 0.5}]})");
    auto load = loadProject(path);
    REQUIRE(load.project);
    std::string error;
    REQUIRE(saveProject(*load.project, path).into(error));
    CHECK(fixtures::readFile(path).find("lava") != std::string::npos);

    CheckRules edited = load.project->checks;
    edited.clearance.push_back({UtilityKind::Water, UtilityKind::Sewer, 1.2});
    edited.coverM[UtilityKind::Water] = 1.1;
    edited.coverAnyM.reset();
    load.project->checks = edited;
    REQUIRE(saveProject(*load.project, path).into(error));
    const auto again = loadProject(path);
    REQUIRE(again.project);
    CHECK(again.project->checks == edited);  // round trip through checkRulesToJson
    CHECK(again.problems.empty());           // the edited rules were written as read: the bad one is gone
    CHECK(fixtures::readFile(path).find("\"*\"") != std::string::npos);  // ["gas", "*"]
}
