// File: lists/uk/uk_ofsi.h
//
// UK HM Treasury / OFSI Consolidated List CSV (ConList.csv): a "Last Updated" line, a
// 36-column header, then one row per name variant; rows are grouped into targets by Group ID.
//
//   Result<ParsedList> list = ParseUkOfsiCsv({"ConList.csv", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// Returns kDataLoss when the header lacks the required columns or the file is binary or
// truncated.
Result<ParsedList> ParseUkOfsiCsv(const InputFile& file);

}  // namespace interdict::lists
