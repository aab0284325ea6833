#include "scene_session.h"

#include "cut_scene.h"

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Geode>
#include <osg/MatrixTransform>
#include <osg/Program>

#include <cstring>
#include <filesystem>
#include <iostream>

#include "camera_framing.h"
#include "feature_highlight.h"
#include "picking.h"
#include "render_state.h"
#include "utility_colors.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
// "pipes" for pipes.geojson, "district" for district.subterra.json.
std::string projectStem(const fs::path& path) {
    std::string name = path.filename().string();
    for (const char* suffix : {".subterra.json", ".json"})
        if (name.size() > std::strlen(suffix) &&
            name.compare(name.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
            return name.substr(0, name.size() - std::strlen(suffix));
    return path.stem().string();
}

}  // namespace

SceneSession::SceneSession(LoadedInputs inputs) : load_(std::move(inputs.load)), project_(projectOf(inputs)) {
    // What the command line asked to show differently from the project (loadInputs applied it).
    if (inputs.terrainOpacityFromOptions) terrainOpacityOption_ = inputs.style.terrainOpacity;
    if (inputs.cutsFromOptions) cutsOption_ = inputs.style.cuts;
    displayRoot_ = new osg::Group;
    displayRoot_->setName("viewer");
    overlay_ = std::make_unique<AnnotationOverlay>(PreparedAnnotations{});
    refreshAnnotations(false);
    rebuild();
}

void SceneSession::refreshAnnotations(bool changed) {
    Problems problems;
    preparedAnnotations_ = prepareAnnotations(model(), annotations(), project_.path, problems);
    overlay_->setContent(preparedAnnotations_);
    if (!changed)  // at load; after an edit the panel shows what it changed
        for (const auto& problem : problems) std::cerr << "subterra: warning: " << problem.toLine() << "\n";
    if (changed) dirty_ = true;
}

void SceneSession::rebuild() {
    player_.reset();
    SceneStyle style = this->style();
    if (timeline()) addRevealOrigins(style, *timeline());  // as `subterra animate` builds it
    scene_ = buildScene(model(), style);
    legend_ = applyColorBy(scene_, model(), colorBy_);
    displayRoot_->removeChildren(0, displayRoot_->getNumChildren());
    displayRoot_->addChild(scene_.root);
    displayRoot_->addChild(overlay_->camera());
    buildPickingTrees(*scene_.root);  // picking under the cursor every frame
    updateMarks();
    updateHighlight();
    if (previewTimeS_) previewTimeline(*previewTimeS_);
}

void SceneSession::beginCutEdit() { undo_.push("cut edit", editState()); }

void SceneSession::beginRulesEdit() { undo_.push("check rule edit", editState()); }

SceneStyle SceneSession::style() const {
    SceneStyle style = styleFromProject(project_);
    for (const ProjectLayer& layer : unlistedLayers_) style.layers[layer.spec.name] = lookOf(layer);
    style.terrainOpacity = terrainOpacity();
    style.cuts = cuts();
    return style;
}

// A session opened on data files has changes to lose too: Save As keeps them.
void SceneSession::markChanged() { dirty_ = true; }

void SceneSession::setCheckRules(const CheckRules& rules) {
    project_.checks = rules;
    markChanged();
}

void SceneSession::setCuts(const Cuts& cuts) {
    project_.cuts = cuts;  // before the reset: `cuts` may be the option itself (cuts())
    cutsOption_.reset();
    applyCuts(scene_, model(), cuts, style());
    markChanged();
}

std::vector<ProjectLayer*> SceneSession::layerSettings(const std::string& layer) {
    std::vector<ProjectLayer*> settings;
    for (auto& l : project_.layers)
        if (l.spec.name == layer) settings.push_back(&l);
    if (!settings.empty()) return settings;
    for (auto& l : unlistedLayers_)
        if (l.spec.name == layer) return {&l};
    unlistedLayers_.emplace_back();
    unlistedLayers_.back().spec.name = layer;
    return {&unlistedLayers_.back()};
}

// Called for every row of the Layers panel every frame: looks up one layer, not the whole style.
LayerLook SceneSession::look(const std::string& layer) const {
    const ProjectLayer* found = nullptr;  // the last of that name, as styleFromProject takes it
    for (const auto& l : project_.layers)
        if (l.spec.name == layer) found = &l;
    for (const auto& l : unlistedLayers_)
        if (!found && l.spec.name == layer) found = &l;
    return found ? lookOf(*found) : LayerLook{};
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

void SceneSession::editLayer(const std::string& layer, const std::function<void(ProjectLayer&, osg::Group*)>& edit) {
    player_.reset();  // its base style is out of date
    auto it = scene_.layers.find(layer);
    osg::Group* group = it == scene_.layers.end() ? nullptr : it->second.get();
    // Files of one name (a/pipes.shp, b/pipes.shp) are one layer in the scene: all change together.
    for (ProjectLayer* settings : layerSettings(layer)) edit(*settings, group);
    if (project_.findLayer(layer)) markChanged();
}

void SceneSession::setLayerVisible(const std::string& layer, bool visible) {
    editLayer(layer, [&](ProjectLayer& p, osg::Group* group) {
        p.visible = visible;
        if (group) group->setNodeMask(visible ? ~0u : 0u);
    });
}

void SceneSession::setLayerOpacity(const std::string& layer, float opacity) {
    editLayer(layer, [&](ProjectLayer& p, osg::Group* group) {
        p.opacity = opacity;
        if (group) subterra::setLayerOpacity(*group, opacity);
    });
}

void SceneSession::setLayerColor(const std::string& layer, const osg::Vec4& color) {
    editLayer(layer, [&](ProjectLayer& p, osg::Group*) { p.color = Rgba{color.r(), color.g(), color.b(), color.a()}; });
    rebuild();
}

void SceneSession::setColorBy(ColorBy mode) {
    if (mode == colorBy_) return;
    colorBy_ = mode;
    rebuild();
}

void SceneSession::setTerrainOpacity(float opacity) {
    player_.reset();  // its base style is out of date
    terrainOpacityOption_.reset();
    project_.terrainOpacity = opacity;
    if (scene_.terrain) applyTerrainState(*scene_.terrain->getOrCreateStateSet(), opacity);
    markChanged();
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
    highlight_ = buildFeatureHighlight({feature}, model(), scene_.origin,
                                       osg::Vec4(kHighlightRgb[0], kHighlightRgb[1], kHighlightRgb[2], 1.0f));
    displayRoot_->addChild(highlight_);
}

void SceneSession::markFeatures(const std::vector<SearchHit>& hits) {
    marked_ = hits;
    updateMarks();
}

void SceneSession::updateMarks() {
    if (marks_) displayRoot_->removeChild(marks_);
    marks_ = nullptr;
    std::vector<FeatureRef> features;
    for (const SearchHit& hit : marked_) {
        if (features.size() >= kMaxMarked) break;
        const FeatureRef feature = findFeature(model(), hit.layer, hit.id, hit.kind);
        if (feature.found()) features.push_back(feature);
    }
    if (features.empty()) return;
    marks_ =
        buildFeatureHighlight(features, model(), scene_.origin, osg::Vec4(kMarkRgb[0], kMarkRgb[1], kMarkRgb[2], 1.0f));
    displayRoot_->addChild(marks_);
}

void SceneSession::home(double aspect) {
    CameraSpec spec = autoFrame(model().extent(), aspect, camera_.fovYDeg());
    camera_.setFromSpec(spec);
}

bool SceneSession::goToView(const std::string& name) {
    auto it = project_.views.find(name);
    if (it == project_.views.end()) return false;
    camera_.setFromSpec(toCameraSpec(it->second));
    return true;
}

void SceneSession::saveView(const std::string& name) {
    if (!hasProjectFile() || name.empty()) return;
    const CameraSpec spec = camera_.spec();
    NamedView view;
    view.eye = {spec.eye.x(), spec.eye.y(), spec.eye.z()};
    view.target = {spec.target.x(), spec.target.y(), spec.target.z()};
    view.up = {0, 0, 1};
    view.fovDeg = spec.fovYDeg;
    project_.views[name] = view;
    markChanged();
}

void SceneSession::focusSelection(double aspect) {
    const Extent e = featureExtent(selectedFeature());
    if (!e.valid()) return;
    const Vec3d c = e.centre();
    const double radius =
        0.5 * std::sqrt((e.maxX - e.minX) * (e.maxX - e.minX) + (e.maxY - e.minY) * (e.maxY - e.minY) +
                        (e.maxZ - e.minZ) * (e.maxZ - e.minZ));
    camera_.focus(osg::BoundingSphered(osg::Vec3d(c.x, c.y, c.z), std::max(radius, 1.0)), aspect);
}

void SceneSession::timelineChanged() {
    player_.reset();
    markChanged();
    if (previewTimeS_) previewTimeline(*previewTimeS_);
}

void SceneSession::previewTimeline(double timeS) {
    if (!timeline()) return;
    if (!player_) player_ = std::make_unique<TimelinePlayer>(scene_, model(), style(), *timeline(), camera_.spec());
    previewTimeS_ = timeS;
    const TimelineFrame frame = player_->apply(timeS);
    if (timeline()->findTrack("camera") || timeline()->findTrack("camera.follow")) camera_.setFromSpec(frame.camera);
    overlay_->setContent(fadedAnnotations(preparedAnnotations_, frame.annotationOpacity));
}

void SceneSession::endTimelinePreview() {
    if (!previewTimeS_) return;
    previewTimeS_.reset();
    // A player without tracks sets every part from the current settings.
    const SceneStyle style = this->style();
    TimelinePlayer(scene_, style, Timeline{}, camera_.spec()).apply(0);
    applyCuts(scene_, model(), style.cuts, style);  // the pit a preview opened closes again
    player_.reset();
    overlay_->setContent(preparedAnnotations_);
}

bool SceneSession::save(std::string& error) {
    if (!hasProjectFile()) {
        error = "nothing to save: the viewer was opened on data files, not a project";
        return false;
    }
    if (!saveProject(project_, project_.path).into(error)) return false;
    dirty_ = false;
    return true;
}

bool SceneSession::saveAs(const std::string& path, bool overwrite, std::string& error) {
    if (path.empty()) return error = "no file name given", false;
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec))
        return error = "the folder " + target.parent_path().string() + " does not exist", false;
    if (fs::is_directory(target, ec)) return error = path + " is a folder, not a file", false;
    if (!overwrite && fs::exists(target, ec)) return error = path + " already exists", false;
    Project saved = project_;
    saved.path = path;
    if (saved.name.empty()) saved.name = projectStem(target);
    if (!saveProject(saved, path).into(error)) return false;
    project_ = std::move(saved);
    dirty_ = false;
    return true;
}

std::string SceneSession::defaultSavePath() const {
    if (hasProjectFile()) return project_.path;
    for (const auto& layer : project_.layers) {
        const fs::path source = layer.spec.source;
        if (layer.spec.source.find(':') != std::string::npos && !fs::exists(source)) continue;  // a connection
        return (source.parent_path() / (projectStem(source) + ".subterra.json")).string();
    }
    return "project.subterra.json";
}

}  // namespace subterra
