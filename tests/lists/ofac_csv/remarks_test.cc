#include "lists/ofac_csv/remarks.h"

#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace interdict::lists::ofac_csv_internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Facts(std::string_view remarks) {
  std::vector<std::string> out;
  for (std::string_view f : SplitRemarkFacts(remarks)) out.emplace_back(f);
  return out;
}

// Every case below is a real remarks value (or a piece of one) from the OFAC legacy CSV files
// in shared/data; the ent_num is given where the whole value is quoted.

TEST(SplitRemarkFactsTest, SplitsOnSemicolonSpace) {
  EXPECT_THAT(Facts("DOB 10 Dec 1948; Gender Male; nationality Russia."),
              ElementsAre("DOB 10 Dec 1948", "Gender Male", "nationality Russia."));
}

TEST(SplitRemarkFactsTest, SplitsWhereOfacForgotTheSpace) {
  // ent_num 7940.
  EXPECT_THAT(
      Facts("nationality possibly Palestinian;arrested 23 Apr 2002; a.k.a. 'ABU ALI'."),
      ElementsAre("nationality possibly Palestinian", "arrested 23 Apr 2002", "a.k.a. 'ABU ALI'."));
}

TEST(SplitRemarkFactsTest, KeepsParenthesesTogether) {
  // ent_num 11313: a parenthesised note with "; " inside.
  EXPECT_THAT(
      Facts("POB Eritrea; (Following data derived from an Eritrean passport: Alt. DOB: 10 October "
            "1969; Passport No.: 0310857, Eritrea, Issue Date 21 August 2006); nationality "
            "Somalia."),
      ElementsAre("POB Eritrea",
                  "(Following data derived from an Eritrean passport: Alt. DOB: 10 October 1969; "
                  "Passport No.: 0310857, Eritrea, Issue Date 21 August 2006)",
                  "nationality Somalia."));
}

TEST(SplitRemarkFactsTest, KeepsQuotedAliasTogether) {
  EXPECT_THAT(Facts("a.k.a. 'AB; CD'; a.k.a. 'ABU 'ABD AL-'AZIZ'; Linked To: X."),
              ElementsAre("a.k.a. 'AB; CD'", "a.k.a. 'ABU 'ABD AL-'AZIZ'", "Linked To: X."));
}

TEST(SplitRemarkFactsTest, UnclosedParenthesisDoesNotSwallowTheRest) {
  // ent_num 17018 of the 2024 file: cut at 1000 characters inside "(EO 14024 ...".
  EXPECT_THAT(Facts("Tax ID No. 7701 (Russia); Listing Date (EO 14024 Direct; DOB 1960"),
              ElementsAre("Tax ID No. 7701 (Russia)", "Listing Date (EO 14024 Direct", "DOB 1960"));
}

TEST(SplitRemarkFactsTest, UnclosedAliasQuoteDoesNotSwallowTheRest) {
  EXPECT_THAT(Facts("a.k.a. 'WHOIS HACKIN; DOB 1960; POB Iran"),
              ElementsAre("a.k.a. 'WHOIS HACKIN", "DOB 1960", "POB Iran"));
}

TEST(SplitRemarkFactsTest, DropsEmptyFacts) {
  // ent_num 42496 ends its remarks with ";".
  EXPECT_THAT(Facts("Digital Currency Address - XBT 18yWCu6agTxYqAerMxiz9sgHrK3ViezzGa;"),
              ElementsAre("Digital Currency Address - XBT 18yWCu6agTxYqAerMxiz9sgHrK3ViezzGa"));
  EXPECT_THAT(Facts(""), IsEmpty());
  EXPECT_THAT(Facts(" ; ;"), IsEmpty());
}

TEST(ParseRemarksTest, DatesOfBirth) {
  RemarkFacts f = ParseRemarks(
      "DOB 31 Aug 1960; alt. DOB 1961; DOB circa 1951; DOB 1960 to 1962; "
      "DOB 01 Jan 1964 to 31 Dec 1965; DOB Sep 1938.");
  ASSERT_EQ(f.dates_of_birth.size(), 6u);
  EXPECT_EQ(f.dates_of_birth[0].from.ToString(), "1960-08-31");
  EXPECT_FALSE(f.dates_of_birth[0].is_range());
  EXPECT_EQ(f.dates_of_birth[0].text, "31 Aug 1960");
  EXPECT_EQ(f.dates_of_birth[1].from.ToString(), "1961");
  EXPECT_TRUE(f.dates_of_birth[2].circa);
  EXPECT_EQ(f.dates_of_birth[2].from.ToString(), "1951");
  EXPECT_EQ(f.dates_of_birth[3].from.ToString(), "1960");
  EXPECT_EQ(f.dates_of_birth[3].to.ToString(), "1962");
  EXPECT_EQ(f.dates_of_birth[4].to.ToString(), "1965-12-31");
  EXPECT_EQ(f.dates_of_birth[5].from.ToString(), "1938-09");
  EXPECT_THAT(f.problems, IsEmpty());
  EXPECT_THAT(f.unknown, IsEmpty());
}

TEST(ParseRemarksTest, CircaRangeOfYears) {
  RemarkFacts f = ParseRemarks("DOB circa 1955-1958.");
  ASSERT_EQ(f.dates_of_birth.size(), 1u);
  EXPECT_TRUE(f.dates_of_birth[0].circa);
  EXPECT_EQ(f.dates_of_birth[0].from.ToString(), "1955");
  EXPECT_EQ(f.dates_of_birth[0].to.ToString(), "1958");
}

TEST(ParseRemarksTest, UnreadableDobIsAProblemNotAFact) {
  RemarkFacts f = ParseRemarks("DOB 31 Feb 1960; DOB sometime in the sixties.");
  EXPECT_THAT(f.dates_of_birth, IsEmpty());
  EXPECT_THAT(f.problems, ElementsAre("unreadable DOB '31 Feb 1960'",
                                      "unreadable DOB 'sometime in the sixties'"));
}

TEST(ParseRemarksTest, PersonFacts) {
  // ent_num 3754 (start).
  RemarkFacts f = ParseRemarks(
      "DOB 09 Feb 1951; POB Gaza, Egypt; Passport 92/664 (Egypt); SSN 523-33-8386 (United "
      "States); Political Leader in Amman, Jordan and Damascus, Syria for HAMAS; a.k.a. "
      "'ABU-'UMAR'.");
  EXPECT_THAT(f.places_of_birth, ElementsAre("Gaza, Egypt"));
  ASSERT_EQ(f.identifiers.size(), 2u);
  EXPECT_EQ(f.identifiers[0].type, IdType::kPassport);
  EXPECT_EQ(f.identifiers[0].label, "Passport");
  EXPECT_EQ(f.identifiers[0].value, "92/664");
  EXPECT_EQ(f.identifiers[1].type, IdType::kSsn);
  EXPECT_EQ(f.identifiers[1].value, "523-33-8386");
  ASSERT_EQ(f.aliases.size(), 1u);
  EXPECT_EQ(f.aliases[0].full, "ABU-'UMAR");
  EXPECT_EQ(f.aliases[0].type, NameType::kAka);
  EXPECT_EQ(f.aliases[0].quality, NameQuality::kWeak);
  EXPECT_THAT(f.unknown,
              ElementsAre("Political Leader in Amman, Jordan and Damascus, Syria for HAMAS"));
}

TEST(ParseRemarksTest, NationalityCitizenshipGender) {
  RemarkFacts f = ParseRemarks("nationality Russia; citizen Russia; Gender Female.");
  EXPECT_THAT(f.nationalities, ElementsAre("RU"));
  EXPECT_THAT(f.citizenships, ElementsAre("RU"));
  EXPECT_EQ(f.gender, Gender::kFemale);
  EXPECT_EQ(ParseRemarks("Gender Male").gender, Gender::kMale);
}

TEST(ParseRemarksTest, PassportWithCountryAndDates) {
  RemarkFacts f = ParseRemarks(
      "Passport E590976 (Russia) issued 19 Jun 1987 expires 18 Jun 1992; "
      "alt. Passport G025057 issued 23 Jun 1999 expires 05 Feb 2004.");
  ASSERT_EQ(f.identifiers.size(), 2u);
  EXPECT_EQ(f.identifiers[0].value, "E590976");
  EXPECT_EQ(f.identifiers[0].country, "RU");
  EXPECT_EQ(f.identifiers[0].note, "issued 19 Jun 1987 expires 18 Jun 1992");
  EXPECT_EQ(f.identifiers[1].value, "G025057");
  EXPECT_EQ(f.identifiers[1].country, "");
  EXPECT_EQ(f.identifiers[1].note, "issued 23 Jun 1999 expires 05 Feb 2004");
}

TEST(ParseRemarksTest, UnresolvedIdCountryIsKeptInTheNote) {
  // "Stuttgart" is a register court, "Germany" the country (ent_num 18 rows like it).
  RemarkFacts f = ParseRemarks("Registration Number HRA 738077 (Stuttgart) (Xanadu).");
  ASSERT_EQ(f.identifiers.size(), 1u);
  EXPECT_EQ(f.identifiers[0].type, IdType::kCompanyRegistration);
  EXPECT_EQ(f.identifiers[0].value, "HRA 738077 (Stuttgart)");
  EXPECT_EQ(f.identifiers[0].country, "");
  EXPECT_EQ(f.identifiers[0].note, "(Xanadu)");
}

TEST(ParseRemarksTest, NationalAndTaxIds) {
  RemarkFacts f = ParseRemarks(
      "National ID No. 216040 (Yemen); Tax ID No. 7744001497 (Russia); Legal Entity Number "
      "253400WSS48YWMBUA688; Registration Number 1027700167110 (Russia); NIT # 800018928-0 "
      "(Colombia); Cedula No. 6068015 (Colombia); D-U-N-S Number 542957624.");
  ASSERT_EQ(f.identifiers.size(), 7u);
  EXPECT_EQ(f.identifiers[0].type, IdType::kNationalId);
  EXPECT_EQ(f.identifiers[0].value, "216040");
  EXPECT_EQ(f.identifiers[1].type, IdType::kTaxId);
  EXPECT_EQ(f.identifiers[1].country, "RU");
  EXPECT_EQ(f.identifiers[2].type, IdType::kLei);
  EXPECT_EQ(f.identifiers[3].type, IdType::kCompanyRegistration);
  EXPECT_EQ(f.identifiers[4].type, IdType::kTaxId);
  EXPECT_EQ(f.identifiers[4].label, "NIT #");
  EXPECT_EQ(f.identifiers[4].value, "800018928-0");
  EXPECT_EQ(f.identifiers[5].type, IdType::kCedula);
  EXPECT_EQ(f.identifiers[6].type, IdType::kDuns);
  EXPECT_EQ(f.identifiers[6].value, "542957624");
  EXPECT_THAT(f.unknown, IsEmpty());
}

TEST(ParseRemarksTest, LongestLabelWins) {
  RemarkFacts f = ParseRemarks(
      "Diplomatic Passport 008827 (Iran) issued 1999; Passport Booklet: A5199819; UK Company "
      "Number 01126618 (United Kingdom).");
  ASSERT_EQ(f.identifiers.size(), 3u);
  EXPECT_EQ(f.identifiers[0].label, "Diplomatic Passport");
  EXPECT_EQ(f.identifiers[0].type, IdType::kPassport);
  EXPECT_THAT(f.identifiers[0].note, ::testing::EndsWith("issued 1999"));
  EXPECT_EQ(f.identifiers[1].label, "Passport Booklet");
  EXPECT_EQ(f.identifiers[1].value, "A5199819");
  EXPECT_EQ(f.identifiers[2].label, "UK Company Number");
}

TEST(ParseRemarksTest, ProseAfterAnIdLabelIsNotAnId) {
  RemarkFacts f = ParseRemarks(
      "Passport and National ID were issued in Ulm, Germany; Passport issued in Sarajevo, "
      "Bosnia-Herzegovina.");
  EXPECT_THAT(f.identifiers, IsEmpty());
  EXPECT_EQ(f.unknown.size(), 2u);
}

TEST(ParseRemarksTest, VesselImoAndMmsi) {
  // ent_num 4243.
  RemarkFacts f = ParseRemarks(
      "Vessel Registration Identification IMO 7406784; f.k.a. 'ANA I'; f.k.a. 'SAND SWAN'.");
  ASSERT_EQ(f.identifiers.size(), 1u);
  EXPECT_EQ(f.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(f.identifiers[0].value, "7406784");
  EXPECT_EQ(f.identifiers[0].label, "Vessel Registration Identification IMO");
  ASSERT_EQ(f.aliases.size(), 2u);
  EXPECT_EQ(f.aliases[0].full, "ANA I");
  EXPECT_EQ(f.aliases[0].type, NameType::kFka);
  EXPECT_EQ(f.aliases[1].full, "SAND SWAN");

  RemarkFacts g = ParseRemarks(
      "Vessel Registration Identification 8606173; Vessel Registration Identification RS 150443 "
      "(Russia); MMSI 572469210; Identification Number IMO 5342883; Company Number IMO "
      "5055293; Other Vessel Call Sign 5IM713; Vessel Year of Build 1999.");
  ASSERT_EQ(g.identifiers.size(), 6u);
  EXPECT_EQ(g.identifiers[0].type, IdType::kImo);
  EXPECT_EQ(g.identifiers[0].value, "8606173");
  EXPECT_EQ(g.identifiers[1].type, IdType::kOther);
  EXPECT_EQ(g.identifiers[1].value, "RS 150443");
  EXPECT_EQ(g.identifiers[2].type, IdType::kMmsi);
  EXPECT_EQ(g.identifiers[3].type, IdType::kImo);
  EXPECT_EQ(g.identifiers[3].value, "5342883");
  EXPECT_EQ(g.identifiers[4].type, IdType::kImo);
  EXPECT_EQ(g.identifiers[4].label, "Company Number IMO");
  EXPECT_EQ(g.identifiers[5].type, IdType::kCallSign);
  EXPECT_EQ(g.build_year, "1999");
}

TEST(ParseRemarksTest, AircraftFacts) {
  // ent_num 15431.
  RemarkFacts f = ParseRemarks(
      "Aircraft Construction Number (also called L/N or S/N or F/N) 8401; Aircraft Manufacture "
      "Date 1992; Aircraft Model IL76-TD; Aircraft Operator YAS AIR; Aircraft Manufacturer's "
      "Serial Number (MSN) 1023409321; Linked To: POUYA AIR.");
  EXPECT_EQ(f.build_year, "1992");
  EXPECT_EQ(f.craft_type, "IL76-TD");
  EXPECT_EQ(f.craft_owner, "YAS AIR");
  ASSERT_EQ(f.identifiers.size(), 2u);
  EXPECT_EQ(f.identifiers[0].label, "Aircraft Construction Number (also called L/N or S/N or F/N)");
  EXPECT_EQ(f.identifiers[0].value, "8401");
  EXPECT_EQ(f.identifiers[1].type, IdType::kAircraftSerial);
  EXPECT_EQ(f.identifiers[1].value, "1023409321");
  ASSERT_EQ(f.relations.size(), 1u);
  EXPECT_EQ(f.relations[0].type, "linked_to");
  EXPECT_EQ(f.relations[0].name, "POUYA AIR");
  EXPECT_THAT(f.unknown, IsEmpty());

  RemarkFacts g = ParseRemarks(
      "Aircraft Manufacture Date Apr 1994; Aircraft Tail Number YV3360; Previous Aircraft Tail "
      "Number 2-WGLP; Aircraft Serial Identification 258512; Aircraft Mode S Transponder Code "
      "140AE7.");
  EXPECT_EQ(g.build_year, "1994");
  ASSERT_EQ(g.identifiers.size(), 4u);
  EXPECT_EQ(g.identifiers[0].type, IdType::kAircraftRegistration);
  EXPECT_EQ(g.identifiers[0].value, "YV3360");
  EXPECT_EQ(g.identifiers[1].type, IdType::kAircraftRegistration);
  EXPECT_EQ(g.identifiers[2].type, IdType::kAircraftSerial);
  EXPECT_EQ(g.identifiers[3].type, IdType::kOther);
  EXPECT_EQ(g.identifiers[3].value, "140AE7");
}

TEST(ParseRemarksTest, OnlineIdentifiers) {
  RemarkFacts f = ParseRemarks(
      "Website www.sberbank.ru; alt. Website: www.sberbank.com; Email Address "
      "Info@oboronlogistika.ru; SWIFT/BIC SABRRUMM; SWIFT/BIC AFABAFKA; Digital Currency Address "
      "- XBT 1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo; alt. Digital Currency Address - ETH "
      "0x098B716B8Aaf21512996dC57EB0615e2383E2f96; Phone Number 982188526300; Telephone "
      "(98)(21)(66153220); Website www.orientalreview.org.");
  ASSERT_EQ(f.identifiers.size(), 10u);
  EXPECT_EQ(f.identifiers[0].type, IdType::kWebsite);
  EXPECT_EQ(f.identifiers[0].value, "www.sberbank.ru");
  EXPECT_EQ(f.identifiers[1].value, "www.sberbank.com");
  EXPECT_EQ(f.identifiers[2].type, IdType::kEmail);
  EXPECT_EQ(f.identifiers[2].value, "Info@oboronlogistika.ru");
  EXPECT_EQ(f.identifiers[3].type, IdType::kSwiftBic);
  EXPECT_EQ(f.identifiers[4].value, "AFABAFKA");
  EXPECT_EQ(f.identifiers[5].type, IdType::kDigitalCurrencyAddress);
  EXPECT_EQ(f.identifiers[5].label, "Digital Currency Address - XBT");
  EXPECT_EQ(f.identifiers[5].value, "1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo");
  EXPECT_EQ(f.identifiers[6].label, "Digital Currency Address - ETH");
  EXPECT_EQ(f.identifiers[7].type, IdType::kPhone);
  EXPECT_EQ(f.identifiers[8].type, IdType::kPhone);
  EXPECT_EQ(f.identifiers[8].value, "(98)(21)(66153220)");
  EXPECT_EQ(f.identifiers[9].value, "www.orientalreview.org");
}

TEST(ParseRemarksTest, SanctionNotes) {
  RemarkFacts f = ParseRemarks(
      "Secondary sanctions risk: section 1(b) of Executive Order 13224, as amended by Executive "
      "Order 13886; alt. Secondary sanctions risk: See Section 11 of Executive Order 14024; "
      "Additional Sanctions Information - Subject to Secondary Sanctions; Executive Order 13662 "
      "Directive Determination - Subject to Directive 1; Additional Sanctions Information - "
      "Subject to Secondary Sanctions.");
  EXPECT_THAT(
      f.sanction_notes,
      ElementsAre("Secondary sanctions risk: section 1(b) of Executive Order 13224, as "
                  "amended by Executive Order 13886",
                  "Secondary sanctions risk: See Section 11 of Executive Order 14024",
                  "Additional Sanctions Information - Subject to Secondary Sanctions",
                  "Executive Order 13662 Directive Determination - Subject to Directive 1"));
  EXPECT_THAT(ParseRemarks("Listing Date (EO 14024 Directive 2): 24 Feb 2022; Effective Date (EO "
                           "14024 Directive 2): 26 Mar 2022.")
                  .sanction_notes,
              ElementsAre("Listing Date (EO 14024 Directive 2): 24 Feb 2022",
                          "Effective Date (EO 14024 Directive 2): 26 Mar 2022"));
}

TEST(ParseRemarksTest, EstablishedDate) {
  EXPECT_EQ(ParseRemarks("Organization Established Date 1969.").established.ToString(), "1969");
  EXPECT_EQ(ParseRemarks("Organization Established Date 12 Mar 2013; Website x.com")
                .established.ToString(),
            "2013-03-12");
  // ent_num 30548 and 48662.
  EXPECT_EQ(ParseRemarks("Organization Established Date 01 Jan 2015 to 31 Dec 2015")
                .established.ToString(),
            "2015");
  EXPECT_EQ(ParseRemarks("Organization Established Date 21 Mar 2015 to 19 Mar 2016")
                .established.ToString(),
            "2015-03-21");
  EXPECT_THAT(ParseRemarks("Organization Established Date soon").problems,
              ElementsAre("unreadable Organization Established Date 'soon'"));
}

TEST(ParseRemarksTest, WeakAliasesKeepInnerQuotes) {
  // ent_num 6925, 31195, 10327.
  RemarkFacts f = ParseRemarks(
      "a.k.a. ''FOOPIE''; a.k.a. 'AL-HAMZI, Muti''; a.k.a. 'AL-WARD, 'Abd'; n.k.a. 'LGOK'; "
      "a.k.a. 'DOCTOR M.R.O.'.");
  ASSERT_EQ(f.aliases.size(), 5u);
  EXPECT_EQ(f.aliases[0].full, "'FOOPIE'");
  EXPECT_EQ(f.aliases[1].full, "AL-HAMZI, Muti'");
  EXPECT_EQ(f.aliases[2].full, "AL-WARD, 'Abd");
  EXPECT_EQ(f.aliases[3].type, NameType::kNka);
  EXPECT_EQ(f.aliases[4].full, "DOCTOR M.R.O.");
  for (const Name& n : f.aliases) EXPECT_EQ(n.quality, NameQuality::kWeak);
}

TEST(ParseRemarksTest, LinkedToKeepsAbbreviationPeriods) {
  RemarkFacts f = ParseRemarks(
      "Linked To: PETROLEOS DE VENEZUELA, S.A.; Linked To: PRIGOZHIN, Yevgeniy Viktorovich; "
      "Linked To: PERSIAN GULF PETROCHEMICAL INDUSTRY CO.");
  ASSERT_EQ(f.relations.size(), 3u);
  EXPECT_EQ(f.relations[0].name, "PETROLEOS DE VENEZUELA, S.A.");
  EXPECT_EQ(f.relations[1].name, "PRIGOZHIN, Yevgeniy Viktorovich");
  EXPECT_EQ(f.relations[2].name, "PERSIAN GULF PETROCHEMICAL INDUSTRY CO.");
  EXPECT_EQ(ParseRemarks("Linked To: HIZBALLAH.").relations[0].name, "HIZBALLAH");
  EXPECT_EQ(ParseRemarks("Linked To: KPD S.A.").relations[0].name, "KPD S.A.");
}

TEST(ParseRemarksTest, UnknownFactsAreListed) {
  RemarkFacts f = ParseRemarks("Target Type Financial Institution; Former Vessel Flag Malta.");
  EXPECT_THAT(f.unknown,
              ElementsAre("Target Type Financial Institution", "Former Vessel Flag Malta."));
}

TEST(ParseRemarksTest, LargeInputIsLinear) {
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "(; a.k.a. 'x; ";
  RemarkFacts f = ParseRemarks(big);  // must finish quickly; the content is garbage
  EXPECT_FALSE(f.aliases.empty());
}

}  // namespace
}  // namespace interdict::lists::ofac_csv_internal
