// Label layout speed: N labels at random anchors on a 1920x1080 screen, placed with collision
// avoidance (scene/label_layout.h). Prints the time per layout and how many labels were shown.
//   bench_label_layout [N ...]     default: 1000 10000 100000
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "label_layout.h"

using namespace subterra;

int main(int argc, char** argv) {
    std::vector<int> counts;
    for (int i = 1; i < argc; ++i) counts.push_back(std::atoi(argv[i]));
    if (counts.empty()) counts = {1000, 10000, 100000};
    LayoutSettings settings;
    settings.viewportWidth = 1920;
    settings.viewportHeight = 1080;
    for (int count : counts) {
        std::mt19937 random(42);
        std::uniform_real_distribution<double> x(0, 1920), y(0, 1080), width(60, 220);
        std::vector<LabelRequest> requests(size_t(std::max(count, 0)));
        for (auto& r : requests) {
            r.anchorX = x(random);
            r.anchorY = y(random);
            r.width = width(random);
            r.height = 22;
        }
        const auto start = std::chrono::steady_clock::now();
        const auto placements = layoutLabels(requests, settings);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        size_t shown = 0;
        for (const auto& p : placements) shown += p.visible;
        std::printf("label layout: %7d labels -> %5zu shown in %8.2f ms\n", count, shown, ms);
    }
    return 0;
}
