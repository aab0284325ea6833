#pragma once
// Hand-built models for tests that need a known scene without going through an importer: a flat
// ground and straight pipes, so each test states only what matters to it (depths, sizes, layers).
#include <string>
#include <utility>
#include <vector>

#include "model.h"

namespace model_fixtures {

// A flat ground `sizeM` metres square centred on (cx, cy) at height `z`, sampled by `posts` x
// `posts` heights.
inline subterra::Terrain flatGround(double sizeM, int posts, double cx = 0, double cy = 0, double z = 0) {
    subterra::Terrain terrain;
    terrain.columns = terrain.rows = posts;
    terrain.cellX = terrain.cellY = sizeM / (posts - 1);
    terrain.originX = cx - sizeM / 2;
    terrain.originY = cy + sizeM / 2;  // the north-west sample
    terrain.heights.assign(size_t(posts) * size_t(posts), float(z));
    return terrain;
}

// A round pipe of `utility` through `points`, in the layer named after the utility ("water",
// "sewer", ...), its depth known from the cover.
inline subterra::Segment pipe(const std::string& id, subterra::UtilityKind utility, double diameterM,
                              std::vector<subterra::Vec3d> points) {
    subterra::Segment s;
    s.id = id;
    s.layer = subterra::toString(utility);
    s.utility = utility;
    s.section.diameterM = diameterM;
    s.depthSource = subterra::DepthSource::CoverDepth;
    s.points = std::move(points);
    return s;
}

}  // namespace model_fixtures
