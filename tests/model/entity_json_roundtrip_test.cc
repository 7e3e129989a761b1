// EntityFromJson() is the exact inverse of EntityToJson(): checked on every entity line of
// every parser's golden file (real records from all seven sources), plus hostile JSON.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "model/entity_json.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::model {
namespace {

using ::interdict::testing::StatusIs;

TEST(EntityJsonRoundTripTest, EveryGoldenEntityRoundTripsExactly) {
  size_t entities = 0;
  size_t files = 0;
  for (const auto& item :
       std::filesystem::recursive_directory_iterator(::interdict::testing::TestPath("lists"))) {
    const std::string path = item.path().string();
    if (!item.is_regular_file() || !path.ends_with(".golden.jsonl")) continue;
    ++files;
    std::ifstream in(path);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      nlohmann::json j = nlohmann::json::parse(line);
      if (!j.contains("source_id")) continue;  // the version header and diagnostics
      Result<Entity> e = EntityFromJsonText(line);
      ASSERT_TRUE(e.ok()) << path << ":" << line_no << ": " << e.status().ToString();
      EXPECT_EQ(EntityToJson(*e).dump(), line) << path << ":" << line_no;
      ++entities;
    }
  }
  EXPECT_GE(files, 10u);
  EXPECT_GT(entities, 50u);
}

TEST(EntityJsonRoundTripTest, FieldsComeBackTyped) {
  Entity e;
  e.source = ListSource::kOfacSdn;
  e.source_id = "36";
  e.kind = EntityKind::kVessel;
  e.names.push_back(Name{.full = "ARTAVIL", .type = NameType::kPrimary, .script = Script::kLatin});
  e.names.push_back(Name{.full = "ART", .type = NameType::kAka, .quality = NameQuality::kWeak});
  DateOfBirth dob;
  dob.from = PartialDate{1960, 8, 0};
  dob.to = PartialDate{1962, 0, 0};
  dob.circa = true;
  dob.text = "circa Aug 1960 to 1962";
  e.dates_of_birth.push_back(dob);
  e.gender = Gender::kFemale;
  e.identifiers.push_back(Identifier{.type = IdType::kImo, .value = "9187629", .country = "IR"});
  e.craft.flag = "IR";
  e.established = PartialDate{1999, 0, 0};
  e.listed_on = PartialDate{2024, 2, 29};
  e.relations.push_back(Relation{.type = "linked_to", .name = "NITC", .source_id = "7"});
  e.provenance = Provenance{.file = "sdn.csv", .sha256 = "ab", .locator = "line 3"};

  Result<Entity> back = EntityFromJsonText(EntityToJson(e).dump());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->kind, EntityKind::kVessel);
  EXPECT_EQ(back->names[1].quality, NameQuality::kWeak);
  EXPECT_EQ(back->names[1].type, NameType::kAka);
  EXPECT_EQ(back->dates_of_birth[0].from, (PartialDate{1960, 8, 0}));
  EXPECT_EQ(back->dates_of_birth[0].to, (PartialDate{1962, 0, 0}));
  EXPECT_TRUE(back->dates_of_birth[0].circa);
  EXPECT_EQ(back->gender, Gender::kFemale);
  EXPECT_EQ(back->identifiers[0].type, IdType::kImo);
  EXPECT_EQ(back->listed_on, (PartialDate{2024, 2, 29}));
  EXPECT_EQ(back->relations[0].source_id, "7");
  EXPECT_EQ(back->provenance.locator, "line 3");
}

TEST(EntityJsonRoundTripTest, HostileJsonIsRefusedNamingTheField) {
  EXPECT_THAT(EntityFromJsonText("").status(), StatusIs(StatusCode::kDataLoss, "not valid JSON"));
  EXPECT_THAT(EntityFromJsonText("{\"source\":\"un\",").status(),
              StatusIs(StatusCode::kDataLoss, "not valid JSON"));
  EXPECT_THAT(EntityFromJsonText(std::string("\x00\xff\xfe", 3)).status(),
              StatusIs(StatusCode::kDataLoss, "not valid JSON"));
  EXPECT_THAT(EntityFromJsonText("{\"source_id\":\"1\",\"names\":[{\"full\":\"\xff\"}]}").status(),
              StatusIs(StatusCode::kDataLoss, "not valid JSON"));
  EXPECT_THAT(EntityFromJsonText("[1,2]").status(),
              StatusIs(StatusCode::kDataLoss, "not an object"));
  EXPECT_THAT(EntityFromJsonText("{\"source\":\"mars\",\"names\":[{\"full\":\"A\"}]}").status(),
              StatusIs(StatusCode::kDataLoss, "source: unknown source \"mars\""));
  EXPECT_THAT(EntityFromJsonText("{\"source\":\"un\",\"names\":[]}").status(),
              StatusIs(StatusCode::kDataLoss, "names: no name"));
  EXPECT_THAT(
      EntityFromJsonText(
          "{\"names\":[{\"full\":\"A\",\"type\":\"primary\"},{\"full\":\"B\",\"type\":\"x\"}]}")
          .status(),
      StatusIs(StatusCode::kDataLoss, "names[1].type: unknown name type \"x\""));
  EXPECT_THAT(EntityFromJsonText("{\"names\":[{\"full\":\"A\",\"type\":\"primary\"}],"
                                 "\"dates_of_birth\":[{\"from\":\"1960-13\"}]}")
                  .status(),
              StatusIs(StatusCode::kDataLoss, "dates_of_birth[0].from: not a date \"1960-13\""));
  EXPECT_THAT(EntityFromJsonText("{\"names\":[{\"full\":\"A\",\"type\":\"primary\"}],"
                                 "\"programs\":[\"SDGT\",7]}")
                  .status(),
              StatusIs(StatusCode::kDataLoss, "programs[1]: not a string"));
  EXPECT_THAT(EntityFromJsonText("{\"names\":[{\"full\":\"A\",\"type\":\"primary\"}],"
                                 "\"identifiers\":[{\"type\":\"dna\",\"value\":\"1\"}]}")
                  .status(),
              StatusIs(StatusCode::kDataLoss, "identifiers[0].type: unknown identifier type"));
  EXPECT_THAT(EntityFromJsonText("{\"names\":{\"full\":\"A\"}}").status(),
              StatusIs(StatusCode::kDataLoss, "names: not an array"));
}

}  // namespace
}  // namespace interdict::model
