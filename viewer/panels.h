#pragma once
// The ImGui panels, one per file. Each draws itself for this frame and changes the session
// through its functions; none keeps state of its own beyond ImGui's.
#include "scene_session.h"
#include "ui_state.h"

namespace subterra {

// Height of the menu bar and status bar in pixels, for the scene viewport.
float menuBarHeight();
float statusBarHeight();
float timelinePanelHeight(const SceneSession& session, const ViewerUi& ui);  // docked above the status bar

void drawMenuBar(SceneSession& session, ViewerUi& ui, double now);                // menu_bar.cpp
void drawSidebar(SceneSession& session, ViewerUi& ui, double now);                // layers_panel.cpp
void drawCuts(SceneSession& session, ViewerUi& ui, double now);                   // cuts_panel.cpp, in the sidebar
void drawSearch(SceneSession& session, ViewerUi& ui, double now);                 // search_panel.cpp, in the sidebar
void drawInspector(SceneSession& session, ViewerUi& ui);                          // inspector_panel.cpp
void drawStatusBar(const SceneSession& session, const ViewerUi& ui, double now);  // status_bar.cpp
void drawAnnotationsPanel(SceneSession& session, ViewerUi& ui, double now);       // annotations_panel.cpp
void drawTimelinePanel(SceneSession& session, ViewerUi& ui, double now);          // timeline_panel.cpp
void drawKeyEditor(SceneSession& session, ViewerUi& ui, double now);  // timeline_key_editor.cpp, in the timeline panel
void drawExportDialog(SceneSession& session, ViewerUi& ui, double now);      // export_dialog.cpp
void drawQuitDialog(SceneSession& session, ViewerUi& ui, double now);        // quit_dialog.cpp
void drawSaveAsDialog(SceneSession& session, ViewerUi& ui, double now);      // save_as_dialog.cpp
void drawChecks(SceneSession& session, ViewerUi& ui, double now);            // checks_panel.cpp, in the sidebar
void drawProfileSection(SceneSession& session, ViewerUi& ui, double now);    // profile_panel.cpp, in the sidebar
void drawProfileWindow(SceneSession& session, ViewerUi& ui, double now);     // profile_panel.cpp
void drawCrossingsWindow(SceneSession& session, ViewerUi& ui);               // crossings_panel.cpp
void drawExportPathDialog(SceneSession& session, ViewerUi& ui, double now);  // export_path_dialog.cpp

}  // namespace subterra
