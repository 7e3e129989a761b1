#include "lists/us_csl/us_csl.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "lists/us_csl/csl_fields.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::HasSubstr;

constexpr std::string_view kHeader =
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
    "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
    "source_information_url,ids\n";

constexpr std::string_view kEl = "Entity List (EL) - Bureau of Industry and Security";

// A CSL row with the given cells in the first six columns (_id .. name) and the rest empty.
std::string Row(std::string_view id, std::string_view name, std::string_view source = kEl) {
  return std::string(id) + "," + std::string(source) + ",,,," + std::string(name) +
         std::string(23, ',') + "\n";
}

std::string TestData(std::string_view name) {
  return testing::TestPath("lists/us_csl/testdata/" + std::string(name));
}

Result<ParsedList> ParseTestFile(std::string_view name, std::string* bytes) {
  *bytes = testing::ReadFileOrDie(TestData(name));
  return ParseUsCslCsv({std::string(name), *bytes});
}

const Entity* FindById(const ParsedList& list, std::string_view id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

TEST(UsCslTest, SmallExcerptMatchesGolden) {
  std::string bytes;
  Result<ParsedList> list = ParseTestFile("small.csv", &bytes);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, TestData("small.golden.jsonl"));
}

TEST(UsCslTest, QuirksExcerptMatchesGolden) {
  std::string bytes;
  Result<ParsedList> list = ParseTestFile("quirks.csv", &bytes);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, TestData("quirks.golden.jsonl"));
}

// The goldens hold everything; these spell out the facts a reviewer would check first.
TEST(UsCslTest, SmallExcerptKeyFacts) {
  std::string bytes;
  Result<ParsedList> list = ParseTestFile("small.csv", &bytes);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 10u);
  EXPECT_TRUE(list->diagnostics.empty());
  EXPECT_EQ(list->version.source, ListSource::kUsCsl);
  EXPECT_EQ(list->version.format, "us_csl_csv");
  EXPECT_EQ(list->version.as_of, "");

  // Entity List company in Hong Kong with several addresses.
  const Entity* el = FindById(*list, "2580c56e933fc493361f352469696c8ec5041036");
  ASSERT_NE(el, nullptr);
  EXPECT_EQ(el->kind, EntityKind::kOrganization);
  EXPECT_EQ(el->list_name, "Entity List (EL) - Bureau of Industry and Security");
  EXPECT_EQ(el->reference, "");
  EXPECT_GE(el->addresses.size(), 2u);
  EXPECT_FALSE(el->license_policy.empty());
  EXPECT_FALSE(el->license_requirement.empty());
  EXPECT_FALSE(el->federal_register_notice.empty());
  EXPECT_EQ(el->provenance.locator, "line 2");

  // DPL individual in prison: a person, with the denial order's end date kept as a note.
  const Entity* dpl = FindById(*list, "2317ce3a6e11e17c4808c6be4cfc6f6496cfb4c4");
  ASSERT_NE(dpl, nullptr);
  EXPECT_EQ(dpl->kind, EntityKind::kPerson);
  EXPECT_EQ(dpl->primary_name().full, "ABU AL-JUD");

  // SDN individual: passport with both dates, gender, nationality.
  const Entity* sdn = FindById(*list, "26081");
  ASSERT_NE(sdn, nullptr);
  EXPECT_EQ(sdn->kind, EntityKind::kPerson);
  EXPECT_EQ(sdn->reference, "26081");
  EXPECT_NE(sdn->gender, Gender::kUnknown);
  bool dated_passport = false;
  for (const Identifier& id : sdn->identifiers) {
    if (id.type == IdType::kPassport && id.note.find("issued") != std::string::npos &&
        id.note.find("expires") != std::string::npos && !id.country.empty()) {
      dated_passport = true;
    }
  }
  EXPECT_TRUE(dated_passport);

  // Vessel: call sign as an identifier, flag resolved, IMO typed.
  const Entity* vessel = FindById(*list, "31920");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->kind, EntityKind::kVessel);
  EXPECT_FALSE(vessel->craft.flag_name.empty());
  bool call_sign = false, imo = false;
  for (const Identifier& id : vessel->identifiers) {
    call_sign |= id.type == IdType::kCallSign;
    imo |= id.type == IdType::kImo;
  }
  EXPECT_TRUE(call_sign);
  EXPECT_TRUE(imo);

  // MEU rows whose name and address have line breaks inside quotes.
  const Entity* gfs = FindById(*list, "4c1ce782446adc7c51fc73669f3319e1d4f2924f");
  ASSERT_NE(gfs, nullptr);
  EXPECT_EQ(gfs->primary_name().full, "Government Flying Service");
  const Entity* elink = FindById(*list, "026dba5afe5742c3d9b83179846272ca67cdb5c0");
  ASSERT_NE(elink, nullptr);
  ASSERT_FALSE(elink->addresses.empty());
  for (const Address& a : elink->addresses) EXPECT_EQ(a.full.find('\n'), std::string::npos);

  // DTC: an individual and a company, both without a type column value.
  EXPECT_EQ(FindById(*list, "150d195213ba25650159a417abb9fb0dd8a43946")->kind, EntityKind::kPerson);
  EXPECT_EQ(FindById(*list, "52c77849fea7a4b8a494fb73f19b88b5ec81545f")->kind,
            EntityKind::kOrganization);
  EXPECT_EQ(FindById(*list, "27293")->kind, EntityKind::kAircraft);
}

TEST(UsCslTest, RecordLineIsWhereTheRecordStarts) {
  // The second record spans two lines; the third starts on line 5.
  std::string csv =
      std::string(kHeader) + Row("a1", "ONE") + Row("a2", "\"TWO\nLINES\"") + Row("a3", "THREE");
  Result<ParsedList> list = ParseUsCslCsv({"c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 3u);
  EXPECT_EQ(list->entities[1].primary_name().full, "TWO LINES");
  EXPECT_EQ(list->entities[1].provenance.locator, "line 3");
  EXPECT_EQ(list->entities[2].provenance.locator, "line 5");
}

TEST(UsCslTest, ReadsColumnsByNameInAnyOrderWithExtraColumns) {
  std::string csv =
      "name,novelty,ids,_id,source,type,dates_of_birth\n"
      "\"DOE, John\",x,\"Male, Gender\",42,Specially Designated Nationals (SDN) - Treasury "
      "Department,Individual,1970-01-02\n";
  Result<ParsedList> list = ParseUsCslCsv({"c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.source_id, "42");
  EXPECT_EQ(e.primary_name().full, "DOE, John");
  EXPECT_EQ(e.kind, EntityKind::kPerson);
  EXPECT_EQ(e.gender, Gender::kMale);
  ASSERT_EQ(e.dates_of_birth.size(), 1u);
  EXPECT_EQ(e.dates_of_birth[0].from.ToString(), "1970-01-02");
  ASSERT_EQ(list->diagnostics.size(), 2u);
  EXPECT_EQ(list->diagnostics.items()[0].message, "unknown column(s) ignored: novelty");
  EXPECT_EQ(list->diagnostics.items()[0].location, "line 1");
  EXPECT_THAT(list->diagnostics.items()[1].message,
              HasSubstr("column(s) missing, read as empty: entity_number, programs, title"));
  EXPECT_EQ(list->diagnostics.skipped(), 0u);
}

TEST(UsCslTest, CraftFactsFromColumnsAndIds) {
  std::string csv =
      "_id,source,type,name,vessel_type,vessel_flag,vessel_owner,ids\n"
      "1,SDN,Aircraft,EP-ABC,,,,\"A300B4-605R, Aircraft Model; MAHAN AIR, Aircraft Operator; "
      "Iran, Nationality of Registration; 1988, Aircraft Manufacture Date\"\n"
      "2,SDN,Vessel,OCEAN,Crude Oil Tanker,Panama,OWNER CO,\"Iran, Nationality of "
      "Registration; IMO 9123456, Vessel Registration Identification\"\n";
  Result<ParsedList> list = ParseUsCslCsv({"c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  const CraftInfo& plane = list->entities[0].craft;
  EXPECT_EQ(plane.type, "A300B4-605R");
  EXPECT_EQ(plane.owner, "MAHAN AIR");
  EXPECT_EQ(plane.flag, "IR");
  EXPECT_EQ(plane.flag_name, "Iran");
  EXPECT_EQ(plane.build_year, "1988");
  EXPECT_TRUE(list->entities[0].identifiers.empty());
  // The vessel columns win over the same facts in ids.
  const CraftInfo& ship = list->entities[1].craft;
  EXPECT_EQ(ship.type, "Crude Oil Tanker");
  EXPECT_EQ(ship.flag, "PA");
  EXPECT_EQ(ship.owner, "OWNER CO");
  ASSERT_EQ(list->entities[1].identifiers.size(), 1u);
  EXPECT_EQ(list->entities[1].identifiers[0].type, IdType::kImo);
}

TEST(UsCslTest, FieldDiagnosticsNameLineAndColumn) {
  std::string csv = std::string(kHeader) + Row("a1", "ONE") + "a2," + std::string(kEl) +
                    ",,,,TWO,,,,0017-05-26,,,,,,,,,,,,,,,1960-13-45,,,,\n";
  Result<ParsedList> list = ParseUsCslCsv({"dir/c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  ASSERT_EQ(list->diagnostics.size(), 2u);
  const Diagnostic& dob = list->diagnostics.items()[0];
  EXPECT_EQ(dob.severity, Severity::kWarning);
  EXPECT_EQ(dob.file, "c.csv");
  EXPECT_EQ(dob.location, "line 3, column dates_of_birth");
  EXPECT_EQ(dob.record_id, "a2");
  EXPECT_EQ(dob.message, "unreadable date of birth '1960-13-45'");
  const Diagnostic& start = list->diagnostics.items()[1];
  EXPECT_EQ(start.location, "line 3, column start_date");
  EXPECT_EQ(start.message, "unreadable start_date '0017-05-26'; ignored");
  EXPECT_TRUE(list->entities[1].listed_on.empty());
}

// --- Refused files: kDataLoss naming the file, and no entities. ---

TEST(UsCslTest, RefusesEmptyFile) {
  EXPECT_THAT(ParseUsCslCsv({"consolidated.csv", ""}).status(),
              StatusIs(StatusCode::kDataLoss, "consolidated.csv: file is empty"));
  EXPECT_THAT(ParseUsCslCsv({"consolidated.csv", " \n\r\n"}).status(),
              StatusIs(StatusCode::kDataLoss, "consolidated.csv: file is empty"));
}

TEST(UsCslTest, RefusesHeaderWithoutRecords) {
  EXPECT_THAT(ParseUsCslCsv({"consolidated.csv", std::string(kHeader)}).status(),
              StatusIs(StatusCode::kDataLoss, "consolidated.csv: no records after the header"));
}

TEST(UsCslTest, RefusesWrongHeader) {
  // OFAC's sdn.csv has no header: its first record is read as one and lacks the columns.
  std::string sdn = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- \n";
  EXPECT_THAT(ParseUsCslCsv({"sdn.csv", sdn}).status(),
              StatusIs(StatusCode::kDataLoss,
                       "sdn.csv: line 1: not a Consolidated Screening List header: missing "
                       "column(s) _id, source, name"));
  std::string no_name = "_id,source,type\n1,SDN,Entity\n";
  EXPECT_THAT(ParseUsCslCsv({"c.csv", no_name}).status(),
              StatusIs(StatusCode::kDataLoss, "missing column(s) name"));
}

TEST(UsCslTest, RefusesBinaryAndCompressedInput) {
  // The first bytes of an .xlsx (a zip archive).
  static constexpr char kZip[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
  std::string binary(kZip, sizeof(kZip) - 1);
  EXPECT_THAT(ParseUsCslCsv({"consolidated.xlsx", binary}).status(),
              StatusIs(StatusCode::kDataLoss, "consolidated.xlsx: file looks like binary data"));
  static constexpr char kGzip[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03";
  std::string gzip(kGzip, sizeof(kGzip) - 1);
  EXPECT_THAT(ParseUsCslCsv({"consolidated.csv.gz", gzip}).status(),
              StatusIs(StatusCode::kDataLoss, "consolidated.csv.gz: file is gzip-compressed"));
}

TEST(UsCslTest, RefusesUnterminatedQuote) {
  std::string bytes = testing::ReadFileOrDie(TestData("small.csv"));
  // Cut inside the quoted alt_names of the third record (line 4).
  size_t cut = bytes.find("ABAHUSEYIN, Mansur");
  Result<ParsedList> list = ParseUsCslCsv({"small.csv", bytes.substr(0, cut)});
  EXPECT_THAT(list.status(), StatusIs(StatusCode::kDataLoss, "small.csv: line 4: quoted field"));
  EXPECT_THAT(list.status(), StatusIs(StatusCode::kDataLoss, "truncated file?"));
}

TEST(UsCslTest, RefusesFileCutMidRecord) {
  std::string csv = std::string(kHeader) + Row("a1", "ONE") + "a2," + std::string(kEl) + ",,";
  EXPECT_THAT(ParseUsCslCsv({"c.csv", csv}).status(),
              StatusIs(StatusCode::kDataLoss,
                       "c.csv: line 3: the last record has 4 of 29 fields and the file does not "
                       "end with a newline (truncated file?)"));
}

TEST(UsCslTest, RefusesOneMegabyteField) {
  std::string csv = std::string(kHeader) + Row("a1", "ONE") +
                    Row("a2", "\"" + std::string(1u << 20, 'A') + "\"") + Row("a3", "THREE");
  EXPECT_THAT(ParseUsCslCsv({"c.csv", csv}).status(),
              StatusIs(StatusCode::kDataLoss, "c.csv: line 3: field 6 is longer than 262144"));
}

// --- Damaged records: kept or skipped, always with a diagnostic. ---

TEST(UsCslTest, ReplacesInvalidUtf8AndSaysWhere) {
  std::string csv = std::string(kHeader) + Row("a1", "M\xFCLLER GMBH") + Row("a2", "OK");
  Result<ParsedList> list = ParseUsCslCsv({"c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].primary_name().full, "M\xEF\xBF\xBDLLER GMBH");
  ASSERT_EQ(list->diagnostics.size(), 2u);
  EXPECT_EQ(list->diagnostics.items()[0].message,
            "file is not valid UTF-8; invalid bytes were replaced with U+FFFD");
  EXPECT_EQ(list->diagnostics.items()[1].location, "line 2, column name");
  EXPECT_EQ(list->diagnostics.items()[1].message, "invalid UTF-8 replaced with U+FFFD");
}

TEST(UsCslTest, ShortAndLongRecords) {
  std::string csv = std::string(kHeader) + "s1," + std::string(kEl) +
                    ",,,,SHORT BUT NAMED\n" +           // 6 fields
                    "s2," + std::string(kEl) + ",\n" +  // 3 fields: no name
                    "s3," + std::string(kEl) + ",,,,LONG" + std::string(24, ',') + "\n";
  Result<ParsedList> list = ParseUsCslCsv({"c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].primary_name().full, "SHORT BUT NAMED");
  EXPECT_EQ(list->entities[1].primary_name().full, "LONG");
  ASSERT_EQ(list->diagnostics.size(), 3u);
  EXPECT_EQ(list->diagnostics.warnings(), 2u);
  EXPECT_EQ(list->diagnostics.skipped(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].ToString(),
            "c.csv: line 2 (s1): warning: record has 6 fields, the header 29; missing fields "
            "read as empty");
  EXPECT_EQ(list->diagnostics.items()[1].ToString(),
            "c.csv: line 3 (s2): skipped: record has 3 fields, the header 29; required column "
            "name is missing");
  EXPECT_EQ(list->diagnostics.items()[2].ToString(),
            "c.csv: line 4 (s3): warning: record has 30 fields, the header 29; extra fields "
            "ignored");
}

TEST(UsCslTest, SkipsRecordsWithoutIdOrName) {
  std::string csv = std::string(kHeader) + Row("", "NO ID") + Row("b1", "  ") + Row("b2", "OK");
  Result<ParsedList> list = ParseUsCslCsv({"c.csv", csv});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  ASSERT_EQ(list->diagnostics.size(), 2u);
  EXPECT_EQ(list->diagnostics.items()[0].ToString(), "c.csv: line 2: skipped: empty _id");
  EXPECT_EQ(list->diagnostics.items()[1].ToString(), "c.csv: line 3 (b1): skipped: empty name");
}

TEST(UsCslTest, AcceptsBomAndCrlf) {
  std::string lf = testing::ReadFileOrDie(TestData("small.csv"));
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Result<ParsedList> a = ParseUsCslCsv({"small.csv", lf});
  Result<ParsedList> b = ParseUsCslCsv({"small.csv", crlf});
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(a->entities.size(), b->entities.size());
  for (size_t i = 0; i < a->entities.size(); ++i) {
    EXPECT_EQ(a->entities[i].primary_name().full, b->entities[i].primary_name().full);
    EXPECT_EQ(a->entities[i].addresses.size(), b->entities[i].addresses.size());
    EXPECT_EQ(a->entities[i].provenance.locator, b->entities[i].provenance.locator);
  }
  EXPECT_TRUE(b->diagnostics.empty());
}

// --- The whole published file. ---

TEST(UsCslTest, FullFileCountsEverySubList) {
  std::string path = testing::SharedDataPath("lists/us-csl/consolidated.csv");
  if (!testing::FileExists(path)) GTEST_SKIP() << "no " << path;
  std::string bytes = testing::ReadFileOrDie(path);
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseUsCslCsv({"consolidated.csv", bytes});
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  RecordProperty(
      "parse_ms",
      std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()));

  // Nothing silently dropped: every record is an entity, and none was skipped.
  EXPECT_EQ(list->entities.size(), 14160u);
  EXPECT_EQ(list->diagnostics.skipped(), 0u);

  std::map<std::string, size_t> by_list;
  std::map<std::string, std::map<EntityKind, size_t>> kinds;
  for (const Entity& e : list->entities) {
    std::string code(us_csl_internal::ListCode(e.list_name));
    ++by_list[code];
    ++kinds[code][e.kind];
    EXPECT_FALSE(e.names.empty()) << e.source_id;
  }
  std::map<std::string, size_t> expected = {
      {"SDN", 10026}, {"EL", 2001},   {"DTC", 727}, {"DPL", 462}, {"SSI", 290},
      {"UVL", 201},   {"ISN", 163},   {"PLC", 78},  {"MEU", 71},  {"CMIC", 68},
      {"CAP", 53},    {"NS-MBS", 17}, {"FSE", 3}};
  EXPECT_EQ(by_list, expected);

  // Kinds: Treasury rows say theirs; for DPL, DTC and ISN the name decides
  // (docs/formats/us_csl.md#kind). Pinned so a change to the word lists shows here.
  EXPECT_EQ(kinds["SDN"][EntityKind::kPerson], 5206u);
  EXPECT_EQ(kinds["SDN"][EntityKind::kOrganization], 4104u);
  EXPECT_EQ(kinds["SDN"][EntityKind::kVessel], 433u);
  EXPECT_EQ(kinds["SDN"][EntityKind::kAircraft], 283u);
  EXPECT_EQ(kinds["DPL"][EntityKind::kPerson], 354u);
  EXPECT_EQ(kinds["DTC"][EntityKind::kPerson], 682u);
  EXPECT_EQ(kinds["ISN"][EntityKind::kPerson], 60u);
  EXPECT_EQ(kinds["EL"][EntityKind::kOrganization], 2001u);

  // The source's own defects, each reported where it is.
  std::vector<std::string> found;
  for (const Diagnostic& d : list->diagnostics.items()) {
    found.push_back(d.location + " (" + d.record_id + "): " + d.message);
  }
  const std::string c1 =
      "' contains the control character U+0092 (Windows-1252 punctuation decoded as Latin-1 "
      "upstream); kept as written";
  std::vector<std::string> expected_diagnostics = {
      "line 1753, column start_date (d6a68bd30aed352b043524ccacf9fc8551b786c2): unreadable "
      "start_date '0097-06-30'; ignored",
      "line 1754, column start_date (b63fc09cccaecddbbef18756cb1af075ec91f140): unreadable "
      "start_date '0097-06-30'; ignored",
      "line 1980 (15268): _id 15268 appears more than once in this sub-list; kept",
      "line 2625, column name (a0370b407aeb2a264477376bad653c57a2a8a94c): name 'CAST "
      "Xi\u0092an Spaceflight Engine Factory" +
          c1,
      "line 9906, column start_date (06b13b0b369d79eb1546734695f9d231732cee0f): unreadable "
      "start_date '0017-05-26'; ignored",
      "line 13648, column name (aa9dd8353097a2da3e4ea1a6b9f14f7be61b1cee): name 'XAIC Tech "
      "(Xi\u0092an) Industrial Co., Ltd." +
          c1,
      "line 13693, column name (213139f9edcbc292d890fe39fa734f50c41112c5): name 'Xi\u0092an "
      "Xae Flying Aviation Manufacturing Technology Co., Ltd." +
          c1,
  };
  EXPECT_EQ(found, expected_diagnostics);
}

}  // namespace
}  // namespace interdict::lists
