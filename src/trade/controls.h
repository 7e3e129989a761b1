// File: trade/controls.h
//
// The control tables the goods and route layers screen against, loaded from CSV data a user
// can replace or extend (docs/trade.md#control-tables):
//   chpl.csv                     hs6,tier,description   the Common High Priority List
//   goods_terms.csv              term,language,hs6,tier,category   description terms
//   diversion_destinations.csv   iso2,country,basis     transshipment hubs
//   embargoed_destinations.csv   iso2,country,basis     embargoed destinations
//
//   ControlTables t;
//   INTERDICT_RETURN_IF_ERROR(t.Add(ControlTable::kChpl, InputFile{"chpl.csv", bytes}));
//   ...
//   INTERDICT_RETURN_IF_ERROR(t.Validate());
//   if (const ChplItem* item = t.FindChpl("854231")) ... item->tier ...
//
// A later row with the same key (hs6, iso2, term+language) replaces the earlier one, so a
// user file added after the bundled one overrides it. Thread-compatible; share it const.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::trade {

enum class ControlTable : uint8_t { kChpl, kGoodsTerms, kDiversion, kEmbargo };

// "chpl", "goods_terms", "diversion", "embargo".
std::string_view ControlTableName(ControlTable table);
// Inverse of ControlTableName(); also accepts "terms", "diversion_destinations",
// "embargoed_destinations", "embargoed". nullopt for anything else.
std::optional<ControlTable> ControlTableFromName(std::string_view name);
// The bundled file name of each table ("chpl.csv", ...).
std::string_view ControlTableFileName(ControlTable table);

// Where a row came from.
struct RowSource {
  std::string file;  // as given to Add() (may hold a directory)
  size_t line = 0;
  // "chpl.csv:12": the file name without its directory, and the line.
  std::string ToString() const;
};

// CHPL tiers in priority order: 1 (highest) ... 4B.
enum class ChplTier : uint8_t { kTier1 = 0, kTier2, kTier3A, kTier3B, kTier4A, kTier4B };
std::string_view ChplTierName(ChplTier tier);  // "1", "2", "3A", "3B", "4A", "4B"
std::optional<ChplTier> ChplTierFromName(std::string_view name);

struct ChplItem {
  std::string hs6;
  ChplTier tier = ChplTier::kTier1;
  std::string description;
  RowSource source;
};

// A word or phrase of a goods description that points at a CHPL category.
struct GoodsTerm {
  std::string term;      // as written in the table
  std::string folded;    // FoldForTerms(term): what is matched
  std::string language;  // ISO 639-1 ("en", "ru", "zh")
  std::string hs6;       // the CHPL code it indicates, or "" when only the tier is known
  ChplTier tier = ChplTier::kTier1;  // from the CHPL row of hs6 when hs6 is given
  std::string category;
  bool anywhere = false;  // Han terms match inside words; others only at a word start
  RowSource source;
};

// A country on the diversion or the embargo table.
struct CountryControl {
  std::string iso2;
  std::string country;
  std::string basis;  // the guidance or regulation the row rests on
  RowSource source;
};

class ControlTables {
 public:
  // Parses one CSV table and adds (or replaces) its rows. The header must hold the table's
  // columns (any order, extra columns ignored). Errors (kDataLoss), naming file and line:
  // empty or binary file, invalid UTF-8, missing column, unterminated quote, a malformed hs6
  // (not 6 digits), unknown tier, unknown country, empty term. A failed file adds nothing.
  Status Add(ControlTable table, const InputFile& file);

  // Checks the tables together: every goods term with an hs6 names a CHPL code (its tier is
  // taken from there). Call once after the last Add(). kDataLoss naming the term's row.
  Status Validate();

  // nullptr when `hs6` is not on the CHPL.
  const ChplItem* FindChpl(std::string_view hs6) const;
  const CountryControl* FindDiversion(std::string_view iso2) const;
  const CountryControl* FindEmbargo(std::string_view iso2) const;

  const std::map<std::string, ChplItem, std::less<>>& chpl() const { return chpl_; }
  const std::vector<GoodsTerm>& terms() const { return terms_; }
  const std::map<std::string, CountryControl, std::less<>>& diversion() const { return diversion_; }
  const std::map<std::string, CountryControl, std::less<>>& embargo() const { return embargo_; }
  // Files added, in order ("chpl.csv", "my_controls.csv", ...).
  const std::vector<std::string>& files() const { return files_; }

 private:
  std::map<std::string, ChplItem, std::less<>> chpl_;
  std::vector<GoodsTerm> terms_;
  std::map<std::string, CountryControl, std::less<>> diversion_;
  std::map<std::string, CountryControl, std::less<>> embargo_;
  std::vector<std::string> files_;
};

// Lower-cases (ASCII, Latin-1, Cyrillic, full-width forms), folds "ё" to "е", turns
// punctuation and hyphens into spaces and collapses them, so that descriptions and terms
// compare as words. Invalid UTF-8 bytes become spaces.
std::string FoldForTerms(std::string_view text);

}  // namespace interdict::trade
