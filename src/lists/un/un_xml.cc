// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/un/un_xml.h"

namespace interdict::lists {

Result<ParsedList> ParseUnXml(const InputFile&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
