#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/screener_impl.h"

namespace interdict::engine {
namespace {

using V = std::vector<std::string>;

TEST(NameVariantsTest, FormerNamesInAndOutsideParentheses) {
  EXPECT_EQ(NameVariants("Pacific Endeavour (ex-Grand Wheatland)"),
            (V{"Pacific Endeavour (ex-Grand Wheatland)", "Grand Wheatland", "Pacific Endeavour"}));
  EXPECT_EQ(NameVariants("MV Stamatia Horizon (ex-Elenitsa Z, ex-Aegean Lynx)"),
            (V{"MV Stamatia Horizon (ex-Elenitsa Z, ex-Aegean Lynx)", "Elenitsa Z", "Aegean Lynx",
               "MV Stamatia Horizon"}));
  EXPECT_EQ(NameVariants("Theodosia K (ex-Lindos Harrier until 2019)")[1], "Lindos Harrier");
  EXPECT_EQ(NameVariants("Kalliopi Dawn ex Orion Tanager"),
            (V{"Kalliopi Dawn ex Orion Tanager", "Kalliopi Dawn", "Orion Tanager"}));
  EXPECT_EQ(NameVariants("Olmsbury Grain Corporation f/k/a Olmsbury Milling Corporation"),
            (V{"Olmsbury Grain Corporation f/k/a Olmsbury Milling Corporation",
               "Olmsbury Grain Corporation", "Olmsbury Milling Corporation"}));
}

TEST(NameVariantsTest, BranchesAndLabelsAreDroppedGroupQualifiersStay) {
  EXPECT_EQ(NameVariants("Kisumu Lakeside Motors Ltd (Kakamega Branch)"),
            (V{"Kisumu Lakeside Motors Ltd (Kakamega Branch)", "Kisumu Lakeside Motors Ltd"}));
  EXPECT_EQ(NameVariants("Marrowby Chemicals (Thailand) Co., Ltd."),
            (V{"Marrowby Chemicals (Thailand) Co., Ltd."}));
  EXPECT_EQ(NameVariants("BENEFICIARY: Sarikaya Hububat Ltd"), (V{"Sarikaya Hububat Ltd"}));
  EXPECT_EQ(NameVariants("Sindh Agro Chemicals (Pvt) Ltd, Sukkur Branch"),
            (V{"Sindh Agro Chemicals (Pvt) Ltd, Sukkur Branch", "Sindh Agro Chemicals (Pvt) Ltd"}));
}

TEST(NameVariantsTest, VesselFlagsAndPortsOfRegistryAreDropped) {
  EXPECT_EQ(NameVariants("Kalliopi Dawn (Malta)", EntityKind::kVessel),
            (V{"Kalliopi Dawn (Malta)", "Kalliopi Dawn"}));
  EXPECT_EQ(NameVariants("MV Soja Paranaense, Santos", EntityKind::kVessel),
            (V{"MV Soja Paranaense, Santos", "MV Soja Paranaense"}));
  // Not for companies: "(Thailand)" names another company of the group.
  EXPECT_EQ(NameVariants("Kalliopi Dawn (Malta)", EntityKind::kOrganization),
            (V{"Kalliopi Dawn (Malta)"}));
}

TEST(NameVariantsTest, WordsThatOnlyLookLikeMarkersStay) {
  EXPECT_EQ(NameVariants("Alexandra Exports"), (V{"Alexandra Exports"}));
  EXPECT_EQ(NameVariants("Rex Express Ltd"), (V{"Rex Express Ltd"}));
  EXPECT_EQ(NameVariants(""), (V{}));
}

}  // namespace
}  // namespace interdict::engine
