#include "cut_faces.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace subterra {

namespace {
constexpr double kPi = 3.14159265358979323846;

// The excavation's plan frame: offsets along its own x and y axes from its centre.
void boxFrame(const Excavation& e, const Vec3d& p, double& u, double& v) {
    const double angle = e.rotationDeg * kPi / 180, c = std::cos(angle), s = std::sin(angle);
    const double dx = p.x - e.centreX, dy = p.y - e.centreY;
    u = dx * c + dy * s;
    v = -dx * s + dy * c;
}

double floorZ(const Model& model, const Excavation& e) { return model.groundAt(e.centreX, e.centreY) - e.depthM; }

bool insidePit(const Model& model, const Excavation& e, const Vec3d& p) {
    double u = 0, v = 0;
    boxFrame(e, p, u, v);
    return std::abs(u) <= e.sizeX / 2 && std::abs(v) <= e.sizeY / 2 && p.z > floorZ(model, e);
}

Vec3d at(const Vec3d& a, const Vec3d& b, double t) {
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t};
}

// Where a linear quantity going from f0 (t = 0) to f1 (t = 1) equals `level`, if it does in (0, 1].
void addCrossing(double f0, double f1, double level, std::vector<double>& ts) {
    if (f0 == f1) return;
    const double t = (level - f0) / (f1 - f0);
    if (t > 0 && t <= 1) ts.push_back(t);
}
}  // namespace

bool insideCutGround(const Model& model, const Cuts& cuts, const Vec3d& p) {
    if (p.z >= model.groundAt(p.x, p.y)) return false;
    for (const SectionPlane& plane : cuts.sections)
        if (plane.enabled && signedDistance(plane, p) > 0) return false;
    for (const Excavation& e : cuts.excavations)
        if (e.enabled && insidePit(model, e, p)) return false;
    return true;
}

double moveBeforeCutFace(const Model& model, const Cuts& cuts, const Vec3d& from, const Vec3d& to, double marginM) {
    const double length = std::sqrt((to.x - from.x) * (to.x - from.x) + (to.y - from.y) * (to.y - from.y) +
                                    (to.z - from.z) * (to.z - from.z));
    if (length <= 0 || !cuts.anyEnabled() || insideCutGround(model, cuts, from)) return 1.0;
    // Every place the move meets a cut face; the ground surface is no face.
    std::vector<double> ts;
    for (const SectionPlane& plane : cuts.sections)
        if (plane.enabled) addCrossing(signedDistance(plane, from), signedDistance(plane, to), 0.0, ts);
    for (const Excavation& e : cuts.excavations) {
        if (!e.enabled) continue;
        double u0 = 0, v0 = 0, u1 = 0, v1 = 0;
        boxFrame(e, from, u0, v0);
        boxFrame(e, to, u1, v1);
        for (const double side : {-0.5, 0.5}) {
            addCrossing(u0, u1, side * e.sizeX, ts);
            addCrossing(v0, v1, side * e.sizeY, ts);
        }
        addCrossing(from.z, to.z, floorZ(model, e), ts);
    }
    std::sort(ts.begin(), ts.end());
    const double step = std::min(1e-3, 1e-3 / length);  // a millimetre either side of the face
    for (const double t : ts) {
        if (insideCutGround(model, cuts, at(from, to, std::max(0.0, t - step))) ||
            !insideCutGround(model, cuts, at(from, to, std::min(1.0, t + step))))
            continue;
        return std::max(0.0, t - marginM / length);
    }
    return 1.0;
}

}  // namespace subterra
