// Seeded mutation test of the CityJSON importer: 4 buildings of the real Rotterdam block (when
// ../shared is there) and a small Solid fixture are corrupted thousands of times, bounded in time: bytes changed, cut
// or junk inserted into the text, and values replaced, deleted or copied in the JSON tree. Each case
// must return, and every problem must name its line, JSON path or CityObject (or be one of the few
// whole-file messages).
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "cityjson_importer.h"
#include "inp_test_support.h"
#include "mutation_support.h"

using namespace subterra;
using json = nlohmann::json;

namespace {
const char* kSolidFixture = R"({"type":"CityJSON","version":"2.0",
 "transform":{"scale":[0.001,0.001,0.001],"translate":[1000,2000,0]},
 "metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/7415"},
 "CityObjects":{"B1":{"type":"Building","attributes":{"h":3},"geometry":[{"type":"Solid","lod":"1",
  "boundaries":[[[[0,3,2,1]],[[4,5,6,7]],[[0,1,5,4]],[[1,2,6,5]],[[2,3,7,6]],[[3,0,4,7]]]],
  "semantics":{"surfaces":[{"type":"GroundSurface"},{"type":"RoofSurface"},{"type":"WallSurface"}],
               "values":[[0,1,2,2,2,2]]}}]},
  "P1":{"type":"BuildingPart","parents":["B1"],"geometry":[{"type":"MultiSurface","lod":"2","boundaries":[[[0,1,2]]]}]}},
 "vertices":[[0,0,0],[10000,0,0],[10000,10000,0],[0,10000,0],[0,0,5000],[10000,0,5000],[10000,10000,5000],[0,10000,5000]]})";

const std::vector<std::string> kTextJunk{"1e400",   "-1e400",   "null",
                                         "\"",      "{",        "}",
                                         "[",       "]",        ",",
                                         ":",       "\xff\xfe", "\"CityObjects\":",
                                         "-",       "NaN",      "99999999999999999999999",
                                         "\\u0000", ""};

std::vector<json> junkValues() {
    return {nullptr,
            -1,
            0,
            1.5,
            1e308,
            -1e308,
            4294967296.0,
            18446744073709551615ull,
            "x",
            "",
            json::array(),
            json::object(),
            json::parse("[[]]"),
            json::parse("[[[0,1]]]"),
            true,
            json::parse("[0,0]"),
            json::parse("[1e308,1e308,1e308]"),
            json::parse("{\"type\":\"Building\"}")};
}

// Every path in the document (leaves and the containers above them).
std::vector<json::json_pointer> pathsOf(const json& document) {
    std::set<std::string> seen;
    std::vector<json::json_pointer> paths;
    const json flat = document.flatten();  // kept alive: items() only refers to it
    for (const auto& item : flat.items())
        for (json::json_pointer p(item.key()); !p.empty(); p = p.parent_pointer())
            if (seen.insert(p.to_string()).second) paths.push_back(p);
    return paths;
}

// 1-3 edits of the tree: a value replaced by junk, removed, or replaced by a copy of another part.
std::string mutateTree(json document, const std::vector<json::json_pointer>& paths, std::mt19937& random) {
    static const std::vector<json> junk = junkValues();
    const int edits = 1 + int(random() % 3);
    for (int e = 0; e < edits; ++e) {
        const json::json_pointer& at = mutation::pick(paths, random);
        if (!document.contains(at)) continue;
        switch (random() % 3) {
            case 0: document[at] = mutation::pick(junk, random); break;
            case 1: {
                json& parent = document[at.parent_pointer()];
                if (parent.is_object()) parent.erase(at.back());
                else if (parent.is_array() && std::stoul(at.back()) < parent.size())
                    parent.erase(std::stoul(at.back()));
                break;
            }
            default: {
                const json::json_pointer& from = mutation::pick(paths, random);
                if (document.contains(from)) document[at] = json(document[from]);
            }
        }
    }
    return document.dump();
}

// The real block cut to 4 buildings without its textures (which the importer does not draw): a
// quarter of the size, so the time bound allows thousands of cases even under the sanitizers.
std::string realBlockTrimmed(const std::string& text) {
    json document = json::parse(text);
    document.erase("appearance");
    json kept = json::object();
    for (const auto& [id, object] : document["CityObjects"].items()) {
        if (kept.size() == 4) break;
        kept[id] = object;
        for (auto& geometry : kept[id]["geometry"]) geometry.erase("texture");
    }
    document["CityObjects"] = kept;
    return document.dump();
}

bool namesPlace(const Problem& p) {
    return p.where.rfind("line ", 0) == 0 || p.where.rfind("$", 0) == 0 || p.where.rfind("CityObject '", 0) == 0;
}

const std::vector<std::string> kWholeFile{"file is empty",   "is UTF-16",
                                          "no CRS declared", "every building's lowest vertex",
                                          "none of ",        "no city object with geometry"};
}  // namespace

TEST_CASE("CityJSON importer survives thousands of random corruptions", "[cityjson][mutation]") {
    std::vector<std::string> bases{kSolidFixture};
    const std::string real = inp_test::sharedData("cityjson/rotterdam_subset.json");
    if (inp_test::exists(real)) bases.push_back(realBlockTrimmed(inp_test::readFile(real)));
    else WARN("shared/data/cityjson absent: mutating the built-in fixture only");
    std::vector<json> documents;
    std::vector<std::vector<json::json_pointer>> paths;
    for (const auto& text : bases) {
        documents.push_back(json::parse(text));
        paths.push_back(pathsOf(documents.back()));
    }
    std::mt19937 random(20261126);
    const std::string path = inp_test::outputPath("mutated.city.json");
    const ImportContext context{"", [](double, double) { return 2.0; }};
    LayerSpec spec;
    spec.source = path;
    spec.name = "city";
    int withProblems = 0, withBuildings = 0;
    const int cases = mutation::runBounded(4000, std::chrono::seconds(20), [&](int n) {
        const size_t base = size_t(n) % bases.size();
        const std::string text = random() % 4 == 0 ? mutation::mutateBytes(bases[base], random, kTextJunk)
                                                   : mutateTree(documents[base], paths[base], random);
        inp_test::writeFile("mutated.city.json", text);
        const LayerImport result = importCityJson(spec, context);
        withProblems += result.problems.empty() ? 0 : 1;
        withBuildings += result.buildings.empty() ? 0 : 1;
        mutation::checkProblemsPlaced(result.problems, path, n, namesPlace, kWholeFile);
        for (const auto& b : result.buildings) {
            REQUIRE((std::isfinite(b.baseZ) && std::isfinite(b.heightM)));
            for (const auto& s : b.surfaces)
                for (const auto& v : s.outer) REQUIRE((std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z)));
        }
    });
    INFO(cases << " cases, " << withProblems << " with problems, " << withBuildings << " with buildings");
    CHECK(cases >= 200);               // the time bound still leaves a meaningful number
    CHECK(withProblems > cases / 4);   // the mutations reach the parser
    CHECK(withBuildings > cases / 4);  // ... and one bad feature does not cost the good ones
}
