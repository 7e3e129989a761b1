// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/ofac_csv/ofac_csv.h"

namespace interdict::lists {

Result<ParsedList> ParseOfacCsv(ListSource, const OfacCsvFiles&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
