#include "index/candidate_index.h"

#include <algorithm>
#include <cstring>

namespace interdict::index {

uint32_t KeyHash(std::string_view key) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ key.size();
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, key.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  if (i < key.size()) {
    uint64_t w = 0;
    std::memcpy(&w, key.data() + i, key.size() - i);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
  }
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return static_cast<uint32_t>(h);
}

size_t CandidateIndex::FindSlot(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry == 0) return i;
    if (s.hash == hash) {
      const Entry& e = entries_[s.entry - 1];
      if (e.key_size == key.size() &&
          std::memcmp(key_bytes_.data() + e.key_begin, key.data(), key.size()) == 0) {
        return i;
      }
    }
  }
}

CandidateIndex::Span CandidateIndex::Postings(std::string_view key, uint32_t hash) const {
  if (slots_.empty()) return {};
  const Slot& s = slots_[FindSlot(key, hash)];
  if (s.entry == 0) return {};
  const Entry& e = entries_[s.entry - 1];
  return Span{ids_.data() + e.begin, e.size};
}

size_t CandidateIndex::MemoryBytes() const {
  return slots_.capacity() * sizeof(Slot) + key_bytes_.capacity() +
         entries_.capacity() * sizeof(Entry) + ids_.capacity() * sizeof(uint32_t);
}

IndexBuilder::IndexBuilder() : index_(std::make_unique<CandidateIndex>()) {
  index_->slots_.resize(1024);
}

void IndexBuilder::Grow() {
  std::vector<CandidateIndex::Slot>& slots = index_->slots_;
  std::vector<CandidateIndex::Slot> old(slots.size() * 2);
  old.swap(slots);
  const size_t mask = slots.size() - 1;
  for (const CandidateIndex::Slot& s : old) {
    if (s.entry == 0) continue;
    size_t i = s.hash & mask;
    while (slots[i].entry != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
}

void IndexBuilder::Add(uint32_t name_id, std::string_view key, uint32_t hash) {
  CandidateIndex& idx = *index_;
  idx.names_ = std::max<size_t>(idx.names_, size_t{name_id} + 1);
  if (2 * (idx.entries_.size() + 1) > idx.slots_.size()) Grow();
  CandidateIndex::Slot& slot = idx.slots_[idx.FindSlot(key, hash)];
  if (slot.entry == 0) {
    idx.entries_.push_back(CandidateIndex::Entry{static_cast<uint32_t>(idx.key_bytes_.size()),
                                                 static_cast<uint32_t>(key.size()), 0, 0});
    idx.key_bytes_.append(key);
    slot = CandidateIndex::Slot{hash, static_cast<uint32_t>(idx.entries_.size())};
    last_id_.push_back(name_id);
  } else if (last_id_[slot.entry - 1] == name_id) {
    return;  // already filed under this key
  }
  const uint32_t entry = slot.entry - 1;
  last_id_[entry] = name_id;
  ++idx.entries_[entry].size;
  pairs_.emplace_back(entry, name_id);
}

std::unique_ptr<const CandidateIndex> IndexBuilder::Finish() && {
  CandidateIndex& idx = *index_;
  // Postings side by side in entry order; within an entry in Add() order, so sorted.
  uint32_t offset = 0;
  for (CandidateIndex::Entry& e : idx.entries_) {
    e.begin = offset;
    offset += e.size;
  }
  idx.ids_.resize(pairs_.size());
  std::vector<uint32_t>& cursor = last_id_;
  for (size_t e = 0; e < idx.entries_.size(); ++e) cursor[e] = idx.entries_[e].begin;
  for (const auto& [entry, name_id] : pairs_) idx.ids_[cursor[entry]++] = name_id;
  std::vector<std::pair<uint32_t, uint32_t>>().swap(pairs_);
  std::vector<uint32_t>().swap(last_id_);
  idx.key_bytes_.shrink_to_fit();
  idx.entries_.shrink_to_fit();
  return std::move(index_);
}

}  // namespace interdict::index
