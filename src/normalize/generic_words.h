// File: normalize/generic_words.h
//
// Private to normalize/: generic business and sector words ("trading", "shipping", "food",
// "brothers") in the languages of the lists, folded to one canonical English token each, so
// that a company name and its translation ("Tsiklauri Gvino" / "Tsiklauri Wine",
// "שטרן מזון כשר" / "Shtern Kosher Foods") do not disagree on a word that only names the trade.
// Proper names are never in the dictionary. The words weigh little anyway (token IDF); what
// the fold removes is a false conflict.
//
//   std::vector<std::string> words = {"tsiklauri", "gvino"};
//   internal::FoldGenericWords(&words, /*from_non_latin=*/false);   // {"tsiklauri", "wine"}
#pragma once

#include <string>
#include <vector>

namespace interdict::normalize::internal {

// Replaces generic words and phrases in `words` (romanized, as NormalizeName splits them) by
// their canonical English tokens, longest phrase first; a phrase may become several tokens
// (ဆန်စက် → "rice mill"). English words are left as written.
// Entries written in a non-Latin script (Hebrew, Burmese, Cyrillic, Arabic, Persian) are
// matched on their romanization and only when `from_non_latin` (the name held such letters),
// so that a romanized Hebrew or Burmese syllable never rewrites a Latin word. A one-word
// name is left alone. Thread-safe; the first call builds the table.
void FoldGenericWords(std::vector<std::string>* words, bool from_non_latin);

}  // namespace interdict::normalize::internal
