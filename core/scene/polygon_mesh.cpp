#include "polygon_mesh.h"

#include <osgUtil/Tessellator>

namespace subterra {

void appendPolygon(MeshBuffer& mesh, const std::vector<std::vector<osg::Vec3>>& rings, const osg::Vec3& normal,
                   const osg::Vec4& color) {
    osg::ref_ptr<osg::Geometry> polygon = new osg::Geometry;
    osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
    for (const auto& ring : rings) {
        if (ring.size() < 3) continue;
        const unsigned start = unsigned(vertices->size());
        vertices->insert(vertices->end(), ring.begin(), ring.end());
        polygon->addPrimitiveSet(new osg::DrawArrays(GL_POLYGON, start, GLsizei(ring.size())));
    }
    if (polygon->getNumPrimitiveSets() == 0) return;
    polygon->setVertexArray(vertices);
    osg::ref_ptr<osgUtil::Tessellator> tessellator = new osgUtil::Tessellator;
    tessellator->setTessellationType(osgUtil::Tessellator::TESS_TYPE_GEOMETRY);
    tessellator->setWindingType(osgUtil::Tessellator::TESS_WINDING_ODD);
    tessellator->retessellatePolygons(*polygon);
    const auto* result = static_cast<const osg::Vec3Array*>(polygon->getVertexArray());
    const unsigned base = unsigned(mesh.vertices.size());
    for (const auto& v : *result) mesh.addVertex(v, normal, color);
    for (unsigned p = 0; p < polygon->getNumPrimitiveSets(); ++p) {
        const osg::PrimitiveSet* set = polygon->getPrimitiveSet(p);
        const GLenum mode = set->getMode();
        const unsigned n = set->getNumIndices();
        for (unsigned i = 0; i + 2 < n; ++i) {
            if (mode == GL_TRIANGLES && i % 3 != 0) continue;
            unsigned a = set->index(i), b = set->index(i + 1), c = set->index(i + 2);
            if (mode == GL_TRIANGLE_FAN) a = set->index(0), b = set->index(i + 1), c = set->index(i + 2);
            if (mode == GL_TRIANGLE_STRIP && i % 2) std::swap(a, b);
            if (mode == GL_TRIANGLES || mode == GL_TRIANGLE_FAN || mode == GL_TRIANGLE_STRIP)
                mesh.addTriangle(base + a, base + b, base + c);
        }
    }
}

}  // namespace subterra
