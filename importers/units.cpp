#include "units.h"

#include <algorithm>
#include <cctype>

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

std::optional<LengthUnit> parseUnitName(const std::string& text) {
    if (auto unit = parseLengthUnit(text)) return unit;
    std::string name;
    for (char c : text)
        if (std::isalpha(static_cast<unsigned char>(c))) name += char(std::tolower(static_cast<unsigned char>(c)));
    const bool us = name.find("us") != std::string::npos || name.find("survey") != std::string::npos;
    if (name.find("foot") != std::string::npos || name.find("feet") != std::string::npos || name == "ft" ||
        name == "ftus")
        return us ? LengthUnit::UsFoot : LengthUnit::Foot;
    if (name == "metre" || name == "meter" || name == "metres" || name == "meters" || name == "m")
        return LengthUnit::Metre;
    if (name == "millimetre" || name == "millimeter" || name == "mm") return LengthUnit::Millimetre;
    if (name == "centimetre" || name == "centimeter" || name == "cm") return LengthUnit::Centimetre;
    return std::nullopt;
}

}  // namespace subterra
