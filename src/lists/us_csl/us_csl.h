// File: lists/us_csl/us_csl.h
//
// trade.gov Consolidated Screening List CSV (29 columns, one header row; multi-valued fields
// joined with "; "). Covers every source in it: BIS Entity List, Unverified List, Military End
// User, Denied Persons, ISN, DTC debarred, and the Treasury lists it repeats.
//
//   Result<ParsedList> list = ParseUsCslCsv({"consolidated.csv", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// Returns kDataLoss when the header is not the CSL header (missing required columns) or the
// file is binary or truncated.
Result<ParsedList> ParseUsCslCsv(const InputFile& file);

}  // namespace interdict::lists
