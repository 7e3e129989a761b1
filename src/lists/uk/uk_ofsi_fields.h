// File: lists/uk/uk_ofsi_fields.h
//
// Internal to the OFSI parser: readers for the conventions inside single ConList.csv cells,
// the numbered multi-values ("(1) Germany. (2) Morocco"), the tagged items of "Other
// Information" ("(UK Sanctions List Ref):GHR0086 (Gender):Male"), address lines and the
// language names of "Non-Latin Script Language". Pure functions over string views.
//
//   for (const NumberedItem& it : SplitNumbered("(1) 01/02/1960 (2) 1961")) use(it.text);
//   for (const TaggedItem& t : SplitTaggedItems(other_information)) use(t.tag, t.value);
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interdict/entity.h"

namespace interdict::lists::uk_ofsi_internal {

// One value of a numbered multi-value cell. Items number from 1; `first..last` is a range
// when the source writes "(1-3) Libya" or "(1) to (6) Algeria". An unnumbered cell is one
// item with first == last == 0, which applies to every index (see ItemAt()).
struct NumberedItem {
  int first = 0;
  int last = 0;
  std::string_view text;  // trimmed, trailing ".,;" removed; "" when the source wrote "-"
};

// Splits a cell at its "(n)" markers when it starts with one ("(1) Russia (2) Ukraine",
// "(1) Kenya. (2) Sudan.", "(3)Uganda", "(1-3) Libya (4) Morocco", "(1) to (6) Algeria").
// Marker numbers must increase, so "(2016)" or "(04-01)" inside a value stay text. A cell
// without a leading marker is one unnumbered item. Never returns an empty vector.
std::vector<NumberedItem> SplitNumbered(std::string_view cell);

// The text of the item covering index `i` (1-based): the unnumbered item for any i, else
// the item whose range holds i, else "".
std::string_view ItemAt(const std::vector<NumberedItem>& items, int i);

// Pairs two numbered cells by index: Town of Birth with Country of Birth, Passport Number
// with Passport Details. "(1) Ndele (2) Algenana" + "(1) CAR (2) Sudan" -> (Ndele, CAR),
// (Algenana, Sudan); an unnumbered side pairs with every index of the other. Pairs whose
// both sides are empty are dropped.
std::vector<std::pair<std::string_view, std::string_view>> PairNumbered(
    const std::vector<NumberedItem>& a, const std::vector<NumberedItem>& b);

// A known "(Tag):value" item of the Other Information cell.
struct TaggedItem {
  std::string_view tag;    // as written in the file, e.g. "UK Sanctions List Ref"
  std::string_view value;  // up to the next known tag, trimmed
};

// Splits Other Information at the tags OFSI uses (case-insensitive): "UK Sanctions List
// Ref", "UK Statement of Reasons", "UN Ref", "Gender", "Phone number", "Website", "Email
// address", "Type of entity", "Business Reg No", "Parent company", "Subsidiaries", and the
// ship tags "IMO number", "Current owners", "Flag of ship", "Previous flags", "Type of
// ship", "Tonnage of ship", "Length of ship", "Year built". Anything else in parentheses,
// such as "(Fax):" inside a phone value or "(2016)", stays part of the value around it.
// Text before the first tag is not returned.
std::vector<TaggedItem> SplitTaggedItems(std::string_view text);

// The reference at the start of a "UK Sanctions List Ref" value: "RUS0159. Financial
// sanctions imposed ..." -> "RUS0159"; "" when the value does not start with one.
std::string_view LeadingReference(std::string_view value);

// Splits a list of names written as one text ("Ansar Bank. Mehr Bank", "(1) A (2) B; ")
// into names: numbered items first, then at line breaks, and at ". " or "; " before an
// upper-case letter, except after "St", "Mr", "Dr" and the like or a single-letter initial.
// Parts are trimmed and lose trailing ".,;".
std::vector<std::string_view> SplitNameList(std::string_view text);

// The registration and tax numbers in a "Business Reg No" value, which is free text:
// "(1) INN: 9723038796 (2) OGRN: 5177746268530", "OGRN: 1157847282603  TIN: 7840038027",
// "9709056472 - Russia INN", "1027739339715 (Russia)", "UK Company no. 06527449".
// A number is a run of letters and digits (with inner "-", "/" or ".") holding at least
// five digits that is not a date. Its label is the text before it back to the previous
// number ("OGRN"), or the text after it when nothing precedes it ("- Russia INN",
// "(Company registration number)"). The type comes from the label (IdTypeFromLabel:
// "INN" -> tax id, "OGRN" -> company registration), company registration by default. The
// country is a "(Russia)" right after the number, or one named by the label. The label
// defaults to "Business Reg No".
std::vector<Identifier> ParseRegistrationNumbers(std::string_view text);

// Splits a cell of URLs or e-mail addresses separated by spaces, commas or ". "
// ("info@a.ru. www.b.by", "(1) https://x (2) www.y") into tokens without trailing ".,;".
std::vector<std::string_view> SplitAddressTokens(std::string_view text);

// Splits a cell of phone numbers: numbered items, ". ", ";" and the sub-labels "(Tel):",
// "(Fax):". Keeps only parts with at least 5 digits.
std::vector<std::string_view> SplitPhoneNumbers(std::string_view text);

// The address of one row, from Address 1..6, Post/Zip Code and Country.
//
// OFSI gives six untyped lines. In the 2025 list Address 6 is the town in most rows
// ("Moscow", "Tehran", "Pyongyang") but a province in others ("Kandahar Province",
// "Zhejiang Province"), and Address 5, when present, is a district or a town. So:
//   street = Address 1..4 joined with ", ";
//   Address 6 (or Address 5 when 6 is empty) that names a province, region, oblast,
//   governorate, state, district ... -> region, with Address 5 as the city;
//   otherwise Address 6 -> city, and Address 5 is appended to the street.
// `country` is left for the caller to resolve; country_name is the Country cell.
Address BuildAddress(std::string_view a1, std::string_view a2, std::string_view a3,
                     std::string_view a4, std::string_view a5, std::string_view a6,
                     std::string_view postal_code, std::string_view country);

// True when an address line names a first-level division rather than a town: it contains
// a word such as "Province", "Region", "Oblast", "Governorate", "Prefecture", "State",
// "Krai", "Territory", "District", "County", "Republic", "Countryside", "Areas".
bool LooksLikeRegion(std::string_view line);

// ISO 639-1 code for an English language name as written in "Non-Latin Script Language"
// ("Russian" -> "ru", "Persian/Farsi" -> "fa"); "" when it is not a language with a
// 639-1 code ("Cyrillic", "Russia", "Dari").
std::string_view LanguageCode(std::string_view language);

// The issuing country named in passport or national-ID details, as ISO alpha-2, or "".
// Looks at the leading words ("Philippines number", "Russia - INN Number", "UK Passport"),
// a leading or trailing parenthesis ("(Pakistan). Expires ...", "Expires 2005 (Iraq)"),
// "issued in X" and "Country: X". Resolution goes through lists::CountryCode(); words of fewer than
// four letters are only tried for "UK", "US", "USA" and "UAE", so "ID card" is not Indonesia.
std::string IssuingCountry(std::string_view details);

// Country text to ISO alpha-2 for a cell that may carry a note: tries the whole text, then
// without a trailing parenthesis that starts lower case or holds a digit ("Iraq (previous
// address)", "Russian Federation (as at November 2010)"). "" when unresolved.
std::string ResolveCountry(std::string_view text);

// Nationality or similar cell to ISO alpha-2 codes. Each numbered item is resolved with
// ResolveCountry(); an unresolved unnumbered item is also tried as a list ("Germany.
// Russia", "Estonia, Russia"). Unresolved items are appended to *unresolved as written.
std::vector<std::string> ResolveCountryList(std::string_view cell,
                                            std::vector<std::string>* unresolved);

}  // namespace interdict::lists::uk_ofsi_internal
