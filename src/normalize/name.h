// File: normalize/name.h
//
// Turns a written name into the tokens the matcher compares: romanize (any script to ASCII),
// split into words, drop honorifics, fold legal forms to one canonical form, mark particles,
// numbers and initials, join split Arabic compounds ("Abd al-Aziz" -> "abdaziz"), expand
// common abbreviations ("Int'l" -> "international"), and key each token by spelling fold.
//
//   NormalizedName n = normalize::NormalizeName("OAO Gazprom", EntityKind::kOrganization);
//   // tokens: [gazprom]; legal_form: "jsc"
//
// Thread-safe. Costs one Romanize() call (ICU only for non-Latin text).
#pragma once

#include <string_view>

#include "interdict/entity.h"

#include "model/name_tokens.h"

namespace interdict::normalize {

// `kind` selects kind-specific rules: honorifics are dropped for persons and unknown kinds;
// runs of single letters merge into one word for organizations ("A.B.C." -> "abc") but stay
// initials for persons. Legal forms are recognized as a whole phrase anywhere ("limited
// liability company"), or as a single token at the start or end of the name ("OOO X",
// "X GmbH"), for every kind.
// At most kMaxTokens tokens are kept (the rest of a very long name is dropped).
inline constexpr size_t kMaxTokens = 32;
NormalizedName NormalizeName(std::string_view utf8, EntityKind kind);

// The canonical legal form of one romanized token or phrase ("ooo" -> "llc",
// "aktiengesellschaft" -> "ag"), or "" when it is not one. Exposed for tests and the
// goods/ownership layers.
std::string_view CanonicalLegalForm(std::string_view romanized_phrase);

}  // namespace interdict::normalize
