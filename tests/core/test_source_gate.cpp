// Inputs that used to block or exhaust the machine (issue 16): a FIFO, /dev/zero, a directory or
// a huge sparse file named as a layer, and a GLB whose chunk length is absurd. Each is refused
// in one line naming the file before anything is read, and the other layers still load.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "fixtures.h"
#include "mesh_importer.h"
#include "model_loader.h"
#include "source_file.h"
#include "source_text.h"

using namespace subterra;
using Catch::Contains;
namespace fs = std::filesystem;

namespace {
const char* kNetwork = "[JUNCTIONS]\nA 10\nB 11\n[PIPES]\nP A B 100 200 100\n[COORDINATES]\nA 0 0\nB 10 0\n";

LayerSpec layer(const std::string& source, const std::string& name) {
    LayerSpec spec;
    spec.source = source;
    spec.name = name;
    return spec;
}

// Loads `bad` beside a good EPANET network; the bad one must be refused quickly, the good one kept.
LoadResult loadBesideGood(const std::string& dir, const std::string& bad) {
    LoadRequest request;
    request.layers = {layer(bad, "bad"), layer(fixtures::writeText(dir + "/good.inp", kNetwork), "good")};
    const auto start = std::chrono::steady_clock::now();
    LoadResult result = loadModel(request);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
    CHECK(result.model.segments.size() == 1);
    return result;
}

std::string sparseFile(const std::string& path, std::uintmax_t bytes) {
    fixtures::writeText(path, "[JUNCTIONS]\n");
    fs::resize_file(path, bytes);  // sparse: costs no disk
    return path;
}
}  // namespace

TEST_CASE("source gate: a FIFO, a device or a directory as a layer is refused by name without reading it",
          "[source][bad-input]") {
    const std::string dir = fixtures::freshDir("source_gate_special");
    const std::string fifo = dir + "/pipe.inp";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    fs::create_directory(dir + "/folder.inp");
    const std::vector<std::pair<std::string, std::string>> cases{
        {fifo, "is a FIFO (named pipe), not a regular file"},
        {"/dev/zero", "is a character device, not a regular file"},
        {dir + "/folder.inp", "is a directory, not a regular file"},
    };
    for (const auto& [path, expected] : cases) {
        INFO(path);
        const LoadResult result = loadBesideGood(dir, path);
        REQUIRE(fixtures::countProblems(result.problems, {path, "layer 'bad'", expected}) == 1);
    }
    // The same gate guards the readers used alone, and format sniffing never opens such a file.
    std::string error;
    CHECK_FALSE(readSourceText(fifo, error));
    CHECK(error == "is a FIFO (named pipe), not a regular file");
    CHECK(fileHead(fifo).empty());
}

TEST_CASE("source gate: a text source beyond its cap is refused before it is read", "[source][bad-input]") {
    const std::string dir = fixtures::freshDir("source_gate_size");
    const std::string huge = sparseFile(dir + "/huge.inp", kMaxTextSourceBytes + 1);
    const LoadResult result = loadBesideGood(dir, huge);
    CHECK(fixtures::countProblems(result.problems, {huge, "text sources are limited to 512 MiB"}) == 1);
    // Within the cap, a file of NUL bytes is refused by its first 4 KB, not read whole.
    const std::string zeros = dir + "/zeros.inp";
    fs::resize_file(fixtures::writeText(zeros, ""), std::uintmax_t(64) << 20);
    const LoadResult binary = loadBesideGood(dir, zeros);
    CHECK(fixtures::countProblems(binary.problems, {zeros, "binary data", "not a text file"}) == 1);
}

TEST_CASE("source gate: a GLB whose JSON chunk claims 4 GB is refused before Assimp reads it", "[source][mesh]") {
    const std::string dir = fixtures::freshDir("source_gate_glb");
    // 12-byte header (magic, version 2, total length) + a JSON chunk header saying 0xFFFFFFFF bytes.
    std::string glb = std::string("glTF") + std::string("\x02\x00\x00\x00", 4) + std::string(4, '\0') +
                      std::string("\xFF\xFF\xFF\xFF", 4) + "JSON" + std::string(3800, ' ');
    const uint32_t total = uint32_t(glb.size());
    for (int i = 0; i < 4; ++i) glb[size_t(8 + i)] = char((total >> (8 * i)) & 0xFF);
    const std::string path = fixtures::writeText(dir + "/absurd.glb", glb);
    const auto start = std::chrono::steady_clock::now();
    const LayerImport result = importMeshLayer(layer(path, "absurd"), ImportContext{});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    REQUIRE(result.problems.size() == 1);
    CHECK_THAT(result.problems[0].toLine(), Contains("absurd.glb"));
    CHECK_THAT(result.problems[0].message, Contains("the JSON chunk says 4294967295 bytes"));

    glb.replace(16, 4, "BIN\0", 4);
    fixtures::writeText(path, glb);
    const LayerImport wrongChunk = importMeshLayer(layer(path, "absurd"), ImportContext{});
    REQUIRE(wrongChunk.problems.size() == 1);
    CHECK_THAT(wrongChunk.problems[0].message, Contains("the first chunk is 'BIN?', not 'JSON'"));
}

TEST_CASE("source gate: an EPANET file with section headers only is an error, not an empty success",
          "[source][inp][bad-input]") {
    const std::string dir = fixtures::freshDir("source_gate_headers_only");
    const std::string path =
        fixtures::writeText(dir + "/headers.inp", "[TITLE]\n[JUNCTIONS]\n[PIPES]\n[COORDINATES]\n[END]\n");
    LoadRequest request;
    request.layers = {layer(path, "headers")};
    const LoadResult result = loadModel(request);
    CHECK(result.model.empty());
    REQUIRE(hasErrors(result.problems));
    CHECK(fixtures::countProblems(result.problems, {path, "no nodes, links or subcatchments: nothing to draw"}) == 1);
}
