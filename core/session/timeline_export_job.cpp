#include "timeline_export_job.h"

#include <EGL/egl.h>

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace subterra {

namespace {
// The export renders in its own EGL context, left current after each frame; the window's GLX
// context cannot be made current again while it is (X error BadAccess on Mesa), so it is let go.
void releaseEglContext() {
    const EGLDisplay display = eglGetCurrentDisplay();
    if (display != EGL_NO_DISPLAY) eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
}
}  // namespace

void fillExportDefaults(SceneSession& session, TimelineUi& t) {
    if (t.exportDir[0] != '\0') return;
    const fs::path base =
        session.hasProjectFile() ? fs::path(session.project().path).parent_path() : fs::current_path();
    std::snprintf(t.exportDir, sizeof t.exportDir, "%s", (base / "frames").string().c_str());
    std::snprintf(t.exportMp4, sizeof t.exportMp4, "%s", (base / "explainer.mp4").string().c_str());
}

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
        options.projectPath = session.project().path;
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

}  // namespace subterra
