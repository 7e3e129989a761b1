// File: lists/ofac_xml/sdn_xml.h
//
// OFAC classic XML (the SDN.XML schema, namespace http://tempuri.org/sdnList.xsd; also used by
// consolidated.xml for the non-SDN list), streamed one sdnEntry at a time.
//
//   Result<ParsedList> list = ParseOfacSdnXml(ListSource::kOfacNonSdn, {"consolidated.xml", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// `source` is kOfacSdn or kOfacNonSdn. as_of comes from publshInformation/Publish_Date.
// Returns kDataLoss for malformed or truncated XML or a root that is not sdnList.
Result<ParsedList> ParseOfacSdnXml(ListSource source, const InputFile& file);

}  // namespace interdict::lists
