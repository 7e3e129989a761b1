// File: model/name_tokens.h
//
// A name as the matcher sees it: romanized, folded tokens with their roles. Produced by
// normalize::NormalizeName, consumed by match:: scorers and the index. Plain value types.
//
//   NormalizedName n = normalize::NormalizeName("OOO Romashka", EntityKind::kOrganization);
//   // n.tokens = [{"romashka", key "romashka", kWord}], n.legal_form = "llc"
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace interdict {

enum class TokenRole : uint8_t {
  kWord = 0,  // an informative name word
  kParticle,  // al, bin, de, van, of, and: kept for alignment, weighs little
  kNumber,    // digits or a Roman numeral
  kInitial,   // one letter of a person's name ("A." in "Thomas A. Lind")
};

struct NameToken {
  std::string text;  // romanized lower-case ASCII ("shoygu")
  std::string key;   // spelling-folded matching key (normalize::FoldSpelling)
  TokenRole role = TokenRole::kWord;
  // A person's given name with known short forms (normalize::IsKnownGivenName): "william",
  // "bill", "sasha".
  bool given_name = false;
  // How informative the token is, in (0,1]: 1 for a rare word, low for "trading" or a
  // particle. Set by match::TokenWeights (corpus IDF); 1 until then.
  float weight = 1.0f;
  // Interned id of `text` among all listed tokens (set by the engine at build time; 0 for
  // query tokens). Lets a query memoize token similarities across candidates.
  uint32_t id = 0;
};

struct NormalizedName {
  std::vector<NameToken> tokens;  // in written order, honorifics and legal forms removed
  std::string legal_form;         // canonical legal form found ("llc", "jsc", "ltd"), or ""
  std::string legal_family;       // "limited", "stock", or the form itself when unclassified
  // Where a national form is used ("cis" for OOO, "de" for GmbH, "pt es" for Ltda.), or ""
  // for English and pan-national forms (LLC, Ltd, JSC, SA).
  std::string legal_jurisdiction;
  bool romanized = false;         // the name held non-Latin letters
  // A person's name written in Han characters: those characters in Simplified form (UTF-8),
  // else "". Pinyin merges homophones (石 and 市 are both "shi"), the characters do not.
  std::string han;
  bool abjad = false;             // written in Arabic or Hebrew script: short vowels absent

  // All tokens' texts joined without spaces ("jandanielbothma", "vanderbilt"). Returns
  // `compact` when it was filled (CacheCompact) and the tokens have not changed since.
  std::string Compact() const;
  // Stores Compact() in `compact` (list names do this once at index build).
  void CacheCompact() { compact = Compact(); }
  std::string compact;
  // True when no token is a word or number (e.g. "LLC" or "Mr"): such a name never matches
  // on its own.
  bool Empty() const;
};

}  // namespace interdict
