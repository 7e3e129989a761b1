// File: lists/common.h
//
// Helpers every list parser shares: identifier labels to IdType, name finishing (script
// detection), SourceFile fingerprints, small text utilities over source fields, the
// CSV-row and XML-record helpers several parsers need, and OFAC's label conventions (read
// by the OFAC XML parsers and by the OFAC rows of the US CSL).
//
//   Identifier id;  id.type = lists::IdTypeFromLabel("National ID No.");  // kNationalId
//   lists::FinishEntity(&entity);   // scripts detected, empty names dropped, names deduped
//   std::string place = lists::JoinNonEmpty({city, country}, ", ");
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"
#include "interdict/list.h"

namespace interdict::lists {

// Maps a list's identifier label ("Passport", "National ID No.", "SWIFT/BIC",
// "Vessel Registration Identification", "MMSI", "Digital Currency Address - XBT",
// "Aircraft Manufacturer's Serial Number (MSN)", "Tax ID No.", "TIN", "Taxpayer
// Identification Number", "Registration Number", ...) to an IdType; kOther when unknown.
// Case-insensitive. Short needles ("TIN", "INN", "BIC") count only as whole words.
IdType IdTypeFromLabel(std::string_view label);

// Fills Name::script for every name, drops names that are empty after trimming, removes
// exact duplicate names (keeping the first, so the primary stays first).
// REQUIRES: the primary name, when there is one, is names[0].
void FinishEntity(Entity* entity);

// The SourceFile record (name, SHA-256, size) for an input file.
SourceFile MakeSourceFile(const InputFile& file);

// Provenance for an entity from `file`: the file name, its digest, and a locator.
Provenance MakeProvenance(const SourceFile& file, std::string locator);

// Country text to ISO alpha-2, "" when unresolved (wraps model::CountryToIso2).
std::string CountryCode(std::string_view text);

// Appends `value` to `*list` unless it is empty or already present.
void AddUnique(std::vector<std::string>* list, std::string_view value);

// A ParsedList for `source` read from the single file `file`: version.source, version.format
// and version.files (one MakeSourceFile() record) set, nothing else.
ParsedList NewParsedList(ListSource source, std::string_view format, const InputFile& file);

// ---- Text of source fields ----

// Source text trimmed, with every run of ASCII whitespace folded to one space (lists wrap
// long values over several lines).
std::string CleanText(std::string_view s);

// The non-empty `parts` joined with `sep`; "" when all are empty.
std::string JoinNonEmpty(std::initializer_list<std::string_view> parts, std::string_view sep);
std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep);

// True for exactly two ASCII upper-case letters ("CN"), the shape of an ISO alpha-2 code.
bool IsUpperAlpha2(std::string_view s);

// Trims `s` and replaces every run of whitespace that contains a line break or a tab with
// one space: a name typed with Alt+Enter in a spreadsheet, or broken over lines inside CSV
// quotes ("Gaobeidian Kaituo Precise Instrument\nCo. Ltd "). Plain spaces are left as written.
std::string OneLine(std::string_view s);

// `s` with each invalid UTF-8 sequence replaced by U+FFFD (base::DecodeUtf8 decides how far
// one reaches); valid text is returned unchanged.
std::string ReplaceInvalidUtf8(std::string_view s);

// ---- Entity building ----

// Adds a name unless the same text is already there; a strong duplicate of a weak name makes
// the kept one strong. Empty names are ignored.
void AddName(Entity* e, Name name);

// Adds a date of birth unless one with the same from, to and circa is already there.
void AddDateOfBirth(Entity* e, DateOfBirth dob);

// True when `a` sorts before `b` by year, then month, then day (0 = unknown sorts first).
bool DateBefore(const PartialDate& a, const PartialDate& b);

// ---- Diagnostic locations ----

// "line N", the location of a CSV row (N is the reader's 1-based line).
std::string LineLocation(size_t line);

// "line N, PATH" or, with a child, "line N, PATH/CHILD": where in an XML record a
// diagnostic points ("line 12, INDIVIDUAL[3]/DATAID").
std::string XmlRecordLocation(int line, std::string_view path, std::string_view child);

// ---- CSV rows ----

// Column index of a column the header does not have.
inline constexpr size_t kAbsentColumn = static_cast<size_t>(-1);

// The cell at `column` of `row`, trimmed; "" when the column is kAbsentColumn or the row is
// too short to have it. The view points into `row`.
std::string_view CellAt(const std::vector<std::string>& row, size_t column);

// ---- OFAC labels ----

// The comparable form of an OFAC fact label (SDN.XML idType, Enhanced XML feature types, the
// CSL `ids` labels): trimmed, ASCII lower case, trailing ':', '-' and spaces removed
// ("Secondary sanctions risk:" -> "secondary sanctions risk").
std::string OfacLabelKey(std::string_view label);

// True when an OFAC label key (see OfacLabelKey) names a sanctions statement rather than an
// identifier: directive determinations, secondary-sanctions risks, CAATSA/EO/IFCA/PEESA
// information, listing and effective dates of directives, and OFAC's descriptive
// "Organization Type:"/"Target Type". Such facts go to Entity::sanction_notes.
bool IsOfacSanctionNoteKey(std::string_view key);

// The names of the "Linked To: NAME" statements in OFAC remarks text, in order, trimmed, empty
// ones left out ("(Linked To: IRGC (QODS FORCE))" -> "IRGC (QODS FORCE)"). The marker is
// matched case-insensitively; a name ends at a ';' or at the ')' that closes its group,
// parentheses inside it kept balanced. Views point into `remarks`.
std::vector<std::string_view> FindLinkedToNames(std::string_view remarks);

}  // namespace interdict::lists
