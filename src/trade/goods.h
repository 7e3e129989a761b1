// File: trade/goods.h
//
// Goods as they appear on invoices: HS codes written with 6, 8 or 10 digits (with or without
// dots and spaces) reduced to the international HS-6 subheading, and free-text descriptions
// matched against the CHPL description terms (weaker evidence than a code).
//
//   Result<HsCode> code = trade::ParseHsCode("8542 31 00");   // code->hs6 == "854231"
//   for (const TermMatch& m : trade::MatchGoodsTerms(tables, "микросхемы STM32")) ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interdict/status.h"

#include "trade/controls.h"

namespace interdict::trade {

struct HsCode {
  std::string digits;  // every digit as written ("8542310000")
  std::string hs6;     // the first six ("854231")
};

// Reads an HS code as written on an invoice: 6, 8 or 10 digits, optionally split by dots,
// spaces, hyphens or no-break spaces ("8542.31", "8542 31 00", "85423100 00",
// "8542.31.0000"). Never guesses: kInvalidArgument, saying what is wrong, for an empty code,
// any other character (letters included), another digit count (a 4-digit heading is too
// coarse to screen), or a chapter that does not exist in the Harmonized System (00, 77, and
// the national-use chapters 98 and 99).
Result<HsCode> ParseHsCode(std::string_view text);

// One description term found in a goods description.
struct TermMatch {
  const GoodsTerm* term = nullptr;  // points into the ControlTables
  std::string matched;              // the folded text that matched
};

// Finds the CHPL description terms in `description` (folded with FoldForTerms()). Latin and
// Cyrillic terms match at the start of a word and may run on into an inflected ending
// ("bearing" in "bearings", "микросхем" in "микросхемы"); Han terms match anywhere. When
// matches overlap the longest wins, so "ball bearing" hides "bearing". In text order.
// O(terms x description length); descriptions are short.
std::vector<TermMatch> MatchGoodsTerms(const ControlTables& tables, std::string_view description);

}  // namespace interdict::trade
