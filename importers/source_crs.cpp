#include "source_crs.h"

#include "crs.h"

namespace subterra {

std::optional<std::string> resolveSourceCrs(const std::string& fileCrsWkt, const LayerSpec& spec,
                                            const ImportContext& context, LayerReport& report, Problems& problems) {
    const std::string where = "layer '" + (spec.name.empty() ? spec.table : spec.name) + "'";
    auto declared = [&](const std::string& userCrs, const char* by) -> std::optional<std::string> {
        std::string error;
        auto wkt = crsToWkt(userCrs, error);
        if (!wkt) {
            problems.push_back({Severity::Error, spec.source, where, std::string(by) + ": " + error});
            return std::nullopt;
        }
        report.sourceCrsWkt = *wkt;
        std::string note = "coordinates: in " + crsDisplayName(*wkt) + " (" + by;
        if (!fileCrsWkt.empty() && !crsEquivalent(fileCrsWkt, *wkt))
            note += "; the file says " + crsDisplayName(fileCrsWkt) + ", which is overridden";
        report.notes.push_back(note + ")");
        return wkt;
    };
    if (!spec.sourceCrs.empty()) return declared(spec.sourceCrs, "the layer's \"crs\"");
    if (!fileCrsWkt.empty()) {
        report.sourceCrsWkt = fileCrsWkt;
        return fileCrsWkt;
    }
    if (!spec.fallbackCrs.empty()) return declared(spec.fallbackCrs, "--input-crs");
    if (!context.projectCrsWkt.empty()) {
        problems.push_back({Severity::Warning, spec.source, where,
                            "no CRS declared; coordinates taken to be in the project CRS (declare one with "
                            "--input-crs or the layer's \"crs\")"});
        report.notes.push_back("coordinates: no CRS declared; taken to be in the project CRS");
    }
    return context.declaredCrsWkt.empty() ? context.projectCrsWkt : context.declaredCrsWkt;
}

std::optional<SourceTransform> sourceTransform(const std::string& fileCrsWkt, const LayerSpec& spec,
                                               const ImportContext& context, LayerReport& report, Problems& problems) {
    auto crs = resolveSourceCrs(fileCrsWkt, spec, context, report, problems);
    if (!crs) return std::nullopt;
    if (crsIsMetric(*crs)) report.units = "m";
    std::string error;
    auto transform = CrsTransform::create(*crs, context.projectCrsWkt, error);
    if (!transform) {
        problems.push_back({Severity::Error, spec.source, "", error});
        return std::nullopt;
    }
    return SourceTransform{std::move(*crs), std::move(transform)};
}

}  // namespace subterra
