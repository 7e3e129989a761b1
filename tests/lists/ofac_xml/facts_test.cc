#include "lists/ofac_xml/facts.h"

#include <gtest/gtest.h>

namespace interdict::lists::ofac_xml_internal {
namespace {

TEST(ClassifyFactLabelTest, SortsOfacLabelsIntoEntityFields) {
  EXPECT_EQ(ClassifyFactLabel("Passport"), FactKind::kIdentifier);
  EXPECT_EQ(ClassifyFactLabel("SWIFT/BIC"), FactKind::kIdentifier);
  EXPECT_EQ(ClassifyFactLabel("Digital Currency Address - XBT"), FactKind::kIdentifier);
  EXPECT_EQ(ClassifyFactLabel("Vessel Registration Identification"), FactKind::kIdentifier);
  EXPECT_EQ(ClassifyFactLabel("Former Vessel Flag"), FactKind::kIdentifier);
  EXPECT_EQ(ClassifyFactLabel("Gender"), FactKind::kGender);
  EXPECT_EQ(ClassifyFactLabel("Organization Established Date"), FactKind::kEstablished);
  EXPECT_EQ(ClassifyFactLabel("Birthdate"), FactKind::kBirthDate);
  EXPECT_EQ(ClassifyFactLabel("Place of Birth"), FactKind::kPlaceOfBirth);
  EXPECT_EQ(ClassifyFactLabel("Nationality Country"), FactKind::kNationality);
  EXPECT_EQ(ClassifyFactLabel("Citizenship Country"), FactKind::kCitizenship);
  EXPECT_EQ(ClassifyFactLabel("Nationality of Registration"), FactKind::kRegistrationCountry);
  EXPECT_EQ(ClassifyFactLabel("Vessel Flag"), FactKind::kVesselFlag);
  EXPECT_EQ(ClassifyFactLabel("VESSEL TYPE"), FactKind::kCraftType);
  EXPECT_EQ(ClassifyFactLabel("Vessel Year of Build"), FactKind::kBuildYear);
  EXPECT_EQ(ClassifyFactLabel("Linked To:"), FactKind::kLinkedTo);
  for (std::string_view note :
       {"Secondary sanctions risk:", "Additional Sanctions Information -",
        "Executive Order 13662 Directive Determination -", "CAATSA Section 235 Information:",
        "IFCA Determination -", "PEESA Information:", "For more information, please see:",
        "Listing Date (EO 14024 Directive 3):", "Effective Date (CMIC)",
        "Purchase/Sales For Divestment Date (CMIC)", "Organization Type:", "Target Type",
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial "
        "Institutions:"}) {
    EXPECT_EQ(ClassifyFactLabel(note), FactKind::kSanctionNote) << note;
  }
}

TEST(ApplyFactTest, SanctionNotesKeepOfacsWording) {
  Entity e;
  EXPECT_EQ(
      ApplyFact(FactKind::kSanctionNote,
                {.label = "Secondary sanctions risk:", .value = "Section 11 of EO 14024."}, &e),
      "");
  ASSERT_EQ(e.sanction_notes.size(), 1u);
  EXPECT_EQ(e.sanction_notes[0], "Secondary sanctions risk: Section 11 of EO 14024.");
}

TEST(ApplyFactTest, UnresolvedCountryTextIsKeptInTheIdentifierNote) {
  Entity e;
  EXPECT_EQ(
      ApplyFact(
          FactKind::kIdentifier,
          {.label = "Passport", .value = "X1", .country_text = "Atlantis", .note = "issued 2001"},
          &e),
      "");
  ASSERT_EQ(e.identifiers.size(), 1u);
  EXPECT_EQ(e.identifiers[0].country, "");
  EXPECT_EQ(e.identifiers[0].note, "Atlantis; issued 2001");
  EXPECT_NE(ApplyFact(FactKind::kNationality, {.label = "nationality", .value = "Atlantis"}, &e),
            "");
  EXPECT_TRUE(e.nationalities.empty());
}

TEST(ApplyFactTest, NoneIdentifiedIsNotAValue) {
  Entity e;
  EXPECT_EQ(
      ApplyFact(FactKind::kVesselFlag, {.label = "Vessel Flag", .value = "None Identified"}, &e),
      "");
  EXPECT_EQ(ApplyFact(FactKind::kIdentifier,
                      {.label = "Former Vessel Flag", .value = "None Identified"}, &e),
            "");
  EXPECT_TRUE(e.craft.flag_name.empty());
  EXPECT_TRUE(e.identifiers.empty());
}

TEST(ApplyFactTest, BuildYearKeepsTheYear) {
  Entity e;
  EXPECT_EQ(ApplyFact(FactKind::kBuildYear,
                      {.label = "Aircraft Manufacture Date", .value = "01 Jan 1991"}, &e),
            "");
  EXPECT_EQ(e.craft.build_year, "1991");
}

TEST(OfacFullNameTest, WritesLastCommaFirst) {
  EXPECT_EQ(OfacFullName("HANIYA", "Ismail"), "HANIYA, Ismail");
  EXPECT_EQ(OfacFullName(" BANK MASKAN ", ""), "BANK MASKAN");
  EXPECT_EQ(OfacFullName("", "Ismail"), "Ismail");
}

TEST(NameTypeFromAliasLabelTest, ReadsBothSchemasSpellings) {
  NameType t = NameType::kPrimary;
  EXPECT_TRUE(NameTypeFromAliasLabel("a.k.a.", &t));
  EXPECT_EQ(t, NameType::kAka);
  EXPECT_TRUE(NameTypeFromAliasLabel("F.K.A.", &t));
  EXPECT_EQ(t, NameType::kFka);
  EXPECT_TRUE(NameTypeFromAliasLabel("nka", &t));
  EXPECT_EQ(t, NameType::kNka);
  EXPECT_FALSE(NameTypeFromAliasLabel("alias", &t));
}

TEST(RelationTypeCodeTest, MapsOfacRelationshipTypes) {
  EXPECT_EQ(RelationTypeCode("Owned or Controlled By"), "owned_by");
  EXPECT_EQ(RelationTypeCode("Associate Of"), "associate");
  EXPECT_EQ(RelationTypeCode("Acting for or on behalf of"), "acting_for");
  EXPECT_EQ(RelationTypeCode("Some New Type (2030)"), "some_new_type_2030");
  EXPECT_EQ(RelationTypeCode(""), "related");
}

TEST(AddLinkedToRelationsTest, ReadsEveryLinkedToWithNestedParentheses) {
  Entity e;
  AddLinkedToRelations(
      "For more information ...; (Linked To: NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED); "
      "Linked To: ROSTEC.; (Linked To: ROSTEC)",
      &e);
  ASSERT_EQ(e.relations.size(), 2u);
  EXPECT_EQ(e.relations[0].type, "linked_to");
  EXPECT_EQ(e.relations[0].name, "NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED");
  EXPECT_EQ(e.relations[1].name, "ROSTEC");
}

}  // namespace
}  // namespace interdict::lists::ofac_xml_internal
