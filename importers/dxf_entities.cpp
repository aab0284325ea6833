#include "dxf_entities.h"

#include <ogr_feature.h>

namespace subterra {

int convertDxfEntity(OGRFeature& feature, const ConversionContext& context, const GisLayerOptions& options,
                     std::vector<PendingSegment>& out, LayerReport& report) {
    const OGRGeometry* geometry = feature.GetGeometryRef();
    const OGRwkbGeometryType flat = geometry ? OGR_GT_GetLinear(wkbFlatten(geometry->getGeometryType())) : wkbUnknown;
    if (flat != wkbLineString && flat != wkbMultiLineString) {
        report.countsByKind[std::string("skipped ") +
                            (geometry ? geometry->getGeometryName() : "entity without geometry")]++;
        return 0;
    }
    const int index = feature.GetFieldIndex("Layer");
    const std::string dxfLayer = index >= 0 ? feature.GetFieldAsString(index) : "";
    const size_t first = out.size();
    const int made = convertLineFeature(feature, context, out);
    const DxfLayerRule* rule = findDxfLayerRule(options, dxfLayer);
    std::optional<double> diameterMm =
        rule && rule->diameterMm ? rule->diameterMm : diameterFromLayerName(options.dxfDiameterPattern, dxfLayer);
    std::optional<UtilityKind> utility = rule && rule->utility ? rule->utility : utilityFromName(dxfLayer);
    for (size_t i = first; i < out.size(); ++i) {
        PendingSegment& pending = out[i];
        if (utility) pending.segment.utility = *utility;
        if (diameterMm && !pending.rawDiameter) pending.rawDiameter = *diameterMm;  // finishSegments reads mm
        pending.segment.attributes["dxf_layer"] = dxfLayer;
    }
    if (made > 0) report.countsByKind["lines on DXF layer " + dxfLayer] += made;
    return made;
}

}  // namespace subterra
