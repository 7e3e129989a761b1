#include "lists/eu/eu_fsf.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;

constexpr std::string_view kHead =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\" "
    "generationDate=\"2024-05-06T07:08:09.123+02:00\" globalFileId=\"1\">\n";
// 2 lines: the first record starts on line 3

std::string Doc(std::string_view records) {
  return std::string(kHead) + std::string(records) + "</export>\n";
}

// A one-line person sanctionEntity with logicalId `id`, one nameAlias `whole` and `extra`.
std::string Person(std::string_view id, std::string_view whole, std::string_view extra = "") {
  std::string r = "<sanctionEntity euReferenceNumber=\"EU.1." + std::string(id) +
                  "\" logicalId=\"" + std::string(id) +
                  "\"><subjectType code=\"person\" classificationCode=\"P\"/>";
  if (!whole.empty()) r += "<nameAlias wholeName=\"" + std::string(whole) + "\" strong=\"true\"/>";
  return r + std::string(extra) + "</sanctionEntity>\n";
}

Result<ParsedList> Parse(const std::string& bytes, std::string name = "eu.xml") {
  return ParseEuFsfXml(InputFile{std::move(name), bytes});
}

std::string Messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items()) out += x.ToString() + "\n";
  return out;
}

// --- Golden: real records (see testdata/README.md).

TEST(EuFsfTest, GoldenSampleExcerpt) {
  std::string bytes =
      testing::ReadFileOrDie(testing::TestPath("lists/eu/testdata/sample_excerpt.xml"));
  Result<ParsedList> list = ParseEuFsfXml(InputFile{"sample_excerpt.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list, testing::TestPath("lists/eu/testdata/sample_excerpt.golden.jsonl"));
}

TEST(EuFsfTest, Golden2018Excerpt) {
  std::string bytes =
      testing::ReadFileOrDie(testing::TestPath("lists/eu/testdata/fsf_2018_excerpt.xml"));
  Result<ParsedList> list = ParseEuFsfXml(InputFile{"fsf_2018_excerpt.xml", bytes});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  testing::ExpectGolden(*list,
                        testing::TestPath("lists/eu/testdata/fsf_2018_excerpt.golden.jsonl"));
}

// --- Mapping details (synthetic records in the published attribute layout).

TEST(EuFsfTest, PersonWithEveryKindOfField) {
  Result<ParsedList> list = Parse(Doc(
      "<sanctionEntity designationDate=\"2022-02-23\" designationDetails=\"\" "
      "unitedNationId=\"QDi.999\" euReferenceNumber=\"EU.7390.81\" logicalId=\"139089\">\n"
      "<regulation programme=\"RUS\" logicalId=\"1\"><publicationUrl>https://eur-lex.example/a"
      "</publicationUrl></regulation>\n"
      "<regulation programme=\"UKR\" logicalId=\"2\"><publicationUrl>https://eur-lex.example/b"
      "</publicationUrl></regulation>\n"
      "<subjectType code=\"person\" classificationCode=\"P\"/>\n"
      "<nameAlias firstName=\"Ivan\" middleName=\"\" lastName=\"Petrov\" wholeName=\"Ivan Petrov\" "
      "function=\"Deputy Minister\" gender=\"M\" title=\"Colonel\" nameLanguage=\"EN\" "
      "strong=\"true\" logicalId=\"10\"/>\n"
      "<nameAlias firstName=\"Иван\" middleName=\"Иванович\" lastName=\"Петров\" "
      "wholeName=\"Иван Иванович Петров\" nameLanguage=\"RU\" strong=\"true\" logicalId=\"11\"/>\n"
      "<nameAlias firstName=\"Ivan\" middleName=\"Ivanovich\" lastName=\"Petrov\" wholeName=\"\" "
      "nameLanguage=\"\" strong=\"true\" logicalId=\"12\"/>\n"
      "<nameAlias wholeName=\"Vanya\" strong=\"false\" title=\"Colonel\" logicalId=\"13\"/>\n"
      "<nameAlias wholeName=\"\" logicalId=\"14\"/>\n"
      "<citizenship countryIso2Code=\"RU\" countryDescription=\"RUSSIAN FEDERATION\"/>\n"
      "<citizenship countryIso2Code=\"00\" countryDescription=\"UNKNOWN\"/>\n"
      "<citizenship countryIso2Code=\"\" countryDescription=\"BELARUS\"/>\n"
      "<birthdate circa=\"false\" calendarType=\"GREGORIAN\" city=\"Moscow\" "
      "birthdate=\"1970-03-09\" "
      "dayOfMonth=\"9\" monthOfYear=\"3\" year=\"1970\" countryIso2Code=\"RU\" "
      "countryDescription=\"RUSSIAN FEDERATION\"/>\n"
      "<birthdate circa=\"true\" year=\"1971\" monthOfYear=\"3\" countryIso2Code=\"00\" "
      "countryDescription=\"UNKNOWN\"/>\n"
      "<birthdate circa=\"false\" calendarType=\"ISLAMIC\" year=\"1390\" city=\"Tula\"/>\n"
      "<birthdate monthOfYear=\"3\" year=\"\"/>\n"
      "<birthdate circa=\"false\" calendarType=\"GREGORIAN\" birthdate=\"1970-03-09\"/>\n"
      "<address street=\"Tverskaya 1\" poBox=\"123\" city=\"Moscow\" place=\"Arbat\" "
      "region=\"Moscow Oblast\" zipCode=\"125009\" asAtListingTime=\"false\" "
      "countryIso2Code=\"RU\" "
      "countryDescription=\"RUSSIAN FEDERATION\">"
      "<remark>office</remark><contactInfo key=\"PHONE\" value=\"+7 495 000 00 00\"/>"
      "<contactInfo key=\"EMAIL\" value=\"ivan@example.ru\"/>"
      "<contactInfo key=\"WEB\" value=\"https://example.ru\"/></address>\n"
      "<address city=\"\" street=\"\" countryIso2Code=\"00\" countryDescription=\"UNKNOWN\"/>\n"
      "<identification diplomatic=\"true\" knownExpired=\"false\" knownFalse=\"true\" "
      "reportedLost=\"false\" revokedByIssuer=\"false\" issuedBy=\"FMS 770-001\" "
      "issueDate=\"2015-01-02\" latinNumber=\"AB123\" nameOnDocument=\"\" number=\"АБ123\" "
      "countryIso2Code=\"RU\" countryDescription=\"RUSSIAN FEDERATION\" "
      "identificationTypeCode=\"passport\" identificationTypeDescription=\"National passport\">"
      "<remark>(diplomatic passport)</remark></identification>\n"
      "<identification number=\"\" latinNumber=\"770100123456\" "
      "identificationTypeCode=\"fiscalcode\" "
      "identificationTypeDescription=\"Fiscal code\" countryIso2Code=\"00\" "
      "countryDescription=\"UNKNOWN\"/>\n"
      "<identification number=\"X-1\" identificationTypeCode=\"other\" "
      "identificationTypeDescription=\"Other identification number\"/>\n"
      "<identification number=\"Z-2\" identificationTypeCode=\"vatnumber\" "
      "identificationTypeDescription=\"VAT number\" countryDescription=\"ATLANTIS\"/>\n"
      "<remark>First remark.</remark>\n<remark>Second  remark.</remark>\n"
      "<futureElement a=\"b\"/>\n"
      "</sanctionEntity>\n"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 1u);
  const Entity& e = list->entities[0];
  EXPECT_EQ(e.source, ListSource::kEu);
  EXPECT_EQ(e.source_id, "139089");
  EXPECT_EQ(e.reference, "EU.7390.81");
  EXPECT_EQ(e.kind, EntityKind::kPerson);
  EXPECT_EQ(e.listed_on.ToString(), "2022-02-23");
  EXPECT_EQ(e.programs, (std::vector<std::string>{"RUS", "UKR"}));
  EXPECT_EQ(e.source_url, "https://eur-lex.example/a");
  EXPECT_EQ(e.sanction_notes, std::vector<std::string>{"UN reference: QDi.999"});
  EXPECT_EQ(e.provenance.locator, "line 3");

  // The first nameAlias has a language, so the first one without, with parts, is primary.
  ASSERT_EQ(e.names.size(), 4u);
  EXPECT_EQ(e.names[0].full, "Ivan Ivanovich Petrov");
  EXPECT_EQ(e.names[0].type, NameType::kPrimary);
  EXPECT_EQ(e.names[0].given, "Ivan");
  EXPECT_EQ(e.names[0].middle, "Ivanovich");
  EXPECT_EQ(e.names[0].family, "Petrov");
  EXPECT_EQ(e.names[1].full, "Ivan Petrov");
  EXPECT_EQ(e.names[1].type, NameType::kAka);
  EXPECT_EQ(e.names[1].language, "en");
  EXPECT_EQ(e.names[2].full, "Иван Иванович Петров");
  EXPECT_EQ(e.names[2].script, Script::kCyrillic);
  EXPECT_EQ(e.names[2].language, "ru");
  EXPECT_EQ(e.names[2].patronymic, "");
  EXPECT_EQ(e.names[3].full, "Vanya");
  EXPECT_EQ(e.names[3].quality, NameQuality::kWeak);
  EXPECT_EQ(e.gender, Gender::kMale);
  EXPECT_EQ(e.titles, (std::vector<std::string>{"Colonel", "Deputy Minister"}));

  EXPECT_EQ(e.citizenships, (std::vector<std::string>{"RU", "BY"}));  // BY from its name
  ASSERT_EQ(e.dates_of_birth.size(), 2u);
  EXPECT_EQ(e.dates_of_birth[0].from.ToString(), "1970-03-09");
  EXPECT_EQ(e.dates_of_birth[0].text, "1970-03-09");
  EXPECT_EQ(e.dates_of_birth[1].from.ToString(), "1971-03");
  EXPECT_TRUE(e.dates_of_birth[1].circa);
  EXPECT_EQ(e.dates_of_birth[1].text, "circa 1971-03");
  EXPECT_EQ(e.places_of_birth, (std::vector<std::string>{"Moscow, RUSSIAN FEDERATION", "Tula"}));

  ASSERT_EQ(e.addresses.size(), 1u);
  const Address& a = e.addresses[0];
  EXPECT_EQ(a.street, "Tverskaya 1, P.O. Box 123");
  EXPECT_EQ(a.city, "Moscow, Arbat");
  EXPECT_EQ(a.region, "Moscow Oblast");
  EXPECT_EQ(a.postal_code, "125009");
  EXPECT_EQ(a.country, "RU");
  EXPECT_EQ(a.country_name, "RUSSIAN FEDERATION");

  ASSERT_EQ(e.identifiers.size(), 7u);
  EXPECT_EQ(e.identifiers[0].type, IdType::kPhone);
  EXPECT_EQ(e.identifiers[0].value, "+7 495 000 00 00");
  EXPECT_EQ(e.identifiers[1].type, IdType::kEmail);
  EXPECT_EQ(e.identifiers[2].type, IdType::kWebsite);
  const Identifier& pass = e.identifiers[3];
  EXPECT_EQ(pass.type, IdType::kPassport);
  EXPECT_EQ(pass.value, "АБ123");
  EXPECT_EQ(pass.country, "RU");
  EXPECT_EQ(pass.label, "National passport");
  EXPECT_EQ(pass.note,
            "latin AB123; issued by FMS 770-001; issued 2015-01-02; diplomatic; known false; "
            "(diplomatic passport)");
  EXPECT_EQ(e.identifiers[4].type, IdType::kTaxId);
  EXPECT_EQ(e.identifiers[4].value, "770100123456");
  EXPECT_EQ(e.identifiers[4].country, "");
  EXPECT_EQ(e.identifiers[5].type, IdType::kOther);
  EXPECT_EQ(e.identifiers[6].type, IdType::kTaxId);  // unknown code, typed from "VAT number"
  EXPECT_EQ(e.identifiers[6].note, "country ATLANTIS");
  EXPECT_EQ(e.remarks, "First remark.\nSecond  remark.");

  std::vector<std::string> messages;
  for (const Diagnostic& d : list->diagnostics.items()) messages.push_back(d.message);
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "nameAlias without wholeName or name parts; ignored",
                "birthdate '1390' in calendar ISLAMIC; left out",
                "birthdate without a year (month '3', day ''); left out",
                "unknown identificationTypeCode 'vatnumber'; typed from its description as "
                "tax_id (reported once per file)",
                "unknown element <futureElement> ignored (reported once per file)",
            }))
      << Messages(list->diagnostics);
  EXPECT_EQ(list->diagnostics.items()[0].location, "line 11, sanctionEntity[1]/nameAlias[5]");
  EXPECT_EQ(list->diagnostics.items()[0].record_id, "139089");
}

TEST(EuFsfTest, EnterpriseFunctionGoesToRemarksAndCodesMapToKinds) {
  Result<ParsedList> list = Parse(Doc(
      "<sanctionEntity logicalId=\"1\"><subjectType code=\"enterprise\" classificationCode=\"E\"/>"
      "<nameAlias wholeName=\"ACME SHIPPING\" function=\"Ship management\" strong=\"true\"/>"
      "<identification number=\"9123456\" identificationTypeCode=\"imo\" "
      "identificationTypeDescription=\"IMO number\"/></sanctionEntity>\n"
      "<sanctionEntity logicalId=\"2\"><subjectType code=\"\" classificationCode=\"P\"/>"
      "<nameAlias wholeName=\"JANE ROE\"/></sanctionEntity>\n"
      "<sanctionEntity logicalId=\"3\"><subjectType code=\"vessel\" classificationCode=\"V\"/>"
      "<nameAlias wholeName=\"SEA STAR\"/></sanctionEntity>\n"
      "<sanctionEntity logicalId=\"4\"><nameAlias wholeName=\"NOBODY "
      "KNOWS\"/></sanctionEntity>\n"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 4u);
  const Entity& acme = list->entities[0];
  EXPECT_EQ(acme.kind, EntityKind::kOrganization);
  EXPECT_TRUE(acme.titles.empty());
  EXPECT_EQ(acme.remarks, "Ship management");
  ASSERT_EQ(acme.identifiers.size(), 1u);
  EXPECT_EQ(acme.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(list->entities[1].kind, EntityKind::kPerson);
  EXPECT_EQ(list->entities[2].kind, EntityKind::kUnknown);
  EXPECT_EQ(list->entities[3].kind, EntityKind::kUnknown);
  ASSERT_EQ(list->diagnostics.size(), 2u) << Messages(list->diagnostics);
  EXPECT_EQ(list->diagnostics.items()[0].ToString(),
            "eu.xml: line 5, sanctionEntity[3]/subjectType (3): warning: unknown subjectType "
            "code 'vessel' (classificationCode 'V'); kind left unknown");
  EXPECT_EQ(list->diagnostics.items()[1].message, "no subjectType; kind left unknown");
}

TEST(EuFsfTest, PrimaryNameFallsBackToStrongThenFirst) {
  Result<ParsedList> list = Parse(
      Doc("<sanctionEntity logicalId=\"1\"><subjectType code=\"person\"/>"
          "<nameAlias wholeName=\"Weak One\" strong=\"false\"/>"
          "<nameAlias wholeName=\"Nom Français\" nameLanguage=\"FR\" strong=\"true\"/>"
          "</sanctionEntity>\n"
          "<sanctionEntity logicalId=\"2\"><subjectType code=\"person\"/>"
          "<nameAlias wholeName=\"Weak A\" strong=\"false\"/>"
          "<nameAlias wholeName=\"Weak B\" strong=\"false\"/></sanctionEntity>\n"
          "<sanctionEntity logicalId=\"3\"><subjectType code=\"person\"/>"
          "<nameAlias wholeName=\"Nickname\" strong=\"true\"/>"
          "<nameAlias wholeName=\"Nickname\" strong=\"false\"/>"
          "<nameAlias firstName=\"John\" lastName=\"Roe\" wholeName=\"John Roe\" strong=\"true\"/>"
          "</sanctionEntity>\n"));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 3u);
  EXPECT_EQ(list->entities[0].names[0].full, "Nom Français");
  EXPECT_EQ(list->entities[0].names[0].language, "fr");
  EXPECT_EQ(list->entities[1].names[0].full, "Weak A");
  EXPECT_EQ(list->entities[1].names[0].type, NameType::kPrimary);
  const Entity& e3 = list->entities[2];
  ASSERT_EQ(e3.names.size(), 2u);  // the weak repeat of "Nickname" folds into the strong one
  EXPECT_EQ(e3.names[0].full, "John Roe");
  EXPECT_EQ(e3.names[1].full, "Nickname");
  EXPECT_EQ(e3.names[1].quality, NameQuality::kStrong);
  EXPECT_TRUE(list->diagnostics.empty()) << Messages(list->diagnostics);
}

// --- Hostile and broken inputs.

TEST(EuFsfTest, RecordWithoutNameIsSkippedAndOthersKept) {
  Result<ParsedList> list =
      Parse(Doc(Person("1", "Alpha") + Person("2", "", "<nameAlias wholeName=\" \"/>") +
                Person("3", "Gamma")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->entities.size(), 2u);
  EXPECT_EQ(list->entities[1].source_id, "3");
  EXPECT_EQ(list->entities[1].provenance.locator, "line 5");
  EXPECT_EQ(list->diagnostics.skipped(), 1u);
  EXPECT_EQ(list->diagnostics.items().back().ToString(),
            "eu.xml: line 4, sanctionEntity[2] (2): skipped: sanctionEntity has no name (no "
            "nameAlias with a wholeName or name parts); skipped");
}

TEST(EuFsfTest, TruncatedFileIsRefusedWhole) {
  std::string bytes =
      testing::ReadFileOrDie(testing::TestPath("lists/eu/testdata/sample_excerpt.xml"));
  EXPECT_THAT(Parse(bytes.substr(0, bytes.size() / 2), "cut.xml").status(),
              StatusIs(StatusCode::kDataLoss, "cut.xml: line "));
  size_t end_of_first = bytes.find("</sanctionEntity>") + 17;
  EXPECT_THAT(Parse(bytes.substr(0, end_of_first), "cut.xml").status(),
              StatusIs(StatusCode::kDataLoss, "cut.xml: line "));
}

TEST(EuFsfTest, BinaryAndEmptyFilesAreRefused) {
  EXPECT_THAT(Parse(std::string("PK\x03\x04\x14\0\0\0\x08\0", 10), "eu.zip").status(),
              StatusIs(StatusCode::kDataLoss, "eu.zip: binary data"));
  EXPECT_THAT(Parse("", "empty.xml").status(),
              StatusIs(StatusCode::kDataLoss, "empty.xml: file is empty"));
}

TEST(EuFsfTest, WrongRootIsRefused) {
  std::string un = testing::ReadFileOrDie(testing::TestPath("lists/un/testdata/excerpt.xml"));
  EXPECT_THAT(Parse(un, "consolidated.xml").status(),
              StatusIs(StatusCode::kDataLoss,
                       "consolidated.xml: root element <CONSOLIDATED_LIST> is not <export>"));
  EXPECT_THAT(Parse("<sdnList><sanctionEntity logicalId=\"1\"/></sdnList>", "sdn.xml").status(),
              StatusIs(StatusCode::kDataLoss, "sdn.xml: root element <sdnList>"));
}

TEST(EuFsfTest, ExportWithoutRecordsIsRefused) {
  EXPECT_THAT(Parse(Doc("")).status(),
              StatusIs(StatusCode::kDataLoss, "eu.xml: no sanctionEntity records"));
}

TEST(EuFsfTest, InvalidUtf8IsRefusedWithItsLine) {
  std::string bad = Doc(Person("1", "Ok") + Person("2", "Bad \xC3\x28 name"));
  EXPECT_THAT(Parse(bad, "bad.xml").status(), StatusIs(StatusCode::kDataLoss, "bad.xml: line 4"));
}

TEST(EuFsfTest, OneMegabyteRemarkIsKeptWhole) {
  std::string big(1 << 20, 'y');
  Result<ParsedList> list = Parse(Doc(Person("1", "A", "<remark>" + big + "</remark>")));
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  EXPECT_EQ(list->entities.at(0).remarks.size(), big.size());
}

// --- The shared format sample (7 records, the only FSF file in shared data).

TEST(EuFsfTest, SharedSample) {
  const std::string path = testing::SharedDataPath("lists/eu/sample_eu_sanctions.xml");
  if (!testing::FileExists(path)) GTEST_SKIP() << "no " << path;
  std::string bytes = testing::ReadFileOrDie(path);
  auto start = std::chrono::steady_clock::now();
  Result<ParsedList> list = ParseEuFsfXml(InputFile{path, bytes});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  std::printf("[ timing   ] ParseEuFsfXml %zu bytes: %.4f s\n", bytes.size(), seconds);
  EXPECT_EQ(list->entities.size(), 7u);
  EXPECT_TRUE(list->diagnostics.empty()) << Messages(list->diagnostics);
  EXPECT_EQ(list->version.as_of, "2020-04-15T15:29:22.497+02:00");
  EXPECT_EQ(list->version.format, "eu_fsf_xml");
  for (const Entity& e : list->entities) {
    EXPECT_EQ(e.kind, EntityKind::kPerson) << e.source_id;
    EXPECT_EQ(e.programs, std::vector<std::string>{"IRQ"}) << e.source_id;
    EXPECT_EQ(e.citizenships, std::vector<std::string>{"IQ"}) << e.source_id;
    EXPECT_FALSE(e.reference.empty()) << e.source_id;
  }
  const Entity& saddam = list->entities[0];
  EXPECT_EQ(saddam.source_id, "13");
  EXPECT_EQ(saddam.reference, "EU.27.28");
  EXPECT_EQ(saddam.names[0].full, "Saddam Hussein Al-Tikriti");
  ASSERT_EQ(saddam.dates_of_birth.size(), 1u);
  EXPECT_EQ(saddam.dates_of_birth[0].from.ToString(), "1937-04-28");
  EXPECT_EQ(saddam.places_of_birth, std::vector<std::string>{"al-Awja, near Tikrit, IRAQ"});
  EXPECT_EQ(saddam.remarks, "UNSC RESOLUTION 1483");
  EXPECT_EQ(saddam.provenance.locator, "line 3");
}

}  // namespace
}  // namespace interdict::lists
