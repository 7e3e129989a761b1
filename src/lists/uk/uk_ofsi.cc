// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/uk/uk_ofsi.h"

namespace interdict::lists {

Result<ParsedList> ParseUkOfsiCsv(const InputFile&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
