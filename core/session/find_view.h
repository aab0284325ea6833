#pragma once
// The Find box's state and what a search does to the scene, without ImGui, so the panel and the
// test script behave the same: every match is marked in the scene (violet), one match is also
// selected and framed, and clearing the query clears the marks.
#include <string>

#include "feature_search.h"
#include "scene_session.h"

namespace subterra {

struct FindView {
    char query[256] = "";
    SearchResult result;
    bool searched = false;   // a result (or an error) is shown
    bool takeFocus = false;  // the box takes the keyboard on the next frame (a script's find_focus)
    bool focused = false;    // the box had the keyboard in the last frame drawn
};

// Searches for `query`, marks the matches (none on an error) and selects and frames a single one.
void runFind(SceneSession& session, FindView& find, const std::string& query, double aspect);
// Empties the query and the result and removes the marks.
void clearFind(SceneSession& session, FindView& find);

}  // namespace subterra
