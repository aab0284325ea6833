#include "color_by.h"

#include <algorithm>
#include <map>
#include <osg/Geode>
#include <osg/NodeVisitor>

#include "mesh_buffer.h"

namespace subterra {

const char* toString(ColorBy mode) {
    switch (mode) {
        case ColorBy::Layer: return "layer";
        case ColorBy::Material: return "material";
        case ColorBy::Diameter: return "diameter";
        case ColorBy::Year: return "install year";
        case ColorBy::DepthSource: return "depth knowledge";
    }
    return "";
}

namespace {
const osg::Vec4 kUnknown(0.62f, 0.62f, 0.64f, 1.0f);
// Ten colours that stay apart on the pale ground (Tableau 10).
const osg::Vec4 kCategories[] = {{0.12f, 0.47f, 0.71f, 1}, {1.00f, 0.50f, 0.05f, 1}, {0.17f, 0.63f, 0.17f, 1},
                                 {0.84f, 0.15f, 0.16f, 1}, {0.58f, 0.40f, 0.74f, 1}, {0.55f, 0.34f, 0.29f, 1},
                                 {0.89f, 0.47f, 0.76f, 1}, {0.50f, 0.50f, 0.50f, 1}, {0.74f, 0.74f, 0.13f, 1},
                                 {0.15f, 0.20f, 0.35f, 1}};  // not cyan: that is the selection
// Ordered bins, light to dark / old (warm) to new (cool).
const osg::Vec4 kRamp[] = {{0.99f, 0.82f, 0.25f, 1}, {0.96f, 0.55f, 0.20f, 1}, {0.85f, 0.28f, 0.28f, 1},
                           {0.60f, 0.20f, 0.50f, 1}, {0.30f, 0.20f, 0.60f, 1}, {0.10f, 0.15f, 0.45f, 1}};

struct Bins {
    std::vector<double> upper;  // bin i holds values < upper[i]; the last is open
    std::vector<std::string> labels;
};

// One feature's legend entry index, or -1 for unknown.
class Classifier {
  public:
    Classifier(const Model& model, ColorBy mode) : mode_(mode) {
        if (mode == ColorBy::Material) {
            std::map<std::string, int> counts;
            std::map<std::string, std::string> spelling;  // the legend shows the data's own spelling
            for (const auto& s : model.segments)
                if (!s.material.empty()) {
                    ++counts[lower(s.material)];
                    spelling.emplace(lower(s.material), s.material);
                }
            std::vector<std::pair<int, std::string>> byCount;
            for (const auto& [m, n] : counts) byCount.push_back({-n, m});
            std::sort(byCount.begin(), byCount.end());
            for (size_t i = 0; i < byCount.size() && i < 9; ++i) {
                materials_[byCount[i].second] = int(i);
                legend_.push_back({spelling[byCount[i].second], kCategories[i]});
            }
            if (byCount.size() > 9) legend_.push_back({"other materials", kCategories[9]});
        } else if (mode == ColorBy::Diameter) {
            bins_ = {{100, 200, 300, 500, 1000},
                     {"< 100 mm", "100-199 mm", "200-299 mm", "300-499 mm", "500-999 mm", ">= 1000 mm"}};
        } else if (mode == ColorBy::Year) {
            bins_ = {{1950, 1970, 1990, 2010}, {"before 1950", "1950-1969", "1970-1989", "1990-2009", "2010 or later"}};
        } else if (mode == ColorBy::DepthSource) {
            legend_ = {{"measured in 3D", {0.15f, 0.65f, 0.25f, 1}},
                       {"from invert levels", {0.15f, 0.45f, 0.85f, 1}},
                       {"from cover depth", {0.95f, 0.65f, 0.10f, 1}},
                       {"assumed", {0.85f, 0.15f, 0.15f, 1}}};
        }
        for (size_t i = 0; i < bins_.labels.size(); ++i) legend_.push_back({bins_.labels[i], kRamp[i]});
        legend_.push_back({"unknown", kUnknown});
    }

    int classify(const Segment& s) const {
        switch (mode_) {
            case ColorBy::Material: {
                if (s.material.empty()) return unknown();
                auto it = materials_.find(lower(s.material));
                return it != materials_.end() ? it->second : int(legend_.size()) - 2;  // "other materials"
            }
            case ColorBy::Diameter:
                return s.section.isKnown() && !s.section.assumed ? bin(s.section.verticalExtentM() * 1000) : unknown();
            case ColorBy::Year: return s.installYear > 0 ? bin(s.installYear) : unknown();
            case ColorBy::DepthSource: return int(s.depthSource);
            case ColorBy::Layer: break;
        }
        return -1;
    }
    int classify(const Node& n) const { return mode_ == ColorBy::DepthSource ? int(n.depthSource) : -1; }
    std::vector<LegendEntry>& legend() { return legend_; }

  private:
    static std::string lower(std::string t) {
        std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        return t;
    }
    int unknown() const { return int(legend_.size()) - 1; }
    int bin(double value) const {
        size_t i = 0;
        while (i < bins_.upper.size() && value >= bins_.upper[i]) ++i;
        return int(i);
    }
    ColorBy mode_;
    Bins bins_;
    std::map<std::string, int> materials_;
    std::vector<LegendEntry> legend_;
};

class GeometryCollector : public osg::NodeVisitor {
  public:
    GeometryCollector() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) { setNodeMaskOverride(~0u); }
    void apply(osg::Geode& geode) override {
        for (unsigned i = 0; i < geode.getNumDrawables(); ++i)
            if (auto* g = geode.getDrawable(i)->asGeometry()) geometries.push_back(g);
    }
    std::vector<osg::Geometry*> geometries;
};
}  // namespace

std::vector<LegendEntry> applyColorBy(BuiltScene& scene, const Model& model, ColorBy mode) {
    if (mode == ColorBy::Layer) return {};
    Classifier classifier(model, mode);
    auto& legend = classifier.legend();
    for (auto& [layer, group] : scene.layers) {
        // This layer's features by id: entry index, or -1 to keep the colour.
        std::map<std::string, int> entryOf;
        for (const auto& s : model.segments)
            if (s.layer == layer) entryOf[s.id] = classifier.classify(s);
        for (const auto& n : model.nodes)
            if (n.layer == layer) entryOf[n.id] = classifier.classify(n);
        for (const auto& [id, entry] : entryOf)
            if (entry >= 0) ++legend[size_t(entry)].count;
        GeometryCollector collector;
        group->accept(collector);
        std::sort(collector.geometries.begin(), collector.geometries.end());
        collector.geometries.erase(std::unique(collector.geometries.begin(), collector.geometries.end()),
                                   collector.geometries.end());  // translucent layers share one geode
        for (osg::Geometry* geometry : collector.geometries) {
            const auto* table = dynamic_cast<const FeatureTable*>(geometry->getUserData());
            const auto* index = dynamic_cast<const osg::FloatArray*>(geometry->getVertexAttribArray(kFeatureAttribute));
            auto* colors = dynamic_cast<osg::Vec4Array*>(geometry->getColorArray());
            if (!table || !index || !colors || colors->size() != index->size()) continue;
            std::vector<int> entries(table->ids.size(), -1);
            for (size_t f = 0; f < table->ids.size(); ++f) {
                auto it = entryOf.find(table->ids[f]);
                if (it != entryOf.end()) entries[f] = it->second;
            }
            for (size_t v = 0; v < colors->size(); ++v) {
                const size_t f = size_t((*index)[v]);
                if (f >= entries.size() || entries[f] < 0) continue;
                const float alpha = (*colors)[v].a();
                (*colors)[v] = legend[size_t(entries[f])].color;
                (*colors)[v].a() = alpha;
            }
            colors->dirty();
        }
    }
    legend.erase(std::remove_if(legend.begin(), legend.end(), [](const LegendEntry& e) { return e.count == 0; }),
                 legend.end());
    return legend;
}

}  // namespace subterra
