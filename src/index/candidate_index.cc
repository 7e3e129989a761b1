#include "index/candidate_index.h"

#include <algorithm>

namespace interdict::index {

CandidateIndex::Span CandidateIndex::Postings(std::string_view key) const {
  auto it = offsets_.find(key);
  if (it == offsets_.end()) return {};
  return Span{ids_.data() + it->second.first, it->second.second};
}

size_t CandidateIndex::MemoryBytes() const {
  size_t bytes = ids_.capacity() * sizeof(uint32_t);
  for (const auto& [key, off] : offsets_) bytes += key.capacity() + sizeof(off) + 32;
  return bytes;
}

void IndexBuilder::Add(uint32_t name_id, const std::vector<std::string>& keys) {
  names_ = std::max<size_t>(names_, name_id + 1);
  for (const std::string& k : keys) {
    std::vector<uint32_t>& list = postings_[k];
    if (list.empty() || list.back() != name_id) list.push_back(name_id);
  }
}

std::unique_ptr<const CandidateIndex> IndexBuilder::Finish() && {
  auto idx = std::make_unique<CandidateIndex>();
  size_t total = 0;
  for (const auto& [k, list] : postings_) total += list.size();
  idx->ids_.reserve(total);
  idx->offsets_.reserve(postings_.size());
  for (auto& [k, list] : postings_) {
    auto offset = static_cast<uint32_t>(idx->ids_.size());
    idx->ids_.insert(idx->ids_.end(), list.begin(), list.end());
    idx->offsets_.emplace(k, std::make_pair(offset, static_cast<uint32_t>(list.size())));
    std::vector<uint32_t>().swap(list);
  }
  idx->names_ = names_;
  postings_.clear();
  return idx;
}

}  // namespace interdict::index
