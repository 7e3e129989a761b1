#include "lists/ofac_xml/line_locator.h"

#include <algorithm>
#include <functional>

namespace interdict::lists::ofac_xml_internal {
namespace {

// libxml2 stores min(line, 65535) in xmlNode::line without XML_PARSE_BIG_LINES.
constexpr int kSaturatedLine = 65535;
constexpr size_t kNpos = std::string_view::npos;

bool Saturated(int line) { return line <= 0 || line >= kSaturatedLine; }

}  // namespace

LineLocator::LineLocator(std::string_view bytes, std::string_view record_tag)
    : bytes_(bytes), record_tag_(record_tag) {}

size_t LineLocator::FindStartTag(std::string_view name, size_t from) const {
  std::string needle = "<" + std::string(name);
  while (from < bytes_.size()) {
    size_t at = bytes_.find(needle, from);
    if (at == kNpos) return kNpos;
    size_t after = at + needle.size();
    if (after >= bytes_.size()) return kNpos;
    char c = bytes_[after];
    if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n') return at;
    from = at + 1;
  }
  return kNpos;
}

size_t LineLocator::OffsetOfLine(int line) const {
  size_t offset = 0;
  for (int l = 1; l < line; ++l) {
    offset = bytes_.find('\n', offset);
    if (offset == kNpos) return bytes_.size();
    ++offset;
  }
  return offset;
}

int LineLocator::CountLines(size_t from, size_t to) const {
  return static_cast<int>(std::count(bytes_.begin() + static_cast<std::ptrdiff_t>(from),
                                     bytes_.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
}

int LineLocator::RecordLine(const XmlElement& record) {
  record_ = &record;
  record_line_ = record.line;
  record_offset_ = kNpos;
  if (!Saturated(record.line)) return record.line;
  if (next_search_ == kNpos) {
    // The first saturated record: it starts on line 65535 or later.
    next_search_ = OffsetOfLine(kSaturatedLine);
    cursor_offset_ = next_search_;
    cursor_line_ = kSaturatedLine;
  }
  size_t at = FindStartTag(record_tag_, next_search_);
  if (at == kNpos) return record.line;
  cursor_line_ += CountLines(cursor_offset_, at);
  cursor_offset_ = at;
  next_search_ = at + 1;
  record_offset_ = at;
  record_line_ = cursor_line_;
  return record_line_;
}

int LineLocator::LineOf(const XmlElement& element) const {
  if (!Saturated(element.line) || record_ == nullptr) return element.line;
  if (&element == record_) return record_line_;
  // The element is the k-th element of its name, in document order, inside the record.
  int k = 0;
  bool found = false;
  std::function<void(const XmlElement&)> walk = [&](const XmlElement& node) {
    if (found) return;
    if (&node == &element) {
      found = true;
      return;
    }
    if (node.name == element.name) ++k;
    for (const XmlElement& child : node.children) walk(child);
  };
  walk(*record_);
  if (!found) return element.line;
  size_t record_offset = record_offset_;
  if (record_offset == kNpos) {
    record_offset = FindStartTag(record_tag_, OffsetOfLine(record_line_));
    if (record_offset == kNpos) return element.line;
  }
  size_t at = FindStartTag(element.name, record_offset);
  for (int i = 0; i < k && at != kNpos; ++i) at = FindStartTag(element.name, at + 1);
  if (at == kNpos) return element.line;
  return record_line_ + CountLines(record_offset, at);
}

}  // namespace interdict::lists::ofac_xml_internal
