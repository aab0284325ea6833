#pragma once
// What the viewer is showing and editing, without any window or ImGui: the project, the built
// scene, the camera, the selection and the unsaved-changes flag. Panels, keyboard input and the
// test script all change the view through these functions, so they behave the same.
//
// The project is the single source of truth: every edit changes the project, and the scene's style
// is derived from it (styleFromProject). A session opened on data files holds a project for them in
// memory. The command line's display options (--terrain-opacity, --cut, --no-cuts, --section,
// --excavation) show over the project's settings until the user changes that setting; they are
// not written to the project by themselves (an edit of the cuts, or an undo or redo, which sets
// the cuts shown, takes them into it, as before this class kept one truth).
#include <functional>
#include <memory>
#include <optional>
#include <osg/Group>
#include <string>

#include "annotation_overlay.h"
#include "camera_controller.h"
#include "color_by.h"
#include "feature_lookup.h"
#include "feature_search.h"
#include "picking.h"
#include "scene_inputs.h"
#include "timeline_apply.h"
#include "undo_stack.h"

namespace subterra {

// What the viewer's undo history keeps before each edit.
struct EditState {
    Annotations annotations;
    Cuts cuts;
    CheckRules checks;
    std::optional<Timeline> timeline;
};

struct Selection {
    std::string layer;
    std::string featureId;
    FeatureKind kind = FeatureKind::Any;  // the kind found: a node and a link may share an id
};

// Cyan: no utility colour of the APWA code uses it, so a selected feature always stands out.
constexpr float kHighlightRgb[3] = {0.0f, 0.92f, 1.0f};
// Violet for the Find box's matches: no utility colour (heating is a warm magenta, water a lighter
// blue) and apart from the selection's cyan.
constexpr float kMarkRgb[3] = {0.55f, 0.1f, 1.0f};

class SceneSession {
  public:
    explicit SceneSession(LoadedInputs inputs);

    const Model& model() const { return load_.model; }
    const BuiltScene& scene() const { return scene_; }
    osg::Node* displayRoot() const { return displayRoot_.get(); }  // scene + highlight
    // The project being edited: the project file's, or one held in memory for data files.
    Project& project() { return project_; }
    const Project& project() const { return project_; }
    // True when a project file backs the session, so it can be saved and has named views.
    bool hasProjectFile() const { return !project_.path.empty(); }
    // The scene's style: the project's, with the command line's display options over it.
    SceneStyle style() const;
    CameraController& camera() { return camera_; }

    // Layer appearance; each marks the project changed and keeps the project's layer in step.
    void setLayerVisible(const std::string& layer, bool visible);
    void setLayerOpacity(const std::string& layer, float opacity);
    void setLayerColor(const std::string& layer, const osg::Vec4& color);  // rebuilds the geometry
    void setTerrainOpacity(float opacity);
    float terrainOpacity() const { return terrainOpacityOption_.value_or(project_.terrainOpacity); }
    LayerLook look(const std::string& layer) const;
    // The colour a layer is drawn in (its own, else the utility kind's of its first feature).
    osg::Vec4 displayColor(const std::string& layer) const;

    // Colour pipes by an attribute instead of by layer (not saved in the project).
    void setColorBy(ColorBy mode);
    ColorBy colorBy() const { return colorBy_; }
    const std::vector<LegendEntry>& legend() const { return legend_; }

    // Selection: highlights the feature; false when no such feature exists (selection cleared).
    bool select(const std::string& layer, const std::string& featureId, FeatureKind kind = FeatureKind::Any);
    // By id alone, searching every layer (the first match).
    bool selectById(const std::string& featureId, FeatureKind kind = FeatureKind::Any);
    void clearSelection();
    const std::optional<Selection>& selection() const { return selection_; }
    // Features marked in the scene apart from the selection (the Find box's matches, in violet);
    // an empty list clears them. The first kMaxMarked found are drawn.
    static constexpr size_t kMaxMarked = 20000;
    void markFeatures(const std::vector<SearchHit>& hits);
    const std::vector<SearchHit>& marked() const { return marked_; }
    FeatureRef selectedFeature() const;

    // Camera helpers over the model's extent.
    void home(double aspect);
    bool goToView(const std::string& name);  // false when the project has no such view
    void saveView(const std::string& name);
    void focusSelection(double aspect);

    // Sections and excavations: applied to the built scene at once (the layers are not rebuilt)
    // and kept in the project. beginCutEdit() records an undo step; call it once when an edit
    // starts (a button, the first frame of a drag), then setCuts() as often as the edit changes.
    const Cuts& cuts() const { return cutsOption_ ? *cutsOption_ : project_.cuts; }
    void beginCutEdit();
    void setCuts(const Cuts& cuts);

    // The clearance and cover rules (the project's; defaults when it has none). beginRulesEdit()
    // records an undo step, as beginCutEdit() does.
    const CheckRules& checkRules() const { return project_.checks; }
    void beginRulesEdit();
    void setCheckRules(const CheckRules& rules);

    bool dirty() const { return dirty_; }
    // Annotations live in the project; annotation_edits.h changes them with undo.
    // refreshAnnotations() redraws them and marks the project changed.
    Annotations& annotations() { return project_.annotations; }
    const Annotations& annotations() const { return project_.annotations; }
    AnnotationOverlay& overlay() { return *overlay_; }
    // One history for every edit the viewer makes to the project's annotations, cuts and check rules.
    UndoStack<EditState>& undoStack() { return undo_; }
    EditState editState() { return {annotations(), cuts(), checkRules(), timeline()}; }
    void refreshAnnotations(bool changed = true);

    // The explainer animation (the project's; none until one is made or loaded). After changing
    // it call timelineChanged(): marks the project changed and redraws a running preview.
    std::optional<Timeline>& timeline() { return project_.timeline; }
    const std::optional<Timeline>& timeline() const { return project_.timeline; }
    void timelineChanged();
    // Preview: the scene (layers, terrain, reveal, flow) and, when there is a camera track, the
    // camera show the timeline at `timeS`. endTimelinePreview() puts the scene back to the current
    // settings and leaves the camera where it is, free to navigate.
    void previewTimeline(double timeS);
    void endTimelinePreview();
    bool previewing() const { return previewTimeS_.has_value(); }

    // Saves to the project file (atomic, previous file kept as .bak); false + error otherwise.
    [[nodiscard]] bool save(std::string& error);
    // Saves to `path` (atomic, as save()) and makes it the session's project file, so a session
    // opened on data files becomes a project. Refuses a path whose folder does not exist, and an
    // existing file unless `overwrite` (the viewer asks first); false + error then.
    [[nodiscard]] bool saveAs(const std::string& path, bool overwrite, std::string& error);
    // Where Save As proposes to write: the project file, else "<name>.subterra.json" next to the
    // first data file.
    std::string defaultSavePath() const;

  private:
    void rebuild();
    void updateHighlight();
    void updateMarks();
    // The project's settings of a layer: every project layer of that name, or for a layer the
    // project does not list (none does, loaded normally) an entry of unlistedLayers_.
    std::vector<ProjectLayer*> layerSettings(const std::string& layer);
    // Changes a layer's settings and, in place, its group of the built scene (null when the
    // scene has none); no rebuild.
    void editLayer(const std::string& layer, const std::function<void(ProjectLayer&, osg::Group*)>& edit);
    void markChanged();  // the project file now differs from what is on disk

    LoadResult load_;
    Project project_;
    std::optional<float> terrainOpacityOption_;  // the command line's, until the user sets one
    std::optional<Cuts> cutsOption_;             // the command line's, until the user edits the cuts
    // Settings of scene layers the project does not list: shown, with nowhere to be saved.
    std::vector<ProjectLayer> unlistedLayers_;
    BuiltScene scene_;
    osg::ref_ptr<osg::Group> displayRoot_;
    osg::ref_ptr<osg::Group> highlight_;
    osg::ref_ptr<osg::Group> marks_;
    std::vector<SearchHit> marked_;
    CameraController camera_;
    std::optional<Selection> selection_;
    ColorBy colorBy_ = ColorBy::Layer;
    std::vector<LegendEntry> legend_;
    bool dirty_ = false;
    std::unique_ptr<AnnotationOverlay> overlay_;
    UndoStack<EditState> undo_;
    PreparedAnnotations preparedAnnotations_;  // the overlay's content, before any timeline fade
    std::unique_ptr<TimelinePlayer> player_;   // made on demand; dropped when the scene or style changes
    std::optional<double> previewTimeS_;
};

}  // namespace subterra
