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
  InputFile primary;                 // sdn.csv / cons_prim.csv (required)
  std::optional<InputFile> alt;      // alt.csv / cons_alt.csv
  std::optional<InputFile> add;      // add.csv / cons_add.csv
  std::optional<InputFile> comments;  // sdn_comments.csv / cons_comments.csv
};

// `source` is kOfacSdn or kOfacNonSdn. Returns kDataLoss when any given file is not an OFAC
// legacy CSV file (binary, truncated quote, wrong column count on most rows); then nothing is
// returned. Rows of alt/add/comments whose ent_num is not in the primary file are reported
// as diagnostics (skipped).
Result<ParsedList> ParseOfacCsv(ListSource source, const OfacCsvFiles& files);

}  // namespace interdict::lists
