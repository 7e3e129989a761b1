#include "lists/us_csl/csl_fields.h"

#include <gtest/gtest.h>

namespace interdict::lists::us_csl_internal {
namespace {

TEST(ListCodeTest, TakesTheParenthesizedCode) {
  EXPECT_EQ(ListCode("Entity List (EL) - Bureau of Industry and Security"), "EL");
  EXPECT_EQ(ListCode("Military End User (MEU) List - Bureau of Industry and Security"), "MEU");
  EXPECT_EQ(ListCode("Capta List (CAP) - Treasury Department"), "CAP");
  EXPECT_EQ(ListCode("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department"),
            "NS-MBS");
  EXPECT_EQ(ListCode("Some new list"), "");
}

TEST(ParseAddressTest, AssignsPartsFromTheEnd) {
  Address a = ParseAddress("P.O. Box 161, Caesarea, 3088903, IL");
  EXPECT_EQ(a.street, "P.O. Box 161");
  EXPECT_EQ(a.city, "Caesarea");
  EXPECT_EQ(a.region, "");
  EXPECT_EQ(a.postal_code, "3088903");
  EXPECT_EQ(a.country, "IL");
  EXPECT_EQ(a.country_name, "");
  EXPECT_EQ(a.full, "P.O. Box 161, Caesarea, 3088903, IL");
}

TEST(ParseAddressTest, StreetKeepsItsCommas) {
  Address a = ParseAddress(
      "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH "
      "HIGHWAY 175, SEAGOVILLE, TX, 75159, US");
  EXPECT_EQ(a.street,
            "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 "
            "NORTH HIGHWAY 175");
  EXPECT_EQ(a.city, "SEAGOVILLE");
  EXPECT_EQ(a.region, "TX");
  EXPECT_EQ(a.postal_code, "75159");
  EXPECT_EQ(a.country, "US");
}

TEST(ParseAddressTest, AddressWithoutCountry) {
  // Many DPL addresses in the US stop at the ZIP code.
  Address a = ParseAddress("7 BASCOM STREET, IRVINE, CA, 92612");
  EXPECT_EQ(a.street, "7 BASCOM STREET");
  EXPECT_EQ(a.city, "IRVINE");
  EXPECT_EQ(a.region, "CA");
  EXPECT_EQ(a.postal_code, "92612");
  EXPECT_EQ(a.country, "");
  // One part and nothing that says what it is: a street.
  Address b = ParseAddress("c/o FARBE COMUNICACIONES LTDA");
  EXPECT_EQ(b.street, "c/o FARBE COMUNICACIONES LTDA");
  EXPECT_EQ(b.city, "");
}

TEST(ParseAddressTest, CountryOnlyAndCityOnly) {
  Address a = ParseAddress("LU");
  EXPECT_EQ(a.country, "LU");
  EXPECT_EQ(a.street, "");
  EXPECT_EQ(a.full, "LU");
  Address b = ParseAddress("Tehran, IR");
  EXPECT_EQ(b.city, "Tehran");
  EXPECT_EQ(b.street, "");
  EXPECT_EQ(b.country, "IR");
}

TEST(ParseAddressTest, FoldsACountryNameWrittenBeforeItsCode) {
  Address a = ParseAddress("Deguninskaya Street 10, Moscow, Russia, RU");
  EXPECT_EQ(a.street, "Deguninskaya Street 10");
  EXPECT_EQ(a.city, "Moscow");
  EXPECT_EQ(a.country, "RU");
  EXPECT_EQ(a.country_name, "Russia");
}

TEST(ParseAddressTest, KeepsAnUnknownTwoLetterCountryAsText) {
  Address a = ParseAddress("Some Street 1, Sometown, XQ");
  EXPECT_EQ(a.country, "");
  EXPECT_EQ(a.country_name, "XQ");
  EXPECT_EQ(a.city, "Sometown");
}

TEST(ParseAddressTest, NumberedPartsAndCareOfAreNotCities) {
  Address a = ParseAddress("26 Varshavskoe Highway, 117105, RU");
  EXPECT_EQ(a.street, "26 Varshavskoe Highway");
  EXPECT_EQ(a.city, "");
  EXPECT_EQ(a.postal_code, "117105");
  Address b = ParseAddress("Unit 5, Building 41, CN");
  EXPECT_EQ(b.postal_code, "");  // "Building 41" is not a postal code
  EXPECT_EQ(b.street, "Unit 5, Building 41");
  Address c = ParseAddress("c/o VEST SPECTRUM (S) PTE. LTD., SG");
  EXPECT_EQ(c.city, "");
  EXPECT_EQ(c.street, "c/o VEST SPECTRUM (S) PTE. LTD.");
  EXPECT_EQ(c.country, "SG");
}

TEST(ParseAddressTest, DropsEmptyPartsAndJoinsLines) {
  Address a = ParseAddress("95 HAVELOCK ROAD, #14-583, , SINGAPORE, 160095, SG");
  // The street is the source's text: separators as written.
  EXPECT_EQ(ParseAddress("Bud.42,VUL.MARSELSKA Suvorovsky R-N, Odessa, 65123, UA").street,
            "Bud.42,VUL.MARSELSKA Suvorovsky R-N");
  EXPECT_EQ(a.street, "95 HAVELOCK ROAD, #14-583");
  EXPECT_EQ(a.city, "SINGAPORE");
  EXPECT_EQ(a.postal_code, "160095");
  Address b = ParseAddress("1500 Qinjiagang Road, Room 112 & 6\nPudong New Area, Shanghai, CN");
  EXPECT_EQ(b.full, "1500 Qinjiagang Road, Room 112 & 6 Pudong New Area, Shanghai, CN");
  EXPECT_EQ(b.city, "Shanghai");
}

TEST(ClassifyIdLabelTest, SortsOfacLabels) {
  EXPECT_EQ(ClassifyIdLabel("Passport"), IdLabelKind::kIdentifier);
  EXPECT_EQ(ClassifyIdLabel("Registration Number"), IdLabelKind::kIdentifier);
  EXPECT_EQ(ClassifyIdLabel("ISIN"), IdLabelKind::kIdentifier);
  EXPECT_EQ(ClassifyIdLabel("Gender"), IdLabelKind::kGender);
  EXPECT_EQ(ClassifyIdLabel("Organization Established Date"), IdLabelKind::kEstablished);
  EXPECT_EQ(ClassifyIdLabel("Nationality of Registration"), IdLabelKind::kRegistrationCountry);
  EXPECT_EQ(ClassifyIdLabel("Aircraft Model"), IdLabelKind::kCraftType);
  EXPECT_EQ(ClassifyIdLabel("Aircraft Operator"), IdLabelKind::kCraftOwner);
  EXPECT_EQ(ClassifyIdLabel("Aircraft Manufacture Date"), IdLabelKind::kBuildYear);
  EXPECT_EQ(ClassifyIdLabel("Secondary sanctions risk:"), IdLabelKind::kSanctionNote);
  EXPECT_EQ(ClassifyIdLabel("Additional Sanctions Information -"), IdLabelKind::kSanctionNote);
  EXPECT_EQ(ClassifyIdLabel("Executive Order 14024 Directive Information"),
            IdLabelKind::kSanctionNote);
  EXPECT_EQ(ClassifyIdLabel("Listing Date (CMIC)"), IdLabelKind::kSanctionNote);
  EXPECT_EQ(ClassifyIdLabel("Target Type"), IdLabelKind::kSanctionNote);
  // A statement label added later, marked the way OFAC marks them.
  EXPECT_EQ(ClassifyIdLabel("Some New Act Information:"), IdLabelKind::kSanctionNote);
}

TEST(SplitIdItemTest, CountryTwoDatesNumberLabel) {
  IdItem it = SplitIdItem("JO, 2014-08-30, 2009-08-31, K475336, Passport");
  EXPECT_EQ(it.kind, IdLabelKind::kIdentifier);
  EXPECT_EQ(it.label, "Passport");
  EXPECT_EQ(it.country, "JO");
  EXPECT_EQ(it.first_date, "2014-08-30");
  EXPECT_EQ(it.second_date, "2009-08-31");
  EXPECT_EQ(it.value, "K475336");
  EXPECT_EQ(IdentifierNote(it), "issued 2009-08-31; expires 2014-08-30");
}

TEST(SplitIdItemTest, ShorterShapes) {
  IdItem a = SplitIdItem("QA, 28940000602, National ID No.");
  EXPECT_EQ(a.country, "QA");
  EXPECT_EQ(a.value, "28940000602");
  EXPECT_EQ(IdentifierNote(a), "");
  IdItem b = SplitIdItem("SD, 1998-10-28, 562605, Passport");
  EXPECT_EQ(b.value, "562605");
  EXPECT_EQ(IdentifierNote(b), "date 1998-10-28 (issue or expiry)");
  IdItem c = SplitIdItem("2017-08-21, 3284670, Driver's License No.");
  EXPECT_EQ(c.country, "");
  EXPECT_EQ(c.first_date, "2017-08-21");
  EXPECT_EQ(c.value, "3284670");
  IdItem d = SplitIdItem("K048787, Passport");
  EXPECT_EQ(d.country, "");
  EXPECT_EQ(d.value, "K048787");
}

TEST(SplitIdItemTest, ValuesWithCommasStayWhole) {
  IdItem a = SplitIdItem("PA, 467323, Doc. 694710, Public Registration Number");
  EXPECT_EQ(a.country, "PA");
  EXPECT_EQ(a.value, "467323, Doc. 694710");
  IdItem b = SplitIdItem("Korea, North, Nationality of Registration");
  EXPECT_EQ(b.kind, IdLabelKind::kRegistrationCountry);
  EXPECT_EQ(b.value, "Korea, North");
  IdItem c = SplitIdItem(
      "section 1(b) of Executive Order 13224, as amended by Executive Order 13886, Secondary "
      "sanctions risk:");
  EXPECT_EQ(c.kind, IdLabelKind::kSanctionNote);
  EXPECT_EQ(c.value, "section 1(b) of Executive Order 13224, as amended by Executive Order 13886");
  IdItem g = SplitIdItem("Male, Gender");
  EXPECT_EQ(g.kind, IdLabelKind::kGender);
  EXPECT_EQ(g.value, "Male");
}

TEST(SplitIdItemTest, ItemWithoutLabel) {
  IdItem it = SplitIdItem("K048787");
  EXPECT_EQ(it.kind, IdLabelKind::kIdentifier);
  EXPECT_EQ(it.label, "");
  EXPECT_EQ(it.value, "K048787");
}

TEST(KindTest, FromTypeColumn) {
  EXPECT_EQ(KindFromType("Individual"), EntityKind::kPerson);
  EXPECT_EQ(KindFromType("Entity"), EntityKind::kOrganization);
  EXPECT_EQ(KindFromType("Vessel"), EntityKind::kVessel);
  EXPECT_EQ(KindFromType("aircraft"), EntityKind::kAircraft);
  EXPECT_EQ(KindFromType(""), EntityKind::kUnknown);
  EXPECT_EQ(KindFromType("Robot"), EntityKind::kUnknown);
}

TEST(KindTest, OrganizationWords) {
  EXPECT_TRUE(HasOrganizationWord("ARROWTRONIC, LLC"));
  EXPECT_TRUE(HasOrganizationWord("KOTO COMMERCIO IBERICA, S.L."));
  EXPECT_TRUE(HasOrganizationWord("YARRA ANSTALT A.G."));
  EXPECT_TRUE(HasOrganizationWord("AL NASER WINGS AIRLINES"));
  EXPECT_TRUE(HasOrganizationWord("L&M Manufacturing Corporation"));
  EXPECT_TRUE(HasOrganizationWord("CHEAPSHOP4YOU LLC"));
  EXPECT_TRUE(HasOrganizationWord("SYNAPTIX.NET"));
  EXPECT_TRUE(HasOrganizationWord("ADT ANALOG AND DIGITAL TECHNIK"));
  EXPECT_TRUE(HasOrganizationWord("Agroplast, a.s."));
  EXPECT_TRUE(HasOrganizationWord("ETI Elektroteknik Sanayi ve Ticaret A.S."));
  EXPECT_TRUE(HasOrganizationWord("Fifth Border Guard Regiment"));
  EXPECT_FALSE(HasOrganizationWord("Jose As Garcia"));  // "as" counts only with dots
  EXPECT_FALSE(HasOrganizationWord("ABEL HERNANDEZ, JR."));
  EXPECT_FALSE(HasOrganizationWord("Maria Silvia Elizalde de Nunez"));
  EXPECT_FALSE(HasOrganizationWord("CAPTAIN ELYAZGI"));
  // "Air" is an organization word only as a whole word.
  EXPECT_FALSE(HasOrganizationWord("Airat Gainullin"));
}

TEST(KindTest, PersonalNameShape) {
  EXPECT_TRUE(HasPersonalNameShape("FUYI SUN A/K/A FRANK SUN"));
  EXPECT_TRUE(HasPersonalNameShape("JIN, ZHONGDA"));
  EXPECT_TRUE(HasPersonalNameShape("Joseph O'Toole"));
  EXPECT_TRUE(HasPersonalNameShape("Карина Смирнова"));
  EXPECT_FALSE(HasPersonalNameShape("TECHONWEB"));
  EXPECT_FALSE(HasPersonalNameShape("P&P COMPUTERS"));
  EXPECT_FALSE(HasPersonalNameShape("CHEAPSHOP4YOU LLC"));
}

TEST(KindTest, ParenthesizedAcronym) {
  EXPECT_TRUE(HasParenthesizedAcronym("Towlid Abzar Boreshi Iran (TABA)"));
  EXPECT_TRUE(HasParenthesizedAcronym("Islamic Revolutionary Guard Corps (IRGC)"));
  EXPECT_FALSE(HasParenthesizedAcronym("SAMMY (IHSAN MEDHAT) ELASHI"));
  EXPECT_FALSE(HasParenthesizedAcronym("ASMAT (APPLIED)"));  // all capitals
  EXPECT_FALSE(HasParenthesizedAcronym("Igor Aleksandrovich Michurin (Russian individual)"));
}

TEST(KindTest, NameSaysIndividual) {
  EXPECT_TRUE(NameSaysIndividual(
      "Rim Ryong Nam [DPRK Munitions Industry Department (MID) Official] (North Korean "
      "individual in China)"));
  EXPECT_TRUE(NameSaysIndividual("Igor Aleksandrovich Michurin (Russian Individual)"));
  EXPECT_FALSE(NameSaysIndividual("Individualized Solutions Ltd"));
}

TEST(KindTest, InferUntypedKind) {
  // DPL and DTC: the name decides.
  EXPECT_EQ(InferUntypedKind("DPL", "ALEXANDER M. ROVEGNO", false, false), EntityKind::kPerson);
  EXPECT_EQ(InferUntypedKind("DPL", "AIR FREIGHT LTD", false, false), EntityKind::kOrganization);
  EXPECT_EQ(InferUntypedKind("DTC", "Joel Prado, Jr.", false, false), EntityKind::kPerson);
  EXPECT_EQ(InferUntypedKind("DTC", "Jetborne, Inc.", false, false), EntityKind::kOrganization);
  EXPECT_EQ(InferUntypedKind("DTC", "TECHONWEB", false, false), EntityKind::kOrganization);
  EXPECT_EQ(InferUntypedKind("ISN", "Abdul Qadeer Khan", false, false), EntityKind::kPerson);
  EXPECT_EQ(InferUntypedKind("ISN", "CDM Engineering", false, false), EntityKind::kOrganization);
  EXPECT_EQ(InferUntypedKind("ISN", "Asa'ib Ahl al-Haq (AAH)", false, false),
            EntityKind::kOrganization);
  // Known cost of the rule: an ISN organization without an organization word.
  EXPECT_EQ(InferUntypedKind("ISN", "Lebanese Hizballah", false, false), EntityKind::kPerson);
  // On the Entity List a personal-looking name is not enough ("Huawei Cloud Berlin")...
  EXPECT_EQ(InferUntypedKind("EL", "Huawei Cloud Berlin", false, false), EntityKind::kOrganization);
  EXPECT_EQ(InferUntypedKind("EL", "Kirill A Stekhovskiy", false, false),
            EntityKind::kOrganization);
  // ...but person and vessel facts are.
  EXPECT_EQ(InferUntypedKind("EL", "Kirill A Stekhovskiy", true, false), EntityKind::kPerson);
  EXPECT_EQ(InferUntypedKind("EL", "OCEAN STAR", false, true), EntityKind::kVessel);
  EXPECT_EQ(InferUntypedKind("ISN",
                             "Rim Ryong Nam [DPRK Munitions Industry Department (MID) "
                             "Official] (North Korean individual in China)",
                             false, false),
            EntityKind::kPerson);
}

TEST(AddLinkedToTest, ReadsEachStatement) {
  std::vector<Relation> rel;
  AddLinkedTo("(Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE)", &rel);
  AddLinkedTo(
      "DOB 1960; Linked To: ARAFA, Ahmed Ibrahim Hassan Ahmed; Linked To: BEN KHALIFA, Fahmi)",
      &rel);
  AddLinkedTo("(Linked To: NORYBAN PRODUCTIONS, S.A. DE C.V.)", &rel);
  AddLinkedTo("(Linked To: BEN KHALIFA, Fahmi)", &rel);  // already there
  AddLinkedTo("Linked To: ", &rel);                      // nothing named
  ASSERT_EQ(rel.size(), 4u);
  EXPECT_EQ(rel[0].type, "linked_to");
  EXPECT_EQ(rel[0].name, "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE");
  EXPECT_EQ(rel[1].name, "ARAFA, Ahmed Ibrahim Hassan Ahmed");
  EXPECT_EQ(rel[2].name, "BEN KHALIFA, Fahmi");
  EXPECT_EQ(rel[3].name, "NORYBAN PRODUCTIONS, S.A. DE C.V.");  // the final dot is the name's
}

}  // namespace
}  // namespace interdict::lists::us_csl_internal
