#include "lists/registry.h"

#include <array>
#include <string>

#include "base/text.h"
#include "lists/eu/eu_fsf.h"
#include "lists/inhouse/inhouse.h"
#include "lists/ofac_csv/ofac_csv.h"
#include "lists/ofac_xml/enhanced_xml.h"
#include "lists/ofac_xml/sdn_xml.h"
#include "lists/uk/uk_ofsi.h"
#include "lists/un/un_xml.h"
#include "lists/us_csl/us_csl.h"

namespace interdict::lists {
namespace {

constexpr std::array<ListFormat, 8> kFormats = {
    ListFormat::kOfacCsv,   ListFormat::kOfacSdnXml, ListFormat::kOfacEnhancedXml,
    ListFormat::kUsCslCsv,  ListFormat::kUnXml,      ListFormat::kEuFsfXml,
    ListFormat::kUkOfsiCsv, ListFormat::kInHouseCsv};

Result<ParsedList> ParseOfacCsvSet(ListSource source, std::span<const InputFile> files) {
  OfacCsvFiles set;
  bool have_primary = false;
  for (const InputFile& f : files) {
    std::string lower = base::AsciiToLower(f.name);
    if (base::EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
    if (base::EndsWith(lower, "alt.csv")) {
      set.alt = f;
    } else if (base::EndsWith(lower, "add.csv")) {
      set.add = f;
    } else if (base::EndsWith(lower, "comments.csv")) {
      set.comments = f;
    } else if (!have_primary) {
      set.primary = f;
      have_primary = true;
    } else {
      return Status::InvalidArgument("ofac_csv: two primary files given: " + set.primary.name +
                                     " and " + f.name);
    }
  }
  if (!have_primary) {
    return Status::InvalidArgument("ofac_csv: no primary file (sdn.csv or cons_prim.csv) given");
  }
  return ParseOfacCsv(source, set);
}

}  // namespace

std::string_view ListFormatCode(ListFormat format) {
  switch (format) {
    case ListFormat::kOfacCsv:
      return "ofac_csv";
    case ListFormat::kOfacSdnXml:
      return "ofac_sdn_xml";
    case ListFormat::kOfacEnhancedXml:
      return "ofac_enhanced_xml";
    case ListFormat::kUsCslCsv:
      return "us_csl_csv";
    case ListFormat::kUnXml:
      return "un_xml";
    case ListFormat::kEuFsfXml:
      return "eu_fsf_xml";
    case ListFormat::kUkOfsiCsv:
      return "uk_ofsi_csv";
    case ListFormat::kInHouseCsv:
      return "inhouse_csv";
  }
  return "unknown";
}

std::optional<ListFormat> ListFormatFromCode(std::string_view code) {
  for (ListFormat f : kFormats) {
    if (ListFormatCode(f) == code) return f;
  }
  return std::nullopt;
}

std::span<const ListFormat> AllListFormats() { return kFormats; }

Result<ParsedList> ParseList(ListFormat format, ListSource source,
                             std::span<const InputFile> files) {
  std::string code(ListFormatCode(format));
  if (files.empty()) return Status::InvalidArgument(code + ": no file given");
  if (format != ListFormat::kOfacCsv && files.size() != 1) {
    return Status::InvalidArgument(code + ": expects exactly one file, got " +
                                   std::to_string(files.size()));
  }
  if ((format == ListFormat::kOfacCsv || format == ListFormat::kOfacSdnXml ||
       format == ListFormat::kOfacEnhancedXml) &&
      source != ListSource::kOfacSdn && source != ListSource::kOfacNonSdn) {
    return Status::InvalidArgument(code + ": source must be ofac_sdn or ofac_nonsdn");
  }
  Result<ParsedList> result = [&]() -> Result<ParsedList> {
    switch (format) {
      case ListFormat::kOfacCsv:
        return ParseOfacCsvSet(source, files);
      case ListFormat::kOfacSdnXml:
        return ParseOfacSdnXml(source, files[0]);
      case ListFormat::kOfacEnhancedXml:
        return ParseOfacEnhancedXml(source, files[0]);
      case ListFormat::kUsCslCsv:
        return ParseUsCslCsv(files[0]);
      case ListFormat::kUnXml:
        return ParseUnXml(files[0]);
      case ListFormat::kEuFsfXml:
        return ParseEuFsfXml(files[0]);
      case ListFormat::kUkOfsiCsv:
        return ParseUkOfsiCsv(files[0]);
      case ListFormat::kInHouseCsv:
        return ParseInHouseCsv(files[0]);
    }
    return Status::Internal("unknown list format");
  }();
  if (!result.ok()) return result.status().WithPrefix(code);
  result->version.format = code;
  return result;
}

}  // namespace interdict::lists
