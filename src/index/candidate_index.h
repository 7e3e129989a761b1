// File: index/candidate_index.h
//
// An inverted index from string keys to the dense ids of list names, used to find the few
// names worth scoring for a query instead of scanning all of them. The engine decides the
// keys (spelling-folded tokens, their one-deletion variants for typos, consonant skeletons);
// the index only stores and intersects postings.
//
//   index::IndexBuilder builder;
//   builder.Add(/*name_id=*/0, "k:shoygu");
//   builder.Add(/*name_id=*/0, "d:shygu");
//   std::unique_ptr<const index::CandidateIndex> idx = std::move(builder).Finish();
//   index::CandidateIndex::Span ids = idx->Postings("k:shoygu");
//
// CandidateIndex is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace interdict::index {

// The hash the index files keys under: 8 bytes per multiply, then the MurmurHash3 finalizer.
// Callers that also need a hash of the key (the engine's Bloom filter) compute it once and
// pass it to Postings() and IndexBuilder::Add().
uint32_t KeyHash(std::string_view key);

class CandidateIndex {
 public:
  // The sorted name ids under `key`, or an empty span when the key is absent.
  struct Span {
    const uint32_t* data = nullptr;
    size_t size = 0;
    const uint32_t* begin() const { return data; }
    const uint32_t* end() const { return data + size; }
    bool empty() const { return size == 0; }
  };
  Span Postings(std::string_view key) const { return Postings(key, KeyHash(key)); }
  // REQUIRES: hash == KeyHash(key).
  Span Postings(std::string_view key, uint32_t hash) const;

  size_t keys() const { return entries_.size(); }
  size_t postings() const { return ids_.size(); }
  size_t names() const { return names_; }
  // Approximate heap bytes held.
  size_t MemoryBytes() const;

 private:
  friend class IndexBuilder;
  struct Slot {
    uint32_t hash = 0;
    uint32_t entry = 0;  // index into entries_ + 1; 0 = empty slot
  };
  struct Entry {
    uint32_t key_begin = 0;  // into key_bytes_
    uint32_t key_size = 0;
    uint32_t begin = 0;  // into ids_
    uint32_t size = 0;
  };
  // The slot holding `key`, or the empty slot where it belongs. REQUIRES: slots_ not empty.
  size_t FindSlot(std::string_view key, uint32_t hash) const;

  // Open addressing with linear probing: a power-of-two table at most half full, each slot
  // with the key's hash so that a probe compares key bytes only on a full hash match. One
  // flat table instead of a node-based map: no allocation per key, and a lookup usually
  // touches one slot, one entry and the key bytes.
  std::vector<Slot> slots_;
  std::string key_bytes_;  // every key, back to back
  std::vector<Entry> entries_;
  std::vector<uint32_t> ids_;  // all postings, key by key
  size_t names_ = 0;
};

// Collects (key, name id) pairs. Not thread-safe.
class IndexBuilder {
 public:
  IndexBuilder();
  // Files `name_id` under `key`; adding the same pair again is a no-op.
  // REQUIRES: name ids are added in non-decreasing order; hash == KeyHash(key).
  void Add(uint32_t name_id, std::string_view key, uint32_t hash);
  void Add(uint32_t name_id, std::string_view key) { Add(name_id, key, KeyHash(key)); }
  std::unique_ptr<const CandidateIndex> Finish() &&;

 private:
  void Grow();

  std::unique_ptr<CandidateIndex> index_;  // slots, keys and entries (sizes count postings)
  std::vector<uint32_t> last_id_;          // per entry: the last name id added under it
  // Every (entry, name id) added, in order; Finish() groups them by entry.
  std::vector<std::pair<uint32_t, uint32_t>> pairs_;
};

}  // namespace interdict::index
