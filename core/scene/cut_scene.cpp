#include "cut_scene.h"

#include <cmath>
#include <osg/Geode>
#include <osg/PolygonOffset>
#include <osg/Uniform>

#include "cut_geometry.h"
#include "built_scene.h"
#include "shader_library.h"
#include "utility_colors.h"

namespace subterra {

namespace {
constexpr const char* kCutGroupName = "cuts";

osg::Vec4 localPlane(const SectionPlane& plane, const Vec3d& origin) {
    const Vec3d& n = plane.normal;
    const double d =
        -(n.x * (plane.point.x - origin.x) + n.y * (plane.point.y - origin.y) + n.z * (plane.point.z - origin.z));
    return osg::Vec4(float(n.x), float(n.y), float(n.z), float(d));
}

template <typename T>
osg::ref_ptr<osg::Uniform> arrayUniform(osg::Uniform::Type type, const char* name, const std::vector<T>& values,
                                        size_t size) {
    osg::ref_ptr<osg::Uniform> uniform = new osg::Uniform(type, name, int(size));
    for (size_t i = 0; i < size; ++i) uniform->setElement(unsigned(i), i < values.size() ? values[i] : T());
    return uniform;
}

void setClipUniforms(osg::StateSet& state, const std::vector<const SectionPlane*>& sections,
                     const std::vector<const Excavation*>& excavations, const Model& model, const Vec3d& origin) {
    std::vector<osg::Vec4> planes, boxes, frames;
    for (const SectionPlane* s : sections) planes.push_back(localPlane(*s, origin));
    for (const Excavation* e : excavations) {
        const double angle = e->rotationDeg * M_PI / 180;
        boxes.emplace_back(float(e->centreX - origin.x), float(e->centreY - origin.y), float(e->sizeX / 2),
                           float(e->sizeY / 2));
        frames.emplace_back(float(std::cos(angle)), float(std::sin(angle)),
                            float(excavationFloorZ(*e, model) - origin.z), 0.0f);
    }
    state.addUniform(new osg::Uniform("u_sectionCount", int(planes.size())));
    state.addUniform(arrayUniform(osg::Uniform::FLOAT_VEC4, "u_sections", planes, Cuts::kMaxSections));
    state.addUniform(new osg::Uniform("u_ownSection", -1));
    state.addUniform(new osg::Uniform("u_excavationCount", int(boxes.size())));
    state.addUniform(arrayUniform(osg::Uniform::FLOAT_VEC4, "u_excavationBox", boxes, Cuts::kMaxExcavations));
    state.addUniform(arrayUniform(osg::Uniform::FLOAT_VEC4, "u_excavationFrame", frames, Cuts::kMaxExcavations));
}

void setStrataUniforms(osg::StateSet& state, const std::vector<Stratum>& strata) {
    constexpr size_t kMax = 8;
    std::vector<float> bottoms, grains;
    std::vector<osg::Vec4> colors;
    double depth = 0;
    for (size_t i = 0; i < strata.size() && i < kMax; ++i) {
        depth += strata[i].thicknessM;
        bottoms.push_back(i + 1 == strata.size() ? 1e6f : float(depth));
        grains.push_back(float(strata[i].grainM));
        colors.emplace_back(strata[i].color[0], strata[i].color[1], strata[i].color[2], 1.0f);
    }
    state.addUniform(new osg::Uniform("u_strataCount", int(bottoms.size())));
    state.addUniform(arrayUniform(osg::Uniform::FLOAT, "u_strataBottom", bottoms, kMax));
    state.addUniform(arrayUniform(osg::Uniform::FLOAT, "u_strataGrain", grains, kMax));
    state.addUniform(arrayUniform(osg::Uniform::FLOAT_VEC4, "u_strataColor", colors, kMax));
}

// A drawable that lies on section plane `index`: that plane must not clip it.
void ownSection(osg::Node& node, int index) {
    node.getOrCreateStateSet()->addUniform(new osg::Uniform("u_ownSection", index));
}

const LayerLook* lookOf(const SceneStyle& style, const std::string& layer) {
    auto it = style.layers.find(layer);
    return it == style.layers.end() ? nullptr : &it->second;
}
}  // namespace

CutStats applyCuts(BuiltScene& scene, const Model& model, const Cuts& cuts, const SceneStyle& style) {
    CutStats stats;
    if (!scene.world) return stats;
    for (unsigned i = 0; i < scene.world->getNumChildren(); ++i)
        if (scene.world->getChild(i)->getName() == kCutGroupName) scene.world->removeChild(i--);

    std::vector<const SectionPlane*> sections;
    std::vector<const Excavation*> excavations;
    for (const auto& s : cuts.sections)
        if (s.enabled && sections.size() < Cuts::kMaxSections) sections.push_back(&s);
    for (const auto& e : cuts.excavations)
        if (e.enabled && excavations.size() < Cuts::kMaxExcavations) excavations.push_back(&e);
    osg::StateSet& rootState = *scene.root->getOrCreateStateSet();
    setClipUniforms(rootState, sections, excavations, model, scene.origin);
    // Only a cut scene pays for the cap shader (it writes depth, which costs early depth tests).
    rootState.setAttributeAndModes(shaderProgram("lit", sections.empty() ? "" : "CUT_CAPS"), osg::StateAttribute::ON);
    stats.sections = int(sections.size());
    stats.excavations = int(excavations.size());
    if (sections.empty() && excavations.empty()) return stats;

    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setName(kCutGroupName);
    // Not pickable: a click on a cap selects the cut pipe behind it; on an earth face, nothing.
    group->setNodeMask(~kPickableMask);
    osg::ref_ptr<osg::Group> earth = new osg::Group;
    earth->setName("earth faces");
    osg::StateSet* earthState = earth->getOrCreateStateSet();
    earthState->setAttributeAndModes(shaderProgram("earth"), osg::StateAttribute::ON);
    setStrataUniforms(*earthState, cuts.strataOrDefault());
    const GroundBox box = groundBoxOf(model);
    for (size_t i = 0; i < sections.size(); ++i) {
        if (auto face = sectionEarthFace(*sections[i], model, box, scene.origin)) {
            osg::ref_ptr<osg::Geode> geode = new osg::Geode;
            geode->addDrawable(face);
            ownSection(*geode, int(i));
            earth->addChild(geode);
        }
    }
    for (const Excavation* e : excavations) {
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        geode->addDrawable(excavationFaces(*e, model, scene.origin));
        earth->addChild(geode);
    }
    group->addChild(earth);

    for (size_t i = 0; i < sections.size(); ++i) {
        MeshBuffer caps;
        for (const Segment& segment : model.segments) {
            const LayerLook* look = lookOf(style, segment.layer);
            if (look && !look->visible) continue;
            const osg::Vec4 color = look && look->color ? *look->color : utilityColor(segment.utility);
            caps.beginFeature(segment.id, FeatureKind::Segment);
            stats.caps += appendSegmentCaps(caps, segment, *sections[i], scene.origin, capColorFor(color));
        }
        if (caps.empty()) continue;
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        geode->setName("caps");
        geode->addDrawable(caps.toGeometry());
        ownSection(*geode, int(i));
        group->addChild(geode);
    }
    scene.world->addChild(group);
    return stats;
}

}  // namespace subterra
