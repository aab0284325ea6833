// bench_inp [--links N] [--dir DIR]: parse time of the EPANET and SWMM importers per 10k links,
// against GDAL/OGR reading the same network from a GeoPackage through the vector importer.
// Generates a grid network of about N links (default 100000) in each format, plus the GeoPackage
// (pipes as LineStrings, junctions as Points). Prints `name value unit` lines; judges nothing.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <string>

#include "epanet_importer.h"
#include "swmm_importer.h"
#include "vector_importer.h"

using namespace subterra;

namespace {
struct Grid {
    int side;  // side x side nodes, links to the right and upwards
    std::string node(int i, int j) const { return "N" + std::to_string(i) + "_" + std::to_string(j); }
    double x(int i) const { return 1000.0 + 50.0 * i; }
    double y(int j) const { return 2000.0 + 50.0 * j; }
    double elevation(int i, int j) const { return 100 + 0.01 * i + 0.02 * j; }
    // Calls link(id, from, to) for every link.
    void forEachLink(const std::function<void(const std::string&, int, int, int, int)>& link) const {
        for (int i = 0; i < side; ++i)
            for (int j = 0; j < side; ++j) {
                if (i + 1 < side) link("H" + std::to_string(i) + "_" + std::to_string(j), i, j, i + 1, j);
                if (j + 1 < side) link("V" + std::to_string(i) + "_" + std::to_string(j), i, j, i, j + 1);
            }
    }
};

void writeEpanet(const Grid& g, const std::string& path) {
    std::ofstream out(path);
    out << "[TITLE]\nbench grid\n[OPTIONS]\nUnits LPS\n[JUNCTIONS]\n";
    for (int i = 0; i < g.side; ++i)
        for (int j = 0; j < g.side; ++j) out << g.node(i, j) << "\t" << g.elevation(i, j) << "\t1\t;\n";
    out << "[PIPES]\n";
    g.forEachLink([&](const std::string& id, int i, int j, int k, int l) {
        out << id << "\t" << g.node(i, j) << "\t" << g.node(k, l) << "\t50\t200\t100\t0\tOpen\t;\n";
    });
    out << "[COORDINATES]\n";
    for (int i = 0; i < g.side; ++i)
        for (int j = 0; j < g.side; ++j) out << g.node(i, j) << "\t" << g.x(i) << "\t" << g.y(j) << "\n";
    out << "[END]\n";
}

void writeSwmm(const Grid& g, const std::string& path) {
    std::ofstream out(path);
    out << "[OPTIONS]\nFLOW_UNITS CMS\nLINK_OFFSETS DEPTH\n[JUNCTIONS]\n";
    for (int i = 0; i < g.side; ++i)
        for (int j = 0; j < g.side; ++j) out << g.node(i, j) << "  " << g.elevation(i, j) << "  3  0  0  0\n";
    out << "[CONDUITS]\n";
    g.forEachLink([&](const std::string& id, int i, int j, int k, int l) {
        out << id << "  " << g.node(i, j) << "  " << g.node(k, l) << "  50  0.013  0  0.1  0  0\n";
    });
    out << "[XSECTIONS]\n";
    g.forEachLink([&](const std::string& id, int, int, int, int) { out << id << "  CIRCULAR  0.3  0  0  0  1\n"; });
    out << "[COORDINATES]\n";
    for (int i = 0; i < g.side; ++i)
        for (int j = 0; j < g.side; ++j) out << g.node(i, j) << "  " << g.x(i) << "  " << g.y(j) << "\n";
}

void writeGeoPackage(const Grid& g, const std::string& path) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    OGRLayer* pipes = ds->CreateLayer("pipes", nullptr, wkbLineString, nullptr);
    OGRLayer* junctions = ds->CreateLayer("junctions", nullptr, wkbPoint, nullptr);
    for (const char* name : {"id", "from_node", "to_node"}) {
        OGRFieldDefn field(name, OFTString);
        pipes->CreateField(&field);
    }
    for (const char* name : {"diameter", "length"}) {
        OGRFieldDefn field(name, OFTReal);
        pipes->CreateField(&field);
    }
    OGRFieldDefn id("id", OFTString), elevation("elevation", OFTReal);
    junctions->CreateField(&id);
    junctions->CreateField(&elevation);
    ds->StartTransaction();
    g.forEachLink([&](const std::string& name, int i, int j, int k, int l) {
        OGRFeature feature(pipes->GetLayerDefn());
        feature.SetField("id", name.c_str());
        feature.SetField("from_node", g.node(i, j).c_str());
        feature.SetField("to_node", g.node(k, l).c_str());
        feature.SetField("diameter", 0.2);
        feature.SetField("length", 50.0);
        OGRLineString line;
        line.addPoint(g.x(i), g.y(j));
        line.addPoint(g.x(k), g.y(l));
        feature.SetGeometry(&line);
        if (pipes->CreateFeature(&feature) != OGRERR_NONE)
            std::fprintf(stderr, "bench_inp: cannot write %s\n", name.c_str());
    });
    for (int i = 0; i < g.side; ++i)
        for (int j = 0; j < g.side; ++j) {
            OGRFeature feature(junctions->GetLayerDefn());
            feature.SetField("id", g.node(i, j).c_str());
            feature.SetField("elevation", g.elevation(i, j));
            OGRPoint point(g.x(i), g.y(j));
            feature.SetGeometry(&point);
            if (junctions->CreateFeature(&feature) != OGRERR_NONE)
                std::fprintf(stderr, "bench_inp: cannot write a junction\n");
        }
    ds->CommitTransaction();
    GDALClose(ds);
}

// Best of `runs` wall-clock times in milliseconds.
double bestMs(int runs, const std::function<size_t()>& work, size_t& features) {
    double best = 1e300;
    for (int r = 0; r < runs; ++r) {
        const auto start = std::chrono::steady_clock::now();
        features = work();
        best =
            std::min(best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}
}  // namespace

int main(int argc, char** argv) {
    long links = 100000;
    std::string dir = "/tmp/subterra-bench-inp";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--links")) links = std::atol(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    }
    GDALAllRegister();
    const Grid grid{std::max(2, int(std::lround(std::sqrt(links / 2.0))))};
    const double realLinks = 2.0 * grid.side * (grid.side - 1);
    std::filesystem::create_directories(dir);
    const std::string epanet = dir + "/grid_epanet.inp", swmm = dir + "/grid_swmm.inp", gpkg = dir + "/grid.gpkg";
    writeEpanet(grid, epanet);
    writeSwmm(grid, swmm);
    std::filesystem::remove(gpkg);
    writeGeoPackage(grid, gpkg);
    std::printf("links %.0f count\nnodes %d count\n", realLinks, grid.side * grid.side);

    const ImportContext context{"", [](double, double) { return 0.0; }};
    size_t features = 0;
    // Takes the work, not its result: `features` is only set once the runs are over.
    auto report = [&](const char* name, const std::function<size_t()>& work) {
        const double ms = bestMs(3, work, features);
        std::printf("%s %.1f ms_per_10k_links (%.0f ms total, %zu features)\n", name, ms * 1e4 / realLinks, ms,
                    features);
    };
    LayerSpec spec;
    spec.name = "grid";
    spec.source = epanet;
    report("epanet_import", [&] {
        auto r = importEpanet(spec, context);
        return r.segments.size() + r.nodes.size();
    });
    spec.source = swmm;
    report("swmm_import", [&] {
        auto r = importSwmm(spec, context);
        return r.segments.size() + r.nodes.size();
    });
    LayerSpec pipes = spec, junctions = spec;
    pipes.source = junctions.source = gpkg;
    pipes.table = "pipes";
    pipes.type = FeatureType::Segments;
    pipes.utility = UtilityKind::Water;
    junctions.table = "junctions";
    junctions.type = FeatureType::Nodes;
    junctions.utility = UtilityKind::Water;
    report("gdal_gpkg_import", [&] {
        auto a = importVectorLayer(pipes, context);
        auto b = importVectorLayer(junctions, context);
        return a.segments.size() + b.nodes.size();
    });
    return 0;
}
