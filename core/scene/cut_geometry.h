#pragma once
// Geometry that cuts add to a scene: the earth faces a section plane or an excavation exposes
// (coloured by the strata in the earth shader), and the caps of pipes and ducts cut by a plane.
#include <osg/Geometry>

#include "cuts.h"
#include "mesh_buffer.h"
#include "model.h"

namespace subterra {

// The region cut faces fill: the model's plan extent, from below the deepest feature to above the
// highest ground.
struct GroundBox {
    double minX, minY, maxX, maxY, minZ, maxZ;
};
GroundBox groundBoxOf(const Model& model);

// The ground's face on a section plane, clipped to `box`, relative to the scene's `origin`. Each vertex carries its depth below
// the ground surface (texture coordinate 0), which the earth shader turns into strata.
osg::ref_ptr<osg::Geometry> sectionEarthFace(const SectionPlane& plane, const Model& model, const GroundBox& box,
                                             const Vec3d& origin);

// The four walls (facing inwards) and the floor of an excavation, with depths as above.
osg::ref_ptr<osg::Geometry> excavationFaces(const Excavation& excavation, const Model& model, const Vec3d& origin);

// The floor level of an excavation: its depth below the ground at its centre.
double excavationFloorZ(const Excavation& excavation, const Model& model);

// Where `segment` crosses `plane`: a filled outline of its section (circle or rectangle, as the
// plane cuts it, so oblique cuts give ellipses), in `capColor`. With a known wall thickness the
// cap is a ring in `capColor` around a dark bore. Returns the number of caps added.
int appendSegmentCaps(MeshBuffer& mesh, const Segment& segment, const SectionPlane& plane, const Vec3d& origin,
                      const osg::Vec4& capColor);

// Cut faces are drawn a shade lighter than the pipe, as freshly cut material.
osg::Vec4 capColorFor(const osg::Vec4& pipeColor);
osg::Vec4 boreColor();

}  // namespace subterra
