#pragma once
// The viewer's camera as plain math, with no window and no input handling, so every move is
// unit-tested: orbit about a pivot, pan, zoom towards a point, fly (free movement that may go
// below the ground: nothing clamps the camera to the terrain), focus, home and preset views.
//
// The camera is an eye position plus a heading (yaw, radians counter-clockwise from +X) and a
// pitch (radians, positive looking up), always with +Z up. Pitch is kept inside +-89.5 degrees
// so the view direction never lines up with the up vector (the top view looks down at -89.5).
// `distance` is how far ahead the orbit centre lies when no pivot is given.
#include <osg/BoundingSphere>
#include <osg/Matrixd>
#include <osg/Vec3d>

#include "model.h"
#include "camera_spec.h"
#include "defaults.h"

namespace subterra {

class CameraController {
  public:
    static constexpr double kMaxPitchRad = 1.5620696;  // 89.5 degrees

    void setFromSpec(const CameraSpec& spec);
    CameraSpec spec() const;  // eye, target (eye + direction * distance), up +Z, fov

    osg::Vec3d eye() const { return eye_; }
    osg::Vec3d target() const { return eye_ + direction() * distance_; }
    osg::Vec3d direction() const;  // unit view direction
    osg::Vec3d right() const;      // unit, horizontal
    osg::Vec3d up() const;         // unit, the screen's up
    double yaw() const { return yaw_; }
    double pitch() const { return pitch_; }
    double distance() const { return distance_; }
    double fovYDeg() const { return fovYDeg_; }
    void setFovYDeg(double fov) { fovYDeg_ = fov; }
    osg::Matrixd viewMatrix() const;

    // Turns the camera about `pivot`: yaw about the vertical through it, pitch about the
    // horizontal axis through it parallel to the screen. The pivot keeps its place on screen.
    void orbit(const osg::Vec3d& pivot, double yawDeltaRad, double pitchDeltaRad);
    // Moves eye and target in the screen plane so a point at `depthM` in front of the eye
    // follows the cursor: dxPx, dyPx are the cursor movement in pixels (y down, as windows
    // report it) in a viewport `viewportHeightPx` tall.
    void pan(double dxPx, double dyPx, double depthM, double viewportHeightPx);
    // Moves the eye towards `point` by `fraction` of the way (negative moves away), keeping the
    // direction: the point under the cursor stays under the cursor.
    void zoomTowards(const osg::Vec3d& point, double fraction);
    // Free flight: metres along the view direction, the horizontal right, and world up.
    void fly(double forwardM, double rightM, double upM);
    // Turns the view direction about the eye (fly-mode mouse look).
    void look(double yawDeltaRad, double pitchDeltaRad);
    // Keeps the direction and puts the sphere in the middle of the view, filling about 80 %.
    void focus(const osg::BoundingSphered& sphere, double aspect);

    enum class Preset { Top, Front, Side };
    // Top: straight down, north up. Front: from the south looking north. Side: from the east
    // looking west. Each frames `extent` whole.
    void preset(Preset preset, const Extent& extent, double aspect);

  private:
    osg::Vec3d eye_{0, -100, 50};
    double yaw_ = 1.5707963267948966;
    double pitch_ = -0.4;
    double distance_ = 100;
    double fovYDeg_ = defaults::kFieldOfViewDeg.value;
};

// Direction for a heading and pitch (radians), as the camera controller uses them.
osg::Vec3d directionOf(double yawRad, double pitchRad);

}  // namespace subterra
