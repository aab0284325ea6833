// Undo and redo of annotation and timeline edits: the stack itself, and the viewer's edits through a session.
#include <catch2/catch.hpp>

#include "annotation_edits.h"
#include "scene_session.h"
#include "timeline_keys.h"
#include "timeline_edits.h"
#include "undo_stack.h"

using namespace subterra;

namespace {
Annotations withCallouts(size_t count) {
    Annotations a;
    a.callouts.resize(count);
    return a;
}

LoadedInputs onePipeProject() {
    LoadedInputs inputs;
    Segment pipe;
    pipe.id = "W-1";
    pipe.layer = "water";
    pipe.material = "PE";
    pipe.section.diameterM = 0.2;
    pipe.points = {{0, 0, -1}, {10, 0, -1}};
    inputs.load.model.segments.push_back(pipe);
    inputs.project = Project{};
    return inputs;
}
}  // namespace

TEST_CASE("Undo returns the state before each edit, redo replays, a new edit drops redo", "[annotations][undo]") {
    UndoStack<Annotations> stack;
    CHECK_FALSE(stack.canUndo());
    CHECK_FALSE(stack.undo(withCallouts(0)));
    stack.push("add callout", withCallouts(0));
    stack.push("add callout", withCallouts(1));
    CHECK(stack.undoLabel() == "add callout");
    auto undone = stack.undo(withCallouts(2));
    REQUIRE(undone);
    CHECK(undone->callouts.size() == 1);
    undone = stack.undo(*undone);
    REQUIRE(undone);
    CHECK(undone->callouts.empty());
    CHECK_FALSE(stack.canUndo());
    auto redone = stack.redo(*undone);
    REQUIRE(redone);
    CHECK(redone->callouts.size() == 1);
    stack.push("delete callout", *redone);
    CHECK_FALSE(stack.canRedo());
}

TEST_CASE("The stack keeps at most its limit of edits, dropping the oldest", "[annotations][undo]") {
    UndoStack<Annotations> stack(3);
    for (size_t i = 0; i < 5; ++i) stack.push("edit", withCallouts(i));
    int undos = 0;
    Annotations state = withCallouts(5);
    while (auto previous = stack.undo(state)) state = *previous, ++undos;
    CHECK(undos == 3);
    CHECK(state.callouts.size() == 2);
}

TEST_CASE("Viewer edits: add a callout at the selection, type in it, undo and redo", "[annotations][undo]") {
    SceneSession session(onePipeProject());
    CHECK_FALSE(addCalloutAtSelection(session));  // nothing selected
    REQUIRE(session.select("water", "W-1"));
    REQUIRE(addCalloutAtSelection(session));
    CHECK(session.dirty());
    REQUIRE(session.annotations().callouts.size() == 1);
    CHECK(session.overlay().content().labels.at(0).text == "W-1 · PE DN200 · 1.0 m deep");
    // Three keystrokes in one field are one undo step.
    for (const char* text : {"a", "ab", "abc"})
        editAnnotations(
            session, "edit callout text", [&](Annotations& a) { a.callouts[0].text = text; }, true);
    CHECK(session.overlay().content().labels.at(0).text == "abc");
    REQUIRE(undoAnnotationEdit(session));
    CHECK(session.annotations().callouts.at(0).text == "{id} · {material} DN{diameter_mm} · {depth_m:.1f} m deep");
    REQUIRE(undoAnnotationEdit(session));
    CHECK(session.annotations().callouts.empty());
    CHECK(session.overlay().content().labels.empty());
    CHECK_FALSE(undoAnnotationEdit(session));
    REQUIRE(redoAnnotationEdit(session));
    CHECK(session.project().annotations.callouts.size() == 1);  // edits land in the project that is saved
}

TEST_CASE("Viewer timeline edits: add from the current state, move, delete, undo restores each", "[timeline][undo]") {
    SceneSession session(onePipeProject());
    CHECK_FALSE(session.timeline());
    session.setLayerOpacity("water", 0.25f);
    std::string error;
    REQUIRE(addKeyFromCurrentState(session, "layers.water.opacity", 2.0, error));
    REQUIRE(session.timeline());
    session.setLayerOpacity("water", 0.75f);
    REQUIRE(addKeyFromCurrentState(session, "layers.water.opacity", 6.0, error));
    REQUIRE(addKeyFromCurrentState(session, "camera", 1.0, error));
    const Track* water = session.timeline()->findTrack("layers.water.opacity");
    REQUIRE(water);
    CHECK(water->keys.at(0).value.at(0) == Approx(0.25));
    CHECK(water->keys.at(1).value.at(0) == Approx(0.75));
    CHECK(session.timeline()->findTrack("camera")->keys.at(0).value.size() == 10);
    CHECK_FALSE(addKeyFromCurrentState(session, "layers.nothere.opacity", 1.0, error));
    CHECK(error.find("nothere") != std::string::npos);

    editTimeline(session, "move key", [](Timeline& t) { moveKey(t, "layers.water.opacity", 0, 8.0); });
    editTimeline(session, "delete key", [](Timeline& t) { deleteKey(t, "camera", 0); });
    CHECK(session.timeline()->findTrack("camera") == nullptr);
    auto waterTimes = [&] {
        std::vector<double> out;
        for (const auto& k : session.timeline()->findTrack("layers.water.opacity")->keys) out.push_back(k.timeS);
        return out;
    };
    CHECK(waterTimes() == std::vector<double>{6, 8});

    REQUIRE(undoAnnotationEdit(session));  // the delete
    CHECK(session.timeline()->findTrack("camera") != nullptr);
    REQUIRE(undoAnnotationEdit(session));  // the move
    CHECK(waterTimes() == std::vector<double>{2, 6});
    REQUIRE(redoAnnotationEdit(session));
    CHECK(waterTimes() == std::vector<double>{6, 8});
    // Back past the first key: no timeline, as loaded.
    while (undoAnnotationEdit(session)) {}
    CHECK_FALSE(session.timeline());
    CHECK(session.dirty());
}
