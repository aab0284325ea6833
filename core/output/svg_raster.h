#pragma once
// SVG -> pixels through librsvg (the GNOME SVG renderer) and cairo: the PNG export and the viewer's
// profile panel show the SVG's own drawing, so every view of a profile shows the same thing.
#include <osg/Image>
#include <osg/ref_ptr>
#include <string>

#include "result.h"

namespace subterra {

// Draws `svg` at its own size times `scale` on white: an RGBA, bottom-up OSG image (image_io.h).
// Null + one-line `error` when librsvg cannot read it or it has no usable size.
osg::ref_ptr<osg::Image> rasterizeSvg(const std::string& svg, double scale, std::string& error);

// rasterizeSvg, written as a PNG atomically (image_io.h); the error names `path`.
Status writeSvgAsPng(const std::string& svg, const std::string& path, double scale);

// The drawing as `path` asks: a PNG (writeSvgAsPng at scale 1) for *.png, else the SVG text, both
// written atomically.
Status writeSvgOrPng(const std::string& svg, const std::string& path);

}  // namespace subterra
