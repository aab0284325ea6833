#include "fuzz_targets.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>

#include "model_loader.h"
#include "project.h"

namespace fuzz {

namespace {
std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The built-in seed, and the repository's files of the format where they exist.
std::vector<std::string> seedsFrom(const std::string& sourceDir, std::string builtIn,
                                   std::initializer_list<const char*> files) {
    std::vector<std::string> seeds{std::move(builtIn)};
    for (const char* file : files)
        if (std::string text = readFile(sourceDir + "/" + file); !text.empty()) seeds.push_back(std::move(text));
    return seeds;
}

void loadLayer(const std::string& path) {
    subterra::LoadRequest request;
    subterra::LayerSpec spec;
    spec.source = path;
    spec.name = "fuzzed";
    request.layers.push_back(spec);
    (void)subterra::loadModel(request);
}

void loadProjectFile(const std::string& path) { (void)subterra::loadProject(path); }

std::vector<std::string> epanetSeeds(const std::string& dir) {
    return seedsFrom(dir,
                     "[OPTIONS]\nUnits LPS\n[JUNCTIONS]\nA 10\nB 11\n[TANKS]\nT 50 1 0 20 30 0\n"
                     "[PIPES]\nP A B 100 200 100 0 Open\nQ B T 10 150 100\n[PUMPS]\nU A T HEAD 1\n"
                     "[COORDINATES]\nA 0 0\nB 10 0\nT 10 10\n[VERTICES]\nP 5 1\n",
                     {"tests/data/network_symbols.inp"});
}

std::vector<std::string> swmmSeeds(const std::string& dir) {
    return seedsFrom(dir,
                     "[OPTIONS]\nFLOW_UNITS CMS\nLINK_OFFSETS ELEVATION\n[JUNCTIONS]\nJ 10 2\n[STORAGE]\n"
                     "S 9 3 0 FUNCTIONAL 10 0 5\n[OUTFALLS]\nO 8 FREE\n[CONDUITS]\nC J S 10 0.01 10 *\n"
                     "D S O 10 0.01 9 8\n[XSECTIONS]\nC CIRCULAR 0.5\nD EGG 1 0.8\n"
                     "[COORDINATES]\nJ 0 0\nS 10 0\nO 20 0\n[VERTICES]\nD 15 2\n"
                     "[SUBCATCHMENTS]\nA RG J 5 25 500 0.5 0\n[POLYGONS]\nA 0 0\nA 5 -5\nA -5 -5\n",
                     {"tests/data/swmm_subcatchment.inp"});
}

std::vector<std::string> cityJsonSeeds(const std::string& dir) {
    return seedsFrom(dir,
                     R"({"type":"CityJSON","version":"2.0","transform":{"scale":[0.01,0.01,0.01],"translate":[0,0,0]},
"metadata":{"referenceSystem":"https://www.opengis.net/def/crs/EPSG/0/7415"},
"CityObjects":{"B":{"type":"Building","attributes":{"year":1990,"tags":{"a":[1,2]}},"geometry":[{"type":"Solid",
"lod":"2","boundaries":[[[[0,3,2,1]],[[4,5,6,7]],[[0,1,5,4]],[[1,2,6,5]],[[2,3,7,6]],[[3,0,4,7]]]],
"semantics":{"surfaces":[{"type":"GroundSurface"},{"type":"RoofSurface"},{"type":"WallSurface"}],
"values":[[0,1,2,2,2,2]]}}]}},
"vertices":[[0,0,0],[900,0,0],[900,700,0],[0,700,0],[0,0,600],[900,0,600],[900,700,600],[0,700,600]]})",
                     {});
}

std::vector<std::string> geoJsonSeeds(const std::string&) {
    return {R"({"type": "FeatureCollection",
"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features": [
{"type": "Feature", "properties": {"id": "W-1", "DN": 300, "COVER": 1.5, "MATERIAL": "PE"},
 "geometry": {"type": "LineString", "coordinates": [[352800, 3453300], [352860, 3453300], [352860, 3453340]]}},
{"type": "Feature", "properties": {"id": "V-1", "TYPE": "valve"},
 "geometry": {"type": "Point", "coordinates": [352830, 3453300]}},
{"type": "Feature", "properties": {"id": "B-1", "HEIGHT": 12},
 "geometry": {"type": "Polygon", "coordinates": [[[352810, 3453310], [352820, 3453310], [352820, 3453320],
  [352810, 3453310]]]}}]})"};
}

std::vector<std::string> landXmlSeeds(const std::string& dir) {
    return seedsFrom(dir, readFile(dir + "/tests/data/landxml/sewer_network_imperial.xml"),
                     {"tests/data/landxml/storm_network_metric.xml"});
}

std::vector<std::string> projectSeeds(const std::string& dir) {
    return seedsFrom(dir,
                     R"({"subterra": 1, "crs": "EPSG:32651", "terrain": {"flat_level_m": 4},
 "layers": [{"name": "w", "source": "w.geojson", "utility": "water", "style": {"opacity": 0.5}}],
 "views": {"v": {"eye": [0, 0, 100], "target": [10, 10, 0], "fov_deg": 40}},
 "timeline": {"duration_s": 2, "fps": 10, "tracks": [{"target": "reveal.w", "keys": [{"t": 0, "value": 0},
  {"t": 2, "value": 1}]}]}})",
                     {"sample-data/district/district.subterra.json", "sample-data/district/annotated.subterra.json"});
}

// A one-triangle glTF 2.0 binary: JSON chunk (padded with spaces) + BIN chunk (3 floats x 3, 3 shorts).
std::vector<std::string> glbSeeds(const std::string&) {
    auto word = [](uint32_t v) {
        std::string w(4, '\0');
        for (int i = 0; i < 4; ++i) w[size_t(i)] = char((v >> (8 * i)) & 0xFF);
        return w;
    };
    std::string json =
        R"({"asset":{"version":"2.0"},"scenes":[{"nodes":[0]}],"scene":0,"nodes":[{"mesh":0}],)"
        R"("meshes":[{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}],)"
        R"("accessors":[{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","max":[1,1,0],"min":[0,0,0]},)"
        R"({"bufferView":1,"componentType":5123,"count":3,"type":"SCALAR"}],)"
        R"("bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":36},{"buffer":0,"byteOffset":36,"byteLength":6}],)"
        R"("buffers":[{"byteLength":44}]})";
    while (json.size() % 4) json += ' ';
    std::string bin;
    for (float f : {0.f, 0.f, 0.f, 1.f, 0.f, 0.f, 0.f, 1.f, 0.f}) {
        uint32_t bits = 0;
        static_assert(sizeof bits == sizeof f);
        std::memcpy(&bits, &f, 4);
        bin += word(bits);
    }
    bin += std::string("\0\0\1\0\2\0\0\0", 8);  // indices 0 1 2, padded to 44 bytes
    const std::string chunks =
        word(uint32_t(json.size())) + "JSON" + json + word(uint32_t(bin.size())) + std::string("BIN\0", 4) + bin;
    return {"glTF" + word(2) + word(uint32_t(12 + chunks.size())) + chunks};
}
}  // namespace

const std::vector<FuzzTarget>& fuzzTargets() {
    using M = FuzzTarget::Mutation;
    static const std::vector<FuzzTarget> targets{
        {"epanet", ".inp", M::Lines, epanetSeeds, loadLayer},
        {"swmm", ".inp", M::Lines, swmmSeeds, loadLayer},
        {"cityjson", ".city.json", M::Bytes, cityJsonSeeds, loadLayer},
        {"geojson", ".geojson", M::Bytes, geoJsonSeeds, loadLayer},
        {"landxml", ".xml", M::Lines, landXmlSeeds, loadLayer},
        {"project", ".subterra.json", M::Bytes, projectSeeds, loadProjectFile},
        {"glb", ".glb", M::Bytes, glbSeeds, loadLayer},
    };
    return targets;
}

}  // namespace fuzz
