// File: lists/ofac_csv/ofac_csv.h
//
// OFAC legacy CSV set: sdn.csv + alt.csv + add.csv + sdn_comments.csv for the SDN list, and
// cons_prim.csv + cons_alt.csv + cons_add.csv + cons_comments.csv for the non-SDN list.
// Joined by ent_num; the Remarks field (continued in *_comments.csv) is parsed into
// structured facts (see remarks.h).
//
//   OfacCsvFiles files{.primary = {"sdn.csv", bytes}, .alt = InputFile{"alt.csv", alt}};
//   Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, files);
#pragma once

#include <optional>

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

struct OfacCsvFiles {
  InputFile primary;                  // sdn.csv / cons_prim.csv (required)
  std::optional<InputFile> alt;       // alt.csv / cons_alt.csv
  std::optional<InputFile> add;       // add.csv / cons_add.csv
  std::optional<InputFile> comments;  // sdn_comments.csv / cons_comments.csv
};

// Parses one legacy CSV set. `source` is kOfacSdn or kOfacNonSdn (else kInvalidArgument).
//
// Returns kDataLoss naming the file (and line) when any given file is not an OFAC legacy CSV
// file: binary data, an unterminated quote (a truncated file), one of its first rows with the
// wrong column count or a non-integer ent_num (a header row, another format), most rows of the
// wrong shape, or an empty primary file. Then nothing is returned.
//
// Otherwise every problem with one record is a diagnostic with the file name and "line N":
// rows of the wrong shape, duplicate ent_nums and rows of alt/add/comments whose ent_num is not
// in the primary file (all skipped), unreadable DOBs and dates in the remarks (warnings), and a
// *_comments.csv continuation of remarks that were not cut at OFAC's 1000 characters (a sign of
// files from different days; the text is kept as a separate remarks fact).
//
// Names: alt.csv aliases are strong, the "a.k.a. 'X'" of the remarks weak. Relation::source_id
// is set when a "Linked To:" name is the primary name of exactly one entity of the set.
// ListVersion::as_of is "" (the legacy CSV files carry no date). Bytes are read as UTF-8, or as
// Windows-1252 when they are not valid UTF-8. Linear in the input size. Thread-safe.
Result<ParsedList> ParseOfacCsv(ListSource source, const OfacCsvFiles& files);

}  // namespace interdict::lists
