// File: lists/registry.h
//
// One entry point for every list format: names the formats, says which ListSource each
// serves by default, and dispatches a set of files to the right parser.
//
//   std::vector<InputFile> files = {{"sdn.csv", a}, {"alt.csv", b}, {"add.csv", c}};
//   Result<ParsedList> list = lists::ParseList(ListFormat::kOfacCsv, ListSource::kOfacSdn, files);
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

enum class ListFormat : uint8_t {
  kOfacCsv,          // "ofac_csv": sdn.csv/cons_prim.csv [+ alt, add, comments]
  kOfacSdnXml,       // "ofac_sdn_xml": SDN.XML / consolidated.xml
  kOfacEnhancedXml,  // "ofac_enhanced_xml": SDN_ENHANCED.XML / CONS_ENHANCED.XML
  kUsCslCsv,         // "us_csl_csv": consolidated.csv
  kUnXml,            // "un_xml": UN consolidated.xml
  kEuFsfXml,         // "eu_fsf_xml": EU xmlFullSanctionsList_1_1
  kUkOfsiCsv,        // "uk_ofsi_csv": ConList.csv
  kInHouseCsv,       // "inhouse_csv": docs/formats/inhouse.md
};

std::string_view ListFormatCode(ListFormat format);
std::optional<ListFormat> ListFormatFromCode(std::string_view code);

// The formats, for help texts and loops.
std::span<const ListFormat> AllListFormats();

// Parses `files` as `format`. For kOfacCsv the files are told apart by name: a name ending
// in "alt.csv", "add.csv" or "comments.csv" is that companion file, anything else the
// primary file (exactly one). Every other format takes exactly one file. `source` matters
// only for the OFAC formats (kOfacSdn or kOfacNonSdn); other formats fix their own source.
// Errors: kInvalidArgument for a wrong file set; the parser's error otherwise, prefixed with
// the format code. On error nothing is returned.
Result<ParsedList> ParseList(ListFormat format, ListSource source,
                             std::span<const InputFile> files);

}  // namespace interdict::lists
