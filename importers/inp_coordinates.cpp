#include "inp_coordinates.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "crs.h"

namespace subterra {

namespace {
struct LinkLength {
    Vec3d from, to;
    double declared = 0;
};

std::optional<double> quietNumber(const InpRecord& record, size_t index) {
    Problems ignored;  // the importer reports bad numbers; the guess skips them
    return index < record.fields.size() ? inpNumber(record, index, "", "", ignored) : std::nullopt;
}

std::map<std::string, Vec3d> readPoints(const InpFile& file) {
    std::map<std::string, Vec3d> points;
    for (const auto& record : file.records("COORDINATES")) {
        auto x = quietNumber(record, 1), y = quietNumber(record, 2);
        if (x && y) points.emplace(record.fields[0], Vec3d{*x, *y, 0});
    }
    return points;
}

std::vector<LinkLength> readLinkLengths(const InpFile& file, const std::map<std::string, Vec3d>& points) {
    std::vector<LinkLength> links;
    for (const char* section : {"PIPES", "CONDUITS"})
        for (const auto& record : file.records(section)) {
            auto length = quietNumber(record, 3);
            if (!length || *length <= 0 || record.fields.size() < 3) continue;
            auto a = points.find(record.fields[1]), b = points.find(record.fields[2]);
            if (a == points.end() || b == points.end()) continue;
            if (planDistance(a->second, b->second) > 0) links.push_back({a->second, b->second, *length});
        }
    return links;
}

std::optional<double> median(std::vector<double> values) {
    if (values.empty()) return std::nullopt;
    std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
    return values[values.size() / 2];
}

// The median of declared / drawn length; with `lonLatExtent`, the ends are taken as lon/lat and
// measured in metres in the UTM zone of the extent's centre (PROJ does the geodesy).
std::optional<double> medianLengthRatio(std::vector<LinkLength> links, const Extent* lonLatExtent) {
    if (links.empty()) return std::nullopt;
    if (lonLatExtent) {
        std::string error;
        const Vec3d centre = lonLatExtent->centre();
        auto transform = CrsTransform::create(*crsToWkt("EPSG:4326", error), utmCrsFor(centre.x, centre.y), error);
        if (!transform) return std::nullopt;
        for (auto& link : links) {
            std::vector<Vec3d> ends{link.from, link.to};
            if (!transform->apply(ends)) return std::nullopt;
            link.from = ends[0], link.to = ends[1];
        }
    }
    std::vector<double> ratios;
    for (const auto& link : links)
        if (const double drawn = planDistance(link.from, link.to); drawn > 0) ratios.push_back(link.declared / drawn);
    return median(std::move(ratios));
}

std::string format(const char* pattern, double a, double b = 0, double c = 0, double d = 0, double e = 0) {
    char text[256];
    std::snprintf(text, sizeof text, pattern, a, b, c, d, e);
    return text;
}
}  // namespace

InpCoordinateGuess guessInpCoordinates(const InpFile& file) {
    InpCoordinateGuess guess;
    const auto points = readPoints(file);
    Extent extent;
    for (const auto& [id, p] : points) extent.add(p);
    if (!extent.valid()) return guess;
    const auto links = readLinkLengths(file, points);
    const double span = std::max(extent.maxX - extent.minX, extent.maxY - extent.minY);
    const bool degreeRange = extent.minX >= -180 && extent.maxX <= 180 && extent.minY >= -90 && extent.maxY <= 90;
    if (degreeRange && span > 0 && span <= kMaxDegreeSpan) {
        // Drawn straight between the ends, a link is never longer than declared; declared lengths
        // may be in feet (3.28 per metre).
        const auto ratio = medianLengthRatio(links, &extent);
        if (!ratio || (*ratio >= 0.5 && *ratio <= 8)) {
            guess.degrees = true;
            guess.lengthRatio = ratio;
            guess.note =
                format("coordinates: x %.5f .. %.5f, y %.5f .. %.5f look like longitude/latitude", extent.minX,
                       extent.maxX, extent.minY, extent.maxY) +
                (ratio ? format(" (declared link lengths match them: median %.2f x the drawn length in m)", *ratio)
                       : std::string(" (a small extent within +-180/+-90; no link lengths to compare)")) +
                ": taken as WGS 84 (EPSG:4326); declare another with --input-crs (e.g. EPSG:4269, "
                "NAD83) or the layer's \"crs\"";
            return guess;
        }
    }
    guess.lengthRatio = medianLengthRatio(links, nullptr);
    if (guess.lengthRatio && (*guess.lengthRatio < 0.25 || *guess.lengthRatio > 4)) {
        guess.schematic = true;
        guess.note = format(
            "coordinates look schematic: declared link lengths are a median %.3g x the drawn "
            "ones, so the drawing is no plan (positions and distances are not to scale)",
            *guess.lengthRatio);
    }
    return guess;
}

}  // namespace subterra
