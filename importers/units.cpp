#include "units.h"

namespace subterra {

double toMetres(double value, LengthUnit unit) {
    switch (unit) {
        case LengthUnit::Millimetre: return value * 0.001;
        case LengthUnit::Centimetre: return value * 0.01;
        case LengthUnit::Metre: return value;
        case LengthUnit::Inch: return value * 0.0254;
        case LengthUnit::Foot: return value * 0.3048;
        case LengthUnit::UsFoot: return value * 1200.0 / 3937.0;
    }
    return value;
}

const char* toString(LengthUnit unit) {
    switch (unit) {
        case LengthUnit::Millimetre: return "mm";
        case LengthUnit::Centimetre: return "cm";
        case LengthUnit::Metre: return "m";
        case LengthUnit::Inch: return "in";
        case LengthUnit::Foot: return "ft";
        case LengthUnit::UsFoot: return "us-ft";
    }
    return "m";
}

std::optional<LengthUnit> parseLengthUnit(const std::string& text) {
    if (text == "mm") return LengthUnit::Millimetre;
    if (text == "cm") return LengthUnit::Centimetre;
    if (text == "m") return LengthUnit::Metre;
    if (text == "in" || text == "inch") return LengthUnit::Inch;
    if (text == "ft" || text == "foot") return LengthUnit::Foot;
    if (text == "us-ft" || text == "ftUS") return LengthUnit::UsFoot;
    return std::nullopt;
}

}  // namespace subterra
