#pragma once
// PNG files and pixel comparisons for rendered frames (render output, image-regression tests).
//
// Orientation: OSG images are stored bottom-up (row 0 is the bottom of the picture, see
// osg::Image::getOrigin), PNG files top-down. writePng/readPng convert, and pixelAt addresses
// pixels from the top-left as a user sees the PNG, so callers never flip rows themselves.
// Supported pixels: 8 bits per channel, GL_RGB, GL_RGBA, GL_LUMINANCE, GL_LUMINANCE_ALPHA.
#include <osg/Image>
#include <osg/Vec4ub>
#include <osg/ref_ptr>

#include <string>

#include "result.h"

namespace subterra {

// Writes `image` as a top-down PNG, atomically (atomic_file.h), so an interrupted render never
// leaves a truncated PNG under the real name. The error is one line naming the path and the reason.
Status writePng(const osg::Image& image, const std::string& path);

// Reads an 8-bit PNG (grey, RGB, RGBA or palette) into a bottom-up OSG image. On failure
// (missing, not a PNG, corrupt, 16 bits per channel) returns null and sets `error`.
osg::ref_ptr<osg::Image> readPng(const std::string& path, std::string& error);

struct ImageDiff {
    double meanAbsDiff = 0;     // mean |a - b| over R, G and B of every pixel, 0..255
    double fractionOver = 0;    // share of pixels whose largest channel difference > threshold
    long pixelsOver = 0;        // how many pixels that is
    int maxDiff = 0;            // largest channel difference anywhere, 0..255
    bool sizeMismatch = false;  // sizes differ; the other fields then say "all different"
};

// Compares colour (alpha is ignored: frames are opaque, baselines may be RGB). Orientation
// is taken into account, so a rendered frame compares with the PNG read back from it.
// With shiftPx > 0 a pixel is over the threshold only when no pixel of the other image within
// shiftPx (either way round) is within it: an edge moved by a pixel of anti-aliasing is not a
// change, a shape grown or moved by more is (as f3d's and VTK's image tests do).
ImageDiff compareImages(const osg::Image& a, const osg::Image& b, int perPixelThreshold, int shiftPx = 0);

// The pixel at column x, row yFromTop (0 = top row of the picture) as RGBA; grey images give
// r = g = b, images without alpha give a = 255. Asserts that the pixel is inside the image.
osg::Vec4ub pixelAt(const osg::Image& image, int x, int yFromTop);

}  // namespace subterra
