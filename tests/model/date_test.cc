#include "model/date.h"

#include <gtest/gtest.h>

namespace interdict::model {
namespace {

TEST(DateTest, ParsesListNotations) {
  EXPECT_EQ(ParseDate("31 Aug 1960")->ToString(), "1960-08-31");
  EXPECT_EQ(ParseDate("Aug 1960")->ToString(), "1960-08");
  EXPECT_EQ(ParseDate("1960")->ToString(), "1960");
  EXPECT_EQ(ParseDate("1960-08-31")->ToString(), "1960-08-31");
  EXPECT_EQ(ParseDate("1960-08-31T00:00:00")->ToString(), "1960-08-31");
  EXPECT_EQ(ParseDate("31/08/1960")->ToString(), "1960-08-31");
  EXPECT_EQ(ParseDate("00/00/1980")->ToString(), "1980");
  EXPECT_EQ(ParseDate("00/05/1980")->ToString(), "1980-05");
  EXPECT_EQ(ParseDate("31.08.1960")->ToString(), "1960-08-31");
  EXPECT_EQ(ParseDate("August 31, 1960")->ToString(), "1960-08-31");
  EXPECT_EQ(ParseDate("06/04/2018")->ToString(), "2018-04-06");
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseDate("31 Feb 1960"));
  EXPECT_FALSE(ParseDate("29 Feb 1961"));
  EXPECT_TRUE(ParseDate("29 Feb 1960"));
  EXPECT_FALSE(ParseDate("0017-05-26"));
  EXPECT_FALSE(ParseDate("1960-13-01"));
  EXPECT_FALSE(ParseDate("not a date"));
  EXPECT_FALSE(ParseDate(""));
}

TEST(DateTest, DateOfBirthCircaAndRanges) {
  auto circa = ParseDateOfBirth("circa 1960");
  ASSERT_TRUE(circa);
  EXPECT_TRUE(circa->circa);
  EXPECT_EQ(circa->from.year, 1960);
  EXPECT_FALSE(circa->is_range());

  auto range = ParseDateOfBirth("1960 to 1962");
  ASSERT_TRUE(range);
  EXPECT_TRUE(range->is_range());
  EXPECT_EQ(range->to.year, 1962);

  auto between = ParseDateOfBirth("Between 1955 and 1958");
  ASSERT_TRUE(between);
  EXPECT_EQ(between->from.year, 1955);
  EXPECT_EQ(between->to.year, 1958);

  auto dash = ParseDateOfBirth("1955-1958");
  ASSERT_TRUE(dash);
  EXPECT_EQ(dash->to.year, 1958);
  EXPECT_EQ(dash->text, "1955-1958");
}

}  // namespace
}  // namespace interdict::model
