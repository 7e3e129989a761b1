#include "lists/common.h"

#include <gtest/gtest.h>

#include "lists/registry.h"
#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;

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

}  // namespace
}  // namespace interdict::lists
