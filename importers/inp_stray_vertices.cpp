#include "inp_stray_vertices.h"

#include <algorithm>

namespace subterra {

size_t dropStrayVertices(InpNetwork& network) {
    Extent nodes;
    for (const auto& [id, p] : network.coordinates) nodes.add(Vec3d{p.x, p.y, 0});
    if (!nodes.valid()) return 0;
    const double margin = std::max(nodes.maxX - nodes.minX, nodes.maxY - nodes.minY);
    if (!(margin > 0)) return 0;  // one place: nothing to measure against
    auto stray = [&](const InpPoint& p) {
        return p.x < nodes.minX - margin || p.x > nodes.maxX + margin || p.y < nodes.minY - margin ||
               p.y > nodes.maxY + margin;
    };
    std::vector<std::string> dropped;
    size_t vertices = 0;
    for (auto it = network.vertices.begin(); it != network.vertices.end();) {
        if (std::none_of(it->second.begin(), it->second.end(), stray)) {
            ++it;
            continue;
        }
        dropped.push_back(it->first);
        vertices += it->second.size();
        it = network.vertices.erase(it);
    }
    if (dropped.empty()) return 0;
    std::string names;
    for (size_t i = 0; i < dropped.size() && i < 3; ++i) names += (i ? ", '" : "'") + dropped[i] + "'";
    if (dropped.size() > 3) names += " and " + std::to_string(dropped.size() - 3) + " more";
    const InpLink* first = network.findLink(dropped.front());
    network.warning(first ? first->line : 0,
                    "[VERTICES] of " + std::to_string(dropped.size()) + " link(s) (" + names + "; " +
                        std::to_string(vertices) +
                        " vertices) lie far outside the nodes' extent (another unit or frame?): dropped; those "
                        "links are drawn straight between their nodes");
    return dropped.size();
}

}  // namespace subterra
