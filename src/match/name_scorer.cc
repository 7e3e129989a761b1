#include "match/name_scorer.h"

#include <algorithm>
#include <cmath>

#include "base/text.h"
#include "match/string_metrics.h"
#include "normalize/nicknames.h"

namespace interdict::match {
namespace {

bool IsVowelLike(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
}

double Blend(std::string_view a, std::string_view b) {
  return 0.5 * JaroWinkler(a, b) + 0.5 * OsaSimilarity(a, b);
}

// Blend(a, b) when it is at least `floor`, else any value below `floor` (0): the edit distance
// is computed with a cutoff derived from the Jaro-Winkler part.
double BlendAtLeast(std::string_view a, std::string_view b, double floor) {
  const double longest = static_cast<double>(std::max(a.size(), b.size()));
  if (longest == 0) return 1.0;
  const double shortest = static_cast<double>(std::min(a.size(), b.size()));
  if (0.5 * 1.0 + 0.5 * (shortest / longest) < floor) return 0.0;
  const double jw = JaroWinkler(a, b);
  const double need = 2 * floor - jw;  // the OSA similarity needed
  if (need > 1.0) return 0.0;
  const auto max_d = static_cast<size_t>(std::floor((1.0 - std::max(0.0, need)) * longest + 1e-9));
  const size_t d = OsaDistance(a, b, max_d);
  if (d > max_d) return 0.0;
  return 0.5 * jw + 0.5 * (1.0 - static_cast<double>(d) / longest);
}

bool Informative(const NameToken& t) { return t.role != TokenRole::kParticle; }

bool IsBin(const NameToken& t) {
  return t.role == TokenRole::kParticle && (t.text == "bin" || t.text == "bint");
}

// Segment of each token between "bin" particles: 0 = the person's own name, 1 = the father's,
// 2 = the grandfather's. Empty when the name has no "bin".
std::vector<int> BinSegments(const NormalizedName& n) {
  std::vector<int> seg;
  bool any = false;
  int current = 0;
  for (size_t i = 0; i < n.tokens.size(); ++i) {
    // A leading "bin" ("bin Salman Mohammed") is a reordered name, not a nasab.
    if (IsBin(n.tokens[i]) && i > 0) {
      ++current;
      any = true;
    }
    seg.push_back(current);
  }
  if (!any) seg.clear();
  return seg;
}

std::string WithoutVowels(std::string_view w) {
  std::string out;
  for (char c : w) {
    if (!IsVowelLike(c)) out.push_back(c);
  }
  return out;
}

std::string_view WithoutGreekEnding(std::string_view w) {
  if (w.size() >= 6 && w.back() == 's' &&
      (w[w.size() - 2] == 'o' || w[w.size() - 2] == 'i' || w[w.size() - 2] == 'a')) {
    return w.substr(0, w.size() - 2);
  }
  return w;
}

size_t CountRole(const NormalizedName& n, TokenRole role) {
  size_t c = 0;
  for (const NameToken& t : n.tokens) c += t.role == role ? 1 : 0;
  return c;
}

// "pla" against "peoples liberation army": the initials of the other name's words.
bool IsAcronymOf(const NormalizedName& acronym, const NormalizedName& full) {
  const NameToken* only = nullptr;
  for (const NameToken& t : acronym.tokens) {
    if (t.role == TokenRole::kParticle) continue;
    if (only != nullptr) return false;
    only = &t;
  }
  if (only == nullptr || only->role != TokenRole::kWord || only->text.size() < 3 ||
      only->text.size() > 6) {
    return false;
  }
  std::string initials;
  for (const NameToken& t : full.tokens) {
    if (t.role == TokenRole::kWord) initials.push_back(t.text[0]);
  }
  return initials.size() >= 2 && initials == only->text;
}

}  // namespace

std::string_view TokenMatchKindName(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kExact:
      return "exact";
    case TokenMatchKind::kSpelling:
      return "spelling";
    case TokenMatchKind::kSkeleton:
      return "skeleton";
    case TokenMatchKind::kFuzzy:
      return "fuzzy";
    case TokenMatchKind::kInitial:
      return "initial";
    case TokenMatchKind::kAbbreviation:
      return "abbreviation";
    case TokenMatchKind::kNickname:
      return "nickname";
  }
  return "fuzzy";
}

std::string ConsonantSkeleton(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    // Digraphs for one Arabic consonant (kh, sh, th, dh, gh) keep their first letter.
    if (c == 'h' && i > 0 &&
        (word[i - 1] == 'k' || word[i - 1] == 's' || word[i - 1] == 't' || word[i - 1] == 'd' ||
         word[i - 1] == 'g')) {
      continue;
    }
    if (i > 0 && IsVowelLike(c)) continue;
    // Arabic has no p or v: Latin p/b and v/f spell one Arabic letter each.
    if (c == 'p') c = 'b';
    if (c == 'v') c = 'f';
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

namespace {

// A spelling key (normalize::FoldSpelling) without its vowel marks, with b p v f as one letter
// and k q ch as another: unpointed Hebrew does not show whether ב פ כ are b/v, p/f, k/ch
// (ארבל Arbel "arvl", אקספרס Express "aksfrs", הכרמל HaCarmel "hchrml").
std::string BegadkefatSkeleton(std::string_view key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (i > 0 && IsVowelLike(c)) continue;
    if (c == 'p' || c == 'v' || c == 'f') c = 'b';
    if (c == 'c' || c == 'q') c = 'k';
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

// 1 - (edit distance / longer length) over the characters of two UTF-8 strings.
double HanSimilarity(std::string_view a, std::string_view b) {
  std::u32string x = base::Utf8ToU32(a), y = base::Utf8ToU32(b);
  if (x.empty() || y.empty()) return 0.0;
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return 1.0 -
         static_cast<double>(row[y.size()]) / static_cast<double>(std::max(x.size(), y.size()));
}

// Both legal forms are national ones, of no common legal system ("OOO" vs "Ltda.").
bool JurisdictionsConflict(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  const std::vector<std::string_view> theirs = base::Split(b, " ");
  for (std::string_view code : base::Split(a, " ")) {
    if (std::find(theirs.begin(), theirs.end(), code) != theirs.end()) return false;
  }
  return true;
}

double TokenSimilarityImpl(const NameToken& a, const NameToken& b, bool abjad, bool person,
                           const ScorerConfig& config, TokenMatchKind* kind, bool cross_script) {
  *kind = TokenMatchKind::kExact;
  if (a.text == b.text) return 1.0;
  if (a.role == TokenRole::kParticle || b.role == TokenRole::kParticle) return 0.0;
  if (a.role == TokenRole::kNumber || b.role == TokenRole::kNumber) return 0.0;
  if (a.role == TokenRole::kInitial || b.role == TokenRole::kInitial) {
    if (!person && a.role != b.role) return 0.0;
    *kind = TokenMatchKind::kInitial;
    return a.text[0] == b.text[0] ? config.initial_match : 0.0;
  }
  if (!a.key.empty() && a.key == b.key) {
    // Spelling keys drop inner vowels, so "mahmoud" and "mohammed" share one: trust the key
    // fully only when the words also look alike, or when one side was written in Arabic or
    // Hebrew script (no vowels to compare).
    double looks = Blend(a.text, b.text);
    *kind = TokenMatchKind::kSpelling;
    if (abjad || cross_script || looks >= 0.75) return std::max(looks, config.spelling_match);
    if (looks >= config.token_floor) {
      *kind = TokenMatchKind::kFuzzy;
      return looks;
    }
    return 0.0;
  }
  // "abdhamid" vs "abdghani": the shared "abd" ("servant of") says nothing; compare the rest.
  if (a.text.size() > 5 && b.text.size() > 5 && a.text.compare(0, 3, "abd") == 0 &&
      b.text.compare(0, 3, "abd") == 0) {
    NameToken ra = a, rb = b;
    ra.text = a.text.substr(3);
    ra.key = ra.text;
    rb.text = b.text.substr(3);
    rb.key = rb.text;
    return TokenSimilarityImpl(ra, rb, abjad, person, config, kind, cross_script);
  }
  // Abbreviated words in organization names: "ind" for "industria", "com" for "comercio".
  // Only words of 7+ letters are abbreviated so: "tan" is not "tanaka".
  if (!person) {
    const std::string& shorter = a.text.size() < b.text.size() ? a.text : b.text;
    const std::string& longer = a.text.size() < b.text.size() ? b.text : a.text;
    if (shorter.size() >= 3 && shorter.size() <= 4 && longer.size() >= 7 &&
        longer.compare(0, shorter.size(), shorter) == 0) {
      *kind = TokenMatchKind::kAbbreviation;
      return config.abbreviation_match;
    }
  }
  *kind = TokenMatchKind::kFuzzy;
  // Cheap bound first: Jaro-Winkler <= (min/|a| + min/|b| + 1)/3 raised by the prefix bonus,
  // OSA similarity <= min/max. Most candidate pairs stop here.
  if (!cross_script && !abjad && a.key == a.text && b.key == b.text) {
    double la = static_cast<double>(a.text.size()), lb = static_cast<double>(b.text.size());
    double mn = std::min(la, lb), mx = std::max(la, lb);
    double jw_ub = (mn / la + mn / lb + 1.0) / 3.0;
    jw_ub = jw_ub + 0.4 * (1.0 - jw_ub);
    if (0.5 * jw_ub + 0.5 * (mn / mx) < config.token_floor) return 0.0;
  }
  double s = BlendAtLeast(a.text, b.text, config.token_floor);
  // Keys drop inner vowels: near keys say something only where vowels are unreliable (a side
  // romanized from another script); between two Latin spellings they would let "daniel" meet
  // "donald".
  if ((cross_script || abjad) && (a.key != a.text || b.key != b.text)) {
    s = std::max(s, 0.98 * BlendAtLeast(a.key, b.key, config.token_floor / 0.98));
  }
  if (cross_script) {
    // Romanizations disagree most on vowels ("eun"/"un", "jeong"/"jong") and on Greek
    // nominative endings ("alexandros"/"alexander", "georgios"/"george").
    std::string va = WithoutVowels(a.text), vb = WithoutVowels(b.text);
    double skeleton = va.size() >= 3 ? config.abjad_skeleton : config.abjad_short_skeleton;
    if (va.size() >= 2 && va == vb && skeleton > s) {
      *kind = TokenMatchKind::kSkeleton;
      s = skeleton;
    }
    std::string_view sa = WithoutGreekEnding(a.text), sb = WithoutGreekEnding(b.text);
    if (sa.size() != a.text.size() || sb.size() != b.text.size()) s = std::max(s, Blend(sa, sb));
  }
  if (abjad) {
    std::string sa = ConsonantSkeleton(a.text), sb = ConsonantSkeleton(b.text);
    if (sa.size() < 2 || sa != sb) {
      sa = BegadkefatSkeleton(a.key);
      sb = BegadkefatSkeleton(b.key);
    }
    // Two consonants say little ("sofia" and "sifi" are both "sf"): a short skeleton counts
    // less than a long one.
    double skeleton = sa.size() >= 3 ? config.abjad_skeleton : config.abjad_short_skeleton;
    if (sa.size() >= 2 && sa == sb && skeleton > s) {
      *kind = TokenMatchKind::kSkeleton;
      s = skeleton;
    }
  }
  return s >= config.token_floor ? s : 0.0;
}

}  // namespace

double TokenSimilarity(const NameToken& a, const NameToken& b, bool abjad, bool person,
                       const ScorerConfig& config, TokenMatchKind* kind, bool cross_script) {
  double s = TokenSimilarityImpl(a, b, abjad, person, config, kind, cross_script);
  // Short forms of given names: "Bill" for "William", "Sasha" for "Aleksandr".
  if (person && a.given_name && b.given_name && s < config.nickname_match &&
      normalize::SameGivenName(a.text, b.text)) {
    *kind = TokenMatchKind::kNickname;
    s = config.nickname_match;
  }
  return s;
}

NameScorer::NameScorer(NormalizedName query, EntityKind kind, ScorerConfig config)
    : query_(std::move(query)),
      query_compact_(query_.Compact()),
      query_segments_(BinSegments(query_)),
      query_empty_(query_.Empty()),
      kind_(kind),
      config_(config) {}

void TokenSimCache::Begin(size_t vocabulary) {
  if (epoch_.size() < vocabulary) {
    epoch_.assign(vocabulary, 0);
    sims_.assign(vocabulary * kSlots, 0.0f);
    kinds_.assign(vocabulary * kSlots, 0);
    current_ = 0;
  }
  if (++current_ == 0) {
    std::fill(epoch_.begin(), epoch_.end(), 0);
    current_ = 1;
  }
}

bool TokenSimCache::Lookup(uint32_t id, size_t query_index, double* sim, TokenMatchKind* kind) {
  if (id >= epoch_.size() || query_index >= kSlots || epoch_[id] != current_) return false;
  size_t slot = static_cast<size_t>(id) * kSlots + query_index;
  if (kinds_[slot] == 0xFF) return false;
  *sim = sims_[slot];
  *kind = static_cast<TokenMatchKind>(kinds_[slot]);
  return true;
}

void TokenSimCache::Store(uint32_t id, size_t query_index, double sim, TokenMatchKind kind) {
  if (id >= epoch_.size() || query_index >= kSlots) return;
  size_t base = static_cast<size_t>(id) * kSlots;
  if (epoch_[id] != current_) {
    epoch_[id] = current_;
    std::fill(kinds_.begin() + static_cast<std::ptrdiff_t>(base),
              kinds_.begin() + static_cast<std::ptrdiff_t>(base + kSlots), 0xFF);
  }
  sims_[base + query_index] = static_cast<float>(sim);
  kinds_[base + query_index] = static_cast<uint8_t>(kind);
}

void NameScore::Reset() {
  score = token_score = compact_score = 0;
  legal_form_factor = 1;
  pairs.clear();
  unmatched_query.clear();
  unmatched_candidate.clear();
  used_compact = used_acronym = han_characters_differ = false;
}

NameScore NameScorer::Explain(const NormalizedName& cand, TokenSimCache* cache) const {
  NameScore out;
  Explain(cand, cache, &out);
  return out;
}

void NameScorer::Explain(const NormalizedName& cand, TokenSimCache* cache,
                         NameScore* result) const {
  NameScore& out = *result;
  out.Reset();
  if (query_empty_ || cand.Empty()) return;
  const bool person = kind_ == EntityKind::kPerson;
  const bool abjad = query_.abjad || cand.abjad;
  const bool cross_script = query_.romanized != cand.romanized;
  const auto& qt = query_.tokens;
  const auto& ct = cand.tokens;

  // Candidate pairs above the floor, best first; then greedy one-to-one assignment.
  struct Edge {
    double sim;
    int q, c;
    TokenMatchKind kind;
  };
  Edge edges_stack[64];
  std::vector<Edge> edges_heap;
  Edge* edges = edges_stack;
  size_t n_edges = 0;
  if (qt.size() * ct.size() > 64) {
    edges_heap.resize(qt.size() * ct.size());
    edges = edges_heap.data();
  }
  // Arabic nasab: "SALMAN BIN MUHAMMAD" is not "MUHAMMAD BIN SALMAN". When both names have
  // "bin", a token may only align with a token in the same position relative to it.
  const std::vector<int>& q_seg = query_segments_;
  std::vector<int> c_seg;
  bool cand_has_bin = false;
  for (size_t j = 1; j < ct.size(); ++j) cand_has_bin = cand_has_bin || IsBin(ct[j]);
  if (cand_has_bin) c_seg = BinSegments(cand);
  const bool nasab = !q_seg.empty() && !c_seg.empty();
  const bool cacheable = cache != nullptr && !cand.abjad && !cand.romanized;
  for (size_t i = 0; i < qt.size(); ++i) {
    for (size_t j = 0; j < ct.size(); ++j) {
      TokenMatchKind kind;
      double s;
      if (cacheable && ct[j].id != 0 && cache->Lookup(ct[j].id, i, &s, &kind)) {
        // memoized
      } else {
        s = TokenSimilarity(qt[i], ct[j], abjad, person, config_, &kind, cross_script);
        if (cacheable && ct[j].id != 0) cache->Store(ct[j].id, i, s, kind);
      }
      if (nasab && q_seg[i] != c_seg[j] && qt[i].role != TokenRole::kParticle) {
        s *= config_.patronymic_swap;
        if (s < config_.token_floor) s = 0;
      }
      if (s > 0) edges[n_edges++] = Edge{s, static_cast<int>(i), static_cast<int>(j), kind};
    }
  }
  std::sort(edges, edges + n_edges, [](const Edge& a, const Edge& b) {
    if (a.sim != b.sim) return a.sim > b.sim;
    if (a.q != b.q) return a.q < b.q;
    return a.c < b.c;
  });
  // Tokens past the 64th never align (NormalizeName keeps at most kMaxTokens anyway).
  bool q_done[64] = {}, c_done[64] = {};
  double num = 0, den = 0;
  for (size_t e = 0; e < n_edges; ++e) {
    const Edge& edge = edges[e];
    if (edge.q >= 64 || edge.c >= 64 || q_done[edge.q] || c_done[edge.c]) continue;
    q_done[edge.q] = c_done[edge.c] = true;
    double w =
        0.5 * (qt[static_cast<size_t>(edge.q)].weight + ct[static_cast<size_t>(edge.c)].weight);
    num += w * std::pow(edge.sim, config_.similarity_power);
    den += w;
    out.pairs.push_back(TokenPair{edge.q, edge.c, edge.sim, edge.kind});
  }
  // Unmatched numbers always conflict: "Fund II" is not "Fund", "No. 8" is not "No. 6".
  double unmatched_q = 0, unmatched_c = 0, unmatched_numbers = 0;
  for (size_t i = 0; i < qt.size(); ++i) {
    if (i < 64 && q_done[i]) continue;
    out.unmatched_query.push_back(static_cast<int>(i));
    if (qt[i].role == TokenRole::kNumber) {
      unmatched_numbers += qt[i].weight;
    } else if (Informative(qt[i])) {
      unmatched_q += qt[i].weight;
    }
  }
  for (size_t j = 0; j < ct.size(); ++j) {
    if (j < 64 && c_done[j]) continue;
    out.unmatched_candidate.push_back(static_cast<int>(j));
    if (ct[j].role == TokenRole::kNumber) {
      unmatched_numbers += ct[j].weight;
    } else if (Informative(ct[j])) {
      unmatched_c += ct[j].weight;
    }
  }
  const double extra = person ? config_.extra_weight_person : config_.extra_weight_other;
  const double substituted = std::min(unmatched_q, unmatched_c);
  den += config_.conflict_weight * 2 * substituted +
         extra * (std::max(unmatched_q, unmatched_c) - substituted) +
         (kind_ == EntityKind::kVessel ? config_.vessel_number_conflict : config_.conflict_weight) *
             unmatched_numbers;
  unmatched_q += unmatched_numbers;  // for the caps below: still unmatched words
  out.token_score = den > 0 ? num / den : 0.0;
  // Only common words matched ("mohammed", "trading") while other words did not.
  double matched_weight = 0;  // symmetric: the lighter side of each pair
  for (const TokenPair& p : out.pairs) {
    if (Informative(qt[static_cast<size_t>(p.query)])) {
      matched_weight += std::min(qt[static_cast<size_t>(p.query)].weight,
                                 ct[static_cast<size_t>(p.candidate)].weight);
    }
  }
  if ((unmatched_q > 0 || unmatched_c > 0) && matched_weight < config_.common_only_weight) {
    out.token_score = std::min(out.token_score, config_.common_only_cap);
  }
  // Screening: a person listed under one word ("MARTIN", "ABU FATIMA": a kunya) against a
  // screened name with another word: one shared name part is not enough ("John Martin",
  // "Fatima Costa"). A one-word screened name ("Putin") still meets the full listed name.
  if (person && config_.one_word_listed_cap < 1.0 && out.pairs.size() == 1 && unmatched_q > 0) {
    size_t c_informative = 0;
    for (const NameToken& t : ct) c_informative += Informative(t) ? 1 : 0;
    if (c_informative == 1) {
      out.token_score = std::min(out.token_score, config_.one_word_listed_cap);
    }
  }

  // Compact view, for words joined or split differently ("SiemensAG", "Jan Daniel",
  // "Vanderbilt" / "van der Bilt", "Al Kawthar" / "A-Kawthar"): only when the two names have
  // a different number of words or of particles, and never across differing numbers ("No. 6"
  // is not "No. 8").
  bool number_conflict = false;  // any unmatched number, on either side
  for (int i : out.unmatched_query) {
    number_conflict = number_conflict || qt[static_cast<size_t>(i)].role == TokenRole::kNumber;
  }
  for (int j : out.unmatched_candidate) {
    number_conflict = number_conflict || ct[static_cast<size_t>(j)].role == TokenRole::kNumber;
  }
  const size_t q_words =
      CountRole(query_, TokenRole::kWord) + CountRole(query_, TokenRole::kNumber);
  const size_t c_words = CountRole(cand, TokenRole::kWord) + CountRole(cand, TokenRole::kNumber);
  const bool particles_differ =
      CountRole(query_, TokenRole::kParticle) != CountRole(cand, TokenRole::kParticle);
  if ((q_words != c_words || particles_differ) && !number_conflict) {
    const std::string cand_compact_storage = cand.compact.empty() ? cand.Compact() : std::string();
    const std::string& cand_compact = cand.compact.empty() ? cand_compact_storage : cand.compact;
    if (!query_compact_.empty() && !cand_compact.empty() && out.token_score < 1.0) {
      double cs = BlendAtLeast(query_compact_, cand_compact,
                               std::max(config_.compact_floor, out.token_score));
      if (cs >= config_.compact_floor) out.compact_score = cs;
    }
  }
  out.score = out.token_score;
  if (out.compact_score > out.score) {
    out.score = out.compact_score;
    out.used_compact = true;
  }
  // Acronyms of organization names.
  if (!person && out.score < config_.acronym_match &&
      (IsAcronymOf(query_, cand) || (config_.acronym_both_ways && IsAcronymOf(cand, query_)))) {
    out.score = config_.acronym_match;
    out.used_acronym = true;
  }

  // Legal forms: a conflict lowers the score a little; absence on one side is no conflict.
  if (!query_.legal_form.empty() && !cand.legal_form.empty() &&
      query_.legal_form != cand.legal_form) {
    out.legal_form_factor =
        JurisdictionsConflict(query_.legal_jurisdiction, cand.legal_jurisdiction)
            ? config_.legal_jurisdiction_conflict
        : query_.legal_family == cand.legal_family || query_.legal_family == "generic" ||
                cand.legal_family == "generic"
            ? config_.legal_form_variant
            : config_.legal_family_conflict;
    out.score *= out.legal_form_factor;
  }
  // Two persons' names both written in Han characters: pinyin merged homophones (高石 and 高市
  // are both "gao shi"), so the characters have the last word.
  if (person && !query_.han.empty() && !cand.han.empty() && query_.han != cand.han) {
    out.score = std::min(out.score, HanSimilarity(query_.han, cand.han));
    out.han_characters_differ = true;
  }
  out.score = std::clamp(out.score, 0.0, 1.0);
}

}  // namespace interdict::match
