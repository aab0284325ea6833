#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "panels.h"
#include "timeline_export_job.h"

namespace subterra {

namespace {
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
    else std::snprintf(overlay, sizeof overlay, "frame 0 of %d", total);
    ImGui::ProgressBar(total > 0 ? float(done) / float(total) : 0.0f, ImVec2(-1, 0), overlay);
}
}  // namespace

void drawExportDialog(SceneSession& session, ViewerUi& ui, double now) {
    TimelineUi& t = ui.timeline;
    if (!t.exportDialogOpen) return;
    fillExportDefaults(session, t);
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
            ImGui::TextDisabled("%d frames at %.0f fps, as subterra animate renders them",
                                session.timeline()->frameCount(), session.timeline()->fps);
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
