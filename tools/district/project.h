#pragma once
// The Subterra project file (docs/project-format.md) and its named views.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "layout.h"
#include "table.h"

namespace district {

struct View {
    std::string name;
    Point3 eye, target, up;
    double fovDeg = 35;
};

// Where the project's (initially disabled) cuts are: a vertical section across an east-west street
// and an excavation pit in the same street, both showing every utility's corridor.
struct CutSites {
    double sectionX = 0, sectionFromY = 0, sectionToY = 0;  // the section line runs north; west is cut away
    double pitX = 0, pitY = 0, pitSizeX = 0, pitSizeY = 0, pitDepth = 0;
};
CutSites makeCutSites(const Layout& layout);

// overview: 3/4 oblique from the south-east; street: low, into one crossing; top: plan, north up;
// section and excavation: looking at the cut sites.
std::vector<View> makeViews(const Layout& layout, const Ground& ground);

struct ProjectFiles {
    std::string name;
    std::string crs;              // "EPSG:32651"
    std::string geoPackage, dem;  // relative to the project file
    double terrainOpacity = 0.35;
    double flatLevel = 0;  // ground level for viewers without the DEM
};

// The sample's explainer animation around the street view's crossing, 15 s: its timeline and the
// callout it fades in (the project's "annotations").
struct Explainer {
    nlohmann::ordered_json timeline, annotations;
};
Explainer makeExplainer(const Layout& layout, const Ground& ground, const Table& sewer, const Table& water);

void writeProject(const std::string& path, const ProjectFiles& files, const std::vector<const Table*>& tables,
                  const std::vector<View>& views, const CutSites& cuts, const Explainer& explainer);

}  // namespace district
