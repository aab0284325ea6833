// Seeded mutation test of the LandXML importer: the test networks are corrupted thousands of
// times, bounded in time: lines dropped, doubled, cut or given junk, bytes changed, and in the XML
// tree attributes set to junk, elements removed or doubled. Each case must return, and every
// problem must name its line, element or feature (or be one of the few whole-file messages).
#include <catch2/catch.hpp>
#include <cmath>
#include <pugixml.hpp>
#include <sstream>

#include "inp_test_support.h"
#include "landxml_importer.h"
#include "mutation_support.h"

using namespace subterra;

namespace {
const std::vector<std::string> kJunk{"x",
                                     "nan",
                                     "-inf",
                                     "1e400",
                                     "-1",
                                     "0",
                                     "",
                                     "\"",
                                     "<",
                                     ">",
                                     "</Struct>",
                                     "<Pipe>",
                                     "&",
                                     "&amp;",
                                     "\xff\xfe",
                                     "refPipe=\"nope\"",
                                     "99999999999999999999"};

std::vector<pugi::xml_node> elementsOf(const pugi::xml_document& document) {
    std::vector<pugi::xml_node> elements;
    for (const pugi::xpath_node& n : document.select_nodes("//*")) elements.push_back(n.node());
    return elements;
}

// 1-3 edits of the tree: an attribute (or text) set to junk, an element removed or doubled.
std::string mutateTree(const std::string& text, std::mt19937& random) {
    pugi::xml_document document;
    document.load_string(text.c_str());
    const int edits = 1 + int(random() % 3);
    for (int e = 0; e < edits; ++e) {
        const std::vector<pugi::xml_node> elements = elementsOf(document);
        if (elements.size() < 2) break;
        pugi::xml_node node = elements[1 + random() % (elements.size() - 1)];  // never the root
        switch (random() % 4) {
            case 0: {
                std::vector<pugi::xml_attribute> attributes(node.attributes_begin(), node.attributes_end());
                if (!attributes.empty())
                    attributes[random() % attributes.size()].set_value(mutation::pick(kJunk, random).c_str());
                break;
            }
            case 1: node.text().set(mutation::pick(kJunk, random).c_str()); break;
            case 2: node.parent().remove_child(node); break;
            default: node.parent().insert_copy_after(node, node); break;
        }
    }
    std::ostringstream out;
    document.save(out);
    return out.str();
}

bool namesPlace(const Problem& p) {
    return p.where.find("line ") != std::string::npos || p.where == "Units" || p.where == "CoordinateSystem" ||
           p.where.rfind("Struct '", 0) == 0 || p.where.rfind("Pipe '", 0) == 0;
}

const std::vector<std::string> kWholeFile{"file is empty", "is UTF-16", "not a LandXML file", "no <PipeNetwork>"};
}  // namespace

TEST_CASE("LandXML importer survives thousands of random corruptions", "[landxml][mutation]") {
    std::vector<std::string> bases;
    for (const char* name : {"storm_network_metric.xml", "sewer_network_imperial.xml"})
        bases.push_back(inp_test::readFile(std::string(SUBTERRA_SOURCE_DIR) + "/tests/data/landxml/" + name));
    REQUIRE(bases.front().size() > 100);
    std::mt19937 random(20261126);
    const std::string path = inp_test::outputPath("mutated.landxml");
    const ImportContext context{"", [](double, double) { return 2.0; }};
    LayerSpec spec;
    spec.source = path;
    spec.name = "network";
    int withProblems = 0, withPipes = 0;
    const int cases = mutation::runBounded(4000, std::chrono::seconds(20), [&](int n) {
        const std::string& base = bases[size_t(n) % bases.size()];
        const unsigned how = random() % 4;
        const std::string text = how == 0   ? mutation::mutateBytes(base, random, kJunk)
                                 : how == 1 ? mutation::mutateLines(base, random, kJunk)
                                            : mutateTree(base, random);
        inp_test::writeFile("mutated.landxml", text);
        const LayerImport result = importLandXml(spec, context);
        withProblems += result.problems.empty() ? 0 : 1;
        withPipes += result.segments.empty() ? 0 : 1;
        mutation::checkProblemsPlaced(result.problems, path, n, namesPlace, kWholeFile);
        for (const auto& s : result.segments)
            for (const auto& v : s.points) REQUIRE((std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z)));
        for (const auto& node : result.nodes)
            REQUIRE((std::isfinite(node.groundZ) && std::isfinite(node.invertZ) && std::isfinite(node.position.x)));
    });
    INFO(cases << " cases, " << withProblems << " with problems, " << withPipes << " with pipes");
    CHECK(cases >= 200);
    CHECK(withProblems > cases / 4);
    CHECK(withPipes > cases / 4);
}
