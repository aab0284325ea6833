#pragma once
// `subterra view`: the interactive window. GLFW makes an OpenGL 3.3 compatibility context (OSG
// 3.6 on Debian draws nothing in a core profile); OSG renders the scene into it through a
// GraphicsWindowEmbedded, then Dear ImGui draws the panels over it in the same context.
#include <string>

#include "scene_inputs.h"

namespace subterra {

struct ViewerOptions {
    int width = 1600, height = 900;  // window size in screen coordinates
    std::string view;                // named view to start from
    std::string script;              // scripted mode: actions to perform (see script.h)
    int frames = 0;                  // scripted mode: quit after this many frames
    std::string screenshot;          // with --frames or --script: the window after the last frame
};

// Runs until the window is closed (or the script ends); returns a process exit code.
int runViewer(LoadedInputs inputs, const ViewerOptions& options);

}  // namespace subterra
