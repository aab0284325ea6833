// The viewer's Find box: ids and small attribute expressions over the model.
#include <catch2/catch.hpp>

#include "feature_search.h"

using namespace subterra;

namespace {
Model pipes() {
    Model model;
    auto add = [&](const std::string& id, const std::string& material, int year, double diameterM) {
        Segment s;
        s.id = id;
        s.layer = "water";
        s.utility = UtilityKind::Water;
        s.material = material;
        s.installYear = year;
        s.section.diameterM = diameterM;
        s.attributes = {{"PIPE_ID", id}, {"OWNER", id == "W-3" ? "City" : "Private"}};
        model.segments.push_back(s);
    };
    add("W-1", "cast iron", 1931, 0.15);
    add("W-2", "Cast Iron", 1978, 0.30);
    add("W-3", "PE", 1955, 0.11);
    add("W-30", "", 0, 0.2);
    Node manhole;
    manhole.id = "MH-1";
    manhole.layer = "manholes";
    model.nodes.push_back(manhole);
    return model;
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}
}  // namespace

TEST_CASE("Find by id: exact first, else every id containing the text", "[search]") {
    const Model model = pipes();
    CHECK(ids(searchFeatures(model, "W-3")) == std::vector<std::string>{"W-3"});
    CHECK(ids(searchFeatures(model, "w-3")) == std::vector<std::string>{"W-3"});
    CHECK(ids(searchFeatures(model, "W-")) == std::vector<std::string>{"W-1", "W-2", "W-3", "W-30"});
    CHECK(ids(searchFeatures(model, "mh")) == std::vector<std::string>{"MH-1"});
    CHECK(searchFeatures(model, "nothing").hits.empty());
}

TEST_CASE("Find by attribute expression", "[search]") {
    const Model model = pipes();
    CHECK(ids(searchFeatures(model, "material = 'cast iron' and year < 1960")) == std::vector<std::string>{"W-1"});
    CHECK(ids(searchFeatures(model, "material = \"CAST IRON\"")) == std::vector<std::string>{"W-1", "W-2"});
    CHECK(ids(searchFeatures(model, "diameter >= 200")) == std::vector<std::string>{"W-2", "W-30"});
    CHECK(ids(searchFeatures(model, "owner = City")) == std::vector<std::string>{"W-3"});
    CHECK(ids(searchFeatures(model, "year != 1931 and layer = water")) == std::vector<std::string>{"W-2", "W-3"});
    // Unknown values never match: W-30 has no year.
    CHECK(ids(searchFeatures(model, "year < 3000")).size() == 3);
}

TEST_CASE("A malformed expression says which clause is wrong", "[search]") {
    const SearchResult result = searchFeatures(pipes(), "year < 1960 and = 3");
    CHECK(result.hits.empty());
    CHECK(result.error.find("clause 2") != std::string::npos);
}

TEST_CASE("Find by id tells a link from a node of the same id (EPANET/SWMM)", "[search]") {
    Model model;
    Segment pipe;
    pipe.id = "10";
    pipe.layer = "net";
    model.segments.push_back(pipe);
    Node junction;
    junction.id = "10";
    junction.layer = "net";
    model.nodes.push_back(junction);
    const SearchResult result = searchFeatures(model, "10");
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].kind == FeatureKind::Segment);
    CHECK(result.hits[1].kind == FeatureKind::Node);
    CHECK(std::string(featureKindName(result.hits[1].kind)) == "node");
    CHECK(featureKindFromName("area") == FeatureKind::Patch);
    CHECK_FALSE(featureKindFromName("valve").has_value());
}

TEST_CASE("Find: an unknown field is an error naming it and the fields there are", "[search]") {
    const Model model = pipes();
    const SearchResult result = searchFeatures(model, "depth < 1.5");
    CHECK(result.hits.empty());
    CHECK_THAT(result.error, Catch::Contains("no field 'depth'"));
    CHECK_THAT(result.error, Catch::Contains("diameter"));
    CHECK_THAT(result.error, Catch::Contains("depth_source"));
    CHECK_THAT(result.error, Catch::Contains("source attributes: OWNER, PIPE_ID"));
    // A second clause is checked too; a source attribute in any case is known.
    CHECK_THAT(searchFeatures(model, "year < 1960 and colour = red").error, Catch::Contains("no field 'colour'"));
    CHECK(searchFeatures(model, "owner = city").error.empty());
    CHECK(searchFeatures(model, "owner = city").hits.size() == 1);
    // A field only some features have is no error: a manhole has no year, and simply does not match.
    CHECK(searchFeatures(model, "kind = manhole").error.empty());
}
