// File: trade/files.h
//
// The trade layer's file access (the rest of trade/ works on bytes): the control tables of a
// goods directory plus user files, and ownership graphs.
//
//   INTERDICT_ASSIGN_OR_RETURN(ControlTables t, trade::LoadControlTables("data/goods", {}));
//   INTERDICT_RETURN_IF_ERROR(trade::LoadOwnershipFile("owners.csv", resolver, &graph));
#pragma once

#include <string>
#include <vector>

#include "interdict/status.h"

#include "trade/controls.h"
#include "trade/ownership.h"

namespace interdict::trade {

// Reads chpl.csv, goods_terms.csv, diversion_destinations.csv and embargoed_destinations.csv
// from `goods_dir` (all four are required), then each of `extra` in order, and validates.
// An extra file is "KIND=PATH" (KIND: chpl, goods_terms, diversion, embargo) or a PATH whose
// file name starts with one of those words ("chpl_2025.csv", "embargo-extra.csv"); its rows add
// to or replace the bundled ones. Errors name the file (and line): kNotFound for a missing
// file, kInvalidArgument for an extra whose kind cannot be told, kDataLoss for bad content.
Result<ControlTables> LoadControlTables(const std::string& goods_dir,
                                        const std::vector<std::string>& extra);

// Reads an ownership CSV and adds it to *graph (OwnershipGraph::AddCsv). Does not Solve().
Status LoadOwnershipFile(const std::string& path, const Resolver& resolve, OwnershipGraph* graph);

// The bundled goods directory: $INTERDICT_GOODS_DIR, else <data_dir>/goods.
std::string DefaultGoodsDir(const std::string& data_dir);

}  // namespace interdict::trade
