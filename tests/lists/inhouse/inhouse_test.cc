#include "lists/inhouse/inhouse.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;

std::string TestData(std::string_view name) {
  return testing::TestPath("lists/inhouse/testdata/" + std::string(name));
}

Result<ParsedList> Parse(std::string_view csv, std::string name = "list.csv") {
  return ParseInHouseCsv({std::move(name), csv});
}

std::vector<std::string> Messages(const ParsedList& list) {
  std::vector<std::string> out;
  for (const Diagnostic& d : list.diagnostics.items()) out.push_back(d.ToString());
  return out;
}

TEST(InHouseTest, SampleMatchesGolden) {
  std::string bytes = testing::ReadFileOrDie(TestData("sample.csv"));
  Result<ParsedList> list = ParseInHouseCsv({"sample.csv", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, TestData("sample.golden.jsonl"));
}

TEST(InHouseTest, MessyFileMatchesGolden) {
  std::string bytes = testing::ReadFileOrDie(TestData("messy.csv"));
  Result<ParsedList> list = ParseInHouseCsv({"messy.csv", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, TestData("messy.golden.jsonl"));
}

TEST(InHouseTest, SampleKeyFacts) {
  std::string bytes = testing::ReadFileOrDie(TestData("sample.csv"));
  Result<ParsedList> list = ParseInHouseCsv({"sample.csv", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->version.source, ListSource::kInHouse);
  EXPECT_EQ(list->version.format, "inhouse_csv");
  EXPECT_EQ(list->version.as_of, "");
  ASSERT_EQ(list->entities.size(), 6u);
  EXPECT_TRUE(list->diagnostics.empty()) << ::testing::PrintToString(Messages(*list));

  const Entity& petrov = list->entities[0];
  EXPECT_EQ(petrov.source, ListSource::kInHouse);
  EXPECT_EQ(petrov.source_id, "C-001");
  EXPECT_EQ(petrov.kind, EntityKind::kPerson);
  EXPECT_EQ(petrov.primary_name().full, "PETROV, Ivan Sergeyevich");
  ASSERT_EQ(petrov.names.size(), 3u);
  EXPECT_EQ(petrov.names[1].full, "Ivan Petrov");
  EXPECT_EQ(petrov.names[1].type, NameType::kAka);
  ASSERT_EQ(petrov.dates_of_birth.size(), 2u);
  EXPECT_TRUE(petrov.dates_of_birth[1].circa);
  // A person's countries are nationalities.
  EXPECT_THAT(petrov.nationalities, ElementsAre("RU", "UA"));
  EXPECT_TRUE(petrov.addresses.empty());
  ASSERT_EQ(petrov.identifiers.size(), 2u);
  EXPECT_EQ(petrov.identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(petrov.identifiers[0].value, "7512345678");
  EXPECT_EQ(petrov.identifiers[0].country, "RU");
  EXPECT_EQ(petrov.identifiers[1].type, IdType::kNationalId);
  EXPECT_EQ(petrov.identifiers[1].country, "");
  EXPECT_THAT(petrov.programs, ElementsAre("FRAUD-2023"));
  EXPECT_EQ(petrov.remarks, "Former supplier; blocked by compliance on 2023-05-02");
  EXPECT_EQ(petrov.provenance.locator, "line 2");

  // An organization's countries are addresses; a URL keeps its colons.
  const Entity& acme = list->entities[1];
  EXPECT_EQ(acme.kind, EntityKind::kOrganization);
  ASSERT_EQ(acme.addresses.size(), 1u);
  EXPECT_EQ(acme.addresses[0].country, "AE");
  EXPECT_TRUE(acme.nationalities.empty());
  ASSERT_EQ(acme.identifiers.size(), 2u);
  EXPECT_EQ(acme.identifiers[0].type, IdType::kWebsite);
  EXPECT_EQ(acme.identifiers[0].value, "https://acme-trading.example");
  EXPECT_EQ(acme.identifiers[1].type, IdType::kTaxId);
  EXPECT_EQ(acme.identifiers[1].country, "AE");

  const Entity& ship = list->entities[2];
  EXPECT_EQ(ship.kind, EntityKind::kVessel);
  ASSERT_EQ(ship.identifiers.size(), 3u);
  EXPECT_EQ(ship.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(ship.identifiers[1].type, IdType::kMmsi);
  EXPECT_EQ(ship.identifiers[2].type, IdType::kCallSign);

  EXPECT_EQ(list->entities[3].kind, EntityKind::kPerson);  // "individual"
  EXPECT_EQ(list->entities[3].names[0].script, Script::kCyrillic);
  // No kind and no date of birth: unknown, and the countries become addresses.
  EXPECT_EQ(list->entities[4].kind, EntityKind::kUnknown);
  EXPECT_EQ(list->entities[4].addresses.size(), 2u);
  EXPECT_EQ(list->entities[4].identifiers[0].type, IdType::kSwiftBic);
  // No kind but a date of birth: a person.
  EXPECT_EQ(list->entities[5].kind, EntityKind::kPerson);
  EXPECT_TRUE(list->entities[5].dates_of_birth[0].is_range());
}

TEST(InHouseTest, MessyFileDiagnostics) {
  std::string bytes = testing::ReadFileOrDie(TestData("messy.csv"));
  Result<ParsedList> list = ParseInHouseCsv({"messy.csv", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  // X-1 (its second use skipped), X-2, X-4; no-name and no-id rows skipped.
  ASSERT_EQ(list->entities.size(), 3u);
  EXPECT_EQ(list->entities[0].primary_name().full, "Jane DOE");
  EXPECT_EQ(list->entities[1].kind, EntityKind::kOrganization);  // "organisation"
  EXPECT_EQ(list->entities[2].remarks, "multi\nline remark");
  EXPECT_THAT(
      Messages(*list),
      ElementsAre(
          "messy.csv: line 1: warning: unknown column(s) ignored: 'Owner'",
          "messy.csv: line 2, column dob (X-1): warning: unreadable date of birth "
          "'31/02/1980'; dropped",
          "messy.csv: line 2, column country (X-1): warning: country 'Atlantis' is not a "
          "known country; dropped",
          "messy.csv: line 2, column ids (X-1): warning: unknown id type 'pasport'; kept as "
          "other",
          "messy.csv: line 2, column ids (X-1): warning: id 'imo:' has no value; dropped",
          "messy.csv: line 2, column ids (X-1): warning: id country 'ZZ' is not a known "
          "country; kept in the note",
          "messy.csv: line 4 (X-2): warning: row has 3 cells, the header 10; missing cells "
          "read as empty",
          "messy.csv: line 5 (X-1): skipped: duplicate id 'X-1' (first used on line 2)",
          "messy.csv: line 6 (X-3): skipped: empty name", "messy.csv: line 7: skipped: empty id",
          "messy.csv: line 8 (X-4): warning: row has 11 cells, the header 10; extra cells "
          "ignored",
          "messy.csv: line 8, column kind (X-4): warning: unknown kind 'firm' (use person, "
          "organization, vessel or aircraft)",
          "messy.csv: line 8, column country (X-4): warning: country 'Narnia' is not a known "
          "country; kept as text",
          "messy.csv: line 8, column ids (X-4): warning: id '1234567' has no type (write "
          "type:value); kept with type other"));
  EXPECT_EQ(list->diagnostics.skipped(), 3u);
}

TEST(InHouseTest, HeaderIsCaseInsensitiveAndTakesDocumentedSpellings) {
  Result<ParsedList> list = Parse(
      " ID , NAME ,Type,Alias,Date_Of_Birth,Countries,Identifiers,Programs,Notes\n"
      "1,Jane Roe,person,J. Roe,1970,GB,passport:123,P1,note\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.dates_of_birth.size(), 1u);
  EXPECT_THAT(e.nationalities, ElementsAre("GB"));
  EXPECT_EQ(e.identifiers.size(), 1u);
  EXPECT_THAT(e.programs, ElementsAre("P1"));
  EXPECT_EQ(e.remarks, "note");
  EXPECT_TRUE(list->diagnostics.empty());
}

TEST(InHouseTest, OnlyIdAndNameAreRequired) {
  Result<ParsedList> list = Parse("name,id\nAcme,7\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].source_id, "7");
  EXPECT_EQ(list->entities[0].kind, EntityKind::kUnknown);
}

TEST(InHouseTest, RepeatedColumnWarnsAndReadsTheFirst) {
  Result<ParsedList> list = Parse("id,name,alias,aliases\n1,Acme,A1,A2\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities[0].names.size(), 2u);
  EXPECT_EQ(list->entities[0].names[1].full, "A1");
  EXPECT_THAT(Messages(*list),
              ElementsAre("list.csv: line 1: warning: column 'aliases' repeats column "
                          "'aliases'; only the first is read"));
}

TEST(InHouseTest, IdsWithCountryNamesAndColons) {
  Result<ParsedList> list = Parse(
      "id,name,ids\n1,Acme,\"swift:DEUTDEFF:Germany; website:http://x.example:8080/a; "
      "registration:HRB 1234:DE; other:A:B:1\"\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  const std::vector<Identifier>& ids = list->entities[0].identifiers;
  ASSERT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids[0].type, IdType::kSwiftBic);
  EXPECT_EQ(ids[0].value, "DEUTDEFF");
  EXPECT_EQ(ids[0].country, "DE");
  EXPECT_EQ(ids[1].type, IdType::kWebsite);
  EXPECT_EQ(ids[1].value, "http://x.example:8080/a");
  EXPECT_EQ(ids[1].country, "");
  EXPECT_EQ(ids[2].type, IdType::kCompanyRegistration);
  EXPECT_EQ(ids[2].value, "HRB 1234");
  EXPECT_EQ(ids[2].label, "registration");
  EXPECT_EQ(ids[3].type, IdType::kOther);
  EXPECT_EQ(ids[3].value, "A:B:1");  // the last part has a digit: not a country
  EXPECT_TRUE(list->diagnostics.empty()) << ::testing::PrintToString(Messages(*list));
}

TEST(InHouseTest, HeaderOnlyIsAnEmptyList) {
  Result<ParsedList> list = Parse("id,name\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(list->entities.empty());
  EXPECT_THAT(Messages(*list), ElementsAre("list.csv: warning: the file has no rows"));
}

TEST(InHouseTest, ExcelSeparatorLineIsSkipped) {
  Result<ParsedList> list = Parse("sep=,\r\nid,name\r\n1,Acme\r\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].provenance.locator, "line 3");
}

TEST(InHouseTest, ReadsWindows1252Export) {
  // "Müller GmbH" and "Société" as a Windows spreadsheet writes them.
  Result<ParsedList> list = Parse("id,name,aliases\n1,M\xFCller GmbH,Soci\xE9t\xE9\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities[0].primary_name().full, "M\xC3\xBCller GmbH");
  EXPECT_EQ(list->entities[0].names[1].full, "Soci\xC3\xA9t\xC3\xA9");
  EXPECT_THAT(Messages(*list),
              ElementsAre("list.csv: warning: file is not UTF-8; read as Windows-1252"));
}

TEST(InHouseTest, RepairsDamagedUtf8) {
  // Valid UTF-8 ("é") elsewhere, so the stray byte is damage, not another encoding.
  Result<ParsedList> list = Parse("id,name\n1,Caf\xC3\xA9\n2,Bad\xFF Name\n");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities[0].primary_name().full, "Caf\xC3\xA9");
  EXPECT_EQ(list->entities[1].primary_name().full, "Bad\xEF\xBF\xBD Name");
  EXPECT_THAT(Messages(*list), ElementsAre("list.csv: warning: file is UTF-8 with invalid "
                                           "bytes; they were replaced with U+FFFD"));
}

// --- Refused files ---

TEST(InHouseTest, RefusesMissingRequiredColumns) {
  EXPECT_THAT(Parse("name,kind\nAcme,company\n").status(),
              StatusIs(StatusCode::kDataLoss,
                       "list.csv: line 1: the header has no id column (required: id, name"));
  EXPECT_THAT(Parse("identifier,full_name\n1,Acme\n").status(),
              StatusIs(StatusCode::kDataLoss, "the header has no id, name column"));
  // Saved with semicolons by a spreadsheet in a comma-decimal locale.
  EXPECT_THAT(Parse("id;name;kind\n1;Acme;company\n").status(),
              StatusIs(StatusCode::kDataLoss, "cells must be separated by commas"));
}

TEST(InHouseTest, RefusesEmptyBinaryAndTruncatedFiles) {
  EXPECT_THAT(Parse("").status(), StatusIs(StatusCode::kDataLoss, "list.csv: file is empty"));
  EXPECT_THAT(Parse("\xEF\xBB\xBF\r\n").status(),
              StatusIs(StatusCode::kDataLoss, "list.csv: file is empty"));
  // The first bytes of an .xlsx (a zip archive).
  static constexpr char kZip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
  std::string xlsx(kZip, sizeof(kZip) - 1);
  EXPECT_THAT(Parse(xlsx, "list.xlsx").status(),
              StatusIs(StatusCode::kDataLoss, "list.xlsx: file looks like binary data"));
  EXPECT_THAT(Parse("id,name,remarks\n1,Acme,\"unfinished\n2,Other,x\n").status(),
              StatusIs(StatusCode::kDataLoss, "list.csv: line 2: quoted field is not closed"));
  std::string huge = "id,name\n1,\"" + std::string(1u << 20, 'x') + "\"\n";
  EXPECT_THAT(Parse(huge).status(),
              StatusIs(StatusCode::kDataLoss, "list.csv: line 2: field 2 is longer than"));
}

}  // namespace
}  // namespace interdict::lists
