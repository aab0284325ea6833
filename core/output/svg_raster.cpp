#include "svg_raster.h"

#include <cmath>
#include <cstring>
#include <librsvg/rsvg.h>

#include "atomic_file.h"
#include "image_io.h"

namespace subterra {

namespace {
std::string messageOf(GError* gerror) {
    std::string message = gerror ? gerror->message : "unknown error";
    if (gerror) g_error_free(gerror);
    return message;
}

// Cairo's ARGB32 (premultiplied, native-endian 32-bit words, top row first) on an opaque white
// ground -> RGBA bytes, bottom row first.
void copyPixels(cairo_surface_t* surface, osg::Image& image) {
    const int width = image.s(), height = image.t(), stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const uint32_t*>(data + size_t(y) * size_t(stride));
        unsigned char* out = image.data(0, height - 1 - y);
        for (int x = 0; x < width; ++x) {
            const uint32_t p = row[x];
            out[4 * x + 0] = (p >> 16) & 0xff, out[4 * x + 1] = (p >> 8) & 0xff;
            out[4 * x + 2] = p & 0xff, out[4 * x + 3] = (p >> 24) & 0xff;
        }
    }
}
}  // namespace

osg::ref_ptr<osg::Image> rasterizeSvg(const std::string& svg, double scale, std::string& error) {
    GError* gerror = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror);
    if (!handle) {
        error = "cannot draw the SVG (" + messageOf(gerror) + ")";
        return nullptr;
    }
    gdouble widthPx = 0, heightPx = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &widthPx, &heightPx)) widthPx = heightPx = 0;
    const int width = int(std::ceil(widthPx * scale)), height = int(std::ceil(heightPx * scale));
    if (width < 1 || height < 1 || width > 32768 || height > 32768) {
        error = "the drawing has no usable size";
        g_object_unref(handle);
        return nullptr;
    }
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const RsvgRectangle viewport{0, 0, double(width), double(height)};
    const bool drawn = rsvg_handle_render_document(handle, cr, &viewport, &gerror);
    cairo_destroy(cr);
    g_object_unref(handle);
    osg::ref_ptr<osg::Image> image;
    if (drawn) {
        cairo_surface_flush(surface);
        image = new osg::Image;
        image->allocateImage(width, height, 1, GL_RGBA, GL_UNSIGNED_BYTE);
        copyPixels(surface, *image);
    } else {
        error = "cannot draw the SVG (" + messageOf(gerror) + ")";
    }
    cairo_surface_destroy(surface);
    return image;
}

Status writeSvgAsPng(const std::string& svg, const std::string& path, double scale) {
    std::string error;
    const osg::ref_ptr<osg::Image> image = rasterizeSvg(svg, scale, error);
    if (!image) return Status::failure(path + ": " + error);
    return writePng(*image, path);
}

Status writeSvgOrPng(const std::string& svg, const std::string& path) {
    const bool png = path.size() >= 4 && path.compare(path.size() - 4, 4, ".png") == 0;
    return png ? writeSvgAsPng(svg, path, 1.0) : writeFileAtomically(path, svg);
}

}  // namespace subterra
