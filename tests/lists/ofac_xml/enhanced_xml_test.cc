#include "lists/ofac_xml/enhanced_xml.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "base/csv.h"
#include "base/text.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;

constexpr std::string_view kHead =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<sanctionsData xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/"
    "exports/ENHANCED_XML\">\n"
    "  <publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf></publicationInfo>\n"
    "  <referenceValues>\n"
    "    <referenceValue refId=\"600\"><type>SDN TYPE</type><value>Individual</value>"
    "</referenceValue>\n"
    "    <referenceValue refId=\"601\"><type>SDN TYPE</type><value>Entity</value>"
    "</referenceValue>\n"
    "    <referenceValue refId=\"20122\"><type>SCRIPT</type><value>Latin</value>"
    "</referenceValue>\n"
    "    <referenceValue refId=\"11171\"><type>COUNTRY</type><value>Russia</value>"
    "<isoCode>RU</isoCode></referenceValue>\n"
    "  </referenceValues>\n"
    "  <featureTypes>\n"
    "    <featureType featureTypeId=\"8\"><type>Birthdate</type>"
    "<detailType refId=\"1430\">DATE</detailType></featureType>\n"
    "  </featureTypes>\n"
    "  <entities>\n";  // 13 lines: the first entity starts on line 14

// A three-line entity (plus `extra` lines) named `name`, of entity type refId `type_ref`.
std::string MakeEntity(std::string_view id, std::string_view name,
                       std::string_view type_ref = "601", std::string_view extra = "") {
  std::string e = "    <entity id=\"" + std::string(id) + "\">\n";
  e += "      <generalInfo><entityType refId=\"" + std::string(type_ref) +
       "\">Entity</entityType></generalInfo>\n";
  e += "      <names><name><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality>"
       "<translations><translation><isPrimary>true</isPrimary>"
       "<script refId=\"20122\">Latin</script><formattedFullName>" +
       std::string(name) + "</formattedFullName></translation></translations></name></names>\n";
  e += std::string(extra);
  e += "    </entity>\n";
  return e;
}

std::string Doc(std::string_view entities) {
  return std::string(kHead) + std::string(entities) + "  </entities>\n</sanctionsData>\n";
}

const Entity* FindEntity(const ParsedList& list, std::string_view id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

std::string SmallExcerpt() {
  return testing::ReadFileOrDie(
      testing::TestPath("lists/ofac_xml/testdata/cons_enhanced_small.xml"));
}

TEST(OfacEnhancedXmlTest, SmallExcerptMatchesGolden) {
  std::string bytes = SmallExcerpt();
  Result<ParsedList> list =
      ParseOfacEnhancedXml(ListSource::kOfacNonSdn, {"testdata/cons_enhanced_small.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->version.as_of, "2025-01-10");
  EXPECT_EQ(list->version.format, "ofac_enhanced_xml");
  ASSERT_EQ(list->entities.size(), 8u);
  EXPECT_TRUE(list->diagnostics.empty());
  testing::ExpectGolden(
      *list, testing::TestPath("lists/ofac_xml/testdata/cons_enhanced_small.golden.jsonl"));
}

TEST(OfacEnhancedXmlTest, ExcerptFactsLandInTheRightFields) {
  std::string bytes = SmallExcerpt();
  Result<ParsedList> list =
      ParseOfacEnhancedXml(ListSource::kOfacNonSdn, {"cons_enhanced_small.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();

  const Entity* haniya = FindEntity(*list, "9639");
  ASSERT_NE(haniya, nullptr);
  EXPECT_EQ(haniya->kind, EntityKind::kPerson);
  EXPECT_EQ(haniya->names[0].full, "HANIYA, Ismail Abdul Salah");
  EXPECT_EQ(haniya->names[0].family, "HANIYA");
  EXPECT_EQ(haniya->names[0].given, "Ismail Abdul Salah");
  EXPECT_EQ(haniya->list_name, "Non-SDN Palestinian Legislative Council List; Consolidated List");
  EXPECT_EQ(haniya->listed_on.ToString(), "2006-04-12");
  EXPECT_EQ(haniya->programs, std::vector<std::string>{"NS-PLC"});
  ASSERT_EQ(haniya->dates_of_birth.size(), 1u);
  EXPECT_EQ(haniya->dates_of_birth[0].from.ToString(), "1962");
  EXPECT_EQ(haniya->places_of_birth, std::vector<std::string>{"Shati"});

  const Entity* rostec = FindEntity(*list, "17260");
  ASSERT_NE(rostec, nullptr);
  auto cyrillic = std::find_if(rostec->names.begin(), rostec->names.end(),
                               [](const Name& n) { return n.script == Script::kCyrillic; });
  ASSERT_NE(cyrillic, rostec->names.end());
  EXPECT_FALSE(rostec->established.empty());

  const Entity* dawning = FindEntity(*list, "33113");
  ASSERT_NE(dawning, nullptr);
  auto han = std::find_if(dawning->names.begin(), dawning->names.end(),
                          [](const Name& n) { return n.script == Script::kHan; });
  ASSERT_NE(han, dawning->names.end());
  EXPECT_EQ(han->language, "zh");
  bool weak = std::any_of(dawning->names.begin(), dawning->names.end(),
                          [](const Name& n) { return n.quality == NameQuality::kWeak; });
  EXPECT_TRUE(weak);

  const Entity* martelly = FindEntity(*list, "50476");
  ASSERT_NE(martelly, nullptr);
  EXPECT_EQ(martelly->gender, Gender::kMale);
  // As SDN.XML and the CSV write it: the middle name inside the given names, upper-case family.
  EXPECT_EQ(martelly->names[0].given, "Michel Joseph");
  EXPECT_EQ(martelly->names[0].family, "MARTELLY");
  const Name& nickname = martelly->names.back();
  EXPECT_EQ(nickname.full, "Sweet Micky");
  EXPECT_EQ(nickname.quality, NameQuality::kWeak);
  EXPECT_EQ(nickname.family, "");  // a nickname, not a surname

  const Entity* strakh = FindEntity(*list, "23571");
  ASSERT_NE(strakh, nullptr);
  EXPECT_EQ(strakh->nationalities, std::vector<std::string>{"RU"});  // Nationality of Registration
  ASSERT_FALSE(strakh->relations.empty());
  EXPECT_FALSE(strakh->relations[0].source_id.empty());
  auto ogrn = std::find_if(strakh->identifiers.begin(), strakh->identifiers.end(),
                           [](const Identifier& id) { return id.value == "1028600581811"; });
  ASSERT_NE(ogrn, strakh->identifiers.end());
  EXPECT_EQ(ogrn->country, "RU");
  EXPECT_EQ(ogrn->note, "issued by OGRN");
}

TEST(OfacEnhancedXmlTest, TruncatedXmlIsDataLossNamingTheFile) {
  std::string bytes = SmallExcerpt();
  bytes.resize(bytes.size() / 2);
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacNonSdn, {"CONS_ENHANCED.XML", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "CONS_ENHANCED.XML: line"));
}

TEST(OfacEnhancedXmlTest, BinaryBytesAreDataLoss) {
  std::string bytes("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  bytes += std::string(100, '\0');
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacSdn, {"SDN_ENHANCED.XML.gz", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "SDN_ENHANCED.XML.gz: binary"));
}

TEST(OfacEnhancedXmlTest, EmptyFileIsDataLoss) {
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacSdn, {"empty.xml", ""}).status(),
              StatusIs(StatusCode::kDataLoss, "empty.xml: file is empty"));
}

TEST(OfacEnhancedXmlTest, WrongRootIsDataLoss) {
  std::string classic =
      testing::ReadFileOrDie(testing::TestPath("lists/ofac_xml/testdata/consolidated_small.xml"));
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacNonSdn, {"consolidated.xml", classic}).status(),
              StatusIs(StatusCode::kDataLoss, "consolidated.xml: root element is <sdnList>"));
  std::string eu =
      "<export generationDate=\"2020-04-15\"><sanctionEntity logicalId=\"1\"/></export>";
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacSdn, {"eu.xml", eu}).status(),
              StatusIs(StatusCode::kDataLoss, "eu.xml: root element is <export>"));
}

TEST(OfacEnhancedXmlTest, NoEntitiesIsDataLoss) {
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacSdn, {"hollow.xml", Doc("")}).status(),
              StatusIs(StatusCode::kDataLoss, "hollow.xml: no entity records"));
}

TEST(OfacEnhancedXmlTest, EntitiesBeforeReferenceValuesAreDataLoss) {
  std::string bytes = "<sanctionsData>\n  <entities>\n" + MakeEntity("1", "A") +
                      "  </entities>\n  <referenceValues/>\n</sanctionsData>\n";
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacSdn, {"order.xml", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "order.xml: line 3: entity before referenceValues"));
}

TEST(OfacEnhancedXmlTest, EntityWithoutANameIsSkippedWithItsLine) {
  std::string nameless =
      "    <entity id=\"77\">\n"
      "      <generalInfo><entityType refId=\"601\">Entity</entityType></generalInfo>\n"
      "      <names/>\n"
      "    </entity>\n";
  Result<ParsedList> list = ParseOfacEnhancedXml(
      ListSource::kOfacSdn, {"nameless.xml", Doc(nameless + MakeEntity("78", "GOOD CO"))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].source_id, "78");
  EXPECT_EQ(list->entities[0].kind, EntityKind::kOrganization);
  ASSERT_EQ(list->diagnostics.size(), 1u);
  const Diagnostic& d = list->diagnostics.items()[0];
  EXPECT_EQ(d.severity, Severity::kSkipped);
  EXPECT_EQ(d.location, "line 14, entity");
  EXPECT_EQ(d.record_id, "77");
}

TEST(OfacEnhancedXmlTest, UnknownRefIdsAreWarningsAndFallBackToTheText) {
  std::string extra =
      "      <sanctionsPrograms><sanctionsProgram refId=\"999\">RUSSIA-EO14024</sanctionsProgram>"
      "</sanctionsPrograms>\n"
      "      <features><feature><type featureTypeId=\"8\">Birthdate</type>"
      "<value>Spring 1960</value></feature></features>\n";
  Result<ParsedList> list = ParseOfacEnhancedXml(
      ListSource::kOfacSdn, {"refs.xml", Doc(MakeEntity("5", "ODD CO", "60000", extra))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.kind, EntityKind::kOrganization);  // the element text "Entity"
  EXPECT_EQ(e.programs, std::vector<std::string>{"RUSSIA-EO14024"});
  std::vector<std::string> got;
  for (const Diagnostic& d : list->diagnostics.items()) got.push_back(d.ToString());
  EXPECT_THAT(got, ::testing::ElementsAre(
                       "refs.xml: line 15, entityType (5): warning: unknown refId '60000'",
                       "refs.xml: line 17, sanctionsProgram (5): warning: unknown refId '999'",
                       "refs.xml: line 18, feature (5): warning: unreadable date of birth "
                       "'Spring 1960'"));
}

TEST(OfacEnhancedXmlTest, DateOfBirthFallsBackToValueDate) {
  // When the text is not a date, the structured valueDate still gives one.
  std::string features =
      "      <features>\n"
      "        <feature><type featureTypeId=\"8\">Birthdate</type><value>Spring 1960</value>"
      "<valueDate><fromDateBegin>1960-01-01</fromDateBegin><fromDateEnd>1960-01-01"
      "</fromDateEnd><toDateBegin>1960-12-31</toDateBegin><toDateEnd>1960-12-31</toDateEnd>"
      "<isApproximate>true</isApproximate><isDateRange>false</isDateRange></valueDate>"
      "</feature>\n"
      "        <feature><type featureTypeId=\"8\">Birthdate</type><value>1961 or 1962</value>"
      "<valueDate><fromDateBegin>1961-01-01</fromDateBegin><fromDateEnd>1961-12-31"
      "</fromDateEnd><toDateBegin>1962-01-01</toDateBegin><toDateEnd>1962-12-31</toDateEnd>"
      "<isApproximate>false</isApproximate><isDateRange>true</isDateRange></valueDate>"
      "</feature>\n"
      "        <feature><type featureTypeId=\"8\">Birthdate</type><value>Aug 1960</value>"
      "</feature>\n"
      "      </features>\n";
  Result<ParsedList> list = ParseOfacEnhancedXml(
      ListSource::kOfacSdn, {"dob.xml", Doc(MakeEntity("7", "X, Y", "600", features))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(list->diagnostics.empty()) << list->diagnostics.items()[0].ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const std::vector<DateOfBirth>& dobs = list->entities[0].dates_of_birth;
  ASSERT_EQ(dobs.size(), 3u);
  EXPECT_EQ(dobs[0].from.ToString(), "1960");
  EXPECT_FALSE(dobs[0].is_range());
  EXPECT_TRUE(dobs[0].circa);
  EXPECT_EQ(dobs[0].text, "Spring 1960");
  EXPECT_EQ(dobs[1].from.ToString(), "1961");
  EXPECT_EQ(dobs[1].to.ToString(), "1962");
  EXPECT_EQ(dobs[2].from.ToString(), "1960-08");
}

TEST(OfacEnhancedXmlTest, RefIdOfTheWrongTypeIsAWarning) {
  // 11171 is a COUNTRY, not an SDN TYPE.
  Result<ParsedList> list =
      ParseOfacEnhancedXml(ListSource::kOfacSdn, {"t.xml", Doc(MakeEntity("6", "X", "11171"))});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->diagnostics.size(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].message,
            "refId 11171 is a COUNTRY value, expected SDN TYPE");
}

TEST(OfacEnhancedXmlTest, OneMegabyteRemarksAreKeptWhole) {
  std::string remarks(1 << 20, 'r');
  std::string bytes = Doc(MakeEntity("9", "BIG CO"));
  bytes.replace(bytes.find("</generalInfo>"), 0, "<remarks>" + remarks + "</remarks>");
  Result<ParsedList> list = ParseOfacEnhancedXml(ListSource::kOfacSdn, {"big.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].remarks.size(), remarks.size());
}

TEST(OfacEnhancedXmlTest, InvalidUtf8IsDataLoss) {
  std::string bytes = Doc(MakeEntity("9", "BAD \xE2\x82 CO"));  // truncated 3-byte sequence
  EXPECT_THAT(ParseOfacEnhancedXml(ListSource::kOfacSdn, {"bad_utf8.xml", bytes}).status(),
              StatusIs(StatusCode::kDataLoss, "bad_utf8.xml: line 16"));
}

TEST(OfacEnhancedXmlTest, VesselFeaturesFillCraftInfoAndIdentifiers) {
  // CONS_ENHANCED.XML has no vessels; SDN_ENHANCED.XML describes them with these features.
  std::string head(kHead);
  head.replace(head.find("  </featureTypes>"), 0,
               "    <featureType featureTypeId=\"3\"><type>Vessel Flag</type></featureType>\n"
               "    <featureType featureTypeId=\"4\"><type>Vessel Call Sign</type></featureType>\n"
               "    <featureType featureTypeId=\"5\"><type>VESSEL TYPE</type></featureType>\n"
               "    <featureType featureTypeId=\"6\"><type>Vessel Registration Identification"
               "</type></featureType>\n"
               "    <featureType featureTypeId=\"7\"><type>Vessel Year of Build</type>"
               "</featureType>\n");
  std::string features =
      "      <features>\n"
      "        <feature><type featureTypeId=\"3\">Vessel Flag</type><value>Russia</value>"
      "<valueRefId>11171</valueRefId></feature>\n"
      "        <feature><type featureTypeId=\"4\">Vessel Call Sign</type><value>UBXK7</value>"
      "</feature>\n"
      "        <feature><type featureTypeId=\"5\">VESSEL TYPE</type><value>Crude Oil Tanker</value>"
      "</feature>\n"
      "        <feature><type featureTypeId=\"6\">Vessel Registration Identification</type>"
      "<value>IMO 9319337</value></feature>\n"
      "        <feature><type featureTypeId=\"7\">Vessel Year of Build</type><value>2006</value>"
      "</feature>\n"
      "      </features>\n";
  std::string doc = head + MakeEntity("70001", "SAKHALIN ISLAND", "601", features) +
                    "  </entities>\n</sanctionsData>\n";
  constexpr std::string_view kEntityType = "refId=\"601\">Entity</entityType>";
  doc.replace(doc.find(kEntityType), kEntityType.size(), "refId=\"602\">Vessel</entityType>");
  doc.replace(doc.find("  </referenceValues>"), 0,
              "    <referenceValue refId=\"602\"><type>SDN TYPE</type><value>Vessel</value>"
              "</referenceValue>\n");
  Result<ParsedList> list = ParseOfacEnhancedXml(ListSource::kOfacSdn, {"v.xml", doc});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(list->diagnostics.empty()) << list->diagnostics.items()[0].ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& v = list->entities[0];
  EXPECT_EQ(v.kind, EntityKind::kVessel);
  EXPECT_EQ(v.craft.flag, "RU");
  EXPECT_EQ(v.craft.flag_name, "Russia");
  EXPECT_EQ(v.craft.type, "Crude Oil Tanker");
  EXPECT_EQ(v.craft.build_year, "2006");
  ASSERT_EQ(v.identifiers.size(), 2u);
  EXPECT_EQ(v.identifiers[0].type, IdType::kCallSign);
  EXPECT_EQ(v.identifiers[0].value, "UBXK7");
  EXPECT_EQ(v.identifiers[1].type, IdType::kImo);
  EXPECT_EQ(v.identifiers[1].value, "IMO 9319337");
}

// cons_prim.csv ent_num -> SDN_Name.
std::map<std::string, std::string> ReadConsPrim(const std::string& bytes) {
  std::map<std::string, std::string> names;
  base::CsvReader reader(bytes);
  std::vector<std::string> row;
  while (reader.Next(&row)) {
    if (row.size() >= 2) names[std::string(base::Trim(row[0]))] = std::string(base::Trim(row[1]));
  }
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return names;
}

TEST(OfacEnhancedXmlTest, FullConsEnhancedXml) {
  std::string path = testing::SharedDataPath("lists/ofac-cons/CONS_ENHANCED.XML");
  if (!testing::FileExists(path)) GTEST_SKIP() << "no " << path;
  std::string bytes = testing::ReadFileOrDie(path);
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseOfacEnhancedXml(ListSource::kOfacNonSdn, {path, bytes});
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::cout << "CONS_ENHANCED.XML: " << list->entities.size() << " entities, "
            << list->diagnostics.size() << " diagnostics in " << ms << " ms\n";
  EXPECT_EQ(list->entities.size(), 443u);
  EXPECT_TRUE(list->diagnostics.empty()) << list->diagnostics.items()[0].ToString();
  EXPECT_EQ(list->version.as_of, "2025-01-10");

  size_t persons = 0, cyrillic = 0, han = 0, weak = 0;
  for (const Entity& e : list->entities) {
    persons += e.kind == EntityKind::kPerson;
    EXPECT_NE(e.list_name.find("Consolidated List"), std::string::npos) << e.source_id;
    EXPECT_EQ(e.names[0].type, NameType::kPrimary) << e.source_id;
    for (const Name& n : e.names) {
      cyrillic += n.script == Script::kCyrillic;
      han += n.script == Script::kHan;
      weak += n.quality == NameQuality::kWeak;
    }
  }
  EXPECT_EQ(persons, 80u);
  // Counted in the file: name translations by script, and translations of low-quality names.
  EXPECT_EQ(cyrillic, 39u);
  EXPECT_EQ(han, 6u);  // 5 Chinese Simplified + 1 Chinese Traditional
  EXPECT_EQ(weak, 71u);

  const Entity* vtb = FindEntity(*list, "17013");
  ASSERT_NE(vtb, nullptr);
  EXPECT_EQ(vtb->names[0].full, "VTB BANK PUBLIC JOINT STOCK COMPANY");
  bool swift = std::any_of(vtb->identifiers.begin(), vtb->identifiers.end(),
                           [](const Identifier& id) { return id.type == IdType::kSwiftBic; });
  EXPECT_TRUE(swift);
  EXPECT_EQ(vtb->provenance.locator, "line 11733");
  // Past line 65535, where libxml2 keeps line numbers only with XML_PARSE_BIG_LINES.
  const Entity* last = FindEntity(*list, "50476");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->provenance.locator, "line 81223");

  // Cross-check with the legacy CSV of a different date: ids and primary names mostly agree.
  std::string csv_path = testing::SharedDataPath("lists/ofac-cons/cons_prim.csv");
  if (!testing::FileExists(csv_path)) return;
  std::map<std::string, std::string> csv = ReadConsPrim(testing::ReadFileOrDie(csv_path));
  ASSERT_EQ(csv.size(), 442u);
  size_t shared = 0, same_name = 0;
  for (const Entity& e : list->entities) {
    auto it = csv.find(e.source_id);
    if (it == csv.end()) continue;
    ++shared;
    same_name += it->second == e.names[0].full;
  }
  EXPECT_EQ(shared, 442u);     // the XML has one more entity (26182)
  EXPECT_GE(same_name, 438u);  // 439 today: 3 renamed between the two dates
}

}  // namespace
}  // namespace interdict::lists
