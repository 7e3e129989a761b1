// Customer files: CSV and JSONL, good rows, bad rows with line numbers, hostile input.
#include "store/customer_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/golden.h"

namespace interdict::store {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> Messages(const ParsedCustomers& p) {
  std::vector<std::string> out;
  for (const Diagnostic& d : p.diagnostics.items()) out.push_back(d.ToString());
  return out;
}

TEST(CustomerFileTest, CsvReadsColumnsByNameAndReportsBadRowsWithLines) {
  const std::string csv =
      "customer_id,Name,kind,dob,country,ids,segment\n"                         // line 1
      "C1,Ivan  Petrov,person,1970-03-02,RU,passport:X1; IMO 9187629,retail\n"  // 2
      "C2,\"Acme, Trading\nLLC\",company,,US,,corporate\n"  // 3-4 (embedded newline)
      ",No Id,person,,,,x\n"                                // 5
      "C4,,person,,,,x\n"                                   // 6
      "C5,Too,few\n"                                        // 7
      "C6,Bad \xff name,person,,,,x\n"                      // 8
      "C1,Again,person,,,,x\n"                              // 9
      "C7,Odd Kind,starship,,,,x\n";                        // 10
  auto parsed = ParseCustomerFile("customers.csv", csv);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->customers.size(), 3u);
  const Customer& c1 = parsed->customers[0];
  EXPECT_EQ(c1.id, "C1");
  EXPECT_EQ(c1.name, "Ivan Petrov");  // whitespace collapsed
  EXPECT_EQ(c1.kind, EntityKind::kPerson);
  EXPECT_EQ(c1.dob, "1970-03-02");
  EXPECT_EQ(c1.country, "RU");
  EXPECT_THAT(c1.ids, ElementsAre("passport:X1", "IMO 9187629"));
  EXPECT_EQ(parsed->customers[1].name, "Acme, Trading LLC");
  EXPECT_EQ(parsed->customers[1].kind, EntityKind::kOrganization);
  EXPECT_EQ(parsed->customers[2].id, "C7");
  EXPECT_EQ(parsed->customers[2].kind, EntityKind::kUnknown);
  EXPECT_THAT(parsed->lines, ElementsAre(2u, 3u, 10u));
  EXPECT_THAT(
      Messages(*parsed),
      ElementsAre(HasSubstr("customers.csv: line 5, column id: skipped: no customer id"),
                  HasSubstr("line 6, column name (C4): skipped: no name"),
                  HasSubstr("line 7 (C5): skipped: expected 7 fields, found 3"),
                  HasSubstr("line 8 (C6): skipped: invalid UTF-8"),
                  HasSubstr("line 9, column id (C1): skipped: customer id given earlier"),
                  HasSubstr("line 10, column kind (C7): warning: unknown kind \"starship\"")));
  EXPECT_EQ(parsed->diagnostics.skipped(), 5u);
  EXPECT_EQ(parsed->diagnostics.warnings(), 1u);
}

TEST(CustomerFileTest, JsonlAcceptsStringsNumbersAndIdArrays) {
  const std::string jsonl =
      "{\"id\":\"C1\",\"name\":\"Ivan Petrov\",\"kind\":\"individual\",\"ids\":[\"A1\",\"B2\"]}\n"
      "\n"
      "{\"customer_id\":42,\"name\":\"Acme\",\"type\":\"entity\",\"ids\":\"X;Y\"}\n"
      "not json\n"
      "[1,2]\n"
      "{\"id\":\"C3\",\"name\":{\"first\":\"x\"}}\n"
      "{\"id\":\"C4\",\"name\":\"N\",\"ids\":[1,{}]}\n"
      "{\"id\":\"C5\",\"name\":\"Truncated\"";
  auto parsed = ParseCustomerFile("c.jsonl", jsonl);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->customers.size(), 2u);
  EXPECT_EQ(parsed->customers[0].kind, EntityKind::kPerson);
  EXPECT_THAT(parsed->customers[0].ids, ElementsAre("A1", "B2"));
  EXPECT_EQ(parsed->customers[1].id, "42");
  EXPECT_EQ(parsed->customers[1].kind, EntityKind::kOrganization);
  EXPECT_THAT(parsed->customers[1].ids, ElementsAre("X", "Y"));
  EXPECT_THAT(parsed->lines, ElementsAre(1u, 3u));
  EXPECT_THAT(Messages(*parsed),
              ElementsAre(HasSubstr("c.jsonl: line 4: skipped: not a JSON object"),
                          HasSubstr("line 5: skipped: not a JSON object"),
                          HasSubstr("line 6, field name: skipped: not a string"),
                          HasSubstr("line 7, field ids (C4): skipped: ids must be"),
                          HasSubstr("line 8: skipped: not a JSON object")));
}

TEST(CustomerFileTest, FormatIsDetectedFromNameOrContent) {
  auto by_content = ParseCustomerFile("upload", "{\"id\":\"1\",\"name\":\"A\"}\n");
  ASSERT_TRUE(by_content.ok());
  EXPECT_EQ(by_content->customers.size(), 1u);
  auto csv_bom = ParseCustomerFile("c.csv", "\xef\xbb\xbfid,name\r\n1,A\r\n");
  ASSERT_TRUE(csv_bom.ok()) << csv_bom.status().ToString();
  ASSERT_EQ(csv_bom->customers.size(), 1u);
  EXPECT_EQ(csv_bom->customers[0].name, "A");
}

TEST(CustomerFileTest, HostileFilesAreRefusedNamingFileAndLine) {
  EXPECT_THAT(ParseCustomerFile("e.csv", "").status(),
              StatusIs(StatusCode::kDataLoss, "e.csv: empty file"));
  EXPECT_THAT(ParseCustomerFile("e.csv", "  \n\n").status(),
              StatusIs(StatusCode::kDataLoss, "e.csv: empty file"));
  EXPECT_THAT(ParseCustomerFile("b.csv", std::string("id,name\n1,\0\x01\x02", 13)).status(),
              StatusIs(StatusCode::kDataLoss, "b.csv: line 2: binary data"));
  EXPECT_THAT(ParseCustomerFile("h.csv", "customer,full_name\n1,A\n").status(),
              StatusIs(StatusCode::kDataLoss, "h.csv: line 1: header must name an id"));
  EXPECT_THAT(ParseCustomerFile("t.csv", "id,name\n1,\"unterminated\n").status(),
              StatusIs(StatusCode::kDataLoss, "t.csv"));
  // A header only: valid, no customers.
  auto header_only = ParseCustomerFile("h.csv", "id,name\n");
  ASSERT_TRUE(header_only.ok());
  EXPECT_TRUE(header_only->customers.empty());
  // Every JSONL line bad: kept as diagnostics, not a crash.
  auto all_bad = ParseCustomerFile("x.jsonl", "\x80\x81\n{\n");
  ASSERT_TRUE(all_bad.ok());
  EXPECT_TRUE(all_bad->customers.empty());
  EXPECT_EQ(all_bad->diagnostics.skipped(), 2u);
}

TEST(CustomerFileTest, KindNames) {
  EntityKind k;
  EXPECT_TRUE(ParseCustomerKind(" Company ", &k));
  EXPECT_EQ(k, EntityKind::kOrganization);
  EXPECT_TRUE(ParseCustomerKind("", &k));
  EXPECT_EQ(k, EntityKind::kUnknown);
  EXPECT_TRUE(ParseCustomerKind("VESSEL", &k));
  EXPECT_EQ(k, EntityKind::kVessel);
  EXPECT_FALSE(ParseCustomerKind("robot", &k));
}

}  // namespace
}  // namespace interdict::store
