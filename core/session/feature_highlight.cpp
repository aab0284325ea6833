#include "feature_highlight.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/Program>

#include "built_scene.h"
#include "feature_meshes.h"
#include "ground_patches.h"
#include "mesh_buffer.h"

namespace subterra {

namespace {
const char* kHighlightVert = R"(#version 120
varying vec3 v_normal;
varying vec3 v_eyePosition;
void main() {
    vec4 eye = gl_ModelViewMatrix * gl_Vertex;
    v_eyePosition = eye.xyz;
    v_normal = gl_NormalMatrix * gl_Normal;
    gl_Position = gl_ProjectionMatrix * eye;
})";
const char* kHighlightFrag = R"(#version 120
uniform vec4 u_highlight;
varying vec3 v_normal;
varying vec3 v_eyePosition;
void main() {
    float facing = abs(dot(normalize(v_normal), normalize(-v_eyePosition)));
    gl_FragColor = vec4(u_highlight.rgb * (0.78 + 0.22 * facing), u_highlight.a);
})";

// Two passes: where the selection is visible it is drawn solid; where something hides it
// (a building, another pipe, opaque ground) it still shows through, half transparent.
osg::ref_ptr<osg::Group> highlightNode(osg::Geode* geode, const Vec3d& origin, const osg::Vec4& color) {
    osg::ref_ptr<osg::Program> program = new osg::Program;
    program->addShader(new osg::Shader(osg::Shader::VERTEX, kHighlightVert));
    program->addShader(new osg::Shader(osg::Shader::FRAGMENT, kHighlightFrag));
    osg::ref_ptr<osg::MatrixTransform> transform =
        new osg::MatrixTransform(osg::Matrixd::translate(origin.x, origin.y, origin.z));
    transform->setName("highlight");
    transform->setNodeMask(kOverlayMask);
    osg::StateSet* state = transform->getOrCreateStateSet();
    state->setAttributeAndModes(program, osg::StateAttribute::ON);
    state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);

    osg::ref_ptr<osg::Group> visible = new osg::Group;
    visible->getOrCreateStateSet()->addUniform(new osg::Uniform("u_highlight", color));
    visible->getOrCreateStateSet()->setRenderBinDetails(1000, "RenderBin");
    visible->addChild(geode);
    osg::ref_ptr<osg::Group> hidden = new osg::Group;
    osg::StateSet* hiddenState = hidden->getOrCreateStateSet();
    hiddenState->addUniform(new osg::Uniform("u_highlight", osg::Vec4(color.r(), color.g(), color.b(), 0.55f)));
    hiddenState->setRenderBinDetails(1001, "RenderBin");
    hiddenState->setMode(GL_BLEND, osg::StateAttribute::ON);
    hiddenState->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    hiddenState->setAttributeAndModes(new osg::Depth(osg::Depth::GREATER, 0.0, 1.0, false));
    hidden->addChild(geode);
    transform->addChild(visible);
    transform->addChild(hidden);
    return transform;
}

void appendGrown(MeshBuffer& mesh, const FeatureRef& feature, const Model& model, const Vec3d& origin) {
    const osg::Vec4 white(1, 1, 1, 1);
    if (feature.segment) {
        Segment grown = *feature.segment;
        grown.section.diameterM = grown.section.diameterM * 1.25 + 0.04;
        grown.section.widthM = grown.section.widthM * 1.25 + 0.04;
        grown.section.heightM = grown.section.heightM * 1.25 + 0.04;
        appendSegment(mesh, grown, origin, white);
    } else if (feature.node) {
        Node grown = *feature.node;
        grown.sizeM = grown.sizeM * 1.2 + 0.05;
        appendNode(mesh, grown, origin, white);
    } else if (feature.building) {
        appendBuilding(mesh, *feature.building, origin, white);
    } else if (feature.patch) {
        appendGroundPatch(mesh, *feature.patch, model, origin, white);
    }
}
}  // namespace

osg::ref_ptr<osg::Group> buildFeatureHighlight(const std::vector<FeatureRef>& features, const Model& model,
                                               const Vec3d& origin, const osg::Vec4& color) {
    if (features.empty()) return nullptr;
    MeshBuffer mesh;
    for (const FeatureRef& feature : features) appendGrown(mesh, feature, model, origin);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(mesh.toGeometry());
    return highlightNode(geode.get(), origin, color);
}

}  // namespace subterra
