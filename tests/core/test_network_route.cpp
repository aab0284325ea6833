// Routes between two nodes of a network: shortest run along the start node's utility, line ends
// joined within tolerance whatever their digitised direction, and one-line errors.
#include <catch2/catch.hpp>

#include "network_route.h"
#include "profile.h"

using namespace subterra;

namespace {
void addLine(Model& model, const std::string& id, UtilityKind utility, std::vector<Vec3d> points) {
    Segment s;
    s.id = id;
    s.utility = utility;
    s.section.diameterM = 0.3;
    s.points = std::move(points);
    model.segments.push_back(s);
}

void addNode(Model& model, const std::string& id, UtilityKind utility, double x, double y) {
    Node n;
    n.id = id;
    n.utility = utility;
    n.position = {x, y, 10};
    n.sizeM = 1.2;
    model.nodes.push_back(n);
}

// Sewer manholes A(0,0) B(50,0) C(100,0) D(50,40) E(200,0). Lines: A-B, B-C (digitised C->B, its
// end 0.3 m off B), a detour A-D-C, and a gas line B-E that must not carry a sewer route.
Model network() {
    Model model;
    model.flatGroundZ = 10;
    addLine(model, "S-AB", UtilityKind::Sewer, {{0, 0, 8}, {50, 0, 7.5}});
    addLine(model, "S-CB", UtilityKind::Sewer, {{100, 0, 7}, {50.3, 0, 7.5}});
    addLine(model, "S-AD", UtilityKind::Sewer, {{0, 0, 8}, {50, 40, 7.5}});
    addLine(model, "S-DC", UtilityKind::Sewer, {{50, 40, 7.5}, {100, 0, 7}});
    addLine(model, "G-CE", UtilityKind::Gas, {{100, 0, 9}, {200, 0, 9}});
    addNode(model, "A", UtilityKind::Sewer, 0, 0);
    addNode(model, "B", UtilityKind::Sewer, 50, 0);
    addNode(model, "C", UtilityKind::Sewer, 100, 0.4);  // a shaft beside the line end
    addNode(model, "D", UtilityKind::Sewer, 50, 40);
    addNode(model, "E", UtilityKind::Sewer, 200, 0);
    addNode(model, "F", UtilityKind::Sewer, 300, 300);
    return model;
}
}  // namespace

TEST_CASE("route: the shortest run between two nodes, through ends digitised either way", "[profile][route]") {
    const Model model = network();
    std::string error;
    const auto route = routeBetweenNodes(model, "A", "C", error);
    INFO(error);
    REQUIRE(route);
    CHECK(*route == std::vector<std::string>{"S-AB", "S-CB"});
    const auto back = routeBetweenNodes(model, "D", "B", error);
    REQUIRE(back);
    CHECK(back->size() == 2);  // D-A-B and D-C-B are both two lines; either is shortest
    CHECK((*back == std::vector<std::string>{"S-AD", "S-AB"} || *back == std::vector<std::string>{"S-DC", "S-CB"}));
}

TEST_CASE("route: a profile path from:NODE to:NODE follows the route", "[profile][route]") {
    const Model model = network();
    std::string error;
    const auto path = parseProfilePath("from:A to:C", model, error);
    INFO(error);
    REQUIRE(path);
    CHECK(path->runIds == std::vector<std::string>{"S-AB", "S-CB"});
    REQUIRE(path->plan.size() == 3);
    CHECK(path->plan.back().x == Catch::Detail::Approx(100));
    const auto commas = parseProfilePath("from:A,to:C", model, error);
    REQUIRE(commas);
    CHECK(commas->runIds == path->runIds);
}

TEST_CASE("route: unknown, unconnected and misplaced nodes are one-line errors", "[profile][route][errors]") {
    const Model model = network();
    std::string error;
    CHECK_FALSE(routeBetweenNodes(model, "A", "Z", error));
    CHECK(error == "--path: no node with id 'Z'");
    CHECK_FALSE(routeBetweenNodes(model, "A", "E", error));  // only a gas line reaches E
    CHECK(error == "--path: node 'E' is not at the end of any sewer line");
    CHECK_FALSE(routeBetweenNodes(model, "F", "A", error));
    CHECK(error == "--path: node 'F' is not at the end of any sewer line");
    CHECK_FALSE(parseProfilePath("from:A", model, error));
    CHECK(error == "--path: 'from:A' is not 'from:NODE to:NODE'");
    CHECK_FALSE(parseProfilePath("from:A to:C via:B", model, error));
}

TEST_CASE("route: two networks that do not meet have no route", "[profile][route][errors]") {
    Model model = network();
    addLine(model, "S-XY", UtilityKind::Sewer, {{0, 500, 8}, {50, 500, 7}});
    addNode(model, "X", UtilityKind::Sewer, 0, 500);
    std::string error;
    CHECK_FALSE(routeBetweenNodes(model, "A", "X", error));
    CHECK(error == "--path: no run of sewer lines joins 'A' to 'X'");
}
