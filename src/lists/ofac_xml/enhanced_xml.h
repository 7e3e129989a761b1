// File: lists/ofac_xml/enhanced_xml.h
//
// OFAC Sanctions List Service "Enhanced XML" (SDN_ENHANCED.XML / CONS_ENHANCED.XML), streamed
// one entity at a time, with referenceValues resolved by refId.
//
//   InputFile file{"CONS_ENHANCED.XML", bytes};
//   Result<ParsedList> list = ParseOfacEnhancedXml(ListSource::kOfacNonSdn, file);
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

// `source` is kOfacSdn or kOfacNonSdn. as_of comes from publicationInfo/dataAsOf.
// Returns kDataLoss for malformed or truncated XML or a root that is not sanctionsData.
// Also kDataLoss (naming the file) for an empty or binary file, a file without any entity,
// and an entity before referenceValues (refIds could not be resolved). Per-entity problems
// are diagnostics: an entity without id or name is skipped; an unknown refId or
// featureTypeId (the element's own text is used instead), an unreadable date or an unknown
// value is a warning. list_name joins the entity's sanctionsLists; listed_on is its earliest
// datePublished; non-Latin translations are extra names of the same type. Keeps no state
// between calls; borrows file.bytes for the call.
Result<ParsedList> ParseOfacEnhancedXml(ListSource source, const InputFile& file);

}  // namespace interdict::lists
