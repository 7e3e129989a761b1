// File: index/candidate_index.h
//
// An inverted index from string keys to the dense ids of list names, used to find the few
// names worth scoring for a query instead of scanning all of them. The engine decides the
// keys (spelling-folded tokens, their one-deletion variants for typos, consonant skeletons);
// the index only stores and intersects postings.
//
//   index::IndexBuilder builder;
//   builder.Add(/*name_id=*/0, {"k:shoygu", "d:shygu", ...});
//   std::unique_ptr<const index::CandidateIndex> idx = std::move(builder).Finish();
//   const std::vector<uint32_t>* ids = idx->Postings("k:shoygu");
//
// CandidateIndex is immutable and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace interdict::index {

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
  Span Postings(std::string_view key) const;

  size_t keys() const { return offsets_.size(); }
  size_t postings() const { return ids_.size(); }
  size_t names() const { return names_; }
  // Approximate heap bytes held.
  size_t MemoryBytes() const;

 private:
  friend class IndexBuilder;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>, Hash, std::equal_to<>> offsets_;
  std::vector<uint32_t> ids_;
  size_t names_ = 0;
};

// Collects (key, name id) pairs. Not thread-safe.
class IndexBuilder {
 public:
  // REQUIRES: name ids are added in non-decreasing order.
  void Add(uint32_t name_id, const std::vector<std::string>& keys);
  std::unique_ptr<const CandidateIndex> Finish() &&;

 private:
  std::unordered_map<std::string, std::vector<uint32_t>> postings_;
  size_t names_ = 0;
};

}  // namespace interdict::index
