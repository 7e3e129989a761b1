// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/inhouse/inhouse.h"

namespace interdict::lists {

Result<ParsedList> ParseInHouseCsv(const InputFile&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
