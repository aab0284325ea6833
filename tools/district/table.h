#pragma once
// In-memory feature tables: what the generators produce and the GeoPackage/project writers consume.
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace district {

struct Point3 {
    double x = 0, y = 0, z = 0;
};
using Ring = std::vector<Point3>;

enum class GeometryKind { Point, Line, Line3D, Polygon };
enum class FieldType { Integer, Real, String };

// std::monostate is a NULL field (a pipe whose cover depth was never recorded).
using FieldValue = std::variant<std::monostate, int, double, std::string>;
using NamedValues = std::vector<std::pair<std::string, FieldValue>>;

struct FieldDef {
    std::string name;
    FieldType type = FieldType::String;
    std::string role;  // project-file mapping key ("diameter", "cover"...); empty: plain attribute
    std::string unit;  // unit written in the mapping; empty: the mapping is the bare field name
};

// How the table appears as a layer in the project file.
struct LayerInfo {
    std::string type;     // segments | nodes | buildings
    std::string utility;  // default utility kind; empty for buildings
    std::string color;
    double opacity = 1.0;
};

struct Feature {
    std::vector<Ring> parts;         // point: {{p}}; line: {points}; polygon: {outer, holes...}
    std::vector<FieldValue> values;  // one per field, in field order
};

class Table {
  public:
    Table(std::string name, GeometryKind geometry, LayerInfo layer, std::vector<FieldDef> fields);

    void addPoint(const Point3& point, const NamedValues& values) { add({{point}}, values); }
    void addLine(Ring line, const NamedValues& values) { add({std::move(line)}, values); }
    void addPolygon(std::vector<Ring> rings, const NamedValues& values) { add(std::move(rings), values); }

    const std::string& name() const { return name_; }
    GeometryKind geometry() const { return geometry_; }
    const LayerInfo& layer() const { return layer_; }
    const std::vector<FieldDef>& fields() const { return fields_; }
    const std::vector<Feature>& features() const { return features_; }
    bool isLineTable() const { return geometry_ == GeometryKind::Line || geometry_ == GeometryKind::Line3D; }

  private:
    // Rounds coordinates and real values to the millimetre (tidy files, stable output) and checks
    // every value against its field, so a generator bug fails loudly instead of writing NULL.
    void add(std::vector<Ring> parts, const NamedValues& values);
    size_t fieldIndex(const std::string& field) const;

    std::string name_;
    GeometryKind geometry_;
    LayerInfo layer_;
    std::vector<FieldDef> fields_;
    std::vector<Feature> features_;
};

// Sequential identifiers per prefix: "W" -> "W-0001", "W-0002"...
class IdSequence {
  public:
    std::string next(const std::string& prefix);

  private:
    std::map<std::string, int> counters_;
};

}  // namespace district
