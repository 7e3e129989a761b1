#include "lists/uk/uk_ofsi_fields.h"

#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace interdict::lists::uk_ofsi_internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "first-last:text" per item, for compact expectations.
std::vector<std::string> Items(std::string_view cell) {
  std::vector<std::string> out;
  for (const NumberedItem& it : SplitNumbered(cell)) {
    out.push_back(std::to_string(it.first) + "-" + std::to_string(it.last) + ":" +
                  std::string(it.text));
  }
  return out;
}

std::vector<std::string> Strings(const std::vector<std::string_view>& views) {
  return std::vector<std::string>(views.begin(), views.end());
}

TEST(SplitNumberedTest, UnnumberedCellIsOneItem) {
  EXPECT_THAT(Items("Russia"), ElementsAre("0-0:Russia"));
  EXPECT_THAT(Items("  Germany. Russia. "), ElementsAre("0-0:Germany. Russia"));
  EXPECT_THAT(Items(""), ElementsAre("0-0:"));
  EXPECT_THAT(Items("-"), ElementsAre("0-0:"));
  // Parentheses that are not a leading marker are text.
  EXPECT_THAT(Items("Leningrad (St Petersburg)"), ElementsAre("0-0:Leningrad (St Petersburg)"));
}

TEST(SplitNumberedTest, NumberedItemsLoseTrailingPunctuation) {
  EXPECT_THAT(Items("(1) Germany. (2) Morocco"), ElementsAre("1-1:Germany", "2-2:Morocco"));
  EXPECT_THAT(Items("(1) South Africa. (2) Zimbabwe."),
              ElementsAre("1-1:South Africa", "2-2:Zimbabwe"));
  EXPECT_THAT(Items("(1) Uganda (2) Uganda (3)Uganda"),
              ElementsAre("1-1:Uganda", "2-2:Uganda", "3-3:Uganda"));
  EXPECT_THAT(Items("(1) Bulgaria\xC2\xA0(2) Russia"), ElementsAre("1-1:Bulgaria", "2-2:Russia"));
  EXPECT_THAT(Items("(1) 21.495.350. (2) 72180017"), ElementsAre("1-1:21.495.350", "2-2:72180017"));
  EXPECT_THAT(Items("(1) 01/02/1960 (2) 1961"), ElementsAre("1-1:01/02/1960", "2-2:1961"));
}

TEST(SplitNumberedTest, DashMeansNone) {
  EXPECT_THAT(Items("(1) Tunis (2) - (3) -"), ElementsAre("1-1:Tunis", "2-2:", "3-3:"));
  EXPECT_THAT(Items("(1) - (2) Shabwa"), ElementsAre("1-1:", "2-2:Shabwa"));
}

TEST(SplitNumberedTest, Ranges) {
  EXPECT_THAT(Items("(1-3) Libya (4) Morocco"), ElementsAre("1-3:Libya", "4-4:Morocco"));
  EXPECT_THAT(Items("(1) to (6) Algeria (7) Morocco"), ElementsAre("1-6:Algeria", "7-7:Morocco"));
}

TEST(SplitNumberedTest, MarkersMustContinueTheSequence) {
  // "(17)" in a phone number and "(2016)" in text are not markers.
  EXPECT_THAT(Items("(1) +375 (17) 213-41-63 (2) +375 (17) 215-40-51"),
              ElementsAre("1-1:+375 (17) 213-41-63", "2-2:+375 (17) 215-40-51"));
  EXPECT_THAT(Items("(1) resolution 2270 (2016) (2) other"),
              ElementsAre("1-1:resolution 2270 (2016)", "2-2:other"));
  EXPECT_THAT(Items("(1) Unit (04-01) (2) x"), ElementsAre("1-1:Unit (04-01)", "2-2:x"));
  EXPECT_THAT(Items("(1) a (1) b"), ElementsAre("1-1:a (1) b"));
}

TEST(PairNumberedTest, PairsByIndex) {
  auto pairs = PairNumbered(SplitNumbered("(1) Ndele (2) Algenana"),
                            SplitNumbered("(1) Central African Republic (2) Sudan"));
  using P = std::pair<std::string_view, std::string_view>;
  EXPECT_THAT(pairs, ElementsAre(P{"Ndele", "Central African Republic"}, P{"Algenana", "Sudan"}));
  // An unnumbered side applies to every index.
  EXPECT_THAT(
      PairNumbered(SplitNumbered("(1) Akobo (2) Uror County"), SplitNumbered("South Sudan")),
      ElementsAre(P{"Akobo", "South Sudan"}, P{"Uror County", "South Sudan"}));
  // Ranges cover their indexes; duplicates and empty pairs are dropped.
  EXPECT_THAT(PairNumbered(SplitNumbered("(1) Tiaret (2) Algiers (3) -"),
                           SplitNumbered("(1) to (2) Algeria (3) Morocco")),
              ElementsAre(P{"Tiaret", "Algeria"}, P{"Algiers", "Algeria"}, P{"", "Morocco"}));
  EXPECT_THAT(PairNumbered(SplitNumbered(""), SplitNumbered("")), IsEmpty());
  EXPECT_THAT(PairNumbered(SplitNumbered("Kabul"), SplitNumbered("")), ElementsAre(P{"Kabul", ""}));
}

TEST(SplitTaggedItemsTest, SplitsAtKnownTagsOnly) {
  std::vector<TaggedItem> items = SplitTaggedItems(
      "(UK Sanctions List Ref):GHR0086. (UK Statement of Reasons):He is a cleric (“Pir”) per "
      "resolution 2270 (2016): text. (Phone number):(Fax): +375 1 (Tel): +375 2 (gender):Male");
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].tag, "UK Sanctions List Ref");
  EXPECT_EQ(items[0].value, "GHR0086.");
  EXPECT_EQ(items[1].tag, "UK Statement of Reasons");
  EXPECT_EQ(items[1].value, "He is a cleric (“Pir”) per resolution 2270 (2016): text.");
  EXPECT_EQ(items[2].tag, "Phone number");
  EXPECT_EQ(items[2].value, "(Fax): +375 1 (Tel): +375 2");
  EXPECT_EQ(items[3].tag, "gender");
  EXPECT_EQ(items[3].value, "Male");
  EXPECT_THAT(SplitTaggedItems("no tags (at all): here"), IsEmpty());
  EXPECT_THAT(SplitTaggedItems("((((((("), IsEmpty());
}

TEST(LeadingReferenceTest, TakesTheCodeBeforeAnyText) {
  EXPECT_EQ(LeadingReference("RUS0159. Financial sanctions imposed ..."), "RUS0159");
  EXPECT_EQ(LeadingReference(" CTI0060."), "CTI0060");
  EXPECT_EQ(LeadingReference("INU0082 and SYR0310"), "INU0082");
  EXPECT_EQ(LeadingReference(". nothing"), "");
}

TEST(SplitNameListTest, NumberedSentencesAndLines) {
  EXPECT_THAT(Strings(SplitNameList("(1) OOO SCF Arctic (2) PAO Novoship; (3) SCF (UK) Ltd")),
              ElementsAre("OOO SCF Arctic", "PAO Novoship", "SCF (UK) Ltd"));
  EXPECT_THAT(Strings(SplitNameList("Ansar Bank. Mehr Bank")),
              ElementsAre("Ansar Bank", "Mehr Bank"));
  EXPECT_THAT(Strings(SplitNameList("Kolmar LLC \nKolmar-Tour LLC \nJSC Inaglinsky")),
              ElementsAre("Kolmar LLC", "Kolmar-Tour LLC", "JSC Inaglinsky"));
  // Abbreviations, initials and parentheses do not end a name.
  EXPECT_THAT(Strings(SplitNameList("Institute named after S.A. Khristianovich")),
              ElementsAre("Institute named after S.A. Khristianovich"));
  EXPECT_THAT(Strings(SplitNameList("Port of St. Petersburg. Kerch Fish Port. ")),
              ElementsAre("Port of St. Petersburg", "Kerch Fish Port"));
  EXPECT_THAT(Strings(SplitNameList("ASHOK Co., Ltd. (alternate spelling: Thawka. Ltd). Aung Co")),
              ElementsAre("ASHOK Co., Ltd. (alternate spelling: Thawka. Ltd)", "Aung Co"));
  EXPECT_THAT(SplitNameList(""), IsEmpty());
}

TEST(SplitAddressTokensTest, UrlsAndEmails) {
  EXPECT_THAT(Strings(SplitAddressTokens("info@140zavod.org. www.140zavod.by")),
              ElementsAre("info@140zavod.org", "www.140zavod.by"));
  EXPECT_THAT(Strings(SplitAddressTokens("(1) https://www.a.co.uk (2) www.b.co.uk ")),
              ElementsAre("https://www.a.co.uk", "www.b.co.uk"));
  EXPECT_THAT(Strings(SplitAddressTokens("www.sashiraz.co.ir, www.sashirazco.com and more")),
              ElementsAre("www.sashiraz.co.ir", "www.sashirazco.com"));
}

TEST(SplitPhoneNumbersTest, NumbersLabelsAndSeparators) {
  EXPECT_THAT(Strings(SplitPhoneNumbers("+963-11-2210404. +963-11-2219400")),
              ElementsAre("+963-11-2210404", "+963-11-2219400"));
  EXPECT_THAT(Strings(SplitPhoneNumbers("(Fax): +375 (17) 213-41-63  (Tel): +375 (17) 215-40-51")),
              ElementsAre("+375 (17) 213-41-63", "+375 (17) 215-40-51"));
  EXPECT_THAT(Strings(SplitPhoneNumbers("(1) 0098 311 4511740 (2) +98 (311) 4518095 (Fax): (1) "
                                        "0098 311 4518085")),
              ElementsAre("0098 311 4511740", "+98 (311) 4518095", "0098 311 4518085"));
  EXPECT_THAT(Strings(SplitPhoneNumbers("n/a")), IsEmpty());
}

std::vector<std::string> Registrations(std::string_view text) {
  std::vector<std::string> out;
  for (const Identifier& id : ParseRegistrationNumbers(text)) {
    out.push_back(std::string(IdTypeName(id.type)) + " " + id.value + " [" + id.label + "]" +
                  (id.country.empty() ? "" : " " + id.country) +
                  (id.note.empty() ? "" : " {" + id.note + "}"));
  }
  return out;
}

TEST(ParseRegistrationNumbersTest, LabelledNumbers) {
  EXPECT_THAT(Registrations("(1) INN: 9723038796 (2) OGRN: 5177746268530"),
              ElementsAre("tax_id 9723038796 [INN]", "company_registration 5177746268530 [OGRN]"));
  EXPECT_THAT(Registrations("\"OGRN: 1157847282603  TIN: 7840038027\""),
              ElementsAre("company_registration 1157847282603 [OGRN]", "tax_id 7840038027 [TIN]"));
  EXPECT_THAT(Registrations("104099424"),
              ElementsAre("company_registration 104099424 [Business Reg No]"));
  EXPECT_THAT(Registrations("9709056472 - Russia INN"),
              ElementsAre("tax_id 9709056472 [Russia INN] RU"));
  EXPECT_THAT(Registrations("1027739339715 (Russia)"),
              ElementsAre("company_registration 1027739339715 [Business Reg No] RU"));
  EXPECT_THAT(Registrations("1157746244017 (Russia). Tax ID No. 7703226533 (Russia)"),
              ElementsAre("company_registration 1157746244017 [Business Reg No] RU",
                          "tax_id 7703226533 [Tax ID No] RU"));
  // A date is not a number; "(1)" markers and "·" are not labels.
  EXPECT_THAT(Registrations("1067746244026 dated 27/07/1992. Tax ID: 7705713236"),
              ElementsAre("company_registration 1067746244026 [Business Reg No]",
                          "tax_id 7705713236 [Tax ID]"));
  EXPECT_THAT(Registrations("0127108975400001 \xC2\xB7 371692-5"),
              ElementsAre("company_registration 0127108975400001 [Business Reg No]",
                          "company_registration 371692-5 [Business Reg No]"));
  EXPECT_THAT(Registrations("(1) 440111000105746 (Company registration number)"),
              ElementsAre("company_registration 440111000105746 [Company registration number]"));
  EXPECT_THAT(Registrations("UK Company no. 06527449"),
              ElementsAre("company_registration 06527449 [UK Company no] GB"));
  EXPECT_THAT(Registrations("no number here"), IsEmpty());
}

TEST(BuildAddressTest, AddressSixIsTheTownUnlessItNamesARegion) {
  Address a = BuildAddress("Premises 48H, Liter A", "72 Propekt Kondrat'evskii", "", "", "",
                           "Saint Petersburg", "195271", "Russia");
  EXPECT_EQ(a.street, "Premises 48H, Liter A, 72 Propekt Kondrat'evskii");
  EXPECT_EQ(a.city, "Saint Petersburg");
  EXPECT_EQ(a.region, "");
  EXPECT_EQ(a.postal_code, "195271");
  EXPECT_EQ(a.country_name, "Russia");
  EXPECT_EQ(a.country, "");  // resolved by the caller

  Address b = BuildAddress("No. 260, Chang'an Road", "Jiangbin Industrial Zone", "", "",
                           "Jinhua City", "Zhejiang Province", "", "China");
  EXPECT_EQ(b.street, "No. 260, Chang'an Road, Jiangbin Industrial Zone");
  EXPECT_EQ(b.city, "Jinhua City");
  EXPECT_EQ(b.region, "Zhejiang Province");

  Address c = BuildAddress("Room 2105", "", "", "29-31 Cheung Lee Street", "Chai Wan", "Hong Kong",
                           "", "China");
  EXPECT_EQ(c.street, "Room 2105, 29-31 Cheung Lee Street, Chai Wan");
  EXPECT_EQ(c.city, "Hong Kong");

  Address d = BuildAddress("", "", "", "", "", "Idlib Governorate", "", "Syria");
  EXPECT_EQ(d.city, "");
  EXPECT_EQ(d.region, "Idlib Governorate");

  Address e = BuildAddress("", "", "", "", "Borisov", "", "", "Belarus");
  EXPECT_EQ(e.city, "Borisov");
}

TEST(LooksLikeRegionTest, Words) {
  EXPECT_TRUE(LooksLikeRegion("Kandahar province"));
  EXPECT_TRUE(LooksLikeRegion("Moscow Region"));
  EXPECT_TRUE(LooksLikeRegion("Federally Administered Tribal Areas (FATA)"));
  EXPECT_FALSE(LooksLikeRegion("Moscow"));
  EXPECT_FALSE(LooksLikeRegion("Statesville"));  // whole words only
}

TEST(LanguageCodeTest, LanguageNamesOnly) {
  EXPECT_EQ(LanguageCode("Russian"), "ru");
  EXPECT_EQ(LanguageCode(" persian/Farsi "), "fa");
  EXPECT_EQ(LanguageCode("Belarusian"), "be");
  EXPECT_EQ(LanguageCode("Chinese"), "zh");
  EXPECT_EQ(LanguageCode("Cyrillic"), "");
  EXPECT_EQ(LanguageCode("Russia"), "");
  EXPECT_EQ(LanguageCode(""), "");
}

TEST(IssuingCountryTest, FromDetails) {
  EXPECT_EQ(IssuingCountry("Philippines number. Expires 19 Jan. 2021"), "PH");
  EXPECT_EQ(IssuingCountry("Russia \xE2\x80\x93 INN Number"), "RU");
  EXPECT_EQ(IssuingCountry("UK Passport"), "GB");
  EXPECT_EQ(IssuingCountry("(Pakistan). Expires 11 Aug 2013"), "PK");
  EXPECT_EQ(IssuingCountry("Expires 21 Aug 2005 (Iraq)"), "IQ");
  EXPECT_EQ(IssuingCountry("Issued in Pakistan. Officially cancelled as of 2013."), "PK");
  EXPECT_EQ(IssuingCountry("Social Security Number (United States)"), "US");
  EXPECT_EQ(IssuingCountry("Indonesia National Identity Card"), "ID");
  EXPECT_EQ(IssuingCountry("Democratic Republic of the Congo number"), "CD");
  EXPECT_EQ(IssuingCountry("Country: Russia, Issue Date: 29/10/18"), "RU");
  // Short words are not country codes here.
  EXPECT_EQ(IssuingCountry("ID card"), "");
  EXPECT_EQ(IssuingCountry("as of 2006"), "");
  EXPECT_EQ(IssuingCountry("Valid from 20.5.2014 to 19.5.2019"), "");
  EXPECT_EQ(IssuingCountry(""), "");
}

TEST(ResolveCountryTest, DropsANoteInParentheses) {
  EXPECT_EQ(ResolveCountry("Russia"), "RU");
  EXPECT_EQ(ResolveCountry("Iraq (previous address)"), "IQ");
  EXPECT_EQ(ResolveCountry("Russian Federation (as at November 2010)"), "RU");
  EXPECT_EQ(ResolveCountry("Congo (Democratic Republic)"), "CD");
  EXPECT_EQ(ResolveCountry("Moscow"), "");
  EXPECT_EQ(ResolveCountry(""), "");
}

TEST(ResolveCountryListTest, NumberedAndPlainLists) {
  std::vector<std::string> unresolved;
  EXPECT_THAT(ResolveCountryList("(1) Germany. (2) Morocco", &unresolved), ElementsAre("DE", "MA"));
  EXPECT_THAT(ResolveCountryList("Germany. Russia", &unresolved), ElementsAre("DE", "RU"));
  EXPECT_THAT(ResolveCountryList("Estonia, Russia", &unresolved), ElementsAre("EE", "RU"));
  EXPECT_THAT(ResolveCountryList("(1) Russia (2) Russia", &unresolved), ElementsAre("RU"));
  EXPECT_THAT(unresolved, IsEmpty());
  EXPECT_THAT(ResolveCountryList("(1) Repubic of Moldova (2) Israel", &unresolved),
              ElementsAre("IL"));
  EXPECT_THAT(unresolved, ElementsAre("Repubic of Moldova"));
}

}  // namespace
}  // namespace interdict::lists::uk_ofsi_internal
