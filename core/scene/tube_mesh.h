#pragma once
// Solid tubes and rectangular ducts along 3D polylines.
//
// Frames are carried along the line by rotation-minimising "double reflection" (Wang et al.,
// 2008), so a tube never twists at bends; rectangular ducts keep their top face up. Rings sit in
// the plane bisecting each bend, their radius widened by 1/cos(half angle) so the wall stays true.
// Ends are closed with flat caps.
#include <osg/Vec2>
#include <osg/Vec3>
#include <osg/Vec4>
#include <vector>

#include "mesh_buffer.h"

namespace subterra {

// Sides of a circular tube, by diameter: thin service pipes need few, trunk sewers more.
int tubeSides(double diameterM);

// How finely round things are tessellated. Coarse is drawn where they are at most a few pixels
// wide (far tiles of a city-wide view; see detail_levels.h): there four sides read as round as
// sixteen, and a city's millions of thin pipes cost a third of the triangles.
enum class Detail { Full, Coarse };
int roundSides(int fullSides, Detail detail);

// Appends a closed circular tube of outer `radius` along `points` (local coordinates).
void appendTube(MeshBuffer& mesh, const std::vector<osg::Vec3>& points, float radius, int sides,
                const osg::Vec4& color);

// Appends a closed box-section duct, `width` across and `height` vertically.
void appendDuct(MeshBuffer& mesh, const std::vector<osg::Vec3>& points, float width, float height,
                const osg::Vec4& color);

// Appends an open channel (a street): a slab whose top is `surface` ((across, up) offsets from the
// line, left to right) and whose flat bottom lies `thickness` below its lowest point.
void appendChannel(MeshBuffer& mesh, const std::vector<osg::Vec3>& points, const std::vector<osg::Vec2>& surface,
                   float thickness, const osg::Vec4& color);

// A frame at each vertex of a polyline: tangent t, and two unit normals n (across) and b (up-ish).
struct PolylineFrame {
    osg::Vec3 t, n, b;
    float scale = 1;  // ring widening at bends
};
std::vector<PolylineFrame> polylineFrames(const std::vector<osg::Vec3>& points);

}  // namespace subterra
