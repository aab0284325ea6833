#include "annotation_overlay.h"

#include <osg/BlendFunc>
#include <osg/Geode>
#include <osgText/Font>
#include <osgText/Text>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "camera_spec.h"
#include "overlay_shapes.h"
#include "picking.h"
#include "scene_builder.h"

namespace subterra {

namespace {
constexpr int kTitlePriority = 3000, kCalloutPriority = 2000, kDimensionPriority = 1500;

osgText::Font* loadFont(const std::string& font) {
    static std::map<std::string, osg::ref_ptr<osgText::Font>> cache;  // fonts are shared, read once
    auto& entry = cache[font];
    if (!entry) entry = osgText::readRefFontFile(fontPath(font));
    if (!entry) entry = osgText::Font::getDefaultFont();  // missing font file: still readable text
    entry->setMinFilterHint(osg::Texture::LINEAR);        // drawn at its rasterised size: no mipmaps needed
    return entry.get();
}

osg::ref_ptr<osgText::Text> makeText(const std::string& content, const LabelStyle& style, double sizePx) {
    osg::ref_ptr<osgText::Text> text = new osgText::Text;
    text->setFont(loadFont(style.font));
    // Glyphs are rasterised at a resolution near their screen size: crisp but few textures.
    const unsigned resolution = sizePx > 40 ? 128u : sizePx > 20 ? 64u : 32u;
    text->setFontResolution(resolution, resolution);
    text->setCharacterSize(float(sizePx));
    text->setCharacterSizeMode(osgText::Text::OBJECT_COORDS);
    text->setAlignment(osgText::Text::LEFT_BASE_LINE);
    text->setColor(toVec4(style.color));
    text->setText(content, osgText::String::ENCODING_UTF8);
    text->setDataVariance(osg::Object::DYNAMIC);
    // A display list would be compiled before the offscreen framebuffer is bound (GL errors there).
    text->setUseDisplayList(false);
    text->setUseVertexBufferObjects(true);
    return text;
}

// Moves `text` so that its glyphs' bounds start at (x, y).
void placeText(osgText::Text& text, double x, double y) {
    const osg::BoundingBox& bounds = text.getBoundingBox();
    text.setPosition(osg::Vec3(float(x - bounds.xMin()), float(y - bounds.yMin()), 0.0f));
}

osg::Vec2d textSize(osgText::Text& text) {
    const osg::BoundingBox& bounds = text.getBoundingBox();
    return bounds.valid() ? osg::Vec2d(bounds.xMax() - bounds.xMin(), bounds.yMax() - bounds.yMin()) : osg::Vec2d();
}

// Project CRS -> overlay pixels (origin bottom-left); false behind the camera.
bool toScreen(const osg::Matrixd& viewProjection, const OverlayView& view, const Vec3d& p, osg::Vec2d& out) {
    const osg::Vec4d clip = osg::Vec4d(p.x, p.y, p.z, 1.0) * viewProjection;
    if (clip.w() <= 1e-9) return false;
    out.set((clip.x() / clip.w() + 1) * 0.5 * view.width, (clip.y() / clip.w() + 1) * 0.5 * view.height);
    return std::isfinite(out.x()) && std::isfinite(out.y());
}

bool onScreen(const osg::Vec2d& p, const OverlayView& view) {
    return p.x() >= 0 && p.y() >= 0 && p.x() <= view.width && p.y() <= view.height;
}

// A feature other than the labelled one lies between the eye and the anchor.
bool hiddenBehindFeature(const BuiltScene& scene, const osg::Matrixd& view, const PreparedLabel& label) {
    const osg::Vec3d eye = osg::Matrixd::inverse(view).getTrans();
    const osg::Vec3d anchor(label.anchor.x, label.anchor.y, label.anchor.z);
    const PickResult hit = pickRay(scene, eye, anchor);
    if (!hit.feature) return false;
    if (hit.feature->layer == label.layer && hit.feature->featureId == label.featureId) return false;
    return (hit.feature->point - eye).length() < (anchor - eye).length() - 0.05;
}

// The point of `box` nearest to `p`: where a leader line meets the box.
osg::Vec2d nearestOnBox(const ScreenRect& box, const osg::Vec2d& p) {
    return {std::clamp(p.x(), box.x0, box.x1), std::clamp(p.y(), box.y0, box.y1)};
}

// One thing to place: its text(s), box size and where it points.
struct Item {
    std::vector<osg::ref_ptr<osgText::Text>> lines;  // stacked top to bottom (title + subtitle)
    const LabelStyle* style = nullptr;
    osg::Vec2d anchor;
    bool leader = false;
    double padPx = 0;
};

osg::Vec2d itemSize(const Item& item, double gapPx) {
    osg::Vec2d size;
    for (const auto& line : item.lines) {
        const osg::Vec2d s = textSize(*line);
        size.x() = std::max(size.x(), s.x());
        size.y() += s.y();
    }
    if (!item.lines.empty()) size.y() += gapPx * double(item.lines.size() - 1);
    return size + osg::Vec2d(2 * item.padPx, 2 * item.padPx);
}

// Leaders go into `lines`, boxes into `boxes` (drawn over all lines), text over both.
void drawItem(const Item& item, const ScreenRect& box, double scale, double gapPx, ShapeBatch& lines, ShapeBatch& boxes,
              osg::Geode& texts) {
    const LabelStyle& style = *item.style;
    if (item.leader) {
        lines.haloLine(item.anchor, nearestOnBox(box, item.anchor), 1.6 * scale, toVec4(style.leaderColor));
        lines.disc(item.anchor, 4.2 * scale, osg::Vec4(1, 1, 1, 0.9f * style.leaderColor[3]));  // fades with the label
        lines.disc(item.anchor, 2.8 * scale, toVec4(style.leaderColor));
    }
    ShapeBatch& shapes = boxes;
    if (style.background[3] > 0) {
        osg::Vec4 border = toVec4(style.leaderColor);
        border.a() *= 0.45f;
        shapes.rect({box.x0 - scale, box.y0 - scale, box.x1 + scale, box.y1 + scale}, border);
        shapes.rect(box, toVec4(style.background));
    }
    double top = box.y1 - item.padPx;
    for (const auto& line : item.lines) {
        const double height = textSize(*line).y();
        placeText(*line, box.x0 + item.padPx, top - height);
        top -= height + gapPx;
        texts.addDrawable(line.get());
    }
}

void drawDimension(const PreparedDimension& dimension, const osg::Vec2d& a, const osg::Vec2d& b, double scale,
                   const osg::Matrixd& viewProjection, const OverlayView& view, ShapeBatch& shapes) {
    const osg::Vec4 color = toVec4(dimension.style.leaderColor);
    for (const auto& helper : dimension.value.helpers) {
        osg::Vec2d h0, h1;
        if (toScreen(viewProjection, view, helper.from, h0) && toScreen(viewProjection, view, helper.to, h1))
            shapes.dashedLine(h0, h1, 1.2 * scale, 5 * scale, color);
    }
    shapes.haloLine(a, b, 1.8 * scale, color);
    osg::Vec2d direction = b - a;
    if (direction.length2() > 0) direction.normalize();
    const osg::Vec2d tick = osg::Vec2d(-direction.y(), direction.x()) * (7 * scale);
    for (const osg::Vec2d& end : {a, b}) shapes.line(end - tick, end + tick, 1.8 * scale, color);
}

osg::ref_ptr<osg::Camera> makeOverlayCamera() {
    osg::ref_ptr<osg::Camera> camera = new osg::Camera;
    camera->setName("annotation overlay");
    camera->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
    camera->setRenderOrder(osg::Camera::NESTED_RENDER);
    camera->setClearMask(0);
    camera->setAllowEventFocus(false);
    camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
    camera->setViewMatrix(osg::Matrixd::identity());
    camera->setNodeMask(kOverlayMask);  // never picked
    osg::StateSet* state = camera->getOrCreateStateSet();
    state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
    state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
    state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
    state->setMode(GL_BLEND, osg::StateAttribute::ON);
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
    // After every bin of the scene, terrain (100) included: always on top.
    state->setRenderBinDetails(1000, "RenderBin");
    return camera;
}
}  // namespace

std::string fontPath(const std::string& font) {
    if (std::filesystem::path(font).is_absolute()) return font;
    return "/usr/share/fonts/truetype/dejavu/" + font;
}

OverlayView overlayViewFor(const CameraSpec& camera, int width, int height) {
    OverlayView view;
    view.view = osg::Matrixd::lookAt(camera.eye, camera.target, camera.up);
    // Near and far do not move a point on screen; these only have to be valid.
    view.projection = osg::Matrixd::perspective(camera.fovYDeg, double(width) / std::max(height, 1), 1.0, 1000.0);
    view.width = width;
    view.height = height;
    return view;
}

AnnotationOverlay::AnnotationOverlay(PreparedAnnotations content)
    : content_(std::move(content)), camera_(makeOverlayCamera()) {}

void AnnotationOverlay::setContent(PreparedAnnotations content) {
    content_ = std::move(content);
    dirty_ = true;
}

namespace {
struct Scratch {
    std::vector<Item> items;
    std::vector<LabelRequest> requests;
    void add(Item item, LabelRequest request, double gapPx) {
        const osg::Vec2d size = itemSize(item, gapPx);
        request.width = size.x();
        request.height = size.y();
        items.push_back(std::move(item));
        requests.push_back(request);
    }
};

void addTitle(const TitleCard& title, const OverlayView& view, double scale, double gapPx, Scratch& scratch) {
    Item item;
    item.style = &title.style;
    item.padPx = title.style.sizePx * 0.55 * scale;
    if (!title.title.empty()) item.lines.push_back(makeText(title.title, title.style, title.style.sizePx * scale));
    if (!title.subtitle.empty())
        item.lines.push_back(makeText(title.subtitle, title.style, title.style.sizePx * 0.58 * scale));
    const osg::Vec2d size = itemSize(item, gapPx);
    const double margin = 24 * scale;
    LabelRequest request;
    request.anchorX = margin + size.x() / 2;  // top-left corner of the picture
    request.anchorY = view.height - margin - size.y() / 2;
    request.fixedAtAnchor = true;
    request.priority = kTitlePriority;
    scratch.add(std::move(item), request, gapPx);
}

void addLabel(const PreparedLabel& label, const osg::Vec2d& anchor, double scale, double gapPx, Scratch& scratch) {
    Item item;
    item.style = &label.style;
    item.anchor = anchor;
    item.leader = true;
    item.padPx = label.style.sizePx * 0.45 * scale;
    item.lines.push_back(makeText(label.text, label.style, label.style.sizePx * scale));
    LabelRequest request;
    request.anchorX = anchor.x();
    request.anchorY = anchor.y();
    request.offsetX = label.offsetXPx * scale;
    request.offsetY = label.offsetYPx * scale;
    request.priority = label.role == LabelRole::Callout ? kCalloutPriority : 0;
    scratch.add(std::move(item), request, gapPx);
}

// Beside the middle of the line, so that the label does not hide a short dimension line.
void addDimensionLabel(const PreparedDimension& dimension, const osg::Vec2d& a, const osg::Vec2d& b, double scale,
                       double gapPx, Scratch& scratch) {
    Item item;
    item.style = &dimension.style;
    item.padPx = dimension.style.sizePx * 0.4 * scale;
    item.lines.push_back(makeText(dimension.value.label, dimension.style, dimension.style.sizePx * scale));
    const osg::Vec2d size = itemSize(item, gapPx);
    osg::Vec2d side = b - a;
    side = side.length2() > 0 ? osg::Vec2d(-side.y(), side.x()) / side.length() : osg::Vec2d(0, 1);
    if (side.x() < 0) side = -side;
    const double away = std::abs(side.x()) * size.x() / 2 + std::abs(side.y()) * size.y() / 2 + 8 * scale;
    LabelRequest request;
    request.anchorX = (a.x() + b.x()) / 2 + side.x() * away;
    request.anchorY = (a.y() + b.y()) / 2 + side.y() * away;
    request.fixedAtAnchor = true;
    request.priority = kDimensionPriority;
    scratch.add(std::move(item), request, gapPx);
}

// Lines, then boxes over them, then text over both: render bins in that order.
void attachInOrder(osg::Camera& camera, std::initializer_list<osg::Drawable*> shapes, osg::Geode* texts) {
    int bin = 1001;
    for (osg::Drawable* drawable : shapes) {
        osg::ref_ptr<osg::Geode> geode = new osg::Geode;
        geode->addDrawable(drawable);
        geode->getOrCreateStateSet()->setRenderBinDetails(bin++, "RenderBin");
        camera.addChild(geode.get());
    }
    texts->getOrCreateStateSet()->setRenderBinDetails(bin, "RenderBin");
    camera.addChild(texts);
}
}  // namespace

void AnnotationOverlay::update(const OverlayView& view, const BuiltScene* scene) {
    const bool same = view.width == last_.width && view.height == last_.height && view.view == last_.view &&
                      view.projection == last_.projection;
    if (same && !dirty_) return;
    dirty_ = false;
    last_ = view;
    stats_ = {};
    camera_->removeChildren(0, camera_->getNumChildren());
    if (view.width <= 0 || view.height <= 0 || content_.empty()) return;
    camera_->setProjectionMatrixAsOrtho2D(0, view.width, 0, view.height);
    const double scale = view.height / 1080.0, gapPx = 4 * scale;
    const osg::Matrixd viewProjection = view.view * view.projection;

    Scratch scratch;
    if (content_.title) addTitle(*content_.title, view, scale, gapPx, scratch);
    for (const PreparedLabel& label : content_.labels) {
        osg::Vec2d anchor;
        const bool visible = toScreen(viewProjection, view, label.anchor, anchor) && onScreen(anchor, view) &&
                             (label.alwaysOnTop || !scene || !hiddenBehindFeature(*scene, view.view, label));
        if (!visible) {
            ++stats_.labelsHidden;
            continue;
        }
        addLabel(label, anchor, scale, gapPx, scratch);
    }

    osg::ref_ptr<osg::Geode> texts = new osg::Geode;
    ShapeBatch lines, boxes;
    for (const PreparedDimension& dimension : content_.dimensions) {
        osg::Vec2d a, b;
        if (!toScreen(viewProjection, view, dimension.value.from, a) ||
            !toScreen(viewProjection, view, dimension.value.to, b))
            continue;
        drawDimension(dimension, a, b, scale, viewProjection, view, lines);
        addDimensionLabel(dimension, a, b, scale, gapPx, scratch);
    }

    LayoutSettings settings;
    settings.viewportWidth = view.width;
    settings.viewportHeight = view.height;
    settings.marginPx = 4 * scale;
    settings.cellPx = 96 * scale;
    const std::vector<LabelPlacement> placements = layoutLabels(scratch.requests, settings);
    for (size_t i = 0; i < placements.size(); ++i) {
        if (!placements[i].visible) {
            ++stats_.labelsHidden;
            continue;
        }
        ++stats_.labelsShown;
        drawItem(scratch.items[i], placements[i].box, scale, gapPx, lines, boxes, *texts);
    }
    attachInOrder(*camera_, {lines.geometry(), boxes.geometry()}, texts.get());
}

}  // namespace subterra
