// File: lists/inhouse/inhouse.h
//
// A user's own list as CSV (docs/formats/inhouse.md): header row with columns
// id,name,kind,aliases,dob,country,ids,program (id and name required; others optional;
// multi-valued cells joined with ";").
//
//   Result<ParsedList> list = ParseInHouseCsv({"my_list.csv", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// Returns kDataLoss when the header lacks id or name, or the file is binary or truncated.
Result<ParsedList> ParseInHouseCsv(const InputFile& file);

}  // namespace interdict::lists
