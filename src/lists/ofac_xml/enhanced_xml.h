// File: lists/ofac_xml/enhanced_xml.h
//
// OFAC Sanctions List Service "Enhanced XML" (SDN_ENHANCED.XML / CONS_ENHANCED.XML), streamed
// one entity at a time, with referenceValues resolved by refId.
//
//   Result<ParsedList> list = ParseOfacEnhancedXml(ListSource::kOfacNonSdn, {"CONS_ENHANCED.XML", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// `source` is kOfacSdn or kOfacNonSdn. as_of comes from publicationInfo/dataAsOf.
// Returns kDataLoss for malformed or truncated XML or a root that is not sanctionsData.
Result<ParsedList> ParseOfacEnhancedXml(ListSource source, const InputFile& file);

}  // namespace interdict::lists
