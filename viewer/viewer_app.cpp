#include "viewer_app.h"

#include <algorithm>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>
#include <osgViewer/Viewer>

#include "camera_input.h"
#include "cut_handles_input.h"
#include "detail_levels.h"
#include "image_io.h"
#include "panels.h"
#include "scene_session.h"
#include "screenshot.h"
#include "script.h"
#include "theme.h"
#include "timeline_export_job.h"
#include "utility_colors.h"

namespace subterra {

namespace {
std::string glfwLastError;

void onGlfwError(int, const char* description) { glfwLastError = description ? description : "unknown GLFW error"; }

// Keys as GLFW reports them, queued so that a tap inside one frame is not lost (key_events.h).
// Replaces the ImGui backend's key callback, which only sets io.KeysDown.
KeyEventQueue* keyQueue = nullptr;
void onKey(GLFWwindow*, int key, int, int action, int) {
    if (keyQueue && action != GLFW_REPEAT) keyQueue->push(key, action == GLFW_PRESS);
}

// This frame's share of the queued keys, and the modifiers as the 1.86 backend derives them.
void deliverKeys(KeyEventQueue& queue) {
    ImGuiIO& io = ImGui::GetIO();
    queue.deliverFrame(io.KeysDown, IM_ARRAYSIZE(io.KeysDown));
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

// Files dropped on the window, opened at the end of the frame.
std::vector<std::string> droppedPaths;
void onDrop(GLFWwindow*, int count, const char** paths) { droppedPaths.assign(paths, paths + count); }

// Opens dropped files (one project, or data files) in place of the current scene; keeps the
// current one when they cannot be read or when it has unsaved changes.
void openDropped(std::unique_ptr<SceneSession>& session, osgViewer::Viewer& viewer, ViewerUi& ui, double now) {
    std::vector<std::string> paths;
    paths.swap(droppedPaths);
    if (session->dirty()) {
        ui.say("Not opened: save the project first (Ctrl+S); unsaved changes are never dropped silently", now);
        return;
    }
    InputOptions options;
    options.inputs = paths;
    LoadedInputs inputs = loadInputs(options);
    int errors = 0;
    for (const auto& line : summarizedProblemLines(inputs.problems)) std::cerr << line << "\n";
    for (const auto& problem : inputs.problems) errors += problem.severity == Severity::Error ? 1 : 0;
    if (inputs.load.model.empty()) {
        ui.say("Nothing to show in the dropped files (" + std::to_string(errors) + " errors on the terminal)", now);
        return;
    }
    session = std::make_unique<SceneSession>(std::move(inputs));
    viewer.setSceneData(session->displayRoot());
    session->home(ui.viewport.aspect());
    ui.say("Opened " + paths.front() + (paths.size() > 1 ? " and " + std::to_string(paths.size() - 1) + " more" : "") +
               (errors ? " (" + std::to_string(errors) + " problems on the terminal)" : ""),
           now);
}

// OSG 3.6 on Debian is built for GL2/compatibility: a core profile would draw nothing.
GLFWwindow* openWindow(int width, int height, int samples) {
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_COMPAT_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_FALSE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, samples);
    GLFWwindow* window = glfwCreateWindow(width, height, "Subterra", nullptr, nullptr);
    if (!window) {  // no multisampled visual (some X servers): plain is better than nothing
        glfwWindowHint(GLFW_SAMPLES, 0);
        window = glfwCreateWindow(width, height, "Subterra", nullptr, nullptr);
    }
    return window;
}

// Multisampling costs a software rasteriser (Mesa llvmpipe) 2-3x the frame time (measured:
// 600 vs 250 ms at 1600x900 on the sample district): there the window is reopened without it.
GLFWwindow* openBestWindow(int width, int height, bool& softwareGl) {
    GLFWwindow* window = openWindow(width, height, 4);
    if (!window) return nullptr;
    glfwMakeContextCurrent(window);
    const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const std::string name = renderer ? renderer : "";
    softwareGl = name.find("llvmpipe") != std::string::npos || name.find("softpipe") != std::string::npos ||
                 name.find("swrast") != std::string::npos;
    if (!softwareGl) return window;
    glfwMakeContextCurrent(nullptr);
    glfwDestroyWindow(window);
    window = openWindow(width, height, 0);
    if (window) glfwMakeContextCurrent(window);
    return window;
}

struct Frame {
    int windowWidth = 1, windowHeight = 1, fbWidth = 1, fbHeight = 1;
};

Frame frameSize(GLFWwindow* window) {
    Frame f;
    glfwGetWindowSize(window, &f.windowWidth, &f.windowHeight);
    glfwGetFramebufferSize(window, &f.fbWidth, &f.fbHeight);
    f.windowWidth = std::max(1, f.windowWidth), f.windowHeight = std::max(1, f.windowHeight);
    f.fbWidth = std::max(1, f.fbWidth), f.fbHeight = std::max(1, f.fbHeight);
    return f;
}

// The scene fills the window between the menu bar and the status bar, right of the side panel.
ViewportRect sceneViewport(const Frame& f, const SceneSession& session, const ViewerUi& ui) {
    ViewportRect v;
    v.x = ui.showSidebar ? int(kSidebarWidth * ui.scale) : 0;
    v.y = int(menuBarHeight());
    v.width = std::max(1, f.windowWidth - v.x);
    v.height = std::max(1, f.windowHeight - v.y - int(statusBarHeight()) - int(timelinePanelHeight(session, ui)));
    return v;
}

void applyCamera(osgViewer::Viewer& viewer, SceneSession& session, const ViewerUi& ui, const Frame& f) {
    const double sx = double(f.fbWidth) / f.windowWidth, sy = double(f.fbHeight) / f.windowHeight;
    const ViewportRect& v = ui.viewport;
    osg::Camera* camera = viewer.getCamera();
    camera->setViewport(int(v.x * sx), int((f.windowHeight - v.y - v.height) * sy), int(v.width * sx),
                        int(v.height * sy));
    camera->setViewMatrix(session.camera().viewMatrix());
    // Near and far are recomputed every frame from the visible bounds (COMPUTE_NEAR_FAR).
    camera->setProjectionMatrixAsPerspective(session.camera().fovYDeg(), v.aspect(), 1.0, 1000.0);
    camera->setLODScale(lodScaleFor(session.camera().fovYDeg(), v.height * sy));
    session.overlay().update({camera->getViewMatrix(), camera->getProjectionMatrix(), v.width, v.height},
                             &session.scene());
}

void saveRequested(SceneSession& session, ViewerUi& ui, double now) {
    ui.requestSave = false;
    if (!session.hasProjectFile()) {  // opened on data files: ask where
        ui.openSaveAs(session.defaultSavePath());
        return;
    }
    std::string error;
    if (session.save(error)) ui.say("Saved " + session.project().path + " (previous version kept as .bak)", now);
    else ui.say("Not saved: " + error, now);
}

bool writeWindow(const Frame& f, const std::string& path) {
    std::string error;
    const osg::ref_ptr<osg::Image> image = readWindowPixels(f.fbWidth, f.fbHeight);
    if (!writePng(*image, path).into(error)) {
        std::cerr << "subterra: error: " << error << "\n";
        return false;
    }
    return true;
}

// Offscreen renders use their own EGL context; the window's must be made current again after.
bool offscreen(GLFWwindow* window, SceneSession& session, int width, int height, const std::string& path,
               std::string& error) {
    glfwMakeContextCurrent(nullptr);
    const bool ok = renderScreenshot(session, width, height, path, error);
    glfwMakeContextCurrent(window);
    return ok;
}
}  // namespace

int runViewer(LoadedInputs inputs, const ViewerOptions& options) {
    const bool scripted = !options.script.empty() || options.frames > 0;
    std::optional<Script> script;
    std::string error;
    if (!options.script.empty()) {
        script = Script::load(options.script, error);
        if (!script) {
            std::cerr << "subterra: error: " << error << "\n";
            return 1;
        }
    }
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::cerr << "subterra: error: cannot open a window (" << glfwLastError
                  << "); without a display use `subterra render` for pictures\n";
        return 1;
    }
    bool softwareGl = false;
    GLFWwindow* window = openBestWindow(options.width, options.height, softwareGl);
    if (!window) {
        std::cerr << "subterra: error: cannot create an OpenGL 3.3 compatibility window: " << glfwLastError << "\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(scripted ? 0 : 1);
    float scaleX = 1, scaleY = 1;
    glfwGetWindowContentScale(window, &scaleX, &scaleY);

    int exitCode = 0;
    {
        auto owned = std::make_unique<SceneSession>(std::move(inputs));
        SceneSession& first = *owned;
        ViewerUi ui;
        ui.scale = std::max(1.0f, std::max(scaleX, scaleY));
        Frame frame = frameSize(window);

        osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
        osg::ref_ptr<osgViewer::GraphicsWindowEmbedded> embedded =
            viewer->setUpViewerAsEmbeddedInWindow(0, 0, frame.fbWidth, frame.fbHeight);
        viewer->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
        viewer->setKeyEventSetsDone(0);
        viewer->setQuitEventSetsDone(false);
        viewer->setSceneData(first.displayRoot());
        viewer->getCamera()->setClearColor(backgroundColor());
        viewer->getCamera()->setNearFarRatio(1e-4);
        viewer->realize();

        ImGui::CreateContext();
        applyTheme(ui.scale);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 130");
        keyQueue = &ui.keys;
        glfwSetKeyCallback(window, onKey);

        // The first frame lays the panels out, so the starting view knows its aspect ratio.
        ui.viewport = sceneViewport(frame, first, ui);
        if (options.view.empty() || !first.goToView(options.view)) first.home(ui.viewport.aspect());
        if (!options.view.empty() && !first.project().views.count(options.view))
            std::cerr << "subterra: warning: no view named '" << options.view << "'; starting from the overview\n";

        CameraInput input;
        double last = glfwGetTime(), timedSum = 0, timedMax = 0;
        int frames = 0, timedFrames = 0;
        const int maxScriptFrames = 5000;  // a stuck script must not hang a test run forever
        int cappedFrames = 0;              // not counting wait_for_file's frames: its own timeout ends those
        glfwSetDropCallback(window, onDrop);
        while (!ui.quitNow) {
            glfwPollEvents();
            if (!droppedPaths.empty()) openDropped(owned, *viewer, ui, glfwGetTime());
            SceneSession& session = *owned;
            if (glfwWindowShouldClose(window)) {
                glfwSetWindowShouldClose(window, GLFW_FALSE);
                ui.quitDialogOpen = true;
            }
            const double now = glfwGetTime();
            const double dt = std::min(0.25, now - last);
            last = now;
            ui.frameMs = frames == 0 ? dt * 1000 : 0.9 * ui.frameMs + 0.1 * dt * 1000;
            if (frames > 1)
                timedSum += dt, timedMax = std::max(timedMax, dt), ++timedFrames;  // the first frames compile shaders

            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            deliverKeys(ui.keys);
            ImGui::NewFrame();
            frame = frameSize(window);
            ui.viewport = sceneViewport(frame, session, ui);
            updateCutHandles(session, ui);
            input.update(session, ui, dt, now);
            drawMenuBar(session, ui, now);
            drawSidebar(session, ui, now);
            drawInspector(session, ui);
            drawAnnotationsPanel(session, ui, now);
            drawProfileWindow(session, ui, now);
            drawCrossingsWindow(session, ui);
            syncCheckMarkers(session, ui.checks);
            drawTimelinePanel(session, ui, now);
            drawExportDialog(session, ui, now);
            drawStatusBar(session, ui, now);
            drawQuitDialog(session, ui, now);
            drawSaveAsDialog(session, ui, now);
            drawExportPathDialog(session, ui, now);
            if (ui.requestSave) saveRequested(session, ui, now);

            ScriptRequests requests;
            if (script && !script->step(session, ui, requests, error)) {
                std::cerr << "subterra: error: " << error << "\n";
                exitCode = 1;
                ui.quitNow = true;
            }
            if (!requests.openPaths.empty()) droppedPaths = requests.openPaths;
            ImGui::Render();

            if (embedded->getTraits()->width != frame.fbWidth || embedded->getTraits()->height != frame.fbHeight)
                embedded->resized(0, 0, frame.fbWidth, frame.fbHeight);
            glViewport(0, 0, frame.fbWidth, frame.fbHeight);
            const osg::Vec4 sky = backgroundColor();
            glClearColor(sky.r(), sky.g(), sky.b(), 1.0f);
            glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
            applyCamera(*viewer, session, ui, frame);
            viewer->frame();
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            ++frames;
            if (!script || !script->waitingForFile()) ++cappedFrames;

            if (!requests.windowScreenshot.empty() && !writeWindow(frame, requests.windowScreenshot)) exitCode = 1;
            const bool lastFrame = (options.frames > 0 && frames >= options.frames) ||
                                   (script && (requests.quit || script->finished())) ||
                                   (scripted && cappedFrames >= maxScriptFrames);
            if (lastFrame && !options.screenshot.empty() && !writeWindow(frame, options.screenshot)) exitCode = 1;
            glfwSwapBuffers(window);

            if (!requests.offscreenPath.empty() &&
                !offscreen(window, session, requests.offscreenWidth, requests.offscreenHeight, requests.offscreenPath,
                           error)) {
                std::cerr << "subterra: error: " << error << "\n";
                exitCode = 1;
            }
            if (ui.timeline.exportBusy()) {  // one frame of a running export, in its own offscreen context
                glfwMakeContextCurrent(nullptr);
                stepTimelineExport(session, ui, glfwGetTime());
                glfwMakeContextCurrent(window);
            }
            if (ui.requestScreenshot) {
                ui.requestScreenshot = false;
                const std::string path = timestampedScreenshotName();
                const int width = ui.viewport.width * ui.screenshotScale,
                          height = ui.viewport.height * ui.screenshotScale;
                ui.say(offscreen(window, session, width, height, path, error) ? "Screenshot written to " + path
                                                                              : "Screenshot failed: " + error,
                       glfwGetTime());
            }
            if (ui.frameDelayMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(ui.frameDelayMs));
            if (lastFrame) {
                if (session.dirty())
                    std::cerr
                        << "subterra: warning: the script ended with unsaved changes to the project; they were not saved\n";
                ui.quitNow = true;
            }
        }
        if (scripted && timedFrames > 0)
            std::cout << "subterra view: " << frames << " frames, " << frame.fbWidth << "x" << frame.fbHeight << ", "
                      << owned->scene().triangles << " triangles, mean " << timedSum / timedFrames * 1000
                      << " ms/frame, max " << timedMax * 1000 << " ms\n";
        glfwSetKeyCallback(window, nullptr);
        keyQueue = nullptr;
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        viewer = nullptr;  // releases its GL objects while the context is still current
    }
    glfwDestroyWindow(window);
    glfwTerminate();
    return exitCode;
}

}  // namespace subterra
