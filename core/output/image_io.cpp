#include "image_io.h"

#include <osgDB/ReaderWriter>
#include <osgDB/Registry>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "atomic_file.h"

namespace subterra {
namespace {

bool isSupportedFormat(GLenum format) {
    return format == GL_RGB || format == GL_RGBA || format == GL_LUMINANCE || format == GL_LUMINANCE_ALPHA;
}

// Empty when `image` can be written; otherwise why not. The png plugin would write an
// unsupported format as garbage, and libpng aborts the process on a 0x0 image, so both
// are refused here.
std::string unsupportedReason(const osg::Image& image) {
    if (!image.data() || image.s() <= 0 || image.t() <= 0) return "the image is empty";
    if (image.getDataType() != GL_UNSIGNED_BYTE || !isSupportedFormat(image.getPixelFormat()))
        return "only 8-bit grey, RGB and RGBA images can be written";
    return "";
}

// Looked up explicitly, so that a missing plugin is reported as such instead of as an
// unreadable file.
osgDB::ReaderWriter* pngPlugin() { return osgDB::Registry::instance()->getReaderWriterForExtension("png"); }

const char* const kNoPlugin = "OpenSceneGraph's png plugin (osgdb_png) is not installed";

// The png plugin writes the image's last row first, which is right for OSG's usual
// bottom-up images only. A top-down image gets a flipped copy; others get null (no copy).
osg::ref_ptr<osg::Image> bottomUpCopyIfNeeded(const osg::Image& image) {
    if (image.getOrigin() == osg::Image::BOTTOM_LEFT) return nullptr;
    osg::ref_ptr<osg::Image> flipped = new osg::Image(image, osg::CopyOp::DEEP_COPY_ALL);
    flipped->flipVertical();
    flipped->setOrigin(osg::Image::BOTTOM_LEFT);
    return flipped;
}

bool writeFile(const osg::Image& image, const std::string& path, std::string& why) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        why = std::strerror(errno);
        return false;
    }
    const osgDB::ReaderWriter::WriteResult result = pngPlugin()->writeImage(image, out);
    out.close();  // flushes: a full disk shows up here, not in the plugin's result
    if (!result.success() || out.fail()) {
        why = "write failed (disk full?)";
        return false;
    }
    return true;
}

}  // namespace

Status writePng(const osg::Image& image, const std::string& path) {
    std::string why = unsupportedReason(image);
    if (why.empty() && !pngPlugin()) why = kNoPlugin;
    if (!why.empty()) return Status::failure("cannot write PNG " + path + ": " + why);
    const osg::ref_ptr<osg::Image> flipped = bottomUpCopyIfNeeded(image);
    return replaceFileAtomically(path, [&](const std::string& temporary) {
        std::string reason;
        if (writeFile(flipped ? *flipped : image, temporary, reason)) return Status::success();
        return Status::failure("cannot write PNG " + path + ": " + reason);
    });
}

osg::ref_ptr<osg::Image> readPng(const std::string& path, std::string& error) {
    // Opened here rather than by file name through osgDB, which would search OSG's data
    // path and could silently read another file of the same name.
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read PNG " + path + ": " + std::strerror(errno);
        return nullptr;
    }
    if (!pngPlugin()) {
        error = "cannot read PNG " + path + ": " + kNoPlugin;
        return nullptr;
    }
    osgDB::ReaderWriter::ReadResult result = pngPlugin()->readImage(in);
    osg::ref_ptr<osg::Image> image = result.getImage();
    if (!image || !image->data()) {
        error = "cannot read PNG " + path + ": not a PNG file, or a damaged one";
        return nullptr;
    }
    if (image->getDataType() != GL_UNSIGNED_BYTE || !isSupportedFormat(image->getPixelFormat())) {
        error = "cannot read PNG " + path + ": only 8-bit grey, RGB and RGBA PNGs are supported";
        return nullptr;
    }
    image->setFileName(path);
    return image;
}

osg::Vec4ub pixelAt(const osg::Image& image, int x, int yFromTop) {
    assert(x >= 0 && x < image.s() && yFromTop >= 0 && yFromTop < image.t() && "pixelAt outside the image");
    assert(image.getDataType() == GL_UNSIGNED_BYTE && isSupportedFormat(image.getPixelFormat()));
    const int row = image.getOrigin() == osg::Image::BOTTOM_LEFT ? image.t() - 1 - yFromTop : yFromTop;
    const unsigned char* p = image.data(x, row);
    switch (image.getPixelFormat()) {
        case GL_RGBA: return osg::Vec4ub(p[0], p[1], p[2], p[3]);
        case GL_RGB: return osg::Vec4ub(p[0], p[1], p[2], 255);
        case GL_LUMINANCE_ALPHA: return osg::Vec4ub(p[0], p[0], p[0], p[1]);
        default: return osg::Vec4ub(p[0], p[0], p[0], 255);
    }
}

namespace {
int channelDifference(const osg::Vec4ub& p, const osg::Vec4ub& q) {
    return std::max(
        {std::abs(int(p[0]) - int(q[0])), std::abs(int(p[1]) - int(q[1])), std::abs(int(p[2]) - int(q[2]))});
}

// Whether `from`'s pixel (x, y) has a pixel of `to` within `shiftPx` that differs by at most `threshold`.
bool hasMatchNear(const osg::Image& from, const osg::Image& to, int x, int y, int shiftPx, int threshold) {
    const osg::Vec4ub p = pixelAt(from, x, y);
    for (int dy = -shiftPx; dy <= shiftPx; ++dy)
        for (int dx = -shiftPx; dx <= shiftPx; ++dx) {
            const int u = x + dx, v = y + dy;
            if (u >= 0 && v >= 0 && u < to.s() && v < to.t() && channelDifference(p, pixelAt(to, u, v)) <= threshold)
                return true;
        }
    return false;
}
}  // namespace

ImageDiff compareImages(const osg::Image& a, const osg::Image& b, int perPixelThreshold, int shiftPx) {
    ImageDiff diff;
    if (a.s() != b.s() || a.t() != b.t()) {
        diff.sizeMismatch = true;
        diff.meanAbsDiff = 255;
        diff.fractionOver = 1;
        diff.pixelsOver = long(std::max(a.s(), b.s())) * std::max(a.t(), b.t());
        diff.maxDiff = 255;
        return diff;
    }
    double sum = 0;
    for (int y = 0; y < a.t(); ++y) {
        for (int x = 0; x < a.s(); ++x) {
            const osg::Vec4ub pa = pixelAt(a, x, y), pb = pixelAt(b, x, y);
            for (int c = 0; c < 3; ++c) sum += std::abs(int(pa[c]) - int(pb[c]));
            const int pixelMax = channelDifference(pa, pb);
            diff.maxDiff = std::max(diff.maxDiff, pixelMax);
            if (pixelMax > perPixelThreshold &&
                (shiftPx <= 0 || !hasMatchNear(a, b, x, y, shiftPx, perPixelThreshold) ||
                 !hasMatchNear(b, a, x, y, shiftPx, perPixelThreshold)))
                ++diff.pixelsOver;
        }
    }
    const double pixels = double(a.s()) * a.t();
    diff.meanAbsDiff = pixels > 0 ? sum / (3 * pixels) : 0;
    diff.fractionOver = pixels > 0 ? diff.pixelsOver / pixels : 0;
    return diff;
}

}  // namespace subterra
