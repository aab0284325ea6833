// Drag handles of sections and excavations: where they sit and what a drag does to the cut.
#include <catch2/catch.hpp>

#include "cut_handles.h"

using namespace subterra;
using Catch::Detail::Approx;

namespace {
Model flatGround() {
    Model model;
    model.flatGroundZ = 5;
    return model;
}

Cuts onePit(double rotationDeg = 0) {
    Cuts cuts;
    Excavation pit;
    pit.name = "pit";
    pit.centreX = 100, pit.centreY = 200;
    pit.sizeX = 4, pit.sizeY = 2;
    pit.depthM = 1.5;
    pit.rotationDeg = rotationDeg;
    cuts.excavations.push_back(pit);
    return cuts;
}

const CutHandle& handle(const std::vector<CutHandle>& handles, const Cuts& cuts, const std::string& name,
                        HandleRole role) {
    const CutHandle* h = findCutHandle(handles, cuts, name, role);
    REQUIRE(h);
    return *h;
}
}  // namespace

TEST_CASE("cut handles: an excavation's handles sit on its rim, its floor handle at the floor", "[cuts][handles]") {
    const Model model = flatGround();
    const Cuts cuts = onePit(90);  // rotated: its x axis points north
    const auto handles = cutHandles(cuts, model);
    const CutHandle& east = handle(handles, cuts, "pit", HandleRole::EdgeEast);
    CHECK(east.position.x == Approx(100).margin(1e-9));
    CHECK(east.position.y == Approx(202));
    CHECK(east.position.z == Approx(5));
    const CutHandle& depth = handle(handles, cuts, "pit", HandleRole::Depth);
    CHECK(depth.vertical);
    CHECK(depth.position.z == Approx(3.5));
    Cuts disabled = cuts;
    disabled.excavations[0].enabled = false;
    CHECK(cutHandles(disabled, model).empty());
}

TEST_CASE("cut handles: dragging a side resizes the pit and keeps the opposite side", "[cuts][handles]") {
    const Model model = flatGround();
    const Cuts cuts = onePit();
    const auto handles = cutHandles(cuts, model);
    const CutHandle& east = handle(handles, cuts, "pit", HandleRole::EdgeEast);
    const Cuts wider = dragCutHandle(cuts, east, east.position, {east.position.x + 1, east.position.y + 3, 5});
    CHECK(wider.excavations[0].sizeX == Approx(5));  // only the part along the pit's x axis counts
    CHECK(wider.excavations[0].centreX == Approx(100.5));
    CHECK(wider.excavations[0].centreX - wider.excavations[0].sizeX / 2 == Approx(98));  // west side unmoved
    CHECK(wider.excavations[0].sizeY == Approx(2));
    const CutHandle& south = handle(handles, cuts, "pit", HandleRole::EdgeSouth);
    const Cuts crushed = dragCutHandle(cuts, south, south.position, {south.position.x, south.position.y + 10, 5});
    CHECK(crushed.excavations[0].sizeY == Approx(0.2));  // never below 0.2 m
    CHECK(cuts.excavations[0].sizeX == Approx(4));       // the original is untouched
}

TEST_CASE("cut handles: move, rotate and depth", "[cuts][handles]") {
    const Model model = flatGround();
    const Cuts cuts = onePit();
    const auto handles = cutHandles(cuts, model);
    const CutHandle& move = handle(handles, cuts, "pit", HandleRole::Move);
    const Cuts moved = dragCutHandle(cuts, move, move.position, {move.position.x - 3, move.position.y + 4, 5});
    CHECK(moved.excavations[0].centreX == Approx(97));
    CHECK(moved.excavations[0].centreY == Approx(204));
    const CutHandle& rotate = handle(handles, cuts, "pit", HandleRole::Rotate);
    // Dragged a quarter turn anticlockwise about the centre.
    const Vec3d r = rotate.position;
    const Vec3d quarter{100 - (r.y - 200), 200 + (r.x - 100), 5};
    CHECK(dragCutHandle(cuts, rotate, r, quarter).excavations[0].rotationDeg == Approx(90));
    const CutHandle& depth = handle(handles, cuts, "pit", HandleRole::Depth);
    const Cuts deeper =
        dragCutHandle(cuts, depth, depth.position, {depth.position.x, depth.position.y, depth.position.z - 1});
    CHECK(deeper.excavations[0].depthM == Approx(2.5));
}

TEST_CASE("cut handles: a vertical section's ends and a level's height", "[cuts][handles]") {
    const Model model = flatGround();
    Cuts cuts;
    std::string error;
    auto section = verticalSection(0, 0, 10, 0, false, error);
    REQUIRE(section);
    section->name = "street";
    cuts.sections.push_back(*section);
    auto level = horizontalSection(2, error);
    level->name = "level";
    cuts.sections.push_back(*level);
    const auto handles = cutHandles(cuts, model);
    const CutHandle& end = handle(handles, cuts, "street", HandleRole::LineEnd);
    const Cuts turned = dragCutHandle(cuts, end, end.position, {0, 10, 5});
    CHECK(turned.sections[0].line[2] == Approx(0).margin(1e-9));
    CHECK(turned.sections[0].line[3] == Approx(10));
    CHECK(turned.sections[0].normal.x == Approx(-1));  // the left of a line running north is west
    CHECK(turned.sections[0].name == "street");
    const Cuts collapsed = dragCutHandle(cuts, end, end.position, {0, 0, 5});  // onto the start
    CHECK(collapsed.sections[0].line[2] == Approx(10));                        // degenerate: kept as it was
    const CutHandle& levelHandle = handle(handles, cuts, "level", HandleRole::Level);
    const Cuts lower =
        dragCutHandle(cuts, levelHandle, levelHandle.position,
                      Vec3d{levelHandle.position.x, levelHandle.position.y, levelHandle.position.z - 0.5});
    CHECK(lower.sections[1].point.z == Approx(1.5));
}

TEST_CASE("cut handles: role names round-trip", "[cuts][handles]") {
    for (auto role : {HandleRole::Move, HandleRole::EdgeEast, HandleRole::Rotate, HandleRole::Depth,
                      HandleRole::LineEnd, HandleRole::Level})
        CHECK(parseHandleRole(toString(role)) == role);
    CHECK_FALSE(parseHandleRole("sideways"));
}
