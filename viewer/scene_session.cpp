#include "scene_session.h"

#include "cut_scene.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/Program>

#include <iostream>

#include "camera_framing.h"
#include "feature_meshes.h"
#include "ground_patches.h"
#include "picking.h"
#include "render_state.h"
#include "utility_colors.h"

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
osg::ref_ptr<osg::Group> highlightNode(osg::Geode* geode, const Vec3d& origin) {
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
    const osg::Vec4 color(kHighlightRgb[0], kHighlightRgb[1], kHighlightRgb[2], 1.0f);

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

}  // namespace

SceneSession::SceneSession(LoadedInputs inputs) : inputs_(std::move(inputs)) {
    displayRoot_ = new osg::Group;
    displayRoot_->setName("viewer");
    overlay_ = std::make_unique<AnnotationOverlay>(PreparedAnnotations{});
    refreshAnnotations(false);
    rebuild();
}

void SceneSession::refreshAnnotations(bool changed) {
    Problems problems;
    preparedAnnotations_ = prepareAnnotations(model(), annotations(), hasProject() ? project()->path : "", problems);
    overlay_->setContent(preparedAnnotations_);
    if (!changed)  // at load; after an edit the panel shows what it changed
        for (const auto& problem : problems) std::cerr << "subterra: warning: " << problem.toLine() << "\n";
    if (changed) dirty_ = true;
}

void SceneSession::rebuild() {
    player_.reset();
    SceneStyle style = inputs_.style;
    if (timeline()) addRevealOrigins(style, *timeline());  // as `subterra animate` builds it
    scene_ = buildScene(model(), style);
    legend_ = applyColorBy(scene_, model(), colorBy_);
    displayRoot_->removeChildren(0, displayRoot_->getNumChildren());
    displayRoot_->addChild(scene_.root);
    displayRoot_->addChild(overlay_->camera());
    buildPickingTrees(*scene_.root);  // picking under the cursor every frame
    updateHighlight();
    if (previewTimeS_) previewTimeline(*previewTimeS_);
}

void SceneSession::beginCutEdit() { undo_.push("cut edit", editState()); }

void SceneSession::beginRulesEdit() { undo_.push("check rule edit", editState()); }

void SceneSession::setCheckRules(const CheckRules& rules) {
    if (!inputs_.project) {
        looseRules_ = rules;
        return;
    }
    inputs_.project->checks = rules;
    dirty_ = true;
}

void SceneSession::setCuts(const Cuts& cuts) {
    inputs_.style.cuts = cuts;
    applyCuts(scene_, model(), cuts, inputs_.style);
    if (inputs_.project) {
        inputs_.project->cuts = cuts;
        dirty_ = true;
    }
}

ProjectLayer* SceneSession::projectLayer(const std::string& layer) {
    if (!inputs_.project) return nullptr;
    for (auto& l : inputs_.project->layers)
        if (l.spec.name == layer) return &l;
    return nullptr;
}

LayerLook SceneSession::look(const std::string& layer) const {
    auto it = inputs_.style.layers.find(layer);
    return it == inputs_.style.layers.end() ? LayerLook{} : it->second;
}

osg::Vec4 SceneSession::displayColor(const std::string& layer) const {
    const LayerLook l = look(layer);
    if (l.color) return *l.color;
    for (const auto& s : model().segments)
        if (s.layer == layer) return utilityColor(s.utility);
    for (const auto& n : model().nodes)
        if (n.layer == layer) return utilityColor(n.utility);
    return buildingColor();
}

void SceneSession::setLayerVisible(const std::string& layer, bool visible) {
    player_.reset();  // its base style is out of date
    inputs_.style.layers[layer].visible = visible;
    auto it = scene_.layers.find(layer);
    if (it != scene_.layers.end()) it->second->setNodeMask(visible ? ~0u : 0u);
    if (ProjectLayer* p = projectLayer(layer)) {
        p->visible = visible;
        dirty_ = true;
    }
}

void SceneSession::setLayerOpacity(const std::string& layer, float opacity) {
    player_.reset();  // its base style is out of date
    inputs_.style.layers[layer].opacity = opacity;
    auto it = scene_.layers.find(layer);
    if (it != scene_.layers.end()) {
        subterra::setLayerOpacity(*it->second, opacity);
    }
    if (ProjectLayer* p = projectLayer(layer)) {
        p->opacity = opacity;
        dirty_ = true;
    }
}

void SceneSession::setLayerColor(const std::string& layer, const osg::Vec4& color) {
    inputs_.style.layers[layer].color = color;
    if (ProjectLayer* p = projectLayer(layer)) {
        p->color = Rgba{color.r(), color.g(), color.b(), color.a()};
        dirty_ = true;
    }
    rebuild();
}

void SceneSession::setColorBy(ColorBy mode) {
    if (mode == colorBy_) return;
    colorBy_ = mode;
    rebuild();
}

void SceneSession::setTerrainOpacity(float opacity) {
    player_.reset();  // its base style is out of date
    inputs_.style.terrainOpacity = opacity;
    if (scene_.terrain) applyTerrainState(*scene_.terrain->getOrCreateStateSet(), opacity);
    if (inputs_.project) {
        inputs_.project->terrainOpacity = opacity;
        dirty_ = true;
    }
}

bool SceneSession::select(const std::string& layer, const std::string& featureId, FeatureKind kind) {
    const FeatureRef feature = findFeature(model(), layer, featureId, kind);
    if (!feature.found()) {
        clearSelection();
        return false;
    }
    selection_ = Selection{layer, featureId, feature.kind()};  // what was found, even when asked for Any
    updateHighlight();
    return true;
}

bool SceneSession::selectById(const std::string& featureId, FeatureKind kind) {
    const FeatureRef feature = findFeature(model(), "", featureId, kind);
    if (feature.found()) return select(feature.layer(), featureId, kind);
    clearSelection();
    return false;
}

void SceneSession::clearSelection() {
    selection_.reset();
    updateHighlight();
}

FeatureRef SceneSession::selectedFeature() const {
    return selection_ ? findFeature(model(), selection_->layer, selection_->featureId, selection_->kind) : FeatureRef{};
}

void SceneSession::updateHighlight() {
    if (highlight_) displayRoot_->removeChild(highlight_);
    highlight_ = nullptr;
    const FeatureRef feature = selectedFeature();
    if (!feature.found()) return;
    // Slightly larger than the feature itself, so it wraps it instead of fighting with its faces.
    MeshBuffer mesh;
    const osg::Vec4 white(1, 1, 1, 1);
    if (feature.segment) {
        Segment grown = *feature.segment;
        grown.section.diameterM = grown.section.diameterM * 1.25 + 0.04;
        grown.section.widthM = grown.section.widthM * 1.25 + 0.04;
        grown.section.heightM = grown.section.heightM * 1.25 + 0.04;
        appendSegment(mesh, grown, scene_.origin, white);
    } else if (feature.node) {
        Node grown = *feature.node;
        grown.sizeM = grown.sizeM * 1.2 + 0.05;
        appendNode(mesh, grown, scene_.origin, white);
    } else if (feature.building) {
        appendBuilding(mesh, *feature.building, scene_.origin, white);
    } else {
        appendGroundPatch(mesh, *feature.patch, model(), scene_.origin, white);
    }
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    geode->addDrawable(mesh.toGeometry());
    highlight_ = highlightNode(geode.get(), scene_.origin);
    displayRoot_->addChild(highlight_);
}

void SceneSession::home(double aspect) {
    CameraSpec spec = autoFrame(model().extent(), aspect, camera_.fovYDeg());
    camera_.setFromSpec(spec);
}

bool SceneSession::goToView(const std::string& name) {
    if (!inputs_.project) return false;
    auto it = inputs_.project->views.find(name);
    if (it == inputs_.project->views.end()) return false;
    camera_.setFromSpec(toCameraSpec(it->second));
    return true;
}

void SceneSession::saveView(const std::string& name) {
    if (!inputs_.project || name.empty()) return;
    const CameraSpec spec = camera_.spec();
    NamedView view;
    view.eye = {spec.eye.x(), spec.eye.y(), spec.eye.z()};
    view.target = {spec.target.x(), spec.target.y(), spec.target.z()};
    view.up = {0, 0, 1};
    view.fovDeg = spec.fovYDeg;
    inputs_.project->views[name] = view;
    dirty_ = true;
}

void SceneSession::focusSelection(double aspect) {
    const Extent e = featureExtent(selectedFeature());
    if (!e.valid()) return;
    const Vec3d c = e.centre();
    const double radius = 0.5 * std::sqrt((e.maxX - e.minX) * (e.maxX - e.minX) + (e.maxY - e.minY) * (e.maxY - e.minY) +
                                          (e.maxZ - e.minZ) * (e.maxZ - e.minZ));
    camera_.focus(osg::BoundingSphered(osg::Vec3d(c.x, c.y, c.z), std::max(radius, 1.0)), aspect);
}

void SceneSession::timelineChanged() {
    player_.reset();
    if (inputs_.project) dirty_ = true;
    if (previewTimeS_) previewTimeline(*previewTimeS_);
}

void SceneSession::previewTimeline(double timeS) {
    if (!timeline()) return;
    if (!player_) player_ = std::make_unique<TimelinePlayer>(scene_, model(), inputs_.style, *timeline(), camera_.spec());
    previewTimeS_ = timeS;
    const TimelineFrame frame = player_->apply(timeS);
    if (timeline()->findTrack("camera") || timeline()->findTrack("camera.follow")) camera_.setFromSpec(frame.camera);
    overlay_->setContent(fadedAnnotations(preparedAnnotations_, frame.annotationOpacity));
}

void SceneSession::endTimelinePreview() {
    if (!previewTimeS_) return;
    previewTimeS_.reset();
    // A player without tracks sets every part from the current settings.
    TimelinePlayer(scene_, inputs_.style, Timeline{}, camera_.spec()).apply(0);
    applyCuts(scene_, model(), inputs_.style.cuts, inputs_.style);  // the pit a preview opened closes again
    player_.reset();
    overlay_->setContent(preparedAnnotations_);
}

bool SceneSession::save(std::string& error) {
    if (!inputs_.project) {
        error = "nothing to save: the viewer was opened on data files, not a project";
        return false;
    }
    if (!saveProject(*inputs_.project, inputs_.project->path, error)) return false;
    dirty_ = false;
    return true;
}

}  // namespace subterra
