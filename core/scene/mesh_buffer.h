#pragma once
// Triangles being collected for one merged osg::Geometry. Each vertex carries the index of the
// feature it belongs to, so a picked triangle maps back to its segment, node or building.
#include <optional>
#include <osg/Geometry>
#include <string>
#include <vector>

#include "model.h"

namespace subterra {

struct MeshBuffer {
    std::vector<osg::Vec3> vertices;  // relative to the scene's local origin
    std::vector<osg::Vec3> normals;
    std::vector<osg::Vec4> colors;
    std::vector<float> featureIndex;  // index into featureIds (exact in float below 2^24)
    // Distance along the network (attribute kPathAttribute), for animation: x = reveal distance
    // (metres from where a layer starts to grow), y = distance along the flow (< 0: no flow).
    std::vector<osg::Vec2> pathDistance;
    // Per polyline point, set by appendSegment while a tube or duct is built along that polyline.
    std::vector<osg::Vec2> pointPath;
    std::vector<unsigned> indices;  // triangles
    // Centrelines, drawn as thin lines: a pipe smaller than a pixel in a city-wide view still shows.
    std::vector<unsigned> lineIndices;
    std::vector<std::string> featureIds;
    std::vector<FeatureKind> featureKinds;  // parallel to featureIds

    // Starts a new feature; returns its index.
    unsigned beginFeature(const std::string& id, FeatureKind kind = FeatureKind::Any);
    unsigned addVertex(const osg::Vec3& position, const osg::Vec3& normal, const osg::Vec4& color);
    // Vertices added from now on get this path distance.
    void setPath(const osg::Vec2& path) { currentPath_ = path; }
    // Vertices added from now on belong to polyline point `i` (when pointPath is set).
    void atPathPoint(size_t i) {
        if (i < pointPath.size()) currentPath_ = pointPath[i];
    }
    void addTriangle(unsigned a, unsigned b, unsigned c) { indices.insert(indices.end(), {a, b, c}); }
    void addLine(unsigned a, unsigned b) { lineIndices.insert(lineIndices.end(), {a, b}); }
    size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty() && lineIndices.empty(); }

    // The buffer as one geometry (primitive set 0: triangles, 1: lines if any): feature index as
    // vertex attribute kFeatureAttribute, and the ids as a FeatureTable user object. The buffer's
    // storage moves into the geometry: the buffer is empty afterwards.
    osg::ref_ptr<osg::Geometry> toGeometry();

  private:
    unsigned currentFeature_ = 0;
    osg::Vec2 currentPath_{0, -1};
};

// The centrelines of a geometry made by toGeometry(), alone, with copies of just the vertices
// they use; state and feature table shared. nullptr when it has no centrelines.
osg::ref_ptr<osg::Geometry> centrelinesOnly(osg::Geometry& geometry);

constexpr unsigned kFeatureAttribute = 7;
constexpr unsigned kPathAttribute = 6;  // "subterra_path" in the lit shader

// Attached to every merged geometry: feature index -> feature id and kind.
class FeatureTable : public osg::Referenced {
  public:
    FeatureTable(std::vector<std::string> ids, std::vector<FeatureKind> kinds)
        : ids(std::move(ids)), kinds(std::move(kinds)) {}
    std::vector<std::string> ids;
    std::vector<FeatureKind> kinds;
};

// The feature id of a vertex of a merged geometry; empty when the geometry has none.
std::string featureIdOfVertex(const osg::Geometry& geometry, unsigned vertex);
// Its kind; Any when the geometry has none or did not say.
FeatureKind featureKindOfVertex(const osg::Geometry& geometry, unsigned vertex);

}  // namespace subterra
