// File: interdict/list.h
//
// What a list parser produces: a ListVersion (which source, which files, as of when),
// the entities, and Diagnostics for every record it could not fully read.
//
//   InputFile f{"consolidated.xml", bytes};
//   Result<ParsedList> list = lists::ParseUnXml(f);
//   for (const Diagnostic& d : list->diagnostics.items()) std::cerr << d.ToString() << "\n";
//
// A parser returns an error Status only when the input as a whole is unusable (truncated,
// binary, wrong columns); it then returns no entities at all, so a refused file never
// half-loads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"

namespace interdict {

// A file handed to a parser: its name (for messages and provenance) and its bytes.
// The bytes are borrowed: the caller keeps them alive for the duration of the parse call.
struct InputFile {
  std::string name;
  std::string_view bytes;
};

// One file of a ListVersion.
struct SourceFile {
  std::string name;
  std::string sha256;  // hex
  uint64_t size = 0;
};

// Identifies one published version of one list.
struct ListVersion {
  ListSource source = ListSource::kUnknown;
  std::string format;  // parser format code, e.g. "ofac_csv", "un_xml"
  std::string as_of;   // ISO date (or date-time) the publisher gives, "" when it gives none
  std::vector<SourceFile> files;
};

enum class Severity : uint8_t {
  kWarning = 0,  // a field could not be read; the record was kept without it
  kSkipped,      // the record could not be used and was dropped
};
std::string_view SeverityName(Severity severity);  // "warning", "skipped"

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string file;       // file name
  std::string location;   // "line 12", "line 12, column remarks", "INDIVIDUAL[3]/DATAID"
  std::string record_id;  // the record's source id when known
  std::string message;

  // "consolidated.xml: INDIVIDUAL[3] (6908555): unknown TYPE_OF_DATE 'SOMETIMES'".
  std::string ToString() const;
};

// An append-only collection of diagnostics with counts. Thread-compatible.
class Diagnostics {
 public:
  void Add(Diagnostic d);
  void Warn(std::string file, std::string location, std::string record_id, std::string message);
  void Skip(std::string file, std::string location, std::string record_id, std::string message);
  void Append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  size_t warnings() const { return warnings_; }
  size_t skipped() const { return skipped_; }

 private:
  std::vector<Diagnostic> items_;
  size_t warnings_ = 0;
  size_t skipped_ = 0;
};

struct ParsedList {
  ListVersion version;
  std::vector<Entity> entities;
  Diagnostics diagnostics;
};

}  // namespace interdict
