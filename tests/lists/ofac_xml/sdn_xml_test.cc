#include "lists/ofac_xml/sdn_xml.h"

#include <algorithm>
#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;

constexpr std::string_view kHead =
    "<?xml version=\"1.0\" standalone=\"yes\"?>\n"
    "<sdnList xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
    "xmlns=\"http://tempuri.org/sdnList.xsd\">\n"
    "  <publshInformation>\n"
    "    <Publish_Date>04/06/2018</Publish_Date>\n"
    "    <Record_Count>2</Record_Count>\n"
    "  </publshInformation>\n";

constexpr std::string_view kGoodEntry =
    "  <sdnEntry>\n"
    "    <uid>9640</uid>\n"
    "    <firstName>Mohammed</firstName>\n"
    "    <lastName>ABU TEIR</lastName>\n"
    "    <sdnType>Individual</sdnType>\n"
    "    <programList><program>NS-PLC</program></programList>\n"
    "  </sdnEntry>\n";

std::string Doc(std::string_view entries) {
  return std::string(kHead) + std::string(entries) + "</sdnList>\n";
}

const Entity* FindEntity(const ParsedList& list, std::string_view id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

TEST(OfacSdnXmlTest, SmallExcerptMatchesGolden) {
  std::string bytes =
      testing::ReadFileOrDie(testing::TestPath("lists/ofac_xml/testdata/consolidated_small.xml"));
  Result<ParsedList> list =
      ParseOfacSdnXml(ListSource::kOfacNonSdn, {"testdata/consolidated_small.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->version.as_of, "2018-04-06");
  EXPECT_EQ(list->version.format, "ofac_sdn_xml");
  ASSERT_EQ(list->entities.size(), 8u);
  testing::ExpectGolden(
      *list, testing::TestPath("lists/ofac_xml/testdata/consolidated_small.golden.jsonl"));
}

TEST(OfacSdnXmlTest, ExcerptFactsLandInTheRightFields) {
  std::string bytes =
      testing::ReadFileOrDie(testing::TestPath("lists/ofac_xml/testdata/consolidated_small.xml"));
  Result<ParsedList> list =
      ParseOfacSdnXml(ListSource::kOfacNonSdn, {"consolidated_small.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();

  const Entity* person = FindEntity(*list, "15961");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->kind, EntityKind::kPerson);
  EXPECT_EQ(person->names[0].full, "JASHNSAZ, Seifollah");  // as in cons_prim.csv
  EXPECT_EQ(person->names[0].family, "JASHNSAZ");
  EXPECT_EQ(person->names[0].given, "Seifollah");
  EXPECT_EQ(person->names[1].full, "JASHNSAZ, Seyfollah");
  EXPECT_EQ(person->names[1].type, NameType::kAka);
  ASSERT_EQ(person->dates_of_birth.size(), 1u);
  EXPECT_EQ(person->dates_of_birth[0].from.ToString(), "1958-03-22");
  ASSERT_GE(person->identifiers.size(), 2u);
  EXPECT_EQ(person->identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(person->identifiers[0].value, "R17589399");
  EXPECT_EQ(person->provenance.locator.rfind("line ", 0), 0u);

  const Entity* range = FindEntity(*list, "15960");
  ASSERT_NE(range, nullptr);
  ASSERT_EQ(range->dates_of_birth.size(), 1u);
  EXPECT_TRUE(range->dates_of_birth[0].is_range());

  const Entity* vessel = FindEntity(*list, "15036");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->kind, EntityKind::kVessel);
  EXPECT_EQ(vessel->craft.flag_name, "Tanzania");
  EXPECT_EQ(vessel->craft.flag, "TZ");
  EXPECT_EQ(vessel->craft.type, "Crude/Oil Products Tanker");
  ASSERT_EQ(vessel->relations.size(), 1u);
  EXPECT_EQ(vessel->relations[0].type, "linked_to");
  EXPECT_EQ(vessel->relations[0].name, "NATIONAL IRANIAN TANKER COMPANY");
  bool has_mmsi = std::any_of(vessel->identifiers.begin(), vessel->identifiers.end(),
                              [](const Identifier& id) { return id.type == IdType::kMmsi; });
  EXPECT_TRUE(has_mmsi);
  // Its third "Former Vessel Flag" is OFAC's "None Identified": not an identifier.
  size_t former_flags =
      std::count_if(vessel->identifiers.begin(), vessel->identifiers.end(),
                    [](const Identifier& id) { return id.label == "Former Vessel Flag"; });
  EXPECT_EQ(former_flags, 2u);

  const Entity* org = FindEntity(*list, "18812");
  ASSERT_NE(org, nullptr);
  EXPECT_EQ(org->kind, EntityKind::kOrganization);
  auto weak = std::find_if(org->names.begin(), org->names.end(),
                           [](const Name& n) { return n.full == "NMZ OAO"; });
  ASSERT_NE(weak, org->names.end());
  EXPECT_EQ(weak->type, NameType::kFka);
  EXPECT_EQ(weak->quality, NameQuality::kWeak);
  ASSERT_EQ(org->sanction_notes.size(), 1u);
  EXPECT_EQ(org->sanction_notes[0],
            "Executive Order 13662 Directive Determination - Subject to Directive 3");
}

TEST(OfacSdnXmlTest, TruncatedXmlIsDataLossNamingTheFile) {
  std::string bytes = Doc(std::string(kGoodEntry) + std::string(kGoodEntry));
  bytes.resize(bytes.size() - 60);
  EXPECT_THAT(ParseOfacSdnXml(ListSource::kOfacSdn, {"cut.xml", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "cut.xml: line"));
}

TEST(OfacSdnXmlTest, BinaryBytesAreDataLoss) {
  std::string bytes("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
  bytes += std::string(200, '\x01');
  EXPECT_THAT(ParseOfacSdnXml(ListSource::kOfacSdn, {"SDN.ZIP", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "SDN.ZIP: binary"));
}

TEST(OfacSdnXmlTest, EmptyFileIsDataLoss) {
  EXPECT_THAT(ParseOfacSdnXml(ListSource::kOfacSdn, {"empty.xml", ""}).status(),
              StatusIs(StatusCode::kDataLoss, "empty.xml: file is empty"));
}

TEST(OfacSdnXmlTest, WrongRootIsDataLoss) {
  std::string un =
      "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"2026-02-27\">\n"
      "<INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL>"
      "</INDIVIDUALS></CONSOLIDATED_LIST>\n";
  EXPECT_THAT(ParseOfacSdnXml(ListSource::kOfacSdn, {"un.xml", un}).status(),
              StatusIs(StatusCode::kDataLoss, "un.xml: root element is <CONSOLIDATED_LIST>"));
  // The enhanced XML is not the classic schema either.
  std::string enhanced =
      testing::ReadFileOrDie(testing::TestPath("lists/ofac_xml/testdata/cons_enhanced_small.xml"));
  EXPECT_THAT(
      ParseOfacSdnXml(ListSource::kOfacSdn, {"CONS_ENHANCED.XML", enhanced}).status(),
      StatusIs(StatusCode::kDataLoss, "CONS_ENHANCED.XML: root element is <sanctionsData>"));
}

TEST(OfacSdnXmlTest, NoRecordsWhileRecordCountClaimsSomeIsDataLoss) {
  EXPECT_THAT(ParseOfacSdnXml(ListSource::kOfacSdn, {"hollow.xml", Doc("")}).status(),
              StatusIs(StatusCode::kDataLoss,
                       "hollow.xml: no sdnEntry records although "
                       "Record_Count is 2"));
}

TEST(OfacSdnXmlTest, AFileThatClaimsNoRecordsMayBeEmpty) {
  std::string head(kHead);
  head.replace(head.find("<Record_Count>2"), 15, "<Record_Count>0");
  Result<ParsedList> list =
      ParseOfacSdnXml(ListSource::kOfacSdn, {"zero.xml", head + "</sdnList>\n"});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(list->entities.empty());
  EXPECT_TRUE(list->diagnostics.empty());
}

TEST(OfacSdnXmlTest, RecordCountMismatchIsAWarning) {
  Result<ParsedList> list = ParseOfacSdnXml(ListSource::kOfacSdn, {"one.xml", Doc(kGoodEntry)});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  ASSERT_EQ(list->diagnostics.size(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].message,
            "Record_Count is 2 but the file has 1 sdnEntry records");
}

TEST(OfacSdnXmlTest, EntryWithoutANameIsSkippedWithItsLine) {
  std::string nameless =
      "  <sdnEntry>\n"
      "    <uid>777</uid>\n"
      "    <lastName>  </lastName>\n"
      "    <sdnType>Entity</sdnType>\n"
      "  </sdnEntry>\n";
  Result<ParsedList> list = ParseOfacSdnXml(
      ListSource::kOfacSdn, {"nameless.xml", Doc(std::string(nameless) + std::string(kGoodEntry))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].source_id, "9640");
  EXPECT_EQ(list->entities[0].names[0].full, "ABU TEIR, Mohammed");
  ASSERT_EQ(list->diagnostics.skipped(), 1u);
  const Diagnostic& d = list->diagnostics.items()[0];
  EXPECT_EQ(d.file, "nameless.xml");
  EXPECT_EQ(d.location, "line 7, sdnEntry");
  EXPECT_EQ(d.record_id, "777");
  EXPECT_EQ(d.severity, Severity::kSkipped);
}

TEST(OfacSdnXmlTest, PerRecordProblemsAreWarningsWithLocation) {
  std::string entry =
      "  <sdnEntry>\n"
      "    <uid>55</uid>\n"
      "    <lastName>X</lastName>\n"
      "    <sdnType>Spaceship</sdnType>\n"
      "    <idList><id><uid>1</uid><idType>Gender</idType><idNumber>Other</idNumber></id>\n"
      "      <id><uid>2</uid><idType>Organization Established Date</idType>"
      "<idNumber>31 Feb 1990</idNumber></id></idList>\n"
      "    <akaList><aka><uid>3</uid><type>x.k.a.</type><category>strong</category>"
      "<lastName>Y</lastName></aka></akaList>\n"
      "    <dateOfBirthList><dateOfBirthItem><uid>4</uid>\n"
      "      <dateOfBirth>sometime in spring</dateOfBirth></dateOfBirthItem></dateOfBirthList>\n"
      "  </sdnEntry>\n";
  Result<ParsedList> list = ParseOfacSdnXml(
      ListSource::kOfacSdn, {"w.xml", Doc(std::string(entry) + std::string(kGoodEntry))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  std::vector<std::string> got;
  for (const Diagnostic& d : list->diagnostics.items()) got.push_back(d.ToString());
  EXPECT_THAT(got, ::testing::ElementsAre(
                       "w.xml: line 10, sdnType (55): warning: unknown sdnType 'Spaceship'",
                       "w.xml: line 11, id (55): warning: unknown gender 'Other'",
                       "w.xml: line 12, id (55): warning: unreadable Organization Established "
                       "Date '31 Feb 1990'",
                       "w.xml: line 13, aka (55): warning: unknown aka type 'x.k.a.'; read as "
                       "a.k.a.",
                       "w.xml: line 15, dateOfBirth (55): warning: unreadable date of birth "
                       "'sometime in spring'"));
  EXPECT_EQ(list->entities[0].names.size(), 2u);  // the odd aka is kept as an a.k.a.
}

TEST(OfacSdnXmlTest, OneMegabyteRemarksAreKeptWhole) {
  std::string remarks(1 << 20, 'x');
  std::string entry =
      "  <sdnEntry><uid>1</uid><lastName>BIG</lastName><sdnType>Entity</sdnType>"
      "<remarks>" +
      remarks + "</remarks></sdnEntry>\n";
  Result<ParsedList> list =
      ParseOfacSdnXml(ListSource::kOfacSdn, {"big.xml", Doc(entry + std::string(kGoodEntry))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].remarks.size(), remarks.size());
}

TEST(OfacSdnXmlTest, InvalidUtf8IsDataLoss) {
  std::string entry = std::string(kGoodEntry);
  entry.replace(entry.find("ABU"), 3, "AB\xC3\x28");  // a lead byte without continuation
  EXPECT_THAT(ParseOfacSdnXml(ListSource::kOfacSdn, {"bad_utf8.xml", Doc(entry)}).status(),
              StatusIs(StatusCode::kDataLoss, "bad_utf8.xml: line 10"));
}

TEST(OfacSdnXmlTest, LinkedToRemarksBecomeRelations) {
  std::string entry =
      "  <sdnEntry><uid>1</uid><lastName>NIOC X</lastName><sdnType>Entity</sdnType>"
      "<remarks>all offices worldwide; (Linked To: NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED)"
      "</remarks></sdnEntry>\n";
  Result<ParsedList> list =
      ParseOfacSdnXml(ListSource::kOfacSdn, {"l.xml", Doc(entry + std::string(kGoodEntry))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities[0].relations.size(), 1u);
  EXPECT_EQ(list->entities[0].relations[0].name, "NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED");
}

// 1-based line of the n-th (0-based) occurrence of `needle` in `text`.
int LineOfNth(const std::string& text, std::string_view needle, int n) {
  size_t at = text.find(needle);
  for (int i = 0; i < n; ++i) at = text.find(needle, at + 1);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

TEST(OfacSdnXmlTest, LineNumbersPastLine65535AreExact) {
  // libxml2 reports line 65535 for everything after it unless asked for big lines; the parser
  // must still name the real line. One entry straddles line 65535, two lie far beyond it.
  std::string bad_dob =
      "  <sdnEntry>\n"
      "    <uid>1</uid>\n"
      "    <lastName>A</lastName>\n"
      "    <sdnType>Entity</sdnType>\n"
      "    <idList><id><uid>9</uid><idType>Gender</idType><idNumber>X</idNumber></id></idList>\n"
      "    <dateOfBirthList>\n"
      "      <dateOfBirthItem><dateOfBirth>1960</dateOfBirth></dateOfBirthItem>\n"
      "      <dateOfBirthItem><dateOfBirth>never</dateOfBirth></dateOfBirthItem>\n"
      "    </dateOfBirthList>\n"
      "  </sdnEntry>\n";
  std::string head(kHead);
  head.replace(head.find("<Record_Count>2"), 15, "<Record_Count>3");
  std::string doc = head + std::string(65530 - 7, '\n') + bad_dob + std::string(20000, '\n') +
                    bad_dob + std::string(kGoodEntry) + "</sdnList>\n";
  Result<ParsedList> list = ParseOfacSdnXml(ListSource::kOfacSdn, {"long.xml", doc});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 3u);
  EXPECT_EQ(list->entities[0].provenance.locator, "line 65530");
  EXPECT_EQ(list->entities[1].provenance.locator,
            "line " + std::to_string(LineOfNth(doc, "<sdnEntry>", 1)));
  EXPECT_EQ(list->entities[2].provenance.locator,
            "line " + std::to_string(LineOfNth(doc, "<sdnEntry>", 2)));
  std::vector<std::string> got;
  for (const Diagnostic& d : list->diagnostics.items()) got.push_back(d.location);
  EXPECT_THAT(got, ::testing::ElementsAre(
                       "line 65534, id", "line 65537, dateOfBirth",
                       "line " + std::to_string(LineOfNth(doc, "<id>", 1)) + ", id",
                       "line " + std::to_string(LineOfNth(doc, "<dateOfBirth>never", 1)) +
                           ", dateOfBirth"));
}

TEST(OfacSdnXmlTest, FullConsolidatedXmlMatchesItsRecordCount) {
  std::string path = testing::SharedDataPath("lists/ofac-cons/consolidated.xml");
  if (!testing::FileExists(path)) GTEST_SKIP() << "no " << path;
  std::string bytes = testing::ReadFileOrDie(path);
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseOfacSdnXml(ListSource::kOfacNonSdn, {path, bytes});
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::cout << "consolidated.xml: " << list->entities.size() << " entities, "
            << list->diagnostics.warnings() << " warnings, " << list->diagnostics.skipped()
            << " skipped in " << ms << " ms\n";
  // 639 = publshInformation/Record_Count; the parser warns when the two differ.
  EXPECT_EQ(list->entities.size(), 639u);
  EXPECT_TRUE(list->diagnostics.empty()) << list->diagnostics.items()[0].ToString();
  EXPECT_EQ(list->version.as_of, "2018-04-06");
  EXPECT_EQ(list->version.files[0].name, "consolidated.xml");

  size_t persons = 0, vessels = 0, orgs = 0;
  for (const Entity& e : list->entities) {
    persons += e.kind == EntityKind::kPerson;
    vessels += e.kind == EntityKind::kVessel;
    orgs += e.kind == EntityKind::kOrganization;
    EXPECT_FALSE(e.names.empty());
    EXPECT_FALSE(e.programs.empty()) << e.source_id;
  }
  EXPECT_EQ(persons, 94u);
  EXPECT_EQ(vessels, 74u);
  EXPECT_EQ(orgs, 471u);

  const Entity* bank = FindEntity(*list, "4632");
  ASSERT_NE(bank, nullptr);
  EXPECT_EQ(bank->names[0].full, "BANK MARKAZI JOMHOURI ISLAMI IRAN");
  EXPECT_EQ(bank->names.size(), 4u);
  EXPECT_EQ(bank->addresses.size(), 2u);
  EXPECT_EQ(bank->programs, std::vector<std::string>{"IRAN"});
  EXPECT_EQ(bank->provenance.locator, "line 7");
}

}  // namespace
}  // namespace interdict::lists
