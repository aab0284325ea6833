#include "underground.h"

#include <algorithm>
#include <cmath>

namespace district {
namespace {

constexpr double kOnLine = 0.01;  // closer than this in plan is "on" a line or "at" its end

double cross(double ax, double ay, double bx, double by) { return ax * by - ay * bx; }

// Plan distance from p to the segment a-b.
double distanceToSegment(const Point3& p, const Point3& a, const Point3& b, double* along = nullptr) {
    const double dx = b.x - a.x, dy = b.y - a.y, lengthSq = dx * dx + dy * dy;
    const double t = lengthSq > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq, 0.0, 1.0) : 0.0;
    if (along) *along = t;
    return std::hypot(a.x + dx * t - p.x, a.y + dy * t - p.y);
}

}  // namespace

template <class Visit>
void Underground::forCells(double minX, double minY, double maxX, double maxY, Visit visit) const {
    const long x0 = long(std::floor(minX / kCell)), x1 = long(std::floor(maxX / kCell));
    const long y0 = long(std::floor(minY / kCell)), y1 = long(std::floor(maxY / kCell));
    for (long x = x0; x <= x1; ++x)
        for (long y = y0; y <= y1; ++y) visit(key(x, y));
}

int Underground::addLine(std::string id, std::string utility, const Ring& centre, double height, double width) {
    const int line = int(lines_.size());
    lines_.push_back({std::move(id), std::move(utility), height / 2, width / 2});
    for (size_t i = 0; i + 1 < centre.size(); ++i) {
        const Point3 &a = centre[i], &b = centre[i + 1];
        const int piece = int(pieces_.size());
        pieces_.push_back({a, b, line, i == 0, i + 2 == centre.size()});
        forCells(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y),
                 [&](CellKey cell) { pieceCells_[cell].push_back(piece); });
    }
    return line;
}

void Underground::addShaft(const Point3& at, double radius, double bottom, double top) {
    const int shaft = int(shafts_.size());
    shafts_.push_back({at, radius, bottom, top});
    forCells(at.x - radius, at.y - radius, at.x + radius, at.y + radius,
             [&](CellKey cell) { shaftCells_[cell].push_back(shaft); });
}

std::vector<int> Underground::piecesNear(double minX, double minY, double maxX, double maxY) const {
    std::vector<int> result;
    forCells(minX, minY, maxX, maxY, [&](CellKey cell) {
        const auto it = pieceCells_.find(cell);
        if (it != pieceCells_.end()) result.insert(result.end(), it->second.begin(), it->second.end());
    });
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

std::vector<Underground::Crossing> Underground::crossings(const Point3& a, const Point3& b) const {
    const double rx = b.x - a.x, ry = b.y - a.y, length = std::hypot(rx, ry);
    std::vector<Crossing> result;
    if (length <= 2 * kOnLine) return result;
    for (int index : piecesNear(std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y))) {
        const Piece& piece = pieces_[size_t(index)];
        const double sx = piece.b.x - piece.a.x, sy = piece.b.y - piece.a.y, pieceLength = std::hypot(sx, sy);
        const double denominator = cross(rx, ry, sx, sy);
        if (std::abs(denominator) < 1e-9 * length * pieceLength) continue;  // parallel
        const double qx = piece.a.x - a.x, qy = piece.a.y - a.y;
        const double t = cross(qx, qy, sx, sy) / denominator, u = cross(qx, qy, rx, ry) / denominator;
        const double station = t * length, alongPiece = u * pieceLength;
        if (station < kOnLine || station > length - kOnLine) continue;
        if (alongPiece < -kOnLine || alongPiece > pieceLength + kOnLine) continue;
        if ((piece.aIsEnd && alongPiece < kOnLine) || (piece.bIsEnd && alongPiece > pieceLength - kOnLine)) continue;
        const Line& line = lines_[size_t(piece.line)];
        const double z = piece.a.z + (piece.b.z - piece.a.z) * std::clamp(u, 0.0, 1.0);
        result.push_back({station, z - line.halfHeight, z + line.halfHeight, line.halfWidth, piece.line});
    }
    std::sort(result.begin(), result.end(), [](const Crossing& p, const Crossing& q) {
        return p.station != q.station ? p.station < q.station : p.line < q.line;
    });
    // A crossing at a vertex of the crossed line is found from both of its pieces.
    result.erase(std::unique(result.begin(), result.end(),
                             [](const Crossing& p, const Crossing& q) {
                                 return p.line == q.line && std::abs(p.station - q.station) < kOnLine;
                             }),
                 result.end());
    return result;
}

bool Underground::centreAt(double x, double y, const std::string& utility, double& z, double& halfHeight) const {
    const Point3 p{x, y, 0};
    for (int index : piecesNear(x - kOnLine, y - kOnLine, x + kOnLine, y + kOnLine)) {
        const Piece& piece = pieces_[size_t(index)];
        const Line& line = lines_[size_t(piece.line)];
        double t = 0;
        if (line.utility != utility || distanceToSegment(p, piece.a, piece.b, &t) > kOnLine) continue;
        z = piece.a.z + (piece.b.z - piece.a.z) * t;
        halfHeight = line.halfHeight;
        return true;
    }
    return false;
}

bool Underground::blocked(const Point3& a, const Point3& b, double halfWidth, double gap) const {
    const double reach = halfWidth + gap + 2.0;
    const double minX = std::min(a.x, b.x) - reach, maxX = std::max(a.x, b.x) + reach;
    const double minY = std::min(a.y, b.y) - reach, maxY = std::max(a.y, b.y) + reach;
    bool hit = false;
    forCells(minX, minY, maxX, maxY, [&](CellKey cell) {
        const auto it = shaftCells_.find(cell);
        if (hit || it == shaftCells_.end()) return;
        for (int index : it->second) {
            const Shaft& shaft = shafts_[size_t(index)];
            if (distanceToSegment(shaft.at, a, b) < shaft.radius + halfWidth + gap) hit = true;
        }
    });
    if (hit) return true;
    const double rx = b.x - a.x, ry = b.y - a.y, length = std::hypot(rx, ry);
    if (length == 0) return false;
    const double ux = rx / length, uy = ry / length;
    for (int index : piecesNear(minX, minY, maxX, maxY)) {
        const Piece& piece = pieces_[size_t(index)];
        const double sx = piece.b.x - piece.a.x, sy = piece.b.y - piece.a.y, pieceLength = std::hypot(sx, sy);
        if (pieceLength == 0 || std::abs(cross(ux, uy, sx / pieceLength, sy / pieceLength)) > 1e-6) continue;
        const double apart = std::abs(cross(ux, uy, piece.a.x - a.x, piece.a.y - a.y));
        if (apart >= halfWidth + lines_[size_t(piece.line)].halfWidth + gap) continue;
        const double p0 = (piece.a.x - a.x) * ux + (piece.a.y - a.y) * uy;
        const double p1 = (piece.b.x - a.x) * ux + (piece.b.y - a.y) * uy;
        if (std::min(length, std::max(p0, p1)) - std::max(0.0, std::min(p0, p1)) > kOnLine) return true;
    }
    return false;
}

}  // namespace district
