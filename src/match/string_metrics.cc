#include "match/string_metrics.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace interdict::match {
namespace {

constexpr size_t kStackLimit = 64;

// Jaro() for |a| <= |b| <= 64, the same matches and transpositions with one bit per
// position: bit j of match_mask[c] says b[j] == c, so the first unmatched equal character of
// b inside a's window is the lowest bit of one AND. No allocation, no memset of flag arrays.
double JaroBits(std::string_view a, std::string_view b, size_t window) {
  uint64_t match_mask[256];  // only the entries of characters in a or b are ever read
  for (char c : a) match_mask[static_cast<unsigned char>(c)] = 0;
  for (char c : b) match_mask[static_cast<unsigned char>(c)] = 0;
  for (size_t j = 0; j < b.size(); ++j) {
    match_mask[static_cast<unsigned char>(b[j])] |= uint64_t{1} << j;
  }
  uint64_t a_flags = 0, b_flags = 0;
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(b.size(), i + window + 1);  // window is [lo, hi)
    const uint64_t in_window =
        (hi == 64 ? ~uint64_t{0} : (uint64_t{1} << hi) - 1) & ~((uint64_t{1} << lo) - 1);
    const uint64_t open = match_mask[static_cast<unsigned char>(a[i])] & ~b_flags & in_window;
    if (open == 0) continue;
    b_flags |= open & (~open + 1);  // the lowest set bit
    a_flags |= uint64_t{1} << i;
    ++matches;
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  while (a_flags != 0) {
    const int i = __builtin_ctzll(a_flags);
    const int k = __builtin_ctzll(b_flags);
    if (a[static_cast<size_t>(i)] != b[static_cast<size_t>(k)]) ++transpositions;
    a_flags &= a_flags - 1;
    b_flags &= b_flags - 1;
  }
  const double m = static_cast<double>(matches);
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
          (m - static_cast<double>(transpositions) / 2.0) / m) /
         3.0;
}

}  // namespace

double Jaro(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() > b.size()) std::swap(a, b);  // a is the shorter
  const size_t window = b.size() / 2 > 0 ? b.size() / 2 - 1 : 0;
  if (b.size() <= 64) return JaroBits(a, b, window);
  std::vector<bool> a_flags(a.size()), b_flags(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (!b_flags[j] && a[i] == b[j]) {
        a_flags[i] = b_flags[j] = true;
        ++matches;
        break;
      }
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  size_t k = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a_flags[i]) continue;
    while (!b_flags[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  return (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
          (m - static_cast<double>(transpositions) / 2.0) / m) /
         3.0;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  double jaro = Jaro(a, b);
  if (jaro < 0.7) return jaro;
  size_t prefix = 0;
  size_t limit = std::min<size_t>({4, a.size(), b.size()});
  while (prefix < limit && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

size_t OsaDistance(std::string_view a, std::string_view b, size_t max_distance) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter: rows over a, columns over b
  if (a.size() - b.size() > max_distance) return max_distance + 1;
  // Strip a common prefix and suffix: they never change the distance.
  while (!b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (b.empty()) return a.size() > max_distance ? max_distance + 1 : a.size();
  const size_t n = b.size();
  size_t stack_rows[3][kStackLimit + 1];
  std::vector<size_t> heap;
  size_t* prev2;
  size_t* prev;
  size_t* cur;
  if (n + 1 <= kStackLimit + 1) {
    prev2 = stack_rows[0];
    prev = stack_rows[1];
    cur = stack_rows[2];
  } else {
    heap.resize(3 * (n + 1));
    prev2 = heap.data();
    prev = prev2 + n + 1;
    cur = prev + n + 1;
  }
  for (size_t j = 0; j <= n; ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t row_min = cur[0];
    for (size_t j = 1; j <= n; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max_distance) return max_distance + 1;
    size_t* tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
  }
  size_t d = prev[n];
  return d > max_distance ? max_distance + 1 : d;
}

double OsaSimilarity(std::string_view a, std::string_view b) {
  size_t longest = std::max(a.size(), b.size());
  if (longest == 0) return 1.0;
  return 1.0 - static_cast<double>(OsaDistance(a, b)) / static_cast<double>(longest);
}

}  // namespace interdict::match
