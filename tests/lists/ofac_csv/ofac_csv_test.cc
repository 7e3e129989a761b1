#include "lists/ofac_csv/ofac_csv.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/text.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string TestData(std::string_view relative) {
  return testing::TestPath("lists/ofac_csv/testdata/" + std::string(relative));
}

// The bytes of one set (kept alive for the InputFiles that borrow them).
struct SetBytes {
  std::string primary, alt, add, comments;
  OfacCsvFiles Files(std::string_view p, std::string_view a, std::string_view d,
                     std::string_view c) const {
    return OfacCsvFiles{.primary = {std::string(p), primary},
                        .alt = InputFile{std::string(a), alt},
                        .add = InputFile{std::string(d), add},
                        .comments = InputFile{std::string(c), comments}};
  }
};

SetBytes ReadSet(const std::string& dir, bool cons) {
  auto read = [&](std::string_view name) {
    return testing::ReadFileOrDie(dir + "/" + std::string(name));
  };
  if (cons) {
    return {read("cons_prim.csv"), read("cons_alt.csv"), read("cons_add.csv"),
            read("cons_comments.csv")};
  }
  return {read("sdn.csv"), read("alt.csv"), read("add.csv"), read("sdn_comments.csv")};
}

OfacCsvFiles SdnFiles(const SetBytes& set) {
  return set.Files("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv");
}

const Entity* Find(const ParsedList& list, std::string_view id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

const Identifier* FindId(const Entity& e, IdType type) {
  for (const Identifier& id : e.identifiers) {
    if (id.type == type) return &id;
  }
  return nullptr;
}

bool HasName(const Entity& e, std::string_view full, NameType type, NameQuality quality) {
  return std::any_of(e.names.begin(), e.names.end(), [&](const Name& n) {
    return n.full == full && n.type == type && n.quality == quality;
  });
}

// Distinct record ids of the skipped rows of `file`.
std::set<std::string> SkippedIds(const ParsedList& list, std::string_view file) {
  std::set<std::string> ids;
  for (const Diagnostic& d : list.diagnostics.items()) {
    if (d.file == file && d.severity == Severity::kSkipped) ids.insert(d.record_id);
  }
  return ids;
}

// A minimal valid sdn.csv row.
std::string Row(int ent_num, std::string_view name, std::string_view remarks = "-0- ") {
  std::string r = std::to_string(ent_num) + ",\"" + std::string(name) +
                  "\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,";
  r += remarks == "-0- " ? std::string(remarks) : "\"" + std::string(remarks) + "\"";
  return r + "\r\n";
}

std::string Rows(int n) {
  std::string out;
  for (int i = 1; i <= n; ++i) out += Row(100 + i, "ENTITY " + std::to_string(i));
  return out;
}

// --- Golden files: real excerpts of the shared files, bytes unchanged (CRLF, 0x1A). ---------

TEST(OfacCsvGoldenTest, SdnExcerpt) {
  SetBytes set = ReadSet(TestData("sdn_small"), /*cons=*/false);
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, SdnFiles(set));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, TestData("sdn_small.golden.jsonl"));
}

TEST(OfacCsvGoldenTest, ConsExcerpt) {
  SetBytes set = ReadSet(TestData("cons_small"), /*cons=*/true);
  Result<ParsedList> list =
      ParseOfacCsv(ListSource::kOfacNonSdn,
                   set.Files("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, TestData("cons_small.golden.jsonl"));
}

// The facts the golden shows, asserted one by one so that a golden rewrite cannot hide them.
TEST(OfacCsvTest, SdnExcerptFacts) {
  SetBytes set = ReadSet(TestData("sdn_small"), /*cons=*/false);
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, SdnFiles(set));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 15u);
  EXPECT_EQ(list->version.format, "ofac_csv");
  EXPECT_EQ(list->version.as_of, "");
  ASSERT_EQ(list->version.files.size(), 4u);
  EXPECT_EQ(list->version.files[0].name, "sdn.csv");
  EXPECT_EQ(list->version.files[0].size, set.primary.size());

  const Entity* person = Find(*list, "4107");  // RODRIGUEZ OREJUELA, Gilberto Jose
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->kind, EntityKind::kPerson);
  EXPECT_EQ(person->names[0].full, "RODRIGUEZ OREJUELA, Gilberto Jose");
  EXPECT_EQ(person->names[0].family, "RODRIGUEZ OREJUELA");
  EXPECT_EQ(person->names[0].given, "Gilberto Jose");
  EXPECT_TRUE(HasName(*person, "THE CHESS PLAYER", NameType::kAka, NameQuality::kWeak));
  EXPECT_EQ(person->dates_of_birth.at(0).from.ToString(), "1939-01-31");
  EXPECT_EQ(person->provenance.file, "sdn.csv");
  EXPECT_EQ(person->provenance.locator, "line 1");

  const Entity* vessel = Find(*list, "4243");  // EBANO
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->kind, EntityKind::kVessel);
  EXPECT_EQ(vessel->craft.type, "General Cargo");
  EXPECT_EQ(vessel->craft.flag_name, "Panama");
  EXPECT_EQ(vessel->craft.tonnage, "2595");
  EXPECT_EQ(vessel->craft.gross_registered_tonnage, "1865");
  ASSERT_NE(FindId(*vessel, IdType::kImo), nullptr);
  EXPECT_EQ(FindId(*vessel, IdType::kImo)->value, "7406784");
  EXPECT_TRUE(HasName(*vessel, "SAND SWAN", NameType::kFka, NameQuality::kWeak));

  const Entity* aircraft = Find(*list, "15431");  // EP-GOM
  ASSERT_NE(aircraft, nullptr);
  EXPECT_EQ(aircraft->kind, EntityKind::kAircraft);
  EXPECT_EQ(aircraft->craft.type, "IL76-TD");
  EXPECT_EQ(aircraft->craft.owner, "YAS AIR");
  EXPECT_EQ(aircraft->craft.build_year, "1992");
  ASSERT_EQ(aircraft->relations.size(), 1u);
  EXPECT_EQ(aircraft->relations[0].name, "POUYA AIR");
  EXPECT_EQ(aircraft->relations[0].source_id, "13109");

  const Entity* org = Find(*list, "11620");  // NPC INTERNATIONAL
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->kind, EntityKind::kOrganization);
  EXPECT_THAT(org->programs, ElementsAre("IRAN", "NPWMD", "IFSR"));
  ASSERT_EQ(org->relations.size(), 1u);
  EXPECT_EQ(org->relations[0].name, "PERSIAN GULF PETROCHEMICAL INDUSTRY CO.");
  EXPECT_EQ(org->relations[0].source_id, "26817");
  ASSERT_NE(FindId(*org, IdType::kWebsite), nullptr);
  EXPECT_EQ(FindId(*org, IdType::kWebsite)->value, "www.nipc.net");

  const Entity* russia = Find(*list, "16660");  // MATVIYENKO, Valentina Ivanovna
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->gender, Gender::kFemale);
  EXPECT_THAT(russia->nationalities, ElementsAre("RU"));
  EXPECT_THAT(russia->programs, ElementsAre("UKRAINE-EO13661", "RUSSIA-EO14024"));
  EXPECT_THAT(russia->sanction_notes,
              ElementsAre("Secondary sanctions risk: Ukraine-/Russia-Related Sanctions "
                          "Regulations, 31 CFR 589.201 and/or 589.209"));

  // Remarks cut at 1000 characters and continued mid-word in sdn_comments.csv.
  const Entity* continued = Find(*list, "28263");
  ASSERT_NE(continued, nullptr);
  EXPECT_THAT(continued->remarks, HasSubstr("a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP."));
  EXPECT_TRUE(HasName(*continued, "snowsjohn", NameType::kAka, NameQuality::kWeak));
  ASSERT_FALSE(continued->relations.empty());
  EXPECT_EQ(continued->relations.back().name, "LAZARUS GROUP");

  const Entity* title = Find(*list, "12057");  // NAQDI, Mohammad Reza
  ASSERT_NE(title, nullptr);
  EXPECT_THAT(title->titles,
              ElementsAre("Brigadier General and Commander of the IRGC Basij Resistance Force",
                          "President of the Organization of the Basij of the Oppressed",
                          "Chief of the Mobilization of the Oppressed Organization"));

  const Entity* range = Find(*list, "15496");  // NISHIGUCHI, Shigeo: DOB 1929 to 1930
  ASSERT_NE(range, nullptr);
  ASSERT_EQ(range->dates_of_birth.size(), 1u);
  EXPECT_TRUE(range->dates_of_birth[0].is_range());
  EXPECT_EQ(range->dates_of_birth[0].to.ToString(), "1930");

  // alt.csv aliases are strong; add.csv addresses join.
  const Entity* hamas = Find(*list, "4695");
  ASSERT_NE(hamas, nullptr);
  EXPECT_TRUE(
      HasName(*hamas, "HARAKAT AL-MUQAWAMA AL-ISLAMIYA", NameType::kAka, NameQuality::kStrong));

  // The orphan alt/add/comment rows and the mismatched continuation are reported.
  EXPECT_THAT(SkippedIds(*list, "alt.csv"), ElementsAre("17016"));
  EXPECT_THAT(SkippedIds(*list, "add.csv"), ElementsAre("17016"));
  EXPECT_THAT(SkippedIds(*list, "sdn_comments.csv"), ElementsAre("17016"));
  bool warned_34682 = false;
  for (const Diagnostic& d : list->diagnostics.items()) {
    if (d.record_id == "34682") {
      warned_34682 = true;
      EXPECT_EQ(d.file, "sdn_comments.csv");
      EXPECT_THAT(d.location, HasSubstr("line "));
    }
  }
  EXPECT_TRUE(warned_34682);
  // That continuation is kept as a fact of its own: it must not corrupt the last ID.
  const Entity* alfa = Find(*list, "34682");
  ASSERT_NE(alfa, nullptr);
  EXPECT_TRUE(base::EndsWith(alfa->remarks, "(Russia).; 67328 (Russia)."));
  bool clean_registration = false;
  for (const Identifier& id : alfa->identifiers) {
    if (id.label == "Registration Number") clean_registration = id.value == "1027700067328";
  }
  EXPECT_TRUE(clean_registration);
}

// --- Hostile and malformed inputs. ---------------------------------------------------------

TEST(OfacCsvHostileTest, TruncatedQuoteIsRefused) {
  SetBytes set = ReadSet(TestData("sdn_small"), /*cons=*/false);
  // Cut inside the quoted name of the third record (line 3).
  size_t third = set.primary.find("\r\n", set.primary.find("\r\n") + 2) + 2;
  std::string cut = set.primary.substr(0, set.primary.find('"', third) + 5);
  OfacCsvFiles files{.primary = {"sdn.csv", cut}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, files).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: line 3: quoted field is not closed"));
}

TEST(OfacCsvHostileTest, TruncatedSecondaryFileRefusesTheWholeSet) {
  SetBytes set = ReadSet(TestData("sdn_small"), /*cons=*/false);
  set.alt = set.alt.substr(0, set.alt.size() / 2);  // ends inside a quoted name
  set.alt.resize(set.alt.rfind('"') + 3);
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, SdnFiles(set));
  EXPECT_THAT(list.status(), StatusIs(StatusCode::kDataLoss, "alt.csv: line"));
}

TEST(OfacCsvHostileTest, BinaryIsRefused) {
  std::string bytes = "PK\x03\x04";
  bytes += std::string("\0\x01\x02\x03", 4);
  bytes += Rows(3);
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, files).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: binary data"));

  std::string rows = Rows(3);
  OfacCsvFiles binary_add{.primary = {"sdn.csv", rows}, .add = InputFile{"add.csv", bytes}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, binary_add).status(),
              StatusIs(StatusCode::kDataLoss, "add.csv: binary data"));
}

TEST(OfacCsvHostileTest, OtherFormatsAreRefused) {
  // A header row: ent_num is not an integer.
  std::string header =
      "ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,"
      "Vess_flag,Vess_owner,Remarks\r\n" +
      Rows(3);
  OfacCsvFiles with_header{.primary = {"sdn.csv", header}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, with_header).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: line 1: ent_num 'ent_num'"));

  // An alt.csv handed over as the primary file: 5 columns, not 12.
  SetBytes set = ReadSet(TestData("sdn_small"), /*cons=*/false);
  OfacCsvFiles swapped{.primary = {"sdn.csv", set.alt}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, swapped).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: line 1: expected 12 columns, found 5"));

  // A semicolon-separated file: one column.
  std::string semicolons = "36;AEROCARIBBEAN AIRLINES;-0- ;CUBA\r\n";
  OfacCsvFiles other{.primary = {"sdn.csv", semicolons}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, other).status(),
              StatusIs(StatusCode::kDataLoss, "expected 12 columns, found 1"));
}

TEST(OfacCsvHostileTest, WrongColumnCountLaterIsSkipped) {
  std::string bytes = Rows(5) + "106,\"SHORT ROW\",-0- \r\n" + Rows(2);
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}};
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, files);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 5u);  // 101..105; the last two rows repeat 101, 102
  ASSERT_EQ(list->diagnostics.skipped(), 3u);
  const Diagnostic& d = list->diagnostics.items()[0];
  EXPECT_EQ(d.file, "sdn.csv");
  EXPECT_EQ(d.location, "line 6");
  EXPECT_EQ(d.message, "expected 12 columns, found 3; row skipped");
  EXPECT_EQ(list->diagnostics.items()[1].message,
            "duplicate ent_num (first on line 1); row skipped");
}

TEST(OfacCsvHostileTest, RowWithoutNameIsSkipped) {
  std::string bytes = Rows(2) + "36,-0- ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
  std::string alt = "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n";
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}, .alt = InputFile{"alt.csv", alt}};
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, files);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 2u);
  ASSERT_EQ(list->diagnostics.size(), 2u);
  EXPECT_EQ(list->diagnostics.items()[0].ToString(),
            "sdn.csv: line 3 (36): skipped: empty SDN_Name; row skipped");
  EXPECT_EQ(list->diagnostics.items()[1].file, "alt.csv");
}

TEST(OfacCsvHostileTest, MostlyWrongRowsAreRefused) {
  std::string bytes = Rows(5);
  for (int i = 0; i < 6; ++i) bytes += "1,2,3\r\n";
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, files).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: 6 of 11 rows have the wrong shape"));
}

TEST(OfacCsvHostileTest, EmptyFiles) {
  OfacCsvFiles empty{.primary = {"sdn.csv", ""}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, empty).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: empty file"));
  OfacCsvFiles only_eof{.primary = {"sdn.csv", "\x1A"}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, only_eof).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: empty file"));

  // An empty secondary file is a set without aliases, not an error.
  std::string rows = Rows(2);
  OfacCsvFiles empty_alt{.primary = {"sdn.csv", rows}, .alt = InputFile{"alt.csv", ""}};
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, empty_alt);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 2u);
  EXPECT_TRUE(list->diagnostics.empty());
}

TEST(OfacCsvHostileTest, MegabyteFieldIsKept) {
  std::string remarks(1 << 20, 'x');
  std::string bytes = Row(36, "AEROCARIBBEAN AIRLINES", remarks) + "\x1A";
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}};
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, files);
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].remarks.size(), remarks.size());
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(OfacCsvHostileTest, FieldOverTheReaderLimitIsRefused) {
  std::string bytes = Row(36, "AEROCARIBBEAN AIRLINES", std::string((8u << 20) + 1, 'x'));
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kOfacSdn, files).status(),
              StatusIs(StatusCode::kDataLoss, "sdn.csv: line 1: field 12 is longer than"));
}

TEST(OfacCsvHostileTest, Windows1252IsDecoded) {
  // 0xE9 is "é" in Windows-1252 and not valid UTF-8.
  std::string bytes = Row(36, "CAF\xE9 DE CUBA", "a.k.a. 'CAF\xC9'.");
  std::string alt = "36,12,\"aka\",\"CR\xC8ME\",-0- \r\n";
  OfacCsvFiles files{.primary = {"sdn.csv", bytes}, .alt = InputFile{"alt.csv", alt}};
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, files);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  const Entity& e = list->entities.at(0);
  EXPECT_EQ(e.names.at(0).full, "CAF\xC3\xA9 DE CUBA");
  EXPECT_TRUE(HasName(e, "CR\xC3\x88ME", NameType::kAka, NameQuality::kStrong));
  EXPECT_TRUE(HasName(e, "CAF\xC3\x89", NameType::kAka, NameQuality::kWeak));
}

TEST(OfacCsvHostileTest, ContinuationJoinsMidWordAfterASpace) {
  // Remarks cut at exactly 1000 characters right after a space inside an alias: the space must
  // survive the join ("ALPHA BETA", not "ALPHABETA").
  std::string head = "DOB 1960; Website www.";
  std::string tail = ".com; a.k.a. 'ALPHA ";
  std::string cut = head + std::string(1000 - head.size() - tail.size(), 'x') + tail;
  ASSERT_EQ(cut.size(), 1000u);
  std::string bytes = Row(36, "X", cut);
  std::string comments = "36,\"BETA'; Linked To: Y.\"\r\n\x1A";
  OfacCsvFiles files{.primary = {"sdn.csv", bytes},
                     .comments = InputFile{"sdn_comments.csv", comments}};
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, files);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  const Entity& e = list->entities.at(0);
  EXPECT_TRUE(base::EndsWith(e.remarks, "a.k.a. 'ALPHA BETA'; Linked To: Y."));
  EXPECT_TRUE(HasName(e, "ALPHA BETA", NameType::kAka, NameQuality::kWeak));
  ASSERT_EQ(e.relations.size(), 1u);
  EXPECT_EQ(e.relations[0].name, "Y");
  EXPECT_TRUE(list->diagnostics.empty());
}

TEST(OfacCsvHostileTest, RejectsOtherSources) {
  OfacCsvFiles files{.primary = {"sdn.csv", Rows(1)}};
  EXPECT_THAT(ParseOfacCsv(ListSource::kUn, files).status(),
              StatusIs(StatusCode::kInvalidArgument, "ofac_sdn or ofac_nonsdn"));
}

// --- The full shared files (skipped when ../shared/data is not there). ----------------------

class SharedSetTest : public ::testing::Test {
 protected:
  static bool Available(std::string_view dir) {
    return testing::FileExists(testing::SharedDataPath(std::string(dir)));
  }
};

TEST_F(SharedSetTest, Sdn2024) {
  if (!Available("lists/ofac-sdn/sdn.csv")) GTEST_SKIP() << "no shared data";
  SetBytes set = ReadSet(testing::SharedDataPath("lists/ofac-sdn"), /*cons=*/false);
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, SdnFiles(set));
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  RecordProperty("parse_ms", std::to_string(ms));
  std::cout << "ofac-sdn (2024) parsed in " << ms << " ms\n";

  EXPECT_EQ(list->entities.size(), 14965u);
  std::map<EntityKind, int> kinds;
  for (const Entity& e : list->entities) ++kinds[e.kind];
  EXPECT_EQ(kinds[EntityKind::kPerson], 6854);
  EXPECT_EQ(kinds[EntityKind::kVessel], 851);
  EXPECT_EQ(kinds[EntityKind::kAircraft], 376);
  EXPECT_EQ(kinds[EntityKind::kOrganization], 6884);

  // alt/add/comments are ~8 months newer than sdn.csv: their orphans are reported, by ent_num.
  EXPECT_EQ(SkippedIds(*list, "alt.csv").size(), 945u);
  EXPECT_EQ(SkippedIds(*list, "add.csv").size(), 2111u);
  EXPECT_THAT(SkippedIds(*list, "sdn_comments.csv"), ElementsAre("17016", "43421"));
  EXPECT_EQ(SkippedIds(*list, "sdn.csv").size(), 0u);

  const Entity* bnc = Find(*list, "306");  // BANCO NACIONAL DE CUBA
  ASSERT_NE(bnc, nullptr);
  EXPECT_TRUE(HasName(*bnc, "BNC", NameType::kAka, NameQuality::kWeak));
  EXPECT_TRUE(HasName(*bnc, "NATIONAL BANK OF CUBA", NameType::kAka, NameQuality::kStrong));
  ASSERT_FALSE(bnc->addresses.empty());
  EXPECT_EQ(bnc->addresses[0].street, "Zweierstrasse 35");
  EXPECT_EQ(bnc->addresses[0].city, "Zurich CH-8022");
  EXPECT_EQ(bnc->addresses[0].country_name, "Switzerland");

  const Entity* lazarus = Find(*list, "27307");  // LAZARUS GROUP, continued in comments
  ASSERT_NE(lazarus, nullptr);
  EXPECT_TRUE(base::EndsWith(lazarus->remarks, "a.k.a. 'APPLEWORM'."));
  EXPECT_TRUE(HasName(*lazarus, "WHOIS HACKING TEAM", NameType::kAka, NameQuality::kWeak));
  EXPECT_NE(FindId(*lazarus, IdType::kDigitalCurrencyAddress), nullptr);

  const Entity* sberbank = nullptr;
  for (const Entity& e : list->entities) {
    if (e.names[0].full == "PUBLIC JOINT STOCK COMPANY SBERBANK OF RUSSIA") sberbank = &e;
  }
  ASSERT_NE(sberbank, nullptr);
  const Identifier* swift = FindId(*sberbank, IdType::kSwiftBic);
  ASSERT_NE(swift, nullptr);
  EXPECT_EQ(swift->value, "SABRRUMM");
  EXPECT_NE(std::find(sberbank->programs.begin(), sberbank->programs.end(), "RUSSIA-EO14024"),
            sberbank->programs.end());
}

TEST_F(SharedSetTest, Sdn2021IsConsistent) {
  if (!Available("lists/ofac-sdn-2021-07/sdn.csv")) GTEST_SKIP() << "no shared data";
  SetBytes set = ReadSet(testing::SharedDataPath("lists/ofac-sdn-2021-07"), /*cons=*/false);
  Result<ParsedList> list = ParseOfacCsv(ListSource::kOfacSdn, SdnFiles(set));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 8976u);
  EXPECT_EQ(list->diagnostics.skipped(), 0u);  // no orphans
  EXPECT_EQ(list->diagnostics.warnings(), 0u);
}

TEST_F(SharedSetTest, Consolidated) {
  if (!Available("lists/ofac-cons/cons_prim.csv")) GTEST_SKIP() << "no shared data";
  SetBytes set = ReadSet(testing::SharedDataPath("lists/ofac-cons"), /*cons=*/true);
  Result<ParsedList> list =
      ParseOfacCsv(ListSource::kOfacNonSdn,
                   set.Files("cons_prim.csv", "cons_alt.csv", "cons_add.csv", "cons_comments.csv"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 442u);
  EXPECT_TRUE(list->diagnostics.empty());
  for (const Entity& e : list->entities) EXPECT_EQ(e.source, ListSource::kOfacNonSdn);
}

}  // namespace
}  // namespace interdict::lists
