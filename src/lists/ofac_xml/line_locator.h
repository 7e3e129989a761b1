// File: lists/ofac_xml/line_locator.h
//
// Exact line numbers for records and their elements in files longer than 65,535 lines.
// XmlElement::line comes from libxml2, which keeps a node's line in 16 bits unless the reader
// is opened with XML_PARSE_BIG_LINES; lists/xml_stream.cc does not set it, so every element
// after line 65,535 reports 65,535 (CONS_ENHANCED.XML has 81,457 lines, SDN.XML millions).
// Until XmlStream sets that option, this finds the real line in the raw bytes: records come in
// document order, so the next saturated record is the next "<tag" start tag after the last.
//
//   LineLocator lines(file.bytes, "sdnEntry");
//   while (xml.NextElement({"sdnEntry"}, &entry)) {
//     int line = lines.RecordLine(entry);   // once per record, in order
//     ... lines.LineOf(*entry.Child("uid")) ...
//   }
//
// REQUIRES: the record tag does not occur inside comments or CDATA sections (true of OFAC's
// files). Thread-compatible; borrows `bytes`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "lists/xml_stream.h"

namespace interdict::lists::ofac_xml_internal {

class LineLocator {
 public:
  LineLocator(std::string_view bytes, std::string_view record_tag);

  // The start line of `record`, the next record element in document order. `record` must
  // stay alive until the next call (LineOf() refers to it).
  int RecordLine(const XmlElement& record);

  // The start line of `element`: the record last passed to RecordLine() or a descendant of it.
  int LineOf(const XmlElement& element) const;

 private:
  // Offset of the next start tag `<name` at or after `from` (npos when none).
  size_t FindStartTag(std::string_view name, size_t from) const;
  // Offset of the first byte of 1-based line `line`.
  size_t OffsetOfLine(int line) const;
  int CountLines(size_t from, size_t to) const;

  std::string_view bytes_;
  std::string record_tag_;
  size_t next_search_ = std::string_view::npos;  // where to look for the next saturated record
  size_t cursor_offset_ = 0;                     // offset of the last record found by searching ...
  int cursor_line_ = 0;                          // ... and its line
  const XmlElement* record_ = nullptr;
  int record_line_ = 0;
  size_t record_offset_ = std::string_view::npos;  // known once a record had to be searched
};

}  // namespace interdict::lists::ofac_xml_internal
