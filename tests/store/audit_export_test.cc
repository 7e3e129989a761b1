#include "store/audit_export.h"

#include <gtest/gtest.h>

namespace interdict::store {
namespace {

TEST(AuditExportTest, CsvQuotesFieldsWithCommasQuotesAndNewlines) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
}

}  // namespace
}  // namespace interdict::store
