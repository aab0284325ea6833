#pragma once
// Reading back what buildScene made, for tests.
#include <osg/Geode>
#include <osg/Geometry>
#include <osg/NodeVisitor>
#include <string>
#include <vector>

#include "scene_builder.h"

namespace scene_test {

// Every geometry under a node that a visitor of `mode` reaches: with active children, an
// osg::LOD gives its nearest range, i.e. the full-detail tiles.
inline std::vector<const osg::Geometry*> geometriesUnder(
    const osg::Node& node, osg::NodeVisitor::TraversalMode mode = osg::NodeVisitor::TRAVERSE_ACTIVE_CHILDREN) {
    struct Collector : osg::NodeVisitor {
        explicit Collector(TraversalMode mode) : osg::NodeVisitor(mode) {}
        void apply(osg::Geode& geode) override {
            for (unsigned i = 0; i < geode.getNumDrawables(); ++i)
                if (const osg::Geometry* g = geode.getDrawable(i)->asGeometry()) geometries.push_back(g);
        }
        std::vector<const osg::Geometry*> geometries;
    } collector(mode);
    const_cast<osg::Node&>(node).accept(collector);  // accept() is non-const; the collector only reads
    return collector.geometries;
}

// The geometries a layer draws from up close, tile by tile.
inline std::vector<const osg::Geometry*> layerGeometries(const subterra::BuiltScene& scene, const std::string& layer) {
    return geometriesUnder(*scene.layers.at(layer));
}

}  // namespace scene_test
