#include "mesh_buffer.h"

#include <algorithm>

namespace subterra {

unsigned MeshBuffer::beginFeature(const std::string& id, FeatureKind kind) {
    featureIds.push_back(id);
    featureKinds.push_back(kind);
    currentFeature_ = unsigned(featureIds.size() - 1);
    return currentFeature_;
}

unsigned MeshBuffer::addVertex(const osg::Vec3& position, const osg::Vec3& normal, const osg::Vec4& color) {
    vertices.push_back(position);
    normals.push_back(normal);
    colors.push_back(color);
    featureIndex.push_back(float(currentFeature_));
    pathDistance.push_back(currentPath_);
    return unsigned(vertices.size() - 1);
}

namespace {
// OSG arrays are std::vectors underneath: hand the buffer's storage over instead of copying it
// (city-wide scenes hold gigabytes of vertices; a copy doubled the peak memory).
template <typename Array, typename T>
osg::ref_ptr<Array> takeInto(std::vector<T>& values) {
    osg::ref_ptr<Array> array = new Array;
    array->asVector().swap(values);
    return array;
}
}  // namespace

osg::ref_ptr<osg::Geometry> MeshBuffer::toGeometry() {
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    geometry->setUseVertexBufferObjects(true);
    geometry->setUseDisplayList(false);
    geometry->setVertexArray(takeInto<osg::Vec3Array>(vertices));
    geometry->setNormalArray(takeInto<osg::Vec3Array>(normals), osg::Array::BIND_PER_VERTEX);
    geometry->setColorArray(takeInto<osg::Vec4Array>(colors), osg::Array::BIND_PER_VERTEX);
    geometry->setVertexAttribArray(kFeatureAttribute, takeInto<osg::FloatArray>(featureIndex),
                                   osg::Array::BIND_PER_VERTEX);
    geometry->setVertexAttribArray(kPathAttribute, takeInto<osg::Vec2Array>(pathDistance), osg::Array::BIND_PER_VERTEX);
    osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
    triangles->asVector().swap(indices);
    geometry->addPrimitiveSet(triangles);
    if (!lineIndices.empty()) {
        osg::ref_ptr<osg::DrawElementsUInt> lines = new osg::DrawElementsUInt(GL_LINES);
        lines->asVector().swap(lineIndices);
        geometry->addPrimitiveSet(lines);
    }
    geometry->setUserData(new FeatureTable(std::move(featureIds), std::move(featureKinds)));
    *this = MeshBuffer();
    return geometry;
}

namespace {
// The feature table and the index of a vertex's feature in it; null when the geometry has none.
const FeatureTable* featureOfVertex(const osg::Geometry& geometry, unsigned vertex, size_t& feature) {
    const auto* table = dynamic_cast<const FeatureTable*>(geometry.getUserData());
    const auto* index = dynamic_cast<const osg::FloatArray*>(geometry.getVertexAttribArray(kFeatureAttribute));
    if (!table || !index || vertex >= index->size()) return nullptr;
    feature = size_t((*index)[vertex]);
    return table;
}
}  // namespace

std::string featureIdOfVertex(const osg::Geometry& geometry, unsigned vertex) {
    size_t feature = 0;
    const FeatureTable* table = featureOfVertex(geometry, vertex, feature);
    return table && feature < table->ids.size() ? table->ids[feature] : std::string();
}

FeatureKind featureKindOfVertex(const osg::Geometry& geometry, unsigned vertex) {
    size_t feature = 0;
    const FeatureTable* table = featureOfVertex(geometry, vertex, feature);
    return table && feature < table->kinds.size() ? table->kinds[feature] : FeatureKind::Any;
}

namespace {
// The elements of `array` at `indices`, in that order; null when it is not an ArrayT.
template <class ArrayT>
osg::ref_ptr<ArrayT> elementsAt(const osg::Array* array, const std::vector<unsigned>& indices) {
    const auto* source = dynamic_cast<const ArrayT*>(array);
    if (!source) return nullptr;
    osg::ref_ptr<ArrayT> result = new ArrayT;
    result->reserve(indices.size());
    for (unsigned i : indices) result->push_back((*source)[i]);
    return result;
}
}  // namespace

osg::ref_ptr<osg::Geometry> centrelinesOnly(osg::Geometry& geometry) {
    const osg::DrawElementsUInt* lines = nullptr;
    for (unsigned i = 0; i < geometry.getNumPrimitiveSets(); ++i)
        if (geometry.getPrimitiveSet(i)->getMode() == GL_LINES)
            lines = dynamic_cast<const osg::DrawElementsUInt*>(geometry.getPrimitiveSet(i));
    if (!lines || lines->empty()) return nullptr;
    // Only the vertices the lines use, renumbered: drawing this level uploads no triangles' data.
    std::vector<unsigned> used(lines->begin(), lines->end());
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    osg::ref_ptr<osg::DrawElementsUInt> renumbered = new osg::DrawElementsUInt(GL_LINES);
    renumbered->reserve(lines->size());
    for (unsigned index : *lines)
        renumbered->push_back(unsigned(std::lower_bound(used.begin(), used.end(), index) - used.begin()));

    osg::ref_ptr<osg::Geometry> result = new osg::Geometry;
    result->setUseVertexBufferObjects(true);
    result->setUseDisplayList(false);
    result->setVertexArray(elementsAt<osg::Vec3Array>(geometry.getVertexArray(), used));
    result->setNormalArray(elementsAt<osg::Vec3Array>(geometry.getNormalArray(), used), osg::Array::BIND_PER_VERTEX);
    result->setColorArray(elementsAt<osg::Vec4Array>(geometry.getColorArray(), used), osg::Array::BIND_PER_VERTEX);
    result->setVertexAttribArray(kFeatureAttribute,
                                 elementsAt<osg::FloatArray>(geometry.getVertexAttribArray(kFeatureAttribute), used),
                                 osg::Array::BIND_PER_VERTEX);
    result->setVertexAttribArray(kPathAttribute,
                                 elementsAt<osg::Vec2Array>(geometry.getVertexAttribArray(kPathAttribute), used),
                                 osg::Array::BIND_PER_VERTEX);
    result->addPrimitiveSet(renumbered);
    result->setStateSet(geometry.getStateSet());  // shared: see-through stays see-through
    result->setUserData(geometry.getUserData());  // the same feature table
    return result;
}

}  // namespace subterra
