#include "timeline_apply.h"

#include <algorithm>
#include <cmath>
#include <osg/Geometry>
#include <osg/NodeVisitor>

#include "cut_scene.h"
#include "mesh_buffer.h"
#include "render_state.h"
#include "timeline_cuts.h"

namespace subterra {

namespace {
// Largest reveal distance (path attribute x) of the geometries under a node.
class RevealLengthVisitor : public osg::NodeVisitor {
  public:
    RevealLengthVisitor() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Geometry& geometry) override {
        if (const auto* path = dynamic_cast<const osg::Vec2Array*>(geometry.getVertexAttribArray(kPathAttribute)))
            for (const auto& p : *path) longest = std::max(longest, p.x());
    }
    float longest = 0;
};

void setUniform(osg::Node& node, const char* name, float value) {
    node.getOrCreateStateSet()->getOrCreateUniform(name, osg::Uniform::FLOAT)->set(value);
}

osg::Vec3d vec(const std::vector<double>& v, size_t at) { return osg::Vec3d(v[at], v[at + 1], v[at + 2]); }
}  // namespace

void addRevealOrigins(SceneStyle& style, const Timeline& timeline) {
    for (const auto& track : timeline.tracks) {
        const bool reveal = track.target.rfind("reveal.", 0) == 0, flow = track.target.rfind("flow.", 0) == 0;
        if (!reveal && !flow) continue;
        LayerLook& look = style.layers[track.target.substr(reveal ? 7 : 5)];
        if (reveal && track.revealFrom) look.revealFrom = Vec3d{(*track.revealFrom)[0], (*track.revealFrom)[1], 0};
        if (reveal && track.revealAlongFlow) look.revealAlongFlow = true;
        if (!track.flowAttribute.empty()) look.flowAttribute = track.flowAttribute;
    }
}

namespace {
// Blends the keyed camera towards a follow camera (weight 0..1), eye and target in a straight line.
void blendCamera(CameraSpec& camera, const CameraSpec& follow, double weight) {
    weight = std::clamp(weight, 0.0, 1.0);
    camera.eye = camera.eye * (1 - weight) + follow.eye * weight;
    camera.target = camera.target * (1 - weight) + follow.target * weight;
    if (weight >= 1) camera.up = follow.up;
}
}  // namespace

TimelinePlayer::TimelinePlayer(BuiltScene& scene, SceneStyle base, Timeline timeline, const CameraSpec& fallbackCamera)
    : scene_(scene), base_(std::move(base)), timeline_(std::move(timeline)), fallbackCamera_(fallbackCamera) {
    for (auto& [name, group] : scene_.layers) {
        RevealLengthVisitor visitor;
        group->accept(visitor);
        revealLengthM_[name] = visitor.longest;
    }
}

TimelinePlayer::TimelinePlayer(BuiltScene& scene, const Model& model, SceneStyle base, Timeline timeline,
                               const CameraSpec& fallbackCamera)
    : TimelinePlayer(scene, std::move(base), std::move(timeline), fallbackCamera) {
    model_ = &model;
    drawnCuts_ = base_.cuts;
    for (size_t i = 0; i < timeline_.tracks.size(); ++i) {
        const Track& track = timeline_.tracks[i];
        if (!track.follow) continue;
        std::string error;
        if (auto path = FollowPath::build(model, *track.follow, error)) followPaths_.emplace(i, std::move(*path));
        else
            problems_.push_back(
                {Severity::Error, "", "$.timeline.tracks[" + std::to_string(i) + "].follow.ids", error});
    }
}

TimelineFrame TimelinePlayer::apply(double timeS) {
    struct LayerState {
        LayerLook look;
        float reveal = 1, flow = 0;
        const Track* flowTrack = nullptr;
    };
    std::map<std::string, LayerState> layers;
    for (const auto& [name, group] : scene_.layers) {
        auto it = base_.layers.find(name);
        layers[name].look = it == base_.layers.end() ? LayerLook{} : it->second;
    }
    float terrainOpacity = base_.terrainOpacity;
    TimelineFrame frame;
    frame.camera = fallbackCamera_;
    std::vector<std::string> names;
    for (const auto& entry : layers) names.push_back(entry.first);
    for (const auto& track : timeline_.tracks) {
        std::string error;
        const auto target = parseTarget(track.target, names, error);
        const std::vector<double> value = evaluateTrack(track, timeS);
        if (!target || value.empty()) continue;  // reported when the project was read
        LayerState* layer = target->layer.empty() || !layers.count(target->layer) ? nullptr : &layers[target->layer];
        const float number = float(value[0]);
        switch (target->kind) {
            case TrackKind::Camera:
                frame.camera.eye = vec(value, 0);
                frame.camera.target = vec(value, 3);
                frame.camera.up = vec(value, 6);
                frame.camera.fovYDeg = value[9];
                break;
            case TrackKind::TerrainOpacity: terrainOpacity = std::clamp(number, 0.0f, 1.0f); break;
            case TrackKind::LayerOpacity:
                if (layer) layer->look.opacity = std::clamp(number, 0.0f, 1.0f);
                break;
            case TrackKind::LayerVisible:
                if (layer) layer->look.visible = number >= 0.5f;
                break;
            case TrackKind::Reveal:
                if (layer) layer->reveal = std::clamp(number, 0.0f, 1.0f);
                break;
            case TrackKind::Flow:
                if (layer) layer->flow = std::clamp(number, 0.0f, 1.0f), layer->flowTrack = &track;
                break;
            case TrackKind::Parameter: frame.parameters[track.target] = value; break;
        }
    }
    applyParameters(frame, timeS);
    for (auto& [name, state] : layers) {
        osg::Group& group = *scene_.layers.at(name);
        group.setNodeMask(state.look.visible && state.look.opacity > 0 && state.reveal > 0 ? ~0u : 0u);
        setLayerOpacity(group, state.look.opacity);
        // Past the end: everything, whatever float rounding did to the longest distance.
        setUniform(group, "subterra_revealDistance", state.reveal >= 1 ? 1e30f : state.reveal * revealLengthM_[name]);
        setUniform(group, "subterra_flowStrength", state.flow);
        const double speed = state.flowTrack ? state.flowTrack->flowSpeedMps : 0;
        const double spacing = state.flowTrack ? state.flowTrack->flowSpacingM : 8;
        // The phase wraps every spacing: float precision stays the same after minutes of flow.
        setUniform(group, "subterra_flowPhase", float(std::fmod(speed * timeS, spacing)));
        setUniform(group, "subterra_flowSpacing", float(spacing));
    }
    if (scene_.terrain) {
        applyTerrainState(*scene_.terrain->getOrCreateStateSet(), terrainOpacity);
        scene_.terrain->setNodeMask(terrainOpacity > 0 ? ~0u : 0u);
    }
    return frame;
}

void TimelinePlayer::applyParameters(TimelineFrame& frame, double timeS) {
    std::string error;
    for (const auto& [path, value] : frame.parameters) {
        const auto target = parseParameterTarget(path, TimelineNames{}, error);
        if (target && target->kind == ParameterKind::AnnotationOpacity)
            frame.annotationOpacity[target->name] = std::clamp(float(value[0]), 0.0f, 1.0f);
    }
    if (!model_) return;
    for (const auto& [index, path] : followPaths_) {
        const std::vector<double> value = evaluateTrack(timeline_.tracks[index], timeS);
        blendCamera(frame.camera, path.cameraAt(value[0], frame.camera.fovYDeg), value.size() > 1 ? value[1] : 1.0);
    }
    const Cuts cuts = animatedCuts(base_.cuts, frame.parameters);
    if (sameCuts(cuts, drawnCuts_)) return;
    applyCuts(scene_, *model_, cuts, base_);
    drawnCuts_ = cuts;
}

}  // namespace subterra
