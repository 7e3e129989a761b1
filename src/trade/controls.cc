#include "trade/controls.h"

#include <array>
#include <utility>

#include "base/csv.h"
#include "base/text.h"
#include "model/country.h"

namespace interdict::trade {
namespace {

struct TableSpec {
  ControlTable table;
  std::string_view name;
  std::string_view file;
  std::vector<std::string_view> columns;  // required
};

const std::array<TableSpec, 4>& Specs() {
  static const std::array<TableSpec, 4> specs = {{
      {ControlTable::kChpl, "chpl", "chpl.csv", {"hs6", "tier", "description"}},
      {ControlTable::kGoodsTerms,
       "goods_terms",
       "goods_terms.csv",
       {"term", "language", "hs6", "tier", "category"}},
      {ControlTable::kDiversion,
       "diversion",
       "diversion_destinations.csv",
       {"iso2", "country", "basis"}},
      {ControlTable::kEmbargo,
       "embargo",
       "embargoed_destinations.csv",
       {"iso2", "country", "basis"}},
  }};
  return specs;
}

const TableSpec& SpecOf(ControlTable table) { return Specs()[static_cast<size_t>(table)]; }

bool IsHs6(std::string_view s) {
  if (s.size() != 6) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

char32_t FoldCodePoint(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 0x20;
  if (cp >= 0xFF01 && cp <= 0xFF5E) return FoldCodePoint(cp - 0xFEE0);  // full-width ASCII
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;         // Latin-1 capitals
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;                   // Cyrillic А..Я
  if (cp == 0x0401 || cp == 0x0451) return 0x0435;                      // Ё ё -> е
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;                   // Ѐ..Џ
  if (cp == 0x0130) return 'i';                                         // Turkish İ
  return cp;
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  if (cp == 0xFFFD) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if (cp == 0xA0 || cp == 0xD7 || cp == 0xF7 || (cp >= 0xA1 && cp <= 0xBF)) return false;
  return true;
}

// Reads a whole table: header check, then rows with their line numbers.
struct Table {
  std::vector<size_t> col;  // index of each required column in the file
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> lines;
};

Result<Table> ReadTable(const TableSpec& spec, const InputFile& file) {
  const std::string& name = file.name;
  if (base::Trim(file.bytes).empty()) {
    return Status::DataLoss(name + ": empty file, expected a header " +
                            std::string(spec.columns.front()) + ",...");
  }
  if (base::LooksBinary(file.bytes)) {
    return Status::DataLoss(name + ": binary data, not a CSV table");
  }
  size_t bad = base::FindInvalidUtf8(file.bytes);
  if (bad != std::string_view::npos) {
    return Status::DataLoss(name + ": line " + std::to_string(base::LineOfOffset(file.bytes, bad)) +
                            ": invalid UTF-8");
  }
  std::string_view bytes = file.bytes;
  if (base::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  base::CsvReader reader(bytes);
  std::vector<std::string> row;
  Table t;
  if (!reader.Next(&row)) {
    Status s = reader.status();
    return s.ok() ? Status::DataLoss(name + ": no header") : s.WithPrefix(name);
  }
  for (std::string_view need : spec.columns) {
    size_t found = row.size();
    for (size_t i = 0; i < row.size(); ++i) {
      if (base::AsciiToLower(base::Trim(row[i])) == need) found = i;
    }
    if (found == row.size()) {
      std::string want;
      for (std::string_view c : spec.columns) want += (want.empty() ? "" : ",") + std::string(c);
      return Status::DataLoss(name + ": line 1: header lacks column \"" + std::string(need) +
                              "\" (a " + std::string(spec.name) + " table needs " + want + ")");
    }
    t.col.push_back(found);
  }
  while (reader.Next(&row)) {
    if (row.size() == 1 && base::Trim(row[0]).empty()) continue;
    if (!row.empty() && base::StartsWith(base::Trim(row[0]), "#")) continue;  // comment row
    std::vector<std::string> cells;
    for (size_t c : t.col) {
      cells.push_back(c < row.size() ? std::string(base::Trim(row[c])) : std::string());
    }
    t.rows.push_back(std::move(cells));
    t.lines.push_back(reader.line());
  }
  if (!reader.status().ok()) return reader.status().WithPrefix(name);
  return t;
}

Status RowError(const std::string& file, size_t line, const std::string& message) {
  return Status::DataLoss(file + ": line " + std::to_string(line) + ": " + message);
}

}  // namespace

std::string_view ControlTableName(ControlTable table) { return SpecOf(table).name; }
std::string_view ControlTableFileName(ControlTable table) { return SpecOf(table).file; }

std::optional<ControlTable> ControlTableFromName(std::string_view name) {
  std::string n = base::AsciiToLower(base::Trim(name));
  if (n == "chpl") return ControlTable::kChpl;
  if (n == "goods_terms" || n == "terms") return ControlTable::kGoodsTerms;
  if (n == "diversion" || n == "diversion_destinations") return ControlTable::kDiversion;
  if (n == "embargo" || n == "embargoed" || n == "embargoed_destinations") {
    return ControlTable::kEmbargo;
  }
  return std::nullopt;
}

std::string RowSource::ToString() const {
  size_t slash = file.find_last_of('/');
  return (slash == std::string::npos ? file : file.substr(slash + 1)) + ":" + std::to_string(line);
}

std::string_view ChplTierName(ChplTier tier) {
  static constexpr std::array<std::string_view, 6> kNames = {"1", "2", "3A", "3B", "4A", "4B"};
  return kNames[static_cast<size_t>(tier)];
}

std::optional<ChplTier> ChplTierFromName(std::string_view name) {
  std::string n = base::AsciiToUpper(base::Trim(name));
  if (base::StartsWith(n, "TIER")) n = std::string(base::Trim(std::string_view(n).substr(4)));
  for (int t = 0; t < 6; ++t) {
    if (ChplTierName(static_cast<ChplTier>(t)) == n) return static_cast<ChplTier>(t);
  }
  return std::nullopt;
}

std::string FoldForTerms(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = true;  // suppress leading and repeated spaces
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = FoldCodePoint(base::DecodeUtf8(text, &pos));
    if (!IsWordCodePoint(cp)) {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    base::AppendUtf8(cp, &out);
    space = false;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Status ControlTables::Add(ControlTable table, const InputFile& file) {
  const TableSpec& spec = SpecOf(table);
  INTERDICT_ASSIGN_OR_RETURN(Table t, ReadTable(spec, file));
  const std::string& name = file.name;
  switch (table) {
    case ControlTable::kChpl: {
      std::vector<ChplItem> items;
      for (size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        if (!IsHs6(r[0])) {
          return RowError(name, t.lines[i], "hs6 \"" + r[0] + "\" is not 6 digits");
        }
        std::optional<ChplTier> tier = ChplTierFromName(r[1]);
        if (!tier) {
          return RowError(name, t.lines[i],
                          "tier \"" + r[1] + "\" is not one of 1, 2, 3A, 3B, 4A, 4B");
        }
        items.push_back(ChplItem{r[0], *tier, r[2], RowSource{name, t.lines[i]}});
      }
      for (ChplItem& item : items) {
        std::string key = item.hs6;
        chpl_[key] = std::move(item);
      }
      break;
    }
    case ControlTable::kGoodsTerms: {
      std::vector<GoodsTerm> terms;
      for (size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        GoodsTerm g;
        g.term = r[0];
        g.folded = FoldForTerms(r[0]);
        if (g.folded.empty()) return RowError(name, t.lines[i], "empty term");
        g.language = base::AsciiToLower(r[1]);
        if (g.language.empty()) return RowError(name, t.lines[i], "empty language");
        g.hs6 = r[2];
        if (!g.hs6.empty() && !IsHs6(g.hs6)) {
          return RowError(name, t.lines[i], "hs6 \"" + g.hs6 + "\" is not 6 digits");
        }
        if (g.hs6.empty()) {
          std::optional<ChplTier> tier = ChplTierFromName(r[3]);
          if (!tier) {
            return RowError(
                name, t.lines[i],
                "term \"" + g.term + "\" needs an hs6 or a tier (1, 2, 3A, 3B, 4A, 4B)");
          }
          g.tier = *tier;
        } else if (!r[3].empty()) {
          std::optional<ChplTier> tier = ChplTierFromName(r[3]);
          if (!tier) return RowError(name, t.lines[i], "tier \"" + r[3] + "\" is not a CHPL tier");
          g.tier = *tier;
        }
        g.category = r[4];
        size_t pos = 0;
        g.anywhere = IsHan(base::DecodeUtf8(g.folded, &pos));
        g.source = RowSource{name, t.lines[i]};
        terms.push_back(std::move(g));
      }
      for (GoodsTerm& g : terms) {
        bool replaced = false;
        for (GoodsTerm& have : terms_) {
          if (have.folded == g.folded && have.language == g.language) {
            have = g;
            replaced = true;
          }
        }
        if (!replaced) terms_.push_back(std::move(g));
      }
      break;
    }
    case ControlTable::kDiversion:
    case ControlTable::kEmbargo: {
      std::vector<CountryControl> rows;
      for (size_t i = 0; i < t.rows.size(); ++i) {
        const auto& r = t.rows[i];
        std::string_view iso2 = model::CountryToIso2(r[0].empty() ? r[1] : r[0]);
        if (iso2.empty()) {
          return RowError(name, t.lines[i],
                          "unknown country \"" + (r[0].empty() ? r[1] : r[0]) +
                              "\" (expected an ISO alpha-2 code)");
        }
        rows.push_back(CountryControl{std::string(iso2),
                                      r[1].empty() ? std::string(model::CountryName(iso2)) : r[1],
                                      r[2], RowSource{name, t.lines[i]}});
      }
      auto& target = table == ControlTable::kDiversion ? diversion_ : embargo_;
      for (CountryControl& c : rows) {
        std::string key = c.iso2;
        target[key] = std::move(c);
      }
      break;
    }
  }
  files_.push_back(name);
  return Status::Ok();
}

Status ControlTables::Validate() {
  for (GoodsTerm& g : terms_) {
    if (g.hs6.empty()) continue;
    const ChplItem* item = FindChpl(g.hs6);
    if (item == nullptr) {
      return RowError(g.source.file, g.source.line,
                      "term \"" + g.term + "\": hs6 " + g.hs6 + " is not on the CHPL table");
    }
    g.tier = item->tier;
  }
  return Status::Ok();
}

const ChplItem* ControlTables::FindChpl(std::string_view hs6) const {
  auto it = chpl_.find(hs6);
  return it == chpl_.end() ? nullptr : &it->second;
}

const CountryControl* ControlTables::FindDiversion(std::string_view iso2) const {
  auto it = diversion_.find(iso2);
  return it == diversion_.end() ? nullptr : &it->second;
}

const CountryControl* ControlTables::FindEmbargo(std::string_view iso2) const {
  auto it = embargo_.find(iso2);
  return it == embargo_.end() ? nullptr : &it->second;
}

}  // namespace interdict::trade
