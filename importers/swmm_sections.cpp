#include "swmm_sections.h"

#include <algorithm>

#include "format_importer.h"
#include "inp_sections.h"

namespace subterra {

const std::vector<std::string>& swmmSections() {
    static const std::vector<std::string> names{
        "TITLE",       "OPTIONS",     "REPORT",        "FILES",       "RAINGAGES",    "HYDROGRAPHS",  "EVAPORATION",
        "TEMPERATURE", "ADJUSTMENTS", "SUBCATCHMENTS", "SUBAREAS",    "INFILTRATION", "LID_CONTROLS", "LID_USAGE",
        "AQUIFERS",    "GROUNDWATER", "GWF",           "SNOWPACKS",   "JUNCTIONS",    "OUTFALLS",     "DIVIDERS",
        "STORAGE",     "CONDUITS",    "PUMPS",         "ORIFICES",    "WEIRS",        "OUTLETS",      "XSECTIONS",
        "TRANSECTS",   "STREETS",     "INLETS",        "INLET_USAGE", "LOSSES",       "CONTROLS",     "POLLUTANTS",
        "LANDUSES",    "COVERAGES",   "LOADINGS",      "BUILDUP",     "WASHOFF",      "TREATMENT",    "INFLOWS",
        "DWF",         "RDII",        "PATTERNS",      "TIMESERIES",  "CURVES",       "MAP",          "COORDINATES",
        "VERTICES",    "POLYGONS",    "SYMBOLS",       "LABELS",      "BACKDROP",     "TAGS",         "PROFILES",
        "EVENTS",      "END"};
    return names;
}

const std::vector<std::string>& swmmOnlySections() {
    static const std::vector<std::string> names{"CONDUITS",  "XSECTIONS", "OUTFALLS", "SUBCATCHMENTS", "STORAGE",
                                                "RAINGAGES", "ORIFICES",  "WEIRS",    "OUTLETS",       "DIVIDERS"};
    return names;
}

bool isSwmmInpFile(const std::string& path) {
    if (lowerExtension(path) != ".inp") return false;
    const auto& swmmOnly = swmmOnlySections();
    for (const auto& name : sniffInpSections(path))
        if (std::count(swmmOnly.begin(), swmmOnly.end(), name)) return true;
    return false;
}

}  // namespace subterra
