// File: lists/ofac_xml/sdn_xml.h
//
// OFAC classic XML (the SDN.XML schema, namespace http://tempuri.org/sdnList.xsd; also used by
// consolidated.xml for the non-SDN list), streamed one sdnEntry at a time.
//
//   InputFile file{"consolidated.xml", bytes};
//   Result<ParsedList> list = ParseOfacSdnXml(ListSource::kOfacNonSdn, file);
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

// `source` is kOfacSdn or kOfacNonSdn. as_of comes from publshInformation/Publish_Date.
// Returns kDataLoss for malformed or truncated XML or a root that is not sdnList.
// Also kDataLoss (naming the file) for an empty or binary file, and for a file without any
// sdnEntry unless its Record_Count says 0. Per-entry problems are diagnostics: an entry
// without uid or name is skipped; an unreadable date, gender or country, an unknown type is a
// warning; a Record_Count that differs from the entries found is a warning. Each entity's
// provenance locator is "line N" of its sdnEntry; persons' names read "LAST, First" as in
// OFAC's CSV. Keeps no state between calls; borrows file.bytes for the call.
Result<ParsedList> ParseOfacSdnXml(ListSource source, const InputFile& file);

}  // namespace interdict::lists
