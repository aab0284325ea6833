#include "swmm_subcatchments.h"

#include <iterator>

namespace subterra {

namespace {
// [COVERAGES] Subcatchment LandUse Percent [LandUse Percent ...]: the land use with the largest
// share becomes the area's landUse (several lines per subcatchment are allowed).
void readCoverages(const InpFile& file, InpNetwork& network, std::map<std::string, size_t>& byId) {
    std::map<std::string, double> largest;  // subcatchment -> largest percent so far
    for (const auto& r : file.records("COVERAGES")) {
        auto area = byId.find(r.fields[0]);
        if (area == byId.end()) {
            network.warning(r.line, "coverage of unknown subcatchment '" + r.fields[0] + "' ignored");
            continue;
        }
        if (r.fields.size() < 3)
            network.error(r.line, "coverage of '" + r.fields[0] + "': expected a land use and a percent");
        for (size_t i = 1; i + 1 < r.fields.size(); i += 2) {
            auto percent = network.number(r, i + 1, "Percent");
            if (!percent) continue;
            auto [entry, fresh] = largest.emplace(r.fields[0], *percent);
            if (fresh || *percent > entry->second) {
                entry->second = *percent;
                network.areas[area->second].landUse = r.fields[i];
            }
        }
    }
}
}  // namespace

void readSubcatchments(const InpFile& file, InpNetwork& network) {
    std::map<std::string, size_t> byId;
    static const char* names[] = {"rain_gage", "outlet", "area", "imperv_pct", "width", "slope_pct", "curb_length"};
    for (const auto& r : file.records("SUBCATCHMENTS")) {
        if (r.fields.size() < 4) {
            network.error(r.line, "subcatchment '" + r.fields[0] + "': expected a rain gage, an outlet and an area");
            continue;
        }
        if (byId.count(r.fields[0])) {
            network.error(r.line, "duplicate subcatchment '" + r.fields[0] + "': the first one is used");
            continue;
        }
        InpArea area;
        area.id = r.fields[0];
        area.line = r.line;
        area.outlet = r.fields[2];
        for (size_t i = 1; i < r.fields.size() && i <= std::size(names); ++i)
            area.attributes[names[i - 1]] = r.fields[i];
        area.attributes["type"] = "subcatchment";
        byId.emplace(area.id, network.areas.size());
        network.areas.push_back(std::move(area));
    }
    readCoverages(file, network, byId);
    readPolygons(file, network);
    for (auto& area : network.areas)
        if (!area.landUse.empty()) area.attributes["land_use"] = area.landUse;
}

}  // namespace subterra
