// The Screener: normalizes and indexes every listed name once, then per query gathers
// candidates from the index, scores them with the name scorer, weighs secondary evidence
// (identifiers, date of birth, country, kind) and returns explained hits.
#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <thread>

#include "base/text.h"
#include "engine/screener_impl.h"
#include "model/country.h"
#include "model/date.h"
#include "normalize/name.h"
#include "normalize/romanize.h"

namespace interdict {

std::string Explanation::Summary() const {
  std::string out;
  for (const TokenAlignmentNote& a : alignment) {
    if (!out.empty()) out += " ";
    if (a.how == "exact") {
      out += a.query_token;
    } else {
      out += a.query_token + "~" + a.matched_token + "(" + a.how + ")";
    }
  }
  for (const std::string& u : unmatched_query) out += " -" + u;
  for (const std::string& u : unmatched_match) out += " +" + u;
  if (compact_score > 0 && compact_score >= token_score) out += " [joined]";
  if (legal_form_factor < 1) out += " [legal form differs]";
  if (han_characters_differ) out += " [Han characters differ]";
  for (const FeatureNote& f : features) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%+.2f", f.contribution);
    out += "; " + f.feature + " " + buf;
  }
  return out;
}

namespace engine {
namespace {

std::string Join(const NormalizedName& n) {
  std::string out;
  for (const NameToken& t : n.tokens) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

bool Indexable(const NameToken& t) {
  return t.role == TokenRole::kWord || t.role == TokenRole::kNumber;
}

}  // namespace

namespace {

// Calls fn(key) for every key stored for a list name: per word "k:<key>", its one-deletion
// variants "d:<del>" (for keys of 4+ letters), consonant skeletons "s:" (and "a:" for
// Arabic/Hebrew-script names), and "k:<a><b>" for adjacent word pairs (joined words). A key
// may come more than once. Keys are built in `*buf` (reused, so no allocation once it has
// grown); a key is valid only during its call.
template <typename Fn>
void ForEachListKey(const NormalizedName& n, std::string* buf, Fn&& fn) {
  std::string& key = *buf;
  auto emit = [&](std::string_view prefix, std::string_view a, std::string_view b) {
    key.assign(prefix);
    key.append(a);
    key.append(b);
    fn(std::string_view(key));
  };
  // Every one-deletion variant once.
  auto deletions = [&](std::string_view prefix, std::string_view word) {
    for (size_t i = 0; i < word.size(); ++i) {
      if (i > 0 && word[i] == word[i - 1]) continue;  // same variant as deleting i-1
      emit(prefix, word.substr(0, i), word.substr(i + 1));
    }
  };
  const NameToken* prev = nullptr;
  for (const NameToken& t : n.tokens) {
    if (!Indexable(t)) {
      prev = nullptr;
      continue;
    }
    emit("k:", t.key, {});
    emit("d:", t.text, {});
    // Spelling keys one edit apart count only across scripts (the scorer compares keys only
    // when one side was romanized or is Arabic/Hebrew): "e:" serves romanized queries against
    // every name, "r:" Latin queries against romanized names.
    emit("e:", t.key, {});
    if (t.role == TokenRole::kWord && t.key.size() >= 4) deletions("e:", t.key);
    if (n.romanized || n.abjad) {
      emit("r:", t.key, {});
      if (t.role == TokenRole::kWord && t.key.size() >= 4) deletions("r:", t.key);
    }
    if (t.role == TokenRole::kWord && t.text.size() >= kMinDeletionKey) deletions("d:", t.text);
    if (t.role == TokenRole::kWord && t.text.size() >= 3) {
      const std::string sk = match::ConsonantSkeleton(t.text);
      emit("s:", sk, {});
      if (n.abjad) emit("a:", sk, {});
    }
    // Abbreviations: short words meet the prefixes of long ones.
    if (t.role == TokenRole::kWord && t.text.size() >= 5) {
      emit("p:", std::string_view(t.text).substr(0, 3), {});
      emit("p:", std::string_view(t.text).substr(0, 4), {});
    } else if (t.role == TokenRole::kWord && t.text.size() >= 3) {
      emit("x:", t.text, {});
    }
    if (prev != nullptr) emit("k:", prev->text, t.text);
    prev = &t;
  }
  // Initials of organization names with 3-6 words, for acronym queries ("PLA").
  std::string initials;
  for (const NameToken& t : n.tokens) {
    if (t.role == TokenRole::kWord) initials.push_back(t.text[0]);
  }
  if (initials.size() >= 3 && initials.size() <= 6) emit("i:", initials, {});
}

}  // namespace

// Keys stored for a list name (ForEachListKey), sorted and distinct.
std::vector<std::string> ScreenerImpl::ListKeys(const NormalizedName& n) {
  std::vector<std::string> keys;
  std::string buf;
  ForEachListKey(n, &buf, [&](std::string_view key) { keys.emplace_back(key); });
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

namespace {

// Calls fn(key, bits) for every lookup of a query, each with the query token(s) it stands for
// (a bit mask), in QueryKeys() order. Keys are built in `*buf` (reused between queries, so no
// allocation once it has grown); a key is valid only during its call.
template <typename Fn>
void ForEachQueryKey(const NormalizedName& n, std::string* buf, Fn&& fn) {
  std::string& key = *buf;
  auto emit = [&](std::string_view prefix, std::string_view a, std::string_view b, uint32_t bits) {
    key.assign(prefix);
    key.append(a);
    key.append(b);
    fn(std::string_view(key), bits);
  };
  // Like AddDeletions(): every one-deletion variant once.
  auto deletions = [&](std::string_view prefix, std::string_view word, uint32_t bits) {
    for (size_t i = 0; i < word.size(); ++i) {
      if (i > 0 && word[i] == word[i - 1]) continue;  // same variant as deleting i-1
      emit(prefix, word.substr(0, i), word.substr(i + 1), bits);
    }
  };
  int prev = -1;
  for (size_t i = 0; i < n.tokens.size(); ++i) {
    const NameToken& t = n.tokens[i];
    if (!Indexable(t)) {
      prev = -1;
      continue;
    }
    uint32_t bit = 1u << i;
    emit("k:", t.key, {}, bit);
    const std::string_view key_family = (n.romanized || n.abjad) ? "e:" : "r:";
    emit(key_family, t.key, {}, bit);
    if (t.role == TokenRole::kWord && t.key.size() >= 4) deletions(key_family, t.key, bit);
    // One edit (substitution, insertion, deletion, transposition) away: both sides store
    // their word and its one-deletion variants under "d:" (symmetric deletion).
    emit("d:", t.text, {}, bit);
    if (t.role == TokenRole::kWord && t.text.size() >= kMinDeletionKey) {
      deletions("d:", t.text, bit);
    }
    if (t.role == TokenRole::kWord && t.text.size() >= 3) {
      emit(n.abjad ? "s:" : "a:", match::ConsonantSkeleton(t.text), {}, bit);
    }
    if (t.role == TokenRole::kWord && t.text.size() >= 5) {
      emit("x:", std::string_view(t.text).substr(0, 3), {}, bit);
      emit("x:", std::string_view(t.text).substr(0, 4), {}, bit);
    } else if (t.role == TokenRole::kWord && t.text.size() >= 3) {
      emit("p:", t.text, {}, bit);
    }
    if (prev >= 0) {
      // The list may write the two words joined.
      emit("k:", n.tokens[static_cast<size_t>(prev)].text, t.text, bit | (1u << prev));
    }
    prev = static_cast<int>(i);
  }
  // A one-word query of 3-6 letters may be an acronym of a listed name.
  {
    int words = 0, last = -1;
    for (size_t i = 0; i < n.tokens.size(); ++i) {
      if (n.tokens[i].role == TokenRole::kWord) {
        ++words;
        last = static_cast<int>(i);
      }
    }
    if (words == 1 && n.tokens[static_cast<size_t>(last)].text.size() >= 3 &&
        n.tokens[static_cast<size_t>(last)].text.size() <= 6) {
      emit("i:", n.tokens[static_cast<size_t>(last)].text, {}, 1u << last);
    }
  }
  // A single query word may be two listed words joined: lists store "k:<a><b>".
  for (size_t i = 0; i < n.tokens.size(); ++i) {
    if (Indexable(n.tokens[i]) && n.tokens[i].text != n.tokens[i].key) {
      emit("k:", n.tokens[i].text, {}, 1u << i);
    }
  }
}

}  // namespace

// Lookups for a query: each with the query token(s) it stands for (a bit mask).
std::vector<std::pair<std::string, uint32_t>> ScreenerImpl::QueryKeys(const NormalizedName& n) {
  std::vector<std::pair<std::string, uint32_t>> keys;
  std::string buf;
  ForEachQueryKey(n, &buf,
                  [&](std::string_view key, uint32_t bits) { keys.emplace_back(key, bits); });
  return keys;
}

Result<std::unique_ptr<Screener>> ScreenerImpl::Build(std::vector<Entity> entities) {
  auto impl = std::unique_ptr<ScreenerImpl>(new ScreenerImpl());
  // The first Chinese romanization builds a pinyin table (~1 s): pay it here, not in a query.
  (void)normalize::Romanize("\xE4\xB8\xAD");  // 中
  impl->entities_ = std::move(entities);
  // 1. Normalize every name (in parallel: romanization of non-Latin names is the cost).
  std::vector<std::pair<uint32_t, uint32_t>> refs;
  impl->first_name_.resize(impl->entities_.size());
  for (size_t e = 0; e < impl->entities_.size(); ++e) {
    impl->first_name_[e] = static_cast<uint32_t>(refs.size());
    for (size_t n = 0; n < impl->entities_[e].names.size(); ++n) {
      refs.emplace_back(static_cast<uint32_t>(e), static_cast<uint32_t>(n));
    }
  }
  impl->names_.resize(refs.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    constexpr size_t kChunk = 512;
    for (size_t start = next.fetch_add(kChunk); start < refs.size();
         start = next.fetch_add(kChunk)) {
      size_t end = std::min(refs.size(), start + kChunk);
      for (size_t i = start; i < end; ++i) {
        const Entity& e = impl->entities_[refs[i].first];
        IndexedName& out = impl->names_[i];
        out.entity = refs[i].first;
        out.name = refs[i].second;
        out.normalized = normalize::NormalizeName(e.names[refs[i].second].full, e.kind);
      }
    }
  };
  unsigned threads = std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  // 2. Token weights over all list names, then applied.
  for (const IndexedName& n : impl->names_) impl->weights_.AddDocument(n.normalized);
  impl->weights_.Finish();
  impl->meta_.resize(impl->names_.size());
  impl->more_top_weight_.resize(impl->names_.size());
  for (size_t i = 0; i < impl->names_.size(); ++i) {
    IndexedName& n = impl->names_[i];
    NameMeta& m = impl->meta_[i];
    impl->weights_.Apply(&n.normalized);
    const Entity& e = impl->entities_[n.entity];
    m.kind = e.kind;
    m.source = e.source;
    std::vector<float> w;
    for (const NameToken& t : n.normalized.tokens) {
      if (t.role != TokenRole::kParticle) w.push_back(t.weight);
      m.words += (t.role == TokenRole::kWord || t.role == TokenRole::kNumber) ? 1 : 0;
    }
    std::sort(w.begin(), w.end(), std::greater<float>());
    float sum = 0, top[8];
    for (size_t k = 0; k < w.size(); ++k) {
      sum += w[k];
      if (k < 8) top[k] = sum;
    }
    for (size_t k = w.size(); k < 8; ++k) top[k] = sum;
    std::copy(top, top + kTopWeights, m.top_weight);
    std::copy(top + kTopWeights, top + 8, impl->more_top_weight_[i].begin());
    m.total_weight = sum;
    n.normalized.CacheCompact();
    m.compact_length = static_cast<uint16_t>(std::min<size_t>(n.normalized.compact.size(), 65535));
  }

  // 3. Intern every token text (ids from 1) so queries can memoize token similarities.
  {
    std::unordered_map<std::string, uint32_t> ids;
    for (IndexedName& n : impl->names_) {
      for (NameToken& t : n.normalized.tokens) {
        auto [it, inserted] = ids.emplace(t.text, static_cast<uint32_t>(ids.size() + 1));
        t.id = it->second;
      }
    }
    impl->vocabulary_ = ids.size() + 1;
  }

  // 4. Index, and the filter over its keys.
  index::IndexBuilder builder;
  impl->key_filter_.Reset(impl->names_.size());
  std::string key_buf;
  for (size_t i = 0; i < impl->names_.size(); ++i) {
    ForEachListKey(impl->names_[i].normalized, &key_buf, [&](std::string_view key) {
      const uint32_t hash = KeyFilter::Hash(key);
      impl->key_filter_.Add(hash);
      builder.Add(static_cast<uint32_t>(i), key, hash);
    });
  }
  impl->index_ = std::move(builder).Finish();

  // 5. Identifier lookup.
  for (size_t e = 0; e < impl->entities_.size(); ++e) {
    for (const Identifier& id : impl->entities_[e].identifiers) {
      std::string v = NormalizeIdValue(id.value);
      if (v.size() >= 4) impl->ids_[v].push_back(static_cast<uint32_t>(e));
    }
  }
  return std::unique_ptr<Screener>(std::move(impl));
}

void KeyFilter::Reset(size_t names) {
  size_t bits = 4096;
  while (bits < names * kBitsPerName) bits <<= 1;
  bits_.assign(bits / 64, 0);
  mask_ = bits - 1;
}

void KeyFilter::Add(uint32_t hash) {
  bits_[Word(hash)] |= (uint64_t{1} << FirstBit(hash)) | (uint64_t{1} << SecondBit(hash));
}

std::string ScreenerImpl::NormalizeIdValue(std::string_view raw) {
  std::string out;
  for (char c : raw) {
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      out.push_back(c);
    } else if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    }
  }
  if (base::StartsWith(out, "IMO") && out.size() == 10) out = out.substr(3);
  return out;
}

Status ScreenerImpl::ValidateName(std::string_view name, const char* what) {
  if (name.size() > kMaxNameBytes) {
    return Status::InvalidArgument(std::string(what) + " is longer than " +
                                   std::to_string(kMaxNameBytes) + " bytes");
  }
  size_t bad = base::FindInvalidUtf8(name);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument(std::string(what) + " is not valid UTF-8 (byte " +
                                   std::to_string(bad) + ")");
  }
  if (base::Trim(name).empty()) return Status::InvalidArgument(std::string(what) + " is empty");
  return Status::Ok();
}

Result<NormalizedName> ScreenerImpl::NormalizeQueryName(std::string_view name, EntityKind kind,
                                                        const char* what) const {
  INTERDICT_RETURN_IF_ERROR(ValidateName(name, what));
  NormalizedName n = normalize::NormalizeName(name, kind);
  if (n.Empty()) {
    return Status::InvalidArgument(std::string(what) +
                                   " has no informative word (only a legal form, title or "
                                   "punctuation)");
  }
  weights_.Apply(&n);
  return n;
}

Explanation ScreenerImpl::Explain(const NormalizedName& q, const NormalizedName& c,
                                  const match::NameScore& s) {
  Explanation x;
  x.query_normalized = Join(q);
  x.matched_normalized = Join(c);
  x.query_transliterated = q.romanized;
  x.match_transliterated = c.romanized;
  for (const match::TokenPair& p : s.pairs) {
    x.alignment.push_back(TokenAlignmentNote{q.tokens[static_cast<size_t>(p.query)].text,
                                             c.tokens[static_cast<size_t>(p.candidate)].text,
                                             p.similarity,
                                             std::string(match::TokenMatchKindName(p.kind))});
  }
  for (int i : s.unmatched_query)
    x.unmatched_query.push_back(q.tokens[static_cast<size_t>(i)].text);
  for (int j : s.unmatched_candidate) {
    x.unmatched_match.push_back(c.tokens[static_cast<size_t>(j)].text);
  }
  x.name_score = s.score;
  x.token_score = s.token_score;
  x.compact_score = s.compact_score;
  x.legal_form_factor = s.legal_form_factor;
  x.han_characters_differ = s.han_characters_differ;
  return x;
}

namespace {

// Markers between a current and a former (or other) name, lower case, with their spaces.
constexpr std::string_view kAliasMarkers[] = {" formerly known as ",
                                              " also known as ",
                                              " previously ",
                                              " formerly ",
                                              " f/k/a ",
                                              " f.k.a. ",
                                              " f.k.a ",
                                              " fka ",
                                              " a.k.a. ",
                                              " a.k.a ",
                                              " aka ",
                                              " n.k.a. ",
                                              " nka ",
                                              " ex-",
                                              " ex "};

// Splits "A ex B, ex C" into {"A", "B", "C"} at alias markers. The first element is always the
// text before the first marker (possibly empty); the others are the marked names, each losing
// a trailing " until 2019" and similar.
std::vector<std::string> SplitAtAliasMarkers(std::string_view text) {
  std::string padded = " " + base::AsciiToLower(text) + " ";
  std::vector<std::pair<size_t, size_t>> cuts;  // [marker start, marker end) in padded
  for (size_t pos = 0; pos < padded.size();) {
    size_t best = std::string::npos, best_len = 0;
    for (std::string_view m : kAliasMarkers) {
      size_t at = padded.find(m, pos);
      if (at != std::string::npos && (at < best || (at == best && m.size() > best_len))) {
        best = at;
        best_len = m.size();
      }
    }
    if (best == std::string::npos) break;
    cuts.emplace_back(best, best + best_len);
    pos = best + best_len;
  }
  std::vector<std::string> parts;
  size_t from = 0;
  auto add = [&](size_t a, size_t b, bool keep_empty) {
    // padded[k] corresponds to text[k - 1]; the closing pad maps past the end ("X ex" ends
    // with a marker: its empty remainder starts there).
    size_t ta = std::min(text.size(), a == 0 ? 0 : a - 1);
    size_t tb = std::min(text.size(), b == 0 ? 0 : b - 1);
    std::string part(base::Trim(text.substr(ta, tb > ta ? tb - ta : 0)));
    for (std::string_view stop : {" until ", " till ", " since ", " from "}) {
      size_t at = base::FindIgnoreCase(part, stop);
      if (at != std::string::npos) part.resize(at);
    }
    while (!part.empty() && (part.back() == ',' || part.back() == ';' || part.back() == '.')) {
      part.pop_back();
    }
    part = std::string(base::Trim(part));
    if (!part.empty() || keep_empty) parts.push_back(part);
  };
  for (const auto& [a, b] : cuts) {
    add(from, a + 1, /*keep_empty=*/parts.empty());
    from = b;
  }
  add(from, padded.size(), /*keep_empty=*/parts.empty());
  return parts;
}

}  // namespace

namespace {

// True when SplitAtAliasMarkers(text) would cut `text`: some marker occurs in
// " " + lower(text) + " ". Case-insensitive, without building that string.
bool HasAliasMarker(std::string_view text) {
  auto padded = [&](size_t k) -> char {  // padded[k]
    if (k == 0 || k > text.size()) return ' ';
    char c = text[k - 1];
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const size_t padded_size = text.size() + 2;
  for (size_t at = 0; at < padded_size; ++at) {
    if (padded(at) != ' ') continue;  // every marker starts with a space
    for (std::string_view m : kAliasMarkers) {
      if (at + m.size() > padded_size) continue;
      size_t k = 1;
      while (k < m.size() && padded(at + k) == m[k]) ++k;
      if (k == m.size()) return true;
    }
  }
  return false;
}

}  // namespace

// True when base::CollapseWhitespace(s) != s for a trimmed `s`: a whitespace byte other
// than ' ' (the same set base::Trim strips), or two spaces in a row.
bool HasRepeatedOrOtherWhitespace(std::string_view s) {
  return s.find_first_of("\t\r\n\f\v") != std::string_view::npos ||
         s.find("  ") != std::string_view::npos;
}

// True when NameVariants(raw) is just the trimmed name, whitespace collapsed: no label colon,
// no parentheses, no comma qualifier and no alias marker (most names).
bool OnlyItsOwnVariant(std::string_view trimmed) {
  return trimmed.find_first_of("(:,") == std::string_view::npos && !HasAliasMarker(trimmed);
}

std::vector<std::string> NameVariants(std::string_view raw, EntityKind kind) {
  std::vector<std::string> out;
  // Fast path: the full pass below would find nothing else either.
  const std::string_view trimmed = base::Trim(raw);
  if (OnlyItsOwnVariant(trimmed)) {
    std::string v = base::CollapseWhitespace(trimmed);
    if (!v.empty()) out.push_back(std::move(v));
    return out;
  }
  auto push = [&](std::string v) {
    v = base::CollapseWhitespace(v);
    if (!v.empty() && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  };
  std::string full(base::Trim(raw));
  // "BENEFICIARY: X", "Consignee: X": a label before a colon is not part of the name.
  size_t colon = full.find(':');
  if (colon != std::string::npos && colon > 0 && colon + 1 < full.size() &&
      full.substr(0, colon).find(' ') == std::string::npos) {
    full = std::string(base::Trim(std::string_view(full).substr(colon + 1)));
  }
  push(full);
  // Parenthesized parts: former names inside them count; a "(... Branch)" is dropped. Other
  // parentheses ("(Thailand)", "(UK)") stay: they usually name another company of the group.
  std::string outside;
  std::vector<std::string> inners;
  bool droppable = false;
  size_t depth = 0, start = 0;
  for (size_t i = 0; i < full.size(); ++i) {
    if (full[i] == '(') {
      if (depth++ == 0) start = i + 1;
      continue;
    }
    if (full[i] == ')' && depth > 0) {
      if (--depth == 0) inners.push_back(full.substr(start, i - start));
      continue;
    }
    if (depth == 0) outside.push_back(full[i]);
  }
  for (const std::string& inner : inners) {
    std::vector<std::string> parts = SplitAtAliasMarkers(" " + inner);
    if (parts.size() > 1) {  // "(ex-A, ex-B)", "(formerly known as A)"
      for (size_t k = 1; k < parts.size(); ++k) push(parts[k]);
      droppable = true;
    }
    if (base::FindIgnoreCase(inner, "branch") != std::string::npos) droppable = true;
    if (kind == EntityKind::kVessel) droppable = true;  // "(Malta)", "(IMO 9187629)"
  }
  outside = base::CollapseWhitespace(outside);
  // Markers outside parentheses: "A ex B", "A f/k/a B".
  const std::string base_name = droppable ? outside : full;
  std::vector<std::string> parts = SplitAtAliasMarkers(base_name);
  if (parts.size() > 1) {
    for (const std::string& p : parts) push(p);
  }
  if (droppable) push(outside);
  // A trailing ", X Branch" or ", port of X" qualifier.
  size_t comma = base_name.rfind(',');
  if (comma != std::string::npos && comma > 0) {
    std::string tail = base::AsciiToLower(base_name.substr(comma + 1));
    const bool vessel_registry =
        kind == EntityKind::kVessel && std::count(tail.begin(), tail.end(), ' ') <= 3;
    if (tail.find("branch") != std::string::npos || tail.find("port ") != std::string::npos ||
        vessel_registry) {
      push(std::string(base::Trim(std::string_view(base_name).substr(0, comma))));
    }
  }
  if (out.size() > 6) out.resize(6);
  return out;
}

Result<CompareResult> ScreenerImpl::Compare(std::string_view a, std::string_view b,
                                            EntityKind kind) const {
  INTERDICT_ASSIGN_OR_RETURN(NormalizedName na, NormalizeQueryName(a, kind, "first name"));
  INTERDICT_ASSIGN_OR_RETURN(NormalizedName nb, NormalizeQueryName(b, kind, "second name"));
  // Best over the names' variants (former names in parentheses, branch qualifiers).
  std::vector<NormalizedName> va = {na}, vb = {nb};
  for (const std::string& v : NameVariants(a, kind)) {
    auto n = NormalizeQueryName(v, kind, "first name");
    if (n.ok() && v != a) va.push_back(std::move(*n));
  }
  for (const std::string& v : NameVariants(b, kind)) {
    auto n = NormalizeQueryName(v, kind, "second name");
    if (n.ok() && v != b) vb.push_back(std::move(*n));
  }
  CompareResult out;
  out.score = -1;
  for (const NormalizedName& x : va) {
    match::NameScorer scorer(x, kind);
    for (const NormalizedName& y : vb) {
      match::NameScore s = scorer.Explain(y);
      if (s.score > out.score) {
        out.score = s.score;
        out.explanation = Explain(x, y, s);
      }
    }
  }
  return out;
}

// Secondary evidence for one entity: returns the adjustment and appends notes.
double ScreenerImpl::Evidence(const PreparedQuery& pq, const Entity& e, const Name& matched,
                              std::vector<FeatureNote>* notes) const {
  double delta = 0;
  auto note = [&](const char* feature, double c, std::string detail) {
    delta += c;
    notes->push_back(FeatureNote{feature, c, std::move(detail)});
  };
  // OFAC, UN, UK and EU mark some aliases low quality: rank them below strong names.
  if (matched.quality == NameQuality::kWeak) note("weak_alias", -0.03, "matched a weak alias");
  if (pq.kind != EntityKind::kUnknown && e.kind != EntityKind::kUnknown && pq.kind != e.kind) {
    bool person_mix = pq.kind == EntityKind::kPerson || e.kind == EntityKind::kPerson;
    note("kind", person_mix ? -0.15 : -0.08,
         std::string("query is ") + std::string(EntityKindName(pq.kind)) + ", listed " +
             std::string(EntityKindName(e.kind)));
  }
  if (pq.dob && !e.dates_of_birth.empty()) {
    const PartialDate& q = pq.dob->from;
    int best = 99;  // 0 exact day, 1 same year/within range, 2 off by one year, 3 conflict
    std::string listed;
    for (const DateOfBirth& d : e.dates_of_birth) {
      int rank;
      bool in_year_range = q.year >= d.from.year && q.year <= std::max(d.from.year, d.to.year);
      if (!d.is_range() && q.year == d.from.year && q.month != 0 && q.month == d.from.month &&
          q.day != 0 && q.day == d.from.day) {
        rank = 0;
      } else if (in_year_range) {
        bool month_conflict =
            !d.is_range() && q.month != 0 && d.from.month != 0 && q.month != d.from.month;
        rank = month_conflict ? 2 : 1;
      } else if (std::abs(q.year - d.from.year) <= (d.circa ? 3 : 1) ||
                 std::abs(q.year - d.to.year) <= 1) {
        rank = 2;
      } else {
        rank = 3;
      }
      if (rank < best) {
        best = rank;
        listed = d.text.empty() ? d.from.ToString() : d.text;
      }
    }
    std::string detail = "query " + pq.dob->from.ToString() + ", listed " + listed;
    if (best == 0) {
      note("dob", 0.05, detail + ": same date");
    } else if (best == 1) {
      note("dob", 0.02, detail + ": same year");
    } else if (best == 2) {
      note("dob", 0.0, detail + ": close (off by one year or month)");
    } else {
      note("dob", -0.06, detail + ": conflict");
    }
  }
  if (!pq.country.empty()) {
    std::vector<std::string_view> listed;
    for (const std::string& c : e.nationalities) listed.push_back(c);
    for (const std::string& c : e.citizenships) listed.push_back(c);
    for (const Address& a : e.addresses) {
      if (!a.country.empty()) listed.push_back(a.country);
    }
    if (!e.craft.flag.empty()) listed.push_back(e.craft.flag);
    if (!listed.empty()) {
      bool found = std::find(listed.begin(), listed.end(), pq.country) != listed.end();
      if (found) {
        note("country", 0.02, "query country " + pq.country + " is listed");
      } else {
        note("country", -0.04,
             "query country " + pq.country + " is not among the listed countries");
      }
    }
  }
  return delta;
}

Result<ScreenerImpl::PreparedQuery> ScreenerImpl::Prepare(const Query& query,
                                                          const ScreenOptions& options) const {
  if (!(options.threshold >= 0.0 && options.threshold <= 1.0)) {
    return Status::InvalidArgument("threshold must be between 0 and 1");
  }
  PreparedQuery pq;
  pq.kind = query.kind;
  INTERDICT_ASSIGN_OR_RETURN(pq.name, NormalizeQueryName(query.name, query.kind, "name"));
  if (!base::Trim(query.dob).empty()) {
    pq.dob = model::ParseDateOfBirth(query.dob);
    if (!pq.dob) return Status::InvalidArgument("dob \"" + query.dob + "\" is not a date");
  }
  if (!base::Trim(query.country).empty()) {
    pq.country = std::string(model::CountryToIso2(query.country));
    if (pq.country.empty()) {
      return Status::InvalidArgument("country \"" + query.country + "\" is not a known country");
    }
  }
  for (const std::string& raw : query.ids) {
    std::string_view v = raw;
    size_t colon = v.find(':');
    if (colon != std::string_view::npos) v = v.substr(colon + 1);
    size_t colon2 = v.find(':');  // "passport:A123:IR"
    if (colon2 != std::string_view::npos) v = v.substr(0, colon2);
    std::string norm = NormalizeIdValue(v);
    if (norm.size() < 4) {
      return Status::InvalidArgument("identifier \"" + raw + "\" is too short to match on");
    }
    pq.ids.push_back(std::move(norm));
  }
  pq.lists = query.lists;
  return pq;
}

// Best first; ties by source and source id, so results are stable. Keeps at most `limit`
// (0 = all).
static void SortAndLimit(std::vector<Hit>* hits, size_t limit) {
  std::sort(hits->begin(), hits->end(), [](const Hit& a, const Hit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.entity->source != b.entity->source) return a.entity->source < b.entity->source;
    return a.entity->source_id < b.entity->source_id;
  });
  if (limit > 0 && hits->size() > limit) hits->resize(limit);
}

Result<std::vector<Hit>> ScreenerImpl::Screen(const Query& query,
                                              const ScreenOptions& options) const {
  INTERDICT_ASSIGN_OR_RETURN(std::vector<Hit> hits, Run(query, options, /*exhaustive=*/false));
  // A query naming former names or branches ("X (ex-Y)", "X, Z Branch") is also screened as
  // each variant; the best hit per entity is kept. Most names have none (the only variant
  // would be the name itself, skipped below): spare building the list.
  const std::string_view trimmed = base::Trim(query.name);
  if (OnlyItsOwnVariant(trimmed) && !HasRepeatedOrOtherWhitespace(trimmed)) {
    SortAndLimit(&hits, options.limit);
    return hits;
  }
  for (const std::string& v : NameVariants(query.name, query.kind)) {
    if (v == base::Trim(query.name)) continue;
    Query vq = query;
    vq.name = v;
    auto more = Run(vq, options, /*exhaustive=*/false);
    if (!more.ok()) continue;
    for (Hit& h : *more) {
      auto it = std::find_if(hits.begin(), hits.end(),
                             [&](const Hit& x) { return x.entity == h.entity; });
      if (it == hits.end()) {
        hits.push_back(std::move(h));
      } else if (h.score > it->score) {
        *it = std::move(h);
      }
    }
  }
  SortAndLimit(&hits, options.limit);
  return hits;
}

Result<std::vector<Hit>> ScreenerImpl::ScreenExhaustive(const Query& query,
                                                        const ScreenOptions& options) const {
  return Run(query, options, /*exhaustive=*/true);
}

namespace {

struct Scratch {
  // Per list name: the query tokens it shares a key with; 0 for a name no key touched. Run()
  // sets them for the names in `touched` and zeroes those again before it returns, so the
  // array (4 bytes a name, mostly in cache) needs no clearing per query.
  std::vector<uint32_t> masks;
  std::vector<uint32_t> touched;
  std::vector<uint32_t> passed;  // touched names whose upper bound reaches the floor
  uint32_t current = 0;          // Run() calls so far (wraps): the epoch of `sums`
  std::string key;               // the query key being looked up
  // The query side of Run()'s upper bound, per token mask (queries of up to 8 tokens), valid
  // when sums_epoch == current: a query's ~500 candidates share a handful of masks.
  struct MaskSums {
    double pairs = 0, hit_weight = 0, missing = 0;
    size_t hits = 0;
  };
  static constexpr size_t kMaskTokens = 8;
  std::array<MaskSums, size_t{1} << kMaskTokens> sums;
  std::array<uint32_t, size_t{1} << kMaskTokens> sums_epoch{};
};

}  // namespace

Result<std::vector<Hit>> ScreenerImpl::Run(const Query& query, const ScreenOptions& options,
                                           bool exhaustive) const {
  INTERDICT_ASSIGN_OR_RETURN(PreparedQuery pq, Prepare(query, options));
  const NormalizedName& q = pq.name;

  // Common words need not be looked up: a name that shares only words whose total weight is
  // below the scorer's common_only_weight is capped at common_only_cap, below the scoring
  // floor. Such words ("optional") are assumed present in every candidate's upper bound
  // instead, which only loosens it. Safe while the floor is above the cap, and while the
  // optional words cannot make up half the query's weight (the compact view's condition).
  uint32_t optional_mask = 0;
  {
    const match::ScorerConfig defaults;
    std::vector<std::pair<double, size_t>> by_weight;
    double total = 0;
    for (size_t i = 0; i < q.tokens.size() && i < 32; ++i) {
      if (q.tokens[i].role == TokenRole::kParticle) continue;
      by_weight.emplace_back(q.tokens[i].weight, i);
      total += q.tokens[i].weight;
    }
    std::sort(by_weight.begin(), by_weight.end());
    double optional = 0;
    for (const auto& [w, i] : by_weight) {
      if (optional + w >= defaults.common_only_weight || 2 * (optional + w) > total) break;
      optional += w;
      optional_mask |= 1u << i;
    }
    if (exhaustive || options.threshold - kMaxBonus <= defaults.common_only_cap ||
        by_weight.size() < 2) {
      optional_mask = 0;
    }
  }

  // A person's given name with short forms ("Vova") meets its full form ("Vladimir") at the
  // scorer's nickname_match without sharing a key: assume it present in the upper bound of
  // person candidates, which only loosens it (the candidate is still found by other words).
  uint32_t given_name_mask = 0;
  for (size_t i = 0; i < q.tokens.size() && i < 32; ++i) {
    if (q.tokens[i].given_name) given_name_mask |= 1u << i;
  }

  // Candidate names.
  thread_local Scratch scratch;
  if (scratch.masks.size() < names_.size()) scratch.masks.assign(names_.size(), 0);
  if (++scratch.current == 0) {
    scratch.sums_epoch.fill(0);
    scratch.current = 1;
  }
  scratch.touched.clear();
  struct ZeroMasks {  // on every way out of Run()
    Scratch& s;
    bool set;
    ~ZeroMasks() {
      if (set) {
        for (uint32_t id : s.touched) s.masks[id] = 0;
      }
    }
  } zero_masks{scratch, !exhaustive};
  if (exhaustive) {
    for (size_t i = 0; i < names_.size(); ++i) scratch.touched.push_back(static_cast<uint32_t>(i));
  } else {
    ForEachQueryKey(q, &scratch.key, [&](std::string_view key, uint32_t bits) {
      if ((bits & ~optional_mask) == 0) return;  // only common words: see above
      const uint32_t hash = KeyFilter::Hash(key);
      if (!key_filter_.MayContain(hash)) return;  // in no listed name
      for (uint32_t id : index_->Postings(key, hash)) {
        uint32_t& mask = scratch.masks[id];
        if (mask == 0) scratch.touched.push_back(id);  // bits are never 0: see above
        mask |= bits;
      }
    });
  }
  // Identifier matches are decisive whatever the name says.
  std::vector<std::pair<uint32_t, std::string>> id_hits;
  for (const std::string& v : pq.ids) {
    auto it = ids_.find(v);
    if (it == ids_.end()) continue;
    for (uint32_t e : it->second) {
      if (pq.lists.empty() ||
          std::find(pq.lists.begin(), pq.lists.end(), entities_[e].source) != pq.lists.end()) {
        id_hits.emplace_back(e, v);
      }
    }
  }
  // No candidate name and no identifier: no hit (most queries against a small list).
  if (scratch.touched.empty() && id_hits.empty()) return std::vector<Hit>();

  // Upper bound of the token score from which query tokens could match at all: skip
  // candidates that cannot reach the threshold even with every bonus.
  const double floor = options.threshold - kMaxBonus;
  match::ScorerConfig config;
  config.acronym_both_ways = false;  // a listed acronym does not match every long name
  config.one_word_listed_cap = 0.80;  // "MARTIN" (listed alias) is not every "John Martin"
  size_t q_words = 0, q_word_count = 0;
  double q_total_weight = 0;
  for (const NameToken& t : q.tokens) {
    q_words += t.role == TokenRole::kWord ? 1 : 0;
    q_word_count += (t.role == TokenRole::kWord || t.role == TokenRole::kNumber) ? 1 : 0;
    if (t.role != TokenRole::kParticle) q_total_weight += t.weight;
  }
  const size_t q_compact_length = q.Compact().size();
  // The best score a candidate can reach given which query words share a key with it: the
  // matched pairs weigh at most (wq + 1) / 2 each; unhit query words are unmatched; the
  // candidate has at least its weight minus its heaviest `hits` words unmatched.
  auto mask_sums = [&](uint32_t mask) {
    Scratch::MaskSums m;
    for (size_t i = 0; i < q.tokens.size() && i < 32; ++i) {
      const NameToken& t = q.tokens[i];
      if ((mask >> i) & 1u) {
        m.pairs += 0.5 * (t.weight + 1.0);
        m.hit_weight += t.weight;  // >= the scorer's min(wq, wc)
        ++m.hits;
      } else if (t.role != TokenRole::kParticle) {
        m.missing += t.weight;
      }
    }
    return m;
  };
  const bool memo_sums = q.tokens.size() <= Scratch::kMaskTokens;
  auto upper_bound = [&](uint32_t mask, uint32_t id, const NameMeta& n, EntityKind kind) {
    Scratch::MaskSums m;
    if (memo_sums) {
      if (scratch.sums_epoch[mask] != scratch.current) {
        scratch.sums[mask] = mask_sums(mask);
        scratch.sums_epoch[mask] = scratch.current;
      }
      m = scratch.sums[mask];
    } else {
      m = mask_sums(mask);
    }
    const double pairs = m.pairs, hit_weight = m.hit_weight, missing = m.missing;
    const size_t hits = m.hits;
    const float top = hits == 0 || hits > 8 ? 0.0f
                      : hits <= kTopWeights ? n.top_weight[hits - 1]
                                            : more_top_weight_[id][hits - 1 - kTopWeights];
    double cand_missing = hits > 8 ? 0.0 : (hits == 0 ? n.total_weight : n.total_weight - top);
    cand_missing = std::max(0.0, cand_missing - 1e-6);
    bool person = kind == EntityKind::kPerson;
    double extra = person ? config.extra_weight_person : config.extra_weight_other;
    double lo = std::min(missing, cand_missing), hi = std::max(missing, cand_missing);
    double penalty = config.conflict_weight * 2 * lo + extra * (hi - lo);
    double ub = pairs / (pairs + penalty + 1e-9);
    // Mirrors the scorer's cap when only common words can have matched.
    if ((missing > 0 || cand_missing > 0) && hit_weight < config.common_only_weight) {
      ub = std::min(ub, config.common_only_cap);
    }
    // Joined or split words (compact view) and acronyms are scored on their own terms.
    if (mask != 0 && q_words == 1) ub = std::max(ub, config.acronym_match);
    // The compact view needs different word counts and joined strings of similar length
    // (similarity >= 0.92); then only the scorer can tell.
    if (mask != 0 && q_word_count != n.words && q_compact_length > 0 &&
        std::min<double>(q_compact_length, n.compact_length) >=
            0.84 * std::max<double>(q_compact_length, n.compact_length) &&
        2 * hit_weight >= q_total_weight) {
      ub = 1.0;
    }
    return ub;
  };

  // Score per entity: best name.
  struct Best {
    double name_score = -1;
    uint32_t name_index = 0;
    match::NameScore detail;
  };
  std::unordered_map<uint32_t, Best> best;
  const EntityKind qkind = query.kind;
  // One scorer per kind rule set: the query's kind, or each candidate's when unknown. Each is
  // made (and its cache started) when the first candidate needs it.
  std::optional<match::NameScorer> person_scorer, other_scorer;
  thread_local match::TokenSimCache person_cache, other_cache;
  thread_local match::NameScore name_score;  // of the candidate being scored
  // First the bounds, then the scoring of the names that pass, both in touched order (which
  // decides ties between names of one entity). Both loops are bound by loads from names
  // spread over meta_ and names_: each fetches a few names ahead.
  constexpr size_t kPrefetch = 8;
  std::vector<uint32_t>& passed = scratch.passed;
  passed.clear();
  for (size_t t = 0; t < scratch.touched.size(); ++t) {
    if (t + kPrefetch < scratch.touched.size()) {
      const uint32_t ahead = scratch.touched[t + kPrefetch];
      __builtin_prefetch(&meta_[ahead]);
      __builtin_prefetch(&scratch.masks[ahead]);
    }
    const uint32_t id = scratch.touched[t];
    const NameMeta& meta = meta_[id];
    if (!pq.lists.empty() &&
        std::find(pq.lists.begin(), pq.lists.end(), meta.source) == pq.lists.end()) {
      continue;
    }
    EntityKind rule_kind = qkind == EntityKind::kUnknown ? meta.kind : qkind;
    const uint32_t assumed =
        optional_mask | (rule_kind == EntityKind::kPerson ? given_name_mask : 0u);
    if (!exhaustive && upper_bound(scratch.masks[id] | assumed, id, meta, rule_kind) < floor) {
      continue;
    }
    passed.push_back(id);
  }
  for (size_t t = 0; t < passed.size(); ++t) {
    if (t + 4 < passed.size()) {
      const IndexedName& ahead = names_[passed[t + 4]];
      __builtin_prefetch(&ahead);
      __builtin_prefetch(&ahead.normalized.compact);
    }
    if (t + 2 < passed.size()) {
      __builtin_prefetch(names_[passed[t + 2]].normalized.tokens.data());
    }
    const uint32_t id = passed[t];
    const EntityKind rule_kind = qkind == EntityKind::kUnknown ? meta_[id].kind : qkind;
    const IndexedName& n = names_[id];
    const Entity& e = entities_[n.entity];
    const bool as_person = rule_kind == EntityKind::kPerson;
    if (as_person && !person_scorer) {
      person_scorer.emplace(q, EntityKind::kPerson, config);
      person_cache.Begin(vocabulary_);
    } else if (!as_person && !other_scorer) {
      other_scorer.emplace(q, qkind == EntityKind::kUnknown ? EntityKind::kOrganization : qkind,
                           config);
      other_cache.Begin(vocabulary_);
    }
    const match::NameScorer& scorer = as_person ? *person_scorer : *other_scorer;
    match::NameScore& s = name_score;
    scorer.Explain(n.normalized, as_person ? &person_cache : &other_cache, &s);
    if (s.score < floor) continue;
    Best& b = best[n.entity];
    double ranked = s.score - (e.names[n.name].quality == NameQuality::kWeak ? 0.03 : 0.0);
    double current =
        b.name_score < 0
            ? -1
            : b.name_score - (e.names[b.name_index].quality == NameQuality::kWeak ? 0.03 : 0.0);
    if (ranked > current) {
      b.name_score = s.score;
      b.name_index = n.name;
      b.detail = s;  // a copy: name_score keeps its buffers for the next candidate
    }
  }

  std::vector<Hit> hits;
  auto finish = [&](uint32_t entity_index, const Best* b, const std::string* id_value) {
    const Entity& e = entities_[entity_index];
    Hit h;
    h.entity = &e;
    const uint32_t name_index = b ? b->name_index : 0;
    h.matched = &e.names[name_index];
    if (b) {
      // Names of one entity are contiguous in names_.
      const IndexedName* n = &names_[first_name_[entity_index] + name_index];
      h.explanation = Explain(q, n->normalized, b->detail);
    }
    double score = b ? b->name_score : 0.0;
    score += Evidence(pq, e, *h.matched, &h.explanation.features);
    if (id_value) {
      double target = std::max(score, 0.99);
      h.explanation.features.push_back(
          FeatureNote{"identifier", target - score, "identifier " + *id_value + " is listed"});
      score = target;
    }
    h.score = std::clamp(score, 0.0, 1.0);
    if (h.score + 1e-12 >= options.threshold) hits.push_back(std::move(h));
  };
  for (const auto& [entity_index, b] : best) {
    const std::string* id_value = nullptr;
    for (const auto& [e, v] : id_hits) {
      if (e == entity_index) id_value = &v;
    }
    finish(entity_index, &b, id_value);
  }
  for (const auto& [e, v] : id_hits) {
    if (best.count(e) == 0) finish(e, nullptr, &v);
  }
  SortAndLimit(&hits, options.limit);
  return hits;
}

}  // namespace engine

Result<std::unique_ptr<Screener>> Screener::Create(std::vector<Entity> entities) {
  return engine::ScreenerImpl::Build(std::move(entities));
}

}  // namespace interdict
