#include "checks_view.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

#include "check_markers.h"
#include "atomic_file.h"
#include "check_report.h"

namespace subterra {

void runViewerChecks(SceneSession& session, ChecksView& checks) {
    checks.results = runChecks(session.model(), session.checkRules());
    checks.ranked = violationsBySeverity(*checks.results, session.model());
    checks.lines = checkLines(*checks.results, session.model());  // in the ranked order
    checks.rowsValid = false;
    if (checks.attachedTo.valid()) checks.attachedTo->removeChild(checks.markers);
    checks.attachedTo = nullptr;
    checks.markers = buildCheckMarkers(*checks.results, session.model(), session.scene().origin,
                                       markerRadiusFor(session.scene().extent));
    checks.markers->setName("check markers");
}

void syncCheckMarkers(SceneSession& session, ChecksView& checks) {
    if (!checks.markers) return;
    osg::Group* world = session.scene().world.get();
    const bool wanted = checks.showMarkers;
    osg::ref_ptr<osg::Group> attached;
    checks.attachedTo.lock(attached);
    if (attached && (!wanted || attached.get() != world)) {
        attached->removeChild(checks.markers);
        checks.attachedTo = nullptr;
        attached = nullptr;
    }
    if (wanted && !attached && world) {
        world->addChild(checks.markers);
        checks.attachedTo = world;
    }
}

void goToViolation(SceneSession& session, const ChecksView& checks, size_t index, double aspect) {
    if (!checks.results) return;
    const CheckResults& r = *checks.results;
    const Model& model = session.model();
    Vec3d spot;
    size_t segment = 0;
    if (index < r.clearance.size()) {
        const ClearanceViolation& v = r.clearance[index];
        spot = {(v.pointA.x + v.pointB.x) / 2, (v.pointA.y + v.pointB.y) / 2, (v.pointA.z + v.pointB.z) / 2};
        segment = v.a;
    } else if (index - r.clearance.size() < r.cover.size()) {
        const CoverViolation& v = r.cover[index - r.clearance.size()];
        spot = v.point;
        segment = v.segment;
    } else {
        return;
    }
    session.select(model.segments[segment].layer, model.segments[segment].id);
    // Far enough back that the marker (sized for the whole scene) leaves the lines around it in view.
    const double radius = std::max(6.0, 3 * markerRadiusFor(session.scene().extent));
    session.camera().focus(osg::BoundingSphered(osg::Vec3d(spot.x, spot.y, spot.z), radius), aspect);
}

namespace {
std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

// The clearance distance or the cover found, of a ranked violation.
double measuredM(const CheckResults& r, const RankedViolation& v) {
    return v.cover ? r.cover[v.index].coverM : r.clearance[v.index].distanceM;
}
}  // namespace

size_t violationIndex(const ChecksView& checks, size_t row) {
    const RankedViolation& v = checks.ranked[row];
    return v.cover ? checks.results->clearance.size() + v.index : v.index;
}

const std::vector<size_t>& violationRows(ChecksView& checks) {
    const std::string filter = lower(checks.filter);
    if (checks.rowsValid && checks.rowsFilter == filter && checks.rowsOrder == checks.order) return checks.rows;
    checks.rows.clear();
    for (size_t i = 0; i < checks.lines.size(); ++i)
        if (filter.empty() || lower(checks.lines[i]).find(filter) != std::string::npos) checks.rows.push_back(i);
    // Severity is the ranked order itself (check_report's violationsBySeverity).
    if (checks.results && checks.order != ViolationOrder::Severity) {
        auto key = [&](size_t row) {
            return checks.order == ViolationOrder::Distance ? measuredM(*checks.results, checks.ranked[row])
                                                            : double(violationIndex(checks, row));
        };
        std::stable_sort(checks.rows.begin(), checks.rows.end(), [&](size_t a, size_t b) { return key(a) < key(b); });
    }
    checks.rowsFilter = filter;
    checks.rowsOrder = checks.order;
    checks.rowsValid = true;
    return checks.rows;
}

bool exportChecks(SceneSession& session, const ChecksView& checks, const std::string& path, std::string& error) {
    if (!checks.results) {
        error = "run the checks first";
        return false;
    }
    const bool csv = std::filesystem::path(path).extension() == ".csv";
    const std::string crs = session.project().crs;
    const std::string text =
        csv ? checkCsv(*checks.results, session.model()) : checkGeoJson(*checks.results, session.model(), crs);
    return writeFileAtomically(path, text).into(error);
}

CheckRules withClearanceRule(CheckRules rules, std::optional<UtilityKind> a, std::optional<UtilityKind> b,
                             std::optional<double> minM) {
    auto& list = rules.clearance;
    const auto same = [&](const ClearanceRule& r) { return (r.a == a && r.b == b) || (r.a == b && r.b == a); };
    auto it = std::find_if(list.begin(), list.end(), same);
    if (!minM) {
        if (it != list.end()) list.erase(it);
    } else if (it != list.end()) {
        it->minM = *minM;
    } else {
        list.push_back({a, b, *minM});
    }
    return rules;
}

CheckRules withCoverRule(CheckRules rules, std::optional<UtilityKind> kind, std::optional<double> minM) {
    if (!kind) rules.coverAnyM = minM;
    else if (minM) rules.coverM[*kind] = *minM;
    else rules.coverM.erase(*kind);
    return rules;
}

std::string besideProject(SceneSession& session, const std::string& suffix) {
    if (!session.hasProjectFile()) return "subterra" + suffix;
    std::filesystem::path path(session.project().path);
    std::string stem = path.filename().string();
    for (const char* ending : {".subterra.json", ".json"})
        if (stem.size() > std::strlen(ending) &&
            stem.compare(stem.size() - std::strlen(ending), std::string::npos, ending) == 0) {
            stem.resize(stem.size() - std::strlen(ending));
            break;
        }
    return (path.parent_path() / (stem + suffix)).string();
}

}  // namespace subterra
