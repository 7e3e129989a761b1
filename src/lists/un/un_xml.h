// File: lists/un/un_xml.h
//
// UN Security Council Consolidated List XML (CONSOLIDATED_LIST with INDIVIDUALS and ENTITIES).
//
//   Result<ParsedList> list = ParseUnXml({"consolidated.xml", bytes});
//   if (!list.ok()) return list.status();            // kDataLoss: the file was refused
//   for (const Entity& e : list->entities) ...       // one per INDIVIDUAL / ENTITY
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

// Parses one UN consolidated.xml, streaming one INDIVIDUAL / ENTITY at a time, in document
// order (individuals, then entities). Children are read by element name, never by position.
//
// as_of comes from CONSOLIDATED_LIST/@dateGenerated. source_id is DATAID; reference is
// REFERENCE_NUMBER; programs is UN_LIST_TYPE; provenance locator is "line N" of the record.
// INDIVIDUAL is a person, ENTITY an organization. Mapping choices:
//  * Primary name: FIRST_NAME..FOURTH_NAME joined with spaces. The UN does not say which part
//    is the family name, so for individuals given = FIRST_NAME, family = the last present
//    later part, middle = the parts in between (e.g. MOHAMMAD | HASSAN | AKHUND). Entities'
//    names are FIRST_NAME, without parts.
//  * NAME_ORIGINAL_SCRIPT is an extra aka name. Aliases: QUALITY Low -> weak aka, f.k.a. ->
//    fka, Good / a.k.a. / empty -> strong aka. An alias NOTE "original script: X" (or
//    "In Arabic: X") adds X as a further name of the same quality; other alias NOTEs and
//    address NOTEs have no place in the model and are not kept.
//  * INDIVIDUAL_DATE_OF_BIRTH: EXACT DATE|YEAR, APPROXIMATELY YEAR (circa), BETWEEN
//    FROM_YEAR..TO_YEAR (range); a NOTE is kept in DateOfBirth::text, and a NOTE alone is
//    parsed as a date statement. Dates and places of birth given on an alias are added too.
//  * TITLE and DESIGNATION values -> titles; NATIONALITY values -> ISO codes (an unresolved
//    one is a warning); documents -> identifiers (TYPE_OF_DOCUMENT [+ TYPE_OF_DOCUMENT2] as
//    label, ISSUING_COUNTRY or COUNTRY_OF_ISSUE as country, issue date/place and NOTE in note).
// Per-record problems are diagnostics: a record with no name at all is skipped; a field that
// cannot be read is a warning and the record is kept without it.
//
// Returns kDataLoss, naming the file, for an empty or binary file, malformed or truncated
// XML, a root element other than CONSOLIDATED_LIST (e.g. an OFAC or EU file), or a document
// with no INDIVIDUAL or ENTITY record (loading it would de-list everyone). A refused file
// yields no entities at all.
Result<ParsedList> ParseUnXml(const InputFile& file);

}  // namespace interdict::lists
