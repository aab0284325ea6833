#include "timeline_playback.h"

#include <algorithm>
#include <cmath>

namespace subterra {

namespace {
bool sameCamera(const CameraSpec& a, const CameraSpec& b) {
    return (a.eye - b.eye).length() < 1e-6 && (a.target - b.target).length() < 1e-6 &&
           std::abs(a.fovYDeg - b.fovYDeg) < 1e-9;
}

bool hasCameraTrack(SceneSession& session) {
    return session.timeline() && session.timeline()->findTrack("camera") != nullptr;
}
}  // namespace

void seekTimeline(SceneSession& session, TimelineUi& ui, double timeS) {
    if (!session.timeline()) return;
    ui.playheadS = std::clamp(timeS, 0.0, session.timeline()->durationS);
    session.previewTimeline(ui.playheadS);
    ui.previewCamera = session.camera().spec();
}

void leavePreview(SceneSession& session, TimelineUi& ui) {
    ui.playing = false;
    ui.previewCamera.reset();
    session.endTimelinePreview();
}

void advanceTimeline(SceneSession& session, TimelineUi& ui, double dt) {
    if (!session.timeline()) {
        ui.playing = false;
        return;
    }
    if (session.previewing() && ui.previewCamera && hasCameraTrack(session) &&
        !sameCamera(*ui.previewCamera, session.camera().spec())) {
        leavePreview(session, ui);
        return;
    }
    if (!ui.playing) return;
    const double duration = session.timeline()->durationS;
    double t = ui.playheadS + dt;
    if (t > duration) {
        if (ui.loop) t = duration > 0 ? std::fmod(t, duration) : 0;
        else t = duration, ui.playing = false;
    }
    seekTimeline(session, ui, t);
}

}  // namespace subterra
