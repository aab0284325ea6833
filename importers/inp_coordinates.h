#pragma once
// What an .inp file's drawn coordinates are. EPANET and SWMM files carry no CRS and no coordinate
// unit, and real files hold any of: plan coordinates in the model's length unit, longitude and
// latitude, or a schematic drawing. The declared link lengths tell them apart: they match the drawn
// lengths of a real plan, and are unrelated to a schematic's.
#include <optional>
#include <string>

#include "inp_sections.h"

namespace subterra {

struct InpCoordinateGuess {
    // Longitude/latitude: every x within +-180 and y within +-90, an extent of at most
    // kMaxDegreeSpan degrees, and (where links declare lengths) those lengths close to the drawn
    // lengths measured in metres (or feet).
    bool degrees = false;
    // Not degrees, and the declared lengths are far from the drawn ones (median ratio outside
    // 0.25..4, which leaves room for lengths in feet over coordinates in metres): the drawing is
    // schematic, its coordinates are no plan.
    bool schematic = false;
    std::optional<double> lengthRatio;  // median declared / drawn length (drawn in metres when degrees)
    std::string note;                   // what was guessed and from what, for `info`; empty = nothing to say
};

constexpr double kMaxDegreeSpan = 5.0;

// From [COORDINATES] and the lengths of [PIPES] (EPANET) or [CONDUITS] (SWMM): field 3 of both.
InpCoordinateGuess guessInpCoordinates(const InpFile& file);

}  // namespace subterra
