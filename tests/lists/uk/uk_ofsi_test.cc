#include "lists/uk/uk_ofsi.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/csv.h"
#include "base/text.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kHeader =
    "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script "
    "Type,Non-Latin Script Language,DOB,Town of Birth,Country of Birth,Nationality,Passport "
    "Number,Passport Details,National Identification Number,National Identification "
    "Details,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip "
    "Code,Country,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed "
    "On,UK Sanctions List Date Designated,Last Updated,Group ID";

std::vector<std::string> HeaderColumns() {
  std::vector<std::string> out;
  for (std::string_view c : base::Split(kHeader, ",")) out.emplace_back(c);
  return out;
}

std::string Quote(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// One data row in the standard 36-column layout from {column header: value}.
std::string Row(const std::map<std::string, std::string>& cells) {
  std::string out;
  std::vector<std::string> columns = HeaderColumns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ',';
    auto it = cells.find(columns[i]);
    if (it != cells.end()) out += Quote(it->second);
  }
  for (const auto& [k, v] : cells) {
    EXPECT_NE(std::find(columns.begin(), columns.end(), k), columns.end()) << "no column " << k;
  }
  return out + "\r\n";
}

// A row of a person (group `id`) with the given names and alias type.
std::string Person(const std::string& id, const std::string& surname, const std::string& given,
                   const std::string& alias_type = "Primary name",
                   std::map<std::string, std::string> more = {}) {
  more["Group ID"] = id;
  more["Name 6"] = surname;
  if (!given.empty()) more["Name 1"] = given;
  more["Alias Type"] = alias_type;
  more.emplace("Group Type", "Individual");
  more.emplace("Regime", "Russia");
  more.emplace("Listed On", "15/03/2022");
  return Row(more);
}

std::string File(const std::string& rows) {
  return "Last Updated,14/04/2025\r\n" + std::string(kHeader) + "\r\n" + rows;
}

Result<ParsedList> Parse(const std::string& bytes) {
  return ParseUkOfsiCsv(InputFile{"ConList.csv", bytes});
}

const Entity* FindEntity(const ParsedList& list, std::string_view id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> NameFulls(const Entity& e) {
  std::vector<std::string> out;
  for (const Name& n : e.names) out.push_back(n.full);
  return out;
}

std::vector<std::string> Messages(const ParsedList& list) {
  std::vector<std::string> out;
  for (const Diagnostic& d : list.diagnostics.items()) {
    out.push_back(d.location + ": " + d.message);
  }
  return out;
}

// ---- Golden: a real excerpt --------------------------------------------------------------

// tests/lists/uk/testdata/small.csv: the two header lines and the 15 rows of six targets
// from the 14/04/2025 list, in file order (see testdata/README.md).
TEST(UkOfsiGoldenTest, SmallRealExcerpt) {
  std::string bytes = testing::ReadFileOrDie(testing::TestPath("lists/uk/testdata/small.csv"));
  Result<ParsedList> list = ParseUkOfsiCsv(InputFile{"small.csv", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, testing::TestPath("lists/uk/testdata/small.golden.jsonl"));

  // The facts the golden file is reviewed for, stated once more where a reader sees them.
  EXPECT_EQ(list->version.as_of, "2025-04-14");
  ASSERT_EQ(list->entities.size(), 6u);
  // Group 16601 comes first (lines 3, 4, 14); 7059 is on lines 5, 6, 7 and 12, its
  // "Primary name" row last.
  EXPECT_EQ(list->entities[0].source_id, "16601");
  const Entity* bahaji = FindEntity(*list, "7059");
  ASSERT_NE(bahaji, nullptr);
  EXPECT_EQ(bahaji->kind, EntityKind::kPerson);
  EXPECT_EQ(bahaji->reference, "AQD0300");
  EXPECT_EQ(bahaji->primary_name().full, "Said BAHAJI");
  EXPECT_EQ(bahaji->primary_name().given, "Said");
  EXPECT_EQ(bahaji->primary_name().family, "BAHAJI");
  EXPECT_THAT(NameFulls(*bahaji),
              ElementsAre("Said BAHAJI", "Mohamed ABBATTAY", "Abderrahmane AL MAGHRIBI",
                          "Zouheir AL MAGHRIBI", "سعيد باهاجى"));
  EXPECT_EQ(bahaji->names[1].quality, NameQuality::kWeak);
  EXPECT_EQ(bahaji->names[3].quality, NameQuality::kStrong);
  EXPECT_EQ(bahaji->names[4].script, Script::kArabic);
  EXPECT_THAT(bahaji->nationalities, ElementsAre("DE", "MA"));
  EXPECT_EQ(bahaji->provenance.locator, "line 5");
  ASSERT_EQ(bahaji->dates_of_birth.size(), 1u);
  EXPECT_EQ(bahaji->dates_of_birth[0].from.ToString(), "1975-07-15");

  const Entity* ship = FindEntity(*list, "13656");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->kind, EntityKind::kVessel);
  EXPECT_EQ(ship->craft.flag, "KP");

  const Entity* avangard = FindEntity(*list, "15375");
  ASSERT_NE(avangard, nullptr);
  EXPECT_EQ(avangard->addresses.size(), 2u);
  EXPECT_EQ(avangard->names[1].language, "ru");

  const Entity* no_primary = FindEntity(*list, "16601");
  ASSERT_NE(no_primary, nullptr);
  EXPECT_EQ(no_primary->primary_name().type, NameType::kPrimary);
  EXPECT_EQ(list->diagnostics.skipped(), 0u);
}

// ---- Behaviour ---------------------------------------------------------------------------

TEST(UkOfsiTest, GroupsRowsThatAreNotAdjacentInFirstAppearanceOrder) {
  Result<ParsedList> list = Parse(File(
      Person("20", "SMIRNOV", "Ivan", "Primary name variation") + Person("10", "PETROV", "Pavel") +
      Person("20", "SMIRNOVA", "Ivan") + Person("10", "PETROFF", "Pavel", "AKA")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].source_id, "20");
  EXPECT_EQ(list->entities[1].source_id, "10");
  // The "Primary name" row is names[0] even when it comes later.
  EXPECT_THAT(NameFulls(list->entities[0]), ElementsAre("Ivan SMIRNOVA", "Ivan SMIRNOV"));
  EXPECT_EQ(list->entities[0].names[0].type, NameType::kPrimary);
  EXPECT_EQ(list->entities[0].names[1].type, NameType::kAka);
  EXPECT_EQ(list->entities[0].provenance.locator, "line 3");
  EXPECT_EQ(list->entities[1].provenance.locator, "line 4");
  EXPECT_TRUE(list->diagnostics.empty()) << ::testing::PrintToString(Messages(*list));
}

TEST(UkOfsiTest, NamePartsAliasTypesAndQuality) {
  Result<ParsedList> list = Parse(File(Row({{"Group ID", "1"},
                                            {"Name 6", "HAQ"},
                                            {"Name 1", "Mian"},
                                            {"Name 2", "Abdul"},
                                            {"Name 3", "bin"},
                                            {"Title", "(1) Mullah (2) Haji"},
                                            {"Group Type", "Individual"},
                                            {"Alias Type", "Primary name"},
                                            {"Regime", "Global Human Rights"}}) +
                                       Row({{"Group ID", "1"},
                                            {"Name 6", "MITTU"},
                                            {"Group Type", "Individual"},
                                            {"Alias Type", "AKA"},
                                            {"Alias Quality", "Low quality"},
                                            {"Regime", "Global Human Rights"},
                                            {"Name Non-Latin Script", "میاں مٹھو"},
                                            {"Non-Latin Script Language", "Urdu"}}) +
                                       Row({{"Group ID", "1"},
                                            {"Name 6", "OLD NAME"},
                                            {"Group Type", "Individual"},
                                            {"Alias Type", "FKA"},
                                            {"Alias Quality", "Good quality"},
                                            {"Regime", "Global Human Rights"},
                                            {"Name Non-Latin Script", "Старое имя"},
                                            {"Non-Latin Script Language", "Cyrillic"}})));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  ASSERT_EQ(e.names.size(), 5u);
  EXPECT_EQ(e.names[0].full, "Mian Abdul bin HAQ");
  EXPECT_EQ(e.names[0].given, "Mian");
  EXPECT_EQ(e.names[0].middle, "Abdul bin");
  EXPECT_EQ(e.names[0].family, "HAQ");
  // Name 6 alone is a whole name, not a surname.
  EXPECT_EQ(e.names[1].full, "MITTU");
  EXPECT_EQ(e.names[1].family, "");
  EXPECT_EQ(e.names[1].type, NameType::kAka);
  EXPECT_EQ(e.names[1].quality, NameQuality::kWeak);
  EXPECT_EQ(e.names[2].full, "میاں مٹھو");
  EXPECT_EQ(e.names[2].quality, NameQuality::kWeak);
  EXPECT_EQ(e.names[2].language, "ur");
  EXPECT_EQ(e.names[2].script, Script::kArabic);
  EXPECT_EQ(e.names[3].type, NameType::kFka);
  EXPECT_EQ(e.names[4].type, NameType::kFka);
  EXPECT_EQ(e.names[4].language, "");  // "Cyrillic" is a script, not a language
  EXPECT_THAT(e.titles, ElementsAre("Mullah", "Haji"));
}

TEST(UkOfsiTest, GroupWithoutPrimaryNameRowWarnsAndUsesItsFirstName) {
  Result<ParsedList> list = Parse(File(Person("7", "ALPHA", "", "Primary name variation") +
                                       Person("7", "BETA", "", "Primary name variation")));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].names[0].full, "ALPHA");
  EXPECT_EQ(list->entities[0].names[0].type, NameType::kPrimary);
  EXPECT_EQ(list->entities[0].names[1].type, NameType::kAka);
  ASSERT_EQ(list->diagnostics.size(), 1u);
  const Diagnostic& d = list->diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_EQ(d.location, "line 3");
  EXPECT_EQ(d.record_id, "7");
  EXPECT_THAT(d.message, HasSubstr("no 'Primary name' row"));
}

TEST(UkOfsiTest, SecondDifferentPrimaryNameBecomesAnAka) {
  Result<ParsedList> list =
      Parse(File(Person("7", "QODS FORCE", "") + Person("7", "QUDS FORCE", "") +
                 Person("7", "QODS FORCE", "")));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_THAT(NameFulls(list->entities[0]), ElementsAre("QODS FORCE", "QUDS FORCE"));
  EXPECT_EQ(list->entities[0].names[1].type, NameType::kAka);
}

TEST(UkOfsiTest, MergesFactsOfTheCrossProductRowsWithoutDuplicates) {
  // OFSI repeats a target once per name x address x date of birth x regime.
  std::map<std::string, std::string> common = {
      {"Nationality", "(1) Germany. (2) Morocco"},
      {"Town of Birth", "(1) Ndele (2) -"},
      {"Country of Birth", "(1) Central African Republic (2) Chad"},
      {"Passport Number", "(1) 28642163 (2) 954242"},
      {"Passport Details", "(1) German provisional (2) Moroccan. Expired."},
      {"National Identification Number", "770305249797"},
      {"National Identification Details", "Russian taxpayer ID"},
      {"Position", "(1) Governor (2) Commander"},
      {"Other Information", "(UK Sanctions List Ref):RUS0001. (Gender):Female"}};
  auto row = [&](const std::string& dob, const std::string& a1, const std::string& regime,
                 const std::string& listed) {
    std::map<std::string, std::string> m = common;
    m["DOB"] = dob;
    m["Address 1"] = a1;
    m["Address 6"] = "Moscow";
    m["Country"] = "Russia";
    m["Regime"] = regime;
    m["Listed On"] = listed;
    return Person("5", "IVANOVA", "Anna", "Primary name", m);
  };
  Result<ParsedList> list = Parse(File(row("01/02/1960", "Street 1", "Russia", "15/03/2022") +
                                       row("00/00/1961", "Street 1", "Russia", "15/03/2022") +
                                       row("01/02/1960", "Street 2", "Belarus", "02/12/2021") +
                                       row("00/00/1961", "Street 2", "Belarus", "02/12/2021")));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.names.size(), 1u);
  ASSERT_EQ(e.dates_of_birth.size(), 2u);
  EXPECT_EQ(e.dates_of_birth[0].from.ToString(), "1960-02-01");
  EXPECT_EQ(e.dates_of_birth[1].from.ToString(), "1961");
  EXPECT_EQ(e.dates_of_birth[1].text, "00/00/1961");
  EXPECT_THAT(e.nationalities, ElementsAre("DE", "MA"));
  EXPECT_THAT(e.places_of_birth, ElementsAre("Ndele, Central African Republic", "Chad"));
  ASSERT_EQ(e.identifiers.size(), 3u);
  EXPECT_EQ(e.identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(e.identifiers[0].value, "28642163");
  EXPECT_EQ(e.identifiers[0].note, "German provisional");
  EXPECT_EQ(e.identifiers[1].value, "954242");
  EXPECT_EQ(e.identifiers[1].note, "Moroccan. Expired");
  EXPECT_EQ(e.identifiers[2].type, IdType::kTaxId);
  EXPECT_EQ(e.identifiers[2].label, "National Identification Number");
  EXPECT_EQ(e.identifiers[2].note, "Russian taxpayer ID");
  EXPECT_THAT(e.titles, ElementsAre("Governor", "Commander"));
  ASSERT_EQ(e.addresses.size(), 2u);
  EXPECT_EQ(e.addresses[0].street, "Street 1");
  EXPECT_EQ(e.addresses[0].city, "Moscow");
  EXPECT_EQ(e.addresses[0].country, "RU");
  EXPECT_THAT(e.programs, ElementsAre("Russia", "Belarus"));
  EXPECT_EQ(e.listed_on.ToString(), "2021-12-02");  // the earliest
  EXPECT_EQ(e.reference, "RUS0001");
  EXPECT_EQ(e.gender, Gender::kFemale);
  EXPECT_EQ(e.remarks, "(UK Sanctions List Ref):RUS0001. (Gender):Female");
  EXPECT_TRUE(list->diagnostics.empty()) << ::testing::PrintToString(Messages(*list));
}

TEST(UkOfsiTest, MultiValuedAndUnreadableDatesOfBirth) {
  Result<ParsedList> list = Parse(File(
      Person("5", "A", "B", "Primary name", {{"DOB", "(1) 01/02/1960 (2) 1961 (3) 31/02/1962"}}) +
      Person("5", "A", "C", "AKA", {{"DOB", "(1) 01/02/1960 (2) 1961 (3) 31/02/1962"}}) +
      Person("5", "A", "D", "AKA", {{"DOB", "circa 1970"}})));
  ASSERT_TRUE(list.ok());
  const Entity& e = list->entities[0];
  ASSERT_EQ(e.dates_of_birth.size(), 3u);
  EXPECT_EQ(e.dates_of_birth[0].from.ToString(), "1960-02-01");
  EXPECT_EQ(e.dates_of_birth[1].from.ToString(), "1961");
  EXPECT_TRUE(e.dates_of_birth[2].circa);
  // Reported once, at the first row that carries it.
  ASSERT_EQ(list->diagnostics.size(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].location, "line 3, column DOB");
  EXPECT_EQ(list->diagnostics.items()[0].message, "cannot read the date of birth '31/02/1962'");
}

TEST(UkOfsiTest, ShipFromOtherInformation) {
  std::string other =
      "(UK Sanctions List Ref):DPR0105. Listed as asset of Korea Achim Shipping Co (OFSI ID: "
      "13632, UN Reference Number: UN Ref KPe.061) (IMO number):8660313 (Current owners):Korea "
      "Achim Shipping Co (Flag of ship):North Korea (Type of ship):Oil tanker (Tonnage of "
      "ship):2808 (Length of ship):83 (Year built):2005";
  Result<ParsedList> list = Parse(File(Row({{"Group ID", "13656"},
                                            {"Name 6", "CHON MA SAN"},
                                            {"Group Type", "Ship"},
                                            {"Alias Type", "Primary name"},
                                            {"Regime", "Democratic People's Republic of Korea"},
                                            {"Other Information", other}})));
  ASSERT_TRUE(list.ok());
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.kind, EntityKind::kVessel);
  EXPECT_EQ(e.reference, "DPR0105");
  ASSERT_EQ(e.identifiers.size(), 1u);
  EXPECT_EQ(e.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(e.identifiers[0].value, "8660313");
  EXPECT_EQ(e.craft.flag, "KP");
  EXPECT_EQ(e.craft.flag_name, "North Korea");
  EXPECT_EQ(e.craft.type, "Oil tanker");
  EXPECT_EQ(e.craft.tonnage, "2808");
  EXPECT_EQ(e.craft.build_year, "2005");
  EXPECT_EQ(e.craft.owner, "Korea Achim Shipping Co");
  EXPECT_EQ(e.remarks, other);
}

TEST(UkOfsiTest, EntityContactsRegistrationsAndRelations) {
  std::string other =
      "(UK Sanctions List Ref):RUS1430. (UN Ref):KPe.061. Text. (Phone number):(1) +7 (495) "
      "841-53-09 (2) +7 495 730 44 80 (Website):www.avangard.ru (Email address):info@avangard.ru. "
      "sales@avangard.ru (Type of entity):Joint Stock Company (Business Reg No):(1) INN: "
      "7813045402 (2) OGRN: 1027802483070 (Parent company):Rostec (Subsidiaries):(1) Alpha LLC "
      "(2) Beta JSC";
  Result<ParsedList> list = Parse(File(Row({{"Group ID", "15375"},
                                            {"Name 6", "AVANGARD JSC"},
                                            {"Group Type", "Entity"},
                                            {"Alias Type", "Primary name"},
                                            {"Regime", "Russia"},
                                            {"Other Information", other}})));
  ASSERT_TRUE(list.ok());
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.kind, EntityKind::kOrganization);
  std::vector<std::string> ids;
  for (const Identifier& id : e.identifiers) {
    ids.push_back(std::string(IdTypeName(id.type)) + " " + id.value + " [" + id.label + "]");
  }
  EXPECT_THAT(
      ids, ElementsAre("other KPe.061 [UN Ref]", "phone +7 (495) 841-53-09 [Phone number]",
                       "phone +7 495 730 44 80 [Phone number]", "website www.avangard.ru [Website]",
                       "email info@avangard.ru [Email address]",
                       "email sales@avangard.ru [Email address]", "tax_id 7813045402 [INN]",
                       "company_registration 1027802483070 [OGRN]"));
  ASSERT_EQ(e.relations.size(), 3u);
  EXPECT_EQ(e.relations[0].type, "parent");
  EXPECT_EQ(e.relations[0].name, "Rostec");
  EXPECT_EQ(e.relations[1].type, "subsidiary");
  EXPECT_EQ(e.relations[1].name, "Alpha LLC");
  EXPECT_EQ(e.relations[2].name, "Beta JSC");
}

TEST(UkOfsiTest, ToleratesReorderedAndExtraColumnsAndNoLastUpdatedLine) {
  std::string bytes =
      "Group ID,Extra,Regime,Alias Type,Group Type,Name 1,Name 6,DOB\r\n"
      "42,x,Russia,Primary name,Individual,Ivan,PETROV,1970\r\n";
  Result<ParsedList> list = Parse(bytes);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->version.as_of, "");
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].names[0].full, "Ivan PETROV");
  EXPECT_EQ(list->entities[0].dates_of_birth[0].from.year, 1970);
  // Each missing column that carries facts is reported once.
  std::vector<std::string> msgs = Messages(*list);
  EXPECT_THAT(msgs, ::testing::Contains("line 1: the header lacks the column 'Nationality'; its "
                                        "facts are not read"));
  EXPECT_EQ(list->diagnostics.skipped(), 0u);
}

TEST(UkOfsiTest, UnknownGroupTypeAliasTypeAndNationalityAreReported) {
  Result<ParsedList> list = Parse(File(Row({{"Group ID", "9"},
                                            {"Name 6", "X"},
                                            {"Group Type", "Aircraft"},
                                            {"Alias Type", "Primary name"},
                                            {"Regime", "Russia"},
                                            {"Nationality", "Atlantis"}}) +
                                       Row({{"Group ID", "9"},
                                            {"Name 6", "Y"},
                                            {"Group Type", "Aircraft"},
                                            {"Alias Type", "Nickname"},
                                            {"Regime", "Russia"},
                                            {"Nationality", "Atlantis"}})));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->entities[0].kind, EntityKind::kUnknown);
  EXPECT_EQ(list->entities[0].names[1].type, NameType::kAka);
  EXPECT_THAT(Messages(*list),
              ElementsAre("line 3, column Group Type: unknown Group Type 'Aircraft'; kind left "
                          "unknown",
                          "line 3, column Nationality: unknown nationality 'Atlantis' not kept",
                          "line 4, column Alias Type: unknown Alias Type 'Nickname'; read as AKA"));
}

// ---- Hostile and broken input -----------------------------------------------------------

TEST(UkOfsiHostileTest, EmptyFileIsRefused) {
  EXPECT_THAT(Parse("").status(),
              StatusIs(StatusCode::kDataLoss, "ConList.csv: the file is empty"));
  EXPECT_THAT(Parse("\r\n \r\n").status(),
              StatusIs(StatusCode::kDataLoss, "ConList.csv: the file is empty"));
}

TEST(UkOfsiHostileTest, BinaryFileIsRefused) {
  const char kZipHead[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
  std::string zip(kZipHead, sizeof(kZipHead) - 1);  // an .xlsx handed over as CSV
  zip += std::string(200, '\x01');
  EXPECT_THAT(Parse(zip).status(), StatusIs(StatusCode::kDataLoss, "ConList.csv: binary data"));
}

TEST(UkOfsiHostileTest, TruncatedInsideAQuotedFieldIsRefused) {
  std::string bytes = File(Person("1", "A", "B") + "\"unclosed,D\r\nmore text");
  Result<ParsedList> list = Parse(bytes);
  EXPECT_THAT(list.status(), StatusIs(StatusCode::kDataLoss,
                                      "ConList.csv: line 4: quoted field "
                                      "is not closed"));
}

TEST(UkOfsiHostileTest, TruncatedMidRowSkipsTheShortRow) {
  std::string bytes = File(Person("1", "A", "B") + Person("2", "C", "D"));
  bytes.resize(bytes.size() - 60);  // cut inside the last row, outside quotes
  Result<ParsedList> list = Parse(bytes);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->entities.size(), 1u);
  ASSERT_EQ(list->diagnostics.size(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].severity, Severity::kSkipped);
  EXPECT_EQ(list->diagnostics.items()[0].location, "line 4");
  EXPECT_THAT(list->diagnostics.items()[0].message, HasSubstr("the header has 36; row skipped"));
}

TEST(UkOfsiHostileTest, WrongHeaderIsRefusedNamingTheMissingColumns) {
  // An OFAC sdn.csv handed to the wrong parser.
  EXPECT_THAT(Parse("ent_num,SDN_Name,SDN_Type,Program\r\n36,AEROCARIBBEAN,-0-,CUBA\r\n").status(),
              StatusIs(StatusCode::kDataLoss,
                       "ConList.csv: the header on line 1 lacks the required column(s) 'Name 6', "
                       "'Group Type', 'Alias Type', 'Regime', 'Group ID'"));
  std::string no_group_id(kHeader.substr(0, kHeader.rfind(',')));
  EXPECT_THAT(Parse("Last Updated,14/04/2025\r\n" + no_group_id + "\r\nA,B\r\n").status(),
              StatusIs(StatusCode::kDataLoss,
                       "ConList.csv: the header on line 2 lacks the required column(s) 'Group "
                       "ID'"));
}

TEST(UkOfsiHostileTest, HeaderWithoutRowsIsRefused) {
  EXPECT_THAT(Parse(File("")).status(),
              StatusIs(StatusCode::kDataLoss, "ConList.csv: no data rows after the header"));
  EXPECT_THAT(Parse("Last Updated,14/04/2025\r\n").status(),
              StatusIs(StatusCode::kDataLoss, "no header row after the Last Updated line"));
}

TEST(UkOfsiHostileTest, FileWithoutAUsableRowIsRefused) {
  EXPECT_THAT(Parse(File(Person("", "A", "B") + "X,Y\r\n")).status(),
              StatusIs(StatusCode::kDataLoss,
                       "ConList.csv: none of the 2 data rows could be read; first: line 3, column "
                       "Group ID: the row has no Group ID; skipped"));
}

TEST(UkOfsiHostileTest, OneMegabyteFieldIsReadAndALargerOneRefused) {
  std::string big(1000000, 'x');
  Result<ParsedList> list =
      Parse(File(Person("1", "A", "B", "Primary name", {{"Other Information", big}})));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities[0].remarks.size(), 1000000u);

  std::string huge((1u << 20) + 1, 'y');
  EXPECT_THAT(
      Parse(File(Person("1", "A", "B", "Primary name", {{"Other Information", huge}}))).status(),
      StatusIs(StatusCode::kDataLoss,
               "ConList.csv: line 3: field 28 is longer than "
               "1048576 bytes"));
}

TEST(UkOfsiHostileTest, ManyParenthesesInOneFieldStayLinear) {
  std::string parens;
  for (int i = 0; i < 50000; ++i) parens += "(1)(Gender):";  // 600 KB
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = Parse(
      File(Person("1", "A", "B", "Primary name",
                  {{"Other Information", parens}, {"Nationality", parens}, {"DOB", parens}})));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok());
  EXPECT_LT(seconds, 5.0);
}

TEST(UkOfsiHostileTest, UnclosedParenthesesAndLongDigitRunsStayLinear) {
  std::string opens(900000, '(');
  std::string digits = "(" + std::string(900000, '9') + ")";
  auto start = std::chrono::steady_clock::now();
  for (const std::string& cell : {opens, opens + ")", digits}) {
    Result<ParsedList> list = Parse(File(Person("1", "A", "B", "Primary name",
                                                {{"Other Information", cell},
                                                 {"Passport Number", "(1) X"},
                                                 {"Passport Details", cell},
                                                 {"Title", cell}})));
    ASSERT_TRUE(list.ok());
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
}

TEST(UkOfsiHostileTest, OneGroupWithManyDistinctRowsStaysFast) {
  // 5,000 rows of one target (the largest real one has 400), each with a different name
  // and a different 400-byte Other Information that shares its first 390 bytes.
  std::string rows;
  std::string prefix(390, 'p');
  for (int i = 0; i < 5000; ++i) {
    rows += Person("1", "NAME" + std::to_string(i), "B", i == 0 ? "Primary name" : "AKA",
                   {{"Other Information", prefix + std::to_string(1000000 + i)}});
  }
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = Parse(File(rows));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].names.size(), 5000u);
  EXPECT_LT(seconds, 10.0);
}

TEST(UkOfsiHostileTest, InvalidUtf8FieldsAreReadAsWindows1252) {
  // A UTF-8 file with one Windows-1252 byte: the UTF-8 fields stay as they are.
  std::string bytes = File(Person("1", "M\xDCLLER", "Hans") + Person("2", "ИВАНОВ", "Иван"));
  Result<ParsedList> list = Parse(bytes);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->entities[0].names[0].full, "Hans MÜLLER");
  EXPECT_EQ(list->entities[1].names[0].full, "Иван ИВАНОВ");
  EXPECT_THAT(Messages(*list),
              ElementsAre("line 3: the file is not valid UTF-8; fields that are not UTF-8 are "
                          "read as Windows-1252"));

  // A Windows-1252 file (the official CSV's encoding at times) with curly quotes.
  Result<ParsedList> cp1252 =
      Parse(File(Person("3",
                        "D\x92"
                        "ARCY",
                        "Ren\xE9", "Primary name", {{"Position", "\x93Pir\x94"}})));
  ASSERT_TRUE(cp1252.ok());
  EXPECT_EQ(cp1252->entities[0].names[0].full, "René D’ARCY");
  EXPECT_THAT(cp1252->entities[0].titles, ElementsAre("“Pir”"));
}

TEST(UkOfsiHostileTest, ByteOrderMarkIsSkipped) {
  Result<ParsedList> list = Parse("\xEF\xBB\xBF" + File(Person("1", "A", "B")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->version.as_of, "2025-04-14");
  EXPECT_TRUE(list->diagnostics.empty());
}

TEST(UkOfsiHostileTest, RowsWithTooFewOrTooManyColumns) {
  std::string short_row = "ONLY,A,FEW,FIELDS\r\n";
  std::string long_row = Person("2", "C", "D");
  long_row.insert(long_row.size() - 2, ",extra,cells");
  Result<ParsedList> list = Parse(File(Person("1", "A", "B") + short_row + long_row));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_THAT(Messages(*list),
              ElementsAre("line 4: the row has 4 fields, the header has 36; row skipped",
                          "line 5: the row has 38 fields, the header has 36; cells are read by "
                          "position"));
  EXPECT_EQ(list->diagnostics.skipped(), 1u);
}

TEST(UkOfsiHostileTest, RowWithoutGroupIdIsSkippedAndBlankRowsAreCounted) {
  std::string blank(35, ',');
  Result<ParsedList> list =
      Parse(File(Person("", "A", "B") + blank + "\r\n" + blank + "\r\n" + Person("1", "C", "D")));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->entities.size(), 1u);
  EXPECT_THAT(Messages(*list),
              ElementsAre("line 3, column Group ID: the row has no Group ID; skipped",
                          "line 4: 2 empty row(s) ignored, the first on this line"));
}

TEST(UkOfsiHostileTest, UnreadableLastUpdatedDateIsAWarning) {
  Result<ParsedList> list =
      Parse("Last Updated,yesterday\r\n" + std::string(kHeader) + "\r\n" + Person("1", "A", "B"));
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->version.as_of, "");
  EXPECT_THAT(Messages(*list),
              ElementsAre("line 1: cannot read the Last Updated date 'yesterday'"));
}

// ---- The whole 2025 list ----------------------------------------------------------------

std::string SharedList() {
  std::string path = testing::SharedDataPath("lists/uk/ConList_from_xlsx.csv");
  if (!testing::FileExists(path)) return {};
  return testing::ReadFileOrDie(path);
}

// The rows of a file as the standard CSV reader sees them, for an independent count.
struct RawRow {
  std::string group_id;
  std::string latin_name;
  std::string non_latin_name;
};

std::vector<RawRow> RawRows(const std::string& bytes) {
  base::CsvReader reader(bytes);
  std::vector<std::string> row;
  std::vector<RawRow> out;
  EXPECT_TRUE(reader.Next(&row));  // Last Updated
  EXPECT_TRUE(reader.Next(&row));  // header
  EXPECT_EQ(row.size(), 36u);
  while (reader.Next(&row)) {
    RawRow r;
    r.group_id = std::string(base::Trim(row[35]));
    for (int c : {1, 2, 3, 4, 5, 0}) {
      std::string_view part = base::Trim(row[static_cast<size_t>(c)]);
      if (part.empty()) continue;
      if (!r.latin_name.empty()) r.latin_name += ' ';
      r.latin_name += part;
    }
    r.non_latin_name = std::string(base::Trim(row[7]));
    out.push_back(std::move(r));
  }
  EXPECT_TRUE(reader.status().ok());
  return out;
}

TEST(UkOfsiFullListTest, EveryRowOfThe2025ListIsAccountedFor) {
  std::string bytes = SharedList();
  if (bytes.empty()) GTEST_SKIP() << "no shared data (lists/uk/ConList_from_xlsx.csv)";
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseUkOfsiCsv(InputFile{"ConList_from_xlsx.csv", bytes});
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ::testing::Test::RecordProperty("parse_ms", std::to_string(ms));
  std::printf("parsed %zu bytes in %.1f ms\n", bytes.size(), ms);

  EXPECT_EQ(list->version.as_of, "2025-04-14");
  EXPECT_EQ(list->version.source, ListSource::kUkOfsi);
  ASSERT_EQ(list->entities.size(), 4688u);
  EXPECT_EQ(list->diagnostics.skipped(), 0u);

  // 18,798 name rows: each one's names are on the entity of its Group ID.
  std::vector<RawRow> rows = RawRows(bytes);
  ASSERT_EQ(rows.size(), 18798u);
  std::unordered_map<std::string, const Entity*> by_id;
  for (const Entity& e : list->entities) by_id[e.source_id] = &e;
  EXPECT_EQ(by_id.size(), 4688u);
  size_t missing = 0;
  for (const RawRow& r : rows) {
    auto it = by_id.find(r.group_id);
    ASSERT_NE(it, by_id.end()) << r.group_id;
    std::vector<std::string> names = NameFulls(*it->second);
    for (const std::string& n : {r.latin_name, r.non_latin_name}) {
      if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) ++missing;
    }
  }
  EXPECT_EQ(missing, 0u);

  // Warnings in this list: two groups without a "Primary name" row, and a misspelt
  // nationality ("Repubic of Moldova"); nothing else is expected.
  std::vector<std::string> msgs = Messages(*list);
  EXPECT_THAT(msgs, ::testing::Contains(HasSubstr("'33RD SCIENTIFIC RESEARCH AND TESTING "
                                                  "INSTITUTE' (its first name)")));
  EXPECT_LE(list->diagnostics.warnings(), 5u) << ::testing::PrintToString(msgs);

  size_t with_reference = 0, persons = 0, vessels = 0, organizations = 0;
  for (const Entity& e : list->entities) {
    with_reference += e.reference.empty() ? 0 : 1;
    persons += e.kind == EntityKind::kPerson;
    vessels += e.kind == EntityKind::kVessel;
    organizations += e.kind == EntityKind::kOrganization;
    ASSERT_FALSE(e.names.empty());
    EXPECT_EQ(e.names[0].type, NameType::kPrimary) << e.source_id;
  }
  // One target (15878) has no "(UK Sanctions List Ref)" in its Other Information.
  EXPECT_EQ(with_reference, 4687u);
  EXPECT_EQ(vessels, 15u);
  EXPECT_EQ(persons + vessels + organizations, 4688u);

  const Entity* haq = by_id["15672"];
  EXPECT_EQ(haq->reference, "GHR0086");
  EXPECT_EQ(haq->primary_name().full, "Mian Abdul HAQ");
  EXPECT_EQ(haq->gender, Gender::kMale);
  EXPECT_THAT(haq->programs, ElementsAre("Global Human Rights"));
  EXPECT_EQ(haq->listed_on.ToString(), "2022-12-09");

  const Entity* kony = by_id["13344"];
  EXPECT_EQ(kony->primary_name().full, "JOSEPH KONY");
  EXPECT_EQ(kony->places_of_birth.size(), 3u);
  EXPECT_EQ(kony->dates_of_birth.size(), 10u);  // 400 rows: 5 names x 8 addresses x 10 dates

  const Entity* sam_jong = by_id["13651"];
  EXPECT_EQ(sam_jong->kind, EntityKind::kVessel);
  ASSERT_FALSE(sam_jong->identifiers.empty());
  EXPECT_EQ(sam_jong->identifiers[0].type, IdType::kImo);
  EXPECT_EQ(sam_jong->identifiers[0].value, "7408873");

  const Entity* qods = by_id["11241"];
  EXPECT_EQ(qods->primary_name().full, "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC) QODS FORCE");
  EXPECT_THAT(qods->programs, ElementsAre("Iran (Nuclear)", "Syria"));
}

TEST(UkOfsiFullListTest, TheXlsxIsRefusedAsBinary) {
  std::string path = testing::SharedDataPath("lists/uk/ConList.xlsx");
  if (!testing::FileExists(path)) GTEST_SKIP() << "no shared data (lists/uk/ConList.xlsx)";
  std::string bytes = testing::ReadFileOrDie(path);
  EXPECT_THAT(ParseUkOfsiCsv(InputFile{"ConList.xlsx", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "ConList.xlsx: binary data, not a CSV file"));
}

}  // namespace
}  // namespace interdict::lists
