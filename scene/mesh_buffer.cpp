#include "mesh_buffer.h"

namespace subterra {

unsigned MeshBuffer::beginFeature(const std::string& id) {
    featureIds.push_back(id);
    currentFeature_ = unsigned(featureIds.size() - 1);
    return currentFeature_;
}

unsigned MeshBuffer::addVertex(const osg::Vec3& position, const osg::Vec3& normal, const osg::Vec4& color) {
    vertices.push_back(position);
    normals.push_back(normal);
    colors.push_back(color);
    featureIndex.push_back(float(currentFeature_));
    return unsigned(vertices.size() - 1);
}

osg::ref_ptr<osg::Geometry> MeshBuffer::toGeometry() const {
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseVertexBufferObjects(true);
    geometry->setUseDisplayList(false);
    geometry->setVertexArray(new osg::Vec3Array(vertices.begin(), vertices.end()));
    geometry->setNormalArray(new osg::Vec3Array(normals.begin(), normals.end()), osg::Array::BIND_PER_VERTEX);
    geometry->setColorArray(new osg::Vec4Array(colors.begin(), colors.end()), osg::Array::BIND_PER_VERTEX);
    geometry->setVertexAttribArray(kFeatureAttribute, new osg::FloatArray(featureIndex.begin(), featureIndex.end()),
                                   osg::Array::BIND_PER_VERTEX);
    geometry->addPrimitiveSet(new osg::DrawElementsUInt(GL_TRIANGLES, indices.begin(), indices.end()));
    if (!lineIndices.empty())
        geometry->addPrimitiveSet(new osg::DrawElementsUInt(GL_LINES, lineIndices.begin(), lineIndices.end()));
    geometry->setUserData(new FeatureTable(featureIds));
    return geometry;
}

std::string featureIdOfVertex(const osg::Geometry& geometry, unsigned vertex) {
    const auto* table = dynamic_cast<const FeatureTable*>(geometry.getUserData());
    const auto* index = dynamic_cast<const osg::FloatArray*>(geometry.getVertexAttribArray(kFeatureAttribute));
    if (!table || !index || vertex >= index->size()) return {};
    const auto feature = size_t((*index)[vertex]);
    return feature < table->ids.size() ? table->ids[feature] : std::string();
}

}  // namespace subterra
