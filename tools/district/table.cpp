#include "table.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace district {
namespace {

double roundToMillimetre(double value) { return std::round(value * 1000.0) / 1000.0; }

bool fits(FieldType type, const FieldValue& value) {
    switch (type) {
        case FieldType::Integer:
            return !std::holds_alternative<double>(value) && !std::holds_alternative<std::string>(value);
        case FieldType::Real: return !std::holds_alternative<int>(value) && !std::holds_alternative<std::string>(value);
        case FieldType::String: return !std::holds_alternative<int>(value) && !std::holds_alternative<double>(value);
    }
    return false;
}

}  // namespace

Table::Table(std::string name, GeometryKind geometry, LayerInfo layer, std::vector<FieldDef> fields)
    : name_(std::move(name)), geometry_(geometry), layer_(std::move(layer)), fields_(std::move(fields)) {}

void Table::add(std::vector<Ring> parts, const NamedValues& values) {
    Feature feature;
    for (Ring& ring : parts)
        for (Point3& p : ring) p = {roundToMillimetre(p.x), roundToMillimetre(p.y), roundToMillimetre(p.z)};
    feature.parts = std::move(parts);
    feature.values.resize(fields_.size());
    for (const auto& [field, value] : values) {
        const size_t index = fieldIndex(field);
        if (!fits(fields_[index].type, value)) throw std::logic_error("wrong value type for " + name_ + "." + field);
        FieldValue& slot = feature.values[index];
        slot = value;
        if (auto* real = std::get_if<double>(&slot)) *real = roundToMillimetre(*real);
    }
    features_.push_back(std::move(feature));
}

size_t Table::fieldIndex(const std::string& field) const {
    for (size_t i = 0; i < fields_.size(); ++i)
        if (fields_[i].name == field) return i;
    throw std::logic_error("table " + name_ + " has no field " + field);
}

std::string IdSequence::next(const std::string& prefix) {
    char text[48];
    std::snprintf(text, sizeof text, "%s-%04d", prefix.c_str(), ++counters_[prefix]);
    return text;
}

}  // namespace district
