#pragma once
// Section names of SWMM 5 .inp files (shared by the importer and its `claims`).
#include <string>
#include <vector>

namespace subterra {

const std::vector<std::string>& swmmSections();
// Sections that EPANET files never have: their presence marks a SWMM file.
const std::vector<std::string>& swmmOnlySections();
// An .inp file with any SWMM-only section (read from its first megabyte).
bool isSwmmInpFile(const std::string& path);

}  // namespace subterra
