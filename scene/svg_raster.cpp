#include "svg_raster.h"

#include <cmath>
#include <cstdio>
#include <librsvg/rsvg.h>

namespace subterra {

bool writeSvgAsPng(const std::string& svg, const std::string& path, double scale, std::string& error) {
    GError* gerror = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &gerror);
    if (!handle) {
        error = path + ": cannot draw the SVG (" + (gerror ? gerror->message : "unknown error") + ")";
        if (gerror) g_error_free(gerror);
        return false;
    }
    gdouble widthPx = 0, heightPx = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &widthPx, &heightPx)) widthPx = heightPx = 0;
    const int width = int(std::ceil(widthPx * scale)), height = int(std::ceil(heightPx * scale));
    if (width < 1 || height < 1 || width > 32768 || height > 32768) {
        error = path + ": the drawing has no usable size";
        g_object_unref(handle);
        return false;
    }
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const RsvgRectangle viewport{0, 0, double(width), double(height)};
    const bool drawn = rsvg_handle_render_document(handle, cr, &viewport, &gerror);
    cairo_destroy(cr);
    g_object_unref(handle);
    const std::string temporary = path + ".tmp";
    const bool written = drawn && cairo_surface_write_to_png(surface, temporary.c_str()) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    if (!drawn) {
        error = path + ": cannot draw the SVG (" + (gerror ? gerror->message : "unknown error") + ")";
        if (gerror) g_error_free(gerror);
        return false;
    }
    if (!written || std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        error = path + ": cannot write the PNG";
        return false;
    }
    return true;
}

}  // namespace subterra
