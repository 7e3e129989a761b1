// Slow, obviously correct oracles for match/string_metrics.h (rapidfuzz_reference idea).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace interdict::match::reference {

// Jaro, written straight from the definition with explicit vectors.
inline double Jaro(const std::string& s1, const std::string& s2) {
  if (s1.empty() && s2.empty()) return 1.0;
  if (s1.empty() || s2.empty()) return 0.0;
  const std::string& a = s1.size() <= s2.size() ? s1 : s2;
  const std::string& b = s1.size() <= s2.size() ? s2 : s1;
  int window = std::max<int>(0, static_cast<int>(b.size()) / 2 - 1);
  std::vector<bool> am(a.size(), false), bm(b.size(), false);
  int m = 0;
  for (int i = 0; i < static_cast<int>(a.size()); ++i) {
    for (int j = std::max(0, i - window);
         j <= std::min<int>(static_cast<int>(b.size()) - 1, i + window); ++j) {
      if (!bm[j] && a[i] == b[j]) {
        am[i] = bm[j] = true;
        ++m;
        break;
      }
    }
  }
  if (m == 0) return 0.0;
  std::string sa, sb;
  for (size_t i = 0; i < a.size(); ++i)
    if (am[i]) sa += a[i];
  for (size_t j = 0; j < b.size(); ++j)
    if (bm[j]) sb += b[j];
  int t = 0;
  for (size_t i = 0; i < sa.size(); ++i) t += sa[i] != sb[i];
  double md = m;
  return (md / a.size() + md / b.size() + (md - t / 2.0) / md) / 3.0;
}

inline double JaroWinkler(const std::string& a, const std::string& b) {
  double j = Jaro(a, b);
  if (j < 0.7) return j;
  size_t l = 0;
  while (l < 4 && l < a.size() && l < b.size() && a[l] == b[l]) ++l;
  return j + l * 0.1 * (1 - j);
}

// Full-matrix optimal string alignment distance.
inline size_t Osa(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace interdict::match::reference
