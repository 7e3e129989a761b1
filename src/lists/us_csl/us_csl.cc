// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/us_csl/us_csl.h"

namespace interdict::lists {

Result<ParsedList> ParseUsCslCsv(const InputFile&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
