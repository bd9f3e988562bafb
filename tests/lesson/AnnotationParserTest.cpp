//===- AnnotationParserTest.cpp - expect-* directives in lesson sources ---===//
#include "Annotation.h"

#include "gtest/gtest.h"

using namespace racelab;

namespace {

AnnotationParseResult parse(llvm::StringRef Source) {
  return parseAnnotations(Source, "buggy.cpp");
}

TEST(AnnotationParserTest, LineCommentWithLabel) {
  auto R = parse("int X;\n"
                 "void f() {\n"
                 "  X++; // expect-race: X\n"
                 "}\n");
  ASSERT_TRUE(R.Errors.empty());
  ASSERT_EQ(R.Annotations.size(), 1u);
  const Annotation &A = R.Annotations[0];
  EXPECT_EQ(A.Kind, AnnotationKind::Race);
  EXPECT_EQ(A.Label, "X");
  EXPECT_EQ(A.Line, 3u);
  EXPECT_EQ(A.SourceLine, 3u);
  EXPECT_EQ(A.Column, 11u);
}

TEST(AnnotationParserTest, FreeTextAfterTheLabel) {
  auto R = parse("Total += V; // expect-race: Total (every thread adds here)\n");
  ASSERT_TRUE(R.Errors.empty());
  ASSERT_EQ(R.Annotations.size(), 1u);
  EXPECT_EQ(R.Annotations[0].Label, "Total");
}

TEST(AnnotationParserTest, RelativeAndAbsoluteOffsets) {
  auto R = parse("// expect-race@+2: A\n"
                 "int A;\n"
                 "A = 1;\n"
                 "A = 2; // expect-race@-2: A\n"
                 "/* expect-lock-order@1: M */\n");
  ASSERT_TRUE(R.Errors.empty()) << R.Errors[0].str();
  ASSERT_EQ(R.Annotations.size(), 3u);
  EXPECT_EQ(R.Annotations[0].Line, 3u);
  EXPECT_EQ(R.Annotations[1].Line, 2u);
  EXPECT_EQ(R.Annotations[2].Line, 1u);
  EXPECT_EQ(R.Annotations[2].Kind, AnnotationKind::LockOrder);
}

TEST(AnnotationParserTest, SeveralDirectivesInOneComment) {
  auto R = parse("Lock(A); // expect-lock-order: A, expect-race: Count\n");
  ASSERT_TRUE(R.Errors.empty());
  ASSERT_EQ(R.Annotations.size(), 2u);
  EXPECT_EQ(R.Annotations[0].Label, "A");
  EXPECT_EQ(R.Annotations[1].Kind, AnnotationKind::Race);
  EXPECT_EQ(R.Annotations[1].Label, "Count");
}

TEST(AnnotationParserTest, BlockCommentsSpanningLines) {
  auto R = parse("/* first line\n"
                 "   expect-thread-leak\n"
                 "*/ int X; /* expect-race: X */\n");
  ASSERT_TRUE(R.Errors.empty());
  ASSERT_EQ(R.Annotations.size(), 2u);
  EXPECT_EQ(R.Annotations[0].Kind, AnnotationKind::ThreadLeak);
  EXPECT_EQ(R.Annotations[0].Line, 2u);
  EXPECT_TRUE(R.Annotations[0].Label.empty());
  EXPECT_EQ(R.Annotations[1].Line, 3u);
}

TEST(AnnotationParserTest, DirectivesInLiteralsAreNotAnnotations) {
  auto R = parse("const char *S = \"// expect-race: X\";\n"
                 "char C = '\"'; // a quote char must not start a string\n"
                 "auto Raw = R\"x(\n"
                 "  // expect-race: Y\n"
                 ")x\";\n"
                 "int Big = 1'000'000; // expect-race: Big\n");
  ASSERT_TRUE(R.Errors.empty()) << R.Errors[0].str();
  ASSERT_EQ(R.Annotations.size(), 1u);
  EXPECT_EQ(R.Annotations[0].Label, "Big");
  EXPECT_EQ(R.Annotations[0].Line, 6u);
}

TEST(AnnotationParserTest, WordsThatOnlyContainExpectAreIgnored) {
  auto R = parse("// unexpect-ed things and re-expect-ation\n");
  EXPECT_TRUE(R.Errors.empty());
  EXPECT_TRUE(R.Annotations.empty());
}

TEST(AnnotationParserTest, UnknownKindIsAnErrorWithPosition) {
  auto R = parse("int X;\nX++; // expect-rcae: X\n");
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_EQ(R.Errors[0].Line, 2u);
  EXPECT_EQ(R.Errors[0].Column, 9u);
  EXPECT_NE(R.Errors[0].Message.find("unknown annotation 'expect-rcae'"),
            std::string::npos);
  EXPECT_NE(R.Errors[0].Message.find("expect-race"), std::string::npos);
  EXPECT_EQ(R.Errors[0].str().rfind("buggy.cpp:2:9: error: ", 0), 0u);
}

TEST(AnnotationParserTest, MissingRequiredLabel) {
  auto R = parse("X++; // expect-race\n");
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_NE(R.Errors[0].Message.find("needs a label"), std::string::npos);
  EXPECT_TRUE(R.Annotations.empty());
}

TEST(AnnotationParserTest, EmptyLabelAfterColon) {
  auto R = parse("X++; // expect-race:\n");
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_NE(R.Errors[0].Message.find("needs a label"), std::string::npos);
}

TEST(AnnotationParserTest, BadOffsets) {
  auto R = parse("// expect-race@+9: X\n"
                 "// expect-race@x: X\n"
                 "// expect-race@-5: X\n");
  ASSERT_EQ(R.Errors.size(), 3u);
  EXPECT_NE(R.Errors[0].Message.find("outside the file"), std::string::npos);
  EXPECT_NE(R.Errors[1].Message.find("bad line offset"), std::string::npos);
  EXPECT_NE(R.Errors[2].Message.find("outside the file"), std::string::npos);
  EXPECT_TRUE(R.Annotations.empty());
}

TEST(AnnotationParserTest, JunkAfterKind) {
  auto R = parse("// expect-race.X\n");
  ASSERT_EQ(R.Errors.size(), 1u);
  EXPECT_NE(R.Errors[0].Message.find("expected ':' or '@'"), std::string::npos);
}

TEST(AnnotationParserTest, KindNamesRoundTrip) {
  for (AnnotationKind K : allAnnotationKinds()) {
    auto Back = annotationKindFromName(annotationKindName(K));
    ASSERT_TRUE(Back.has_value());
    EXPECT_EQ(*Back, K);
  }
  EXPECT_FALSE(annotationKindFromName("data-race").has_value());
}

} // namespace
