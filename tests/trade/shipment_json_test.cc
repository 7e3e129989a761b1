// Shipment input (JSON object, array, JSON Lines, CSV) and its errors; the verdict's JSON.
#include "trade/shipment_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/golden.h"

namespace interdict::trade {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::HasSubstr;

Result<std::vector<Shipment>> Parse(std::string_view bytes, std::string name = "in.json") {
  return ParseShipments(InputFile{std::move(name), bytes});
}

constexpr std::string_view kOne = R"({
  "id": "S-1",
  "parties": [
    {"role": "shipper", "name": "Acme Components Inc", "country": "US"},
    {"role": "End User", "name": "Ala-Too Industrial Supply LLC", "country": "Kyrgyzstan",
     "kind": "company", "ids": ["KG 123"],
     "owners": [{"name": "ofac_sdn:16666", "percent": 30}, {"name": "X", "percent": "25"}]}
  ],
  "goods": [{"hs_code": "8482.10.10", "description": "ball bearings", "quantity": 20000,
             "unit": "pcs", "value": "12,500.50", "currency": "EUR"},
            {"hs_code": 85423100, "description": "MCU"}],
  "route": {"origin": "DE", "transit": ["KZ"], "destination": "KG"},
  "x_note": "ignored"
})";

TEST(ShipmentJsonTest, ReadsOneShipmentObject) {
  auto all = Parse(kOne);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  const Shipment& s = all->front();
  EXPECT_EQ(s.id, "S-1");
  ASSERT_EQ(s.parties.size(), 2u);
  EXPECT_EQ(s.parties[1].role, PartyRole::kEndUser);
  EXPECT_EQ(s.parties[1].kind, EntityKind::kOrganization);
  ASSERT_EQ(s.parties[1].owners.size(), 2u);
  EXPECT_DOUBLE_EQ(s.parties[1].owners[1].percent, 25);
  ASSERT_EQ(s.goods.size(), 2u);
  EXPECT_EQ(s.goods[0].hs6, "848210");
  EXPECT_DOUBLE_EQ(s.goods[0].value, 12500.5);
  EXPECT_EQ(s.goods[1].hs6, "854231");
  EXPECT_EQ(s.route.transit, std::vector<std::string>{"KZ"});
  EXPECT_EQ(s.where, "in.json");
}

TEST(ShipmentJsonTest, ReadsArraysWrappedArraysAndJsonLines) {
  auto arr = Parse(R"([{"parties":[{"role":"consignee","name":"A"}]},
                       {"parties":[{"role":"bank","name":"B"}]}])");
  ASSERT_TRUE(arr.ok()) << arr.status().ToString();
  EXPECT_EQ(arr->size(), 2u);
  EXPECT_EQ((*arr)[1].where, "in.json: shipments[1]");
  auto wrapped = Parse(R"({"shipments":[{"parties":[{"role":"consignee","name":"A"}]}]})");
  ASSERT_TRUE(wrapped.ok());
  EXPECT_EQ(wrapped->size(), 1u);
  auto lines = Parse(
      "{\"id\":\"a\",\"parties\":[{\"role\":\"consignee\",\"name\":\"A\"}]}\n\n"
      "{\"id\":\"b\",\"parties\":[{\"role\":\"consignee\",\"name\":\"B\"}]}\n",
      "in.jsonl");
  ASSERT_TRUE(lines.ok()) << lines.status().ToString();
  ASSERT_EQ(lines->size(), 2u);
  EXPECT_EQ((*lines)[1].where, "in.jsonl: line 3");
}

TEST(ShipmentJsonTest, ReadsCsvGroupedByShipmentId) {
  auto all = Parse(
      "shipment_id,record,role,name,country,owners,hs_code,description,quantity,value\n"
      "S1,party,consignee,Ala-Too Industrial Supply LLC,KG,,,,,\n"
      "S2,party,consignee,\"Baltic Horizon Trading LLC\",AE,ofac_sdn:16666=30; X=25,,,,\n"
      "S1,goods,,,,,8482.10,ball bearings,20000,12000\n"
      "S1,route,origin,,DE,,,,,\n"
      "S1,route,transit,,KZ,,,,,\n"
      "S1,route,destination,,KG,,,,,\n"
      "S2,goods,,,,,,centrifugal pumps,,\n",
      "in.csv");
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 2u);
  const Shipment& s1 = (*all)[0];
  EXPECT_EQ(s1.id, "S1");
  EXPECT_EQ(s1.where, "in.csv: line 2");
  EXPECT_EQ(s1.goods.at(0).hs6, "848210");
  EXPECT_DOUBLE_EQ(s1.goods.at(0).quantity, 20000);
  EXPECT_EQ(s1.route.origin, "DE");
  EXPECT_EQ(s1.route.destination, "KG");
  const Shipment& s2 = (*all)[1];
  ASSERT_EQ(s2.parties.at(0).owners.size(), 2u);
  EXPECT_EQ(s2.parties[0].owners[0].name, "ofac_sdn:16666");
  EXPECT_DOUBLE_EQ(s2.parties[0].owners[1].percent, 25);
}

TEST(ShipmentJsonTest, MalformedShipmentsNameTheField) {
  auto err = [](std::string_view json) { return Parse(json).status(); };
  EXPECT_THAT(err(R"({"parties":[{"role":"buyer","name":"A"}]})"),
              StatusIs(StatusCode::kInvalidArgument,
                       "in.json: parties[0].role: unknown role \"buyer\" (expected shipper, "
                       "consignee, end_user"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],
                      "goods":[{"hs_code":"85A2.31"}]})"),
              StatusIs(StatusCode::kInvalidArgument,
                       "in.json: goods[0].hs_code: HS code \"85A2.31\": unexpected 'A'"));
  EXPECT_THAT(
      err(R"({"parties":[{"role":"consignee","name":"A"}],
                      "goods":[{"hs_code":"8542"}]})"),
      StatusIs(StatusCode::kInvalidArgument, "goods[0].hs_code: HS code \"8542\": 4 digits"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],
                      "goods":[{"hs_code":8542.30}]})"),
              StatusIs(StatusCode::kInvalidArgument, "write HS codes as strings"));
  EXPECT_THAT(err(R"({"id":"S-9","goods":[]})"),
              StatusIs(StatusCode::kInvalidArgument, "in.json: parties: missing"));
  EXPECT_THAT(err(R"({"parties":[]})"), StatusIs(StatusCode::kInvalidArgument, "parties: missing"));
  EXPECT_THAT(err(R"({"parties":{"role":"consignee"}})"),
              StatusIs(StatusCode::kInvalidArgument, "parties: expected an array, got object"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee"}]})"),
              StatusIs(StatusCode::kInvalidArgument, "parties[0].name: missing"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"  "}]})"),
              StatusIs(StatusCode::kInvalidArgument, "parties[0].name: empty"));
  EXPECT_THAT(
      err(R"({"parties":[{"role":"consignee","name":42}]})"),
      StatusIs(StatusCode::kInvalidArgument, "parties[0].name: expected a string, got number"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A","kind":"robot"}]})"),
              StatusIs(StatusCode::kInvalidArgument, "parties[0].kind: unknown kind \"robot\""));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A","nmae":"B"}]})"),
              StatusIs(StatusCode::kInvalidArgument, "parties[0].nmae: unknown field"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],"goods":[{"hscode":"1"}]})"),
              StatusIs(StatusCode::kInvalidArgument, "goods[0].hscode: unknown field"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],"goods":[{"quantity":3}]})"),
              StatusIs(StatusCode::kInvalidArgument, "goods[0]: a goods line needs an hs_code"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],
                      "goods":[{"description":"x","value":-5}]})"),
              StatusIs(StatusCode::kInvalidArgument, "goods[0].value: must be a number >= 0"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A",
                      "owners":[{"name":"B","percent":120}]}]})"),
              StatusIs(StatusCode::kInvalidArgument, "parties[0].owners[0].percent: must be in"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],"route":{"dest":"KG"}})"),
              StatusIs(StatusCode::kInvalidArgument, "route.dest: unknown field"));
  EXPECT_THAT(err(R"({"parties":[{"role":"consignee","name":"A"}],"shipper":"X"})"),
              StatusIs(StatusCode::kInvalidArgument, "shipper: unknown field"));
  EXPECT_THAT(err(R"([{"parties":[{"role":"consignee","name":"A"}]}, 7])"),
              StatusIs(StatusCode::kInvalidArgument, "in.json: shipments[1]: expected a shipment"));
  EXPECT_THAT(err("[]"), StatusIs(StatusCode::kInvalidArgument, "no shipments"));
  EXPECT_THAT(err("42"), StatusIs(StatusCode::kInvalidArgument, "in.json"));
}

TEST(ShipmentJsonTest, HostileFilesAreRefused) {
  EXPECT_THAT(Parse("").status(), StatusIs(StatusCode::kInvalidArgument, "in.json: empty input"));
  EXPECT_THAT(Parse(" \n\t ").status(), StatusIs(StatusCode::kInvalidArgument, "empty input"));
  EXPECT_THAT(Parse(std::string("{\0\x01\x02\x03\x04", 6)).status(),
              StatusIs(StatusCode::kInvalidArgument, "binary data"));
  EXPECT_THAT(Parse("{\"parties\":[{\"role\":\"consignee\",\"name\":\"A\xC3\"}]}").status(),
              StatusIs(StatusCode::kInvalidArgument, "in.json: line 1: invalid UTF-8"));
  // Truncated JSON: the error says where the syntax broke.
  EXPECT_THAT(Parse("[{\"parties\":[{\"role\":\"consignee\",").status(),
              StatusIs(StatusCode::kInvalidArgument, "in.json: invalid JSON"));
  // A pretty-printed object broken on its fourth line.
  EXPECT_THAT(
      Parse("{\n  \"parties\": [\n    {\"role\": \"consignee\", \"name\": \"A\"}\n  \n").status(),
      StatusIs(StatusCode::kInvalidArgument, "in.json: invalid JSON: parse error at line 5"));
  // Deep nesting is an error, not a crash.
  EXPECT_FALSE(Parse(std::string(100000, '[') + std::string(100000, ']')).ok());
  EXPECT_THAT(Parse("{\"id\":\"a\",\"parties\":[{\"role\":\"consignee\",\"name\":\"A\"}]}\n"
                    "{\"id\":\"b\",\"parties\":[{\"role\":\n")
                  .status(),
              StatusIs(StatusCode::kInvalidArgument, "in.json: line 2: invalid JSON"));
  EXPECT_THAT(Parse("name,country\nACME,DE\n", "in.csv").status(),
              StatusIs(StatusCode::kInvalidArgument,
                       "in.csv: line 1: not a shipment file: a CSV header needs shipment_id"));
  EXPECT_THAT(Parse("shipment_id,record,role,name\nS1,party,buyer,A\n", "in.csv").status(),
              StatusIs(StatusCode::kInvalidArgument, "in.csv: line 2: party.role: unknown role"));
  EXPECT_THAT(Parse("shipment_id,record,role,name\nS1,parti,consignee,A\n", "in.csv").status(),
              StatusIs(StatusCode::kInvalidArgument, "in.csv: line 2: record \"parti\""));
  EXPECT_THAT(Parse("shipment_id,record,role,name,hs_code\nS1,party,consignee,A,\n"
                    "S1,goods,,,12AB56\n",
                    "in.csv")
                  .status(),
              StatusIs(StatusCode::kInvalidArgument, "in.csv: line 3: goods.hs_code"));
  EXPECT_THAT(
      Parse("shipment_id,record,role,country\nS1,route,destination,KG\n", "in.csv").status(),
      StatusIs(StatusCode::kInvalidArgument, "in.csv: line 2 (shipment \"S1\"): parties: missing"));
  EXPECT_THAT(
      Parse("shipment_id,record,role,name,colour\nS1,party,consignee,A,red\n", "in.csv").status(),
      StatusIs(StatusCode::kInvalidArgument, "unknown column \"colour\""));
  EXPECT_THAT(Parse("shipment_id,record,role,name\nS1,party,consignee,\"A\n", "in.csv").status(),
              StatusIs(StatusCode::kInvalidArgument, "in.csv"));
}

TEST(ShipmentJsonTest, VerdictJsonCarriesEveryReason) {
  Verdict v;
  v.shipment_id = "S-1";
  v.decision = Decision::kReview;
  v.destination = "KG";
  Reason r;
  r.rule = "route.diversion_hub.chpl";
  r.layer = "route";
  r.action = Action::kReview;
  r.evidence = "strong";
  r.message = "destination Kyrgyzstan (KG) is a known transshipment hub";
  r.details = {"table row diversion_destinations.csv:9"};
  v.reasons.push_back(r);
  Reason own;
  own.rule = "ownership.blocked_50";
  own.layer = "ownership";
  own.action = Action::kBlock;
  own.party = 1;
  OwnershipFinding f;
  f.subject = "Baltic";
  f.blocked = true;
  f.blocked_percent = 55;
  f.holdings.push_back(BlockedHolding{"T", "ofac_sdn:16666", 30, true, 1});
  f.steps = {"step 1", "step 2"};
  own.ownership = f;
  v.reasons.push_back(own);
  nlohmann::ordered_json j = VerdictToJson(v);
  EXPECT_EQ(j["verdict"], "review");
  EXPECT_EQ(j["counts"]["review"], 1);
  EXPECT_EQ(j["counts"]["block"], 1);
  EXPECT_EQ(j["reasons"][0]["rule"], "route.diversion_hub.chpl");
  EXPECT_EQ(j["reasons"][0]["details"][0], "table row diversion_destinations.csv:9");
  EXPECT_FALSE(j["reasons"][0].contains("party"));
  EXPECT_EQ(j["reasons"][1]["party"], 1);
  EXPECT_EQ(j["reasons"][1]["ownership"]["holdings"][0]["reference"], "ofac_sdn:16666");
  EXPECT_EQ(j["reasons"][1]["ownership"]["chain"][1], "step 2");
}

}  // namespace
}  // namespace interdict::trade
