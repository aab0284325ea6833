// generate_district: writes a deterministic synthetic underground-utility district (the committed
// sample, or a large benchmark city) as a GeoPackage, a GeoTIFF DEM and a Subterra project file.
//
//   generate_district --out DIR [--segments N] [--seed S]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "district/buildings.h"
#include "district/networks.h"
#include "district/output.h"
#include "district/project.h"

using namespace district;

namespace {

constexpr int kEpsg = 32651;  // WGS 84 / UTM zone 51N
constexpr const char* kCrs = "EPSG:32651";
constexpr double kDemMargin = 20;
constexpr double kSampleDemCell = 2, kCityDemCell = 10;  // the city's DEM stays a few MB

const char* const kUsage = "usage: generate_district --out DIR [--segments N] [--seed S]\n";

struct Options {
    std::string out;
    std::optional<long> segments;  // set: a benchmark city of about this many line features
    uint32_t seed = 1;
};

long parseWholeNumber(const std::string& text) {
    size_t used = 0;
    const long value = std::stol(text, &used);
    if (used != text.size() || value < 0) throw std::invalid_argument(text);
    return value;
}

std::optional<Options> parseArguments(int argc, char** argv) {
    Options options;
    try {
        for (int i = 1; i + 1 < argc; i += 2) {
            const std::string option = argv[i], value = argv[i + 1];
            if (option == "--out") options.out = value;
            else if (option == "--segments") options.segments = parseWholeNumber(value);
            else if (option == "--seed") options.seed = uint32_t(parseWholeNumber(value));
            else return std::nullopt;
        }
    } catch (const std::exception&) {
        return std::nullopt;
    }
    const bool everyOptionHasValue = argc % 2 == 1;
    if (!everyOptionHasValue || options.out.empty() || (options.segments && *options.segments < 1)) return std::nullopt;
    return options;
}

struct District {
    Layout layout;
    Ground ground;
    Tables tables;
    std::vector<std::string> conflicts;  // laid on purpose
    std::vector<std::string> problems;   // crossings that could not be cleared
};

District generate(const LayoutSpec& spec, uint32_t seed) {
    Layout layout = makeLayout(spec, seed);
    const Ground ground(layout.extent, seed);
    District district{std::move(layout), ground, makeTables(), {}, {}};
    Generation generation(district.layout, district.ground, seed);
    // Deepest constraints first: each network is laid clear of the ones before it.
    addCoverMains(district.tables, generation);
    addGravityNetworks(district.tables, generation);
    addSurveyedMains(district.tables, generation);
    addGullies(district.tables, generation);
    addBuildings(district.tables, generation);
    district.conflicts = std::move(generation.conflicts.laid);
    district.problems = std::move(generation.problems);
    return district;
}

// A city of about `target` line features: the sample's street spacing and 3:2 shape on a larger
// grid, sized from the sample's density and then corrected once from a trial generation.
LayoutSpec citySpec(long target, uint32_t seed) {
    LayoutSpec spec;
    for (int pass = 0; pass < 2; ++pass) {
        const double scale = std::sqrt(double(target) / double(generate(spec, seed).tables.lineFeatureCount()));
        spec.eastWestStreets = std::max(1, int(std::lround(spec.eastWestStreets * scale)));
        spec.northSouthStreets = std::max(1, int(std::lround(spec.northSouthStreets * scale)));
    }
    return spec;
}

void writeDistrict(const District& district, const std::filesystem::path& dir, const Options& options) {
    std::filesystem::create_directories(dir);
    const std::vector<const Table*> tables = district.tables.all();
    writeGeoPackage((dir / "district.gpkg").string(), tables, kEpsg);
    const double demCell = options.segments ? kCityDemCell : kSampleDemCell;
    writeDem((dir / "dem.tif").string(), demGridAround(district.layout.extent, kDemMargin, demCell), district.ground,
             kEpsg);

    const std::string seed = "seed " + std::to_string(options.seed);
    ProjectFiles files;
    files.name = options.segments ? "Synthetic city, " + std::to_string(*options.segments) + " segments (" + seed + ")"
                                  : "Synthetic Shanghai district (" + seed + ")";
    files.crs = kCrs;
    files.geoPackage = "district.gpkg";
    files.dem = "dem.tif";
    const Point3 centre = district.layout.extent.centre();
    files.flatLevel = std::round(district.ground.level(centre) * 10) / 10;
    writeProject((dir / "district.subterra.json").string(), files, tables, makeViews(district.layout, district.ground),
                 makeCutSites(district.layout),
                 makeExplainer(district.layout, district.ground, district.tables.sewer, district.tables.water));
}

void printSummary(const District& district, const std::filesystem::path& dir, double seconds) {
    for (const Table* table : district.tables.all())
        std::printf("%-18s %8zu\n", table->name().c_str(), table->features().size());
    const Extent2& e = district.layout.extent;
    std::printf("line features      %8zu\nextent %s: %.0f %.0f - %.0f %.0f (%.0f x %.0f m)\n",
                district.tables.lineFeatureCount(), kCrs, e.minX, e.minY, e.maxX, e.maxY, e.width(), e.height());
    std::printf("deliberate conflicts (line x line it passes through): %zu\n", district.conflicts.size());
    for (const std::string& conflict : district.conflicts) std::printf("  %s\n", conflict.c_str());
    if (!district.problems.empty()) {
        std::fprintf(stderr, "generate_district: %zu crossings could not be cleared\n", district.problems.size());
        for (size_t i = 0; i < std::min<size_t>(district.problems.size(), 20); ++i)
            std::fprintf(stderr, "  %s\n", district.problems[i].c_str());
    }
    std::printf("wrote %s in %.1f s\n", dir.string().c_str(), seconds);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<Options> options = parseArguments(argc, argv);
    if (!options) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        const LayoutSpec spec = options->segments ? citySpec(*options->segments, options->seed) : LayoutSpec{};
        const District district = generate(spec, options->seed);
        writeDistrict(district, options->out, *options);
        printSummary(district, options->out,
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "generate_district: %s\n", error.what());
        return 1;
    }
    return 0;
}
