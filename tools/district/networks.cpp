// Pressure and cable networks: runs along each street, split where they meet the same network of a
// crossing street. Water, power and telecom record a cover depth, in depth bands that keep them
// clear of each other where they cross (telecom shallowest, then power, then water); gas and
// district heating are surveyed in 3D and pass above or below what they cross.
#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "networks.h"
#include "random.h"

namespace district {
namespace {

constexpr double kVertexSpacing = 10.0;     // cover-recorded lines: Subterra places each vertex under the ground
constexpr double kAssumedWaterCover = 1.2;  // what Subterra assumes for a water main without a cover
// Depth bands, ground to crown / to underside: telecom 0.50-0.70, power 0.82-1.07, water from 1.20,
// each 0.12 m or more clear of the next.
constexpr double kTelecomTop = 0.50, kTelecomBottom = 0.70;
constexpr double kPowerTop = 0.82, kPowerBottom = 1.07;
constexpr double kWaterCoverMin = 1.20, kWaterCoverMax = 1.30;
constexpr double kGasCentreDepth = 1.05;   // ground to centreline: 0.9-1.0 m cover for DN100-300
constexpr double kSurveyedMaxSlope = 0.5;  // gas and heating ramps over and under crossings

// A straight run from `from` to `to` with a vertex at least every kVertexSpacing: a line recorded
// with a cover depth is placed at that depth under each vertex, so it follows the ground.
Ring runLine(const Street& street, double from, double to, double offset) {
    const int pieces = std::max(1, int(std::ceil((to - from) / kVertexSpacing)));
    Ring line;
    for (int i = 0; i <= pieces; ++i) line.push_back(street.at(from + (to - from) * i / pieces, offset));
    return line;
}

// A span's attributes and what it occupies: cover to its crown, vertical and plan size.
struct Span {
    std::string id;
    NamedValues values;
    double cover, height, width;
};

// Lays one cover-recorded network along every street, one feature per span, and registers it
// underground. `perStreet(street)` makes the street-wide choices (size, age) once and returns the
// function giving each span.
template <class PerStreet>
void layAlongStreets(Table& table, Generation& g, const char* utility, double offset, PerStreet perStreet) {
    for (const Street& street : g.layout.streets) {
        auto spanOf = perStreet(street);
        for (auto [from, to] : g.layout.spans(street, offset)) {
            Ring line = runLine(street, from, to, offset);
            const Span span = spanOf(line);
            Ring centre = line;
            for (Point3& p : centre) p.z = g.ground.level(p) - span.cover - span.height / 2;
            g.underground.addLine(span.id, utility, centre, span.height, span.width);
            table.addLine(std::move(line), span.values);
        }
    }
}

// Most of a street's main was laid in one go; about a fifth of its spans were renewed since.
int spanYear(int streetYear, Random& random) {
    return random.chance(0.2) ? random.integer(streetYear, 2020) : streetYear;
}

std::string waterMaterial(int year, int dn, Random& random) {
    if (year < 1965) return "cast iron";
    if (year < 1995) return dn >= 500 && random.chance(0.3) ? "steel" : "ductile iron";
    return dn <= 300 && random.chance(0.7) ? "PE" : "ductile iron";
}

Point3 along(const Ring& line, double distance) {
    const Point3 &a = line.front(), &b = line.back();
    const double t = distance / std::hypot(b.x - a.x, b.y - a.y);
    return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, 0};
}

// Some spans get a valve chamber just after the junction and an underground hydrant mid-span.
void addWaterFittings(Table& nodes, const Ring& main, int dn, double crownDepth, Generation& g, Random& random) {
    const double length = std::hypot(main.back().x - main.front().x, main.back().y - main.front().y);
    auto add = [&](const Point3& at, const char* prefix, const char* kind, double size, double floorBelowPipe) {
        const double ground = g.ground.level(at);
        const double invert = ground - crownDepth - dn / 1000.0 - floorBelowPipe;
        nodes.addPoint(at, {{"MH_ID", g.ids.next(prefix)},
                            {"KIND", kind},
                            {"UTILITY", "water"},
                            {"COVER_LEVEL", ground},
                            {"INVERT_LEVEL", invert},
                            {"SIZE", size}});
        g.underground.addShaft(at, size / 2, invert, ground);
    };
    if (length > 20 && random.chance(0.35)) add(along(main, 4.0), "V", "valve", 0.8, 0.2);
    if (length > 40 && random.chance(0.4)) add(along(main, length / 2), "HY", "hydrant", 0.3, 0.0);
}

void addWater(Tables& tables, Generation& g) {
    Random random(g.seed, "water");
    layAlongStreets(tables.water, g, "water", corridor::water, [&](const Street& street) {
        const int dn = street.isAvenue() ? random.pick({400, 500, 600}) : random.pick({150, 200, 300});
        const int year = random.integer(1930, 2015);
        return [&, dn, year](const Ring& line) -> Span {
            const int laid = spanYear(year, random);
            FieldValue cover;  // NULL for about one pipe in ten: depth unknown, shown at the assumed cover
            if (!random.chance(0.1)) cover = random.uniform(kWaterCoverMin, kWaterCoverMax);
            const double crownDepth =
                std::holds_alternative<double>(cover) ? std::get<double>(cover) : kAssumedWaterCover;
            addWaterFittings(tables.manholes, line, dn, crownDepth, g, random);
            const std::string id = g.ids.next("W");
            return {id,
                    {{"PIPE_ID", id},
                     {"DN", dn},
                     {"MATERIAL", waterMaterial(laid, dn, random)},
                     {"YEAR", laid},
                     {"COVER", cover}},
                    crownDepth,
                    dn / 1000.0,
                    dn / 1000.0};
        };
    });
}

// Power and telecom both run in rectangular duct banks: size, age and a descriptive label (the
// field `labelField`) are chosen per street, the cover per span, within the bank's depth band.
struct DuctBank {
    const char* stream;
    const char* utility;
    const char* idPrefix;
    double offset;
    std::vector<double> widths, heights;
    double top, bottom;  // depth band: ground to crown, ground to underside
    int firstYear;
    const char* labelField;
};

template <class LabelFor>
void addDuctBanks(Table& table, Generation& g, const DuctBank& bank, LabelFor labelFor) {
    Random random(g.seed, bank.stream);
    layAlongStreets(table, g, bank.utility, bank.offset, [&](const Street& street) {
        const double width = random.pick(bank.widths), height = random.pick(bank.heights);
        const std::string label = labelFor(street, random);
        const int year = random.integer(bank.firstYear, 2018);
        return [&, width, height, label, year](const Ring&) -> Span {
            const std::string id = g.ids.next(bank.idPrefix);
            const double cover = random.uniform(bank.top, bank.bottom - height);
            return {id,
                    {{"DUCT_ID", id},
                     {"WIDTH", width},
                     {"HEIGHT", height},
                     {"COVER", cover},
                     {"YEAR", spanYear(year, random)},
                     {bank.labelField, label}},
                    cover,
                    height,
                    width};
        };
    });
}

void addPower(Table& power, Generation& g) {
    const DuctBank bank{"power",   "power",      "P",  corridor::power, {0.4, 0.6, 0.8, 1.0}, {0.2, 0.25},
                        kPowerTop, kPowerBottom, 1970, "VOLTAGE"};
    addDuctBanks(power, g, bank, [](const Street& street, Random& random) -> std::string {
        return street.isAvenue() ? "35 kV" : random.pick({"10 kV", "0.4 kV"});
    });
}

void addTelecom(Table& telecom, Generation& g) {
    const DuctBank bank{
        "telecom",      "telecom", "T",    corridor::telecom, {0.2, 0.3, 0.4, 0.6}, {0.15, 0.2}, kTelecomTop,
        kTelecomBottom, 1985,      "OWNER"};
    addDuctBanks(telecom, g, bank, [](const Street&, Random& random) -> std::string {
        return random.pick({"China Telecom", "China Mobile", "China Unicom"});
    });
}

// One surveyed pipe along a whole street at `offset`, `centreDepth` below the ground where nothing is
// in the way, cut into one feature per span. `spanIds` names the spans in order (for reports);
// `pinJunctions` keeps it at that depth where it meets its own network of the crossing streets.
std::vector<Ring> laySurveyedStreet(Generation& g, const Street& street, double offset, double radius,
                                    double centreDepth, const std::vector<std::string>& spanIds, bool pinJunctions,
                                    const Throughs& throughs) {
    const Point3 a = street.at(street.from, offset), b = street.at(street.to, offset);
    auto groundAt = [&](double s) { return g.ground.level(alongSegment(a, b, s)); };
    ProfileSpec spec;
    spec.nominal = [&](double s) { return groundAt(s) - centreDepth; };
    spec.ceiling = [&](double s) { return groundAt(s) - kMinCover - radius; };
    spec.start = {-1e9, 1e9, spec.nominal(0)};
    spec.end = {-1e9, 1e9, spec.nominal(street.to - street.from)};
    spec.maxSlope = kSurveyedMaxSlope;
    spec.vertexSpacing = kVertexSpacing;
    if (pinJunctions)
        for (double station : g.layout.crossingStations(street, offset))
            spec.pins.push_back({station - street.from, spec.nominal(station - street.from)});
    const auto spans = g.layout.spans(street, offset);
    auto idAt = [&](double s) {
        for (size_t i = 0; i < spans.size(); ++i)
            if (s + street.from <= spans[i].second || i + 1 == spans.size()) return spanIds[i];
        return spanIds.back();
    };
    const Ring line = layIn3D(g, idAt, a, b, radius, spec, throughs);

    // Cut at the span ends, with a vertex exactly there.
    std::vector<Ring> pieces;
    auto stationOf = [&](const Point3& p) { return std::hypot(p.x - a.x, p.y - a.y) + street.from; };
    auto pointAt = [&](double station) {
        for (size_t i = 0; i + 1 < line.size(); ++i) {
            const double s0 = stationOf(line[i]), s1 = stationOf(line[i + 1]);
            if (station <= s1 || i + 2 == line.size()) {
                const double t = s1 > s0 ? (station - s0) / (s1 - s0) : 0;
                return street.at(station, offset, line[i].z + (line[i + 1].z - line[i].z) * t);
            }
        }
        return line.front();
    };
    for (auto [from, to] : spans) {
        Ring piece = {pointAt(from)};
        for (const Point3& p : line)
            if (stationOf(p) > from + 0.001 && stationOf(p) < to - 0.001) piece.push_back(p);
        piece.push_back(pointAt(to));
        pieces.push_back(std::move(piece));
    }
    return pieces;
}

std::vector<std::string> nextIds(Generation& g, const char* prefix, size_t count) {
    std::vector<std::string> ids;
    for (size_t i = 0; i < count; ++i) ids.push_back(g.ids.next(prefix));
    return ids;
}

void addGas(Table& gas, Generation& g) {
    Random random(g.seed, "gas");
    for (const Street& street : g.layout.streets) {
        const int dn = street.isAvenue() ? random.pick({200, 300}) : random.pick({100, 150, 200});
        const char* pressure = street.isAvenue() ? "MP 0.4 MPa" : "LP 2.5 kPa";
        const int year = random.integer(1960, 2018);
        const std::vector<std::string> ids = nextIds(g, "G", g.layout.spans(street, corridor::gas).size());
        const std::vector<Ring> spans = laySurveyedStreet(g, street, corridor::gas, dn / 2000.0, kGasCentreDepth, ids,
                                                          true, {{Conflict::GasThroughPower, "power"}});
        for (size_t i = 0; i < spans.size(); ++i) {
            const int laid = spanYear(year, random);
            g.underground.addLine(ids[i], "gas", spans[i], dn / 1000.0, dn / 1000.0);
            gas.addLine(spans[i], {{"PIPE_ID", ids[i]},
                                   {"DN", dn},
                                   {"MATERIAL", laid >= 1990 && dn <= 200 ? "PE" : "steel"},
                                   {"YEAR", laid},
                                   {"PRESSURE", pressure}});
        }
    }
}

void addHeating(Table& heating, Generation& g) {
    Random random(g.seed, "heating");
    constexpr int dn = kHeatingDiameter;
    for (const Street* street : g.layout.streetsAlong(Axis::EastWest)) {
        if (!carriesHeating(*street)) continue;
        const int year = random.integer(1995, 2015);
        for (auto [offset, medium] :
             {std::pair{corridor::heatingSupply, "supply"}, std::pair{corridor::heatingReturn, "return"}}) {
            const std::vector<std::string> ids = nextIds(g, "H", g.layout.spans(*street, offset).size());
            const std::vector<Ring> spans = laySurveyedStreet(g, *street, offset, dn / 2000.0, kHeatingCentreDepth, ids,
                                                              false, {{Conflict::HeatingThroughWater, "water"}});
            for (size_t i = 0; i < spans.size(); ++i) {
                g.underground.addLine(ids[i], "heating", spans[i], dn / 1000.0, dn / 1000.0);
                heating.addLine(spans[i], {{"PIPE_ID", ids[i]},
                                           {"DN", dn},
                                           {"MEDIUM", medium},
                                           {"MATERIAL", "pre-insulated steel"},
                                           {"YEAR", year}});
            }
        }
    }
}

}  // namespace

void addCoverMains(Tables& tables, Generation& generation) {
    addWater(tables, generation);
    addPower(tables.power, generation);
    addTelecom(tables.telecom, generation);
}

void addSurveyedMains(Tables& tables, Generation& generation) {
    addGas(tables.gas, generation);
    addHeating(tables.heating, generation);
}

}  // namespace district
