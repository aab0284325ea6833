#include "scene_builder.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/LOD>
#include <limits>

#include "cut_scene.h"
#include "detail_levels.h"
#include "feature_meshes.h"
#include "flow_direction.h"
#include "ground_patches.h"
#include "mesh_feature.h"
#include "render_state.h"
#include "utility_colors.h"

namespace subterra {

Vec3d chooseLocalOrigin(const Extent& extent) {
    if (!extent.valid()) return {};
    const Vec3d c = extent.centre();
    return {std::round(c.x / 1000) * 1000, std::round(c.y / 1000) * 1000, 0.0};  // elevations fit a float
}

namespace {
// Features of one layer, split by how they are drawn: solid, see-through (assumed depth), or
// ground patches (see-through, lying on the ground).
struct LayerMeshes {
    MeshBuffer solid, seeThrough, ground;
    bool empty() const { return solid.empty() && seeThrough.empty() && ground.empty(); }
};

// One square tile of a layer (detail_levels.h). Tubes and shafts are built twice, at full and at
// coarse detail; buildings, CAD meshes and ground patches once, drawn at any distance.
struct TileMeshes {
    LayerMeshes full, coarse, shared;
    double widestM = 0;  // the widest tube or shaft: how near the full detail must show
};
using TileKey = std::pair<long, long>;
using LayerTiles = std::map<TileKey, TileMeshes>;

osg::ref_ptr<osg::Geode> geodeOf(LayerMeshes& meshes, size_t& triangles) {
    triangles += meshes.solid.triangleCount() + meshes.seeThrough.triangleCount() + meshes.ground.triangleCount();
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    if (!meshes.solid.empty()) geode->addDrawable(meshes.solid.toGeometry());
    if (!meshes.seeThrough.empty()) {
        osg::ref_ptr<osg::Geometry> geometry = meshes.seeThrough.toGeometry();
        makeTranslucent(*geometry->getOrCreateStateSet());
        geode->addDrawable(geometry);
    }
    if (!meshes.ground.empty()) {
        osg::ref_ptr<osg::Geometry> geometry = meshes.ground.toGeometry();
        geometry->setName(kGroundPatchGeometryName);
        applyGroundPatchState(*geometry->getOrCreateStateSet());
        geode->addDrawable(geometry);
    }
    return geode;
}

// The coarse level's centrelines alone, with the shared drawables (detail_levels.h).
osg::ref_ptr<osg::Geode> centrelinesGeode(osg::Geode& coarse, osg::Geode& shared) {
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    for (unsigned i = 0; i < coarse.getNumDrawables(); ++i)
        if (osg::Geometry* geometry = coarse.getDrawable(i)->asGeometry())
            if (osg::ref_ptr<osg::Geometry> lines = centrelinesOnly(*geometry)) geode->addDrawable(lines);
    for (unsigned i = 0; i < shared.getNumDrawables(); ++i) geode->addDrawable(shared.getDrawable(i));
    return geode;
}

// A tile's node: its shared geometry alone, or its three levels (detail_levels.h), each from the
// distance where the tile's widest tube is under that level's pixel width.
osg::ref_ptr<osg::Node> tileNode(TileMeshes& tile, size_t& triangles) {
    osg::ref_ptr<osg::Geode> shared = geodeOf(tile.shared, triangles);
    if (tile.full.empty()) return shared;
    size_t coarseTriangles = 0;  // what is drawn from up close is what the scene reports
    osg::ref_ptr<osg::Geode> full = geodeOf(tile.full, triangles);
    osg::ref_ptr<osg::Geode> coarse = geodeOf(tile.coarse, coarseTriangles);
    osg::ref_ptr<osg::Geode> centrelines = centrelinesGeode(*coarse, *shared);
    for (unsigned i = 0; i < shared->getNumDrawables(); ++i) {
        full->addDrawable(shared->getDrawable(i));
        coarse->addDrawable(shared->getDrawable(i));
    }
    osg::ref_ptr<TileLevels> lod = new TileLevels;
    lod->addChild(full);
    lod->addChild(coarse);
    lod->addChild(centrelines);
    const float coarseM = float(distanceBelowPixelsM(tile.widestM, kCoarseBelowPx));
    const float centrelinesM = float(distanceBelowPixelsM(tile.widestM, kCentrelinesBelowPx));
    lod->setRange(0, 0, coarseM);
    lod->setRange(1, coarseM, centrelinesM);
    lod->setRange(2, centrelinesM, std::numeric_limits<float>::max());
    return lod;
}

osg::Vec4 colorFor(const LayerLook* look, UtilityKind utility) {
    return look && look->color ? *look->color : utilityColor(utility);
}

// The features of one layer, in model order (so the merged geometry is the same every run).
struct LayerFeatures {
    std::vector<const Segment*> segments;
    std::vector<const Node*> nodes;
    std::vector<const Building*> buildings;
    std::vector<const Mesh*> meshes;
    std::vector<const GroundPatch*> patches;
};

std::map<std::string, LayerFeatures> featuresByLayer(const Model& model) {
    std::map<std::string, LayerFeatures> byLayer;
    for (const auto& s : model.segments) byLayer[s.layer].segments.push_back(&s);
    for (const auto& n : model.nodes) byLayer[n.layer].nodes.push_back(&n);
    for (const auto& b : model.buildings) byLayer[b.layer].buildings.push_back(&b);
    for (const auto& m : model.meshes) byLayer[m.layer].meshes.push_back(&m);
    for (const auto& p : model.patches) byLayer[p.layer].patches.push_back(&p);
    return byLayer;
}

// The tile a feature belongs to, by one of its points.
struct TileGrid {
    double originX = 0, originY = 0, sizeM = 200;
    TileKey of(const Vec3d& p) const {
        return {long(std::floor((p.x - originX) / sizeM)), long(std::floor((p.y - originY) / sizeM))};
    }
};

LayerTiles buildLayerTiles(const LayerFeatures& features, const LayerLook* look, const SceneStyle& style,
                           const Model& model, const Vec3d& origin, const TileGrid& grid) {
    LayerTiles tiles;
    const Vec3d revealFrom = look && look->revealFrom ? *look->revealFrom
                             : features.segments.empty() || features.segments.front()->points.empty()
                                 ? Vec3d{}
                                 : features.segments.front()->points.front();
    const std::string flowAttribute = look ? look->flowAttribute : "";
    std::optional<FlowOrder> alongFlow;
    if (look && look->revealAlongFlow) alongFlow.emplace(features.segments, flowAttribute);
    for (size_t i = 0; i < features.segments.size(); ++i) {
        const Segment* s = features.segments[i];
        if (s->points.empty()) continue;
        const bool assumed = s->depthSource == DepthSource::Assumed;
        osg::Vec4 color = colorFor(look, s->utility);
        if (assumed) color.a() = style.assumedDepthAlpha;
        SegmentPath path = segmentPath(*s, revealFrom);
        path.flowReversed = flowReversed(*s, flowAttribute);
        if (alongFlow) path.revealStartM = alongFlow->upstreamDistance(i), path.revealFromLast = path.flowReversed;
        TileMeshes& tile = tiles[grid.of(s->points[s->points.size() / 2])];
        tile.widestM = std::max(tile.widestM, drawnWidthM(*s));
        appendSegment(assumed ? tile.full.seeThrough : tile.full.solid, *s, origin, color, path);
        appendSegment(assumed ? tile.coarse.seeThrough : tile.coarse.solid, *s, origin, color, path, Detail::Coarse);
    }
    for (const Node* n : features.nodes) {  // a manhole appears when the growing network reaches it
        const double reveal = alongFlow ? alongFlow->distanceAt(n->position) : planDistance(revealFrom, n->position);
        TileMeshes& tile = tiles[grid.of(n->position)];
        tile.widestM = std::max(tile.widestM, drawnWidthM(*n));
        const std::pair<MeshBuffer*, Detail> variants[] = {{&tile.full.solid, Detail::Full},
                                                           {&tile.coarse.solid, Detail::Coarse}};
        for (auto [mesh, detail] : variants) {
            mesh->setPath(osg::Vec2(float(reveal), -1.0f));
            appendNode(*mesh, *n, origin, colorFor(look, n->utility), detail);
            mesh->setPath(osg::Vec2(0, -1));
        }
    }
    for (const Building* b : features.buildings)
        if (!b->footprint.empty() || !b->surfaces.empty())
            appendBuilding(tiles[grid.of(b->footprint.empty() ? Vec3d{} : b->footprint.front())].shared.solid, *b,
                           origin, look && look->color ? *look->color : buildingColor());
    for (const Mesh* mesh : features.meshes) {
        LayerMeshes& shared = tiles[grid.of(mesh->vertices.empty() ? Vec3d{} : mesh->vertices.front())].shared;
        appendMesh(shared.solid, shared.seeThrough, *mesh, origin, look ? look->color : std::nullopt);
    }
    for (const GroundPatch* patch : features.patches) {
        osg::Vec4 color = groundPatchColor(patch->kind, patch->landUse);
        if (look && look->color) color = osg::Vec4(look->color->r(), look->color->g(), look->color->b(), color.a());
        appendGroundPatch(tiles[grid.of(patch->outline.empty() ? Vec3d{} : patch->outline.front())].shared.ground,
                          *patch, model, origin, color);
    }
    return tiles;
}

// Layers are independent: tessellate them on all cores (a city-wide scene spends seconds here).
std::map<std::string, LayerTiles> buildAllLayers(const Model& model, const SceneStyle& style, const Vec3d& origin,
                                                 const TileGrid& grid) {
    const auto byLayer = featuresByLayer(model);
    std::vector<const std::pair<const std::string, LayerFeatures>*> work;
    for (const auto& entry : byLayer) work.push_back(&entry);
    std::vector<LayerTiles> results(work.size());
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i = next++; i < work.size(); i = next++) {
            auto it = style.layers.find(work[i]->first);
            results[i] = buildLayerTiles(work[i]->second, it == style.layers.end() ? nullptr : &it->second, style,
                                         model, origin, grid);
        }
    };
    const size_t threads = std::min<size_t>(work.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();
    std::map<std::string, LayerTiles> tiles;
    for (size_t i = 0; i < work.size(); ++i) tiles[work[i]->first] = std::move(results[i]);
    return tiles;
}

// Without a DEM the ground is a flat plane at the model's flat level, a little larger than the data.
Terrain flatGround(const Model& model, const Extent& extent) {
    Terrain ground;
    const double margin = std::max(10.0, 0.08 * std::max(extent.maxX - extent.minX, extent.maxY - extent.minY));
    ground.columns = ground.rows = 2;
    ground.originX = extent.minX - margin;
    ground.originY = extent.maxY + margin;
    ground.cellX = extent.maxX - extent.minX + 2 * margin;
    ground.cellY = extent.maxY - extent.minY + 2 * margin;
    ground.heights.assign(4, float(model.flatGroundZ));
    return ground;
}

osg::ref_ptr<osg::Group> terrainGroup(const Model& model, const Extent& extent, const Vec3d& origin,
                                      const SceneStyle& style, size_t& triangles) {
    if (!extent.valid()) return nullptr;
    MeshBuffer mesh;
    appendTerrain(mesh, model.terrain ? *model.terrain : flatGround(model, extent), origin);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    triangles += mesh.triangleCount();
    geode->addDrawable(mesh.toGeometry());
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName("terrain");
    group->addChild(geode);
    applyTerrainState(*group->getOrCreateStateSet(), style.terrainOpacity);
    return group;
}
}  // namespace

BuiltScene buildScene(const Model& model, const SceneStyle& style) {
    BuiltScene scene;
    scene.extent = model.extent();
    scene.origin = chooseLocalOrigin(scene.extent);
    const Vec3d& origin = scene.origin;
    const TileGrid grid{scene.extent.valid() ? scene.extent.minX : 0, scene.extent.valid() ? scene.extent.minY : 0,
                        tileSizeM(scene.extent)};
    std::map<std::string, LayerTiles> byLayer = buildAllLayers(model, style, origin, grid);

    scene.root = new osg::Group;
    scene.root->setName("subterra");
    const float sceneSize =
        scene.extent.valid()
            ? float(std::max(scene.extent.maxX - scene.extent.minX, scene.extent.maxY - scene.extent.minY))
            : 100.0f;
    applySceneState(*scene.root->getOrCreateStateSet(), sceneSize);
    scene.world = new osg::MatrixTransform(osg::Matrixd::translate(origin.x, origin.y, origin.z));
    scene.world->setName("local origin");
    scene.root->addChild(scene.world);
    for (auto& [name, tiles] : byLayer) {
        osg::ref_ptr<osg::Group> group = new osg::Group;
        group->setName(name);
        auto it = style.layers.find(name);
        const LayerLook look = it == style.layers.end() ? LayerLook{} : it->second;
        osg::ref_ptr<osg::Group> content = new osg::Group;
        content->setName(kLayerTilesName);
        for (auto& entry : tiles) content->addChild(tileNode(entry.second, scene.triangles));
        addLayerContent(*group, content, look.opacity);
        group->setNodeMask(look.visible ? ~0u : 0u);
        scene.world->addChild(group);
        scene.layers[name] = group;
    }
    scene.terrain = terrainGroup(model, scene.extent, origin, style, scene.triangles);
    if (scene.terrain) scene.world->addChild(scene.terrain);
    applyCuts(scene, model, style.cuts, style);
    return scene;
}

}  // namespace subterra
