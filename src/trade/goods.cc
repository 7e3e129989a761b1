#include "trade/goods.h"

#include <algorithm>

namespace interdict::trade {
namespace {

bool IsSeparator(std::string_view text, size_t i, size_t* width) {
  char c = text[i];
  if (c == '.' || c == ' ' || c == '-' || c == '\t') {
    *width = 1;
    return true;
  }
  if (text.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
    *width = 2;
    return true;
  }
  return false;
}

}  // namespace

Result<HsCode> ParseHsCode(std::string_view text) {
  std::string shown(text.substr(0, 40));
  if (text.size() > 40) shown += "...";
  HsCode code;
  for (size_t i = 0; i < text.size();) {
    size_t width = 0;
    char c = text[i];
    if (c >= '0' && c <= '9') {
      code.digits.push_back(c);
      ++i;
    } else if (IsSeparator(text, i, &width)) {
      i += width;
    } else {
      std::string what = (c >= 0x21 && c <= 0x7E)
                             ? std::string("'") + c + "'"
                             : "byte " + std::to_string(static_cast<unsigned char>(c));
      return Status::InvalidArgument("HS code \"" + shown + "\": unexpected " + what +
                                     " (an HS code is 6, 8 or 10 digits)");
    }
  }
  if (code.digits.empty()) return Status::InvalidArgument("HS code is empty");
  size_t n = code.digits.size();
  if (n != 6 && n != 8 && n != 10) {
    return Status::InvalidArgument("HS code \"" + shown + "\": " + std::to_string(n) +
                                   " digits (an HS code is 6, 8 or 10 digits" +
                                   (n == 4 ? "; a 4-digit heading is too coarse to screen)" : ")"));
  }
  std::string chapter = code.digits.substr(0, 2);
  if (chapter == "00" || chapter == "77" || chapter == "98" || chapter == "99") {
    return Status::InvalidArgument("HS code \"" + shown + "\": chapter " + chapter +
                                   " is not an HS chapter (01-97, 77 reserved; 98-99 are "
                                   "national use)");
  }
  code.hs6 = code.digits.substr(0, 6);
  return code;
}

std::vector<TermMatch> MatchGoodsTerms(const ControlTables& tables, std::string_view description) {
  std::string text = FoldForTerms(description);
  struct Span {
    size_t begin, end;
    const GoodsTerm* term;
  };
  std::vector<Span> spans;
  for (const GoodsTerm& g : tables.terms()) {
    for (size_t at = text.find(g.folded); at != std::string::npos;
         at = text.find(g.folded, at + 1)) {
      // FoldForTerms leaves single spaces between words, so a word starts at 0 or after ' '.
      if (!g.anywhere && at > 0 && text[at - 1] != ' ') continue;
      spans.push_back(Span{at, at + g.folded.size(), &g});
    }
  }
  // Longest first, then leftmost; keep spans that overlap no kept span.
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    size_t la = a.end - a.begin, lb = b.end - b.begin;
    return la != lb ? la > lb : a.begin < b.begin;
  });
  std::vector<Span> kept;
  for (const Span& s : spans) {
    bool overlaps = std::any_of(kept.begin(), kept.end(),
                                [&](const Span& k) { return s.begin < k.end && k.begin < s.end; });
    if (!overlaps) kept.push_back(s);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<TermMatch> out;
  for (const Span& s : kept) {
    // Report the whole word the term started, so "подшипники" shows as written.
    size_t end = s.end;
    if (!s.term->anywhere) {
      while (end < text.size() && text[end] != ' ') ++end;
    }
    out.push_back(TermMatch{s.term, text.substr(s.begin, end - s.begin)});
  }
  return out;
}

}  // namespace interdict::trade
