#include "overlay_shapes.h"

#include <cmath>

namespace subterra {

ShapeBatch::ShapeBatch()
    : geometry_(new osg::Geometry),
      vertices_(new osg::Vec3Array),
      colors_(new osg::Vec4Array),
      triangles_(new osg::DrawArrays(GL_TRIANGLES)) {
    geometry_->setVertexArray(vertices_.get());
    geometry_->setColorArray(colors_.get(), osg::Array::BIND_PER_VERTEX);
    geometry_->addPrimitiveSet(triangles_.get());
    geometry_->setUseDisplayList(false);
    geometry_->setUseVertexBufferObjects(true);
}

void ShapeBatch::triangle(const osg::Vec2d& a, const osg::Vec2d& b, const osg::Vec2d& c, const osg::Vec4& color) {
    for (const osg::Vec2d* p : {&a, &b, &c}) {
        vertices_->push_back(osg::Vec3(float(p->x()), float(p->y()), 0.0f));
        colors_->push_back(color);
    }
    triangles_->setCount(int(vertices_->size()));
    geometry_->dirtyBound();
}

void ShapeBatch::rect(const ScreenRect& r, const osg::Vec4& color) {
    const osg::Vec2d a(r.x0, r.y0), b(r.x1, r.y0), c(r.x1, r.y1), d(r.x0, r.y1);
    triangle(a, b, c, color);
    triangle(a, c, d, color);
}

void ShapeBatch::line(const osg::Vec2d& a, const osg::Vec2d& b, double widthPx, const osg::Vec4& color) {
    osg::Vec2d direction = b - a;
    if (direction.length2() == 0) return;
    direction.normalize();
    const osg::Vec2d side = osg::Vec2d(-direction.y(), direction.x()) * (widthPx / 2);
    triangle(a - side, b - side, b + side, color);
    triangle(a - side, b + side, a + side, color);
}

void ShapeBatch::dashedLine(const osg::Vec2d& a, const osg::Vec2d& b, double widthPx, double dashPx,
                            const osg::Vec4& color) {
    const double length = (b - a).length();
    if (length == 0 || dashPx <= 0) return;
    const osg::Vec2d step = (b - a) / length;
    for (double t = 0; t < length; t += 2 * dashPx)
        line(a + step * t, a + step * std::min(t + dashPx, length), widthPx, color);
}

void ShapeBatch::disc(const osg::Vec2d& centre, double radiusPx, const osg::Vec4& color) {
    constexpr int kSides = 16;
    for (int i = 0; i < kSides; ++i) {
        const double a0 = 2 * M_PI * i / kSides, a1 = 2 * M_PI * (i + 1) / kSides;
        triangle(centre, centre + osg::Vec2d(std::cos(a0), std::sin(a0)) * radiusPx,
                 centre + osg::Vec2d(std::cos(a1), std::sin(a1)) * radiusPx, color);
    }
}

void ShapeBatch::haloLine(const osg::Vec2d& a, const osg::Vec2d& b, double widthPx, const osg::Vec4& color) {
    line(a, b, widthPx + 2.0 * std::max(1.0, widthPx * 0.6), osg::Vec4(1, 1, 1, 0.7f * color.a()));
    line(a, b, widthPx, color);
}

}  // namespace subterra
