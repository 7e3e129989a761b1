// File: engine/screener_impl.h
//
// The Screener implementation (include/interdict/screener.h is the contract). Internal.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interdict/screener.h"

#include "index/candidate_index.h"
#include "match/name_scorer.h"
#include "match/token_weights.h"
#include "model/name_tokens.h"

namespace interdict::engine {

// Keys of 4+ letters also get one-deletion variants in the index (typo tolerance).
inline constexpr size_t kMinDeletionKey = 4;
// The most secondary evidence can add to a name score (exact date of birth + country);
// candidates are scored down to threshold - kMaxBonus.
inline constexpr double kMaxBonus = 0.07;

// The name and the variants it carries: without a leading "LABEL:", without parenthesized
// parts, each former name inside parentheses ("(ex-Grand Wheatland)", "(formerly X)"), and
// without a trailing ", ... Branch" qualifier. The first entry is the (trimmed) name itself.
// For vessels also without any parenthesized part or short trailing ", X": a flag or port of
// registry ("Kalliopi Dawn (Malta)", "Soja Paranaense, Santos") is not part of the name.
std::vector<std::string> NameVariants(std::string_view raw, EntityKind kind = EntityKind::kUnknown);

// A Bloom filter over the index keys (two probes, both in one 64-bit word, so a lookup costs
// one memory access). Most keys a query looks up are in no listed name, above all against a
// small list (a day's delta); the filter turns those away with two bit tests instead of a
// hash-table probe. It never turns away a key that was added, so the candidates found are
// exactly the same. Sized per name (a power of two of at least 160 bits per name): list
// names carry about 45 keys each but share most of them (the bundled lists: 92,513 names,
// 4.1 million keys, 467,777 distinct: 16.8 Mbit, 2 MiB, under 1% false positives).
// Immutable once ScreenerImpl::Build() has filled it; shared by threads.
class KeyFilter {
 public:
  static constexpr size_t kBitsPerName = 160;
  // The index's hash: one computation serves the filter and the postings lookup.
  static uint32_t Hash(std::string_view key) { return index::KeyHash(key); }
  // Empties the filter and sizes it for `names` list names (at least 4096 bits).
  void Reset(size_t names);
  // REQUIRES: Reset() was called.
  void Add(uint32_t hash);
  bool MayContain(uint32_t hash) const {
    if (bits_.empty()) return true;  // not built: no filtering
    const uint64_t word = bits_[Word(hash)];
    return ((word >> FirstBit(hash)) & (word >> SecondBit(hash)) & 1u) != 0;
  }
  bool MayContain(std::string_view key) const { return MayContain(Hash(key)); }

 private:
  // The word from the hash's bits 6 and up, the two bits from its low 6 bits and from the top
  // of a multiplicative hash of all of it.
  uint64_t Word(uint32_t hash) const { return (hash & mask_) >> 6; }
  static uint32_t FirstBit(uint32_t hash) { return hash & 63; }
  static uint32_t SecondBit(uint32_t hash) {
    return static_cast<uint32_t>((uint64_t{hash} * 0x9E3779B97F4A7C15ull) >> 58);
  }

  std::vector<uint64_t> bits_;
  uint64_t mask_ = 0;  // bit count - 1 (a power of two)
};

class ScreenerImpl final : public Screener {
 public:
  static Result<std::unique_ptr<Screener>> Build(std::vector<Entity> entities);

  Result<std::vector<Hit>> Screen(const Query& query, const ScreenOptions& options) const override;
  Result<CompareResult> Compare(std::string_view a, std::string_view b,
                                EntityKind kind) const override;
  Result<std::vector<Hit>> ScreenExhaustive(const Query& query,
                                            const ScreenOptions& options) const override;
  const std::vector<Entity>& entities() const override { return entities_; }
  size_t indexed_names() const override { return names_.size(); }

  const index::CandidateIndex& index() const { return *index_; }

  static std::vector<std::string> ListKeys(const NormalizedName& n);
  static std::vector<std::pair<std::string, uint32_t>> QueryKeys(const NormalizedName& n);
  // Upper-case letters and digits only; a 10-character "IMO1234567" loses its prefix.
  static std::string NormalizeIdValue(std::string_view raw);

 private:
  ScreenerImpl() = default;

  struct IndexedName {
    uint32_t entity = 0;
    uint32_t name = 0;  // index into the entity's names
    NormalizedName normalized;
  };
  // What the candidate loop reads for every touched name, kept small and contiguous (the
  // full IndexedName is read only for names that get scored): 32 bytes, so that no name
  // straddles two cache lines (the loop is bound by these loads).
  static constexpr size_t kTopWeights = 5;
  struct alignas(32) NameMeta {
    EntityKind kind = EntityKind::kUnknown;
    ListSource source = ListSource::kUnknown;
    uint16_t words = 0;           // word and number tokens
    uint16_t compact_length = 0;  // bytes of NormalizedName::Compact()
    float total_weight = 0;       // informative weight
    // Sums of the k heaviest informative tokens (k = 1..5; 6..8 in more_top_weight_).
    float top_weight[kTopWeights] = {0, 0, 0, 0, 0};
  };
  static_assert(sizeof(NameMeta) == 32);
  struct PreparedQuery {
    NormalizedName name;
    EntityKind kind = EntityKind::kUnknown;
    std::optional<DateOfBirth> dob;
    std::string country;  // ISO alpha-2
    std::vector<std::string> ids;
    std::vector<ListSource> lists;
  };

  static Status ValidateName(std::string_view name, const char* what);
  Result<NormalizedName> NormalizeQueryName(std::string_view name, EntityKind kind,
                                            const char* what) const;
  Result<PreparedQuery> Prepare(const Query& query, const ScreenOptions& options) const;
  Result<std::vector<Hit>> Run(const Query& query, const ScreenOptions& options,
                               bool exhaustive) const;
  double Evidence(const PreparedQuery& pq, const Entity& e, const Name& matched,
                  std::vector<FeatureNote>* notes) const;
  static Explanation Explain(const NormalizedName& q, const NormalizedName& c,
                             const match::NameScore& s);

  std::vector<Entity> entities_;
  std::vector<IndexedName> names_;  // all names, entity by entity
  std::vector<NameMeta> meta_;      // parallel to names_
  // Sums of the k heaviest informative tokens for k = 6..8, parallel to names_ (read only
  // when six or more query tokens share keys with the name).
  std::vector<std::array<float, 8 - kTopWeights>> more_top_weight_;
  std::vector<uint32_t> first_name_;  // entity -> index of its first name in names_
  match::TokenWeights weights_;
  size_t vocabulary_ = 1;  // distinct listed token texts + 1 (NameToken::id range)
  std::unique_ptr<const index::CandidateIndex> index_;
  KeyFilter key_filter_;                                        // over every key of index_
  std::unordered_map<std::string, std::vector<uint32_t>> ids_;  // normalized id -> entities
};

}  // namespace interdict::engine
