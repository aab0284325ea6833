#pragma once
#include <optional>
#include <string>

namespace subterra {

enum class LengthUnit { Millimetre, Centimetre, Metre, Inch, Foot, UsFoot };

double toMetres(double value, LengthUnit unit);
const char* toString(LengthUnit unit);
// "mm", "cm", "m", "in"/"inch", "ft"/"foot", "us-ft"; nullopt when unknown.
std::optional<LengthUnit> parseLengthUnit(const std::string& text);
// A unit as files name it, any case: the short names above and "metre"/"meter(s)", "foot"/"feet",
// "US survey foot", "foot_us", "ftUS"... (GDAL's raster unit types, CRS unit names); nullopt when unknown.
std::optional<LengthUnit> parseUnitName(const std::string& text);

}  // namespace subterra
