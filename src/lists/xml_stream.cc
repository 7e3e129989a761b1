#include "lists/xml_stream.h"

#include <cstring>

#include <libxml/xmlreader.h>

#include "base/text.h"

namespace interdict::lists {

const XmlElement* XmlElement::Child(std::string_view child) const {
  for (const XmlElement& c : children) {
    if (c.name == child) return &c;
  }
  return nullptr;
}

std::vector<const XmlElement*> XmlElement::Children(std::string_view child) const {
  std::vector<const XmlElement*> out;
  for (const XmlElement& c : children) {
    if (c.name == child) out.push_back(&c);
  }
  return out;
}

std::string_view XmlElement::ChildText(std::string_view child) const {
  const XmlElement* c = Child(child);
  return c ? base::Trim(c->text) : std::string_view();
}

std::string_view XmlElement::Attr(std::string_view attr) const {
  for (const auto& [k, v] : attributes) {
    if (k == attr) return v;
  }
  return {};
}

bool XmlElement::HasAttr(std::string_view attr) const {
  for (const auto& [k, v] : attributes) {
    if (k == attr) return true;
  }
  return false;
}

const XmlElement* XmlElement::Find(std::string_view path) const {
  const XmlElement* cur = this;
  for (std::string_view part : base::Split(path, "/")) {
    cur = cur->Child(part);
    if (cur == nullptr) return nullptr;
  }
  return cur;
}

std::string_view XmlElement::Text() const { return base::Trim(text); }

struct XmlStream::Impl {
  xmlTextReaderPtr reader = nullptr;
  std::string first_error;
  int error_line = 0;
};

namespace {

void CaptureError(void* arg, xmlErrorPtr error) {
  auto* impl = static_cast<XmlStream::Impl*>(arg);
  if (error == nullptr || !impl->first_error.empty()) return;
  if (error->level < XML_ERR_ERROR) return;
  std::string msg = error->message ? error->message : "malformed XML";
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  impl->first_error = msg;
  impl->error_line = error->line;
}

// The line of the current node's start tag (the parser itself may have read further ahead).
int NodeLine(xmlTextReaderPtr r) {
  xmlNodePtr node = xmlTextReaderCurrentNode(r);
  long line = node ? xmlGetLineNo(node) : -1;
  return line > 0 ? static_cast<int>(line) : xmlTextReaderGetParserLineNumber(r);
}

std::string_view LocalName(xmlTextReaderPtr r) {
  const xmlChar* n = xmlTextReaderConstLocalName(r);
  return n ? std::string_view(reinterpret_cast<const char*>(n)) : std::string_view();
}

void ReadAttributes(xmlTextReaderPtr r, std::vector<std::pair<std::string, std::string>>* out) {
  out->clear();
  if (xmlTextReaderHasAttributes(r) != 1) return;
  while (xmlTextReaderMoveToNextAttribute(r) == 1) {
    if (xmlTextReaderIsNamespaceDecl(r) == 1) continue;
    const xmlChar* v = xmlTextReaderConstValue(r);
    out->emplace_back(std::string(LocalName(r)), v ? reinterpret_cast<const char*>(v) : "");
  }
  xmlTextReaderMoveToElement(r);
}

}  // namespace

XmlStream::XmlStream(const InputFile& file)
    : file_name_(file.name), impl_(std::make_unique<Impl>()) {
  if (file.bytes.empty()) {
    status_ = Status::DataLoss(file_name_ + ": file is empty");
    return;
  }
  if (base::LooksBinary(file.bytes)) {
    status_ = Status::DataLoss(file_name_ + ": binary data, not an XML document");
    return;
  }
  impl_->reader =
      xmlReaderForMemory(file.bytes.data(), static_cast<int>(file.bytes.size()), file.name.c_str(),
                         nullptr, XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_BIG_LINES);
  if (impl_->reader == nullptr) {
    status_ = Status::DataLoss(file_name_ + ": cannot start the XML reader");
    return;
  }
  xmlTextReaderSetStructuredErrorHandler(impl_->reader, CaptureError, impl_.get());
}

XmlStream::~XmlStream() {
  if (impl_ && impl_->reader) xmlFreeTextReader(impl_->reader);
}

int XmlStream::line() const {
  return impl_->reader ? xmlTextReaderGetParserLineNumber(impl_->reader) : 0;
}

std::string_view XmlStream::RootAttr(std::string_view attr) const {
  for (const auto& [k, v] : root_attributes_) {
    if (k == attr) return v;
  }
  return {};
}

bool XmlStream::Fail(const std::string& what) {
  int at = impl_->error_line ? impl_->error_line : line();
  std::string msg = file_name_ + ": line " + std::to_string(at) + ": ";
  msg += impl_->first_error.empty() ? what : impl_->first_error;
  status_ = Status::DataLoss(msg);
  done_ = true;
  return false;
}

bool XmlStream::ReadSubtree(XmlElement* out) {
  xmlTextReaderPtr r = impl_->reader;
  out->name = std::string(LocalName(r));
  out->line = NodeLine(r);
  out->text.clear();
  out->children.clear();
  ReadAttributes(r, &out->attributes);
  if (xmlTextReaderIsEmptyElement(r) == 1) return true;
  const int depth = xmlTextReaderDepth(r);
  // Stack of open elements below `out`.
  std::vector<XmlElement*> stack = {out};
  while (true) {
    int rc = xmlTextReaderRead(r);
    if (rc != 1) return Fail("XML ends inside <" + out->name + "> (truncated file?)");
    int type = xmlTextReaderNodeType(r);
    if (type == XML_READER_TYPE_ELEMENT) {
      XmlElement& child = stack.back()->children.emplace_back();
      child.name = std::string(LocalName(r));
      child.line = NodeLine(r);
      ReadAttributes(r, &child.attributes);
      if (xmlTextReaderIsEmptyElement(r) != 1) stack.push_back(&child);
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      if (xmlTextReaderDepth(r) == depth) return true;
      stack.pop_back();
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
               type == XML_READER_TYPE_WHITESPACE) {
      const xmlChar* v = xmlTextReaderConstValue(r);
      if (v) stack.back()->text += reinterpret_cast<const char*>(v);
    }
  }
}

bool XmlStream::NextElement(std::initializer_list<std::string_view> names, XmlElement* out) {
  if (done_ || !status_.ok() || impl_->reader == nullptr) return false;
  xmlTextReaderPtr r = impl_->reader;
  while (true) {
    int rc = xmlTextReaderRead(r);
    if (rc == 0) {
      done_ = true;
      if (!impl_->first_error.empty()) return Fail("");
      if (root_name_.empty()) return Fail("no root element: not an XML document");
      return false;
    }
    if (rc < 0) return Fail("malformed XML");
    if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) continue;
    std::string_view name = LocalName(r);
    if (root_name_.empty()) {
      root_name_ = std::string(name);
      ReadAttributes(r, &root_attributes_);
    }
    for (std::string_view want : names) {
      if (name == want) return ReadSubtree(out);
    }
  }
}

}  // namespace interdict::lists
