// File: lists/inhouse/inhouse.h
//
// A user's own list as CSV (docs/formats/inhouse.md): header row with columns
// id,name,kind,aliases,dob,country,ids,program,remarks (id and name required; others
// optional; multi-valued cells joined with ";").
//
//   Result<ParsedList> list = ParseInHouseCsv({"my_list.csv", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

// Parses the file into Entities with ListSource::kInHouse and source_id = the id cell;
// ListVersion::as_of stays empty. UTF-8 with or without a BOM, LF or CRLF; a file that is
// not UTF-8 is read as Windows-1252 (with a warning).
//
// Returns kDataLoss, naming the file, when the header lacks id or name, or the file is
// empty, binary, or has an unterminated quote or a cell over 256 KiB; nothing is returned
// then. A header with no rows is a valid, empty list (with a warning). Rows without id or
// name, and rows repeating an earlier id, are skipped with a diagnostic; unreadable cells
// are warnings located as "line N, column C".
//
// Thread-safe: no shared state. `file.bytes` is only read during the call.
Result<ParsedList> ParseInHouseCsv(const InputFile& file);

}  // namespace interdict::lists
