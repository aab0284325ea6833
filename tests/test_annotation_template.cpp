// Label templates: fields, missing fields, format specs and the derived fields of a feature.
#include <catch2/catch.hpp>

#include "annotation_template.h"
#include "feature_lookup.h"

using namespace subterra;

TEST_CASE("A template fills fields and applies format specs", "[annotations][template]") {
    const TemplateFields fields{{"material", "PE"}, {"diameter_mm", "315"}, {"depth_m", "1.849"}};
    const FormattedText text = formatTemplate("{material} DN{diameter_mm} · {depth_m:.1f} m", fields);
    CHECK(text.text == "PE DN315 · 1.8 m");
    CHECK(text.missingFields.empty());
    CHECK(text.error.empty());
    CHECK(formatTemplate("{depth_m:.2f}|{depth_m:d}|{depth_m:6.1f}", fields).text == "1.85|2|   1.8");
    CHECK(formatTemplate("{{literal}} {material}", fields).text == "{literal} PE");
}

TEST_CASE("Missing fields become ? and are reported once, the rest is rendered", "[annotations][template]") {
    const FormattedText text = formatTemplate("{owner} {material} {owner} {year:d}", {{"material", "steel"}});
    CHECK(text.text == "? steel ? ?");
    CHECK(text.missingFields == std::vector<std::string>{"owner", "year"});
}

TEST_CASE("Malformed templates and specs render as written with an error", "[annotations][template]") {
    const TemplateFields fields{{"material", "PE"}, {"id", "W-1"}};
    const FormattedText unclosed = formatTemplate("DN {material", fields);
    CHECK(unclosed.text == "DN {material");
    CHECK(unclosed.error.find("unclosed '{'") != std::string::npos);
    const FormattedText badSpec = formatTemplate("{material:.1f}", fields);
    CHECK(badSpec.text == "PE");
    CHECK(badSpec.error.find("not a number") != std::string::npos);
    CHECK(formatTemplate("{id:%s}", fields).error.find("unsupported format") != std::string::npos);
}

TEST_CASE("Derived fields: diameter_mm, length_m and depth_m below the ground", "[annotations][template]") {
    Model model;
    model.flatGroundZ = 5.0;
    Segment pipe;
    pipe.id = "W-7";
    pipe.layer = "water";
    pipe.material = "ductile iron";
    pipe.section.diameterM = 0.3;
    pipe.points = {{0, 0, 3.0}, {30, 40, 3.4}};  // 3D length sqrt(2500 + 0.16)
    pipe.attributes["OWNER"] = "city";
    model.segments.push_back(pipe);
    const TemplateFields fields = featureFields(model, findFeature(model, "water", "W-7"));
    CHECK(fields.at("diameter_mm") == "300");
    CHECK(std::stod(fields.at("length_m")) == Approx(std::sqrt(2500.16)).margin(1e-3));
    CHECK(std::stod(fields.at("depth_m")) == Approx(1.8).margin(1e-9));  // ground 5 - mean z 3.2
    CHECK(formatTemplate("{OWNER}: {material} DN{diameter_mm} · {depth_m:.1f} m", fields).text ==
          "city: ductile iron DN300 · 1.8 m");
}
