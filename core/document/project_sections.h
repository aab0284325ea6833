#pragma once
// The sections of the project file, each read and written by one pair of functions of one shape:
//   void readXSection(const JsonReader& root, [names,] X& out);   // bad entries reported, good ones kept
//   void writeXSection(nlohmann::json& root, const X& value);      // keys this version does not know kept
// Both take the whole document, so each section owns its keys. A new section follows suit and is
// listed here and in loadProject/saveProject.
#include "annotations_json.h"
#include "check_rules_json.h"
#include "cuts_json.h"
#include "timeline_json.h"
