// IFC schemas Assimp 5.2 cannot read (IFC4, IFC4X3) and files without a STEP header: one error
// line naming the file, the schema it declares and what to do, before Assimp is asked.
// Fixtures: tests/data/mesh/ (hand-written, see its README.md).
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "ifc_header.h"
#include "mesh_importer.h"

using namespace subterra;
using Catch::Contains;

namespace {
LayerImport importIfc(const std::string& path) {
    LayerSpec spec;
    spec.name = "model";
    spec.source = path;
    spec.placement = MeshPlacement{{0, 0, 0}, 0, 1.0, std::nullopt};
    return importMeshLayer(spec, ImportContext{"", [](double, double) { return 0.0; }});
}
std::string meshFixture(const std::string& name) { return fixtures::sourceDir() + "/tests/data/mesh/" + name; }
}  // namespace

TEST_CASE("IFC header: the FILE_SCHEMA name is read as the file writes it", "[mesh][ifc]") {
    CHECK(ifcFileSchema("ISO-10303-21;\nHEADER;\nFILE_SCHEMA(('IFC2X3'));\nENDSEC;") == "IFC2X3");
    CHECK(ifcFileSchema("ISO-10303-21;\nHEADER;\nfile_schema (( 'IFC4X3_ADD2' ));") == "IFC4X3_ADD2");
    CHECK(ifcFileSchema("ISO-10303-21;\nHEADER;\nFILE_SCHEMA((IFC4));\nENDSEC;\nDATA;\n#1=IFCX('a');").empty());
    CHECK(ifcFileSchema("ISO-10303-21;\nHEADER;\nENDSEC;").empty());
}

TEST_CASE(
    "IFC4 and IFC4X3: one error naming the file, its schema, that Assimp 5.2 reads IFC2X3 only, and "
    "what to do",
    "[mesh][ifc]") {
    for (const auto& [name, schema] :
         {std::pair{"wall_ifc4.ifc", "'IFC4'"}, {"alignment_ifc4x3.ifc", "'IFC4X3_ADD2'"}}) {
        INFO(name);
        const std::string path = meshFixture(name);
        const LayerImport layer = importIfc(path);
        CHECK(layer.meshes.empty());
        REQUIRE(layer.problems.size() == 1);
        const Problem& p = layer.problems[0];
        CHECK(p.severity == Severity::Error);
        CHECK(p.file == path);
        CHECK_THAT(p.message, Contains(schema) && Contains("Assimp 5.2 reads IFC2X3 only") &&
                                  Contains("export it as IFC2X3") && Contains("IfcConvert"));
        CHECK_THAT(p.message, !Contains("Assimp cannot read it"));
    }
}

TEST_CASE("IFC without a STEP header, or with a garbled FILE_SCHEMA: one clear error", "[mesh][ifc]") {
    const LayerImport headless = importIfc(meshFixture("no_header.ifc"));
    REQUIRE(headless.problems.size() == 1);
    CHECK_THAT(headless.problems[0].message, Contains("ISO-10303-21") && Contains("IFC2X3"));

    const std::string dir = fixtures::freshDir("ifc_garbled");
    std::string text = fixtures::readFile(meshFixture("wall_ifc2x3.ifc"));
    const size_t at = text.find("FILE_SCHEMA(('IFC2X3'));");
    REQUIRE(at != std::string::npos);
    text.replace(at, 24, "FILE_SCHEMA((IFC2X3));");
    const LayerImport garbled = importIfc(fixtures::writeText(dir + "/garbled.ifc", text));
    REQUIRE(garbled.problems.size() == 1);
    CHECK(garbled.problems[0].severity == Severity::Error);
    CHECK_THAT(garbled.problems[0].message, Contains("no readable FILE_SCHEMA") && Contains("IFC2X3 only"));

    // IFC2X3 still goes to Assimp (the wall of test_mesh_formats.cpp is read).
    CHECK(ifcSchemaProblem(meshFixture("wall_ifc2x3.ifc")).empty());
}
