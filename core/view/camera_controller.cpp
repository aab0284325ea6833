#include "camera_controller.h"

#include <algorithm>
#include <cmath>
#include <osg/Quat>

namespace subterra {

osg::Vec3d directionOf(double yawRad, double pitchRad) {
    return {std::cos(pitchRad) * std::cos(yawRad), std::cos(pitchRad) * std::sin(yawRad), std::sin(pitchRad)};
}

void CameraController::setFromSpec(const CameraSpec& spec) {
    osg::Vec3d d = spec.target - spec.eye;
    const double length = d.length();
    if (length <= 0) return;  // not a camera; keep the current one
    d /= length;
    eye_ = spec.eye;
    distance_ = length;
    pitch_ = std::clamp(std::asin(std::clamp(d.z(), -1.0, 1.0)), -kMaxPitchRad, kMaxPitchRad);
    // Straight up or down has no heading of its own: take it from the spec's up vector (the
    // screen's up is the direction the camera faces on the map).
    if (std::hypot(d.x(), d.y()) < 1e-9) {
        yaw_ = std::atan2(spec.up.y(), spec.up.x());
        if (d.z() > 0) yaw_ += osg::PI;
    } else {
        yaw_ = std::atan2(d.y(), d.x());
    }
    if (spec.fovYDeg > 0 && spec.fovYDeg < 180) fovYDeg_ = spec.fovYDeg;
}

CameraSpec CameraController::spec() const {
    CameraSpec spec;
    spec.eye = eye_;
    spec.target = target();
    spec.up = osg::Vec3d(0, 0, 1);
    spec.fovYDeg = fovYDeg_;
    return spec;
}

osg::Vec3d CameraController::direction() const { return directionOf(yaw_, pitch_); }

osg::Vec3d CameraController::right() const { return {std::sin(yaw_), -std::cos(yaw_), 0}; }

osg::Vec3d CameraController::up() const {
    osg::Vec3d u = right() ^ direction();
    u.normalize();
    return u;
}

osg::Matrixd CameraController::viewMatrix() const {
    return osg::Matrixd::lookAt(eye_, eye_ + direction(), osg::Vec3d(0, 0, 1));
}

void CameraController::orbit(const osg::Vec3d& pivot, double yawDeltaRad, double pitchDeltaRad) {
    const double newPitch = std::clamp(pitch_ + pitchDeltaRad, -kMaxPitchRad, kMaxPitchRad);
    const double appliedPitch = newPitch - pitch_;
    // Pitch first about the current right axis, then yaw about the vertical, both through the pivot.
    const osg::Quat rotation = osg::Quat(appliedPitch, right()) * osg::Quat(yawDeltaRad, osg::Vec3d(0, 0, 1));
    eye_ = pivot + rotation * (eye_ - pivot);
    yaw_ += yawDeltaRad;
    pitch_ = newPitch;
}

void CameraController::pan(double dxPx, double dyPx, double depthM, double viewportHeightPx) {
    if (viewportHeightPx <= 0) return;
    const double metresPerPixel =
        2.0 * std::max(depthM, 1e-3) * std::tan(osg::DegreesToRadians(fovYDeg_) / 2) / viewportHeightPx;
    // Dragging right moves the world right, so the camera moves left.
    eye_ += right() * (-dxPx * metresPerPixel) + up() * (dyPx * metresPerPixel);
}

void CameraController::zoomTowards(const osg::Vec3d& point, double fraction) {
    fraction = std::min(fraction, 0.95);  // never onto or through the point
    const osg::Vec3d toPoint = point - eye_;
    eye_ += toPoint * fraction;
    distance_ = std::max(0.5, distance_ * (1.0 - fraction));
}

void CameraController::fly(double forwardM, double rightM, double upM) {
    eye_ += direction() * forwardM + right() * rightM + osg::Vec3d(0, 0, upM);
}

void CameraController::look(double yawDeltaRad, double pitchDeltaRad) {
    yaw_ += yawDeltaRad;
    pitch_ = std::clamp(pitch_ + pitchDeltaRad, -kMaxPitchRad, kMaxPitchRad);
}

void CameraController::focus(const osg::BoundingSphered& sphere, double aspect) {
    if (!sphere.valid()) return;
    const double halfFov = osg::DegreesToRadians(fovYDeg_) / 2;
    const double narrowest = std::min(halfFov, std::atan(std::tan(halfFov) * std::max(aspect, 1e-3)));
    distance_ = std::max(1.0, sphere.radius() / std::sin(narrowest) * 1.25);
    eye_ = sphere.center() - direction() * distance_;
}

void CameraController::preset(Preset preset, const Extent& extent, double aspect) {
    if (!extent.valid()) return;
    const Vec3d c = extent.centre();
    const double sizeX = extent.maxX - extent.minX, sizeY = extent.maxY - extent.minY;
    const double sizeZ = extent.maxZ - extent.minZ;
    const double tanY = std::tan(osg::DegreesToRadians(fovYDeg_) / 2), tanX = tanY * std::max(aspect, 1e-3);
    double halfWidth = 0, halfHeight = 0, depth = 0;
    switch (preset) {
        case Preset::Top:
            yaw_ = osg::PI_2;  // screen up = north
            pitch_ = -kMaxPitchRad;
            halfWidth = sizeX / 2, halfHeight = sizeY / 2, depth = sizeZ / 2;
            break;
        case Preset::Front:
            yaw_ = osg::PI_2;
            pitch_ = 0;
            halfWidth = sizeX / 2, halfHeight = sizeZ / 2, depth = sizeY / 2;
            break;
        case Preset::Side:
            yaw_ = osg::PI;
            pitch_ = 0;
            halfWidth = sizeY / 2, halfHeight = sizeZ / 2, depth = sizeX / 2;
            break;
    }
    distance_ = std::max({1.0, halfWidth / tanX, halfHeight / tanY}) * 1.08 + depth;
    eye_ = osg::Vec3d(c.x, c.y, c.z) - direction() * distance_;
}

}  // namespace subterra
