// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/eu/eu_fsf.h"

namespace interdict::lists {

Result<ParsedList> ParseEuFsfXml(const InputFile&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
