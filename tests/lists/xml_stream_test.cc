#include "lists/xml_stream.h"

#include <gtest/gtest.h>

#include "testing/golden.h"

namespace interdict::lists {
namespace {

using ::interdict::testing::StatusIs;

TEST(XmlStreamTest, StreamsRecordsWithNamespacesAttributesAndText) {
  InputFile f{"t.xml",
              "<?xml version=\"1.0\"?>\n<r xmlns=\"urn:x\" date=\"2020-01-01\">\n"
              "  <rec id=\"1\"><name>  A &amp; B </name><alias q=\"low\"/></rec>\n"
              "  <other/>\n"
              "  <rec id=\"2\"><name><![CDATA[C<D]]></name></rec>\n</r>\n"};
  XmlStream xml(f);
  XmlElement e;
  ASSERT_TRUE(xml.NextElement({"rec"}, &e));
  EXPECT_EQ(xml.root_name(), "r");
  EXPECT_EQ(xml.RootAttr("date"), "2020-01-01");
  EXPECT_EQ(e.Attr("id"), "1");
  EXPECT_EQ(e.ChildText("name"), "A & B");
  ASSERT_NE(e.Child("alias"), nullptr);
  EXPECT_EQ(e.Child("alias")->Attr("q"), "low");
  EXPECT_EQ(e.line, 3);
  ASSERT_TRUE(xml.NextElement({"rec"}, &e));
  EXPECT_EQ(e.ChildText("name"), "C<D");
  EXPECT_FALSE(xml.NextElement({"rec"}, &e));
  EXPECT_TRUE(xml.status().ok()) << xml.status().ToString();
}

TEST(XmlStreamTest, TruncatedDocumentIsDataLossWithLine) {
  InputFile f{"cut.xml", "<r>\n<rec><name>A</name></rec>\n<rec><name>B</na"};
  XmlStream xml(f);
  XmlElement e;
  int n = 0;
  while (xml.NextElement({"rec"}, &e)) ++n;
  EXPECT_EQ(n, 1);
  EXPECT_THAT(xml.status(), StatusIs(StatusCode::kDataLoss, "cut.xml: line"));
}

TEST(XmlStreamTest, UnclosedRootIsDataLoss) {
  InputFile f{"open.xml", "<r>\n<rec/>\n"};
  XmlStream xml(f);
  XmlElement e;
  while (xml.NextElement({"rec"}, &e)) {
  }
  EXPECT_THAT(xml.status(), StatusIs(StatusCode::kDataLoss, "open.xml"));
}

TEST(XmlStreamTest, BinaryEmptyAndNonXmlInputsAreRefused) {
  XmlElement e;
  XmlStream bin(InputFile{"b.xml", std::string_view("\x89PNG\r\n\x1a\n\0\0", 10)});
  EXPECT_FALSE(bin.NextElement({"x"}, &e));
  EXPECT_THAT(bin.status(), StatusIs(StatusCode::kDataLoss, "binary"));
  XmlStream empty(InputFile{"e.xml", ""});
  EXPECT_FALSE(empty.NextElement({"x"}, &e));
  EXPECT_THAT(empty.status(), StatusIs(StatusCode::kDataLoss, "empty"));
  XmlStream csv(InputFile{"c.xml", "a,b,c\n1,2,3\n"});
  EXPECT_FALSE(csv.NextElement({"x"}, &e));
  EXPECT_THAT(csv.status(), StatusIs(StatusCode::kDataLoss, "c.xml"));
}

TEST(XmlStreamTest, ExternalEntitiesAreNotFetched) {
  InputFile f{"xxe.xml",
              "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
              "<r><rec>&x;</rec></r>"};
  XmlStream xml(f);
  XmlElement e;
  if (xml.NextElement({"rec"}, &e)) {
    EXPECT_EQ(e.text.find("root:"), std::string::npos);
  }
}

}  // namespace
}  // namespace interdict::lists
