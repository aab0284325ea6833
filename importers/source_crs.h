#pragma once
// Which CRS a layer's coordinates are in, decided in one place for every kind of layer.
#include <memory>
#include <optional>
#include <string>

#include "crs.h"
#include "layer_report.h"
#include "layer_spec.h"
#include "problem.h"
#include "import_context.h"

namespace subterra {

// In order: the layer's own "crs" (spec.sourceCrs: the user's word beats a wrong .prj), the CRS
// the file declares (`fileCrsWkt`), --input-crs (spec.fallbackCrs: for inputs that declare none),
// else the project CRS as the user gave it (context.declaredCrsWkt), with a warning that the
// coordinates are taken to be in it. Sets report.sourceCrsWkt and adds a note saying which it was.
// nullopt (and an Error naming the layer) when a CRS the user gave is unknown.
std::optional<std::string> resolveSourceCrs(const std::string& fileCrsWkt, const LayerSpec& spec,
                                            const ImportContext& context, LayerReport& report, Problems& problems);

// resolveSourceCrs() and the transform from that CRS into the project CRS, which every importer
// of files that declare their CRS needs; report.units becomes "m" for a metric source CRS.
// nullopt when either cannot be had (an Error says why).
struct SourceTransform {
    std::string crsWkt;
    std::unique_ptr<CrsTransform> transform;
};
std::optional<SourceTransform> sourceTransform(const std::string& fileCrsWkt, const LayerSpec& spec,
                                               const ImportContext& context, LayerReport& report, Problems& problems);

}  // namespace subterra
