// File: lists/xml_stream.h
//
// Streams an XML list file one record at a time: libxml2's pull reader walks the document,
// and each record element asked for is copied out as a small owned tree (XmlElement). Memory
// stays at one record however large the file, and the parsers keep simple tree code.
//
//   XmlStream xml(file);
//   XmlElement entry;
//   while (xml.NextElement({"sdnEntry", "Publish_Date"}, &entry)) { ... entry.ChildText("uid") }
//   if (!xml.status().ok()) return xml.status();   // kDataLoss naming the file and line
//
// Thread-compatible. Borrows file.bytes: the caller keeps them alive.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

struct XmlElement {
  std::string name;  // local name (namespace prefix removed)
  std::vector<std::pair<std::string, std::string>> attributes;  // local names
  std::string text;  // text and CDATA directly inside this element, concatenated, untrimmed
  std::vector<XmlElement> children;
  int line = 0;  // line of the start tag

  // The first child with local name `child`, or nullptr.
  const XmlElement* Child(std::string_view child) const;
  // All children with local name `child`, in document order.
  std::vector<const XmlElement*> Children(std::string_view child) const;
  // Trimmed text of the first child named `child`; "" when absent.
  std::string_view ChildText(std::string_view child) const;
  // Value of attribute `attr` (local name); "" when absent.
  std::string_view Attr(std::string_view attr) const;
  bool HasAttr(std::string_view attr) const;
  // Follows a path of child names ("nameParts/namePart") and returns the first match.
  const XmlElement* Find(std::string_view path) const;
  // Trimmed own text.
  std::string_view Text() const;
};

class XmlStream {
 public:
  // Refuses binary input at the first call (status() is then kDataLoss).
  explicit XmlStream(const InputFile& file);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Advances to the next element whose local name is one of `names` (at any depth, not
  // inside an element already returned) and copies it whole into *out. Returns false at
  // the end of the document or on an error; status() tells which. After the end, a document
  // that did not close properly (truncated) is an error.
  bool NextElement(std::initializer_list<std::string_view> names, XmlElement* out);

  // The root element's local name and attributes, known after the first NextElement().
  const std::string& root_name() const { return root_name_; }
  std::string_view RootAttr(std::string_view attr) const;

  const Status& status() const { return status_; }
  // Current line in the input (for diagnostics).
  int line() const;

  struct Impl;  // libxml2 state; public only for the C error callback

 private:
  bool Fail(const std::string& what);
  bool ReadSubtree(XmlElement* out);

  std::string file_name_;
  std::unique_ptr<Impl> impl_;
  std::string root_name_;
  std::vector<std::pair<std::string, std::string>> root_attributes_;
  bool done_ = false;
  Status status_;
};

}  // namespace interdict::lists
