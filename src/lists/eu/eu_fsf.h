// File: lists/eu/eu_fsf.h
//
// EU Financial Sanctions Files XML (xmlFullSanctionsList_1_1, namespace
// http://eu.europa.ec/fpi/fsd/export), streamed one sanctionEntity at a time.
//
//   Result<ParsedList> list = ParseEuFsfXml({"eu_sanctions.xml", bytes});
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {


// as_of comes from export/@generationDate. source_id is sanctionEntity/@logicalId; reference is
// @euReferenceNumber. Returns kDataLoss for malformed or truncated XML or a wrong root.
Result<ParsedList> ParseEuFsfXml(const InputFile& file);

}  // namespace interdict::lists
