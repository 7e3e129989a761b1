// File: lists/common.h
//
// Helpers every list parser shares: identifier labels to IdType, name finishing (script
// detection), SourceFile fingerprints and small text utilities over source fields.
//
//   Identifier id;  id.type = lists::IdTypeFromLabel("National ID No.");  // kNationalId
//   lists::FinishEntity(&entity);   // scripts detected, empty names dropped, names deduped
#pragma once

#include <string>
#include <string_view>

#include "interdict/entity.h"
#include "interdict/list.h"

namespace interdict::lists {

// Maps a list's identifier label ("Passport", "National ID No.", "SWIFT/BIC",
// "Vessel Registration Identification", "MMSI", "Digital Currency Address - XBT",
// "Aircraft Manufacturer's Serial Number (MSN)", "Tax ID No.", "Registration Number", ...)
// to an IdType; kOther when unknown. Case-insensitive.
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

}  // namespace interdict::lists
