// Screen-space label placement: overlapping labels move or are hidden; priorities win.
#include <catch2/catch.hpp>

#include "label_layout.h"

using namespace subterra;

namespace {
LayoutSettings viewport(double width = 800, double height = 600) {
    LayoutSettings settings;
    settings.viewportWidth = width;
    settings.viewportHeight = height;
    return settings;
}

LabelRequest label(double x, double y, int priority = 0) {
    LabelRequest request;
    request.anchorX = x;
    request.anchorY = y;
    request.width = 100;
    request.height = 20;
    request.priority = priority;
    return request;
}

bool anyOverlap(const std::vector<LabelPlacement>& placements) {
    for (size_t i = 0; i < placements.size(); ++i)
        for (size_t j = i + 1; j < placements.size(); ++j)
            if (placements[i].visible && placements[j].visible && placements[i].box.overlaps(placements[j].box))
                return true;
    return false;
}
}  // namespace

TEST_CASE("Two labels at the same anchor: the second moves to another side", "[annotations][layout]") {
    const auto placements = layoutLabels({label(400, 300), label(400, 300)}, viewport());
    REQUIRE(placements[0].visible);
    REQUIRE(placements[1].visible);
    CHECK_FALSE(placements[0].box.overlaps(placements[1].box));
    CHECK(placements[0].box.x0 > 400);  // first choice: up and right
    CHECK(placements[1].box.x1 < 400);  // then left
}

TEST_CASE("A crowd of labels at one spot: four fit, the rest are hidden", "[annotations][layout]") {
    std::vector<LabelRequest> requests(10, label(400, 300));
    const auto placements = layoutLabels(requests, viewport());
    int visible = 0;
    for (const auto& p : placements) visible += p.visible;
    CHECK(visible == 4);
    CHECK_FALSE(anyOverlap(placements));
}

TEST_CASE("Higher priority is placed first, fixed labels never move", "[annotations][layout]") {
    LabelRequest fixed = label(400, 300, 0);
    fixed.fixedAtAnchor = true;
    LabelRequest important = label(400, 300, 5);
    important.offsetX = 0.001;  // centred on the anchor too, so that it takes the fixed label's place
    important.fixedAtAnchor = true;
    const auto placements = layoutLabels({fixed, important}, viewport());
    CHECK_FALSE(placements[0].visible);
    CHECK(placements[1].visible);
    CHECK(placements[1].box.x0 == Approx(350));
}

TEST_CASE("Labels outside the viewport are hidden, near an edge they flip inside", "[annotations][layout]") {
    const auto placements = layoutLabels({label(790, 300), label(-50, 300)}, viewport());
    REQUIRE(placements[0].visible);
    CHECK(placements[0].box.x1 <= 800);
    CHECK_FALSE(placements[1].visible);
}

TEST_CASE("Thousands of labels on a grid are placed without overlaps", "[annotations][layout]") {
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 5000; ++i) requests.push_back(label(20 + (i * 37) % 760, 20 + (i * 53) % 560));
    const auto placements = layoutLabels(requests, viewport());
    int visible = 0;
    for (const auto& p : placements) visible += p.visible;
    CHECK(visible > 20);
    CHECK(visible < 5000);
    CHECK_FALSE(anyOverlap(placements));
}
