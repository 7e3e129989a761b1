#include "lists/un/un_xml.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;

constexpr std::string_view kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<CONSOLIDATED_LIST dateGenerated=\"2026-01-02T03:04:05.000Z\">\n"
    "  <INDIVIDUALS>\n";  // 3 lines: the first record starts on line 4

std::string Doc(std::string_view individuals, std::string_view entities = "") {
  return std::string(kHead) + std::string(individuals) + "  </INDIVIDUALS>\n  <ENTITIES>\n" +
         std::string(entities) + "  </ENTITIES>\n</CONSOLIDATED_LIST>\n";
}

// A one-line INDIVIDUAL with DATAID `id`, FIRST_NAME `first` and the extra children `extra`.
std::string Person(std::string_view id, std::string_view first, std::string_view extra = "") {
  std::string r = "    <INDIVIDUAL><DATAID>" + std::string(id) + "</DATAID>";
  if (!first.empty()) r += "<FIRST_NAME>" + std::string(first) + "</FIRST_NAME>";
  return r + std::string(extra) + "</INDIVIDUAL>\n";
}

Result<ParsedList> Parse(const std::string& bytes, std::string name = "un.xml") {
  return ParseUnXml(InputFile{std::move(name), bytes});
}

const Entity* Find(const ParsedList& list, std::string_view id) {
  for (const Entity& e : list.entities) {
    if (e.source_id == id) return &e;
  }
  return nullptr;
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items()) out += x.ToString() + "\n";
  return out;
}

// --- Golden: real records cut from the shared consolidated.xml (see testdata/README.md).

TEST(UnXmlTest, GoldenExcerpt) {
  std::string bytes = testing::ReadFileOrDie(testing::TestPath("lists/un/testdata/excerpt.xml"));
  Result<ParsedList> list = ParseUnXml(InputFile{"excerpt.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, testing::TestPath("lists/un/testdata/excerpt.golden.jsonl"));
}

// --- Mapping details.

TEST(UnXmlTest, NamePartsQualitiesAndOriginalScript) {
  Result<ParsedList> list = Parse(
      Doc("    <INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ABDUL</FIRST_NAME>"
          "<SECOND_NAME>HAQ</SECOND_NAME><FOURTH_NAME>WASIQ</FOURTH_NAME>"
          "<NAME_ORIGINAL_SCRIPT>عبدالحق وثيق</NAME_ORIGINAL_SCRIPT>"
          "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Banat</ALIAS_NAME>"
          "<NOTE>original script: Абу Банат</NOTE></INDIVIDUAL_ALIAS>"
          "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>ABDUL  HAQ\n WASIQ</ALIAS_NAME>"
          "</INDIVIDUAL_ALIAS>"
          "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS></INDIVIDUAL>\n",
          "    <ENTITY><DATAID>2</DATAID><FIRST_NAME>ACME  TRADING</FIRST_NAME>"
          "<ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>OLD ACME</ALIAS_NAME></ENTITY_ALIAS>"
          "<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>ACME</ALIAS_NAME></ENTITY_ALIAS>"
          "</ENTITY>\n"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  const Entity& p = list->entities[0];
  EXPECT_EQ(p.kind, EntityKind::kPerson);
  ASSERT_EQ(p.names.size(), 4u);  // the Good alias equal to the primary name is folded into it
  EXPECT_EQ(p.names[0].full, "ABDUL HAQ WASIQ");
  EXPECT_EQ(p.names[0].type, NameType::kPrimary);
  EXPECT_EQ(p.names[0].given, "ABDUL");
  EXPECT_EQ(p.names[0].middle, "HAQ");
  EXPECT_EQ(p.names[0].family, "WASIQ");
  EXPECT_EQ(p.names[1].full, "عبدالحق وثيق");
  EXPECT_EQ(p.names[1].script, Script::kArabic);
  EXPECT_EQ(p.names[2].full, "Abu Banat");
  EXPECT_EQ(p.names[2].quality, NameQuality::kWeak);
  EXPECT_EQ(p.names[3].full, "Абу Банат");
  EXPECT_EQ(p.names[3].quality, NameQuality::kWeak);
  EXPECT_EQ(p.names[3].script, Script::kCyrillic);

  const Entity& o = list->entities[1];
  EXPECT_EQ(o.kind, EntityKind::kOrganization);
  ASSERT_EQ(o.names.size(), 3u);
  EXPECT_EQ(o.names[0].full, "ACME TRADING");
  EXPECT_TRUE(o.names[0].given.empty());
  EXPECT_EQ(o.names[1].type, NameType::kFka);
  EXPECT_EQ(o.names[2].type, NameType::kAka);
  EXPECT_TRUE(list->diagnostics.empty()) << Messages(list->diagnostics);
}

TEST(UnXmlTest, DatesOfBirthOfEveryType) {
  Result<ParsedList> list = Parse(Doc(Person(
      "1", "A",
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1965-12-28</DATE>"
      "</INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1966</YEAR>"
      "</INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><YEAR>1960</YEAR><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>"
      "</INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1958</FROM_YEAR>"
      "<TO_YEAR>1963</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1945</FROM_YEAR>"
      "<TO_YEAR>1950</TO_YEAR><NOTE>Approximately</NOTE></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973</NOTE>"
      "</INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1979-03-03</DATE>"
      "<NOTE>from false passport</NOTE></INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1966</YEAR>"
      "</INDIVIDUAL_DATE_OF_BIRTH>"
      "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></INDIVIDUAL_DATE_OF_BIRTH>")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_TRUE(list->diagnostics.empty()) << Messages(list->diagnostics);
  const std::vector<DateOfBirth>& d = list->entities.at(0).dates_of_birth;
  ASSERT_EQ(d.size(), 7u);  // the repeated 1966 and the empty placeholder add nothing
  EXPECT_EQ(d[0].from.ToString(), "1965-12-28");
  EXPECT_FALSE(d[0].is_range());
  EXPECT_FALSE(d[0].circa);
  EXPECT_EQ(d[1].from.ToString(), "1966");
  EXPECT_EQ(d[2].from.ToString(), "1960");
  EXPECT_TRUE(d[2].circa);
  EXPECT_EQ(d[2].text, "approximately 1960");
  EXPECT_EQ(d[3].from.ToString(), "1958");
  EXPECT_EQ(d[3].to.ToString(), "1963");
  EXPECT_FALSE(d[3].circa);
  EXPECT_EQ(d[3].text, "1958 to 1963");
  EXPECT_TRUE(d[4].is_range());
  EXPECT_TRUE(d[4].circa);
  EXPECT_EQ(d[5].from.ToString(), "1973-11");
  EXPECT_EQ(d[5].text, "Nov. 1973");
  EXPECT_EQ(d[6].from.ToString(), "1979-03-03");
  EXPECT_EQ(d[6].text, "1979-03-03 (from false passport)");
}

TEST(UnXmlTest, UnreadableDatesAreWarningsAndTheRecordIsKept) {
  Result<ParsedList> list = Parse(Doc(
      Person("6908555", "A",
             "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>SOMETIMES</TYPE_OF_DATE><YEAR>1970</YEAR>"
             "</INDIVIDUAL_DATE_OF_BIRTH>"
             "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1970-13-45</DATE>"
             "</INDIVIDUAL_DATE_OF_BIRTH>"
             "<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE>"
             "<NOTE>30-35 years old</NOTE></INDIVIDUAL_DATE_OF_BIRTH>"
             "<LISTED_ON>someday</LISTED_ON>")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  ASSERT_EQ(e.dates_of_birth.size(), 1u);  // the unknown type still gives its year
  EXPECT_EQ(e.dates_of_birth[0].from.ToString(), "1970");
  EXPECT_TRUE(e.listed_on.empty());
  const std::vector<Diagnostic>& d = list->diagnostics.items();
  ASSERT_EQ(d.size(), 4u) << Messages(list->diagnostics);
  EXPECT_EQ(list->diagnostics.warnings(), 4u);
  EXPECT_EQ(d[0].ToString(),
            "un.xml: line 4, INDIVIDUAL[1]/INDIVIDUAL_DATE_OF_BIRTH[1]/TYPE_OF_DATE (6908555): "
            "warning: unknown TYPE_OF_DATE 'SOMETIMES'; date read as given");
  EXPECT_EQ(d[1].location, "line 4, INDIVIDUAL[1]/INDIVIDUAL_DATE_OF_BIRTH[2]");
  EXPECT_EQ(d[1].message, "unparseable date of birth '1970-13-45'");
  EXPECT_EQ(d[2].message, "unparseable date of birth '30-35 years old'");
  EXPECT_EQ(d[3].message, "unparseable LISTED_ON 'someday'");
  EXPECT_EQ(d[3].record_id, "6908555");
}

TEST(UnXmlTest, ChildOrderDoesNotMatter) {
  const std::string in_order =
      "<DATAID>7</DATAID><FIRST_NAME>JOHN</FIRST_NAME><SECOND_NAME>DOE</SECOND_NAME>"
      "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER>"
      "<LISTED_ON>2015-04-07-04:00</LISTED_ON><GENDER>Female</GENDER>"
      "<COMMENTS1> Some  remark. </COMMENTS1>"
      "<TITLE><VALUE>Dr</VALUE></TITLE><DESIGNATION><VALUE>Minister\n of X</VALUE>"
      "<VALUE>Dr</VALUE></DESIGNATION>"
      "<NATIONALITY><VALUE>Russian Federation</VALUE></NATIONALITY>"
      "<INDIVIDUAL_ADDRESS><CITY>Pyongyang</CITY><COUNTRY>Russian Federation</COUNTRY>"
      "<NOTE>as of 2016</NOTE></INDIVIDUAL_ADDRESS><INDIVIDUAL_ADDRESS><COUNTRY/>"
      "</INDIVIDUAL_ADDRESS>"
      "<INDIVIDUAL_PLACE_OF_BIRTH><CITY>Moscow</CITY><COUNTRY>Russian Federation</COUNTRY>"
      "</INDIVIDUAL_PLACE_OF_BIRTH>"
      "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>P1</NUMBER>"
      "<ISSUING_COUNTRY>Russian Federation</ISSUING_COUNTRY><DATE_OF_ISSUE>2010-01-02"
      "</DATE_OF_ISSUE><CITY_OF_ISSUE>Moscow</CITY_OF_ISSUE><NOTE>expires 2020</NOTE>"
      "</INDIVIDUAL_DOCUMENT>"
      "<INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT>"
      "<TYPE_OF_DOCUMENT2>Birth certificate</TYPE_OF_DOCUMENT2><NUMBER>B 2</NUMBER>"
      "<ISSUING_COUNTRY>Atlantis</ISSUING_COUNTRY></INDIVIDUAL_DOCUMENT><INDIVIDUAL_DOCUMENT/>";
  // The same children with the element kinds in reverse order (repeated elements keep their
  // relative order, as multi-valued fields follow document order).
  const std::string reversed =
      "<INDIVIDUAL_DOCUMENT><NOTE>expires 2020</NOTE><CITY_OF_ISSUE>Moscow</CITY_OF_ISSUE>"
      "<DATE_OF_ISSUE>2010-01-02</DATE_OF_ISSUE><ISSUING_COUNTRY>Russian Federation"
      "</ISSUING_COUNTRY><NUMBER>P1</NUMBER><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>"
      "</INDIVIDUAL_DOCUMENT>"
      "<INDIVIDUAL_DOCUMENT><NUMBER>B 2</NUMBER><ISSUING_COUNTRY>Atlantis</ISSUING_COUNTRY>"
      "<TYPE_OF_DOCUMENT2>Birth certificate</TYPE_OF_DOCUMENT2>"
      "<TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT></INDIVIDUAL_DOCUMENT>"
      "<INDIVIDUAL_DOCUMENT/>"
      "<INDIVIDUAL_PLACE_OF_BIRTH><COUNTRY>Russian Federation</COUNTRY><CITY>Moscow</CITY>"
      "</INDIVIDUAL_PLACE_OF_BIRTH>"
      "<INDIVIDUAL_ADDRESS><NOTE>as of 2016</NOTE><COUNTRY>Russian Federation</COUNTRY>"
      "<CITY>Pyongyang</CITY></INDIVIDUAL_ADDRESS><INDIVIDUAL_ADDRESS><COUNTRY/>"
      "</INDIVIDUAL_ADDRESS>"
      "<NATIONALITY><VALUE>Russian Federation</VALUE></NATIONALITY>"
      "<TITLE><VALUE>Dr</VALUE></TITLE>"
      "<DESIGNATION><VALUE>Minister\n of X</VALUE><VALUE>Dr</VALUE></DESIGNATION>"
      "<COMMENTS1> Some  remark. </COMMENTS1><GENDER>Female</GENDER>"
      "<LISTED_ON>2015-04-07-04:00</LISTED_ON><REFERENCE_NUMBER>KPi.001</REFERENCE_NUMBER>"
      "<UN_LIST_TYPE>DPRK</UN_LIST_TYPE><SECOND_NAME>DOE</SECOND_NAME>"
      "<FIRST_NAME>JOHN</FIRST_NAME><DATAID>7</DATAID>";
  Result<ParsedList> a = Parse(Doc("    <INDIVIDUAL>" + in_order + "</INDIVIDUAL>\n"));
  Result<ParsedList> b = Parse(Doc("    <INDIVIDUAL>" + reversed + "</INDIVIDUAL>\n"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_EQ(a->entities.size(), 1u);
  ASSERT_EQ(b->entities.size(), 1u);
  // Identical except for the file digest, which differs with the bytes.
  Entity ea = a->entities[0];
  Entity eb = b->entities[0];
  ea.provenance.sha256.clear();
  eb.provenance.sha256.clear();
  a->entities[0] = ea;
  b->entities[0] = eb;
  a->version.files.clear();
  b->version.files.clear();
  EXPECT_EQ(testing::ParsedListToJsonl(*a), testing::ParsedListToJsonl(*b));

  const Entity& e = ea;
  EXPECT_EQ(e.source, ListSource::kUn);
  EXPECT_EQ(e.source_id, "7");
  EXPECT_EQ(e.reference, "KPi.001");
  EXPECT_EQ(e.programs, std::vector<std::string>{"DPRK"});
  EXPECT_EQ(e.listed_on.ToString(), "2015-04-07");  // zone offset dropped
  EXPECT_EQ(e.gender, Gender::kFemale);
  EXPECT_EQ(e.remarks, "Some  remark.");
  EXPECT_EQ(e.titles, (std::vector<std::string>{"Dr", "Minister of X"}));
  EXPECT_EQ(e.nationalities, std::vector<std::string>{"RU"});
  ASSERT_EQ(e.addresses.size(), 1u);
  EXPECT_EQ(e.addresses[0].city, "Pyongyang");
  EXPECT_EQ(e.addresses[0].country, "RU");
  EXPECT_EQ(e.addresses[0].country_name, "Russian Federation");
  EXPECT_EQ(e.places_of_birth, std::vector<std::string>{"Moscow, Russian Federation"});
  ASSERT_EQ(e.identifiers.size(), 2u);
  EXPECT_EQ(e.identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(e.identifiers[0].value, "P1");
  EXPECT_EQ(e.identifiers[0].country, "RU");
  EXPECT_EQ(e.identifiers[0].label, "Passport");
  EXPECT_EQ(e.identifiers[0].note, "issued 2010-01-02 in Moscow; expires 2020");
  EXPECT_EQ(e.identifiers[1].type, IdType::kNationalId);
  EXPECT_EQ(e.identifiers[1].label, "National Identification Number (Birth certificate)");
  EXPECT_EQ(e.identifiers[1].country, "");
  EXPECT_EQ(e.identifiers[1].note, "issuing country Atlantis");
  EXPECT_TRUE(a->diagnostics.empty()) << Messages(a->diagnostics);
}

// --- Hostile and broken inputs.

TEST(UnXmlTest, RecordWithoutAnyNameIsSkippedAndOthersKept) {
  Result<ParsedList> list = Parse(Doc(Person("1", "ALPHA") +
                                      Person("2", "",
                                             "<INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/>"
                                             "</INDIVIDUAL_ALIAS>") +
                                      Person("3", "GAMMA")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[0].source_id, "1");
  EXPECT_EQ(list->entities[1].source_id, "3");
  EXPECT_EQ(list->entities[1].provenance.locator, "line 6");
  ASSERT_EQ(list->diagnostics.size(), 1u);
  EXPECT_EQ(list->diagnostics.skipped(), 1u);
  EXPECT_EQ(
      list->diagnostics.items()[0].ToString(),
      "un.xml: line 5, INDIVIDUAL[2] (2): skipped: record has no name (FIRST_NAME..FOURTH_NAME "
      "and aliases empty); skipped");
}

TEST(UnXmlTest, RecordWithOnlyAliasesIsListedUnderItsFirstStrongAlias) {
  Result<ParsedList> list = Parse(Doc(Person(
      "1", "",
      "<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu X</ALIAS_NAME></INDIVIDUAL_ALIAS>"
      "<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>John Roe</ALIAS_NAME>"
      "</INDIVIDUAL_ALIAS>")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].full, "John Roe");
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);
  EXPECT_EQ(e.names[1].full, "Abu X");
  ASSERT_EQ(list->diagnostics.warnings(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].message,
            "record has no FIRST_NAME; alias 'John Roe' used as the primary name");
}

TEST(UnXmlTest, TruncatedFileIsRefusedWhole) {
  std::string bytes = testing::ReadFileOrDie(testing::TestPath("lists/un/testdata/excerpt.xml"));
  // Cut inside the third record, and just after the first complete record.
  Result<ParsedList> mid = Parse(bytes.substr(0, bytes.size() / 2), "cut.xml");
  EXPECT_THAT(mid.status(), StatusIs(StatusCode::kDataLoss, "cut.xml: line "));
  size_t end_of_first = bytes.find("</INDIVIDUAL>") + 14;
  Result<ParsedList> clean_cut = Parse(bytes.substr(0, end_of_first), "cut.xml");
  EXPECT_THAT(clean_cut.status(), StatusIs(StatusCode::kDataLoss, "cut.xml: line "));
}

TEST(UnXmlTest, BinaryAndEmptyFilesAreRefused) {
  EXPECT_THAT(Parse(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "x.png").status(),
              StatusIs(StatusCode::kDataLoss, "x.png: binary data"));
  EXPECT_THAT(Parse("", "empty.xml").status(),
              StatusIs(StatusCode::kDataLoss, "empty.xml: file is empty"));
  EXPECT_THAT(Parse("   \n", "blank.xml").status(), StatusIs(StatusCode::kDataLoss, "blank.xml"));
}

TEST(UnXmlTest, WrongRootIsRefused) {
  std::string eu =
      testing::ReadFileOrDie(testing::TestPath("lists/eu/testdata/sample_excerpt.xml"));
  EXPECT_THAT(
      Parse(eu, "eu.xml").status(),
      StatusIs(StatusCode::kDataLoss, "eu.xml: root element <export> is not <CONSOLIDATED_LIST>"));
  // An OFAC-style file that happens to contain an element named like a UN record.
  EXPECT_THAT(
      Parse("<sdnList><ENTITY><FIRST_NAME>X</FIRST_NAME></ENTITY></sdnList>", "sdn.xml").status(),
      StatusIs(StatusCode::kDataLoss, "sdn.xml: root element <sdnList>"));
}

TEST(UnXmlTest, WellFormedListWithoutRecordsIsRefused) {
  EXPECT_THAT(Parse(Doc("")).status(),
              StatusIs(StatusCode::kDataLoss, "un.xml: no INDIVIDUAL or ENTITY records"));
}

TEST(UnXmlTest, InvalidUtf8IsRefusedWithItsLine) {
  std::string bad = Doc(Person("1", "OK") + Person("2", "BAD \xC3\x28 NAME"));
  EXPECT_THAT(Parse(bad, "bad.xml").status(), StatusIs(StatusCode::kDataLoss, "bad.xml: line 5"));
  std::string latin1 = Doc(Person("1", "M\xFCller"));
  EXPECT_THAT(Parse(latin1, "latin1.xml").status(), StatusIs(StatusCode::kDataLoss, "latin1.xml"));
}

TEST(UnXmlTest, OneMegabyteCommentIsKeptWhole) {
  std::string big(1 << 20, 'x');
  for (size_t i = 80; i < big.size(); i += 81) big[i] = ' ';
  Result<ParsedList> list = Parse(Doc(Person("1", "A", "<COMMENTS1>" + big + "</COMMENTS1>")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  EXPECT_EQ(list->entities[0].remarks.size(), big.size());
}

TEST(UnXmlTest, UnknownElementsAreReportedOncePerFile) {
  Result<ParsedList> list =
      Parse(Doc(Person("1", "A", "<SHOE_SIZE>44</SHOE_SIZE>") +
                Person("2", "B", "<SHOE_SIZE>45</SHOE_SIZE><GENDER>Unknown</GENDER>")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 2u);
  ASSERT_EQ(list->diagnostics.size(), 2u) << Messages(list->diagnostics);
  EXPECT_EQ(list->diagnostics.items()[0].location, "line 4, INDIVIDUAL[1]/SHOE_SIZE[1]");
  EXPECT_EQ(list->diagnostics.items()[0].message,
            "unknown element <SHOE_SIZE> ignored (reported once per file)");
  EXPECT_EQ(list->diagnostics.items()[1].message, "unknown GENDER 'Unknown'");
}

TEST(UnXmlTest, DuplicateDataIdIsAWarning) {
  Result<ParsedList> list = Parse(Doc(Person("1", "A") + Person("1", "B")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.size(), 2u);
  ASSERT_EQ(list->diagnostics.size(), 1u);
  EXPECT_EQ(list->diagnostics.items()[0].message, "duplicate DATAID 1");
}

// --- The full shared file.

TEST(UnXmlTest, FullConsolidatedList) {
  const std::string path = testing::SharedDataPath("lists/un/consolidated.xml");
  if (!testing::FileExists(path)) GTEST_SKIP() << "no " << path;
  std::string bytes = testing::ReadFileOrDie(path);
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseUnXml(InputFile{path, bytes});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::printf("[ timing   ] ParseUnXml %zu bytes, %zu entities: %.3f s; %zu warnings\n",
              bytes.size(), list->entities.size(), seconds, list->diagnostics.warnings());
  for (const Diagnostic& d : list->diagnostics.items()) std::printf("  %s\n", d.ToString().c_str());
  EXPECT_LT(seconds, 5.0);  // ~0.05 s RelWithDebInfo, ~0.8 s Debug+ASan: catches blow-ups only

  // Nothing silently dropped: 730 INDIVIDUAL + 273 ENTITY.
  EXPECT_EQ(list->entities.size(), 1003u);
  EXPECT_EQ(list->diagnostics.skipped(), 0u) << Messages(list->diagnostics);
  size_t persons = 0, orgs = 0;
  std::set<std::string> ids;
  for (const Entity& e : list->entities) {
    persons += e.kind == EntityKind::kPerson;
    orgs += e.kind == EntityKind::kOrganization;
    ids.insert(e.source_id);
    ASSERT_FALSE(e.names.empty());
    EXPECT_EQ(e.names[0].type, NameType::kPrimary) << e.source_id;
    EXPECT_FALSE(e.reference.empty()) << e.source_id;
    EXPECT_EQ(e.programs.size(), 1u) << e.source_id;
    EXPECT_FALSE(e.listed_on.empty()) << e.source_id;
  }
  EXPECT_EQ(persons, 730u);
  EXPECT_EQ(orgs, 273u);
  EXPECT_EQ(ids.size(), 1003u);
  EXPECT_EQ(list->version.as_of, "2026-02-27T00:00:09.554Z");
  EXPECT_EQ(list->version.format, "un_xml");
  EXPECT_EQ(list->version.files.at(0).name, "consolidated.xml");
  EXPECT_EQ(list->version.files.at(0).size, 2030620u);

  const Entity* badege = Find(*list, "6907993");
  ASSERT_NE(badege, nullptr);
  EXPECT_EQ(badege->names[0].full, "ERIC BADEGE");
  EXPECT_EQ(badege->reference, "CDi.001");
  EXPECT_EQ(badege->listed_on.ToString(), "2012-12-31");
  EXPECT_EQ(badege->gender, Gender::kMale);
  ASSERT_EQ(badege->dates_of_birth.size(), 1u);
  EXPECT_EQ(badege->dates_of_birth[0].from.ToString(), "1971");
  EXPECT_EQ(badege->provenance.locator, "line 4");

  const Entity* jua = Find(*list, "6908599");
  ASSERT_NE(jua, nullptr);
  EXPECT_EQ(jua->kind, EntityKind::kOrganization);
  EXPECT_EQ(jua->reference, "QDe.152");
  bool fka = false, arabic = false;
  for (const Name& n : jua->names) {
    fka = fka || (n.type == NameType::kFka && n.full == "Ahrar-ul-Hind");
    arabic = arabic || n.script == Script::kArabic;
  }
  EXPECT_TRUE(fka);
  EXPECT_TRUE(arabic);

  const Entity* fazlullah = Find(*list, "6908452");
  ASSERT_NE(fazlullah, nullptr);
  EXPECT_EQ(fazlullah->listed_on.ToString(), "2015-04-07");
}

}  // namespace
}  // namespace interdict::lists
