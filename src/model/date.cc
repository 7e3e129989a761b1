#include "model/date.h"

#include <array>
#include <string>
#include <vector>

#include "base/text.h"

namespace interdict::model {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool ValidYear(uint64_t y) { return y >= 1000 && y <= 2100; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = year > 0 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0);
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

std::optional<PartialDate> Make(uint64_t y, uint64_t m, uint64_t d) {
  if (!ValidYear(y) || m > 12 || d > 31) return std::nullopt;
  if (m == 0 && d != 0) return std::nullopt;
  if (d != 0 && static_cast<int>(d) > DaysInMonth(static_cast<int>(y), static_cast<int>(m))) {
    return std::nullopt;
  }
  PartialDate out;
  out.year = static_cast<int16_t>(y);
  out.month = static_cast<uint8_t>(m);
  out.day = static_cast<uint8_t>(d);
  return out;
}

// Splits "31 Aug 1960" / "31-Aug-1960" / "Aug. 31, 1960" into word tokens.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() &&
           (s[i] == ' ' || s[i] == ',' || s[i] == '.' || s[i] == '-' || s[i] == '\t')) {
      ++i;
    }
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '.' && s[i] != '-' &&
           s[i] != '\t') {
      ++i;
    }
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::optional<PartialDate> ParseNumericSeparated(std::string_view s, char sep, bool year_first) {
  std::vector<std::string_view> parts = base::Split(s, std::string_view(&sep, 1));
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  std::vector<uint64_t> nums;
  for (std::string_view p : parts) {
    auto v = base::ParseUint(base::Trim(p));
    if (!v) return std::nullopt;
    nums.push_back(*v);
  }
  if (year_first) {
    if (parts[0].size() != 4) return std::nullopt;
    return Make(nums[0], nums[1], nums.size() == 3 ? nums[2] : 0);
  }
  if (parts.back().size() != 4) return std::nullopt;
  if (nums.size() == 2) return Make(nums[1], nums[0], 0);  // mm/yyyy
  // dd/mm/yyyy; 00 marks an unknown part (OFSI).
  return Make(nums[2], nums[1], nums[1] == 0 ? 0 : nums[0]);
}

}  // namespace

int MonthFromName(std::string_view name) {
  std::string lower = base::AsciiToLower(base::Trim(name));
  if (lower == "sept") return 9;
  if (lower.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i].substr(0, lower.size()) == lower) return static_cast<int>(i) + 1;
  }
  return 0;
}

std::optional<PartialDate> ParseDate(std::string_view text) {
  std::string_view s = base::Trim(text);
  if (s.empty()) return std::nullopt;
  // ISO: 1960-08-31, 1960-08, also with a time part "1960-08-31T00:00:00".
  if (s.size() >= 7 && s[4] == '-' && base::ParseUint(s.substr(0, 4))) {
    std::string_view date = s.substr(0, s.find('T'));
    if (auto d = ParseNumericSeparated(date, '-', true)) return d;
  }
  if (s.find('/') != std::string_view::npos) {
    if (s.size() >= 7 && s[4] == '/') return ParseNumericSeparated(s, '/', true);
    return ParseNumericSeparated(s, '/', false);
  }
  if (s.size() >= 7 && s.find('.') != std::string_view::npos && base::ParseUint(s.substr(0, 2)) &&
      base::ParseUint(s.substr(s.size() - 4))) {
    if (auto d = ParseNumericSeparated(s, '.', false)) return d;
  }
  if (auto y = base::ParseUint(s)) {
    if (s.size() == 4) return Make(*y, 0, 0);
    if (s.size() == 8) return Make(*y / 10000, (*y / 100) % 100, *y % 100);  // 19600831
    return std::nullopt;
  }
  // Words: "31 Aug 1960", "Aug 1960", "August 31, 1960", "31-AUG-1960".
  std::vector<std::string_view> words = Words(s);
  uint64_t day = 0, month = 0, year = 0;
  for (std::string_view w : words) {
    if (auto v = base::ParseUint(w)) {
      if (w.size() == 4 && year == 0) {
        year = *v;
      } else if (w.size() <= 2 && day == 0) {
        day = *v;
      } else {
        return std::nullopt;
      }
    } else if (int m = MonthFromName(w); m != 0 && month == 0) {
      month = static_cast<uint64_t>(m);
    } else {
      return std::nullopt;
    }
  }
  if (year == 0) return std::nullopt;
  return Make(year, month, day);
}

std::optional<DateOfBirth> ParseDateOfBirth(std::string_view text) {
  std::string_view s = base::Trim(text);
  DateOfBirth dob;
  dob.text = std::string(s);
  for (std::string_view prefix : {"circa ", "circa", "approximately ", "approx. ", "approx ",
                                  "about ", "c. ", "ca. ", "ca "}) {
    if (base::StartsWithIgnoreCase(s, prefix)) {
      dob.circa = true;
      s = base::Trim(s.substr(prefix.size()));
      break;
    }
  }
  std::string_view a, b;
  if (base::StartsWithIgnoreCase(s, "between ")) {
    std::string_view rest = s.substr(8);
    size_t and_pos = base::FindIgnoreCase(rest, " and ");
    if (and_pos == std::string_view::npos) return std::nullopt;
    a = rest.substr(0, and_pos);
    b = rest.substr(and_pos + 5);
  } else if (size_t to = base::FindIgnoreCase(s, " to "); to != std::string_view::npos) {
    a = s.substr(0, to);
    b = s.substr(to + 4);
  } else if (size_t dash = s.find(" - "); dash != std::string_view::npos) {
    a = s.substr(0, dash);
    b = s.substr(dash + 3);
  } else if (s.size() == 9 && s[4] == '-' && base::ParseUint(s.substr(0, 4)) &&
             base::ParseUint(s.substr(5))) {
    a = s.substr(0, 4);  // "1960-1962"
    b = s.substr(5);
  }
  if (!a.empty()) {
    auto from = ParseDate(a);
    auto to = ParseDate(b);
    if (!from || !to) return std::nullopt;
    dob.from = *from;
    dob.to = *to;
    return dob;
  }
  auto d = ParseDate(s);
  if (!d) return std::nullopt;
  dob.from = dob.to = *d;
  return dob;
}

}  // namespace interdict::model
