#include "base/text.h"

#include <gtest/gtest.h>

#include "base/gzip.h"
#include "base/sha256.h"
#include "testing/golden.h"

namespace interdict::base {
namespace {

using ::interdict::testing::StatusIs;

TEST(TextTest, TrimRemovesAsciiSpaceAndNoBreakSpace) {
  EXPECT_EQ(Trim("  a b \r\n"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0x\xC2\xA0"), "x");
  EXPECT_EQ(Trim("   "), "");
}

TEST(TextTest, SplitKeepsEmptyPartsSplitTrimmedDropsThem) {
  EXPECT_EQ(Split("a; ;b", ";").size(), 3u);
  auto parts = SplitTrimmed("a; ;b", ";");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[1], "b");
}

TEST(TextTest, Utf8ValidationRejectsOverlongsSurrogatesAndTruncation) {
  EXPECT_TRUE(IsValidUtf8("Шойгу 深圳"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8("ok\xE4\xB8"));    // truncated
  EXPECT_EQ(FindInvalidUtf8("ab\xFFz"), 2u);
}

TEST(TextTest, DecodeAndEncodeRoundTrip) {
  std::string s = "Ağa Шойгу 深圳 𝔘";
  EXPECT_EQ(U32ToUtf8(Utf8ToU32(s)), s);
}

TEST(TextTest, Windows1252MapsHighBytes) {
  EXPECT_EQ(Windows1252ToUtf8("Caf\xE9 \x80"), "Café €");
  EXPECT_EQ(ToUtf8Lenient("Caf\xE9"), "Café");
  EXPECT_EQ(ToUtf8Lenient("Café"), "Café");
}

TEST(TextTest, LooksBinaryOnNulOrControlBytes) {
  EXPECT_TRUE(LooksBinary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_FALSE(LooksBinary("a,b,c\r\n\x1a"));
}

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(GzipTest, RejectsNonGzipAndTruncated) {
  EXPECT_THAT(GunzipBytes("plain text").status(), StatusIs(StatusCode::kDataLoss, "not gzip"));
  // gzip of "hello\n" (printf 'hello\n' | gzip -n), cut short.
  const unsigned char gz[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                              0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7, 0x02, 0x00,
                              0x20, 0x30, 0x3a, 0x36, 0x06, 0x00, 0x00, 0x00};
  std::string_view full(reinterpret_cast<const char*>(gz), sizeof(gz));
  auto ok = GunzipBytes(full);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(*ok, "hello\n");
  EXPECT_THAT(GunzipBytes(full.substr(0, 14)).status(),
              StatusIs(StatusCode::kDataLoss, "truncated"));
  EXPECT_THAT(GunzipBytes(full, 3).status(), StatusIs(StatusCode::kDataLoss, "expands beyond"));
}

}  // namespace
}  // namespace interdict::base
