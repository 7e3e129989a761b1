#include "lists/common.h"

#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lists/registry.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(IdTypeFromLabelTest, MapsListLabels) {
  EXPECT_EQ(IdTypeFromLabel("Passport"), IdType::kPassport);
  EXPECT_EQ(IdTypeFromLabel("Diplomatic Passport"), IdType::kPassport);
  EXPECT_EQ(IdTypeFromLabel("National ID No."), IdType::kNationalId);
  EXPECT_EQ(IdTypeFromLabel("Tax ID No."), IdType::kTaxId);
  EXPECT_EQ(IdTypeFromLabel("SWIFT/BIC"), IdType::kSwiftBic);
  EXPECT_EQ(IdTypeFromLabel("Vessel Registration Identification"), IdType::kImo);
  EXPECT_EQ(IdTypeFromLabel("IMO"), IdType::kImo);
  EXPECT_EQ(IdTypeFromLabel("MMSI"), IdType::kMmsi);
  EXPECT_EQ(IdTypeFromLabel("Digital Currency Address - XBT"), IdType::kDigitalCurrencyAddress);
  EXPECT_EQ(IdTypeFromLabel("Aircraft Manufacturer's Serial Number (MSN)"),
            IdType::kAircraftSerial);
  EXPECT_EQ(IdTypeFromLabel("Aircraft Tail Number"), IdType::kAircraftRegistration);
  EXPECT_EQ(IdTypeFromLabel("Registration Number"), IdType::kCompanyRegistration);
  EXPECT_EQ(IdTypeFromLabel("Website"), IdType::kWebsite);
  EXPECT_EQ(IdTypeFromLabel("Email Address"), IdType::kEmail);
  EXPECT_EQ(IdTypeFromLabel("RUC #"), IdType::kTaxId);
  EXPECT_EQ(IdTypeFromLabel("Gender"), IdType::kOther);
  // "inn" only as a word: "Innovation" is not a tax id label.
  EXPECT_EQ(IdTypeFromLabel("Innovation certificate"), IdType::kOther);
}

TEST(IdTypeFromLabelTest, KnowsTinAndTaxpayer) {
  EXPECT_EQ(IdTypeFromLabel("TIN"), IdType::kTaxId);
  EXPECT_EQ(IdTypeFromLabel("Russian taxpayer ID"), IdType::kTaxId);
  EXPECT_EQ(IdTypeFromLabel("Taxpayer Identification Number"), IdType::kTaxId);
  EXPECT_EQ(IdTypeFromLabel("OGRN: 1157847282603  TIN"), IdType::kTaxId);
  EXPECT_EQ(IdTypeFromLabel("OGRN"), IdType::kCompanyRegistration);
  // "tin" only as a word.
  EXPECT_EQ(IdTypeFromLabel("Tinsmith"), IdType::kOther);
  EXPECT_EQ(IdTypeFromLabel("Martin Registry Card"), IdType::kOther);
}

TEST(IdTypeFromLabelTest, LeavesRussianBankCodeAsOther) {
  // BIK is the Russian central bank's 9-digit bank code, not a SWIFT/BIC: typing it kSwiftBic
  // would compare it with SWIFT codes.
  EXPECT_EQ(IdTypeFromLabel("BIK (RU)"), IdType::kOther);
}

TEST(FinishEntityTest, DetectsScriptsDropsEmptyAndDuplicateNames) {
  Entity e;
  e.names.push_back(Name{.full = " Сергей Шойгу "});
  e.names.push_back(Name{.full = "   ", .type = NameType::kAka});
  e.names.push_back(Name{.full = "Sergei Shoigu", .type = NameType::kAka});
  e.names.push_back(Name{.full = "Sergei Shoigu", .type = NameType::kAka});
  FinishEntity(&e);
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].full, "Сергей Шойгу");
  EXPECT_EQ(e.names[0].script, Script::kCyrillic);
  EXPECT_EQ(e.names[1].script, Script::kLatin);
}

TEST(RegistryTest, FormatCodesRoundTrip) {
  for (ListFormat f : AllListFormats()) {
    auto back = ListFormatFromCode(ListFormatCode(f));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, f);
  }
  EXPECT_FALSE(ListFormatFromCode("pdf").has_value());
}

TEST(RegistryTest, RejectsWrongFileSets) {
  std::vector<InputFile> none;
  EXPECT_THAT(ParseList(ListFormat::kUnXml, ListSource::kUn, none).status(),
              StatusIs(StatusCode::kInvalidArgument, "no file"));
  std::vector<InputFile> two = {{"a.xml", "<a/>"}, {"b.xml", "<b/>"}};
  EXPECT_THAT(ParseList(ListFormat::kUnXml, ListSource::kUn, two).status(),
              StatusIs(StatusCode::kInvalidArgument, "exactly one file"));
  std::vector<InputFile> alt_only = {{"alt.csv", ""}};
  EXPECT_THAT(ParseList(ListFormat::kOfacCsv, ListSource::kOfacSdn, alt_only).status(),
              StatusIs(StatusCode::kInvalidArgument, "no primary file"));
  std::vector<InputFile> one = {{"sdn.csv", "x"}};
  EXPECT_THAT(ParseList(ListFormat::kOfacCsv, ListSource::kUn, one).status(),
              StatusIs(StatusCode::kInvalidArgument, "ofac_sdn or ofac_nonsdn"));
}

TEST(NewParsedListTest, SetsSourceFormatAndFile) {
  ParsedList list = NewParsedList(ListSource::kUn, "un_xml", InputFile{"dir/un.xml", "abc"});
  EXPECT_EQ(list.version.source, ListSource::kUn);
  EXPECT_EQ(list.version.format, "un_xml");
  ASSERT_EQ(list.version.files.size(), 1u);
  EXPECT_EQ(list.version.files[0].name, "un.xml");
  EXPECT_EQ(list.version.files[0].size, 3u);
  EXPECT_TRUE(list.entities.empty());
}

TEST(CleanTextTest, TrimsAndFoldsWhitespace) {
  EXPECT_EQ(CleanText("  Tehran,\n    Iran  "), "Tehran, Iran");
  EXPECT_EQ(CleanText("a\t\tb"), "a b");
  EXPECT_EQ(CleanText(" \n "), "");
}

TEST(JoinNonEmptyTest, SkipsEmptyPartsAndDoesNotTrim) {
  EXPECT_EQ(JoinNonEmpty({"Dubai", "", "AE"}, ", "), "Dubai, AE");
  EXPECT_EQ(JoinNonEmpty({"", ""}, ", "), "");
  EXPECT_EQ(JoinNonEmpty({" a "}, "; "), " a ");
  std::vector<std::string> parts = {"", "x", "y", ""};
  EXPECT_EQ(JoinNonEmpty(parts, "\n"), "x\ny");
  EXPECT_EQ(JoinNonEmpty(std::vector<std::string>{}, "\n"), "");
}

TEST(IsUpperAlpha2Test, OnlyTwoUpperCaseLetters) {
  EXPECT_TRUE(IsUpperAlpha2("CN"));
  EXPECT_FALSE(IsUpperAlpha2("cn"));
  EXPECT_FALSE(IsUpperAlpha2("C1"));
  EXPECT_FALSE(IsUpperAlpha2("CHN"));
  EXPECT_FALSE(IsUpperAlpha2(""));
}

TEST(OneLineTest, JoinsLinesInsideAFieldAndKeepsPlainSpaces) {
  EXPECT_EQ(OneLine("Gaobeidian Kaituo Precise Instrument\nCo. Ltd "),
            "Gaobeidian Kaituo Precise Instrument Co. Ltd");
  EXPECT_EQ(OneLine("Government Flying Service \n\n"), "Government Flying Service");
  EXPECT_EQ(OneLine("Room 112 & 6\r\n  Pudong"), "Room 112 & 6 Pudong");
  EXPECT_EQ(OneLine("AL-NASER  AIRLINES"), "AL-NASER  AIRLINES");  // as written
  EXPECT_EQ(OneLine("Ali\t\tHassan"), "Ali Hassan");
  EXPECT_EQ(OneLine("a  \r\n  b  c"), "a b  c");
}

TEST(ReplaceInvalidUtf8Test, ReplacesBadBytesOnly) {
  EXPECT_EQ(ReplaceInvalidUtf8("Xi\xE2\x80\x99"
                               "an"),
            "Xi\xE2\x80\x99"
            "an");  // valid: unchanged
  EXPECT_EQ(ReplaceInvalidUtf8("Xi\x92"
                               "an"),
            "Xi\xEF\xBF\xBD"
            "an");
  EXPECT_EQ(ReplaceInvalidUtf8("\xFF\xFE"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(ReplaceInvalidUtf8(""), "");
}

TEST(AddNameTest, KeepsFirstAndUpgradesQuality) {
  Entity e;
  AddName(&e, Name{.full = "ALI", .type = NameType::kAka, .quality = NameQuality::kWeak});
  AddName(&e, Name{.full = "ALI", .type = NameType::kAka});  // strong duplicate
  AddName(&e, Name{.full = ""});
  AddName(&e, Name{.full = "ALI HASSAN", .type = NameType::kAka, .quality = NameQuality::kWeak});
  AddName(&e, Name{.full = "ALI HASSAN", .type = NameType::kAka, .quality = NameQuality::kWeak});
  ASSERT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.names[0].quality, NameQuality::kStrong);
  EXPECT_EQ(e.names[1].quality, NameQuality::kWeak);
}

TEST(AddDateOfBirthTest, DropsExactDuplicates) {
  Entity e;
  DateOfBirth a{.from = {.year = 1960}, .to = {.year = 1960}};
  AddDateOfBirth(&e, a);
  AddDateOfBirth(&e, a);
  a.circa = true;
  AddDateOfBirth(&e, a);
  EXPECT_EQ(e.dates_of_birth.size(), 2u);
}

TEST(DateBeforeTest, ComparesYearMonthDay) {
  EXPECT_TRUE(DateBefore({.year = 1960}, {.year = 1961}));
  EXPECT_TRUE(DateBefore({.year = 1960}, {.year = 1960, .month = 1}));
  EXPECT_TRUE(
      DateBefore({.year = 1960, .month = 2, .day = 9}, {.year = 1960, .month = 2, .day = 10}));
  EXPECT_FALSE(DateBefore({.year = 1960, .month = 2}, {.year = 1960, .month = 2}));
  EXPECT_FALSE(DateBefore({.year = 1961}, {.year = 1960, .month = 12}));
}

TEST(LocationTest, LinesAndXmlPaths) {
  EXPECT_EQ(LineLocation(7), "line 7");
  EXPECT_EQ(XmlRecordLocation(12, "INDIVIDUAL[3]", "DATAID"), "line 12, INDIVIDUAL[3]/DATAID");
  EXPECT_EQ(XmlRecordLocation(4, "sdnEntry", ""), "line 4, sdnEntry");
}

TEST(CellAtTest, TrimsAndToleratesAbsentColumnsAndShortRows) {
  std::vector<std::string> row = {" a ", "b"};
  EXPECT_EQ(CellAt(row, 0), "a");
  EXPECT_EQ(CellAt(row, 1), "b");
  EXPECT_EQ(CellAt(row, 2), "");
  EXPECT_EQ(CellAt(row, kAbsentColumn), "");
}

TEST(OfacLabelKeyTest, LowerCasesAndStripsMarks) {
  EXPECT_EQ(OfacLabelKey(" Secondary sanctions risk: "), "secondary sanctions risk");
  EXPECT_EQ(OfacLabelKey("IFCA Determination -"), "ifca determination");
  EXPECT_EQ(OfacLabelKey("Passport"), "passport");
  EXPECT_EQ(OfacLabelKey(":-"), "");
}

TEST(IsOfacSanctionNoteKeyTest, KnowsStatementLabels) {
  EXPECT_TRUE(IsOfacSanctionNoteKey("secondary sanctions risk"));
  EXPECT_TRUE(IsOfacSanctionNoteKey("executive order 14024 directive information"));
  EXPECT_TRUE(IsOfacSanctionNoteKey("listing date (cmic)"));
  EXPECT_TRUE(IsOfacSanctionNoteKey("target type"));
  EXPECT_FALSE(IsOfacSanctionNoteKey("passport"));
  EXPECT_FALSE(IsOfacSanctionNoteKey("gender"));
}

TEST(FindLinkedToNamesTest, ReadsEveryStatement) {
  EXPECT_THAT(FindLinkedToNames("(Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE)"),
              ElementsAre("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE"));
  EXPECT_THAT(FindLinkedToNames("Linked To: A; linked to: B.; Linked To: "),
              ElementsAre("A", "B."));
  EXPECT_THAT(FindLinkedToNames("no links"), IsEmpty());
}

}  // namespace
}  // namespace interdict::lists
