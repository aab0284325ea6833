#include "render_state.h"

#include <osg/BlendFunc>
#include <osg/ColorMask>
#include <osg/Group>
#include <algorithm>
#include <osg/Depth>
#include <osg/LineWidth>
#include <osg/Uniform>

#include "shader_library.h"
#include "utility_colors.h"

namespace subterra {

void applySceneState(osg::StateSet& state, float sceneSizeM) {
    state.setAttributeAndModes(shaderProgram("lit"), osg::StateAttribute::ON);
    osg::Vec3 light(0.35f, 0.55f, 0.75f);  // eye space: from above, slightly right of the viewer
    light.normalize();
    state.addUniform(new osg::Uniform("u_lightDirEye", light));
    state.addUniform(new osg::Uniform("u_opacity", 1.0f));
    state.addUniform(new osg::Uniform("u_hazeColor", backgroundColor()));
    state.addUniform(new osg::Uniform("u_hazeDistance", std::max(500.0f, sceneSizeM * 4.0f)));
    // Animation defaults (timeline_apply.cpp sets them per layer): everything revealed, no flow.
    state.addUniform(new osg::Uniform("subterra_revealDistance", 1e30f));
    state.addUniform(new osg::Uniform("subterra_flowStrength", 0.0f));
    state.addUniform(new osg::Uniform("subterra_flowPhase", 0.0f));
    state.addUniform(new osg::Uniform("subterra_flowSpacing", 8.0f));
    state.setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    state.setAttributeAndModes(new osg::LineWidth(2.0f));
}

void makeTranslucent(osg::StateSet& state) {
    state.setMode(GL_BLEND, osg::StateAttribute::ON);
    state.setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    state.setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, false));
    state.setRenderingHint(osg::StateSet::TRANSPARENT_BIN);
}

void addLayerContent(osg::Group& layer, osg::Node* content, float opacity) {
    layer.getOrCreateStateSet()->addUniform(new osg::Uniform("u_opacity", opacity));
    if (opacity >= 1.0f) {
        layer.addChild(content);
        return;
    }
    osg::ref_ptr<osg::Group> depthPass = new osg::Group;
    depthPass->setName("depth pass");
    osg::StateSet* depthState = depthPass->getOrCreateStateSet();
    depthState->setAttributeAndModes(new osg::ColorMask(false, false, false, false));
    depthState->setRenderBinDetails(10, "RenderBin");
    depthPass->addChild(content);
    osg::ref_ptr<osg::Group> colorPass = new osg::Group;
    colorPass->setName("colour pass");
    osg::StateSet* colorState = colorPass->getOrCreateStateSet();
    makeTranslucent(*colorState);
    colorState->setRenderBinDetails(11, "RenderBin");
    colorPass->addChild(content);
    layer.addChild(depthPass);
    layer.addChild(colorPass);
}

void setLayerOpacity(osg::Group& layer, float opacity) {
    if (layer.getNumChildren() == 0) return;
    osg::Node* first = layer.getChild(0);
    const bool twoPass = first->getName() == "depth pass" && first->asGroup() && first->asGroup()->getNumChildren() > 0;
    osg::ref_ptr<osg::Node> content = twoPass ? first->asGroup()->getChild(0) : first;
    if (twoPass == (opacity < 1.0f)) {  // same structure: only the uniform changes
        layer.getOrCreateStateSet()->getOrCreateUniform("u_opacity", osg::Uniform::FLOAT)->set(opacity);
        return;
    }
    layer.removeChildren(0, layer.getNumChildren());
    addLayerContent(layer, content.get(), opacity);
}

void applyTerrainState(osg::StateSet& state, float opacity) {
    state.setAttributeAndModes(shaderProgram("terrain"), osg::StateAttribute::ON);
    state.addUniform(new osg::Uniform("u_opacity", opacity));
    state.addUniform(new osg::Uniform("u_groundColor", groundColor()));
    state.addUniform(new osg::Uniform("u_gridSpacing", 10.0f));
    makeTranslucent(state);
    // The ground is drawn last of all, so every pipe below it is already on screen.
    state.setRenderBinDetails(100, "DepthSortedBin");
    if (opacity >= 0.999f) {
        state.setMode(GL_BLEND, osg::StateAttribute::OFF);
        state.setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, true));
    }
}

}  // namespace subterra
