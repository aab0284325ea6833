#pragma once
// Flat 2D shapes in overlay pixels (lines as quads, so widths do not depend on glLineWidth or on
// the renderer's supersampling), batched into one geometry with per-vertex colours.
#include <osg/Geometry>
#include <osg/Vec2d>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include "label_layout.h"
#include "utility_colors.h"

namespace subterra {

class ShapeBatch {
  public:
    ShapeBatch();
    void rect(const ScreenRect& rect, const osg::Vec4& color);
    void line(const osg::Vec2d& a, const osg::Vec2d& b, double widthPx, const osg::Vec4& color);
    void dashedLine(const osg::Vec2d& a, const osg::Vec2d& b, double widthPx, double dashPx, const osg::Vec4& color);
    void disc(const osg::Vec2d& centre, double radiusPx, const osg::Vec4& color);
    // A line with a lighter halo under it, readable over dark and light scenes alike.
    void haloLine(const osg::Vec2d& a, const osg::Vec2d& b, double widthPx, const osg::Vec4& color);
    osg::Geometry* geometry() const { return geometry_.get(); }

  private:
    void triangle(const osg::Vec2d& a, const osg::Vec2d& b, const osg::Vec2d& c, const osg::Vec4& color);
    osg::ref_ptr<osg::Geometry> geometry_;
    osg::ref_ptr<osg::Vec3Array> vertices_;
    osg::ref_ptr<osg::Vec4Array> colors_;
    osg::ref_ptr<osg::DrawArrays> triangles_;
};

}  // namespace subterra
