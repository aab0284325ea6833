#include "profile_view.h"

#include "profile_svg.h"
#include "svg_raster.h"

namespace subterra {

bool addSelectionToPath(const SceneSession& session, ProfileView& view) {
    const FeatureRef feature = session.selectedFeature();
    std::string& path = view.pathText;
    const bool nodeRoute = path.rfind("from:", 0) == 0;
    if (feature.node) {
        if (nodeRoute && path.find(" to:") == std::string::npos) path += " to:" + feature.node->id;
        else path = "from:" + feature.node->id;
        return true;
    }
    if (feature.segment) {
        const bool run = !path.empty() && !nodeRoute && path.find(';') == std::string::npos &&
                         path.find_first_not_of("0123456789.,-+eE ") != std::string::npos;
        path = run ? path + "," + feature.segment->id : feature.segment->id;
        return true;
    }
    return false;
}

bool drawProfile(const SceneSession& session, ProfileView& view) {
    view.error.clear();
    const auto path = parseProfilePath(view.pathText, session.model(), view.error);
    auto profile = path ? buildProfile(session.model(), *path, view.error) : std::nullopt;
    if (!profile) return false;
    std::string svg = profileSvg(*profile, session.model(), ProfileDrawing{});
    osg::ref_ptr<osg::Image> image = rasterizeSvg(svg, 1.0, view.error);
    if (!image) return false;
    view.profile = std::move(profile);
    view.svg = std::move(svg);
    view.image = image;
    ++view.imageVersion;
    view.open = true;
    return true;
}

bool exportProfile(const ProfileView& view, const std::string& path, std::string& error) {
    if (view.svg.empty()) {
        error = "draw a profile first";
        return false;
    }
    return writeSvgOrPng(view.svg, path).into(error);
}

}  // namespace subterra
