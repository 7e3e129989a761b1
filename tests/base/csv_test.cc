#include "base/csv.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "testing/golden.h"

namespace interdict::base {
namespace {

using ::interdict::testing::StatusIs;

std::vector<std::vector<std::string>> ReadAll(std::string_view data, Status* status = nullptr) {
  CsvReader reader(data);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  while (reader.Next(&row)) rows.push_back(row);
  if (status) *status = reader.status();
  return rows;
}

TEST(CsvReaderTest, QuotedFieldsWithCommasEscapesAndNewlines) {
  auto rows = ReadAll("a,\"b,c\",\"say \"\"hi\"\"\"\r\n1,\"two\nlines\",3\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "two\nlines", "3"}));
}

TEST(CsvReaderTest, OfacTrailingDosEofAndNullToken) {
  auto rows = ReadAll("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\r\n\x1a");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][2], "-0- ");
  EXPECT_EQ(rows[0][3], "CUBA");
}

TEST(CsvReaderTest, EmptyFieldsAndLastFieldWithoutNewline) {
  auto rows = ReadAll(",,\nx,,y");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"", "", ""}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"x", "", "y"}));
}

TEST(CsvReaderTest, LineNumbersCountEmbeddedNewlines) {
  CsvReader reader("h\n\"a\nb\"\nc\n");
  std::vector<std::string> row;
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(reader.line(), 1u);
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(reader.line(), 2u);
  ASSERT_TRUE(reader.Next(&row));
  EXPECT_EQ(reader.line(), 4u);
  EXPECT_FALSE(reader.Next(&row));
  EXPECT_TRUE(reader.status().ok());
}

TEST(CsvReaderTest, UnterminatedQuoteIsDataLossNamingTheLine) {
  Status status;
  auto rows = ReadAll("a,b\nc,\"never closed\nmore", &status);
  EXPECT_EQ(rows.size(), 1u);
  EXPECT_THAT(status, StatusIs(StatusCode::kDataLoss, "line 2"));
}

TEST(CsvReaderTest, OversizedFieldIsRefused) {
  std::string big(2000, 'x');
  CsvOptions opts;
  opts.max_field_bytes = 1000;
  const std::string data = "a," + big + "\n";  // the reader borrows its input
  CsvReader reader(data, opts);
  std::vector<std::string> row;
  EXPECT_FALSE(reader.Next(&row));
  EXPECT_THAT(reader.status(), StatusIs(StatusCode::kDataLoss, "longer than 1000 bytes"));
}

TEST(CsvReaderTest, OneMegabyteFieldWithinDefaultLimitIsRead) {
  std::string big(1 << 20, 'y');
  auto rows = ReadAll("id,\"" + big + "\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][1].size(), big.size());
}

TEST(CsvReaderTest, ByteOrderMarkIsSkipped) {
  auto rows = ReadAll("\xEF\xBB\xBFid,name\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "id");
}

TEST(CsvReaderTest, EmptyInputHasNoRecords) {
  Status status;
  EXPECT_TRUE(ReadAll("", &status).empty());
  EXPECT_TRUE(status.ok());
}

}  // namespace
}  // namespace interdict::base
