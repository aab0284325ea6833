#pragma once
// EPANET report files (.rpt, written by `runepanet` or the EPANET GUI with [REPORT] LINKS ALL):
// the "Link Results" table's flow per link. The flow's sign is the direction water runs (negative
// = from the link's end node to its start node), which the flow animation draws. Written by hand:
// no Debian package reads EPANET reports.
#include <map>
#include <string>

#include "problem.h"

namespace subterra {

// Flow by link id from the report's first "Link Results" table (the first reporting time). An
// unreadable file or a report without that table is an Error naming the file; a row that cannot be
// read is a Warning naming its line.
std::map<std::string, double> readEpanetLinkFlows(const std::string& path, Problems& problems);

}  // namespace subterra
