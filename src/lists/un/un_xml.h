// File: lists/un/un_xml.h
//
// UN Security Council Consolidated List XML (CONSOLIDATED_LIST with INDIVIDUALS and ENTITIES).
//
//   Result<ParsedList> list = ParseUnXml({"consolidated.xml", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// as_of comes from CONSOLIDATED_LIST/@dateGenerated. source_id is DATAID; reference is
// REFERENCE_NUMBER. Returns kDataLoss for malformed or truncated XML or a wrong root.
Result<ParsedList> ParseUnXml(const InputFile& file);

}  // namespace interdict::lists
