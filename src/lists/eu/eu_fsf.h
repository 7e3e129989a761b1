// File: lists/eu/eu_fsf.h
//
// EU Financial Sanctions Files XML (xmlFullSanctionsList_1_1, namespace
// http://eu.europa.ec/fpi/fsd/export), streamed one sanctionEntity at a time.
//
//   Result<ParsedList> list = ParseEuFsfXml({"eu_sanctions.xml", bytes});
//   if (!list.ok()) return list.status();            // kDataLoss: the file was refused
//   for (const Entity& e : list->entities) ...       // one per sanctionEntity
#pragma once

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::lists {

// Parses one EU FSF XML export, in document order. The data is carried in attributes;
// attributes and child elements this parser does not know are ignored (an unknown child of
// sanctionEntity is reported once per file).
//
// as_of comes from export/@generationDate. source_id is sanctionEntity/@logicalId; reference is
// @euReferenceNumber; listed_on is @designationDate; programs are regulation/@programme;
// source_url is the first regulation/publicationUrl; @unitedNationId becomes the sanction note
// "UN reference: <id>". subjectType person -> person, enterprise -> organization (the FSF has
// no vessel type). Mapping choices:
//  * Names: every nameAlias, wholeName (or the parts joined) as full, firstName / middleName /
//    lastName as parts, nameLanguage ("FR", "BG") lower-cased as language, strong="false" as
//    weak. The FSF marks no primary name and its order is not meaningful (a French spelling or
//    a nickname may come first), so the primary is the first strong alias without nameLanguage
//    that has name parts, else the first strong one without nameLanguage, else the first
//    strong one, else the first. @title and, for persons, @function become titles (for other
//    kinds @function goes to remarks); @gender M/F sets the gender.
//  * citizenship -> citizenships; birthdate -> dates_of_birth (@birthdate, else
//    @year/@monthOfYear/@dayOfMonth; @circa) and places_of_birth (city, place, region, zip,
//    country); a non-Gregorian calendarType is a warning and the date is left out.
//  * address -> addresses (poBox joins the street, place the city); address/contactInfo
//    PHONE/FAX/EMAIL/WEB -> identifiers. identification -> identifiers (type from
//    @identificationTypeCode, label @identificationTypeDescription, value @number or
//    @latinNumber; issuer, dates, flags and remarks in note). remark text -> remarks.
// Countries: the source's ISO code when well-formed ("00" means unknown), else the description
// through CountryCode().
// Per-record problems are diagnostics: a sanctionEntity with no name is skipped; a field that
// cannot be read is a warning and the record is kept without it.
//
// Returns kDataLoss, naming the file, for an empty or binary file, malformed or truncated XML,
// a root element other than <export> (e.g. a UN or OFAC file), or an export with no
// sanctionEntity (loading it would de-list everyone). A refused file yields no entities at all.
Result<ParsedList> ParseEuFsfXml(const InputFile& file);

}  // namespace interdict::lists
