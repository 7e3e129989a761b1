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
//
// One entity per Group ID, in the order the Group IDs first appear; the rows of a group need
// not be adjacent. The "Last Updated" line is optional (it gives version.as_of); columns are
// found by header name in any order. Refused (kDataLoss naming the file, no entities): an
// empty or binary file, a header without Name 6, Group Type, Alias Type, Regime or Group ID,
// a header with no rows or no usable row, a quote left open at the end, a cell over 1 MiB. Bytes
// that are not UTF-8 are read as Windows-1252. Per-row problems are diagnostics at "line N" (the
// line a record starts on): rows without a Group ID or with too few fields are skipped; unreadable
// dates, unknown nationalities and groups without a "Primary name" row are warnings.
// Decisions on names, addresses and "Other Information" are listed in uk_ofsi.cc.
Result<ParsedList> ParseUkOfsiCsv(const InputFile& file);

}  // namespace interdict::lists
