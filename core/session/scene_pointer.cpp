#include "scene_pointer.h"

#include <algorithm>
#include <cmath>

#include "cut_faces.h"
#include "measure_tool.h"

namespace subterra {

namespace {
constexpr float kGrabRadiusPx = 9.0f;    // at scale 1
constexpr double kCutFaceMarginM = 0.3;  // the wheel stops this far in front of a cut face

osg::Matrixd projectionFor(SceneSession& session, const ViewportRect& viewport) {
    return osg::Matrixd::perspective(session.camera().fovYDeg(), viewport.aspect(), 0.05, 1e6);
}

// The point under window position (x, y) on the handle's drag plane; nullopt when the ray runs
// along the plane or meets it behind the eye.
std::optional<Vec3d> dragPlanePoint(SceneSession& session, const ViewportRect& viewport, const CutHandle& handle,
                                    double x, double y) {
    osg::Vec3d nearPoint, farPoint;
    rayThroughPixel(session.camera().viewMatrix(), projectionFor(session, viewport), x - viewport.x, y - viewport.y,
                    viewport.width, viewport.height, nearPoint, farPoint);
    const osg::Vec3d ray = farPoint - nearPoint;
    const osg::Vec3d at(handle.position.x, handle.position.y, handle.position.z);
    osg::Vec3d normal(0, 0, 1);
    if (handle.vertical) {  // the vertical plane through the handle that faces the camera
        const osg::Vec3d look = session.camera().direction();
        normal = osg::Vec3d(look.x(), look.y(), 0);
        if (normal.length() < 1e-6) return std::nullopt;  // looking straight down: no height to drag
        normal.normalize();
    }
    const double along = ray * normal;
    if (std::abs(along) < 1e-12) return std::nullopt;
    const double t = ((at - nearPoint) * normal) / along;
    if (t <= 0) return std::nullopt;
    const osg::Vec3d p = nearPoint + ray * t;
    return Vec3d{p.x(), p.y(), p.z()};
}
}  // namespace

PickResult pickAt(const SceneSession& session, CameraController& camera, const ViewportRect& viewport, double x,
                  double y) {
    const osg::Matrixd projection = osg::Matrixd::perspective(camera.fovYDeg(), viewport.aspect(), 0.05, 1e6);
    osg::Vec3d nearPoint, farPoint;
    rayThroughPixel(camera.viewMatrix(), projection, x - viewport.x, y - viewport.y, viewport.width, viewport.height,
                    nearPoint, farPoint);
    const SceneStyle style = session.style();
    return pickRay(session.scene(), nearPoint, farPoint, &style);
}

void clickAt(SceneSession& session, ViewerUi& ui, double x, double y, double now) {
    const PickResult hit = pickAt(session, session.camera(), ui.viewport, x, y);
    if (ui.measure.active()) {
        ui.say(measureClick(session, ui.measure, hit), now);
        return;
    }
    if (hit.feature) {
        session.select(hit.feature->layer, hit.feature->featureId, hit.feature->kind);
        ui.say("Selected " + hit.feature->layer + " " + hit.feature->featureId, now);
    } else {
        session.clearSelection();
    }
}

void wheelAt(SceneSession& session, const ViewportRect& viewport, double x, double y, double steps) {
    CameraController& camera = session.camera();
    const PickResult hit = pickAt(session, camera, viewport, x, y);
    osg::Vec3d point;
    if (hit.nearest) {
        point = *hit.nearest;
    } else {  // nothing under the cursor: zoom along the cursor ray to the orbit distance
        const osg::Matrixd projection = osg::Matrixd::perspective(camera.fovYDeg(), viewport.aspect(), 1, 10);
        osg::Vec3d n, f;
        rayThroughPixel(camera.viewMatrix(), projection, x - viewport.x, y - viewport.y, viewport.width,
                        viewport.height, n, f);
        osg::Vec3d ray = f - n;
        ray.normalize();
        point = camera.eye() + ray * camera.distance();
    }
    double fraction = std::clamp(0.2 * steps, -0.6, 0.6);
    if (fraction > 0) {  // zooming in stops short of a cut face instead of passing into the soil behind it
        const osg::Vec3d eye = camera.eye(), stop = eye + (point - eye) * std::min(fraction, 0.95);
        fraction *= moveBeforeCutFace(session.model(), session.cuts(), {eye.x(), eye.y(), eye.z()},
                                      {stop.x(), stop.y(), stop.z()}, kCutFaceMarginM);
    }
    camera.zoomTowards(point, fraction);
}

std::optional<CutHandle> cutHandleAt(SceneSession& session, const ViewerUi& ui, double x, double y) {
    std::optional<CutHandle> best;
    double bestDistance = kGrabRadiusPx * ui.scale;
    for (const CutHandle& handle : cutHandles(session.cuts(), session.model())) {
        const auto p = windowPointOf(session, ui.viewport, handle.position);
        if (!p) continue;
        const double d = std::hypot(p->x() - x, p->y() - y);
        if (d <= bestDistance) best = handle, bestDistance = d;
    }
    return best;
}

std::optional<osg::Vec2d> windowPointOf(SceneSession& session, const ViewportRect& viewport, const Vec3d& point) {
    const osg::Vec4d clip =
        osg::Vec4d(point.x, point.y, point.z, 1.0) * session.camera().viewMatrix() * projectionFor(session, viewport);
    if (clip.w() <= 1e-9) return std::nullopt;
    const double nx = clip.x() / clip.w(), ny = clip.y() / clip.w();
    return osg::Vec2d(viewport.x + (nx + 1) / 2 * viewport.width, viewport.y + (1 - ny) / 2 * viewport.height);
}

bool beginCutHandleDrag(SceneSession& session, ViewerUi& ui, double x, double y) {
    const auto handle = cutHandleAt(session, ui, x, y);
    if (!handle) return false;
    const auto grab = dragPlanePoint(session, ui.viewport, *handle, x, y);
    if (!grab) return false;
    ui.cutHandles.active = handle;
    ui.cutHandles.atStart = session.cuts();
    ui.cutHandles.grab = *grab;
    session.beginCutEdit();
    return true;
}

void dragCutHandleTo(SceneSession& session, ViewerUi& ui, double x, double y) {
    CutHandleDrag& drag = ui.cutHandles;
    if (!drag.active) return;
    if (const auto point = dragPlanePoint(session, ui.viewport, *drag.active, x, y))
        session.setCuts(dragCutHandle(drag.atStart, *drag.active, drag.grab, *point));
}

void endCutHandleDrag(ViewerUi& ui) { ui.cutHandles.active.reset(); }

}  // namespace subterra
