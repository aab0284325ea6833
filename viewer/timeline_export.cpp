#include "timeline_export.h"

#include <EGL/egl.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "panels.h"

namespace fs = std::filesystem;

namespace subterra {

namespace {
// The export renders in its own EGL context, left current after each frame; the window's GLX
// context cannot be made current again while it is (X error BadAccess on Mesa), so it is let go.
void releaseEglContext() {
    const EGLDisplay display = eglGetCurrentDisplay();
    if (display != EGL_NO_DISPLAY) eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
}

void fillDefaults(SceneSession& session, TimelineUi& t) {
    if (t.exportDir[0] != '\0') return;
    const fs::path base = session.hasProject() ? fs::path(session.project()->path).parent_path() : fs::current_path();
    std::snprintf(t.exportDir, sizeof t.exportDir, "%s", (base / "frames").string().c_str());
    std::snprintf(t.exportMp4, sizeof t.exportMp4, "%s", (base / "explainer.mp4").string().c_str());
}

void progressRow(const ViewerUi& ui, double now) {
    const TimelineUi& t = ui.timeline;
    if (!t.exportJob) {
        ImGui::ProgressBar(0.0f, ImVec2(-1, 0), "starting...");
        return;
    }
    const AnimationExport& job = *t.exportJob;
    const double elapsed = now - t.exportStartedAt;
    const int done = job.finished(), total = job.total();
    char overlay[96];
    if (done > 0)
        std::snprintf(overlay, sizeof overlay, "frame %d of %d  ·  %.0f s left", done, total,
                      elapsed / done * (total - done));
    else
        std::snprintf(overlay, sizeof overlay, "frame 0 of %d", total);
    ImGui::ProgressBar(total > 0 ? float(done) / float(total) : 0.0f, ImVec2(-1, 0), overlay);
}
}  // namespace

void cancelTimelineExport(ViewerUi& ui, double) {
    // Ended by the next stepTimelineExport: the export's GL objects must go while its own
    // context can be current, not the window's.
    if (ui.timeline.exportBusy()) ui.timeline.exportCancel = true;
}

void stepTimelineExport(SceneSession& session, ViewerUi& ui, double now) {
    TimelineUi& t = ui.timeline;
    std::string error;
    if (t.exportCancel) {
        t.exportCancel = false;
        const int done = t.exportJob ? t.exportJob->finished() : 0;
        t.exportRequest.reset();
        t.exportJob.reset();  // ends ffmpeg; the PNGs written are complete (atomic writes)
        t.exportStatus = "Cancelled after " + std::to_string(done) + " frames";
        ui.say("Export cancelled: the " + std::to_string(done) + " frames written are complete", now);
        return;
    }
    if (t.exportRequest) {
        AnimationExportOptions options = *t.exportRequest;
        t.exportRequest.reset();
        if (!session.timeline()) return;
        options.annotations = session.annotations();  // as `subterra animate` draws them
        if (session.hasProject()) options.projectPath = session.project()->path;
        t.exportJob = AnimationExport::start(session.model(), session.style(), *session.timeline(), options, error);
        t.exportStartedAt = now;
        releaseEglContext();
        if (!t.exportJob) {
            t.exportStatus = "Not exported: " + error;
            ui.say(t.exportStatus, now);
        }
        return;
    }
    if (!t.exportJob) return;
    AnimationExport& job = *t.exportJob;
    const bool ok = job.renderNext(error) && (!job.done() || job.finish(error));
    releaseEglContext();
    if (!ok) {
        t.exportStatus = "Export failed: " + error;
        ui.say(t.exportStatus, now);
        t.exportJob.reset();
        return;
    }
    if (job.done()) {
        t.exportStatus = "Exported " + std::to_string(job.rendered()) + " frames in " +
                         std::to_string(int(now - t.exportStartedAt + 0.5)) + " s";
        ui.say(t.exportStatus, now);
        t.exportJob.reset();
    }
}

void drawExportDialog(SceneSession& session, ViewerUi& ui, double now) {
    TimelineUi& t = ui.timeline;
    if (!t.exportDialogOpen) return;
    fillDefaults(session, t);
    const ImGuiViewport* main = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(main->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(520 * ui.scale, 0), ImGuiCond_Always);
    bool open = true;
    if (ImGui::Begin("Export frames", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        const bool busy = t.exportBusy();
        ImGui::BeginDisabled(busy);
        ImGui::TextUnformatted("PNG frames into");
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##dir", t.exportDir, sizeof t.exportDir);
        ImGui::Checkbox("Also an MP4 (H.264, needs ffmpeg)", &t.exportWantsMp4);
        ImGui::BeginDisabled(!t.exportWantsMp4);
        ImGui::SetNextItemWidth(-1);
        ImGui::InputText("##mp4", t.exportMp4, sizeof t.exportMp4);
        ImGui::EndDisabled();
        ImGui::SetNextItemWidth(200 * ui.scale);
        ImGui::InputInt2("size (pixels)", t.exportSize);
        if (session.timeline())
            ImGui::TextDisabled("%d frames at %.0f fps, as subterra animate renders them", session.timeline()->frameCount(),
                                session.timeline()->fps);
        if (ImGui::Button("Export")) {
            AnimationExportOptions options;
            options.outputDir = std::string(t.exportDir);
            if (t.exportWantsMp4) options.mp4 = std::string(t.exportMp4);
            options.settings.width = std::max(16, t.exportSize[0]);
            options.settings.height = std::max(16, t.exportSize[1]);
            t.exportRequest = options;
            t.exportStatus.clear();
        }
        ImGui::EndDisabled();
        if (busy) {
            progressRow(ui, now);
            if (ImGui::Button("Cancel")) cancelTimelineExport(ui, now);
        } else if (!t.exportStatus.empty()) {
            ImGui::TextWrapped("%s", t.exportStatus.c_str());
        }
    }
    ImGui::End();
    if (!open) t.exportDialogOpen = false;  // an export goes on; the status bar says when it ends
}

}  // namespace subterra
