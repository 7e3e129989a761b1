// File: lists/us_csl/us_csl.h
//
// trade.gov Consolidated Screening List CSV (29 columns, one header row; multi-valued fields
// joined with "; "). Covers every source in it: BIS Entity List, Unverified List, Military End
// User, Denied Persons, ISN, DTC debarred, and the Treasury lists it repeats.
// docs/formats/us_csl.md describes the file and where each column lands in the Entity.
//
//   Result<ParsedList> list = ParseUsCslCsv({"consolidated.csv", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

// Parses the whole file into one Entity per record (ListSource::kUsCsl; source_id = _id,
// list_name = the sub-list from `source`). Columns are found by header name, so order may
// change and extra columns are tolerated (one warning names them).
//
// Returns kDataLoss, naming the file, when the input is empty, binary or gzip-compressed,
// has a header without _id, source and name, has no records, has an unterminated quote or
// a field over 256 KiB, or ends in a short record without a final newline (truncated).
// Nothing is returned then. Otherwise every record becomes an entity, except one without
// _id or name, which is skipped with a diagnostic; field problems are warnings located as
// "line N, column C", N being the line the record starts on. A _id may appear on several
// sub-lists (an SDN also on the SSI list): both records are kept.
//
// Thread-safe: no shared state. `file.bytes` is only read during the call.
Result<ParsedList> ParseUsCslCsv(const InputFile& file);

}  // namespace interdict::lists
