// Length units: conversion to metres and the names used in project files.
#include <catch2/catch.hpp>

#include "units.h"

using namespace subterra;

TEST_CASE("units: every length unit converts to metres", "[units]") {
    CHECK(toMetres(150, LengthUnit::Millimetre) == Approx(0.15));
    CHECK(toMetres(15, LengthUnit::Centimetre) == Approx(0.15));
    CHECK(toMetres(1.5, LengthUnit::Metre) == Approx(1.5));
    CHECK(toMetres(8, LengthUnit::Inch) == Approx(0.2032));
    CHECK(toMetres(10, LengthUnit::Foot) == Approx(3.048));
    // The US survey foot is 1200/3937 m: 2 ppm longer than the international foot, which is
    // 2 mm per kilometre of state-plane coordinates.
    CHECK(toMetres(1000000, LengthUnit::UsFoot) == Approx(304800.6096).margin(1e-4));
    CHECK(toMetres(1000000, LengthUnit::UsFoot) - toMetres(1000000, LengthUnit::Foot) == Approx(0.6096).margin(1e-6));
}

TEST_CASE("units: names parse and print back", "[units]") {
    for (LengthUnit unit : {LengthUnit::Millimetre, LengthUnit::Centimetre, LengthUnit::Metre, LengthUnit::Inch,
                            LengthUnit::Foot, LengthUnit::UsFoot}) {
        const auto parsed = parseLengthUnit(toString(unit));
        REQUIRE(parsed);
        CHECK(*parsed == unit);
    }
    CHECK(parseLengthUnit("inch") == LengthUnit::Inch);
    CHECK(parseLengthUnit("foot") == LengthUnit::Foot);
    CHECK(parseLengthUnit("ftUS") == LengthUnit::UsFoot);
    CHECK_FALSE(parseLengthUnit("furlong"));
    CHECK_FALSE(parseLengthUnit(""));
}
