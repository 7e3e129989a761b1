// File: interdict/entity.h
//
// The one entity model every list source is parsed into: a listed person, organization,
// vessel or aircraft with its names, dates, places, identifiers, programs and provenance.
// Parsers (src/lists/) fill it; the matcher, the delta and the goods layer read it.
//
//   Entity e;
//   e.source = ListSource::kOfacSdn;  e.source_id = "36";  e.kind = EntityKind::kOrganization;
//   e.names.push_back(Name{.full = "AEROCARIBBEAN AIRLINES", .type = NameType::kPrimary});
//
// Conventions: strings are UTF-8 as the source wrote them (trimmed, never re-cased);
// countries are ISO 3166-1 alpha-2 upper case ("RU"), or empty when the source's country
// could not be resolved (the source's text is then kept in the *_name field beside it).
// Plain value types: thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace interdict {

// Which published list an entity comes from.
enum class ListSource : uint8_t {
  kUnknown = 0,
  kOfacSdn,     // OFAC Specially Designated Nationals (sdn.csv set, SDN.XML, enhanced XML)
  kOfacNonSdn,  // OFAC Consolidated (non-SDN) list (cons_*.csv, consolidated.xml)
  kUsCsl,       // trade.gov Consolidated Screening List (BIS Entity List, DPL, UVL, MEU, ...)
  kUn,          // UN Security Council Consolidated List
  kEu,          // EU Financial Sanctions Files
  kUkOfsi,      // UK HM Treasury / OFSI Consolidated List
  kInHouse,     // a user's own list (docs/formats/inhouse.md)
};

// Stable short codes used in JSON, the CLI and hit identifiers: "ofac_sdn", "ofac_nonsdn",
// "us_csl", "un", "eu", "uk_ofsi", "inhouse".
std::string_view ListSourceCode(ListSource source);
// Inverse of ListSourceCode(); kUnknown when `code` is not one.
ListSource ListSourceFromCode(std::string_view code);

enum class EntityKind : uint8_t { kUnknown = 0, kPerson, kOrganization, kVessel, kAircraft };
// "person", "organization", "vessel", "aircraft", "unknown".
std::string_view EntityKindName(EntityKind kind);
EntityKind EntityKindFromName(std::string_view name);  // also accepts "individual", "entity"

// How the source relates a name to the entity.
enum class NameType : uint8_t {
  kPrimary = 0,  // the listing name
  kAka,          // also known as
  kFka,          // formerly known as
  kNka,          // now known as
};
std::string_view NameTypeName(NameType type);  // "primary", "aka", "fka", "nka"

// OFAC, UN, UK and EU flag some aliases as low quality ("weak a.k.a."): too broad to
// block on alone. Matching ranks them below strong aliases.
enum class NameQuality : uint8_t { kStrong = 0, kWeak };
std::string_view NameQualityName(NameQuality quality);  // "strong", "weak"

// The dominant writing system of a name (see model/script.h for detection).
enum class Script : uint8_t {
  kUnknown = 0,  // no letters
  kLatin,
  kCyrillic,
  kArabic,  // Arabic, Persian, Urdu, Pashto
  kHan,     // Chinese characters (also Japanese kanji when no kana is present)
  kKana,    // Japanese (kana, with or without kanji)
  kHangul,
  kHebrew,
  kGreek,
  kGeorgian,
  kArmenian,
  kThai,
  kDevanagari,
  kOther,  // any other script
  kMixed,  // letters of two or more scripts (besides common Latin words)
};
std::string_view ScriptName(Script script);  // "latin", "cyrillic", ...

struct Name {
  std::string full;  // the whole name as the source writes it ("LAST, First" for OFAC persons)
  NameType type = NameType::kPrimary;
  NameQuality quality = NameQuality::kStrong;
  Script script = Script::kUnknown;
  // Name parts where the source gives them separately; empty otherwise.
  std::string given;
  std::string middle;
  std::string family;
  std::string patronymic;
  std::string language;  // ISO 639-1 where the source says ("ru", "zh"), else empty
};

// A date the source may know only in part: year 0 = unknown, month/day 0 = unknown.
struct PartialDate {
  int16_t year = 0;
  uint8_t month = 0;
  uint8_t day = 0;

  bool empty() const { return year == 0 && month == 0 && day == 0; }
  // "1960-08-31", "1960-08", "1960", or "" when empty.
  std::string ToString() const;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

// One date of birth statement: exact ("31 Aug 1960"), year only ("1960"), circa
// ("circa 1960": approximate), or a range ("1960 to 1962": from..to inclusive).
struct DateOfBirth {
  PartialDate from;  // the date, or the start of a range
  PartialDate to;    // equal to `from` unless the source gave a range
  bool circa = false;
  std::string text;  // the source's own text, kept for audit ("circa 1960")

  bool is_range() const { return !(from == to); }
};

enum class Gender : uint8_t { kUnknown = 0, kMale, kFemale };
std::string_view GenderName(Gender gender);  // "male", "female", ""

struct Address {
  std::string street;
  std::string city;
  std::string region;  // state, province, oblast
  std::string postal_code;
  std::string country;       // ISO alpha-2, or "" when unresolved
  std::string country_name;  // the source's country text
  std::string full;          // the source's unsplit text where it gives one string
};

// The identifier types the matcher and the goods layer know. The source's own label is
// kept in Identifier::label ("Passport", "Digital Currency Address - XBT").
enum class IdType : uint8_t {
  kOther = 0,
  kPassport,
  kNationalId,
  kTaxId,                // tax ID, INN, NIT, RUC, VAT, ...
  kCompanyRegistration,  // registration / business / company number, OGRN, ...
  kSwiftBic,
  kImo,  // vessel IMO number, also OFAC's "Company IMO"
  kMmsi,
  kCallSign,
  kAircraftSerial,        // manufacturer's serial number (MSN)
  kAircraftRegistration,  // tail number
  kWebsite,
  kEmail,
  kPhone,
  kDigitalCurrencyAddress,
  kDriversLicense,
  kCedula,  // Latin American national ID card
  kCurp,    // Mexican population registry
  kSsn,     // US social security number
  kLei,     // legal entity identifier
  kDuns,
};
std::string_view IdTypeName(IdType type);  // "passport", "national_id", ... "other"
IdType IdTypeFromName(std::string_view name);

struct Identifier {
  IdType type = IdType::kOther;
  std::string value;    // as written ("A12345678"); compare with NormalizeIdValue()
  std::string country;  // issuing country, ISO alpha-2 or ""
  std::string label;    // the source's type text
  std::string note;     // issue/expiry dates and other details, as written
};

// A relation to another party, such as OFAC's "Linked To: NAME." remark.
struct Relation {
  std::string type;       // "linked_to", "owned_by", "associate", ...
  std::string name;       // the related party's name as written
  std::string source_id;  // its identifier on the same list when the source gives one
};

// Vessel or aircraft particulars.
struct CraftInfo {
  std::string flag;       // ISO alpha-2 or ""
  std::string flag_name;  // the source's flag text ("Iran", "Panama")
  std::string type;       // "Crude Oil Tanker", "Airbus A340-313X"
  std::string tonnage;    // deadweight or similar, as written
  std::string gross_registered_tonnage;
  std::string owner;  // owner or operator as written
  std::string build_year;
};

// Where the record came from, for audit. `file` is the file name (no directory).
struct Provenance {
  std::string file;
  std::string sha256;   // hex digest of the whole file
  std::string locator;  // where inside the file: "line 1234" or "sdnEntry[12]"
};

struct Entity {
  ListSource source = ListSource::kUnknown;
  // The source's own identifier: SDN ent_num / uid, CSL _id, UN DATAID, UK Group ID,
  // EU logicalId, in-house id. Unique within one source.
  std::string source_id;
  // A second public reference where the source has one: UN REFERENCE_NUMBER
  // ("QDi.001"), EU euReferenceNumber, UK Sanctions List ref, CSL entity_number.
  std::string reference;
  // Sub-list inside a source: for the CSL "Entity List (EL) - Bureau of Industry and
  // Security"; for OFAC the list names from the enhanced XML; "" elsewhere.
  std::string list_name;
  EntityKind kind = EntityKind::kUnknown;

  std::vector<Name> names;  // names[0] is the primary name; at least one name

  // People.
  std::vector<DateOfBirth> dates_of_birth;
  std::vector<std::string> places_of_birth;  // as written ("Tehran, Iran")
  std::vector<std::string> nationalities;    // ISO alpha-2
  std::vector<std::string> citizenships;     // ISO alpha-2
  Gender gender = Gender::kUnknown;
  std::vector<std::string> titles;  // "Colonel", "Minister of Defence"

  std::vector<Address> addresses;
  std::vector<Identifier> identifiers;
  CraftInfo craft;  // vessels and aircraft

  // Organizations.
  PartialDate established;  // "Organization Established Date"

  std::vector<std::string> programs;        // "RUSSIA-EO14024", "SDGT", "IRAN"; UK/EU regimes
  PartialDate listed_on;                    // designation date where given
  std::vector<std::string> sanction_notes;  // e.g. "Secondary sanctions risk: ..."
  std::vector<Relation> relations;
  std::string remarks;  // the source's free text remarks (for OFAC: the whole field)

  // US CSL only.
  std::string license_requirement;
  std::string license_policy;
  std::string federal_register_notice;
  std::string source_url;  // source_information_url / publication URL

  Provenance provenance;

  const Name& primary_name() const { return names.front(); }
};

}  // namespace interdict
