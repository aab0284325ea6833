#include "profile_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "utility_palette.h"

namespace subterra {

namespace {
constexpr double kLeft = 70, kRight = 130, kTop = 150, kBottom = 64, kFitHeightPx = 420, kPadM = 0.4;
constexpr double kLabelSpacingPx = 12;  // crossing labels closer than this to the previous one are left out

std::string number(double value, int decimals = 1) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

std::string hexColor(const Rgba& c, float scale = 1.0f) {
    auto channel = [&](int i) { return std::clamp(c[i] * scale, 0.f, 1.f); };
    return toHexColor({channel(0), channel(1), channel(2), 1.0f});
}

// 1, 2 or 5 times a power of ten, about `span / count`.
double niceStep(double span, int count) {
    const double raw = span / count, power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * power) return m * power;
    return 10 * power;
}

std::string stationText(double station) {
    char text[32];
    const int metres = int(std::lround(station));
    std::snprintf(text, sizeof text, "%d+%03d", metres / 1000, metres % 1000);
    return text;
}

std::string sizeText(const CrossSection& section) {
    if (section.shape == CrossSection::Shape::Circular)
        return "DN" + std::to_string(int(std::lround(section.diameterM * 1000)));
    return number(section.widthM, 2) + "x" + number(section.heightM, 2);
}

struct Frame {
    double sx = 1, sy = 1, zTop = 0, zBottom = 0;
    double x(double station) const { return kLeft + station * sx; }
    double y(double z) const { return kTop + (zTop - z) * sy; }
};

std::string lineStyle(const Segment& segment) {
    const bool assumed = segment.depthSource == DepthSource::Assumed;
    const Rgba color = utilityRgba(segment.utility);
    return "fill=\"" + hexColor(color) + "\" fill-opacity=\"" + (assumed ? "0.45" : "0.9") + "\" stroke=\"" +
           hexColor(color, 0.6f) + "\" stroke-width=\"1.2\"" + (assumed ? " stroke-dasharray=\"5 3\"" : "");
}

void drawAxes(std::ostream& out, const Profile& profile, const Frame& f, double width) {
    const double zStep = niceStep(f.zTop - f.zBottom, 6);
    for (double z = std::ceil(f.zBottom / zStep) * zStep; z <= f.zTop; z += zStep) {
        out << "<line class=\"grid\" x1=\"" << number(kLeft) << "\" y1=\"" << number(f.y(z)) << "\" x2=\""
            << number(width - kRight) << "\" y2=\"" << number(f.y(z))
            << "\" stroke=\"#d0d0d0\" stroke-width=\"0.6\"/>\n";
        out << "<text class=\"axis\" x=\"" << number(kLeft - 6) << "\" y=\"" << number(f.y(z) + 4)
            << "\" text-anchor=\"end\">" << number(z, zStep < 1 ? 1 : 0) << " m</text>\n";
    }
    const double sStep = niceStep(profile.lengthM, 10);
    const double axisY = f.y(f.zBottom);
    std::vector<double> stations;
    for (double s = 0; s <= profile.lengthM + 1e-6; s += sStep) stations.push_back(s);
    if (profile.lengthM - stations.back() >= 0.4 * sStep)
        stations.push_back(profile.lengthM);  // the end, unless crowded
    for (double s : stations) {
        out << "<line class=\"tick\" x1=\"" << number(f.x(s)) << "\" y1=\"" << number(axisY) << "\" x2=\""
            << number(f.x(s)) << "\" y2=\"" << number(axisY + 6) << "\" stroke=\"#333\"/>\n";
        out << "<text class=\"station\" x=\"" << number(f.x(s)) << "\" y=\"" << number(axisY + 20)
            << "\" text-anchor=\"middle\">" << stationText(s) << "</text>\n";
    }
    out << "<line class=\"axis\" x1=\"" << number(kLeft) << "\" y1=\"" << number(axisY) << "\" x2=\""
        << number(f.x(profile.lengthM)) << "\" y2=\"" << number(axisY) << "\" stroke=\"#333\"/>\n";
}

std::string groundPoints(const Profile& profile, const Frame& f) {
    std::ostringstream points;
    for (const auto& [station, z] : profile.ground) points << number(f.x(station)) << ',' << number(f.y(z)) << ' ';
    return points.str();
}

void drawSoil(std::ostream& out, const Profile& profile, const Frame& f) {
    out << "<polygon class=\"soil\" points=\"" << groundPoints(profile, f) << number(f.x(profile.lengthM)) << ','
        << number(f.y(f.zBottom)) << ' ' << number(f.x(0)) << ',' << number(f.y(f.zBottom))
        << "\" fill=\"#efe4cf\"/>\n";
}

void drawGroundLine(std::ostream& out, const Profile& profile, const Frame& f) {
    out << "<polyline class=\"ground\" points=\"" << groundPoints(profile, f)
        << "\" fill=\"none\" stroke=\"#7a5a2f\" stroke-width=\"2\"/>\n";
}

void drawManholes(std::ostream& out, const Profile& profile, const Model& model, const Frame& f) {
    for (const auto& m : profile.manholes) {
        const Node& node = model.nodes[m.node];
        const double w = std::max(4.0, node.sizeM * f.sx), x = f.x(m.station) - w / 2;
        out << "<rect class=\"manhole\" data-id=\"" << escape(node.id) << "\" x=\"" << number(x) << "\" y=\""
            << number(f.y(node.groundZ)) << "\" width=\"" << number(w) << "\" height=\""
            << number(std::max(1.0, (node.groundZ - node.invertZ) * f.sy))
            << "\" fill=\"#f6f6f6\" stroke=\"#555\" stroke-width=\"1.2\""
            << (node.depthSource == DepthSource::Assumed ? " stroke-dasharray=\"5 3\"" : "") << "/>\n";
        out << "<text class=\"label manhole-label\" data-id=\"" << escape(node.id) << "\" transform=\"translate("
            << number(f.x(m.station) + 3) << ',' << number(f.y(node.groundZ) - 4) << ") rotate(-60)\">"
            << escape(node.id) << " GL " << number(node.groundZ, 2) << " IL " << number(node.invertZ, 2) << "</text>\n";
    }
}

void drawPieces(std::ostream& out, const Profile& profile, const Model& model, const Frame& f) {
    for (const auto& p : profile.pieces) {
        const Segment& s = model.segments[p.segment];
        const double h = s.section.verticalExtentM() / 2;
        out << "<polygon class=\"pipe\" data-id=\"" << escape(s.id) << "\" points=\"" << number(f.x(p.station0)) << ','
            << number(f.y(p.z0 + h)) << ' ' << number(f.x(p.station1)) << ',' << number(f.y(p.z1 + h)) << ' '
            << number(f.x(p.station1)) << ',' << number(f.y(p.z1 - h)) << ' ' << number(f.x(p.station0)) << ','
            << number(f.y(p.z0 - h)) << "\" " << lineStyle(s) << "/>\n";
    }
    // One label per line, under the middle of its longest piece: id, size, bottom levels at both ends.
    std::vector<size_t> labelled;
    for (const auto& p : profile.pieces) {
        if (std::find(labelled.begin(), labelled.end(), p.segment) != labelled.end()) continue;
        labelled.push_back(p.segment);
        const Segment& s = model.segments[p.segment];
        const double h = s.section.verticalExtentM() / 2, mid = (p.station0 + p.station1) / 2;
        out << "<text class=\"label pipe-label\" data-id=\"" << escape(s.id) << "\" x=\"" << number(f.x(mid))
            << "\" y=\"" << number(f.y((p.z0 + p.z1) / 2 - h) + 14) << "\" text-anchor=\"middle\">" << escape(s.id)
            << ' ' << sizeText(s.section) << (s.depthSource == DepthSource::Assumed ? " (depth assumed)" : "")
            << "</text>\n";
    }
}

void drawCrossings(std::ostream& out, const Profile& profile, const Model& model, const Frame& f) {
    double lastLabelX = -1e9;
    for (const auto& c : profile.crossings) {
        const Segment& s = model.segments[c.segment];
        const double cx = f.x(c.station), cy = f.y(c.z);
        const double halfW =
            (s.section.shape == CrossSection::Shape::Circular ? s.section.diameterM : s.section.widthM) / 2;
        const double halfH = s.section.verticalExtentM() / 2;
        const std::string shape = s.section.shape == CrossSection::Shape::Circular ? "ellipse" : "rect";
        if (shape == "ellipse")
            out << "<ellipse class=\"crossing\" data-id=\"" << escape(s.id) << "\" cx=\"" << number(cx) << "\" cy=\""
                << number(cy) << "\" rx=\"" << number(std::max(1.5, halfW * f.sx)) << "\" ry=\""
                << number(std::max(1.5, halfH * f.sy)) << "\" ";
        else
            out << "<rect class=\"crossing\" data-id=\"" << escape(s.id) << "\" x=\""
                << number(cx - std::max(1.5, halfW * f.sx)) << "\" y=\"" << number(cy - halfH * f.sy) << "\" width=\""
                << number(std::max(3.0, 2 * halfW * f.sx)) << "\" height=\"" << number(std::max(2.0, 2 * halfH * f.sy))
                << "\" ";
        out << lineStyle(s) << "/>\n";
        if (cx - lastLabelX < kLabelSpacingPx) continue;
        lastLabelX = cx;
        out << "<text class=\"label crossing-label\" data-id=\"" << escape(s.id) << "\" transform=\"translate("
            << number(cx + 3) << ',' << number(cy - halfH * f.sy - 4) << ") rotate(-90)\">" << escape(s.id) << ' '
            << sizeText(s.section) << " cover " << number(c.coverM, 2) << " m"
            << (s.depthSource == DepthSource::Assumed ? " (assumed)" : "") << "</text>\n";
    }
}
}  // namespace

std::string profileSvg(const Profile& profile, const Model& model, const ProfileDrawing& drawing) {
    Frame f;
    const double width = std::max(400, drawing.widthPx);
    f.sx = (width - kLeft - kRight) / std::max(profile.lengthM, 1e-3);
    f.zTop = profile.maxZ + kPadM;
    f.zBottom = profile.minZ - kPadM;
    f.sy = drawing.exaggeration > 0 ? f.sx * drawing.exaggeration : kFitHeightPx / (f.zTop - f.zBottom);
    const double height = kTop + (f.zTop - f.zBottom) * f.sy + kBottom;
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        << number(width, 0) << "\" height=\"" << number(height, 0) << "\" viewBox=\"0 0 " << number(width, 0) << ' '
        << number(height, 0) << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">\n";
    std::string title = "Profile";
    if (!profile.path.runIds.empty()) title += " " + profile.path.runIds.front() + " to " + profile.path.runIds.back();
    title += ", " + number(profile.lengthM, 1) + " m, vertical scale x" + number(f.sy / f.sx, 1);
    out << "<title>" << escape(title)
        << "</title>\n<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    out << "<text class=\"title\" x=\"" << number(kLeft) << "\" y=\"24\" font-size=\"15\" font-weight=\"bold\">"
        << escape(title) << "</text>\n";
    drawSoil(out, profile, f);
    drawAxes(out, profile, f, width);
    drawManholes(out, profile, model, f);
    drawGroundLine(out, profile, f);
    drawPieces(out, profile, model, f);
    drawCrossings(out, profile, model, f);
    out << "</svg>\n";
    return out.str();
}

}  // namespace subterra
