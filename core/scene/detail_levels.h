#pragma once
// Level of detail for city-wide scenes. The scene builder cuts each layer into square tiles, drawn
// at three levels by how wide the tile's widest tube or shaft is on screen:
//   - full detail;
//   - under kCoarseBelowPx: tubes and shafts with fewer sides (Detail::Coarse in tube_mesh.h);
//   - under kCentrelinesBelowPx: the pipes' centrelines alone. Tubes that thin cover a sliver of a
//     pixel, and the 2 px centreline drawn along every pipe is what shows of them anyway.
// Buildings and other shapes are drawn at every level. Tiles also let OSG cull what is out of
// view, which a single mesh per layer never allowed.
//
// osg::LOD switches at a distance in metres, and a distance is a pixel size only for one view:
// ranges are computed for a reference view (35 degrees vertical field of view, 900 px tall), and
// lodScaleFor() gives the osg::Camera LOD scale that makes any other view switch at the same size.
#include <osg/LOD>

#include "model.h"

namespace subterra {

constexpr double kCoarseBelowPx = 3;
constexpr double kCentrelinesBelowPx = 0.5;

// The distance in metres from which something `widthM` wide is under `pixels` in the reference view.
double distanceBelowPixelsM(double widthM, double pixels);

// For osg::Camera::setLODScale: a taller picture or a narrower field of view keeps detail farther.
float lodScaleFor(double fovYDeg, double viewportHeightPx);

// The side of a layer tile: about 16 tiles across the scene, at least 200 m.
double tileSizeM(const Extent& extent);

// A tile's levels: an osg::LOD whose ranges are distances from the tile's nearest point, not from
// its centre. The radius comes off before the view's LOD scale applies, so no level coarser than
// full detail shows while any part of the tile is nearer than its range says, in any view.
// Visitors that are not drawing (picking, export) get the full level, as from an osg::LOD.
class TileLevels : public osg::LOD {
  public:
    void traverse(osg::NodeVisitor& visitor) override;
};

}  // namespace subterra
