// TEMPORARY STUB: the parser is being written; see the header for the contract.
#include "lists/ofac_xml/sdn_xml.h"

namespace interdict::lists {

Result<ParsedList> ParseOfacSdnXml(ListSource, const InputFile&) {
  return Status::Internal("parser not implemented yet");
}

}  // namespace interdict::lists
