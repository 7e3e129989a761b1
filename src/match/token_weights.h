// File: match/token_weights.h
//
// How informative each name token is: rare words weigh 1, words that occur in many listed
// names ("trading", "international", "group", "muhammad") weigh less, so they cannot make a
// match on their own (inverse document frequency over the list names, clamped).
//
//   match::TokenWeights weights;
//   for (const NormalizedName& n : list_names) weights.AddDocument(n);
//   weights.Finish();
//   weights.Apply(&query_name);   // sets NameToken::weight on every token
//
// Thread-compatible; after Finish(), const methods may run concurrently.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/name_tokens.h"

namespace interdict::match {

class TokenWeights {
 public:
  // Counts each distinct token key of one name once.
  void AddDocument(const NormalizedName& name);
  // Turns counts into weights. Without any document, built-in defaults apply.
  void Finish();

  // Weight of one token in (0,1].
  float Weight(const NameToken& token) const;
  // Sets the weight of every token of `name`.
  void Apply(NormalizedName* name) const;

  size_t documents() const { return documents_; }

 private:
  std::unordered_map<std::string, uint32_t> df_;
  std::unordered_map<std::string, float> weight_;
  size_t documents_ = 0;
};

}  // namespace interdict::match
