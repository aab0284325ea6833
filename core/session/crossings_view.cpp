#include "crossings_view.h"

#include <algorithm>
#include <cstdio>

namespace subterra {

void refreshCrossings(const SceneSession& session, CrossingsView& view) {
    const FeatureRef feature = session.selectedFeature();
    std::optional<size_t> line;
    if (feature.segment) line = size_t(feature.segment - session.model().segments.data());
    const CheckRules& rules = session.checkRules();
    if (line == view.line && rules == view.rules) return;
    view.line = line;
    view.rules = rules;
    view.withinM = rules.largestClearanceM();
    view.current.reset();
    view.rows = line ? findCrossings(session.model(), *line, view.withinM, rules) : std::vector<Crossing>{};
}

void goToCrossing(SceneSession& session, CrossingsView& view, size_t index, double aspect) {
    if (index >= view.rows.size()) return;
    const Crossing& c = view.rows[index];
    view.current = index;
    const osg::Vec3d a(c.at.x, c.at.y, c.at.z), b(c.otherAt.x, c.otherAt.y, c.otherAt.z);
    // Close enough to read the gap, far enough to see both lines run away from the spot.
    const double radius = std::max(3.0, (a - b).length());
    session.camera().focus(osg::BoundingSphered((a + b) * 0.5, radius), aspect);
}

std::string sizeText(const CrossSection& section) {
    char text[64];
    if (!section.isKnown()) return "?";
    if (section.shape == CrossSection::Shape::Circular)
        std::snprintf(text, sizeof text, "%.0f mm", section.diameterM * 1000);
    else std::snprintf(text, sizeof text, "%.0f x %.0f mm", section.widthM * 1000, section.heightM * 1000);
    return text;
}

std::string crossingLine(const Model& model, const Crossing& c) {
    const Segment& other = model.segments[c.other];
    char text[256];
    std::snprintf(text, sizeof text, "%.2f m  %s %s %s %s, gap %.2f m, clear %.2f m", c.alongM, other.id.c_str(),
                  toString(other.utility), sizeText(other.section).c_str(), c.otherAbove ? "above" : "below",
                  c.verticalGapM, c.clearanceM);
    std::string line = text;
    if (c.requiredM) {
        std::snprintf(text, sizeof text, " (rule %.2f m%s)", *c.requiredM, c.breaksRule() ? ", BROKEN" : "");
        line += text;
    }
    if (c.planCrossings == 0) line += ", near (no crossing in plan)";
    return line;
}

}  // namespace subterra
