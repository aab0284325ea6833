#pragma once
// A network read from an .inp file (EPANET or SWMM), before it is placed: nodes and links keyed by
// id, with their levels already in metres, plus the drawn coordinates. assembleNetwork() turns it
// into segments and nodes of the model (coordinates transformed, points ordered node1 -> node2).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "inp_coordinates.h"
#include "inp_sections.h"
#include "vector_importer.h"

namespace subterra {

struct InpNode {
    std::string id;
    std::string kind;  // the file's word: "junction", "tank", "outfall"... (countsByKind)
    NodeKind symbol = NodeKind::Junction;
    int line = 0;
    double groundZ = 0;  // metres
    double invertZ = 0;
    double sizeM = 0.3;
    double heightM = 0;  // tanks: above groundZ
    // Level at which links meet this node; nullopt = take the other end's (EPANET reservoirs).
    std::optional<double> linkLevel;
    std::map<std::string, std::string> attributes;
};

struct InpLink {
    std::string id;
    std::string kind;  // "pipe", "pump", "conduit"...
    int line = 0;
    std::string from, to;
    CrossSection section;
    std::optional<NodeKind> symbol;  // pumps and valves also get a node symbol on the link
    double zFrom = 0, zTo = 0;       // centreline at each end, metres
    DepthSource depthSource = DepthSource::Assumed;
    std::string status;
    std::map<std::string, std::string> attributes;
};

struct InpPoint {
    double x = 0, y = 0;
};

// A SWMM subcatchment: its outline from [POLYGONS], drawn as a ground patch.
struct InpArea {
    std::string id;
    int line = 0;
    std::string outlet;   // node (or subcatchment) receiving its runoff
    std::string landUse;  // dominant land use in [COVERAGES]; empty = none
    std::vector<InpPoint> outline;
    std::map<std::string, std::string> attributes;
};

struct InpNetwork {
    std::string path;
    const char* format = "";  // "EPANET", "SWMM"
    UtilityKind utility = UtilityKind::Other;
    bool usUnits = false;                // coordinates in feet when no source CRS is given
    InpCoordinateGuess coordinateGuess;  // lon/lat, schematic or plan (guessInpCoordinates)
    std::vector<InpNode> nodes;
    std::vector<InpLink> links;
    std::map<std::string, size_t> nodeIndex, linkIndex;
    std::map<std::string, InpPoint> coordinates;
    std::map<std::string, std::vector<InpPoint>> vertices;
    std::vector<InpArea> areas;
    std::map<std::string, long> extraCounts;  // read but not drawn (subcatchment polygons...)
    std::vector<std::string> notes;           // units, Z rule... shown by `info`
    Problems problems;

    // Room for the records of these sections (big models: no reallocation while reading).
    void reserve(const InpFile& file, const std::vector<std::string>& nodeSections,
                 const std::vector<std::string>& linkSections);
    const InpNode* findNode(const std::string& id) const;
    InpLink* findLink(const std::string& id);
    // false (and an Error naming the line) for a duplicate id.
    bool addNode(InpNode node);
    // false (and an Error) for a duplicate id or an unknown end node.
    bool addLink(InpLink link);
    // A numeric field (inpNumber); optionalNumber is nullopt without a problem when the field is absent.
    std::optional<double> number(const InpRecord& record, size_t index, const char* what);
    std::optional<double> optionalNumber(const InpRecord& record, size_t index, const char* what);
    // "id node1 node2 ..." common to every link section; nullopt (and an Error) when too short.
    std::optional<InpLink> linkHeader(const InpRecord& record, const char* kind);
    void error(int line, const std::string& message);
    void warning(int line, const std::string& message);
};

// [COORDINATES] (node x y) and [VERTICES] (link x y): bad records are reported and skipped.
void readCoordinates(const InpFile& file, InpNetwork& network);
void readVertices(const InpFile& file, InpNetwork& network);
// [POLYGONS] (subcatchment x y) into network.areas, which must be read before.
void readPolygons(const InpFile& file, InpNetwork& network);

// The bounding box of [COORDINATES] as written in the file, and no CRS (the files carry none)
// unless the coordinates look like longitude/latitude (guessInpCoordinates): then WGS 84.
std::optional<LayerProbe> probeInpFile(const std::string& path, const std::vector<std::string>& knownSections,
                                       std::string& error);

// Places the network: coordinates from spec.sourceCrs (or WGS 84 when they look like lon/lat) to
// the project CRS, or as they are (feet scaled to metres when usUnits). Nodes or links without
// coordinates are reported and skipped; links whose vertices cannot be transformed are drawn
// straight between their nodes, with a warning. Call dropStrayVertices() (inp_stray_vertices.h) first.
LayerImport assembleNetwork(InpNetwork& network, const LayerSpec& spec, const ImportContext& context);

}  // namespace subterra
